"""Build options: one frozen dataclass, passed in, never global."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_GEODATA = Path("geodata")
DEFAULT_OUTPUT = Path("output") / "memory_map.html"
MAX_LAYER_BYTES = 100 * 1024 * 1024


@dataclass(frozen=True)
class BuildConfig:
    """Where to read, where to write, and how to render."""

    geodata: Path = DEFAULT_GEODATA
    output: Path = DEFAULT_OUTPUT
    lang: str = "en"
    offline: bool = False
    max_layer_bytes: int = MAX_LAYER_BYTES
    compress_over: int = 2_000_000  # bytes of JSON above which the data block is stored compressed
