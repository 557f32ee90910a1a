"""Quarterly pay of technical inspectors: who is paid, how much, and why not."""

from __future__ import annotations

import functools
import pickle
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ohs_domain import (
    Fact,
    InspectorAppointment,
    InspectorPayPartial,
    InspectorPayPolicy,
    InspectorPayYear,
    InspectorPayYearPartial,
    InvalidArgumentError,
    InvalidValueError,
    Money,
    NotAppointed,
    NoValueInForceError,
    PartialQuarter,
    Quarter,
    Records,
    Submission,
    TooFewSubmissions,
    TooFewViolations,
    UnknownRecordError,
    Violation,
    Year,
    inspector_pay,
    inspector_pay_for_year,
    inspector_pay_for_year_partial,
    inspector_pay_partial,
    serialization,
    show,
    testing,
)
from tests.builders import (
    COUNCIL,
    QUARTERLY_15000,
    appointment,
    employee,
    examples,
    issued,
    money_schedule,
    pay_policy,
    records,
    splits,
    submission,
    violation,
)

Q1 = Quarter(2023, 1)  # 90 days
Q2 = Quarter(2023, 2)  # 91 days
Q3 = Quarter(2023, 3)  # 92 days
Q4_2023 = Quarter(2023, 4)
WHOLE_2023 = appointment("I-1", date(2023, 1, 1), date(2024, 1, 1))
# Appointed on 15 February: 14 days of February and 31 of March, 45 of Q1's 90.
FROM_15_FEBRUARY = appointment("I-1", date(2023, 2, 15), date(2024, 1, 1))
FROM_15_FEBRUARY_I2 = appointment("I-2", date(2023, 2, 15), date(2024, 1, 1), trained_on=None)

Issue = tuple[str, date, int]  # submission id, issued on, violations listed


def inspection_records(
    appointments: Iterable[InspectorAppointment],
    issues: Iterable[Issue] = (),
    *,
    inspector: str = "I-1",
) -> Records:
    terms = list(appointments)
    submissions: list[Submission] = []
    violations: list[Violation] = []
    for submission_id, issued_on, count in issues:
        made, found = issued(submission_id, inspector, issued_on, count)
        submissions.append(made)
        violations.extend(found)
    people = sorted({a.employee for a in terms} | {inspector})
    return records(
        employees=[employee(p) for p in people],
        inspector_appointments=terms,
        submissions=submissions,
        violations=violations,
    )


# -- one quarter, one inspector -------------------------------------------------------

