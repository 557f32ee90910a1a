"""The shared field validators: the exact field, value and expectation each error names.

The domain classes build their validators once, at import; these tests build them
inside each test, so a change to a validator factory shows up here and not only as a
different class.
"""

from __future__ import annotations

import ast
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any

import attrs
import pytest

from ohs_domain import Entry, InvalidValueError, Money, Schedule, Source, _checks, kz
from ohs_domain._checks import (
    at_least,
    between,
    count,
    day,
    flag,
    ids,
    instance,
    member,
    moment,
    not_before,
    optional,
    text,
)
from ohs_domain._effective import money_schedule

LAW = Source(title="Order", number="1", adopted_on=date(2022, 12, 1))


class Colour(StrEnum):
    RED = "red"
    GREEN = "green"


def schedule(*amounts: Money) -> Schedule[Money]:
    """One entry a year from 2020, each from ``LAW``."""
    return Schedule(
        name="amount",
        entries=tuple(
            Entry(since=date(2020 + n, 1, 1), value=amount, source=LAW)
            for n, amount in enumerate(amounts)
        ),
    )


def holder(validator: Any) -> type:
    """A class with one field, ``amount``, checked by ``validator``."""
    return attrs.make_class("Holder", {"amount": attrs.field(validator=validator)})


def error_of(cls: type, **fields: object) -> InvalidValueError:
    with pytest.raises(InvalidValueError) as info:
        cls(**fields)
    return info.value


# --- money_schedule ------------------------------------------------------------------------------


TEXT = "a non-empty string without control characters, bidirectional overrides or lone surrogates"
IDS = (
    "ids, each an id: a non-empty string of visible characters, without spaces at either end, "
    "e.g. 'E-0042'"
)


@pytest.mark.parametrize("allow_zero", [True, False], ids=["zero-allowed", "positive-only"])
def test_money_schedule_accepts_positive_amounts_in_one_currency(allow_zero: bool) -> None:
    value = schedule(Money(1), Money(2))
    assert holder(money_schedule(allow_zero=allow_zero))(amount=value).amount == value


def test_zero_amount_is_accepted_only_when_allowed() -> None:
    value = schedule(Money(5), Money(0))
    assert holder(money_schedule(allow_zero=True))(amount=value).amount == value

    error = error_of(holder(money_schedule(allow_zero=False)), amount=value)
    assert error.field == "amount.entries[1].value"
    assert error.value == Money(0)
    assert error.expected == "a Schedule of positive Money in one currency"


@pytest.mark.parametrize("allow_zero", [True, False], ids=["zero-allowed", "positive-only"])
def test_a_negative_amount_is_named_by_its_entry(allow_zero: bool) -> None:
    error = error_of(
        holder(money_schedule(allow_zero=allow_zero)), amount=schedule(Money(1), Money(-1))
    )
    floor = "non-negative" if allow_zero else "positive"
    assert (error.field, error.value) == ("amount.entries[1].value", Money(-1))
    assert error.expected == f"a Schedule of {floor} Money in one currency"


def test_a_tiny_positive_amount_is_positive() -> None:
    value = schedule(Money(Decimal("0.01")), Money(Decimal("0.5")))
    assert holder(money_schedule(allow_zero=False))(amount=value).amount == value


def test_an_entry_that_is_not_money_is_named() -> None:
    error = error_of(holder(money_schedule(allow_zero=True)), amount=schedule(Money(1), 3))  # type: ignore[arg-type]
    assert (error.field, error.value) == ("amount.entries[1].value", 3)
    assert error.expected == "a Schedule of non-negative Money in one currency"


def test_a_value_that_is_not_a_schedule_is_named() -> None:
    error = error_of(holder(money_schedule(allow_zero=False)), amount=Money(1))
    assert (error.field, error.value) == ("amount", Money(1))
    assert error.expected == "a Schedule of positive Money in one currency"


def test_two_currencies_are_listed_sorted() -> None:
    value = schedule(Money(1, "USD"), Money(1, "EUR"), Money(2, "USD"))
    error = error_of(holder(money_schedule(allow_zero=False)), amount=value)
    assert (error.field, error.value) == ("amount", ["EUR", "USD"])
    assert error.expected == "a Schedule of positive Money in one currency"


def test_one_foreign_currency_throughout_is_fine() -> None:
    value = schedule(Money(1, "EUR"), Money(2, "EUR"))
    assert holder(money_schedule(allow_zero=False))(amount=value).amount == value


# --- member, instance, optional ------------------------------------------------------------------


def test_member_lists_every_member_of_the_enum() -> None:
    cls = holder(member(Colour))
    assert cls(amount=Colour.GREEN).amount is Colour.GREEN
    error = error_of(cls, amount="red")
    assert (error.field, error.value) == ("amount", "red")
    assert error.expected == "one of Colour.RED, Colour.GREEN"


