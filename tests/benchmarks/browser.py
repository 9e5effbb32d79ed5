"""Drive one page in Debian's Chromium and measure it: first draw, slider steps, JS heap.

Every page is opened in a fresh browser at the same viewport. Requests other than ``file:`` and the
baseline CDN URLs (served from the npm cache) are aborted, and an aborted request, a page error or a
console error fails the run. Timing happens inside the page (``measure.js``), one ``page.evaluate`` per
sequence, so Playwright round trips are not in the numbers.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from conftest import CHROMIUM, CHROMIUM_ARGS

from benchmarks.generate import CENTER, SEED, YEAR_MAX, YEAR_MIN, ZOOM

VIEWPORT = (1280, 800)
ZOOMED = (55.75, 37.62, 5)  # Moscow at zoom 5
MEASURE_JS = Path(__file__).with_name("measure.js")
HEAP_YEAR = YEAR_MAX  # the heap is read with the most features drawn
SEMANTIC_YEARS = (1953, 1961, 1991, 2025)


def sequences(stride: int = 1) -> dict[str, list[int]]:
    """The fixed slider sequences; ``stride`` > 1 keeps every stride-th step (a cap for slow baselines)."""
    rng = random.Random(SEED)
    jumps: list[int] = []
    while len(jumps) < 50:
        year = rng.randint(YEAR_MIN, YEAR_MAX)
        if not jumps or year != jumps[-1]:
            jumps.append(year)
    full = {
        "sweep up": list(range(YEAR_MIN, YEAR_MAX + 1)),
        "sweep down": list(range(YEAR_MAX, YEAR_MIN - 1, -1)),
        "random jumps": jumps,
    }
    return {name: years[::stride] for name, years in full.items()}


def summarize(values: list[float]) -> dict[str, float]:
    """Median, p95 (nearest rank) and max."""
    ordered = sorted(values)
    n = len(ordered)
    median = ordered[n // 2] if n % 2 else (ordered[n // 2 - 1] + ordered[n // 2]) / 2
    return {"median": median, "p95": ordered[max(0, math.ceil(0.95 * n) - 1)], "max": ordered[-1], "n": n}


@dataclass
class PageRun:
    """What went wrong in a page: every blocked request, page error and console error."""

    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def check(self, what: str) -> None:
        if self.blocked:
            raise RuntimeError(f"{what}: requests with no local file (npm cache incomplete?): {self.blocked}")
        if self.errors:
            raise RuntimeError(f"{what}: page errors: {self.errors[:5]}")


def measure_page(
    playwright: Any,
    kind: str,
    html: Path,
    names: dict[str, Any],
    bounds: tuple[float, float, float, float],
    assets: dict[str, tuple[bytes, str]],
    stride: int = 1,
    profile: bool = False,
) -> dict[str, Any]:
    """Open ``html`` and measure it; ``bounds`` = (south, west, north, east) of all features."""
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    try:
        context = browser.new_context(viewport={"width": VIEWPORT[0], "height": VIEWPORT[1]})
        context.add_init_script(path=str(MEASURE_JS))
        run = PageRun()
        context.route("**/*", lambda route: _route(route, assets, run))
        page = context.new_page()
        page.set_default_timeout(30 * 60 * 1000)
        page.on("pageerror", lambda exc: run.errors.append(f"pageerror: {exc}"))
        page.on("console", lambda msg: run.errors.append(msg.text) if msg.type == "error" else None)
        page.goto(html.resolve().as_uri(), wait_until="load")
        page.wait_for_function("window.__bench.firstDraw !== null")
        result: dict[str, Any] = {"first_draw_ms": page.evaluate("window.__bench.firstDraw")}
        run.check(kind)
        result["view"] = _view(page, kind, names, bounds)
        result["drawn"] = {
            str(y): page.evaluate("([k, n, y]) => window.__bench.drawn(k, n, y)", [kind, names, y])
            for y in SEMANTIC_YEARS
        }
        result["steps"] = _run_sequences(page, kind, names, stride)
        result["heap_mb"] = _heap_mb(page, kind, names)
        if profile:
            up = sequences(stride)["sweep up"]
            result["profile"] = page.evaluate("(y) => window.__bench.profileMapgen(y)", up)
            result["parts"] = page.evaluate("(y) => window.__bench.partTimers(y)", up)
        page.evaluate(
            "([k, n, v]) => window.__bench.setView(k, n, v[0], v[1], v[2])", [kind, names, list(ZOOMED)]
        )
        result["zoomed_steps"] = _run_sequences(page, kind, names, stride)
        run.check(kind)
        return result
    finally:
        browser.close()


def _route(route: Any, assets: dict[str, tuple[bytes, str]], run: PageRun) -> None:
    url = route.request.url
    if url.startswith(("file:", "data:", "blob:", "about:")):
        route.continue_()
    elif url in assets:
        body, content_type = assets[url]
        route.fulfill(
            status=200, body=body, content_type=content_type, headers={"access-control-allow-origin": "*"}
        )
    else:
        run.blocked.append(url)
        route.abort()


def _view(page: Any, kind: str, names: dict[str, Any], bounds: tuple[float, float, float, float]) -> Any:
    view = page.evaluate(
        "([k, n, b]) => window.__bench.view(k, n, b[0], b[1], b[2], b[3])", [kind, names, bounds]
    )
    if not view["all_in_view"] or view["zoom"] != ZOOM:
        raise RuntimeError(f"{kind}: not everything in view at zoom {ZOOM} around {CENTER}: {view}")
    return view


def _run_sequences(page: Any, kind: str, names: dict[str, Any], stride: int) -> dict[str, Any]:
    """Each sequence in one evaluate; raw steps [year, sync, step, year shown] and their summary."""
    raw = {
        name: page.evaluate("([k, n, y]) => window.__bench.runSequence(k, n, y)", [kind, names, years])
        for name, years in sequences(stride).items()
    }
    steps = [step[2] for rows in raw.values() for step in rows]
    reached = sorted({row[3] for row in raw["sweep up"]})
    return {
        "summary": summarize(steps),
        "sync": summarize([step[1] for rows in raw.values() for step in rows]),
        "stride": stride,
        "years_reached_on_sweep_up": len(reached),
        "years_asked_on_sweep_up": len(raw["sweep up"]),
        "reached_range": [reached[0], reached[-1]],
        "raw": raw,
    }


def _heap_mb(page: Any, kind: str, names: dict[str, Any]) -> float:
    """JSHeapUsedSize after a forced GC, with the last year drawn."""
    page.evaluate("([k, n, y]) => window.__bench.runSequence(k, n, [y])", [kind, names, HEAP_YEAR])
    cdp = page.context.new_cdp_session(page)
    cdp.send("HeapProfiler.enable")
    cdp.send("HeapProfiler.collectGarbage")
    cdp.send("Performance.enable")
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    cdp.detach()
    return float(metrics["JSHeapUsedSize"]) / 2**20
