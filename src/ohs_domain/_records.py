"""The records bundle: every fact of a company, validated as a whole, indexed once.

[`Records`][ohs_domain.Records] holds the workforce, training, reports,
inspections, injuries and hours of one company with its time zone. It is
built from plain iterables, stores each collection sorted by its key (so the
same facts in any order make an equal bundle), and on construction checks
every rule of validity across records, reporting **all** problems at once,
each naming the record and the field. It then builds the indexes the rules
need (by employee, by department, by period; the reports in time order and the
days of their status changes when a rule first asks), so evaluations never rescan.
"""

from __future__ import annotations

import contextlib
import gc
import re
from array import array
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Container, Hashable, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from fractions import Fraction
from functools import cached_property
from itertools import accumulate
from operator import attrgetter, itemgetter
from types import MappingProxyType
from typing import Any, Final, Generic, TypeVar
from zoneinfo import ZoneInfo

import attrs

from ohs_domain import _i18n
from ohs_domain._actions import CorrectiveAction
from ohs_domain._arguments import checked
from ohs_domain._errors import InvalidDataError, InvalidValueError, Problem, UnknownRecordError
from ohs_domain._i18n import Message
from ohs_domain._injuries import HoursWorked, WorkInjury
from ohs_domain._inspection import Submission, SubmissionId, Violation, ViolationId
from ohs_domain._periods import DateRange, Month, days_through
from ohs_domain._reporting import ReportAsOf, ReportStatus, SafetyReport
from ohs_domain._training import TrainingSession
from ohs_domain._workforce import (
    Department,
    DepartmentId,
    Employee,
    EmployeeId,
    InspectorAppointment,
    ReportingAccount,
    TrainerCertification,
    WorkerRelation,
)
from ohs_domain._zones import check_zone, same_zone
from ohs_domain._zones import time_zone as time_zone_named

__all__ = ["Records"]

R = TypeVar("R")
K = TypeVar("K", bound=Hashable)
_REPORTER: Final = attrgetter("reporter")
_DEPARTMENT: Final = attrgetter("department")


_ONE_DAY: Final = timedelta(days=1)
_RANGE_HINT: Final = {"days": "a period's range, e.g. Year(2023).range or as_range(period)"}


def _collected(items: Iterable[R], kind: type[R], name: str) -> tuple[R, ...]:
    """Any iterable of ``kind`` as a tuple, in the order given (sorted once validated)."""
    if isinstance(items, str | bytes | Mapping) or not isinstance(items, Iterable):
        raise InvalidValueError(name, items, f"an iterable of {kind.__name__}")
    result = tuple(items)
    for index, item in enumerate(result):
        if not isinstance(item, kind):
            raise InvalidValueError(f"{name}[{index}]", item, f"a {kind.__name__}")
    return result


# Named converters (the attrs mypy plugin needs named functions).
def _departments(items: Iterable[Department]) -> tuple[Department, ...]:
    return _collected(items, Department, "departments")


def _employees(items: Iterable[Employee]) -> tuple[Employee, ...]:
    return _collected(items, Employee, "employees")


def _certifications(items: Iterable[TrainerCertification]) -> tuple[TrainerCertification, ...]:
    return _collected(items, TrainerCertification, "trainer_certifications")


def _appointments(items: Iterable[InspectorAppointment]) -> tuple[InspectorAppointment, ...]:
    return _collected(items, InspectorAppointment, "inspector_appointments")


def _accounts(items: Iterable[ReportingAccount]) -> tuple[ReportingAccount, ...]:
    return _collected(items, ReportingAccount, "reporting_accounts")


def _sessions(items: Iterable[TrainingSession]) -> tuple[TrainingSession, ...]:
    return _collected(items, TrainingSession, "training_sessions")


def _reports(items: Iterable[SafetyReport]) -> tuple[SafetyReport, ...]:
    return _collected(items, SafetyReport, "safety_reports")


def _violations(items: Iterable[Violation]) -> tuple[Violation, ...]:
    return _collected(items, Violation, "violations")


def _submissions(items: Iterable[Submission]) -> tuple[Submission, ...]:
    return _collected(items, Submission, "submissions")


def _injuries(items: Iterable[WorkInjury]) -> tuple[WorkInjury, ...]:
    return _collected(items, WorkInjury, "injuries")


def _hours(items: Iterable[HoursWorked]) -> tuple[HoursWorked, ...]:
    return _collected(items, HoursWorked, "hours_worked")


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a bundle is built, then restore it.

    Building allocates hundreds of thousands of objects that all stay alive; each
    allocation burst would trigger a collection that walks every one of them (the
    full ones grow with the bundle and made building superlinear). Records hold no
    reference cycles, so nothing is left for the collector afterwards. A caller that
    had the collector off keeps it off.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _actions(items: Iterable[CorrectiveAction]) -> tuple[CorrectiveAction, ...]:
    return _collected(items, CorrectiveAction, "corrective_actions")


def _by_id(item: Any) -> Any:
    return item.id


# How each collection is stored: sorted by its key, so that input order does not matter.
_ORDER: Final[dict[str, Callable[[Any], Any]]] = {
    "departments": _by_id,
    "employees": _by_id,
    "trainer_certifications": lambda c: (c.employee, c.certified_on),
    "inspector_appointments": lambda a: (a.employee, a.term.start),
    "reporting_accounts": lambda a: (a.employee, a.registered_on),
    "training_sessions": _by_id,
    "safety_reports": _by_id,
    "violations": _by_id,
    "submissions": _by_id,
    "injuries": _by_id,
    "hours_worked": lambda h: (h.department, h.month, h.relation),
    "corrective_actions": _by_id,
}
COLLECTIONS: Final = tuple(_ORDER)
"""The names of a bundle's collections, in the order of its fields."""


