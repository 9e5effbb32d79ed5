"""The project's own dataset: counts, sources, dates, places, and the known traps."""

from __future__ import annotations

import itertools
import math
import re
from pathlib import Path

import pytest
from shapely.geometry import shape

from mapgen import assets
from mapgen.build import load_dataset
from mapgen.config import BuildConfig
from mapgen.model import Dataset, Feature, Layer
from mapgen.timeline import label_at

GEODATA = Path(__file__).resolve().parent.parent / "geodata"
ISO_NUMERIC = {
    "AL": "008",
    "AM": "051",
    "BG": "100",
    "BY": "112",
    "CA": "124",
    "CZ": "203",
    "DE": "276",
    "EE": "233",
    "GE": "268",
    "HU": "348",
    "KG": "417",
    "KZ": "398",
    "LT": "440",
    "LV": "428",
    "MD": "498",
    "MN": "496",
    "PL": "616",
    "RO": "642",
    "RU": "643",
    "SK": "703",
    "TJ": "762",
    "UA": "804",
    "US": "840",
    "UZ": "860",
}


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    result = load_dataset(BuildConfig(geodata=GEODATA))
    assert [str(w) for w in result.warnings] == []
    return result.dataset


def _layer(dataset: Dataset, layer_id: str) -> Layer:
    return next(layer for layer in dataset.layers if layer.spec.id == layer_id)


def _feature(dataset: Dataset, layer_id: str, fid: str) -> Feature:
    return next(f for f in _layer(dataset, layer_id).features if f.id == fid)


def _all(dataset: Dataset) -> list[tuple[str, Feature]]:
    return [(layer.spec.id, f) for layer in dataset.layers for f in layer.features]


def test_each_layer_meets_its_count(dataset: Dataset) -> None:
    counts = {layer.spec.id: len(layer.features) for layer in dataset.layers}
    assert counts["renamed"] >= 40
    assert counts["monuments"] >= 80
    assert counts["gulag"] >= 40
    assert counts["memorials"] >= 60
    monuments = _layer(dataset, "monuments").features
    assert sum(1 for f in monuments if f.end and f.end.year >= 1953) >= 35
    assert sum(1 for f in monuments if f.start.year >= 1991) >= 40
    camps = _layer(dataset, "gulag").features
    assert all(f.end is None or f.end.year >= 1953 for f in camps), "camps operate in or after 1953"


def test_every_feature_is_sourced_placed_and_dated(dataset: Dataset) -> None:
    for layer_id, feature in _all(dataset):
        where = f"{layer_id}/{feature.id}"
        assert feature.sources, where
        assert all(s.title.strip() and s.url.startswith(("https://", "http://")) for s in feature.sources), (
            where
        )
        assert feature.text.get("precision"), f"{where} has no precision"
        assert feature.text.get("country") in ISO_NUMERIC, f"{where}: country {feature.text.get('country')}"
        assert feature.end is None or feature.start.earliest <= feature.end.latest, where
        for event in feature.events:
            assert event.sources or feature.sources, where


def test_gulag_polygons_are_marked_approximate(dataset: Dataset) -> None:
    for camp in _layer(dataset, "gulag").features:
        assert camp.text["precision"] == "approximate"
        assert "real extent" in camp.description, camp.id


def test_town_points_say_where_they_are(dataset: Dataset) -> None:
    for layer_id in ("monuments", "memorials"):
        for f in _layer(dataset, layer_id).features:
            if f.text["precision"] in ("town", "region", "approximate"):
                text = f.description.lower()
                assert "point" in text or "centre" in text or "coordinates" in text, f"{layer_id}/{f.id}"


LOCATED_BY = re.compile(r"coordinates|\bGPS\b|Wikipedia|Wikimapia|airportsdata", re.IGNORECASE)


def test_site_points_say_where_their_coordinates_come_from(dataset: Dataset) -> None:
    for layer_id, f in _all(dataset):
        if f.text["precision"] in ("site", "street"):
            where = f"{layer_id}/{f.id}"
            assert LOCATED_BY.search(f.description), f"{where} does not say where its point comes from"
            geonames = [s.url for s in f.sources if "geonames.org" in s.url]
            assert not geonames, f"{where} is a site point but cites a GeoNames town centre"


def test_descriptions_carry_no_editing_leftovers(dataset: Dataset) -> None:
    # an ellipsis alone may close a quotation, so only unmistakable editing marks count
    # "Trap:" heads the warnings in the reference data's notes column, meant for editors, not readers
    leftovers = re.compile(r"\b(?:TODO|TBD|FIXME|rest unchanged|lorem ipsum)\b|\btrap:|…\s*\(", re.IGNORECASE)
    for layer_id, f in _all(dataset):
        texts = [f.description, f.text.get("description_ru", ""), *(e.label for e in f.events)]
        for text in texts:
            match = leftovers.search(text)
            assert match is None, f"{layer_id}/{f.id}: {match and match.group(0)!r} in {text[:80]!r}"


