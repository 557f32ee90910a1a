"""What more than one test module builds: records, policies, reasons, files with mistakes.

Every builder has defaults that make a valid, unremarkable fact, so a test
states only what its scenario is about: ``report("R-1", "E-01", at(2023, 5, 4))``
is an accepted near miss of department ``D-1`` registered at 10:00 Almaty time.
Test modules import from here, never from each other.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import settings
from hypothesis import strategies as st

from ohs_domain import (
    ActionDeadlines,
    Active,
    BelowLowestTier,
    BelowMinimumScore,
    BeyondLastBand,
    CutByBudget,
    CutByRecipientCap,
    DateRange,
    Department,
    DepartmentId,
    EliminationDeadlines,
    Employee,
    EmployeeCategory,
    EmployeeId,
    Entry,
    HoursWorked,
    InjuryId,
    InjurySeverity,
    InspectorAppointment,
    InspectorPayPolicy,
    InvalidValueError,
    KeyPoints,
    Money,
    Month,
    MultiplierBounds,
    NotAppointed,
    NotOnStaff,
    NotProductionPersonnel,
    PaidInFullForPart,
    PaidProRata,
    PartialQuarterUnpaid,
    Quarter,
    RankBand,
    RankBands,
    RankedBelowBudget,
    RankedBelowRecipientCap,
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
    TooFewSubmissions,
    TooFewViolations,
    TrainerCertification,
    TrainingFormat,
    TrainingMissing,
    TrainingSession,
    Violation,
    ViolationId,
    WageDate,
    WorkerRelation,
    WorkInjury,
    Year,
    demo,
    key_points,
    kz,
    local_date,
    partition,
    serialization,
)


def examples(share: float) -> int:
    """``share`` of the loaded Hypothesis profile's examples (``tests/conftest.py``), at least 1.

    For ``@settings(max_examples=examples(0.5))``: a test costlier than most draws half as
    many examples as the others in every profile, instead of a fixed number in all of them.
    """
    return max(1, round(settings().max_examples * share))


TEXT = "a non-empty string without control characters, bidirectional overrides or lone surrogates"
ID = "an id: a non-empty string of visible characters, without spaces at either end, e.g. 'E-0042'"
IDS = f"ids, each {ID}"
"""What a refused text field, id or set of ids says is valid (the library's own wording)."""


def assert_invalid(build: Any, fields: dict[str, Any], field: str, expected: str) -> None:
    with pytest.raises(InvalidValueError) as caught:
        build(**fields)
    assert (caught.value.field, caught.value.expected) == (field, expected)


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


def department(department_id: str, *, production: bool = True) -> Department:
    """A department named by its id."""
    return Department(id=DepartmentId(department_id), name=department_id, is_production=production)


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


def certification(
    trainer: str, certified_on: date, valid_until: date | None = None
) -> TrainerCertification:
    return TrainerCertification(
        employee=EmployeeId(trainer), certified_on=certified_on, valid_until=valid_until
    )


def account(employee_id: str, registered_on: date) -> ReportingAccount:
    """A registration in the reporting system."""
    return ReportingAccount(employee=EmployeeId(employee_id), registered_on=registered_on)


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
    trainers: Iterable[str] = (),
    days: int = 1,
) -> TrainingSession:
    """A session of ``days`` days delivered by ``trainer`` (certified by :func:`records`),
    or by ``trainers`` when given."""
    return TrainingSession(
        id=SessionId(session_id),
        programme="Safety culture",
        format=training_format,
        days=DateRange(first_day, first_day + timedelta(days=days)),
        trainers=frozenset(EmployeeId(t) for t in (trainers or (trainer,))),
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
    department: str = "D-1",
    relation: WorkerRelation = WorkerRelation.EMPLOYEE,
    high_consequence: bool = False,
    injury_type: str | None = None,
) -> WorkInjury:
    return WorkInjury(
        id=InjuryId(injury_id),
        occurred_on=occurred_on,
        employee=EmployeeId(worker),
        department=DepartmentId(department),
        severity=severity,
        days_lost=days_lost,
        relation=relation,
        high_consequence=high_consequence,
        injury_type=injury_type,
    )


