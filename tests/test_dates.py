import pytest

from mapgen.dates import Date, parse_date, status_at


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1961", Date(1961)),
        ("1961-11", Date(1961, 11)),
        ("1961-11-10", Date(1961, 11, 10)),
        (1961, Date(1961)),
        ("1952?", Date(1952, qualifier="?")),
        ("1990~", Date(1990, qualifier="~")),
        ("2024-02-29", Date(2024, 2, 29)),
    ],
)
def test_parse_date_reads_year_month_and_day_precision(text: object, expected: Date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1961-13-01", "the month must be 01 to 12"),
        ("1961-02-30", "that day does not exist"),
        ("2023-02-29", "that day does not exist"),
        ("0999", "year from 1000 to 2100"),
        ("2101", "year from 1000 to 2100"),
        ("61", "a date like 1961"),
        ("10 Nov 1961", "a date like 1961"),
        (1961.5, "a date like 1961"),
        (True, "a date like 1961"),
        ("", "a date like 1961"),
    ],
)
def test_parse_date_says_what_is_wrong(text: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_date(text)


def test_date_bounds_cover_the_whole_period_it_names() -> None:
    assert Date(1961).earliest == (1961, 1, 1)
    assert Date(1961).latest == (1961, 12, 31)
    assert Date(1960, 2).latest == (1960, 2, 29)
    assert Date(1961, 11, 10, "?").iso == "1961-11-10?"
    assert Date(1961, qualifier="~").note == "approximate"


@pytest.mark.parametrize(
    ("year", "status"),
    [(1950, None), (1951, "active"), (1955, "active"), (1956, "former"), (1957, "former")],
)
def test_status_is_half_open_removal_year_counts_as_gone(year: int, status: str | None) -> None:
    assert status_at(1951, 1956, year) == status


def test_status_without_end_stays_active() -> None:
    assert status_at(2015, None, 2025) == "active"
    assert status_at(2015, None, 2014) is None
