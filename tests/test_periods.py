"""Periods: half-open day ranges, calendar periods, and which period a moment is in."""

import itertools
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ohs_domain import (
    DateRange,
    InvalidValueError,
    Month,
    OhsDomainError,
    Period,
    Quarter,
    Year,
    as_range,
    kz,
    local_date,
)
from ohs_domain.testing import (
    aware_datetimes,
    date_ranges,
    dates,
    months,
    quarters,
    time_zones,
    years,
)

ALMATY = ZoneInfo("Asia/Almaty")
NOVOSIBIRSK = ZoneInfo("Asia/Novosibirsk")
UTC_PLUS_5 = timezone(timedelta(hours=5))
UTC_PLUS_6 = timezone(timedelta(hours=6))
UTC_PLUS_7 = timezone(timedelta(hours=7))

# --- DateRange -----------------------------------------------------------------------------------


def test_a_range_holds_its_start_but_not_its_end() -> None:
    march = DateRange(date(2024, 3, 1), date(2024, 4, 1))
    assert march.days == 31
    assert date(2024, 3, 1) in march
    assert date(2024, 3, 31) in march
    assert date(2024, 4, 1) not in march
    assert date(2024, 2, 29) not in march
    assert not march.is_empty
    assert str(march) == "[2024-03-01, 2024-04-01)"


def test_an_empty_range_holds_no_day() -> None:
    empty = DateRange(date(2024, 3, 1), date(2024, 3, 1))
    assert empty.is_empty
    assert empty.days == 0
    assert date(2024, 3, 1) not in empty
    assert list(empty) == []


@pytest.mark.parametrize(
    "thing",
    [
        pytest.param(datetime(2024, 3, 5, tzinfo=UTC), id="a-moment-is-not-a-day"),
        pytest.param("2024-03-05", id="text-is-not-a-day"),
        pytest.param(None, id="nothing-is-not-a-day"),
    ],
)
def test_only_days_are_in_a_range(thing: object) -> None:
    assert thing not in DateRange(date(2024, 3, 1), date(2024, 4, 1))
    assert thing not in Month(2024, 3)


@pytest.mark.parametrize(
    ("start", "end", "field"),
    [
        pytest.param(date(2024, 3, 2), date(2024, 3, 1), "end", id="end-before-start"),
        pytest.param(
            datetime(2024, 3, 1, tzinfo=UTC), date(2024, 4, 1), "start", id="moment-start"
        ),
        pytest.param(date(2024, 3, 1), datetime(2024, 4, 1, tzinfo=UTC), "end", id="moment-end"),
        pytest.param("2024-03-01", date(2024, 4, 1), "start", id="text-start"),
        pytest.param(date(2024, 3, 1), None, "end", id="no-end"),
    ],
)
def test_invalid_ranges_are_rejected(start: object, end: object, field: str) -> None:
    with pytest.raises(InvalidValueError) as info:
        DateRange(start, end)  # type: ignore[arg-type]  # the point: untyped callers
    assert info.value.field == field
    assert info.value.value is (start if field == "start" else end)


def test_end_before_start_names_the_start() -> None:
    with pytest.raises(InvalidValueError, match=r"on or after start \(2024-03-02\)"):
        DateRange(date(2024, 3, 2), date(2024, 3, 1))


def test_inclusive_takes_the_last_day() -> None:
    assert DateRange.inclusive(date(2023, 10, 1), date(2023, 12, 31)) == Quarter(2023, 4).range
    assert DateRange.inclusive(date(2024, 3, 1), date(2024, 2, 29)).is_empty


@pytest.mark.parametrize(
    ("first", "last", "field"),
    [
        pytest.param(date(2024, 3, 1), datetime(2024, 3, 31, tzinfo=UTC), "last", id="moment-last"),
        pytest.param(date(2024, 3, 1), "2024-03-31", "last", id="text-last"),
        pytest.param(
            datetime(2024, 3, 1, tzinfo=UTC), date(2024, 3, 31), "first", id="moment-first"
        ),
        pytest.param(date(2024, 3, 3), date(2024, 3, 1), "end", id="last-before-first-minus-one"),
    ],
)
def test_inclusive_rejects_moments_and_reversed_days(
    first: object, last: object, field: str
) -> None:
    with pytest.raises(InvalidValueError) as info:
        DateRange.inclusive(first, last)  # type: ignore[arg-type]  # untyped callers
    assert info.value.field == field


