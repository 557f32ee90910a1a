"""Injury rates, the lagging side of Vision Zero: LTIFR, TRIFR, TRIR, DART, Кч, Кт.

With days without injury. Rates keep exact fractions and are *undefined*, never 0,
when their denominator is empty.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any, ClassVar, Self

import attrs

from ohs_domain import _rows
from ohs_domain._arguments import checked, typed_fields
from ohs_domain._errors import InvalidValueError
from ohs_domain._explain import Explanation, Step
from ohs_domain._i18n import Message, message
from ohs_domain._indicator_inputs import check_as_of, nothing_found
from ohs_domain._injuries import InjurySeverity
from ohs_domain._measures import Rate
from ohs_domain._partial import Tallies, latest, parameter, summed, united
from ohs_domain._periods import DateRange, Month, Period, as_range
from ohs_domain._records import Records
from ohs_domain._workforce import EmployeeId

__all__ = [
    "InjuryRates",
    "InjuryRatesPartial",
    "injury_rates",
    "injury_rates_partial",
]


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class InjuryRates:
    """Injury frequency and severity rates of a period, each with its base.

    Attributes:
        period: The months counted.
        as_of: The day days-without-injury is counted to.
        hours: Hours worked by employees in the period, all departments (contractors' workers are
            disclosed apart, in `gri_403_9`).
        average_headcount: Average headcount of the company over the period.
        ltifr: Lost-time injuries × 1,000,000 ÷ hours (AS 1885.1, ILO frequency rate).
        trifr: Recordable injuries × 1,000,000 ÷ hours.
        trir: Recordable injuries × 200,000 ÷ hours (OSHA 29 CFR 1904).
        dart: Days-away, restricted or transfer cases × 200,000 ÷ hours (OSHA).
        incidence: Lost-time cases (fatal included) × 1,000 ÷ average workers (ILO, 1998).
        kch: Кч, the CIS frequency coefficient: the same accidents × 1,000 ÷ average headcount.
        kt: Кт, the CIS severity coefficient: days of incapacity ÷ non-fatal lost-time accidents.
        last_recordable_injury: The day of the last recordable injury on or before ``as_of``.
        days_without_injury: Days from it to ``as_of``; ``None`` with none on record.
        explanation: How the result was reached.
    """

    COLUMNS: ClassVar[tuple[str, ...]] = (
        "rate",
        "cases",
        "case_unit",
        "exposure",
        "exposure_unit",
        "base",
        "value",
    )

    period: DateRange
    as_of: date
    hours: Decimal
    average_headcount: Fraction
    ltifr: Rate
    trifr: Rate
    trir: Rate
    dart: Rate
    incidence: Rate
    kch: Rate
    kt: Rate
    last_recordable_injury: date | None
    days_without_injury: int | None
    explanation: Explanation

    @property
    def rates(self) -> tuple[Rate, ...]:
        """Every rate, in the order above."""
        return (self.ltifr, self.trifr, self.trir, self.dart, self.incidence, self.kch, self.kt)

    def rows(self) -> tuple[_rows.Row, ...]:
        """One row per rate, in the order of `rates`.

        Columns: ``rate`` (its name); ``cases``; ``case_unit``; ``exposure`` (an
        exact fraction as a string, ``"2699/2"``); ``exposure_unit``; ``base``;
        ``value`` (rounded to 2 places, a decimal string; ``None`` when undefined).
        """
        return tuple(
            {
                "rate": rate.name,
                "cases": rate.cases,
                "case_unit": rate.case_unit,
                "exposure": str(rate.exposure),
                "exposure_unit": rate.exposure_unit,
                "base": rate.base,
                "value": None if (value := rate.rounded()) is None else str(value),
            }
            for rate in self.rates
        )


def _months(days: DateRange) -> list[Month]:
    if days.is_empty or days.start.day != 1 or days.end.day != 1:
        raise InvalidValueError(
            "period", str(days), "whole months (hours worked are recorded per month)"
        )
    months = []
    month = Month.containing(days.start)
    while month.first_day < days.end:
        months.append(month)
        month = month.next()
    return months


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class InjuryRatesPartial(Tallies):
    """Injury counts and exposure in one part of the records, to combine with the other parts'.

    Attributes:
        period: The months counted.
        as_of: The day days-without-injury is counted to.
        hours: Hours worked in the period.
        employee_days: Days each employee was on staff in the period (those with any).
        injuries: Injuries in the period.
        lost_time: Of those, lost-time injuries (fatal included).
        recordable: Of those, recordable injuries.
        dart: Of those, days-away, restricted or transfer cases.
        non_fatal_lost_time: Lost-time injuries that were not fatal.
        days_lost: Days of incapacity of those.
        last_recordable_injury: The day of the last recordable injury on or before ``as_of``.
    """

    period: DateRange = parameter()
    as_of: date = parameter()
    hours: Decimal = summed(Decimal)
    employee_days: Mapping[EmployeeId, int] = united(dict)
    injuries: int = summed()
    lost_time: int = summed()
    recordable: int = summed()
    dart: int = summed()
    non_fatal_lost_time: int = summed()
    days_lost: int = summed()
    last_recordable_injury: date | None = latest()

    @classmethod
    @checked
    def empty(cls, *, period: Period, as_of: date) -> Self:
        """The rates of no records: the identity of `combine`."""
        return cls(**_parameters(period, as_of))

    def finalize(self) -> InjuryRates:
        """The rates of every part combined, as `injury_rates` of them all gives it."""
        days, last = self.period, self.last_recordable_injury
        headcount = Fraction(sum(self.employee_days.values()), days.days)
        rates = _rates(self, headcount)
        return InjuryRates(
            period=days,
            as_of=self.as_of,
            hours=self.hours,
            average_headcount=headcount,
            ltifr=rates[0],
            trifr=rates[1],
            trir=rates[2],
            dart=rates[3],
            incidence=rates[4],
            kch=rates[5],
            kt=rates[6],
            last_recordable_injury=last,
            days_without_injury=None if last is None else (self.as_of - last).days,
            explanation=_explanation(self, headcount, rates),
        )


def _parameters(period: Period, as_of: date) -> dict[str, Any]:
    days = as_range(period)
    _months(days)
    check_as_of(days, as_of)
    return {"period": days, "as_of": as_of}


@checked
def injury_rates_partial(records: Records, *, period: Period, as_of: date) -> InjuryRatesPartial:
    """The tallies of `injury_rates` over ``records``, one part of the whole.

    Raises:
        InvalidValueError: If ``period`` is not made of whole months, or ``as_of``
            is before it.
    """
    parameters = _parameters(period, as_of)
    days = parameters["period"]
    injuries = records.injuries_during(days)
    lost = [i for i in injuries if i.severity.is_lost_time]
    non_fatal = [i for i in lost if i.severity is not InjurySeverity.FATAL]
    history = records.injuries_during(DateRange(date.min, as_of + timedelta(days=1)))
    return InjuryRatesPartial(
        **parameters,
        hours=records.total_hours(_months(days)),
        employee_days={e.id: worked for e in records.employees if (worked := e._days_within(days))},
        injuries=len(injuries),
        lost_time=len(lost),
        recordable=sum(1 for i in injuries if i.severity.is_recordable),
        dart=sum(1 for i in injuries if i.severity.is_dart),
        non_fatal_lost_time=len(non_fatal),
        days_lost=sum(i.days_lost for i in non_fatal),
        last_recordable_injury=max(
            (i.occurred_on for i in history if i.severity.is_recordable), default=None
        ),
    )


@checked
def injury_rates(records: Records, *, period: Period, as_of: date) -> InjuryRates:
    """LTIFR, TRIFR, TRIR, DART, the ILO incidence rate, Кч and Кт, and days without injury.

    Raises:
        InvalidValueError: If ``period`` is not made of whole months, or ``as_of``
            is before it.
    """
    return injury_rates_partial(records, period=period, as_of=as_of).finalize()


def _rates(tallies: InjuryRatesPartial, headcount: Fraction) -> tuple[Rate, ...]:
    exposure = Fraction(tallies.hours)

    def per_hours(name: str, cases: int, base: int) -> Rate:
        return Rate(
            name=name, cases=cases, exposure=exposure, exposure_unit="hours worked", base=base
        )

    def per_people(name: str) -> Rate:
        return Rate(
            name=name,
            cases=tallies.lost_time,
            exposure=headcount,
            exposure_unit="average employees",
            base=1_000,
        )

    return (
        per_hours("LTIFR", tallies.lost_time, 1_000_000),
        per_hours("TRIFR", tallies.recordable, 1_000_000),
        per_hours("TRIR", tallies.recordable, 200_000),
        per_hours("DART", tallies.dart, 200_000),
        per_people("ILO incidence rate"),
        per_people("Кч"),
        Rate(
            name="Кт",
            cases=tallies.days_lost,
            exposure=Fraction(tallies.non_fatal_lost_time),
            exposure_unit="accidents",
            base=1,
            case_unit="days lost",
        ),
    )


def _explanation(
    tallies: InjuryRatesPartial, headcount: Fraction, rates: tuple[Rate, ...]
) -> Explanation:
    days, last = tallies.period, tallies.last_recordable_injury
    return Explanation(
        (
            Step.of(
                description=message("hours worked in {period}", period=days), result=tallies.hours
            ),
            *nothing_found(
                bool(tallies.hours), message("no hours worked recorded in {period}", period=days)
            ),
            Step.of(
                description=message("average headcount over {period}", period=days),
                result=headcount,
            ),
            Step.of(
                description=message("injuries in {period}", period=days), result=tallies.injuries
            ),
            *(Step(description="rate", result=rate) for rate in rates),
            Step.of(
                description=message("last recordable injury on or before {day}", day=tallies.as_of),
                result=last if last is not None else Message("none on record"),
            ),
        )
    )
