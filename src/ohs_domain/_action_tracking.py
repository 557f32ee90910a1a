"""Tracking corrective actions: closed on time, and who is late with what.

[`action_tracking`][ohs_domain.action_tracking] looks at the corrective actions
due in a period up to ``as_of``: the share completed on or before their due
date (cancelled actions are left out of the base: nothing was to be done), and
the actions still open past their due date on ``as_of``, each with its
escalation level, counted by owner and by department (the department of the
report or violation the action answers).
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

import attrs

from ohs_domain import _i18n, _rows
from ohs_domain._actions import ActionDeadlines, ActionId, ActionStatus, Escalation
from ohs_domain._arguments import checked, typed_fields
from ohs_domain._errors import InvalidValueError
from ohs_domain._explain import Explanation, Step
from ohs_domain._i18n import N_, Language, message
from ohs_domain._measures import Share, Tally, tallied
from ohs_domain._periods import DateRange, Period, as_range
from ohs_domain._records import Records
from ohs_domain._workforce import DepartmentId, EmployeeId

__all__ = ["ActionTracking", "OverdueAction", "action_tracking"]


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class OverdueAction:
    """An action still open past its due date.

    Attributes:
        action: The action.
        owner: Its owner.
        department: The department of what it answers.
        due_on: Its due date.
        days_overdue: Days from the due date to ``as_of``.
        escalation: Its escalation level on ``as_of``.
    """

    action: ActionId
    owner: EmployeeId
    department: DepartmentId
    due_on: date
    days_overdue: int
    escalation: Escalation


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ActionTracking:
    """Corrective actions due in a period: on time, and overdue by owner and department.

    Attributes:
        period: The days whose due dates are counted.
        as_of: The day the actions' states are taken.
        due: Actions due in the period on or before ``as_of``, cancelled ones included.
        closed_on_time: Of those not cancelled, the ones completed by their due date.
        overdue: Those still open on ``as_of``, most overdue first (then by id).
        overdue_by_owner: How many overdue actions each owner has, most first.
        overdue_by_department: How many each department has, most first.
        explanation: How the result was reached.
    """

    COLUMNS: ClassVar[tuple[str, ...]] = (
        "action",
        "owner",
        "department",
        "due_on",
        "days_overdue",
        "escalation",
    )

    period: DateRange
    as_of: date
    due: int
    closed_on_time: Share
    overdue: tuple[OverdueAction, ...]
    overdue_by_owner: tuple[Tally, ...]
    overdue_by_department: tuple[Tally, ...]
    explanation: Explanation

    def __str__(self) -> str:
        return self.render("en")

    @checked
    def render(self, lang: Language = "en") -> str:
        """The summary in ``lang``: the share on time and the overdue counts."""

        def counts(tallies: tuple[Tally, ...]) -> str:
            shown = ", ".join(f"{t.name}: {_i18n.number(t.count, lang)}" for t in tallies)
            return shown or _i18n.text(lang, "none")

        return "\n".join(
            (
                _i18n.text(
                    lang,
                    "corrective actions due in {period}: closed on time {share}",
                    period=self.period.render(lang),
                    share=self.closed_on_time.render(lang),
                ),
                "  "
                + _i18n.text(
                    lang,
                    "overdue on {date}: {count}",
                    date=_i18n.day(self.as_of, lang),
                    count=_i18n.number(len(self.overdue), lang),
                ),
                "  " + _i18n.text(lang, "by owner: {counts}", counts=counts(self.overdue_by_owner)),
                "  "
                + _i18n.text(
                    lang, "by department: {counts}", counts=counts(self.overdue_by_department)
                ),
            )
        )

    def rows(self) -> tuple[_rows.Row, ...]:
        """One row per overdue action, most overdue first.

        Columns: ``action``; ``owner``; ``department``; ``due_on`` (ISO date);
        ``days_overdue``; ``escalation`` (``"overdue"`` or ``"escalated"``).
        """
        return tuple(
            {
                "action": late.action,
                "owner": late.owner,
                "department": late.department,
                "due_on": late.due_on.isoformat(),
                "days_overdue": late.days_overdue,
                "escalation": str(late.escalation),
            }
            for late in self.overdue
        )


@checked
def action_tracking(
    records: Records, *, period: Period, as_of: date, deadlines: ActionDeadlines
) -> ActionTracking:
    """Corrective actions due in ``period`` up to ``as_of``: closed on time and overdue.

    Raises:
        InvalidValueError: If ``as_of`` is before the period.
    """
    days = as_range(period)
    if as_of < days.start:
        raise InvalidValueError(
            "as_of", as_of, f"a day on or after the period's start ({days.start})"
        )
    due = [a for a in records.corrective_actions if a.due_on in days and a.due_on <= as_of]
    # Raised on or before the due date, so not open on as_of means closed by then.
    cancelled = [a for a in due if a.status is ActionStatus.CANCELLED and not a.is_open_on(as_of)]
    counted = [a for a in due if a not in cancelled]
    on_time = sum(1 for a in counted if a.is_done_on_time)
    overdue = sorted(
        (
            OverdueAction(
                action=a.id,
                owner=a.owner,
                department=records.subject_of(a).department,
                due_on=a.due_on,
                days_overdue=(as_of - a.due_on).days,
                escalation=deadlines.escalation(a, as_of),
            )
            for a in counted
            if a.is_open_on(as_of) and a.due_on < as_of
        ),
        key=lambda late: (-late.days_overdue, late.action),
    )
    share = Share(on_time, len(counted))
    explanation = Explanation(
        (
            Step.of(
                description=message(
                    "corrective actions due in {period} by {day}", period=days, day=as_of
                ),
                result=len(due),
            ),
            Step(description=N_("cancelled by then, left out"), result=len(cancelled)),
            Step(description=N_("completed by their due date"), result=share),
            Step.of(
                description=message("still open past their due date on {day}", day=as_of),
                result=len(overdue),
            ),
        )
    )
    return ActionTracking(
        period=days,
        as_of=as_of,
        due=len(due),
        closed_on_time=share,
        overdue=tuple(overdue),
        overdue_by_owner=tallied(late.owner for late in overdue),
        overdue_by_department=tallied(late.department for late in overdue),
        explanation=explanation,
    )
