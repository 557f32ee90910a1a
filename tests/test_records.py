"""The records bundle: every rule of validity, each problem with its path, and the look-ups."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from ohs_domain import (
    ActionId,
    CorrectiveAction,
    DateRange,
    Department,
    EliminationDeadlines,
    Employee,
    HoursWorked,
    InjurySeverity,
    InspectorAppointment,
    InvalidDataError,
    InvalidValueError,
    Month,
    Problem,
    Records,
    ReportAsOf,
    ReportingAccount,
    ReportStatus,
    RiskLevel,
    SafetyReport,
    Submission,
    TrainerCertification,
    TrainingFormat,
    TrainingSession,
    UnknownRecordError,
    Violation,
    WorkerRelation,
    WorkInjury,
    Year,
    elimination,
    local_date,
    serialization,
    testing,
)
from tests.builders import (
    ZONE,
    account,
    appointment,
    at,
    certification,
    demo_department,
    demo_department_data,
    department,
    employee,
    hours,
    injury,
    report,
    session,
    submission,
    violation,
)

# --- A small valid company, and one planted change per scenario ----------------------------------

Bundle = dict[str, list[Any]]
Plant = Callable[[Bundle], None]


def base_session(
    session_id: str = "S-1",
    *,
    trainers: tuple[str, ...] = ("T-1",),
    attendees: tuple[str, ...] = ("E-1", "E-2"),
    department: str = "D-1",
    days: int = 2,
) -> TrainingSession:
    """The base company's session: T-1 trains E-1 and E-2 at the workplace on 1-2 March 2023."""
    return session(
        session_id,
        TrainingFormat.WORKPLACE,
        date(2023, 3, 1),
        attendees,
        group="G-1",
        department=department,
        trainers=trainers,
        days=days,
    )


def base_submission(
    submission_id: str,
    violations: tuple[str, ...],
    *,
    department: str = "D-1",
    issued_on: date = date(2023, 4, 12),
) -> Submission:
    """A submission of the base company's inspector I-1, by default on 2023-04-12."""
    return submission(submission_id, "I-1", issued_on, violations, department=department)


def lost_time(
    injury_id: str, employee_id: str, occurred_on: date, department: str = "D-1"
) -> WorkInjury:
    """A lost-time injury of five days."""
    return injury(
        injury_id,
        occurred_on,
        InjurySeverity.LOST_TIME,
        worker=employee_id,
        days_lost=5,
        department=department,
    )


def contractors(figure: HoursWorked) -> HoursWorked:
    return attrs.evolve(figure, relation=WorkerRelation.CONTRACTOR)


def test_contractors_hours_and_injuries_are_their_own() -> None:
    bundle = base()
    # The contractor's worker is not on staff: the injury names the contractor's id.
    outsider = attrs.evolve(
        lost_time("INJ-C", "CW-1", date(2023, 6, 2)), relation=WorkerRelation.CONTRACTOR
    )
    bundle["injuries"].append(outsider)
    bundle["hours_worked"].append(contractors(hours("D-1", "2023-01", "500")))
    records = build(bundle)
    months = Year(2023).months()
    assert records.total_hours(months) == Decimal("31000.5")
    assert records.hours_of(WorkerRelation.CONTRACTOR, months) == 500
    assert [i.id for i in records.injuries_during(Year(2023).range)] == ["INJ-1"]
    assert records.injuries_of(WorkerRelation.CONTRACTOR, Year(2023).range) == (outsider,)


def base() -> Bundle:
    """A valid company: production D-1 and D-2, the head office HQ.

    E-1 (D-1) and E-2 (D-2, hired 2021-06-15) work on; E-9 (D-1) left on 2023-07-01;
    I-1 (D-1) is a technical inspector for 2023; T-1 (HQ) a trainer certified
    2022-01-01 until 2023-12-31. S-1 trains E-1 and E-2 on 1-2 March 2023.
    I-1's SUB-1 of 2023-04-12 lists V-1 and V-2 of D-1; V-3 (D-2) is not listed.
    """
    return {
        "departments": [department("D-1"), department("D-2"), department("HQ", production=False)],
        "employees": [
            employee("E-1"),
            employee("E-2", department="D-2", hired_on=date(2021, 6, 15)),
            employee("E-9", left_on=date(2023, 7, 1)),
            employee("I-1", hired_on=date(2019, 3, 1)),
            employee("T-1", department="HQ", hired_on=date(2018, 1, 1)),
        ],
        "trainer_certifications": [certification("T-1", date(2022, 1, 1), date(2023, 12, 31))],
        "inspector_appointments": [
            appointment("I-1", date(2023, 1, 1), date(2024, 1, 1), trained_on=None)
        ],
        "reporting_accounts": [
            account("E-1", date(2022, 1, 10)),
            account("E-2", date(2022, 2, 1)),
            account("E-9", date(2022, 1, 10)),
        ],
        "training_sessions": [base_session()],
        "safety_reports": [
            report("R-1", "E-1", at(2023, 5, 4), accepted=False).accept(at(2023, 5, 4, 11)),
            report("R-2", "E-2", at(2023, 5, 10, 9), department="D-2", accepted=False),
            report("R-3", "E-1", at(2023, 8, 1, 8), accepted=False).reject(
                at(2023, 8, 1, 12), "duplicate"
            ),
        ],
        "violations": [
            violation("V-1", date(2023, 4, 10)),
            violation("V-2", date(2023, 4, 11)),
            violation("V-3", date(2023, 9, 1), department="D-2"),
        ],
        "submissions": [base_submission("SUB-1", ("V-1", "V-2"))],
        "injuries": [lost_time("INJ-1", "E-1", date(2023, 6, 1))],
        "hours_worked": [
            hours("D-1", "2023-01", "12000.5"),
            hours("D-1", "2023-02", "11000"),
            hours("D-2", "2023-01", "8000"),
        ],
        "corrective_actions": [],
    }


def build(bundle: Bundle) -> Records:
    return Records(time_zone=ZONE, **bundle)


def add(name: str, *items: Any) -> Plant:
    def plant(bundle: Bundle) -> None:
        bundle[name].extend(items)

    return plant


def change(name: str, index: int, **fields: Any) -> Plant:
    def plant(bundle: Bundle) -> None:
        bundle[name][index] = attrs.evolve(bundle[name][index], **fields)

    return plant


def replace(name: str, index: int, item: Any) -> Plant:
    def plant(bundle: Bundle) -> None:
        bundle[name][index] = item

    return plant


def both(*plants: Plant) -> Plant:
    def plant(bundle: Bundle) -> None:
        for one in plants:
            one(bundle)

    return plant


def problems_of(bundle: Bundle) -> tuple[Problem, ...]:
    with pytest.raises(InvalidDataError) as caught:
        build(bundle)
    assert caught.value.subject == "Records"
    return caught.value.problems


def action(action_id: str = "CA-1", **fields: Any) -> CorrectiveAction:
    """An open action on R-1 (registered 2023-05-04) owned by E-1, unless ``fields`` differ."""
    values: dict[str, Any] = {
        "report": "R-1",
        "description": "Remove the hazard",
        "owner": "E-1",
        "risk": RiskLevel.LOW,
        "raised_on": date(2023, 5, 4),
    }
    values.update(fields)
    values.setdefault("due_on", values["raised_on"] + timedelta(days=31))
    return CorrectiveAction(id=ActionId(action_id), **values)


ELIMINATED = report("R-4", "E-1", at(2023, 6, 1), accepted=False).accept(at(2023, 6, 1, 11))
ELIMINATED = ELIMINATED.start_work(at(2023, 6, 2)).eliminate(at(2023, 6, 5))


