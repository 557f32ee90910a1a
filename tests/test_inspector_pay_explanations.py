"""Inspector pay, explained: the policy's rule is refused or quoted exactly, step by step."""

from __future__ import annotations

from datetime import date

import pytest

from ohs_domain import (
    Fact,
    InspectorPayPolicy,
    InvalidValueError,
    Quarter,
    Records,
    Year,
    inspector_pay,
    inspector_pay_for_year,
    show,
)
from tests.builders import (
    COUNCIL,
    QUARTERLY_15000,
    appointment,
    employee,
    pay_policy,
    records,
    submission,
    violation,
)

Q1 = Quarter(2023, 1)


def company() -> Records:
    """P-1 issues one submission in Q1; P-2, appointed without training, issues none."""
    return records(
        employees=[employee("P-1"), employee("P-2")],
        inspector_appointments=[
            appointment("P-1", date(2022, 1, 1), date(2025, 1, 1)),
            appointment("P-2", date(2022, 1, 1), date(2025, 1, 1), trained_on=None),
        ],
        violations=[violation("V-1", date(2023, 2, 1))],
        submissions=[submission("S-1", "P-1", date(2023, 2, 1), ["V-1"])],
    )


def test_a_policy_that_requires_no_activity_is_refused() -> None:
    with pytest.raises(InvalidValueError) as info:
        InspectorPayPolicy(
            approved_by=COUNCIL, amount=QUARTERLY_15000, min_submissions=0, min_violations=0
        )
    error = info.value
    assert (error.field, error.value) == ("min_submissions", 0)
    assert error.expected == (
        "at least 1 submission or 1 violation (min_violations): "
        "pay is for active work, so some activity must be required"
    )


def test_each_payment_names_its_quarter() -> None:
    pay = inspector_pay(company(), quarter=Q1, policy=pay_policy())
    assert [p.quarter for p in pay.payments] == [Q1, Q1]


def test_the_explanation_quotes_the_amount_and_the_policy() -> None:
    pay = inspector_pay(company(), quarter=Q1, policy=pay_policy())
    amount, appointed, paid = pay.explanation.steps
    assert [fact.name for fact in amount.facts] == ["inspector quarterly amount", "policy"]
    assert amount.facts[1] == Fact(name="policy", value=COUNCIL)
    assert appointed.description == "inspectors appointed during 2023-Q1"
    assert paid.description == "paid for 2023-Q1"


def test_every_reason_for_not_paying_is_listed_in_the_explanation() -> None:
    pay = inspector_pay(company(), quarter=Q1, policy=pay_policy(require_training=True))
    (unpaid,) = pay.explanation.steps[2].facts
    assert unpaid.name == "P-2"
    assert show(unpaid.value) == (
        "0 KZT; 0 submission(s) issued in 2023-Q1; the policy requires at least 1; "
        "no OHS training recorded by 2023-03-31; the policy requires it"
    )


def test_the_year_of_pay_names_its_year() -> None:
    year = inspector_pay_for_year(company(), year=Year(2023), policy=pay_policy())
    assert year.year == Year(2023)
    assert [q.quarter for q in year.quarters] == list(Year(2023).quarters())
