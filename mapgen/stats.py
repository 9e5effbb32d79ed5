"""The dataset at a glance: counts per layer, per precision, and per year (pure functions)."""

from __future__ import annotations

import random
from collections import Counter

from mapgen.dates import status_at
from mapgen.model import Dataset, Feature, Layer

MILESTONES = (1953, 1956, 1962, 1991, 2015, 2025)


def active_per_year(layer: Layer, years: range) -> list[int]:
    """How many features of a layer are active (standing, operating, named) in each year."""
    spans = [(f.start.year, f.end.year if f.end else None) for f in layer.features]
    return [sum(status_at(start, end, year) == "active" for start, end in spans) for year in years]


def format_stats(dataset: Dataset, milestones: tuple[int, ...] = MILESTONES) -> str:
    """A plain-text report for reviewers."""
    years = range(dataset.map.year_min, dataset.map.year_max + 1)
    lines = [f"{'layer':<12} {'features':>8}  precision"]
    for layer in dataset.layers:
        precision = Counter(f.text.get("precision", "(none)") for f in layer.features)
        shown = ", ".join(f"{key} {count}" for key, count in sorted(precision.items()))
        lines.append(f"{layer.spec.id:<12} {len(layer.features):>8}  {shown}")
    lines += ["", "active in year " + " ".join(f"{y:>5}" for y in milestones)]
    for layer in dataset.layers:
        counts = dict(zip(years, active_per_year(layer, years), strict=True))
        row = " ".join(f"{counts[y]:>5}" if y in counts else "    -" for y in milestones)
        lines.append(f"{layer.spec.id:<14} {row}")
    lines += ["", "active per year (first year, then one count a year):"]
    for layer in dataset.layers:
        series = active_per_year(layer, years)
        lines.append(f"{layer.spec.id:<12} {years.start}: {' '.join(str(n) for n in series)}")
    return "\n".join(lines)


def sample_features(dataset: Dataset, count: int, seed: int) -> list[tuple[str, Feature]]:
    """``count`` features drawn at random over all layers, the same for the same seed and data.

    The draw is ``random.Random(seed).sample`` over (layer, feature) in manifest and file order,
    so a spot check can be repeated, and a new one drawn with a new seed.
    """
    pairs = [(layer.spec.id, feature) for layer in dataset.layers for feature in layer.features]
    return random.Random(seed).sample(pairs, min(count, len(pairs)))


def features_of_precision(dataset: Dataset, precision: str) -> list[tuple[str, Feature]]:
    """The features whose ``precision`` is ``precision``, in manifest and file order."""
    return [
        (layer.spec.id, feature)
        for layer in dataset.layers
        for feature in layer.features
        if feature.text.get("precision") == precision
    ]


def format_listing(pairs: list[tuple[str, Feature]]) -> str:
    """One line a feature: link id, then its ``place`` (or its name when it has none)."""
    return "\n".join(f"{layer_id}:{f.id}  {f.text.get('place') or f.name}" for layer_id, f in pairs)


def format_sample(sample: list[tuple[str, Feature]]) -> str:
    """One block a feature: link id, name, dates and precision, then every source URL."""
    blocks = []
    for layer_id, feature in sample:
        end = feature.end.iso if feature.end else ""
        precision = feature.text.get("precision", "(no precision)")
        lines = [f"{layer_id}:{feature.id}", f"  {feature.name}", f"  {feature.start.iso}–{end}  {precision}"]
        lines += [f"  {source.url}" for source in feature.sources]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
