"""Elimination deadlines are refused with the offending duration named."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from ohs_domain import (
    DepartmentId,
    EliminationDeadlines,
    EmployeeId,
    InvalidValueError,
    ReportId,
    ReportKind,
    ReportStatus,
    RiskLevel,
    SafetyReport,
    StatusChange,
    kz,
)

DAY = timedelta(days=1)
AT = datetime(2023, 5, 4, 9, 30, tzinfo=kz.ALMATY)


@pytest.mark.parametrize("name", ["low", "medium", "high"])
def test_a_deadline_that_is_not_positive_is_named_with_its_value(name: str) -> None:
    durations = {"low": 3 * DAY, "medium": 2 * DAY, "high": DAY, name: timedelta(0)}
    with pytest.raises(InvalidValueError) as info:
        EliminationDeadlines(**durations)
    error = info.value
    assert (error.field, error.value, error.expected) == (name, timedelta(0), "a positive duration")


def test_more_time_for_higher_risk_is_refused_on_high() -> None:
    with pytest.raises(InvalidValueError) as info:
        EliminationDeadlines(low=2 * DAY, medium=DAY, high=3 * DAY)
    error = info.value
    assert (error.field, error.value) == ("high", 3 * DAY)
    assert error.expected == "no more time for higher risk: high <= medium <= low"


def test_registration_is_not_a_status_change() -> None:
    with pytest.raises(InvalidValueError) as info:
        StatusChange(status=ReportStatus.REGISTERED, at=AT)
    error = info.value
    assert (error.field, error.value) == ("status", ReportStatus.REGISTERED)
    assert error.expected == "a status after registration (registration is reported_at)"


@pytest.mark.parametrize(
    ("status", "reason", "expected"),
    [
        (ReportStatus.REJECTED, None, "a reason for status rejected"),
        (ReportStatus.ACCEPTED, "looks fine", "no reason for status accepted"),
    ],
    ids=["rejection-without-reason", "acceptance-with-reason"],
)
def test_only_a_rejection_has_a_reason(
    status: ReportStatus, reason: str | None, expected: str
) -> None:
    with pytest.raises(InvalidValueError) as info:
        StatusChange(status=status, at=AT, reason=reason)
    error = info.value
    assert (error.field, error.value, error.expected) == ("reason", reason, expected)


def report_with(history: object) -> SafetyReport:
    return SafetyReport(
        id=ReportId("R-1"),
        kind=ReportKind.NEAR_MISS,
        risk=RiskLevel.HIGH,
        reporter=EmployeeId("E-1"),
        department=DepartmentId("D-1"),
        reported_at=AT,
        history=history,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("history", "field", "bad", "expected"),
    [
        pytest.param(
            [StatusChange(status=ReportStatus.ACCEPTED, at=AT)],
            "history",
            [StatusChange(status=ReportStatus.ACCEPTED, at=AT)],
            "a tuple of StatusChange",
            id="a-list",
        ),
        pytest.param((AT,), "history[0]", AT, "a StatusChange", id="a-moment"),
        pytest.param(
            (StatusChange(status=ReportStatus.ELIMINATED, at=AT),),
            "history[0]",
            ReportStatus.ELIMINATED,
            "a status that may follow registered: accepted, rejected",
            id="eliminated-before-accepted",
        ),
        pytest.param(
            (StatusChange(status=ReportStatus.ACCEPTED, at=AT - timedelta(hours=1)),),
            "history[0]",
            ReportStatus.ACCEPTED,
            "a transition at or after the previous one (2023-05-04T09:30:00+06:00), "
            "not 2023-05-04T08:30:00+06:00",
            id="accepted-before-registered",
        ),
    ],
)
def test_a_history_that_cannot_have_happened_is_named_by_its_step(
    history: object, field: str, bad: object, expected: str
) -> None:
    with pytest.raises(InvalidValueError) as info:
        report_with(history)
    error = info.value
    assert (error.field, error.value, error.expected) == (field, bad, expected)