@pytest.mark.parametrize(
    ("plant", "path", "message"),
    [
        pytest.param(
            add("corrective_actions", action(report="R-404")),
            "$.corrective_actions[0].report",
            "unknown safety report 'R-404': no such id in safety_reports",
            id="action-on-an-unknown-report",
        ),
        pytest.param(
            add("corrective_actions", action(report=None, violation="V-404")),
            "$.corrective_actions[0].violation",
            "unknown violation 'V-404': no such id in violations",
            id="action-on-an-unknown-violation",
        ),
        pytest.param(
            add("corrective_actions", action(owner="X-1")),
            "$.corrective_actions[0].owner",
            "unknown employee 'X-1': no such id in employees",
            id="owner-unknown",
        ),
        pytest.param(
            add(
                "corrective_actions",
                action(owner="E-9", raised_on=date(2023, 7, 3), due_on=date(2023, 7, 9)),
            ),
            "$.corrective_actions[0].owner",
            "employee 'E-9' was made owner on 2023-07-03 but was not on staff then",
            id="owner-gone",
        ),
        pytest.param(
            add("corrective_actions", action(raised_on=date(2023, 5, 3))),
            "$.corrective_actions[0].raised_on",
            "2023-05-03 is before safety report 'R-1' was registered or found (2023-05-04)",
            id="action-before-its-report",
        ),
        pytest.param(
            add(
                "corrective_actions",
                action(report=None, violation="V-3", raised_on=date(2023, 8, 31)),
            ),
            "$.corrective_actions[0].raised_on",
            "2023-08-31 is before violation 'V-3' was registered or found (2023-09-01)",
            id="action-before-its-violation",
        ),
        pytest.param(
            both(
                add("safety_reports", ELIMINATED),
                add("corrective_actions", action(report="R-4", raised_on=date(2023, 6, 1))),
            ),
            "$.corrective_actions[0].closed_on",
            "still open on 2023-06-05, when safety report 'R-4' was marked eliminated; "
            "every action must be closed by then",
            id="report-eliminated-with-an-open-action",
        ),
        pytest.param(
            both(
                change("violations", 2, eliminated_on=date(2023, 9, 10)),
                add(
                    "corrective_actions",
                    action(report=None, violation="V-3", raised_on=date(2023, 9, 1))
                    .start(date(2023, 9, 2))
                    .complete(date(2023, 9, 11)),
                ),
            ),
            "$.corrective_actions[0].closed_on",
            "still open on 2023-09-10, when violation 'V-3' was marked eliminated",
            id="violation-eliminated-before-its-action-closed",
        ),
        pytest.param(
            add("corrective_actions", action(), action()),
            "$.corrective_actions[1].id",
            "'CA-1' appears 2 times",
            id="duplicate-action",
        ),
    ],
)
def test_each_corrective_action_mistake_is_reported(plant: Plant, path: str, message: str) -> None:
    bundle = base()
    plant(bundle)
    problems = problems_of(bundle)
    assert [p.path for p in problems] == [path]
    assert message in problems[0].message


def test_actions_closed_by_elimination_are_valid_and_found_from_their_subject() -> None:
    bundle = base()
    closed = action(report="R-4", raised_on=date(2023, 6, 1)).start(date(2023, 6, 2))
    closed = closed.complete(date(2023, 6, 5))  # the day of elimination: closed by then
    cancelled = action("CA-2", report=None, violation="V-1", raised_on=date(2023, 4, 10))
    bundle["safety_reports"].append(ELIMINATED)
    bundle["corrective_actions"] += [cancelled.cancel(date(2023, 4, 11), "duplicate"), closed]
    records = build(bundle)
    assert records.actions_for(ELIMINATED) == (closed,)
    assert [a.id for a in records.actions_for(records.violation("V-1"))] == ["CA-2"]
    assert records.actions_for(records.violation("V-2")) == ()
    assert records.subject_of(closed) == ELIMINATED
    assert records.subject_of(records.corrective_actions[1]) == records.violation("V-1")
    with pytest.raises(UnknownRecordError):
        records.subject_of(action(report="R-404"))


def test_the_base_company_is_valid() -> None:
    records = build(base())
    assert [e.id for e in records.employees] == ["E-1", "E-2", "E-9", "I-1", "T-1"]


# --- One scenario per rule of validity -----------------------------------------------------------


