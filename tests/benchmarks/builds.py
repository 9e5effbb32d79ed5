"""The pages under test: ``mapgen build`` as a subprocess, and folium's two time plugins as baselines.

The baselines get the same features, centre, zoom and colours as the mapgen page, drawn on a canvas
(``prefer_canvas=True``, points as circle markers), with folium's default assets cut down to
Leaflet (as mapgen does) so only the plugins' own CDN files are needed. Neither plugin can say what
mapgen says; ``BASELINE_SEMANTICS`` states how each was set up and where it falls short.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.generate import CENTER, YEAR_MAX, ZOOM
from benchmarks.npm_assets import LEAFLET_CSS, LEAFLET_JS

ROOT = Path(__file__).resolve().parents[2]
COLORS = {"gulag": "#8c2d04", "memorials": "#1b6ca8", "monuments": "#c62828", "renamed": "#6a1b9a"}

BASELINE_SEMANTICS = {
    "timeline": (
        "folium Timeline + TimelineSlider (Leaflet.timeline 1.6.0), one Timeline per layer, driven by "
        "the slider control's setTime(ms of 1 January of the year). Intervals [start, end) per feature "
        "(endExclusive); a feature without an end is dropped by the plugin, so it is given end = "
        f"{YEAR_MAX + 1}. It draws only active features: former ones (grey in mapgen) would need a "
        "second copy of every feature. No labels, no popups."
    ),
    "timestamped": (
        "folium TimestampedGeoJson (Leaflet.TimeDimension 1.1.1), driven by "
        "map.timeDimension.setCurrentTime(ms of 1 January of the year). Instants only: each feature gets "
        "times=[its start], and duration P100Y so it stays after its start (without a duration, "
        "features before 1970 never show). No end, so active and former cannot be told apart; no "
        "labels, no popups; one layer for all features (not a Layer, no layer control). The plugin "
        "snaps to its own list of times, which it sorts as text: see 'years reached'."
    ),
}


@dataclass(frozen=True)
class BuildResult:
    """A page that was built, with the build's wall time and peak resident memory."""

    html: Path
    seconds: float
    peak_rss_mb: float
    names: dict[str, Any]  # JS global names the browser driver needs


def build_mapgen(geodata: Path, output: Path) -> BuildResult:
    """``python3 -m mapgen build --offline`` in a subprocess; peak RSS from that child's own rusage."""
    command = [
        sys.executable,
        "-m",
        "mapgen",
        "build",
        "--offline",
        "--geodata",
        str(geodata),
        "-o",
        str(output),
    ]
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)  # like RUSAGE_CHILDREN, but for this one child
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            log.seek(0)
            raise RuntimeError(f"mapgen build failed ({process.returncode}):\n{log.read().decode()}")
    return BuildResult(output, seconds, usage.ru_maxrss / 1024, {})  # Linux reports KiB


def year_ms(year: int) -> int:
    """Milliseconds since 1970 of 1 January of ``year`` (UTC); negative before 1970."""
    return calendar.timegm(dt.date(year, 1, 1).timetuple()) * 1000


def _start_year(value: Any) -> int:
    return int(str(value)[:4])


def read_layers(geodata: Path) -> dict[str, list[dict[str, Any]]]:
    """Layer id -> features, for the synthetic folders (file name = layer id)."""
    return {
        layer: json.loads((geodata / f"{layer}.geojson").read_text(encoding="utf-8"))["features"]
        for layer in COLORS
    }


def _folium_map() -> Any:
    import folium

    fmap = folium.Map(location=list(CENTER), zoom_start=ZOOM, tiles=None, prefer_canvas=True)
    fmap.default_js = [("leaflet", LEAFLET_JS)]
    fmap.default_css = [("leaflet_css", LEAFLET_CSS)]
    return fmap


def build_timeline(geodata: Path, output: Path) -> BuildResult:
    """folium ``Timeline`` per layer + one ``TimelineSlider``."""
    from folium.plugins import Timeline, TimelineSlider
    from folium.utilities import JsCode

    started = time.perf_counter()
    fmap = _folium_map()
    interval = JsCode(
        "function (f) { return {start: f.properties.t0, end: f.properties.t1, endExclusive: true}; }"
    )
    timelines = []
    for layer, features in read_layers(geodata).items():
        for feature in features:
            props = feature["properties"]
            props["t0"] = year_ms(_start_year(props["start"]))
            end = props.get("end")
            props["t1"] = year_ms(YEAR_MAX + 1 if end is None else _start_year(end))
        color = COLORS[layer]
        timeline = Timeline(
            {"type": "FeatureCollection", "features": features},
            get_interval=interval,
            point_to_layer=JsCode(
                "function (f, latlng) { return L.circleMarker(latlng, {radius: 6, weight: 1.5, "
                f"color: '#ffffff', fillColor: '{color}', fillOpacity: 1}}); }}"
            ),
            style=JsCode(f"function () {{ return {{color: '{color}', weight: 1.5, fillOpacity: 0.3}}; }}"),
        ).add_to(fmap)
        timelines.append(timeline)
    slider = TimelineSlider(auto_play=False, enable_keyboard_controls=True, date_options="YYYY")
    slider.add_timelines(*timelines).add_to(fmap)
    fmap.save(str(output))
    names = {
        "map": fmap.get_name(),
        "control": slider.get_name(),
        "layers": [t.get_name() for t in timelines],
    }
    return BuildResult(output, time.perf_counter() - started, 0.0, names)


def build_timestamped(geodata: Path, output: Path) -> BuildResult:
    """folium ``TimestampedGeoJson`` with every feature, times = [start]."""
    from folium.plugins import TimestampedGeoJson

    started = time.perf_counter()
    fmap = _folium_map()
    features = []
    for layer, layer_features in read_layers(geodata).items():
        color = COLORS[layer]
        for feature in layer_features:
            props = feature["properties"]
            props["times"] = [year_ms(_start_year(props["start"]))]
            props["style"] = {"color": color, "weight": 1.5, "fillOpacity": 0.3}
            props["icon"] = "circle"
            props["iconstyle"] = {
                "radius": 6,
                "weight": 1.5,
                "color": "#ffffff",
                "fillColor": color,
                "fillOpacity": 1,
            }
            features.append(feature)
    plugin = TimestampedGeoJson(
        {"type": "FeatureCollection", "features": features},
        period="P1Y",
        duration="P100Y",
        auto_play=False,
        loop=False,
        date_options="YYYY",
    ).add_to(fmap)
    fmap.save(str(output))
    names = {"map": fmap.get_name(), "layer": plugin.get_name()}
    return BuildResult(output, time.perf_counter() - started, 0.0, names)