PAY_CASES = [
    pytest.param(
        [WHOLE_2023],
        [("S-1", date(2023, 2, 10), 1)],
        {},
        Q1,
        (
            "15,000 KZT",
            ["active: 1 submission(s) listing 1 violation(s) in 2023-Q1"],
        ),
        id="one-submission-in-the-quarter-is-paid-in-full",
    ),
    pytest.param(
        [WHOLE_2023],
        [],
        {},
        Q1,
        (
            "0 KZT",
            ["0 submission(s) issued in 2023-Q1; the policy requires at least 1"],
        ),
        id="no-submission-no-pay",
    ),
    pytest.param(
        [WHOLE_2023],
        [("S-1", date(2023, 3, 31), 1)],
        {},
        Q1,
        (
            "15,000 KZT",
            ["active: 1 submission(s) listing 1 violation(s) in 2023-Q1"],
        ),
        id="submission-on-the-last-day-of-a-quarter-counts-in-it",
    ),
    pytest.param(
        [WHOLE_2023],
        [("S-1", date(2023, 3, 31), 1)],
        {},
        Q2,
        (
            "0 KZT",
            ["0 submission(s) issued in 2023-Q2; the policy requires at least 1"],
        ),
        id="submission-on-the-last-day-of-a-quarter-does-not-count-in-the-next",
    ),
    pytest.param(
        [WHOLE_2023],
        [("S-1", date(2023, 4, 1), 1)],
        {},
        Q1,
        (
            "0 KZT",
            ["0 submission(s) issued in 2023-Q1; the policy requires at least 1"],
        ),
        id="submission-on-the-first-day-of-the-next-quarter-does-not-count",
    ),
    pytest.param(
        [WHOLE_2023],
        [("S-1", date(2023, 2, 10), 3)],
        {"min_submissions": 2},
        Q1,
        (
            "0 KZT",
            ["1 submission(s) issued in 2023-Q1; the policy requires at least 2"],
        ),
        id="fewer-submissions-than-required-no-pay",
    ),
    pytest.param(
        [WHOLE_2023],
        [("S-1", date(2023, 2, 10), 2)],
        {"min_violations": 3},
        Q1,
        (
            "0 KZT",
            ["2 violation(s) listed in 2023-Q1; the policy requires at least 3"],
        ),
        id="fewer-violations-than-required-no-pay",
    ),
    pytest.param(
        [WHOLE_2023],
        [("S-1", date(2023, 1, 9), 2), ("S-2", date(2023, 3, 1), 1)],
        {"min_violations": 3},
        Q1,
        (
            "15,000 KZT",
            ["active: 2 submission(s) listing 3 violation(s) in 2023-Q1"],
        ),
        id="violations-of-all-the-quarters-submissions-add-up",
    ),
    pytest.param(
        [WHOLE_2023],
        [],
        {"min_submissions": 0, "min_violations": 1},
        Q1,
        (
            "0 KZT",
            ["0 violation(s) listed in 2023-Q1; the policy requires at least 1"],
        ),
        id="violations-only-policy-without-violations-no-pay",
    ),
    pytest.param(
        [WHOLE_2023],
        [("S-1", date(2023, 2, 10), 1)],
        {"min_submissions": 2, "min_violations": 5},
        Q1,
        (
            "0 KZT",
            [
                "1 submission(s) issued in 2023-Q1; the policy requires at least 2",
                "1 violation(s) listed in 2023-Q1; the policy requires at least 5",
            ],
        ),
        id="every-unmet-requirement-is-a-reason",
    ),
    pytest.param(
        [appointment("I-1", date(2023, 1, 1), date(2024, 1, 1), trained_on=None)],
        [("S-1", date(2023, 2, 10), 1)],
        {"require_training": True},
        Q1,
        (
            "0 KZT",
            ["no OHS training recorded by 2023-03-31; the policy requires it"],
        ),
        id="untrained-inspector-not-paid-when-training-required",
    ),
    pytest.param(
        [appointment("I-1", date(2023, 1, 1), date(2024, 1, 1), trained_on=date(2023, 4, 1))],
        [("S-1", date(2023, 2, 10), 1)],
        {"require_training": True},
        Q1,
        (
            "0 KZT",
            ["no OHS training recorded by 2023-03-31; the policy requires it"],
        ),
        id="training-after-the-quarter-does-not-count",
    ),
    pytest.param(
        [appointment("I-1", date(2023, 1, 1), date(2024, 1, 1), trained_on=date(2023, 3, 31))],
        [("S-1", date(2023, 2, 10), 1)],
        {"require_training": True},
        Q1,
        (
            "15,000 KZT",
            ["active: 1 submission(s) listing 1 violation(s) in 2023-Q1"],
        ),
        id="training-on-the-quarters-last-day-counts",
    ),
    pytest.param(
        [appointment("I-1", date(2023, 1, 1), date(2024, 1, 1), trained_on=None)],
        [("S-1", date(2023, 2, 10), 1)],
        {},
        Q1,
        (
            "15,000 KZT",
            ["active: 1 submission(s) listing 1 violation(s) in 2023-Q1"],
        ),
        id="training-not-required-by-default",
    ),
    pytest.param(
        [FROM_15_FEBRUARY],
        [("S-1", date(2023, 3, 1), 1)],
        {"partial_quarter": PartialQuarter.FULL},
        Q1,
        (
            "15,000 KZT",
            ["appointed for 45 of 90 days of 2023-Q1; the policy pays a partial quarter in full"],
        ),
        id="appointed-mid-quarter-full",
    ),
    pytest.param(
        [FROM_15_FEBRUARY],
        [("S-1", date(2023, 3, 1), 1)],
        {"partial_quarter": PartialQuarter.PRO_RATA},
        Q1,
        (
            "7,500.00 KZT",  # 15,000 × 45 ÷ 90
            ["appointed for 45 of 90 days of 2023-Q1; paid pro rata: 15,000 KZT × 45 ÷ 90"],
        ),
        id="appointed-mid-quarter-pro-rata",
    ),
    pytest.param(
        # 17 August: 15 days of August and 30 of September, 45 of Q3's 92.
        [appointment("I-1", date(2023, 8, 17), date(2024, 1, 1))],
        [("S-1", date(2023, 9, 1), 1)],
        {"partial_quarter": PartialQuarter.PRO_RATA},
        Q3,
        (
            "7,336.96 KZT",  # 675,000 ÷ 92 = 7,336.956…
            ["appointed for 45 of 92 days of 2023-Q3; paid pro rata: 15,000 KZT × 45 ÷ 92"],
        ),
        id="appointed-mid-quarter-pro-rata-non-terminating-rounded-once",
    ),
    pytest.param(
        [FROM_15_FEBRUARY],
        [("S-1", date(2023, 3, 1), 1)],
        {"partial_quarter": PartialQuarter.NONE},
        Q1,
        (
            "0 KZT",
            ["appointed for 45 of 90 days of 2023-Q1; the policy pays no partial quarter"],
        ),
        id="appointed-mid-quarter-none",
    ),
    pytest.param(
        # In office 1 January to 14 February: 31 + 14 = 45 days.
        [appointment("I-1", date(2022, 1, 1), date(2023, 2, 15))],
        [("S-1", date(2023, 2, 1), 1)],
        {"partial_quarter": PartialQuarter.PRO_RATA},
        Q1,
        (
            "7,500.00 KZT",
            ["appointed for 45 of 90 days of 2023-Q1; paid pro rata: 15,000 KZT × 45 ÷ 90"],
        ),
        id="term-ending-mid-quarter-pro-rata",
    ),
    pytest.param(
        # January (31 days) and March (31 days): 62 of 90; 930,000 ÷ 90 = 10,333.33…
        [
            appointment("I-1", date(2022, 1, 1), date(2023, 2, 1)),
            appointment("I-1", date(2023, 3, 1), date(2024, 1, 1)),
        ],
        [("S-1", date(2023, 3, 1), 1)],
        {"partial_quarter": PartialQuarter.PRO_RATA},
        Q1,
        (
            "10,333.33 KZT",
            ["appointed for 62 of 90 days of 2023-Q1; paid pro rata: 15,000 KZT × 62 ÷ 90"],
        ),
        id="two-terms-in-a-quarter-add-their-days",
    ),
    pytest.param(
        [FROM_15_FEBRUARY],
        [("S-1", date(2023, 3, 1), 1)],
        {
            "partial_quarter": PartialQuarter.PRO_RATA,
            "amount": money_schedule((date(2022, 1, 1), Money(Decimal("10000.01")))),
        },
        Q1,
        (
            "5,000.01 KZT",  # 5,000.005 rounds half up (half-even would give 5,000.00)
            ["appointed for 45 of 90 days of 2023-Q1; paid pro rata: 10,000.01 KZT × 45 ÷ 90"],
        ),
        id="pro-rata-rounds-half-up",
    ),
    pytest.param(
        [appointment("I-1", date(2023, 2, 15), date(2024, 1, 1), trained_on=None)],
        [("S-1", date(2023, 3, 1), 1)],
        {"partial_quarter": PartialQuarter.PRO_RATA, "require_training": True},
        Q1,
        (
            "0 KZT",
            ["no OHS training recorded by 2023-03-31; the policy requires it"],
        ),
        id="unmet-requirement-pays-nothing-even-pro-rata",
    ),
]


