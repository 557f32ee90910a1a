"""Typed outcomes: each reason carries its data, renders the library's English, has a code."""

from __future__ import annotations

import re
from typing import Any, get_args

import attrs
import pytest
from hypothesis import given

from ohs_domain import (
    BelowMinimumScore,
    CutByBudget,
    DepartmentId,
    ExclusionReason,
    InvalidValueError,
    Money,
    NotOnStaff,
    NotProductionPersonnel,
    PaidProRata,
    PayReason,
    Quarter,
    TooFewSubmissions,
)
from ohs_domain.testing import exclusion_reasons, pay_reasons
from tests.builders import REASONS_IN_ENGLISH

Q3 = Quarter(2023, 3)
WRONG: dict[str, Any] = {"text": "2023-Q3", "int": 1}  # untyped callers pass anything


@pytest.mark.parametrize(("reason", "text"), REASONS_IN_ENGLISH)
def test_a_reason_renders_the_librarys_english(reason: Any, text: str) -> None:
    assert str(reason) == text


def test_the_english_table_covers_every_reason() -> None:
    covered = {type(case.values[0]) for case in REASONS_IN_ENGLISH}
    assert covered == set(get_args(PayReason)) | set(get_args(ExclusionReason))


@pytest.mark.parametrize("kind", [*get_args(PayReason), *get_args(ExclusionReason)])
def test_every_reason_has_a_stable_lower_case_code_of_its_own(kind: type) -> None:
    code = kind.__dict__["code"]
    assert re.fullmatch(r"[a-z]+(_[a-z]+)*", code)
    others = [k for k in (*get_args(PayReason), *get_args(ExclusionReason)) if k is not kind]
    assert code not in [k.__dict__["code"] for k in others]
    assert "code" not in {field.name for field in attrs.fields(kind)}  # not data: the type's name


@given(pay_reasons() | exclusion_reasons())
def test_a_reason_is_a_frozen_value(reason: Any) -> None:
    field = attrs.fields(type(reason))[0]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(reason, field.name, getattr(reason, field.name))
    assert attrs.evolve(reason) == reason
    assert "\n" not in str(reason)


@pytest.mark.parametrize(
    ("build", "field"),
    [
        pytest.param(lambda: BelowMinimumScore(-1, 1), "score", id="negative-score"),
        pytest.param(
            lambda: TooFewSubmissions(count=0, required=1, quarter=WRONG["text"]),
            "quarter",
            id="quarter-as-text",
        ),
        pytest.param(
            lambda: CutByBudget(budget=WRONG["int"], committed=Money(0), would_reach=Money(0)),
            "budget",
            id="budget-not-money",
        ),
        pytest.param(
            lambda: NotProductionPersonnel(DepartmentId("")), "department", id="blank-department"
        ),
        pytest.param(lambda: NotOnStaff(WRONG["text"], None), "reference_date", id="day-as-text"),
    ],
)
def test_a_reason_refuses_data_of_the_wrong_kind(build: Any, field: str) -> None:
    with pytest.raises(InvalidValueError) as raised:
        build()

    assert raised.value.field == field


# English reasons show counts as plain digits ("at least 1500"), as they always have;
# Russian and Kazakh group them by their own rules (a no-break space in Russian).
@pytest.mark.parametrize(
    ("reason", "english", "russian"),
    [
        pytest.param(
            TooFewSubmissions(count=1200, required=1500, quarter=Q3),
            "1200 submission(s) issued in 2023-Q3; the policy requires at least 1500",
            "в 3 кв. 2023 выдано 1\u00a0200 представлений; положение требует не менее 1\u00a0500",
            id="counts-of-submissions",
        ),
        pytest.param(
            PaidProRata(days=1200, of_days=1500, quarter=Q3, amount=Money(15000)),
            "appointed for 1200 of 1500 days of 2023-Q3; paid pro rata: 15,000 KZT × 1200 ÷ 1500",
            "назначен на 1\u00a0200 дн. из 1\u00a0500 (3 кв. 2023); "
            "оплачено пропорционально: 15\u00a0000\u00a0KZT × 1\u00a0200 ÷ 1\u00a0500",
            id="days-of-a-part-of-the-quarter",
        ),
    ],
)
def test_counts_in_a_reason_are_plain_in_english_and_grouped_in_russian(
    reason: Any, english: str, russian: str
) -> None:
    assert (str(reason), reason.render("ru")) == (english, russian)
