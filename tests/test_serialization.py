"""The edge: JSON-ready data in and out, and every problem in bad data reported with its path."""

from __future__ import annotations

import contextlib
import enum
import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from fractions import Fraction
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import cattrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ohs_domain import (
    ActionDeadlines,
    ActionId,
    BelowMinimumScore,
    CorrectiveAction,
    DateRange,
    Department,
    DepartmentId,
    Employee,
    EmployeeCategory,
    EmployeeId,
    Entry,
    Exclusion,
    Explanation,
    Fact,
    HoursWorked,
    InspectorQuarterPay,
    InvalidArgumentError,
    InvalidDataError,
    InvalidValueError,
    Money,
    Month,
    NotOnStaff,
    Problem,
    Quarter,
    RankBand,
    RankBands,
    Records,
    ReportId,
    ReportingAccount,
    ReportKind,
    RewardPolicy,
    RiskLevel,
    SafetyReport,
    Schedule,
    ScoreThresholds,
    ScoreTier,
    Source,
    StatusChange,
    Step,
    Violation,
    ViolationId,
    Year,
    demo,
    kz,
    serialization,
    testing,
)
from ohs_domain._checks import at_least
from ohs_domain.testing import (
    action_deadlines,
    aware_datetimes,
    currencies,
    date_ranges,
    dates,
    entries,
    exclusion_reasons,
    explanations,
    facts,
    money,
    months,
    pay_reasons,
    quarters,
    records,
    safety_reports,
    schedules,
    sources,
    steps,
    time_zones,
    years,
)

# --- Test-only shapes for the converter's hooks --------------------------------------------------
from tests.builders import demo_company, demo_department_data, key_points_of_2023


class Colour(enum.StrEnum):
    RED = "red"
    DARK_BLUE = "dark_blue"


@attrs.frozen(kw_only=True)
class Sample:
    """Every kind of value the edge converts, in one object."""

    at: datetime
    zone: ZoneInfo
    took: timedelta
    share: Fraction
    colour: Colour
    tags: frozenset[str]
    flag: bool
    count: int


@attrs.frozen
class Node:
    """A recursive shape: data can nest it without end."""

    children: tuple[Node, ...] = ()


@attrs.frozen
class Checked:
    """An object that validates its items itself and reports them as data problems."""

    items: tuple[int, ...]

    def __attrs_post_init__(self) -> None:
        odd = [Problem(f"$.items[{i}]", "must be even") for i, n in enumerate(self.items) if n % 2]
        if odd:
            raise InvalidDataError("Checked", odd)


@attrs.frozen
class Holder:
    checked: Checked


@attrs.frozen
class Noted:
    """An object whose own check raises an error that already carries a note."""

    code: str

    def __attrs_post_init__(self) -> None:
        if not self.code.isupper():
            error = InvalidValueError("code", self.code, "upper case")
            error.add_note("codes are printed on badges")
            raise error


@attrs.frozen
class NotedHolder:
    noted: Noted


SAMPLE = Sample(
    at=datetime(2023, 12, 31, 23, 30, tzinfo=kz.ALMATY),
    zone=kz.ALMATY,
    took=timedelta(days=3, hours=4, minutes=5, seconds=6),
    share=Fraction(2699, 2),
    colour=Colour.DARK_BLUE,
    tags=frozenset({"welding", "height", "confined-space"}),
    flag=True,
    count=8_436,
)
SAMPLE_DATA = {
    "at": "2023-12-31T23:30:00+06:00",
    "zone": "Asia/Almaty",
    "took": "P3DT4H5M6S",
    "share": "2699/2",
    "colour": "dark_blue",
    "tags": ["confined-space", "height", "welding"],
    "flag": True,
    "count": 8436,
}

# --- Round trips ---------------------------------------------------------------------------------

ROUND_TRIPS: list[Any] = [
    pytest.param(money(currency=currencies()), Money, id="money"),
    pytest.param(date_ranges(), DateRange, id="date-range"),
    pytest.param(months(), Month, id="month"),
    pytest.param(quarters(), Quarter, id="quarter"),
    pytest.param(years(), Year, id="year"),
    pytest.param(dates(), date, id="date"),
    pytest.param(sources(), Source, id="source"),
    pytest.param(entries(money()), Entry[Money], id="entry-of-money"),
    pytest.param(schedules(money(min_value=0)), Schedule[Money], id="schedule-of-money"),
    pytest.param(
        schedules(st.integers(-serialization.MAX_INTEGER, serialization.MAX_INTEGER)),
        Schedule[int],
        id="schedule-of-int",
    ),
    pytest.param(facts(), Fact, id="fact"),
    pytest.param(steps(), Step, id="step"),
    pytest.param(explanations(), Explanation, id="explanation"),
    pytest.param(time_zones(), ZoneInfo, id="time-zone"),
    pytest.param(
        st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=999_999)).map(
            lambda d: d - timedelta(microseconds=d.microseconds)
        ),
        timedelta,
        id="whole-second-duration",
    ),
    pytest.param(
        st.fractions(max_denominator=10**12).filter(lambda f: abs(f.numerator) < 10**60),
        Fraction,
        id="fraction",
    ),
]


@pytest.mark.parametrize(("values", "kind"), ROUND_TRIPS)
@given(data=st.data())
def test_load_inverts_dump(values: st.SearchStrategy[Any], kind: Any, data: st.DataObject) -> None:
    value = data.draw(values)
    dumped = serialization.dump(value)
    assert serialization.load(dumped, kind) == value
    assert json.loads(json.dumps(dumped)) == dumped  # only JSON types: no tuples, no Decimals
    assert serialization.load_json(serialization.dump_json(value), kind) == value


@given(aware_datetimes())
def test_a_moment_keeps_its_instant_and_offset(moment: datetime) -> None:
    loaded = serialization.load(serialization.dump(moment), datetime)
    # Compared in UTC: moments in a repeated hour are never ``==`` across zones.
    assert loaded.astimezone(UTC) == moment.astimezone(UTC)
    assert loaded.utcoffset() == moment.utcoffset()


def test_a_moment_in_local_mean_time_round_trips() -> None:
    # Almaty kept local mean time (+05:07:48) until 1924: offsets can have seconds.
    moment = datetime(1900, 1, 1, 12, tzinfo=kz.ALMATY)
    assert serialization.dump(moment) == "1900-01-01T12:00:00+05:07:48"
    assert serialization.load(serialization.dump(moment), datetime) == moment


def test_every_kind_of_value_round_trips() -> None:
    assert serialization.dump(SAMPLE) == SAMPLE_DATA
    assert serialization.load(SAMPLE_DATA, Sample) == SAMPLE


def test_a_public_schedule_loads_by_name() -> None:
    assert serialization.load("kz.MINIMUM_WAGE", Schedule[Money]) is kz.MINIMUM_WAGE
    loaded = serialization.load(serialization.dump(kz.MINIMUM_WAGE), Schedule[Money])
    assert loaded == kz.MINIMUM_WAGE


@given(
    st.recursive(
        st.just(Node()),
        lambda inner: st.lists(inner, max_size=3).map(lambda children: Node(tuple(children))),
        max_leaves=10,
    )
)
def test_recursive_shapes_round_trip(node: Node) -> None:
    assert serialization.load(serialization.dump(node), Node) == node


# --- Dumped forms --------------------------------------------------------------------------------

DUMPED: list[Any] = [
    pytest.param(
        Money(Decimal("15000.50")), {"amount": "15000.50", "currency": "KZT"}, id="money-as-text"
    ),
    pytest.param(Money(Decimal("1E+3")), {"amount": "1E+3", "currency": "KZT"}, id="exact-text"),
    pytest.param(Quarter(2023, 4), "2023-Q4", id="quarter"),
    pytest.param(Month(2023, 11), "2023-11", id="month"),
    pytest.param(Year(2023), 2023, id="year-as-int"),
    pytest.param(
        DateRange(date(2023, 10, 1), date(2024, 1, 1)),
        {"start": "2023-10-01", "end": "2024-01-01"},
        id="date-range-iso-days",
    ),
    pytest.param(
        Source(title="Company standard"),
        {"title": "Company standard", "number": None, "adopted_on": None, "note": None},
        id="source-with-nulls",
    ),
    pytest.param(datetime(2024, 2, 29, 18, tzinfo=UTC), "2024-02-29T18:00:00+00:00", id="utc"),
    pytest.param(timedelta(0), "P0D", id="no-time"),
    pytest.param(timedelta(days=3), "P3D", id="three-days"),
    pytest.param(timedelta(hours=24), "P1D", id="a-day-of-hours"),
    pytest.param(timedelta(hours=36, seconds=5), "P1DT12H5S", id="day-and-a-half"),
    pytest.param(timedelta(minutes=90), "PT1H30M", id="hour-and-a-half"),
    pytest.param(Fraction(3), "3", id="whole-fraction"),
    pytest.param(Fraction(-2699, 2), "-2699/2", id="negative-fraction"),
    pytest.param(frozenset({"b", "a", "c"}), ["a", "b", "c"], id="frozenset-sorted"),
    pytest.param((Quarter(2023, 1), Quarter(2023, 2)), ["2023-Q1", "2023-Q2"], id="tuple-as-list"),
    pytest.param(
        Fact(name="minimum score", value=3),
        {
            "name": "minimum score",
            "value": {"type": "count", "value": 3},
            "since": None,
            "source": None,
        },
        id="explanation-value-tagged-by-its-type",
    ),
    pytest.param(
        Fact(name="inspector", value="E-1"),
        {"name": "inspector", "value": "E-1", "since": None, "source": None},
        id="explanation-text-as-itself",
    ),
    pytest.param(
        Step(description="no award", result=BelowMinimumScore(score=0, minimum=1)),
        {
            "description": "no award",
            "result": {"type": "below_minimum_score", "value": {"score": 0, "minimum": 1}},
            "facts": [],
        },
        id="explanation-reason-tagged-by-its-code",
    ),
    pytest.param(
        Exclusion(
            employee=EmployeeId("E-1"),
            score=0,
            reason=NotOnStaff(date(2023, 12, 31), None),
            breakdown=(),
        ),
        {
            "employee": "E-1",
            "score": 0,
            "reason": {"reason": "not_on_staff", "reference_date": "2023-12-31", "left_on": None},
            "breakdown": [],
        },
        id="exclusion-reason-tagged-by-its-code",
    ),
]


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        pytest.param(pay_reasons(), InspectorQuarterPay, id="pay-line"),
        pytest.param(exclusion_reasons(), Exclusion, id="exclusion"),
    ],
)
@given(data=st.data())
def test_every_reason_round_trips_in_the_result_that_holds_it(
    value: st.SearchStrategy[Any], kind: Any, data: st.DataObject
) -> None:
    reason = data.draw(value)
    if kind is Exclusion:
        holder: Any = Exclusion(employee=EmployeeId("E-1"), score=0, reason=reason, breakdown=())
    else:
        holder = InspectorQuarterPay(
            inspector=EmployeeId("E-1"),
            quarter=Quarter(2023, 1),
            amount=Money(0),
            submissions=0,
            violations=0,
            days_appointed=0,
            reasons=(reason,),
        )
    assert serialization.load(serialization.dump(holder), kind) == holder


