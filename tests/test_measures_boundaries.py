"""Shares, rates and percentiles at their edges: carries, the last rank, the messages."""

from __future__ import annotations

from datetime import timedelta
from fractions import Fraction

import pytest

from ohs_domain import InvalidValueError, Rate, Share
from ohs_domain._measures import percentile


def test_a_share_rounding_up_to_a_whole_hundred_carries() -> None:
    # 99.95 % to one decimal: the carry adds a digit (99.9 -> 100.0).
    assert str(Share(1_999, 2_000)) == "1,999 of 2,000 (100.0 %)"


def test_a_part_above_the_whole_is_named_with_the_whole() -> None:
    with pytest.raises(InvalidValueError) as info:
        Share(3, 2)
    error = info.value
    assert (error.field, error.value, error.expected) == ("part", 3, "at most the whole (2)")


def test_a_negative_exposure_is_refused() -> None:
    with pytest.raises(InvalidValueError) as info:
        Rate(name="LTIFR", cases=1, exposure=Fraction(-1), exposure_unit="hours", base=1)
    error = info.value
    assert (error.field, error.value) == ("exposure", Fraction(-1))
    assert error.expected == "a non-negative amount"


def test_the_100th_percentile_of_101_values_is_the_largest() -> None:
    values = [timedelta(minutes=n) for n in range(1, 102)]
    assert percentile(values, 100) == timedelta(minutes=101)
    assert percentile(values, 50) == timedelta(minutes=51)