def test_instance_names_the_class_expected() -> None:
    cls = holder(instance(Money))
    assert cls(amount=Money(1)).amount == Money(1)
    error = error_of(cls, amount=1)
    assert (error.field, error.value, error.expected) == ("amount", 1, "a Money")


def test_optional_accepts_none_and_passes_everything_else_on() -> None:
    cls = holder(optional(day))
    assert cls(amount=None).amount is None
    assert cls(amount=date(2023, 1, 1)).amount == date(2023, 1, 1)
    error = error_of(cls, amount="2023-01-01")
    assert (error.field, error.value) == ("amount", "2023-01-01")
    assert error.expected == "a datetime.date (a day, not a moment)"


# --- not_before ----------------------------------------------------------------------------------


def window(validator: Any) -> type:
    """A class with ``start`` and ``end``, ``end`` checked by ``validator``."""
    return attrs.make_class(
        "Window", {"start": attrs.field(), "end": attrs.field(validator=validator)}
    )


def test_not_before_accepts_the_same_day_and_later_days() -> None:
    cls = window(not_before("start"))
    assert cls(start=date(2023, 1, 1), end=date(2023, 1, 1)).end == date(2023, 1, 1)
    assert cls(start=date(2023, 1, 1), end=date(2023, 1, 2)).end == date(2023, 1, 2)


@pytest.mark.parametrize(
    ("start", "end"),
    [(None, date(2023, 1, 1)), (date(2023, 1, 1), None), (None, None)],
    ids=["no-start", "no-end", "neither"],
)
def test_not_before_skips_a_missing_day(start: date | None, end: date | None) -> None:
    assert window(not_before("start"))(start=start, end=end).end == end


def test_not_before_names_the_other_field_and_its_day() -> None:
    error = error_of(window(not_before("start")), start=date(2023, 1, 2), end=date(2023, 1, 1))
    assert (error.field, error.value) == ("end", date(2023, 1, 1))
    assert error.expected == "a day on or after start (2023-01-02)"


# --- the plain validators ------------------------------------------------------------------------

RANGE = "a moment from 0001-01-02 to 9998-12-30 (UTC)"
ID = "an id: a non-empty string of visible characters, without spaces at either end, e.g. 'E-0042'"
MOMENT_EXPECTED = "a time-zone-aware datetime, e.g. datetime(2023, 5, 4, 9, 30, tzinfo=kz.ALMATY)"


@pytest.mark.parametrize(
    ("validator", "good", "bad", "expected"),
    [
        pytest.param(text, "Order", "  ", TEXT, id="text-blank"),
        pytest.param(text, "Order", 7, TEXT, id="text-not-a-string"),
        pytest.param(
            day,
            date(2023, 1, 1),
            datetime(2023, 1, 1, tzinfo=kz.ALMATY),
            "a datetime.date (a day, not a moment)",
            id="day-a-moment",
        ),
        pytest.param(
            day,
            date(2023, 1, 1),
            "2023-01-01",
            "a datetime.date (a day, not a moment)",
            id="day-text",
        ),
        pytest.param(
            moment,
            datetime(2023, 1, 1, tzinfo=kz.ALMATY),
            datetime(2023, 1, 1),  # noqa: DTZ001 - naive on purpose
            MOMENT_EXPECTED,
            id="moment-naive",
        ),
        pytest.param(
            moment,
            datetime(2023, 1, 1, tzinfo=kz.ALMATY),
            date(2023, 1, 1),
            MOMENT_EXPECTED,
            id="moment-a-day",
        ),
        pytest.param(
            moment,
            datetime(1, 1, 2, tzinfo=UTC),  # the first moment every zone's day can hold
            datetime(1, 1, 1, 23, 59, tzinfo=UTC),
            RANGE,
            id="moment-a-minute-before-the-first",
        ),
        pytest.param(
            moment,
            datetime(9998, 12, 30, tzinfo=UTC),  # the last one
            datetime(9998, 12, 30, 0, 1, tzinfo=UTC),
            RANGE,
            id="moment-a-minute-after-the-last",
        ),
        pytest.param(_checks.identifier, "E-1", "", ID, id="identifier-empty"),
        pytest.param(flag, True, 1, "True or False", id="flag-an-int"),
        pytest.param(count, 0, -1, "a non-negative int", id="count-negative"),
        pytest.param(count, 0, True, "a non-negative int", id="count-a-bool"),
        pytest.param(count, 0, 1.0, "a non-negative int", id="count-a-float"),
        pytest.param(
            ids, frozenset({"E-1"}), frozenset(), "a non-empty frozenset of ids", id="ids-empty"
        ),
        pytest.param(
            ids, frozenset({"E-1"}), {"E-1"}, "a non-empty frozenset of ids", id="ids-a-set"
        ),
        pytest.param(
            ids,
            frozenset({"E-1"}),
            frozenset({"E-1", " "}),
            IDS,
            id="ids-a-blank-id",
        ),
        pytest.param(
            ids,
            frozenset({"E-1"}),
            frozenset({1}),
            IDS,
            id="ids-an-int",
        ),
    ],
)
def test_each_plain_validator_names_field_value_and_expectation(
    validator: Any, good: object, bad: object, expected: str
) -> None:
    cls = holder(validator)
    assert cls(amount=good).amount == good
    error = error_of(cls, amount=bad)
    assert (error.field, error.value, error.expected) == ("amount", bad, expected)


