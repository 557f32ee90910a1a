"""Corrective actions (ISO 45001:2018, 10.2): who fixes what, by when, and how late it is.

A [`CorrectiveAction`][ohs_domain.CorrectiveAction] answers a safety report or
a technical inspector's violation. It has an owner (an employee), a due date
set by a deadline policy from the risk level, and a guarded lifecycle:
``OPEN → IN_PROGRESS → DONE``, or ``CANCELLED`` (with a reason) from either open
status. [`ActionDeadlines`][ohs_domain.ActionDeadlines] is that policy, as data:
terms stated in months and days ([`Term`][ohs_domain.Term], ``"P1M"``,
``"P10D"``), and the thresholds of escalation. Escalation is pure: computed
from an ``as_of`` day, it never decreases as ``as_of`` moves forward (a closed
action keeps the level it reached while open).

Due dates, escalation and "a report cannot close while it has open actions"
are company policy, not law: the demo's values are examples.
"""

from __future__ import annotations

import enum
import re
from datetime import date, timedelta
from typing import NewType

import attrs
from dateutil.relativedelta import relativedelta

from ohs_domain import _checks
from ohs_domain._arguments import checked
from ohs_domain._errors import IllegalTransitionError, InvalidValueError
from ohs_domain._i18n import Message, message
from ohs_domain._inspection import Violation, ViolationId
from ohs_domain._reporting import ReportId, RiskLevel, SafetyReport
from ohs_domain._workforce import EmployeeId

__all__ = [
    "ActionDeadlines",
    "ActionId",
    "ActionStatus",
    "CorrectiveAction",
    "Escalation",
    "Term",
]

ActionId = NewType("ActionId", str)
"""Identifier of a [`CorrectiveAction`][ohs_domain.CorrectiveAction]."""

_TERM = re.compile(r"P(?:(\d{1,4})M)?(?:(\d{1,5})D)?", re.ASCII)
_MAX_MONTHS, _MAX_DAYS = 1_200, 36_600


def _bounded(limit: int) -> _checks.Validator:
    def check(_instance: object, attribute: attrs.Attribute[int], value: object) -> None:
        _checks.count(_instance, attribute, value)
        if value > limit:  # type: ignore[operator]  # count checked it is an int
            raise InvalidValueError(attribute.name, value, message("at most {limit}", limit=limit))

    return check


@attrs.frozen
class Term:
    """A length of time stated as a policy states it: months and days.

    A month is a calendar month (``dateutil.relativedelta``): one month after
    31 January is the last day of February.

    >>> Term.parse("P1M")
    Term(months=1, days=0)
    >>> Term(months=1).after(date(2024, 1, 31))
    datetime.date(2024, 2, 29)
    >>> str(Term(days=10))
    'P10D'

    Attributes:
        months: Whole calendar months.
        days: Days after the months.
    """

    months: int = attrs.field(default=0, validator=_bounded(_MAX_MONTHS))
    days: int = attrs.field(default=0, validator=_bounded(_MAX_DAYS))

    @classmethod
    @checked
    def parse(cls, text: str) -> Term:
        """The term an ISO 8601 duration of months and days states: ``"P1M"``, ``"P1M10D"``.

        Raises:
            InvalidValueError: If ``text`` is not such a duration.
        """
        match = _TERM.fullmatch(text)
        if match is None or text == "P":
            raise InvalidValueError(
                "text", text, 'an ISO 8601 duration in months and days, e.g. "P1M", "P10D"'
            )
        months, days = (int(part or 0) for part in match.groups())
        return cls(months=months, days=days)

    def __str__(self) -> str:
        months = f"{self.months}M" if self.months else ""
        days = f"{self.days}D" if self.days or not self.months else ""
        return f"P{months}{days}"

    @checked
    def after(self, day: date) -> date:
        """The day this term after ``day``.

        Raises:
            InvalidValueError: If that day is past the last representable one.
        """
        later = self._after(day)
        if later is None:
            raise InvalidValueError("day", day, f"a day {self} before {date.max} or earlier")
        return later

    def _after(self, day: date) -> date | None:
        try:
            return day + relativedelta(months=self.months, days=self.days)
        except (OverflowError, ValueError):  # past year 9999
            return None


class ActionStatus(enum.StrEnum):
    """Where a corrective action is in its lifecycle."""

    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


class Escalation(enum.StrEnum):
    """How urgent an action is on a day, lowest first; compare by `level`."""

    NONE = "none"
    COMING_DUE = "coming_due"
    OVERDUE = "overdue"
    ESCALATED = "escalated"

    @property
    def level(self) -> int:
        """0 for none, 1 coming due, 2 overdue, 3 overdue past the second threshold."""
        return list(Escalation).index(self)


