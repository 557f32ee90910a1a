"""GRI 403-9 (2018): the work-related injury disclosure of a sustainability report.

For a year, [`gri_403_9`][ohs_domain.gri_403_9] counts, for employees and
separately for contractors' workers whose work the company controls:
fatalities, high-consequence injuries (fatalities excluded: the worker does
not, or is not expected to, recover fully within 6 months), recordable
injuries (fatalities and high-consequence injuries included), each as a number
and as a rate per 200,000 or per 1,000,000 hours worked (the caller chooses,
the result states it); the main types of injury; and the hours worked.

A rate is ``number × base ÷ hours worked``; with no hours it is undefined.
Worked check (GRI 403-9): 2 recordable injuries in 400,000 hours are 1.0 per
200,000 hours and 5.0 per 1,000,000 hours.
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
from ohs_domain._injuries import InjurySeverity, WorkInjury
from ohs_domain._measures import Rate, Tally, tallied
from ohs_domain._periods import Year
from ohs_domain._records import Records
from ohs_domain._workforce import WorkerRelation

__all__ = ["GRI_BASES", "InjuryDisclosure", "InjuryDisclosureColumn", "gri_403_9"]

GRI_BASES: tuple[int, ...] = (200_000, 1_000_000)
"""The bases GRI 403-9 allows a rate to be stated per: hours worked."""


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class InjuryDisclosureColumn:
    """One column of the GRI 403-9 table: employees, or contractors' workers.

    Attributes:
        relation: Whose injuries and hours.
        hours: Hours worked in the year.
        fatalities: Fatalities as a result of work-related injury, and their rate.
        high_consequence: High-consequence work-related injuries (fatalities
            excluded), and their rate.
        recordable: Recordable work-related injuries (fatalities and
            high-consequence injuries included), and their rate.
        main_types: The types of the recordable injuries with how many of each,
            most frequent first (ties by name); injuries without a type are not listed.
    """

    relation: WorkerRelation
    hours: Decimal
    fatalities: Rate
    high_consequence: Rate
    recordable: Rate
    main_types: tuple[Tally, ...]

    @property
    def rates(self) -> tuple[Rate, Rate, Rate]:
        """Fatalities, high-consequence and recordable injuries, in that order."""
        return (self.fatalities, self.high_consequence, self.recordable)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class InjuryDisclosure:
    """The GRI 403-9 injury disclosure of a year; `str()` renders it as a table.

    Attributes:
        year: The year disclosed.
        base: Hours worked the rates are stated per: 200,000 or 1,000,000.
        employees: The employees' column.
        contractors: The column of workers who are not employees but whose
            work or workplace the company controls.
        explanation: The counts and hours each rate used.
    """

    COLUMNS: ClassVar[tuple[str, ...]] = ("relation", "measure", "number", "hours", "base", "rate")

    year: Year
    base: int
    employees: InjuryDisclosureColumn
    contractors: InjuryDisclosureColumn
    explanation: Explanation

    @property
    def columns(self) -> tuple[InjuryDisclosureColumn, InjuryDisclosureColumn]:
        """The employees' column, then the contractors'."""
        return (self.employees, self.contractors)

    def __str__(self) -> str:
        return self.render("en")

    @checked
    def render(self, lang: Language = "en") -> str:
        """The disclosure in ``lang`` (``"en"``, ``"ru"`` or ``"kk"``), one block per column."""
        lines = [
            _i18n.text(
                lang,
                "GRI 403-9 work-related injuries, {year} (rates per {base} hours worked)",
                year=self.year,
                base=_i18n.number(self.base, lang),
            )
        ]
        for column in self.columns:
            lines += ["", _i18n.text(lang, _HEADINGS[column.relation])]
            lines.append(
                "  "
                + _i18n.text(lang, "hours worked: {hours}", hours=_i18n.number(column.hours, lang))
            )
            lines.extend(f"  {rate.render(lang)}" for rate in column.rates)
            types = ", ".join(
                f"{_i18n.gettext(lang, t.name)} ({_i18n.number(t.count, lang)})"
                for t in column.main_types
            )
            lines.append(
                "  "
                + _i18n.text(
                    lang,
                    "main types of injury: {types}",
                    types=types or _i18n.text(lang, "none"),
                )
            )
        return "\n".join(lines)

    def rows(self) -> tuple[_rows.Row, ...]:
        """One row per column and measure: the table a sustainability report prints.

        Columns: ``relation`` (``"employee"`` or ``"contractor"``); ``measure``
        (``"fatalities"``, ``"high-consequence injuries"``, ``"recordable injuries"``);
        ``number``; ``hours`` (a decimal string); ``base``; ``rate`` (rounded to
        2 places, a decimal string; ``None`` when no hours were worked).
        """
        return tuple(
            {
                "relation": str(column.relation),
                "measure": rate.name,
                "number": rate.cases,
                "hours": str(column.hours),
                "base": self.base,
                "rate": None if (value := rate.rounded()) is None else str(value),
            }
            for column in self.columns
            for rate in column.rates
        )


_HEADINGS = {
    WorkerRelation.EMPLOYEE: N_("Employees"),
    WorkerRelation.CONTRACTOR: N_("Workers who are not employees (contractors)"),
}

# What the explanation calls each relation's workers, and its step of hours worked.
_WORKERS = {WorkerRelation.EMPLOYEE: N_("employees"), WorkerRelation.CONTRACTOR: N_("contractors")}
_HOURS_OF = {
    WorkerRelation.EMPLOYEE: N_("hours worked by employees in {year}"),
    WorkerRelation.CONTRACTOR: N_("hours worked by contractors in {year}"),
}


@checked
def gri_403_9(records: Records, *, year: Year, base: int = 200_000) -> InjuryDisclosure:
    """The GRI 403-9 disclosure of ``year``, rates per ``base`` hours worked.

    >>> from ohs_domain import demo
    >>> disclosure = gri_403_9(demo.build_records(), year=Year(2023), base=1_000_000)
    >>> disclosure.employees.recordable.cases, disclosure.employees.recordable.rounded()
    (2, Decimal('0.35'))

    Raises:
        InvalidValueError: If ``base`` is neither 200,000 nor 1,000,000.
    """
    if base not in GRI_BASES:
        raise InvalidValueError("base", base, "200000 or 1000000 (hours worked, GRI 403-9)")
    steps: list[Step] = []
    columns = []
    for relation in WorkerRelation:
        injuries = records.injuries_of(relation, year.range)
        hours = records.hours_of(relation, year.months())
        column = _column(relation, injuries, hours, base)
        workers = _WORKERS[relation]
        steps.append(Step.of(description=message(_HOURS_OF[relation], year=year), result=hours))
        steps.extend(
            Step.of(
                description=message(
                    "{workers}: {measure}", workers=Message(workers), measure=Message(rate.name)
                ),
                result=rate,
            )
            for rate in column.rates
        )
        columns.append(column)
    return InjuryDisclosure(
        year=year,
        base=base,
        employees=columns[0],
        contractors=columns[1],
        explanation=Explanation(tuple(steps)),
    )


def _column(
    relation: WorkerRelation, injuries: tuple[WorkInjury, ...], hours: Decimal, base: int
) -> InjuryDisclosureColumn:
    def rate(name: str, cases: int) -> Rate:
        return Rate(
            name=name,
            cases=cases,
            exposure=Fraction(hours),
            exposure_unit="hours worked",
            base=base,
        )

    recordable = [i for i in injuries if i.severity.is_recordable]
    return InjuryDisclosureColumn(
        relation=relation,
        hours=hours,
        fatalities=rate(
            N_("fatalities"), sum(1 for i in injuries if i.severity is InjurySeverity.FATAL)
        ),
        high_consequence=rate(
            N_("high-consequence injuries"), sum(1 for i in injuries if i.high_consequence)
        ),
        recordable=rate(N_("recordable injuries"), len(recordable)),
        main_types=tallied(i.injury_type for i in recordable if i.injury_type is not None),
    )
