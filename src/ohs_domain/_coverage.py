"""Training coverage: distinct production employees trained ÷ production headcount.

By format and in total, with participations, sessions, groups and the production
departments reached by field visits.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import date
from typing import Any, ClassVar, Self

import attrs

from ohs_domain import _rows
from ohs_domain._arguments import checked, typed_fields
from ohs_domain._explain import Explanation, Fact, Step
from ohs_domain._i18n import message
from ohs_domain._indicator_inputs import check_as_of, nothing_found, on_staff, production_staff
from ohs_domain._measures import Share
from ohs_domain._partial import Tallies, parameter, summed, united, united_per_key
from ohs_domain._periods import DateRange, Period, as_range
from ohs_domain._records import Records
from ohs_domain._training import TrainingFormat
from ohs_domain._workforce import DepartmentId, EmployeeId

__all__ = [
    "FormatCoverage",
    "TrainingCoverage",
    "TrainingCoveragePartial",
    "training_coverage",
    "training_coverage_partial",
]


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class FormatCoverage:
    """Training in one format.

    Attributes:
        format: The format.
        people: Distinct production employees (on staff on ``as_of``) trained in it.
        participations: Attendances (one per person per session), everyone counted.
        sessions: Sessions held.
        groups: Distinct group codes.
    """

    format: TrainingFormat
    people: Share
    participations: int
    sessions: int
    groups: int


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class TrainingCoverage:
    """Training coverage of production personnel: distinct people trained ÷ headcount.

    Attributes:
        period: The days whose sessions count (by their first day).
        as_of: The day the headcount is taken.
        trained: Distinct production employees trained ÷ production headcount.
        participations: Attendances in all formats.
        sessions: Sessions in all formats.
        groups: Distinct group codes in all formats.
        by_format: Coverage per format, in the order of `TrainingFormat`.
        departments_visited: Production departments visited by field visits ÷ all of them.
        untrained: Production employees on staff who were not trained, by personnel number.
        explanation: How the result was reached.
    """

    period: DateRange
    as_of: date
    trained: Share
    participations: int
    sessions: int
    groups: int
    by_format: tuple[FormatCoverage, ...]
    departments_visited: Share
    untrained: tuple[EmployeeId, ...]
    explanation: Explanation

    COLUMNS: ClassVar[tuple[str, ...]] = (
        "format",
        "people",
        "headcount",
        "participations",
        "sessions",
        "groups",
    )

    @checked
    def of(self, format: TrainingFormat) -> FormatCoverage:  # noqa: A002 - the domain's word
        """The coverage of ``format``."""
        return next(line for line in self.by_format if line.format is format)

    def rows(self) -> tuple[_rows.Row, ...]:
        """One row per training format, in the order of `TrainingFormat`.

        Columns: ``format`` (``"training_centre"``); ``people`` (distinct production
        employees trained in it); ``headcount`` (production personnel on staff on
        ``as_of``); ``participations``; ``sessions``; ``groups``.
        """
        return tuple(
            {
                "format": line.format.value,
                "people": line.people.part,
                "headcount": line.people.whole,
                "participations": line.participations,
                "sessions": line.sessions,
                "groups": line.groups,
            }
            for line in self.by_format
        )


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class TrainingCoveragePartial(Tallies):
    """Training coverage of one part of the records, to combine with the other parts'.

    Attributes:
        period: The days whose sessions count.
        as_of: The day the headcount is taken.
        population: Production employees on staff on ``as_of``.
        trained: Of those, who attended a session, by format.
        participations: Attendances (everyone counted), by format.
        sessions: ``(format, session id)`` of the sessions held.
        groups: ``(format, group code)`` of the groups trained.
        visited: Departments visited by field visits.
        production_departments: The production departments.
    """

    period: DateRange = parameter()
    as_of: date = parameter()
    population: frozenset[EmployeeId] = united()
    trained: Mapping[TrainingFormat, frozenset[EmployeeId]] = united_per_key()
    participations: Counter[TrainingFormat] = summed(Counter)
    sessions: frozenset[tuple[TrainingFormat, str]] = united()
    groups: frozenset[tuple[TrainingFormat, str]] = united()
    visited: frozenset[DepartmentId] = united()
    production_departments: frozenset[DepartmentId] = united()

    @classmethod
    @checked
    def empty(cls, *, period: Period, as_of: date) -> Self:
        """The coverage of no records: the identity of `combine`."""
        return cls(**_parameters(period, as_of))

    def finalize(self) -> TrainingCoverage:
        """The coverage of every part combined, as `training_coverage` of them all gives it."""
        lines = tuple(_format_line(self, training_format) for training_format in TrainingFormat)
        trained = frozenset().union(*self.trained.values())
        share = Share(len(trained), len(self.population))
        return TrainingCoverage(
            period=self.period,
            as_of=self.as_of,
            trained=share,
            participations=sum(line.participations for line in lines),
            sessions=len(self.sessions),
            groups=len({group for _, group in self.groups}),
            by_format=lines,
            departments_visited=Share(
                len(self.visited & self.production_departments), len(self.production_departments)
            ),
            untrained=tuple(sorted(self.population - trained)),
            explanation=_explanation(self, lines, share),
        )


def _parameters(period: Period, as_of: date) -> dict[str, Any]:
    days = as_range(period)
    check_as_of(days, as_of)
    return {"period": days, "as_of": as_of}


@checked
def training_coverage_partial(
    records: Records, *, period: Period, as_of: date
) -> TrainingCoveragePartial:
    """The tallies of `training_coverage` over ``records``, one part of the whole.

    A session split across parts (its attendees in several) counts once when combined.
    """
    parameters = _parameters(period, as_of)
    as_of = parameters["as_of"]
    population = frozenset(e.id for e in production_staff(records, as_of))
    # Sessions after as_of have not happened yet as seen from as_of.
    sessions = [s for s in records.sessions_during(parameters["period"]) if s.days.start <= as_of]
    # Grown in place: a new frozenset per session copied every person trained so far,
    # quadratic in the size of the company (1.7x the rules' cost per record at 30x).
    trained: dict[TrainingFormat, set[EmployeeId]] = {}
    for session in sessions:
        trained.setdefault(session.format, set()).update(session.attendees & population)
    return TrainingCoveragePartial(
        **parameters,
        population=population,
        trained={f: frozenset(people) for f, people in trained.items()},
        participations=Counter(
            {
                f: n
                for f in TrainingFormat
                if (n := sum(len(s.attendees) for s in sessions if s.format is f))
            }
        ),
        sessions=frozenset((s.format, s.id) for s in sessions),
        groups=frozenset((s.format, s.group) for s in sessions),
        visited=frozenset(s.department for s in sessions if s.format is TrainingFormat.FIELD_VISIT),
        production_departments=frozenset(d.id for d in records.departments if d.is_production),
    )


@checked
def training_coverage(records: Records, *, period: Period, as_of: date) -> TrainingCoverage:
    """Distinct production employees trained in ``period`` ÷ production headcount on ``as_of``.

    A person trained twice counts once (participations count both); the share
    stays within [0, 1] because only people on staff on ``as_of`` are counted.
    """
    return training_coverage_partial(records, period=period, as_of=as_of).finalize()


def _format_line(
    tallies: TrainingCoveragePartial, training_format: TrainingFormat
) -> FormatCoverage:
    people = tallies.trained.get(training_format, frozenset())
    return FormatCoverage(
        format=training_format,
        people=Share(len(people), len(tallies.population)),
        participations=tallies.participations[training_format],
        sessions=sum(1 for f, _ in tallies.sessions if f is training_format),
        groups=sum(1 for f, _ in tallies.groups if f is training_format),
    )


def _explanation(
    tallies: TrainingCoveragePartial, lines: tuple[FormatCoverage, ...], share: Share
) -> Explanation:
    days, as_of = tallies.period, tallies.as_of
    participations = sum(line.participations for line in lines)
    return Explanation(
        (
            Step.of(description=on_staff(as_of), result=len(tallies.population)),
            *nothing_found(
                len(tallies.sessions),
                message("no training sessions started in {period}", period=days),
            ),
            Step.of(
                description=message("training sessions that started in {period}", period=days),
                result=message(
                    "{sessions} sessions, {participations} participations",
                    sessions=len(tallies.sessions),
                    participations=participations,
                ),
                facts=tuple(
                    Fact.of(
                        name=str(line.format),
                        value=message(
                            "{people} people in {groups} groups ({participations} participations)",
                            people=line.people.part,
                            groups=line.groups,
                            participations=line.participations,
                        ),
                    )
                    for line in lines
                ),
            ),
            Step(description="coverage = distinct people trained ÷ headcount", result=share),
        )
    )