CASES = [
    # Each id, and each pair of personnel number and day, is unique.
    pytest.param(
        add("departments", department("D-2")),
        "$.departments[3].id",
        "'D-2' appears 2 times",
        id="duplicate-department-id",
    ),
    pytest.param(
        add("employees", employee("E-2", department="D-2")),
        "$.employees[5].id",
        "'E-2' appears 2 times",
        id="duplicate-employee-id",
    ),
    pytest.param(
        add("training_sessions", base_session(attendees=("E-1",))),
        "$.training_sessions[1].id",
        "'S-1' appears 2 times",
        id="duplicate-training-session-id",
    ),
    pytest.param(
        add("safety_reports", report("R-2", "E-1", at(2023, 6, 1), accepted=False)),
        "$.safety_reports[3].id",
        "'R-2' appears 2 times",
        id="duplicate-report-id",
    ),
    pytest.param(
        add("violations", violation("V-3", date(2023, 9, 2), department="D-2")),
        "$.violations[3].id",
        "'V-3' appears 2 times",
        id="duplicate-violation-id",
    ),
    pytest.param(
        both(
            add("violations", violation("V-4", date(2023, 9, 1), department="D-2")),
            add(
                "submissions",
                base_submission("SUB-1", ("V-4",), department="D-2", issued_on=date(2023, 9, 2)),
            ),
        ),
        "$.submissions[1].id",
        "'SUB-1' appears 2 times",
        id="duplicate-submission-id",
    ),
    pytest.param(
        add("injuries", lost_time("INJ-1", "E-2", date(2023, 6, 2), "D-2")),
        "$.injuries[1].id",
        "'INJ-1' appears 2 times",
        id="duplicate-injury-id",
    ),
    pytest.param(
        add("reporting_accounts", account("E-1", date(2022, 3, 1))),
        "$.reporting_accounts[3].employee",
        "'E-1' appears 2 times",
        id="employee-registered-twice-in-reporting-system",
    ),
    pytest.param(
        add("hours_worked", hours("D-1", "2023-02", "10")),
        "$.hours_worked[3].month",
        "'D-1 2023-02' appears 2 times (hours_worked[1], hours_worked[3]); each must be unique",
        id="duplicate-hours-for-department-month",
    ),
    pytest.param(
        add(
            "hours_worked",
            contractors(hours("D-1", "2023-02", "10")),
            contractors(hours("D-1", "2023-02", "20")),
        ),
        "$.hours_worked[4].month",
        "'D-1 2023-02 contractor' appears 2 times (hours_worked[3], hours_worked[4])",
        id="duplicate-contractor-hours-for-department-month",
    ),
    # Workforce references and roles.
    pytest.param(
        change("employees", 0, department="D-404"),
        "$.employees[0].department",
        "unknown department 'D-404': no such id in departments",
        id="unknown-department",
    ),
    pytest.param(
        add("trainer_certifications", certification("X-1", date(2022, 1, 1))),
        "$.trainer_certifications[1].employee",
        "unknown employee 'X-1': no such id in employees",
        id="certification-of-unknown-employee",
    ),
    pytest.param(
        add(
            "inspector_appointments",
            appointment("X-1", date(2023, 1, 1), date(2024, 1, 1), trained_on=None),
        ),
        "$.inspector_appointments[1].employee",
        "unknown employee 'X-1'",
        id="inspector-appointment-of-unknown-employee",
    ),
    pytest.param(
        add(
            "inspector_appointments",
            appointment("E-9", date(2023, 8, 1), date(2024, 1, 1), trained_on=None),
        ),
        "$.inspector_appointments[1].employee",
        "employee 'E-9' appointed on 2023-08-01 but was not on staff then "
        "(hired on 2020-01-01, left on 2023-07-01)",
        id="inspector-appointed-after-leaving",
    ),
    pytest.param(
        add(
            "inspector_appointments",
            appointment("I-1", date(2023, 6, 1), date(2024, 6, 1), trained_on=None),
        ),
        "$.inspector_appointments[1].term",
        "overlaps the earlier term [2023-01-01, 2024-01-01); an inspector's terms must not overlap",
        id="overlapping-inspector-terms",
    ),
    pytest.param(
        # A long term, an empty one inside it, then one overlapping the long term only.
        add(
            "inspector_appointments",
            appointment("I-1", date(2023, 2, 1), date(2023, 2, 1), trained_on=None),
            appointment("I-1", date(2023, 3, 1), date(2024, 3, 1), trained_on=None),
        ),
        "$.inspector_appointments[2].term",
        "overlaps the earlier term [2023-01-01, 2024-01-01)",
        id="inspector-term-overlapping-one-before-the-previous",
    ),
    pytest.param(
        add("reporting_accounts", account("X-1", date(2022, 1, 1))),
        "$.reporting_accounts[3].employee",
        "unknown employee 'X-1'",
        id="reporting-account-of-unknown-employee",
    ),
    pytest.param(
        add("reporting_accounts", account("I-1", date(2019, 2, 28))),
        "$.reporting_accounts[3].employee",
        "employee 'I-1' registered on 2019-02-28 but was not on staff then (hired on 2019-03-01)",
        id="registered-in-reporting-system-before-hired",
    ),
    # Training.
    pytest.param(
        replace("training_sessions", 0, base_session(department="D-404")),
        "$.training_sessions[0].department",
        "unknown department 'D-404'",
        id="session-for-unknown-department",
    ),
    pytest.param(
        replace("training_sessions", 0, base_session(trainers=("T-1", "X-1"))),
        "$.training_sessions[0].trainers",
        "unknown employee 'X-1'",
        id="session-by-unknown-trainer",
    ),
    pytest.param(
        change("trainer_certifications", 0, valid_until=date(2023, 3, 1)),
        "$.training_sessions[0].trainers",
        "trainer 'T-1' holds no internal-trainer certification valid on every day of the "
        "session ([2023-03-01, 2023-03-03)); held: certified 2022-01-01, valid until 2023-03-01",
        id="trainer-certification-expired-before-session",
    ),
    pytest.param(
        replace("trainer_certifications", 0, certification("T-1", date(2023, 3, 2))),
        "$.training_sessions[0].trainers",
        "held: certified 2023-03-02, valid until no end",
        id="trainer-certified-during-session",
    ),
    pytest.param(
        replace("training_sessions", 0, base_session(trainers=("E-9",))),
        "$.training_sessions[0].trainers",
        "trainer 'E-9' holds no internal-trainer certification valid on every day of the "
        "session ([2023-03-01, 2023-03-03)); held: none",
        id="trainer-never-certified",
    ),
    pytest.param(
        replace("training_sessions", 0, base_session(attendees=("E-1", "X-1"))),
        "$.training_sessions[0].attendees",
        "unknown employee 'X-1'",
        id="unknown-attendee",
    ),
    pytest.param(
        both(
            add("employees", employee("E-3", hired_on=date(2023, 3, 2))),
            replace("training_sessions", 0, base_session(attendees=("E-1", "E-3"))),
        ),
        "$.training_sessions[0].attendees",
        "employee 'E-3' attended on 2023-03-01 but was not on staff then (hired on 2023-03-02)",
        id="attendee-not-employed-on-session-day",
    ),
    pytest.param(
        both(
            add("employees", employee("E-3", left_on=date(2023, 3, 2))),
            replace("training_sessions", 0, base_session(attendees=("E-1", "E-3"))),
        ),
        "$.training_sessions[0].attendees",
        "employee 'E-3' attended on 2023-03-02 but was not on staff then "
        "(hired on 2020-01-01, left on 2023-03-02)",
        id="attendee-left-during-session",
    ),
    # The reporting system.
    pytest.param(
        add(
            "safety_reports",
            report("R-4", "E-1", at(2023, 6, 1), department="D-404", accepted=False),
        ),
        "$.safety_reports[3].department",
        "unknown department 'D-404'",
        id="report-about-unknown-department",
    ),
    pytest.param(
        add("safety_reports", report("R-4", "X-1", at(2023, 6, 1), accepted=False)),
        "$.safety_reports[3].reporter",
        "unknown employee 'X-1'",
        id="report-by-unknown-employee",
    ),
    pytest.param(
        add("safety_reports", report("R-4", "E-9", at(2023, 7, 1, 9), accepted=False)),
        "$.safety_reports[3].reporter",
        "employee 'E-9' reported on 2023-07-01 but was not on staff then "
        "(hired on 2020-01-01, left on 2023-07-01)",
        id="reporter-left-before-report",
    ),
    pytest.param(
        add("safety_reports", report("R-4", "I-1", at(2023, 6, 1), accepted=False)),
        "$.safety_reports[3].reporter",
        "employee 'I-1' reported on 2023-06-01 but is not registered in the reporting system; "
        "only registered employees can report",
        id="reporter-not-registered-in-reporting-system",
    ),
    pytest.param(
        replace("reporting_accounts", 0, account("E-1", date(2023, 5, 5))),
        "$.safety_reports[0].reporter",
        "employee 'E-1' reported on 2023-05-04 but registered on 2023-05-05 in the reporting "
        "system",
        id="reported-before-registration",
    ),
    pytest.param(
        # 19:00 UTC on 30 June, E-9's last day, is already 1 July in Almaty.
        add(
            "safety_reports",
            report("R-4", "E-9", datetime(2023, 6, 30, 19, tzinfo=UTC), accepted=False),
        ),
        "$.safety_reports[3].reporter",
        "employee 'E-9' reported on 2023-07-01 but was not on staff then",
        id="reported-after-leaving-in-company-time-zone",
    ),
    # Inspections.
    pytest.param(
        change("violations", 2, department="D-404"),
        "$.violations[2].department",
        "unknown department 'D-404'",
        id="violation-in-unknown-department",
    ),
    pytest.param(
        # Its violation, found in the same unknown department, is reported first.
        both(
            add("violations", violation("V-4", date(2023, 9, 1), department="D-404")),
            add(
                "submissions",
                base_submission("SUB-2", ("V-4",), department="D-404", issued_on=date(2023, 9, 2)),
            ),
        ),
        ("$.violations[3].department", "$.submissions[1].department"),
        "unknown department 'D-404'",
        id="submission-to-unknown-department",
    ),
    pytest.param(
        change("submissions", 0, inspector="X-1"),
        "$.submissions[0].inspector",
        "unknown employee 'X-1'",
        id="submission-by-unknown-inspector",
    ),
    pytest.param(
        replace(
            "inspector_appointments",
            0,
            appointment("I-1", date(2023, 1, 1), date(2023, 4, 12), trained_on=None),
        ),
        "$.submissions[0].inspector",
        "employee 'I-1' issued it on 2023-04-12 but was not an appointed technical inspector "
        "then (terms: [2023-01-01, 2023-04-12))",
        id="inspector-issued-submission-outside-term",
    ),
    pytest.param(
        change("submissions", 0, inspector="E-1"),
        "$.submissions[0].inspector",
        "employee 'E-1' issued it on 2023-04-12 but was not an appointed technical inspector "
        "then (terms: none)",
        id="submission-by-employee-never-appointed",
    ),
    pytest.param(
        change("submissions", 0, violations=frozenset({"V-1", "V-2", "V-404"})),
        "$.submissions[0].violations",
        "unknown violation 'V-404': no such id in violations",
        id="submission-lists-unknown-violation",
    ),
    pytest.param(
        add("submissions", base_submission("SUB-2", ("V-1",), issued_on=date(2023, 4, 13))),
        "$.submissions[1].violations",
        "violation 'V-1' is already listed by submission 'SUB-1'; "
        "a violation belongs to one submission",
        id="violation-listed-by-two-submissions",
    ),
    pytest.param(
        change("violations", 1, department="D-2"),
        "$.submissions[0].violations",
        "violation 'V-2' was found in department 'D-2', not in 'D-1' "
        "to which the submission was issued",
        id="violation-in-another-department",
    ),
    pytest.param(
        change("violations", 1, found_on=date(2023, 4, 13)),
        "$.submissions[0].violations",
        "violation 'V-2' was found on 2023-04-13, after the submission was issued (2023-04-12)",
        id="violation-found-after-submission",
    ),
    # Injuries and hours.
    pytest.param(
        add("injuries", lost_time("INJ-2", "X-1", date(2023, 6, 1))),
        "$.injuries[1].employee",
        "unknown employee 'X-1'",
        id="injury-of-unknown-employee",
    ),
    pytest.param(
        add("injuries", lost_time("INJ-2", "E-9", date(2023, 7, 1))),
        "$.injuries[1].employee",
        "employee 'E-9' injured on 2023-07-01 but was not on staff then "
        "(hired on 2020-01-01, left on 2023-07-01)",
        id="injury-of-someone-not-employed",
    ),
    pytest.param(
        add("injuries", lost_time("INJ-2", "E-1", date(2023, 6, 1), "D-404")),
        "$.injuries[1].department",
        "unknown department 'D-404'",
        id="injury-in-unknown-department",
    ),
    pytest.param(
        add("hours_worked", hours("D-404", "2023-01", "10")),
        "$.hours_worked[3].department",
        "unknown department 'D-404'",
        id="hours-for-unknown-department",
    ),
]


