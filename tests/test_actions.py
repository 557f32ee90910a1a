"""Corrective actions: owner, due date by risk, a guarded lifecycle, and escalation."""

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ohs_domain import (
    ActionDeadlines,
    ActionStatus,
    CorrectiveAction,
    DepartmentId,
    Escalation,
    IllegalTransitionError,
    InvalidValueError,
    RiskLevel,
    SafetyReport,
    Term,
    Violation,
    ViolationId,
    testing,
)
from tests.builders import ACTION_POLICY, at, report

POLICY = ACTION_POLICY


def action(**changes: Any) -> CorrectiveAction:
    fields: dict[str, Any] = {
        "id": "CA-1",
        "report": "R-1",
        "description": "Fit a guard on conveyor 3",
        "owner": "E-7",
        "risk": RiskLevel.MEDIUM,
        "raised_on": date(2024, 3, 1),
        "due_on": date(2024, 3, 11),
    }
    fields.update(changes)
    return CorrectiveAction(**fields)


# -- terms ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "term"),
    [
        pytest.param("P1M", Term(months=1), id="one-month"),
        pytest.param("P10D", Term(days=10), id="ten-days"),
        pytest.param("P1M10D", Term(months=1, days=10), id="month-and-days"),
        pytest.param("P0D", Term(), id="zero"),
    ],
)
def test_a_term_reads_and_writes_iso_8601(text: str, term: Term) -> None:
    assert Term.parse(text) == term
    assert str(term) == text


@pytest.mark.parametrize("text", ["P", "1M", "P1Y", "PT24H", "P-1D", "P1D1M", "P12345M"])
def test_a_term_is_only_months_and_days(text: str) -> None:
    with pytest.raises(InvalidValueError, match="an ISO 8601 duration in months and days"):
        Term.parse(text)


@pytest.mark.parametrize(
    ("changes", "field", "expected"),
    [
        pytest.param({"months": -1}, "months", "a non-negative int", id="negative-months"),
        pytest.param({"days": 36_601}, "days", "at most 36,600", id="a-century-of-days"),
        pytest.param({"months": 1_201}, "months", "at most 1,200", id="a-century-of-months"),
    ],
)
def test_term_validation(changes: dict[str, int], field: str, expected: str) -> None:
    with pytest.raises(InvalidValueError) as caught:
        Term(**changes)
    assert (caught.value.field, caught.value.expected) == (field, expected)


@pytest.mark.parametrize(
    ("term", "day", "later"),
    [
        pytest.param(Term(months=1), date(2024, 1, 31), date(2024, 2, 29), id="leap-february"),
        pytest.param(Term(months=1), date(2023, 1, 31), date(2023, 2, 28), id="short-february"),
        pytest.param(Term(days=10), date(2024, 2, 25), date(2024, 3, 6), id="days-past-leap-day"),
        pytest.param(
            Term(months=1, days=1), date(2024, 1, 31), date(2024, 3, 1), id="months-then-days"
        ),
    ],
)
def test_a_month_is_a_calendar_month(term: Term, day: date, later: date) -> None:
    assert term.after(day) == later


def test_a_term_past_the_last_day_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="before 9999-12-31"):
        Term(days=2).after(date(9999, 12, 30))


# -- the action ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field", "expected"),
    [
        pytest.param(
            {"violation": "V-1"},
            "report",
            "exactly one of report and violation (the action answers one)",
            id="answers-two-things",
        ),
        pytest.param(
            {"report": None},
            "report",
            "exactly one of report and violation (the action answers one)",
            id="answers-nothing",
        ),
        pytest.param(
            {"due_on": date(2024, 2, 29)},
            "due_on",
            "a day on or after raised_on (2024-03-01)",
            id="due-before-raised",
        ),
        pytest.param(
            {"cancel_reason": "duplicate"},
            "closed_on",
            "the day of cancellation when cancel_reason is given",
            id="cancelled-without-a-day",
        ),
        pytest.param(
            {"closed_on": date(2024, 3, 5)},
            "started_on",
            "the day work started: an action is done only once started",
            id="done-without-starting",
        ),
        pytest.param(
            {"started_on": date(2024, 3, 6), "closed_on": date(2024, 3, 5)},
            "closed_on",
            "on or after started_on (2024-03-06)",
            id="done-before-started",
        ),
        pytest.param(
            {"risk": "high"},
            "risk",
            "one of RiskLevel.LOW, RiskLevel.MEDIUM, RiskLevel.HIGH",
            id="risk-as-text",
        ),
    ],
)
def test_action_validation(changes: dict[str, Any], field: str, expected: str) -> None:
    with pytest.raises(InvalidValueError) as caught:
        action(**changes)
    assert (caught.value.field, caught.value.expected) == (field, expected)