@given(date_ranges(min_value=date(2023, 1, 1), max_value=date(2025, 12, 31)))
def test_iterating_a_range_gives_each_day_once_in_order(days: DateRange) -> None:
    listed = list(days)
    assert len(listed) == days.days
    assert all(day in days for day in listed)
    assert all(
        later - earlier == timedelta(days=1) for earlier, later in itertools.pairwise(listed)
    )
    if listed:
        assert (listed[0], listed[-1]) == (days.start, days.end - timedelta(days=1))


@given(date_ranges(), date_ranges(), dates())
def test_intersection_holds_exactly_the_days_in_both(a: DateRange, b: DateRange, day: date) -> None:
    both = a.intersection(b)
    assert (day in both) == (day in a and day in b)
    assert both == b.intersection(a)
    assert a.overlaps(b) == (not both.is_empty) == b.overlaps(a)
    assert both.days <= min(a.days, b.days)


@given(date_ranges(allow_empty=False))
def test_a_non_empty_range_overlaps_itself_and_not_its_neighbours(days: DateRange) -> None:
    before = DateRange(days.start - timedelta(days=3), days.start)
    after = DateRange(days.end, days.end + timedelta(days=3))
    assert days.overlaps(days)
    assert days.intersection(days) == days
    assert not days.overlaps(before)
    assert not days.overlaps(after)
    assert days.intersection(after).is_empty


def test_ranges_that_share_one_day_overlap() -> None:
    q4 = Quarter(2023, 4).range
    assert q4.overlaps(DateRange(date(2023, 12, 31), date(2024, 2, 1)))
    assert q4.intersection(DateRange(date(2023, 12, 31), date(2024, 2, 1))).days == 1
    assert not q4.overlaps(DateRange(date(2024, 1, 1), date(2024, 2, 1)))


# --- Parsing -------------------------------------------------------------------------------------

PARSE: list[Any] = [
    pytest.param(Quarter.parse, "2023-Q4", Quarter(2023, 4), id="quarter"),
    pytest.param(Quarter.parse, "0001-Q1", Quarter(1, 1), id="first-quarter-of-the-era"),
    pytest.param(Month.parse, "2023-11", Month(2023, 11), id="month"),
    pytest.param(Month.parse, "2024-02", Month(2024, 2), id="leap-february"),
    pytest.param(Year.parse, "2023", Year(2023), id="year"),
    pytest.param(Year.parse, "0999", Year(999), id="year-with-leading-zero"),
]


@pytest.mark.parametrize(("parse", "text", "period"), PARSE)
def test_parse(parse: Callable[[str], object], text: str, period: object) -> None:
    assert parse(text) == period
    assert str(period) == text


@pytest.mark.parametrize(
    ("parse", "text", "field"),
    [
        pytest.param(Quarter.parse, "2023-Q5", "quarter", id="fifth-quarter"),
        pytest.param(Quarter.parse, "2023-Q0", "quarter", id="quarter-zero"),
        pytest.param(Quarter.parse, "2023Q4", "quarter", id="quarter-without-dash"),
        pytest.param(Quarter.parse, "2023-q4", "quarter", id="quarter-lower-case-q"),
        pytest.param(Quarter.parse, " 2023-Q4", "quarter", id="quarter-leading-space"),
        pytest.param(Quarter.parse, "2023-Q4 ", "quarter", id="quarter-trailing-space"),
        pytest.param(Quarter.parse, "23-Q4", "quarter", id="quarter-two-digit-year"),
        pytest.param(Quarter.parse, 2023, "text", id="quarter-as-int"),
        pytest.param(Quarter.parse, None, "text", id="quarter-as-none"),
        pytest.param(Month.parse, "2023-13", "month", id="thirteenth-month"),
        pytest.param(Month.parse, "2023-00", "month", id="month-zero"),
        pytest.param(Month.parse, "2023-1", "month", id="month-single-digit"),
        pytest.param(Month.parse, "2023/11", "month", id="month-with-slash"),
        pytest.param(Month.parse, "2023-11-01", "month", id="month-as-day"),
        pytest.param(Month.parse, 202311, "text", id="month-as-int"),
        pytest.param(Year.parse, "23", "year", id="two-digit-year"),
        pytest.param(Year.parse, "2023 ", "year", id="year-trailing-space"),
        pytest.param(Year.parse, "+2023", "year", id="year-with-sign"),
        pytest.param(Year.parse, 2023, "text", id="year-as-int"),
    ],
)
def test_parse_rejects_malformed_text(
    parse: Callable[[object], object], text: object, field: str
) -> None:
    with pytest.raises(InvalidValueError) as info:
        parse(text)
    assert info.value.field == field
    assert info.value.value == text
    assert repr(text) in str(info.value)
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, OhsDomainError)


