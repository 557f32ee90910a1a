"""Vision Zero indicators: training, engagement, elimination, inspections and injuries.

Expected figures are worked out by hand from each indicator's definition
(FACTS.md for the injury rates); comments show the arithmetic.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ohs_domain import (
    ActivityLine,
    DateRange,
    EliminationDeadlines,
    EmployeeId,
    Engagement,
    InjurySeverity,
    InvalidValueError,
    Month,
    Period,
    Quarter,
    Records,
    ReportingAccount,
    ReportKind,
    RiskLevel,
    SafetyReport,
    Share,
    Submission,
    TrainingFormat,
    WorkInjury,
    Year,
    elimination,
    engagement,
    injury_rates,
    inspection_activity,
    show,
    testing,
    training_coverage,
)
from tests.rule_builders import (
    appointment,
    at,
    employee,
    injury,
    issued,
    monthly_hours,
    records,
    report,
    session,
    submission,
    violation,
)

YEAR = Year(2023)
END_OF_2023 = date(2023, 12, 31)
CENTRE = TrainingFormat.TRAINING_CENTRE
VISIT = TrainingFormat.FIELD_VISIT
WORKPLACE = TrainingFormat.WORKPLACE
HOUR = timedelta(hours=1)
DAY = timedelta(days=1)


# -- training coverage --------------------------------------------------------------------------


@pytest.fixture
def trained() -> Records:
    """Six production employees (P-1..P-3 in D-1, P-4..P-6 in D-2), one office worker,
    one who left in June, and five 2023 sessions plus one of 2022."""
    staff = [employee(f"P-{n}", department="D-1" if n <= 3 else "D-2") for n in range(1, 7)]
    staff += [employee("H-1", department="HQ"), employee("L-1", left_on=date(2023, 6, 1))]
    sessions = [
        session("TC-1", CENTRE, date(2023, 3, 1), ["P-1", "P-2", "H-1", "L-1"], group="G-1"),
        session("TC-2", CENTRE, date(2023, 4, 1), ["P-1", "P-3"], group="G-2"),
        session("FV-1", VISIT, date(2023, 11, 10), ["P-4"], group="FV-D2", department="D-2"),
        session("FV-2", VISIT, date(2023, 11, 20), ["H-1"], group="FV-HQ", department="HQ"),
        session("WP-1", WORKPLACE, date(2023, 12, 5), ["P-1"], group="WP-1"),
        session("OLD", CENTRE, date(2022, 12, 15), ["P-5"], group="G-0"),
    ]
    return records(employees=staff, trainers=["T-1"], training_sessions=sessions)


def test_training_coverage_counts_distinct_production_people(trained: Records) -> None:
    coverage = training_coverage(trained, period=YEAR, as_of=END_OF_2023)

    # P-1 trained three times counts once; H-1 is not production personnel; L-1
    # left before as_of; P-5's session was in 2022. Trained: P-1..P-4 of P-1..P-6.
    assert coverage.trained == Share(4, 6)
    assert coverage.untrained == ("P-5", "P-6")
    assert (coverage.participations, coverage.sessions, coverage.groups) == (9, 5, 5)
    assert (coverage.period, coverage.as_of) == (YEAR.range, END_OF_2023)


@pytest.mark.parametrize(
    ("training_format", "expected"),
    [
        # people, participations, sessions, groups
        pytest.param(CENTRE, (3, 6, 2, 2), id="training-centre-people-vs-participations"),
        pytest.param(VISIT, (1, 2, 2, 2), id="field-visits-count-only-production-people"),
        pytest.param(WORKPLACE, (1, 1, 1, 1), id="workplace"),
    ],
)
def test_training_coverage_by_format(
    trained: Records, training_format: TrainingFormat, expected: tuple[int, int, int, int]
) -> None:
    line = training_coverage(trained, period=YEAR, as_of=END_OF_2023).of(training_format)

    assert line.format is training_format
    assert line.people.whole == 6
    assert (line.people.part, line.participations, line.sessions, line.groups) == expected


def test_departments_visited_are_production_departments_reached_by_field_visits(
    trained: Records,
) -> None:
    coverage = training_coverage(trained, period=YEAR, as_of=END_OF_2023)

    # D-2 was visited; the visit to the head office does not count: 1 of D-1, D-2, D-3.
    assert coverage.departments_visited == Share(1, 3)


def test_training_coverage_of_a_quarter(trained: Records) -> None:
    coverage = training_coverage(trained, period=Quarter(2023, 1), as_of=date(2023, 3, 31))

    # Only TC-1 (1 March); L-1 was still on staff, so the headcount is 7.
    assert coverage.trained == Share(3, 7)
    assert coverage.of(CENTRE).groups == 1


def test_training_coverage_explanation(trained: Records) -> None:
    steps = training_coverage(trained, period=YEAR, as_of=END_OF_2023).explanation.steps

    assert [(s.description, show(s.result)) for s in steps] == [
        ("production personnel on staff on 2023-12-31", "6"),
        (
            "training sessions that started in [2023-01-01, 2024-01-01)",
            "5 sessions, 9 participations",
        ),
        ("coverage = distinct people trained ÷ headcount", "4 of 6 (66.7 %)"),
    ]
    assert [(f.name, show(f.value)) for f in steps[1].facts] == [
        ("training_centre", "3 people in 2 groups (6 participations)"),
        ("field_visit", "1 people in 2 groups (2 participations)"),
        ("workplace", "1 people in 1 groups (1 participations)"),
    ]


def test_training_coverage_without_production_staff_is_undefined() -> None:
    data = records(
        employees=[employee("H-1", department="HQ")],
        trainers=["T-1"],
        training_sessions=[session("TC-1", CENTRE, date(2023, 3, 1), ["H-1"])],
    )

    coverage = training_coverage(data, period=YEAR, as_of=END_OF_2023)

    assert coverage.trained == Share(0, 0)
    assert coverage.trained.value is None
    assert str(coverage.trained) == "0 of 0 (undefined)"
    assert coverage.of(CENTRE).participations == 1


@pytest.mark.parametrize(
    ("as_of", "field"),
    [
        pytest.param(date(2022, 12, 31), "as_of", id="as-of-before-the-period"),
        pytest.param(datetime(2023, 12, 31, tzinfo=UTC), "as_of", id="as-of-a-moment"),
    ],
)
def test_training_coverage_needs_an_as_of_day_in_or_after_the_period(
    trained: Records, as_of: date, field: str
) -> None:
    with pytest.raises(InvalidValueError) as raised:
        training_coverage(trained, period=YEAR, as_of=as_of)

    assert raised.value.field == field


# -- engagement ------------------------------------------------------------------------------


def _registered(*people: str, on: date = date(2022, 1, 1)) -> list[ReportingAccount]:
    return [ReportingAccount(employee=EmployeeId(p), registered_on=on) for p in people]


@pytest.fixture
def reporting() -> Records:
    """P-1..P-4 in production (P-4 not registered), H-1 in the office, L-1 left in June."""
    staff = [employee(f"P-{n}", department="D-1" if n <= 2 else "D-2") for n in range(1, 5)]
    staff += [employee("H-1", department="HQ"), employee("L-1", left_on=date(2023, 6, 1))]
    made = [
        report("R-1", "P-1", at(2023, 2, 1)),
        report("R-2", "P-1", at(2023, 2, 2), kind=ReportKind.EQUIPMENT_DEFECT),
        report("R-3", "P-2", at(2023, 3, 1), kind=ReportKind.HAZARDOUS_CONDITION),
        report("R-4", "P-2", at(2023, 3, 2), rejected=at(2023, 3, 3)),
        report("R-5", "P-3", at(2023, 4, 1), rejected=at(2023, 4, 2)),
        report("R-6", "H-1", at(2023, 5, 1), kind=ReportKind.FACILITY_DEFECT),
        report("R-7", "L-1", at(2023, 2, 10), kind=ReportKind.UNSAFE_ACT),
        report("R-8", "P-1", at(2022, 12, 30)),  # the year before
    ]
    return records(
        employees=staff,
        reports=made,
        accounts=_registered("P-1", "P-2", "P-3", "H-1", "L-1"),
    )


@pytest.mark.parametrize(
    ("min_reports", "active", "inactive"),
    [
        pytest.param(1, Share(2, 4), ("P-3",), id="k-1-one-non-rejected-report-is-active"),
        pytest.param(2, Share(1, 4), ("P-2", "P-3"), id="k-2-needs-two-non-rejected-reports"),
        pytest.param(3, Share(0, 4), ("P-1", "P-2", "P-3"), id="k-3-no-one-is-active"),
    ],
)
def test_engagement_registered_vs_active(
    reporting: Records, min_reports: int, active: Share, inactive: tuple[str, ...]
) -> None:
    result = engagement(reporting, period=YEAR, as_of=END_OF_2023, min_reports=min_reports)

    # Headcount: P-1..P-4 (H-1 is in the office, L-1 left). P-3's only report was
    # rejected, so P-3 is registered but never active; P-4 is not registered.
    assert result.registered == Share(3, 4)
    assert result.active == active
    assert result.not_registered == ("P-4",)
    assert result.inactive == inactive
    assert result.min_reports == min_reports


def test_engagement_counts_every_report_of_the_period(reporting: Records) -> None:
    result = engagement(reporting, period=YEAR, as_of=END_OF_2023)

    # R-1..R-7: defects, the rest events; rejected.
    assert (result.reports, result.events, result.defects, result.rejected) == (7, 5, 2, 2)
    steps = result.explanation.steps
    assert [(s.description, show(s.result)) for s in steps] == [
        ("production personnel on staff on 2023-12-31", "4"),
        ("events and defects registered in [2023-01-01, 2024-01-01)", "7"),
        ("registered in the reporting system by 2023-12-31", "3 of 4 (75.0 %)"),
        ("active: at least 1 non-rejected report(s) in the period", "2 of 4 (50.0 %)"),
    ]
    assert [(f.name, show(f.value)) for f in steps[1].facts] == [
        ("events", "5"),
        ("defects", "2"),
        ("rejected by 2023-12-31", "2"),
    ]


def _one_reporter(*made: SafetyReport) -> Records:
    return records(employees=[employee("P-1")], reports=made)


@pytest.mark.parametrize(
    ("made", "period", "active"),
    [
        pytest.param(
            # 23:30 in Almaty on 31 December is 17:30 UTC.
            report("R-1", "P-1", datetime(2023, 12, 31, 17, 30, tzinfo=UTC)),
            YEAR,
            Share(1, 1),
            id="report-at-23-30-almaty-on-31-december-counts-in-that-year",
        ),
        pytest.param(
            # 00:30 in Almaty on 1 January is 18:30 UTC on 31 December.
            report("R-1", "P-1", datetime(2023, 12, 31, 18, 30, tzinfo=UTC)),
            YEAR,
            Share(0, 1),
            id="report-at-00-30-almaty-on-1-january-not-in-the-year-before",
        ),
        pytest.param(
            report("R-1", "P-1", at(2023, 12, 30), rejected=at(2024, 1, 2)),
            YEAR,
            Share(1, 1),
            id="rejection-after-as-of-is-not-known-on-it",
        ),
        pytest.param(
            report("R-1", "P-1", at(2023, 12, 30), rejected=at(2023, 12, 31, 23, 59)),
            YEAR,
            Share(0, 1),
            id="rejection-on-as-of-counts",
        ),
        pytest.param(
            report("R-1", "P-1", at(2023, 12, 30), accepted=False),
            YEAR,
            Share(1, 1),
            id="report-awaiting-review-makes-active",
        ),
    ],
)
def test_which_reports_make_someone_active(
    made: SafetyReport, period: Period, active: Share
) -> None:
    result = engagement(_one_reporter(made), period=period, as_of=END_OF_2023)

    assert result.active == active


def test_a_report_at_00_30_almaty_on_1_january_counts_in_the_new_year() -> None:
    made = report("R-1", "P-1", datetime(2023, 12, 31, 18, 30, tzinfo=UTC))

    result = engagement(_one_reporter(made), period=Year(2024), as_of=date(2024, 12, 31))

    assert (result.active, result.reports) == (Share(1, 1), 1)


def test_engagement_as_of_a_day_in_the_period_counts_what_is_known_on_it() -> None:
    # P-2 registered in August and reported in September: not yet on 30 June.
    data = records(
        employees=[employee("P-1"), employee("P-2")],
        reports=[
            report("R-1", "P-1", at(2023, 6, 30, 23, 0)),
            report("R-2", "P-2", at(2023, 9, 1)),
        ],
        accounts=[*_registered("P-1"), *_registered("P-2", on=date(2023, 8, 1))],
    )

    mid_year = engagement(data, period=YEAR, as_of=date(2023, 6, 30))
    year_end = engagement(data, period=YEAR, as_of=END_OF_2023)

    assert (mid_year.registered, mid_year.active, mid_year.reports) == (
        Share(1, 2),
        Share(1, 2),
        1,
    )
    assert mid_year.explanation.steps[1].description == (
        "events and defects registered in [2023-01-01, 2023-07-01)"
    )
    assert (year_end.registered, year_end.active, year_end.reports) == (
        Share(2, 2),
        Share(2, 2),
        2,
    )


def test_engagement_without_production_staff_is_undefined() -> None:
    data = records(employees=[employee("H-1", department="HQ")])

    result = engagement(data, period=YEAR, as_of=END_OF_2023)

    assert (result.registered.value, result.active.value) == (None, None)
    assert "undefined" in str(result.active)


@pytest.mark.parametrize(
    "min_reports",
    [
        pytest.param(0, id="zero"),
        pytest.param(True, id="a-boolean"),
        pytest.param("1", id="text"),
    ],
)
def test_engagement_needs_at_least_one_report(reporting: Records, min_reports: object) -> None:
    with pytest.raises(InvalidValueError) as raised:
        engagement(reporting, period=YEAR, as_of=END_OF_2023, min_reports=min_reports)  # type: ignore[arg-type]

    assert raised.value.field == "min_reports"


# -- elimination -------------------------------------------------------------------------------

DEADLINES = EliminationDeadlines(low=timedelta(days=30), medium=timedelta(days=7), high=DAY)
LOW, MEDIUM, HIGH = RiskLevel.LOW, RiskLevel.MEDIUM, RiskLevel.HIGH


def _eliminated(
    report_id: str,
    reported_at: datetime,
    risk: RiskLevel,
    done: datetime | None,
    *,
    accepted: datetime | bool = True,
) -> SafetyReport:
    return report(report_id, "P-1", reported_at, risk=risk, accepted=accepted, eliminated=done)


REPORT_CASES = [
    pytest.param(
        _eliminated("R-1", at(2023, 1, 10), LOW, at(2023, 1, 20)),
        END_OF_2023,
        (1, 1, Share(1, 1), ()),
        id="eliminated-before-the-deadline-is-on-time",
    ),
    pytest.param(
        _eliminated("R-1", at(2023, 3, 1), MEDIUM, at(2023, 3, 8)),
        END_OF_2023,
        (1, 1, Share(1, 1), ()),
        id="eliminated-exactly-at-the-deadline-is-on-time",
    ),
    pytest.param(
        _eliminated("R-1", at(2023, 2, 1), HIGH, at(2023, 2, 3)),
        END_OF_2023,
        (1, 1, Share(0, 1), ()),
        id="eliminated-after-the-deadline-is-late",
    ),
    pytest.param(
        _eliminated("R-1", at(2023, 12, 20), MEDIUM, None),
        END_OF_2023,
        (1, 0, Share(0, 1), ("R-1",)),
        id="open-past-the-deadline-is-overdue",
    ),
    pytest.param(
        _eliminated("R-1", at(2023, 12, 30, 20), HIGH, None),
        END_OF_2023,
        (1, 0, Share(0, 1), ("R-1",)),
        id="deadline-later-on-the-as-of-day-is-overdue-by-its-end",
    ),
    pytest.param(
        _eliminated("R-1", at(2023, 12, 31, 0), HIGH, None),
        END_OF_2023,
        (1, 0, Share(0, 0), ()),
        id="deadline-at-the-midnight-ending-as-of-is-not-yet-due",
    ),
    pytest.param(
        _eliminated("R-1", at(2023, 12, 15), LOW, None),
        END_OF_2023,
        (1, 0, Share(0, 0), ()),
        id="open-within-the-deadline-is-not-yet-due",
    ),
    pytest.param(
        _eliminated("R-1", at(2023, 12, 20), HIGH, at(2024, 1, 3)),
        END_OF_2023,
        (1, 0, Share(0, 1), ("R-1",)),
        id="eliminated-after-as-of-is-still-open-on-it",
    ),
    pytest.param(
        _eliminated("R-1", at(2023, 1, 10), LOW, at(2023, 1, 20)),
        date(2023, 1, 15),
        (1, 0, Share(0, 0), ()),
        id="as-of-an-earlier-day-within-the-deadline",
    ),
    pytest.param(
        _eliminated("R-1", at(2023, 12, 31, 20), LOW, None, accepted=at(2024, 1, 1, 9)),
        END_OF_2023,
        (0, 0, Share(0, 0), ()),
        id="accepted-after-as-of-not-counted",
    ),
    pytest.param(
        _eliminated("R-1", at(2023, 5, 1), HIGH, None, accepted=False),
        END_OF_2023,
        (0, 0, Share(0, 0), ()),
        id="never-accepted-not-counted",
    ),
    pytest.param(
        report("R-1", "P-1", at(2023, 5, 1), risk=HIGH, rejected=at(2023, 5, 2)),
        END_OF_2023,
        (0, 0, Share(0, 0), ()),
        id="rejected-not-counted",
    ),
]


@pytest.mark.parametrize(("made", "as_of", "expected"), REPORT_CASES)
def test_elimination_of_reports(
    made: SafetyReport, as_of: date, expected: tuple[int, int, Share, tuple[str, ...]]
) -> None:
    stats = elimination(_one_reporter(made), period=YEAR, as_of=as_of, deadlines=DEADLINES).reports

    assert (stats.items, stats.eliminated, stats.on_time, stats.overdue) == expected


def test_time_to_eliminate_median_and_90th_percentile_nearest_rank() -> None:
    # 1, 2, 7 and 10 days: median (2 + 7) ÷ 2 = 4.5 days; 90th percentile by nearest
    # rank: ceil(0.9 × 4) = 4th = 10 days. R-5 (open) has no duration.
    made = [
        _eliminated("R-1", at(2023, 4, 1), LOW, at(2023, 4, 2)),
        _eliminated("R-2", at(2023, 2, 1), HIGH, at(2023, 2, 3)),
        _eliminated("R-3", at(2023, 3, 1), MEDIUM, at(2023, 3, 8)),
        _eliminated("R-4", at(2023, 1, 10), LOW, at(2023, 1, 20)),
        _eliminated("R-5", at(2023, 12, 20), MEDIUM, None),
    ]

    stats = elimination(
        _one_reporter(*made), period=YEAR, as_of=END_OF_2023, deadlines=DEADLINES
    ).reports

    assert (stats.median_time, stats.p90_time) == (timedelta(days=4, hours=12), timedelta(days=10))
    assert (stats.items, stats.eliminated, stats.on_time) == (5, 4, Share(3, 5))
    assert str(stats) == (
        "accepted safety reports: 4 of 5 eliminated; on time 3 of 5 (60.0 %); "
        "median 4 d 12 h, 90th percentile 10 d 0 h; 1 overdue"
    )


def test_durations_under_a_day_show_hours_and_minutes_and_none_is_undefined() -> None:
    made = _eliminated("R-1", at(2023, 4, 1, 8), HIGH, at(2023, 4, 1, 13, 30))

    stats = elimination(
        _one_reporter(made), period=YEAR, as_of=END_OF_2023, deadlines=DEADLINES
    ).reports
    empty = elimination(
        _one_reporter(), period=YEAR, as_of=END_OF_2023, deadlines=DEADLINES
    ).reports

    assert "median 5 h 30 min, 90th percentile 5 h 30 min" in str(stats)
    assert (empty.median_time, empty.p90_time) == (None, None)
    assert str(empty) == (
        "accepted safety reports: 0 of 0 eliminated; on time 0 of 0 (undefined); "
        "median undefined, 90th percentile undefined; 0 overdue"
    )


def _inspected(
    found_on: date,
    eliminated_on: date | None,
    respond_by: date | None,
    *,
    issued_on: date | None = None,
    answered_on: date | None = None,
) -> Records:
    """V-1 found on ``found_on``, listed by S-1 (issued the next day) if ``respond_by`` is given."""
    found = [violation("V-1", found_on, eliminated_on=eliminated_on)]
    submissions: list[Submission] = []
    if respond_by is not None:
        day = issued_on or found_on + DAY
        submissions.append(
            submission("S-1", "I-1", day, ["V-1"], respond_by=respond_by, answered_on=answered_on)
        )
    return records(
        employees=[employee("I-1")],
        inspector_appointments=[appointment("I-1", date(2022, 1, 1), date(2025, 1, 1))],
        violations=found,
        submissions=submissions,
    )


VIOLATION_CASES = [
    pytest.param(
        _inspected(date(2023, 3, 1), date(2023, 3, 10), date(2023, 3, 16)),
        END_OF_2023,
        (1, 1, Share(1, 1), ()),
        id="violation-eliminated-before-the-submissions-deadline-is-on-time",
    ),
    pytest.param(
        _inspected(date(2023, 3, 1), date(2023, 3, 16), date(2023, 3, 16)),
        END_OF_2023,
        (1, 1, Share(1, 1), ()),
        id="violation-eliminated-on-the-response-day-is-on-time",
    ),
    pytest.param(
        _inspected(date(2023, 3, 1), date(2023, 3, 20), date(2023, 3, 16)),
        END_OF_2023,
        (1, 1, Share(0, 1), ()),
        id="violation-eliminated-after-the-response-day-is-late",
    ),
    pytest.param(
        _inspected(date(2023, 11, 1), None, date(2023, 11, 20)),
        END_OF_2023,
        (1, 0, Share(0, 1), ("V-1",)),
        id="open-violation-past-the-response-day-is-overdue",
    ),
    pytest.param(
        _inspected(date(2023, 12, 1), None, END_OF_2023),
        END_OF_2023,
        (1, 0, Share(0, 0), ()),
        id="open-violation-due-on-as-of-is-not-yet-overdue",
    ),
    pytest.param(
        _inspected(date(2023, 6, 1), date(2023, 6, 5), None),
        END_OF_2023,
        (1, 1, Share(0, 0), ()),
        id="eliminated-violation-without-a-submission-has-no-deadline",
    ),
    pytest.param(
        _inspected(date(2023, 6, 1), None, None),
        END_OF_2023,
        (1, 0, Share(0, 0), ()),
        id="open-violation-without-a-submission-is-never-overdue",
    ),
    pytest.param(
        _inspected(date(2023, 3, 1), date(2023, 4, 1), date(2023, 3, 16)),
        date(2023, 3, 20),
        (1, 0, Share(0, 1), ("V-1",)),
        id="violation-eliminated-after-as-of-is-open-on-it",
    ),
    pytest.param(
        _inspected(date(2023, 7, 1), None, date(2023, 7, 16)),
        date(2023, 6, 30),
        (0, 0, Share(0, 0), ()),
        id="violation-found-after-as-of-not-counted",
    ),
]


@pytest.mark.parametrize(("data", "as_of", "expected"), VIOLATION_CASES)
def test_elimination_of_violations(
    data: Records, as_of: date, expected: tuple[int, int, Share, tuple[str, ...]]
) -> None:
    stats = elimination(data, period=YEAR, as_of=as_of, deadlines=DEADLINES).violations

    assert (stats.items, stats.eliminated, stats.on_time, stats.overdue) == expected


def test_violation_durations_are_days_from_finding_to_elimination() -> None:
    # 9, 19 and 4 days: median 9, 90th percentile ceil(2.7) = 3rd = 19.
    made = [
        issued("S-1", "I-1", date(2023, 3, 1), 2),
        issued("S-2", "I-1", date(2023, 6, 1)),
    ]
    found = [
        violation("S-1/V1", date(2023, 3, 1), eliminated_on=date(2023, 3, 10)),
        violation("S-1/V2", date(2023, 3, 1), eliminated_on=date(2023, 3, 20)),
        violation("S-2/V1", date(2023, 6, 1), eliminated_on=date(2023, 6, 5)),
    ]
    data = records(
        employees=[employee("I-1")],
        inspector_appointments=[appointment("I-1", date(2022, 1, 1), date(2025, 1, 1))],
        violations=found,
        submissions=[s for s, _ in made],
    )

    stats = elimination(data, period=YEAR, as_of=END_OF_2023, deadlines=DEADLINES).violations

    assert (stats.median_time, stats.p90_time) == (timedelta(days=9), timedelta(days=19))
    # Both submissions are due 14 days after issue: 15 March and 15 June.
    assert stats.on_time == Share(2, 3)


SUBMISSION_CASES = [
    pytest.param(
        {"respond_by": date(2023, 3, 16), "answered_on": date(2023, 3, 10)},
        END_OF_2023,
        (Share(1, 1), ()),
        id="answered-before-the-response-day-is-on-time",
    ),
    pytest.param(
        {"respond_by": date(2023, 3, 16), "answered_on": date(2023, 3, 16)},
        END_OF_2023,
        (Share(1, 1), ()),
        id="answered-on-the-response-day-is-on-time",
    ),
    pytest.param(
        {"respond_by": date(2023, 3, 16), "answered_on": date(2023, 3, 20)},
        END_OF_2023,
        (Share(0, 1), ()),
        id="answered-late",
    ),
    pytest.param(
        {"respond_by": date(2023, 3, 16)},
        END_OF_2023,
        (Share(0, 1), ("S-1",)),
        id="unanswered-past-the-response-day-is-overdue",
    ),
    pytest.param(
        {"respond_by": date(2024, 1, 10)},
        END_OF_2023,
        (Share(0, 0), ()),
        id="unanswered-within-the-deadline-is-not-due",
    ),
    pytest.param(
        {"respond_by": END_OF_2023},
        END_OF_2023,
        (Share(0, 0), ()),
        id="unanswered-due-on-as-of-is-not-yet-overdue",
    ),
    pytest.param(
        {"respond_by": date(2023, 3, 16), "answered_on": date(2023, 3, 14)},
        date(2023, 3, 12),
        (Share(0, 0), ()),
        id="answered-after-as-of-within-the-deadline-is-not-due",
    ),
    pytest.param(
        {"respond_by": date(2023, 3, 16), "answered_on": date(2023, 3, 20)},
        date(2023, 3, 18),
        (Share(0, 1), ("S-1",)),
        id="answered-after-as-of-past-the-deadline-is-overdue-on-it",
    ),
]


@pytest.mark.parametrize(("dates", "as_of", "expected"), SUBMISSION_CASES)
def test_submissions_answered_on_time(
    dates: dict[str, date], as_of: date, expected: tuple[Share, tuple[str, ...]]
) -> None:
    data = _inspected(
        date(2023, 3, 1),
        None,
        dates["respond_by"],
        issued_on=date(2023, 3, 2),
        answered_on=dates.get("answered_on"),
    )

    result = elimination(data, period=YEAR, as_of=as_of, deadlines=DEADLINES)

    assert (result.submissions_answered, result.overdue_submissions) == expected


def test_elimination_explanation() -> None:
    data = _inspected(date(2023, 11, 1), None, date(2023, 11, 20))

    result = elimination(data, period=YEAR, as_of=END_OF_2023, deadlines=DEADLINES)

    steps = result.explanation.steps
    assert steps[0].description == (
        "accepted reports registered in [2023-01-01, 2024-01-01), as of the end of 2023-12-31"
    )
    assert [(f.name, show(f.value)) for f in steps[0].facts] == [
        ("low risk", "eliminate within 30 d 0 h"),
        ("medium risk", "eliminate within 7 d 0 h"),
        ("high risk", "eliminate within 1 d 0 h"),
    ]
    # No report was accepted in the period: the explanation says so rather than show zeros.
    assert str(steps[1]) == "no accepted reports registered in [2023-01-01, 2024-01-01)"
    assert show(steps[2].result) == str(result.violations)
    assert show(steps[3].result) == "0 of 1 (0.0 %); 1 overdue"
    assert (result.period, result.as_of) == (YEAR.range, END_OF_2023)


def test_elimination_needs_as_of_in_or_after_the_period() -> None:
    with pytest.raises(InvalidValueError) as raised:
        elimination(_one_reporter(), period=YEAR, as_of=date(2022, 6, 1), deadlines=DEADLINES)

    assert raised.value.field == "as_of"


# -- inspection activity ----------------------------------------------------------------------


@pytest.fixture
def inspected() -> Records:
    """I-1 and I-2 issue submissions; I-3 is appointed but issues none; I-4's term was 2022."""
    made = [
        issued("S-1", "I-1", date(2023, 2, 10), 2),
        issued("S-2", "I-1", date(2023, 3, 31), 1, department="D-2"),
        issued("S-3", "I-2", date(2023, 11, 5), 3),
        issued("S-0", "I-2", date(2022, 12, 20), 4),
    ]
    return records(
        employees=[employee(f"I-{n}") for n in range(1, 5)],
        inspector_appointments=[
            appointment("I-1", date(2023, 1, 1), date(2024, 1, 1)),
            appointment("I-2", date(2022, 6, 1), date(2024, 1, 1)),
            appointment("I-3", date(2023, 1, 1), date(2024, 1, 1)),
            appointment("I-4", date(2022, 1, 1), date(2023, 1, 1)),
        ],
        submissions=[s for s, _ in made],
        violations=[v for _, found in made for v in found],
    )