@pytest.mark.parametrize(("value", "data"), DUMPED)
def test_dumped_form(value: object, data: object) -> None:
    assert serialization.dump(value) == data


@pytest.mark.parametrize(
    "duration",
    [
        pytest.param(timedelta(microseconds=1), id="microseconds"),
        pytest.param(timedelta(days=-1), id="negative"),
    ],
)
def test_durations_that_iso_text_cannot_hold_are_not_dumped(duration: timedelta) -> None:
    with pytest.raises(InvalidValueError) as info:
        serialization.dump(duration)
    assert info.value.field == "duration"


def test_dump_json_is_stable_and_sorted() -> None:
    text = serialization.dump_json(kz.MINIMUM_WAGE)
    assert text == serialization.dump_json(kz.MINIMUM_WAGE)
    assert text.index('"entries"') < text.index('"name"')
    assert text == serialization.dump_json(serialization.load_json(text, Schedule[Money]))


def test_dump_json_does_not_depend_on_set_order() -> None:
    tags = ["welding", "height", "confined-space", "electrical", "lifting"]
    forward = attrs.evolve(SAMPLE, tags=frozenset(tags))
    backward = attrs.evolve(SAMPLE, tags=frozenset(reversed(tags)))
    assert serialization.dump_json(forward) == serialization.dump_json(backward)


def test_dump_json_keeps_cyrillic_readable() -> None:
    source = Source(title="Закон о республиканском бюджете")
    assert "Закон" in serialization.dump_json(source)


@given(explanations())
def test_dump_json_of_a_loaded_value_is_byte_identical(explanation: Explanation) -> None:
    text = serialization.dump_json(explanation)
    assert serialization.dump_json(serialization.load_json(text, Explanation)) == text


# --- JSON and TOML text --------------------------------------------------------------------------


def test_load_json_accepts_text_and_bytes() -> None:
    text = '{"amount": "15000.50", "currency": "KZT"}'
    assert serialization.load_json(text, Money) == Money(Decimal("15000.50"))
    assert serialization.load_json(text.encode(), Money) == Money(Decimal("15000.50"))


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        pytest.param('{"amount": "1", ', "not valid JSON", id="cut-short"),
        pytest.param("", "not valid JSON", id="empty"),
        pytest.param('{"amount": NaN, "currency": "KZT"}', "NaN is not a number", id="nan"),
        pytest.param('{"amount": Infinity, "currency": "KZT"}', "Infinity", id="infinity"),
        pytest.param('{"amount": -Infinity, "currency": "KZT"}', "-Infinity", id="minus-infinity"),
        pytest.param("[" * 100_000 + "]" * 100_000, "not valid JSON", id="nested-too-deep"),
    ],
)
def test_load_json_rejects_what_is_not_json(text: str, fragment: str) -> None:
    with pytest.raises(InvalidDataError) as info:
        serialization.load_json(text, Money)
    (problem,) = info.value.problems
    assert problem.path == "$"
    assert fragment in problem.message


SCHEDULE_TOML = """
name = "quarterly amount"

[[entries]]
since = 2023-01-01
value = { amount = "15000", currency = "KZT" }
source = { title = "Company standard", adopted_on = 2022-12-20 }

[[entries]]
since = 2025-01-01
value = { amount = 20000, currency = "KZT" }
source = { title = "Company standard", number = "7" }
"""


def test_load_toml_accepts_native_dates() -> None:
    schedule = serialization.load_toml(SCHEDULE_TOML, Schedule[Money])
    assert schedule.at(date(2024, 12, 31)) == Money(Decimal(15_000))
    assert schedule.at(date(2025, 1, 1)) == Money(Decimal(20_000))
    assert schedule.entries[0].source.adopted_on == date(2022, 12, 20)


def test_load_toml_rejects_a_float_amount() -> None:
    text = SCHEDULE_TOML.replace("amount = 20000,", "amount = 20000.0,")
    with pytest.raises(InvalidDataError) as info:
        serialization.load_toml(text, Schedule[Money])
    (problem,) = info.value.problems
    assert problem.path == "$.entries[1].value.amount"
    assert "floats cannot hold money exactly" in problem.message


def test_load_toml_rejects_a_moment_where_a_day_belongs() -> None:
    text = SCHEDULE_TOML.replace("since = 2025-01-01", "since = 2025-01-01T00:00:00+05:00")
    with pytest.raises(InvalidDataError) as info:
        serialization.load_toml(text, Schedule[Money])
    assert [p.path for p in info.value.problems] == ["$.entries[1].since"]


SAMPLE_TOML = """
at = {at}
zone = "Asia/Almaty"
took = "PT24H"
share = "1/3"
colour = "red"
tags = ["height"]
flag = false
count = 0
"""


def test_load_toml_accepts_a_native_moment_with_offset() -> None:
    sample = serialization.load_toml(SAMPLE_TOML.format(at="2023-12-31T23:30:00+06:00"), Sample)
    assert sample.at == datetime(2023, 12, 31, 17, 30, tzinfo=UTC)
    assert sample.took == timedelta(days=1)


def test_load_toml_rejects_a_local_moment() -> None:
    with pytest.raises(InvalidDataError) as info:
        serialization.load_toml(SAMPLE_TOML.format(at="2023-12-31T23:30:00"), Sample)
    (problem,) = info.value.problems
    assert problem.path == "$.at"
    assert "a naive moment is ambiguous" in problem.message


def test_load_toml_rejects_what_is_not_toml() -> None:
    with pytest.raises(InvalidDataError) as info:
        serialization.load_toml("name = ", Schedule[Money])
    (problem,) = info.value.problems
    assert problem.path == "$"
    assert "not valid TOML" in problem.message


# --- Every problem, each with its path -----------------------------------------------------------


def test_every_problem_in_a_schedule_is_listed_with_its_path() -> None:
    data = serialization.dump(kz.MINIMUM_WAGE)
    data["name"] = 5
    data["entries"][1]["since"] = "2019-13-01"
    data["entries"][2]["source"]["extra"] = "x"
    data["entries"][3]["value"]["amount"] = 1.5
    del data["entries"][4]["source"]["title"]
    data["entries"][5]["value"]["currency"] = "kzt"
    data["entries"][6]["value"] = "85000 KZT"
    with pytest.raises(InvalidDataError) as info:
        serialization.load(data, Schedule[Money])
    found = {problem.path: problem.message for problem in info.value.problems}
    expected = {
        "$.name": "expected a string",
        "$.entries[1].since": "a real calendar day",
        "$.entries[2].source.extra": "unknown field; valid fields are: title, number",
        "$.entries[3].value.amount": "floats cannot hold money exactly",
        "$.entries[4].source.title": "required field is missing",
        "$.entries[5].value.currency": "ISO 4217",
        "$.entries[6].value": "an object with the fields amount, currency",
    }
    assert set(found) == set(expected)
    for path, fragment in expected.items():
        assert fragment in found[path], path
    assert f"{len(expected)} problems" in str(info.value)


