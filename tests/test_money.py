"""Money: exact amounts, one currency at a time, rounded once by a named rule."""

import operator
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ohs_domain import (
    ROUNDING,
    CurrencyMismatchError,
    InvalidValueError,
    Money,
    OhsDomainError,
    Rate,
    Share,
)
from ohs_domain.testing import currencies, money

# --- Construction --------------------------------------------------------------------------------


def test_amount_defaults_to_tenge() -> None:
    quarterly = Money(Decimal("15000"))
    assert quarterly.currency == "KZT"
    assert quarterly.amount == Decimal(15000)


def test_int_amount_is_kept_exact() -> None:
    amount = Money(10**29).amount
    assert isinstance(amount, Decimal)
    assert amount == Decimal("1E+29")


@pytest.mark.parametrize(
    ("amount", "fragment"),
    [
        pytest.param(15000.0, "floats cannot hold money exactly", id="float-wage"),
        pytest.param(0.1, "floats cannot hold money exactly", id="float-tenth"),
        pytest.param(True, "a Decimal or an int", id="bool-true"),
        pytest.param(False, "a Decimal or an int", id="bool-false"),
        pytest.param("15000", "a Decimal or an int", id="string-amount"),
        pytest.param(Fraction(1, 3), "a Decimal or an int", id="fraction-amount"),
        pytest.param(None, "a Decimal or an int", id="no-amount"),
        pytest.param(Decimal("NaN"), "a finite number", id="nan"),
        pytest.param(Decimal("sNaN"), "a finite number", id="signalling-nan"),
        pytest.param(Decimal("Infinity"), "a finite number", id="infinity"),
        pytest.param(Decimal("-Infinity"), "a finite number", id="minus-infinity"),
        pytest.param(10**30, "below 10**30", id="amount-of-10-to-the-30"),
        pytest.param(-(10**30), "below 10**30", id="debt-of-10-to-the-30"),
        pytest.param(Decimal("1E-21"), "steps of at least 10**-20", id="step-below-1e-20"),
        pytest.param(
            Decimal("1." + "1" * 40),
            "expected at most 40 significant digits",
            id="41-significant-digits",
        ),
    ],
)
def test_invalid_amounts_are_rejected(amount: object, fragment: str) -> None:
    with pytest.raises(InvalidValueError) as info:
        Money(amount)  # type: ignore[arg-type]  # the point: untyped callers
    assert info.value.field == "amount"
    assert info.value.value is amount
    assert fragment in str(info.value)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    "amount",
    [
        pytest.param(Decimal(10**30 - 1), id="just-below-10-to-the-30"),
        pytest.param(Decimal("1E-20"), id="smallest-step"),
        pytest.param(Decimal("1." + "1" * 39), id="40-significant-digits"),
        pytest.param(Decimal("-0"), id="negative-zero"),
        pytest.param(-1000, id="a-debt-given-as-an-int"),
        pytest.param(Decimal("0E-30"), id="zero-with-a-tiny-exponent"),
    ],
)
def test_amounts_at_the_limits_are_accepted(amount: Decimal) -> None:
    assert Money(amount).amount == amount


@pytest.mark.parametrize(
    "currency",
    [
        pytest.param("kzt", id="lower-case"),
        pytest.param("Kzt", id="mixed-case"),
        pytest.param("XXX", id="no-currency-code"),
        pytest.param("TNG", id="made-up-code"),
        pytest.param("KZ", id="too-short"),
        pytest.param(" KZT", id="leading-space"),
        pytest.param("", id="empty"),
        pytest.param(398, id="numeric-code"),
        pytest.param(None, id="none"),
    ],
)
def test_unknown_currencies_are_rejected(currency: object) -> None:
    with pytest.raises(InvalidValueError) as info:
        Money(Decimal(1), currency)  # type: ignore[arg-type]  # the point: untyped callers
    assert info.value.field == "currency"
    assert info.value.value == currency
    assert "ISO 4217" in str(info.value)


@pytest.mark.parametrize(
    ("currency", "minor_units"),
    [
        pytest.param("KZT", 2, id="tenge-has-tiyn"),
        pytest.param("EUR", 2, id="euro-has-cents"),
        pytest.param("JPY", 0, id="yen-has-none"),
        pytest.param("KWD", 3, id="kuwaiti-dinar-has-fils"),
        pytest.param("CLF", 4, id="chilean-unit-of-account-has-four"),
    ],
)
def test_minor_units_follow_iso_4217(currency: str, minor_units: int) -> None:
    assert Money(Decimal(1), currency).minor_units == minor_units