@pytest.mark.parametrize(("terms", "issues", "changes", "quarter", "expected"), PAY_CASES)
def test_quarter_pay(
    terms: list[InspectorAppointment],
    issues: list[Issue],
    changes: dict[str, Any],
    quarter: Quarter,
    expected: tuple[str, list[str]],
) -> None:
    amount, reasons = expected
    result = inspector_pay(
        inspection_records(terms, issues), quarter=quarter, policy=pay_policy(**changes)
    )

    line = result.of("I-1")
    assert line is not None
    assert str(line.amount) == amount
    assert [str(reason) for reason in line.reasons] == reasons  # the English is the contract
    assert line.is_paid is (amount != "0 KZT")
    assert result.total == line.amount
    assert (result.paid, result.unpaid) == (((line,), ()) if line.is_paid else ((), (line,)))


def test_a_line_counts_the_quarters_submissions_violations_and_days() -> None:
    issues = [
        ("S-1", date(2023, 2, 20), 2),
        ("S-2", date(2023, 3, 31), 3),
        ("S-3", date(2023, 4, 3), 4),  # the next quarter
    ]

    result = inspector_pay(
        inspection_records([FROM_15_FEBRUARY], issues), quarter=Q1, policy=pay_policy()
    )

    line = result.of("I-1")
    assert line is not None
    assert (line.submissions, line.violations, line.days_appointed) == (2, 5, 45)


@pytest.fixture
def two_inspectors() -> Records:
    # I-1 is in office all 2023; I-2's term ended in 2022; I-3 starts in Q2.
    made = [issued("S-1", "I-1", date(2023, 2, 10)), issued("S-2", "I-3", date(2023, 5, 5))]
    return records(
        employees=[employee("I-1"), employee("I-2"), employee("I-3")],
        inspector_appointments=[
            WHOLE_2023,
            appointment("I-2", date(2022, 1, 1), date(2023, 1, 1)),
            appointment("I-3", date(2023, 4, 1), date(2024, 1, 1)),
        ],
        submissions=[s for s, _ in made],
        violations=[v for _, found in made for v in found],
    )


def test_only_inspectors_in_office_during_the_quarter_get_a_line(two_inspectors: Records) -> None:
    result = inspector_pay(two_inspectors, quarter=Q1, policy=pay_policy())

    assert [p.inspector for p in result.payments] == ["I-1"]
    assert result.of("I-2") is None  # term ended on the quarter's first day (excluded)
    assert result.of("I-3") is None  # appointed after the quarter


