"""Partitions: every part a valid bundle, every fact in exactly one part, shared tables in all."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any, cast

import pytest
from hypothesis import given, settings

from ohs_domain import (
    InvalidArgumentError,
    Records,
    TrainingFormat,
    partition,
    serialization,
    testing,
)
from tests.builders import (
    appointment,
    at,
    employee,
    examples,
    monthly_hours,
    records,
    report,
    session,
    submission,
    violation,
)

CENTRE = TrainingFormat.TRAINING_CENTRE


@pytest.fixture
def plant() -> Records:
    """P-1 and P-2 in D-1, inspector P-3 in D-2, trainer T-1 at the head office (HQ)."""
    return records(
        employees=[
            employee("P-1"),
            employee("P-2"),
            employee("P-3", department="D-2"),
        ],
        trainers=["T-1"],
        training_sessions=[session("TC-1", CENTRE, date(2023, 3, 1), ["P-1", "P-3"])],
        reports=[report("R-1", "P-1", at(2023, 4, 1))],
        inspector_appointments=[appointment("P-3", date(2022, 1, 1), date(2025, 1, 1))],
        violations=[
            violation("V-1", date(2023, 5, 1), department="D-2"),
            violation("V-2", date(2023, 5, 2)),
        ],
        submissions=[submission("S-1", "P-3", date(2023, 5, 3), ["V-1"], department="D-2")],
        hours_worked=monthly_hours(2023, 1_000),
    )


def test_a_department_takes_its_staff_and_their_facts(plant: Records) -> None:
    parts = partition(plant, by="department")

    assert sorted(parts) == ["D-1", "D-2", "HQ"]
    first, second = parts["D-1"], parts["D-2"]
    assert [e.id for e in parts["HQ"].employees] == ["T-1"]
    assert [e.id for e in first.employees] == ["P-1", "P-2", "T-1"]
    assert [r.id for r in first.safety_reports] == ["R-1"]
    assert [e.id for e in second.employees] == ["P-3", "T-1"]  # the trainer, copied
    assert [s.id for s in second.submissions] == ["S-1"]
    # A violation goes with the submission listing it, else with its department.
    assert [v.id for v in second.violations] == ["V-1"]
    assert [v.id for v in first.violations] == ["V-2"]
    assert first.hours_worked == plant.hours_worked


def test_the_departments_are_copied_to_every_part(plant: Records) -> None:
    for part in partition(plant, by="employee").values():
        assert part.departments == plant.departments


def test_a_session_is_split_by_its_attendees_with_its_trainer_in_each_piece(
    plant: Records,
) -> None:
    parts = partition(plant, by="employee")

    pieces = {
        label: part.training_sessions for label, part in parts.items() if part.training_sessions
    }
    assert {label: [s.attendees for s in found] for label, found in pieces.items()} == {
        "P-1": [frozenset({"P-1"})],
        "P-3": [frozenset({"P-3"})],
    }
    assert all(part.certifications_of("T-1") for part in (parts["P-1"], parts["P-3"]))


def test_group_puts_units_together(plant: Records) -> None:
    parts = partition(
        plant, by="employee", group=lambda unit: "staff" if unit[0] == "P" else "rest"
    )

    assert sorted(parts) == ["rest", "staff"]
    assert [e.id for e in parts["staff"].employees] == ["P-1", "P-2", "P-3", "T-1"]


def test_partition_checks_its_arguments(plant: Records) -> None:
    with pytest.raises(InvalidArgumentError) as raised:
        partition(plant, by=cast(Any, "company"))

    assert raised.value.field == "by"


@settings(max_examples=examples(0.3))
@given(bundle=testing.records())
def test_every_fact_is_in_exactly_one_part_and_each_part_loads_on_its_own(bundle: Records) -> None:
    parts = partition(bundle, by="employee").values()

    for name in ("safety_reports", "injuries", "submissions", "violations", "hours_worked"):
        found = Counter(r for part in parts for r in getattr(part, name))
        assert sorted(found.elements(), key=repr) == sorted(getattr(bundle, name), key=repr)
        assert set(found.values()) <= {1}
    for part in parts:
        assert serialization.load(serialization.dump(part), Records) == part
    attended = Counter(
        (s.id, a) for part in parts for s in part.training_sessions for a in s.attendees
    )
    assert attended == Counter((s.id, a) for s in bundle.training_sessions for a in s.attendees)
