"""Rendering: folium builds the page shell; data and our JS/CSS go in as prepared strings.

Nothing from the data passes through a template engine: the JSON block and the assets are
``_Raw`` elements whose ``render`` returns their text as it is.
"""

from __future__ import annotations

import base64
import html
import json
import re
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import branca.element
import folium
from branca.element import Element, Figure, MacroElement
from jinja2 import Template

from mapgen import assets

DATA_ELEMENT_ID = "mapgen-data"
# JSON larger than this is stored deflated and base64-encoded; the browser inflates it natively
COMPRESS_OVER = 2_000_000
_PACKED = "deflate-raw+base64"
_TILES_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


class _Raw(Element):
    """An element whose output is exactly ``text``: never a template."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._text = text

    def render(self, **kwargs: Any) -> str:
        return self._text


class _Start(MacroElement):
    """Hands the map and layer control that folium made to ``mapgen.js`` (identifiers only)."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "mapgenStart({{ this._parent.get_name() }}, {{ this.control.get_name() }});"
        "{% endmacro %}"
    )

    def __init__(self, control: folium.LayerControl) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.control = control


def json_for_html(document: Any) -> str:
    """JSON that cannot end a script element or start a comment or entity in HTML."""
    return _escape(json.dumps(document, separators=(",", ":"), ensure_ascii=False, allow_nan=False))


def _escape(text: str) -> str:
    for char, escape in _ESCAPES.items():
        text = text.replace(char, escape)
    return text


def render_html(document: dict[str, Any], offline: bool, compress_over: int = COMPRESS_OVER) -> str:
    """The whole page as one string; deterministic for the same document."""
    with _counter_ids():
        spec = document["map"]
        fmap = folium.Map(
            location=spec["center"],
            zoom_start=spec["zoom"],
            tiles=None,
            world_copy_jump=True,
            control_scale=True,
            min_zoom=2,
            max_zoom=14,
        )
        fmap.default_js = []
        fmap.default_css = []
        if not offline:
            folium.TileLayer(
                "OpenStreetMap", name="OpenStreetMap", attr=_TILES_ATTRIBUTION, max_zoom=19
            ).add_to(fmap)
        control = folium.LayerControl(collapsed=True, position="topright")
        control.add_to(fmap)
        _Start(control).add_to(fmap)
        figure = fmap.get_root()
        assert isinstance(figure, Figure)
        figure.header.add_child(_Raw(_head(spec)), name="mapgen_head")
        page_data = {**document, "basemap": assets.basemap()}
        figure.html.add_child(_Raw(_data_block(page_data, compress_over)), name="mapgen_data")
        return str(figure.render())


def _head(spec: dict[str, Any]) -> str:
    title = spec["title_ru"] if spec["lang"] == "ru" and spec["title_ru"] else spec["title"]
    return "\n".join(
        [
            f"<title>{html.escape(title)}</title>",
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            assets.style_tag(assets.leaflet_css()),
            assets.script_tag(assets.leaflet_js()),
            assets.style_tag(assets.static_text("mapgen.css")),
            *(
                assets.script_tag(assets.static_text(name))
                for name in (
                    "i18n.js",
                    "layers.js",
                    "popup.js",
                    "about.js",
                    "bridge.js",
                    "legend.js",
                    "search.js",
                    "compare.js",
                    "app.js",
                )
            ),
        ]
    )


def _data_block(document: dict[str, Any], compress_over: int) -> str:
    text = json.dumps(document, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    if len(text) <= compress_over:
        text = _escape(text)
        return f'<script type="application/json" id="{DATA_ELEMENT_ID}">{text}</script>'
    # raw deflate (what DecompressionStream reads), fast level; base64 holds no < > & to escape
    packer = zlib.compressobj(1, zlib.DEFLATED, -15)
    packed = packer.compress(text.encode("utf-8")) + packer.flush()
    return (
        f'<script type="application/json" id="{DATA_ELEMENT_ID}" data-encoding="{_PACKED}">'
        f'"{base64.b64encode(packed).decode("ascii")}"</script>'
    )


def read_document(page: str) -> Any:
    """The JSON document of a built page, plain or compressed (for tests and tools)."""
    match = re.search(
        rf'<script type="application/json" id="{DATA_ELEMENT_ID}"( data-encoding="[^"]+")?>'
        r"(.*?)</script>",
        page,
        re.DOTALL,
    )
    if match is None:
        raise ValueError("no mapgen data block in this page")
    value = json.loads(match.group(2))
    if match.group(1):
        value = json.loads(zlib.decompress(base64.b64decode(value), -15).decode("utf-8"))
    return value


@contextmanager
def _counter_ids() -> Iterator[None]:
    """branca names elements with random hex; count instead while one page is built."""
    original = branca.element.Element.__dict__["_generate_id"]
    counter = iter(range(1, 1 << 30))
    branca.element.Element._generate_id = classmethod(  # type: ignore[method-assign,assignment]
        lambda cls: f"{next(counter):032x}"
    )
    try:
        yield
    finally:
        branca.element.Element._generate_id = original  # type: ignore[method-assign]
