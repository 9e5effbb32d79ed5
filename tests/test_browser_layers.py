"""Layers as a user adds them: a fifth layer of lines, and a polygon across the 180th meridian."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from factories import MANIFEST, collection, layers, point, write_geodata
from PIL import Image

from mapgen.build import build
from mapgen.config import BuildConfig

CANALS = """
[[layers]]
id = "canals"
file = "canals.geojson"
title = "Canals built by prisoners"
kind = "line"
color = "#00695c"
order = 5
"""


@pytest.fixture(scope="module")
def five_layer_map(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("five")
    canal = point("volga-don", 0, 0, "1952-07-27")
    canal["geometry"] = {"type": "LineString", "coordinates": [[43.5, 48.6], [42.0, 48.4], [40.5, 47.9]]}
    docs = {**layers(), "canals.geojson": collection(canal)}
    write_geodata(folder / "geodata", docs, MANIFEST + CANALS)
    out = folder / "map.html"
    build(BuildConfig(geodata=folder / "geodata", output=out))
    return out


def _screen(page: Any, lat: float, lon: float) -> tuple[int, int]:
    x, y = page.evaluate(
        """([lat, lon]) => { const p = mapgen.map.latLngToContainerPoint([lat, lon]);
        const r = mapgen.map.getContainer().getBoundingClientRect(); return [p.x + r.left, p.y + r.top]; }""",
        [lat, lon],
    )
    return round(x), round(y)


def _pixel(page: Any, xy: tuple[int, int]) -> tuple[int, int, int]:
    return Image.open(io.BytesIO(page.screenshot())).convert("RGB").getpixel(xy)  # type: ignore[return-value]


def test_a_fifth_layer_needs_only_a_file_and_a_manifest_entry(open_page: Any, five_layer_map: Path) -> None:
    visit = open_page(f"{five_layer_map.as_uri()}#year=1960&layers=canals")
    page = visit.page
    assert page.evaluate("mapgen.layers()") == ["camps", "monuments", "renamed", "canals"]
    assert page.evaluate("mapgen.summary().layers.canals") == [
        {"id": "volga-don", "label": "volga-don", "status": "active"}
    ]
    assert "Canals built by prisoners" in page.locator(".mapgen-legend").inner_text()
    page.evaluate("mapgen.map.setView([48.4, 42.0], 7, {animate: false})")
    assert _pixel(page, _screen(page, 48.4, 42.0)) == (0, 105, 92), "the line is drawn in its colour"
    page.mouse.click(*_screen(page, 48.4, 42.0))
    page.wait_for_selector(".mapgen-popup[data-feature=volga-don]")
    visit.assert_clean()


def test_a_polygon_across_180_degrees_is_one_shape_not_a_band(
    open_page: Any, geodata: Path, tmp_path: Path
) -> None:
    out = tmp_path / "map.html"
    build(BuildConfig(geodata=geodata, output=out))
    visit = open_page(f"{out.as_uri()}#year=1955&layers=camps")
    page = visit.page

    def painted(lat: float, lon: float) -> bool:
        """Does the camps layer change this pixel? (shown vs hidden)"""
        xy = _screen(page, lat, lon)
        page.evaluate("mapgen.setLayers(['camps'])")
        shown = _pixel(page, xy)
        page.evaluate("mapgen.setLayers([])")
        hidden = _pixel(page, xy)
        page.evaluate("mapgen.setLayers(['camps'])")
        return shown != hidden

    page.evaluate("mapgen.map.setView([65.5, 180], 4, {animate: false})")
    assert painted(65.5, 177.0) and painted(65.5, 183.0), "both sides of 180° are inside the polygon"
    assert not painted(65.5, 160.0) and not painted(65.5, 200.0)
    page.evaluate("mapgen.map.setView([65.5, 0], 4, {animate: false})")
    assert not painted(65.5, -10.0) and not painted(65.5, 10.0), "no band around the world"
    visit.assert_clean()
