"""Elimination: reported hazards and defects and inspectors' violations, against their deadlines.

Shares eliminated on time, time to eliminate (exact median and 90th percentile),
and what is overdue on ``as_of``; submissions answered by their deadline.
"""

from __future__ import annotations

import operator
from bisect import bisect_left
from collections import Counter
from datetime import date, datetime, timedelta
from itertools import accumulate, compress
from typing import Any, ClassVar, Self, cast

import attrs

from ohs_domain import _i18n, _rows
from ohs_domain._arguments import checked, typed_fields
from ohs_domain._explain import Explanation, Fact, Step
from ohs_domain._i18n import N_, Language, Message, message
from ohs_domain._indicator_inputs import check_as_of, nothing_found, stats
from ohs_domain._measures import Share
from ohs_domain._partial import Tallies, nested, parameter, summed, united
from ohs_domain._periods import DateRange, Period, as_range, days_through
from ohs_domain._records import Records
from ohs_domain._report_index import RISKS, report_index
from ohs_domain._reporting import EliminationDeadlines, RiskLevel

_MICROSECOND = timedelta(microseconds=1)

__all__ = [
    "Elimination",
    "EliminationPartial",
    "EliminationStats",
    "ItemTallies",
    "elimination",
    "elimination_partial",
]


_RISKS = {
    RiskLevel.LOW: N_("low risk"),
    RiskLevel.MEDIUM: N_("medium risk"),
    RiskLevel.HIGH: N_("high risk"),
}


