"""Publishing: offline single file, determinism in every mode, About panel, deep links, host pages."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from mapgen.build import build
from mapgen.cli import main
from mapgen.config import BuildConfig
from mapgen.embed import example_page
from mapgen.manifest import read_manifest
from mapgen.render import read_document

ROOT = Path(__file__).resolve().parent.parent
GEODATA = ROOT / "geodata"


@pytest.fixture(scope="module")
def offline_map(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("offline") / "map.html"
    build(BuildConfig(geodata=GEODATA, output=out, offline=True))
    return out


@pytest.mark.parametrize("options", [[], ["--offline"], ["--lang", "ru"], ["--offline", "--lang", "ru"]])
def test_every_mode_builds_byte_identical_twice(tmp_path: Path, options: list[str]) -> None:
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    assert main(["build", "--geodata", str(GEODATA), "-o", str(first), *options]) == 0
    assert main(["build", "--geodata", str(GEODATA), "-o", str(second), *options]) == 0
    assert first.read_bytes() == second.read_bytes()


def test_offline_file_names_no_remote_asset(offline_map: Path) -> None:
    page = offline_map.read_text(encoding="utf-8")
    assert "tile.openstreetmap.org" not in page
    assert not re.search(r"""<(?:script|img|iframe)[^>]*\ssrc=["']?https?:""", page), (
        "nothing from the network"
    )
    assert "<link" not in page and "@import" not in page
    assert not re.search(r"url\(['\"]?https?:", page), "no CSS image from the network"


def _land_pixel(page: Any) -> tuple[int, int, int]:
    x, y = page.evaluate("""() => { const p = mapgen.map.latLngToContainerPoint([35.0, 100.0]);
        const r = mapgen.map.getContainer().getBoundingClientRect(); return [p.x + r.left, p.y + r.top]; }""")
    shot = Image.open(io.BytesIO(page.screenshot())).convert("RGB")
    return shot.getpixel((round(x), round(y)))  # type: ignore[return-value]


def test_offline_map_makes_no_request_at_all_and_draws_its_own_base_map(
    open_page: Any, offline_map: Path
) -> None:
    visit = open_page(f"{offline_map.as_uri()}#year=1961")
    page = visit.page
    page.wait_for_timeout(300)
    assert visit.tiles == [] and visit.blocked == []
    assert _land_pixel(page) == (244, 241, 234), "the bundled Natural Earth land colour"
    assert page.locator(".leaflet-control-layers-base label").count() == 0, "no tile layer to choose"
    visit.assert_clean()


def test_offline_map_makes_no_request_inside_an_iframe(
    open_page: Any, offline_map: Path, tmp_path: Path
) -> None:
    host = tmp_path / "host.html"
    host.write_text(
        f'<iframe sandbox="allow-scripts" src="{offline_map.as_uri()}#year=1991" '
        'style="width:800px;height:600px"></iframe>',
        encoding="utf-8",
    )
    visit = open_page(host, wait=False)
    page = visit.page
    page.frame_locator("iframe").locator(".mapgen-year").wait_for()
    page.wait_for_timeout(300)
    assert page.frames[1].evaluate("mapgen.getYear()") == 1991
    assert visit.tiles == [] and visit.blocked == []
    visit.assert_clean()


def test_the_online_map_asks_only_for_tiles(open_page: Any, real_map: Path) -> None:
    visit = open_page(real_map)
    visit.page.wait_for_timeout(300)
    assert visit.tiles, "the default build shows OpenStreetMap tiles"
    assert all(url.startswith("https://tile.openstreetmap.org/") for url in visit.tiles)
    assert "OpenStreetMap" in visit.page.locator(".leaflet-control-attribution").inner_text()
    visit.assert_clean()


def test_deep_link_restores_year_layers_view_and_feature(open_page: Any, real_map: Path) -> None:
    link = "#year=1961&layers=monuments,memorials&view=5/55.75/37.62&feature=monuments:gori-statue"
    visit = open_page(real_map.as_uri() + link)
    page = visit.page
    assert page.evaluate("mapgen.getYear()") == 1961
    assert page.evaluate("mapgen.visibleLayers()") == ["memorials", "monuments"]
    assert page.evaluate("mapgen.map.getZoom()") == 5
    popup = page.locator(".mapgen-popup[data-feature=gori-statue]")
    assert "Gori" in popup.locator("h3").inner_text()
    assert page.evaluate("mapgen.summary().layers.renamed") == []
    visit.assert_clean()


