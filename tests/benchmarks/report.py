"""The machine a run was made on, and ``RESULTS.md``: one table row per size × metric, and the targets."""

from __future__ import annotations

import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
PAGES = ("mapgen", "timeline", "timestamped")
TITLES = {"mapgen": "mapgen", "timeline": "folium Timeline", "timestamped": "TimestampedGeoJson"}
# the targets of the issue, at 100,000 features with everything in view
TARGET_SIZE = 100_000
STEP_P95_MS = 16.0
SPEEDUP = 20.0
FIRST_DRAW_MS = 1500.0
HTML_RATIO = 0.5
BUILD_S = 10.0
BUILD_MB = 1536.0
HEAP_MB = 50.0


def machine_info() -> dict[str, str]:
    """CPU, cores, RAM, OS and the versions of everything measured."""
    cpu = _field("/proc/cpuinfo", "model name", "").lstrip("\t :") or platform.processor() or "unknown"
    mem_kib = int(_field("/proc/meminfo", "MemTotal:", "0 kB").split()[0])
    os_name = _field("/etc/os-release", "PRETTY_NAME=", platform.system()).strip('"')
    chromium = os.environ.get("MAPGEN_CHROMIUM", "/usr/bin/chromium")
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "ram": f"{mem_kib / 2**20:.1f} GiB",
        "os": f"{os_name}, Linux {platform.release()}",
        "chromium": _run([chromium, "--version"]),
        "python": platform.python_version(),
        "folium": metadata.version("folium"),
        "branca": metadata.version("branca"),
        "playwright": metadata.version("playwright"),
        "mapgen": metadata.version("mapgen"),
        "git": _run(["git", "-C", str(ROOT), "describe", "--always", "--dirty"]),
    }


def _field(path: str, prefix: str, default: str) -> str:
    """The rest of the first line of ``path`` that starts with ``prefix``."""
    for line in _read(path).splitlines():
        if line.startswith(prefix):
            return line[len(prefix) :].strip()
    return default


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _run(command: list[str]) -> str:
    try:
        return (
            subprocess.run(command, capture_output=True, text=True, check=False).stdout.strip() or "unknown"
        )
    except OSError:
        return "unknown"


def _get(entry: dict[str, Any], *keys: str) -> Any:
    for key in keys:
        if not isinstance(entry, dict) or key not in entry:
            return None
        entry = entry[key]
    return entry


def _fmt(value: Any, digits: int = 1) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def _ratio(a: Any, b: Any) -> str:
    return "—" if not a or not b else f"{a / b:.3g}"


# (row label, path into a page's entry, digits, compare with a ratio)
_METRICS: list[tuple[str, tuple[str, ...], int, bool]] = [
    ("build time (s)", ("build_s",), 2, True),
    ("build peak RSS (MB)", ("peak_rss_mb",), 0, False),
    ("HTML size (MB)", ("html_mb",), 2, True),
    ("HTML ÷ GeoJSON", ("html_ratio",), 2, True),
    ("first draw (ms)", ("first_draw_ms",), 0, True),
    ("step median, all in view (ms)", ("steps", "summary", "median"), 1, True),
    ("step p95, all in view (ms)", ("steps", "summary", "p95"), 1, True),
    ("step max, all in view (ms)", ("steps", "summary", "max"), 1, True),
    ("steps timed, all in view", ("steps", "summary", "n"), 0, False),
    ("step median, zoom 5 Moscow (ms)", ("zoomed_steps", "summary", "median"), 1, True),
    ("step p95, zoom 5 Moscow (ms)", ("zoomed_steps", "summary", "p95"), 1, True),
    ("step max, zoom 5 Moscow (ms)", ("zoomed_steps", "summary", "max"), 1, True),
    ("JS heap after GC, year 2025 (MB)", ("heap_mb",), 1, True),
    ("years reached on the 1953→2025 sweep", ("steps", "reached"), 0, False),
    ("features drawn in 1961", ("drawn", "1961"), 0, False),
    ("features drawn in 2025", ("drawn", "2025"), 0, False),
]


def _derive(size: dict[str, Any]) -> None:
    for page in PAGES:
        entry = size.get(page)
        if not entry:
            continue
        entry["html_mb"] = entry["html_bytes"] / 1e6
        entry["html_ratio"] = entry["html_bytes"] / size["geojson_bytes"]
        steps = entry["steps"]
        steps["reached"] = f"{steps['years_reached_on_sweep_up']} of {steps['years_asked_on_sweep_up']} asked"


def results_table(results: dict[str, Any]) -> list[str]:
    """The markdown table: one row per size × metric."""
    lines = [
        "| features | metric | mapgen | folium Timeline | TimestampedGeoJson "
        "| mapgen ÷ Timeline | mapgen ÷ TSGJ |",
        "|---:|---|---:|---:|---:|---:|---:|",
    ]
    for size_key, size in results["sizes"].items():
        _derive(size)
        mb = size["geojson_bytes"] / 1e6
        label = "GeoJSON input, sum of layer files (MB)"
        lines.append(f"| {int(size_key):,} | {label} | {mb:.2f} | same | same | | |")
        for label, path, digits, compare in _METRICS:
            values = [_get(size.get(page) or {}, *path) for page in PAGES]
            cells = [_fmt(v, digits) for v in values]
            ratios = [_ratio(values[0], values[1]), _ratio(values[0], values[2])] if compare else ["", ""]
            if path[0] == "build_s":
                cells[1:] = [c + " (folium save)" if c != "—" else c for c in cells[1:]]
            lines.append(f"| {int(size_key):,} | {label} | " + " | ".join(cells + ratios) + " |")
    return lines


