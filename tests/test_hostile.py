"""Hostile strings in every text the data can carry: shown as literal text, never run, never templated."""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

import pytest
from factories import MANIFEST, collection, layers, point, write_geodata

from mapgen.build import build
from mapgen.config import BuildConfig
from mapgen.render import DATA_ELEMENT_ID, read_document

HOSTILE = [
    "</script><script>window.__pwn=1</script>",
    "<!--",
    '<img src=x onerror="window.__pwn=1">',
    "{{ 7*7 }}",
    "{% if %}",
    "javascript:alert(1)",
    "\u202eRTL override\u202c and zero\u200bwidth",
]
ALL = " | ".join(HOSTILE)


def _hostile_feature(fid: str, lon: float, lat: float) -> dict[str, Any]:
    feature = point(
        fid,
        lon,
        lat,
        "1950",
        "1960",
        name=f"name {ALL}",
        name_ru=f"имя {ALL}",
        place=ALL,
        kind=ALL,
        erected_by=ALL,
        precision="site",
        country="RU",
        names=[{"name": f"old {ALL}", "end": "1955"}, {"name": f"new {ALL}", "start": "1955"}],
        events=[
            {
                "date": "1956",
                "label": f"event {ALL}",
                "sources": [{"title": f"event source {ALL}", "url": "https://example.org/e?q=</script>"}],
            }
        ],
    )
    feature["properties"]["description"] = f"description {ALL}"
    feature["properties"]["sources"] = [
        {"title": f"source {ALL}", "url": "https://example.org/?q=</script><script>window.__pwn=1</script>"}
    ]
    return feature


def _hostile_manifest() -> str:
    text = MANIFEST
    for title in ("Camps", "Monuments", "Renamed"):
        text = text.replace(f'title = "{title}"', f"title = {json.dumps(title + ' ' + ALL)}")
    return text.replace('title = "Test map"', f"title = {json.dumps('Map ' + ALL)}")


@pytest.fixture(scope="module")
def hostile_map(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    docs = layers()
    docs["monuments.geojson"] = collection(
        _hostile_feature("evil", 37.6, 55.7), _hostile_feature("evil2", 30.3, 59.9)
    )
    write_geodata(folder / "geodata", docs, _hostile_manifest())
    out = folder / "map.html"
    result = build(BuildConfig(geodata=folder / "geodata", output=out))
    assert result.warnings == ()
    return out


def _data_block(page_html: str) -> Any:
    return read_document(page_html)


def test_the_data_block_holds_the_strings_exactly_and_nothing_else_runs(hostile_map: Path) -> None:
    page_html = hostile_map.read_text(encoding="utf-8")
    data = _data_block(page_html)
    monuments = data["layers"][1]
    assert monuments["info"][0]["description"] == f"description {ALL}"
    assert monuments["title"] == f"Monuments {ALL}"
    assert "49" not in json.dumps(monuments["info"][0])  # {{ 7*7 }} was never evaluated
    block = page_html[page_html.index(f'id="{DATA_ELEMENT_ID}">') :]
    block = block[: block.index("</script>")]
    assert "<" not in block.split(">", 1)[1] and "\u2028" not in block
    assert f"<title>{html.escape('Map ' + ALL)}</title>" in page_html
    assert page_html.count("window.__pwn=1</script>") == 0


def test_hostile_text_stays_text_in_the_browser(open_page: Any, hostile_map: Path) -> None:
    visit = open_page(f"{hostile_map.as_uri()}#year=1957")
    page = visit.page
    page.evaluate("mapgen.map.setView([55.7, 37.6], 6, {animate: false})")
    x, y = page.evaluate(
        "() => { const p = mapgen.map.latLngToContainerPoint([55.7, 37.6]);"
        " const r = mapgen.map.getContainer().getBoundingClientRect(); return [p.x + r.left, p.y + r.top]; }"
    )
    page.mouse.move(x, y)
    page.mouse.click(x, y)
    popup = page.locator(".mapgen-popup[data-feature=evil]")
    popup.wait_for()
    assert popup.locator("h3").inner_text() == f"new {ALL}"
    text = popup.inner_text()
    for needle in (
        "{{ 7*7 }}",
        "{% if %}",
        '<img src=x onerror="window.__pwn=1">',
        "</script>",
        "zero\u200bwidth",
    ):
        assert needle in text
    assert popup.locator("img").count() == 0
    assert popup.locator("script").count() == 0
    links = popup.locator("a")
    assert all(
        href.startswith("https://example.org/") for href in links.evaluate_all("l => l.map(a => a.href)")
    )
    page.get_by_role("slider", name="Year shown on the map").fill("1954")
    page.wait_for_function("mapgen.getYear() === 1954")
    page.evaluate("mapgen.openFeature('monuments', 'evil2')")
    assert page.locator(".mapgen-popup[data-feature=evil2] h3").inner_text() == f"old {ALL}"
    page.locator(".leaflet-control-layers").hover()
    control_text = page.locator(".leaflet-control-layers-overlays").inner_text()
    assert f"Monuments {ALL}" in control_text
    assert page.locator(".leaflet-control-layers img").count() == 0
    page.get_by_role("searchbox").fill("new </script>")
    result = page.locator(".mapgen-search-result").first
    assert "{{ 7*7 }}" in result.inner_text() and result.locator("img").count() == 0
    result.click()
    page.wait_for_selector(".mapgen-popup[data-feature]")
    page.evaluate("mapgen.compare(1953, 1965); mapgen.openList()")
    assert "{{ 7*7 }}" in page.locator(".mapgen-list").inner_text()
    assert page.locator(".mapgen-tools img").count() == 0
    assert page.evaluate("typeof window.__pwn") == "undefined"
    assert page.title() == f"Map {ALL}"
    visit.assert_clean()


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "vbscript:x", " https://x.org"])
def test_a_source_url_that_is_not_http_is_refused(tmp_path: Path, url: str) -> None:
    from mapgen.errors import ValidationError

    docs = layers()
    feature = point("a", 1, 1, "1950")
    feature["properties"]["sources"] = [{"title": "t", "url": url}]
    docs["monuments.geojson"] = collection(feature)
    with pytest.raises(ValidationError, match="must be an http:// or https:// address"):
        build(BuildConfig(geodata=write_geodata(tmp_path / "g", docs), output=tmp_path / "m.html"))
    assert not (tmp_path / "m.html").exists()
