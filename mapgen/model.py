"""The checked data: what ``validate`` hands to ``timeline``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mapgen.dates import Date
from mapgen.manifest import LayerSpec, MapSpec

PRECISIONS = ("site", "street", "town", "region", "approximate")


@dataclass(frozen=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True)
class DatedName:
    """A name a place bore; ``start`` None = since before the record begins."""

    name: str
    start: Date | None
    end: Date | None = None
    name_ru: str = ""


@dataclass(frozen=True)
class Event:
    date: Date
    label: str
    label_ru: str = ""
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True)
class Feature:
    """One checked feature; ``geometry`` is a valid GeoJSON geometry object."""

    id: str
    name: str
    start: Date
    end: Date | None
    sources: tuple[Source, ...]
    description: str
    geometry: dict[str, Any]
    names: tuple[DatedName, ...] = ()
    events: tuple[Event, ...] = ()
    text: dict[str, str] = field(default_factory=dict)
    prisoners: dict[str, int | None] = field(default_factory=dict)


@dataclass(frozen=True)
class Layer:
    spec: LayerSpec
    path: str
    features: tuple[Feature, ...]


@dataclass(frozen=True)
class Dataset:
    map: MapSpec
    layers: tuple[Layer, ...]
    version: str = ""