@attrs.frozen(kw_only=True)
class CorrectiveAction:
    """An action that removes the cause of a reported hazard or of a violation.

    Exactly one of ``report`` and ``violation`` is given. ``closed_on`` closes
    the action: done, or cancelled when ``cancel_reason`` says why.

    >>> action = CorrectiveAction(
    ...     id="CA-1", report="R-1", description="Fit a guard on conveyor 3",
    ...     owner="E-7", risk=RiskLevel.HIGH, raised_on=date(2024, 2, 27),
    ...     due_on=date(2024, 3, 5))
    >>> action.start(date(2024, 2, 28)).complete(date(2024, 3, 4)).status
    <ActionStatus.DONE: 'done'>

    Attributes:
        id: Unique identifier.
        report: The safety report it answers, if it answers one.
        violation: The violation it answers, if it answers one.
        description: What is to be done.
        owner: The employee responsible for it.
        risk: The risk level that set its due date.
        raised_on: The day it was decided.
        due_on: The last day to complete it.
        started_on: The day work on it started, if it has.
        closed_on: The day it was completed or cancelled, if it was.
        cancel_reason: Why it was cancelled; ``None`` unless it was.
    """

    id: ActionId = attrs.field(validator=_checks.identifier)
    report: ReportId | None = attrs.field(
        default=None, validator=_checks.optional(_checks.identifier)
    )
    violation: ViolationId | None = attrs.field(
        default=None, validator=_checks.optional(_checks.identifier)
    )
    description: str = attrs.field(validator=_checks.text)
    owner: EmployeeId = attrs.field(validator=_checks.identifier)
    risk: RiskLevel = attrs.field(validator=_checks.member(RiskLevel))
    raised_on: date = attrs.field(validator=_checks.day)
    due_on: date = attrs.field(validator=[_checks.day, _checks.not_before("raised_on")])
    started_on: date | None = attrs.field(
        default=None, validator=[_checks.optional(_checks.day), _checks.not_before("raised_on")]
    )
    closed_on: date | None = attrs.field(
        default=None, validator=[_checks.optional(_checks.day), _checks.not_before("raised_on")]
    )
    cancel_reason: str | None = attrs.field(default=None, validator=_checks.optional(_checks.text))

    def __attrs_post_init__(self) -> None:
        if (self.report is None) == (self.violation is None):
            raise InvalidValueError(
                "report",
                self.report,
                "exactly one of report and violation (the action answers one)",
            )
        if self.cancel_reason is not None and self.closed_on is None:
            raise InvalidValueError(
                "closed_on", None, "the day of cancellation when cancel_reason is given"
            )
        if self.cancel_reason is None and self.closed_on is not None:
            if self.started_on is None:
                raise InvalidValueError(
                    "started_on", None, "the day work started: an action is done only once started"
                )
            if self.closed_on < self.started_on:
                raise InvalidValueError(
                    "closed_on",
                    self.closed_on,
                    message("on or after started_on ({day})", day=self.started_on),
                )

    @classmethod
    @checked
    def for_report(
        cls,
        report: SafetyReport,
        *,
        id: str,  # noqa: A002 - the field's name
        description: str,
        owner: str,
        raised_on: date,
        deadlines: ActionDeadlines,
    ) -> CorrectiveAction:
        """An open action answering ``report``, due as ``deadlines`` set for its risk.

        Raises:
            InvalidValueError: If ``raised_on`` is before the day of the report
                (in the report's own offset; [`Records`][ohs_domain.Records] checks
                it in the company's zone).
        """
        reported = report.reported_at.date()
        if raised_on < reported:
            raise InvalidValueError(
                "raised_on", raised_on, f"a day on or after the report's ({reported})"
            )
        return cls(
            id=ActionId(id),
            report=report.id,
            description=description,
            owner=EmployeeId(owner),
            risk=report.risk,
            raised_on=raised_on,
            due_on=deadlines.due_on(report.risk, raised_on),
        )

    @classmethod
    @checked
    def for_violation(
        cls,
        violation: Violation,
        *,
        id: str,  # noqa: A002 - the field's name
        description: str,
        owner: str,
        risk: RiskLevel,
        raised_on: date,
        deadlines: ActionDeadlines,
    ) -> CorrectiveAction:
        """An open action answering ``violation``, due as ``deadlines`` set for ``risk``.

        Raises:
            InvalidValueError: If ``raised_on`` is before the violation was found.
        """
        if raised_on < violation.found_on:
            raise InvalidValueError(
                "raised_on", raised_on, f"a day on or after the violation's ({violation.found_on})"
            )
        return cls(
            id=ActionId(id),
            violation=violation.id,
            description=description,
            owner=EmployeeId(owner),
            risk=risk,
            raised_on=raised_on,
            due_on=deadlines.due_on(risk, raised_on),
        )

    @property
    def status(self) -> ActionStatus:
        """The current status."""
        if self.closed_on is not None:
            return ActionStatus.DONE if self.cancel_reason is None else ActionStatus.CANCELLED
        return ActionStatus.OPEN if self.started_on is None else ActionStatus.IN_PROGRESS

    @checked
    def is_open_on(self, day: date) -> bool:
        """Whether the action was raised and not yet closed on ``day`` (closed that day: no)."""
        return self.raised_on <= day and (self.closed_on is None or day < self.closed_on)

    @property
    def is_done_on_time(self) -> bool:
        """Whether the action was completed (not cancelled) on or before its due date."""
        return (
            self.status is ActionStatus.DONE
            and self.closed_on is not None
            and (self.closed_on <= self.due_on)
        )

    def _moved(self, status: ActionStatus, on: date, **changes: object) -> CorrectiveAction:
        allowed = _NEXT[self.status]
        if status not in allowed:
            shown = ", ".join(str(s) for s in allowed)
            raise IllegalTransitionError(
                message("corrective action {id}", id=self.id),
                message(
                    "a status that may follow {status}: {allowed}",
                    status=str(self.status),
                    allowed=shown or Message("none (final status)"),
                ),
            )
        since = self.started_on or self.raised_on
        if on < since:
            raise IllegalTransitionError(
                message("corrective action {id}", id=self.id),
                message("a day on or after {since}, not {on}", since=since, on=on),
            )
        return attrs.evolve(self, **changes)  # type: ignore[arg-type]

    @checked
    def start(self, on: date) -> CorrectiveAction:
        """Record that work on the action started on ``on``."""
        return self._moved(ActionStatus.IN_PROGRESS, on, started_on=on)

    @checked
    def complete(self, on: date) -> CorrectiveAction:
        """Record that the action was completed on ``on``."""
        return self._moved(ActionStatus.DONE, on, closed_on=on)

    @checked
    def cancel(self, on: date, reason: str) -> CorrectiveAction:
        """Cancel the action on ``on``, saying why."""
        return self._moved(ActionStatus.CANCELLED, on, closed_on=on, cancel_reason=reason)


