"""Small builders of records and policies for the tests of the rules.

Every builder has defaults that make a valid, unremarkable fact, so a test
states only what its scenario is about: ``report("R-1", "E-01", at(2023, 5, 4))``
is an accepted near miss of department ``D-1`` registered at 10:00 Almaty time.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from ohs_domain import (
    ActionDeadlines,
    DateRange,
    Department,
    DepartmentId,
    Employee,
    EmployeeCategory,
    EmployeeId,
    Entry,
    HoursWorked,
    InjuryId,
    InjurySeverity,
    InspectorAppointment,
    InspectorPayPolicy,
    Money,
    MultiplierBounds,
    RankBand,
    RankBands,
    Records,
    ReportId,
    ReportingAccount,
    ReportKind,
    RewardPolicy,
    RiskLevel,
    SafetyReport,
    Schedule,
    ScoreThresholds,
    ScoreTier,
    SessionId,
    Share,
    Source,
    Submission,
    SubmissionId,
    Term,
    TrainerCertification,
    TrainingFormat,
    TrainingSession,
    Violation,
    ViolationId,
    WageDate,
    WorkerRelation,
    WorkInjury,
    Year,
    kz,
)

ZONE = kz.ALMATY
ACTION_POLICY = ActionDeadlines(
    low=Term(months=1),
    medium=Term(days=10),
    high=Term(days=3),
    coming_due=Term(days=2),
    escalate_after=Term(days=14),
)
"""Corrective actions due in a month, 10 days or 3 days by risk; escalated 14 days late."""
COUNCIL = Source(title="Production council decision", number="7", adopted_on=date(2022, 12, 20))
STANDARD = Source(title="Standard on incentives", number="ST-07", adopted_on=date(2023, 1, 20))

PLANT = Department(id=DepartmentId("D-1"), name="CHP-1", is_production=True)
NETWORK = Department(id=DepartmentId("D-2"), name="Networks", is_production=True)
STATION = Department(id=DepartmentId("D-3"), name="Substation", is_production=True)
OFFICE = Department(id=DepartmentId("HQ"), name="Head office", is_production=False)
DEPARTMENTS = (PLANT, NETWORK, STATION, OFFICE)


def at(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    """A moment in Almaty."""
    return datetime(year, month, day, hour, minute, tzinfo=ZONE)


def employee(
    employee_id: str,
    *,
    department: str = "D-1",
    hired_on: date = date(2020, 1, 1),
    left_on: date | None = None,
) -> Employee:
    return Employee(
        id=EmployeeId(employee_id),
        department=DepartmentId(department),
        category=EmployeeCategory.WORKER,
        hired_on=hired_on,
        left_on=left_on,
    )


def report(
    report_id: str,
    reporter: str,
    reported_at: datetime,
    *,
    kind: ReportKind = ReportKind.NEAR_MISS,
    risk: RiskLevel = RiskLevel.LOW,
    department: str = "D-1",
    accepted: datetime | bool | None = True,
    rejected: datetime | None = None,
    eliminated: datetime | None = None,
) -> SafetyReport:
    """A report; accepted an hour after registration unless ``accepted`` says otherwise.

    ``accepted=False`` (or ``None``) leaves it awaiting review; ``rejected`` rejects it
    instead; ``eliminated`` records work started and elimination at that moment.
    """
    made = SafetyReport(
        id=ReportId(report_id),
        kind=kind,
        risk=risk,
        reporter=EmployeeId(reporter),
        department=DepartmentId(department),
        reported_at=reported_at,
    )
    if rejected is not None:
        return made.reject(rejected, "not a hazard")
    if accepted is True:
        accepted = reported_at + timedelta(hours=1)
    if isinstance(accepted, datetime):
        made = made.accept(accepted)
        if eliminated is not None:
            made = made.start_work(accepted).eliminate(eliminated)
    return made


FIRST_OF_FEBRUARY = at(2023, 2, 1)


def reports_of(
    reporter: str,
    count: int,
    *,
    first: datetime = FIRST_OF_FEBRUARY,
    every: timedelta = timedelta(days=1),
    kind: ReportKind = ReportKind.NEAR_MISS,
    prefix: str = "",
) -> list[SafetyReport]:
    """``count`` accepted reports by ``reporter``, one ``every`` from ``first``."""
    return [
        report(f"{prefix or reporter}/{n:03d}", reporter, first + n * every, kind=kind)
        for n in range(count)
    ]


def appointment(
    inspector: str,
    start: date,
    end: date,
    *,
    trained_on: date | None = date(2022, 12, 1),
) -> InspectorAppointment:
    """An appointment for the days ``[start, end)``."""
    return InspectorAppointment(
        employee=EmployeeId(inspector),
        approved_on=min(start, date(2022, 12, 20)),
        term=DateRange(start, end),
        trained_on=trained_on,
    )


def violation(
    violation_id: str,
    found_on: date,
    *,
    department: str = "D-1",
    eliminated_on: date | None = None,
) -> Violation:
    return Violation(
        id=ViolationId(violation_id),
        found_on=found_on,
        department=DepartmentId(department),
        category="ppe",
        eliminated_on=eliminated_on,
    )


def submission(
    submission_id: str,
    inspector: str,
    issued_on: date,
    violations: Iterable[str],
    *,
    department: str = "D-1",
    respond_by: date | None = None,
    answered_on: date | None = None,
) -> Submission:
    """A submission; the response is due 14 days after issue unless ``respond_by`` says."""
    return Submission(
        id=SubmissionId(submission_id),
        inspector=EmployeeId(inspector),
        department=DepartmentId(department),
        issued_on=issued_on,
        violations=frozenset(ViolationId(v) for v in violations),
        respond_by=respond_by or issued_on + timedelta(days=14),
        answered_on=answered_on,
    )


def session(
    session_id: str,
    training_format: TrainingFormat,
    first_day: date,
    attendees: Iterable[str],
    *,
    group: str | None = None,
    department: str = "D-1",
    trainer: str = "T-1",
) -> TrainingSession:
    """A one-day session delivered by ``trainer`` (certified by :func:`records`)."""
    return TrainingSession(
        id=SessionId(session_id),
        programme="Safety culture",
        format=training_format,
        days=DateRange(first_day, first_day + timedelta(days=1)),
        trainers=frozenset({EmployeeId(trainer)}),
        attendees=frozenset(EmployeeId(a) for a in attendees),
        group=group or session_id,
        department=DepartmentId(department),
    )


def injury(
    injury_id: str,
    occurred_on: date,
    severity: InjurySeverity,
    *,
    worker: str = "E-01",
    days_lost: int = 0,
    relation: WorkerRelation = WorkerRelation.EMPLOYEE,
    high_consequence: bool = False,
    injury_type: str | None = None,
) -> WorkInjury:
    return WorkInjury(
        id=InjuryId(injury_id),
        occurred_on=occurred_on,
        employee=EmployeeId(worker),
        department=DepartmentId("D-1"),
        severity=severity,
        days_lost=days_lost,
        relation=relation,
        high_consequence=high_consequence,
        injury_type=injury_type,
    )


def monthly_hours(
    year: int,
    hours: str | int,
    *,
    department: str = "D-1",
    relation: WorkerRelation = WorkerRelation.EMPLOYEE,
) -> list[HoursWorked]:
    return [
        HoursWorked(
            department=DepartmentId(department),
            month=month,
            hours=Decimal(hours),
            relation=relation,
        )
        for month in Year(year).months()
    ]


def issued(
    submission_id: str,
    inspector: str,
    issued_on: date,
    violations: int = 1,
    *,
    department: str = "D-1",
) -> tuple[Submission, list[Violation]]:
    """A submission listing ``violations`` violations found on the day it was issued."""
    found = [
        violation(f"{submission_id}/V{n}", issued_on, department=department)
        for n in range(1, violations + 1)
    ]
    made = submission(
        submission_id, inspector, issued_on, [v.id for v in found], department=department
    )
    return made, found


def records(
    *,
    employees: Iterable[Employee],
    reports: Iterable[SafetyReport] = (),
    registered_on: date | None = date(2020, 1, 1),
    accounts: Iterable[ReportingAccount] | None = None,
    trainers: Iterable[str] = (),
    **others: Any,
) -> Records:
    """A bundle of ``DEPARTMENTS`` and ``employees``.

    Everyone is registered in the reporting system on ``registered_on`` (or on
    hiring, if later) unless ``accounts`` lists the registrations; ``trainers``
    are added as certified internal trainers of the office. ``others`` are passed
    to `Records` (sessions, submissions, injuries, ...).
    """
    staff = list(employees)
    trainer_ids = list(trainers)
    staff += [employee(t, department="HQ") for t in trainer_ids]
    if accounts is None:
        accounts = (
            []
            if registered_on is None
            else [
                ReportingAccount(employee=e.id, registered_on=max(registered_on, e.hired_on))
                for e in staff
            ]
        )
    return Records(
        time_zone=ZONE,
        departments=DEPARTMENTS,
        employees=staff,
        reporting_accounts=accounts,
        safety_reports=reports,
        trainer_certifications=[
            TrainerCertification(employee=EmployeeId(t), certified_on=date(2019, 1, 1))
            for t in trainer_ids
        ],
        **others,
    )


def money_schedule(
    *values: tuple[date, Money | int], name: str = "inspector quarterly amount"
) -> Schedule[Money]:
    """A schedule of ``(since, amount)`` pairs, each set by the council's decision."""
    return Schedule(
        name=name,
        entries=tuple(
            Entry(
                since=since,
                value=amount if isinstance(amount, Money) else Money(amount),
                source=COUNCIL,
            )
            for since, amount in values
        ),
    )


