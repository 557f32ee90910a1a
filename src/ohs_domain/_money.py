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
from ohs_domain._i18n import Language

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
# Rounding to a minor unit: the only inexact operation, with room for every amount.
_ROUNDING_CONTEXT = decimal.Context(prec=60, rounding=ROUNDING, traps=[decimal.InvalidOperation])
_MAX_DIGITS = 40
_LARGEST = Decimal(10) ** 30
_SMALLEST = Decimal(10) ** -20
_BOUNDS: Final = "an amount below 10**30 in size, in steps of at least 10**-20"


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
        raise InvalidValueError("amount", value, f"at most {_MAX_DIGITS} significant digits")
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
        quantum = Decimal(1).scaleb(-self.minor_units)
        return Money(self.amount.quantize(quantum, context=_ROUNDING_CONTEXT), self.currency)

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
        scale = 10**self.minor_units
        units, remainder = divmod(abs(exact.numerator) * scale, exact.denominator)
        if 2 * remainder >= exact.denominator:
            units += 1
        sign = -1 if exact < 0 else 1
        # From text: exact, whatever the number of digits (``scaleb`` would round to 28).
        return Money(Decimal(f"{sign * units}E{-self.minor_units}"), self.currency)

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