def test_payments_are_listed_by_inspector(two_inspectors: Records) -> None:
    result = inspector_pay(two_inspectors, quarter=Q2, policy=pay_policy())

    assert [(p.inspector, str(p.amount)) for p in result.payments] == [
        ("I-1", "0 KZT"),
        ("I-3", "15,000 KZT"),
    ]
    assert str(result.total) == "15,000 KZT"


def test_no_inspector_in_office_pays_nothing() -> None:
    result = inspector_pay(inspection_records([]), quarter=Q1, policy=pay_policy())

    assert result.payments == ()
    assert result.total == Money(0)


@pytest.mark.parametrize(
    ("since", "q1_rate"),
    [
        pytest.param(date(2023, 3, 31), "20,000 KZT", id="raise-on-the-quarters-last-day-applies"),
        pytest.param(date(2023, 4, 1), "15,000 KZT", id="raise-the-day-after-applies-next"),
    ],
)
def test_the_amount_in_force_on_the_quarters_last_day_applies(since: date, q1_rate: str) -> None:
    amount = money_schedule((date(2022, 1, 1), 15_000), (since, 20_000))
    policy = pay_policy(amount=amount)
    terms = [WHOLE_2023]

    result = inspector_pay(
        inspection_records(terms, [("S-1", date(2023, 1, 20), 1)]), quarter=Q1, policy=policy
    )

    assert str(result.rate.value) == q1_rate
    assert str(result.total) == q1_rate
    assert result.rate.source == COUNCIL


def test_an_amount_not_yet_in_force_is_an_error() -> None:
    policy = pay_policy(amount=money_schedule((date(2024, 1, 1), 15_000)))

    with pytest.raises(NoValueInForceError) as raised:
        inspector_pay(inspection_records([WHOLE_2023]), quarter=Q4_2023, policy=policy)

    assert raised.value.on == date(2023, 12, 31)


def test_the_explanation_names_the_amount_rule_and_each_line_not_paid_in_full() -> None:
    made = [
        issued("S-1", "I-1", date(2023, 2, 10)),
        issued("S-2", "I-3", date(2023, 3, 1), 2),
    ]
    data = records(
        employees=[employee("I-1"), employee("I-2"), employee("I-3")],
        inspector_appointments=[
            WHOLE_2023,
            appointment("I-2", date(2023, 1, 1), date(2024, 1, 1)),
            appointment("I-3", date(2023, 2, 15), date(2024, 1, 1)),
        ],
        submissions=[s for s, _ in made],
        violations=[v for _, found in made for v in found],
    )
    policy = pay_policy(partial_quarter=PartialQuarter.PRO_RATA, min_violations=1)

    steps = inspector_pay(data, quarter=Q1, policy=policy).explanation.steps

    assert (steps[0].description, show(steps[0].result)) == (
        "quarterly amount in force on 2023-03-31",
        "15,000 KZT",
    )
    assert steps[0].facts[0].source == COUNCIL
    assert show(steps[0].facts[1].value) == str(COUNCIL)
    assert show(steps[1].result) == "3"
    assert {f.name: show(f.value) for f in steps[1].facts} == {
        "active means": "at least 1 submission(s) issued in the quarter "
        "listing at least 1 violation(s)",
        "partial quarter": "pro_rata",
        "training required": "false",
    }
    assert show(steps[2].result) == "2 inspector(s), 22,500.00 KZT"
    # I-1 got the full rate; I-2 (nothing) and I-3 (pro rata) are explained.
    assert [(f.name, show(f.value).split(";")[0]) for f in steps[2].facts] == [
        ("I-2", "0 KZT"),
        ("I-3", "7,500.00 KZT"),
    ]


def test_the_default_activity_is_one_submission() -> None:
    steps = inspector_pay(inspection_records([]), quarter=Q1, policy=pay_policy()).explanation.steps

    assert show(steps[1].facts[0].value) == "at least 1 submission(s) issued in the quarter"


# -- a year ---------------------------------------------------------------------------


def test_a_year_is_the_sum_of_its_quarters() -> None:
    # I-1: whole year, active in Q1 and Q3. I-2: from 16 May (46 of Q2's 91 days),
    # active in Q2 and Q4. Pro rata: 15,000 × 46 ÷ 91 = 7,582.417… → 7,582.42.
    made = [
        issued("S-1", "I-1", date(2023, 1, 20)),
        issued("S-2", "I-1", date(2023, 8, 1)),
        issued("S-3", "I-2", date(2023, 6, 1)),
        issued("S-4", "I-2", date(2023, 12, 31)),
    ]
    data = records(
        employees=[employee("I-1"), employee("I-2")],
        inspector_appointments=[
            WHOLE_2023,
            appointment("I-2", date(2023, 5, 16), date(2025, 1, 1)),
        ],
        submissions=[s for s, _ in made],
        violations=[v for _, found in made for v in found],
    )

    year = inspector_pay_for_year(
        data, year=Year(2023), policy=pay_policy(partial_quarter=PartialQuarter.PRO_RATA)
    )

    assert [q.quarter for q in year.quarters] == list(Year(2023).quarters())
    assert [str(q.total) for q in year.quarters] == [
        "15,000 KZT",
        "7,582.42 KZT",
        "15,000 KZT",
        "15,000 KZT",
    ]
    assert str(year.total) == "52,582.42 KZT"
    assert [(i, str(m)) for i, m in year.by_inspector()] == [
        ("I-1", "30,000 KZT"),
        ("I-2", "22,582.42 KZT"),
    ]


