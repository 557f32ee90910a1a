"""A synthetic company consistent with the seed: the showcase's and the benchmarks' data.

[`build_records`][ohs_domain.demo.build_records] builds a deterministic,
invented data set of a power utility over 2022-2024 whose 2023 figures are
exactly those of the seed's annual summary (JSC "AlES", 29.01.2024): 2,699
production employees all trained (1,332 in 134 groups at the training centre,
759 in field visits in November-December, 608 at workplaces); 70 % of them
active in the reporting system with 8,436 events and defects; 21 technical
inspectors issuing 209 submissions on 482 violations. In 2022 the same system
registered 2,972 events and defects (the predecessor article of 27.01.2023).

Invented beyond those figures: names, dates, lifecycles, injuries, hours; all
of 2022 but its report count (no safety-culture training yet: the programme
began in 2023, the year of implementing Vision Zero); all of 2024 (9,120
reports, an annual refresher of production personnel at workplaces, reports
on both sides of Almaty's move from UTC+6 to UTC+5 on 2024-03-01); a
contractors' workforce with its hours and injuries; corrective actions on
high-risk reports and on some violations. Each year other than 2023 draws from
its own seeded random stream, so the 2023 figures are the same as when the
demo held 2023 alone.

``scale`` multiplies every figure, for benchmarks of whole holdings:

>>> from ohs_domain import Year
>>> records = build_records()
>>> len(records.reports_during(Year(2023).range))
8436

No person or event in it is real.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Callable, Iterator
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from typing import Final

from ohs_domain._actions import ActionDeadlines, ActionId, CorrectiveAction, Term
from ohs_domain._arguments import checked
from ohs_domain._effective import Entry, Schedule, Source
from ohs_domain._errors import InvalidValueError
from ohs_domain._injuries import HoursWorked, InjuryId, InjurySeverity, WorkInjury
from ohs_domain._inspection import Submission, SubmissionId, Violation, ViolationId
from ohs_domain._inspector_pay import InspectorPayPolicy
from ohs_domain._money import Money
from ohs_domain._periods import DateRange, Year
from ohs_domain._records import Records
from ohs_domain._reporting import (
    EliminationDeadlines,
    ReportId,
    ReportKind,
    ReportStatus,
    RiskLevel,
    SafetyReport,
    StatusChange,
)
from ohs_domain._rewards import MultiplierBounds, RewardPolicy, ScoreThresholds, ScoreTier, WageDate
from ohs_domain._training import SessionId, TrainingFormat, TrainingSession
from ohs_domain._workforce import (
    Department,
    DepartmentId,
    Employee,
    EmployeeCategory,
    EmployeeId,
    InspectorAppointment,
    ReportingAccount,
    TrainerCertification,
    WorkerRelation,
)
from ohs_domain.kz import ALMATY, MINIMUM_WAGE

__all__ = [
    "ACTION_DEADLINES",
    "ACTIVE_REPORTERS",
    "CONTRACTOR_WORKERS",
    "ELIMINATION_DEADLINES",
    "INSPECTORS",
    "INSPECTOR_PAY_POLICY",
    "PRODUCTION_EMPLOYEES",
    "REPORTS_2022",
    "REPORTS_2023",
    "REPORTS_2024",
    "REWARD_POLICY",
    "SUBMISSIONS_2023",
    "TRAINED_AT_TRAINING_CENTRE",
    "TRAINED_AT_WORKPLACES",
    "TRAINED_IN_FIELD_VISITS",
    "TRAINING_CENTRE_GROUPS",
    "VIOLATIONS_2023",
    "build_records",
]

PRODUCTION_EMPLOYEES: Final = 2_699
"""Production personnel, all on staff throughout 2023."""
TRAINED_AT_TRAINING_CENTRE: Final = 1_332
"""Production employees trained at the HR Personnel Training Division in 2023."""
TRAINING_CENTRE_GROUPS: Final = 134
"""Groups they were trained in."""
TRAINED_IN_FIELD_VISITS: Final = 759
"""Production employees trained by OHS Department trainers visiting in November-December."""
TRAINED_AT_WORKPLACES: Final = 608
"""Production employees trained at their workplaces by their departments' own trainers."""
ACTIVE_REPORTERS: Final = 1_890
"""Production employees with at least one non-rejected 2023 report: 70 % of 2,699."""
REPORTS_2023: Final = 8_436
"""Events and defects registered in 2023."""
REPORTS_2022: Final = 2_972
"""Events and defects registered in 2022 (the predecessor article of 27.01.2023)."""
REPORTS_2024: Final = 9_120
"""Events and defects registered in 2024 (invented: the programme continues)."""
CONTRACTOR_WORKERS: Final = 150
"""Contractors' workers at the plants, whose work the company controls (invented)."""
INSPECTORS: Final = 21
"""Technical inspectors."""
SUBMISSIONS_2023: Final = 209
"""Submissions the inspectors issued in 2023."""
VIOLATIONS_2023: Final = 482
"""Violations those submissions list."""

