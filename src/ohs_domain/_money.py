"""Exact amounts of money.

[`Money`][ohs_domain.Money] holds a `Decimal` amount and an ISO 4217 currency
code. Arithmetic is exact; a result is rounded only when a rule says it is
payable, once, by [`Money.rounded`][ohs_domain.Money.rounded], with the one
rounding rule of the library: to the currency's minor unit, halves away from
zero (`ROUND_HALF_UP`).
"""

from __future__ import annotations

import decimal
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Final, Self

import attrs

from ohs_domain import _i18n
from ohs_domain._arguments import checked
from ohs_domain._errors import CurrencyMismatchError, InvalidValueError
from ohs_domain._i18n import Language, message

__all__ = ["ROUNDING", "Money"]

ROUNDING: Final = ROUND_HALF_UP
"""The library's one rounding mode, applied by [`Money.rounded`][ohs_domain.Money.rounded]."""

# ISO 4217 active codes (list one, 2025). Minor units are 2 unless listed below.
_TWO_DECIMALS = [
    "AED",
    "AFN",
    "ALL",
    "AMD",
    "ANG",
    "AOA",
    "ARS",
    "AUD",
    "AWG",
    "AZN",
    "BAM",
    "BBD",
    "BDT",
    "BGN",
    "BMD",
    "BND",
    "BOB",
    "BOV",
    "BRL",
    "BSD",
    "BTN",
    "BWP",
    "BYN",
    "BZD",
    "CAD",
    "CDF",
    "CHE",
    "CHF",
    "CHW",
    "CNY",
    "COP",
    "COU",
    "CRC",
    "CUC",
    "CUP",
    "CVE",
    "CZK",
    "DKK",
    "DOP",
    "DZD",
    "EGP",
    "ERN",
    "ETB",
    "EUR",
    "FJD",
    "FKP",
    "GBP",
    "GEL",
    "GHS",
    "GIP",
    "GMD",
    "GTQ",
    "GYD",
    "HKD",
    "HNL",
    "HTG",
    "HUF",
    "IDR",
    "ILS",
    "INR",
    "IRR",
    "JMD",
    "KES",
    "KGS",
    "KHR",
    "KPW",
    "KYD",
    "KZT",
    "LAK",
    "LBP",
    "LKR",
    "LRD",
    "LSL",
    "MAD",
    "MDL",
    "MGA",
    "MKD",
    "MMK",
    "MNT",
    "MOP",
    "MRU",
    "MUR",
    "MVR",
    "MWK",
    "MXN",
    "MXV",
    "MYR",
    "MZN",
    "NAD",
    "NGN",
    "NIO",
    "NOK",
    "NPR",
    "NZD",
    "PAB",
    "PEN",
    "PGK",
    "PHP",
    "PKR",
    "PLN",
    "QAR",
    "RON",
    "RSD",
    "RUB",
    "SAR",
    "SBD",
    "SCR",
    "SDG",
    "SEK",
    "SGD",
    "SHP",
    "SLE",
    "SLL",
    "SOS",
    "SRD",
    "SSP",
    "STN",
    "SVC",
    "SYP",
    "SZL",
    "THB",
    "TJS",
    "TMT",
    "TOP",
    "TRY",
    "TTD",
    "TWD",
    "TZS",
    "UAH",
    "USD",
    "USN",
    "UZS",
    "VED",
    "VES",
    "WST",
    "XCD",
    "XCG",
    "YER",
    "ZAR",
    "ZMW",
    "ZWG",
    "ZWL",
]
_OTHER_MINOR_UNITS = {
    **dict.fromkeys(
        [
            "BIF",
            "CLP",
            "DJF",
            "GNF",
            "ISK",
            "JPY",
            "KMF",
            "KRW",
            "PYG",
            "RWF",
            "UGX",
            "UYI",
            "VND",
            "VUV",
            "XAF",
            "XOF",
            "XPF",
        ],
        0,
    ),
    **dict.fromkeys(["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"], 3),
    **dict.fromkeys(["CLF", "UYW"], 4),
}
MINOR_UNITS: Final[dict[str, int]] = {
    **dict.fromkeys(_TWO_DECIMALS, 2),
    **_OTHER_MINOR_UNITS,
}