# -- everyone left out, always ---------------------------------------------------------------

# I-2's term ended on 1 July; I-3 was appointed on 1 October: both are in the year's pay.
ENDED_IN_JUNE = appointment("I-2", date(2022, 1, 1), date(2023, 7, 1))
FROM_OCTOBER = appointment("I-3", date(2023, 10, 1), date(2025, 1, 1))


@pytest.mark.parametrize(
    ("term", "appointed_in"),
    [
        pytest.param(ENDED_IN_JUNE, [Q1, Q2], id="term-ended-in-june-unpaid-from-q3-with-reason"),
        pytest.param(FROM_OCTOBER, [Q4_2023], id="appointed-in-october-unpaid-before-q4"),
    ],
)
def test_an_inspector_appointed_part_of_the_year_has_a_line_in_every_quarter(
    term: InspectorAppointment, appointed_in: list[Quarter]
) -> None:
    data = inspection_records([WHOLE_2023, term])

    year = inspector_pay_for_year(data, year=Year(2023), policy=pay_policy())
    lines = year.of(term.employee)

    assert lines is not None
    assert [line.quarter for line in lines] == list(Year(2023).quarters())
    for line in lines:
        if line.quarter in appointed_in:
            assert line.is_appointed
        else:
            assert not line.is_paid
            assert line.reasons == (NotAppointed(quarter=line.quarter, terms=(term.term,)),)
            assert line not in year.quarters[line.quarter.number - 1].appointed


def test_a_single_quarter_lists_only_the_inspectors_appointed_in_it() -> None:
    data = inspection_records([WHOLE_2023, ENDED_IN_JUNE])

    q3 = inspector_pay(data, quarter=Q3, policy=pay_policy())

    assert [line.inspector for line in q3.payments] == ["I-1"]


@pytest.mark.parametrize(
    ("data", "finding"),
    [
        pytest.param(
            inspection_records([]),
            "no technical inspectors appointed during 2023-Q1",
            id="no-inspector-in-office-says-so",
        ),
        pytest.param(
            inspection_records([WHOLE_2023]),
            "no submissions issued in 2023-Q1",
            id="no-submission-in-the-quarter-says-so",
        ),
    ],
)
def test_a_quarter_without_data_says_so_in_its_explanation(data: Records, finding: str) -> None:
    result = inspector_pay(data, quarter=Q1, policy=pay_policy())

    assert finding in [str(step) for step in result.explanation.steps]
    assert result.total == Money(0)


def test_a_quarter_with_submissions_has_no_finding_of_absence() -> None:
    data = inspection_records([WHOLE_2023], [("S-1", date(2023, 2, 10), 1)])

    result = inspector_pay(data, quarter=Q1, policy=pay_policy())

    assert all(step.result is not None for step in result.explanation.steps)


# -- explaining one inspector ---------------------------------------------------------------


def test_explain_an_inspector_not_paid_names_each_typed_reason() -> None:
    data = inspection_records([WHOLE_2023])
    policy = pay_policy(min_violations=1)

    result = inspector_pay(data, quarter=Q1, policy=policy)
    explanation = result.explain("I-1")

    submitted, appointed, paid = explanation.steps
    assert (submitted.result, appointed.result, paid.result) == (0, 90, Money(0))
    assert [fact.value for fact in paid.facts if fact.name == "because"] == [
        TooFewSubmissions(count=0, required=1, quarter=Q1),
        TooFewViolations(count=0, required=1, quarter=Q1),
    ]
    assert paid.facts[0].value == Money(15_000)  # the amount in force, with its source
    assert paid.facts[0].source == COUNCIL


def test_explain_an_inspector_for_a_year_is_the_sum_of_the_quarters() -> None:
    data = inspection_records(
        [WHOLE_2023], [("S-1", date(2023, 2, 10), 1), ("S-2", date(2023, 8, 10), 1)]
    )

    year = inspector_pay_for_year(data, year=Year(2023), policy=pay_policy())
    *quarters, total = year.explain("I-1").steps

    assert [step.result for step in quarters] == [Money(15_000), Money(0), Money(15_000), Money(0)]
    assert total.result == Money(30_000) == year.total
    assert [step.result for step in year.explanation.steps] == [
        *(q.total for q in year.quarters),
        year.total,
    ]


