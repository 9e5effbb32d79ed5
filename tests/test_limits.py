"""A layer file far too large: refused at once with a clear message, in bounded memory."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

from factories import layers, point, write_geodata

SIZE = 200 * 2**20


def test_a_200_mb_layer_is_refused_clearly_without_loading_it(tmp_path: Path) -> None:
    folder = write_geodata(tmp_path / "geodata", layers())
    feature = json.dumps(point("x", 19.08, 47.51, "1951")) + ",\n"
    with (folder / "monuments.geojson").open("w", encoding="utf-8") as handle:
        handle.write('{"type": "FeatureCollection", "features": [\n')
        written = 0
        chunk = feature * 2000
        while written < SIZE:
            handle.write(chunk)
            written += len(chunk)
        handle.write(json.dumps(point("last", 1, 1, "1951")) + "]}\n")
    assert (folder / "monuments.geojson").stat().st_size >= SIZE
    out = tmp_path / "map.html"
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    run = subprocess.run(
        [sys.executable, "-m", "mapgen", "build", "--geodata", str(folder), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    assert run.returncode == 1
    assert run.stderr == (
        "mapgen: error: 1 problem in the input; nothing was written:\n"
        f"  {folder}/monuments.geojson: is 200 MiB; the limit is 100 MiB per layer file: "
        "split the layer into smaller files\n"
    )
    assert not out.exists()
    assert max(peak_kib, before) < 400 * 1024, "the file was refused before it was read"