PROBLEMS: list[Any] = [
    # Money
    pytest.param({"amount": 1.5}, Money, "$.amount", "floats cannot hold money", id="float-money"),
    pytest.param({"amount": True}, Money, "$.amount", "a decimal string", id="bool-money"),
    pytest.param({"amount": "NaN"}, Money, "$.amount", "a finite decimal", id="nan-money"),
    pytest.param({"amount": "Infinity"}, Money, "$.amount", "a finite decimal", id="inf-money"),
    pytest.param({"amount": "15 000"}, Money, "$.amount", "a finite decimal", id="spaced-money"),
    pytest.param({"amount": "1" * 101}, Money, "$.amount", "a finite decimal", id="long-money"),
    pytest.param({"amount": "1e40"}, Money, "$.amount", "below 10**30", id="huge-money"),
    pytest.param(
        {"amount": "1", "currency": "kzt"}, Money, "$.currency", "ISO 4217", id="lower-currency"
    ),
    pytest.param(
        {"amount": "1", "currency": "TNG"}, Money, "$.currency", "ISO 4217", id="unknown-currency"
    ),
    pytest.param({"currency": "KZT"}, Money, "$.amount", "required field", id="missing-amount"),
    pytest.param(
        {"amount": "1", "note": "x"}, Money, "$.note", "valid fields are: amount", id="extra-field"
    ),
    pytest.param("15000 KZT", Money, "$", "an object with the fields amount", id="text-money"),
    pytest.param(None, Money, "$", "an object with the fields amount", id="null-money"),
    # Periods
    pytest.param("2023-Q5", Quarter, "$", "'YYYY-QN'", id="fifth-quarter"),
    pytest.param(20234, Quarter, "$", "a string", id="quarter-as-int"),
    pytest.param("2023-13", Month, "$", "'YYYY-MM'", id="thirteenth-month"),
    pytest.param("2023", Year, "$", "a year as an integer", id="year-as-text"),
    pytest.param(True, Year, "$", "a year as an integer", id="year-as-bool"),
    pytest.param(0, Year, "$", "an int from 1 to 9998", id="year-zero"),
    pytest.param(
        {"start": "2024-01-01", "end": "2023-01-01"},
        DateRange,
        "$.end",
        "on or after start",
        id="range-ends-before-start",
    ),
    pytest.param(
        {"start": "2023-12-31T00:00:00+06:00", "end": "2024-01-01"},
        DateRange,
        "$.start",
        'ISO 8601 date "YYYY-MM-DD"',
        id="range-starts-at-a-moment",
    ),
    pytest.param("2023-02-30", date, "$", "a real calendar day", id="february-30"),
    pytest.param("31.12.2023", date, "$", "ISO 8601 date", id="local-date-format"),
    pytest.param(datetime(2023, 1, 1, tzinfo=UTC), date, "$", "ISO 8601 date", id="moment-as-day"),
    # Moments and zones
    pytest.param("2023-12-31T23:30:00", datetime, "$", "with its UTC offset", id="naive-text"),
    pytest.param(
        datetime(2023, 12, 31, 23, 30),  # noqa: DTZ001 - the point: a naive moment
        datetime,
        "$",
        "a naive moment is ambiguous",
        id="naive-moment",
    ),
    pytest.param("2023-02-30T10:00+06:00", datetime, "$", "a real moment", id="moment-feb-30"),
    pytest.param(date(2023, 12, 31), datetime, "$", "with its UTC offset", id="day-as-moment"),
    pytest.param("Asia/Nowhere", ZoneInfo, "$", "IANA time zone key", id="unknown-zone"),
    pytest.param("../../etc/passwd", ZoneInfo, "$", "IANA time zone key", id="path-as-zone"),
    pytest.param("", ZoneInfo, "$", "IANA time zone key", id="empty-zone"),
    pytest.param(6, ZoneInfo, "$", "IANA time zone key", id="offset-as-zone"),
    # Durations and fractions
    pytest.param("P", timedelta, "$", "ISO 8601 duration", id="empty-duration"),
    pytest.param("PT", timedelta, "$", "ISO 8601 duration", id="empty-time-duration"),
    pytest.param("P1DT", timedelta, "$", "ISO 8601 duration", id="dangling-t"),
    pytest.param("P1Y", timedelta, "$", "ISO 8601 duration", id="years-are-not-exact"),
    pytest.param(86400, timedelta, "$", "ISO 8601 duration", id="seconds-as-int"),
    pytest.param(1.5, Fraction, "$", "an exact fraction written as", id="float-fraction"),
    pytest.param(True, Fraction, "$", "an exact fraction written as", id="bool-fraction"),
    pytest.param("1/0", Fraction, "$", "numerator/denominator", id="zero-denominator"),
    pytest.param("1/00", Fraction, "$", "numerator/denominator", id="zero-denominator-written-00"),
    pytest.param("1/2/3", Fraction, "$", "numerator/denominator", id="two-slashes"),
    pytest.param("0.5", Fraction, "$", "numerator/denominator", id="decimal-fraction"),
    # Scalars and collections
    pytest.param(5, str, "$", "a string", id="int-as-text"),
    pytest.param("x" * 100_001, str, "$", "at most 100,000 characters", id="text-too-long"),
    pytest.param("1", int, "$", "an integer", id="text-as-int"),
    pytest.param(True, int, "$", "an integer", id="bool-as-int"),
    pytest.param(1, bool, "$", "true or false", id="int-as-bool"),
    pytest.param("RED", Colour, "$", "one of 'red', 'dark_blue'", id="enum-by-name"),
    pytest.param(["a", "a"], frozenset[str], "$", "without repeated items", id="repeated-item"),
    pytest.param("ab", frozenset[str], "$", "a list", id="text-as-set"),
    pytest.param({"a": 1}, tuple[int, ...], "$", "a list", id="object-as-list"),
    # Schedules, entries, explanations
    pytest.param(
        {"name": "x", "entries": "abc"}, Schedule[Money], "$.entries", "a list", id="text-entries"
    ),
    pytest.param(
        {"name": "x", "entries": []}, Schedule[Money], "$.entries", "non-empty", id="no-entries"
    ),
    pytest.param({"entries": []}, Schedule[Money], "$.name", "required field", id="no-name"),
    pytest.param("kz.NOPE", Schedule[Money], "$", "kz.MINIMUM_WAGE", id="unknown-public-name"),
    pytest.param(5, Schedule[Money], "$", "a schedule table", id="int-as-schedule"),
    pytest.param(
        {
            "since": "2023-01-01T00:00:00+06:00",
            "value": {"amount": "1", "currency": "KZT"},
            "source": {"title": "t"},
        },
        Entry[Money],
        "$.since",
        "ISO 8601 date",
        id="entry-since-a-moment",
    ),
    pytest.param(
        {"since": "2023-01-01", "value": {"amount": "1"}, "source": {"title": "  "}},
        Entry[Money],
        "$.source.title",
        "a non-empty string",
        id="entry-blank-source-title",
    ),
    pytest.param(
        {"title": "t", "adopted_on": "2023-02-30"},
        Source,
        "$.adopted_on",
        "a real calendar day",
        id="source-adopted-on-february-30",
    ),
    pytest.param(
        {
            "steps": [
                {"description": "d", "result": "r", "facts": [{"name": "n", "value": "v"}]},
                {"description": "d", "result": "r", "facts": [{"name": "n", "value": 70000}]},
            ]
        },
        Explanation,
        "$.steps[1].facts[0].value",
        "a string",
        id="fact-value-as-number",
    ),
    pytest.param(
        {"name": "n", "value": {"type": "euro", "value": 1}},
        Fact,
        "$.value.type",
        "one of 'list', 'flag'",
        id="fact-value-of-an-unknown-type",
    ),
    pytest.param(
        {"name": "n", "value": {"type": ["count"], "value": 1}},
        Fact,
        "$.value.type",
        "one of 'list'",
        id="fact-value-type-not-text",
    ),
    pytest.param(
        {"name": "n", "value": {"type": "list", "value": "a"}},
        Fact,
        "$.value",
        "a list",
        id="fact-value-list-not-a-list",
    ),
    pytest.param(
        {"employee": "E-1", "score": 0, "reason": {"reason": "too_lazy"}, "breakdown": []},
        Exclusion,
        "$.reason.reason",
        "got 'too_lazy' (str); expected one of 'not_production_personnel'",
        id="exclusion-reason-of-an-unknown-code",
    ),
]


@pytest.mark.parametrize(("data", "kind", "path", "fragment"), PROBLEMS)
def test_bad_data_is_reported_with_its_path_and_reason(
    data: object, kind: Any, path: str, fragment: str
) -> None:
    with pytest.raises(InvalidDataError) as info:
        serialization.load(data, kind)
    (problem,) = info.value.problems
    assert problem.path == path
    assert fragment in problem.message
    assert f"{path}: " in str(info.value)


def test_two_entries_from_the_same_day_are_reported_at_the_second() -> None:
    entry = {"since": "2023-01-01", "value": {"amount": "1"}, "source": {"title": "t"}}
    with pytest.raises(InvalidDataError) as info:
        serialization.load({"name": "x", "entries": [entry, entry]}, Schedule[Money])
    (problem,) = info.value.problems
    assert problem.path == "$.entries[1].since"
    assert "strictly increase" in problem.message


def test_every_bad_item_of_a_list_is_reported() -> None:
    with pytest.raises(InvalidDataError) as info:
        serialization.load([1, "2", True, 4, None], tuple[int, ...])
    assert [p.path for p in info.value.problems] == ["$[1]", "$[2]", "$[4]"]


def test_every_bad_field_of_a_sample_is_reported() -> None:
    data = {
        **SAMPLE_DATA,
        "at": "2023-12-31T23:30:00",
        "zone": "Asia/Nowhere",
        "took": "3 days",
        "colour": "blue",
        "tags": ["height", "height"],
        "count": "8436",
    }
    with pytest.raises(InvalidDataError) as info:
        serialization.load(data, Sample)
    assert sorted(p.path for p in info.value.problems) == [
        "$.at",
        "$.colour",
        "$.count",
        "$.tags",
        "$.took",
        "$.zone",
    ]


def test_problems_found_by_an_object_itself_are_placed_under_its_path() -> None:
    with pytest.raises(InvalidDataError) as info:
        serialization.load({"checked": {"items": [2, 3, 4, 5]}}, Holder)
    assert [(p.path, p.message) for p in info.value.problems] == [
        ("$.checked.items[1]", "must be even"),
        ("$.checked.items[3]", "must be even"),
    ]


def test_a_note_on_an_error_does_not_hide_where_it_is() -> None:
    with pytest.raises(InvalidDataError) as info:
        serialization.load({"noted": {"code": "abc"}}, NotedHolder)
    (problem,) = info.value.problems
    assert problem.path == "$.noted.code"
    assert "upper case" in problem.message


def test_data_nested_too_deeply_is_a_problem_not_a_crash() -> None:
    data: dict[str, Any] = {}
    innermost = data
    for _ in range(5_000):
        innermost["children"] = [{}]
        innermost = innermost["children"][0]
    with pytest.raises(InvalidDataError) as info:
        serialization.load(data, Node)
    (problem,) = info.value.problems
    assert problem.message == "data nested too deeply"
    assert problem.path.startswith("$.children[0].children[0]")


def test_a_type_the_edge_does_not_know_is_a_wrong_argument_not_bad_data() -> None:
    with pytest.raises(InvalidArgumentError) as info:
        serialization.load(1, complex)
    assert (info.value.function, info.value.field, info.value.value) == ("load", "kind", complex)