QUARTERLY_15000 = money_schedule((date(2022, 1, 1), 15_000))


def pay_policy(**changes: Any) -> InspectorPayPolicy:
    """15,000 KZT a quarter for at least one submission; ``changes`` override fields."""
    fields: dict[str, Any] = {"approved_by": COUNCIL, "amount": QUARTERLY_15000}
    fields.update(changes)
    return InspectorPayPolicy(**fields)


def thresholds(*rows: tuple[int, int | None, int]) -> ScoreThresholds:
    """Tiers from ``(min_score, max_score, multiplier)`` rows."""
    return ScoreThresholds(
        tuple(ScoreTier(min_score=low, max_score=high, multiplier=m) for low, high, m in rows)
    )


def bands(*rows: tuple[int, int, int]) -> RankBands:
    """Bands from ``(first_rank, last_rank, multiplier)`` rows."""
    return RankBands(
        tuple(RankBand(first_rank=first, last_rank=last, multiplier=m) for first, last, m in rows)
    )


# Score 1-4: ×3, 5-9: ×5, 10 and more: ×10.
STANDARD_TIERS = thresholds((1, 4, 3), (5, 9, 5), (10, None, 10))


def reward_policy(**changes: Any) -> RewardPolicy:
    """3..10 minimum wages of the period's end by ``STANDARD_TIERS``; ``changes`` override."""
    fields: dict[str, Any] = {
        "approved_by": STANDARD,
        "wage": kz.MINIMUM_WAGE,
        "wage_date": WageDate.PERIOD_END,
        "tiers": STANDARD_TIERS,
        "multiplier_bounds": MultiplierBounds(3, 10),
    }
    fields.update(changes)
    return RewardPolicy(**fields)


