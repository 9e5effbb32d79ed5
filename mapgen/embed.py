"""Embedding: the iframe snippet and the example host page (pure string functions)."""

from __future__ import annotations

import html

from mapgen.assets import static_text


def map_link(src: str, year: int | None = None, layers: list[str] | None = None) -> str:
    """The map's address with its state in the hash."""
    parts = []
    if year is not None:
        parts.append(f"year={year}")
    if layers:
        parts.append("layers=" + ",".join(layers))
    return src + ("#" + "&".join(parts) if parts else "")


def iframe_snippet(src: str, title: str, year: int | None = None, layers: list[str] | None = None) -> str:
    """A responsive, sandboxed iframe for a web page."""
    link = html.escape(map_link(src, year, layers))
    return (
        '<div style="position:relative;width:100%;aspect-ratio:4/3;max-height:90vh">\n'
        f'  <iframe src="{link}" title="{html.escape(title)}" sandbox="allow-scripts" loading="lazy"\n'
        '          style="position:absolute;inset:0;width:100%;height:100%;border:0"></iframe>\n'
        "</div>\n"
    )


def example_page(src: str, title: str) -> str:
    """A scrolling article whose sections step the embedded map through the years."""
    page = static_text("embed-example.html")
    return page.replace("__MAP_SRC__", html.escape(src)).replace("__MAP_TITLE__", html.escape(title))
