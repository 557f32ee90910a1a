"""The edge's messages, word for word: what a clerk reads beside a rejected row."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from ohs_domain import (
    Department,
    InvalidDataError,
    InvalidValueError,
    Money,
    ReportKind,
    Schedule,
    Year,
    serialization,
)

DECIMAL_EXAMPLE = 'a decimal string such as "15000.50"'
FINITE_DECIMAL = 'a finite decimal number written as a string, e.g. "15000.50"'
ZONE_KEY = 'an IANA time zone key, e.g. "Asia/Almaty"'


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


def test_an_amount_of_100_characters_is_still_read() -> None:
    assert serialization.load("1" * 100, Decimal) == Decimal("1" * 100)


@pytest.mark.parametrize(
    ("kind", "subject"),
    [(Department, "Department"), (Money, "Money"), (Schedule[Money], "Schedule")],
)
def test_the_error_names_the_type_by_its_name(kind: Any, subject: str) -> None:
    assert _refusal("not an object", kind).subject == subject


def test_a_type_without_a_name_is_named_by_its_spelling() -> None:
    assert _refusal("x", int | None).subject == "int | None"


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
            f"$: got '2023-12-31T23:30:00' (str); expected {MOMENT}",
            id="moment-without-offset",
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
