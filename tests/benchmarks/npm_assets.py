"""The JS/CSS that folium's baseline pages link from CDNs, fetched once from npm into a local cache.

There is no internet here except package registries, so each CDN URL that the baseline pages use
is served by Playwright from a file of the npm package of the exact version folium links
(``folium/plugins/timeline.py``, ``timestamped_geo_json.py``, ``folium/folium.py``).
Where npm does not hold the exact file the substitute and the reason are in ``note``.
"""

from __future__ import annotations

import shutil
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path

CACHE = Path(__file__).resolve().parent / ".cache" / "npm"


@dataclass(frozen=True)
class Asset:
    """One CDN URL and the file of an npm package (``name@version``) that stands for it."""

    url: str
    package: str | None  # None: served as an empty body (see note)
    path: str = ""
    note: str = ""

    @property
    def content_type(self) -> str:
        types = {"css": "text/css", "woff": "font/woff", "ttf": "font/ttf"}
        return types.get(self.url.rsplit(".", 1)[-1], "application/javascript")

    def local_file(self, cache: Path = CACHE) -> Path | None:
        """The cached file, or None for an asset served empty."""
        if self.package is None:
            return None
        return cache / self.package / "package" / self.path


_JSDELIVR_MIN = "jsDelivr minifies this file on the fly from the npm package; the unminified file is served"
ASSETS = (
    Asset("https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js", "leaflet@1.9.3", "dist/leaflet.js"),
    Asset("https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css", "leaflet@1.9.3", "dist/leaflet.css"),
    Asset(
        "https://cdn.jsdelivr.net/npm/leaflet.timeline@1.6.0/dist/leaflet.timeline.min.js",
        "leaflet.timeline@1.6.0",
        "dist/leaflet.timeline.js",
        _JSDELIVR_MIN + " (it is already minified in the package)",
    ),
    Asset(
        "https://cdnjs.cloudflare.com/ajax/libs/moment.js/2.18.1/moment.min.js",
        "moment@2.18.1",
        "min/moment.min.js",
    ),
    Asset(
        "https://cdnjs.cloudflare.com/ajax/libs/jquery/3.7.1/jquery.min.js",
        "jquery@3.7.1",
        "dist/jquery.min.js",
    ),
    Asset(
        "https://cdnjs.cloudflare.com/ajax/libs/jqueryui/1.10.2/jquery-ui.min.js",
        None,
        note="jQuery UI 1.10.2 is not on npm (1.10.4 there is a CommonJS module); Leaflet.TimeDimension "
        "1.1.1 does not use jQuery at all, so an empty script is served",
    ),
    Asset(
        "https://cdn.jsdelivr.net/npm/iso8601-js-period@0.2.1/iso8601.min.js",
        "iso8601-js-period@0.2.1",
        "iso8601.js",
        _JSDELIVR_MIN,
    ),
    Asset(
        "https://cdn.jsdelivr.net/npm/leaflet-timedimension@1.1.1/dist/leaflet.timedimension.min.js",
        "leaflet-timedimension@1.1.1",
        "dist/leaflet.timedimension.min.js",
    ),
    Asset(
        "https://cdn.jsdelivr.net/npm/leaflet-timedimension@1.1.1/dist/leaflet.timedimension.control.css",
        "leaflet-timedimension@1.1.1",
        "dist/leaflet.timedimension.control.css",
    ),
    Asset(
        "https://cdnjs.cloudflare.com/ajax/libs/highlight.js/8.4/styles/default.min.css",
        "highlight.js@8.4.0",
        "styles/default.css",
        "the npm package has no .min.css; the unminified stylesheet is served",
    ),
)
_GLYPHS = (
    "Leaflet.TimeDimension's control CSS loads these fonts from Bootstrap 3.0.0, which is not on npm; "
    "the same Glyphicons Halflings font of bootstrap@3.1.1 is served"
)
ASSETS += tuple(
    Asset(
        f"https://netdna.bootstrapcdn.com/bootstrap/3.0.0/fonts/glyphicons-halflings-regular.{ext}",
        "bootstrap@3.1.1",
        f"dist/fonts/glyphicons-halflings-regular.{ext}",
        _GLYPHS,
    )
    for ext in ("woff", "ttf")
)
LEAFLET_JS = ASSETS[0].url
LEAFLET_CSS = ASSETS[1].url


def cache_complete(cache: Path = CACHE) -> bool:
    """True when every asset's file is in the cache (nothing to fetch)."""
    return all(_present(asset, cache) for asset in ASSETS)


def fetch_assets(cache: Path = CACHE) -> None:
    """Fetch every missing package with ``npm pack`` and unpack it; fail loudly if a file is missing."""
    missing = sorted({a.package for a in ASSETS if a.package is not None and not _present(a, cache)})
    if missing and shutil.which("npm") is None:
        raise RuntimeError(f"npm is needed to fetch the baseline assets {missing} into {cache}")
    for package in missing:
        target = cache / package
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        out = subprocess.run(
            ["npm", "pack", package, "--silent", "--pack-destination", str(target)],
            check=True,
            capture_output=True,
            text=True,
        )
        tarball = target / out.stdout.strip().splitlines()[-1]
        with tarfile.open(tarball) as archive:
            archive.extractall(target, filter="data")
        tarball.unlink()
    absent = [a.url for a in ASSETS if not _present(a, cache)]
    if absent:
        raise RuntimeError(f"baseline assets still missing after npm pack: {absent}")


def routes(cache: Path = CACHE) -> dict[str, tuple[bytes, str]]:
    """CDN URL -> (body, content type) for Playwright to fulfil."""
    table: dict[str, tuple[bytes, str]] = {}
    for asset in ASSETS:
        path = asset.local_file(cache)
        body = (
            b"/* served empty by the mapgen benchmark: see npm_assets.py */"
            if path is None
            else path.read_bytes()
        )
        table[asset.url] = (body, asset.content_type)
    return table


def _present(asset: Asset, cache: Path) -> bool:
    path = asset.local_file(cache)
    return path is None or path.is_file()
