"""mapgen watch: rebuilds on change, keeps the last good map on a broken edit, stops cleanly."""

from __future__ import annotations

import json
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO

from factories import layers, write_geodata


def _lines(stream: IO[str], into: queue.Queue[str]) -> None:
    for line in stream:
        into.put(line.rstrip("\n"))


def _wait_for(lines: queue.Queue[str], text: str, seen: list[str], timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=0.2)
        except queue.Empty:
            continue
        seen.append(line)
        if text in line:
            return
    raise AssertionError(f"{text!r} not printed; got {seen}")


def test_watch_rebuilds_survives_a_broken_edit_and_recovers(tmp_path: Path) -> None:
    folder = write_geodata(tmp_path / "geodata", layers())
    out = tmp_path / "map.html"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mapgen",
            "watch",
            "--geodata",
            str(folder),
            "-o",
            str(out),
            "--interval",
            "0.1",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=_lines, args=(process.stdout, lines), daemon=True).start()
    seen: list[str] = []
    try:
        _wait_for(lines, f"built {out}", seen)
        first = out.read_bytes()

        monuments = folder / "monuments.geojson"
        good = json.loads(monuments.read_text(encoding="utf-8"))
        monuments.write_text(
            monuments.read_text(encoding="utf-8")[:200], encoding="utf-8"
        )  # a half-saved file
        _wait_for(lines, "kept the last good map", seen)
        assert any("monuments.geojson: is not valid JSON" in line for line in seen)
        assert out.read_bytes() == first

        good["features"][0]["properties"]["name"] = "Stalin Monument, Budapest"
        monuments.write_text(json.dumps(good), encoding="utf-8")
        _wait_for(lines, f"built {out}", seen)
        assert out.read_bytes() != first
        assert "Stalin Monument, Budapest" in out.read_text(encoding="utf-8")
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 0
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")], "no temporary file left"
