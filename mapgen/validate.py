"""Checking: pure functions from parsed JSON to typed features, collecting every problem."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from typing import Any

from mapgen.dates import Date, parse_date
from mapgen.errors import Problem
from mapgen.geometry import check_geometry
from mapgen.layers import RawLayer
from mapgen.model import PRECISIONS, DatedName, Event, Feature, Layer, Source

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
# scheme http(s), a host, and no white space or control character anywhere
_HTTP_URL = re.compile(r"(?i)https?://[^/?#\s\x00-\x1f\x7f]+(?:[/?#][^\s\x00-\x1f\x7f]*)?\Z")
_REQUIRED = ("id", "name", "start", "sources", "description")
_TEXT = ("name_ru", "description_ru", "place", "kind", "erected_by")
KNOWN_PROPERTIES = frozenset(
    _REQUIRED + _TEXT + ("end", "names", "events", "precision", "country", "prisoners")
)
_WGS84 = {
    "urn:ogc:def:crs:OGC:1.3:CRS84",
    "urn:ogc:def:crs:OGC::CRS84",
    "EPSG:4326",
    "urn:ogc:def:crs:EPSG::4326",
}
MAX_TEXT = 20_000

Report = Callable[..., None]  # (prop, message, warning=False)


def validate_layers(raw_layers: list[RawLayer]) -> tuple[list[Layer], list[Problem]]:
    """Check every layer; return the checked layers and every problem (errors and warnings)."""
    layers: list[Layer] = []
    problems: list[Problem] = []
    for raw in raw_layers:
        layer, found = validate_layer(raw)
        layers.append(layer)
        problems.extend(found)
    return layers, problems


def validate_layer(raw: RawLayer) -> tuple[Layer, list[Problem]]:
    problems: list[Problem] = []
    doc = raw.document
    features: list[Feature] = []
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection":
        found = doc.get("type") if isinstance(doc, dict) else type(doc).__name__
        problems.append(Problem(raw.path, f"must be a GeoJSON FeatureCollection; found {found!r}"))
        return Layer(raw.spec, raw.path, ()), problems
    crs_problem = _check_crs(doc.get("crs"))
    if crs_problem:
        problems.append(Problem(raw.path, crs_problem))
    items = doc.get("features")
    if not isinstance(items, list) or not items:
        problems.append(
            Problem(
                raw.path,
                'has no features: "features" must be a non-empty list '
                "(add a feature, or remove the layer from layers.toml)",
            )
        )
        return Layer(raw.spec, raw.path, ()), problems
    seen: dict[str, int] = {}
    for number, item in enumerate(items, start=1):
        feature = _validate_feature(item, number, raw, problems)
        if feature is not None:
            features.append(feature)
        fid = _raw_id(item)
        if fid is not None and fid in seen:
            message = f"is used twice (first by feature #{seen[fid]}); ids must be unique in a layer"
            problems.append(Problem(raw.path, message, number, fid, "id"))
        elif fid is not None:
            seen[fid] = number
    return Layer(raw.spec, raw.path, tuple(features)), problems


def _check_crs(crs: Any) -> str | None:
    if crs is None:
        return None
    name = crs.get("properties", {}).get("name") if isinstance(crs, dict) else None
    if isinstance(name, str) and name in _WGS84:
        return None
    return (
        f'"crs" must be WGS84 longitude/latitude (RFC 7946); found {name or crs!r}: '
        "reproject the file to EPSG:4326, e.g. ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson"
    )


def _raw_id(item: Any) -> str | None:
    """The feature's id if it is a well-formed one (safe to quote in a message)."""
    props = item.get("properties") if isinstance(item, dict) else None
    fid = props.get("id") if isinstance(props, dict) else None
    return fid if isinstance(fid, str) and _ID.match(fid) else None


def _validate_feature(item: Any, number: int, raw: RawLayer, problems: list[Problem]) -> Feature | None:
    props = item.get("properties") if isinstance(item, dict) else None
    shown_id = _raw_id(item)
    count = len(problems)

    def report(prop: str | None, message: str, warning: bool = False) -> None:
        problems.append(Problem(raw.path, message, number, shown_id, prop, warning))

    if not isinstance(item, dict) or item.get("type") != "Feature":
        report(None, "must be a GeoJSON Feature object")
        return None
    if not isinstance(props, dict):
        report("properties", "must be an object with id, name, start, sources and description")
        return None
    geometry_problem = check_geometry(item.get("geometry"), raw.spec.kind)
    if geometry_problem:
        report("geometry", geometry_problem)
    feature = _build_feature(props, item.get("geometry"), report)
    errors = [p for p in problems[count:] if not p.warning]
    return None if errors else feature


def _build_feature(props: dict[str, Any], geometry: Any, report: Report) -> Feature | None:
    for key in sorted(set(props) - KNOWN_PROPERTIES):
        report(
            key,
            "is not a known property: it is kept in the file but not shown; check the spelling (see README)",
            True,
        )
    for key in _REQUIRED:
        if props.get(key) in (None, "", []):
            report(key, "is missing or empty; every feature needs " + ", ".join(_REQUIRED))
    fid = _text(props, "id", report, required=True)
    if fid and not _ID.match(fid):
        report("id", f"must be letters, digits, '.', '-' or '_' (at most 80); found {fid!r}")
    name = _text(props, "name", report, required=True)
    description = _text(props, "description", report, required=True)
    start = _date(props, "start", report)
    end = _date(props, "end", report) if props.get("end") is not None else None
    if start and end and end.latest < start.earliest:
        report("end", f"must not be before start ({start.iso}); found {end.iso}")
    sources = _sources(props.get("sources"), "sources", report)
    names = _names(props.get("names"), report)
    events = _events(props.get("events"), report)
    text = {key: value for key in _TEXT if (value := _text(props, key, report))}
    precision = props.get("precision")
    if precision is not None:
        if precision in PRECISIONS:
            text["precision"] = precision
        else:
            report("precision", f"must be one of {', '.join(PRECISIONS)}; found {precision!r}")
    country = props.get("country")
    if country is not None:
        if isinstance(country, str) and _COUNTRY.match(country):
            text["country"] = country
        else:
            report("country", f"must be a two-letter ISO 3166 code like RU; found {country!r}")
    prisoners = _prisoners(props.get("prisoners"), report)
    if not (fid and name and description and start and sources):
        return None
    return Feature(fid, name, start, end, sources, description, geometry, names, events, text, prisoners)


