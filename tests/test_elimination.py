"""Elimination: reports and violations against their deadlines; submissions answered on time.

Expected figures are worked out by hand from the definition; comments show the arithmetic.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ohs_domain import (
    DateRange,
    EliminationDeadlines,
    EliminationStats,
    InvalidValueError,
    Records,
    RiskLevel,
    SafetyReport,
    Share,
    Submission,
    Year,
    elimination,
    elimination_partial,
    kz,
    local_date,
    show,
    testing,
)
from tests.builders import (
    appointment,
    at,
    days_when_something_changed,
    employee,
    examples,
    issued,
    records,
    report,
    submission,
    violation,
)

YEAR = Year(2023)
# Two months of records, dense enough that a drawn day often sees a report change.
BUNDLE_DAYS = DateRange.inclusive(date(2023, 1, 1), date(2023, 2, 28))
DENSE_BUNDLES = testing.records(
    first_day=BUNDLE_DAYS.start, last_day=date(2023, 2, 28), max_items=20
)
END_OF_2023 = date(2023, 12, 31)
DAY = timedelta(days=1)
STAFF = [employee(f"P-{n}") for n in range(1, 4)]
INSPECTORS = [appointment("P-1", date(2022, 1, 1), date(2025, 1, 1))]


def midnight(day: date) -> datetime:
    """The first moment of ``day`` in Almaty."""
    return datetime(day.year, day.month, day.day, tzinfo=kz.ALMATY)


def _one_reporter(*made: SafetyReport) -> Records:
    return records(employees=[employee("P-1")], reports=made)


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
    pytest.param(
        _eliminated("R-1", at(2023, 5, 31), LOW, None, accepted=midnight(date(2023, 6, 2))),
        date(2023, 6, 1),
        (0, 0, Share(0, 0), ()),
        id="accepted-at-midnight-after-as-of-is-not-yet-accepted",
    ),
    pytest.param(
        _eliminated("R-1", at(2023, 5, 31), LOW, None, accepted=at(2023, 6, 1, 23, 59)),
        date(2023, 6, 1),
        (1, 0, Share(0, 0), ()),
        id="accepted-a-minute-before-midnight-is-accepted",
    ),
    pytest.param(
        _eliminated(
            "R-1", at(2023, 5, 1), LOW, midnight(date(2023, 6, 2)), accepted=at(2023, 5, 1, 11)
        ),
        date(2023, 6, 1),
        (1, 0, Share(0, 1), ("R-1",)),
        id="eliminated-at-midnight-after-as-of-is-still-open-and-overdue",
    ),
    pytest.param(
        _eliminated("R-1", at(2023, 5, 1), LOW, at(2023, 6, 1, 23), accepted=at(2023, 5, 1, 11)),
        date(2023, 6, 1),
        (1, 1, Share(0, 1), ()),
        id="eliminated-an-hour-before-midnight-counts-but-late",
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


def eliminate(data: Records, as_of: date) -> object:
    return elimination(data, period=YEAR, as_of=as_of, deadlines=DEADLINES)


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
    stats = EliminationStats(
        subject="violations found by technical inspectors",
        items=1,
        eliminated=1,
        on_time=Share(1, 1),
        median_time=value,
        p90_time=value,
        overdue=(),
    )

    assert f"median {text}, 90th percentile {text};" in str(stats)


def test_the_deadlines_of_the_explanation_read_in_the_language_asked() -> None:
    deadlines = EliminationDeadlines(
        low=timedelta(days=30), medium=timedelta(days=7), high=timedelta(hours=4)
    )
    result = elimination(_one_reporter(), period=YEAR, as_of=YEAR.last_day, deadlines=deadlines)
    facts = result.explanation.steps[0].facts
    assert [str(fact) for fact in facts] == [
        "low risk = eliminate within 30 d 0 h",
        "medium risk = eliminate within 7 d 0 h",
        "high risk = eliminate within 4 h 0 min",
    ]
    assert [fact.render("ru") for fact in facts] == [
        "низкий риск = устранить в течение 30 дн. 0 ч",
        "средний риск = устранить в течение 7 дн. 0 ч",
        "высокий риск = устранить в течение 4 ч 0 мин",
    ]
    assert facts[2].render("kk") == "жоғары тәуекел = 4 сағ 0 мин ішінде жою"


@settings(max_examples=examples(1))
@given(
    data=DENSE_BUNDLES,
    near=st.data(),
    deadlines=testing.elimination_deadlines(),
)
def test_reports_are_tallied_as_they_stood_on_as_of(
    data: Records, near: st.DataObject, deadlines: EliminationDeadlines
) -> None:
    as_of = near.draw(days_when_something_changed(data, BUNDLE_DAYS))
    # What is known on a day is read one way: `Records.reports_as_of` (its days in the zone).
    known = data.reports_as_of(as_of, registered=BUNDLE_DAYS)
    accepted = [r for r in known if r.is_accepted]
    done = [r.report for r in accepted if r.is_eliminated]
    late = {
        r.report.id
        for r in accepted
        if not r.is_eliminated and local_date(deadlines.deadline(r.report), data.time_zone) <= as_of
    }

    tallies = elimination_partial(
        data, period=BUNDLE_DAYS, as_of=as_of, deadlines=deadlines
    ).reports

    assert tallies.items == len(accepted)
    assert tallies.times == Counter(r.eliminated_at - r.reported_at for r in done)  # type: ignore[operator]
    assert tallies.on_time == sum(r.eliminated_at <= deadlines.deadline(r) for r in done)  # type: ignore[operator]
    assert tallies.overdue == late
    assert tallies.due == len(done) + len(late)


@pytest.mark.parametrize(
    ("done", "on_time"),
    [
        pytest.param(datetime(2024, 3, 1, 4, 30, tzinfo=UTC), 1, id="within-the-wall-clock-day"),
        pytest.param(datetime(2024, 3, 1, 5, 30, tzinfo=UTC), 0, id="after-it"),
    ],
)
def test_a_deadline_across_a_change_of_offset_is_the_registration_plus_the_time_allowed(
    done: datetime, on_time: int
) -> None:
    # Registered on 29 February 2024 at 10:00 in Almaty (+06:00, 04:00 UTC), high risk: one
    # day allowed. Almaty moved to +05:00 on 1 March, so the deadline, 10:00 on 1 March in
    # Almaty, is 05:00 UTC: 25 hours after registration. Eliminated at 04:30 UTC (recorded
    # in UTC), 24½ hours after it, the report is on time.
    made = _eliminated("R-1", at(2024, 2, 29), HIGH, done)

    stats = elimination(
        _one_reporter(made), period=Year(2024), as_of=date(2024, 12, 31), deadlines=DEADLINES
    ).reports

    assert stats.on_time == Share(on_time, 1)
    assert stats.median_time == done - at(2024, 2, 29)
