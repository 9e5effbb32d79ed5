"""A small run of the benchmark harness (tests/benchmarks): 1,000 features, thinned sequences.

It checks that the harness produces every metric, finite and positive, and writes RESULTS.md; it
asserts no speed. The folium baselines are included only when their npm cache is already there
(``python3 tests/benchmarks/run.py`` fills it); this test never fetches anything.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
from benchmarks import npm_assets
from benchmarks.harness import run_benchmarks
from benchmarks.report import write_results_md

pytestmark = pytest.mark.browser

SIZE = 1000
TIMINGS = ("median", "p95", "max")


def _positive(value: Any, what: str) -> None:
    assert isinstance(value, int | float) and math.isfinite(value) and value > 0, f"{what}: {value!r}"


def _check_page(page: dict[str, Any], name: str) -> None:
    for key in ("build_s", "html_bytes", "first_draw_ms", "heap_mb"):
        _positive(page[key], f"{name} {key}")
    for view in ("steps", "zoomed_steps"):
        for stat in TIMINGS:
            _positive(page[view]["summary"][stat], f"{name} {view} {stat}")
        assert page[view]["years_reached_on_sweep_up"] > 0
    assert page["view"]["all_in_view"], f"{name}: not every feature in view"
    assert all(isinstance(n, int) and n >= 0 for n in page["drawn"].values()), page["drawn"]


def test_benchmark_harness_produces_every_metric(tmp_path: Path) -> None:
    baselines = npm_assets.cache_complete()
    results = run_benchmarks([SIZE], tmp_path / "work", baselines=baselines, stride=8, log=lambda _: None)
    size = results["sizes"][str(SIZE)]
    _positive(size["geojson_bytes"], "geojson_bytes")
    mapgen = size["mapgen"]
    _check_page(mapgen, "mapgen")
    _positive(mapgen["peak_rss_mb"], "mapgen peak_rss_mb")
    assert mapgen["drawn"]["2025"] == SIZE  # every feature has started by 2025 (active or former)
    assert "step" in mapgen["profile"]["full step"]
    for ablation, numbers in mapgen["profile"].items():
        if "missing" not in numbers:  # an ablation of a method layers.js no longer has is reported as such
            _positive(numbers["step"]["median"], f"profile {ablation}")
    _positive(mapgen["parts"]["whole step"], "parts whole step")
    for kind in ("timeline", "timestamped") if baselines else ():
        _check_page(size[kind], kind)

    write_results_md(results, "smoke", tmp_path / "RESULTS.md")
    text = (tmp_path / "RESULTS.md").read_text(encoding="utf-8")
    assert "| 1,000 | step p95, all in view (ms) |" in text
    assert "slider step p95, all in view" in text