def test_a_bug_found_while_reporting_bad_data_propagates_as_itself(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = iter([InvalidValueError("", "1", "bad data"), ZeroDivisionError()])

    def refused_then_broken(_: Decimal) -> Decimal:
        raise next(calls)  # the fast read refuses the data, the detailed one hits a bug

    monkeypatch.setattr(serialization, "_to_amount", refused_then_broken)
    with pytest.raises(ZeroDivisionError):
        serialization.load({"amount": "1", "currency": "KZT"}, Money)


def test_a_bug_under_load_propagates_as_itself_not_as_bad_data(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(_: Decimal) -> Decimal:
        raise ZeroDivisionError  # what a bug in the library would raise

    monkeypatch.setattr(serialization, "_to_amount", broken)
    with pytest.raises(ZeroDivisionError):
        serialization.load("15000.50", Decimal)


# --- Reward tiers: a table tagged by its basis ---------------------------------------------------

TIERS: list[Any] = [
    pytest.param(
        ScoreThresholds(
            (
                ScoreTier(min_score=3, max_score=9, multiplier=3),
                ScoreTier(min_score=10, multiplier=5),
            )
        ),
        "score_thresholds",
        id="score-thresholds",
    ),
    pytest.param(
        RankBands(
            (
                RankBand(first_rank=1, last_rank=3, multiplier=10),
                RankBand(first_rank=4, last_rank=10, multiplier=3),
            )
        ),
        "rank_bands",
        id="rank-bands",
    ),
]


@pytest.mark.parametrize(("tiers", "basis"), TIERS)
def test_tiers_round_trip_tagged_by_basis(tiers: ScoreThresholds | RankBands, basis: str) -> None:
    policy = attrs.evolve(demo.REWARD_POLICY, tiers=tiers)
    data = serialization.dump(policy)
    assert data["tiers"]["basis"] == basis
    assert serialization.load(data, RewardPolicy) == policy


@pytest.mark.parametrize(
    ("data", "path", "fragment"),
    [
        pytest.param({"basis": "stars"}, "$.basis", "one of 'score_", id="unknown-basis"),
        pytest.param({"tiers": []}, "$.basis", "'rank_bands'", id="no-basis"),
        pytest.param(["score_thresholds"], "$", 'an object with "basis"', id="list-as-tiers"),
        pytest.param({"basis": []}, "$.basis", "got [] (list)", id="a-list-as-basis"),
        pytest.param(
            {"basis": "rank_bands", "bands": [], "extra": 1},
            "$.extra",
            "unknown field",
            id="extra-field",
        ),
    ],
)
def test_bad_tiers_are_reported(data: object, path: str, fragment: str) -> None:
    kind: Any = ScoreThresholds | RankBands
    with pytest.raises(InvalidDataError) as info:
        serialization.load(data, kind)
    assert path in [p.path for p in info.value.problems]
    assert any(fragment in p.message for p in info.value.problems)


# --- Fuzzing the foundation types ----------------------------------------------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner),
    max_leaves=20,
)


@pytest.mark.parametrize(
    "kind",
    [
        Source,
        Entry[Money],
        Explanation,
        Fact,
        Step,
        datetime,
        timedelta,
        Fraction,
        ZoneInfo,
        Sample,
    ],
    ids=lambda kind: getattr(kind, "__name__", str(kind)),
)
@given(data=JSON_VALUES)
def test_any_data_gives_a_value_or_the_library_error(kind: Any, data: object) -> None:
    problems = _problems_loading(data, kind)
    assert problems is None or problems  # the library's error lists its problems
    for problem in problems or ():
        assert problem.path.startswith("$")
        assert problem.message
        assert "invalid value" not in problem.message


def _problems_loading(data: object, kind: Any) -> tuple[Problem, ...] | None:
    """Load ``data``: ``None`` if it loads, or the problems the library's error lists."""
    try:
        serialization.load(data, kind)
    except InvalidDataError as error:
        return error.problems
    return None


def test_a_duration_beyond_the_calendar_is_refused_with_its_path() -> None:
    from datetime import timedelta  # noqa: PLC0415

    from ohs_domain import EliminationDeadlines  # noqa: PLC0415

    assert serialization.load("P999999999D", timedelta) == timedelta(days=999_999_999)
    with pytest.raises(InvalidDataError) as raised:
        serialization.load(
            {"low": "P999999999DT99H", "medium": "P7D", "high": "PT24H"}, EliminationDeadlines
        )
    assert [p.path for p in raised.value.problems] == ["$.low"]
    assert "at most 999,999,999 days" in raised.value.problems[0].message


@pytest.mark.parametrize(("data", "expected"), [(3, Fraction(3)), (-2699, Fraction(-2699))])
def test_a_whole_number_loads_as_an_exact_fraction(data: int, expected: Fraction) -> None:
    loaded = serialization.load(data, Fraction)

    assert loaded == expected
    assert type(loaded) is Fraction


# --- Accepted means usable: what loads can be dumped, loaded back and evaluated ------------------

HOURS = {"department": "D-1", "month": "2023-01", "hours": "100"}
EMPLOYEE = {
    "id": "E-1",
    "department": "D-1",
    "category": "worker",
    "hired_on": "2020-01-01",
    "left_on": None,
}
REPORT: dict[str, Any] = {
    "id": "R-1",
    "kind": "near_miss",
    "risk": "low",
    "reporter": "E-1",
    "department": "D-1",
    "reported_at": "2023-05-04T09:30:00+06:00",
    "history": [],
}


@pytest.mark.parametrize(
    ("data", "kind", "path", "words"),
    [
        pytest.param(
            {**HOURS, "hours": 10**400},
            HoursWorked,
            "$.hours",
            "below 10**30",
            id="hours-401-digits",
        ),
        pytest.param(
            {**HOURS, "hours": "1e999999999999999999"},
            HoursWorked,
            "$.hours",
            "below 10**30",
            id="hours-with-a-huge-exponent",
        ),
        pytest.param(
            {**EMPLOYEE, "department": "D-\ud800"},
            Employee,
            "$.department",
            "lone surrogates",
            id="lone-surrogate-in-a-reference",
        ),
        pytest.param(
            {**EMPLOYEE, "id": "E-1\n"}, Employee, "$.id", "an id", id="id-with-a-trailing-newline"
        ),
        pytest.param(
            {**EMPLOYEE, "id": "E-\u202e1"}, Employee, "$.id", "an id", id="id-with-rtl-override"
        ),
        pytest.param(
            {**EMPLOYEE, "id": "E-\x071"}, Employee, "$.id", "an id", id="id-with-a-control-char"
        ),
        pytest.param(
            {**REPORT, "reported_at": "0001-01-01T00:00:00+14:00"},
            SafetyReport,
            "$.reported_at",
            "0001-01-02 to 9998-12-30",
            id="moment-whose-day-leaves-the-calendar",
        ),
        pytest.param(
            {**REPORT, "reported_at": "9999-12-31T23:00:00+00:00"},
            SafetyReport,
            "$.reported_at",
            "0001-01-02 to 9998-12-30",
            id="moment-in-the-year-9999",
        ),
    ],
)
def test_what_could_not_be_dumped_or_evaluated_is_refused_where_it_is(
    data: dict[str, Any], kind: type, path: str, words: str
) -> None:
    with pytest.raises(InvalidDataError) as caught:
        serialization.load(data, kind)
    (problem,) = caught.value.problems
    assert problem.path == path
    assert words in problem.message


def test_an_integer_too_long_for_python_is_a_problem_with_its_path() -> None:
    text = '{"amount": ' + "9" * 5000 + ', "currency": "KZT"}'
    with pytest.raises(InvalidDataError) as caught:
        serialization.load_json(text, Money)
    assert [str(p) for p in caught.value.problems] == [
        "$.amount: got an integer of 5,000 digits (_LongInteger); "
        'expected a decimal string such as "15000.50"'
    ]


def test_money_of_an_integer_too_long_for_python_is_refused_by_size() -> None:
    with pytest.raises(InvalidValueError, match="below 10\\*\\*30 in size"):
        Money(10**5000)


@pytest.mark.parametrize("key", ["localtime", "Factory", "posix/Asia/Almaty", "right/UTC"])
def test_a_zone_that_is_not_one_places_rules_is_refused(key: str) -> None:
    with pytest.raises(InvalidDataError, match="does not name one place's rules"):
        serialization.load(key, ZoneInfo)


def test_zones_come_from_the_tzdata_package_never_the_host() -> None:
    loaded = serialization.load("Asia/Almaty", ZoneInfo)
    assert loaded is kz.ALMATY
    assert type(loaded).__module__ == "ohs_domain._zones"
    # A caller's own ZoneInfo reads the host's database; a bundle takes tzdata's instead.
    bundle = Records(time_zone=ZoneInfo("Asia/Almaty"), departments=(), employees=())
    assert bundle.time_zone is kz.ALMATY
    assert bundle == serialization.load(serialization.dump(bundle), Records)


def test_toml_nested_too_deeply_is_the_librarys_error() -> None:
    with pytest.raises(InvalidDataError, match="nested too deeply"):
        serialization.load_toml("x = " + "[" * 5000 + "]" * 5000, Money)


@pytest.mark.parametrize("load", [serialization.load_json, serialization.load_toml])
def test_json_and_toml_take_text_and_utf8_bytes_alike(load: Any) -> None:
    text = (
        '{"amount": "1", "currency": "KZT"}'
        if load is serialization.load_json
        else 'amount = "1"\ncurrency = "KZT"'
    )
    assert load(text, Money) == load(text.encode(), Money) == Money(Decimal(1))
    with pytest.raises(InvalidDataError, match="not UTF-8"):
        load(b"\xff", Money)


@pytest.mark.parametrize(
    "value",
    [
        pytest.param(object(), id="an-unknown-object"),
        pytest.param({1, 2}, id="a-set"),
        pytest.param(float("nan"), id="not-a-number"),
        pytest.param([Decimal(1), 0.5], id="a-float-inside-a-list"),
        pytest.param({1: "a"}, id="a-key-that-is-not-text"),
    ],
)
def test_dump_refuses_what_json_cannot_carry(value: object) -> None:
    with pytest.raises(InvalidArgumentError, match="has no JSON form"):
        serialization.dump(value)
    with pytest.raises(InvalidArgumentError):
        serialization.dump_json(value)


# --- Every problem in one report -----------------------------------------------------------------


def test_a_bundle_in_an_unknown_time_zone_is_refused_at_its_zone_beside_other_problems() -> None:
    data = {"time_zone": "Mars/Olympus", "departments": [], "employees": [{"id": "E-1"}]}
    with pytest.raises(InvalidDataError) as caught:
        serialization.load(data, Records)
    problems = {problem.path: problem.message for problem in caught.value.problems}
    assert problems["$.time_zone"] == f"got 'Mars/Olympus' (str); expected {ZONE_KEY}"
    assert "$.employees[0].department" in problems


# Plants that make one row unreadable by its own shape, each refused at exactly its path.
# A reference to an unreadable row is not reported as unknown, so nothing cascades.
SHAPE_PLANTS: dict[str, tuple[tuple[str, object], ...]] = {
    "departments": (("name", 7), ("is_production", "yes")),
    "employees": (("category", "boss"), ("hired_on", "2023-02-30"), ("department", None)),
    "reporting_accounts": (("registered_on", "today"),),
    "safety_reports": (("kind", "boss"), ("risk", 3), ("history", "none")),
    "injuries": (("severity", "grave"), ("days_lost", -1), ("occurred_on", 20230101)),
    "hours_worked": (("hours", 1.5), ("month", "2023-13")),
}
# Collections where a readable row may name a department that does not exist: nothing else
# depends on the row's department (a submission's violations would, so they are left out).
UNKNOWN_DEPARTMENT = ("employees", "safety_reports", "injuries", "hours_worked")
MISSING = object()


@st.composite
def planted(draw: st.DrawFn) -> tuple[dict[str, Any], set[str]]:
    """A valid bundle's data with up to 20 independent problems planted, and their paths."""
    data = serialization.dump(draw(records(max_items=8)))
    rows = [
        (name, i) for name in data if isinstance(data[name], list) for i in range(len(data[name]))
    ]
    chosen = draw(st.lists(st.sampled_from(rows), unique=True, max_size=20)) if rows else []
    paths: set[str] = set()
    kept = set(rows) - set(chosen)  # rows left as they were: originals for duplicates
    for name, index in chosen:
        row = data[name][index]
        options = ["shape"] if name in SHAPE_PLANTS else []
        options += ["department"] if name in UNKNOWN_DEPARTMENT else []
        originals = [i for n, i in kept if n == name and i < index]
        options += ["duplicate"] if name in ("injuries",) and originals else []
        if not options:
            continue
        plant = draw(st.sampled_from(options))
        if plant == "shape":
            fields = draw(st.lists(st.sampled_from(SHAPE_PLANTS[name]), min_size=1, unique=True))
            for field, bad in fields:
                if bad is None:
                    del row[field]
                else:
                    row[field] = bad
                paths.add(f"$.{name}[{index}].{field}")
        elif plant == "department":
            row["department"] = f"D-PLANTED-{name}-{index}"
            paths.add(f"$.{name}[{index}].department")
        else:
            row["id"] = data[name][draw(st.sampled_from(originals))]["id"]
            paths.add(f"$.{name}[{index}].id")
    return data, paths


@given(planted())
def test_load_lists_exactly_the_planted_problems(case: tuple[dict[str, Any], set[str]]) -> None:
    data, paths = case
    if not paths:
        assert serialization.load(data, Records) is not None
        return
    with pytest.raises(InvalidDataError) as caught:
        serialization.load(data, Records)
    found = [problem.path for problem in caught.value.problems]
    assert sorted(found) == sorted(paths)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(
            lambda d: d["employees"][0].update(id=" ", department=5),
            ["$.employees[0].department", "$.employees[0].id"],
            id="a-blank-id-does-not-hide-a-bad-department",
        ),
        pytest.param(
            lambda d: d["employees"][0].update(id="", category="boss"),
            ["$.employees[0].category", "$.employees[0].id"],
            id="an-empty-id-does-not-hide-a-bad-category",
        ),
    ],
)
def test_one_problem_never_hides_another(change: Any, expected: list[str]) -> None:
    data = demo_department_data()
    change(data)
    with pytest.raises(InvalidDataError) as caught:
        serialization.load(data, Records)
    # (A changed id also leaves the references to the old one unknown, reported after.)
    own = [p.path for p in caught.value.problems if p.path.startswith("$.employees[0].")]
    assert own == expected