def test_inspection_activity_in_all(inspected: Records) -> None:
    activity = inspection_activity(inspected, period=YEAR)

    assert (activity.inspectors, activity.issuing) == (3, 2)
    assert (activity.total.submissions, activity.total.violations) == (3, 6)
    assert activity.total.violations_per_submission == Fraction(2)
    assert str(activity.total) == "all: 3 submissions on 6 violations (2.00 per submission)"
    assert activity.period == YEAR.range


def test_inspection_activity_by_department(inspected: Records) -> None:
    activity = inspection_activity(inspected, period=YEAR)

    assert [str(line) for line in activity.by_department] == [
        "D-1: 2 submissions on 5 violations (2.50 per submission)",
        "D-2: 1 submissions on 1 violations (1.00 per submission)",
    ]


def test_inspection_activity_by_quarter(inspected: Records) -> None:
    activity = inspection_activity(inspected, period=YEAR)

    assert [(q.label, q.submissions, q.violations) for q in activity.by_quarter] == [
        ("2023-Q1", 2, 3),
        ("2023-Q2", 0, 0),
        ("2023-Q3", 0, 0),
        ("2023-Q4", 1, 3),
    ]
    assert activity.by_quarter[0].violations_per_submission == Fraction(3, 2)
    assert activity.by_quarter[1].violations_per_submission is None
    assert str(activity.by_quarter[1]) == (
        "2023-Q2: 0 submissions on 0 violations (undefined per submission)"
    )


