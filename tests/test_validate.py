from pathlib import Path

import pytest
from factories import collection, layers, point, write_geodata

from mapgen.build import load_dataset
from mapgen.config import BuildConfig
from mapgen.errors import ValidationError


def _problems(folder: Path) -> list[str]:
    with pytest.raises(ValidationError) as info:
        load_dataset(BuildConfig(geodata=folder))
    return [str(p) for p in info.value.problems]


def _with_monuments(tmp_path: Path, *features: dict) -> Path:
    docs = layers()
    docs["monuments.geojson"] = collection(*features)
    return write_geodata(tmp_path / "geodata", docs)


def test_message_names_file_feature_id_property_expected_and_found(tmp_path: Path) -> None:
    folder = _with_monuments(
        tmp_path, point("ok", 1, 1, "1950"), point("gori-statue", 1, 1, "1952", "2010-13-01")
    )
    assert _problems(folder) == [
        f'{folder}/monuments.geojson, feature #2 (id "gori-statue"): "end" must be a date like 1961, '
        "1961-11 or 1961-11-10 (optionally followed by ? or ~); the month must be 01 to 12; "
        "found '2010-13-01'"
    ]


def test_every_problem_of_a_run_is_reported_at_once(tmp_path: Path) -> None:
    bad_end = point("a", 1, 1, "1960", "1950")
    no_sources = point("b", 1, 1, "1950")
    no_sources["properties"]["sources"] = []
    docs = layers()
    docs["monuments.geojson"] = collection(bad_end, no_sources, point("a", 1, 1, "1950"))
    docs["renamed.geojson"] = "{ not json"
    problems = _problems(write_geodata(tmp_path / "g", docs))
    assert len(problems) == 4
    assert any(
        'feature #1 (id "a"): "end" must not be before start (1960); found 1950' in p for p in problems
    )
    assert any('feature #2 (id "b"): "sources" is missing or empty' in p for p in problems)
    assert any('feature #3 (id "a"): "id" is used twice (first by feature #1)' in p for p in problems)
    assert any("renamed.geojson: is not valid JSON" in p for p in problems)


def test_unknown_property_is_a_warning_not_an_error(tmp_path: Path) -> None:
    folder = _with_monuments(tmp_path, point("a", 1, 1, "1950", colour="red"))
    result = load_dataset(BuildConfig(geodata=folder))
    assert [str(w) for w in result.warnings] == [
        f'{folder}/monuments.geojson, feature #1 (id "a"): warning: "colour" is not a known property: '
        "it is kept in the file but not shown; check the spelling (see README)"
    ]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "ftp://x.org/a", "//x.org", "x"])
def test_only_http_urls_are_sources(tmp_path: Path, url: str) -> None:
    feature = point("a", 1, 1, "1950")
    feature["properties"]["sources"] = [{"title": "t", "url": url}]
    assert _problems(_with_monuments(tmp_path, feature)) == [
        f'{tmp_path}/geodata/monuments.geojson, feature #1 (id "a"): "sources[1]" "url" must be an '
        f"http:// or https:// address; found {url!r}"
    ]


def test_overlapping_names_are_refused(tmp_path: Path) -> None:
    names = [{"name": "A", "start": "1900", "end": "1950"}, {"name": "B", "start": "1940"}]
    problems = _problems(_with_monuments(tmp_path, point("a", 1, 1, "1950", names=names)))
    assert problems == [
        f'{tmp_path}/geodata/monuments.geojson, feature #1 (id "a"): "names" "A" and "B" overlap: a name '
        'must end ("end") in or before the year the next one starts (1940)'
    ]
