"""The pipeline: read every layer, check everything, and only then render and write."""

from __future__ import annotations

from dataclasses import dataclass

from mapgen.config import BuildConfig
from mapgen.errors import Problem, ValidationError
from mapgen.layers import geodata_version, read_layers
from mapgen.manifest import read_manifest
from mapgen.model import Dataset
from mapgen.output import write_html
from mapgen.render import render_html
from mapgen.timeline import build_document
from mapgen.validate import validate_layers


@dataclass(frozen=True)
class BuildResult:
    dataset: Dataset
    warnings: tuple[Problem, ...]
    size: int = 0


def load_dataset(config: BuildConfig) -> BuildResult:
    """Read and check everything; raise ``ValidationError`` with every problem found."""
    manifest = read_manifest(config.geodata)
    raw_layers, problems = read_layers(manifest, config.geodata, config.max_layer_bytes)
    layers, found = validate_layers(raw_layers)
    problems += found
    if any(not p.warning for p in problems):
        raise ValidationError(problems)
    version = geodata_version(manifest, config.geodata)
    return BuildResult(Dataset(manifest.map, tuple(layers), version), tuple(problems))


def build(config: BuildConfig) -> BuildResult:
    """Build the map; a failed build writes nothing."""
    loaded = load_dataset(config)
    document = build_document(loaded.dataset, config.lang)
    size = write_html(config.output, render_html(document, config.offline, config.compress_over))
    return BuildResult(loaded.dataset, loaded.warnings, size)