@pytest.mark.parametrize(("plant", "paths", "message"), CASES)
def test_each_planted_mistake_is_reported_with_its_path(
    plant: Plant, paths: str | tuple[str, ...], message: str
) -> None:
    bundle = base()
    plant(bundle)
    problems = problems_of(bundle)
    expected = [paths] if isinstance(paths, str) else list(paths)
    assert [p.path for p in problems] == expected
    assert message in problems[-1].message


def test_every_later_row_of_a_duplicate_id_is_reported_naming_them_all() -> None:
    bundle = base()
    add("employees", employee("E-1"), employee("E-1"))(bundle)
    assert problems_of(bundle) == tuple(
        Problem(
            f"$.employees[{row}].id",
            "'E-1' appears 3 times (employees[0], employees[5], employees[6]); "
            "each must be unique in employees",
            "E-1",
        )
        for row in (5, 6)
    )


# --- Every problem of a record, and no problem twice ----------------------------------------------


def test_an_attendee_not_on_staff_on_either_day_is_reported_once() -> None:
    bundle = base()
    add("employees", employee("E-7", hired_on=date(2023, 6, 1)))(bundle)
    bundle["training_sessions"] = [base_session(attendees=("E-1", "E-7"))]
    assert problems_of(bundle) == (
        Problem(
            "$.training_sessions[0].attendees",
            "employee 'E-7' attended on 2023-03-01 but was not on staff then (hired on 2023-06-01)",
            "S-1",
        ),
    )


def test_each_term_of_an_unknown_inspector_is_reported() -> None:
    bundle = base()
    add(
        "inspector_appointments",
        appointment("X-1", date(2023, 1, 1), date(2023, 2, 1), trained_on=None),
        appointment("X-1", date(2023, 3, 1), date(2023, 4, 1), trained_on=None),
    )(bundle)
    assert problems_of(bundle) == tuple(
        Problem(
            f"$.inspector_appointments[{row}].employee",
            "unknown employee 'X-1': no such id in employees",
            f"X-1 {days}",
        )
        for row, days in ((1, "[2023-01-01, 2023-02-01)"), (2, "[2023-03-01, 2023-04-01)"))
    )


def test_each_unknown_trainer_of_a_session_is_reported() -> None:
    bundle = base()
    bundle["training_sessions"] = [base_session(trainers=("X-1", "X-2"))]
    assert problems_of(bundle) == tuple(
        Problem(
            "$.training_sessions[0].trainers",
            f"unknown employee {trainer!r}: no such id in employees",
            "S-1",
        )
        for trainer in ("X-1", "X-2")
    )


def test_a_trainer_without_cover_is_shown_every_certification_held() -> None:
    bundle = base()
    bundle["trainer_certifications"] = [
        certification("T-1", date(2021, 1, 1), date(2022, 1, 1)),
        certification("T-1", date(2023, 6, 1)),
    ]
    assert problems_of(bundle) == (
        Problem(
            "$.training_sessions[0].trainers",
            "trainer 'T-1' holds no internal-trainer certification valid on every day of the "
            "session ([2023-03-01, 2023-03-03)); held: certified 2021-01-01, valid until "
            "2022-01-01; certified 2023-06-01, valid until no end",
            "S-1",
        ),
    )


def test_an_inspector_out_of_term_is_shown_every_term() -> None:
    bundle = base()
    bundle["inspector_appointments"] = [
        appointment("I-1", date(2023, 1, 1), date(2023, 3, 1), trained_on=None),
        appointment("I-1", date(2023, 5, 1), date(2023, 6, 1), trained_on=None),
    ]
    assert problems_of(bundle) == (
        Problem(
            "$.submissions[0].inspector",
            "employee 'I-1' issued it on 2023-04-12 but was not an appointed technical inspector "
            "then (terms: [2023-01-01, 2023-03-01), [2023-05-01, 2023-06-01))",
            "SUB-1",
        ),
    )


def test_each_unknown_violation_of_a_submission_is_reported() -> None:
    bundle = base()
    bundle["submissions"] = [base_submission("SUB-1", ("V-1", "V-2", "X-1", "X-2"))]
    assert problems_of(bundle) == tuple(
        Problem(
            "$.submissions[0].violations",
            f"unknown violation {violation_id!r}: no such id in violations",
            "SUB-1",
        )
        for violation_id in ("X-1", "X-2")
    )


def test_every_planted_mistake_is_reported_in_one_error() -> None:
    bundle = base()
    both(
        change("employees", 1, department="D-404"),
        add("safety_reports", report("R-4", "I-1", at(2023, 6, 1), accepted=False)),
        change("violations", 1, found_on=date(2023, 4, 13)),
        add("injuries", lost_time("INJ-2", "E-9", date(2023, 7, 1))),
        add("hours_worked", hours("D-1", "2023-01", "1")),
    )(bundle)
    with pytest.raises(InvalidDataError) as caught:
        build(bundle)
    # In reading order: collections as the fields of Records, rows as given.
    assert [p.path for p in caught.value.problems] == [
        "$.employees[1].department",
        "$.safety_reports[3].reporter",
        "$.submissions[0].violations",
        "$.injuries[1].employee",
        "$.hours_worked[3].month",
    ]
    assert str(caught.value).startswith("Records: 5 problems\n  $.employees[1].department (E-2)")


def test_inspector_pay_is_not_fooled_by_an_overlap_hidden_behind_an_empty_term() -> None:
    # Before the fix, such a bundle was accepted and pro-rata pay counted
    # the days of January-February twice (73 of 90 days instead of 59).
    bundle = base()
    bundle["inspector_appointments"] = [
        appointment("I-1", date(2023, 1, 1), date(2023, 2, 15), trained_on=None),
        appointment("I-1", date(2023, 1, 20), date(2023, 1, 20), trained_on=None),
        appointment("I-1", date(2023, 2, 1), date(2023, 5, 1), trained_on=None),
    ]
    assert [p.path for p in problems_of(bundle)] == [
        "$.inspector_appointments[2].term",
    ]