def test_shape_and_cross_record_problems_come_in_one_report() -> None:
    data = demo_department_data()
    data["employees"][0]["category"] = "boss"
    data["safety_reports"][0]["reporter"] = "E-NOBODY"
    with pytest.raises(InvalidDataError) as caught:
        serialization.load(data, Records)
    assert [p.path for p in caught.value.problems] == [
        "$.employees[0].category",
        "$.safety_reports[0].reporter",
    ]


def test_a_duplicate_names_every_row_that_holds_the_id() -> None:
    data = demo_department_data()
    answered = {action.get("report") for action in data["corrective_actions"]}
    reports = data["safety_reports"]
    # Three reports that no action answers: the second and the third take the first's id.
    first, second, third = [n for n, row in enumerate(reports) if row["id"] not in answered][:3]
    taken = reports[first]["id"]
    for row in (second, third):
        reports[row]["id"] = taken
    with pytest.raises(InvalidDataError) as caught:
        serialization.load(data, Records)
    shown = [str(p) for p in caught.value.problems]
    rows = f"safety_reports[{first}], safety_reports[{second}], safety_reports[{third}]"
    assert shown == [
        f"$.safety_reports[{row}].id ({taken}): '{taken}' appears 3 times ({rows}); "
        "each must be unique in safety_reports"
        for row in (second, third)
    ]


def test_a_problem_shows_the_id_of_its_record_beside_its_position() -> None:
    data = demo_department_data()
    data["employees"][3]["hired_on"] = "2020-13-01"
    with pytest.raises(InvalidDataError) as caught:
        serialization.load(data, Records)
    (problem,) = caught.value.problems
    assert (problem.path, problem.record) == ("$.employees[3].hired_on", "E-0000004")
    assert str(problem).startswith("$.employees[3].hired_on (E-0000004): got '2020-13-01'")


def test_a_zone_travels_to_another_process_as_its_name() -> None:
    import pickle  # noqa: PLC0415 - only this test ships a zone as an engine would

    assert pickle.loads(pickle.dumps(kz.ALMATY)) is kz.ALMATY  # noqa: S301 - our own bytes


def test_an_integer_beyond_what_javascript_reads_exactly_is_refused() -> None:
    assert serialization.load(serialization.MAX_INTEGER, int) == 2**53 - 1
    with pytest.raises(InvalidDataError, match="an integer from -9,007,199,254,740,991"):
        serialization.load(2**53, int)


def test_a_row_that_could_not_be_read_does_not_make_its_references_problems() -> None:
    data = demo_department_data()
    reporter = data["safety_reports"][0]["reporter"]
    account = next(
        i for i, row in enumerate(data["reporting_accounts"]) if row["employee"] == reporter
    )
    data["reporting_accounts"][account]["registered_on"] = "today"
    listed = data["submissions"][0]["violations"][0]
    violation = next(i for i, row in enumerate(data["violations"]) if row["id"] == listed)
    data["violations"][violation]["found_on"] = "yesterday"
    with pytest.raises(InvalidDataError) as caught:
        serialization.load(data, Records)
    # Only the unreadable rows themselves: not "not registered", not "unknown violation".
    assert [p.path for p in caught.value.problems] == [
        f"$.reporting_accounts[{account}].registered_on",
        f"$.violations[{violation}].found_on",
    ]


# --- The edge's messages, word for word: what a clerk reads beside a rejected row ----------------

DECIMAL_EXAMPLE = 'a decimal string such as "15000.50"'
FINITE_DECIMAL = 'a finite decimal number written as a string, e.g. "15000.50"'
ZONE_KEY = 'an IANA time zone key from the tzdata package, e.g. "Asia/Almaty"'


def _refusal(data: object, kind: Any) -> InvalidDataError:
    with pytest.raises(InvalidDataError) as caught:
        serialization.load(data, kind)
    return caught.value


@pytest.mark.parametrize(
    ("data", "kind", "text"),
    [
        pytest.param(
            1.5,
            Decimal,
            "Decimal: 1 problem\n  $: got 1.5 (float); expected "
            f"{DECIMAL_EXAMPLE} (floats cannot hold money exactly)",
            id="float-amount-says-why",
        ),
        pytest.param(
            True,
            Decimal,
            f"Decimal: 1 problem\n  $: got True (bool); expected {DECIMAL_EXAMPLE}",
            id="bool-amount-has-no-float-hint",
        ),
        pytest.param(
            "12,5",
            Decimal,
            f"Decimal: 1 problem\n  $: got '12,5' (str); expected {FINITE_DECIMAL}",
            id="decimal-comma",
        ),
        pytest.param(
            "1" * 101,
            Decimal,
            f"Decimal: 1 problem\n  $: got '{'1' * 76}... (str); expected {FINITE_DECIMAL}",
            id="amount-of-101-characters",
        ),
        pytest.param(
            "",
            ZoneInfo,
            f"ZoneInfo: 1 problem\n  $: got '' (str); expected {ZONE_KEY}",
            id="empty-zone",
        ),
        pytest.param(
            "Asia/Nowhere",
            ZoneInfo,
            f"ZoneInfo: 1 problem\n  $: got 'Asia/Nowhere' (str); expected {ZONE_KEY}",
            id="unknown-zone",
        ),
        pytest.param(
            {},
            Department,
            "Department: 3 problems\n"
            "  $.id: required field is missing\n"
            "  $.name: required field is missing\n"
            "  $.is_production: required field is missing",
            id="every-missing-field",
        ),
    ],
)
def test_the_whole_message(data: object, kind: Any, text: str) -> None:
    assert str(_refusal(data, kind)) == text


def test_an_amount_just_below_money_bounds_is_read_and_one_at_them_is_refused() -> None:
    assert serialization.load("9" * 30, Decimal) == Decimal("9" * 30)
    assert serialization.load("0." + "0" * 19 + "1", Decimal) == Decimal("1e-20")
    for text in ("1" + "0" * 30, "1e30", "1e999999999999999999", "0." + "0" * 20 + "1"):
        assert "below 10**30 in size" in str(_refusal(text, Decimal))


@pytest.mark.parametrize(
    ("kind", "subject"),
    [(Department, "Department"), (Money, "Money"), (Schedule[Money], "Schedule")],
)
def test_the_error_names_the_type_by_its_name(kind: Any, subject: str) -> None:
    assert _refusal("not an object", kind).subject == subject


def test_a_type_without_a_name_is_named_by_its_spelling() -> None:
    assert _refusal("x", int | None).subject == "int | None"


FRACTION_TEXT = 'an exact fraction written as a string, e.g. "2699/2" or "3"'
DURATION = 'an ISO 8601 duration in days, hours, minutes, seconds, e.g. "P3D", "PT24H"'
MOMENT = 'an ISO 8601 moment with its UTC offset, e.g. "2023-12-31T23:30:00+06:00"'


@pytest.mark.parametrize(
    ("data", "kind", "problem"),
    [
        pytest.param(5, str, "$: got 5 (int); expected a string", id="number-as-text"),
        pytest.param(
            "x" * 100_001,
            str,
            f"$: got '{'x' * 76}... (str); expected a string of at most 100,000 characters",
            id="text-too-long",
        ),
        pytest.param("1", int, "$: got '1' (str); expected an integer", id="text-as-integer"),
        pytest.param(
            "2023-12-31T23:30:00",
            datetime,
            f"$: got '2023-12-31T23:30:00' (str); expected {MOMENT}; a naive moment is ambiguous",
            id="moment-without-offset",
        ),
        pytest.param(
            datetime(2023, 12, 31, 23, 30),  # noqa: DTZ001 - naive on purpose
            datetime,
            f"$: got '2023-12-31T23:30:00' (datetime); expected {MOMENT}; "
            "a naive moment is ambiguous",
            id="naive-native-moment",
        ),
        pytest.param(
            "2023-02-30",
            date,
            "$: got '2023-02-30' (str); expected a real calendar day "
            "(day is out of range for month)",
            id="impossible-day",
        ),
        pytest.param(
            1.5,
            Fraction,
            f"$: got 1.5 (float); expected {FRACTION_TEXT}",
            id="float-fraction",
        ),
        pytest.param(
            "1/0",
            Fraction,
            "$: got '1/0' (str); expected an exact fraction "
            '"numerator/denominator", e.g. "2699/2"',
            id="zero-denominator",
        ),
        pytest.param(
            "score_thresholds",
            ScoreThresholds | RankBands,
            "$: got 'score_thresholds' (str); expected an object with "
            '"basis": "score_thresholds" or "rank_bands"',
            id="tiers-as-text",
        ),
        pytest.param(
            {"basis": "steps"},
            ScoreThresholds | RankBands,
            "$.basis: got 'steps' (str); expected one of 'score_thresholds', 'rank_bands'",
            id="unknown-basis",
        ),
        pytest.param("PT", timedelta, f"$: got 'PT' (str); expected {DURATION}", id="empty-time"),
        pytest.param(
            "P999999999DT24H",
            timedelta,
            "$: got 'P999999999DT24H' (str); expected a duration of at most 999,999,999 days",
            id="duration-beyond-the-calendar",
        ),
        pytest.param(
            "2023",
            Year,
            "$: got '2023' (str); expected a year as an integer, e.g. 2023",
            id="year-as-text",
        ),
        pytest.param(
            "rumour",
            ReportKind,
            "$: got 'rumour' (str); expected one of 'hazardous_condition', 'unsafe_act', "
            "'near_miss', 'equipment_defect', 'facility_defect'",
            id="unknown-report-kind",
        ),
    ],
)
def test_the_problem_shows_the_value_as_given(data: object, kind: Any, problem: str) -> None:
    (only,) = _refusal(data, kind).problems
    assert str(only) == problem


