"""The workforce and the value objects of training, inspection and injuries."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest

from ohs_domain import (
    DateRange,
    Department,
    DepartmentId,
    Employee,
    EmployeeCategory,
    EmployeeId,
    HoursWorked,
    InjurySeverity,
    InspectorAppointment,
    InvalidValueError,
    Month,
    ReportingAccount,
    Submission,
    SubmissionStatus,
    TrainerCertification,
    TrainingFormat,
    TrainingSession,
    Violation,
    WorkerRelation,
    WorkInjury,
    kz,
)

TEXT = "a non-empty string without control characters, bidirectional overrides or lone surrogates"
ID = "an id: a non-empty string of visible characters, without spaces at either end, e.g. 'E-0042'"
IDS = f"ids, each {ID}"


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


def assert_invalid(build: Any, fields: dict[str, Any], field: str, expected: str) -> None:
    with pytest.raises(InvalidValueError) as caught:
        build(**fields)
    assert (caught.value.field, caught.value.expected) == (field, expected)


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


# --- Training sessions ---------------------------------------------------------------------------


def session(**changes: Any) -> TrainingSession:
    fields: dict[str, Any] = {
        "id": "S-1",
        "programme": "Safety culture",
        "format": TrainingFormat.FIELD_VISIT,
        "days": DateRange(D(2023, 11, 6), D(2023, 11, 8)),
        "trainers": frozenset({"T-1"}),
        "attendees": frozenset({"E-1", "E-2"}),
        "group": "FV-01",
        "department": "D-1",
    }
    fields.update(changes)
    return TrainingSession(**fields)


def test_a_two_day_field_visit() -> None:
    made = session()
    assert made.days.days == 2
    assert made.attendees == {"E-1", "E-2"}


@pytest.mark.parametrize(
    ("changes", "field", "expected"),
    [
        pytest.param(
            {"days": DateRange(D(2023, 11, 6), D(2023, 11, 6))},
            "days",
            "at least one day",
            id="no-day",
        ),
        pytest.param(
            {"trainers": frozenset()}, "trainers", "a non-empty frozenset of ids", id="no-trainer"
        ),
        pytest.param(
            {"attendees": {"E-1"}},
            "attendees",
            "a non-empty frozenset of ids",
            id="attendees-as-a-set",
        ),
        pytest.param(
            {"attendees": frozenset({"E-1", ""})},
            "attendees",
            IDS,
            id="empty-attendee-id",
        ),
        pytest.param(
            {"trainers": frozenset({7})},
            "trainers",
            IDS,
            id="trainer-id-not-text",
        ),
        pytest.param(
            {"format": "workplace"},
            "format",
            "one of TrainingFormat.TRAINING_CENTRE, TrainingFormat.FIELD_VISIT, "
            "TrainingFormat.WORKPLACE",
            id="format-as-text",
        ),
        pytest.param({"group": ""}, "group", TEXT, id="no-group-code"),
    ],
)
def test_training_session_validation(changes: dict[str, Any], field: str, expected: str) -> None:
    with pytest.raises(InvalidValueError) as caught:
        session(**changes)
    assert (caught.value.field, caught.value.expected) == (field, expected)


def test_an_empty_session_reports_its_days_as_text() -> None:
    with pytest.raises(InvalidValueError) as caught:
        session(days=DateRange(D(2023, 11, 6), D(2023, 11, 6)))
    assert caught.value.value == "[2023-11-06, 2023-11-06)"


# --- Violations and submissions ------------------------------------------------------------------


def violation(**changes: Any) -> Violation:
    fields: dict[str, Any] = {
        "id": "V-1",
        "found_on": D(2023, 4, 10),
        "department": "D-1",
        "category": "ppe",
        "eliminated_on": D(2023, 4, 20),
    }
    fields.update(changes)
    return Violation(**fields)


@pytest.mark.parametrize(
    ("eliminated_on", "day", "is_open"),
    [
        pytest.param(D(2023, 4, 20), D(2023, 4, 9), False, id="not-yet-found"),
        pytest.param(D(2023, 4, 20), D(2023, 4, 10), True, id="found-that-day"),
        pytest.param(D(2023, 4, 20), D(2023, 4, 19), True, id="day-before-elimination"),
        pytest.param(D(2023, 4, 20), D(2023, 4, 20), False, id="eliminated-that-day"),
        pytest.param(None, D(2030, 1, 1), True, id="never-eliminated"),
        pytest.param(D(2023, 4, 10), D(2023, 4, 10), False, id="eliminated-the-day-found"),
    ],
)
def test_violation_open_on(eliminated_on: date | None, day: date, is_open: bool) -> None:
    assert violation(eliminated_on=eliminated_on).is_open_on(day) is is_open


@pytest.mark.parametrize(
    ("changes", "field", "expected"),
    [
        pytest.param(
            {"eliminated_on": D(2023, 4, 9)},
            "eliminated_on",
            "a day on or after found_on (2023-04-10)",
            id="eliminated-before-found",
        ),
        pytest.param({"norm": ""}, "norm", TEXT, id="empty-norm"),
        pytest.param(
            {"found_on": None},
            "found_on",
            "a datetime.date (a day, not a moment)",
            id="no-day-found",
        ),
    ],
)
def test_violation_validation(changes: dict[str, Any], field: str, expected: str) -> None:
    with pytest.raises(InvalidValueError) as caught:
        violation(**changes)
    assert (caught.value.field, caught.value.expected) == (field, expected)


def submission(**changes: Any) -> Submission:
    fields: dict[str, Any] = {
        "id": "SUB-1",
        "inspector": "I-1",
        "department": "D-1",
        "issued_on": D(2023, 4, 12),
        "violations": frozenset({"V-1", "V-2"}),
        "respond_by": D(2023, 4, 26),
    }
    fields.update(changes)
    return Submission(**fields)


def test_submission_status() -> None:
    assert submission().status is SubmissionStatus.AWAITING_RESPONSE
    assert submission(answered_on=D(2023, 4, 12)).status is SubmissionStatus.ANSWERED


@pytest.mark.parametrize(
    ("answered_on", "day", "overdue"),
    [
        pytest.param(None, D(2023, 4, 26), False, id="last-day-to-respond"),
        pytest.param(None, D(2023, 4, 27), True, id="day-after-deadline-unanswered"),
        pytest.param(D(2023, 4, 20), D(2023, 5, 1), False, id="answered-in-time"),
        pytest.param(D(2023, 4, 30), D(2023, 4, 29), True, id="late-answer-not-yet-given"),
        pytest.param(D(2023, 4, 30), D(2023, 4, 30), False, id="late-answer-given-that-day"),
        pytest.param(None, D(2023, 4, 12), False, id="issue-day"),
    ],
)
def test_submission_overdue(answered_on: date | None, day: date, overdue: bool) -> None:
    assert submission(answered_on=answered_on).is_overdue_on(day) is overdue


@pytest.mark.parametrize(
    ("changes", "field", "expected"),
    [
        pytest.param(
            {"violations": frozenset()},
            "violations",
            "a non-empty frozenset of ids",
            id="no-violation",
        ),
        pytest.param(
            {"violations": ("V-1",)},
            "violations",
            "a non-empty frozenset of ids",
            id="violations-as-a-tuple",
        ),
        pytest.param(
            {"respond_by": D(2023, 4, 11)},
            "respond_by",
            "a day on or after issued_on (2023-04-12)",
            id="response-due-before-issue",
        ),
        pytest.param(
            {"answered_on": D(2023, 4, 11)},
            "answered_on",
            "a day on or after issued_on (2023-04-12)",
            id="answered-before-issue",
        ),
        pytest.param(
            {"issued_on": "2023-04-12"},
            "issued_on",
            "a datetime.date (a day, not a moment)",
            id="issued-on-as-text",
        ),
    ],
)
def test_submission_validation(changes: dict[str, Any], field: str, expected: str) -> None:
    with pytest.raises(InvalidValueError) as caught:
        submission(**changes)
    assert (caught.value.field, caught.value.expected) == (field, expected)


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