# --- Loading from JSON-ready data ----------------------------------------------------------------


def test_load_reports_every_malformed_nested_value_with_its_path() -> None:
    data = serialization.dump(build(base()))
    data["employees"][1]["hired_on"] = 20210615
    data["safety_reports"][0]["history"][0]["at"] = "2023-05-04T11:00:00"
    data["submissions"][0]["violations"] = "V-1"
    data["training_sessions"][0]["days"]["start"] = "2023-02-30"
    data["departments"][2]["is_production"] = "no"
    with pytest.raises(InvalidDataError) as caught:
        serialization.load(data, Records)
    problems = {p.path: p.message for p in caught.value.problems}
    assert sorted(problems) == [
        "$.departments[2].is_production",
        "$.employees[1].hired_on",
        "$.safety_reports[0].history[0].at",
        "$.submissions[0].violations",
        "$.training_sessions[0].days.start",
    ]
    assert problems["$.employees[1].hired_on"].startswith("got 20210615 (int); expected an ISO")
    assert problems["$.safety_reports[0].history[0].at"] == (
        "got '2023-05-04T11:00:00' (str); expected an ISO 8601 moment with its UTC offset, "
        'e.g. "2023-12-31T23:30:00+06:00"; a naive moment is ambiguous'
    )
    assert problems["$.submissions[0].violations"] == "got 'V-1' (str); expected a list"
    assert "a real calendar day" in problems["$.training_sessions[0].days.start"]
    assert problems["$.departments[2].is_production"] == "got 'no' (str); expected true or false"


def test_load_reports_every_broken_reference_with_its_path() -> None:
    data = serialization.dump(build(base()))
    data["submissions"][0]["inspector"] = "X-1"
    data["safety_reports"][1]["reporter"] = "E-9"  # R-2, on 10 May: E-9 is on staff, registered
    data["safety_reports"][2]["department"] = "D-404"
    data["employees"].append(data["employees"][0])
    with pytest.raises(InvalidDataError) as caught:
        serialization.load(data, Records)
    assert [str(p) for p in caught.value.problems] == [
        "$.employees[5].id (E-1): 'E-1' appears 2 times (employees[0], employees[5]); "
        "each must be unique in employees",
        "$.safety_reports[2].department (R-3): "
        "unknown department 'D-404': no such id in departments",
        "$.submissions[0].inspector (SUB-1): unknown employee 'X-1': no such id in employees",
    ]


def test_reference_checks_run_beside_shape_problems() -> None:
    # The rules across records run on every row whose own shape is valid, in the same report.
    data = serialization.dump(build(base()))
    data["employees"][1]["hired_on"] = "yesterday"
    data["submissions"][0]["inspector"] = "X-1"
    with pytest.raises(InvalidDataError) as caught:
        serialization.load(data, Records)
    assert [p.path for p in caught.value.problems] == [
        "$.employees[1].hired_on",
        "$.submissions[0].inspector",
    ]


def test_records_round_trip_through_json_ready_data() -> None:
    records = build(base())
    assert serialization.load(serialization.dump(records), Records) == records


def test_records_travel_between_processes_with_their_look_ups() -> None:
    records = build(base())

    shipped = pickle.loads(pickle.dumps(records))  # noqa: S301 - bytes we just made

    assert shipped == records
    assert shipped.reports_by("E-1") == records.reports_by("E-1")


# --- Building ------------------------------------------------------------------------------------


def test_input_order_does_not_matter() -> None:
    bundle = base()
    reversed_bundle = {name: list(reversed(items)) for name, items in bundle.items()}
    assert build(reversed_bundle) == build(bundle)
    assert [r.id for r in build(reversed_bundle).safety_reports] == ["R-1", "R-2", "R-3"]


def test_any_iterable_is_accepted_and_stored_as_a_tuple() -> None:
    bundle = base()
    records = Records(
        time_zone=ZONE,
        departments=iter(bundle["departments"]),
        employees=(e for e in bundle["employees"]),
    )
    assert isinstance(records.departments, tuple)
    assert [d.id for d in records.departments] == ["D-1", "D-2", "HQ"]
    assert records.safety_reports == ()


# Each collection of the bundle: the type of its items, and the key it is stored in order of.
COLLECTIONS: dict[str, tuple[type, Callable[[Any], Any]]] = {
    "departments": (Department, lambda d: d.id),
    "employees": (Employee, lambda e: e.id),
    "trainer_certifications": (TrainerCertification, lambda c: (c.employee, c.certified_on)),
    "inspector_appointments": (InspectorAppointment, lambda a: (a.employee, a.term.start)),
    "reporting_accounts": (ReportingAccount, lambda a: (a.employee, a.registered_on)),
    "training_sessions": (TrainingSession, lambda s: s.id),
    "safety_reports": (SafetyReport, lambda r: r.id),
    "violations": (Violation, lambda v: v.id),
    "submissions": (Submission, lambda s: s.id),
    "injuries": (WorkInjury, lambda i: i.id),
    "hours_worked": (HoursWorked, lambda h: (h.department, h.month, h.relation)),
    "corrective_actions": (CorrectiveAction, lambda a: a.id),
}


def test_the_table_of_collections_lists_every_field_but_the_zone() -> None:
    fields = [f.name for f in attrs.fields(Records) if f.init]
    assert fields == ["time_zone", *COLLECTIONS]


@pytest.mark.parametrize("name", COLLECTIONS)
@pytest.mark.parametrize(
    "given",
    [
        pytest.param("E-1", id="a-string"),
        pytest.param({"E-1": "E-1"}, id="a-mapping"),
        pytest.param(b"E-1", id="bytes"),
        pytest.param(5, id="not-iterable"),
    ],
)
def test_each_collection_must_be_an_iterable(name: str, given: Any) -> None:
    bundle: dict[str, Any] = {"departments": [], "employees": [], name: given}
    with pytest.raises(InvalidValueError) as caught:
        Records(time_zone=ZONE, **bundle)
    kind = COLLECTIONS[name][0].__name__
    assert (caught.value.field, caught.value.value) == (name, given)
    assert caught.value.expected == f"an iterable of {kind}"


@pytest.mark.parametrize("name", COLLECTIONS)
def test_each_collection_names_the_item_of_the_wrong_type(name: str) -> None:
    bundle = base()
    stranger = object()
    bundle[name] = [*bundle[name], stranger]
    with pytest.raises(InvalidValueError) as caught:
        build(bundle)
    kind = COLLECTIONS[name][0].__name__
    assert caught.value.field == f"{name}[{len(bundle[name]) - 1}]"
    assert caught.value.value is stranger
    assert caught.value.expected == f"a {kind}"


@pytest.mark.parametrize("name", COLLECTIONS)
def test_each_collection_is_stored_in_the_order_of_its_key(name: str) -> None:
    bundle = base()
    # One more of each, so that every collection has at least two items to put in order.
    twins: dict[str, Callable[[], Any]] = {
        "departments": lambda: department("D-0"),
        "employees": lambda: employee("E-0"),
        "trainer_certifications": lambda: certification("E-1", date(2021, 1, 1)),
        "inspector_appointments": lambda: appointment(
            "E-1", date(2023, 2, 1), date(2023, 3, 1), trained_on=None
        ),
        "reporting_accounts": lambda: account("I-1", date(2022, 1, 1)),
        "training_sessions": lambda: base_session("S-0"),
        "safety_reports": lambda: report("R-0", "E-1", at(2023, 9, 1), accepted=False),
        "violations": lambda: violation("V-0", date(2023, 1, 1)),
        "submissions": lambda: base_submission(
            "SUB-0", ("V-3",), department="D-2", issued_on=date(2023, 9, 2)
        ),
        "injuries": lambda: lost_time("INJ-0", "E-2", date(2023, 9, 1), "D-2"),
        "hours_worked": lambda: hours("D-2", "2022-12", "1"),
        "corrective_actions": lambda: action("CA-0"),
    }
    if name == "corrective_actions":  # base() has none: one, so that there are two
        bundle[name] = [action("CA-2")]
    _, key = COLLECTIONS[name]
    given = sorted([*bundle[name], twins[name]()], key=key, reverse=True)
    bundle[name] = given
    stored = getattr(build(bundle), name)
    assert stored == tuple(sorted(given, key=key))
    assert stored != tuple(given)


