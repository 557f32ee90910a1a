"""Inspection activity: inspectors' submissions and violations, by department and quarter."""

from __future__ import annotations

from collections import Counter
from fractions import Fraction
from typing import ClassVar, Self

import attrs

from ohs_domain import _i18n, _rows
from ohs_domain._arguments import checked, typed_fields
from ohs_domain._explain import Explanation, Fact, Step
from ohs_domain._i18n import N_, Language, message
from ohs_domain._indicator_inputs import nothing_found, stats
from ohs_domain._money import round_exactly
from ohs_domain._partial import Tallies, parameter, summed, united
from ohs_domain._periods import DateRange, Period, Quarter, as_range
from ohs_domain._records import Records
from ohs_domain._workforce import DepartmentId, EmployeeId

__all__ = [
    "ActivityLine",
    "InspectionActivity",
    "InspectionActivityPartial",
    "inspection_activity",
    "inspection_activity_partial",
]


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ActivityLine:
    """Submissions and the violations they list, for one department, quarter, or in all.

    Attributes:
        label: What the line counts (a department id, a quarter, ``"all"``).
        submissions: Submissions issued.
        violations: Violations they list.
    """

    label: str
    submissions: int
    violations: int

    @property
    def violations_per_submission(self) -> Fraction | None:
        """Violations ÷ submissions; ``None`` with no submission."""
        return Fraction(self.violations, self.submissions) if self.submissions else None

    def __str__(self) -> str:
        return self.render("en")

    @checked
    def render(self, lang: Language = "en") -> str:
        """The line in ``lang``."""
        ratio = self.violations_per_submission
        shown = (
            _i18n.text(lang, "undefined")
            if ratio is None
            else _i18n.number(round_exactly(ratio, 2), lang)
        )
        return _i18n.text(
            lang,
            "{label}: {submissions} on {violations} ({ratio} per submission)",
            label=_i18n.text(lang, self.label),
            submissions=_i18n.plural(lang, self.submissions, "{n} submissions", "{n} submissions"),
            violations=_i18n.plural(lang, self.violations, "{n} violations", "{n} violations"),
            ratio=shown,
        )


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class InspectionActivity:
    """Technical inspectors' activity in a period.

    Attributes:
        period: The days whose submissions count.
        inspectors: Technical inspectors appointed on at least one day of the period.
        issuing: Inspectors who issued at least one submission.
        total: Submissions and violations in all.
        by_department: One line per department issued to, by id.
        by_quarter: One line per quarter of the period, in order.
        explanation: How the result was reached.
    """

    COLUMNS: ClassVar[tuple[str, ...]] = ("by", "label", "submissions", "violations")

    period: DateRange
    inspectors: int
    issuing: int
    total: ActivityLine
    by_department: tuple[ActivityLine, ...]
    by_quarter: tuple[ActivityLine, ...]
    explanation: Explanation

    def rows(self) -> tuple[_rows.Row, ...]:
        """The total, then one row per department, then one per quarter.

        Columns: ``by`` (``"all"``, ``"department"`` or ``"quarter"``); ``label``
        (``"all"``, a department id, ``"2023-Q1"``); ``submissions``; ``violations``.
        """
        lines = (
            ("all", self.total),
            *(("department", line) for line in self.by_department),
            *(("quarter", line) for line in self.by_quarter),
        )
        return tuple(
            {
                "by": by,
                "label": line.label,
                "submissions": line.submissions,
                "violations": line.violations,
            }
            for by, line in lines
        )


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class InspectionActivityPartial(Tallies):
    """Inspection activity in one part of the records, to combine with the other parts'.

    Attributes:
        period: The days whose submissions count.
        inspectors: Technical inspectors appointed on at least one day of the period.
        issuing: Inspectors who issued at least one submission.
        submissions: Submissions issued, by department.
        violations: Violations they list, by department.
        quarter_submissions: Submissions issued, by quarter.
        quarter_violations: Violations they list, by quarter.
    """

    period: DateRange = parameter()
    inspectors: frozenset[EmployeeId] = united()
    issuing: frozenset[EmployeeId] = united()
    submissions: Counter[DepartmentId] = summed(Counter)
    violations: Counter[DepartmentId] = summed(Counter)
    quarter_submissions: Counter[Quarter] = summed(Counter)
    quarter_violations: Counter[Quarter] = summed(Counter)

    @classmethod
    @checked
    def empty(cls, *, period: Period) -> Self:
        """The activity of no records: the identity of `combine`."""
        return cls(period=as_range(period))

    def finalize(self) -> InspectionActivity:
        """The activity of every part combined, as `inspection_activity` of them all gives it."""
        total = ActivityLine(
            label=N_("all"),
            submissions=self.submissions.total(),
            violations=self.violations.total(),
        )
        by_department = tuple(
            ActivityLine(label=d, submissions=n, violations=self.violations[d])
            for d, n in sorted(self.submissions.items())
        )
        return InspectionActivity(
            period=self.period,
            inspectors=len(self.inspectors),
            issuing=len(self.issuing),
            total=total,
            by_department=by_department,
            by_quarter=tuple(
                ActivityLine(
                    label=str(q),
                    submissions=self.quarter_submissions[q],
                    violations=self.quarter_violations[q],
                )
                for q in _quarters(self.period)
            ),
            explanation=_explanation(self, total, by_department),
        )


def _quarters(days: DateRange) -> list[Quarter]:
    quarters: list[Quarter] = []
    if not days.is_empty:
        quarter = Quarter.containing(days.start)
        while quarter.first_day < days.end:
            quarters.append(quarter)
            quarter = quarter.next()
    return quarters


@checked
def inspection_activity_partial(records: Records, *, period: Period) -> InspectionActivityPartial:
    """The tallies of `inspection_activity` over ``records``, one part of the whole."""
    days = as_range(period)
    submissions = records.submissions_during(days)
    by_department: Counter[DepartmentId] = Counter()
    by_quarter: Counter[Quarter] = Counter()
    for s in submissions:
        by_department[s.department] += len(s.violations)
        by_quarter[Quarter.containing(s.issued_on)] += len(s.violations)
    return InspectionActivityPartial(
        period=days,
        inspectors=frozenset(
            a.employee for a in records.inspector_appointments if a.term.overlaps(days)
        ),
        issuing=frozenset(s.inspector for s in submissions),
        submissions=Counter(s.department for s in submissions),
        violations=by_department,
        quarter_submissions=Counter(Quarter.containing(s.issued_on) for s in submissions),
        quarter_violations=by_quarter,
    )


@checked
def inspection_activity(records: Records, *, period: Period) -> InspectionActivity:
    """Submissions, violations and violations per submission, by department and quarter."""
    return inspection_activity_partial(records, period=period).finalize()


def _explanation(
    tallies: InspectionActivityPartial, total: ActivityLine, by_department: tuple[ActivityLine, ...]
) -> Explanation:
    days = tallies.period
    return Explanation(
        (
            Step.of(
                description=message("technical inspectors appointed during {period}", period=days),
                result=len(tallies.inspectors),
            ),
            *nothing_found(
                total.submissions, message("no submissions issued in {period}", period=days)
            ),
            Step(description="of whom issuing submissions", result=len(tallies.issuing)),
            Step.of(
                description=message("submissions issued in {period}", period=days),
                result=stats(total),
                # A line renders itself in each language; the message carries it into the fact.
                facts=tuple(
                    Fact.of(name=d.label, value=message("{activity}", activity=d))
                    for d in by_department
                ),
            ),
        )
    )
