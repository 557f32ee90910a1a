"""The edge's messages, word for word: what a clerk reads beside a rejected row."""

from __future__ import annotations

from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from ohs_domain import Department, InvalidDataError, Money, Schedule, serialization

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
