"""Pictures of the map at a year, made in headless Chromium (Playwright)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from mapgen.build import build
from mapgen.config import BuildConfig
from mapgen.errors import MapgenError

CHROMIUM = os.environ.get("MAPGEN_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
    "--disable-sync",
]


def take_screenshot(config: BuildConfig, path: Path, year: int, size: tuple[int, int] = (1200, 800)) -> None:
    """Build the map (offline, so no request is made) and save a PNG of it at ``year``."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        raise MapgenError("screenshots need Playwright: pip install -e '.[test]'") from exc
    if not Path(CHROMIUM).exists():
        raise MapgenError(f"screenshots need Chromium at {CHROMIUM} (Debian: apt-get install chromium)")
    with tempfile.TemporaryDirectory() as folder:
        page_path = Path(folder) / "map.html"
        build(BuildConfig(config.geodata, page_path, config.lang, offline=True))
        path.parent.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                _shoot(browser, page_path, path, year, size)
            finally:
                browser.close()


def _shoot(browser: Any, page_path: Path, path: Path, year: int, size: tuple[int, int]) -> None:
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    page.route(
        "**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort()
    )
    page.goto(f"{page_path.as_uri()}#year={year}")
    page.wait_for_function("window.mapgen && typeof window.mapgen.getYear === 'function'")
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    page.screenshot(path=str(path))