# Exact arithmetic: any operation that would have to round raises instead.
_EXACT = decimal.Context(
    prec=60,
    rounding=ROUND_HALF_UP,
    traps=[
        decimal.InvalidOperation,
        decimal.Inexact,
        decimal.Overflow,
        decimal.DivisionByZero,
    ],
)
_MAX_DIGITS = 40
_LARGEST = Decimal(10) ** 30
_SMALLEST = Decimal(10) ** -20
_BOUNDS: Final = "an amount below 10**30 in size, in steps of at least 10**-20"


def round_exactly(value: Fraction, places: int) -> Decimal:
    """``value`` rounded once, exactly, to ``places`` decimals by the library's `ROUNDING`.

    The library's one rounding: `Money.rounded`, `Money.prorated`, and the shown
    figures of `Share` and `Rate` all go through it. Dividing in ``Decimal`` first
    would round to the context's digits and then again to ``places`` (or fail on a
    large value), so the fraction is cut in integers and one more digit tells the
    rounding all it needs: nothing left, less than a half, exactly a half, or more.
    A result of zero has no sign (a tiny debt rounds to ``0.00``, not ``-0.00``).
    """
    scaled = abs(value) * Fraction(10) ** places
    units, remainder = divmod(scaled.numerator, scaled.denominator)
    twice = 2 * remainder
    if not remainder:
        tail = 0
    elif twice < scaled.denominator:
        tail = 3
    else:
        tail = 5 if twice == scaled.denominator else 7
    digits = tuple(int(digit) for digit in f"{units}{tail}")
    exact = Decimal((int(value < 0), digits, -places - 1))
    result = exact.quantize(
        Decimal((0, (1,), -places)),
        rounding=ROUNDING,
        context=decimal.Context(prec=len(digits) + 1),
    )
    return result if result else result.copy_abs()


def _to_amount(value: Decimal | int) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        hint = " (floats cannot hold money exactly)" if isinstance(value, float) else ""
        raise InvalidValueError(
            "amount",
            value,
            f"a Decimal or an int{hint}, e.g. Decimal('15000.50')",
        )
    if isinstance(value, int) and not -(10**30) < value < 10**30:
        # Before Decimal(): an int of more than 4,300 digits cannot even be converted.
        raise InvalidValueError("amount", value, _BOUNDS)
    amount = Decimal(value)
    if not amount.is_finite():
        raise InvalidValueError("amount", value, "a finite number")
    # ``copy_abs``, not ``abs``: ``abs`` rounds to the context's 28 digits.
    if amount and not _SMALLEST <= amount.copy_abs() < _LARGEST:
        raise InvalidValueError("amount", value, _BOUNDS)
    if len(amount.as_tuple().digits) > _MAX_DIGITS:
        raise InvalidValueError(
            "amount", value, message("at most {n} significant digits", n=str(_MAX_DIGITS))
        )
    return amount


def _check_currency(_instance: object, _attribute: object, code: object) -> None:
    if not isinstance(code, str) or code not in MINOR_UNITS:
        raise InvalidValueError(
            "currency", code, "an ISO 4217 code in upper case, e.g. 'KZT' or 'EUR'"
        )


def _exactly(operation: str, left: Decimal, right: Decimal) -> Decimal:
    try:
        if operation == "*":
            return _EXACT.multiply(left, right)
        if operation == "-":
            return _EXACT.subtract(left, right)
        return _EXACT.add(left, right)
    except decimal.DecimalException:
        raise InvalidValueError(
            f"{left} {operation} {right}",
            "an inexact result",
            f"amounts whose exact result fits in {_EXACT.prec} digits",
        ) from None