def test_inspection_activity_of_a_range_across_quarters(inspected: Records) -> None:
    activity = inspection_activity(inspected, period=DateRange(date(2023, 3, 15), date(2023, 5, 1)))

    assert [(q.label, q.submissions) for q in activity.by_quarter] == [
        ("2023-Q1", 1),
        ("2023-Q2", 0),
    ]
    assert activity.total.submissions == 1


def test_inspection_activity_of_no_days_has_no_quarters(inspected: Records) -> None:
    day = date(2023, 2, 10)

    activity = inspection_activity(inspected, period=DateRange(day, day))

    assert (activity.by_quarter, activity.by_department) == ((), ())
    assert (activity.total.submissions, activity.inspectors) == (0, 0)


@pytest.mark.parametrize(
    ("submissions", "violations", "shown"),
    [
        pytest.param(3, 5, "1.67", id="two-thirds-rounds-up"),
        pytest.param(8, 1, "0.13", id="an-exact-half-rounds-half-up"),
        pytest.param(3, 1, "0.33", id="one-third-rounds-down"),
    ],
)
def test_violations_per_submission_is_rounded_half_up(
    submissions: int, violations: int, shown: str
) -> None:
    line = ActivityLine(label="x", submissions=submissions, violations=violations)

    assert str(line) == (
        f"x: {submissions} submissions on {violations} violations ({shown} per submission)"
    )