@pytest.mark.parametrize(
    ("parse", "text", "field"),
    [
        pytest.param(Quarter.parse, "0000-Q1", "year", id="quarter-of-year-zero"),
        pytest.param(Month.parse, "0000-01", "year", id="month-of-year-zero"),
        pytest.param(Year.parse, "0000", "value", id="year-zero"),
    ],
)
def test_well_formed_text_out_of_range_is_rejected(
    parse: Callable[[str], object], text: str, field: str
) -> None:
    with pytest.raises(InvalidValueError) as info:
        parse(text)
    assert info.value.field == field
    assert info.value.value == 0


def test_a_bad_quarter_message_shows_the_value_and_the_form() -> None:
    with pytest.raises(InvalidValueError) as info:
        Quarter.parse("2023-Q5")
    assert str(info.value) == (
        "quarter: got '2023-Q5' (str); expected 'YYYY-QN' with N from 1 to 4, e.g. '2023-Q4'"
    )


@given(quarters())
def test_quarter_parse_inverts_str(quarter: Quarter) -> None:
    assert Quarter.parse(str(quarter)) == quarter


@given(months())
def test_month_parse_inverts_str(month: Month) -> None:
    assert Month.parse(str(month)) == month


@given(years())
def test_year_parse_inverts_str(year: Year) -> None:
    assert Year.parse(str(year)) == year


# --- Construction --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "arguments", "field"),
    [
        pytest.param(Quarter, (2023, 5), "number", id="quarter-5"),
        pytest.param(Quarter, (2023, 0), "number", id="quarter-0"),
        pytest.param(Quarter, (0, 1), "year", id="quarter-in-year-0"),
        pytest.param(Quarter, (9999, 1), "year", id="quarter-in-year-9999"),
        pytest.param(Quarter, (2023, True), "number", id="quarter-bool"),
        pytest.param(Quarter, ("2023", 1), "year", id="quarter-text-year"),
        pytest.param(Month, (2023, 13), "number", id="month-13"),
        pytest.param(Month, (2023, 0), "number", id="month-0"),
        pytest.param(Month, (2023.0, 1), "year", id="month-float-year"),
        pytest.param(Year, (0,), "value", id="year-0"),
        pytest.param(Year, (9999,), "value", id="year-9999"),
        pytest.param(Year, (True,), "value", id="year-bool"),
    ],
)
def test_out_of_range_periods_are_rejected(
    kind: Any, arguments: tuple[object, ...], field: str
) -> None:
    with pytest.raises(InvalidValueError) as info:
        kind(*arguments)
    assert info.value.field == field
    assert "an int from" in info.value.expected


def test_the_last_year_ends_on_the_last_day_python_holds() -> None:
    assert Year(9998).last_day == date(9998, 12, 31)
    assert Quarter(9998, 4).range.end == date(9999, 1, 1)
    assert Month(9998, 12).range.end == date(9999, 1, 1)


