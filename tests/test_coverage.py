"""Training coverage: distinct production people trained ÷ production headcount, by format.

Expected figures are worked out by hand from the definition; comments show the arithmetic.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ohs_domain import (
    InvalidValueError,
    Quarter,
    Records,
    Share,
    TrainingFormat,
    Year,
    show,
    testing,
    training_coverage,
)
from tests.builders import (
    appointment,
    employee,
    examples,
    records,
    session,
    within_unit_interval,
)

YEAR = Year(2023)
END_OF_2023 = date(2023, 12, 31)
CENTRE = TrainingFormat.TRAINING_CENTRE
VISIT = TrainingFormat.FIELD_VISIT
WORKPLACE = TrainingFormat.WORKPLACE
BUNDLES_AROUND_2023 = testing.records(first_day=date(2022, 1, 1), last_day=date(2024, 3, 1))


STAFF = [employee(f"P-{n}") for n in range(1, 4)]
INSPECTORS = [appointment("P-1", date(2022, 1, 1), date(2025, 1, 1))]


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


@settings(max_examples=examples(0.5))
@given(data=BUNDLES_AROUND_2023, as_of=st.dates(date(2023, 1, 1), date(2024, 3, 1)))
def test_coverage_shares_lie_in_the_unit_interval(data: Records, as_of: date) -> None:
    coverage = training_coverage(data, period=YEAR, as_of=as_of)

    within_unit_interval(coverage.trained)
    within_unit_interval(coverage.departments_visited)
    for line in coverage.by_format:
        within_unit_interval(line.people)
        assert (
            line.people.part
            <= coverage.trained.part
            <= sum(f.people.part for f in coverage.by_format)
        )
        assert line.people.part <= line.participations
    assert coverage.trained.part + len(coverage.untrained) == coverage.trained.whole


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


@settings(max_examples=examples(0.5))
@given(data=BUNDLES_AROUND_2023, as_of=st.dates(date(2023, 1, 1), date(2024, 3, 1)))
def test_each_formats_people_are_the_staff_who_attended_one_of_its_sessions(
    data: Records, as_of: date
) -> None:
    # The definition, person by person: the rule gathers them session by session.
    staff = {e.id for e in data.employees if data.is_production(e) and e.is_employed_on(as_of)}
    held = [s for s in data.sessions_during(YEAR.range) if s.days.start <= as_of]

    coverage = training_coverage(data, period=YEAR, as_of=as_of)

    for line in coverage.by_format:
        attended = {p for s in held if s.format is line.format for p in s.attendees}
        assert line.people == Share(len(attended & staff), len(staff))


def test_a_formats_people_gather_over_its_sessions_without_office_or_departed_staff() -> None:
    bundle = records(
        employees=[
            *STAFF,
            employee("H-1", department="HQ"),
            employee("L-1", left_on=date(2023, 6, 1)),
        ],
        trainers=["T-1"],
        training_sessions=[
            session("W-1", WORKPLACE, date(2023, 3, 1), ["P-1", "P-2", "H-1"]),
            session("W-2", WORKPLACE, date(2023, 4, 1), ["P-2", "P-3", "L-1"]),
            session("C-1", CENTRE, date(2023, 5, 1), ["P-1"]),
        ],
    )

    coverage = training_coverage(bundle, period=YEAR, as_of=END_OF_2023)

    # P-1, P-2, P-3 of the three on staff in production; H-1 is office, L-1 has left.
    assert coverage.of(WORKPLACE).people == Share(3, 3)
    assert coverage.of(CENTRE).people == Share(1, 3)
    assert coverage.of(VISIT).people == Share(0, 3)


def test_a_period_without_sessions_says_so_in_its_explanation() -> None:
    staff = records(employees=[employee("P-1")])
    coverage = training_coverage(staff, period=YEAR, as_of=END_OF_2023)
    assert str(coverage.explanation).split("\n")[:2] == [
        "1. production personnel on staff on 2023-12-31: 1",
        "2. no training sessions started in [2023-01-01, 2024-01-01)",
    ]
