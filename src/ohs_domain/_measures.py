"""Shares and rates: exact ratios that say what they are a ratio of.

A [`Share`][ohs_domain.Share] is a part of a whole (people trained of
production headcount); a [`Rate`][ohs_domain.Rate] is cases per a stated base
of exposure (injuries per 1,000,000 hours worked). Both keep the exact
fraction; both are *undefined*, never 0, when the denominator is empty, and
both round only for display, with the library's rounding mode.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import timedelta
from decimal import Decimal
from fractions import Fraction

import attrs

from ohs_domain import _checks, _i18n
from ohs_domain._arguments import checked
from ohs_domain._errors import InvalidValueError
from ohs_domain._i18n import Language
from ohs_domain._money import round_exactly

__all__ = ["Rate", "Share", "Tally"]


def _grouped(value: Fraction, lang: Language = "en") -> str:
    if value.denominator == 1:
        return _i18n.number(value.numerator, lang)
    return _i18n.number(round_exactly(value, 2), lang)


@attrs.frozen
class Share:
    """A part of a whole, such as employees trained of production headcount.

    >>> str(Share(1_890, 2_699))
    '1,890 of 2,699 (70.0 %)'
    >>> Share(0, 0).value is None
    True

    Attributes:
        part: How many of the whole are counted.
        whole: The whole; 0 makes the share undefined.
    """

    part: int = attrs.field(validator=_checks.count)
    whole: int = attrs.field(validator=_checks.count)

    def __attrs_post_init__(self) -> None:
        if self.part > self.whole:
            raise InvalidValueError("part", self.part, f"at most the whole ({self.whole})")

    @property
    def value(self) -> Fraction | None:
        """``part / whole`` exactly, or ``None`` when the whole is empty."""
        return Fraction(self.part, self.whole) if self.whole else None

    @checked
    def percent(self, places: int = 1) -> Decimal | None:
        """The share in per cent, rounded to ``places``; ``None`` when undefined."""
        value = self.value
        return None if value is None else round_exactly(value * 100, places)

    def __str__(self) -> str:
        return self.render("en")

    @checked
    def render(self, lang: Language = "en") -> str:
        """The share in ``lang``: ``1 890 из 2 699 (70,0 %)`` in Russian."""
        percent = self.percent()
        shown = (
            _i18n.text(lang, "undefined")
            if percent is None
            else _i18n.text(lang, "{value} %", value=_i18n.number(percent, lang))
        )
        return _i18n.text(
            lang,
            "{part} of {whole} ({percent})",
            part=_i18n.number(self.part, lang),
            whole=_i18n.number(self.whole, lang),
            percent=shown,
        )


@attrs.frozen(kw_only=True)
class Rate:
    """Cases per a stated base of exposure, such as LTIFR per 1,000,000 hours.

    >>> ltifr = Rate(name="LTIFR", cases=1, exposure=Fraction(400_000),
    ...              exposure_unit="hours worked", base=1_000_000)
    >>> str(ltifr)
    'LTIFR: 2.50 per 1,000,000 hours worked (1 case × 1,000,000 ÷ 400,000 hours worked)'

    Attributes:
        name: The rate's name.
        cases: Cases counted (injuries, or days lost for a severity rate).
        exposure: Hours worked or average employees, exact.
        exposure_unit: What ``exposure`` measures.
        base: The base the rate is stated per (1,000,000 hours, 1,000 employees).
        case_unit: What ``cases`` counts (``"cases"``, ``"days lost"``).
    """

    name: str = attrs.field(validator=_checks.text)
    cases: int = attrs.field(validator=_checks.count)
    exposure: Fraction = attrs.field(validator=_checks.instance(Fraction))
    exposure_unit: str = attrs.field(validator=_checks.text)
    base: int = attrs.field(validator=_checks.count)
    case_unit: str = attrs.field(default="cases", validator=_checks.text)

    def __attrs_post_init__(self) -> None:
        if self.exposure < 0:
            raise InvalidValueError("exposure", self.exposure, "a non-negative amount")

    @property
    def value(self) -> Fraction | None:
        """``cases × base / exposure`` exactly, or ``None`` with no exposure."""
        return Fraction(self.cases * self.base) / self.exposure if self.exposure else None

    @checked
    def rounded(self, places: int = 2) -> Decimal | None:
        """The rate rounded to ``places``; ``None`` when undefined."""
        value = self.value
        return None if value is None else round_exactly(value, places)

    def __str__(self) -> str:
        return self.render("en")

    @checked
    def render(self, lang: Language = "en") -> str:
        """The rate in ``lang``, with its computation."""
        rounded = self.rounded()
        shown = _i18n.text(lang, "undefined") if rounded is None else _i18n.number(rounded, lang)
        unit = _i18n.text(lang, self.exposure_unit)
        exposure = f"{_grouped(self.exposure, lang)} {unit}"
        # English names the unit as the rule names it ("1 accidents", "18 days lost"),
        # except the one "case"; the catalogs give each language its plural forms.
        many = self.case_unit
        one = "case" if many == "cases" else many
        cases = _i18n.plural(lang, self.cases, f"{{n}} {one}", f"{{n}} {many}")
        values = {"name": _i18n.text(lang, self.name), "value": shown, "cases": cases}
        if self.base == 1:
            return _i18n.text(
                lang, "{name}: {value} ({cases} ÷ {exposure})", **values, exposure=exposure
            )
        return _i18n.text(
            lang,
            "{name}: {value} per {base} {unit} ({cases} × {base} ÷ {exposure})",
            **values,
            base=_i18n.number(self.base, lang),
            unit=unit,
            exposure=exposure,
        )


@attrs.frozen
class Tally:
    """How many of one kind: an injury type, an owner's overdue actions.

    >>> str(Tally("fracture", 2))
    'fracture: 2'

    Attributes:
        name: The kind counted.
        count: How many.
    """

    name: str = attrs.field(validator=_checks.text)
    count: int = attrs.field(validator=_checks.count)

    def __str__(self) -> str:
        return f"{self.name}: {self.count:,}"


def tallied(names: Iterable[str]) -> tuple[Tally, ...]:
    """How many times each name occurs, most first (ties by name)."""
    counts = Counter(names)
    return tuple(Tally(n, c) for n, c in sorted(counts.items(), key=lambda i: (-i[1], i[0])))


def median(values: list[timedelta]) -> timedelta | None:
    """The median (the mean of the two middle values for an even count); ``None`` if empty."""
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def percentile(values: list[timedelta], percent: int) -> timedelta | None:
    """The nearest-rank ``percent``-th percentile; ``None`` if empty."""
    if not values:
        return None
    ordered = sorted(values)
    rank = -(-percent * len(ordered) // 100)  # ceil without floats
    return ordered[max(rank, 1) - 1]
