"""Reading: the only module that opens files in geodata/."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mapgen.errors import Problem
from mapgen.manifest import LayerSpec, Manifest


@dataclass(frozen=True)
class RawLayer:
    """A layer file as parsed JSON, before any check of its content."""

    spec: LayerSpec
    path: str
    document: Any


class _DuplicateKey(ValueError):
    pass


def geodata_version(manifest: Manifest, geodata: Path) -> str:
    """A short hash of layers.toml and every layer file: the data version shown on the map."""
    digest = hashlib.sha256()
    for name in ["layers.toml", *sorted(spec.file for spec in manifest.layers)]:
        digest.update(name.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256((geodata / name).read_bytes()).digest())
    return digest.hexdigest()[:12]


def read_layers(manifest: Manifest, geodata: Path, max_bytes: int) -> tuple[list[RawLayer], list[Problem]]:
    """Read every layer the manifest names; unreadable files become problems."""
    layers: list[RawLayer] = []
    problems: list[Problem] = []
    for spec in manifest.layers:
        layer = read_layer(spec, geodata / spec.file, max_bytes)
        if isinstance(layer, Problem):
            problems.append(layer)
        else:
            layers.append(layer)
    return layers, problems


def read_layer(spec: LayerSpec, path: Path, max_bytes: int) -> RawLayer | Problem:
    """Parse one GeoJSON file strictly: UTF-8, no repeated keys.

    NaN and Infinity are read (Python's json allows them) so that validation can say which
    feature and property hold them; nothing non-finite passes validation.
    """
    where = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return Problem(
                where,
                f"is {size / 2**20:.0f} MiB; the limit is {max_bytes / 2**20:.0f} MiB "
                "per layer file: split the layer into smaller files",
            )
        raw = path.read_bytes()
    except OSError as exc:
        return Problem(where, f"cannot be read: {exc.strerror}")
    if not raw.strip():
        return Problem(where, "is empty; expected a GeoJSON FeatureCollection")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return Problem(
            where, f"is not UTF-8 text (invalid byte 0x{raw[exc.start]:02x} on line {line}); save it as UTF-8"
        )
    try:
        document = json.loads(text, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as exc:
        return Problem(
            where,
            f"is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
            f"{_truncation_hint(text)}; expected a GeoJSON FeatureCollection",
        )
    except _DuplicateKey as exc:
        return Problem(where, f"is not valid GeoJSON: {exc}")
    except RecursionError:
        return Problem(where, "is nested too deeply to be GeoJSON")
    return RawLayer(spec, where, document)


def _truncation_hint(text: str) -> str:
    """A JSON document ends with } or ]: if this one does not, it was probably cut off."""
    body = text.strip()
    if body.startswith(("{", "[")) and not body.endswith(("}", "]")):
        return " (the file ends too early: is it truncated?)"
    return ""


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        key = next(key for key, _ in pairs if key in seen or seen.add(key))  # type: ignore[func-returns-value]
        raise _DuplicateKey(f'the key "{key}" appears twice in one object')
    return result
