"""Error messages, exactly: what was wrong, the bad value, what is valid (STYLE.md, Errors)."""

from __future__ import annotations

import pytest

from ohs_domain import (
    CurrencyMismatchError,
    IllegalTransitionError,
    InvalidDataError,
    InvalidValueError,
    Money,
    Problem,
)


def test_a_currency_mismatch_says_how_to_fix_it() -> None:
    with pytest.raises(CurrencyMismatchError) as info:
        Money(1) + Money(1, "EUR")
    assert str(info.value) == (
        "cannot apply '+' to KZT and EUR: "
        "amounts must be in the same currency; convert one of them first"
    )


def test_an_illegal_transition_names_the_subject_then_the_reason() -> None:
    error = IllegalTransitionError("safety report R-1", "already accepted")
    assert str(error) == "safety report R-1: already accepted"
    assert (error.subject, error.reason) == ("safety report R-1", "already accepted")


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        # repr of 78 letters is 80 characters: shown whole.
        ("a" * 78, "'" + "a" * 78 + "'"),
        # 79 letters, 81 characters: cut to 77 and an ellipsis.
        ("a" * 79, "'" + "a" * 76 + "..."),
    ],
    ids=["80-characters-whole", "81-characters-cut"],
)
def test_a_long_value_is_cut_after_80_characters(value: str, shown: str) -> None:
    error = InvalidValueError("name", value, "something shorter")
    assert str(error) == f"name: got {shown} (str); expected something shorter"


@pytest.mark.parametrize(
    ("count", "heading"),
    [(1, "Records: 1 problem"), (2, "Records: 2 problems")],
    ids=["one-problem", "two-problems"],
)
def test_invalid_data_counts_its_problems_in_words(count: int, heading: str) -> None:
    problems = [Problem(f"$.items[{n}]", "bad") for n in range(count)]
    error = InvalidDataError("Records", problems)
    lines = str(error).split("\n")
    assert lines[0] == heading
    assert lines[1:] == [f"  $.items[{n}]: bad" for n in range(count)]
