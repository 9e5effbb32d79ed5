"""The map inside another page: a sandboxed iframe with scripts only (no same-origin)."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def test_map_works_in_a_sandboxed_iframe(open_page: Any, real_map: Path, tmp_path: Path) -> None:
    host = tmp_path / "host.html"
    host.write_text(
        "<!doctype html><title>host</title><h1>An article</h1>"
        f'<iframe sandbox="allow-scripts" src="{real_map.as_uri()}#year=1961" '
        'style="width:900px;height:600px;border:0" title="Memory map"></iframe>',
        encoding="utf-8",
    )
    visit = open_page(host, wait=False)
    page = visit.page
    frame = page.frame_locator("iframe")
    frame.locator(".mapgen-year").wait_for()
    assert frame.locator(".mapgen-year").inner_text() == "1961"
    inner = page.frames[1]
    assert inner.evaluate("mapgen.getYear()") == 1961
    volgograd = [i for i in inner.evaluate("mapgen.summary().layers.renamed") if i["id"] == "volgograd"]
    assert volgograd == [{"id": "volgograd", "label": "Volgograd", "status": "former"}]
    frame.get_by_role("button", name="One year forward").click()
    assert inner.evaluate("mapgen.getYear()") == 1962
    assert inner.evaluate("mapgen.openFeature('monuments', 'budapest-stalin-monument')") is True
    assert "Budapest" in frame.locator(".mapgen-popup").inner_text()
    assert page.evaluate("typeof window.mapgen") == "undefined", "the host page is untouched"
    visit.assert_clean()
