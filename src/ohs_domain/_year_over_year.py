"""Year over year: the key points of one year beside another's, each with its change.

[`year_over_year`][ohs_domain.year_over_year] puts the headline figures of two
[`KeyPoints`][ohs_domain.KeyPoints] side by side: each figure with its value in
the earlier and the later year, the change (later − earlier) and the ratio
(later ÷ earlier), such as reports registered 2,972 → 8,436, ×2.84. A ratio
over nothing (an earlier 0, or an undefined share or rate) is undefined, not
infinite; so is a change involving an undefined figure.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import ClassVar

import attrs

from ohs_domain import _i18n, _rows
from ohs_domain._arguments import checked, typed_fields
from ohs_domain._errors import InvalidValueError
from ohs_domain._explain import Explanation, Step
from ohs_domain._i18n import N_, Language, Message, message
from ohs_domain._key_points import KeyPoints
from ohs_domain._measures import Rate, Share
from ohs_domain._money import Money, round_exactly

__all__ = ["FigureChange", "YearOverYear", "year_over_year"]

_KINDS = ("count", "percent", "money", "rate")


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class FigureChange:
    """One figure in two years.

    >>> print(FigureChange(measure="events and defects registered", kind="count",
    ...                    before=Fraction(2_972), after=Fraction(8_436)))
    events and defects registered: 2,972 → 8,436 (+5,464; ×2.84)

    Attributes:
        measure: What the figure is.
        kind: ``"count"``, ``"percent"`` (of a share), ``"money"`` (in ``currency``)
            or ``"rate"`` (per its base, as the key points state it).
        before: The earlier year's value, exact; ``None`` when undefined.
        after: The later year's value, exact; ``None`` when undefined.
        currency: The currency of money; ``None`` otherwise.
    """

    measure: str
    kind: str
    before: Fraction | None
    after: Fraction | None
    currency: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.kind not in _KINDS:
            raise InvalidValueError("kind", self.kind, f"one of {', '.join(_KINDS)}")
        if (self.kind == "money") != (self.currency is not None):
            raise InvalidValueError("currency", self.currency, "a currency for money only")

    @property
    def change(self) -> Fraction | None:
        """``after − before``; ``None`` if either is undefined."""
        if self.before is None or self.after is None:
            return None
        return self.after - self.before

    @property
    def ratio(self) -> Fraction | None:
        """``after ÷ before``; ``None`` if either is undefined or ``before`` is 0."""
        if not self.before or self.after is None:
            return None
        return self.after / self.before

    def __str__(self) -> str:
        return self.render("en")

    def _shown(self, value: Fraction | None, lang: Language, *, signed: bool = False) -> str:
        if value is None:
            return _i18n.text(lang, "undefined")
        places = {"count": 0, "percent": 1, "money": 2, "rate": 2}[self.kind]
        number = round_exactly(value, places)
        if self.kind == "count" or (self.kind == "money" and number == number.to_integral()):
            number = number.quantize(Decimal(1))
        sign = "+" if signed and value > 0 else ""
        if self.kind == "money":
            return sign + _i18n.money(number, str(self.currency), lang)
        if self.kind == "percent":
            shown = _i18n.number(number, lang)
            if signed:  # a change of shares is in percentage points
                return sign + _i18n.text(lang, "{value} pp", value=shown)
            return _i18n.text(lang, "{value} %", value=shown)
        return sign + _i18n.number(number, lang)

    @checked
    def render(self, lang: Language = "en") -> str:
        """The figure in ``lang``: ``reports: 2,972 → 8,436 (+5,464; ×2.84)``."""
        ratio = self.ratio
        values = {
            "measure": _i18n.gettext(lang, self.measure),
            "before": self._shown(self.before, lang),
            "after": self._shown(self.after, lang),
            "change": self._shown(self.change, lang, signed=True),
        }
        if ratio is None:
            return _i18n.text(lang, "{measure}: {before} → {after} ({change}; no ratio)", **values)
        return _i18n.text(
            lang,
            "{measure}: {before} → {after} ({change}; ×{ratio})",
            **values,
            ratio=_i18n.number(round_exactly(ratio, 2), lang),
        )


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class YearOverYear:
    """The key points of a later year against an earlier one; `str()` renders them.

    Attributes:
        earlier: The earlier year's key points.
        later: The later year's key points.
        figures: Each headline figure in both years, in the order of the key points.
        explanation: One step per figure, with its change and ratio.
    """

    COLUMNS: ClassVar[tuple[str, ...]] = ("measure", "kind", "before", "after", "change", "ratio")

    earlier: KeyPoints
    later: KeyPoints
    figures: tuple[FigureChange, ...]
    explanation: Explanation

    @checked
    def figure(self, measure: str) -> FigureChange:
        """The figure named ``measure``.

        Raises:
            InvalidValueError: If there is none of that name.
        """
        for figure in self.figures:
            if figure.measure == measure:
                return figure
        names = ", ".join(repr(f.measure) for f in self.figures)
        raise InvalidValueError("measure", measure, f"one of {names}")

    def __str__(self) -> str:
        return self.render("en")

    @checked
    def render(self, lang: Language = "en") -> str:
        """The comparison in ``lang``, one figure a line."""
        title = _i18n.text(
            lang,
            "Key points of {later} against {earlier}",
            later=self.later.year,
            earlier=self.earlier.year,
        )
        return "\n".join([title, *(f"  {figure.render(lang)}" for figure in self.figures)])

    def rows(self) -> tuple[_rows.Row, ...]:
        """One row per figure.

        Columns: ``measure``; ``kind``; ``before``, ``after``, ``change`` and
        ``ratio`` as exact fractions in strings (``"8436"``, ``"2109/743"``),
        ``None`` when undefined.
        """

        def exact(value: Fraction | None) -> str | None:
            return None if value is None else str(value)

        return tuple(
            {
                "measure": f.measure,
                "kind": f.kind,
                "before": exact(f.before),
                "after": exact(f.after),
                "change": exact(f.change),
                "ratio": exact(f.ratio),
            }
            for f in self.figures
        )


def _count(measure: str, before: int, after: int) -> FigureChange:
    return FigureChange(
        measure=measure, kind="count", before=Fraction(before), after=Fraction(after)
    )


def _percent(measure: str, before: Share, after: Share) -> FigureChange:
    def percent(share: Share) -> Fraction | None:
        value = share.value
        return None if value is None else value * 100

    return FigureChange(
        measure=measure, kind="percent", before=percent(before), after=percent(after)
    )


def _money(measure: str, before: Money, after: Money) -> FigureChange:
    if before.currency != after.currency:
        raise InvalidValueError(
            "later", after.currency, f"key points in the same currency ({before.currency})"
        )
    return FigureChange(
        measure=measure,
        kind="money",
        before=Fraction(before.amount),
        after=Fraction(after.amount),
        currency=before.currency,
    )


def _rate(before: Rate, after: Rate) -> FigureChange:
    return FigureChange(measure=before.name, kind="rate", before=before.value, after=after.value)


@checked
def year_over_year(earlier: KeyPoints, *, later: KeyPoints) -> YearOverYear:
    """The headline figures of ``later`` against those of ``earlier``.

    Raises:
        InvalidValueError: If ``later`` is not a later year than ``earlier``, or
            their money is in different currencies.
    """
    if later.year.value <= earlier.year.value:
        raise InvalidValueError(
            "later", str(later.year), f"key points of a year after {earlier.year}"
        )
    a, b = earlier, later
    figures = (
        _count(
            N_("production employees trained"), a.training.trained.part, b.training.trained.part
        ),
        _percent(N_("training coverage"), a.training.trained, b.training.trained),
        _count(N_("events and defects registered"), a.engagement.reports, b.engagement.reports),
        _count(N_("active users"), a.engagement.active.part, b.engagement.active.part),
        _percent(N_("engagement"), a.engagement.active, b.engagement.active),
        _percent(
            N_("accepted reports eliminated on time"),
            a.elimination.reports.on_time,
            b.elimination.reports.on_time,
        ),
        _count(
            N_("submissions issued"),
            a.inspection.total.submissions,
            b.inspection.total.submissions,
        ),
        _count(
            N_("violations listed"), a.inspection.total.violations, b.inspection.total.violations
        ),
        _money(N_("technical inspectors' pay"), a.inspector_pay.total, b.inspector_pay.total),
        _count(N_("reward awards"), len(a.rewards.awards), len(b.rewards.awards)),
        _money(N_("rewards paid"), a.rewards.total, b.rewards.total),
        _rate(a.injuries.ltifr, b.injuries.ltifr),
        _rate(a.injuries.trir, b.injuries.trir),
    )
    explanation = Explanation(
        tuple(
            Step.of(
                description=message(
                    "{measure}, {later} ÷ {earlier}",
                    measure=Message(f.measure),
                    later=later.year,
                    earlier=earlier.year,
                ),
                result=None if f.ratio is None else round_exactly(f.ratio, 2),
            )
            for f in figures
        )
    )
    return YearOverYear(earlier=earlier, later=later, figures=figures, explanation=explanation)