def test_open_then_in_progress_then_done() -> None:
    opened = action()
    assert opened.status is ActionStatus.OPEN
    started = opened.start(date(2024, 3, 2))
    assert started.status is ActionStatus.IN_PROGRESS
    done = started.complete(date(2024, 3, 11))
    assert (done.status, done.closed_on, done.is_done_on_time) == (
        ActionStatus.DONE,
        date(2024, 3, 11),
        True,
    )
    assert not started.complete(date(2024, 3, 12)).is_done_on_time


@pytest.mark.parametrize(
    "before",
    [
        pytest.param(action(), id="cancel-an-open-action"),
        pytest.param(action().start(date(2024, 3, 2)), id="cancel-one-in-progress"),
    ],
)
def test_cancelled_with_a_reason_is_never_done_on_time(before: CorrectiveAction) -> None:
    cancelled = before.cancel(date(2024, 3, 3), "the equipment was decommissioned")
    assert cancelled.status is ActionStatus.CANCELLED
    assert cancelled.cancel_reason == "the equipment was decommissioned"
    assert not cancelled.is_done_on_time


@pytest.mark.parametrize(
    ("move", "message"),
    [
        pytest.param(
            lambda a: a.complete(date(2024, 3, 5)),
            "a status that may follow open: in_progress, cancelled",
            id="done-without-starting",
        ),
        pytest.param(
            lambda a: a.start(date(2024, 3, 2)).complete(date(2024, 3, 3)).start(date(2024, 3, 4)),
            "a status that may follow done: none \\(final status\\)",
            id="restart-a-done-action",
        ),
        pytest.param(
            lambda a: a.cancel(date(2024, 3, 2), "x").cancel(date(2024, 3, 3), "y"),
            "a status that may follow cancelled: none",
            id="cancel-twice",
        ),
        pytest.param(
            lambda a: a.start(date(2024, 2, 29)),
            "a day on or after 2024-03-01, not 2024-02-29",
            id="started-before-raised",
        ),
        pytest.param(
            lambda a: a.start(date(2024, 3, 5)).complete(date(2024, 3, 4)),
            "a day on or after 2024-03-05, not 2024-03-04",
            id="done-before-started",
        ),
    ],
)
def test_illegal_transitions_are_errors(move: Any, message: str) -> None:
    with pytest.raises(IllegalTransitionError, match=message) as caught:
        move(action())
    assert caught.value.subject == "corrective action CA-1"


@pytest.mark.parametrize(
    ("day", "is_open"),
    [
        pytest.param(date(2024, 2, 29), False, id="before-raised"),
        pytest.param(date(2024, 3, 1), True, id="raised-that-day"),
        pytest.param(date(2024, 3, 4), True, id="day-before-closing"),
        pytest.param(date(2024, 3, 5), False, id="closed-that-day"),
    ],
)
def test_open_from_raising_until_closing(day: date, is_open: bool) -> None:
    closed = action().start(date(2024, 3, 2)).complete(date(2024, 3, 5))
    assert closed.is_open_on(day) is is_open


# -- the deadline policy -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("risk", "due_on"),
    [
        pytest.param(RiskLevel.LOW, date(2024, 2, 29), id="low-one-month"),
        pytest.param(RiskLevel.MEDIUM, date(2024, 2, 10), id="medium-ten-days"),
        pytest.param(RiskLevel.HIGH, date(2024, 2, 3), id="high-three-days"),
    ],
)
def test_due_date_by_risk(risk: RiskLevel, due_on: date) -> None:
    assert POLICY.due_on(risk, date(2024, 1, 31)) == due_on


def test_a_zero_term_is_refused_in_a_policy() -> None:
    with pytest.raises(InvalidValueError, match="a Term longer than zero") as caught:
        ActionDeadlines(
            low=Term(months=1),
            medium=Term(),
            high=Term(days=1),
            coming_due=Term(days=1),
            escalate_after=Term(days=1),
        )
    assert caught.value.field == "medium"


def test_an_action_for_a_report_takes_its_risk_and_due_date() -> None:
    hazard = report("R-9", "E-1", at(2024, 2, 28), risk=RiskLevel.HIGH)
    planned = CorrectiveAction.for_report(
        hazard,
        id="CA-9",
        description="Close the open cable trench",
        owner="E-7",
        raised_on=date(2024, 2, 28),
        deadlines=POLICY,
    )
    assert (planned.report, planned.risk, planned.due_on) == (
        "R-9",
        RiskLevel.HIGH,
        date(2024, 3, 2),
    )
    with pytest.raises(InvalidValueError, match=r"on or after the report's \(2024-02-28\)"):
        CorrectiveAction.for_report(
            hazard,
            id="CA-9",
            description="x",
            owner="E-7",
            raised_on=date(2024, 2, 27),
            deadlines=POLICY,
        )


