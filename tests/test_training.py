"""Training sessions: who trained whom, where, on which days."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from ohs_domain import (
    DateRange,
    InvalidValueError,
    TrainingFormat,
    TrainingSession,
)
from tests.builders import IDS, TEXT

D = date


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
