"""Schedules and entries refused at construction, each with the exact field, value and fix."""

from __future__ import annotations

from datetime import date

import pytest

from ohs_domain import Entry, InvalidValueError, Money, Schedule, Source

LAW = Source(title="Order", number="1", adopted_on=date(2022, 12, 1))


def entry(since: date) -> Entry[Money]:
    return Entry(since=since, value=Money(1), source=LAW)


def error_of(**fields: object) -> InvalidValueError:
    with pytest.raises(InvalidValueError) as info:
        Schedule(name="amount", **fields)  # type: ignore[arg-type]
    return info.value


@pytest.mark.parametrize("entries", [(), [entry(date(2023, 1, 1))]], ids=["empty", "a-list"])
def test_entries_must_be_a_non_empty_tuple(entries: object) -> None:
    error = error_of(entries=entries)
    assert (error.field, error.value) == ("entries", entries)
    assert error.expected == "a non-empty tuple of Entry: a parameter needs a value"


def test_an_entry_that_is_not_an_entry_is_named_by_its_index() -> None:
    error = error_of(entries=(entry(date(2023, 1, 1)), "70000"))
    assert (error.field, error.value, error.expected) == ("entries[1]", "70000", "an Entry")


def test_start_dates_that_do_not_increase_are_named_with_the_one_before() -> None:
    error = error_of(entries=(entry(date(2023, 1, 1)), entry(date(2023, 1, 1))))
    assert (error.field, error.value) == ("entries[1].since", date(2023, 1, 1))
    assert error.expected == (
        "a date after 2023-01-01 (entries[0].since): start dates must strictly increase"
    )


def test_an_entry_without_a_source_says_what_a_source_is_for() -> None:
    with pytest.raises(InvalidValueError) as info:
        Entry(since=date(2023, 1, 1), value=Money(1), source="budget law")  # type: ignore[arg-type]
    error = info.value
    assert (error.field, error.value) == ("source", "budget law")
    assert error.expected == "a Source naming where the value comes from"
