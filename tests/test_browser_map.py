"""The built map in Debian's Chromium, offline: what a person sees at a year."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

VOLGOGRAD = (48.70861, 44.51472)


def _expected_counts(year: int) -> dict[str, int]:
    """Features drawn in ``year`` (active or former), counted from geodata/ without the page."""
    from mapgen.build import load_dataset
    from mapgen.config import BuildConfig

    dataset = load_dataset(BuildConfig(geodata=Path(__file__).parent.parent / "geodata")).dataset
    return {layer.spec.id: sum(f.start.year <= year for f in layer.features) for layer in dataset.layers}


def _summary_item(page: Any, layer: str, fid: str) -> dict[str, str] | None:
    items = page.evaluate(f"mapgen.summary().layers[{layer!r}]")
    return next((item for item in items if item["id"] == fid), None)


def _point(page: Any, lat: float, lon: float) -> tuple[float, float]:
    """Page coordinates of a place on the map."""
    x, y = page.evaluate(
        "([lat, lon]) => { const p = mapgen.map.latLngToContainerPoint([lat, lon]);"
        " const r = mapgen.map.getContainer().getBoundingClientRect(); return [p.x + r.left, p.y + r.top]; }",
        [lat, lon],
    )
    return x, y


def _pixel(page: Any, x: float, y: float) -> tuple[int, int, int]:
    shot = Image.open(io.BytesIO(page.screenshot())).convert("RGB")
    return shot.getpixel((round(x), round(y)))  # type: ignore[return-value]


def test_volgograd_is_stalingrad_in_1960_and_volgograd_in_1962(open_page: Any, real_map: Path) -> None:
    visit = open_page(f"{real_map.as_uri()}#year=1960")
    page = visit.page
    assert page.evaluate("mapgen.getYear()") == 1960
    assert _summary_item(page, "renamed", "volgograd") == {
        "id": "volgograd",
        "label": "Stalingrad",
        "status": "active",
    }
    page.evaluate("mapgen.setYear(1962)")
    assert _summary_item(page, "renamed", "volgograd") == {
        "id": "volgograd",
        "label": "Volgograd",
        "status": "former",
    }
    page.wait_for_function("location.hash === '#year=1962'", timeout=3000)
    assert page.locator(".mapgen-year").inner_text() == "1962"
    visit.assert_clean()


def test_budapest_monument_active_1955_former_1957_and_drawn_so(open_page: Any, real_map: Path) -> None:
    visit = open_page(f"{real_map.as_uri()}#year=1955&layers=monuments")
    page = visit.page
    page.evaluate("mapgen.map.setView([47.5114, 19.0814], 7, {animate: false})")
    assert page.evaluate(
        "Object.keys(mapgen.summary().layers).filter(k => mapgen.summary().layers[k].length)"
    ) == ["monuments"]
    assert _summary_item(page, "monuments", "budapest-stalin-monument")["status"] == "active"  # type: ignore[index]
    x, y = _point(page, 47.5114, 19.0814)
    red, green, blue = _pixel(page, x, y)
    assert red > 150 and green < 90 and blue < 90, "the active monument is drawn in the layer's red"
    page.evaluate("mapgen.setYear(1957)")
    assert _summary_item(page, "monuments", "budapest-stalin-monument")["status"] == "former"  # type: ignore[index]
    red, green, blue = _pixel(page, x, y)
    assert abs(red - green) < 40 and abs(green - blue) < 40, "the former monument is drawn muted grey"
    page.evaluate("mapgen.setYear(1950)")
    assert page.evaluate("mapgen.getYear()") == 1953, "years are clamped to the slider's range"
    visit.assert_clean()


def test_hiding_former_features_removes_them_from_the_map(open_page: Any, real_map: Path) -> None:
    visit = open_page(f"{real_map.as_uri()}#year=1957")
    page = visit.page
    page.get_by_label("Show former", exact=False).uncheck()
    assert _summary_item(page, "monuments", "budapest-stalin-monument") is None
    statuses = {i["status"] for items in page.evaluate("mapgen.summary().layers").values() for i in items}
    assert statuses == {"active"}
    visit.assert_clean()


def test_keyboard_moves_the_slider_and_the_map(open_page: Any, real_map: Path) -> None:
    visit = open_page(real_map)
    page = visit.page
    slider = page.get_by_role("slider", name="Year shown on the map")
    slider.focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    page.wait_for_function("mapgen.getYear() === 1956")
    assert slider.get_attribute("aria-valuetext") == "1956"
    page.keyboard.press("End")
    page.wait_for_function("mapgen.getYear() === 2025")
    assert _summary_item(page, "renamed", "volgograd-airport")["status"] == "active"  # type: ignore[index]
    page.keyboard.press("Home")
    page.wait_for_function("mapgen.getYear() === 1953")
    page.keyboard.press("Tab")  # on to the next control: the slider keeps the year
    page.get_by_role("button", name="One year forward").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("mapgen.getYear()") == 1954
    visit.assert_clean()


def test_play_steps_through_the_years(open_page: Any, real_map: Path) -> None:
    visit = open_page(f"{real_map.as_uri()}#year=2020")
    page = visit.page
    page.get_by_role("button", name="Play").click()
    page.wait_for_function("mapgen.getYear() >= 2022", timeout=5000)
    page.get_by_role("button", name="Pause").click()
    year = page.evaluate("mapgen.getYear()")
    page.wait_for_timeout(900)
    assert page.evaluate("mapgen.getYear()") == year
    visit.assert_clean()


def test_clicking_a_place_opens_its_popup_with_sources(open_page: Any, real_map: Path) -> None:
    visit = open_page(f"{real_map.as_uri()}#year=1960")
    page = visit.page
    page.evaluate(f"mapgen.map.setView({list(VOLGOGRAD)}, 6, {{animate: false}})")
    page.mouse.click(*_point(page, *VOLGOGRAD))
    chooser = page.locator(".mapgen-chooser")
    chooser.wait_for()  # the city and Stalingrad Oblast share the point: the reader picks one
    assert "2 features here" in chooser.locator("h3").inner_text()
    choices = chooser.locator("button").all_inner_texts()
    assert choices == [  # top-most first: the oblast comes later in the file, so it is drawn on top
        "Stalingrad Oblast · Places named after Stalin",
        "Stalingrad · Places named after Stalin",
    ]
    chooser.get_by_role("button", name="Stalingrad · Places").click()
    popup = page.locator(".mapgen-popup")
    popup.wait_for()
    assert popup.locator("h3").inner_text() == "Stalingrad"
    assert "Tsaritsyn" in popup.locator(".mapgen-names").inner_text()
    link = popup.locator(".mapgen-sources a").first
    assert link.get_attribute("href").startswith(("https://", "http://"))  # type: ignore[union-attr]
    assert link.get_attribute("rel") == "noopener noreferrer"
    page.wait_for_function("location.hash.endsWith('&feature=renamed:volgograd')", timeout=3000)
    assert page.evaluate("location.hash").startswith("#year=1960&view=6/")
    page.evaluate("mapgen.setYear(1962)")
    assert popup.locator("h3").inner_text() == "Volgograd", "an open popup follows the slider"
    visit.assert_clean()


@pytest.mark.parametrize("year", [1953, 1961, 2025])
def test_screenshot_for_a_person_to_look_at(
    open_page: Any, real_map: Path, artifacts: Path, year: int
) -> None:
    visit = open_page(f"{real_map.as_uri()}#year={year}")
    page = visit.page
    counts = {k: len(v) for k, v in page.evaluate("mapgen.summary().layers").items()}
    assert counts == _expected_counts(year)
    page.screenshot(path=str(artifacts / f"map-{year}.png"))
    visit.assert_clean()
