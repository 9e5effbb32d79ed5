"""Deterministic synthetic geodata folders shaped like the project's own ``geodata/``.

``write_synthetic_geodata(folder, total, seed)`` writes a ``layers.toml`` and four layers in the real
format (README, "The geodata format"): ``gulag`` (small camp-like polygons), ``memorials`` and
``monuments`` (points) and ``renamed`` (labelled points with dated ``names``). Every feature has
``id``, ``name``, ``start``, ``sources`` and ``description``; polygons are closed, counter-clockwise
and star-shaped around their centre, so they are valid. Years lie in 1953–2025 and the map view
(centre [60, 100], zoom 3) holds every feature at a 1280x800 viewport.

The same ``(total, seed)`` always gives byte-identical files.
"""

from __future__ import annotations

import json
import math
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

YEAR_MIN = 1953
YEAR_MAX = 2025
CENTER = (60.0, 100.0)  # [lat, lon] of the opening view; everything is in view at zoom 3, 1280x800
ZOOM = 3
# where features may lie: inside this rough outline of the USSR ([lon, lat], counter-clockwise)
USSR_OUTLINE = [
    (22.0, 46.0), (30.0, 45.0), (40.0, 41.0), (50.0, 38.5), (60.0, 36.0), (75.0, 37.0), (80.0, 43.0),
    (90.0, 49.5), (105.0, 50.0), (120.0, 50.0), (135.0, 43.0), (142.0, 46.0), (160.0, 53.0),
    (178.0, 64.0), (178.0, 70.0), (140.0, 73.0), (105.0, 77.0), (70.0, 73.0), (50.0, 69.0),
    (30.0, 70.0), (28.0, 60.0), (21.0, 56.0),
]  # fmt: skip
# population-like clusters: [lon, lat] of towns that many features gather around
CLUSTERS = [
    (37.62, 55.75), (30.32, 59.94), (44.51, 48.71), (30.52, 50.45), (27.56, 53.90), (44.79, 41.72),
    (69.24, 41.31), (76.95, 43.24), (82.92, 55.03), (60.61, 56.84), (104.3, 52.29), (131.9, 43.12),
    (150.8, 59.57), (86.09, 55.35), (49.11, 55.79), (39.72, 47.23), (73.10, 49.80), (61.40, 55.16),
]  # fmt: skip
# share of all features per layer, in layers.toml order (bottom to top)
LAYER_SHARES = {"gulag": 0.2, "memorials": 0.2, "monuments": 0.4, "renamed": 0.2}
SEED = 1953

MANIFEST = """\
# Synthetic benchmark data written by tests/benchmarks/generate.py ({total} features, seed {seed}).

[map]
title = "Benchmark map, {total} features"
year_min = {year_min}
year_max = {year_max}
year = {year_min}
center = [{lat}, {lon}]
zoom = {zoom}

[[layers]]
id = "gulag"
file = "gulag.geojson"
title = "Camp complexes"
kind = "polygon"
color = "#8c2d04"
former_color = "#9e9e9e"
order = 1

[[layers]]
id = "memorials"
file = "memorials.geojson"
title = "Memorials"
kind = "point"
color = "#1b6ca8"
order = 2

[[layers]]
id = "monuments"
file = "monuments.geojson"
title = "Monuments"
kind = "point"
color = "#c62828"
order = 3

[[layers]]
id = "renamed"
file = "renamed.geojson"
title = "Renamed places"
kind = "point"
color = "#6a1b9a"
order = 4
labels = true
"""

_WORDS = [
    "statue",
    "bust",
    "square",
    "park",
    "museum",
    "camp",
    "complex",
    "administration",
    "district",
    "river",
    "station",
    "factory",
    "settlement",
    "memorial",
    "cemetery",
    "plaque",
    "monument",
    "city",
    "town",
    "peak",
    "canal",
    "railway",
    "mine",
    "quarry",
    "harbour",
    "unveiled",
    "removed",
    "renamed",
    "restored",
    "organised",
    "closed",
    "reported",
    "according",
    "decree",
    "committee",
    "archive",
]
_SYLLABLES = [
    "sta",
    "lin",
    "grad",
    "gorsk",
    "ovo",
    "evo",
    "insk",
    "abad",
    "dar",
    "kul",
    "tau",
    "ner",
    "ya",
    "mir",
    "vol",
    "rov",
    "kam",
    "zav",
]


@dataclass(frozen=True)
class GeodataSummary:
    """What was written: the folder, features per layer and the GeoJSON bytes in total."""

    folder: Path
    counts: dict[str, int]
    geojson_bytes: int


