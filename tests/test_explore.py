"""Exploring: legend, chart, search by historical names, compare, text list, Russian, keyboard only."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from mapgen.build import build
from mapgen.config import BuildConfig

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def russian_map(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("ru") / "map.html"
    build(BuildConfig(geodata=ROOT / "geodata", output=out, lang="ru"))
    return out


def _rgb(page: Any, selector: str) -> list[int]:
    """The colour at the centre of a canvas element."""
    return page.evaluate(
        """(sel) => { const c = document.querySelector(sel);
        const px = c.getContext('2d').getImageData(c.width / 2, c.height / 2, 1, 1).data;
        return Array.from(px.slice(0, 3)); }""",
        selector,
    )


def _hex(rgb: list[int]) -> str:
    return "#" + "".join(f"{v:02x}" for v in rgb)


def test_the_legend_has_every_layer_and_status_in_the_colours_drawn(open_page: Any, real_map: Path) -> None:
    visit = open_page(f"{real_map.as_uri()}#year=1961")
    page = visit.page
    legend = page.locator(".mapgen-legend")
    assert legend.locator("h4").all_inner_texts() == [
        "Places named after Stalin",
        "Stalin monuments",
        "Memorials to the victims of repression",
        "Gulag camp complexes",
    ]
    for layer, color in (("renamed", "#6a1b9a"), ("monuments", "#c62828"), ("memorials", "#1b6ca8")):
        entries = legend.locator(f"ul[data-layer={layer}] li")
        texts = entries.all_inner_texts()
        assert texts[:2] == ["in place in this year", "former (ended before this year)"]
        assert _hex(_rgb(page, f"ul[data-layer={layer}] li:first-child canvas")) == color
    assert legend.locator("ul[data-layer=renamed] li").nth(2).inner_text() == "renamed in this year"
    # and the map draws the same colour: the Mask of Sorrow in Magadan, alone on its hill, in 2000
    page.evaluate(
        "mapgen.setYear(2000); mapgen.setLayers(['memorials']);"
        "mapgen.map.setView([59.59161, 150.81204], 9, {animate: false})"
    )
    x, y = page.evaluate("""() => { const p = mapgen.map.latLngToContainerPoint([59.59161, 150.81204]);
        const r = mapgen.map.getContainer().getBoundingClientRect(); return [p.x + r.left, p.y + r.top]; }""")

    shot = Image.open(io.BytesIO(page.screenshot())).convert("RGB")
    assert _hex(list(shot.getpixel((round(x), round(y))))) == "#1b6ca8"
    visit.assert_clean()


def test_clicking_the_chart_sets_the_year(open_page: Any, real_map: Path) -> None:
    visit = open_page(real_map)
    page = visit.page
    chart = page.locator(".mapgen-chart")
    box = chart.bounding_box()
    years = 2025 - 1953 + 1
    page.mouse.click(box["x"] + box["width"] * (1991 - 1953 + 0.5) / years, box["y"] + box["height"] / 2)
    assert page.evaluate("mapgen.getYear()") == 1991
    assert "1991: gulag" in chart.get_attribute("aria-label")
    visit.assert_clean()


@pytest.mark.parametrize(
    ("query", "layer", "fid", "label", "years"),
    [
        ("Stalino", "renamed", "donetsk", "Stalino", range(1953, 1961)),
        ("stalino", "renamed", "donetsk", "Stalino", range(1953, 1961)),
        ("Сталинград", "renamed", "volgograd", "Stalingrad", range(1953, 1961)),
        ("Tsaritsyn", "renamed", "volgograd", "Stalingrad", range(1953, 1954)),
        ("Katowice", "renamed", "katowice", "Katowice", range(1956, 2026)),
        ("Stalinogrod", "renamed", "katowice", "Stalinogród", range(1953, 1956)),
        ("VOLGOGRAD", "renamed", "volgograd", "Volgograd", range(1961, 2026)),
    ],
)
def test_search_finds_any_name_ever_borne(
    open_page: Any, real_map: Path, query: str, layer: str, fid: str, label: str, years: range
) -> None:
    visit = open_page(real_map)
    page = visit.page
    results = page.evaluate("(q) => mapgen.search(q)", query)
    first = results[0]
    assert (first["layer"], first["id"], first["label"]) == (layer, fid, label)
    assert first["year"] in years
    assert set(first) == {"layer", "id", "label", "year", "name"}
    box = page.get_by_role("searchbox", name="Search by any name a place bore")
    box.fill(query)
    page.locator(".mapgen-search-result").first.click()
    page.wait_for_selector(f".mapgen-popup[data-feature={fid}]")
    assert page.evaluate("mapgen.getYear()") == first["year"]
    assert page.locator(f".mapgen-popup[data-feature={fid}] h3").inner_text() == label
    visit.assert_clean()


def test_compare_1953_to_1962_lists_budapest_and_prague_as_removed(open_page: Any, real_map: Path) -> None:
    visit = open_page(real_map)
    page = visit.page
    page.get_by_role("button", name="Compare years").click()
    page.get_by_label("From year").fill("1953")
    page.get_by_label("To year").fill("1962")
    page.get_by_role("button", name="Compare", exact=True).click()
    summary = page.locator(".mapgen-compare-summary").inner_text()
    result = page.evaluate("mapgen.compare(1953, 1962)")
    monuments = next(c for c in result["layers"] if c["layer"] == "monuments")
    assert {"budapest-stalin-monument", "prague-letna-monument"} <= set(monuments["ended"])
    assert summary == result["summary"]
    assert summary.startswith("1953 → 1962: ")
    assert f"{len(monuments['ended'])} Stalin monuments removed" in summary
    renamed = next(c for c in result["layers"] if c["layer"] == "renamed")
    assert "volgograd" in renamed["ended"]
    assert f"{len(renamed['ended']) + len(renamed['renamed'])} places renamed" in summary
    assert summary.count("places renamed") == 1, "the same words are counted once"
    removed = page.locator(".mapgen-compare-details .mapgen-group").filter(
        has_text="Stalin monuments: removed"
    )
    assert "Stalin Monument (Sztálin-szobor)" in removed.inner_text() or "Budapest" in removed.inner_text()
    assert page.evaluate("mapgen.getYear()") == 1962
    visit.assert_clean()


def test_the_text_list_follows_the_slider(open_page: Any, real_map: Path) -> None:
    visit = open_page(f"{real_map.as_uri()}#year=1961")
    page = visit.page
    page.get_by_role("button", name="List", exact=True).click()
    panel = page.locator(".mapgen-list")
    assert "Changed in 1961" in panel.inner_text()
    assert panel.locator("button[data-feature=volgograd]").count() >= 1
    assert page.locator(".mapgen-list-announce").get_attribute("aria-live") == "polite"
    page.evaluate("mapgen.setYear(1956)")
    assert "Changed in 1956" in panel.inner_text()
    assert panel.locator("button[data-feature=budapest-stalin-monument]").count() >= 1
    panel.locator("button[data-feature=budapest-stalin-monument]").first.click()
    page.wait_for_selector(".mapgen-popup[data-feature=budapest-stalin-monument]")
    visit.assert_clean()


def test_russian_build_says_stalingrad_in_1955(open_page: Any, russian_map: Path) -> None:
    visit = open_page(f"{russian_map.as_uri()}#year=1955")
    page = visit.page
    volgograd = [i for i in page.evaluate("mapgen.summary().layers.renamed") if i["id"] == "volgograd"]
    assert volgograd[0]["label"] == "Сталинград"
    assert page.get_by_role("slider", name="Год, показанный на карте").count() == 1
    assert page.evaluate("document.documentElement.lang") == "ru"
    page.evaluate("mapgen.openFeature('renamed', 'volgograd')")
    assert page.locator(".mapgen-popup[data-feature=volgograd] h3").inner_text() == "Сталинград"
    visit.assert_clean()


def test_the_language_is_part_of_the_link(open_page: Any, russian_map: Path) -> None:
    visit = open_page(f"{russian_map.as_uri()}#year=1955&lang=en")
    page = visit.page
    assert page.evaluate("mapgen.getLanguage()") == "en"
    assert page.get_by_role("slider", name="Year shown on the map").count() == 1
    page.get_by_role("button", name="Русский").click()
    page.wait_for_function("window.mapgen && mapgen.getLanguage && mapgen.getLanguage() === 'ru'")
    assert page.evaluate("mapgen.getYear()") == 1955
    page.wait_for_function("location.hash === '#year=1955'", timeout=3000)
    visit.assert_clean()


def test_keyboard_only_search_compare_and_list(open_page: Any, real_map: Path) -> None:
    visit = open_page(real_map)
    page = visit.page
    page.locator("body").focus()
    for _ in range(40):  # Tab until the search box has the focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "search":
            break
    page.keyboard.type("Stalinabad")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_selector(".mapgen-popup[data-feature=dushanbe]")
    assert page.evaluate("mapgen.getYear()") in range(1953, 1961)
    page.get_by_role("button", name="Compare years").focus()
    page.keyboard.press("Enter")  # opens the panel and puts the focus in "From year"
    page.keyboard.press("Control+A")
    page.keyboard.type("1955")
    page.keyboard.press("Tab")
    page.keyboard.press("Control+A")
    page.keyboard.type("1957")
    page.keyboard.press("Enter")
    assert page.locator(".mapgen-compare-summary").inner_text().startswith("1955 → 1957:")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "mapgen-list-item"
    page.keyboard.press("Enter")
    page.wait_for_selector(".mapgen-popup")
    visit.assert_clean()


def test_screenshot_command_makes_a_picture_at_a_year(tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "mapgen",
            "screenshot",
            "--geodata",
            str(ROOT / "geodata"),
            "--year",
            "1961",
            str(out),
            "--size",
            "800x600",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout == f"saved {out} (800x600, year 1961)\n"
    picture = Image.open(out).convert("RGB")
    assert picture.size == (800, 600)
    colours = {picture.getpixel((x, y)) for x in range(0, 800, 4) for y in range(0, 600, 4)}
    assert (198, 40, 40) in colours, "a Stalin monument in the layer's red"
    assert (244, 241, 234) in colours, "the bundled land"
