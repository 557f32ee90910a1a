"""Vision Zero indicators: training, engagement, elimination, inspections, injuries.

Each function is pure: the records, the period and the reference date
(``as_of``) come in as arguments, and the result is an immutable value that
carries its explanation. Shares and rates keep exact fractions and are
*undefined*, never 0, when their denominator is empty.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import ClassVar

import attrs

from ohs_domain import _i18n, _rows
from ohs_domain._arguments import checked, typed_fields
from ohs_domain._errors import InvalidValueError
from ohs_domain._explain import Explanation, Fact, Step
from ohs_domain._i18n import N_, Language, Message, message
from ohs_domain._injuries import InjurySeverity
from ohs_domain._inspection import Submission
from ohs_domain._measures import Rate, Share, _round, median, percentile
from ohs_domain._periods import DateRange, Month, Period, Quarter, as_range, local_date
from ohs_domain._records import Records
from ohs_domain._reporting import EliminationDeadlines, ReportGroup, RiskLevel, SafetyReport
from ohs_domain._training import TrainingFormat
from ohs_domain._workforce import Employee, EmployeeId

__all__ = [
    "ActivityLine",
    "Elimination",
    "EliminationStats",
    "Engagement",
    "FormatCoverage",
    "InjuryRates",
    "InspectionActivity",
    "TrainingCoverage",
    "elimination",
    "engagement",
    "injury_rates",
    "inspection_activity",
    "training_coverage",
]


def _nothing(found: Sequence[object], description: Message) -> tuple[Step, ...]:
    """A step saying nothing was found, when nothing was: never only zeros to read."""
    return () if found else (Step.of(description=description, result=None),)


def _stats(line: EliminationStats | ActivityLine) -> Message:
    # Shown by its own render(lang) in an explanation; str() is its English line.
    return message("{value}", value=line)


def _on_staff(as_of: date) -> Message:
    return message("production personnel on staff on {day}", day=as_of)


def _share_rows(shares: dict[str, Share]) -> tuple[_rows.Row, ...]:
    return tuple(
        {"measure": name, "part": share.part, "whole": share.whole}
        for name, share in shares.items()
    )


def _staff(records: Records, as_of: date) -> list[Employee]:
    """Production personnel on staff on ``as_of``: the population of coverage and engagement."""
    return [e for e in records.production_employees() if e._on_staff(as_of)]


def _check_as_of(days: DateRange, as_of: date) -> None:
    if as_of < days.start:
        raise InvalidValueError(
            "as_of", as_of, f"a day on or after the period's start ({days.start})"
        )
    if as_of >= _LAST_AS_OF:
        raise InvalidValueError("as_of", as_of, f"a day before {_LAST_AS_OF}")


_LAST_AS_OF = date(9998, 12, 31)  # the day after as_of must still be a date


# -- training -----------------------------------------------------------------


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
    _check_as_of(days, as_of)
    population = {e.id for e in _staff(records, as_of)}
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
        Step.of(description=_on_staff(as_of), result=len(population)),
        *_nothing(sessions, message("no training sessions started in {period}", period=days)),
        Step.of(
            description=message("training sessions that started in {period}", period=days),
            result=message(
                "{sessions} sessions, {participations} participations",
                sessions=len(sessions),
                participations=sum(line.participations for line in lines),
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


# -- engagement ---------------------------------------------------------------


def _counts_as_active(report: SafetyReport, as_of: date, records: Records) -> bool:
    rejected = report.rejected_at
    return rejected is None or local_date(rejected, records.time_zone) > as_of


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Engagement:
    """Engagement of production personnel in the reporting system.

    Attributes:
        period: The days whose reports count (in the company's zone), up to ``as_of``.
        as_of: The day the headcount, registrations and reports are taken.
        min_reports: Non-rejected reports that make a user active.
        registered: Production employees registered in the system ÷ headcount.
        active: Production employees with at least ``min_reports`` non-rejected reports ÷ headcount.
        reports: Reports registered in the period by ``as_of``, by anyone.
        events: Of those, events.
        defects: Of those, defects.
        rejected: Of those, rejected by ``as_of``.
        not_registered: Production employees on staff not registered, by personnel number.
        inactive: Registered production employees below ``min_reports``, by personnel number.
        explanation: How the result was reached.
    """

    COLUMNS: ClassVar[tuple[str, ...]] = ("measure", "part", "whole")

    period: DateRange
    as_of: date
    min_reports: int
    registered: Share
    active: Share
    reports: int
    events: int
    defects: int
    rejected: int
    not_registered: tuple[EmployeeId, ...]
    inactive: tuple[EmployeeId, ...]
    explanation: Explanation

    def rows(self) -> tuple[_rows.Row, ...]:
        """One row per measure, each a part of a whole.

        ``registered`` and ``active`` are of production headcount; ``events``,
        ``defects`` and ``rejected`` of the reports registered.

        Columns: ``measure``; ``part``; ``whole``.
        """
        return _share_rows(
            {
                "registered": self.registered,
                "active": self.active,
                "events": Share(self.events, self.reports),
                "defects": Share(self.defects, self.reports),
                "rejected": Share(self.rejected, self.reports),
            }
        )


@checked
def engagement(
    records: Records, *, period: Period, as_of: date, min_reports: int = 1
) -> Engagement:
    """Active users among production personnel: at least ``min_reports`` non-rejected reports.

    Raises:
        InvalidValueError: If ``min_reports`` is below 1.
    """
    if isinstance(min_reports, bool) or not isinstance(min_reports, int) or min_reports < 1:
        raise InvalidValueError("min_reports", min_reports, "an int of at least 1")
    days = as_range(period)
    _check_as_of(days, as_of)
    staff = _staff(records, as_of)
    # Only reports registered by ``as_of`` are known on it: counting later ones would
    # make someone active who is not yet registered (only registered employees report).
    known = days if as_of >= days.end else DateRange(days.start, as_of + timedelta(days=1))
    reports = records.reports_during(known)
    counts: Counter[EmployeeId] = Counter(
        r.reporter for r in reports if _counts_as_active(r, as_of, records)
    )
    registered = {
        e.id
        for e in staff
        if (account := records.account_of(e.id)) is not None and account.registered_on <= as_of
    }
    active = {e.id for e in staff if counts[e.id] >= min_reports}
    groups = Counter(r.kind.group for r in reports)
    rejected = len(reports) - sum(1 for r in reports if _counts_as_active(r, as_of, records))
    registered_share = Share(len(registered), len(staff))
    active_share = Share(len(active), len(staff))
    explanation = Explanation(
        (
            Step.of(description=_on_staff(as_of), result=len(staff)),
            *_nothing(reports, message("no reports registered in {period}", period=known)),
            Step.of(
                description=message("events and defects registered in {period}", period=known),
                result=len(reports),
                facts=(
                    Fact(name="events", value=groups[ReportGroup.EVENT]),
                    Fact(name="defects", value=groups[ReportGroup.DEFECT]),
                    Fact.of(name=message("rejected by {day}", day=as_of), value=rejected),
                ),
            ),
            Step.of(
                description=message("registered in the reporting system by {day}", day=as_of),
                result=registered_share,
            ),
            Step.of(
                description=message(
                    "active: at least {n} non-rejected report(s) in the period",
                    "active: at least {n} non-rejected report(s) in the period",
                    n=min_reports,
                ),
                result=active_share,
            ),
        )
    )
    return Engagement(
        period=days,
        as_of=as_of,
        min_reports=min_reports,
        registered=registered_share,
        active=active_share,
        reports=len(reports),
        events=groups[ReportGroup.EVENT],
        defects=groups[ReportGroup.DEFECT],
        rejected=rejected,
        not_registered=tuple(sorted(e.id for e in staff if e.id not in registered)),
        inactive=tuple(sorted(registered - active)),
        explanation=explanation,
    )


# -- elimination --------------------------------------------------------------


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
    _check_as_of(days, as_of)
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
            Step.of(
                description=message(
                    "accepted reports registered in {period}, as of the end of {day}",
                    period=days,
                    day=as_of,
                ),
                result=_stats(report_stats),
                facts=tuple(
                    Fact(
                        name=f"{risk} risk",
                        value=f"eliminate within {_duration(deadlines.allowed(risk))}",
                    )
                    for risk in RiskLevel
                ),
            ),
            *_nothing(accepted, message("no accepted reports registered in {period}", period=days)),
            Step.of(
                description=message("violations found in {period}", period=days),
                result=_stats(violation_stats),
            ),
            Step.of(
                description=message(
                    "submissions issued in {period} answered by their deadline", period=days
                ),
                result=message(
                    "{answered}; {n} overdue",
                    "{answered}; {n} overdue",
                    answered=answered,
                    n=len(overdue_submissions),
                ),
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


# -- inspection activity ------------------------------------------------------


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
            Step.of(
                description=message("technical inspectors appointed during {period}", period=days),
                result=len(inspectors),
            ),
            *_nothing(submissions, message("no submissions issued in {period}", period=days)),
            Step(description="of whom issuing submissions", result=issuing),
            Step.of(
                description=message("submissions issued in {period}", period=days),
                result=_stats(total),
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


# -- injuries -----------------------------------------------------------------


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class InjuryRates:
    """Injury frequency and severity rates of a period, each with its base.

    Attributes:
        period: The months counted.
        as_of: The day days-without-injury is counted to.
        hours: Hours worked in the period, all departments.
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


@checked
def injury_rates(records: Records, *, period: Period, as_of: date) -> InjuryRates:
    """LTIFR, TRIFR, TRIR, DART, the ILO incidence rate, Кч and Кт, and days without injury.

    Raises:
        InvalidValueError: If ``period`` is not made of whole months, or ``as_of``
            is before it.
    """
    days = as_range(period)
    months = _months(days)
    _check_as_of(days, as_of)
    injuries = records.injuries_during(days)
    hours = records.total_hours(months)
    exposure = Fraction(hours)
    headcount = records.average_headcount(days)
    lost = [i for i in injuries if i.severity.is_lost_time]
    recordable = sum(1 for i in injuries if i.severity.is_recordable)
    dart = sum(1 for i in injuries if i.severity.is_dart)
    non_fatal = [i for i in lost if i.severity is not InjurySeverity.FATAL]

    def per_hours(name: str, cases: int, base: int) -> Rate:
        return Rate(
            name=name, cases=cases, exposure=exposure, exposure_unit="hours worked", base=base
        )

    def per_people(name: str) -> Rate:
        return Rate(
            name=name,
            cases=len(lost),
            exposure=headcount,
            exposure_unit="average employees",
            base=1_000,
        )

    history = records.injuries_during(DateRange(date.min, as_of + timedelta(days=1)))
    last = max((i.occurred_on for i in history if i.severity.is_recordable), default=None)
    rates = (
        per_hours("LTIFR", len(lost), 1_000_000),
        per_hours("TRIFR", recordable, 1_000_000),
        per_hours("TRIR", recordable, 200_000),
        per_hours("DART", dart, 200_000),
        per_people("ILO incidence rate"),
        per_people("Кч"),
        Rate(
            name="Кт",
            cases=sum(i.days_lost for i in non_fatal),
            exposure=Fraction(len(non_fatal)),
            exposure_unit="accidents",
            base=1,
            case_unit="days lost",
        ),
    )
    explanation = Explanation(
        (
            Step.of(description=message("hours worked in {period}", period=days), result=hours),
            *_nothing(
                [hours] if hours else [],
                message("no hours worked recorded in {period}", period=days),
            ),
            Step.of(
                description=message("average headcount over {period}", period=days),
                result=headcount,
            ),
            Step.of(description=message("injuries in {period}", period=days), result=len(injuries)),
            *(Step(description="rate", result=rate) for rate in rates),
            Step.of(
                description=message("last recordable injury on or before {day}", day=as_of),
                result=last if last is not None else Message("none on record"),
            ),
        )
    )
    return InjuryRates(
        period=days,
        as_of=as_of,
        hours=hours,
        average_headcount=headcount,
        ltifr=rates[0],
        trifr=rates[1],
        trir=rates[2],
        dart=rates[3],
        incidence=rates[4],
        kch=rates[5],
        kt=rates[6],
        last_recordable_injury=last,
        days_without_injury=None if last is None else (as_of - last).days,
        explanation=explanation,
    )