def _prefixed(report: Report, here: str) -> Report:
    return lambda prop, message, *warning: report(f"{here}.{prop}", message, *warning)


def _text(props: dict[str, Any], key: str, report: Report, required: bool = False) -> str:
    value = props.get(key)
    if value is None or (required and value == ""):
        return ""
    if not isinstance(value, str):
        report(key, f"must be text; found {type(value).__name__} {value!r:.60}")
        return ""
    if len(value) > MAX_TEXT:
        report(key, f"is {len(value)} characters long; the limit is {MAX_TEXT}")
        return ""
    return value


def _date(props: dict[str, Any], key: str, report: Report) -> Date | None:
    value = props.get(key)
    if value is None:
        return None
    try:
        return parse_date(value)
    except ValueError as exc:
        report(key, f"{exc}; found {value!r}")
        return None


def _sources(value: Any, where: str, report: Report) -> tuple[Source, ...]:
    if value is None or (value == [] and where == "sources"):
        return ()  # reported once, as missing
    if not isinstance(value, list) or not value:
        report(where, 'must be a list of {"title": ..., "url": "https://..."}; found ' + f"{value!r:.60}")
        return ()
    sources = []
    for number, item in enumerate(value, start=1):
        here = f"{where}[{number}]"
        if not isinstance(item, dict) or set(item) - {"title", "url"}:
            report(here, f'must be {{"title": ..., "url": "https://..."}}; found {item!r:.80}')
            continue
        title, url = item.get("title"), item.get("url")
        if not isinstance(title, str) or not title.strip():
            report(here, f'needs a "title" (text); found {title!r:.60}')
        problem = url_problem(url)
        if problem:
            report(here, problem)
        if isinstance(title, str) and title.strip() and not problem:
            sources.append(Source(title, str(url)))
    return tuple(sources)


def url_problem(url: Any) -> str | None:
    """Only absolute http(s) URLs are accepted; say why another one is not."""
    if not isinstance(url, str) or not url:
        return f'needs a "url" (text); found {url!r:.60}'
    if not _HTTP_URL.match(url):
        return f'"url" must be an http:// or https:// address; found {url!r:.80}'
    return None


def _names(value: Any, report: Report) -> tuple[DatedName, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        report("names", f'must be a list of {{"name", "start", "end"}}; found {value!r:.60}')
        return ()
    names: list[DatedName] = []
    for number, item in enumerate(value, start=1):
        here = f"names[{number}]"
        if not isinstance(item, dict) or set(item) - {"name", "name_ru", "start", "end"}:
            report(here, f'must be {{"name", "name_ru", "start", "end"}}; found {item!r:.80}')
            continue
        sub = _prefixed(report, here)
        name = _text(item, "name", sub, required=True)
        if not name:
            sub("name", "is missing")
        start = _date(item, "start", sub)
        end = _date(item, "end", sub)
        name_ru = _text(item, "name_ru", sub)
        if start and end and end.latest < start.earliest:
            sub("end", f"must not be before start ({start.iso}); found {end.iso}")
        elif name and (start or item.get("start") is None):
            names.append(DatedName(name, start, end, name_ru))
    names.sort(key=lambda n: n.start.earliest if n.start else (0, 0, 0))
    for before, after in itertools.pairwise(names):
        if after.start is None:
            report("names", f'only the earliest name may leave out "start"; "{after.name}" has none')
        elif before.end is None or before.end.year > after.start.year:
            report(
                "names",
                f'"{before.name}" and "{after.name}" overlap: a name must end ("end") in or '
                f"before the year the next one starts ({after.start.iso})",
            )
    return tuple(names)


def _events(value: Any, report: Report) -> tuple[Event, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        report("events", f'must be a list of {{"date", "label", "sources"}}; found {value!r:.60}')
        return ()
    events: list[Event] = []
    for number, item in enumerate(value, start=1):
        here = f"events[{number}]"
        if not isinstance(item, dict) or set(item) - {"date", "label", "label_ru", "sources"}:
            report(here, f'must be {{"date", "label", "label_ru", "sources"}}; found {item!r:.80}')
            continue
        sub = _prefixed(report, here)
        date = _date(item, "date", sub)
        label = _text(item, "label", sub, required=True)
        if not label or item.get("date") is None:
            report(here, 'needs a "date" and a "label"')
        sources = _sources(item.get("sources"), f"{here}.sources", report)
        if date and label:
            events.append(Event(date, label, _text(item, "label_ru", sub), sources))
    return tuple(sorted(events, key=lambda e: e.date.earliest))


def _prisoners(value: Any, report: Report) -> dict[str, int | None]:
    if value is None:
        return {}
    ok = isinstance(value, dict) and all(
        re.fullmatch(r"\d{4}", str(k)) and (v is None or (type(v) is int and v >= 0))
        for k, v in value.items()
    )
    if not ok:
        report("prisoners", f'must map years to counts, like {{"1953": 61260}}; found {value!r:.60}')
        return {}
    return dict(sorted(value.items()))