def test_an_impossible_moment_shows_the_value_and_the_calendar_reason() -> None:
    (only,) = _refusal("2023-02-30T10:00+06:00", datetime).problems
    assert str(only).startswith("$: got '2023-02-30T10:00+06:00' (str); expected a real moment (")


def test_a_year_the_calendar_cannot_hold_shows_the_value() -> None:
    (only,) = _refusal(0, Year).problems
    assert str(only).startswith("$: got 0 (int); expected ")


def test_a_text_of_the_longest_length_is_read() -> None:
    assert serialization.load("x" * 100_000, str) == "x" * 100_000


def test_a_negative_duration_is_not_dumped_and_says_what_would_be() -> None:
    with pytest.raises(InvalidValueError) as caught:
        serialization.dump(timedelta(seconds=-1))
    assert (caught.value.field, caught.value.value) == ("duration", timedelta(seconds=-1))
    assert caught.value.expected == "whole seconds, not negative"


ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"  # the digits 0-9 of another script: text, never a number here


def _in_arabic_indic(text: str) -> str:
    return text.translate(str.maketrans("0123456789", ARABIC_INDIC))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        pytest.param("15000.50", Decimal, id="amount"),
        pytest.param("2699/2", Fraction, id="fraction"),
        pytest.param("P3D", timedelta, id="duration"),
        pytest.param("2023-12-31", date, id="day"),
        pytest.param("2023-12-31T23:30:00+06:00", datetime, id="moment"),
        pytest.param("2023-11", Month, id="month"),
        pytest.param("2023-Q4", Quarter, id="quarter"),
    ],
)
def test_digits_of_another_script_are_refused_not_read_as_numbers(text: str, kind: Any) -> None:
    assert serialization.load(text, kind) is not None  # the ASCII spelling is read
    foreign = _in_arabic_indic(text)
    (only,) = _refusal(foreign, kind).problems
    assert only.message.startswith(f"got {foreign!r} (str); expected ")


@pytest.mark.parametrize("offset", ["+06:60", "+06:00:60", "+05:07:99"])
def test_an_offset_with_60_minutes_or_seconds_is_refused(offset: str) -> None:
    (only,) = _refusal(f"2023-12-31T23:30:00{offset}", datetime).problems
    assert str(only) == f"$: got '2023-12-31T23:30:00{offset}' (str); expected {MOMENT}"


def test_an_exponent_too_large_for_any_decimal_is_refused() -> None:
    (only,) = _refusal("1e99999999999999999999", Decimal).problems
    assert str(only) == f"$: got '1e99999999999999999999' (str); expected {DECIMAL_EXAMPLE}"


@pytest.mark.parametrize("key", ["Asia", "America/Argentina", "."])
def test_a_folder_of_the_zone_database_is_not_a_zone(key: str) -> None:
    (only,) = _refusal(key, ZoneInfo).problems
    assert str(only) == f"$: got {key!r} (str); expected {ZONE_KEY}"


class PlainColour(enum.Enum):
    RED = "red"


def test_a_plain_enum_of_the_callers_is_read_by_value_like_the_librarys() -> None:
    assert serialization.load("red", PlainColour) is PlainColour.RED
    (only,) = _refusal("blue", PlainColour).problems
    assert str(only) == "$: got 'blue' (str); expected one of 'red'"


def test_a_type_the_edge_has_no_rule_for_is_a_wrong_argument() -> None:
    with pytest.raises(InvalidArgumentError, match=r"load\(\): kind: got <class 'object'>"):
        serialization.load({}, object)


def test_a_tuple_of_fixed_length_is_read_item_by_item_not_as_a_list_of_one_kind() -> None:
    assert serialization.load([1, "a"], tuple[int, str]) == (1, "a")
    (only,) = _refusal([1], tuple[int, str]).problems
    assert str(only) == "$: got [1] (list); expected a list of 2 items"


SET = frozenset({"V-z", "V-é", "V-a", "V-Ω", "V-0", "V-Z", "V-ä", "V-9"})
# As JSON text the letters beyond ASCII are escapes ("\u00e4" < "\u00e9" < "\u03a9"), and "\"
# sorts after "0", "9" and "Z" but before "a": one order on every machine and Python build,
# and 1 of 8! = 40,320 orders a set could come in unsorted.
SET_ORDER = ["V-0", "V-9", "V-Z", "V-ä", "V-é", "V-Ω", "V-a", "V-z"]


def test_a_set_is_dumped_in_the_order_of_its_items_json_text() -> None:
    assert serialization.dump(SET) == SET_ORDER


@pytest.mark.parametrize(
    ("load", "text", "problem"),
    [
        pytest.param(
            serialization.load_json,
            "{",
            "not valid JSON: Expecting property name enclosed in double quotes: "
            "line 1 column 2 (char 1)",
            id="json",
        ),
        pytest.param(serialization.load_toml, "a = ", "not valid TOML: ", id="toml"),
    ],
)
def test_text_that_does_not_parse_is_refused_for_the_type_asked(
    load: Any, text: str, problem: str
) -> None:
    with pytest.raises(InvalidDataError) as caught:
        load(text, Department)
    assert caught.value.subject == "Department"
    (only,) = caught.value.problems
    # The parsers' own words follow; json's are stable, tomllib's may change with Python.
    assert only.path == "$"
    assert only.message.startswith(problem)


def test_json_text_is_indented_by_two_with_sorted_keys_and_letters_as_written() -> None:
    department = Department(id=DepartmentId("D-1"), name="Цех №1", is_production=True)
    assert serialization.dump_json(department) == (
        '{\n  "id": "D-1",\n  "is_production": true,\n  "name": "Цех №1"\n}'
    )


def test_running_out_of_stack_becomes_a_problem_at_the_path_reached() -> None:
    # The whole story (5,000 nested levels through load) is in test_serialization; this is
    # the translation alone, which mutation testing's extra stack frames cannot reach there.
    problems = list(serialization._problems(RecursionError(), "$.children[0]"))
    assert problems == [Problem("$.children[0]", "data nested too deeply")]


# --- Converters built afresh give what the converters built at import give -----------------------
#
# `ohs_domain.serialization` builds its two converters once, when it is imported,
# and `_rewards` builds its bound checks when its classes are defined. A test of
# `load` alone therefore cannot tell a wrong factory from a right one that ran
# earlier (mutation testing swaps code in after import). These tests call the
# factories again and require the same behaviour on every kind of value the
# edge converts, valid and invalid.


def _fresh(*, detailed: bool) -> cattrs.Converter:
    # Built inside each test, never cached: the test itself must run the factory.
    return serialization._make_converter(detailed=detailed)


def _load_with_fresh(data: object, kind: Any) -> Any:
    """What `serialization.load` does, with converters built by the test."""
    with contextlib.suppress(Exception):  # any failure is re-run in detail, as load does
        return _fresh(detailed=False).structure(data, kind)
    try:
        return _fresh(detailed=True).structure(data, kind)
    except Exception as error:
        raise InvalidDataError(
            getattr(kind, "__name__", str(kind)), serialization._problems(error, "$")
        ) from None


def _small_company() -> Records:
    records = demo_company()
    return attrs.evolve(
        records,
        employees=records.employees,
        safety_reports=records.safety_reports[:300],
        training_sessions=records.training_sessions[:5],
        corrective_actions=[a for a in records.corrective_actions if a.report is None][:20],
    )


@pytest.fixture(scope="module")
def company() -> Records:
    return _small_company()


VALUES: list[Any] = [
    pytest.param(SAMPLE, Sample, id="sample-of-every-scalar"),
    pytest.param(demo.REWARD_POLICY, type(demo.REWARD_POLICY), id="reward-policy"),
    pytest.param(demo.INSPECTOR_PAY_POLICY, type(demo.INSPECTOR_PAY_POLICY), id="pay-policy"),
    pytest.param(demo.ELIMINATION_DEADLINES, type(demo.ELIMINATION_DEADLINES), id="deadlines"),
    pytest.param(kz.MINIMUM_WAGE, Schedule[Money], id="public-schedule"),
    pytest.param(Quarter(2023, 4), Quarter, id="quarter"),
    pytest.param(Year(2023), Year, id="year"),
]


@pytest.mark.parametrize(("value", "kind"), VALUES)
def test_a_converter_built_anew_dumps_and_loads_like_the_edge(value: Any, kind: Any) -> None:
    dumped = serialization.dump(value)

    assert _fresh(detailed=False).unstructure(value) == dumped
    assert _fresh(detailed=True).unstructure(value) == dumped
    assert _load_with_fresh(dumped, kind) == value
    # Both paths accept valid data on their own: the detailed one is only for reporting.
    assert _fresh(detailed=False).structure(dumped, kind) == value
    assert _fresh(detailed=True).structure(dumped, kind) == value


def test_a_converter_built_anew_loads_a_whole_company(company: Records) -> None:
    dumped = serialization.dump(company)

    assert _fresh(detailed=False).unstructure(company) == dumped
    assert _load_with_fresh(dumped, Records) == company
    assert _fresh(detailed=False).structure(dumped, Records) == company
    assert _fresh(detailed=True).structure(dumped, Records) == company


def test_a_converter_built_anew_dumps_results_like_the_edge(company: Records) -> None:
    points = key_points_of_2023(company)

    assert _fresh(detailed=False).unstructure(points) == serialization.dump(points)


def test_a_public_schedule_loads_by_name_through_a_converter_built_anew() -> None:
    assert _load_with_fresh("kz.MINIMUM_WAGE", Schedule[Money]) is kz.MINIMUM_WAGE


