"""Tiny layers built in code: a valid geodata folder and single features to break."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

SOURCE = {"title": "Example source", "url": "https://example.org/source"}

MANIFEST = """
[map]
title = "Test map"
year_min = 1953
year_max = 2025
year = 1953

[[layers]]
id = "camps"
file = "camps.geojson"
title = "Camps"
kind = "polygon"
color = "#8c2d04"
order = 1

[[layers]]
id = "monuments"
file = "monuments.geojson"
title = "Monuments"
kind = "point"
color = "#c62828"
order = 2

[[layers]]
id = "renamed"
file = "renamed.geojson"
title = "Renamed"
kind = "point"
color = "#6a1b9a"
order = 3
labels = true
"""


def point(fid: str, lon: float, lat: float, start: Any, end: Any = None, **props: Any) -> dict[str, Any]:
    properties = {
        "id": fid,
        "name": props.pop("name", fid),
        "start": start,
        "end": end,
        "sources": [SOURCE],
        "description": f"Description of {fid}.",
        **props,
    }
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": properties,
    }


def polygon(fid: str, ring: list[list[float]], start: Any, end: Any = None, **props: Any) -> dict[str, Any]:
    feature = point(fid, 0, 0, start, end, **props)
    feature["geometry"] = {"type": "Polygon", "coordinates": [ring]}
    return feature


def collection(*features: dict[str, Any]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": list(features)}


VOLGOGRAD_NAMES = [
    {"name": "Tsaritsyn", "name_ru": "Царицын", "start": "1589", "end": "1925-04-10"},
    {"name": "Stalingrad", "name_ru": "Сталинград", "start": "1925-04-10", "end": "1961-11-10"},
    {"name": "Volgograd", "name_ru": "Волгоград", "start": "1961-11-10"},
]


def layers() -> dict[str, dict[str, Any]]:
    """The default test layers, as documents keyed by file name."""
    return {
        "camps.geojson": collection(
            polygon("steplag", [[66, 47], [70, 47], [70, 49], [66, 49], [66, 47]], "1948", "1956"),
            polygon("chukotka", [[175, 64], [-175, 64], [-175, 67], [175, 67], [175, 64]], "1951", "1957"),
        ),
        "monuments.geojson": collection(
            point("budapest", 19.08, 47.51, "1951-12-16", "1956-10-23"),
            point("gori", 44.1129, 41.98532, "1952", "2010-06-25"),
            point("yalta", 34.14, 44.47, "2015-02-05"),
        ),
        "renamed.geojson": collection(
            point(
                "volgograd",
                44.51472,
                48.70861,
                "1925-04-10",
                "1961-11-10",
                name="Volgograd",
                name_ru="Волгоград",
                names=copy.deepcopy(VOLGOGRAD_NAMES),
            ),
        ),
    }


def write_geodata(folder: Path, docs: dict[str, Any] | None = None, manifest: str = MANIFEST) -> Path:
    """Write a geodata folder; ``docs`` maps file names to documents (or raw strings/bytes)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "layers.toml").write_text(manifest, encoding="utf-8")
    for name, doc in (docs if docs is not None else layers()).items():
        path = folder / name
        if isinstance(doc, bytes):
            path.write_bytes(doc)
        elif isinstance(doc, str):
            path.write_text(doc, encoding="utf-8")
        else:
            path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    return folder