_COUNCIL = Source(
    title="Production council for OHS, decision on technical inspectors' pay",
    number="PC-2023/1",
    adopted_on=date(2022, 12, 20),
)
_COUNCIL_2022 = Source(
    title="Production council for OHS, decision on technical inspectors' pay",
    number="PC-2022/1",
    adopted_on=date(2021, 12, 20),
)
INSPECTOR_PAY_POLICY: Final = InspectorPayPolicy(
    approved_by=_COUNCIL,
    amount=Schedule(
        name="technical inspector's quarterly pay",
        entries=(
            Entry(since=date(2022, 1, 1), value=Money(Decimal(10_000)), source=_COUNCIL_2022),
            Entry(since=date(2023, 1, 1), value=Money(Decimal(15_000)), source=_COUNCIL),
        ),
    ),
)
"""The demo company's rule: 15,000 KZT a quarter (10,000 in 2022) for a submission in it."""

REWARD_POLICY: Final = RewardPolicy(
    approved_by=Source(
        title="Standard on incentives for activity in the Safe Production system",
        number="ST-2023/7",
        adopted_on=date(2023, 1, 20),
    ),
    wage=MINIMUM_WAGE,
    wage_date=WageDate.PERIOD_END,
    multiplier_bounds=MultiplierBounds(3, 10),
    tiers=ScoreThresholds(
        (
            ScoreTier(min_score=12, max_score=19, multiplier=3),
            ScoreTier(min_score=20, max_score=29, multiplier=5),
            ScoreTier(min_score=30, max_score=44, multiplier=7),
            ScoreTier(min_score=45, multiplier=10),
        )
    ),
)
"""The demo company's reward standard: 3 to 10 minimum wages by accepted reports in the year."""

ELIMINATION_DEADLINES: Final = EliminationDeadlines(
    low=timedelta(days=30), medium=timedelta(days=7), high=timedelta(days=1)
)
"""The demo company's elimination deadlines by risk level."""

ACTION_DEADLINES: Final = ActionDeadlines(
    low=Term(months=1),
    medium=Term(days=10),
    high=Term(days=3),
    coming_due=Term(days=2),
    escalate_after=Term(days=14),
)
"""The demo company's corrective-action policy: due in 3 days, 10 days or a month by risk."""

_PRODUCTION = (
    ("D-CHP1", "CHP-1"),
    ("D-CHP2", "CHP-2"),
    ("D-CHP3", "CHP-3"),
    ("D-KHPP", "Kapshagay HPP"),
    ("D-CASC", "HPP Cascade"),
    ("D-HEAT", "Heat Networks"),
    ("D-REPR", "Repair Services"),
    ("D-TRAN", "Transport"),
)
_HEAD_OFFICE, _TRAINING_DIVISION, _OHS = "D-HQ", "D-HRTD", "D-OHS"
_ADMINISTRATION = (
    (_HEAD_OFFICE, "Head office"),
    (_TRAINING_DIVISION, "HR Personnel Training Division"),
    (_OHS, "OHS Department"),
)
_KINDS = (
    (ReportKind.HAZARDOUS_CONDITION, 30),
    (ReportKind.UNSAFE_ACT, 15),
    (ReportKind.NEAR_MISS, 15),
    (ReportKind.EQUIPMENT_DEFECT, 30),
    (ReportKind.FACILITY_DEFECT, 10),
)
_RISKS = ((RiskLevel.LOW, 55), (RiskLevel.MEDIUM, 35), (RiskLevel.HIGH, 10))
_ELIMINATION_HOURS = {
    RiskLevel.LOW: (48, 840),
    RiskLevel.MEDIUM: (24, 216),
    RiskLevel.HIGH: (2, 30),
}
_YEAR = Year(2023)
_SEED = 2023  # build_records' default: the seed company it keeps
_REJECTIONS = ("duplicate of an earlier report", "not an OHS matter", "not confirmed on site")


