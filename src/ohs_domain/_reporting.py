"""The "Safe Production" reporting system: events and defects employees report.

A [`SafetyReport`][ohs_domain.SafetyReport] moves through a lifecycle:
``REGISTERED → ACCEPTED → IN_PROGRESS → ELIMINATED``, or
``REGISTERED → REJECTED`` with a reason. Each transition is a method that
returns a new report with the transition recorded and timestamped; an illegal
transition, or one timestamped before the previous, is an error.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, NewType

import attrs

from ohs_domain import _checks
from ohs_domain._arguments import checked, typed_fields
from ohs_domain._errors import IllegalTransitionError, InvalidValueError
from ohs_domain._i18n import Message, message
from ohs_domain._workforce import DepartmentId, EmployeeId

__all__ = [
    "EliminationDeadlines",
    "ReportAsOf",
    "ReportGroup",
    "ReportId",
    "ReportKind",
    "ReportStatus",
    "RiskLevel",
    "SafetyReport",
    "StatusChange",
]

ReportId = NewType("ReportId", str)
"""Identifier of a [`SafetyReport`][ohs_domain.SafetyReport]."""


class ReportGroup(enum.StrEnum):
    """The two groups of reports the seed counts together ("events and defects")."""

    EVENT = "event"
    DEFECT = "defect"


class ReportKind(enum.StrEnum):
    """What a report is about; [`group`][ohs_domain.ReportKind.group] says event or defect."""

    HAZARDOUS_CONDITION = "hazardous_condition"
    UNSAFE_ACT = "unsafe_act"
    NEAR_MISS = "near_miss"
    EQUIPMENT_DEFECT = "equipment_defect"
    FACILITY_DEFECT = "facility_defect"

    @property
    def group(self) -> ReportGroup:
        """Whether the kind is an event or a defect."""
        if self in (ReportKind.EQUIPMENT_DEFECT, ReportKind.FACILITY_DEFECT):
            return ReportGroup.DEFECT
        return ReportGroup.EVENT


class RiskLevel(enum.StrEnum):
    """The risk a report describes, as assessed when it is registered."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class ReportStatus(enum.StrEnum):
    """Where a report is in its lifecycle."""

    REGISTERED = "registered"
    ACCEPTED = "accepted"
    IN_PROGRESS = "in_progress"
    ELIMINATED = "eliminated"
    REJECTED = "rejected"


_NEXT: dict[ReportStatus, tuple[ReportStatus, ...]] = {
    ReportStatus.REGISTERED: (ReportStatus.ACCEPTED, ReportStatus.REJECTED),
    ReportStatus.ACCEPTED: (ReportStatus.IN_PROGRESS,),
    ReportStatus.IN_PROGRESS: (ReportStatus.ELIMINATED,),
    ReportStatus.ELIMINATED: (),
    ReportStatus.REJECTED: (),
}


@attrs.frozen(kw_only=True)
class StatusChange:
    """One transition of a report.

    Attributes:
        status: The status entered.
        at: When (time-zone aware).
        reason: Why; required for a rejection, absent otherwise.
    """

    status: ReportStatus = attrs.field(validator=_checks.member(ReportStatus))
    at: datetime = attrs.field(validator=_checks.moment)
    reason: str | None = attrs.field(default=None, validator=_checks.optional(_checks.text))

    @classmethod
    def _of_checked_fields(
        cls, *, status: ReportStatus, at: datetime, reason: str | None
    ) -> StatusChange:
        # For the edge's hook, which runs each field's check as it reads the field: only
        # the rules across fields are left to run (attrs would run every check again).
        change = object.__new__(cls)
        _SET_STATUS(change, status)
        _SET_AT(change, at)
        _SET_REASON(change, reason)
        change.__attrs_post_init__()
        return change

    def __attrs_post_init__(self) -> None:
        if self.status is ReportStatus.REGISTERED:
            raise InvalidValueError(
                "status", self.status, "a status after registration (registration is reported_at)"
            )
        if (self.status is ReportStatus.REJECTED) != (self.reason is not None):
            expected = (
                "a reason for status {status}"
                if self.status is ReportStatus.REJECTED
                else "no reason for status {status}"
            )
            raise InvalidValueError("reason", self.reason, message(expected, status=self.status))


def _setters(cls: type, *names: str) -> tuple[Callable[[Any, Any], None], ...]:
    """The slots' own setters of ``names``: a third cheaper than ``object.__setattr__``.

    For the edge's hooks, which build hundreds of thousands of checked values: each
    field is set where it lies, without finding it by name first.
    """
    return tuple(vars(cls)[name].__set__ for name in names)