def test_an_action_for_a_violation_is_due_by_the_risk_given() -> None:
    found = Violation(
        id=ViolationId("V-1"),
        found_on=date(2024, 4, 2),
        department=DepartmentId("D-1"),
        category="work at height",
    )
    planned = CorrectiveAction.for_violation(
        found,
        id="CA-2",
        description="Replace the harness",
        owner="E-7",
        risk=RiskLevel.LOW,
        raised_on=date(2024, 4, 3),
        deadlines=POLICY,
    )
    assert (planned.violation, planned.due_on) == ("V-1", date(2024, 5, 3))
    with pytest.raises(InvalidValueError, match=r"on or after the violation's \(2024-04-02\)"):
        CorrectiveAction.for_violation(
            found,
            id="CA-2",
            description="x",
            owner="E-7",
            risk=RiskLevel.LOW,
            raised_on=date(2024, 4, 1),
            deadlines=POLICY,
        )


# -- escalation ----------------------------------------------------------------------------------

# Raised 2024-03-01, due 2024-03-11; coming due 2 days before, escalated 14 days after.


@pytest.mark.parametrize(
    ("as_of", "level"),
    [
        pytest.param(date(2024, 2, 20), Escalation.NONE, id="before-it-was-raised"),
        pytest.param(date(2024, 3, 8), Escalation.NONE, id="three-days-before-due"),
        pytest.param(date(2024, 3, 9), Escalation.COMING_DUE, id="two-days-before-due"),
        pytest.param(date(2024, 3, 11), Escalation.COMING_DUE, id="on-the-due-date"),
        pytest.param(date(2024, 3, 12), Escalation.OVERDUE, id="a-day-late"),
        pytest.param(date(2024, 3, 25), Escalation.OVERDUE, id="fourteen-days-late"),
        pytest.param(date(2024, 3, 26), Escalation.ESCALATED, id="fifteen-days-late"),
    ],
)
def test_escalation_of_an_open_action(as_of: date, level: Escalation) -> None:
    assert POLICY.escalation(action(), as_of) is level


@pytest.mark.parametrize(
    ("closed_on", "level"),
    [
        pytest.param(date(2024, 3, 1), Escalation.NONE, id="closed-the-day-it-was-raised"),
        pytest.param(date(2024, 3, 5), Escalation.NONE, id="closed-early"),
        pytest.param(date(2024, 3, 11), Escalation.COMING_DUE, id="closed-on-the-due-date"),
        pytest.param(date(2024, 3, 20), Escalation.OVERDUE, id="closed-late"),
    ],
)
def test_closing_freezes_the_level_reached(closed_on: date, level: Escalation) -> None:
    closed = action().start(date(2024, 3, 1)).complete(closed_on)
    assert POLICY.escalation(closed, date(2025, 1, 1)) is level


def test_levels_are_ordered() -> None:
    assert [e.level for e in Escalation] == [0, 1, 2, 3]


def test_no_second_threshold_past_the_last_day() -> None:
    late = action(raised_on=date(9999, 12, 1), due_on=date(9999, 12, 20))
    assert POLICY.escalation(late, date(9999, 12, 31)) is Escalation.OVERDUE
    near = action(raised_on=date(9999, 12, 1), due_on=date(9999, 12, 30))
    assert POLICY.escalation(near, date(9999, 12, 30)) is Escalation.COMING_DUE


@given(
    testing.corrective_actions(),
    testing.action_deadlines(),
    st.lists(testing.dates(), min_size=2, max_size=5),
)
def test_escalation_never_decreases_as_as_of_moves_forward(
    planned: CorrectiveAction, policy: ActionDeadlines, days: list[date]
) -> None:
    levels = [policy.escalation(planned, day).level for day in sorted(days)]
    assert levels == sorted(levels)


@given(
    testing.safety_reports(),
    testing.action_deadlines(),
    st.integers(min_value=0, max_value=90),
)
def test_a_due_date_never_comes_before_its_report(
    hazard: SafetyReport, policy: ActionDeadlines, wait: int
) -> None:
    raised_on = hazard.reported_at.date() + timedelta(days=wait)
    planned = CorrectiveAction.for_report(
        hazard, id="CA-1", description="Fix it", owner="E-1", raised_on=raised_on, deadlines=policy
    )
    assert planned.due_on >= planned.raised_on >= hazard.reported_at.date()


def test_an_illegal_transition_of_an_action_reads_in_russian() -> None:
    with pytest.raises(IllegalTransitionError) as caught:
        action().start(date(2024, 2, 29))
    assert str(caught.value).endswith("a day on or after 2024-03-01, not 2024-02-29")
    assert caught.value.render("ru").endswith(": день не раньше 01.03.2024, а не 29.02.2024")
    assert caught.value.render("ru").startswith("корректирующее действие ")