def _country_boxes() -> dict[str, tuple[float, float, float, float]]:
    boxes = {}
    for alpha2, numeric in ISO_NUMERIC.items():
        points = [p for ring in assets.countries()[numeric] for p in ring]
        lons, lats = [p[0] for p in points], [p[1] for p in points]
        boxes[alpha2] = (min(lons) - 0.5, min(lats) - 0.5, max(lons) + 0.5, max(lats) + 0.5)
    # Natural Earth 4.1.0 draws Crimea inside Russia; it is Ukraine (southern tip 44.39 N)
    west, _, east, north = boxes["UA"]
    boxes["UA"] = (west, 44.3, east, north)
    return boxes


def test_every_point_lies_in_its_country(dataset: Dataset) -> None:
    boxes = _country_boxes()
    for layer_id, feature in _all(dataset):
        point = shape(feature.geometry).representative_point()
        west, south, east, north = boxes[feature.text["country"]]
        lon = point.x + 360 if point.x < west else point.x  # Russia's box runs past 180°
        assert west <= lon <= east and south <= point.y <= north, (
            f"{layer_id}/{feature.id} at {point.y:.3f}, {point.x:.3f} is outside {feature.text['country']}"
        )


def _metres(a: Feature, b: Feature) -> float:
    (lon1, lat1), (lon2, lat2) = a.geometry["coordinates"][:2], b.geometry["coordinates"][:2]
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6_371_000 * math.hypot(x, math.radians(lat2 - lat1))


def test_no_two_features_of_a_layer_share_a_name_within_100_m(dataset: Dataset) -> None:
    for layer in dataset.layers:
        if layer.spec.kind != "point":
            continue
        for a, b in itertools.combinations(layer.features, 2):
            if a.name.casefold() == b.name.casefold():
                assert _metres(a, b) > 100, f"{layer.spec.id}: {a.id} and {b.id}"


def test_stalingrad_becomes_volgograd_in_1961(dataset: Dataset) -> None:
    volgograd = _feature(dataset, "renamed", "volgograd")
    assert [(n.name, n.start and n.start.iso, n.end and n.end.iso) for n in volgograd.names] == [
        ("Tsaritsyn", "1589", "1925-04-10"),
        ("Stalingrad", "1925-04-10", "1961-11-10"),
        ("Volgograd", "1961-11-10", None),
    ]
    assert (label_at(volgograd, 1960), label_at(volgograd, 1962)) == ("Stalingrad", "Volgograd")
    assert any(e.date.iso == "2013-01-30" for e in volgograd.events), "the Hero City Stalingrad days"


def test_the_airport_is_named_stalingrad_in_2025(dataset: Dataset) -> None:
    airport = _feature(dataset, "renamed", "volgograd-airport")
    assert airport.start.iso == "2025-04-29"
    assert label_at(airport, 2024) != label_at(airport, 2025)
    assert "Stalingrad" in label_at(airport, 2025)


def test_katowice_got_its_name_back_in_stages(dataset: Dataset) -> None:
    katowice = _feature(dataset, "renamed", "katowice")
    dates = [e.date.iso for e in katowice.events]
    assert {"1956-10-21", "1956-12-10", "1957-03-22"} <= set(dates)
    assert label_at(katowice, 1955) == "Stalinogród" and label_at(katowice, 1957) == "Katowice"


def test_the_filimonov_statue_is_in_vologda_not_volgograd(dataset: Dataset) -> None:
    statue = _feature(dataset, "monuments", "vologda-stalin-statue-2024")
    lon, lat = statue.geometry["coordinates"][:2]
    assert 59.0 < lat < 59.4 and 39.7 < lon < 40.1, "Vologda is at 59.2 N, 39.9 E"
    assert statue.start.iso.startswith("2024-12")


def test_the_taganskaya_relief_is_a_replica_of_one_removed_in_1966(dataset: Dataset) -> None:
    relief = next(
        f for f in _layer(dataset, "monuments").features if "taganskaya" in f.id and f.start.year == 2025
    )
    assert "replica" in relief.description and "1966" in relief.description


@pytest.mark.parametrize(
    ("layer_id", "fid", "start", "end"),
    [
        ("monuments", "budapest-stalin-monument", "1951-12-16", "1956-10-23"),
        ("monuments", "gori-statue", "1952", "2010-06-25"),
        ("monuments", "prague-letna-monument", "1955-05-01", "1962-11"),
        ("memorials", "solovetsky-stone-moscow", "1990-10-30", None),
    ],
)
def test_key_dates(dataset: Dataset, layer_id: str, fid: str, start: str, end: str | None) -> None:
    feature = _feature(dataset, layer_id, fid)
    assert (feature.start.iso, feature.end.iso if feature.end else None) == (start, end)
