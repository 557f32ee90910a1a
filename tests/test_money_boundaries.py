"""Money at its edges: what `prorated` rejects, and how it says so."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ohs_domain import InvalidValueError, Money


@pytest.mark.parametrize("whole", [0, -1], ids=["zero-days", "negative-days"])
def test_prorating_over_no_whole_is_refused(whole: int) -> None:
    with pytest.raises(InvalidValueError) as info:
        Money(15_000).prorated(1, whole)
    error = info.value
    assert (error.field, error.value, error.expected) == ("whole", whole, "a positive int")
    assert str(error) == f"whole: got {whole} (int); expected a positive int"


def test_prorating_a_negative_part_is_refused() -> None:
    with pytest.raises(InvalidValueError) as info:
        Money(15_000).prorated(-1, 90)
    error = info.value
    assert (error.field, error.value, error.expected) == ("part", -1, "a non-negative int")
    assert str(error) == "part: got -1 (int); expected a non-negative int"


def test_prorating_nothing_gives_zero_not_minus_zero() -> None:
    result = Money(15_000).prorated(0, 90)
    assert result == Money(0)
    assert str(result.amount) == "0.00"


@pytest.mark.parametrize(
    ("factor", "expected"),
    [
        (1.5, "an int or a Decimal; floats cannot scale money exactly"),
        ("2", "an int or a Decimal"),
        (True, "an int or a Decimal"),
    ],
    ids=["float-with-the-reason", "text", "bool"],
)
def test_a_factor_that_is_not_exact_is_refused(factor: object, expected: str) -> None:
    with pytest.raises(InvalidValueError) as info:
        Money(10) * factor  # type: ignore[operator]
    error = info.value
    assert (error.field, error.value, error.expected) == ("factor", factor, expected)


def test_an_inexact_product_names_the_operation_it_could_not_do() -> None:
    digits = Decimal("1." + "3" * 39)  # 40 digits: 80 in the product
    with pytest.raises(InvalidValueError) as info:
        Money(digits) * digits
    error = info.value
    assert error.field == f"{digits} * {digits}"
    assert error.value == "an inexact result"
    assert error.expected == "amounts whose exact result fits in 60 digits"


@pytest.mark.parametrize("currency", ["EUR", "JPY"])
def test_scaling_keeps_the_currency(currency: str) -> None:
    assert Money(10, currency) * 3 == Money(30, currency)
    assert 3 * Money(10, currency) == Money(30, currency)


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (1.5, "a Decimal or an int (floats cannot hold money exactly), e.g. Decimal('15000.50')"),
        ("1.5", "a Decimal or an int, e.g. Decimal('15000.50')"),
    ],
    ids=["float-with-the-reason", "text"],
)
def test_an_amount_that_is_not_exact_is_refused(amount: object, expected: str) -> None:
    with pytest.raises(InvalidValueError) as info:
        Money(amount)  # type: ignore[arg-type]
    error = info.value
    assert (error.field, error.value, error.expected) == ("amount", amount, expected)


@pytest.mark.parametrize("currency", ["kzt", "XYZ", ""], ids=["lower-case", "unknown", "empty"])
def test_a_currency_that_is_not_iso_4217_is_refused_with_examples(currency: str) -> None:
    with pytest.raises(InvalidValueError) as info:
        Money(1, currency)
    error = info.value
    assert (error.field, error.value) == ("currency", currency)
    assert error.expected == "an ISO 4217 code in upper case, e.g. 'KZT' or 'EUR'"


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (Decimal("NaN"), "a finite number"),
        (Decimal("Infinity"), "a finite number"),
        (Decimal("1E+30"), "an amount below 10**30 in size, in steps of at least 10**-20"),
        (Decimal("1E-21"), "an amount below 10**30 in size, in steps of at least 10**-20"),
    ],
    ids=["not-a-number", "infinite", "too-large", "too-fine"],
)
def test_an_amount_out_of_range_says_what_range_is_valid(amount: Decimal, expected: str) -> None:
    with pytest.raises(InvalidValueError) as info:
        Money(amount)
    error = info.value
    assert (error.field, error.expected) == ("amount", expected)
    assert str(error.value) == str(amount)