def test_the_hash_follows_the_reader(open_page: Any, real_map: Path) -> None:
    visit = open_page(f"{real_map.as_uri()}#year=1970")
    page = visit.page
    page.wait_for_function("location.hash === '#year=1970'", timeout=3000)
    page.evaluate("mapgen.map.setView([59.94, 30.31], 7, {animate: false})")
    page.wait_for_function("location.hash === '#year=1970&view=7/59.94/30.31'", timeout=3000)
    page.evaluate("mapgen.setLayers(['renamed'])")
    page.wait_for_function("location.hash === '#year=1970&layers=renamed&view=7/59.94/30.31'", timeout=3000)
    page.evaluate("location.hash = '#year=1999'")
    page.wait_for_function("mapgen.getYear() === 1999")
    visit.assert_clean()


def test_about_panel_gives_version_sources_and_a_citation(open_page: Any, real_map: Path) -> None:
    visit = open_page(f"{real_map.as_uri()}#year=1962")
    page = visit.page
    version = page.evaluate("mapgen.version")
    assert re.fullmatch(r"[0-9a-f]{12}", version)
    button = page.get_by_role("button", name="About this map")
    button.focus()
    page.keyboard.press("Enter")
    panel = page.get_by_role("dialog", name="About this map")
    assert f"Data version {version}" in panel.inner_text()
    counts = page.evaluate("Object.fromEntries(Object.entries(mapgen.summary().layers).map(([k]) => [k, 0]))")
    assert set(counts) == {"gulag", "memorials", "monuments", "renamed"}
    text = panel.inner_text()
    for title in (
        "Stalin monuments (",
        "Gulag camp complexes (",
        "Memorials to the victims of repression (",
        "Places named after Stalin (",
    ):
        assert title in text
    assert "Most cited sites: " in text and "Natural Earth" in text
    citation = panel.locator(".mapgen-citation")
    assert citation.inner_text().startswith("Memory map of Stalinism, 1953–2025, view of 1962. Data version")
    assert citation.inner_text().endswith(page.evaluate("location.href"))
    page.evaluate("mapgen.setYear(1990)")
    assert "view of 1990" in citation.inner_text() and "#year=1990" in citation.inner_text()
    page.keyboard.press("Escape")
    assert panel.is_hidden()
    visit.assert_clean()


def test_the_example_host_page_is_current() -> None:
    title = read_manifest(GEODATA).map.title
    committed = (ROOT / "output" / "embed-example.html").read_text(encoding="utf-8")
    assert committed == example_page("memory_map.html", title), (
        "run: mapgen embed --example output/embed-example.html"
    )


def test_the_example_article_steps_the_map_as_the_reader_scrolls(open_page: Any) -> None:
    visit = open_page(ROOT / "output" / "embed-example.html", wait=False)
    page = visit.page
    page.frame_locator("iframe").locator(".mapgen-year").wait_for()
    frame = page.frames[1]
    page.locator("section[data-year='1961']").scroll_into_view_if_needed()
    page.wait_for_function("document.getElementById('heard').textContent === '1961'")
    assert frame.evaluate("mapgen.getYear()") == 1961
    frame.wait_for_selector(".mapgen-popup[data-feature=volgograd]")
    page.locator("section[data-year='2025']").scroll_into_view_if_needed()
    page.wait_for_function("document.getElementById('heard').textContent === '2025'")
    page.get_by_role("button", name="Show the Volgograd airport").click()
    frame.wait_for_selector(".mapgen-popup[data-feature=volgograd-airport]")
    assert "Stalingrad" in frame.locator(".mapgen-popup[data-feature=volgograd-airport] h3").inner_text()
    visit.assert_clean()


