"""Value objects refused at construction name the field, the bad value and what is valid."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from ohs_domain import DepartmentId, HoursWorked, InvalidValueError, Month, Source

TEXT = "a non-empty string without control characters, bidirectional overrides or lone surrogates"


@pytest.mark.parametrize(
    "title",
    ["", "   ", "Order\u202eNo. 1", "Order\x00"],
    ids=["empty", "blank", "reordered-by-a-bidi-override", "control-character"],
)
def test_a_source_needs_a_title_that_reads_as_it_is(title: str) -> None:
    with pytest.raises(InvalidValueError) as info:
        Source(title=title)
    error = info.value
    assert (error.field, error.value, error.expected) == ("title", title, TEXT)


def test_an_optional_text_of_a_source_may_be_absent_but_not_blank() -> None:
    assert Source(title="Order", number=None).number is None
    with pytest.raises(InvalidValueError) as info:
        Source(title="Order", number=" ", adopted_on=date(2023, 1, 1))
    error = info.value
    assert (error.field, error.value, error.expected) == ("number", " ", TEXT)


@pytest.mark.parametrize(
    "hours", [Decimal(-1), Decimal("NaN"), 10], ids=["negative", "not-a-number", "an-int"]
)
def test_hours_worked_must_be_a_finite_non_negative_decimal(hours: object) -> None:
    with pytest.raises(InvalidValueError) as info:
        HoursWorked(department=DepartmentId("D-1"), month=Month(2023, 1), hours=hours)  # type: ignore[arg-type]
    error = info.value
    assert error.field == "hours"
    assert error.value is hours
    assert error.expected == "a finite, non-negative Decimal"
