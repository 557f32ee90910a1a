"""Inspection activity: inspectors' submissions and violations, by department and quarter."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import ClassVar

import attrs

from ohs_domain import _i18n, _rows
from ohs_domain._arguments import checked, typed_fields
from ohs_domain._explain import Explanation, Fact, Step
from ohs_domain._i18n import N_, Language
from ohs_domain._indicator_inputs import nothing_found
from ohs_domain._inspection import Submission
from ohs_domain._measures import _round
from ohs_domain._periods import DateRange, Period, Quarter, as_range
from ohs_domain._records import Records

__all__ = ["ActivityLine", "InspectionActivity", "inspection_activity"]


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
            _i18n.text(lang, "undefined") if ratio is None else _i18n.number(_round(ratio, 2), lang)
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


@checked
def inspection_activity(records: Records, *, period: Period) -> InspectionActivity:
    """Submissions, violations and violations per submission, by department and quarter."""
    days = as_range(period)
    submissions = records.submissions_during(days)

    def line(label: str, chosen: Sequence[Submission]) -> ActivityLine:
        return ActivityLine(
            label=label,
            submissions=len(chosen),
            violations=sum(len(s.violations) for s in chosen),
        )

    departments = sorted({s.department for s in submissions})
    quarters: list[Quarter] = []
    if not days.is_empty:
        quarter = Quarter.containing(days.start)
        while quarter.first_day < days.end:
            quarters.append(quarter)
            quarter = quarter.next()
    inspectors = {a.employee for a in records.inspector_appointments if a.term.overlaps(days)}
    issuing = len({s.inspector for s in submissions})
    total = line(N_("all"), submissions)
    by_department = tuple(
        line(d, [s for s in submissions if s.department == d]) for d in departments
    )
    explanation = Explanation(
        (
            Step(
                description=f"technical inspectors appointed during {days}", result=len(inspectors)
            ),
            *nothing_found(submissions, f"no submissions issued in {days}"),
            Step(description="of whom issuing submissions", result=issuing),
            Step(
                description=f"submissions issued in {days}",
                result=str(total),
                facts=tuple(Fact(name=d.label, value=str(d)) for d in by_department),
            ),
        )
    )
    return InspectionActivity(
        period=days,
        inspectors=len(inspectors),
        issuing=issuing,
        total=total,
        by_department=by_department,
        by_quarter=tuple(
            line(str(q), [s for s in submissions if s.issued_on in q]) for q in quarters
        ),
        explanation=explanation,
    )