def test_the_time_zone_must_be_a_zoneinfo() -> None:
    with pytest.raises(InvalidValueError) as caught:
        Records(time_zone=UTC, departments=[], employees=[])  # type: ignore[arg-type]
    assert caught.value.field == "time_zone"
    assert caught.value.expected.startswith("a zoneinfo.ZoneInfo of an IANA zone name")


# --- Look-ups ------------------------------------------------------------------------------------


@pytest.fixture
def records() -> Records:
    # Built for each test (a few milliseconds): mutation testing maps a test to the code
    # it runs, and a shared bundle would be built inside whichever test came first.
    return build(base())


@pytest.mark.parametrize(
    ("look_up", "kind"),
    [
        pytest.param(Records.department, "department", id="unknown-department"),
        pytest.param(Records.employee, "employee", id="unknown-employee"),
        pytest.param(Records.violation, "violation", id="unknown-violation"),
    ],
)
def test_looking_up_an_unknown_id(
    records: Records, look_up: Callable[[Records, str], object], kind: str
) -> None:
    with pytest.raises(UnknownRecordError) as caught:
        look_up(records, "Z-9")
    assert (caught.value.kind, caught.value.key) == (kind, "Z-9")
    assert str(caught.value) == f"no {kind} with id 'Z-9' in the records"


def test_looking_up_known_ids(records: Records) -> None:
    assert records.department("HQ").is_production is False
    assert records.employee("E-2").hired_on == date(2021, 6, 15)
    assert records.violation("V-3").department == "D-2"


def test_a_certification_renewed_during_a_session_covers_every_day() -> None:
    bundle = base()
    # Valid until 1 March, renewed from 2 March: the session of 1-2 March is covered.
    bundle["trainer_certifications"] = [
        certification("T-1", date(2022, 1, 1), date(2023, 3, 1)),
        certification("T-1", date(2023, 3, 2)),
    ]

    assert len(build(bundle).training_sessions) == 1


def test_a_gap_between_two_certifications_during_a_session_is_a_problem() -> None:
    bundle = base()
    bundle["trainer_certifications"] = [
        certification("T-1", date(2022, 1, 1), date(2023, 3, 1)),
        certification("T-1", date(2023, 3, 3)),
    ]
    bundle["training_sessions"] = [base_session(days=3)]  # 1-3 March: 2 March is not covered

    (problem,) = problems_of(bundle)

    assert problem.path == "$.training_sessions[0].trainers"
    assert "valid on every day of the session ([2023-03-01, 2023-03-04))" in problem.message


@pytest.mark.parametrize(
    "look_up",
    [
        pytest.param(Records.local_day, id="day-of-a-report-from-elsewhere"),
        pytest.param(Records.accepted_on, id="acceptance-of-a-report-from-elsewhere"),
        pytest.param(Records.rejected_on, id="rejection-of-a-report-from-elsewhere"),
    ],
)
def test_a_report_that_is_not_in_the_bundle_is_an_unknown_record(
    records: Records, look_up: Callable[[Records, SafetyReport], object]
) -> None:
    stranger = report("R-99", "E-1", at(2023, 5, 4), accepted=False)

    with pytest.raises(UnknownRecordError) as caught:
        look_up(records, stranger)

    assert (caught.value.kind, caught.value.key) == ("safety report", "R-99")


def test_an_employee_of_a_department_not_in_the_bundle_is_an_unknown_record(
    records: Records,
) -> None:
    with pytest.raises(UnknownRecordError) as caught:
        records.is_production(employee("X-1", department="D-404"))

    assert (caught.value.kind, caught.value.key) == ("department", "D-404")


def test_production_personnel(records: Records) -> None:
    assert records.is_production(records.employee("E-1"))
    assert not records.is_production(records.employee("T-1"))
    assert [e.id for e in records.production_employees()] == ["E-1", "E-2", "E-9", "I-1"]


@pytest.mark.parametrize(
    ("day", "on_staff", "production"),
    [
        pytest.param(date(2021, 6, 14), ["E-1", "E-9", "I-1", "T-1"], 3, id="day-before-e2-hired"),
        pytest.param(date(2021, 6, 15), ["E-1", "E-2", "E-9", "I-1", "T-1"], 4, id="e2-hired"),
        pytest.param(date(2023, 6, 30), ["E-1", "E-2", "E-9", "I-1", "T-1"], 4, id="e9-last-day"),
        pytest.param(date(2023, 7, 1), ["E-1", "E-2", "I-1", "T-1"], 3, id="e9-left"),
        pytest.param(date(2018, 1, 1), ["T-1"], 0, id="only-the-trainer"),
    ],
)
def test_who_is_on_staff(records: Records, day: date, on_staff: list[str], production: int) -> None:
    assert [e.id for e in records.employed_on(day)] == on_staff
    assert records.production_headcount(day) == production


def test_average_headcount_counts_employee_days() -> None:
    records = build(base())
    # 1 June to 10 July 2023, 40 days: E-1, E-2, I-1 all 40; E-9 the 30 days of June; T-1 40.
    days = DateRange(date(2023, 6, 1), date(2023, 7, 11))
    assert records.average_production_headcount(days) == Fraction(150, 40)
    assert records.average_headcount(days) == Fraction(190, 40)


@pytest.mark.parametrize(
    "average",
    [
        pytest.param(Records.average_production_headcount, id="production"),
        pytest.param(Records.average_headcount, id="whole-company"),
    ],
)
def test_average_headcount_of_no_day_is_an_error(
    records: Records, average: Callable[[Records, DateRange], Fraction]
) -> None:
    with pytest.raises(InvalidValueError) as caught:
        average(records, DateRange(date(2023, 6, 1), date(2023, 6, 1)))
    assert caught.value.field == "days"
    assert caught.value.value == "[2023-06-01, 2023-06-01)"
    assert caught.value.expected == "a range of at least one day"


def test_roles_and_accounts(records: Records) -> None:
    assert records.certifications_of("T-1") == (
        certification("T-1", date(2022, 1, 1), date(2023, 12, 31)),
    )
    assert records.certifications_of("E-1") == ()
    assert records.appointments_of("I-1") == (
        appointment("I-1", date(2023, 1, 1), date(2024, 1, 1), trained_on=None),
    )
    assert records.appointments_of("E-1") == ()
    assert records.account_of("E-2") == account("E-2", date(2022, 2, 1))
    assert records.account_of("I-1") is None


def test_reports_by_reporter_and_day(records: Records) -> None:
    assert [r.id for r in records.reports_by("E-1")] == ["R-1", "R-3"]
    assert [r.id for r in records.reports_by("E-2")] == ["R-2"]
    assert records.reports_by("I-1") == ()
    may = DateRange(date(2023, 5, 1), date(2023, 6, 1))
    assert [r.id for r in records.reports_during(may)] == ["R-1", "R-2"]
    r1, r2, r3 = records.safety_reports
    assert records.local_day(r3) == date(2023, 8, 1)
    assert (records.accepted_on(r1), records.rejected_on(r1)) == (date(2023, 5, 4), None)
    assert (records.accepted_on(r2), records.rejected_on(r2)) == (None, None)
    assert (records.accepted_on(r3), records.rejected_on(r3)) == (None, date(2023, 8, 1))