@pytest.mark.parametrize(
    ("period", "first", "last", "days"),
    [
        pytest.param(Year(2023), date(2023, 1, 1), date(2023, 12, 31), 365, id="year-2023"),
        pytest.param(Year(2024), date(2024, 1, 1), date(2024, 12, 31), 366, id="leap-year-2024"),
        pytest.param(Quarter(2024, 1), date(2024, 1, 1), date(2024, 3, 31), 91, id="leap-q1"),
        pytest.param(Quarter(2023, 1), date(2023, 1, 1), date(2023, 3, 31), 90, id="q1-2023"),
        pytest.param(Quarter(2023, 2), date(2023, 4, 1), date(2023, 6, 30), 91, id="q2-2023"),
        pytest.param(Quarter(2023, 3), date(2023, 7, 1), date(2023, 9, 30), 92, id="q3-2023"),
        pytest.param(Quarter(2023, 4), date(2023, 10, 1), date(2023, 12, 31), 92, id="q4-2023"),
        pytest.param(Month(2024, 2), date(2024, 2, 1), date(2024, 2, 29), 29, id="leap-feb"),
        pytest.param(Month(2023, 2), date(2023, 2, 1), date(2023, 2, 28), 28, id="feb-2023"),
        pytest.param(Month(2023, 12), date(2023, 12, 1), date(2023, 12, 31), 31, id="december"),
    ],
)
def test_period_bounds(period: Year | Quarter | Month, first: date, last: date, days: int) -> None:
    assert (period.first_day, period.last_day, period.days) == (first, last, days)
    assert first in period
    assert last in period
    assert first - timedelta(days=1) not in period
    assert last + timedelta(days=1) not in period


@given(years())
def test_quarters_tile_the_year(year: Year) -> None:
    quarters_of_year = year.quarters()
    assert [q.number for q in quarters_of_year] == [1, 2, 3, 4]
    assert quarters_of_year[0].first_day == year.first_day
    assert quarters_of_year[-1].last_day == year.last_day
    for earlier, later in itertools.pairwise(quarters_of_year):
        assert earlier.range.end == later.range.start  # no gap, no overlap
    assert sum(q.days for q in quarters_of_year) == year.days


@given(quarters())
def test_months_tile_the_quarter(quarter: Quarter) -> None:
    months_of_quarter = quarter.months()
    assert months_of_quarter[0].first_day == quarter.first_day
    assert months_of_quarter[-1].last_day == quarter.last_day
    for earlier, later in itertools.pairwise(months_of_quarter):
        assert earlier.range.end == later.range.start
    assert sum(m.days for m in months_of_quarter) == quarter.days
    assert all(Quarter.containing(m.first_day) == quarter for m in months_of_quarter)


@given(years())
def test_the_months_of_a_year_are_the_months_of_its_quarters(year: Year) -> None:
    assert year.months() == tuple(m for q in year.quarters() for m in q.months())
    assert len(year.months()) == 12


@given(st.one_of(years(min_value=2), quarters(min_year=2), months(min_year=2)))
def test_next_and_previous_are_inverse_and_adjacent(period: Any) -> None:
    assert period.next().previous() == period
    assert period.previous().next() == period
    assert period.next().first_day == period.last_day + timedelta(days=1)
    assert period.previous().last_day == period.first_day - timedelta(days=1)
    assert period.previous() < period < period.next()


@given(dates())
def test_containing_contains_the_day(day: date) -> None:
    year, quarter, month = Year.containing(day), Quarter.containing(day), Month.containing(day)
    assert day in year
    assert day in quarter
    assert day in month
    assert quarter in year.quarters()
    assert month in quarter.months()


@pytest.mark.parametrize("period", [Year, Quarter, Month])
@pytest.mark.parametrize(
    "moment",
    [
        pytest.param(datetime(2023, 12, 31, 23, 30, tzinfo=ALMATY), id="aware-moment"),
        pytest.param(datetime(2023, 12, 31, 23, 30), id="naive-moment"),  # noqa: DTZ001
        pytest.param("2023-12-31", id="text"),
    ],
)
def test_containing_takes_a_day_not_a_moment(period: Any, moment: object) -> None:
    with pytest.raises(InvalidValueError) as info:
        period.containing(moment)
    assert info.value.field == "day"
    assert "containing_moment" in info.value.expected


# --- Time zones ----------------------------------------------------------------------------------


def test_new_years_eve_in_almaty_is_still_2023() -> None:
    moment = datetime(2023, 12, 31, 23, 30, tzinfo=ALMATY)
    assert moment.utcoffset() == timedelta(hours=6)
    assert Quarter.containing_moment(moment, ALMATY) == Quarter(2023, 4)
    assert Year.containing_moment(moment, ALMATY) == Year(2023)
    assert Month.containing_moment(moment, ALMATY) == Month(2023, 12)


