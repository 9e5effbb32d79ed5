"""The manifest ``geodata/layers.toml``: the map's settings and its list of layers."""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mapgen.errors import Problem, ValidationError

MANIFEST_NAME = "layers.toml"
KINDS = ("point", "line", "polygon")
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
_LAYER_ID = re.compile(r"^[a-z][a-z0-9_-]{0,39}$")
_MAP_KEYS = {"title", "title_ru", "year_min", "year_max", "year", "center", "zoom"}
_LAYER_REQUIRED = {"id", "file", "title", "kind", "color"}
# words for "1953 → 1962: 38 monuments removed": plural noun, and what starting and ending mean
_WORDS = ("noun", "noun_ru", "verb_start", "verb_start_ru", "verb_end", "verb_end_ru")
_LAYER_KEYS = _LAYER_REQUIRED | {
    "title_ru",
    "former_color",
    "order",
    "labels",
    "description",
    "description_ru",
    "license",
    *_WORDS,
}


@dataclass(frozen=True)
class LayerSpec:
    """One ``[[layers]]`` entry."""

    id: str
    file: str
    title: str
    kind: str
    color: str
    former_color: str = "#8a8a8a"
    order: int = 0
    labels: bool = False
    title_ru: str = ""
    description: str = ""
    description_ru: str = ""
    license: str = ""
    noun: str = ""
    noun_ru: str = ""
    verb_start: str = ""
    verb_start_ru: str = ""
    verb_end: str = ""
    verb_end_ru: str = ""


@dataclass(frozen=True)
class MapSpec:
    """The ``[map]`` table."""

    title: str = "Memory map of Stalinism"
    title_ru: str = ""
    year_min: int = 1953
    year_max: int = 2025
    year: int | None = None
    center: tuple[float, float] = (55.0, 70.0)
    zoom: int = 3


@dataclass(frozen=True)
class Manifest:
    map: MapSpec
    layers: tuple[LayerSpec, ...]


def read_manifest(geodata: Path) -> Manifest:
    """Read and check ``layers.toml``; raise ``ValidationError`` listing every problem."""
    path = geodata / MANIFEST_NAME
    where = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValidationError([Problem(where, f"not found; create it (see README) in {geodata}")]) from None
    except UnicodeDecodeError as exc:
        raise ValidationError([Problem(where, f"is not UTF-8 text (byte {exc.start})")]) from None
    except tomllib.TOMLDecodeError as exc:
        raise ValidationError([Problem(where, f"is not valid TOML: {exc}")]) from None
    problems: list[Problem] = []
    _check_keys(data, {"map", "layers"}, where, "top level", problems)
    map_spec = _read_map(data.get("map", {}), where, problems)
    layers = _read_layers(data.get("layers"), geodata, where, problems)
    if problems:
        raise ValidationError(problems)
    return Manifest(map_spec, tuple(sorted(layers, key=lambda spec: spec.order)))


def _check_keys(table: Any, allowed: set[str], where: str, what: str, out: list[Problem]) -> None:
    if not isinstance(table, dict):
        out.append(Problem(where, f"{what} must be a table; found {type(table).__name__}"))
        return
    for key in sorted(set(table) - allowed):
        close = difflib.get_close_matches(key, sorted(allowed), n=1)
        hint = f'; did you mean "{close[0]}"?' if close else f"; known keys: {', '.join(sorted(allowed))}"
        out.append(Problem(where, f'{what}: unknown key "{key}"{hint}'))


def _read_map(table: Any, where: str, out: list[Problem]) -> MapSpec:
    _check_keys(table, _MAP_KEYS, where, "[map]", out)
    if not isinstance(table, dict):
        return MapSpec()
    values = {k: v for k, v in table.items() if k in _MAP_KEYS}
    for key in ("year_min", "year_max", "year", "zoom"):
        if key in values and (type(values[key]) is not int):
            out.append(Problem(where, f'[map] "{key}" must be a whole number; found {values[key]!r}'))
            values.pop(key)
    for key in ("title", "title_ru"):
        if key in values and not isinstance(values[key], str):
            out.append(Problem(where, f'[map] "{key}" must be text; found {values[key]!r}'))
            values.pop(key)
    if "center" in values:
        center = values.pop("center")
        if _is_latlon(center):
            values["center"] = (float(center[0]), float(center[1]))
        else:
            out.append(Problem(where, f'[map] "center" must be [latitude, longitude]; found {center!r}'))
    spec = MapSpec(**values)
    if not 1000 <= spec.year_min < spec.year_max <= 2100:
        out.append(
            Problem(
                where,
                f"[map] needs 1000 <= year_min < year_max <= 2100; found {spec.year_min}..{spec.year_max}",
            )
        )
    if spec.year is not None and not spec.year_min <= spec.year <= spec.year_max:
        out.append(Problem(where, f'[map] "year" must lie in {spec.year_min}..{spec.year_max}'))
    return spec


def _is_latlon(value: Any) -> bool:
    return (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
        and -90 <= value[0] <= 90
        and -180 <= value[1] <= 180
    )


def _read_layers(entries: Any, geodata: Path, where: str, out: list[Problem]) -> list[LayerSpec]:
    if not isinstance(entries, list) or not entries:
        out.append(Problem(where, "needs at least one [[layers]] entry"))
        return []
    specs: list[LayerSpec] = []
    seen: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        what = f"[[layers]] #{number}"
        count = len(out)
        _check_keys(entry, _LAYER_KEYS, where, what, out)
        if not isinstance(entry, dict):
            continue
        for key in sorted(_LAYER_REQUIRED - set(entry)):
            out.append(Problem(where, f'{what}: "{key}" is missing'))
        _check_layer_values(entry, what, where, geodata, out)
        if entry.get("id") in seen:
            out.append(Problem(where, f'{what}: id "{entry["id"]}" is used twice'))
        seen.add(str(entry.get("id")))
        if len(out) == count:
            specs.append(LayerSpec(**{**entry, "order": entry.get("order", number)}))
    return specs


def _check_layer_values(
    entry: dict[str, Any], what: str, where: str, geodata: Path, out: list[Problem]
) -> None:
    def bad(key: str, expected: str) -> None:
        out.append(Problem(where, f'{what}: "{key}" must be {expected}; found {entry[key]!r}'))

    for key in ("title", "title_ru", "description", "description_ru", "license", "file", *_WORDS):
        if key in entry and not isinstance(entry[key], str):
            bad(key, "text")
    if "id" in entry and not (isinstance(entry["id"], str) and _LAYER_ID.match(entry["id"])):
        bad("id", "a short lowercase name like monuments (letters, digits, - and _)")
    if "kind" in entry and entry["kind"] not in KINDS:
        bad("kind", " or ".join(KINDS))
    for key in ("color", "former_color"):
        if key in entry and not (isinstance(entry[key], str) and _COLOR.match(entry[key])):
            bad(key, "a colour like #b22222")
    if "order" in entry and type(entry["order"]) is not int:
        bad("order", "a whole number")
    if "labels" in entry and not isinstance(entry["labels"], bool):
        bad("labels", "true or false")
    file = entry.get("file")
    if isinstance(file, str):
        target = geodata / file
        if Path(file).is_absolute() or ".." in Path(file).parts:
            bad("file", "a file name inside the geodata folder")
        elif not target.is_file():
            out.append(Problem(where, f'{what}: "file" names {target}, which does not exist'))
