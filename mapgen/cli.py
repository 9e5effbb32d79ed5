"""The command line: the only module that knows argv and exit codes."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from mapgen import __version__
from mapgen.build import BuildResult, build, load_dataset
from mapgen.config import DEFAULT_GEODATA, DEFAULT_OUTPUT, BuildConfig
from mapgen.embed import example_page, iframe_snippet
from mapgen.errors import ConfigError, MapgenError
from mapgen.manifest import read_manifest
from mapgen.output import write_html
from mapgen.screenshot import take_screenshot
from mapgen.stats import (
    MILESTONES,
    features_of_precision,
    format_listing,
    format_sample,
    format_stats,
    sample_features,
)
from mapgen.watch import watch


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mapgen", description="Build the layered memory map of Stalinism from geodata/."
    )
    parser.add_argument("--version", action="version", version=f"mapgen {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_build_options(commands.add_parser("build", help="check geodata/ and write the HTML map"))
    _add_geodata(commands.add_parser("validate", help="check geodata/ only; write nothing"))
    watch_cmd = commands.add_parser("watch", help="rebuild the map on every change under geodata/")
    _add_build_options(watch_cmd)
    watch_cmd.add_argument(
        "--interval", type=float, default=0.5, help="seconds between checks (default: 0.5)"
    )
    _add_embed_options(commands.add_parser("embed", help="print an iframe snippet for the built map"))
    shot_cmd = commands.add_parser("screenshot", help="save a PNG of the map at a year (headless Chromium)")
    _add_geodata(shot_cmd)
    shot_cmd.add_argument("path", type=Path, metavar="PATH.png", help="where to save the picture")
    shot_cmd.add_argument("--year", type=int, required=True, help="the year to show")
    shot_cmd.add_argument("--lang", choices=("en", "ru"), default="en", help="as for build")
    shot_cmd.add_argument("--size", default="1200x800", help="WIDTHxHEIGHT in pixels (default: 1200x800)")
    stats_cmd = commands.add_parser("stats", help="counts per layer, per precision and per year")
    _add_geodata(stats_cmd)
    stats_cmd.add_argument(
        "--years",
        type=int,
        nargs="+",
        metavar="YEAR",
        help="the years of the milestone table (default: 1953 1956 1962 1991 2015 2025)",
    )
    listing = stats_cmd.add_mutually_exclusive_group()
    listing.add_argument(
        "--sample",
        type=int,
        metavar="N",
        help="instead, list N features drawn at random, with their dates and sources, for a spot check",
    )
    listing.add_argument(
        "--precision",
        metavar="P",
        help="instead, list the features of precision P (e.g. town) with their place, one a line",
    )
    stats_cmd.add_argument(
        "--seed", type=int, default=0, help="the seed of the --sample draw: the same seed, the same draw"
    )
    return parser


def _add_build_options(command: argparse.ArgumentParser) -> None:
    _add_geodata(command)
    command.add_argument(
        "-o",
        "--output",
        type=Path,
        default=DEFAULT_OUTPUT,
        help=f"the HTML file to write (default: {DEFAULT_OUTPUT})",
    )
    command.add_argument(
        "--offline",
        action="store_true",
        help="no tiles: draw the bundled outline map; the file makes no request",
    )
    command.add_argument(
        "--lang", choices=("en", "ru"), default="en", help="language of the interface and names (default: en)"
    )


def _add_embed_options(command: argparse.ArgumentParser) -> None:
    _add_geodata(command)
    command.add_argument(
        "--src",
        default=DEFAULT_OUTPUT.name,
        help=f"the map's address as your site will serve it (default: {DEFAULT_OUTPUT.name})",
    )
    command.add_argument("--year", type=int, help="the year the map opens on")
    command.add_argument("--layers", help="comma-separated layer ids to show (default: all)")
    command.add_argument(
        "--example",
        type=Path,
        metavar="PATH",
        help="also write an example article page that drives the map to PATH",
    )


def _add_geodata(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--geodata",
        type=Path,
        default=DEFAULT_GEODATA,
        help=f"folder with layers.toml and the layer files (default: {DEFAULT_GEODATA})",
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    commands = {
        "build": _build,
        "validate": _validate,
        "stats": _stats,
        "embed": _embed,
        "watch": _watch,
        "screenshot": _screenshot,
    }
    try:
        commands[args.command](args)
    except MapgenError as exc:
        print(f"mapgen: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("mapgen: stopped", file=sys.stderr)
    except BrokenPipeError:  # e.g. `mapgen stats | head`: the reader has gone, so stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def _build(args: argparse.Namespace) -> None:
    config = BuildConfig(args.geodata, args.output, args.lang, args.offline)
    result = build(config)
    _print_warnings(result)
    print(_summary(result, f"built {config.output} ({_size(result.size)}) from {config.geodata}"))


def _validate(args: argparse.Namespace) -> None:
    result = load_dataset(BuildConfig(geodata=args.geodata))
    _print_warnings(result)
    print(_summary(result, f"{args.geodata} is valid"))


def _stats(args: argparse.Namespace) -> None:
    result = load_dataset(BuildConfig(geodata=args.geodata))
    if args.sample is not None:
        if args.sample < 1:
            raise ConfigError(f"--sample must be 1 or more; found {args.sample}")
        print(format_sample(sample_features(result.dataset, args.sample, args.seed)))
        return
    if args.precision is not None:
        listing = features_of_precision(result.dataset, args.precision)
        if not listing:
            raise ConfigError(f'no feature has precision "{args.precision}"')
        print(format_listing(listing))
        return
    print(format_stats(result.dataset, tuple(args.years or MILESTONES)))


def _screenshot(args: argparse.Namespace) -> None:
    width, _, height = args.size.partition("x")
    if not (width.isdigit() and height.isdigit()):
        raise ConfigError(f'--size must be like 1200x800; found "{args.size}"')
    take_screenshot(
        BuildConfig(geodata=args.geodata, lang=args.lang), args.path, args.year, (int(width), int(height))
    )
    print(f"saved {args.path} ({width}x{height}, year {args.year})")


def _watch(args: argparse.Namespace) -> None:
    config = BuildConfig(args.geodata, args.output, args.lang, args.offline)
    print(f"mapgen: watching {config.geodata} (Ctrl-C to stop)", flush=True)

    def report(result: BuildResult) -> None:
        _print_warnings(result)
        print(_summary(result, f"built {config.output} ({_size(result.size)})"), flush=True)

    watch(config, report, interval=args.interval)


def _embed(args: argparse.Namespace) -> None:
    title = read_manifest(args.geodata).map.title
    if args.example:
        write_html(args.example, example_page(args.src, title))
    layers = [name.strip() for name in args.layers.split(",")] if args.layers else None
    print(iframe_snippet(args.src, title, args.year, layers), end="")


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