# -- injury rates -----------------------------------------------------------------------------

# Hours: 30,000 a month in D-1 and 10,000 in D-2, 480,000 in 2023.
# Headcount: E-01..E-10 all year, N-01 from 1 July (184 days): (10 × 365 + 184) ÷ 365 = 3834/365.
INJURIES = [
    injury("I-0", date(2022, 12, 30), InjurySeverity.LOST_TIME, worker="E-08", days_lost=9),
    injury("I-1", date(2023, 1, 15), InjurySeverity.FATAL, worker="E-01"),
    injury("I-2", date(2023, 3, 3), InjurySeverity.SEVERE, worker="E-02", days_lost=60),
    injury("I-3", date(2023, 5, 5), InjurySeverity.LOST_TIME, worker="E-03", days_lost=10),
    injury("I-4", date(2023, 7, 7), InjurySeverity.LOST_TIME, worker="N-01", days_lost=20),
    injury("I-5", date(2023, 8, 8), InjurySeverity.RESTRICTED_WORK, worker="E-04", days_lost=5),
    injury("I-6", date(2023, 11, 30), InjurySeverity.MEDICAL_TREATMENT, worker="E-05"),
    injury("I-7", date(2023, 12, 20), InjurySeverity.FIRST_AID, worker="E-06"),
    injury("I-8", date(2023, 2, 2), InjurySeverity.FIRST_AID, worker="E-07"),
    injury("I-9", date(2024, 1, 5), InjurySeverity.LOST_TIME, worker="E-09", days_lost=3),
]