def test_the_day_of_a_report_is_the_day_in_the_company_zone() -> None:
    bundle = base()
    late = report("R-4", "E-2", datetime(2023, 5, 31, 20, 30, tzinfo=UTC), accepted=False).accept(
        datetime(2023, 5, 31, 23, 0, tzinfo=UTC)
    )
    turned_down = report(
        "R-5", "E-2", datetime(2023, 5, 31, 21, 0, tzinfo=UTC), accepted=False
    ).reject(datetime(2023, 5, 31, 22, 0, tzinfo=UTC), "duplicate")
    bundle["safety_reports"] += [late, turned_down]
    records = build(bundle)
    assert records.local_day(late) == date(2023, 6, 1)
    assert records.accepted_on(late) == date(2023, 6, 1)
    assert records.rejected_on(turned_down) == date(2023, 6, 1)
    june = DateRange(date(2023, 6, 1), date(2023, 7, 1))
    assert records.reports_during(june) == (late, turned_down)
    assert records.reports_as_of(date(2023, 6, 1), registered=june) == (
        ReportAsOf(late, ReportStatus.ACCEPTED),
        ReportAsOf(turned_down, ReportStatus.REJECTED),
    )


# --- What is known of a report on a day: its changes up to that day, in the company's zone ------

MAY = DateRange(date(2023, 5, 1), date(2023, 6, 1))


def lifecycle_records() -> tuple[Records, SafetyReport]:
    # Registered 30 May, accepted late on 31 May in UTC (1 June in Almaty), eliminated 2 June.
    bundle = base()
    lived = (
        report("R-9", "E-2", at(2023, 5, 30), accepted=False)
        .accept(datetime(2023, 5, 31, 20, 0, tzinfo=UTC))
        .start_work(at(2023, 6, 1, 12))
        .eliminate(at(2023, 6, 2))
    )
    bundle["safety_reports"] += [lived]
    return build(bundle), lived


@pytest.mark.parametrize(
    ("as_of", "status"),
    [
        pytest.param(date(2023, 5, 30), ReportStatus.REGISTERED, id="registered-that-day"),
        pytest.param(
            date(2023, 5, 31), ReportStatus.REGISTERED, id="accepted-after-midnight-in-almaty"
        ),
        pytest.param(date(2023, 6, 1), ReportStatus.IN_PROGRESS, id="two-changes-in-one-day"),
        pytest.param(date(2023, 6, 2), ReportStatus.ELIMINATED, id="eliminated-that-day"),
        pytest.param(date(2024, 1, 1), ReportStatus.ELIMINATED, id="long-after"),
    ],
)
def test_a_report_is_known_as_it_stood_at_the_end_of_the_day(
    as_of: date, status: ReportStatus
) -> None:
    records, lived = lifecycle_records()
    known = [k for k in records.reports_as_of(as_of, registered=MAY) if k.report == lived]
    assert known == [ReportAsOf(lived, status)]


def test_a_report_registered_after_the_day_is_not_known_on_it() -> None:
    records, lived = lifecycle_records()
    assert [k.report.id for k in records.reports_as_of(date(2023, 5, 29), registered=MAY)] == [
        "R-1",
        "R-2",
    ]
    assert records.reports_as_of(date(2023, 4, 30), registered=MAY) == ()
    assert lived not in [k.report for k in records.reports_as_of(date(2023, 5, 29), registered=MAY)]


@given(testing.records(), testing.date_ranges(), st.data())
def test_reports_as_of_match_the_days_of_their_changes(
    records: Records, days: DateRange, data: st.DataObject
) -> None:
    zone = records.time_zone
    # Around the days something happened, where a day more or less changes the answer.
    moments = [
        m for r in records.safety_reports for m in (r.reported_at, *(c.at for c in r.history))
    ]
    near = [local_date(m, zone) + timedelta(days=d) for m in moments for d in (-1, 0, 1)]
    as_of = data.draw(st.sampled_from(near) if near else testing.dates())
    expected = []
    for item in records.reports_during(days):
        if records.local_day(item) > as_of:
            continue
        status, counts_from = ReportStatus.REGISTERED, records.local_day(item)
        for change in item.history:
            # From its day, never earlier than the last: a zone's local day can go back.
            counts_from = max(counts_from, local_date(change.at, zone))
            if counts_from <= as_of:
                status = change.status
        expected.append(ReportAsOf(item, status))
    assert list(records.reports_as_of(as_of, registered=days)) == expected


def test_training_sessions_by_day(records: Records) -> None:
    assert [
        s.id
        for s in records.sessions_during(DateRange.inclusive(date(2023, 3, 1), date(2023, 3, 1)))
    ] == ["S-1"]
    assert records.sessions_during(DateRange(date(2023, 3, 2), date(2023, 4, 1))) == ()


def test_submissions_and_violations(records: Records) -> None:
    sub1 = records.submissions[0]
    assert records.submissions_by("I-1") == (sub1,)
    assert records.submissions_by("E-1") == ()
    april = DateRange(date(2023, 4, 1), date(2023, 5, 1))
    assert records.submissions_during(april) == (sub1,)
    assert [v.id for v in records.violations_of(sub1)] == ["V-1", "V-2"]
    assert records.submission_listing("V-2") == sub1
    assert records.submission_listing("V-3") is None
    # Half-open: V-1 of 10 April is before, V-3 of 1 September is after.
    found = records.violations_found_during(DateRange(date(2023, 4, 11), date(2023, 9, 1)))
    assert [v.id for v in found] == ["V-2"]


def test_injuries_by_day(records: Records) -> None:
    assert [
        i.id for i in records.injuries_during(DateRange(date(2023, 6, 1), date(2023, 6, 2)))
    ] == ["INJ-1"]
    assert records.injuries_during(DateRange(date(2023, 5, 1), date(2023, 6, 1))) == ()


def test_hours_worked_by_month(records: Records) -> None:
    january, february, march = Month(2023, 1), Month(2023, 2), Month(2023, 3)
    assert [(h.department, str(h.month)) for h in records.hours_during([january])] == [
        ("D-1", "2023-01"),
        ("D-2", "2023-01"),
    ]
    # 12,000.5 + 11,000 + 8,000
    assert records.total_hours([january, february]) == Decimal("31000.5")
    assert records.total_hours([march]) == Decimal(0)
    assert isinstance(records.total_hours([march]), Decimal)  # exact even when empty
    assert records.hours_during([]) == ()


def test_the_rules_across_records_read_in_russian_and_kazakh() -> None:
    data = demo_department_data()
    data["employees"][5]["department"] = "D-NONE"
    data["employees"][7]["id"] = data["employees"][6]["id"]
    with pytest.raises(InvalidDataError) as caught:
        serialization.load(data, Records)
    ru, kk = caught.value.render("ru").splitlines(), caught.value.render("kk").splitlines()
    assert ru[1] == (
        "  $.employees[5].department (E-0000006): не найден идентификатор 'D-NONE' "
        "(подразделение): в departments такого нет"
    )
    assert ru[2] == (
        "  $.employees[7].id (E-0000007): 'E-0000007' встречается 2 раза "
        "(employees[6], employees[7]); в employees каждое значение должно быть уникальным"
    )
    assert kk[1] == (
        "  $.employees[5].department (E-0000006): бөлімше 'D-NONE' табылмады: "
        "departments ішінде мұндай идентификатор жоқ"
    )
    assert str(caught.value).splitlines()[1] == (
        "  $.employees[5].department (E-0000006): unknown department 'D-NONE': "
        "no such id in departments"
    )


def test_a_bundle_keeps_one_object_per_local_day_of_its_reports() -> None:
    # Memory: a 10x bundle holds 775,784 days of reports and changes, of about 1,100 days.
    index = demo_department()._index
    days = [*index.report_days]
    days += [day for changed in index.change_days for day in changed]

    assert len(days) > 2 * len(set(days))
    assert len({id(day) for day in days}) == len(set(days))