def _employee_id(number: int) -> EmployeeId:
    return EmployeeId(f"E-{number:07d}")


@checked
def build_records(scale: int = 1, *, seed: int = 2023) -> Records:
    """Build the synthetic company at ``scale`` times the seed's size.

    Deterministic: the same ``scale`` and ``seed`` give an equal bundle. The
    seed-size company of the default seed (about 30 MB) is built once per
    process and returned again on every call: a bundle is immutable, so sharing
    it changes no answer and saves a second or two per call. Any other scale or
    seed is built anew each time, and nothing of it is kept.

    Raises:
        InvalidValueError: If ``scale`` is not a positive int or ``seed`` not an int.
    """
    if isinstance(scale, bool) or not isinstance(scale, int) or scale < 1:
        raise InvalidValueError("scale", scale, "a positive int")
    if (scale, seed) == (1, _SEED):
        return _the_seed_company()
    return _Company(scale, random.Random(seed), seed=seed).records()


@functools.cache
def _the_seed_company() -> Records:
    return _Company(1, random.Random(_SEED), seed=_SEED).records()


class _Company:
    """The generator's state: one pass per kind of record.

    2023 draws everything from ``rng``, in the order it always has; every other
    year and the corrective actions draw from streams of their own, so adding
    them leaves the 2023 figures as they were.
    """

    def __init__(self, scale: int, rng: random.Random, *, seed: int = 2023) -> None:
        self.scale = scale
        self.rng = rng
        self.seed = seed
        self.departments = [
            Department(id=DepartmentId(d), name=name, is_production=True) for d, name in _PRODUCTION
        ] + [
            Department(id=DepartmentId(d), name=name, is_production=False)
            for d, name in _ADMINISTRATION
        ]
        hired = date(2015, 3, 1)
        self.production = [
            Employee(
                id=_employee_id(n + 1),
                department=DepartmentId(_PRODUCTION[n % len(_PRODUCTION)][0]),
                category=EmployeeCategory.WORKER if n % 7 else EmployeeCategory.SPECIALIST,
                hired_on=hired + timedelta(days=n % 2_000),
            )
            for n in range(PRODUCTION_EMPLOYEES * scale)
        ]
        start = len(self.production)
        administration = [(_HEAD_OFFICE, 200), (_TRAINING_DIVISION, 20), (_OHS, 40)]
        self.administration: list[Employee] = []
        for department, size in administration:
            for _ in range(size * scale):
                start += 1
                self.administration.append(
                    Employee(
                        id=_employee_id(start),
                        department=DepartmentId(department),
                        category=EmployeeCategory.SPECIALIST,
                        hired_on=date(2016, 9, 1),
                    )
                )
        self.former = [
            Employee(
                id=_employee_id(start + n + 1),
                department=DepartmentId(_PRODUCTION[n % len(_PRODUCTION)][0]),
                category=EmployeeCategory.WORKER,
                hired_on=date(2012, 5, 2),
                left_on=date(2022, 6, 1),
            )
            for n in range(3 * scale)
        ]
        ohs = [e for e in self.administration if e.department == _OHS]
        self.ohs_trainers = ohs[: 6 * scale]
        by_department: dict[str, list[Employee]] = {}
        for employee in self.production:
            by_department.setdefault(employee.department, []).append(employee)
        self.by_department = by_department
        self.department_trainers = {d: staff[: 2 * scale] for d, staff in by_department.items()}
        trainers = {e.id for staff in self.department_trainers.values() for e in staff}
        candidates = [e for e in self.production if e.id not in trainers]
        self.inspectors = candidates[: INSPECTORS * scale]

    def stream(self, name: str) -> random.Random:
        """A random stream of its own for ``name`` (a year, or a kind of record)."""
        return random.Random(f"{self.seed}/{name}")

    def records(self) -> Records:
        reports, accounts = self.reporting()
        violations, submissions = self.inspections()
        certifications = self.certifications()
        sessions = list(self.training())
        injuries = self.injuries()
        hours = self.hours()
        # Every draw of 2023 is done: the other years cannot perturb it.
        for year, total in ((2022, REPORTS_2022), (2024, REPORTS_2024)):
            reports += self.reports_of_year(year, total * self.scale)
            found, issued = self.inspections_of_year(year)
            violations += found
            submissions += issued
            injuries += self.injuries_of_year(year)
        sessions += self._by_department(
            self.production,
            TrainingFormat.WORKPLACE,
            "R",
            size=12,
            first_day=date(2024, 2, 1),
            span=300,
            year=2024,
        )
        injuries += self.contractor_injuries()
        hours += self.hours_of_other_years() + self.contractor_hours()
        return Records(
            time_zone=ALMATY,
            departments=self.departments,
            employees=[*self.production, *self.administration, *self.former],
            trainer_certifications=certifications,
            inspector_appointments=[
                InspectorAppointment(
                    employee=e.id,
                    approved_on=date(2021, 12, 20),
                    term=DateRange(date(2022, 1, 1), date(2025, 1, 1)),
                    trained_on=date(2022, 2, 15),
                    decision="Production council for OHS, minutes of 20.12.2021",
                )
                for e in self.inspectors
            ],
            reporting_accounts=accounts,
            training_sessions=sessions,
            safety_reports=reports,
            violations=violations,
            submissions=submissions,
            injuries=injuries,
            hours_worked=hours,
            corrective_actions=self.corrective_actions(reports, violations),
        )

    def certifications(self) -> list[TrainerCertification]:
        ohs = [
            TrainerCertification(
                employee=e.id, certified_on=date(2022, 3, 1), valid_until=date(2025, 12, 31)
            )
            for e in self.ohs_trainers
        ]
        own = [
            TrainerCertification(employee=e.id, certified_on=date(2022, 9, 15))
            for staff in self.department_trainers.values()
            for e in staff
        ]
        return ohs + own

    def training(self) -> Iterator[TrainingSession]:
        scale, rng = self.scale, self.rng
        order = self.production[:]
        rng.shuffle(order)
        centre = order[: TRAINED_AT_TRAINING_CENTRE * scale]
        visits = order[len(centre) : len(centre) + TRAINED_IN_FIELD_VISITS * scale]
        workplace = order[len(centre) + len(visits) :]
        sizes = [10] * (126 * scale) + [9] * (8 * scale)
        position = 0
        for number, size in enumerate(sizes, start=1):
            first = date(2023, 2, 1) + timedelta(days=(number * 7) % 250)
            lead = 2 * (number % (3 * scale))
            yield TrainingSession(
                id=SessionId(f"TS-C{number:06d}"),
                programme="Safety culture and Vision Zero",
                format=TrainingFormat.TRAINING_CENTRE,
                days=DateRange(first, first + timedelta(days=1 + number % 2)),
                trainers=frozenset(e.id for e in self.ohs_trainers[lead : lead + 2]),
                attendees=frozenset(e.id for e in centre[position : position + size]),
                group=f"TC-2023-{number:05d}",
                department=DepartmentId(_TRAINING_DIVISION),
            )
            position += size
        yield from self._by_department(
            visits,
            TrainingFormat.FIELD_VISIT,
            "F",
            size=25,
            first_day=date(2023, 11, 1),
            span=60,
        )
        yield from self._by_department(
            workplace, TrainingFormat.WORKPLACE, "W", size=12, first_day=date(2023, 3, 1), span=200
        )

    def _by_department(
        self,
        people: list[Employee],
        training_format: TrainingFormat,
        prefix: str,
        *,
        size: int,
        first_day: date,
        span: int,
        year: int = 2023,
    ) -> Iterator[TrainingSession]:
        groups: dict[str, list[Employee]] = {}
        for employee in people:
            groups.setdefault(employee.department, []).append(employee)
        number = 0
        for department, staff in sorted(groups.items()):
            for start in range(0, len(staff), size):
                number += 1
                day = first_day + timedelta(days=(number * 3) % span)
                if training_format is TrainingFormat.FIELD_VISIT:
                    lead = 2 * (number % (3 * self.scale))
                    trainers = self.ohs_trainers[lead : lead + 2]
                else:
                    trainers = self.department_trainers[department][:2]
                yield TrainingSession(
                    id=SessionId(f"TS-{prefix}{number:06d}"),
                    programme="Safety culture and Vision Zero",
                    format=training_format,
                    days=DateRange(day, day + timedelta(days=1)),
                    trainers=frozenset(e.id for e in trainers),
                    attendees=frozenset(e.id for e in staff[start : start + size]),
                    group=f"{prefix}-{year}-{number:05d}",
                    department=DepartmentId(department),
                )

    def reporting(self) -> tuple[list[SafetyReport], list[ReportingAccount]]:
        scale, rng = self.scale, self.rng
        order = self.production[:]
        rng.shuffle(order)
        registered = order[: int(len(order) * 0.85)]
        accounts = [
            ReportingAccount(
                employee=e.id,
                registered_on=max(e.hired_on, date(2021, 3, 1) + timedelta(days=n % 450)),
            )
            for n, e in enumerate(registered)
        ] + [
            ReportingAccount(employee=e.id, registered_on=date(2022, 2, 1))
            for e in self.administration[: 5 * scale]
        ]
        self.registered = registered
        self.registered_on = {a.employee: a.registered_on for a in accounts}
        active = registered[: ACTIVE_REPORTERS * scale]
        counts = self._report_counts(len(active), REPORTS_2023 * scale)
        kinds = rng.choices([k for k, _ in _KINDS], [w for _, w in _KINDS], k=REPORTS_2023 * scale)
        risks = rng.choices([r for r, _ in _RISKS], [w for _, w in _RISKS], k=REPORTS_2023 * scale)
        reports: list[SafetyReport] = []
        for reporter, count in zip(active, counts, strict=True):
            for n in range(count):
                number = len(reports)
                moment = datetime.combine(
                    date(2023, 1, 1) + timedelta(days=rng.randrange(365)),
                    time(7 + rng.randrange(12), rng.randrange(60)),
                    tzinfo=ALMATY,
                )
                if number == 0:
                    moment = datetime(2023, 12, 31, 23, 30, tzinfo=ALMATY)
                reports.append(
                    self._report(
                        number, reporter, moment, kinds[number], risks[number], may_reject=n > 0
                    )
                )
        return reports, accounts

    def _report_counts(self, reporters: int, total: int) -> list[int]:
        rng = self.rng
        power = reporters * 5 // 100
        counts = [rng.randint(12, 60) for _ in range(power)]
        counts += rng.choices(
            (1, 2, 3, 4, 5, 6, 7, 8), (40, 22, 14, 9, 6, 4, 3, 2), k=reporters - power
        )
        low = list(range(power, reporters))
        excess = sum(counts) - total  # kept up to date: summing every step is quadratic
        while excess != 0:
            index = rng.choice(low)
            step = -1 if excess > 0 else 1
            if 1 <= counts[index] + step <= 11:
                counts[index] += step
                excess += step
        return counts

    def _report(
        self,
        number: int,
        reporter: Employee,
        moment: datetime,
        kind: ReportKind,
        risk: RiskLevel,
        *,
        may_reject: bool,
        rng: random.Random | None = None,
        report_id: str | None = None,
    ) -> SafetyReport:
        rng = rng or self.rng
        roll = rng.random()
        history: tuple[StatusChange, ...]
        if may_reject and roll < 0.045:
            history = (
                StatusChange(
                    status=ReportStatus.REJECTED,
                    at=moment + timedelta(hours=rng.randint(1, 30)),
                    reason=rng.choice(_REJECTIONS),
                ),
            )
        else:
            accepted = moment + timedelta(hours=rng.randint(1, 36))
            history = (StatusChange(status=ReportStatus.ACCEPTED, at=accepted),)
            if roll < 0.93:
                started = accepted + timedelta(hours=rng.randint(1, 24))
                low, high = _ELIMINATION_HOURS[risk]
                done = started + timedelta(hours=rng.randint(low, high))
                history += (
                    StatusChange(status=ReportStatus.IN_PROGRESS, at=started),
                    StatusChange(status=ReportStatus.ELIMINATED, at=done),
                )
        return SafetyReport(
            id=ReportId(report_id or f"R-{number + 1:08d}"),
            kind=kind,
            risk=risk,
            reporter=reporter.id,
            department=reporter.department,
            reported_at=moment,
            history=history,
        )

    def inspections(self) -> tuple[list[Violation], list[Submission]]:
        rng = self.rng
        quarters = _YEAR.quarters()
        violations: list[Violation] = []
        submissions: list[Submission] = []
        for unit in range(self.scale):
            inspectors = self.inspectors[unit * INSPECTORS : (unit + 1) * INSPECTORS]
            slots = [
                (i, q)
                for i in range(INSPECTORS)
                for q in range(4)
                if not (i == 0 and q == 2)  # one inspector issues nothing in Q3
            ]
            chosen = slots + rng.choices(slots, k=SUBMISSIONS_2023 - len(slots))
            listed = [1] * SUBMISSIONS_2023
            for index in rng.choices(range(SUBMISSIONS_2023), k=VIOLATIONS_2023 - SUBMISSIONS_2023):
                listed[index] += 1
            for number, ((inspector, quarter_index), count) in enumerate(
                zip(sorted(chosen), listed, strict=True)
            ):
                quarter = quarters[quarter_index]
                issued = quarter.first_day + timedelta(days=rng.randrange(quarter.days))
                if number == 0:
                    issued = quarter.last_day  # a submission on the last day of a quarter
                department = DepartmentId(_PRODUCTION[rng.randrange(len(_PRODUCTION))][0])
                ids: list[ViolationId] = []
                for _ in range(count):
                    ids.append(ViolationId(f"V-{len(violations) + 1:07d}"))
                    violations.append(
                        _violation(rng, ids[-1], department, issued, since=quarter.first_day)
                    )
                respond_by, answered = _response(rng, issued)
                submissions.append(
                    Submission(
                        id=SubmissionId(f"S-{len(submissions) + 1:06d}"),
                        inspector=inspectors[inspector].id,
                        department=department,
                        issued_on=issued,
                        violations=frozenset(ids),
                        respond_by=respond_by,
                        answered_on=answered,
                    )
                )
        return violations, submissions

    def injuries(self) -> list[WorkInjury]:
        cases = (
            (InjurySeverity.LOST_TIME, 18, date(2023, 4, 11), "fracture"),
            (InjurySeverity.MEDICAL_TREATMENT, 0, date(2023, 7, 3), "cut"),
            (InjurySeverity.FIRST_AID, 0, date(2023, 2, 20), "bruise"),
            (InjurySeverity.FIRST_AID, 0, date(2023, 10, 9), "bruise"),
        )
        return self._injured(cases, first=100, step=37, label=lambda n: f"I-{n:06d}")

    def _injured(
        self,
        cases: tuple[tuple[InjurySeverity, int, date, str], ...],
        *,
        first: int,
        step: int,
        label: Callable[[int], str],
    ) -> list[WorkInjury]:
        """Employees injured as ``cases`` say, the same people in every unit of scale."""
        injuries = []
        for unit in range(self.scale):
            for number, (severity, days_lost, day, kind) in enumerate(cases):
                victim = self.production[unit * PRODUCTION_EMPLOYEES + first + step * number]
                injuries.append(
                    WorkInjury(
                        id=InjuryId(label(unit * len(cases) + number + 1)),
                        occurred_on=day,
                        employee=victim.id,
                        department=victim.department,
                        severity=severity,
                        days_lost=days_lost,
                        high_consequence=days_lost > _SIX_MONTHS,
                        injury_type=kind,
                    )
                )
        return injuries

    def hours(self, year: Year = _YEAR) -> list[HoursWorked]:
        sizes = {DepartmentId(d): len(staff) for d, staff in self.by_department.items()}
        for employee in self.administration:
            sizes[employee.department] = sizes.get(employee.department, 0) + 1
        figures = []
        for month in year.months():
            weekdays = sum(1 for day in month.range if day.weekday() < 5)
            for department, size in sorted(sizes.items()):
                hours = Decimal(size * weekdays * 8) * Decimal("0.94")
                figures.append(HoursWorked(department=department, month=month, hours=hours))
        return figures

    # -- the years around 2023 and the records 2023 did not have --------------------------------

    def reports_of_year(self, year: int, total: int) -> list[SafetyReport]:
        """``total`` reports of ``year`` by registered production employees.

        A twentieth of the reporters report ten times as often as the rest, as
        in 2023. In 2024 two reports straddle Almaty's move from UTC+6 to UTC+5:
        23:30 on 29 February (UTC+6, the first of the two 23:30s that night) and
        00:30 on 1 March (UTC+5). Moments carry the offset in force when made.
        """
        rng = self.stream(str(year))
        first = date(year, 1, 1)
        pool = [e for e in self.registered if self.registered_on[e.id] < date(year, 12, 1)]
        weights = [10 if n % 20 == 0 else 1 for n in range(len(pool))]
        kinds = rng.choices([k for k, _ in _KINDS], [w for _, w in _KINDS], k=total)
        risks = rng.choices([r for r, _ in _RISKS], [w for _, w in _RISKS], k=total)
        reports = []
        for number, reporter in enumerate(rng.choices(pool, weights, k=total)):
            since = max(first, self.registered_on[reporter.id])
            day = since + timedelta(days=rng.randrange((date(year, 12, 31) - since).days + 1))
            local = datetime.combine(
                day, time(7 + rng.randrange(12), rng.randrange(60)), tzinfo=ALMATY
            )
            # Stamped with the offset in force, as the reporting app sends them: a
            # fixed offset is never ambiguous (23:00-24:00 on 29 February 2024 came twice).
            moment = local.astimezone(timezone(local.utcoffset() or timedelta(0)))
            if year == 2024 and number < 2:  # the zone change, on both sides of midnight
                moment = (
                    datetime(2024, 2, 29, 23, 30, tzinfo=timezone(timedelta(hours=6))),
                    datetime(2024, 3, 1, 0, 30, tzinfo=timezone(timedelta(hours=5))),
                )[number]
            reports.append(
                self._report(
                    number,
                    reporter,
                    moment,
                    kinds[number],
                    risks[number],
                    may_reject=True,
                    rng=rng,
                    report_id=f"R-{year}-{number + 1:07d}",
                )
            )
        return reports

    def inspections_of_year(self, year: int) -> tuple[list[Violation], list[Submission]]:
        """Submissions and violations of ``year``: fewer in 2022, more in 2024 (invented)."""
        rng = self.stream(f"inspections {year}")
        count = {2022: 150, 2024: 230}[year]
        violations: list[Violation] = []
        submissions: list[Submission] = []
        for number in range(count * self.scale):
            inspector = self.inspectors[number % len(self.inspectors)]
            issued = date(year, 1, 1) + timedelta(days=rng.randrange(365))
            department = DepartmentId(_PRODUCTION[rng.randrange(len(_PRODUCTION))][0])
            ids: list[ViolationId] = []
            for _ in range(rng.choice((1, 1, 2, 2, 3, 4))):
                ids.append(ViolationId(f"V-{year}-{len(violations) + 1:06d}"))
                violations.append(
                    _violation(rng, ids[-1], department, issued, since=date(year, 1, 1))
                )
            respond_by, answered = _response(rng, issued)
            submissions.append(
                Submission(
                    id=SubmissionId(f"S-{year}-{number + 1:05d}"),
                    inspector=inspector.id,
                    department=department,
                    issued_on=issued,
                    violations=frozenset(ids),
                    respond_by=respond_by,
                    answered_on=answered,
                )
            )
        return violations, submissions

    def injuries_of_year(self, year: int) -> list[WorkInjury]:
        """Employees' injuries of 2022 and 2024 (invented): fewer each year."""
        cases = {
            2022: (
                (InjurySeverity.SEVERE, 190, date(2022, 3, 14), "fracture"),
                (InjurySeverity.LOST_TIME, 12, date(2022, 8, 2), "burn"),
                (InjurySeverity.MEDICAL_TREATMENT, 0, date(2022, 11, 21), "cut"),
            ),
            2024: (
                (InjurySeverity.MEDICAL_TREATMENT, 0, date(2024, 5, 16), "cut"),
                (InjurySeverity.FIRST_AID, 0, date(2024, 9, 3), "bruise"),
            ),
        }[year]
        return self._injured(cases, first=500, step=53, label=lambda n: f"I-{year}-{n:05d}")

    def contractor_injuries(self) -> list[WorkInjury]:
        """Injuries of contractors' workers at the plants, 2022-2024 (invented)."""
        cases = (
            (InjurySeverity.LOST_TIME, 21, date(2022, 6, 8), "fracture"),
            (InjurySeverity.MEDICAL_TREATMENT, 0, date(2023, 5, 17), "cut"),
            (InjurySeverity.LOST_TIME, 9, date(2023, 9, 26), "burn"),
            (InjurySeverity.FIRST_AID, 0, date(2024, 4, 2), "bruise"),
        )
        return [
            WorkInjury(
                id=InjuryId(f"IC-{unit * len(cases) + number + 1:05d}"),
                occurred_on=day,
                employee=EmployeeId(f"CW-{unit:03d}-{number + 1:03d}"),
                department=DepartmentId("D-REPR"),
                severity=severity,
                days_lost=days_lost,
                relation=WorkerRelation.CONTRACTOR,
                injury_type=kind,
            )
            for unit in range(self.scale)
            for number, (severity, days_lost, day, kind) in enumerate(cases)
        ]

    def hours_of_other_years(self) -> list[HoursWorked]:
        """Employees' hours of 2022 and 2024, worked as in 2023 (the staff is the same)."""
        return self.hours(Year(2022)) + self.hours(Year(2024))

    def contractor_hours(self) -> list[HoursWorked]:
        """Hours of the contractors' workers in Repair Services, 2022-2024."""
        figures = []
        for year in (2022, 2023, 2024):
            for month in Year(year).months():
                weekdays = sum(1 for day in month.range if day.weekday() < 5)
                hours = Decimal(CONTRACTOR_WORKERS * self.scale * weekdays * 8) * Decimal("0.9")
                figures.append(
                    HoursWorked(
                        department=DepartmentId("D-REPR"),
                        month=month,
                        hours=hours,
                        relation=WorkerRelation.CONTRACTOR,
                    )
                )
        return figures

    def corrective_actions(
        self, reports: list[SafetyReport], violations: list[Violation]
    ) -> list[CorrectiveAction]:
        """An action on every accepted high-risk report and on a tenth of the violations.

        Owned by the department's first internal trainer; closed by the day what
        it answers was eliminated; otherwise left open, in progress or cancelled.
        """
        rng = self.stream("corrective actions")
        actions: list[CorrectiveAction] = []

        def close(action: CorrectiveAction, eliminated: date | None) -> CorrectiveAction:
            if eliminated is not None:
                return action.start(action.raised_on).complete(eliminated)
            roll = rng.random()
            if roll < 0.5:
                return action
            started = action.start(action.raised_on + timedelta(days=rng.randint(0, 5)))
            return (
                started.cancel(started.raised_on + timedelta(days=7), _CANCELLED)
                if (roll > 0.9)
                else started
            )

        for report in reports:
            accepted = report.accepted_at
            if report.risk is not RiskLevel.HIGH or accepted is None:
                continue
            raised_on = accepted.astimezone(ALMATY).date()
            action = CorrectiveAction(
                id=ActionId(f"CA-{len(actions) + 1:07d}"),
                report=report.id,
                description=rng.choice(_ACTIONS),
                owner=self.department_trainers[report.department][0].id,
                risk=report.risk,
                raised_on=raised_on,
                due_on=ACTION_DEADLINES.due_on(report.risk, raised_on),
            )
            eliminated = report.eliminated_at
            actions.append(
                close(action, None if eliminated is None else eliminated.astimezone(ALMATY).date())
            )
        for violation in violations[::10]:
            risk = rng.choice((RiskLevel.LOW, RiskLevel.MEDIUM))
            action = CorrectiveAction(
                id=ActionId(f"CA-{len(actions) + 1:07d}"),
                violation=violation.id,
                description=rng.choice(_ACTIONS),
                owner=self.department_trainers[violation.department][0].id,
                risk=risk,
                raised_on=violation.found_on,
                due_on=ACTION_DEADLINES.due_on(risk, violation.found_on),
            )
            actions.append(close(action, violation.eliminated_on))
        return actions


