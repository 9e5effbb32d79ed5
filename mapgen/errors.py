"""The exceptions mapgen raises on purpose: the CLI prints them without a traceback."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One problem found in the input, with where it is and what to do about it."""

    file: str
    message: str
    feature: int | None = None
    feature_id: str | None = None
    prop: str | None = None
    warning: bool = False

    def __str__(self) -> str:
        where = self.file
        if self.feature is not None:
            where += f", feature #{self.feature}"
            if self.feature_id is not None:
                where += f' (id "{self.feature_id}")'
        prop = f'"{self.prop}" ' if self.prop else ""
        kind = "warning: " if self.warning else ""
        return f"{where}: {kind}{prop}{self.message}"


class MapgenError(Exception):
    """Base of every error that is the user's to fix, not a bug."""


class ConfigError(MapgenError):
    """The command line or build options are wrong."""


class ValidationError(MapgenError):
    """The input has problems; all of them are in ``problems``."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = [p for p in problems if not p.warning]
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"{count} {noun} in the input; nothing was written:"]
        lines += [f"  {p}" for p in self.problems]
        super().__init__("\n".join(lines))


class OutputError(MapgenError):
    """The map could not be written."""
