"""Regeneration: rebuild on every change under geodata/, keeping the last good map on errors."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from mapgen.build import BuildResult, build
from mapgen.config import BuildConfig
from mapgen.errors import MapgenError

Snapshot = dict[str, tuple[int, int]]


def snapshot(folder: Path) -> Snapshot:
    """Modification time and size of every file below ``folder``."""
    found: Snapshot = {}
    for path in sorted(folder.rglob("*")):
        try:
            if path.is_file():
                stat = path.stat()
                found[str(path)] = (stat.st_mtime_ns, stat.st_size)
        except OSError:
            continue  # removed while we looked
    return found


def watch(
    config: BuildConfig,
    report: Callable[[BuildResult], None],
    interval: float = 0.5,
    debounce: float = 0.3,
    errors: TextIO = sys.stderr,
    keep_going: Callable[[], bool] = lambda: True,
) -> None:
    """Build now, then again after each change has settled for ``debounce`` seconds."""
    seen = snapshot(config.geodata)
    _build_once(config, report, errors)
    while keep_going():
        time.sleep(interval)
        current = snapshot(config.geodata)
        if current == seen:
            continue
        while True:  # wait until the editor has finished writing
            time.sleep(debounce)
            settled = snapshot(config.geodata)
            if settled == current:
                break
            current = settled
        seen = current
        _build_once(config, report, errors)


def _build_once(config: BuildConfig, report: Callable[[BuildResult], None], errors: TextIO) -> None:
    try:
        report(build(config))
    except MapgenError as exc:
        print(
            f"mapgen: error: {exc}\nmapgen: kept the last good map; waiting for the next change", file=errors
        )
    errors.flush()