def _violation(
    rng: random.Random,
    violation_id: ViolationId,
    department: DepartmentId,
    issued: date,
    *,
    since: date,
) -> Violation:
    """A violation listed by a submission issued on ``issued``, found up to 5 days before."""
    found = max(since, issued - timedelta(days=rng.randint(0, 5)))
    eliminated = issued + timedelta(days=rng.randint(2, 40)) if rng.random() < 0.9 else None
    return Violation(
        id=violation_id,
        found_on=found,
        department=department,
        category=rng.choice(_VIOLATION_CATEGORIES),
        norm=rng.choice(_NORMS),
        eliminated_on=eliminated,
    )


def _response(rng: random.Random, issued: date) -> tuple[date, date | None]:
    """A submission's response deadline, and the day it was answered (most are)."""
    respond_by = issued + timedelta(days=rng.randint(10, 30))
    answered = issued + timedelta(days=rng.randint(3, 35)) if rng.random() < 0.85 else None
    return respond_by, answered


_SIX_MONTHS = 183  # days lost beyond which the demo counts no recovery within 6 months

_CANCELLED = "superseded by the equipment's replacement"
_ACTIONS = (
    "Fit a guard",
    "Replace the damaged part",
    "Repair the lighting",
    "Mark the hazardous zone",
    "Brief the crew on the work permit",
)

_VIOLATION_CATEGORIES = (
    "personal protective equipment",
    "work permits",
    "guarding of moving parts",
    "electrical safety",
    "work at height",
    "housekeeping",
)
_NORMS = (
    "Rules for the technical operation of power plants and networks",
    "Safety rules for the operation of electrical installations",
    "Labour Code, art. 182",
    None,
)