class _Timeline(Generic[R]):
    """Items ordered by day, for slicing by period in O(log n)."""

    __slots__ = ("days", "items")

    def __init__(self, dated: Iterable[tuple[date, R]]) -> None:
        pairs = sorted(dated, key=itemgetter(0))
        self.days = [day for day, _ in pairs]
        self.items = tuple(item for _, item in pairs)

    @classmethod
    def ordered(cls, days: list[date], items: tuple[R, ...]) -> _Timeline[R]:
        """The timeline of ``items`` already in the order of their ``days``."""
        timeline = cls.__new__(cls)
        timeline.days, timeline.items = days, items
        return timeline

    def span(self, days: DateRange) -> slice:
        start = bisect_left(self.days, days.start)
        return slice(start, bisect_left(self.days, days.end, lo=start))

    def during(self, days: DateRange) -> tuple[R, ...]:
        return self.items[self.span(days)]


def _group(items: Iterable[R], key: Callable[[R], K]) -> Mapping[K, tuple[R, ...]]:
    groups: defaultdict[K, list[R]] = defaultdict(list)
    for item in items:
        groups[key(item)].append(item)
    return MappingProxyType({k: tuple(v) for k, v in groups.items()})


@attrs.frozen(kw_only=True)
class Records:
    """Every OHS fact of one company, validated as a whole.

    Collections are stored sorted by their key (id, or employee and date), so
    building is independent of input order. Construction raises
    [`InvalidDataError`][ohs_domain.InvalidDataError] listing every problem:
    duplicate ids, references that do not resolve, and the dated rules (a
    trainer certified on the session's days, attendees and reporters employed,
    reporters registered in the reporting system, inspectors appointed when
    they issue a submission, violations in the submission's department and
    found before it, no violation listed by two submissions; a corrective
    action's owner on staff, raised on or after what it answers, and closed
    before that report or violation is marked eliminated).

    Attributes:
        time_zone: The company's zone: it decides which day, and so which
            period, a moment belongs to.
        departments: The company's departments.
        employees: Everyone on staff, past and present.
        trainer_certifications: Internal-trainer certifications.
        inspector_appointments: Technical inspectors' appointments.
        reporting_accounts: Registrations in the reporting system.
        training_sessions: Safety-culture training sessions.
        safety_reports: Events and defects registered in the reporting system.
        violations: Violations found by technical inspectors.
        submissions: Submissions issued by technical inspectors.
        injuries: Work injuries.
        hours_worked: Hours worked per department per month.
        corrective_actions: Corrective actions answering reports and violations.
    """

    time_zone: ZoneInfo = attrs.field(converter=same_zone, validator=check_zone)
    departments: tuple[Department, ...] = attrs.field(converter=_departments)
    employees: tuple[Employee, ...] = attrs.field(converter=_employees)
    trainer_certifications: tuple[TrainerCertification, ...] = attrs.field(
        default=(), converter=_certifications
    )
    inspector_appointments: tuple[InspectorAppointment, ...] = attrs.field(
        default=(), converter=_appointments
    )
    reporting_accounts: tuple[ReportingAccount, ...] = attrs.field(default=(), converter=_accounts)
    training_sessions: tuple[TrainingSession, ...] = attrs.field(default=(), converter=_sessions)
    safety_reports: tuple[SafetyReport, ...] = attrs.field(default=(), converter=_reports)
    violations: tuple[Violation, ...] = attrs.field(default=(), converter=_violations)
    submissions: tuple[Submission, ...] = attrs.field(default=(), converter=_submissions)
    injuries: tuple[WorkInjury, ...] = attrs.field(default=(), converter=_injuries)
    hours_worked: tuple[HoursWorked, ...] = attrs.field(default=(), converter=_hours)
    corrective_actions: tuple[CorrectiveAction, ...] = attrs.field(default=(), converter=_actions)
    _index: _Index = attrs.field(init=False, repr=False, eq=False, hash=False)
    # The reports as integer columns for the rules that tally them (_report_index.py),
    # built on first use: a bundle that is only loaded and saved never pays for it.
    _report_index: Any = attrs.field(init=False, default=None, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        with paused_gc():  # (the positions too: a tuple for each record)
            given = {name: tuple(enumerate(getattr(self, name))) for name in COLLECTIONS}
            index = self._store_sorted(given)
            problems = _Validation(self, index, given).problems()
        if problems:
            raise InvalidDataError("Records", problems)
        object.__setattr__(self, "_index", index)

    def __reduce__(self) -> tuple[Any, ...]:
        # The index holds mapping proxies, which cannot be serialised: ship the collections
        # and rebuild (and so re-check) the bundle on the other side.
        return (_rebuilt, (self.time_zone, *(getattr(self, name) for name in COLLECTIONS)))

    def _store_sorted(self, given: Mapping[str, Sequence[tuple[int, Any]]]) -> _Index:
        for name, key in _ORDER.items():
            object.__setattr__(self, name, tuple(sorted((r for _, r in given[name]), key=key)))
        return _Index(self)

    @classmethod
    def _problems_of(
        cls,
        time_zone: ZoneInfo | None,
        given: Mapping[str, Sequence[tuple[int, Any]]],
        unreadable: Mapping[str, Container[str]],
    ) -> list[Problem]:
        """The cross-record problems of the readable rows of a bundle that is being loaded.

        ``given`` holds each collection's readable rows with their positions in the
        data; ``unreadable`` the ids of rows whose own shape is invalid: a reference
        to one of them is not reported as unknown, and no rule that needs the row is
        checked. Without a valid ``time_zone`` the rules that need a report's day are
        not checked either.
        """
        records = cls.__new__(cls)
        object.__setattr__(records, "time_zone", time_zone or time_zone_named("UTC"))
        index = records._store_sorted(given)
        return _Validation(
            records, index, given, unreadable, dated=time_zone is not None
        ).problems()

    # -- look-ups -------------------------------------------------------------

    @checked
    def department(self, department_id: str) -> Department:
        """The department with id ``department_id``.

        Raises:
            UnknownRecordError: If there is none.
        """
        return _lookup(self._index.departments, "department", department_id)

    @checked
    def employee(self, employee_id: str) -> Employee:
        """The employee with personnel number ``employee_id``.

        Raises:
            UnknownRecordError: If there is none.
        """
        return _lookup(self._index.employees, "employee", employee_id)

    @checked
    def violation(self, violation_id: str) -> Violation:
        """The violation with id ``violation_id``.

        Raises:
            UnknownRecordError: If there is none.
        """
        return _lookup(self._index.violations, "violation", violation_id)

    @checked
    def is_production(self, employee: Employee) -> bool:
        """Whether ``employee`` belongs to production personnel.

        Raises:
            UnknownRecordError: If the employee's department is not in the bundle.
        """
        return self._is_production(employee)

    def _is_production(self, employee: Employee) -> bool:
        # Unchecked, for rules asking about the bundle's own employees (hot paths).
        return _lookup(self._index.departments, "department", employee.department).is_production

    @checked
    def local_day(self, report: SafetyReport) -> date:
        """The day ``report`` was registered, in the company's zone.

        Raises:
            UnknownRecordError: If ``report`` is not in the bundle.
        """
        return self._index.report_days[_lookup(self._index.position, "safety report", report.id)]

    @checked
    def accepted_on(self, report: SafetyReport) -> date | None:
        """The day ``report`` was accepted, in the company's zone; ``None`` if never.

        Raises:
            UnknownRecordError: If ``report`` is not in the bundle.
        """
        return self._day_entered(report, ReportStatus.ACCEPTED)

    @checked
    def rejected_on(self, report: SafetyReport) -> date | None:
        """The day ``report`` was rejected, in the company's zone; ``None`` if never.

        Raises:
            UnknownRecordError: If ``report`` is not in the bundle.
        """
        return self._day_entered(report, ReportStatus.REJECTED)

    def _day_entered(self, report: SafetyReport, status: ReportStatus) -> date | None:
        n = _lookup(self._index.position, "safety report", report.id)
        for change, day in zip(
            self.safety_reports[n].history, self._index.change_days[n], strict=True
        ):
            if change.status is status:
                return day
        return None

    def recorded_days(self) -> DateRange | None:
        """The days from the first dated record of the bundle to the last.

        Dated records: a report (the day it was registered, in the company's zone), a
        training session (every day of it), a violation (found), a submission (issued), a
        corrective action (raised), an injury, and hours worked (every day of the month).
        Staff, appointments, certifications and accounts are standing facts, not dated.
        A period outside these days has no dated record (figures from standing facts,
        such as the production headcount, remain): the command line warns of it.

        Returns:
            The range, or None if the bundle holds no dated record.
        """
        index = self._index
        firsts: list[date] = []
        lasts: list[date] = []
        for days in (index.report_days, index.violations_by_day.days, index.submissions.days):
            if days:
                firsts.append(min(days))  # (the reports' days are in id order)
                lasts.append(max(days))
        spans = [s.days for s in self.training_sessions] + [
            h.month.range for h in self.hours_worked
        ]
        days = [i.occurred_on for i in self.injuries] + [
            a.raised_on for a in self.corrective_actions
        ]
        firsts += [span.start for span in spans] + days
        lasts += [span.end - _ONE_DAY for span in spans] + days
        return DateRange.inclusive(min(firsts), max(lasts)) if firsts else None

    # -- workforce ------------------------------------------------------------

    @checked
    def employed_on(self, day: date) -> tuple[Employee, ...]:
        """Everyone on staff on ``day``, by personnel number."""
        return tuple(e for e in self.employees if e._on_staff(day))

    def production_employees(self) -> tuple[Employee, ...]:
        """Every employee of a production department, past and present, by personnel number."""
        return self._index.production

    @checked
    def production_headcount(self, day: date) -> int:
        """Production personnel on staff on ``day``."""
        return sum(1 for e in self._index.production if e._on_staff(day))

    @checked
    def average_production_headcount(self, days: DateRange) -> Fraction:
        """Average production headcount over ``days``: employee-days ÷ days, exact.

        Raises:
            InvalidValueError: If ``days`` is empty.
        """
        if days.is_empty:
            raise InvalidValueError("days", str(days), "a range of at least one day")
        return _average(self._index.production, days)

    @checked
    def average_headcount(self, days: DateRange) -> Fraction:
        """Average headcount of the whole company over ``days``: employee-days ÷ days, exact.

        Raises:
            InvalidValueError: If ``days`` is empty.
        """
        if days.is_empty:
            raise InvalidValueError("days", str(days), "a range of at least one day")
        return _average(self.employees, days)

    @checked
    def certifications_of(self, employee_id: str) -> tuple[TrainerCertification, ...]:
        """The internal-trainer certifications of ``employee_id``, oldest first."""
        return self._index.certifications.get(EmployeeId(employee_id), ())

    @checked
    def appointments_of(self, employee_id: str) -> tuple[InspectorAppointment, ...]:
        """The technical-inspector appointments of ``employee_id``, earliest term first."""
        return self._index.appointments.get(EmployeeId(employee_id), ())

    @checked
    def account_of(self, employee_id: str) -> ReportingAccount | None:
        """The reporting-system registration of ``employee_id``, if any."""
        return self._index.accounts.get(EmployeeId(employee_id))

    # -- by period ------------------------------------------------------------

    @checked(hints=_RANGE_HINT)
    def reports_during(self, days: DateRange) -> tuple[SafetyReport, ...]:
        """Reports registered on ``days`` (in the company's zone), in time order."""
        return self._index.reports.during(days)

    @checked(hints={"registered": _RANGE_HINT["days"]})
    def reports_as_of(self, as_of: date, *, registered: DateRange) -> tuple[ReportAsOf, ...]:
        """Reports registered on ``registered`` by ``as_of``, each as it stood at the end of it.

        What is known on a day: a report, and each change of its status, counts
        from its day in the company's zone on. A report registered after ``as_of``
        is not known yet and is left out; one accepted after it is known as
        registered only. In time order. The rules tally the same days from the
        bundle's columns (engagement, elimination and rewards give exactly what
        these states give).
        """
        index = self._index
        reports, days = self.safety_reports, index.change_days
        unchanged = ReportStatus.REGISTERED
        state = ReportAsOf._unchecked  # the query's values are valid already: no field checks
        known = []
        for n in index.report_order[index.reports.span(days_through(registered, as_of))]:
            # As it stood at the end of ``as_of``: its changes on or before it count.
            report, changes = reports[n], bisect_right(days[n], as_of)
            known.append(
                state(report, report.history[changes - 1].status if changes else unchanged)
            )
        return tuple(known)

    @checked
    def reports_by(self, employee_id: str) -> tuple[SafetyReport, ...]:
        """Reports registered by ``employee_id``, in time order."""
        return self._index.by_reporter(self.safety_reports).get(EmployeeId(employee_id), ())

    @checked(hints=_RANGE_HINT)
    def sessions_during(self, days: DateRange) -> tuple[TrainingSession, ...]:
        """Training sessions that started on ``days``, in date order."""
        return self._index.sessions.during(days)

    @checked(hints=_RANGE_HINT)
    def submissions_during(self, days: DateRange) -> tuple[Submission, ...]:
        """Submissions issued on ``days``, in date order."""
        return self._index.submissions.during(days)

    @checked
    def submissions_by(self, inspector_id: str) -> tuple[Submission, ...]:
        """Submissions issued by ``inspector_id``, in date order."""
        return self._index.submissions_by_inspector.get(EmployeeId(inspector_id), ())

    @checked
    def violations_of(self, submission: Submission) -> tuple[Violation, ...]:
        """The violations ``submission`` lists, by id."""
        return tuple(self._index.violations[v] for v in sorted(submission.violations))

    @checked
    def submission_listing(self, violation_id: str) -> Submission | None:
        """The submission that lists ``violation_id``, if any."""
        return self._index.submission_of_violation.get(ViolationId(violation_id))

    @checked(hints=_RANGE_HINT)
    def violations_found_during(self, days: DateRange) -> tuple[Violation, ...]:
        """Violations found on ``days``, in date order."""
        return self._index.violations_by_day.during(days)

    @checked(hints=_RANGE_HINT)
    def injuries_during(self, days: DateRange) -> tuple[WorkInjury, ...]:
        """Employees' injuries that occurred on ``days``, in date order.

        Contractors' workers' injuries are asked of
        [`injuries_of`][ohs_domain.Records.injuries_of]: the injury rates are employees'.
        """
        return self.injuries_of(WorkerRelation.EMPLOYEE, days)

    @checked(hints=_RANGE_HINT)
    def injuries_of(self, relation: WorkerRelation, days: DateRange) -> tuple[WorkInjury, ...]:
        """Injuries of workers of ``relation`` that occurred on ``days``, in date order."""
        return self._index.injuries[relation].during(days)

    @checked
    def actions_for(self, subject: SafetyReport | Violation) -> tuple[CorrectiveAction, ...]:
        """The corrective actions answering ``subject`` (a report or a violation), by id."""
        if isinstance(subject, SafetyReport):
            return self._index.actions_of_report.get(subject.id, ())
        return self._index.actions_of_violation.get(subject.id, ())

    @checked
    def subject_of(self, action: CorrectiveAction) -> SafetyReport | Violation:
        """The report or violation ``action`` answers.

        Raises:
            UnknownRecordError: If it is not in the bundle.
        """
        if action.report is not None:
            return self.safety_reports[
                _lookup(self._index.position, "safety report", action.report)
            ]
        return _lookup(self._index.violations, "violation", str(action.violation))

    @checked
    def hours_during(self, months: Sequence[Month]) -> tuple[HoursWorked, ...]:
        """Hours-worked figures of ``months``, employees' and contractors', by department."""
        wanted = set(months)
        return tuple(h for h in self.hours_worked if h.month in wanted)

    @checked
    def total_hours(self, months: Sequence[Month]) -> Decimal:
        """Hours worked by employees in all departments in ``months``."""
        return self.hours_of(WorkerRelation.EMPLOYEE, months)

    @checked
    def hours_of(self, relation: WorkerRelation, months: Sequence[Month]) -> Decimal:
        """Hours worked by workers of ``relation`` in all departments in ``months``."""
        return sum(
            (h.hours for h in self.hours_during(months) if h.relation is relation), Decimal(0)
        )


def _rebuilt(time_zone: ZoneInfo, *collections: tuple[Any, ...]) -> Records:
    return Records(time_zone=time_zone, **dict(zip(COLLECTIONS, collections, strict=True)))


def _day_of(moment: datetime | None, zone: ZoneInfo) -> date | None:
    return None if moment is None else moment.astimezone(zone).date()


def _average(employees: Iterable[Employee], days: DateRange) -> Fraction:
    employee_days = sum(e._days_within(days) for e in employees)
    return Fraction(employee_days, days.days)


def _lookup(table: Mapping[Any, R], kind: str, key: str) -> R:
    try:
        return table[key]
    except KeyError:
        raise UnknownRecordError(kind, key) from None


class _Index:
    """The look-up tables built once per bundle (those only rules read, on first use)."""

    __slots__ = (
        "__dict__",  # (for the cached properties)
        "_days",
        "_reports",
        "_zone",
        "accounts",
        "actions_of_report",
        "actions_of_violation",
        "appointments",
        "certifications",
        "departments",
        "employees",
        "injuries",
        "position",
        "production",
        "report_days",
        "reports_by_reporter",
        "sessions",
        "submission_of_violation",
        "submissions",
        "submissions_by_inspector",
        "violations",
        "violations_by_day",
    )

    def __init__(self, records: Records) -> None:
        zone = records.time_zone
        self.departments: Mapping[DepartmentId, Department] = {d.id: d for d in records.departments}
        self.employees: Mapping[EmployeeId, Employee] = {e.id: e for e in records.employees}
        production = {d.id for d in records.departments if d.is_production}
        self.production = tuple(e for e in records.employees if e.department in production)
        self.certifications = _group(records.trainer_certifications, lambda c: c.employee)
        self.appointments = _group(records.inspector_appointments, lambda a: a.employee)
        self.accounts: Mapping[EmployeeId, ReportingAccount] = {
            a.employee: a for a in records.reporting_accounts
        }
        # The day of each report in the company's zone, in the bundle's (id) order: what
        # validation needs (is the reporter on staff that day). One object per day: a 10x
        # bundle has 775,784 days of reports and their changes, of about 1,100 distinct ones.
        # Kept as columns in the bundle's order, which is the order the reports lie in
        # memory when loaded from the library's files (written in id order): what follows
        # reads them by position, not by id in time order, which at 30x touched a dict
        # entry and an id string scattered over the heap per report. The reports in time
        # order and the days of their changes are built when a rule first asks for them
        # (below): a bundle that is only loaded, checked and saved never pays for them.
        reports = records.safety_reports
        self._reports, self._zone = reports, zone
        self._days: dict[date, date] = {}
        one = self._days.setdefault
        self.position: Mapping[str, int] = {r.id: n for n, r in enumerate(reports)}
        self.report_days: list[date] = [
            one(day, day) for day in (r.reported_at.astimezone(zone).date() for r in reports)
        ]
        # Grouped by reporter when first asked (`Records.reports_by`): no rule needs it.
        self.reports_by_reporter: Mapping[EmployeeId, tuple[SafetyReport, ...]] | None = None
        self.sessions = _Timeline((s.days.start, s) for s in records.training_sessions)
        self.submissions = _Timeline((s.issued_on, s) for s in records.submissions)
        self.submissions_by_inspector = _group(self.submissions.items, lambda s: s.inspector)
        self.violations: Mapping[ViolationId, Violation] = {v.id: v for v in records.violations}
        self.violations_by_day = _Timeline((v.found_on, v) for v in records.violations)
        self.submission_of_violation: dict[ViolationId, Submission] = {}
        for submission in records.submissions:
            for violation_id in submission.violations:
                self.submission_of_violation.setdefault(violation_id, submission)
        self.actions_of_report = _group(
            (a for a in records.corrective_actions if a.report is not None), lambda a: a.report
        )
        self.actions_of_violation = _group(
            (a for a in records.corrective_actions if a.violation is not None),
            lambda a: a.violation,
        )
        self.injuries = {
            relation: _Timeline(
                (i.occurred_on, i) for i in records.injuries if i.relation is relation
            )
            for relation in WorkerRelation
        }

    @cached_property
    def change_days(self) -> list[tuple[date, ...]]:
        """The day of each change of each report's status, in the bundle's order.

        A change counts from its day in the company's zone, never earlier than the last:
        the moments never go back, but a zone's local day can (America/Goose_Bay turned
        its clocks back from 00:01 to 23:01 of the day before, each autumn until 2010).
        """
        zone, one = self._zone, self._days.setdefault
        change_days: list[tuple[date, ...]] = []
        for report, day in zip(self._reports, self.report_days, strict=True):
            changed = [one(d, d) for d in (c.at.astimezone(zone).date() for c in report.history)]
            if changed and (changed[0] < day or changed != sorted(changed)):
                changed = list(accumulate(changed, max, initial=day))[1:]
            change_days.append(tuple(changed))
        return change_days

    @cached_property
    def reports_by_moment(self) -> array[int]:
        """The bundle's positions of the reports in time order, ties by id."""
        # The reports are in id order, and a sort keeps the order of ties. (Not a
        # (moment, id) key: comparing those tuples compares moments twice.)
        moments = [r.reported_at for r in self._reports]
        return array("l", sorted(range(len(moments)), key=moments.__getitem__))

    @cached_property
    def report_order(self) -> array[int]:
        """The bundle's positions of the reports by local day, then by moment."""
        # A change of the zone's offset can turn the local day back an hour: by day, then
        # by moment (a sort keeps the order of ties).
        return array("l", sorted(self.reports_by_moment, key=self.report_days.__getitem__))

    @cached_property
    def reports(self) -> _Timeline[SafetyReport]:
        """The reports by local day, then by moment."""
        order = self.report_order
        return _Timeline.ordered(
            list(map(self.report_days.__getitem__, order)),
            tuple(map(self._reports.__getitem__, order)),
        )

    def by_reporter(
        self, reports: Sequence[SafetyReport]
    ) -> Mapping[EmployeeId, tuple[SafetyReport, ...]]:
        """``reports`` (the bundle's) by reporter, each's in time order; grouped once."""
        if self.reports_by_reporter is None:
            ordered = map(reports.__getitem__, self.reports_by_moment)
            self.reports_by_reporter = _group(ordered, lambda r: r.reporter)
        return self.reports_by_reporter


def _label(record: Any) -> str:
    """How a reader finds a record again: its id, or what identifies it."""
    if isinstance(record, ReportingAccount | TrainerCertification):
        return str(record.employee)
    if isinstance(record, InspectorAppointment):
        return f"{record.employee} {record.term}"
    if isinstance(record, HoursWorked):
        return " ".join(
            (record.department, str(record.month))
            + (() if record.relation is WorkerRelation.EMPLOYEE else (str(record.relation),))
        )
    return str(record.id)


def _hours_key(hours: HoursWorked) -> tuple[str, ...]:
    # Employees' hours keep the key they always had: "D-1 2023-01".
    key = (hours.department, str(hours.month))
    return key if hours.relation is WorkerRelation.EMPLOYEE else (*key, str(hours.relation))


class _Validation:
    """Checks every rule of validity across records; collects every problem.

    Each problem's path is the record's position in the collections as given,
    with the record's id beside it.
    """

    def __init__(
        self,
        records: Records,
        index: _Index,
        given: Mapping[str, Sequence[tuple[int, Any]]],
        unreadable: Mapping[str, Container[str]] | None = None,
        *,
        dated: bool = True,
    ) -> None:
        self.records = records
        self.index = index
        self.given = given
        self.unreadable = unreadable or {}
        self.dated = dated
        self.found: list[Problem] = []
        # The first position of each record object: where its problems are reported.
        # Found when the first problem is (valid data, the usual case, never needs them).
        self.positions: dict[int, tuple[str, int]] = {}

    def problem(self, record: Any, field: str, message: str | Message) -> None:
        if not self.positions:
            for name, rows in self.given.items():
                for position, row in rows:
                    self.positions.setdefault(id(row), (name, position))
        name, position = self.positions[id(record)]
        path = f"$.{name}[{position}].{field}"
        words = message if isinstance(message, Message) else Message(message)
        self.found.append(Problem.of(path, words, _label(record)))

    def problems(self) -> list[Problem]:
        records = self.records
        self.uniques()
        for employee in records.employees:
            self.department(employee, "department", employee.department)
        for certification in records.trainer_certifications:
            self.employee(certification, "employee", certification.employee)
        self.appointments()
        for account in records.reporting_accounts:
            if holder := self.employee(account, "employee", account.employee):
                self.employed(account, "employee", holder, account.registered_on, "registered")
        for session in records.training_sessions:
            self.session(session)
        self.reports()
        for violation in records.violations:
            self.department(violation, "department", violation.department)
        listed_by: dict[ViolationId, SubmissionId] = {}
        for submission in records.submissions:
            self.submission(submission, listed_by)
        for injury in records.injuries:
            # A contractor's worker is not on the company's staff: nothing to resolve.
            if injury.relation is WorkerRelation.EMPLOYEE and (
                injured := self.employee(injury, "employee", injury.employee)
            ):
                self.employed(injury, "employee", injured, injury.occurred_on, "injured")
            self.department(injury, "department", injury.department)
        for hours in records.hours_worked:
            self.department(hours, "department", hours.department)
        for action in records.corrective_actions:
            self.action(action)
        return sorted(self.found, key=reading_order)

    def uniques(self) -> None:
        # The index's tables by key hold each key once: as many entries as rows, no repeat.
        index = self.index
        keyed: dict[str, Mapping[Any, Any]] = {
            "departments": index.departments,
            "employees": index.employees,
            "safety_reports": index.position,
            "violations": index.violations,
        }
        for name in ("departments", "employees", "training_sessions", "safety_reports"):
            self.unique(name, _by_id, "id", keyed.get(name))
        for name in ("violations", "submissions", "injuries", "corrective_actions"):
            self.unique(name, _by_id, "id", keyed.get(name))
        self.unique("reporting_accounts", lambda a: a.employee, "employee", index.accounts)
        self.unique("hours_worked", _hours_key, "month")

    def unique(
        self,
        name: str,
        key: Callable[[Any], Any],
        field: str,
        by_key: Mapping[Any, Any] | None = None,
    ) -> None:
        """Each repeat of ``key`` in collection ``name``, a problem at ``field``.

        ``by_key``, the index's table of the collection by the same key, if it has one,
        tells at once whether any key repeats (a large bundle is not hashed twice).
        """
        given = self.given[name]
        distinct = len({key(record) for _, record in given}) if by_key is None else len(by_key)
        if distinct == len(given):
            return  # no key repeated (the usual case): no positions to gather
        rows: defaultdict[Any, list[int]] = defaultdict(list)
        for position, record in given:
            rows[key(record)].append(position)
        for value, positions in rows.items():
            if len(positions) == 1:
                continue
            # A compound key names its own parts: "D-1 2023-01".
            shown = value if isinstance(value, str) else " ".join(map(str, value))
            listed = ", ".join(f"{name}[{p}]" for p in positions)
            for position in positions[1:]:
                words = _i18n.message(
                    "{value} appears {n} times ({rows}); each must be unique in {table}",
                    "{value} appears {n} times ({rows}); each must be unique in {table}",
                    value=repr(shown),
                    n=len(positions),
                    rows=listed,
                    table=name,
                )
                self.found.append(Problem.of(f"$.{name}[{position}].{field}", words, shown))

    def known(self, kind: str, table: Mapping[Any, Any], key: str) -> bool | None:
        """Whether ``key`` is a record of ``kind``; ``None`` if its row was unreadable."""
        if key in table:
            return True
        return None if key in self.unreadable.get(kind, frozenset()) else False

    def department(self, record: Any, field: str, department_id: str) -> None:
        if self.known("departments", self.index.departments, department_id) is False:
            self.problem(record, field, _unknown("department", department_id, "departments"))

    def employee(self, record: Any, field: str, employee_id: str) -> Employee | None:
        """The employee ``employee_id`` names, looked up once for every check of ``record``."""
        employee = self.index.employees.get(EmployeeId(employee_id))
        if employee is None and self.known("employees", self.index.employees, employee_id) is False:
            self.problem(record, field, _unknown("employee", employee_id, "employees"))
        return employee

    def employed(self, record: Any, field: str, employee: Employee, day: date, what: str) -> bool:
        if employee._on_staff(day):
            return True
        left = _i18n.message(", left on {day}", day=employee.left_on) if employee.left_on else ""
        self.problem(
            record,
            field,
            _i18n.message(
                "employee {employee} {what} on {day} but was not on staff then "
                "(hired on {hired_on}{left})",
                employee=repr(employee.id),
                what=Message(what),
                day=day,
                hired_on=employee.hired_on,
                left=left,
            ),
        )
        return False

    def appointments(self) -> None:
        for employee_id, appointments in self.index.appointments.items():
            for number, appointment in enumerate(appointments):
                employee = self.employee(appointment, "employee", employee_id)
                if employee is None:
                    continue
                self.employed(
                    appointment, "employee", employee, appointment.term.start, "appointed"
                )
                # Every earlier term, not only the one before: a long term can
                # overlap a later one past a shorter (or empty) term in between.
                term = appointment.term
                earlier = [a.term for a in appointments[:number] if a.term.overlaps(term)]
                if earlier:
                    self.problem(
                        appointment,
                        "term",
                        _i18n.message(
                            "overlaps the earlier term {term}; "
                            "an inspector's terms must not overlap",
                            term=earlier[-1],
                        ),
                    )

    def session(self, session: TrainingSession) -> None:
        self.department(session, "department", session.department)
        first, last = session.days.start, session.days.end - timedelta(days=1)
        for trainer in sorted(session.trainers):
            if not self.employee(session, "trainers", trainer):
                continue
            held = self.index.certifications.get(trainer, ())
            # Every day covered, by one certification or by a renewal that follows it.
            uncovered = (day for day in session.days if not any(c.is_valid_on(day) for c in held))
            if next(uncovered, None) is not None:
                shown = tuple(  # a tuple of messages shows as "a; b", each in its language
                    _i18n.message(
                        "certified {day}, valid until {until}",
                        day=c.certified_on,
                        until=c.valid_until or Message("no end"),
                    )
                    for c in held
                )
                self.problem(
                    session,
                    "trainers",
                    _i18n.message(
                        "trainer {trainer} holds no internal-trainer certification valid on every "
                        "day of the session ({days}); held: {held}",
                        trainer=repr(trainer),
                        days=session.days,
                        held=shown or Message("none"),
                    ),
                )
        for attendee in sorted(session.attendees):
            employee = self.employee(session, "attendees", attendee)
            if employee and self.employed(session, "attendees", employee, first, "attended"):
                self.employed(session, "attendees", employee, last, "attended")

    def reports(self) -> None:
        """Every report's checks: those of a reporter whose reports all pass, at once.

        A reporter on staff on the first and the last day they reported, and registered
        by the first, was on staff and registered on every day between (employment is
        one span): their reports pass, unless a department is unknown. Only the reports
        of the other reporters, or naming an unknown department, are checked one by one,
        which finds and words each problem.
        """
        reports, days = self.records.safety_reports, self.index.report_days
        first: dict[EmployeeId, date] = {}
        last: dict[EmployeeId, date] = {}
        for reporter, day in zip(map(_REPORTER, reports), days, strict=True):
            seen = first.get(reporter)
            if seen is None:
                first[reporter] = last[reporter] = day
            elif day < seen:
                first[reporter] = day
            elif day > last[reporter]:
                last[reporter] = day
        suspects = {r for r, day in first.items() if not self.reported_in_time(r, day, last[r])}
        unknown = set(map(_DEPARTMENT, reports)).difference(self.index.departments)
        if suspects or unknown:
            for report, day in zip(reports, days, strict=True):
                if report.reporter in suspects or report.department in unknown:
                    self.report(report, day)

    def reported_in_time(self, reporter: EmployeeId, first: date, last: date) -> bool:
        """Whether ``reporter`` is on staff and registered from ``first`` to ``last``.

        Only whether ``reporter`` is a known employee, if the bundle is not dated.
        """
        employee = self.index.employees.get(reporter)
        if employee is None or not self.dated:
            return employee is not None
        account = self.index.accounts.get(reporter)
        return (
            employee._on_staff(first)
            and employee._on_staff(last)
            and account is not None
            and account.registered_on <= first
        )

    def report(self, report: SafetyReport, day: date) -> None:
        self.department(report, "department", report.department)
        employee = self.employee(report, "reporter", report.reporter)
        if employee is None or not self.dated:
            return
        self.employed(report, "reporter", employee, day, "reported")
        account = self.index.accounts.get(report.reporter)
        if account is None or account.registered_on > day:
            if account is None and report.reporter in self.unreadable.get(
                "reporting_accounts", frozenset()
            ):
                return
            since = (
                Message("is not registered")
                if account is None
                else _i18n.message("registered on {day}", day=account.registered_on)
            )
            self.problem(
                report,
                "reporter",
                _i18n.message(
                    "employee {employee} reported on {day} but {since} in the reporting "
                    "system; only registered employees can report",
                    employee=repr(report.reporter),
                    day=day,
                    since=since,
                ),
            )

    def action(self, action: CorrectiveAction) -> None:
        if employee := self.employee(action, "owner", action.owner):
            self.employed(action, "owner", employee, action.raised_on, "was made owner")
        if action.report is not None:
            n = self.index.position.get(action.report)
            if n is None:
                if self.known("safety_reports", self.index.position, action.report) is False:
                    self.problem(
                        action, "report", _unknown("safety report", action.report, "safety_reports")
                    )
                return
            if not self.dated:
                return
            report = self.records.safety_reports[n]
            since = self.index.report_days[n]
            eliminated = _day_of(report.eliminated_at, self.records.time_zone)
            subject = _i18n.message("safety report {id}", id=repr(report.id))
            self.answers(action, subject, since, eliminated)
            return
        violation_id = ViolationId(str(action.violation))
        violation = self.index.violations.get(violation_id)
        if violation is None:
            if self.known("violations", self.index.violations, violation_id) is False:
                self.problem(action, "violation", _unknown("violation", violation_id, "violations"))
            return
        self.answers(
            action,
            _i18n.message("violation {id}", id=repr(violation_id)),
            violation.found_on,
            violation.eliminated_on,
        )

    def answers(
        self,
        action: CorrectiveAction,
        subject: Message,
        since: date,
        eliminated: date | None,
    ) -> None:
        if action.raised_on < since:
            self.problem(
                action,
                "raised_on",
                _i18n.message(
                    "{day} is before {subject} was registered or found ({since}); "
                    "an action is raised on or after what it answers",
                    day=action.raised_on,
                    subject=subject,
                    since=since,
                ),
            )
        if eliminated is not None and action.is_open_on(eliminated):
            self.problem(
                action,
                "closed_on",
                _i18n.message(
                    "still open on {day}, when {subject} was marked eliminated; "
                    "every action must be closed by then",
                    day=eliminated,
                    subject=subject,
                ),
            )

    def submission(
        self, submission: Submission, listed_by: dict[ViolationId, SubmissionId]
    ) -> None:
        self.department(submission, "department", submission.department)
        if self.employee(submission, "inspector", submission.inspector):
            terms = self.index.appointments.get(submission.inspector, ())
            if not any(a.is_appointed_on(submission.issued_on) for a in terms):
                shown = [_i18n.message("{value}", value=a.term) for a in terms]
                self.problem(
                    submission,
                    "inspector",
                    _i18n.message(
                        "employee {employee} issued it on {day} "
                        "but was not an appointed technical inspector then (terms: {terms})",
                        employee=repr(submission.inspector),
                        day=submission.issued_on,
                        terms=_i18n.listed(shown) if shown else Message("none"),
                    ),
                )
        for violation_id in sorted(submission.violations):
            known = self.known("violations", self.index.violations, violation_id)
            if not known:
                if known is False:
                    self.problem(
                        submission, "violations", _unknown("violation", violation_id, "violations")
                    )
                continue
            violation = self.index.violations[violation_id]
            if violation_id in listed_by:
                self.problem(
                    submission,
                    "violations",
                    _i18n.message(
                        "violation {violation} is already listed by submission {submission}; "
                        "a violation belongs to one submission",
                        violation=repr(violation_id),
                        submission=repr(listed_by[violation_id]),
                    ),
                )
            listed_by.setdefault(violation_id, submission.id)
            if violation.department != submission.department:
                self.problem(
                    submission,
                    "violations",
                    _i18n.message(
                        "violation {violation} was found in department {found}, "
                        "not in {issued} to which the submission was issued",
                        violation=repr(violation_id),
                        found=repr(violation.department),
                        issued=repr(submission.department),
                    ),
                )
            if violation.found_on > submission.issued_on:
                self.problem(
                    submission,
                    "violations",
                    _i18n.message(
                        "violation {violation} was found on {day}, after the "
                        "submission was issued ({issued})",
                        violation=repr(violation_id),
                        day=violation.found_on,
                        issued=submission.issued_on,
                    ),
                )


def _unknown(kind: str, key: str, table: str) -> Message:
    return _i18n.message(
        "unknown {kind} {key}: no such id in {table}",
        kind=Message(kind),
        key=repr(key),
        table=table,
    )


_POSITION = re.compile(r"\$\.(\w+)\[(\d+)\]")


def reading_order(problem: Problem) -> tuple[int, int, str]:
    """The order of a bundle's problems: collections as its fields, rows as given."""
    match = _POSITION.match(problem.path)
    if match is None:
        return (-1, 0, problem.path)
    return (
        COLLECTIONS.index(match[1]) if match[1] in COLLECTIONS else -1,
        int(match[2]),
        problem.path,
    )
