"""The command line: the only module that knows argv and exit codes."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from mapgen import __version__
from mapgen.build import BuildResult, build, load_dataset
from mapgen.config import DEFAULT_GEODATA, DEFAULT_OUTPUT, BuildConfig
from mapgen.errors import MapgenError
from mapgen.stats import MILESTONES, format_stats


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mapgen", description="Build the layered memory map of Stalinism from geodata/."
    )
    parser.add_argument("--version", action="version", version=f"mapgen {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    build_cmd = commands.add_parser("build", help="check geodata/ and write the HTML map")
    _add_geodata(build_cmd)
    build_cmd.add_argument(
        "-o",
        "--output",
        type=Path,
        default=DEFAULT_OUTPUT,
        help=f"the HTML file to write (default: {DEFAULT_OUTPUT})",
    )
    build_cmd.add_argument(
        "--offline",
        action="store_true",
        help="no tiles: draw the bundled outline map; the file makes no request",
    )
    build_cmd.add_argument(
        "--lang", choices=("en", "ru"), default="en", help="language of the interface and names (default: en)"
    )
    check_cmd = commands.add_parser("validate", help="check geodata/ only; write nothing")
    _add_geodata(check_cmd)
    stats_cmd = commands.add_parser("stats", help="counts per layer, per precision and per year")
    _add_geodata(stats_cmd)
    stats_cmd.add_argument(
        "--years",
        type=int,
        nargs="+",
        metavar="YEAR",
        help="the years of the milestone table (default: 1953 1956 1962 1991 2015 2025)",
    )
    return parser


def _add_geodata(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--geodata",
        type=Path,
        default=DEFAULT_GEODATA,
        help=f"folder with layers.toml and the layer files (default: {DEFAULT_GEODATA})",
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        if args.command == "build":
            config = BuildConfig(args.geodata, args.output, args.lang, args.offline)
            result = build(config)
            _print_warnings(result)
            print(_summary(result, f"built {config.output} ({_size(result.size)}) from {config.geodata}"))
        elif args.command == "stats":
            result = load_dataset(BuildConfig(geodata=args.geodata))
            print(format_stats(result.dataset, tuple(args.years or MILESTONES)))
        else:
            result = load_dataset(BuildConfig(geodata=args.geodata))
            _print_warnings(result)
            print(_summary(result, f"{args.geodata} is valid"))
    except MapgenError as exc:
        print(f"mapgen: error: {exc}", file=sys.stderr)
        return 1
    return 0


def _print_warnings(result: BuildResult) -> None:
    for warning in result.warnings:
        print(f"mapgen: {warning}", file=sys.stderr)


def _summary(result: BuildResult, headline: str) -> str:
    dataset = result.dataset
    total = sum(len(layer.features) for layer in dataset.layers)
    lines = [
        headline,
        f"  {len(dataset.layers)} layers, {total} features, years {dataset.map.year_min}"
        f"–{dataset.map.year_max}",
    ]
    for layer in dataset.layers:
        lines.append(f"  {layer.spec.id:<12} {len(layer.features):>6}  {layer.spec.title}")
    return "\n".join(lines)


def _size(size: int) -> str:
    return f"{size / 2**20:.1f} MB" if size >= 2**20 else f"{size / 1024:.0f} kB"