@pytest.mark.parametrize("who", ["I-9", "nobody"])
def test_explaining_someone_not_considered_is_an_error(who: str) -> None:
    data = inspection_records([WHOLE_2023])
    quarter = inspector_pay(data, quarter=Q1, policy=pay_policy())
    year = inspector_pay_for_year(data, year=Year(2023), policy=pay_policy())

    for result in (quarter, year):
        assert result.of(who) is None
        with pytest.raises(UnknownRecordError):
            result.explain(who)


# -- rows ------------------------------------------------------------------------------------


def test_rows_give_each_line_with_its_reason_codes_and_text() -> None:
    data = inspection_records([WHOLE_2023, FROM_15_FEBRUARY_I2])
    policy = pay_policy(partial_quarter=PartialQuarter.PRO_RATA, require_training=True)

    rows = inspector_pay(data, quarter=Q1, policy=policy).rows()

    assert [(r["inspector"], r["paid"], r["amount"], r["currency"], r["reason"]) for r in rows] == [
        ("I-1", False, "0", "KZT", "too_few_submissions"),
        ("I-2", False, "0", "KZT", "too_few_submissions; training_missing"),
    ]
    assert rows[1]["reason_text"] == "; ".join(
        map(str, inspector_pay(data, quarter=Q1, policy=policy).payments[1].reasons)
    )


# -- the policy -------------------------------------------------------------------------

POLICY_ERRORS = [
    pytest.param(
        {"min_submissions": 0, "min_violations": 0},
        "min_submissions",
        "at least 1 submission or 1 violation",
        id="policy-requiring-no-activity",
    ),
    pytest.param(
        {"amount": money_schedule((date(2022, 1, 1), -1))},
        "amount.entries[0].value",
        "a Schedule of non-negative Money in one currency",
        id="negative-amount-schedule",
    ),
    pytest.param(
        {"amount": Money(15_000)},
        "amount",
        "a Schedule of non-negative Money",
        id="an-amount-that-is-not-a-schedule",
    ),
    pytest.param(
        {"min_submissions": -1}, "min_submissions", "a non-negative int", id="negative-minimum"
    ),
    pytest.param(
        {"min_violations": True}, "min_violations", "a non-negative int", id="boolean-minimum"
    ),
    pytest.param(
        {"partial_quarter": "pro_rata"},
        "partial_quarter",
        "PartialQuarter.PRO_RATA",
        id="partial-quarter-given-as-text",
    ),
    pytest.param(
        {"require_training": "yes"}, "require_training", "True or False", id="training-as-text"
    ),
    pytest.param({"approved_by": "council"}, "approved_by", "a Source", id="approval-as-text"),
]


@pytest.mark.parametrize(("changes", "field", "expected"), POLICY_ERRORS)
def test_a_bad_policy_is_refused_naming_the_field(
    changes: dict[str, Any], field: str, expected: str
) -> None:
    with pytest.raises(InvalidValueError) as raised:
        pay_policy(**changes)

    assert raised.value.field == field
    assert expected in raised.value.expected


def test_a_violations_only_policy_is_valid() -> None:
    policy = pay_policy(min_submissions=0, min_violations=2)

    assert (policy.min_submissions, policy.min_violations) == (0, 2)


def test_the_policy_defaults() -> None:
    policy = InspectorPayPolicy(approved_by=COUNCIL, amount=QUARTERLY_15000)

    assert (
        policy.min_submissions,
        policy.min_violations,
        policy.partial_quarter,
        policy.require_training,
    ) == (1, 0, PartialQuarter.FULL, False)


def test_the_policy_round_trips() -> None:
    policy = pay_policy(
        min_violations=2, partial_quarter=PartialQuarter.PRO_RATA, require_training=True
    )

    assert serialization.load(serialization.dump(policy), InspectorPayPolicy) == policy


def test_the_policy_loads_from_toml() -> None:
    text = """
min_violations = 2
partial_quarter = "pro_rata"
require_training = true

[approved_by]
title = "Production council decision"
number = "7"
adopted_on = 2022-12-20

[amount]
name = "inspector quarterly amount"

[[amount.entries]]
since = 2022-01-01
value = { amount = "15000", currency = "KZT" }
source = { title = "Production council decision", number = "7", adopted_on = 2022-12-20 }
"""
    expected = pay_policy(
        min_violations=2, partial_quarter=PartialQuarter.PRO_RATA, require_training=True
    )

    assert serialization.load_toml(text, InspectorPayPolicy) == expected


# -- properties -------------------------------------------------------------------------

BUNDLES_AROUND_2023 = testing.records(first_day=date(2022, 10, 1), last_day=date(2023, 12, 31))


@settings(max_examples=examples(0.5))
@given(data=BUNDLES_AROUND_2023, policy=testing.inspector_pay_policies())
def test_a_years_pay_is_the_sum_of_its_quarters_and_of_its_inspectors(
    data: Records, policy: InspectorPayPolicy
) -> None:
    year = inspector_pay_for_year(data, year=Year(2023), policy=policy)

    by_quarter = sum((q.total for q in year.quarters), Money(0))
    by_inspector = sum((total for _, total in year.by_inspector()), Money(0))
    assert year.total == by_quarter == by_inspector
    for quarter in year.quarters:
        assert quarter.total == sum((p.amount for p in quarter.payments), Money(0))