def targets(results: dict[str, Any]) -> list[str]:
    """The issue's targets against the run at 100,000 features (or the largest size measured)."""
    sizes = results["sizes"]
    key = str(TARGET_SIZE) if str(TARGET_SIZE) in sizes else max(sizes, key=int)
    size = sizes[key]
    _derive(size)
    m = size["mapgen"]
    timeline_median = _get(size, "timeline", "steps", "summary", "median")
    timeline_p95 = _get(size, "timeline", "steps", "summary", "p95")
    speedup = timeline_median / m["steps"]["summary"]["median"] if timeline_median else None
    rows = [
        ("slider step p95, all in view", m["steps"]["summary"]["p95"], STEP_P95_MS, "ms", False),
        ("faster than folium Timeline (median step ratio)", speedup, SPEEDUP, "×", True),
        ("first draw", m["first_draw_ms"], FIRST_DRAW_MS, "ms", False),
        ("HTML size ÷ GeoJSON size", m["html_ratio"], HTML_RATIO, "×", False),
        ("build time", m["build_s"], BUILD_S, "s", False),
        ("build peak memory", m["peak_rss_mb"], BUILD_MB, "MB", False),
        ("JS heap after GC", m["heap_mb"], HEAP_MB, "MB", False),
    ]
    lines = [
        f"Targets at {int(key):,} features, everything in view:",
        "",
        "| target | measured | goal | verdict |",
        "|---|---:|---:|---|",
    ]
    for label, value, goal, unit, higher_is_better in rows:
        sign = "≥" if higher_is_better else "≤"
        verdict = _verdict(value, goal, higher_is_better)
        lines.append(f"| {label} | {_fmt(value, 2)} {unit} | {sign} {_fmt(goal, 2)} {unit} | {verdict} |")
    if timeline_p95:
        lines += [
            "",
            f"Timeline p95 ÷ mapgen p95 at this size: {timeline_p95 / m['steps']['summary']['p95']:.1f}×.",
        ]
    return lines


def _verdict(value: float | None, goal: float, higher_is_better: bool) -> str:
    if value is None:
        return "not measured"
    met = value >= goal if higher_is_better else value <= goal
    factor = value / goal if not higher_is_better else goal / value
    word = "met" if met else "**missed**"
    return f"{word} ({factor:.2f}× the goal{'' if met else ', ' + _by(value, goal)})"


def _by(value: float, goal: float) -> str:
    return f"off by {abs(value - goal):,.2f}"


def step_breakdown(results: dict[str, Any]) -> list[str]:
    """The mapgen step profile at the largest size, if it was measured."""
    key = max(results["sizes"], key=int)
    mapgen = results["sizes"][key]["mapgen"]
    if "profile" not in mapgen:
        return []
    lines = [
        f"## Where mapgen's step goes ({int(key):,} features, all in view, sweep up)",
        "",
        "Each row repeats the sweep with one part switched off (ablation); differences of less than about "
        "20 % between rows are within the noise of this 2-core machine.",
        "",
        "| variant | step median (ms) | step p95 (ms) | sync median (ms) |",
        "|---|---:|---:|---:|",
    ]
    for name, numbers in mapgen["profile"].items():
        if "missing" in numbers:
            lines.append(f"| {name} | not measured: {numbers['missing']} | | |")
            continue
        step, sync = numbers["step"], numbers["sync"]
        lines.append(f"| {name} | {step['median']:.1f} | {step['p95']:.1f} | {sync['median']:.1f} |")
    lines += ["", "Synchronous time inside named parts of `layers.js`, ms per step (mean):", ""]
    lines += ["| part | ms |", "|---|---:|"]
    lines += [f"| {part} | {ms:.2f} |" for part, ms in mapgen["parts"].items()]
    return [*lines, ""]


def write_results_md(results: dict[str, Any], command: str, path: Path) -> None:
    """RESULTS.md: machine, date, command, the table, the targets, what the baselines cannot express."""
    machine = results["machine"]
    lines = [
        "# Benchmark results: 100,000 features at the speed of a frame",
        "",
        f"Measured on {results['date']} with one run of:",
        "",
        "```sh",
        command,
        "```",
        "",
        "Machine: " + "; ".join(f"{k} {v}" for k, v in machine.items()) + ".",
        "",
        "How it was measured (tests/benchmarks/README.md has the details): synthetic data from "
        "`generate.py` (seeded), built with `mapgen build --offline`; each page opened in a fresh "
        "headless Chromium at 1280x800, zoom 3, every feature in view. A step is the synchronous "
        "set-year call plus the time from the next animation frame to a `setTimeout(0)` posted from it. "
        f"Sequences: {results['sequences']} (years); the zoomed rows repeat them at zoom 5 on Moscow. "
        "Median, p95 (nearest rank) and max are over all steps of the three sequences.",
        "",
        *results_table(results),
        "",
        *targets(results),
        "",
        *step_breakdown(results),
        "## What the baselines cannot express",
        "",
    ]
    for kind, text in results.get("baseline_semantics", {}).items():
        lines.append(f"- **{TITLES[kind]}**: {text}")
    for key, size in results["sizes"].items():
        stride = _get(size, "timeline", "steps", "stride")
        if stride not in (None, 1):
            lines.append(
                f"- **Capped sequences** at {int(key):,} features: the baselines take every {stride}th year "
                "of each sequence only (see 'steps timed'), because a step takes seconds there."
            )
    notes = [a for a in results.get("assets", []) if a["note"]]
    if notes:
        lines += ["", "CDN files served from npm (exact versions folium links) with these exceptions:", ""]
        lines += [f"- `{a['url']}`: {a['note']}." for a in notes]
    lines += ["", "Raw numbers, every step included: `results.json`."]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