@given(testing.records())
def test_the_recorded_days_run_from_the_first_event_to_the_last(records: Records) -> None:
    # Dated records: a report registered (its local day), a session held, a violation found,
    # a submission issued, an injury, a corrective action raised, a month of hours worked.
    zone = records.time_zone
    days = [local_date(r.reported_at, zone) for r in records.safety_reports]
    days += [s.days.start for s in records.training_sessions]
    days += [s.days.end - timedelta(days=1) for s in records.training_sessions]
    days += [v.found_on for v in records.violations] + [s.issued_on for s in records.submissions]
    days += [i.occurred_on for i in records.injuries]
    days += [a.raised_on for a in records.corrective_actions]
    days += [d for h in records.hours_worked for d in (h.month.first_day, h.month.last_day)]
    expected = DateRange.inclusive(min(days), max(days)) if days else None
    assert records.recorded_days() == expected


def test_staff_and_their_standing_facts_are_not_dated(records: Records) -> None:
    standing = Records(
        time_zone=records.time_zone,
        departments=records.departments,
        employees=records.employees,
        trainer_certifications=records.trainer_certifications,
        inspector_appointments=records.inspector_appointments,
        reporting_accounts=records.reporting_accounts,
    )
    assert standing.recorded_days() is None
    assert records.recorded_days() is not None


@pytest.mark.parametrize("august_at", [0, 1], ids=["august-first", "march-first"])
def test_each_of_two_reports_with_one_id_is_checked_on_its_own_day(august_at: int) -> None:
    # A duplicated id is a problem of its own; each report with it is still checked on its
    # own day, whatever their order (E-9 left on 2023-07-01: only August is after).
    bundle = base()
    reports = [
        report("R-7", "E-9", at(2023, 3, 1), accepted=False),
        report("R-7", "E-9", at(2023, 8, 1), accepted=False),
    ]
    first = len(bundle["safety_reports"])
    bundle["safety_reports"] += reports if august_at else reports[::-1]

    staffed = [(p.path, p.message) for p in problems_of(bundle) if "on staff" in p.message]

    assert staffed == [
        (
            f"$.safety_reports[{first + august_at}].reporter",
            "employee 'E-9' reported on 2023-08-01 but was not on staff then "
            "(hired on 2020-01-01, left on 2023-07-01)",
        )
    ]


def test_a_change_counts_from_its_day_never_earlier_than_the_last() -> None:
    # Goose Bay turned its clocks back from 00:01 to 23:01 of the day before (25 October
    # 1987, 03:01 UTC). Registered at 23:30 on the 24th; accepted, and work started, at
    # 00:00:30 on the 25th; eliminated twenty minutes later, at 23:20 "on the 24th" again.
    # The elimination cannot count before the acceptance: from the 25th.
    zone = ZoneInfo("America/Goose_Bay")
    made = report(
        "R-1",
        "P-1",
        datetime(1987, 10, 25, 2, 30, tzinfo=UTC),
        accepted=datetime(1987, 10, 25, 3, 0, 30, tzinfo=UTC),
        eliminated=datetime(1987, 10, 25, 3, 20, tzinfo=UTC),
    )
    days = [local_date(c.at, zone) for c in made.history]
    assert days == [date(1987, 10, 25), date(1987, 10, 25), date(1987, 10, 24)]
    bundle = Records(
        time_zone=zone,
        departments=[department("D-1")],
        employees=[employee("P-1", hired_on=date(1980, 1, 1))],
        reporting_accounts=[account("P-1", date(1980, 1, 1))],
        safety_reports=[made],
    )
    october = DateRange.inclusive(date(1987, 10, 1), date(1987, 10, 31))
    day = timedelta(days=1)
    deadlines = EliminationDeadlines(low=day, medium=day, high=day)

    def state(as_of: date) -> tuple[list[ReportStatus], int, int]:
        known = bundle.reports_as_of(as_of, registered=october)
        stats = elimination(bundle, period=october, as_of=as_of, deadlines=deadlines).reports
        return [k.status for k in known], stats.items, stats.eliminated

    assert bundle.accepted_on(made) == date(1987, 10, 25)
    assert state(date(1987, 10, 24)) == ([ReportStatus.REGISTERED], 0, 0)
    assert state(date(1987, 10, 25)) == ([ReportStatus.ELIMINATED], 1, 1)


@given(
    offsets=st.lists(st.tuples(st.booleans(), st.integers(-20, 60)), min_size=1, max_size=8),
    hired_on=st.dates(date(2022, 1, 1), date(2024, 12, 31)),
    stayed=st.one_of(st.none(), st.integers(0, 40)),
    waited=st.one_of(st.none(), st.integers(-5, 40)),
)
# On staff and registered for the first report, not for the last (in either order); and
# registered on the very day of the first report.
@example(offsets=[(True, 1), (True, 30)], hired_on=date(2023, 1, 1), stayed=10, waited=0)
@example(offsets=[(True, 30), (True, 1)], hired_on=date(2023, 1, 1), stayed=10, waited=0)
@example(offsets=[(True, 5), (True, 20)], hired_on=date(2023, 1, 1), stayed=None, waited=10)
@example(offsets=[(True, 20), (True, 5)], hired_on=date(2023, 1, 1), stayed=None, waited=10)
@example(offsets=[(True, 5)], hired_on=date(2023, 1, 1), stayed=None, waited=5)
# Registered (wrongly) before being hired, reporting in between.
@example(offsets=[(True, -2), (True, 5)], hired_on=date(2023, 1, 1), stayed=None, waited=-5)
def test_each_report_made_off_staff_or_unregistered_is_reported_and_no_other(
    offsets: list[tuple[bool, int]], hired_on: date, stayed: int | None, waited: int | None
) -> None:
    # P-1 reports on the days drawn around their hiring, among reports of P-2, who is
    # always on staff and registered. A report counts only from a reporter on staff and
    # registered on its day.
    left_on = None if stayed is None else hired_on + timedelta(days=stayed)
    registered_on = None if waited is None else hired_on + timedelta(days=waited)
    reports = [(mine, hired_on + timedelta(days=offset)) for mine, offset in offsets]

    def on_staff(day: date) -> bool:
        return hired_on <= day and (left_on is None or day < left_on)

    bundle: Bundle = {
        "departments": [department("D-1")],
        "employees": [
            employee("P-1", hired_on=hired_on, left_on=left_on),
            employee("P-2", hired_on=date(2020, 1, 1)),
        ],
        "reporting_accounts": [account("P-2", date(2020, 1, 1))]
        + ([] if registered_on is None else [account("P-1", registered_on)]),
        "safety_reports": [
            report(f"R-{n:02}", "P-1" if mine else "P-2", at(day.year, day.month, day.day))
            for n, (mine, day) in enumerate(reports)
        ],
    }
    off_staff = {
        f"$.safety_reports[{n}].reporter"
        for n, (mine, day) in enumerate(reports)
        if mine and not on_staff(day)
    }
    unregistered = {
        f"$.safety_reports[{n}].reporter"
        for n, (mine, day) in enumerate(reports)
        if mine and (registered_on is None or registered_on > day)
    }
    wrongly_registered = registered_on is not None and not on_staff(registered_on)
    try:
        Records(time_zone=ZONE, **bundle)
        found: tuple[Problem, ...] = ()
    except InvalidDataError as error:
        found = error.problems
    on_reports = [p for p in found if p.path.startswith("$.safety_reports")]

    assert {p.path for p in on_reports if "not on staff" in p.message} == off_staff
    assert {p.path for p in on_reports if "reporting system" in p.message} == unregistered
    assert len(on_reports) == len(off_staff) + len(unregistered)
    assert len(found) == len(on_reports) + wrongly_registered