_NEXT: dict[ActionStatus, tuple[ActionStatus, ...]] = {
    ActionStatus.OPEN: (ActionStatus.IN_PROGRESS, ActionStatus.CANCELLED),
    ActionStatus.IN_PROGRESS: (ActionStatus.DONE, ActionStatus.CANCELLED),
    ActionStatus.DONE: (),
    ActionStatus.CANCELLED: (),
}


def _positive(_instance: object, attribute: attrs.Attribute[Term], value: object) -> None:
    if not isinstance(value, Term) or value == Term():
        raise InvalidValueError(
            attribute.name, value, 'a Term longer than zero, e.g. Term.parse("P10D")'
        )


@attrs.frozen(kw_only=True)
class ActionDeadlines:
    """Policy: when a corrective action is due, by risk, and when it escalates.

    >>> policy = ActionDeadlines(low=Term(months=1), medium=Term(days=10), high=Term(days=3),
    ...                          coming_due=Term(days=2), escalate_after=Term(days=14))
    >>> policy.due_on(RiskLevel.LOW, date(2024, 1, 31))
    datetime.date(2024, 2, 29)

    Attributes:
        low: Time allowed for a low-risk action.
        medium: Time allowed for a medium-risk action.
        high: Time allowed for a high-risk action.
        coming_due: How long before its due date an open action is coming due.
        escalate_after: How long after its due date an open action escalates
            (the second threshold).
    """

    low: Term = attrs.field(validator=_positive)
    medium: Term = attrs.field(validator=_positive)
    high: Term = attrs.field(validator=_positive)
    coming_due: Term = attrs.field(validator=_positive)
    escalate_after: Term = attrs.field(validator=_positive)

    @checked
    def allowed(self, risk: RiskLevel) -> Term:
        """The time allowed for an action of ``risk``."""
        return {RiskLevel.LOW: self.low, RiskLevel.MEDIUM: self.medium, RiskLevel.HIGH: self.high}[
            risk
        ]

    @checked
    def due_on(self, risk: RiskLevel, raised_on: date) -> date:
        """The due date of an action of ``risk`` raised on ``raised_on``."""
        return self.allowed(risk).after(raised_on)

    @checked
    def escalation(self, action: CorrectiveAction, as_of: date) -> Escalation:
        """How urgent ``action`` is on ``as_of``.

        Counted on the last day the action was open up to ``as_of``, so that
        closing it freezes the level it reached: the level never decreases as
        ``as_of`` moves forward. Coming due from ``coming_due`` before the due
        date; overdue after it; escalated after ``escalate_after`` past it.
        """
        closed = action.closed_on
        if as_of < action.raised_on or (closed is not None and closed <= action.raised_on):
            return Escalation.NONE
        last = as_of if closed is None else min(as_of, closed - _DAY)
        second = self.escalate_after._after(action.due_on)
        if second is not None and last > second:
            return Escalation.ESCALATED
        if last > action.due_on:
            return Escalation.OVERDUE
        warned = self.coming_due._after(last)
        if warned is None or warned >= action.due_on:
            return Escalation.COMING_DUE
        return Escalation.NONE


_DAY = timedelta(days=1)