def hours(department: str, month: str, amount: str) -> HoursWorked:
    """The hours a department worked in a month (``"2023-01"``)."""
    return HoursWorked(
        department=DepartmentId(department), month=Month.parse(month), hours=Decimal(amount)
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
            else [account(e.id, max(registered_on, e.hired_on)) for e in staff]
        )
    return Records(
        time_zone=ZONE,
        departments=DEPARTMENTS,
        employees=staff,
        reporting_accounts=accounts,
        safety_reports=reports,
        trainer_certifications=[certification(t, date(2019, 1, 1)) for t in trainer_ids],
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
    """``bundle`` split by employee with the public ``partition``: employee *i* and their
    facts go to part ``part_of[i]`` (a department's own facts, to part 0).

    A part no employee goes to is an empty bundle, still valid; there are ``at_least`` parts.
    """
    parts = list(part_of)
    owner: dict[str, str] = {
        e.id: str(part) for e, part in zip(bundle.employees, parts, strict=True)
    }
    split = partition(bundle, by="employee", group=lambda key: owner.get(key, "0"))
    empty = Records(time_zone=bundle.time_zone, departments=bundle.departments, employees=())
    count = max(at_least, max(parts, default=0) + 1)
    return [split.get(str(part), empty) for part in range(count)]


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


# --- Reasons, with the English the library promises for each -------------------------------------

Q3 = Quarter(2023, 3)

# The English of each reason is the library's contract: the showcase and callers that
# print str(reason) see these exact words.
REASONS_IN_ENGLISH = [
    pytest.param(
        TooFewSubmissions(count=0, required=1, quarter=Q3),
        "0 submission(s) issued in 2023-Q3; the policy requires at least 1",
        id="no-submission-no-pay",
    ),
    pytest.param(
        TooFewViolations(count=2, required=5, quarter=Q3),
        "2 violation(s) listed in 2023-Q3; the policy requires at least 5",
        id="too-few-violations-no-pay",
    ),
    pytest.param(
        TrainingMissing(date(2023, 9, 30)),
        "no OHS training recorded by 2023-09-30; the policy requires it",
        id="untrained-inspector-not-paid",
    ),
    pytest.param(
        NotAppointed(quarter=Q3, terms=(DateRange(date(2023, 1, 1), date(2023, 7, 1)),)),
        "not appointed as a technical inspector during 2023-Q3 "
        "(appointed [2023-01-01, 2023-07-01))",
        id="term-ended-before-the-quarter",
    ),
    pytest.param(
        PartialQuarterUnpaid(days=46, of_days=92, quarter=Q3),
        "appointed for 46 of 92 days of 2023-Q3; the policy pays no partial quarter",
        id="partial-quarter-unpaid",
    ),
    pytest.param(
        PaidProRata(days=46, of_days=92, quarter=Q3, amount=Money(15_000)),
        "appointed for 46 of 92 days of 2023-Q3; paid pro rata: 15,000 KZT × 46 ÷ 92",
        id="partial-quarter-pro-rata",
    ),
    pytest.param(
        PaidInFullForPart(days=46, of_days=92, quarter=Q3),
        "appointed for 46 of 92 days of 2023-Q3; the policy pays a partial quarter in full",
        id="partial-quarter-in-full",
    ),
    pytest.param(
        Active(submissions=3, violations=4, quarter=Q3),
        "active: 3 submission(s) listing 4 violation(s) in 2023-Q3",
        id="active-inspector-paid",
    ),
    pytest.param(
        NotProductionPersonnel(DepartmentId("HQ")),
        "not production personnel (department HQ)",
        id="office-employee-not-rewarded",
    ),
    pytest.param(
        NotOnStaff(date(2023, 12, 31), date(2023, 12, 1)),
        "not on staff on the reference date 2023-12-31 (left on 2023-12-01)",
        id="left-before-the-reference-date",
    ),
    pytest.param(
        BelowMinimumScore(0, 1),
        "score 0 is below the policy's minimum of 1",
        id="no-report-no-reward",
    ),
    pytest.param(
        BelowLowestTier(4, 5),
        "score 4 is below the lowest tier (5)",
        id="score-below-the-lowest-tier",
    ),
    pytest.param(
        BeyondLastBand(5, 4),
        "rank 5 is beyond the last band (rank 4)",
        id="rank-beyond-the-last-band",
    ),
    pytest.param(
        CutByRecipientCap(cap=2, admitted=2),
        "cut by the cap of 2 recipients: 2 better-ranked employees were admitted first",
        id="cut-by-the-recipient-cap",
    ),
    pytest.param(
        CutByRecipientCap(cap=2, admitted=1, tied=True),
        "cut by the cap of 2 recipients: 1 better-ranked employees were admitted first "
        "(tied employees are admitted or cut together)",
        id="tied-employees-cut-together",
    ),
    pytest.param(
        CutByBudget(
            budget=Money(1_000_000), committed=Money(700_000), would_reach=Money(1_050_000)
        ),
        "cut by the budget of 1,000,000 KZT: 700,000 KZT was committed to better-ranked "
        "employees and this award would bring it to 1,050,000 KZT",
        id="cut-by-the-budget",
    ),
    pytest.param(
        RankedBelowRecipientCap(cap=0, first_cut=EmployeeId("E-01")),
        "cut by the cap of 0 recipients: ranked below E-01, the first employee it cut",
        id="ranked-below-the-first-cut-by-the-cap",
    ),
    pytest.param(
        RankedBelowBudget(budget=Money(1_000_000), first_cut=EmployeeId("E-02")),
        "cut by the budget of 1,000,000 KZT: ranked below E-02, the first employee it cut",
        id="ranked-below-the-first-cut-by-the-budget",
    ),
]


# --- A year that shows every line of the key-points report ---------------------------------------


def year_of_three_reporters(p2_until: date = date(2025, 1, 1)) -> KeyPoints:
    """P-1 12 reports (x10), P-2 6 (x5), P-3 2 (x3); inspectors P-1 and P-2, one submission."""
    data = records(
        employees=[employee(f"P-{n}") for n in range(1, 5)],
        reports=[
            *reports_of("P-1", 12),
            *reports_of("P-2", 6, prefix="B"),
            *reports_of("P-3", 2, prefix="C"),
        ],
        inspector_appointments=[
            appointment("P-1", date(2022, 1, 1), date(2025, 1, 1)),
            appointment("P-2", date(2022, 1, 1), p2_until),
        ],
        violations=[violation("V-1", date(2023, 2, 1))],
        submissions=[submission("S-1", "P-1", date(2023, 2, 1), ["V-1"])],
    )
    return key_points(
        data,
        year=Year(2023),
        as_of=date(2023, 12, 31),
        deadlines=EliminationDeadlines(
            low=timedelta(days=30), medium=timedelta(days=7), high=timedelta(days=1)
        ),
        inspector_pay_policy=pay_policy(
            amount=money_schedule((date(2022, 1, 1), 15_000), (date(2023, 4, 1), 20_000))
        ),
        reward_policy=reward_policy(),
        paid_on=date(2024, 1, 20),
    )


# --- Files with mistakes -------------------------------------------------------------------------


# --- The demo company's year ----------------------------------------------------------------------


def key_points_of_2023(records: Records) -> KeyPoints:
    """2023's key points of ``records`` under the demo company's policies, paid on 2024-01-25."""
    return key_points(
        records,
        year=Year(2023),
        as_of=date(2023, 12, 31),
        deadlines=demo.ELIMINATION_DEADLINES,
        inspector_pay_policy=demo.INSPECTOR_PAY_POLICY,
        reward_policy=demo.REWARD_POLICY,
        paid_on=date(2024, 1, 25),
    )


def demo_company() -> Records:
    """The demo company (2022-2024): ``demo.build_records()`` builds it once per process."""
    return demo.build_records()


@functools.cache
def demo_department() -> Records:
    """One department of the demo company (CHP-1, about 3,300 records of every kind, with
    three of its technical inspectors), as ``partition`` cuts it: a company of its own."""
    return partition(demo_company(), by="department")["D-CHP1"]


@functools.cache
def _demo_department_json() -> str:
    return serialization.dump_json(demo_department())


def demo_department_data() -> Any:
    """One department of the demo company (CHP-1, about 3,600 records of every kind) as
    JSON-ready data: a fresh copy each call, free to change."""
    return json.loads(_demo_department_json())


@functools.cache
def demo_key_points() -> KeyPoints:
    """The demo company's key points of 2023, computed once per test process."""
    return key_points_of_2023(demo_company())


def days_when_something_changed(data: Records, days: DateRange) -> st.SearchStrategy[date]:
    """A day of ``days``, often the day before, of or after a report's registration or change.

    Where a day more or less changes what is known, so a rule that reads one day
    wrong is caught.
    """
    zone = data.time_zone
    moments = [m for r in data.safety_reports for m in (r.reported_at, *(c.at for c in r.history))]
    near = sorted(
        {
            day
            for m in moments
            for d in (-1, 0, 1)
            if (day := local_date(m, zone) + timedelta(days=d)) in days
        }
    )
    any_day = st.dates(days.start, days.end - timedelta(days=1))
    return st.one_of(st.sampled_from(near), any_day) if near else any_day
