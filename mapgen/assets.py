"""Static files made ready to inline: Leaflet (from xstatic-leaflet) and mapgen's own JS/CSS."""

from __future__ import annotations

import base64
import json
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import shapely
import xstatic.pkg.leaflet as xleaflet
from shapely.geometry import Polygon

from mapgen.geometry import unwrap_rings

LEAFLET_VERSION = xleaflet.VERSION
_LEAFLET_DIR = Path(xleaflet.BASE_DIR)
_SOURCE_MAP = re.compile(r"^\s*//# sourceMappingURL=.*$", re.MULTILINE)
_CSS_IMAGE = re.compile(r"url\((images/[A-Za-z0-9_.-]+\.png)\)")


def static_text(name: str) -> str:
    """A file of ``mapgen/static/``."""
    return resources.files("mapgen").joinpath("static", name).read_text(encoding="utf-8")


@cache
def leaflet_js() -> str:
    return _SOURCE_MAP.sub("", (_LEAFLET_DIR / "leaflet.js").read_text(encoding="utf-8"))


@cache
def leaflet_css() -> str:
    css = (_LEAFLET_DIR / "leaflet.css").read_text(encoding="utf-8")
    return _CSS_IMAGE.sub(lambda m: f'url("{_data_uri(_LEAFLET_DIR / m.group(1))}")', css)


def _data_uri(path: Path) -> str:
    return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def script_tag(js: str) -> str:
    """Inline JS safely: nothing in it may close the script element."""
    return "<script>" + re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE) + "</script>"


def style_tag(css: str) -> str:
    return "<style>" + re.sub(r"</(style)", r"<\\/\1", css, flags=re.IGNORECASE) + "</style>"


# ISO 3166 numeric codes of the 15 Soviet republics (their outer border is the USSR's, 1953–1991)
_SOVIET = {
    "643",
    "804",
    "112",
    "498",
    "233",
    "428",
    "440",
    "268",
    "051",
    "031",
    "398",
    "860",
    "795",
    "417",
    "762",
}
_ANTARCTICA = "010"


@cache
def countries() -> dict[str, list[list[tuple[float, float]]]]:
    """Natural Earth country outlines by ISO 3166 numeric code, rings continuous across 180°."""
    folder = resources.files("mapgen").joinpath("basemap")
    topo = json.loads(folder.joinpath("countries-110m.json").read_text(encoding="utf-8"))
    return {
        str(g.get("id")): [unwrap_rings([ring])[0] for ring in _topo_rings(topo, g)]
        for g in topo["objects"]["countries"]["geometries"]
    }


@cache
def basemap() -> dict[str, dict[str, list[float] | list[int]]]:
    """Country outlines and the USSR 1953–1991 border, as flat rings for the canvas."""
    outlines = {code: rings for code, rings in countries().items() if code != _ANTARCTICA}
    soviet = shapely.unary_union([Polygon(ring).buffer(0) for code in _SOVIET for ring in outlines[code]])
    border = [list(polygon.exterior.coords) for polygon in getattr(soviet, "geoms", [soviet])]
    land = [ring for rings in outlines.values() for ring in rings]
    return {"land": _flat(land), "ussr": _flat(border)}


def _topo_rings(topo: dict[str, Any], geometry: dict[str, Any]) -> list[list[tuple[float, float]]]:
    polygons = {"Polygon": [geometry.get("arcs", [])], "MultiPolygon": geometry.get("arcs", [])}
    return [_topo_ring(topo, ring) for polygon in polygons.get(geometry["type"], []) for ring in polygon]


def _topo_ring(topo: dict[str, Any], arc_ids: list[int]) -> list[tuple[float, float]]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    ring: list[tuple[float, float]] = []
    for arc_id in arc_ids:
        x = y = 0
        points = []
        for dx, dy in topo["arcs"][arc_id if arc_id >= 0 else ~arc_id]:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        if arc_id < 0:
            points.reverse()
        ring.extend(points[1:] if ring else points)
    return ring


def _flat(rings: list[list[tuple[float, float]]]) -> dict[str, list[float] | list[int]]:
    coords: list[float] = []
    offsets = [0]
    for ring in rings:
        for lon, lat in ring:
            coords += [round(lon, 3), round(max(-85.0, min(85.0, lat)), 3)]
        offsets.append(len(coords) // 2)
    return {"coords": coords, "rings": offsets}
