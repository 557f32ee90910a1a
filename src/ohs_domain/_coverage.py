"""Training coverage: distinct production employees trained ÷ production headcount.

By format and in total, with participations, sessions, groups and the production
departments reached by field visits.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

import attrs

from ohs_domain import _rows
from ohs_domain._arguments import checked, typed_fields
from ohs_domain._explain import Explanation, Fact, Step
from ohs_domain._indicator_inputs import check_as_of, nothing_found, production_staff
from ohs_domain._measures import Share
from ohs_domain._periods import DateRange, Period, as_range
from ohs_domain._records import Records
from ohs_domain._training import TrainingFormat
from ohs_domain._workforce import EmployeeId

__all__ = ["FormatCoverage", "TrainingCoverage", "training_coverage"]


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


@checked
def training_coverage(records: Records, *, period: Period, as_of: date) -> TrainingCoverage:
    """Distinct production employees trained in ``period`` ÷ production headcount on ``as_of``.

    A person trained twice counts once (participations count both); the share
    stays within [0, 1] because only people on staff on ``as_of`` are counted.
    """
    days = as_range(period)
    check_as_of(days, as_of)
    population = {e.id for e in production_staff(records, as_of)}
    # Sessions after as_of have not happened yet as seen from as_of.
    sessions = [s for s in records.sessions_during(days) if s.days.start <= as_of]
    trained: set[EmployeeId] = set()
    lines = []
    for training_format in TrainingFormat:
        chosen = [s for s in sessions if s.format is training_format]
        people = {a for s in chosen for a in s.attendees} & population
        trained |= people
        lines.append(
            FormatCoverage(
                format=training_format,
                people=Share(len(people), len(population)),
                participations=sum(len(s.attendees) for s in chosen),
                sessions=len(chosen),
                groups=len({s.group for s in chosen}),
            )
        )
    production_departments = {d.id for d in records.departments if d.is_production}
    visited = {
        s.department for s in sessions if s.format is TrainingFormat.FIELD_VISIT
    } & production_departments
    share = Share(len(trained), len(population))
    result_steps = (
        Step(description=f"production personnel on staff on {as_of}", result=len(population)),
        *nothing_found(sessions, f"no training sessions started in {days}"),
        Step(
            description=f"training sessions that started in {days}",
            result=f"{len(sessions):,} sessions, {sum(line.participations for line in lines):,} "
            "participations",
            facts=tuple(
                Fact(
                    name=str(line.format),
                    value=f"{line.people.part:,} people in {line.groups:,} groups "
                    f"({line.participations:,} participations)",
                )
                for line in lines
            ),
        ),
        Step(description="coverage = distinct people trained ÷ headcount", result=share),
    )
    return TrainingCoverage(
        period=days,
        as_of=as_of,
        trained=share,
        participations=sum(line.participations for line in lines),
        sessions=len(sessions),
        groups=len({s.group for s in sessions}),
        by_format=tuple(lines),
        departments_visited=Share(len(visited), len(production_departments)),
        untrained=tuple(sorted(population - trained)),
        explanation=Explanation(result_steps),
    )