def _injured(injuries: Iterable[WorkInjury] = INJURIES, *, hours: bool = True) -> Records:
    staff = [employee(f"E-{n:02d}") for n in range(1, 11)]
    staff.append(employee("N-01", hired_on=date(2023, 7, 1)))
    worked = [
        *monthly_hours(2023, 30_000),
        *monthly_hours(2023, 10_000, department="D-2"),
        *monthly_hours(2022, 99_999),
    ]
    return records(employees=staff, injuries=injuries, hours_worked=worked if hours else [])


@pytest.fixture(scope="module")
def rates_2023() -> tuple[Records, date]:
    return _injured(), END_OF_2023


RATE_CASES = [
    # 4 lost-time injuries (fatal, severe, two lost time) × 1,000,000 ÷ 480,000.
    pytest.param("ltifr", Fraction(25, 3), "8.33", id="ltifr"),
    # 6 recordable (all but first aid) × 1,000,000 ÷ 480,000.
    pytest.param("trifr", Fraction(25, 2), "12.50", id="trifr"),
    # 6 recordable × 200,000 ÷ 480,000.
    pytest.param("trir", Fraction(5, 2), "2.50", id="trir"),
    # 4 days-away-restricted-transfer (severe, two lost time, restricted) × 200,000 ÷ 480,000.
    pytest.param("dart", Fraction(5, 3), "1.67", id="dart"),
    # 4 lost-time cases × 1,000 ÷ (3834/365) = 1,460,000 ÷ 3,834 = 380.803…
    pytest.param("incidence", Fraction(1_460_000, 3_834), "380.80", id="ilo-incidence"),
    pytest.param("kch", Fraction(1_460_000, 3_834), "380.80", id="kch"),
    # (60 + 10 + 20) days lost ÷ 3 non-fatal lost-time accidents.
    pytest.param("kt", Fraction(30), "30.00", id="kt"),
]


