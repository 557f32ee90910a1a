"""Work injuries, their severity classes, and the hours worked that rates are measured against."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from ohs_domain import (
    DepartmentId,
    HoursWorked,
    InjurySeverity,
    InvalidValueError,
    Month,
    WorkerRelation,
    WorkInjury,
)
from tests.builders import assert_invalid

D = date


# --- Injuries and hours --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("severity", "lost_time", "recordable", "dart"),
    [
        pytest.param(InjurySeverity.FATAL, True, True, False, id="fatal"),
        pytest.param(InjurySeverity.SEVERE, True, True, True, id="severe"),
        pytest.param(InjurySeverity.LOST_TIME, True, True, True, id="lost-time"),
        pytest.param(InjurySeverity.RESTRICTED_WORK, False, True, True, id="restricted-work"),
        pytest.param(InjurySeverity.MEDICAL_TREATMENT, False, True, False, id="medical-treatment"),
        pytest.param(InjurySeverity.FIRST_AID, False, False, False, id="first-aid"),
    ],
)
def test_injury_severity_classes(
    severity: InjurySeverity, lost_time: bool, recordable: bool, dart: bool
) -> None:
    assert (severity.is_lost_time, severity.is_recordable, severity.is_dart) == (
        lost_time,
        recordable,
        dart,
    )


def injury(**changes: Any) -> WorkInjury:
    fields: dict[str, Any] = {
        "id": "INJ-1",
        "occurred_on": D(2023, 6, 1),
        "employee": "E-1",
        "department": "D-1",
        "severity": InjurySeverity.LOST_TIME,
    }
    fields.update(changes)
    return WorkInjury(**fields)


def test_an_injury_loses_no_day_unless_told() -> None:
    assert injury().days_lost == 0


def test_an_injury_is_an_employees_recoverable_one_unless_told() -> None:
    plain = injury()
    assert (plain.relation, plain.high_consequence, plain.injury_type) == (
        WorkerRelation.EMPLOYEE,
        False,
        None,
    )
    severe = injury(severity=InjurySeverity.SEVERE, high_consequence=True, injury_type="burn")
    assert severe.high_consequence


@pytest.mark.parametrize(
    ("changes", "field", "expected"),
    [
        pytest.param({"days_lost": -1}, "days_lost", "a non-negative int", id="negative-days-lost"),
        pytest.param(
            {"days_lost": True}, "days_lost", "a non-negative int", id="days-lost-as-a-flag"
        ),
        pytest.param(
            {"days_lost": 2.0}, "days_lost", "a non-negative int", id="days-lost-as-a-float"
        ),
        pytest.param(
            {"severity": "fatal"},
            "severity",
            "one of InjurySeverity.FATAL, InjurySeverity.SEVERE, InjurySeverity.LOST_TIME, "
            "InjurySeverity.RESTRICTED_WORK, InjurySeverity.MEDICAL_TREATMENT, "
            "InjurySeverity.FIRST_AID",
            id="severity-as-text",
        ),
        pytest.param(
            {"severity": InjurySeverity.FATAL, "high_consequence": True},
            "high_consequence",
            "False for a fatal injury (GRI 403-9 counts fatalities apart from "
            "high-consequence injuries)",
            id="a-fatality-is-not-high-consequence",
        ),
        pytest.param(
            {"severity": InjurySeverity.FIRST_AID, "high_consequence": True},
            "high_consequence",
            "False for a first-aid case (a high-consequence injury is recordable)",
            id="first-aid-is-not-high-consequence",
        ),
        pytest.param(
            {"relation": "contractor"},
            "relation",
            "one of WorkerRelation.EMPLOYEE, WorkerRelation.CONTRACTOR",
            id="relation-as-text",
        ),
        pytest.param(
            {"high_consequence": 1}, "high_consequence", "True or False", id="consequence-as-int"
        ),
    ],
)
def test_injury_validation(changes: dict[str, Any], field: str, expected: str) -> None:
    with pytest.raises(InvalidValueError) as caught:
        injury(**changes)
    assert (caught.value.field, caught.value.expected) == (field, expected)


def test_hours_worked_may_be_zero_or_fractional() -> None:
    assert (
        HoursWorked(department=DepartmentId("D-1"), month=Month(2023, 1), hours=Decimal(0)).hours
        == 0
    )
    fraction = HoursWorked(
        department=DepartmentId("D-1"), month=Month(2023, 1), hours=Decimal("0.25")
    )
    assert fraction.hours == Decimal("0.25")


@pytest.mark.parametrize(
    ("month", "hours", "field", "expected"),
    [
        pytest.param(
            Month(2023, 1),
            Decimal(-1),
            "hours",
            "a finite, non-negative Decimal",
            id="negative-hours",
        ),
        pytest.param(
            Month(2023, 1),
            Decimal("NaN"),
            "hours",
            "a finite, non-negative Decimal",
            id="not-a-number",
        ),
        pytest.param(
            Month(2023, 1),
            Decimal("Infinity"),
            "hours",
            "a finite, non-negative Decimal",
            id="infinite-hours",
        ),
        pytest.param(
            Month(2023, 1), 1000, "hours", "a finite, non-negative Decimal", id="hours-as-an-int"
        ),
        pytest.param(
            Month(2023, 1), 1000.5, "hours", "a finite, non-negative Decimal", id="hours-as-a-float"
        ),
        pytest.param("2023-01", Decimal(1000), "month", "a Month", id="month-as-text"),
    ],
)
def test_hours_worked_validation(month: Any, hours: Any, field: str, expected: str) -> None:
    assert_invalid(
        HoursWorked, {"department": "D-1", "month": month, "hours": hours}, field, expected
    )


@pytest.mark.parametrize(
    "hours", [Decimal(-1), Decimal("NaN"), 10], ids=["negative", "not-a-number", "an-int"]
)
def test_hours_worked_must_be_a_finite_non_negative_decimal(hours: object) -> None:
    with pytest.raises(InvalidValueError) as info:
        HoursWorked(department=DepartmentId("D-1"), month=Month(2023, 1), hours=hours)  # type: ignore[arg-type]
    error = info.value
    assert error.field == "hours"
    assert error.value is hours
    assert error.expected == "a finite, non-negative Decimal"