@pytest.mark.parametrize("currency", ["KZT", "JPY", "USD"])
def test_zero_is_nothing_in_the_currency(currency: str) -> None:
    zero = Money.zero(currency)
    assert zero.amount == 0
    assert zero.currency == currency
    assert Money.zero() == Money(0, "KZT")


def test_money_is_frozen() -> None:
    quarterly = Money(Decimal(15000))
    with pytest.raises(AttributeError):
        quarterly.amount = Decimal(1)  # type: ignore[misc]  # the point: frozen


# --- Currencies do not mix -----------------------------------------------------------------------

MIXING: list[Any] = [
    pytest.param(operator.add, "+", id="add"),
    pytest.param(operator.sub, "-", id="subtract"),
    pytest.param(operator.lt, "<", id="less-than"),
    pytest.param(operator.le, "<=", id="at-most"),
    pytest.param(operator.gt, ">", id="greater-than"),
    pytest.param(operator.ge, ">=", id="at-least"),
]


@pytest.mark.parametrize(("operation", "symbol"), MIXING)
def test_different_currencies_do_not_mix(
    operation: Callable[[Money, Money], object], symbol: str
) -> None:
    with pytest.raises(CurrencyMismatchError) as info:
        operation(Money(Decimal(1), "KZT"), Money(Decimal(1), "USD"))
    error = info.value
    assert isinstance(error, ValueError)
    assert isinstance(error, OhsDomainError)
    assert (error.operation, error.left, error.right) == (symbol, "KZT", "USD")
    assert "KZT" in str(error)
    assert "USD" in str(error)


def test_equal_amounts_in_different_currencies_are_not_equal() -> None:
    assert Money(Decimal(100), "KZT") != Money(Decimal(100), "RUB")
    assert Money(Decimal(100), "KZT") == Money(Decimal("100.00"), "KZT")


@pytest.mark.parametrize(
    "operation",
    [
        pytest.param(lambda m: m + 1, id="money-plus-int"),
        pytest.param(lambda m: 1 + m, id="int-plus-money"),
        pytest.param(lambda m: True + m, id="bool-plus-money"),
        pytest.param(lambda m: Decimal(0) + m, id="decimal-zero-plus-money"),
        pytest.param(lambda m: m - 1, id="money-minus-int"),
        pytest.param(lambda m: m * m, id="money-times-money"),
        pytest.param(lambda m: m < 1, id="money-below-int"),
        pytest.param(lambda m: m <= 1, id="money-at-most-int"),
        pytest.param(lambda m: m > 1, id="money-above-int"),
        pytest.param(lambda m: m >= 1, id="money-at-least-int"),
    ],
)
def test_money_mixes_with_nothing_but_money(operation: Callable[[Money], object]) -> None:
    with pytest.raises(TypeError):
        operation(Money(Decimal(1)))


def test_money_is_never_equal_to_a_bare_number() -> None:
    bare: list[object] = [Decimal(1), 1, Decimal(0), 0]
    assert Money(Decimal(1)) not in bare[:2]
    assert Money(Decimal(0)) not in bare[2:]


# --- Sums ----------------------------------------------------------------------------------------


def test_sum_adds_amounts() -> None:
    quarters = [Money(Decimal(15000)), Money(Decimal("15000.50")), Money(Decimal("-0.50"))]
    assert sum(quarters) == Money(Decimal(30000))


def test_sum_of_nothing_is_int_zero_unless_a_start_is_given() -> None:
    # ``sum()`` starts from the int 0: with no amounts there is no currency to
    # give the result, so callers pass ``Money.zero(currency)`` as the start.
    nothing: list[Money] = []
    assert sum(nothing) == 0
    assert sum(nothing, Money.zero()) == Money(0)
    assert sum(nothing, Money.zero("JPY")) == Money(0, "JPY")


def test_sum_of_mixed_currencies_fails() -> None:
    with pytest.raises(CurrencyMismatchError):
        sum([Money(Decimal(1), "KZT"), Money(Decimal(1), "EUR")])


# --- Multiplication ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "factor", "expected"),
    [
        pytest.param("0.1", 3, "0.3", id="three-tenths-exactly"),
        pytest.param("15000", 4, "60000", id="a-year-of-quarters"),
        pytest.param("70000", Decimal("1.5"), "105000", id="one-and-a-half-wages"),
        pytest.param("0.01", Decimal("0.5"), "0.005", id="half-a-tiyn-kept"),
        pytest.param("15000", 0, "0", id="times-zero"),
        pytest.param("15000", -2, "-30000", id="negative-factor"),
    ],
)
def test_multiplication_is_exact(amount: str, factor: Decimal | int, expected: str) -> None:
    assert Money(Decimal(amount)) * factor == Money(Decimal(expected))
    assert factor * Money(Decimal(amount)) == Money(Decimal(expected))