def within_unit_interval(share: Share) -> None:
    """Assert ``share`` lies in [0, 1], and is undefined exactly when its whole is empty."""
    value = share.value
    assert (value is None) == (share.whole == 0)
    if value is not None:
        assert 0 <= value <= 1


def parts_by_employee(
    bundle: Records, part_of: Iterable[int], *, at_least: int = 1
) -> list[Records]:
    """``bundle`` split by employee: employee *i* and their facts go to part ``part_of[i]``.

    Every part gets the departments; an employee takes along their reporting
    account, reports, appointments, submissions and the violations those list.
    Training, injuries and hours are left out (no rule of pay or awards reads
    them). A part no employee goes to is empty, and still a valid bundle; there
    are ``at_least`` parts.
    """
    parts = list(part_of)
    owner = {e.id: part for e, part in zip(bundle.employees, parts, strict=True)}
    listed = {v for s in bundle.submissions for v in s.violations}

    def of(part: int, items: Iterable[Any], who: str) -> list[Any]:
        return [item for item in items if owner[getattr(item, who)] == part]

    return [
        Records(
            time_zone=bundle.time_zone,
            departments=bundle.departments,
            employees=of(part, bundle.employees, "id"),
            inspector_appointments=of(part, bundle.inspector_appointments, "employee"),
            reporting_accounts=of(part, bundle.reporting_accounts, "employee"),
            safety_reports=of(part, bundle.safety_reports, "reporter"),
            submissions=(mine := of(part, bundle.submissions, "inspector")),
            violations=[
                v
                for v in bundle.violations
                if v.id in listed and any(v.id in s.violations for s in mine)
            ],
        )
        for part in range(max(at_least, max(parts, default=0) + 1))
    ]


def parts_by_fact(bundle: Records, part_of: Iterable[int]) -> list[Records]:
    """``bundle`` split by fact: report *i* then submission *j* go to the part ``part_of`` says.

    Every part gets the departments and every employee with their account and
    appointments, so one person's reports and submissions may be spread over
    several parts; a submission takes along the violations it lists.
    """
    parts = list(part_of)
    facts = [*bundle.safety_reports, *bundle.submissions]
    owner = {id(fact): part for fact, part in zip(facts, parts, strict=True)}
    violations = {v.id: v for v in bundle.violations}

    def of(part: int, items: Iterable[Any]) -> list[Any]:
        return [item for item in items if owner[id(item)] == part]

    return [
        Records(
            time_zone=bundle.time_zone,
            departments=bundle.departments,
            employees=bundle.employees,
            inspector_appointments=bundle.inspector_appointments,
            reporting_accounts=bundle.reporting_accounts,
            safety_reports=of(part, bundle.safety_reports),
            submissions=(mine := of(part, bundle.submissions)),
            violations=[violations[v] for s in mine for v in s.violations],
        )
        for part in range(max(parts, default=0) + 1)
    ]


def splits(bundle: Records) -> st.SearchStrategy[list[Records]]:
    """Any split of ``bundle``: by employee into up to four parts (some maybe empty), or
    every report and submission in any part, each alone or with others."""
    people = len(bundle.employees)
    facts = len(bundle.safety_reports) + len(bundle.submissions)
    return st.one_of(
        st.lists(st.integers(0, 3), min_size=people, max_size=people).map(
            lambda owners: parts_by_employee(bundle, owners)
        ),
        st.lists(st.integers(0, facts), min_size=facts, max_size=facts).map(
            lambda owners: parts_by_fact(bundle, owners)
        ),
    )