@pytest.mark.parametrize(("name", "value", "rounded"), RATE_CASES)
def test_injury_rates_against_hand_computed_values(
    rates_2023: tuple[Records, date], name: str, value: Fraction, rounded: str
) -> None:
    data, as_of = rates_2023

    rate = getattr(injury_rates(data, period=YEAR, as_of=as_of), name)

    assert rate.value == value
    assert rate.rounded() == Decimal(rounded)


def test_injury_rates_state_their_base(rates_2023: tuple[Records, date]) -> None:
    data, as_of = rates_2023

    rates = injury_rates(data, period=YEAR, as_of=as_of)

    assert [str(rate) for rate in rates.rates] == [
        "LTIFR: 8.33 per 1,000,000 hours worked (4 cases × 1,000,000 ÷ 480,000 hours worked)",
        "TRIFR: 12.50 per 1,000,000 hours worked (6 cases × 1,000,000 ÷ 480,000 hours worked)",
        "TRIR: 2.50 per 200,000 hours worked (6 cases × 200,000 ÷ 480,000 hours worked)",
        "DART: 1.67 per 200,000 hours worked (4 cases × 200,000 ÷ 480,000 hours worked)",
        "ILO incidence rate: 380.80 per 1,000 average employees "
        "(4 cases × 1,000 ÷ 10.50 average employees)",
        "Кч: 380.80 per 1,000 average employees (4 cases × 1,000 ÷ 10.50 average employees)",
        "Кт: 30.00 (90 days lost ÷ 3 accidents)",
    ]
    assert rates.hours == Decimal(480_000)
    assert rates.average_headcount == Fraction(3834, 365)
    assert (rates.period, rates.as_of) == (YEAR.range, END_OF_2023)