@pytest.mark.parametrize(
    "zone", [pytest.param(NOVOSIBIRSK, id="novosibirsk"), pytest.param(UTC_PLUS_7, id="utc+7")]
)
def test_the_same_instant_is_2024_an_hour_east(zone: Any) -> None:
    moment = datetime(2023, 12, 31, 23, 30, tzinfo=ALMATY)
    assert local_date(moment, zone) == date(2024, 1, 1)
    assert Quarter.containing_moment(moment, zone) == Quarter(2024, 1)
    assert Year.containing_moment(moment, zone) == Year(2024)


def test_a_utc_timestamp_is_placed_in_the_company_zone() -> None:
    moment = datetime(2023, 12, 31, 17, 30, tzinfo=UTC)
    assert moment == datetime(2023, 12, 31, 23, 30, tzinfo=ALMATY)
    assert Quarter.containing_moment(moment, ALMATY) == Quarter(2023, 4)
    assert Quarter.containing_moment(moment, UTC) == Quarter(2023, 4)
    assert Quarter.containing_moment(moment, NOVOSIBIRSK) == Quarter(2024, 1)


# Almaty moved from UTC+6 to UTC+5 at 2024-03-01 00:00 local (2024-02-29T18:00Z): the clocks
# went back to 23:00, so the last hour of 29 February happened twice and March began at 19:00Z.
# With a hard-coded +06:00 the repeated hour would fall in March; with +05:00 all year, the
# first half hour of 2024 (18:00Z-19:00Z on 31 December) would fall in 2023.
ALMATY_CHANGE: list[Any] = [
    pytest.param("2024-02-29T17:59Z", "2024-02-29T23:59:00+06:00", Month(2024, 2), id="last-+6"),
    pytest.param("2024-02-29T18:00Z", "2024-02-29T23:00:00+05:00", Month(2024, 2), id="hour-again"),
    pytest.param("2024-02-29T18:30Z", "2024-02-29T23:30:00+05:00", Month(2024, 2), id="still-feb"),
    pytest.param("2024-02-29T18:59Z", "2024-02-29T23:59:00+05:00", Month(2024, 2), id="feb-ends"),
    pytest.param("2024-02-29T19:00Z", "2024-03-01T00:00:00+05:00", Month(2024, 3), id="march"),
    pytest.param("2023-12-31T18:30Z", "2024-01-01T00:30:00+06:00", Month(2024, 1), id="new-year"),
    pytest.param("2023-12-31T17:59Z", "2023-12-31T23:59:00+06:00", Month(2023, 12), id="old-year"),
]


@pytest.mark.parametrize(("utc", "local", "month"), ALMATY_CHANGE)
def test_almaty_offsets_come_from_the_zone_database(utc: str, local: str, month: Month) -> None:
    moment = datetime.fromisoformat(utc)
    assert moment.astimezone(kz.ALMATY).isoformat() == local
    assert Month.containing_moment(moment, kz.ALMATY) == month
    assert local_date(moment, kz.ALMATY) == date.fromisoformat(local[:10])


@pytest.mark.parametrize(
    ("utc", "hard_coded", "month"),
    [
        pytest.param("2024-02-29T18:30Z", UTC_PLUS_6, Month(2024, 3), id="old-offset-says-march"),
        pytest.param("2023-12-31T18:30Z", UTC_PLUS_5, Month(2023, 12), id="new-offset-says-2023"),
    ],
)
def test_a_hard_coded_offset_would_get_the_month_wrong(
    utc: str, hard_coded: timezone, month: Month
) -> None:
    moment = datetime.fromisoformat(utc)
    assert Month.containing_moment(moment, hard_coded) == month
    assert Month.containing_moment(moment, kz.ALMATY) != month


def test_almaty_offset_before_and_after_the_change() -> None:
    assert datetime(2024, 2, 28, 12, tzinfo=ALMATY).utcoffset() == timedelta(hours=6)
    assert datetime(2024, 3, 1, 12, tzinfo=ALMATY).utcoffset() == timedelta(hours=5)
    # 23:30 on 29 February happened twice: fold picks the first (+06) or second (+05) time.
    first = datetime(2024, 2, 29, 23, 30, tzinfo=ALMATY)
    second = first.replace(fold=1)
    assert (first.utcoffset(), second.utcoffset()) == (timedelta(hours=6), timedelta(hours=5))
    assert Month.containing_moment(first, ALMATY) == Month.containing_moment(second, ALMATY)
    assert Month.containing_moment(second, UTC) == Month(2024, 2)


