"""Elimination: reported hazards and defects and inspectors' violations, against their deadlines.

Shares eliminated on time, time to eliminate (exact median and 90th percentile),
and what is overdue on ``as_of``; submissions answered by their deadline.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import ClassVar

import attrs

from ohs_domain import _i18n, _rows
from ohs_domain._arguments import checked, typed_fields
from ohs_domain._explain import Explanation, Fact, Step
from ohs_domain._i18n import N_, Language
from ohs_domain._indicator_inputs import check_as_of, nothing_found
from ohs_domain._measures import Share, median, percentile
from ohs_domain._periods import DateRange, Period, as_range
from ohs_domain._records import Records
from ohs_domain._reporting import EliminationDeadlines, RiskLevel

__all__ = ["Elimination", "EliminationStats", "elimination"]


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class EliminationStats:
    """How promptly items were eliminated.

    ``on_time`` is eliminated by the deadline ÷ items *due* (eliminated, or
    open past their deadline); items still within their deadline are not yet due.

    Attributes:
        subject: What the items are.
        items: Items counted.
        eliminated: Of those, eliminated by ``as_of``.
        on_time: Eliminated by the deadline ÷ items due.
        median_time: Median time from registration (or finding) to elimination.
        p90_time: 90th percentile (nearest rank) of that time.
        overdue: Ids of items open past their deadline on ``as_of``, sorted.
    """

    subject: str
    items: int
    eliminated: int
    on_time: Share
    median_time: timedelta | None
    p90_time: timedelta | None
    overdue: tuple[str, ...]

    def __str__(self) -> str:
        return self.render("en")

    @checked
    def render(self, lang: Language = "en") -> str:
        """The statistics in ``lang``, as one line."""
        return _i18n.text(
            lang,
            "{subject}: {eliminated} of {items} eliminated; on time {on_time}; "
            "median {median}, 90th percentile {p90}; {overdue} overdue",
            subject=_i18n.text(lang, self.subject),
            eliminated=_i18n.number(self.eliminated, lang),
            items=_i18n.number(self.items, lang),
            on_time=self.on_time.render(lang),
            median=_duration(self.median_time, lang),
            p90=_duration(self.p90_time, lang),
            overdue=_i18n.number(len(self.overdue), lang),
        )


def _duration(value: timedelta | None, lang: Language = "en") -> str:
    if value is None:
        return _i18n.text(lang, "undefined")
    total = int(value.total_seconds())
    days, rest = divmod(total, 86_400)
    if days:
        return _i18n.text(lang, "{days} d {hours} h", days=days, hours=rest // 3600)
    return _i18n.text(
        lang, "{hours} h {minutes} min", hours=rest // 3600, minutes=rest % 3600 // 60
    )


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Elimination:
    """Elimination of reported hazards and defects and of inspectors' violations.

    Attributes:
        period: The days whose items count (reports registered, violations found,
            submissions issued).
        as_of: The day the state is taken (its end, in the company's zone).
        reports: Accepted reports, against the deadlines of their risk levels.
        violations: Violations, against the response deadline of their submission.
        submissions_answered: Submissions answered by their deadline ÷ submissions due.
        overdue_submissions: Submissions unanswered past their deadline, sorted.
        explanation: How the result was reached.
    """

    COLUMNS: ClassVar[tuple[str, ...]] = (
        "subject",
        "items",
        "eliminated",
        "on_time",
        "due",
        "median_time",
        "p90_time",
        "overdue",
    )

    period: DateRange
    as_of: date
    reports: EliminationStats
    violations: EliminationStats
    submissions_answered: Share
    overdue_submissions: tuple[str, ...]
    explanation: Explanation

    def rows(self) -> tuple[_rows.Row, ...]:
        """One row each for ``reports``, ``violations`` and ``submissions``.

        Columns: ``subject``; ``items``; ``eliminated`` (answered, for submissions;
        ``None`` there); ``on_time`` (eliminated or answered by the deadline) of
        ``due``; ``median_time`` and ``p90_time`` (ISO 8601 durations, ``None``
        when undefined or for submissions); ``overdue`` (how many).
        """
        stats = (("reports", self.reports), ("violations", self.violations))
        return (
            *(
                {
                    "subject": name,
                    "items": s.items,
                    "eliminated": s.eliminated,
                    "on_time": s.on_time.part,
                    "due": s.on_time.whole,
                    "median_time": _rows.duration(s.median_time),
                    "p90_time": _rows.duration(s.p90_time),
                    "overdue": len(s.overdue),
                }
                for name, s in stats
            ),
            {
                "subject": "submissions",
                "items": None,
                "eliminated": None,
                "on_time": self.submissions_answered.part,
                "due": self.submissions_answered.whole,
                "median_time": None,
                "p90_time": None,
                "overdue": len(self.overdue_submissions),
            },
        )


@checked
def elimination(
    records: Records, *, period: Period, as_of: date, deadlines: EliminationDeadlines
) -> Elimination:
    """Share eliminated by the deadline, time to eliminate, and what is overdue on ``as_of``."""
    days = as_range(period)
    check_as_of(days, as_of)
    zone = records.time_zone
    cutoff = datetime.combine(as_of + timedelta(days=1), time(), tzinfo=zone)
    accepted = [
        r
        for r in records.reports_during(days)
        if r.accepted_at is not None and r.accepted_at < cutoff
    ]
    on_time = due = 0
    times: list[timedelta] = []
    overdue: list[str] = []
    for report in accepted:
        deadline = deadlines.deadline(report)
        done = report.eliminated_at
        if done is not None and done < cutoff:
            times.append(done - report.reported_at)
            due += 1
            on_time += done <= deadline
        elif deadline < cutoff:
            due += 1
            overdue.append(report.id)
    report_stats = EliminationStats(
        subject=N_("accepted safety reports"),
        items=len(accepted),
        eliminated=len(times),
        on_time=Share(on_time, due),
        median_time=median(times),
        p90_time=percentile(times, 90),
        overdue=tuple(sorted(overdue)),
    )
    violation_stats = _violations(records, days, as_of)
    submissions = records.submissions_during(days)
    answered_due = [
        s
        for s in submissions
        if (s.answered_on is not None and s.answered_on <= as_of) or s.respond_by < as_of
    ]
    answered_on_time = sum(
        1
        for s in answered_due
        if s.answered_on is not None and s.answered_on <= min(s.respond_by, as_of)
    )
    overdue_submissions = tuple(sorted(s.id for s in submissions if s.is_overdue_on(as_of)))
    answered = Share(answered_on_time, len(answered_due))
    explanation = Explanation(
        (
            Step(
                description=f"accepted reports registered in {days}, as of the end of {as_of}",
                result=str(report_stats),
                facts=tuple(
                    Fact(
                        name=f"{risk} risk",
                        value=f"eliminate within {_duration(deadlines.allowed(risk))}",
                    )
                    for risk in RiskLevel
                ),
            ),
            *nothing_found(accepted, f"no accepted reports registered in {days}"),
            Step(description=f"violations found in {days}", result=str(violation_stats)),
            Step(
                description=f"submissions issued in {days} answered by their deadline",
                result=f"{answered}; {len(overdue_submissions):,} overdue",
            ),
        )
    )
    return Elimination(
        period=days,
        as_of=as_of,
        reports=report_stats,
        violations=violation_stats,
        submissions_answered=answered,
        overdue_submissions=overdue_submissions,
        explanation=explanation,
    )


def _violations(records: Records, days: DateRange, as_of: date) -> EliminationStats:
    found = [v for v in records.violations_found_during(days) if v.found_on <= as_of]
    on_time = due = 0
    times: list[timedelta] = []
    overdue: list[str] = []
    for violation in found:
        submission = records.submission_listing(violation.id)
        deadline = submission.respond_by if submission is not None else None
        done = violation.eliminated_on
        if done is not None and done <= as_of:
            times.append(done - violation.found_on)
            if deadline is not None:
                due += 1
                on_time += done <= deadline
        elif deadline is not None and deadline < as_of:
            due += 1
            overdue.append(violation.id)
    return EliminationStats(
        subject=N_("violations found by technical inspectors"),
        items=len(found),
        eliminated=len(times),
        on_time=Share(on_time, due),
        median_time=median(times),
        p90_time=percentile(times, 90),
        overdue=tuple(sorted(overdue)),
    )