def test_a_host_page_drives_layers_and_former_features(
    open_page: Any, real_map: Path, tmp_path: Path
) -> None:
    host = tmp_path / "host.html"
    host.write_text(
        f'<iframe id="m" sandbox="allow-scripts" src="{real_map.as_uri()}" style="width:800px;height:600px">'
        "</iframe>"
        "<script>window.heard = []; addEventListener('message', e => window.heard.push(e.data));"
        "function send(m) { document.getElementById('m').contentWindow.postMessage(m, '*'); }</script>",
        encoding="utf-8",
    )
    visit = open_page(host, wait=False)
    page = visit.page
    page.wait_for_function("window.heard.some(m => m.type === 'mapgen:ready')")
    frame = page.frames[1]
    page.evaluate("send({type: 'mapgen:setLayers', layers: ['monuments']})")
    page.evaluate("send({type: 'mapgen:setYear', year: 1970})")
    page.wait_for_function("window.heard.some(m => m.type === 'mapgen:year' && m.year === 1970)")
    assert frame.evaluate("mapgen.visibleLayers()") == ["monuments"]
    page.evaluate("send({type: 'mapgen:setShowFormer', show: false})")
    page.evaluate("send({type: 'mapgen:setYear', year: '1980; alert(1)'})")  # ignored: not a number
    page.evaluate("send({type: 'mapgen:setYear', year: 1975})")
    page.wait_for_function("window.heard.some(m => m.type === 'mapgen:year' && m.year === 1975)")
    statuses = {item["status"] for item in frame.evaluate("mapgen.summary().layers.monuments")}
    assert statuses == {"active"}
    visit.assert_clean()


def test_embed_prints_a_sandboxed_responsive_iframe(capsys: Any) -> None:
    assert (
        main(
            [
                "embed",
                "--geodata",
                str(GEODATA),
                "--src",
                "https://example.org/map.html",
                "--year",
                "1961",
                "--layers",
                "monuments,renamed",
            ]
        )
        == 0
    )
    snippet = capsys.readouterr().out
    assert 'src="https://example.org/map.html#year=1961&amp;layers=monuments,renamed"' in snippet
    assert 'sandbox="allow-scripts"' in snippet and "aspect-ratio" in snippet
    assert 'title="Memory map of Stalinism, 1953–2025"' in snippet


def test_a_large_map_is_stored_compressed_and_opens_the_same(open_page: Any, tmp_path: Path) -> None:
    plain, packed = tmp_path / "plain.html", tmp_path / "packed.html"
    build(BuildConfig(geodata=GEODATA, output=plain, offline=True))
    build(BuildConfig(geodata=GEODATA, output=packed, offline=True, compress_over=0))
    plain_html, packed_html = plain.read_text(encoding="utf-8"), packed.read_text(encoding="utf-8")
    assert 'id="mapgen-data" data-encoding="deflate-raw+base64">' in packed_html
    assert 'id="mapgen-data">{' in plain_html
    assert read_document(packed_html) == read_document(plain_html)
    assert packed.stat().st_size < plain.stat().st_size
    summaries = []
    for page_file in (plain, packed):
        visit = open_page(f"{page_file.as_uri()}#year=1961&feature=renamed:volgograd")
        summaries.append(visit.page.evaluate("mapgen.summary()"))
        assert visit.page.locator(".mapgen-popup[data-feature=volgograd] h3").inner_text() == "Volgograd"
        assert visit.tiles == [] and visit.blocked == []
        visit.assert_clean()
    assert summaries[0] == summaries[1]


def test_fast_slider_moves_update_the_link_at_most_every_250_ms(open_page: Any, real_map: Path) -> None:
    visit = open_page(f"{real_map.as_uri()}#year=1953")
    page = visit.page
    page.wait_for_timeout(300)
    writes, elapsed = page.evaluate("""async () => {
        let count = 0; const original = history.replaceState.bind(history);
        history.replaceState = (...args) => { count++; return original(...args); };
        const t0 = performance.now();
        for (let y = 1954; y <= 2025; y++) { mapgen.setYear(y); await new Promise(r => setTimeout(r, 5)); }
        const elapsed = performance.now() - t0;
        await new Promise(r => setTimeout(r, 400));
        return [count, elapsed]; }""")
    assert 1 <= writes <= elapsed / 250 + 2, f"{writes} history writes for 72 steps in {elapsed:.0f} ms"
    assert page.evaluate("location.hash") == "#year=2025", "the last year always reaches the link"
    visit.assert_clean()