@pytest.mark.parametrize(
    ("factor", "fragment"),
    [
        pytest.param(1.5, "floats cannot scale money exactly", id="float-factor"),
        pytest.param(True, "an int or a Decimal", id="bool-factor"),
        pytest.param(Fraction(1, 2), "an int or a Decimal", id="fraction-factor"),
        pytest.param("2", "an int or a Decimal", id="string-factor"),
        pytest.param(Decimal("NaN"), "a finite number", id="nan-factor"),
    ],
)
@pytest.mark.parametrize("on_the_left", [True, False], ids=["money-first", "factor-first"])
def test_invalid_factors_are_rejected(factor: Any, fragment: str, on_the_left: bool) -> None:
    wage = Money(Decimal(70000))
    with pytest.raises(InvalidValueError) as info:
        _ = wage * factor if on_the_left else factor * wage
    assert info.value.field == "factor" or "finite" in fragment
    assert fragment in str(info.value)


def test_a_product_that_cannot_be_held_exactly_is_an_error() -> None:
    digits = Decimal("1." + "3" * 39)  # 40 digits: 80 in the product
    with pytest.raises(InvalidValueError) as info:
        Money(digits) * digits
    assert "inexact" in str(info.value)
    assert "60 digits" in str(info.value)


def test_a_sum_with_too_many_digits_is_rejected() -> None:
    big, tiny = Money(Decimal("1E+29")), Money(Decimal("1E-20"))
    with pytest.raises(InvalidValueError) as info:
        big + tiny
    assert "40 significant digits" in str(info.value)


def test_negation_flips_the_sign() -> None:
    assert -Money(Decimal("15000.50")) == Money(Decimal("-15000.50"))
    assert -Money(Decimal(1), "USD") == Money(Decimal(-1), "USD")


# --- Rounding ------------------------------------------------------------------------------------


def test_the_rounding_rule_is_half_up() -> None:
    assert ROUNDING == ROUND_HALF_UP


@pytest.mark.parametrize(
    ("amount", "currency", "expected"),
    [
        pytest.param("0.005", "KZT", "0.01", id="half-a-tiyn-rounds-up"),
        pytest.param("-0.005", "KZT", "-0.01", id="half-a-tiyn-of-debt-rounds-away-from-zero"),
        pytest.param("0.0049999", "KZT", "0.00", id="under-half-a-tiyn-rounds-down"),
        pytest.param("0.015", "KZT", "0.02", id="not-bankers-rounding-odd"),
        pytest.param("0.025", "KZT", "0.03", id="not-bankers-rounding-even"),
        pytest.param("7336.956521", "KZT", "7336.96", id="prorated-pay"),
        pytest.param("15000", "KZT", "15000.00", id="whole-tenge-gets-tiyn"),
        pytest.param("2.5", "JPY", "3", id="yen-half-rounds-up"),
        pytest.param("-2.5", "JPY", "-3", id="yen-debt-half-rounds-away"),
        pytest.param("1.0005", "KWD", "1.001", id="dinar-to-fils"),
        pytest.param("1.00049", "KWD", "1.000", id="dinar-under-half-a-fils"),
        pytest.param("0.00005", "CLF", "0.0001", id="four-places"),
    ],
)
def test_rounding_to_minor_units(amount: str, currency: str, expected: str) -> None:
    rounded = Money(Decimal(amount), currency).rounded()
    assert rounded == Money(Decimal(expected), currency)
    assert str(rounded.amount) == expected  # the scale is the currency's minor unit


@given(money(currency=currencies()))
def test_rounding_an_amount_in_minor_units_changes_nothing(amount: Money) -> None:
    assert amount.rounded() == amount
    assert amount.rounded().rounded() == amount.rounded()


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=6), currencies())
def test_rounding_moves_by_at_most_half_a_minor_unit(amount: Decimal, currency: str) -> None:
    exact = Money(amount, currency)
    rounded = exact.rounded()
    half = Decimal(1).scaleb(-exact.minor_units) / 2
    assert abs(rounded.amount - amount) <= half
    assert -rounded == (-exact).rounded()  # symmetric: halves go away from zero