_SET_STATUS, _SET_AT, _SET_REASON = _setters(StatusChange, "status", "at", "reason")


@attrs.frozen(kw_only=True)
class SafetyReport:
    """An event or defect an employee registered in the reporting system.

    >>> from datetime import datetime, timedelta
    >>> from ohs_domain import kz
    >>> at = datetime(2023, 5, 4, 9, 30, tzinfo=kz.ALMATY)
    >>> report = SafetyReport(id="R-1", kind=ReportKind.NEAR_MISS, risk=RiskLevel.HIGH,
    ...                       reporter="E-1", department="D-1", reported_at=at)
    >>> report = report.accept(at + timedelta(hours=1)).start_work(at + timedelta(hours=2))
    >>> report.eliminate(at + timedelta(days=1)).status
    <ReportStatus.ELIMINATED: 'eliminated'>

    Attributes:
        id: Unique identifier.
        kind: What the report is about.
        risk: The risk level assessed.
        reporter: The employee who registered it.
        department: The department where the hazard or defect is.
        reported_at: When it was registered (time-zone aware).
        history: The transitions since registration, in order.
    """

    id: ReportId = attrs.field(converter=_checks.to_id, validator=_checks.identifier)
    kind: ReportKind = attrs.field(validator=_checks.member(ReportKind))
    risk: RiskLevel = attrs.field(validator=_checks.member(RiskLevel))
    reporter: EmployeeId = attrs.field(converter=_checks.to_id, validator=_checks.identifier)
    department: DepartmentId = attrs.field(converter=_checks.to_id, validator=_checks.identifier)
    reported_at: datetime = attrs.field(validator=_checks.moment)
    history: tuple[StatusChange, ...] = ()

    @classmethod
    def _of_checked_fields(
        cls,
        *,
        report_id: ReportId,
        kind: ReportKind,
        risk: RiskLevel,
        reporter: EmployeeId,
        department: DepartmentId,
        reported_at: datetime,
        history: tuple[StatusChange, ...],
    ) -> SafetyReport:
        # As StatusChange._of_checked_fields: the fields checked by the caller, the
        # lifecycle (the rule across them) checked here.
        report = object.__new__(cls)
        _SET_ID(report, report_id)
        _SET_KIND(report, kind)
        _SET_RISK(report, risk)
        _SET_REPORTER(report, reporter)
        _SET_DEPARTMENT(report, department)
        _SET_REPORTED_AT(report, reported_at)
        _SET_HISTORY(report, history)
        report.__attrs_post_init__()
        return report

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.history, tuple):
            raise InvalidValueError("history", self.history, "a tuple of StatusChange")
        status, at = ReportStatus.REGISTERED, self.reported_at
        for index, change in enumerate(self.history):
            if not isinstance(change, StatusChange):
                raise InvalidValueError(f"history[{index}]", change, "a StatusChange")
            problem = _transition_problem(status, at, change.status, change.at)
            if problem is not None:
                raise InvalidValueError(f"history[{index}]", change.status, problem)
            status, at = change.status, change.at

    @property
    def status(self) -> ReportStatus:
        """The current status."""
        return self.history[-1].status if self.history else ReportStatus.REGISTERED

    def _changed_at(self, status: ReportStatus) -> datetime | None:
        # A legal history (``_NEXT``) enters each status at most once, in at most three changes.
        for change in self.history:
            if change.status is status:
                return change.at
        return None

    @property
    def accepted_at(self) -> datetime | None:
        """When the report was accepted, if it was."""
        return self._changed_at(ReportStatus.ACCEPTED)

    @property
    def eliminated_at(self) -> datetime | None:
        """When the hazard or defect was eliminated, if it was."""
        return self._changed_at(ReportStatus.ELIMINATED)

    @property
    def rejected_at(self) -> datetime | None:
        """When the report was rejected, if it was."""
        return self._changed_at(ReportStatus.REJECTED)

    @property
    def is_rejected(self) -> bool:
        """Whether the report was rejected."""
        return self.status is ReportStatus.REJECTED

    def _moved(self, status: ReportStatus, at: datetime, reason: str | None = None) -> SafetyReport:
        last = self.history[-1].at if self.history else self.reported_at
        try:
            change = StatusChange(status=status, at=at, reason=reason)
        except InvalidValueError as error:
            subject = message("safety report {id}", id=self.id)
            raise IllegalTransitionError(subject, error.text) from None
        problem = _transition_problem(self.status, last, status, at)
        if problem is not None:
            raise IllegalTransitionError(message("safety report {id}", id=self.id), problem)
        return attrs.evolve(self, history=(*self.history, change))

    @checked
    def accept(self, at: datetime) -> SafetyReport:
        """Accept the report: it describes a real hazard or defect."""
        return self._moved(ReportStatus.ACCEPTED, at)

    @checked
    def start_work(self, at: datetime) -> SafetyReport:
        """Record that work to eliminate the hazard or defect has started."""
        return self._moved(ReportStatus.IN_PROGRESS, at)

    @checked
    def eliminate(self, at: datetime) -> SafetyReport:
        """Record that the hazard or defect was eliminated."""
        return self._moved(ReportStatus.ELIMINATED, at)

    @checked
    def reject(self, at: datetime, reason: str) -> SafetyReport:
        """Reject the report, saying why; a rejected report never scores."""
        return self._moved(ReportStatus.REJECTED, at, reason)