def _lasting(value: timedelta) -> Message:
    """A deadline as a message that shows it as `_duration` does, in each language."""
    days, rest = divmod(int(value.total_seconds()), 86_400)
    hours = str(rest // 3600)  # strings: counts written without grouping, as `_duration` does
    if days:
        return message("{days} d {hours} h", days=str(days), hours=hours)
    return message("{hours} h {minutes} min", hours=hours, minutes=str(rest % 3600 // 60))


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


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ItemTallies(Tallies):
    """Items against their deadlines, in one part: what `EliminationStats` is decided from.

    Attributes:
        items: Items counted.
        due: Eliminated, or open past their deadline.
        on_time: Eliminated by the deadline.
        times: Times to eliminate, each with how many items took it (exact, for medians).
        overdue: Ids of items open past their deadline.
    """

    items: int = summed()
    due: int = summed()
    on_time: int = summed()
    times: Counter[timedelta] = summed(Counter)
    overdue: frozenset[str] = united()

    @checked
    def stats(self, subject: str) -> EliminationStats:
        """The statistics of these items, called ``subject``."""
        return EliminationStats(
            subject=subject,
            items=self.items,
            eliminated=self.times.total(),
            on_time=Share(self.on_time, self.due),
            median_time=_median(self.times),
            p90_time=_percentile(self.times, 90),
            overdue=tuple(sorted(self.overdue)),
        )


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class EliminationPartial(Tallies):
    """Elimination in one part of the records, to combine with the other parts'.

    Attributes:
        period: The days whose items count.
        as_of: The day the state is taken (its end, in each part's zone).
        deadlines: The deadlines of reports by risk level.
        reports: Accepted reports against their deadlines.
        violations: Violations against their submission's deadline.
        submissions_due: Submissions answered by ``as_of`` or past their deadline.
        submissions_on_time: Of those, answered by their deadline.
        overdue_submissions: Submissions unanswered past their deadline.
    """

    period: DateRange = parameter()
    as_of: date = parameter()
    deadlines: EliminationDeadlines = parameter()
    reports: ItemTallies = nested(ItemTallies)
    violations: ItemTallies = nested(ItemTallies)
    submissions_due: int = summed()
    submissions_on_time: int = summed()
    overdue_submissions: frozenset[str] = united()

    @classmethod
    @checked
    def empty(cls, *, period: Period, as_of: date, deadlines: EliminationDeadlines) -> Self:
        """The elimination of no records: the identity of `combine`."""
        return cls(**_parameters(period, as_of, deadlines))

    def finalize(self) -> Elimination:
        """The elimination of every part combined, as `elimination` of them all gives it."""
        reports = self.reports.stats(N_("accepted safety reports"))
        violations = self.violations.stats(N_("violations found by technical inspectors"))
        answered = Share(self.submissions_on_time, self.submissions_due)
        overdue = tuple(sorted(self.overdue_submissions))
        return Elimination(
            period=self.period,
            as_of=self.as_of,
            reports=reports,
            violations=violations,
            submissions_answered=answered,
            overdue_submissions=overdue,
            explanation=_explanation(self, reports, violations, answered),
        )


def _parameters(period: Period, as_of: date, deadlines: EliminationDeadlines) -> dict[str, Any]:
    days = as_range(period)
    check_as_of(days, as_of)
    return {"period": days, "as_of": as_of, "deadlines": deadlines}


@checked
def elimination_partial(
    records: Records, *, period: Period, as_of: date, deadlines: EliminationDeadlines
) -> EliminationPartial:
    """The tallies of `elimination` over ``records``, one part of the whole."""
    parameters = _parameters(period, as_of, deadlines)
    days = parameters["period"]
    submissions = records.submissions_during(days)
    answered_due = [
        s
        for s in submissions
        if (s.answered_on is not None and s.answered_on <= as_of) or s.respond_by < as_of
    ]
    return EliminationPartial(
        **parameters,
        reports=_reports(records, days, as_of, deadlines),
        violations=_violations(records, days, as_of),
        submissions_due=len(answered_due),
        submissions_on_time=sum(
            1
            for s in answered_due
            if s.answered_on is not None and s.answered_on <= min(s.respond_by, as_of)
        ),
        overdue_submissions=frozenset(s.id for s in submissions if s.is_overdue_on(as_of)),
    )


@checked
def elimination(
    records: Records, *, period: Period, as_of: date, deadlines: EliminationDeadlines
) -> Elimination:
    """Share eliminated by the deadline, time to eliminate, and what is overdue on ``as_of``."""
    return elimination_partial(records, period=period, as_of=as_of, deadlines=deadlines).finalize()


def _reports(
    records: Records, days: DateRange, as_of: date, deadlines: EliminationDeadlines
) -> ItemTallies:
    index = report_index(records)
    span = index.span(days_through(days, as_of))
    positions = range(span.start, span.stop)
    day = as_of.toordinal()
    accepted = list(map(day.__ge__, index.accepted[span]))
    eliminated = list(map(day.__ge__, index.eliminated[span]))
    # The lifecycle eliminates only what it accepted: eliminated by as_of is accepted by
    # then, and the rest accepted by as_of are open on it.
    done = list(compress(positions, eliminated))
    still_open = compress(positions, map(operator.gt, accepted, eliminated))
    # deadlines.deadline(report), with the time allowed looked up once per risk, not per report.
    allowed = {risk: deadlines.allowed(risk) for risk in RISKS}
    # On time: the time taken against the time allowed for the report's risk, as whole
    # microseconds, one integer comparison each.
    limits = [allowed[risk] // _MICROSECOND for risk in RISKS]
    taken = list(map(index.taken.__getitem__, done))
    on_time = sum(
        map(operator.le, taken, map(limits.__getitem__, map(index.risk.__getitem__, done)))
    )
    for n in index.zoned.intersection(done):  # where only the moments decide (ReportIndex.zoned)
        report, quick = index.reports[n], index.taken[n] <= limits[index.risk[n]]
        on_time += (cast(datetime, report.eliminated_at) <= deadlines.deadline(report)) - quick
    times = Counter(taken)
    zone = records.time_zone
    overdue = [
        report.id
        for report in map(index.reports.__getitem__, still_open)
        if (report.reported_at + allowed[report.risk]).astimezone(zone).date() <= as_of
    ]
    return ItemTallies(
        items=sum(accepted),
        due=len(done) + len(overdue),
        on_time=on_time,
        times=Counter({timedelta(microseconds=t): times[t] for t in sorted(times)}),  # in order
        overdue=frozenset(overdue),
    )


def _violations(records: Records, days: DateRange, as_of: date) -> ItemTallies:
    found = [v for v in records.violations_found_during(days) if v.found_on <= as_of]
    on_time = due = 0
    times: Counter[timedelta] = Counter()
    overdue: list[str] = []
    for violation in found:
        submission = records.submission_listing(violation.id)
        deadline = submission.respond_by if submission is not None else None
        done = violation.eliminated_on
        if done is not None and done <= as_of:
            times[done - violation.found_on] += 1
            if deadline is not None:
                due += 1
                on_time += done <= deadline
        elif deadline is not None and deadline < as_of:
            due += 1
            overdue.append(violation.id)
    return ItemTallies(
        items=len(found), due=due, on_time=on_time, times=times, overdue=frozenset(overdue)
    )


def _ranked(times: Counter[timedelta], *ranks: int) -> list[timedelta]:
    """The ``rank``-th smallest times (from 1), each counted as often as it occurred."""
    ordered = sorted(times)
    running = list(accumulate(times[value] for value in ordered))
    return [ordered[bisect_left(running, rank)] for rank in ranks]


def _median(times: Counter[timedelta]) -> timedelta | None:
    """The median (the mean of the two middle values for an even count); ``None`` if empty."""
    count = times.total()
    if not count:
        return None
    lower, upper = _ranked(times, (count + 1) // 2, count // 2 + 1)
    return upper if count % 2 else (lower + upper) / 2


def _percentile(times: Counter[timedelta], percent: int) -> timedelta | None:
    """The nearest-rank ``percent``-th percentile; ``None`` if empty."""
    count = times.total()
    return _ranked(times, max(-(-percent * count // 100), 1))[0] if count else None


def _explanation(
    tallies: EliminationPartial,
    reports: EliminationStats,
    violations: EliminationStats,
    answered: Share,
) -> Explanation:
    days, as_of = tallies.period, tallies.as_of
    return Explanation(
        (
            Step.of(
                description=message(
                    "accepted reports registered in {period}, as of the end of {day}",
                    period=days,
                    day=as_of,
                ),
                result=stats(reports),
                facts=tuple(
                    Fact.of(
                        name=Message(_RISKS[risk]),
                        value=message(
                            "eliminate within {time}",
                            time=_lasting(tallies.deadlines.allowed(risk)),
                        ),
                    )
                    for risk in RiskLevel
                ),
            ),
            *nothing_found(
                reports.items, message("no accepted reports registered in {period}", period=days)
            ),
            Step.of(
                description=message("violations found in {period}", period=days),
                result=stats(violations),
            ),
            Step.of(
                description=message(
                    "submissions issued in {period} answered by their deadline", period=days
                ),
                result=message(
                    "{answered}; {n} overdue",
                    "{answered}; {n} overdue",
                    answered=answered,
                    n=len(tallies.overdue_submissions),
                ),
            ),
        )
    )
