"""From checked layers to the one JSON document the page reads (pure functions).

The JSON contract (``<script type="application/json" id="mapgen-data">``)::

    {
      "schema": 1,
      "map": {"title", "title_ru", "year_min", "year_max", "year", "center": [lat, lon],
              "zoom", "lang", "version": hash of geodata/, "generator": "mapgen X.Y.Z"},
      "layers": [{
        "id", "title", "title_ru", "kind": "point"|"line"|"polygon", "color", "former_color",
        "labels": bool, "description", "license",
        "source_sites": [[host, features citing it], ...],   # the 8 most cited sites
        "words": {"noun", "verb_start", "verb_end", and *_ru},  # for "38 monuments removed"
        "ids": [str],                  # feature ids, in file order
        "start": [int], "end": [int|null],   # years; active when start <= Y < end, null = open
        "coords": [lon, lat, ...],     # flat, rounded to 5 decimals, longitudes unwrapped
                                       # so a feature never jumps across the antimeridian
        "rings": [int],                # line/polygon layers: ring k is positions rings[k]..rings[k+1]
        "parts": [int],                # line/polygon layers: feature i is rings parts[i]..parts[i+1]
        "names": {"<index>": [[name, name_ru, start_year|null, end_year|null], ...]},  # sparse
        "info": [{"name", "start", "end", "description", "sources": [[title, url]],
                  optional "name_ru", "description_ru", "place", "country", "kind",
                  "erected_by", "precision", "start_note", "end_note",
                  "events": [[date, label, label_ru, [[title, url]]]],
                  "prisoners": {"1953": int|null}}]
      }]
    }

Dates in "info" are the ISO strings the data gave (qualifier stripped into *_note).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from mapgen import __version__
from mapgen.geometry import unwrap_rings
from mapgen.model import Dataset, Feature, Layer

SCHEMA = 1
_DIGITS = 5


def build_document(dataset: Dataset, lang: str) -> dict[str, Any]:
    """The whole JSON document for the page."""
    spec = dataset.map
    year = spec.year if spec.year is not None else spec.year_min
    return {
        "schema": SCHEMA,
        "map": {
            "title": spec.title,
            "title_ru": spec.title_ru,
            "year_min": spec.year_min,
            "year_max": spec.year_max,
            "year": year,
            "center": list(spec.center),
            "zoom": spec.zoom,
            "lang": lang,
            "version": dataset.version,
            "generator": f"mapgen {__version__}",
        },
        "layers": [layer_columns(layer) for layer in dataset.layers],
    }


def layer_columns(layer: Layer) -> dict[str, Any]:
    """One layer as columns: arrays indexed by feature number."""
    spec = layer.spec
    columns: dict[str, Any] = {
        "id": spec.id,
        "title": spec.title,
        "title_ru": spec.title_ru,
        "kind": spec.kind,
        "color": spec.color,
        "former_color": spec.former_color,
        "labels": spec.labels,
        "description": spec.description,
        "license": spec.license,
        "source_sites": _source_sites(layer),
        "words": {
            key: getattr(spec, key)
            for key in ("noun", "noun_ru", "verb_start", "verb_start_ru", "verb_end", "verb_end_ru")
        },
        "ids": [f.id for f in layer.features],
        "start": [f.start.year for f in layer.features],
        "end": [f.end.year if f.end else None for f in layer.features],
        "names": {str(i): _names(f) for i, f in enumerate(layer.features) if f.names},
        "info": [_info(f) for f in layer.features],
    }
    columns.update(_geometry_columns(layer))
    return columns


def _source_sites(layer: Layer, most: int = 8) -> list[list[Any]]:
    """The sites a layer cites most: [[host, number of features citing it], ...]."""
    counts = Counter(host for f in layer.features for host in {_host(s.url) for s in f.sources})
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [[host.removeprefix("www."), count] for host, count in ranked[:most]]


def _host(url: str) -> str:
    """The host of an http(s) URL (validation has checked its form)."""
    return url.split("/", 3)[2].rsplit("@", 1)[-1].split(":", 1)[0].lower()


def _names(feature: Feature) -> list[list[Any]]:
    return [
        [n.name, n.name_ru, n.start.year if n.start else None, n.end.year if n.end else None]
        for n in feature.names
    ]


def _info(feature: Feature) -> dict[str, Any]:
    info: dict[str, Any] = {
        "name": feature.name,
        "start": feature.start.iso.rstrip("?~%"),
        "end": feature.end.iso.rstrip("?~%") if feature.end else None,
        "description": feature.description,
        "sources": [[s.title, s.url] for s in feature.sources],
    }
    info.update(sorted(feature.text.items()))
    if feature.start.note:
        info["start_note"] = feature.start.note
    if feature.end and feature.end.note:
        info["end_note"] = feature.end.note
    if feature.events:
        info["events"] = [
            [e.date.iso, e.label, e.label_ru, [[s.title, s.url] for s in e.sources]] for e in feature.events
        ]
    if feature.prisoners:
        info["prisoners"] = feature.prisoners
    return info


def label_at(feature: Feature, year: int) -> str:
    """The name a feature bore in ``year``: the latest-starting dated name holding it."""
    label = feature.name
    for name in feature.names:
        started = name.start is None or name.start.year <= year
        if started and (name.end is None or year < name.end.year):
            label = name.name
    return label


def _geometry_columns(layer: Layer) -> dict[str, Any]:
    coords: list[float] = []
    if layer.spec.kind == "point":
        for feature in layer.features:
            lon, lat = feature.geometry["coordinates"][:2]
            coords += [round(lon, _DIGITS), round(lat, _DIGITS)]
        return {"coords": coords}
    rings: list[int] = [0]
    parts: list[int] = [0]
    for feature in layer.features:
        for ring in unwrap_rings(_rings(feature.geometry)):
            for lon, lat in ring:
                coords += [round(lon, _DIGITS), round(lat, _DIGITS)]
            rings.append(len(coords) // 2)
        parts.append(len(rings) - 1)
    return {"coords": coords, "rings": rings, "parts": parts}


def _rings(geometry: dict[str, Any]) -> list[list[tuple[float, float]]]:
    gtype, coords = geometry["type"], geometry["coordinates"]
    nested = {
        "LineString": [coords],
        "MultiLineString": coords,
        "Polygon": coords,
        "MultiPolygon": [ring for polygon in coords for ring in polygon],
    }[gtype]
    return [[(float(p[0]), float(p[1])) for p in ring] for ring in nested]