@settings(max_examples=examples(0.5))
@given(data=BUNDLES_AROUND_2023, policy=testing.inspector_pay_policies())
def test_pay_is_never_negative_nor_above_the_rate_and_only_for_active_work(
    data: Records, policy: InspectorPayPolicy
) -> None:
    for quarter in inspector_pay_for_year(data, year=Year(2023), policy=policy).quarters:
        rate = quarter.rate.value
        for line in quarter.payments:
            assert Money(0) <= line.amount <= rate
            assert line.reasons
            if line.is_paid:
                assert line.submissions >= policy.min_submissions
                assert line.violations >= policy.min_violations
            full_quarter = line.days_appointed == quarter.quarter.days
            if line.is_paid and policy.partial_quarter is not PartialQuarter.PRO_RATA:
                assert line.amount == rate
            if line.is_paid and policy.partial_quarter is PartialQuarter.NONE:
                assert full_quarter


def test_an_inspector_who_left_is_paid_only_for_days_on_staff() -> None:
    # The term runs to 2025, but E-2 left on 2023-02-15: 45 of Q1's 90 days on staff.
    submission, found = issued("S-1", "E-2", date(2023, 2, 1))
    bundle = records(
        employees=[employee("E-2", left_on=date(2023, 2, 15))],
        inspector_appointments=[appointment("E-2", date(2022, 1, 1), date(2025, 1, 1))],
        submissions=[submission],
        violations=found,
    )
    policy = pay_policy(partial_quarter=PartialQuarter.PRO_RATA)

    line = inspector_pay(bundle, quarter=Quarter(2023, 1), policy=policy).payments[0]

    assert line.days_appointed == 45
    assert line.amount == Money(7_500)  # 15,000 × 45 ÷ 90


def test_a_schedule_mixing_currencies_is_refused() -> None:
    mixed = money_schedule((date(2022, 1, 1), 15_000), (date(2023, 1, 1), Money(40, "USD")))

    with pytest.raises(InvalidValueError) as raised:
        pay_policy(amount=mixed)

    assert raised.value.field == "amount"
    assert raised.value.value == ["KZT", "USD"]


@settings(max_examples=examples(0.5))
@given(data=BUNDLES_AROUND_2023, policy=testing.inspector_pay_policies())
def test_every_quarter_of_a_year_lists_the_same_inspectors_and_rows_add_up(
    data: Records, policy: InspectorPayPolicy
) -> None:
    year = inspector_pay_for_year(data, year=Year(2023), policy=policy)

    rosters = {tuple(line.inspector for line in q.payments) for q in year.quarters}
    assert len(rosters) == 1
    rows = year.rows()
    assert len(rows) == 4 * len(year.quarters[0].payments)
    assert sum((Money(Decimal(str(r["amount"]))) for r in rows), Money(0)) == year.total
    assert serialization.load(serialization.dump(year), type(year)) == year


# -- partial forms: parts evaluated apart, merged, decided once -----------------------------------


def _year_shown(result: InspectorPayYear) -> tuple[str, str, list[str]]:
    """Everything a reader sees: the serialised year, its text, every explanation in it."""
    inspectors = [p.inspector for p in result.quarters[0].payments]
    return (
        serialization.dump_json(result),
        str(result.explanation),
        [str(result.explain(i)) for i in inspectors]
        + [str(q.explanation) for q in result.quarters]
        + [str(q.explain(i)) for q in result.quarters for i in inspectors],
    )


@settings(max_examples=examples(0.5))
@given(bundle=BUNDLES_AROUND_2023, policy=testing.inspector_pay_policies(), data=st.data())
def test_parts_evaluated_apart_and_merged_in_any_order_give_the_whole_year(
    bundle: Records, policy: InspectorPayPolicy, data: st.DataObject
) -> None:
    year = Year(2023)
    made = [
        inspector_pay_for_year_partial(p, year=year, policy=policy)
        for p in data.draw(splits(bundle))
    ]
    empty = InspectorPayYearPartial.empty(year=year, policy=policy)

    merged = functools.reduce(
        InspectorPayYearPartial.combine, data.draw(st.permutations(made)), empty
    )

    assert _year_shown(merged.finalize()) == _year_shown(
        inspector_pay_for_year(bundle, year=year, policy=policy)
    )