def test_flag_accepts_false_too() -> None:
    assert holder(flag)(amount=False).amount is False


def test_optional_passes_the_instance_on_to_the_check() -> None:
    cls = window(optional(not_before("start")))
    assert cls(start=date(2023, 1, 1), end=None).end is None
    error = error_of(cls, start=date(2023, 1, 2), end=date(2023, 1, 1))
    assert error.expected == "a day on or after start (2023-01-02)"


# --- at_least, between -------------------------------------------------------------------------


def test_an_instance_check_says_what_it_was_told_to_expect() -> None:
    error = error_of(holder(instance(int, "a whole number of days")), amount="7")
    assert (error.field, error.value, error.expected) == ("amount", "7", "a whole number of days")


def test_a_lower_bound_shows_a_number_as_written_and_a_day_in_the_readers_language() -> None:
    # A count or an id-like number is shown as it is (10000, not 10,000); a day as a day.
    error = error_of(window(at_least("start")), start=10000, end=9999)
    assert error.expected == "at least start (10000)"
    error = error_of(window(not_before("start")), start=date(2023, 1, 2), end=date(2023, 1, 1))
    assert "02.01.2023" in error.render("ru")


def test_at_least_names_the_other_field_and_its_value() -> None:
    cls = window(at_least("start"))
    assert cls(start=3, end=3).end == 3
    error = error_of(cls, start=3, end=2)
    assert (error.field, error.value, error.expected) == ("end", 2, "at least start (3)")


@pytest.mark.parametrize("bad", [0, 5, True, "2"], ids=["below", "above", "a-bool", "a-string"])
def test_between_takes_ints_from_low_to_high(bad: object) -> None:
    cls = holder(between(1, 4))
    assert [cls(amount=n).amount for n in (1, 4)] == [1, 4]
    error = error_of(cls, amount=bad)
    assert (error.field, error.value, error.expected) == ("amount", bad, "an int from 1 to 4")


# --- what a validator shows ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("validator", "shown"),
    [
        pytest.param(text, "<text validator>", id="text"),
        pytest.param(_checks.identifier, "<identifier validator>", id="identifier"),
        pytest.param(day, "<day validator>", id="day"),
        pytest.param(moment, "<moment validator>", id="moment"),
        pytest.param(flag, "<flag validator>", id="flag"),
        pytest.param(count, "<int validator for 0..>", id="count"),
        pytest.param(between(1, 12), "<int validator for 1..12>", id="between"),
        pytest.param(ids, "<ids validator>", id="ids"),
        pytest.param(member(Colour), "<member validator for Colour>", id="member"),
        pytest.param(instance(Money), "<instance validator for Money>", id="instance"),
        pytest.param(
            optional(day), "<optional validator for <day validator> or None>", id="optional"
        ),
        pytest.param(
            not_before("start"), "<validator for a day on or after field start>", id="not-before"
        ),
        pytest.param(at_least("low"), "<validator for at least field low>", id="at-least"),
        pytest.param(
            money_schedule(allow_zero=True), "<money schedule validator>", id="money-schedule"
        ),
        pytest.param(
            money_schedule(allow_zero=False),
            "<money schedule validator, zero refused>",
            id="money-schedule-positive",
        ),
    ],
)
def test_a_validator_shows_what_it_checks(validator: Any, shown: str) -> None:
    # attrs shows a field's validator in its own repr; "<function check at 0x7f…>" says nothing.
    assert repr(validator) == shown


def test_validators_of_equal_checks_are_equal() -> None:
    assert member(Colour) == member(Colour)
    assert between(1, 4) != between(1, 12)


def test_the_validators_import_nothing_above_the_error_tree() -> None:
    tree = ast.parse(Path(_checks.__file__).read_text(encoding="utf-8"))
    imported = {
        node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("ohs_domain")
    } | {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
        if alias.name.startswith("ohs_domain")
    }
    assert imported == {"ohs_domain._errors", "ohs_domain._i18n"}  # _i18n: beneath the errors