_SET_ID, _SET_KIND, _SET_RISK, _SET_REPORTER, _SET_DEPARTMENT, _SET_REPORTED_AT, _SET_HISTORY = (
    _setters(SafetyReport, "id", "kind", "risk", "reporter", "department", "reported_at", "history")
)


def _transition_problem(
    current: ReportStatus, since: datetime, target: ReportStatus, at: datetime
) -> Message | None:
    if target not in _NEXT[current]:
        allowed = ", ".join(str(s) for s in _NEXT[current])
        return message(
            "a status that may follow {status}: {allowed}",
            status=str(current),
            allowed=allowed or Message("none (final status)"),
        )
    if at < since:
        return message(
            "a transition at or after the previous one ({since}), not {at}",
            since=since.isoformat(),
            at=at.isoformat(),
        )
    return None


_ACCEPTED_SINCE = frozenset(
    {ReportStatus.ACCEPTED, ReportStatus.IN_PROGRESS, ReportStatus.ELIMINATED}
)


@attrs.frozen(field_transformer=typed_fields)
class ReportAsOf:
    """A safety report as it stood at the end of a day (``as_of``), in the company's zone.

    A rule evaluated on a day counts only what was known by the end of it: a
    change dated the next morning in the company's zone had not happened yet.
    [`Records.reports_as_of`][ohs_domain.Records.reports_as_of] gives them; the
    rules decide by the same days.

    Attributes:
        report: The report, with its whole history (later changes included).
        status: Its status at the end of the day.
    """

    report: SafetyReport
    status: ReportStatus

    @classmethod
    def _unchecked(cls, report: SafetyReport, status: ReportStatus) -> ReportAsOf:
        # For ``Records``, whose reports are valid already and which builds thousands per
        # query: the field checks would cost more than the query itself.
        self = object.__new__(cls)
        object.__setattr__(self, "report", report)
        object.__setattr__(self, "status", status)
        return self

    @property
    def is_accepted(self) -> bool:
        """Whether it had been accepted (and maybe worked on or eliminated since)."""
        return self.status in _ACCEPTED_SINCE

    @property
    def is_eliminated(self) -> bool:
        """Whether its hazard or defect had been eliminated."""
        return self.status is ReportStatus.ELIMINATED

    @property
    def is_rejected(self) -> bool:
        """Whether it had been rejected."""
        return self.status is ReportStatus.REJECTED


@attrs.frozen(kw_only=True)
class EliminationDeadlines:
    """Policy: how long after registration an accepted report must be eliminated, by risk.

    Attributes:
        low: Allowed time for low-risk reports.
        medium: Allowed time for medium-risk reports.
        high: Allowed time for high-risk reports.
    """

    low: timedelta = attrs.field(validator=_checks.instance(timedelta))
    medium: timedelta = attrs.field(validator=_checks.instance(timedelta))
    high: timedelta = attrs.field(validator=_checks.instance(timedelta))

    def __attrs_post_init__(self) -> None:
        for name in ("low", "medium", "high"):
            if getattr(self, name) <= timedelta(0):
                raise InvalidValueError(name, getattr(self, name), "a positive duration")
        if not self.high <= self.medium <= self.low:
            raise InvalidValueError(
                "high", self.high, "no more time for higher risk: high <= medium <= low"
            )

    @checked
    def allowed(self, risk: RiskLevel) -> timedelta:
        """The time allowed for a report of ``risk``."""
        return {RiskLevel.LOW: self.low, RiskLevel.MEDIUM: self.medium, RiskLevel.HIGH: self.high}[
            risk
        ]

    @checked
    def deadline(self, report: SafetyReport) -> datetime:
        """The moment by which ``report`` must be eliminated."""
        return report.reported_at + self.allowed(report.risk)
