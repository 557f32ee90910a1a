"""Typed outcomes: each reason carries its data, renders the library's English, has a code."""

from __future__ import annotations

import re
from datetime import date
from typing import Any, get_args

import attrs
import pytest
from hypothesis import given

from ohs_domain import (
    Active,
    BelowLowestTier,
    BelowMinimumScore,
    BeyondLastBand,
    CutByBudget,
    CutByRecipientCap,
    DateRange,
    DepartmentId,
    EmployeeId,
    ExclusionReason,
    InvalidValueError,
    Money,
    NotAppointed,
    NotOnStaff,
    NotProductionPersonnel,
    PaidInFullForPart,
    PaidProRata,
    PartialQuarterUnpaid,
    PayReason,
    Quarter,
    RankedBelowBudget,
    RankedBelowRecipientCap,
    TooFewSubmissions,
    TooFewViolations,
    TrainingMissing,
)
from ohs_domain.testing import exclusion_reasons, pay_reasons

Q3 = Quarter(2023, 3)
WRONG: dict[str, Any] = {"text": "2023-Q3", "int": 1}  # untyped callers pass anything

# The English of each reason is the library's contract: the showcase and callers that
# print str(reason) see these exact words.
ENGLISH = [
    pytest.param(
        TooFewSubmissions(count=0, required=1, quarter=Q3),
        "0 submission(s) issued in 2023-Q3; the policy requires at least 1",
        id="no-submission-no-pay",
    ),
    pytest.param(
        TooFewViolations(count=2, required=5, quarter=Q3),
        "2 violation(s) listed in 2023-Q3; the policy requires at least 5",
        id="too-few-violations-no-pay",
    ),
    pytest.param(
        TrainingMissing(date(2023, 9, 30)),
        "no OHS training recorded by 2023-09-30; the policy requires it",
        id="untrained-inspector-not-paid",
    ),
    pytest.param(
        NotAppointed(quarter=Q3, terms=(DateRange(date(2023, 1, 1), date(2023, 7, 1)),)),
        "not appointed as a technical inspector during 2023-Q3 "
        "(appointed [2023-01-01, 2023-07-01))",
        id="term-ended-before-the-quarter",
    ),
    pytest.param(
        PartialQuarterUnpaid(days=46, of_days=92, quarter=Q3),
        "appointed for 46 of 92 days of 2023-Q3; the policy pays no partial quarter",
        id="partial-quarter-unpaid",
    ),
    pytest.param(
        PaidProRata(days=46, of_days=92, quarter=Q3, amount=Money(15_000)),
        "appointed for 46 of 92 days of 2023-Q3; paid pro rata: 15,000 KZT × 46 ÷ 92",
        id="partial-quarter-pro-rata",
    ),
    pytest.param(
        PaidInFullForPart(days=46, of_days=92, quarter=Q3),
        "appointed for 46 of 92 days of 2023-Q3; the policy pays a partial quarter in full",
        id="partial-quarter-in-full",
    ),
    pytest.param(
        Active(submissions=3, violations=4, quarter=Q3),
        "active: 3 submission(s) listing 4 violation(s) in 2023-Q3",
        id="active-inspector-paid",
    ),
    pytest.param(
        NotProductionPersonnel(DepartmentId("HQ")),
        "not production personnel (department HQ)",
        id="office-employee-not-rewarded",
    ),
    pytest.param(
        NotOnStaff(date(2023, 12, 31), date(2023, 12, 1)),
        "not on staff on the reference date 2023-12-31 (left on 2023-12-01)",
        id="left-before-the-reference-date",
    ),
    pytest.param(
        BelowMinimumScore(0, 1),
        "score 0 is below the policy's minimum of 1",
        id="no-report-no-reward",
    ),
    pytest.param(
        BelowLowestTier(4, 5),
        "score 4 is below the lowest tier (5)",
        id="score-below-the-lowest-tier",
    ),
    pytest.param(
        BeyondLastBand(5, 4),
        "rank 5 is beyond the last band (rank 4)",
        id="rank-beyond-the-last-band",
    ),
    pytest.param(
        CutByRecipientCap(cap=2, admitted=2),
        "cut by the cap of 2 recipients: 2 better-ranked employees were admitted first",
        id="cut-by-the-recipient-cap",
    ),
    pytest.param(
        CutByRecipientCap(cap=2, admitted=1, tied=True),
        "cut by the cap of 2 recipients: 1 better-ranked employees were admitted first "
        "(tied employees are admitted or cut together)",
        id="tied-employees-cut-together",
    ),
    pytest.param(
        CutByBudget(
            budget=Money(1_000_000), committed=Money(700_000), would_reach=Money(1_050_000)
        ),
        "cut by the budget of 1,000,000 KZT: 700,000 KZT was committed to better-ranked "
        "employees and this award would bring it to 1,050,000 KZT",
        id="cut-by-the-budget",
    ),
    pytest.param(
        RankedBelowRecipientCap(cap=0, first_cut=EmployeeId("E-01")),
        "cut by the cap of 0 recipients: ranked below E-01, the first employee it cut",
        id="ranked-below-the-first-cut-by-the-cap",
    ),
    pytest.param(
        RankedBelowBudget(budget=Money(1_000_000), first_cut=EmployeeId("E-02")),
        "cut by the budget of 1,000,000 KZT: ranked below E-02, the first employee it cut",
        id="ranked-below-the-first-cut-by-the-budget",
    ),
]


@pytest.mark.parametrize(("reason", "text"), ENGLISH)
def test_a_reason_renders_the_librarys_english(reason: Any, text: str) -> None:
    assert str(reason) == text


def test_the_english_table_covers_every_reason() -> None:
    covered = {type(case.values[0]) for case in ENGLISH}
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