@pytest.mark.parametrize(
    "moment",
    [
        pytest.param(datetime(2023, 12, 31, 23, 30), id="naive-datetime"),  # noqa: DTZ001
        pytest.param(date(2023, 12, 31), id="a-day"),
        pytest.param("2023-12-31T23:30:00+06:00", id="text"),
    ],
)
@pytest.mark.parametrize(
    "place",
    [
        pytest.param(local_date, id="local_date"),
        pytest.param(Year.containing_moment, id="Year"),
        pytest.param(Quarter.containing_moment, id="Quarter"),
        pytest.param(Month.containing_moment, id="Month"),
    ],
)
def test_a_moment_without_a_zone_is_rejected(place: Any, moment: object) -> None:
    with pytest.raises(InvalidValueError) as info:
        place(moment, ALMATY)
    assert info.value.field == "moment"
    assert "time-zone-aware" in str(info.value)


@given(aware_datetimes(zones=time_zones()), st.sampled_from([ALMATY, UTC, NOVOSIBIRSK, UTC_PLUS_7]))
def test_the_period_of_a_moment_is_the_period_of_its_local_day(moment: datetime, zone: Any) -> None:
    day = moment.astimezone(zone).date()
    assert local_date(moment, zone) == day
    assert Quarter.containing_moment(moment, zone) == Quarter.containing(day)
    assert Month.containing_moment(moment, zone) == Month.containing(day)
    assert Year.containing_moment(moment, zone) == Year.containing(day)


@given(aware_datetimes(zones=[ALMATY, UTC_PLUS_5, UTC_PLUS_7]))
def test_the_local_day_does_not_depend_on_the_zone_the_moment_was_written_in(
    moment: datetime,
) -> None:
    assert local_date(moment, ALMATY) == local_date(moment.astimezone(UTC), ALMATY)


# --- Any period ----------------------------------------------------------------------------------


@given(st.one_of(years(), quarters(), months(), date_ranges()))
def test_as_range_gives_the_days_of_any_period(period: Period) -> None:
    days = as_range(period)
    assert isinstance(days, DateRange)
    if isinstance(period, DateRange):
        assert days is period
    else:
        assert days == DateRange(period.first_day, period.last_day + timedelta(days=1))


@pytest.mark.parametrize(
    "thing",
    [
        pytest.param(date(2023, 1, 1), id="a-day"),
        pytest.param("2023-Q4", id="text"),
        pytest.param(2023, id="an-int"),
    ],
)
def test_as_range_rejects_what_is_not_a_period(thing: object) -> None:
    with pytest.raises(InvalidValueError) as info:
        as_range(thing)  # type: ignore[arg-type]  # the point: untyped callers
    assert info.value.field == "period"


def test_periods_order_chronologically() -> None:
    assert Quarter(2023, 4) < Quarter(2024, 1)
    assert Month(2023, 12) < Month(2024, 1)
    assert Year(2023) < Year(2024)
    assert sorted([Quarter(2024, 1), Quarter(2023, 2), Quarter(2023, 4)]) == [
        Quarter(2023, 2),
        Quarter(2023, 4),
        Quarter(2024, 1),
    ]


# --- The strategies these tests draw from --------------------------------------------------------


@given(date_ranges(min_value=date(2023, 1, 1), max_value=date(2023, 1, 3), allow_empty=False))
def test_date_ranges_can_exclude_empty_ranges(days: DateRange) -> None:
    assert not days.is_empty
    assert date(2023, 1, 1) <= days.start < days.end <= date(2023, 1, 3)


@given(aware_datetimes(min_value=date(2024, 2, 29), max_value=date(2024, 2, 29)))
def test_aware_datetimes_are_aware_and_within_their_local_days(moment: datetime) -> None:
    assert moment.utcoffset() is not None
    assert moment.date() == date(2024, 2, 29)


# --- Bad text: each refusal names an example of good text ----------------------------------------


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