def test_sample_data_loads_through_a_converter_built_anew() -> None:
    assert _load_with_fresh(SAMPLE_DATA, Sample) == SAMPLE


@pytest.mark.parametrize(("data", "kind", "path", "fragment"), PROBLEMS)
def test_a_converter_built_anew_reports_the_same_problems(
    data: object, kind: Any, path: str, fragment: str
) -> None:
    with pytest.raises(InvalidDataError) as expected:
        serialization.load(data, kind)
    with pytest.raises(InvalidDataError) as fresh:
        _load_with_fresh(data, kind)

    assert fresh.value.problems == expected.value.problems
    assert fresh.value.problems[0].path == path
    assert fragment in fresh.value.problems[0].message


def test_every_bad_record_of_a_company_is_reported_through_a_converter_built_anew(
    company: Records,
) -> None:
    data = serialization.dump(company)
    data["employees"][0]["hired_on"] = "2021-02-30"
    data["safety_reports"][3]["reported_at"] = "2023-05-04T10:00:00"
    data["safety_reports"][4]["kind"] = "rumour"
    data["submissions"][0]["violations"] = ["V-0000001", "V-0000001"]

    with pytest.raises(InvalidDataError) as fresh:
        _load_with_fresh(data, Records)
    with pytest.raises(InvalidDataError) as expected:
        serialization.load(data, Records)

    assert fresh.value.problems == expected.value.problems
    assert [p.path for p in fresh.value.problems] == [
        "$.employees[0].hired_on",
        "$.safety_reports[3].reported_at",
        "$.safety_reports[4].kind",
        "$.submissions[0].violations",
    ]


def test_a_converter_built_anew_reads_a_fixed_length_tuple_item_by_item() -> None:
    assert _load_with_fresh([1, "a"], tuple[int, str]) == (1, "a")
    with pytest.raises(InvalidDataError) as caught:
        _load_with_fresh([1], tuple[int, str])
    (only,) = caught.value.problems
    assert only.message == "got [1] (list); expected a list of 2 items"


def test_a_converter_built_anew_dumps_a_set_in_the_order_of_its_items_json_text() -> None:
    for detailed in (False, True):
        assert _fresh(detailed=detailed).unstructure(SET) == SET_ORDER


def test_a_converter_built_anew_reads_a_callers_plain_enum_by_value() -> None:
    assert _load_with_fresh("red", PlainColour) is PlainColour.RED
    with pytest.raises(InvalidDataError) as caught:
        _load_with_fresh("blue", PlainColour)
    assert [str(p) for p in caught.value.problems] == ["$: got 'blue' (str); expected one of 'red'"]


def test_the_two_converters_are_configured_alike() -> None:
    for detailed in (False, True):
        converter = _fresh(detailed=detailed)
        assert converter.detailed_validation is detailed
        assert converter.forbid_extra_keys is True


# --- Bound checks built when a class is defined --------------------------------------------------


@attrs.define
class _Owner:
    low: int


@pytest.mark.parametrize("value", [3, 4, None], ids=["equal", "above", "unset"])
def test_a_bound_check_accepts_a_value_at_or_above_its_bound(value: int | None) -> None:
    check = at_least("low")

    check(_Owner(3), attrs.fields(RankBand).last_rank, value)  # no error


def test_a_bound_check_names_the_field_the_value_and_the_bound() -> None:
    check = at_least("low")

    with pytest.raises(InvalidValueError) as caught:
        check(_Owner(3), attrs.fields(RankBand).last_rank, 2)

    assert (caught.value.field, caught.value.value) == ("last_rank", 2)
    assert caught.value.expected == "at least low (3)"


# --- Loaded moments: one shared zone per offset, the same instant, the same order ----------------


@given(testing.records())
def test_loaded_moments_share_one_zone_per_offset_and_keep_their_value(records: Records) -> None:
    loaded = serialization.load(serialization.dump(records), Records)
    assert serialization.dump(loaded) == serialization.dump(records)  # a fold is never ==
    moments = [r.reported_at for r in loaded.safety_reports]
    moments += [c.at for r in loaded.safety_reports for c in r.history]
    zones: dict[timedelta | None, int] = {}
    for moment in moments:
        zones.setdefault(moment.utcoffset(), id(moment.tzinfo))
        assert id(moment.tzinfo) == zones[moment.utcoffset()]
    assert serialization.dump(loaded) == serialization.dump(records)


@given(st.sampled_from(["+06:00", "+05:00", "Z", "+00:00", "-03:30", "+05:07:48"]))
def test_a_loaded_moment_is_the_same_instant_with_the_same_offset(offset: str) -> None:
    text = f"2024-02-29T23:30:00{offset}"
    moment = serialization.load(text, datetime)
    assert moment == datetime.fromisoformat(text)
    assert moment.utcoffset() == datetime.fromisoformat(text).utcoffset()
    assert moment.isoformat() == datetime.fromisoformat(text).isoformat()


def test_a_native_moment_keeps_its_own_zone() -> None:
    named = timezone(timedelta(hours=6), "ALMT")
    moment = datetime(2023, 5, 4, 9, 30, tzinfo=named)
    assert serialization.load(moment, datetime).tzinfo is named


def test_reports_of_mixed_offsets_are_in_time_order_after_loading() -> None:
    # Almaty moved from UTC+6 to UTC+5 on 2024-03-01: the same wall time comes twice.
    before = datetime(2024, 2, 29, 23, 30, tzinfo=timezone(timedelta(hours=6)))
    after = datetime(2024, 2, 29, 23, 15, tzinfo=timezone(timedelta(hours=5)))
    assert before < after
    data = {
        "time_zone": "Asia/Almaty",
        "departments": [{"id": "D-1", "name": "Plant", "is_production": True}],
        "employees": [
            {
                "id": "E-1",
                "department": "D-1",
                "category": "worker",
                "hired_on": "2020-01-01",
                "left_on": None,
            }
        ],
        "reporting_accounts": [{"employee": "E-1", "registered_on": "2020-01-01"}],
        "safety_reports": [
            _report("R-2", after),
            _report("R-1", before),
        ],
    }
    loaded = serialization.load(data, Records)
    ordered = loaded.reports_during(DateRange(date(2024, 2, 1), date(2024, 4, 1)))
    assert [r.id for r in ordered] == ["R-1", "R-2"]
    assert ordered[0].reported_at.astimezone(UTC) < ordered[1].reported_at.astimezone(UTC)


def _report(report_id: str, at: datetime) -> dict[str, object]:
    return {
        "id": report_id,
        "kind": "near_miss",
        "risk": "low",
        "reporter": "E-1",
        "department": "D-1",
        "reported_at": at.isoformat(),
        "history": [],
    }


# --- Byte-identical results in any process, whatever PYTHONHASHSEED is ---------------------------
# in any process, whatever ``PYTHONHASHSEED`` (set and frozenset order) is.

SCRIPT = """
import hashlib
from datetime import date
from ohs_domain import Year, key_points, serialization
from ohs_domain.demo import (
    ELIMINATION_DEADLINES, INSPECTOR_PAY_POLICY, REWARD_POLICY, build_records,
)
records = build_records()
points = key_points(
    records, year=Year(2023), as_of=date(2023, 12, 31), deadlines=ELIMINATION_DEADLINES,
    inspector_pay_policy=INSPECTOR_PAY_POLICY, reward_policy=REWARD_POLICY,
    paid_on=date(2024, 1, 25),
)
for value in (records, points, REWARD_POLICY):
    print(hashlib.sha256(serialization.dump_json(value).encode()).hexdigest())
print(hashlib.sha256(str(points).encode()).hexdigest())
"""


def _digests(hash_seed: str) -> str:
    environment = {**os.environ, "PYTHONHASHSEED": hash_seed}
    completed = subprocess.run(  # noqa: S603 - our own script, our own interpreter
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        check=True,
        env=environment,
        timeout=600,
    )
    return completed.stdout


@pytest.fixture(scope="module")
def reference() -> str:
    return _digests("0")


@pytest.mark.slow  # four interpreters each build the demo company: .ci/run runs it
@pytest.mark.parametrize("hash_seed", ["1", "4242", "random"])
def test_results_are_byte_identical_across_hash_seeds(reference: str, hash_seed: str) -> None:
    digests = _digests(hash_seed)
    assert len(digests.split()) == 4
    assert digests == reference


# --- Reports and their histories: read by hand when valid, in detail when not ---------------------

A_REPORT: dict[str, Any] = {
    "id": "R-1",
    "kind": "near_miss",
    "risk": "high",
    "reporter": "E-1",
    "department": "D-1",
    "reported_at": "2023-05-04T09:30:00+06:00",
    "history": [{"status": "accepted", "at": "2023-05-04T10:30:00+06:00"}],
}


@pytest.mark.parametrize(
    ("report", "problem"),
    [
        pytest.param(
            ["R-1"], "$: got ['R-1'] (list); expected an object with the fields", id="list"
        ),
        pytest.param({**A_REPORT, "note": "x"}, "$.note: unknown field", id="unknown-field"),
        pytest.param(
            {**A_REPORT, "history": "abc"}, "$.history: got 'abc' (str)", id="history-text"
        ),
        pytest.param(
            {**A_REPORT, "history": ["accepted"]}, "$.history[0]: got 'accepted'", id="change-text"
        ),
        pytest.param(
            {
                **A_REPORT,
                "history": [{"status": "accepted", "at": A_REPORT["reported_at"], "by": "E-2"}],
            },
            "$.history[0].by: unknown field",
            id="change-unknown-field",
        ),
        pytest.param(
            {**A_REPORT, "kind": ["near_miss"]}, "$.kind: got ['near_miss'] (list)", id="kind-list"
        ),
    ],
)
def test_a_report_of_the_wrong_shape_is_refused_at_its_path(report: object, problem: str) -> None:
    with pytest.raises(InvalidDataError) as info:
        serialization.load(report, SafetyReport)
    assert [str(p) for p in info.value.problems if str(p).startswith(problem)]


def test_a_report_reads_the_same_with_or_without_an_empty_reason_and_history() -> None:
    bare = {key: value for key, value in A_REPORT.items() if key != "history"}
    assert serialization.load(bare, SafetyReport).history == ()
    change = {"status": "accepted", "at": "2023-05-04T10:30:00+06:00", "reason": None}
    assert serialization.load({**bare, "history": (change,)}, SafetyReport) == (
        serialization.load(A_REPORT, SafetyReport)
    )


# --- Corrective actions and their policy at the edge -------------------------------------------