# --- Prorating -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "part", "whole", "expected"),
    [
        pytest.param("15000", 45, 92, "7336.96", id="45-of-92-days-of-15000"),
        pytest.param("15000", 92, 92, "15000.00", id="whole-quarter"),
        pytest.param("15000", 0, 92, "0.00", id="no-day"),
        pytest.param("1", 1, 8, "0.13", id="exact-half-tiyn-rounds-up"),
        pytest.param("-1", 1, 8, "-0.13", id="exact-half-tiyn-of-debt-rounds-away"),
        pytest.param("1", 1, 3, "0.33", id="a-third"),
        pytest.param("2", 1, 3, "0.67", id="two-thirds"),
        pytest.param("0.01", 1, 2, "0.01", id="half-of-a-tiyn"),
        pytest.param("85000", 120, 92, "110869.57", id="more-than-whole"),
    ],
)
def test_prorating(amount: str, part: int, whole: int, expected: str) -> None:
    result = Money(Decimal(amount)).prorated(part, whole)
    assert result == Money(Decimal(expected))
    assert str(result.amount) == expected


def test_prorating_is_not_double_rounding() -> None:
    # Rounding the daily rate first (163.04) then multiplying by 45 days gives
    # 7,336.80: 16 tiyn short.
    quarterly = Money(Decimal(15000))
    daily = quarterly.prorated(1, 92)
    assert daily == Money(Decimal("163.04"))
    assert (daily * 45).rounded() == Money(Decimal("7336.80"))
    assert quarterly.prorated(45, 92) == Money(Decimal("7336.96"))


def test_prorating_keeps_currency_and_minor_units() -> None:
    assert Money(Decimal(1000), "JPY").prorated(1, 3) == Money(Decimal(333), "JPY")
    assert Money(Decimal(1), "KWD").prorated(2, 3) == Money(Decimal("0.667"), "KWD")


@pytest.mark.parametrize(
    ("part", "whole", "field"),
    [
        pytest.param(1, 0, "whole", id="zero-days-in-whole"),
        pytest.param(1, -92, "whole", id="negative-whole"),
        pytest.param(1, True, "whole", id="bool-whole"),
        pytest.param(1, 92.0, "whole", id="float-whole"),
        pytest.param(-1, 92, "part", id="negative-part"),
        pytest.param(False, 92, "part", id="bool-part"),
        pytest.param(Decimal(45), 92, "part", id="decimal-part"),
    ],
)
def test_prorating_rejects_bad_shares(part: object, whole: object, field: str) -> None:
    with pytest.raises(InvalidValueError) as info:
        Money(Decimal(15000)).prorated(part, whole)  # type: ignore[arg-type]  # untyped callers
    assert info.value.field == field
    assert info.value.value is (whole if field == "whole" else part)


@given(
    money(currency=currencies()),
    st.integers(min_value=0, max_value=10_000),
    st.integers(min_value=1, max_value=10_000),
)
def test_prorating_matches_exact_division_rounded_half_up(
    amount: Money, part: int, whole: int
) -> None:
    with localcontext(prec=80):
        exact = amount.amount * part / whole
    expected = exact.quantize(Decimal(1).scaleb(-amount.minor_units), rounding=ROUND_HALF_UP)
    assert amount.prorated(part, whole) == Money(expected, amount.currency)


@pytest.mark.parametrize(
    "compute",
    [
        pytest.param(lambda: Money(Decimal("-0.004")).rounded(), id="rounded-tiny-debt"),
        pytest.param(lambda: Money(Decimal("-0.01")).prorated(1, 3), id="prorated-tiny-debt"),
        pytest.param(lambda: Money(Decimal("-0")).rounded(), id="rounded-negative-zero"),
    ],
)
def test_a_debt_that_rounds_to_nothing_is_zero_without_a_sign(compute: Callable[[], Money]) -> None:
    assert str(compute().amount) == "0.00"


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=10**6))
def test_money_shares_and_rates_round_the_same_way(part: int, whole: int) -> None:
    # One rounding rule: 100 tenge prorated, a share in per cent and a rate per 100
    # are the same exact fraction, and each shows it rounded to two places alike.
    prorated = Money(100).prorated(part, whole).amount
    share = Share(min(part, whole), whole).percent(2) if part <= whole else prorated
    rate = Rate(
        name="r", cases=part, exposure=Fraction(whole), exposure_unit="u", base=100
    ).rounded(2)
    assert prorated == share == rate
    assert str(prorated) == str(share) == str(rate)