@settings(max_examples=examples(0.5))
@given(bundle=BUNDLES_AROUND_2023, policy=testing.inspector_pay_policies(), data=st.data())
def test_a_quarters_parts_merged_give_the_whole_quarter(
    bundle: Records, policy: InspectorPayPolicy, data: st.DataObject
) -> None:
    quarter = data.draw(st.sampled_from(Year(2023).quarters()))
    made = [
        inspector_pay_partial(p, quarter=quarter, policy=policy) for p in data.draw(splits(bundle))
    ]

    merged = functools.reduce(InspectorPayPartial.combine, made)
    whole = inspector_pay(bundle, quarter=quarter, policy=policy)

    assert serialization.dump_json(merged.finalize()) == serialization.dump_json(whole)
    assert str(merged.finalize().explanation) == str(whole.explanation)
    assert merged.combine(InspectorPayPartial.empty(quarter=quarter, policy=policy)) == merged


@pytest.mark.parametrize(
    ("mine", "theirs", "field"),
    [
        pytest.param(
            InspectorPayPartial.empty(quarter=Q1, policy=pay_policy()),
            InspectorPayPartial.empty(quarter=Q2, policy=pay_policy()),
            "quarter",
            id="another-quarter",
        ),
        pytest.param(
            InspectorPayPartial.empty(quarter=Q1, policy=pay_policy()),
            InspectorPayPartial.empty(quarter=Q1, policy=pay_policy(min_violations=1)),
            "policy",
            id="another-policy",
        ),
        pytest.param(
            InspectorPayYearPartial.empty(year=Year(2023), policy=pay_policy()),
            InspectorPayYearPartial.empty(year=Year(2024), policy=pay_policy()),
            "year",
            id="another-year",
        ),
    ],
)
def test_tallies_of_different_evaluations_do_not_merge(mine: Any, theirs: Any, field: str) -> None:
    with pytest.raises(
        InvalidArgumentError, match=rf"^{type(mine).__name__}.combine\(\): {field}:"
    ) as raised:
        mine.combine(theirs)
    # The same words as every other partial's combine: one check of parameters.
    assert raised.value.expected == f"{getattr(mine, field)}, as in the partial it is combined with"


def test_the_empty_tallies_check_their_parameters_like_the_evaluation() -> None:
    late = pay_policy(amount=money_schedule((date(2024, 1, 1), 15_000)))

    with pytest.raises(NoValueInForceError):
        InspectorPayPartial.empty(quarter=Q1, policy=late)
    with pytest.raises(NoValueInForceError):
        inspector_pay_partial(inspection_records([WHOLE_2023]), quarter=Q1, policy=late)


def test_detail_read_in_any_order_or_never_gives_the_same_result() -> None:
    bundle = inspection_records([WHOLE_2023], [("S-1", date(2023, 2, 1), 1)])
    explained_first = inspector_pay_for_year(bundle, year=Year(2023), policy=pay_policy())
    explanation = explained_first.explanation
    listed_first = inspector_pay_for_year(bundle, year=Year(2023), policy=pay_policy())
    lines = listed_first.quarters[0].payments

    assert (explanation, lines) == (listed_first.explanation, explained_first.quarters[0].payments)
    assert explained_first == listed_first
    again = inspector_pay_for_year(bundle, year=Year(2023), policy=pay_policy())
    assert pickle.loads(pickle.dumps(again)) == listed_first  # noqa: S301 - our own bytes
    assert not hasattr(listed_first, "lines")
    assert not hasattr(listed_first.quarters[0], "lines")


# --- Inspector pay, explained: the policy's rule is refused or quoted exactly, step by step ------

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


def test_a_years_explanation_is_each_quarters_pay_and_who_was_paid_then_the_sum() -> None:
    data = inspection_records(
        [WHOLE_2023], [("S-1", date(2023, 2, 10), 1), ("S-2", date(2023, 8, 10), 1)]
    )
    year = inspector_pay_for_year(data, year=Year(2023), policy=pay_policy())
    assert str(year.explanation).split("\n") == [
        "1. paid for 2023-Q1: 15,000 KZT",
        "     inspectors paid = 1",
        "2. paid for 2023-Q2: 0 KZT",
        "     inspectors paid = 0",
        "3. paid for 2023-Q3: 15,000 KZT",
        "     inspectors paid = 1",
        "4. paid for 2023-Q4: 0 KZT",
        "     inspectors paid = 0",
        "5. paid for 2023 = sum of the quarters: 30,000 KZT",
    ]


def test_an_inspectors_row_names_the_quarter_and_why() -> None:
    data = inspection_records([WHOLE_2023], [("S-1", date(2023, 2, 10), 1)])
    (payment,) = inspector_pay(data, quarter=Q1, policy=pay_policy()).payments
    assert payment.row() == {
        "inspector": "I-1",
        "quarter": "2023-Q1",
        "paid": True,
        "amount": "15000",
        "currency": "KZT",
        "submissions": 1,
        "violations": 1,
        "days_appointed": 90,
        "reason": "active",
        "reason_text": "active: 1 submission(s) listing 1 violation(s) in 2023-Q1",
    }