@pytest.mark.parametrize(
    ("as_of", "last", "days"),
    [
        # I-7 on 20 December is first aid, not recordable: the last is I-6 on 30 November.
        pytest.param(END_OF_2023, date(2023, 11, 30), 31, id="first-aid-does-not-reset-the-count"),
        pytest.param(
            date(2024, 1, 10), date(2024, 1, 5), 5, id="counted-to-as-of-after-the-period"
        ),
        pytest.param(date(2023, 1, 10), date(2022, 12, 30), 11, id="from-before-the-period"),
        pytest.param(date(2023, 11, 30), date(2023, 11, 30), 0, id="injury-on-as-of-is-day-zero"),
    ],
)
def test_days_without_injury(as_of: date, last: date, days: int) -> None:
    rates = injury_rates(_injured(), period=YEAR, as_of=as_of)

    assert (rates.last_recordable_injury, rates.days_without_injury) == (last, days)


def test_no_recordable_injury_on_record_leaves_days_without_injury_undefined() -> None:
    only_first_aid = [injury("I-1", date(2023, 2, 2), InjurySeverity.FIRST_AID)]

    rates = injury_rates(_injured(only_first_aid), period=YEAR, as_of=END_OF_2023)

    assert (rates.last_recordable_injury, rates.days_without_injury) == (None, None)


def test_no_hours_leaves_the_hour_rates_undefined_not_zero() -> None:
    rates = injury_rates(_injured(hours=False), period=YEAR, as_of=END_OF_2023)

    for rate in (rates.ltifr, rates.trifr, rates.trir, rates.dart):
        assert rate.value is None
        assert rate.rounded() is None
        assert "undefined" in str(rate)
    assert str(rates.ltifr) == (
        "LTIFR: undefined per 1,000,000 hours worked (4 cases × 1,000,000 ÷ 0 hours worked)"
    )


def test_no_people_leaves_the_people_rates_undefined_not_zero() -> None:
    data = records(employees=[employee("E-01", hired_on=date(2024, 1, 1))])

    rates = injury_rates(data, period=YEAR, as_of=END_OF_2023)

    assert rates.average_headcount == 0
    for rate in rates.rates:
        assert rate.value is None
        assert "undefined" in str(rate)
    assert str(rates.kt) == "Кт: undefined (0 days lost ÷ 0 accidents)"


def test_no_injuries_with_hours_worked_is_zero() -> None:
    rates = injury_rates(_injured([]), period=YEAR, as_of=END_OF_2023)

    assert [rate.value for rate in rates.rates[:6]] == [0] * 6
    assert rates.kt.value is None  # no accident to divide the days lost by
    assert str(rates.ltifr) == (
        "LTIFR: 0.00 per 1,000,000 hours worked (0 cases × 1,000,000 ÷ 480,000 hours worked)"
    )


def test_a_single_case_reads_singular() -> None:
    one = [injury("I-1", date(2023, 5, 5), InjurySeverity.LOST_TIME, days_lost=18)]

    rates = injury_rates(_injured(one), period=Quarter(2023, 2), as_of=date(2023, 6, 30))

    # 1 × 1,000,000 ÷ 120,000 hours of the quarter.
    assert str(rates.ltifr) == (
        "LTIFR: 8.33 per 1,000,000 hours worked (1 case × 1,000,000 ÷ 120,000 hours worked)"
    )
    assert str(rates.kt) == "Кт: 18.00 (18 days lost ÷ 1 accidents)"