# --- Text ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "currency", "text"),
    [
        pytest.param("15000", "KZT", "15,000 KZT", id="quarterly-amount"),
        pytest.param("1234567.5", "KZT", "1,234,567.5 KZT", id="millions-with-a-half"),
        pytest.param("15000.00", "KZT", "15,000.00 KZT", id="scale-is-kept"),
        pytest.param("-1234.5", "KZT", "-1,234.5 KZT", id="negative"),
        pytest.param("1E+3", "KZT", "1,000 KZT", id="exponent-form-positive"),
        pytest.param("1E-7", "KZT", "0.0000001 KZT", id="exponent-form-tiny"),
        pytest.param("0", "JPY", "0 JPY", id="zero-yen"),
        pytest.param("-0", "KZT", "0 KZT", id="negative-zero-shows-no-sign"),
        pytest.param("-0.00", "KZT", "0.00 KZT", id="rounded-tiny-debt-shows-no-sign"),
        pytest.param("999", "KZT", "999 KZT", id="no-separator-below-a-thousand"),
    ],
)
def test_text(amount: str, currency: str, text: str) -> None:
    assert str(Money(Decimal(amount), currency)) == text


@given(money(currency=currencies()))
def test_text_reads_back_as_the_amount(amount: Money) -> None:
    number, currency = str(amount).split(" ")
    assert currency == amount.currency
    assert "E" not in number
    assert Decimal(number.replace(",", "")) == amount.amount


# --- Amounts longer than Decimal's default 28 digits ---------------------------------------------

BIG = Decimal("1234567890123456789012345678.95")  # 30 digits: more than the default context holds

BEYOND_28_DIGITS: list[Any] = [
    pytest.param(lambda: -Money(BIG), "-" + str(BIG), id="negation"),
    pytest.param(lambda: Money(BIG) - Money(BIG), "0.00", id="difference-with-itself"),
    pytest.param(
        lambda: Money(BIG) - Money(Decimal("0.05")),
        "1234567890123456789012345678.90",
        id="difference",
    ),
    pytest.param(lambda: Money(BIG).rounded(), str(BIG), id="rounding"),
    pytest.param(lambda: Money(BIG).prorated(1, 1), str(BIG), id="prorating-all"),
    pytest.param(
        lambda: Money(Decimal(10**29)).rounded(),
        "100000000000000000000000000000.00",
        id="round-1e29",
    ),
]


@pytest.mark.parametrize(("compute", "expected"), BEYOND_28_DIGITS)
def test_amounts_beyond_28_digits_keep_every_digit(
    compute: Callable[[], Money], expected: str
) -> None:
    assert compute().amount == Decimal(expected)


def test_prorating_a_result_too_large_is_the_library_error() -> None:
    with pytest.raises(InvalidValueError) as info:
        Money(Decimal(10**29)).prorated(10**40, 1)
    assert info.value.field == "amount"


# --- Algebra -------------------------------------------------------------------------------------

# Up to 10**28 in size, so that sums and products of thirty stay below the 10**30 limit
# while needing more than Decimal's default 28 digits.
WIDE = money(min_value=-(10**28), max_value=10**28)


@given(WIDE, WIDE, WIDE)
def test_addition_is_associative_and_commutative(a: Money, b: Money, c: Money) -> None:
    assert (a + b) + c == a + (b + c)
    assert a + b == b + a


@given(money(currency=currencies()), money(currency=currencies()))
def test_adding_then_subtracting_gives_back_the_amount(a: Money, b: Money) -> None:
    if a.currency != b.currency:
        b = Money(b.amount, a.currency).rounded()
    assert (a + b) - b == a
    assert a - a == Money.zero(a.currency)
    assert a + Money.zero(a.currency) == a


@given(WIDE, st.integers(min_value=0, max_value=30))
def test_multiplying_by_n_is_adding_n_copies(amount: Money, n: int) -> None:
    assert amount * n == sum([amount] * n, Money.zero())


@given(WIDE, WIDE)
def test_ordering_follows_the_amount(a: Money, b: Money) -> None:
    assert (a < b) == (a.amount < b.amount)
    assert (a <= b) == (a.amount <= b.amount)
    assert (a > b) == (a.amount > b.amount)
    assert (a >= b) == (a.amount >= b.amount)
    assert (a == b) == (a.amount == b.amount)
    assert sorted([a, b]) == sorted([b, a])


# --- The strategy these tests draw from ----------------------------------------------------------


@given(money(currency=currencies(), min_value=0, max_value=Decimal("99.99")))
def test_money_draws_amounts_in_minor_units_within_bounds(amount: Money) -> None:
    assert Decimal(0) <= amount.amount <= Decimal("99.99")
    assert amount.amount.as_tuple().exponent == -amount.minor_units


# --- Refusals at the edges: what prorating, scaling and construction refuse ----------------------


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


def test_rounding_carries_into_a_new_digit() -> None:
    # 9.995 to the tiyn: the carry makes a four-digit 10.00 from three digits.
    assert Money(Decimal("9.995")).rounded() == Money(Decimal("10.00"))
    assert Money(Decimal("-99.995")).rounded() == Money(Decimal("-100.00"))
