"""Periods parsed from text: a bad one is named with an example of a good one."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from ohs_domain import DateRange, InvalidValueError, Month, Quarter, Year, kz
from ohs_domain._periods import as_range, local_date


@pytest.mark.parametrize("text", ["23", "20233", "year"], ids=["two-digits", "five", "letters"])
def test_a_year_that_is_not_four_digits_is_refused_with_an_example(text: str) -> None:
    with pytest.raises(InvalidValueError) as info:
        Year.parse(text)
    error = info.value
    assert (error.field, error.value) == ("year", text)
    assert error.expected == "four digits, e.g. '2023'"


@pytest.mark.parametrize("text", ["2023-13", "2023-00", "2023-1"], ids=["13", "00", "one-digit"])
def test_a_month_out_of_range_is_refused_with_an_example(text: str) -> None:
    with pytest.raises(InvalidValueError) as info:
        Month.parse(text)
    error = info.value
    assert (error.field, error.value) == ("month", text)
    assert error.expected == "'YYYY-MM' with MM from 01 to 12, e.g. '2023-11'"


@pytest.mark.parametrize("period", ["2023", 2023, None], ids=["text", "int", "none"])
def test_a_value_that_is_not_a_period_is_named_with_the_kinds_that_are(period: object) -> None:
    with pytest.raises(InvalidValueError) as info:
        as_range(period)  # type: ignore[arg-type]
    error = info.value
    assert (error.field, error.value) == ("period", period)
    assert error.expected == "a Year, a Quarter, a Month or a DateRange"


def test_a_moment_where_a_day_is_needed_points_to_containing_moment() -> None:
    moment = datetime(2023, 1, 1, 9, 30, tzinfo=kz.ALMATY)
    with pytest.raises(InvalidValueError) as info:
        Quarter.containing(moment)
    error = info.value
    assert (error.field, error.value) == ("day", moment)
    assert error.expected == (
        "a datetime.date (a day, not a moment) (for a moment use containing_moment(moment, zone))"
    )


def test_a_naive_moment_is_refused_with_an_aware_example() -> None:
    naive = datetime(2023, 12, 31, 23, 30)  # noqa: DTZ001 - naive on purpose
    with pytest.raises(InvalidValueError) as info:
        local_date(naive, kz.ALMATY)
    error = info.value
    assert (error.field, error.value) == ("moment", naive)
    assert error.expected == (
        "a time-zone-aware datetime, e.g. datetime(2023, 5, 4, 9, 30, tzinfo=kz.ALMATY)"
    )


@pytest.mark.parametrize(
    ("year", "number", "field", "expected"),
    [
        (2023, 0, "number", "an int from 1 to 12"),
        (2023, 13, "number", "an int from 1 to 12"),
        (0, 1, "year", "an int from 1 to 9998"),
        (9999, 1, "year", "an int from 1 to 9998"),
    ],
    ids=["month-0", "month-13", "year-0", "year-9999"],
)
def test_a_month_out_of_range_names_the_range(
    year: int, number: int, field: str, expected: str
) -> None:
    with pytest.raises(InvalidValueError) as info:
        Month(year, number)
    error = info.value
    assert (error.field, error.expected) == (field, expected)
    assert error.value == (year if field == "year" else number)


@pytest.mark.parametrize(("year", "number"), [(1, 1), (9998, 12), (2023, 1), (2023, 12)])
def test_the_first_and_last_months_are_months(year: int, number: int) -> None:
    assert (Month(year, number).year, Month(year, number).number) == (year, number)


def test_a_range_ending_before_it_starts_names_the_start() -> None:
    with pytest.raises(InvalidValueError) as info:
        DateRange(date(2023, 1, 2), date(2023, 1, 1))
    error = info.value
    assert (error.field, error.value) == ("end", date(2023, 1, 1))
    assert error.expected == "a day on or after start (2023-01-02)"
    assert DateRange(date(2023, 1, 2), date(2023, 1, 2)).is_empty


def test_a_range_of_moments_is_refused_as_a_range_of_days() -> None:
    start = datetime(2023, 1, 1, tzinfo=kz.ALMATY)
    with pytest.raises(InvalidValueError) as info:
        DateRange(start, date(2023, 1, 2))
    error = info.value
    assert (error.field, error.value) == ("start", start)
    assert error.expected == "a datetime.date (a day, not a moment)"
