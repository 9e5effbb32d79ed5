"""Property-based: whatever the input, mapgen accepts it or says why; it never crashes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from mapgen.dates import parse_date
from mapgen.errors import Problem
from mapgen.layers import RawLayer, read_layer
from mapgen.manifest import LayerSpec, MapSpec
from mapgen.model import Dataset
from mapgen.render import json_for_html
from mapgen.timeline import build_document
from mapgen.validate import KNOWN_PROPERTIES, validate_layer

REQUIRED = ("id", "name", "start", "description", "sources")
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(["1961", "1961-11-10", "1952?", "1961-13-01", "https://example.org", "javascript:x"]),
)
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
numbers = st.one_of(
    st.floats(-400, 400), st.sampled_from([float("nan"), float("inf")]), st.integers(-400, 400)
)
position = st.lists(numbers, min_size=0, max_size=4)
geometries = st.one_of(
    json_values,
    st.fixed_dictionaries({"type": st.just("Point"), "coordinates": st.one_of(position, json_values)}),
    st.fixed_dictionaries(
        {
            "type": st.sampled_from(["Polygon", "MultiPolygon", "LineString", "MultiLineString"]),
            "coordinates": st.recursive(position, lambda inner: st.lists(inner, max_size=6), max_leaves=30),
        }
    ),
)
source = st.fixed_dictionaries(
    {
        "title": st.text(max_size=20),
        "url": st.sampled_from(
            ["https://example.org/a", "http://x.org", "javascript:alert(1)", "", "data:x"]
        ),
    }
)
properties = st.fixed_dictionaries(
    {
        "id": st.one_of(st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True), json_values),
        "name": st.one_of(st.text(max_size=20), json_values),
        "start": st.one_of(st.sampled_from(["1950", "1961-11", "1961-11-10", "1952?"]), json_values),
        "description": st.text(max_size=20),
        "sources": st.one_of(st.lists(source, max_size=3), json_values),
    },
    optional={
        key: json_values
        for key in sorted(KNOWN_PROPERTIES - {"id", "name", "start", "description", "sources"})
    }
    | {"unknown_key": json_values},
)
features = st.one_of(
    json_values,
    st.fixed_dictionaries(
        {"type": st.just("Feature"), "geometry": geometries, "properties": st.one_of(properties, json_values)}
    ),
)
lon, lat = st.floats(-180, 180), st.floats(-90, 90)
ring = st.tuples(lon, lat, st.floats(0.01, 5), st.floats(0.01, 5)).map(
    lambda t: [[t[0], t[1]], [t[0] + t[2], t[1]], [t[0] + t[2], t[1] + t[3]], [t[0], t[1]]]
)
valid_geometry = {
    "point": st.tuples(lon, lat).map(lambda p: {"type": "Point", "coordinates": list(p)}),
    "line": st.lists(st.tuples(lon, lat).map(list), min_size=2, max_size=5).map(
        lambda c: {"type": "LineString", "coordinates": c}
    ),
    "polygon": ring.map(lambda r: {"type": "Polygon", "coordinates": [r]}),
}
years = st.integers(1000, 2100).map(str)


def _valid_feature(kind: str) -> st.SearchStrategy[Any]:
    props = st.fixed_dictionaries(
        {
            "id": st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True),
            "name": st.text(min_size=1),
            "start": years,
            "description": st.text(min_size=1),
            "sources": st.lists(
                st.fixed_dictionaries(
                    {"title": st.text(min_size=1).filter(str.strip), "url": st.just("https://example.org/x")}
                ),
                min_size=1,
            ),
        },
        optional={
            "end": st.one_of(st.none(), years),
            "name_ru": st.text(),
            "place": st.text(),
            "names": st.lists(
                st.fixed_dictionaries({"name": st.text(min_size=1), "start": years}), max_size=1
            ),
            "events": st.lists(
                st.fixed_dictionaries({"date": years, "label": st.text(min_size=1)}), max_size=2
            ),
            "prisoners": st.dictionaries(years, st.one_of(st.none(), st.integers(0, 10**6)), max_size=3),
        },
    )
    return st.fixed_dictionaries(
        {"type": st.just("Feature"), "geometry": valid_geometry[kind], "properties": props}
    )


def _valid_documents(kind: str) -> st.SearchStrategy[Any]:
    return st.lists(_valid_feature(kind), min_size=1, max_size=4).map(
        lambda fs: {"type": "FeatureCollection", "features": fs}
    )


documents = st.one_of(
    json_values,
    st.fixed_dictionaries(
        {"type": st.just("FeatureCollection"), "features": st.lists(features, max_size=5)},
        optional={"crs": json_values},
    ),
)


@SETTINGS
@given(data=st.data(), kind=st.sampled_from(["point", "line", "polygon"]))
def test_validation_accepts_or_explains_and_accepted_data_renders(data: st.DataObject, kind: str) -> None:
    document = data.draw(st.one_of(documents, _valid_documents(kind)))
    spec = LayerSpec(id="l", file="l.geojson", title="L", kind=kind, color="#000000")
    layer, problems = validate_layer(RawLayer(spec, "l.geojson", document))
    assert all(isinstance(p, Problem) and str(p).startswith("l.geojson") for p in problems)
    if not [p for p in problems if not p.warning]:
        event(f"accepted with {len(layer.features)} features")
        text = json_for_html(build_document(Dataset(MapSpec(), (layer,)), "en"))
        assert "<" not in text and ">" not in text


@SETTINGS
@given(data=st.binary(max_size=300))
def test_reading_any_bytes_gives_a_layer_or_a_problem(tmp_path_factory: Any, data: bytes) -> None:
    path = Path(tmp_path_factory.mktemp("bytes")) / "l.geojson"
    path.write_bytes(data)
    spec = LayerSpec(id="l", file="l.geojson", title="L", kind="point", color="#000000")
    result = read_layer(spec, path, max_bytes=10_000)
    assert isinstance(result, (RawLayer, Problem))


@SETTINGS
@given(value=st.one_of(st.text(max_size=14), st.integers(), st.floats(), st.none(), st.booleans()))
def test_dates_parse_or_raise_value_error(value: Any) -> None:
    try:
        date = parse_date(value)
    except ValueError as exc:
        assert "must" in str(exc)
    else:
        assert 1000 <= date.year <= 2100
        assert parse_date(date.iso) == date
