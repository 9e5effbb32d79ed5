"""Every broken input in tests/data/invalid/: exact message, exit status 1, no traceback, output untouched."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from factories import layers, write_geodata

CORPUS = Path(__file__).parent / "data" / "invalid"

EXPECTED: dict[str, list[str]] = {
    "bad_month.geojson": [
        '{g}/monuments.geojson, feature #2 (id "gori-statue"): "end" must be a date like 1961, 1961-11 or 1961-11-10 (optionally followed by ? or ~); the month must be 01 to 12; found \'1961-13-01\'',
    ],
    "bad_precision.geojson": [
        '{g}/monuments.geojson, feature #2 (id "gori-statue"): "precision" must be one of site, street, town, region, approximate; found \'exact\'',
    ],
    "coordinates_out_of_range.geojson": [
        '{g}/monuments.geojson, feature #2 (id "gori-statue"): "geometry" [longitude, latitude] must lie in -180..180 and -90..90; found [200.0, 41.9]',
    ],
    "data_url.geojson": [
        '{g}/monuments.geojson, feature #2 (id "gori-statue"): "sources[1]" "url" must be an http:// or https:// address; found \'data:text/html,<script>alert(1)</script>\'',
    ],
    "duplicate_ids.geojson": [
        '{g}/monuments.geojson, feature #2 (id "gori-statue"): "id" is used twice (first by feature #1); ids must be unique in a layer',
    ],
    "duplicate_key.geojson": [
        '{g}/monuments.geojson: is not valid GeoJSON: the key "type" appears twice in one object',
    ],
    "empty.geojson": [
        "{g}/monuments.geojson: is empty; expected a GeoJSON FeatureCollection",
    ],
    "end_before_start.geojson": [
        '{g}/monuments.geojson, feature #2 (id "gori-statue"): "end" must not be before start (2010); found 1952',
    ],
    "hostile_id.geojson": [
        "{g}/monuments.geojson, feature #2: \"id\" must be letters, digits, '.', '-' or '_' (at most 80); found '</script><script>window.__pwn=1</script>'",
    ],
    "infinity_coordinate.geojson": [
        '{g}/monuments.geojson, feature #2 (id "gori-statue"): "geometry" coordinates must be finite numbers; found [44.1, inf]',
    ],
    "javascript_url.geojson": [
        '{g}/monuments.geojson, feature #2 (id "gori-statue"): "sources[1]" "url" must be an http:// or https:// address; found \'javascript:alert(1)\'',
    ],
    "manifest_bad_color.toml": [
        "{g}/layers.toml: [[layers]] #2: \"color\" must be a colour like #b22222; found 'red'",
    ],
    "manifest_bad_kind.toml": [
        "{g}/layers.toml: [[layers]] #2: \"kind\" must be point or line or polygon; found 'points'",
    ],
    "manifest_file_outside.toml": [
        "{g}/layers.toml: [[layers]] #2: \"file\" must be a file name inside the geodata folder; found '../../etc/passwd'",
    ],
    "manifest_missing_file.toml": [
        '{g}/layers.toml: [[layers]] #2: "file" names {g}/stalin_monuments.geojson, which does not exist',
    ],
    "manifest_not_toml.toml": [
        "{g}/layers.toml: is not valid TOML: Expected ']]' at the end of an array declaration (at line 8, column 9)",
    ],
    "manifest_typo_key.toml": [
        '{g}/layers.toml: [[layers]] #2: unknown key "colour"; did you mean "color"?',
        '{g}/layers.toml: [[layers]] #2: "color" is missing',
    ],
    "missing_description.geojson": [
        '{g}/monuments.geojson, feature #2 (id "gori-statue"): "description" is missing or empty; every feature needs id, name, start, sources, description',
    ],
    "missing_id.geojson": [
        '{g}/monuments.geojson, feature #2: "id" is missing or empty; every feature needs id, name, start, sources, description',
    ],
    "missing_name.geojson": [
        '{g}/monuments.geojson, feature #2 (id "gori-statue"): "name" is missing or empty; every feature needs id, name, start, sources, description',
    ],
    "missing_sources.geojson": [
        '{g}/monuments.geojson, feature #2 (id "gori-statue"): "sources" is missing or empty; every feature needs id, name, start, sources, description',
    ],
    "missing_start.geojson": [
        '{g}/monuments.geojson, feature #2 (id "gori-statue"): "start" is missing or empty; every feature needs id, name, start, sources, description',
    ],
    "names_overlap.geojson": [
        '{g}/monuments.geojson, feature #2 (id "gori-statue"): "names" "A" and "B" overlap: a name must end ("end") in or before the year the next one starts (1940)',
    ],
    "nan_coordinate.geojson": [
        '{g}/monuments.geojson, feature #2 (id "gori-statue"): "geometry" coordinates must be finite numbers; found [nan, 41.9]',
    ],
    "no_features.geojson": [
        '{g}/monuments.geojson: has no features: "features" must be a non-empty list (add a feature, or remove the layer from layers.toml)',
    ],
    "non_wgs84_crs.geojson": [
        "{g}/monuments.geojson: \"crs\" must be WGS84 longitude/latitude (RFC 7946); found 'urn:ogc:def:crs:EPSG::3857': reproject the file to EPSG:4326, e.g. ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson",
    ],
    "not_a_feature_collection.geojson": [
        "{g}/monuments.geojson: must be a GeoJSON FeatureCollection; found 'Feature'",
    ],
    "not_json.geojson": [
        "{g}/monuments.geojson: is not valid JSON: Expecting value at line 1, column 1; expected a GeoJSON FeatureCollection",
    ],
    "not_utf8.geojson": [
        "{g}/monuments.geojson: is not UTF-8 text (invalid byte 0xe1 on line 15); save it as UTF-8",
    ],
    "ring_not_closed.camps.geojson": [
        '{g}/camps.geojson, feature #1 (id "steplag"): "geometry" each polygon ring needs at least 4 positions and must end where it starts',
    ],
    "self_intersecting_polygon.camps.geojson": [
        '{g}/camps.geojson, feature #1 (id "steplag"): "geometry" is not a valid polygon: Self-intersection[68 48]; fix the outline (for example with QGIS \'Fix geometries\' or shapely.make_valid)',
    ],
    "source_without_title.geojson": [
        '{g}/monuments.geojson, feature #2 (id "gori-statue"): "sources[1]" needs a "title" (text); found None',
    ],
    "swapped_lat_lon.geojson": [
        '{g}/monuments.geojson, feature #2 (id "gori-statue"): "geometry" latitude 144.1129 is out of range -90..90; the position looks swapped: GeoJSON wants [longitude, latitude], so write [144.1129, 41.98532]',
    ],
    "text_instead_of_list.geojson": [
        '{g}/monuments.geojson, feature #2 (id "gori-statue"): "sources" must be a list of {"title": ..., "url": "https://..."}; found \'https://example.org\'',
    ],
    "truncated.geojson": [
        "{g}/monuments.geojson: is not valid JSON: Unterminated string starting at at line 24, column 20 (the file ends too early: is it truncated?); expected a GeoJSON FeatureCollection",
    ],
    "wrong_geometry_type.geojson": [
        '{g}/monuments.geojson, feature #2 (id "gori-statue"): "geometry" must be of type Point in a point layer; found \'Polygon\'',
    ],
    "year_out_of_range.geojson": [
        '{g}/monuments.geojson, feature #2 (id "gori-statue"): "start" must have a year from 1000 to 2100; found \'0952\'',
    ],
}


def _target(case: Path) -> str:
    if case.name.startswith("manifest_"):
        return "layers.toml"
    return "camps.geojson" if case.name.endswith(".camps.geojson") else "monuments.geojson"


def test_the_corpus_has_one_expectation_per_file_and_at_least_25() -> None:
    files = sorted(p.name for p in CORPUS.iterdir() if p.suffix in (".geojson", ".toml"))
    assert files == sorted(EXPECTED)
    assert len(files) >= 25


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_input_is_reported_exactly_and_nothing_is_written(tmp_path: Path, name: str) -> None:
    folder = write_geodata(tmp_path / "geodata", layers())
    shutil.copy(CORPUS / name, folder / _target(CORPUS / name))
    out = tmp_path / "output" / "memory_map.html"
    out.parent.mkdir()
    out.write_bytes(b"<!-- the last good map -->")
    run = subprocess.run(
        [sys.executable, "-m", "mapgen", "build", "--geodata", str(folder), "--output", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    count = len(EXPECTED[name])
    header = f"mapgen: error: {count} problem{'s' if count > 1 else ''} in the input; nothing was written:"
    expected = [header] + ["  " + line.replace("{g}", str(folder)) for line in EXPECTED[name]]
    assert run.stderr.splitlines() == expected
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert out.read_bytes() == b"<!-- the last good map -->"
    assert [p.name for p in out.parent.iterdir()] == ["memory_map.html"]