def _scalar(value: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        hint = "; floats cannot scale money exactly" if isinstance(value, float) else ""
        raise InvalidValueError("factor", value, f"an int or a Decimal{hint}")
    return _to_amount(value)


@attrs.frozen(order=False)
class Money:
    """An exact amount in one currency.

    Amounts never pass through `float`: a float anywhere is an error. Amounts in
    different currencies cannot be added, subtracted or ordered.

    >>> from decimal import Decimal
    >>> quarterly = Money(Decimal("15000"))
    >>> str(quarterly * 4)
    '60,000 KZT'

    Attributes:
        amount: The exact amount (`Decimal`; an `int` is accepted and kept exact).
        currency: ISO 4217 code; tenge (``KZT``) by default.
    """

    amount: Decimal = attrs.field(converter=_to_amount)
    currency: str = attrs.field(default="KZT", validator=_check_currency)

    @classmethod
    @checked
    def zero(cls, currency: str = "KZT") -> Self:
        """Return nothing, in ``currency``."""
        return cls(Decimal(0), currency)

    @property
    def minor_units(self) -> int:
        """Digits after the decimal point of the currency (2 for KZT: tiyn)."""
        return MINOR_UNITS[self.currency]

    def rounded(self) -> Money:
        """Return the amount rounded to the currency's minor unit, halves away from zero."""
        return Money(round_exactly(Fraction(self.amount), self.minor_units), self.currency)

    @checked
    def prorated(self, part: int, whole: int) -> Money:
        """Return ``self × part / whole``, rounded once by the library's rounding rule.

        The quotient is computed exactly (as a fraction) before the one rounding,
        so ``15,000 × 45 / 92`` is ``7,336.96``, not a double-rounded value.

        Raises:
            InvalidValueError: If ``whole`` is not positive or ``part`` is negative.
        """
        if isinstance(whole, bool) or not isinstance(whole, int) or whole <= 0:
            raise InvalidValueError("whole", whole, "a positive int")
        if isinstance(part, bool) or not isinstance(part, int) or part < 0:
            raise InvalidValueError("part", part, "a non-negative int")
        exact = Fraction(self.amount) * part / whole
        return Money(round_exactly(exact, self.minor_units), self.currency)

    def _same_currency(self, other: Money, operation: str) -> None:
        if other.currency != self.currency:
            raise CurrencyMismatchError(operation, self.currency, other.currency)

    def __add__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        self._same_currency(other, "+")
        return Money(_exactly("+", self.amount, other.amount), self.currency)

    def __radd__(self, other: int) -> Money:
        # ``sum()`` starts from 0; nothing else may be added to money.
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        return NotImplemented

    def __sub__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        self._same_currency(other, "-")
        return Money(_exactly("-", self.amount, other.amount), self.currency)

    def __neg__(self) -> Money:
        return Money(self.amount.copy_negate(), self.currency)

    def __mul__(self, factor: Decimal | int) -> Money:
        if isinstance(factor, Money):
            return NotImplemented
        return Money(_exactly("*", self.amount, _scalar(factor)), self.currency)

    __rmul__ = __mul__

    def __lt__(self, other: Money) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        self._same_currency(other, "<")
        return self.amount < other.amount

    def __le__(self, other: Money) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        self._same_currency(other, "<=")
        return self.amount <= other.amount

    def __gt__(self, other: Money) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        self._same_currency(other, ">")
        return self.amount > other.amount

    def __ge__(self, other: Money) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        self._same_currency(other, ">=")
        return self.amount >= other.amount

    def __str__(self) -> str:
        return self.render("en")

    @checked
    def render(self, lang: Language = "en") -> str:
        """The amount in ``lang``: ``70,000 KZT``; ``70 000 KZT`` in Russian (CLDR)."""
        # Fixed-point, never exponent form ("1E+3", "1E-7"); a zero shows no sign.
        return _i18n.money(self.amount, self.currency, lang)
