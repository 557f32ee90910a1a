"""Tracking corrective actions: the share closed on time, and who is late with what."""

from datetime import date, timedelta
from typing import Any

import pytest

from ohs_domain import (
    ActionId,
    CorrectiveAction,
    Escalation,
    InvalidValueError,
    Records,
    RiskLevel,
    Share,
    Tally,
    Year,
    action_tracking,
)
from tests.builders import ACTION_POLICY, at, employee, records, report

POLICY = ACTION_POLICY
YEAR = Year(2023)
END = YEAR.last_day


def action(number: int, owner: str, **fields: Any) -> CorrectiveAction:
    """Raised on 2023-11-01 on R-<number>, due 2023-11-11 unless ``fields`` differ."""
    values: dict[str, Any] = {
        "report": f"R-{number}",
        "description": "Fix it",
        "owner": owner,
        "risk": RiskLevel.MEDIUM,
        "raised_on": date(2023, 11, 1),
        "due_on": date(2023, 11, 11),
    }
    values.update(fields)
    return CorrectiveAction(id=ActionId(f"CA-{number}"), **values)


def company(*actions: CorrectiveAction) -> Records:
    """E-1 in D-1 and E-2 in D-2 report R-1..R-6 on 2023-11-01; the actions answer them."""
    staff = [employee("E-1"), employee("E-2", department="D-2")]
    reports = [
        report(
            f"R-{n}",
            "E-1" if n % 2 else "E-2",
            at(2023, 11, 1),
            department="D-1" if n % 2 else "D-2",
        )
        for n in range(1, 7)
    ]
    return records(employees=staff, reports=reports, corrective_actions=list(actions))


def started(number: int, owner: str, **fields: Any) -> CorrectiveAction:
    return action(number, owner, **fields).start(date(2023, 11, 2))


def test_on_time_late_open_and_cancelled_by_hand() -> None:
    # Due 2023-11-11: CA-1 done on the day (on time), CA-2 done a day late, CA-3 open
    # (overdue 50 days on 12-31: escalated), CA-4 cancelled (left out), CA-5 due in 2024.
    tracked = action_tracking(
        company(
            started(1, "E-1").complete(date(2023, 11, 11)),
            started(2, "E-2").complete(date(2023, 11, 12)),
            started(3, "E-1"),
            action(4, "E-2").cancel(date(2023, 11, 5), "duplicate"),
            action(5, "E-1", due_on=date(2024, 1, 10)),
        ),
        period=YEAR,
        as_of=END,
        deadlines=POLICY,
    )
    assert tracked.due == 4
    assert tracked.closed_on_time == Share(1, 3)
    assert [o.action for o in tracked.overdue] == ["CA-3"]
    late = tracked.overdue[0]
    assert (late.owner, late.department, late.days_overdue) == ("E-1", "D-1", 50)
    assert late.escalation is Escalation.ESCALATED
    assert tracked.overdue_by_owner == (Tally("E-1", 1),)
    assert tracked.overdue_by_department == (Tally("D-1", 1),)


def test_overdue_by_owner_and_department_most_first() -> None:
    tracked = action_tracking(
        company(action(1, "E-1"), action(3, "E-1"), action(2, "E-2", due_on=date(2023, 12, 30))),
        period=YEAR,
        as_of=END,
        deadlines=POLICY,
    )
    assert [o.action for o in tracked.overdue] == ["CA-1", "CA-3", "CA-2"]
    assert tracked.overdue_by_owner == (Tally("E-1", 2), Tally("E-2", 1))
    assert tracked.overdue_by_department == (Tally("D-1", 2), Tally("D-2", 1))
    assert tracked.overdue[2].escalation is Escalation.OVERDUE
    rows = tracked.rows()
    assert rows[0] == {
        "action": "CA-1",
        "owner": "E-1",
        "department": "D-1",
        "due_on": "2023-11-11",
        "days_overdue": 50,
        "escalation": "escalated",
    }
    assert set(rows[0]) == set(tracked.COLUMNS)


def test_nothing_due_is_undefined_not_zero() -> None:
    tracked = action_tracking(company(), period=YEAR, as_of=END, deadlines=POLICY)
    assert tracked.closed_on_time.value is None
    assert str(tracked).splitlines() == [
        "corrective actions due in [2023-01-01, 2024-01-01): closed on time 0 of 0 (undefined)",
        "  overdue on 2023-12-31: 0",
        "  by owner: none",
        "  by department: none",
    ]


def test_states_are_taken_on_as_of() -> None:
    done_late = started(1, "E-1").complete(date(2023, 11, 20))
    before = action_tracking(
        company(done_late), period=YEAR, as_of=date(2023, 11, 15), deadlines=POLICY
    )
    assert [o.days_overdue for o in before.overdue] == [4]
    after = action_tracking(company(done_late), period=YEAR, as_of=END, deadlines=POLICY)
    assert (after.overdue, after.closed_on_time) == ((), Share(0, 1))


def test_as_of_before_the_period_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="on or after the period's start"):
        action_tracking(company(), period=YEAR, as_of=date(2022, 12, 31), deadlines=POLICY)


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_rendered_in_russian_and_kazakh(lang: str) -> None:
    text = action_tracking(company(action(1, "E-1")), period=YEAR, as_of=END, deadlines=POLICY)
    shown = text.render(lang)  # type: ignore[arg-type]
    assert "E-1: 1" in shown
    assert "overdue" not in shown
    assert "31.12.2023" in shown
    assert text.explanation.steps[0].result == 1
    assert date(2023, 11, 11) + timedelta(days=50) == END


def test_the_explanation_reads_in_russian_and_its_english_is_unchanged() -> None:
    found = action_tracking(company(action(1, "E-1")), period=YEAR, as_of=END, deadlines=POLICY)
    assert [step.description for step in found.explanation.steps] == [
        "corrective actions due in [2023-01-01, 2024-01-01) by 2023-12-31",
        "cancelled by then, left out",
        "completed by their due date",
        "still open past their due date on 2023-12-31",
    ]
    lines = found.explanation.render("ru").splitlines()
    assert lines[0] == (
        "1. корректирующие действия со сроком в [01.01.2023, 01.01.2024), наступившим к "
        "31.12.2023: 1"
    )
    assert lines[3] == "4. не выполнены и просрочены на 31.12.2023: 1"
    assert found.render("kk").startswith("мерзімі [01.01.2023, 01.01.2024) түзету әрекеттері")
