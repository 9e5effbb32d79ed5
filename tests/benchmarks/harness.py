"""One benchmark run: for each size, generate data, build the three pages, measure them in Chromium.

``run_benchmarks`` returns everything as one JSON-ready dict (``results.json``); ``report.py`` turns it
into ``RESULTS.md``.
"""

from __future__ import annotations

import datetime as dt
import shutil
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks import npm_assets
from benchmarks.browser import measure_page, sequences
from benchmarks.builds import (
    BASELINE_SEMANTICS,
    BuildResult,
    build_mapgen,
    build_timeline,
    build_timestamped,
    read_layers,
)
from benchmarks.generate import write_synthetic_geodata
from benchmarks.report import machine_info

BASELINES: dict[str, Callable[[Path, Path], BuildResult]] = {
    "timeline": build_timeline,
    "timestamped": build_timestamped,
}


def run_benchmarks(
    sizes: Sequence[int],
    work: Path,
    baselines: bool = True,
    cap_from: int = 100_000,
    cap_stride: int = 4,
    profile: bool = True,
    stride: int = 1,
    log: Callable[[str], None] = print,
) -> dict[str, Any]:
    """Measure mapgen (and the baselines) at each size; ``work`` receives the data and pages.

    From ``cap_from`` features on, the baselines step through every ``cap_stride``-th year of each
    sequence only (they take seconds per step there). ``profile`` adds the step breakdown for mapgen
    at the largest size. ``stride`` > 1 thins every sequence of every page (for a quick smoke run).
    """
    assets: dict[str, tuple[bytes, str]] = {}
    if baselines:
        npm_assets.fetch_assets()
        assets = npm_assets.routes()
    from playwright.sync_api import sync_playwright

    results: dict[str, Any] = {
        "date": dt.date.today().isoformat(),
        "machine": machine_info(),
        "sequences": {name: len(years) for name, years in sequences().items()},
        "baseline_semantics": BASELINE_SEMANTICS if baselines else {},
        "assets": [
            {"url": a.url, "package": a.package, "path": a.path, "note": a.note} for a in npm_assets.ASSETS
        ],
        "sizes": {},
    }
    with sync_playwright() as playwright:
        for size in sizes:
            started = time.perf_counter()
            baseline_stride = max(stride, cap_stride) if size >= cap_from else stride
            profiled = profile and size == max(sizes)
            results["sizes"][str(size)] = _measure_size(
                playwright, size, work / str(size), assets, baselines, baseline_stride, stride, profiled, log
            )
            log(f"{size} features: done in {time.perf_counter() - started:.0f} s")
    return results


def _measure_size(
    playwright: Any,
    size: int,
    folder: Path,
    assets: dict[str, tuple[bytes, str]],
    baselines: bool,
    baseline_stride: int,
    stride: int,
    profile: bool,
    log: Callable[[str], None],
) -> dict[str, Any]:
    shutil.rmtree(folder, ignore_errors=True)
    data = write_synthetic_geodata(folder / "geodata", size)
    bounds = _bounds(data.folder)
    entry: dict[str, Any] = {"features": size, "counts": data.counts, "geojson_bytes": data.geojson_bytes}
    log(f"{size} features: building mapgen")
    built = build_mapgen(data.folder, folder / "mapgen.html")
    entry["mapgen"] = _page_entry(built)
    log(f"{size} features: measuring mapgen ({built.seconds:.1f} s build)")
    measured = measure_page(playwright, "mapgen", built.html, {}, bounds, assets, stride, profile)
    entry["mapgen"].update(measured)
    if not baselines:
        return entry
    for kind, builder in BASELINES.items():
        page = builder(data.folder, folder / f"{kind}.html")
        log(f"{size} features: measuring {kind} (every {baseline_stride} step)")
        entry[kind] = _page_entry(page)
        measured = measure_page(playwright, kind, page.html, page.names, bounds, assets, baseline_stride)
        entry[kind].update(measured)
    return entry


def _page_entry(built: BuildResult) -> dict[str, Any]:
    return {
        "build_s": built.seconds,
        "peak_rss_mb": built.peak_rss_mb or None,
        "html_bytes": built.html.stat().st_size,
    }


def _bounds(geodata: Path) -> tuple[float, float, float, float]:
    """(south, west, north, east) over every position of every layer."""
    south, west, north, east = 90.0, 180.0, -90.0, -180.0
    for features in read_layers(geodata).values():
        for feature in features:
            geometry = feature["geometry"]
            rings = [[geometry["coordinates"]]] if geometry["type"] == "Point" else geometry["coordinates"]
            for ring in rings:
                for lon, lat in ring:
                    south, north = min(south, lat), max(north, lat)
                    west, east = min(west, lon), max(east, lon)
    return south, west, north, east
