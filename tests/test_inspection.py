"""Violations found by technical inspectors, and the submissions that demand their elimination."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from ohs_domain import (
    InvalidValueError,
    Submission,
    SubmissionStatus,
    Violation,
)
from tests.builders import TEXT

D = date


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
