"""Effective-dated parameters: values by start date, each with its source."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ohs_domain import (
    DateRange,
    Entry,
    InvalidValueError,
    Money,
    NoValueInForceError,
    OhsDomainError,
    Schedule,
    Source,
    kz,
)
from ohs_domain.testing import date_ranges, dates, money, schedules, sources
from tests.builders import TEXT

POLICY = Source(title="Company standard")
LAW = Source(
    title="Law on the republican budget for 2023-2025",
    number="163-VII",
    adopted_on=date(2022, 12, 1),
)


def entry(since: date, value: int) -> Entry[int]:
    return Entry(since=since, value=value, source=POLICY)


AMOUNT = Schedule(
    name="quarterly amount",
    entries=(
        entry(date(2023, 1, 1), 15_000),
        entry(date(2024, 7, 1), 18_000),
        entry(date(2025, 1, 1), 20_000),
    ),
)

# --- Source --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "text"),
    [
        pytest.param(POLICY, "Company standard", id="title-only"),
        pytest.param(
            LAW,
            "Law on the republican budget for 2023-2025 No. 163-VII of 01.12.2022",
            id="law-with-number-and-date",
        ),
        pytest.param(
            Source(title="Council decision", adopted_on=date(2023, 2, 3)),
            "Council decision of 03.02.2023",
            id="decision-without-number",
        ),
        pytest.param(
            Source(title="Budget law", number="77-VII"),
            "Budget law No. 77-VII",
            id="number-without-date",
        ),
        pytest.param(
            Source(title="Budget law", adopted_on=date(2023, 12, 5), note="number not verified"),
            "Budget law of 05.12.2023 (number not verified)",
            id="note-shown-last",
        ),
    ],
)
def test_a_source_reads_as_a_citation(source: Source, text: str) -> None:
    assert str(source) == text


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        pytest.param({"title": ""}, "title", id="empty-title"),
        pytest.param({"title": "   "}, "title", id="blank-title"),
        pytest.param({"title": None}, "title", id="no-title"),
        pytest.param({"title": "Law", "number": ""}, "number", id="empty-number"),
        pytest.param({"title": "Law", "number": 113}, "number", id="number-as-int"),
        pytest.param({"title": "Law", "note": " "}, "note", id="blank-note"),
        pytest.param(
            {"title": "Law", "adopted_on": datetime(2017, 11, 30, tzinfo=UTC)},
            "adopted_on",
            id="adopted-at-a-moment",
        ),
        pytest.param({"title": "Law", "adopted_on": "2017-11-30"}, "adopted_on", id="date-as-text"),
    ],
)
def test_invalid_sources_are_rejected(fields: dict[str, Any], field: str) -> None:
    with pytest.raises(InvalidValueError) as info:
        Source(**fields)
    assert info.value.field == field
    assert info.value.value == fields[field]


@pytest.mark.parametrize(
    "title",
    ["", "   ", "Order\u202eNo. 1", "Order\x00"],
    ids=["empty", "blank", "reordered-by-a-bidi-override", "control-character"],
)
def test_a_source_needs_a_title_that_reads_as_it_is(title: str) -> None:
    with pytest.raises(InvalidValueError) as info:
        Source(title=title)
    error = info.value
    assert (error.field, error.value, error.expected) == ("title", title, TEXT)


def test_an_optional_text_of_a_source_may_be_absent_but_not_blank() -> None:
    assert Source(title="Order", number=None).number is None
    with pytest.raises(InvalidValueError) as info:
        Source(title="Order", number=" ", adopted_on=date(2023, 1, 1))
    error = info.value
    assert (error.field, error.value, error.expected) == ("number", " ", TEXT)


# --- Entry ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("since", "source", "field"),
    [
        pytest.param(datetime(2023, 1, 1, tzinfo=UTC), POLICY, "since", id="since-a-moment"),
        pytest.param("2023-01-01", POLICY, "since", id="since-as-text"),
        pytest.param(date(2023, 1, 1), "Company standard", "source", id="source-as-text"),
        pytest.param(date(2023, 1, 1), None, "source", id="no-source"),
    ],
)
def test_invalid_entries_are_rejected(since: object, source: object, field: str) -> None:
    with pytest.raises(InvalidValueError) as info:
        Entry(since=since, value=1, source=source)  # type: ignore[arg-type]  # untyped callers
    assert info.value.field == field


# --- Schedule validation -------------------------------------------------------------------------


def test_an_empty_schedule_is_rejected() -> None:
    with pytest.raises(InvalidValueError) as info:
        Schedule[int](name="quarterly amount", entries=())
    assert info.value.field == "entries"
    assert "a parameter needs a value" in str(info.value)


def test_entries_must_be_a_tuple() -> None:
    with pytest.raises(InvalidValueError) as info:
        Schedule(name="quarterly amount", entries=[entry(date(2023, 1, 1), 1)])  # type: ignore[arg-type]  # untyped callers
    assert info.value.field == "entries"


def test_every_entry_must_be_an_entry() -> None:
    with pytest.raises(InvalidValueError) as info:
        Schedule(
            name="quarterly amount",
            entries=(entry(date(2023, 1, 1), 1), (date(2024, 1, 1), 2)),  # type: ignore[arg-type]  # untyped callers
        )
    assert info.value.field == "entries[1]"
    assert info.value.expected == "an Entry"


@pytest.mark.parametrize(
    ("starts", "field", "fragment"),
    [
        pytest.param(
            [date(2023, 1, 1), date(2023, 1, 1)],
            "entries[1].since",
            "a date after 2023-01-01 (entries[0].since)",
            id="two-values-from-the-same-day",
        ),
        pytest.param(
            [date(2023, 1, 1), date(2024, 1, 1), date(2023, 6, 1)],
            "entries[2].since",
            "a date after 2024-01-01 (entries[1].since)",
            id="third-value-out-of-order",
        ),
        pytest.param(
            [date(2023, 1, 1), date(2024, 1, 1), date(2025, 1, 1), date(2025, 1, 1)],
            "entries[3].since",
            "a date after 2025-01-01 (entries[2].since)",
            id="last-two-on-the-same-day",
        ),
    ],
)
def test_start_dates_must_strictly_increase(starts: list[date], field: str, fragment: str) -> None:
    with pytest.raises(InvalidValueError) as info:
        Schedule(name="quarterly amount", entries=tuple(entry(day, 1) for day in starts))
    assert info.value.field == field
    assert info.value.value == starts[-1]
    assert fragment in str(info.value)
    assert "strictly increase" in str(info.value)


@pytest.mark.parametrize("name", [pytest.param("", id="empty"), pytest.param("  ", id="blank")])
def test_a_schedule_needs_a_name(name: str) -> None:
    with pytest.raises(InvalidValueError) as info:
        Schedule(name=name, entries=(entry(date(2023, 1, 1), 1),))
    assert info.value.field == "name"


# --- Looking values up ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "value"),
    [
        pytest.param(date(2023, 1, 1), 15_000, id="first-day-of-the-first-value"),
        pytest.param(date(2024, 6, 30), 15_000, id="day-before-the-change"),
        pytest.param(date(2024, 7, 1), 18_000, id="day-of-the-change"),
        pytest.param(date(2024, 12, 31), 18_000, id="last-day-of-the-second-value"),
        pytest.param(date(2025, 1, 1), 20_000, id="last-value-starts"),
        pytest.param(date(2100, 1, 1), 20_000, id="last-value-has-no-end"),
    ],
)
def test_the_value_in_force(day: date, value: int) -> None:
    assert AMOUNT.at(day) == value
    assert AMOUNT.entry_at(day).value == value
    assert AMOUNT.entry_at(day).since <= day


def test_minimum_wage_in_force() -> None:
    assert kz.MINIMUM_WAGE.at(date(2023, 6, 1)) == Money(Decimal(70_000))
    assert kz.MINIMUM_WAGE.at(date(2024, 1, 1)) == Money(Decimal(85_000))
    assert kz.MINIMUM_WAGE.at(date(2026, 12, 31)) == Money(Decimal(85_000))


def test_no_value_before_the_first_entry() -> None:
    with pytest.raises(NoValueInForceError) as info:
        kz.MINIMUM_WAGE.at(date(2017, 12, 31))
    error = info.value
    assert isinstance(error, LookupError)
    assert isinstance(error, OhsDomainError)
    assert (error.parameter, error.on, error.earliest) == (
        "kz.MINIMUM_WAGE",
        date(2017, 12, 31),
        date(2018, 1, 1),
    )
    message = str(error)
    assert "kz.MINIMUM_WAGE" in message
    assert "2017-12-31" in message
    assert "2018-01-01" in message


def test_entry_at_before_the_first_entry_fails_too() -> None:
    with pytest.raises(NoValueInForceError, match="quarterly amount has no value on 2022-12-31"):
        AMOUNT.entry_at(date(2022, 12, 31))


@pytest.mark.parametrize(
    "day",
    [
        pytest.param(datetime(2024, 1, 1, tzinfo=UTC), id="a-moment"),
        pytest.param("2024-01-01", id="text"),
    ],
)
def test_values_are_looked_up_by_day(day: object) -> None:
    with pytest.raises(InvalidValueError) as info:
        AMOUNT.at(day)  # type: ignore[arg-type]  # the point: untyped callers
    assert info.value.field == "day"


def test_earliest_is_the_first_start() -> None:
    assert AMOUNT.earliest == date(2023, 1, 1)
    assert kz.MINIMUM_WAGE.earliest == date(2018, 1, 1)


@pytest.mark.parametrize(
    ("days", "values"),
    [
        pytest.param(DateRange(date(2023, 3, 1), date(2023, 4, 1)), [15_000], id="one-value"),
        pytest.param(
            DateRange(date(2024, 6, 1), date(2024, 8, 1)), [15_000, 18_000], id="across-a-change"
        ),
        pytest.param(
            DateRange(date(2024, 6, 1), date(2024, 7, 1)),
            [15_000],
            id="ends-the-day-a-value-starts",
        ),
        pytest.param(
            DateRange(date(2024, 7, 1), date(2024, 7, 2)), [18_000], id="starts-on-a-change"
        ),
        pytest.param(
            DateRange(date(2023, 1, 1), date(2030, 1, 1)),
            [15_000, 18_000, 20_000],
            id="every-value",
        ),
        pytest.param(DateRange(date(2024, 7, 1), date(2024, 7, 1)), [], id="no-day"),
        pytest.param(DateRange(date(2000, 1, 1), date(2000, 1, 1)), [], id="no-day-long-ago"),
    ],
)
def test_entries_during(days: DateRange, values: list[int]) -> None:
    assert [e.value for e in AMOUNT.entries_during(days)] == values


def test_entries_during_a_range_starting_before_the_first_value_fails() -> None:
    with pytest.raises(NoValueInForceError):
        AMOUNT.entries_during(DateRange(date(2022, 12, 1), date(2023, 2, 1)))


# --- Properties ----------------------------------------------------------------------------------


def _next_start(schedule: Schedule[Any], index: int) -> date:
    """The start of the entry after ``index``; far in the future for the last."""
    after = schedule.entries[index + 1 :]
    return after[0].since if after else date.max


@given(schedules(st.integers()), st.data())
def test_the_value_is_constant_from_one_start_to_the_next(
    schedule: Schedule[int], data: st.DataObject
) -> None:
    index = data.draw(st.integers(min_value=0, max_value=len(schedule.entries) - 1))
    start = schedule.entries[index].since
    last = min(_next_start(schedule, index) - timedelta(days=1), date(2200, 1, 1))
    day = data.draw(dates(min_value=start, max_value=last))
    assert schedule.at(day) == schedule.entries[index].value
    assert schedule.at(day) == schedule.at(start)
    assert schedule.entry_at(day) is schedule.entries[index]


@given(schedules(money(min_value=0)), dates())
def test_entry_at_is_the_last_entry_started(schedule: Schedule[Money], day: date) -> None:
    started = [e for e in schedule.entries if e.since <= day]
    if not started:
        with pytest.raises(NoValueInForceError):
            schedule.entry_at(day)
        return
    found = schedule.entry_at(day)
    assert found == started[-1]
    index = schedule.entries.index(found)
    assert found.since <= day < _next_start(schedule, index)


@given(schedules(st.integers()), date_ranges())
def test_entries_during_are_those_in_force_on_some_day(
    schedule: Schedule[int], days: DateRange
) -> None:
    if not days.is_empty and days.start < schedule.earliest:
        with pytest.raises(NoValueInForceError):
            schedule.entries_during(days)
        return
    in_force = [
        e
        for index, e in enumerate(schedule.entries)
        if DateRange(e.since, _next_start(schedule, index)).overlaps(days)
    ]
    assert list(schedule.entries_during(days)) == in_force


@given(sources())
def test_a_source_always_reads_as_its_title_first(source: Source) -> None:
    assert str(source).startswith(source.title)


# --- Refusals, word for word: the field, the value and the fix -----------------------------------

ORDER = Source(title="Order", number="1", adopted_on=date(2022, 12, 1))


def money_entry(since: date) -> Entry[Money]:
    return Entry(since=since, value=Money(1), source=ORDER)


def error_of(**fields: object) -> InvalidValueError:
    with pytest.raises(InvalidValueError) as info:
        Schedule(name="amount", **fields)  # type: ignore[arg-type]
    return info.value


@pytest.mark.parametrize("entries", [(), [money_entry(date(2023, 1, 1))]], ids=["empty", "a-list"])
def test_entries_must_be_a_non_empty_tuple(entries: object) -> None:
    error = error_of(entries=entries)
    assert (error.field, error.value) == ("entries", entries)
    assert error.expected == "a non-empty tuple of Entry: a parameter needs a value"


def test_an_entry_that_is_not_an_entry_is_named_by_its_index() -> None:
    error = error_of(entries=(money_entry(date(2023, 1, 1)), "70000"))
    assert (error.field, error.value, error.expected) == ("entries[1]", "70000", "an Entry")


def test_start_dates_that_do_not_increase_are_named_with_the_one_before() -> None:
    error = error_of(entries=(money_entry(date(2023, 1, 1)), money_entry(date(2023, 1, 1))))
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
