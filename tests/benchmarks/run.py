"""Run the mapgen benchmark: ``python3 tests/benchmarks/run.py --sizes 1000 10000 100000``.

Generates synthetic geodata at each size, builds it with ``mapgen build --offline``, builds the same
features as folium ``Timeline`` and ``TimestampedGeoJson`` pages, measures all three in Debian's
Chromium and writes ``tests/benchmarks/results.json`` and ``tests/benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # tests/: the benchmarks package and conftest's Chromium settings

from benchmarks.harness import run_benchmarks  # noqa: E402
from benchmarks.report import write_results_md  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[1000, 10000, 100000], help="features in total"
    )
    parser.add_argument("--no-baselines", action="store_true", help="measure mapgen only (no npm needed)")
    parser.add_argument(
        "--no-profile", action="store_true", help="skip the step breakdown at the largest size"
    )
    parser.add_argument(
        "--work", type=Path, default=HERE / "results" / "raw", help="data and pages (gitignored)"
    )
    parser.add_argument("--out", type=Path, default=HERE, help="where results.json and RESULTS.md go")
    args = parser.parse_args(argv)
    results = run_benchmarks(
        sorted(args.sizes), args.work, baselines=not args.no_baselines, profile=not args.no_profile
    )
    command = "python3 tests/benchmarks/run.py " + shlex.join(sys.argv[1:] if argv is None else argv)
    results["command"] = command
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    write_results_md(results, command, args.out / "RESULTS.md")
    print(f"wrote {args.out / 'RESULTS.md'} and {args.out / 'results.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
