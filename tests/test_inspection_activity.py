"""Inspection activity: submissions and violations, by department and by quarter.

Expected figures are worked out by hand from the definition; comments show the arithmetic.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ohs_domain import (
    ActivityLine,
    DateRange,
    Period,
    Quarter,
    Records,
    Year,
    inspection_activity,
    testing,
)
from tests.builders import (
    appointment,
    employee,
    examples,
    issued,
    records,
)

YEAR = Year(2023)
BUNDLES_AROUND_2023 = testing.records(first_day=date(2022, 1, 1), last_day=date(2024, 3, 1))


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


@settings(max_examples=examples(0.5))
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


def test_the_department_lines_of_the_explanation_read_in_russian(inspected: Records) -> None:
    activity = inspection_activity(inspected, period=YEAR)
    facts = activity.explanation.steps[-1].facts
    assert facts
    assert all(
        str(fact) == f"{fact.name} = {line}"
        for fact, line in zip(facts, activity.by_department, strict=True)
    )
    assert all(
        fact.render("ru") == f"{line.label} = {line.render('ru')}"
        for fact, line in zip(facts, activity.by_department, strict=True)
    )
    assert "по" in facts[0].render("ru")
