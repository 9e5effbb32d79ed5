"""The derive step of the gulag layer: which camp seats make the polygon, and what its note says."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from shapely.geometry import Point, shape

SCRIPT = Path(__file__).resolve().parent.parent / "geodata" / "derive" / "derive_gulag_regions.py"


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("derive_gulag_regions", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def seat(lon: float, lat: float, last_year: int) -> dict[str, Any]:
    return {"geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": {"last_year": last_year}}


FACT = {
    "id": "testlag",
    "camp_ids": [1],
    "name": "Testlag",
    "start": "1940",
    "country": "RU",
    "description": "A camp.",
}
NAMED = {"museum": {"title": "Museum", "url": "https://example.org/"}}


def build(seats: list[dict[str, Any]]) -> dict[str, Any]:
    feature: dict[str, Any] = load_script().build_feature(FACT, {1: seats}, {}, NAMED)
    return feature


def test_a_seat_given_up_before_1953_is_left_out_and_the_description_says_so() -> None:
    feature = build([seat(30.0, 61.5, 1940), seat(40.2, 61.2, 1960)])
    description = feature["properties"]["description"]
    assert "in use from 1953 on (earlier seats are left out)" in description
    polygon = shape(feature["geometry"])
    assert polygon.contains(Point(40.2, 61.2))
    assert not polygon.contains(Point(30.0, 61.5)), "the seat given up in 1940 is not in the polygon"


def test_a_camp_whose_seats_all_reach_1953_keeps_the_plain_note() -> None:
    description = build([seat(30.0, 61.5, 1955), seat(40.2, 61.2, 1960)])["properties"]["description"]
    assert "around the known seats of the camp administration" in description
    assert "earlier seats" not in description


def test_a_camp_with_only_older_seats_keeps_them_all_and_the_plain_note() -> None:
    feature = build([seat(30.0, 61.5, 1940), seat(40.2, 61.2, 1950)])
    assert "earlier seats" not in feature["properties"]["description"]
    polygon = shape(feature["geometry"])
    assert polygon.contains(Point(30.0, 61.5)) and polygon.contains(Point(40.2, 61.2))


def test_hand_checked_seats_replace_a_misplaced_reference_seat() -> None:
    fact = {**FACT, "seats": [[-179.12, 66.32]], "hull_note": "Around the seat at Egvekinot only."}
    feature = load_script().build_feature(fact, {1: [seat(177.34, 68.09, 1956)]}, {}, NAMED)
    polygon = shape(feature["geometry"])
    assert polygon.contains(Point(-179.12, 66.32))
    assert polygon.contains(Point(179.9, 66.32)), "the circle runs on across the 180th meridian"
    assert not polygon.contains(Point(177.34, 68.09)), "the reference seat is not used"
    assert feature["properties"]["description"].endswith("Around the seat at Egvekinot only.")


def test_replacing_the_seats_without_a_note_is_refused() -> None:
    fact = {**FACT, "seats": [[-179.12, 66.32]]}
    with pytest.raises(ValueError, match="hull_note"):
        load_script().build_feature(fact, {1: [seat(177.34, 68.09, 1956)]}, {}, NAMED)
