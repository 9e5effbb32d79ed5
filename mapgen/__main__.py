"""``python -m mapgen``."""

import sys

from mapgen.cli import main

sys.exit(main())
