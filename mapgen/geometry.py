"""Checks of GeoJSON geometries: types per layer kind, coordinate ranges, validity."""

from __future__ import annotations

import itertools
import math
from typing import Any

import shapely
from shapely.geometry import shape
from shapely.validation import explain_validity

TYPES_BY_KIND = {
    "point": ("Point",),
    "line": ("LineString", "MultiLineString"),
    "polygon": ("Polygon", "MultiPolygon"),
}
_DEPTH = {"Point": 0, "LineString": 1, "MultiLineString": 2, "Polygon": 2, "MultiPolygon": 3}


def check_geometry(geometry: Any, kind: str) -> str | None:
    """Return a sentence saying what is wrong with ``geometry``, or None if it is fine."""
    allowed = TYPES_BY_KIND[kind]
    if not isinstance(geometry, dict):
        return f"must be a GeoJSON geometry object ({' or '.join(allowed)}); found {_found(geometry)}"
    gtype = geometry.get("type")
    if gtype not in allowed:
        return f"must be of type {' or '.join(allowed)} in a {kind} layer; found {_found(gtype)}"
    coords = geometry.get("coordinates")
    problem = _check_positions(coords, _DEPTH[gtype])
    if problem:
        return problem
    if kind == "polygon":
        return _check_polygon(geometry)
    if kind == "line":
        return _check_lines(coords, gtype)
    return None


def _found(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _check_positions(coords: Any, depth: int) -> str | None:
    if depth == 0:
        return _check_position(coords)
    if not isinstance(coords, list) or not coords:
        return f"coordinates must be a non-empty list; found {_found(coords)}"
    for item in coords:
        problem = _check_positions(item, depth - 1)
        if problem:
            return problem
    return None


def _check_position(pos: Any) -> str | None:
    if not (
        isinstance(pos, list)
        and len(pos) in (2, 3)
        and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in pos)
    ):
        return f"a position must be [longitude, latitude]; found {_found(pos)}"
    lon, lat = pos[0], pos[1]
    if not (math.isfinite(lon) and math.isfinite(lat)):
        return f"coordinates must be finite numbers; found {_found(pos)}"
    if -90 <= lon <= 90 and not -90 <= lat <= 90 and -180 <= lat <= 180:
        return (
            f"latitude {lat} is out of range -90..90; the position looks swapped: GeoJSON "
            f"wants [longitude, latitude], so write [{lat}, {lon}]"
        )
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        return f"[longitude, latitude] must lie in -180..180 and -90..90; found {_found(pos)}"
    return None


def _check_polygon(geometry: dict[str, Any]) -> str | None:
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    for rings in polygons:
        for ring in rings:
            if len(ring) < 4 or ring[0][:2] != ring[-1][:2]:
                return "each polygon ring needs at least 4 positions and must end where it starts"
    geom = shape(geometry)
    if not shapely.is_valid(geom):
        return (
            f"is not a valid polygon: {explain_validity(geom)}; fix the outline "
            "(for example with QGIS 'Fix geometries' or shapely.make_valid)"
        )
    return None


def _check_lines(coords: Any, gtype: str) -> str | None:
    lines = coords if gtype == "MultiLineString" else [coords]
    if any(len(line) < 2 for line in lines):
        return "each line needs at least 2 positions"
    return None


def unwrap_rings(rings: list[list[tuple[float, float]]]) -> list[list[tuple[float, float]]]:
    """Keep a feature continuous across 180°: Chukotka must not become a band round the world.

    A ring with a step of more than 180° of longitude crosses the antimeridian: its western
    longitudes move east by 360°. Then, if the feature still spans more than 180°, so do all of
    its western longitudes (a MultiPolygon split at 180° becomes one continuous shape).
    """
    out = []
    for ring in rings:
        crosses = any(abs(b[0] - a[0]) > 180 for a, b in itertools.pairwise(ring))
        out.append([(lon + 360 if crosses and lon < 0 else lon, lat) for lon, lat in ring])
    lons = [lon for ring in out for lon, _ in ring]
    if lons and max(lons) - min(lons) > 180:
        out = [[(lon + 360 if lon < 0 else lon, lat) for lon, lat in ring] for ring in out]
    return out