@given(action_deadlines())
def test_an_action_policy_round_trips_with_iso_terms(policy: ActionDeadlines) -> None:
    data = serialization.dump(policy)
    assert all(isinstance(term, str) and term.startswith("P") for term in data.values())
    assert serialization.load(data, ActionDeadlines) == policy


def test_a_bad_term_is_reported_with_its_path() -> None:
    data = {"low": "P1M", "medium": "P10", "high": "PT3H", "coming_due": "P0D", "escalate_after": 3}
    with pytest.raises(InvalidDataError) as caught:
        serialization.load(data, ActionDeadlines)
    problems = {p.path: p.message for p in caught.value.problems}
    assert sorted(problems) == ["$.coming_due", "$.escalate_after", "$.high", "$.medium"]
    assert "a Term longer than zero" in problems["$.coming_due"]
    assert 'months and days, e.g. "P1M", "P10D"' in problems["$.medium"]


def _bundle_with_actions() -> dict[str, Any]:
    staff = [
        Employee(
            id=EmployeeId("E-1"),
            department=DepartmentId("D-1"),
            category=EmployeeCategory.WORKER,
            hired_on=date(2020, 1, 1),
        )
    ]
    hazard = SafetyReport(
        id=ReportId("R-1"),
        kind=ReportKind.NEAR_MISS,
        risk=RiskLevel.HIGH,
        reporter=EmployeeId("E-1"),
        department=DepartmentId("D-1"),
        reported_at=datetime(2023, 5, 4, 9, tzinfo=kz.ALMATY),
    )
    found = Violation(
        id=ViolationId("V-1"),
        found_on=date(2023, 5, 4),
        department=DepartmentId("D-1"),
        category="work at height",
    )
    opened = CorrectiveAction(
        id=ActionId("CA-1"),
        report=ReportId("R-1"),
        description="Fix it",
        owner=EmployeeId("E-1"),
        risk=RiskLevel.HIGH,
        raised_on=date(2023, 5, 4),
        due_on=date(2023, 5, 7),
    )
    actions = [
        opened,
        attrs.evolve(opened, id=ActionId("CA-2"), report=None, violation=ViolationId("V-1")),
    ]
    bundle = Records(
        time_zone=kz.ALMATY,
        departments=[Department(id=DepartmentId("D-1"), name="CHP-1", is_production=True)],
        employees=staff,
        reporting_accounts=[
            ReportingAccount(employee=EmployeeId("E-1"), registered_on=date(2021, 1, 1))
        ],
        safety_reports=[hazard],
        violations=[found],
        corrective_actions=actions,
    )
    data: dict[str, Any] = serialization.dump(bundle)
    assert serialization.load(data, Records) == bundle
    return data


def test_an_action_on_an_unreadable_row_is_not_a_second_problem() -> None:
    data = _bundle_with_actions()
    data["safety_reports"][0]["kind"] = "boss"
    data["violations"][0]["found_on"] = "yesterday"
    with pytest.raises(InvalidDataError) as caught:
        serialization.load(data, Records)
    assert [p.path for p in caught.value.problems] == [
        "$.safety_reports[0].kind",
        "$.violations[0].found_on",
    ]


def test_without_a_zone_the_dated_rules_of_actions_wait() -> None:
    data = _bundle_with_actions()
    data["time_zone"] = "Nowhere/City"
    data["corrective_actions"][0]["raised_on"] = "2023-05-01"  # before the report: dated
    data["corrective_actions"][0]["due_on"] = "2023-05-02"
    with pytest.raises(InvalidDataError) as caught:
        serialization.load(data, Records)
    assert [p.path for p in caught.value.problems] == ["$.time_zone"]


# -- the fast hooks of the two hot classes check each field once, as the generic ones do -------


@given(safety_reports())
def test_a_report_read_by_the_fast_hook_is_the_report_the_generic_hooks_read(
    report: SafetyReport,
) -> None:
    data = serialization.dump(report)
    fast = serialization._FAST.structure(data, SafetyReport)
    assert fast == serialization._DETAILED.structure(data, SafetyReport) == report
    assert serialization.dump(fast) == data


@pytest.mark.parametrize(
    ("reported_at", "valid"),
    [
        pytest.param("0001-01-02T00:00:00+00:00", True, id="first-moment-the-periods-hold"),
        pytest.param("0001-01-01T23:59:00+00:00", False, id="a-minute-before-it"),
        pytest.param("9998-12-30T00:00:00+00:00", True, id="last-moment-the-periods-hold"),
        pytest.param("9998-12-30T00:01:00+00:00", False, id="a-minute-after-it"),
        pytest.param("9999-12-31T23:00:00+06:00", False, id="the-calendar's-last-hour"),
    ],
)
def test_a_report_at_the_calendar_ends_is_checked_whole(reported_at: str, valid: bool) -> None:
    data = {
        "id": "R-1",
        "kind": "near_miss",
        "risk": "low",
        "reporter": "E-1",
        "department": "D-1",
        "reported_at": reported_at,
        "history": [],
    }
    if valid:
        report = serialization.load(data, SafetyReport)
        assert report.reported_at == datetime.fromisoformat(reported_at)
        return
    with pytest.raises(InvalidDataError) as caught:
        serialization.load(data, SafetyReport)
    assert [p.path for p in caught.value.problems] == ["$.reported_at"]
    assert "0001-01-02 to 9998-12-30" in caught.value.problems[0].message


@pytest.mark.parametrize(
    ("field", "value"),
    [
        pytest.param("id", " R-1", id="id-with-a-leading-blank"),
        pytest.param("reporter", "E\u200b1", id="reporter-with-an-invisible-character"),
        pytest.param("department", "D" * 100_001, id="department-too-long"),
        pytest.param("kind", ["near_miss"], id="kind-not-a-string"),
        pytest.param("risk", "extreme", id="risk-not-a-level"),
    ],
)
def test_a_report_field_the_fast_hook_refuses_is_named_by_the_detailed_one(
    field: str, value: object
) -> None:
    data: dict[str, object] = {
        "id": "R-1",
        "kind": "near_miss",
        "risk": "low",
        "reporter": "E-1",
        "department": "D-1",
        "reported_at": "2023-05-04T09:30:00+06:00",
        "history": [{"status": "rejected", "at": "2023-05-05T09:30:00+06:00", "reason": "dup"}],
    }
    data[field] = value
    with pytest.raises(InvalidValueError):
        serialization._FAST.structure(data, SafetyReport)
    with pytest.raises(InvalidDataError) as caught:
        serialization.load(data, SafetyReport)
    assert [p.path for p in caught.value.problems] == [f"$.{field}"]


def test_a_blank_rejection_reason_is_refused_by_the_fast_hook_too() -> None:
    change = {"status": "rejected", "at": "2023-05-05T09:30:00+06:00", "reason": "  "}
    with pytest.raises(InvalidValueError):
        serialization._FAST.structure(change, StatusChange)
    with pytest.raises(InvalidDataError) as caught:
        serialization.load(change, StatusChange)
    assert [p.path for p in caught.value.problems] == ["$.reason"]


# A moment in the usual form, "2023-07-14T10:23:45+06:00", is read by a shorter path once its
# offset has been read: every text that path takes, the full reading takes alike.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("2023-07-14 10:23:45+06:00", "with its UTC offset", id="space-for-t"),
        pytest.param("2023-02-30T10:23:45+06:00", "a real moment", id="february-30"),
        pytest.param("2023-07-14T24:00:00+06:00", "a real moment", id="hour-24"),
        pytest.param("٢٠٢٣-07-14T10:23:45+06:00", "with its UTC offset", id="arabic-digits"),
        pytest.param("2023-07-14T10:23:4x+06:00", "with its UTC offset", id="letter-in-seconds"),
        pytest.param("2023-07-14T10:23:45+06:60", "with its UTC offset", id="offset-minute-60"),
    ],
)
def test_a_moment_in_the_usual_form_is_as_strict_once_its_offset_is_known(
    text: str, expected: str
) -> None:
    assert len(text) == len("2023-07-14T10:23:45+06:00")
    serialization.load("2023-07-14T10:23:45+06:00", datetime)  # the offset is known now

    (only,) = _refusal(text, datetime).problems

    assert expected in str(only)


@given(
    st.datetimes(
        timezones=st.sampled_from([timezone(timedelta(minutes=m)) for m in range(-720, 841, 45)])
    )
)
def test_a_moment_reads_alike_before_and_after_its_offset_is_known(moment: datetime) -> None:
    text = moment.replace(microsecond=0).isoformat()
    first, second = (serialization.load(text, datetime) for _ in range(2))
    assert first == second == datetime.fromisoformat(text)
    assert first.utcoffset() == second.utcoffset() == datetime.fromisoformat(text).utcoffset()
    assert first.tzinfo is second.tzinfo  # one zone per offset, by either path


def _wire_report(number: int, reporter: str = "E-1", department: str = "D-1") -> dict[str, object]:
    """A registered report as JSON gives it, from ``reporter`` in ``department``."""
    return {
        "id": f"R-{number}",
        "kind": "near_miss",
        "risk": "low",
        "reporter": reporter,
        "department": department,
        "reported_at": "2023-05-04T09:30:00+06:00",
    }


def test_reports_share_one_string_for_a_reporter_and_a_department() -> None:
    # A new string each time, as JSON gives them:
    wire = [_wire_report(n, "".join(["E-", "1"]), "".join(["D-", "1"])) for n in (1, 2)]

    first, second = serialization.load(wire, list[SafetyReport])

    assert first.reporter is second.reporter
    assert first.department is second.department


def test_a_bad_reporter_is_refused_after_good_ones_were_read() -> None:
    wire = [_wire_report(1), _wire_report(2, reporter="E-1 ", department="D-\u200b1")]

    caught = _refusal(wire, list[SafetyReport])

    assert [p.path for p in caught.problems] == ["$[1].reporter", "$[1].department"]


def test_the_remembered_ids_are_bounded_and_reading_goes_on_alike_when_full(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(serialization, "_MAX_REFERENCES", 2)

    loaded = serialization.load([_wire_report(n, f"E-{n}") for n in range(5)], list[SafetyReport])

    assert [r.reporter for r in loaded] == [f"E-{n}" for n in range(5)]
    assert len(serialization._REFERENCES) <= 2


def test_a_reporter_given_as_a_subclass_of_str_is_kept_as_given_and_not_shared() -> None:
    class Name(str):
        __slots__ = ()

    wire = [_wire_report(1, Name("E-7")), _wire_report(2, "E-7")]

    given, plain = serialization.load(wire, list[SafetyReport])

    assert [type(given.reporter), type(plain.reporter)] == [Name, str]
