from pathlib import Path

from factories import VOLGOGRAD_NAMES, collection, point, polygon, write_geodata

from mapgen.build import load_dataset
from mapgen.config import BuildConfig
from mapgen.timeline import build_document, label_at


def _dataset(folder: Path):  # type: ignore[no-untyped-def]
    return load_dataset(BuildConfig(geodata=folder)).dataset


def test_label_follows_the_dated_names(geodata: Path) -> None:
    volgograd = _dataset(geodata).layers[2].features[0]
    assert [label_at(volgograd, y) for y in (1920, 1925, 1960, 1961, 1962, 2025)] == [
        "Tsaritsyn",
        "Stalingrad",
        "Stalingrad",
        "Volgograd",
        "Volgograd",
        "Volgograd",
    ]


def test_a_first_name_without_start_holds_until_its_end(tmp_path: Path) -> None:
    names = [
        {"name": "Yuzovka", "end": "1924"},
        {"name": "Stalino", "start": "1924", "end": "1961"},
        {"name": "Donetsk", "start": "1961"},
    ]
    docs = {
        "camps.geojson": collection(polygon("c", [[1, 1], [2, 1], [2, 2], [1, 1]], "1950")),
        "monuments.geojson": collection(point("m", 1, 1, "1950")),
        "renamed.geojson": collection(point("donetsk", 37.8, 48.0, "1924", "1961", names=names)),
    }
    feature = _dataset(write_geodata(tmp_path, docs)).layers[2].features[0]
    assert [label_at(feature, y) for y in (1900, 1924, 1960, 1961)] == [
        "Yuzovka",
        "Stalino",
        "Stalino",
        "Donetsk",
    ]


def test_document_is_columnar(geodata: Path) -> None:
    doc = build_document(_dataset(geodata), "en")
    assert doc["map"]["year_min"] == 1953 and doc["map"]["year_max"] == 2025
    monuments = doc["layers"][1]
    assert monuments["ids"] == ["budapest", "gori", "yalta"]
    assert monuments["start"] == [1951, 1952, 2015]
    assert monuments["end"] == [1956, 2010, None]
    assert monuments["coords"][:2] == [19.08, 47.51]
    assert monuments["info"][0]["start"] == "1951-12-16"
    assert monuments["info"][0]["sources"] == [["Example source", "https://example.org/source"]]
    renamed = doc["layers"][2]
    assert renamed["names"] == {
        "0": [
            [n["name"], n["name_ru"], int(n["start"][:4]), int(n["end"][:4]) if "end" in n else None]
            for n in VOLGOGRAD_NAMES
        ]
    }


def test_polygon_across_the_antimeridian_stays_one_shape(geodata: Path) -> None:
    camps = build_document(_dataset(geodata), "en")["layers"][0]
    start, end = camps["rings"][camps["parts"][1]], camps["rings"][camps["parts"][2]]
    lons = camps["coords"][2 * start : 2 * end : 2]
    assert max(lons) - min(lons) == 10  # 175°E to 185°E, not -175..175 round the world
    assert min(lons) == 175
