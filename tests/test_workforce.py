"""The workforce: departments, employees, their roles and their reporting accounts."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from ohs_domain import (
    DateRange,
    Department,
    Employee,
    EmployeeCategory,
    EmployeeId,
    InspectorAppointment,
    InvalidValueError,
    ReportingAccount,
    TrainerCertification,
    kz,
)
from tests.builders import ID, TEXT, assert_invalid

D = date


def employee(**changes: Any) -> Employee:
    fields: dict[str, Any] = {
        "id": "E-1",
        "department": "D-1",
        "category": EmployeeCategory.WORKER,
        "hired_on": D(2023, 3, 1),
        "left_on": D(2023, 9, 1),
    }
    fields.update(changes)
    return Employee(**fields)


# --- Departments and employees -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "field", "expected"),
    [
        pytest.param(
            {"id": "", "name": "CHP-1", "is_production": True},
            "id",
            ID,
            id="empty-id",
        ),
        pytest.param(
            {"id": "D-1", "name": "  ", "is_production": True},
            "name",
            TEXT,
            id="blank-name",
        ),
        pytest.param(
            {"id": "D-1", "name": "CHP-1", "is_production": 1},
            "is_production",
            "True or False",
            id="production-as-one",
        ),
        pytest.param(
            {"id": "D-1", "name": "CHP-1", "is_production": "yes"},
            "is_production",
            "True or False",
            id="production-as-text",
        ),
    ],
)
def test_department_validation(fields: dict[str, Any], field: str, expected: str) -> None:
    assert_invalid(Department, fields, field, expected)


@pytest.mark.parametrize(
    ("changes", "field", "expected"),
    [
        pytest.param({"id": 7}, "id", ID, id="personnel-number-not-text"),
        pytest.param({"department": ""}, "department", ID, id="no-department"),
        pytest.param(
            {"category": "worker"},
            "category",
            "one of EmployeeCategory.MANAGER, EmployeeCategory.SPECIALIST, EmployeeCategory.WORKER",
            id="category-as-text",
        ),
        pytest.param(
            {"hired_on": "2023-03-01"},
            "hired_on",
            "a datetime.date (a day, not a moment)",
            id="hired-on-as-text",
        ),
        pytest.param(
            {"hired_on": datetime(2023, 3, 1, tzinfo=kz.ALMATY)},
            "hired_on",
            "a datetime.date (a day, not a moment)",
            id="hired-at-a-moment",
        ),
        pytest.param(
            {"left_on": D(2023, 2, 28)},
            "left_on",
            "a day on or after hired_on (2023-03-01)",
            id="left-before-hired",
        ),
    ],
)
def test_employee_validation(changes: dict[str, Any], field: str, expected: str) -> None:
    with pytest.raises(InvalidValueError) as caught:
        employee(**changes)
    assert (caught.value.field, caught.value.expected) == (field, expected)


@pytest.mark.parametrize(
    ("day", "employed"),
    [
        pytest.param(D(2023, 2, 28), False, id="day-before-hiring"),
        pytest.param(D(2023, 3, 1), True, id="hiring-day"),
        pytest.param(D(2023, 8, 31), True, id="last-day"),
        pytest.param(D(2023, 9, 1), False, id="leaving-day"),
    ],
)
def test_employment_is_half_open(day: date, employed: bool) -> None:
    assert employee().is_employed_on(day) is employed


def test_an_employee_who_has_not_left_stays_employed() -> None:
    still = employee(left_on=None)
    assert still.is_employed_on(D(9999, 12, 31))
    assert not still.is_employed_on(D(2023, 2, 28))


def test_hired_and_left_on_the_same_day_was_never_on_staff() -> None:
    assert not employee(left_on=D(2023, 3, 1)).is_employed_on(D(2023, 3, 1))


@pytest.mark.parametrize(
    ("days", "left_on", "within"),
    [
        pytest.param(
            DateRange(D(2023, 1, 1), D(2024, 1, 1)),
            D(2023, 9, 1),
            DateRange(D(2023, 3, 1), D(2023, 9, 1)),
            id="hired-and-left-within-the-year",
        ),
        pytest.param(
            DateRange(D(2023, 4, 1), D(2023, 5, 1)),
            D(2023, 9, 1),
            DateRange(D(2023, 4, 1), D(2023, 5, 1)),
            id="on-staff-the-whole-month",
        ),
        pytest.param(
            DateRange(D(2023, 1, 1), D(2024, 1, 1)),
            None,
            DateRange(D(2023, 3, 1), D(2024, 1, 1)),
            id="not-left",
        ),
        pytest.param(
            DateRange(D(2023, 1, 1), D(2023, 2, 1)),
            D(2023, 9, 1),
            DateRange(D(2023, 3, 1), D(2023, 3, 1)),
            id="range-before-hiring",
        ),
        pytest.param(
            DateRange(D(2023, 10, 1), D(2023, 11, 1)),
            D(2023, 9, 1),
            DateRange(D(2023, 10, 1), D(2023, 10, 1)),
            id="range-after-leaving",
        ),
    ],
)
def test_employment_within(days: DateRange, left_on: date | None, within: DateRange) -> None:
    assert employee(left_on=left_on).employment_within(days) == within
    # What the rules over a bundle's employees count (headcounts, employee-days): its days.
    assert employee(left_on=left_on)._days_within(days) == within.days


# --- Roles ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("valid_until", "day", "valid"),
    [
        pytest.param(D(2023, 12, 31), D(2022, 12, 31), False, id="before-certification"),
        pytest.param(D(2023, 12, 31), D(2023, 1, 1), True, id="certification-day"),
        pytest.param(D(2023, 12, 31), D(2023, 12, 31), True, id="last-valid-day-included"),
        pytest.param(D(2023, 12, 31), D(2024, 1, 1), False, id="expired"),
        pytest.param(None, D(2040, 1, 1), True, id="never-expires"),
    ],
)
def test_trainer_certification_validity(valid_until: date | None, day: date, valid: bool) -> None:
    certification = TrainerCertification(
        employee=EmployeeId("T-1"), certified_on=D(2023, 1, 1), valid_until=valid_until
    )
    assert certification.is_valid_on(day) is valid


def test_a_certification_cannot_expire_before_it_is_granted() -> None:
    assert_invalid(
        TrainerCertification,
        {"employee": "T-1", "certified_on": D(2023, 1, 1), "valid_until": D(2022, 12, 31)},
        "valid_until",
        "a day on or after certified_on (2023-01-01)",
    )


def appointment(**changes: Any) -> InspectorAppointment:
    fields: dict[str, Any] = {
        "employee": "I-1",
        "approved_on": D(2022, 12, 20),
        "term": DateRange(D(2023, 1, 1), D(2024, 1, 1)),
    }
    fields.update(changes)
    return InspectorAppointment(**fields)


@pytest.mark.parametrize(
    ("day", "appointed"),
    [
        pytest.param(D(2022, 12, 31), False, id="day-before-term"),
        pytest.param(D(2023, 1, 1), True, id="first-day-of-term"),
        pytest.param(D(2023, 12, 31), True, id="last-day-of-term"),
        pytest.param(D(2024, 1, 1), False, id="day-after-term"),
    ],
)
def test_inspector_in_office(day: date, appointed: bool) -> None:
    assert appointment().is_appointed_on(day) is appointed


def test_a_term_may_start_on_the_day_of_approval() -> None:
    made = appointment(approved_on=D(2023, 1, 1), trained_on=D(2022, 11, 1), decision="PC-7")
    assert (made.trained_on, made.decision) == (D(2022, 11, 1), "PC-7")


@pytest.mark.parametrize(
    ("changes", "field", "expected"),
    [
        pytest.param(
            {"approved_on": D(2023, 1, 2)},
            "term",
            "a term starting on or after approved_on (2023-01-02)",
            id="term-starts-before-approval",
        ),
        pytest.param(
            {"term": (D(2023, 1, 1), D(2024, 1, 1))}, "term", "a DateRange", id="term-as-a-pair"
        ),
        pytest.param(
            {"trained_on": "2022-12-01"},
            "trained_on",
            "a datetime.date (a day, not a moment)",
            id="trained-on-as-text",
        ),
        pytest.param({"decision": ""}, "decision", TEXT, id="empty-decision"),
        pytest.param({"employee": None}, "employee", ID, id="no-inspector"),
    ],
)
def test_inspector_appointment_validation(
    changes: dict[str, Any], field: str, expected: str
) -> None:
    with pytest.raises(InvalidValueError) as caught:
        appointment(**changes)
    assert (caught.value.field, caught.value.expected) == (field, expected)


def test_the_term_check_reports_the_term_as_text() -> None:
    with pytest.raises(InvalidValueError) as caught:
        appointment(approved_on=D(2023, 1, 2))
    assert caught.value.value == "[2023-01-01, 2024-01-01)"


def test_reporting_account_validation() -> None:
    assert_invalid(
        ReportingAccount,
        {"employee": "E-1", "registered_on": datetime(2023, 1, 1, tzinfo=kz.ALMATY)},
        "registered_on",
        "a datetime.date (a day, not a moment)",
    )
