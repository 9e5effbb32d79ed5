#!/usr/bin/env python3
"""Derive the ``gulag_regions`` layer (approximate camp-complex polygons) for mapgen.

Usage::

    python3 geodata/derive/derive_gulag_regions.py ../shared/reference-data/gulag-urbica

(``--facts`` defaults to ``gulag_facts.json`` beside this script,
``--out`` to ``geodata/gulag_regions.geojson``.)

``REFERENCE_DIR`` is the ``gulag-urbica`` reference-data folder (``camp-locations.geojson`` and
``camp-statistics.csv``; see its SOURCE.md).  Hand-curated facts (names, dates, descriptions, events,
sources) live in ``gulag_facts.json`` next to this script; this script only adds geometry and the
yearly prisoner counts taken from the reference data.

Geometry, per feature:

* take the camp administration's seats (``camp-locations.geojson``) of the listed ``camp_ids``,
  dropping the admin tool's placeholder point [90, 62]; if some seats were in use in or after 1953,
  only those are kept; ``points`` in a fact adds seats, ``seats`` replaces the reference data's
  (for a reference point found misplaced; the fact's ``hull_note`` must then say so);
* project them to a local equirectangular plane (x = lon * cos(lat0)), so that a buffer is roughly
  round on the ground, take the convex hull (a point or a line when there are only one or two seats)
  and buffer it by ``buffer_deg`` degrees of latitude (default 0.75 deg, about 83 km);
* unproject, simplify, and split the result at the 180th meridian into a MultiPolygon if it crosses
  it (GeoJSON longitudes must stay within [-180, 180]); round to 5 decimals and check validity.

The polygon is an approximate hull around the known seats of the camp administration, not the
camp's real extent; the description says so, and says when seats given up before 1953 were left out.

Prisoner counts: for each year 1953-1960 with at least one statistics row for the camp, the sum of
the counts over the camp's locations; ``null`` when no row of that year has a positive count. A zero
in the reference data is treated like a blank (a record without a count): the museum's front end
shows a camp for every year with a row, and zeros such as the 1958 gap or the Dalstroy camps after
1953 mark missing figures, not empty camps.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from shapely import affinity
from shapely.geometry import MultiPoint, MultiPolygon, Polygon, box, mapping, shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

PLACEHOLDER = (90.0, 62.0)
DEFAULT_BUFFER_DEG = 0.75
SIMPLIFY_TOLERANCE_DEG = 0.02
FIRST_MAP_YEAR = 1953
LAST_DATA_YEAR = 1960
HULL_NOTE = (
    "The polygon is an approximate hull (buffered by about {km} km) around the known seats of the "
    "camp administration, not the camp's real extent."
)
HULL_NOTE_RECENT = (
    "The polygon is an approximate hull (buffered by about {km} km) around the seats of the camp "
    "administration in use from 1953 on (earlier seats are left out), not the camp's real extent."
)

Json = dict[str, Any]


def load_locations(ref_dir: Path) -> dict[int, list[Json]]:
    """Return the camp-location features grouped by camp_id, without placeholder points."""
    data = json.loads((ref_dir / "camp-locations.geojson").read_text(encoding="utf-8"))
    by_camp: dict[int, list[Json]] = {}
    for feat in data["features"]:
        props = feat["properties"]
        lon, lat = feat["geometry"]["coordinates"][:2]
        if props.get("coord_quality") == "placeholder_90_62" or (float(lon), float(lat)) == PLACEHOLDER:
            continue
        by_camp.setdefault(int(props["camp_id"]), []).append(feat)
    return by_camp


def load_prisoners(ref_dir: Path) -> dict[int, dict[str, int | None]]:
    """Yearly prisoner totals (1953-1960) per camp_id, summed over the camp's locations."""
    sums: dict[int, dict[str, int]] = {}
    seen: dict[int, set[str]] = {}
    with (ref_dir / "camp-statistics.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            year = int(row["year"])
            if not FIRST_MAP_YEAR <= year <= LAST_DATA_YEAR:
                continue
            camp = int(row["camp_id"])
            seen.setdefault(camp, set()).add(str(year))
            count = (row["prisoners_count"] or "").strip()
            if count and int(float(count)) > 0:
                per_year = sums.setdefault(camp, {})
                per_year[str(year)] = per_year.get(str(year), 0) + int(float(count))
    result: dict[int, dict[str, int | None]] = {}
    for camp, years in seen.items():
        result[camp] = {y: sums.get(camp, {}).get(y) for y in sorted(years)}
    return result


def seat_points(feats: Iterable[Json]) -> list[tuple[float, float]]:
    """Seats used in or after 1953 if there are any, otherwise all seats (lon, lat), deduplicated."""
    return unique_points(recent_seats(list(feats)) or list(feats))


def recent_seats(feats: list[Json]) -> list[Json]:
    """The seats still in use in or after 1953."""
    return [f for f in feats if int(f["properties"].get("last_year") or 0) >= FIRST_MAP_YEAR]


def unique_points(feats: list[Json]) -> list[tuple[float, float]]:
    """The seats' (lon, lat), deduplicated, in order."""
    pts: list[tuple[float, float]] = []
    for f in feats:
        lon, lat = (float(c) for c in f["geometry"]["coordinates"][:2])
        if (lon, lat) not in pts:
            pts.append((lon, lat))
    return pts


def drops_older_seats(feats: list[Json]) -> bool:
    """True if seat_points leaves out seats that are not at a kept seat's place."""
    return set(unique_points(feats)) != set(seat_points(feats))


def split_antimeridian(geom: BaseGeometry) -> BaseGeometry:
    """Cut a geometry whose longitudes run past +/-180 into parts inside [-180, 180]."""
    minx, _, maxx, _ = geom.bounds
    if minx >= -180 and maxx <= 180:
        return geom
    parts = [geom.intersection(box(-180, -90, 180, 90))]
    if maxx > 180:
        parts.append(affinity.translate(geom.intersection(box(180, -90, 540, 90)), xoff=-360))
    if minx < -180:
        parts.append(affinity.translate(geom.intersection(box(-540, -90, -180, 90)), xoff=360))
    return unary_union([p for p in parts if not p.is_empty])


def round_coords(obj: Any, ndigits: int = 5) -> Any:
    """Recursively round coordinate arrays."""
    if isinstance(obj, float):
        return round(obj, ndigits)
    if isinstance(obj, (list, tuple)):
        return [round_coords(o, ndigits) for o in obj]
    return obj


def hull_polygon(points: list[tuple[float, float]], buffer_deg: float) -> BaseGeometry:
    """Buffered convex hull of the points, computed in a locally scaled plane; valid, rounded."""
    lat0 = sum(p[1] for p in points) / len(points)
    k = math.cos(math.radians(lat0))
    hull = MultiPoint([(lon * k, lat) for lon, lat in points]).convex_hull
    area = hull.buffer(buffer_deg, quad_segs=16)
    geom = affinity.scale(area, xfact=1 / k, yfact=1.0, origin=(0, 0))
    geom = geom.simplify(SIMPLIFY_TOLERANCE_DEG, preserve_topology=True)
    geom = split_antimeridian(geom)
    geom = shape({"type": geom.geom_type, "coordinates": round_coords(mapping(geom)["coordinates"])})
    if not geom.is_valid:
        geom = geom.buffer(0)
    if not isinstance(geom, (Polygon, MultiPolygon)) or not geom.is_valid or geom.is_empty:
        raise ValueError(f"could not build a valid polygon from {points}")
    return geom


def resolve_sources(items: list[Any], named: dict[str, Json]) -> list[Json]:
    """Turn a list of source keys / source objects into source objects, without duplicates."""
    out: list[Json] = []
    for item in items:
        src = named[item] if isinstance(item, str) else item
        if src not in out:
            out.append(src)
    return out


def reference_seats(fact: Json, locations: dict[int, list[Json]]) -> list[tuple[float, float]]:
    """The seats of the fact's camps in the reference data, plus any extra ``points`` it lists."""
    points: list[tuple[float, float]] = []
    for cid in fact.get("camp_ids", []):
        points += [p for p in seat_points(locations.get(cid, [])) if p not in points]
    if "location_from_camp" in fact:
        points += seat_points(locations.get(int(fact["location_from_camp"]), []))
    points += [(float(lon), float(lat)) for lon, lat in fact.get("points", [])]
    return points


def build_feature(
    fact: Json,
    locations: dict[int, list[Json]],
    prisoners: dict[int, dict[str, int | None]],
    named: dict[str, Json],
) -> Json:
    """Assemble one GeoJSON feature from a curated fact entry and the reference data."""
    camp_ids: list[int] = fact.get("camp_ids", [])
    if "seats" in fact:
        points = [(float(lon), float(lat)) for lon, lat in fact["seats"]]
    else:
        points = reference_seats(fact, locations)
    if not points:
        raise ValueError(f"{fact['id']}: no location")
    if "seats" in fact and "hull_note" not in fact:
        raise ValueError(f"{fact['id']}: 'seats' replaces the reference seats, so a hull_note must say why")
    buffer_deg = float(fact.get("buffer_deg", DEFAULT_BUFFER_DEG))
    geom = hull_polygon(points, buffer_deg)

    dropped = any(drops_older_seats(locations.get(cid, [])) for cid in camp_ids)
    note = fact.get("hull_note", HULL_NOTE_RECENT if dropped else HULL_NOTE)
    description = fact["description"].rstrip() + " " + note.format(km=round(buffer_deg * 111))
    sources = resolve_sources(fact.get("sources", []), named)
    if camp_ids or "location_from_camp" in fact:
        sources = resolve_sources(["museum"], named) + [s for s in sources if s != named["museum"]]
    events = [
        {"date": ev["date"], "label": ev["label"], "sources": resolve_sources(ev.get("sources", []), named)}
        for ev in fact.get("events", [])
    ]
    events.sort(key=lambda e: e["date"])

    props: Json = {
        "id": fact["id"],
        "name": fact["name"],
        "name_ru": fact.get("name_ru"),
        "start": fact["start"],
        "end": fact.get("end"),
        "precision": "approximate",
        "description": description,
        "place": fact.get("place"),
        "country": fact["country"],
        "kind": fact.get("kind", "camp complex"),
    }
    if events:
        props["events"] = events
    counts: dict[str, int | None] = {}
    for cid in camp_ids:
        for year, value in prisoners.get(cid, {}).items():
            if year in counts and counts[year] is not None and value is not None:
                counts[year] = counts[year] + value  # type: ignore[operator]
            elif year not in counts or counts[year] is None:
                counts[year] = value
    if counts:
        props["prisoners"] = dict(sorted(counts.items()))
    props["sources"] = sources
    props = {k: v for k, v in props.items() if v is not None or k == "end"}
    if props.get("end") is None:
        props.pop("end", None)
    return {"type": "Feature", "geometry": mapping(geom), "properties": props}


def sort_key(feature: Json) -> tuple[str, str]:
    """Stable order: by start date (qualifiers stripped), then id."""
    start = feature["properties"]["start"].rstrip("?~")
    return (start, feature["properties"]["id"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("reference_dir", type=Path, help="path to reference-data/gulag-urbica")
    here = Path(__file__).resolve().parent
    parser.add_argument("--facts", type=Path, default=here / "gulag_facts.json")
    parser.add_argument("--out", type=Path, default=here.parent / "gulag_regions.geojson")
    args = parser.parse_args()

    facts = json.loads(args.facts.read_text(encoding="utf-8"))
    locations = load_locations(args.reference_dir)
    prisoners = load_prisoners(args.reference_dir)
    features = [build_feature(f, locations, prisoners, facts["sources"]) for f in facts["features"]]
    ids = [f["properties"]["id"] for f in features]
    if len(ids) != len(set(ids)):
        raise ValueError("duplicate ids")
    features.sort(key=sort_key)
    collection = {"type": "FeatureCollection", "features": features}
    args.out.write_text(json.dumps(collection, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(features)} features to {args.out}")


if __name__ == "__main__":
    main()
