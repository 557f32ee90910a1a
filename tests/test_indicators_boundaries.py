"""Indicators at their edges: the day itself, midnight in Almaty, the 90th rank, the messages."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from ohs_domain import (
    DateRange,
    EliminationDeadlines,
    InjurySeverity,
    InvalidValueError,
    Quarter,
    Records,
    ReportingAccount,
    TrainingFormat,
    Year,
    elimination,
    engagement,
    injury_rates,
    kz,
    show,
    training_coverage,
)
from ohs_domain._indicators import _duration
from tests.rule_builders import (
    appointment,
    at,
    employee,
    injury,
    records,
    report,
    session,
    submission,
    violation,
)

YEAR = Year(2023)
DEADLINES = EliminationDeadlines(
    low=timedelta(days=30), medium=timedelta(days=7), high=timedelta(days=1)
)
STAFF = [employee(f"P-{n}") for n in range(1, 4)]
INSPECTORS = [appointment("P-1", date(2022, 1, 1), date(2025, 1, 1))]


def midnight(day: date) -> datetime:
    """The first moment of ``day`` in Almaty."""
    return datetime(day.year, day.month, day.day, tzinfo=kz.ALMATY)


def eliminate(data: Records, as_of: date) -> object:
    return elimination(data, period=YEAR, as_of=as_of, deadlines=DEADLINES)


# --- training coverage ---------------------------------------------------------------------------


def test_a_session_that_starts_on_as_of_has_happened() -> None:
    data = records(
        employees=STAFF,
        inspector_appointments=INSPECTORS,
        trainers=["T-1"],
        training_sessions=[session("S-1", TrainingFormat.WORKPLACE, date(2023, 6, 1), ["P-1"])],
    )
    coverage = training_coverage(data, period=YEAR, as_of=date(2023, 6, 1))
    assert coverage.of(TrainingFormat.WORKPLACE).sessions == 1
    assert coverage.trained.part == 1


def test_only_field_visits_count_as_departments_visited() -> None:
    data = records(
        employees=STAFF,
        inspector_appointments=INSPECTORS,
        trainers=["T-1"],
        training_sessions=[
            session(
                "FV-1", TrainingFormat.FIELD_VISIT, date(2023, 3, 1), ["P-1"], department="D-2"
            ),
            session(
                "TC-1", TrainingFormat.TRAINING_CENTRE, date(2023, 3, 2), ["P-2"], department="D-3"
            ),
            session("WP-1", TrainingFormat.WORKPLACE, date(2023, 3, 3), ["P-3"], department="D-1"),
        ],
    )
    coverage = training_coverage(data, period=YEAR, as_of=date(2023, 12, 31))
    assert (coverage.departments_visited.part, coverage.departments_visited.whole) == (1, 3)


# --- engagement ----------------------------------------------------------------------------------


def test_a_rejection_counts_on_its_day_in_almaty_not_in_utc() -> None:
    # 1 June 02:00 in Almaty (UTC+6) is still 31 May in UTC.
    rejected = datetime(2023, 6, 1, 2, 0, tzinfo=kz.ALMATY)
    data = records(
        employees=STAFF,
        inspector_appointments=INSPECTORS,
        reports=[report("R-1", "P-1", at(2023, 5, 30), rejected=rejected)],
    )
    result = engagement(data, period=YEAR, as_of=date(2023, 5, 31))
    assert result.active.part == 1
    assert result.rejected == 0


@pytest.mark.parametrize("min_reports", [0, -1], ids=["zero", "negative"])
def test_min_reports_below_one_is_named(min_reports: int) -> None:
    with pytest.raises(InvalidValueError) as info:
        engagement(
            records(employees=STAFF, inspector_appointments=INSPECTORS),
            period=YEAR,
            as_of=date(2023, 12, 31),
            min_reports=min_reports,
        )
    error = info.value
    assert (error.field, error.value, error.expected) == (
        "min_reports",
        min_reports,
        "an int of at least 1",
    )


@pytest.mark.parametrize(
    "as_of", [date(2023, 4, 1), date(2023, 4, 2)], ids=["day-after-the-quarter", "two-days-after"]
)
def test_reports_after_the_period_never_count(as_of: date) -> None:
    quarter = Quarter(2023, 1)
    data = records(
        employees=STAFF,
        inspector_appointments=INSPECTORS,
        reports=[
            report("R-1", "P-1", at(2023, 3, 31)),
            report("R-2", "P-2", at(2023, 4, 1)),
        ],
    )
    result = engagement(data, period=quarter, as_of=as_of)
    assert result.reports == 1
    assert result.active.part == 1
    assert result.period == quarter.range


# --- elimination of reports ----------------------------------------------------------------------


def test_a_report_accepted_at_midnight_after_as_of_is_not_yet_accepted() -> None:
    as_of = date(2023, 6, 1)
    data = records(
        employees=STAFF,
        inspector_appointments=INSPECTORS,
        reports=[
            report("R-1", "P-1", at(2023, 5, 31), accepted=midnight(date(2023, 6, 2))),
            report("R-2", "P-1", at(2023, 5, 31), accepted=at(2023, 6, 1, 23, 59)),
        ],
    )
    assert eliminate(data, as_of).reports.items == 1  # type: ignore[attr-defined]


def test_a_report_eliminated_at_midnight_after_as_of_is_still_open() -> None:
    as_of = date(2023, 6, 1)
    accepted = at(2023, 5, 1, 11)
    data = records(
        employees=STAFF,
        inspector_appointments=INSPECTORS,
        reports=[
            report(
                "R-1",
                "P-1",
                at(2023, 5, 1),
                accepted=accepted,
                eliminated=midnight(date(2023, 6, 2)),
            ),
            report("R-2", "P-1", at(2023, 5, 1), accepted=accepted, eliminated=at(2023, 6, 1, 23)),
        ],
    )
    stats = eliminate(data, as_of).reports  # type: ignore[attr-defined]
    assert stats.eliminated == 1
    assert stats.overdue == ("R-1",)


def test_the_90th_percentile_of_ten_times_is_the_ninth() -> None:
    accepted = [
        report(
            f"R-{n:02d}",
            "P-1",
            at(2023, 5, 1),
            accepted=at(2023, 5, 1, 11),
            eliminated=at(2023, 5, 1 + n),
        )
        for n in range(1, 11)
    ]
    stats = eliminate(
        records(employees=STAFF, inspector_appointments=INSPECTORS, reports=accepted),
        date(2023, 12, 31),
    ).reports  # type: ignore[attr-defined]
    assert stats.p90_time == timedelta(days=9)
    assert stats.median_time == timedelta(days=5, hours=12)


def test_the_explanation_shows_each_figure_with_its_period() -> None:
    data = records(
        employees=STAFF,
        inspector_appointments=INSPECTORS,
        reports=[report("R-1", "P-1", at(2023, 5, 1), eliminated=at(2023, 5, 2))],
        violations=[violation("V-1", date(2023, 5, 1), eliminated_on=date(2023, 5, 3))],
        submissions=[submission("S-1", "P-1", date(2023, 5, 1), ["V-1"])],
    )
    result = elimination(data, period=YEAR, as_of=date(2023, 12, 31), deadlines=DEADLINES)
    reports_step, violations_step, submissions_step = result.explanation.steps
    assert show(reports_step.result) == str(result.reports)
    assert violations_step.description == "violations found in [2023-01-01, 2024-01-01)"
    assert show(violations_step.result) == str(result.violations)
    assert submissions_step.description == (
        "submissions issued in [2023-01-01, 2024-01-01) answered by their deadline"
    )


# --- elimination of violations and submissions ---------------------------------------------------


def test_a_submission_answered_on_as_of_is_due_and_on_time() -> None:
    data = records(
        employees=STAFF,
        inspector_appointments=INSPECTORS,
        violations=[violation("V-1", date(2023, 5, 1))],
        submissions=[
            submission(
                "S-1",
                "P-1",
                date(2023, 5, 1),
                ["V-1"],
                respond_by=date(2023, 5, 20),
                answered_on=date(2023, 5, 10),
            )
        ],
    )
    answered = eliminate(data, date(2023, 5, 10)).submissions_answered  # type: ignore[attr-defined]
    assert (answered.part, answered.whole) == (1, 1)


def test_a_violation_found_and_eliminated_on_as_of_counts() -> None:
    data = records(
        employees=STAFF,
        inspector_appointments=INSPECTORS,
        violations=[violation("V-1", date(2023, 5, 10), eliminated_on=date(2023, 5, 10))],
        submissions=[submission("S-1", "P-1", date(2023, 5, 10), ["V-1"])],
    )
    stats = eliminate(data, date(2023, 5, 10)).violations  # type: ignore[attr-defined]
    assert (stats.items, stats.eliminated) == (1, 1)
    assert (stats.on_time.part, stats.on_time.whole) == (1, 1)
    assert stats.subject == "violations found by technical inspectors"


def test_every_overdue_violation_is_due() -> None:
    data = records(
        employees=STAFF,
        inspector_appointments=INSPECTORS,
        violations=[violation("V-1", date(2023, 5, 1)), violation("V-2", date(2023, 5, 1))],
        submissions=[submission("S-1", "P-1", date(2023, 5, 1), ["V-1", "V-2"])],
    )
    stats = eliminate(data, date(2023, 12, 31)).violations  # type: ignore[attr-defined]
    assert (stats.on_time.part, stats.on_time.whole) == (0, 2)
    assert stats.overdue == ("V-1", "V-2")


def test_the_90th_percentile_of_ten_violations_is_the_ninth() -> None:
    found = [
        violation(f"V-{n:02d}", date(2023, 5, 1), eliminated_on=date(2023, 5, 1 + n))
        for n in range(1, 11)
    ]
    data = records(
        employees=STAFF,
        inspector_appointments=INSPECTORS,
        violations=found,
        submissions=[submission("S-1", "P-1", date(2023, 5, 1), [v.id for v in found])],
    )
    stats = eliminate(data, date(2023, 12, 31)).violations  # type: ignore[attr-defined]
    assert stats.p90_time == timedelta(days=9)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (timedelta(hours=5), "5 h 0 min"),
        (timedelta(hours=1, minutes=59, seconds=59), "1 h 59 min"),
        (timedelta(days=2, hours=3), "2 d 3 h"),
        (None, "undefined"),
    ],
    ids=["whole-hours", "just-under-two-hours", "days", "nothing-eliminated"],
)
def test_durations_read_in_hours_and_minutes_under_a_day(
    value: timedelta | None, text: str
) -> None:
    assert _duration(value) == text


# --- injury rates --------------------------------------------------------------------------------


def test_a_period_not_of_whole_months_is_named_with_the_reason() -> None:
    days = DateRange(date(2023, 1, 1), date(2023, 1, 15))
    with pytest.raises(InvalidValueError) as info:
        injury_rates(
            records(employees=STAFF, inspector_appointments=INSPECTORS),
            period=days,
            as_of=date(2023, 1, 31),
        )
    error = info.value
    assert (error.field, error.value) == ("period", str(days))
    assert error.expected == "whole months (hours worked are recorded per month)"


def test_an_injury_the_day_after_as_of_is_not_yet_known() -> None:
    data = records(
        employees=STAFF,
        inspector_appointments=INSPECTORS,
        injuries=[
            injury("I-1", date(2023, 12, 1), InjurySeverity.LOST_TIME, worker="P-1", days_lost=2),
            injury("I-2", date(2023, 12, 31), InjurySeverity.LOST_TIME, worker="P-2", days_lost=2),
        ],
    )
    rates = injury_rates(data, period=YEAR, as_of=date(2023, 12, 30))
    assert rates.last_recordable_injury == date(2023, 12, 1)
    assert rates.days_without_injury == 29


# --- the reference date --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (date(2022, 12, 31), "a day on or after the period's start (2023-01-01)"),
        (date(9998, 12, 31), "a day before 9998-12-31"),
    ],
    ids=["before-the-period", "too-late-for-a-next-day"],
)
def test_an_as_of_out_of_range_is_named_with_the_valid_range(as_of: date, expected: str) -> None:
    with pytest.raises(InvalidValueError) as info:
        training_coverage(records(employees=STAFF), period=YEAR, as_of=as_of)
    error = info.value
    assert (error.field, error.value, error.expected) == ("as_of", as_of, expected)


def test_an_account_opened_on_as_of_is_registered_on_as_of() -> None:
    as_of = date(2023, 6, 1)
    accounts = [ReportingAccount(employee=e.id, registered_on=as_of) for e in STAFF]
    data = records(employees=STAFF, inspector_appointments=INSPECTORS, accounts=accounts)
    result = engagement(data, period=YEAR, as_of=as_of)
    assert (result.registered.part, result.registered.whole) == (3, 3)
    assert result.as_of == as_of