@pytest.mark.parametrize(
    "period",
    [
        pytest.param(DateRange(date(2023, 1, 15), date(2023, 2, 1)), id="starting-mid-month"),
        pytest.param(DateRange(date(2023, 1, 1), date(2023, 1, 15)), id="ending-mid-month"),
        pytest.param(DateRange(date(2023, 1, 1), date(2023, 1, 1)), id="no-days"),
    ],
)
def test_a_period_that_is_not_whole_months_is_an_error(period: DateRange) -> None:
    with pytest.raises(InvalidValueError) as raised:
        injury_rates(_injured(), period=period, as_of=END_OF_2023)

    assert raised.value.field == "period"
    assert "whole months" in raised.value.expected


@pytest.mark.parametrize(
    ("period", "hours"),
    [
        pytest.param(Month(2023, 2), Decimal(40_000), id="a-month"),
        pytest.param(DateRange(date(2023, 2, 1), date(2023, 5, 1)), Decimal(120_000), id="months"),
    ],
)
def test_whole_months_are_a_period(period: Period, hours: Decimal) -> None:
    assert injury_rates(_injured(), period=period, as_of=END_OF_2023).hours == hours


def test_injury_rates_need_an_as_of_day() -> None:
    with pytest.raises(InvalidValueError) as raised:
        injury_rates(_injured(), period=YEAR, as_of=datetime(2023, 12, 31, tzinfo=UTC))

    assert raised.value.field == "as_of"


# -- properties -------------------------------------------------------------------------------

BUNDLES_AROUND_2023 = testing.records(first_day=date(2022, 1, 1), last_day=date(2024, 3, 1))


def _within_unit_interval(share: Share) -> None:
    value = share.value
    assert (value is None) == (share.whole == 0)
    if value is not None:
        assert 0 <= value <= 1


@settings(max_examples=50)
@given(data=BUNDLES_AROUND_2023, as_of=st.dates(date(2023, 1, 1), date(2024, 3, 1)))
def test_coverage_shares_lie_in_the_unit_interval(data: Records, as_of: date) -> None:
    coverage = training_coverage(data, period=YEAR, as_of=as_of)

    _within_unit_interval(coverage.trained)
    _within_unit_interval(coverage.departments_visited)
    for line in coverage.by_format:
        _within_unit_interval(line.people)
        assert (
            line.people.part
            <= coverage.trained.part
            <= sum(f.people.part for f in coverage.by_format)
        )
        assert line.people.part <= line.participations
    assert coverage.trained.part + len(coverage.untrained) == coverage.trained.whole


@settings(max_examples=50)
@given(
    data=BUNDLES_AROUND_2023,
    as_of=st.dates(date(2023, 1, 1), date(2024, 3, 1)),
    k=st.integers(1, 3),
)
def test_engagement_shares_lie_in_the_unit_interval(data: Records, as_of: date, k: int) -> None:
    result: Engagement = engagement(data, period=YEAR, as_of=as_of, min_reports=k)

    _within_unit_interval(result.registered)
    _within_unit_interval(result.active)
    # Only registered employees report: the active are some of the registered.
    assert result.active.part + len(result.inactive) == result.registered.part
    assert result.registered.part + len(result.not_registered) == result.registered.whole
    assert result.events + result.defects == result.reports >= result.rejected


@settings(max_examples=50)
@given(
    data=BUNDLES_AROUND_2023,
    period=st.sampled_from(
        [YEAR, Quarter(2023, 2), DateRange(date(2023, 2, 15), date(2023, 8, 1))]
    ),
)
def test_inspection_activity_by_department_and_by_quarter_add_up_to_the_whole(
    data: Records, period: Period
) -> None:
    activity = inspection_activity(data, period=period)

    for lines in (activity.by_department, activity.by_quarter):
        assert sum(line.submissions for line in lines) == activity.total.submissions
        assert sum(line.violations for line in lines) == activity.total.violations
    assert activity.issuing <= activity.inspectors


def test_coverage_as_of_a_day_inside_the_period_ignores_later_sessions() -> None:
    bundle = records(
        employees=[employee("E-1"), employee("E-2")],
        trainers=["T-1"],
        training_sessions=[
            session("S-1", CENTRE, date(2023, 3, 1), ["E-1"]),
            session("S-2", CENTRE, date(2023, 9, 1), ["E-2"]),
        ],
    )

    in_june = training_coverage(bundle, period=YEAR, as_of=date(2023, 6, 30))
    at_year_end = training_coverage(bundle, period=YEAR, as_of=END_OF_2023)

    assert in_june.trained == Share(1, 2)
    assert in_june.untrained == ("E-2",)
    assert at_year_end.trained == Share(2, 2)


@pytest.mark.parametrize("as_of", [date(9998, 12, 31), date.max])
def test_as_of_too_late_for_the_calendar_is_refused(as_of: date) -> None:
    bundle = records(employees=[employee("E-1")])

    with pytest.raises(InvalidValueError) as raised:
        engagement(bundle, period=YEAR, as_of=as_of)

    assert raised.value.field == "as_of"


def test_injury_rates_refuse_an_as_of_the_calendar_cannot_follow() -> None:
    bundle = records(employees=[employee("E-1")])

    with pytest.raises(InvalidValueError) as raised:
        injury_rates(bundle, period=YEAR, as_of=date.max)

    assert raised.value.field == "as_of"


def test_elimination_rows_leave_undefined_times_empty() -> None:
    # Nothing registered: no time to eliminate, so the duration cells are None, not "P0D".
    result = elimination(_one_reporter(), period=YEAR, as_of=END_OF_2023, deadlines=DEADLINES)

    reports, violations, submissions = result.rows()
    assert (reports["subject"], reports["items"], reports["median_time"]) == ("reports", 0, None)
    assert violations["p90_time"] is None
    assert (submissions["on_time"], submissions["due"]) == (0, 0)


def test_elimination_rows_give_times_as_iso_durations() -> None:
    data = _inspected(date(2023, 11, 1), date(2023, 11, 3), date(2023, 11, 20))

    result = elimination(data, period=YEAR, as_of=END_OF_2023, deadlines=DEADLINES)

    violations = result.rows()[1]
    assert (violations["median_time"], violations["p90_time"]) == ("P2D", "P2D")
