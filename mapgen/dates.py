"""Dates as the data writes them: ISO 8601 at year, month or day precision.

An EDTF qualifier may follow (ISO 8601-2): ``?`` uncertain, ``~`` approximate, ``%`` both.
A bare JSON integer is read as a year.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import lru_cache

YEAR_MIN = 1000
YEAR_MAX = 2100
_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([?~%])?$")
_QUALIFIERS = {"?": "uncertain", "~": "approximate", "%": "uncertain, approximate"}
FORMAT_HINT = "a date like 1961, 1961-11 or 1961-11-10 (optionally followed by ? or ~)"


@dataclass(frozen=True, order=True)
class Date:
    """A calendar date known to a year, month or day."""

    year: int
    month: int | None = None
    day: int | None = None
    qualifier: str = ""

    @property
    def earliest(self) -> tuple[int, int, int]:
        return (self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> tuple[int, int, int]:
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return (self.year, month, day)

    @property
    def iso(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text + self.qualifier

    @property
    def note(self) -> str:
        """A word for people: "uncertain", "approximate", or ""."""
        return _QUALIFIERS.get(self.qualifier, "")


def parse_date(value: object) -> Date:
    """Read a date or raise ``ValueError`` with a sentence saying what is wrong."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValueError(f"must be {FORMAT_HINT}")
    return _parse_text(str(value).strip())


@lru_cache(maxsize=8192)
def _parse_text(text: str) -> Date:
    """Dates repeat a lot in a large layer: each distinct text is parsed once."""
    match = _PATTERN.match(text)
    if not match:
        raise ValueError(f"must be {FORMAT_HINT}")
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise ValueError(f"must have a year from {YEAR_MIN} to {YEAR_MAX}")
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"must be {FORMAT_HINT}; the month must be 01 to 12")
    if month is not None and day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise ValueError(f"must be {FORMAT_HINT}; that day does not exist")
    return Date(year, month, day, match.group(4) or "")


def is_active(start: int, end: int | None, year: int) -> bool:
    """Half-open years: active when start <= year < end (end None = still there)."""
    return start <= year and (end is None or year < end)


def status_at(start: int, end: int | None, year: int) -> str | None:
    """``"active"``, ``"former"``, or None (not yet there) in ``year``."""
    if year < start:
        return None
    return "active" if is_active(start, end, year) else "former"
