"""The edge's messages, word for word: what a clerk reads beside a rejected row."""

from __future__ import annotations

import enum
from datetime import date, datetime, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from ohs_domain import (
    Department,
    DepartmentId,
    InvalidArgumentError,
    InvalidDataError,
    InvalidValueError,
    Money,
    Month,
    Problem,
    Quarter,
    RankBands,
    ReportKind,
    Schedule,
    ScoreThresholds,
    Year,
    serialization,
)

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
