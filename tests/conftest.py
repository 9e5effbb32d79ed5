"""Shared fixtures: tiny geodata folders, and Debian's Chromium driven offline by Playwright."""

from __future__ import annotations

import base64
import os
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from factories import write_geodata

from mapgen.screenshot import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
# a 1x1 transparent PNG served for every tile request, so tests never touch the network
BLANK_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)
TILE_HOSTS = ("tile.openstreetmap.org",)


@pytest.fixture
def geodata(tmp_path: Path) -> Path:
    """A small valid geodata folder."""
    return write_geodata(tmp_path / "geodata")


@dataclass
class Visit:
    """A page under test, with what it tried to fetch and what went wrong in it."""

    page: Any
    errors: list[str] = field(default_factory=list)
    tiles: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.errors == [], f"page or console errors: {self.errors}"
        assert self.blocked == [], f"requests that would need the network: {self.blocked}"


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium. Missing Chromium is a failure, never a skip."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (bash .ci/run does)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser: Any) -> Iterator[Any]:
    """``open_page(target)`` -> Visit. Tiles get a blank PNG; any other non-file request is blocked."""
    contexts: list[Any] = []

    def _open(target: str | Path, viewport: tuple[int, int] = (1200, 800), wait: bool = True) -> Visit:
        context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
        contexts.append(context)
        page = context.new_page()
        visit = Visit(page)
        context.route("**/*", lambda route: _route(route, visit))
        page.on("pageerror", lambda exc: visit.errors.append(f"pageerror: {exc}"))
        page.on(
            "console",
            lambda msg: (
                visit.errors.append(f"console.{msg.type}: {msg.text}")
                if msg.type in ("error", "warning")
                else None
            ),
        )
        page.on("dialog", lambda dialog: (visit.errors.append(f"dialog: {dialog.message}"), dialog.dismiss()))
        url = target if isinstance(target, str) else target.resolve().as_uri()
        page.goto(url)
        if wait:
            page.wait_for_function("window.mapgen && typeof window.mapgen.getYear === 'function'")
        return visit

    yield _open
    for context in contexts:
        context.close()


def _route(route: Any, visit: Visit) -> None:
    url = route.request.url
    if url.startswith(("file:", "data:", "blob:", "about:")):
        route.continue_()
    elif any(host in url for host in TILE_HOSTS):
        visit.tiles.append(url)
        route.fulfill(status=200, content_type="image/png", body=BLANK_PNG)
    else:
        visit.blocked.append(url)
        route.abort()


@pytest.fixture(scope="session")
def real_map(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh build of the project's own geodata/."""
    from mapgen.build import build
    from mapgen.config import BuildConfig

    out = tmp_path_factory.mktemp("real") / "memory_map.html"
    build(BuildConfig(geodata=ROOT / "geodata", output=out))
    return out


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where browser tests leave screenshots for a person to look at."""
    folder = Path(os.environ.get("MAPGEN_ARTIFACTS", ROOT / "tests" / "artifacts"))
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    return folder