def write_synthetic_geodata(folder: Path, total: int, seed: int = SEED) -> GeodataSummary:
    """Write ``layers.toml`` and four layers holding ``total`` features in all."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed * 1_000_003 + total)
    counts = _layer_counts(total)
    makers = {"gulag": _camp, "memorials": _point, "monuments": _point, "renamed": _renamed}
    size = 0
    for layer, count in counts.items():
        features = [makers[layer](rng, layer, number) for number in range(count)]
        text = json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)
        path = folder / f"{layer}.geojson"
        path.write_text(text + "\n", encoding="utf-8")
        size += path.stat().st_size
    manifest = MANIFEST.format(
        total=total, seed=seed, year_min=YEAR_MIN, year_max=YEAR_MAX, lat=CENTER[0], lon=CENTER[1], zoom=ZOOM
    )
    (folder / "layers.toml").write_text(manifest, encoding="utf-8")
    return GeodataSummary(folder, counts, size)


def _layer_counts(total: int) -> dict[str, int]:
    counts = {layer: int(total * share) for layer, share in LAYER_SHARES.items()}
    counts["monuments"] += total - sum(counts.values())
    return counts


def _position(rng: random.Random) -> tuple[float, float]:
    """A [lon, lat] inside the outline: 60% near a cluster town, the rest spread evenly."""
    while True:
        if rng.random() < 0.6:
            lon0, lat0 = rng.choice(CLUSTERS)
            lon, lat = rng.gauss(lon0, 2.0), rng.gauss(lat0, 1.2)
        else:
            lon, lat = rng.uniform(21.0, 178.0), rng.uniform(36.0, 77.0)
        if _inside(lon, lat, USSR_OUTLINE):
            return round(lon, 5), round(lat, 5)


def _inside(x: float, y: float, ring: list[tuple[float, float]]) -> bool:
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def _date(rng: random.Random, year: int) -> str:
    """A date at year, month or day precision, sometimes uncertain or approximate."""
    form = rng.random()
    text = str(year)
    if form > 0.5:
        text += f"-{rng.randint(1, 12):02d}"
    if form > 0.8:
        text += f"-{rng.randint(1, 28):02d}"
    qualifier = rng.random()
    return text + ("?" if qualifier < 0.05 else "~" if qualifier < 0.08 else "")


def _years(rng: random.Random, open_share: float) -> tuple[int, int | None]:
    """[start, end) years in 1953–2025; ``None`` for a feature still there."""
    start = rng.randint(YEAR_MIN, YEAR_MAX - 1)
    if rng.random() < open_share:
        return start, None
    return start, rng.randint(start + 1, YEAR_MAX)


def _word_name(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _description(rng: random.Random, name: str) -> str:
    words = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(18, 40)))
    return f"{name}: {words}. Synthetic benchmark feature; not a real place."


def _properties(rng: random.Random, layer: str, number: int, open_share: float) -> dict[str, Any]:
    name = _word_name(rng)
    start, end = _years(rng, open_share)
    sources = [
        {"title": f"Source {k + 1} for {name}", "url": f"https://example.org/{layer}/{number}/{k}"}
        for k in range(rng.randint(1, 2))
    ]
    props: dict[str, Any] = {
        "id": f"{layer}-{number}",
        "name": name,
        "start": _date(rng, start),
        "end": None if end is None else _date(rng, end),
        "precision": rng.choice(["site", "street", "town"]),
        "country": rng.choice(["RU", "UA", "KZ", "BY", "GE", "UZ"]),
        "sources": sources,
        "description": _description(rng, name),
    }
    if rng.random() < 0.3:
        props["name_ru"] = name + " (ru)"
    return props


def _feature(geometry: dict[str, Any], props: dict[str, Any]) -> dict[str, Any]:
    return {"type": "Feature", "geometry": geometry, "properties": props}


def _point(rng: random.Random, layer: str, number: int) -> dict[str, Any]:
    lon, lat = _position(rng)
    props = _properties(rng, layer, number, open_share=0.45)
    return _feature({"type": "Point", "coordinates": [lon, lat]}, props)


def _renamed(rng: random.Random, layer: str, number: int) -> dict[str, Any]:
    """A place that bore a Stalin name from ``start`` to ``end``, with the names before and after."""
    feature = _point(rng, layer, number)
    props = feature["properties"]
    start, end = props["start"], props["end"]
    names: list[dict[str, Any]] = [
        {"name": _word_name(rng), "end": start},
        {"name": "Stalin" + rng.choice(["o", "abad", "grad", "sk", "iri"]), "start": start},
    ]
    if end is not None:
        names[1]["end"] = end
        names.append({"name": props["name"], "name_ru": props["name"] + " (ru)", "start": end})
    props["names"] = names
    return feature


def _camp(rng: random.Random, layer: str, number: int) -> dict[str, Any]:
    """A small star-shaped polygon (8–16 vertices, 0.2–0.9° across), closed and counter-clockwise."""
    lon, lat = _position(rng)
    radius = rng.uniform(0.1, 0.45)
    vertices = rng.randint(8, 16)
    ring = []
    for k in range(vertices):
        angle = 2 * math.pi * k / vertices
        r = radius * rng.uniform(0.6, 1.0)
        ring.append([round(lon + r * math.cos(angle) * 1.8, 5), round(lat + r * math.sin(angle), 5)])
    ring.append(ring[0])
    props = _properties(rng, layer, number, open_share=0.25)
    props["kind"] = "camp complex"
    props["precision"] = "approximate"
    return _feature({"type": "Polygon", "coordinates": [ring]}, props)
