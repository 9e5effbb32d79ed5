"""Writing: atomic, so a crash or Ctrl-C never leaves a half-written map."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from mapgen.errors import OutputError


def write_html(path: Path, text: str) -> int:
    """Write ``text`` to ``path`` via a temporary file and a rename; return the size in bytes."""
    data = text.encode("utf-8")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException as exc:
        Path(temp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {path}: {exc.strerror}") from exc
        raise
    return len(data)
