"""Minimum-wage reward tiers: scoring, eligibility, tiers, ties, caps and the wage applied.

Figures are worked out from the policy's definition: the 2023 minimum wage
is 70,000 KZT and the 2024 one 85,000 KZT (kz.MINIMUM_WAGE, FACTS.md), and
``STANDARD_TIERS`` pays ×3 for a score of 1-4, ×5 for 5-9 and ×10 from 10.
"""

from __future__ import annotations

import functools
import pickle
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ohs_domain import (
    Award,
    BelowLowestTier,
    BeyondLastBand,
    CutByBudget,
    CutByRecipientCap,
    Employee,
    EmployeeId,
    Exclusion,
    ExclusionReason,
    Fact,
    InvalidArgumentError,
    InvalidDataError,
    InvalidValueError,
    KindCount,
    Money,
    MultiplierBounds,
    NoValueInForceError,
    Quarter,
    RankBand,
    RankBands,
    RankedBelowBudget,
    RankedBelowRecipientCap,
    Records,
    ReportId,
    ReportKind,
    ReportWeights,
    RewardAwards,
    RewardAwardsPartial,
    RewardPolicy,
    RiskLevel,
    SafetyReport,
    ScoredReports,
    ScoreThresholds,
    ScoreTier,
    TieRule,
    UnknownRecordError,
    WageDate,
    Year,
    kz,
    reward_awards,
    reward_awards_partial,
    serialization,
    show,
    testing,
)
from ohs_domain._rewards import _row_words
from tests.builders import (
    STANDARD,
    at,
    bands,
    employee,
    examples,
    money_schedule,
    parts_by_employee,
    records,
    report,
    reports_of,
    reward_policy,
    splits,
    thresholds,
)

YEAR = Year(2023)
PAID_IN_JANUARY = date(2024, 1, 20)
WAGE_2023 = Money(70_000)
WAGE_2024 = Money(85_000)


def reporters(
    counts: Mapping[str, int],
    *,
    staff: Iterable[Employee] = (),
    reports: Iterable[SafetyReport] = (),
) -> Records:
    """Employees with ``counts[id]`` accepted near misses each, from 1 February, and ``reports``.

    Reporters are production employees of D-1 on staff since 2020 unless ``staff``
    gives an employee of that id.
    """
    made = [r for e, n in counts.items() for r in reports_of(e, n)] + list(reports)
    people: dict[str, Employee] = {e.id: e for e in staff}
    for person in [*counts, *(r.reporter for r in made)]:
        people.setdefault(person, employee(person))
    return records(employees=people.values(), reports=made)


def evaluate(data: Records, **changes: Any) -> RewardAwards:
    """Awards for 2023 paid on 20 January 2024 under ``reward_policy(**changes)``."""
    return reward_awards(
        data, period=YEAR, paid_on=PAID_IN_JANUARY, policy=reward_policy(**changes)
    )


def ranked(result: RewardAwards) -> list[tuple[str, int, int]]:
    return [(a.employee, a.rank, a.multiplier) for a in result.awards]


def reasons(result: RewardAwards) -> dict[str, str]:
    """Each exclusion's English text: the wording is part of the contract (the showcase)."""
    return {e.employee: str(e.reason) for e in result.excluded}


# -- scoring and tiers ------------------------------------------------------------------


def test_each_tier_pays_its_multiple_of_the_wage() -> None:
    result = evaluate(reporters({"E-01": 12, "E-02": 7, "E-03": 2, "E-04": 0}))

    assert [(a.employee, a.score, a.rank, a.multiplier, a.amount) for a in result.awards] == [
        ("E-01", 12, 1, 10, Money(700_000)),
        ("E-02", 7, 2, 5, Money(350_000)),
        ("E-03", 2, 3, 3, Money(210_000)),
    ]
    assert result.total == Money(1_260_000)
    assert reasons(result) == {"E-04": "score 0 is below the policy's minimum of 1"}
    assert isinstance(result.of("E-01"), Award)
    assert isinstance(result.of("E-04"), Exclusion)
    assert result.of("E-99") is None


def test_a_score_below_the_lowest_tier_gets_nothing() -> None:
    result = evaluate(
        reporters({"E-01": 12, "E-02": 2}), tiers=thresholds((5, 9, 5), (10, None, 10))
    )

    assert ranked(result) == [("E-01", 1, 10)]
    assert reasons(result) == {"E-02": "score 2 is below the lowest tier (5)"}


def test_a_score_below_the_minimum_score_gets_nothing() -> None:
    result = evaluate(reporters({"E-01": 12, "E-02": 2}), min_score=3)

    assert reasons(result) == {"E-02": "score 2 is below the policy's minimum of 3"}


def test_weights_per_kind() -> None:
    # 2 equipment defects × 3 + 1 near miss × 1 + 4 unsafe acts × 0 = 7: tier 5-9, ×5.
    made = [
        *reports_of("E-01", 2, kind=ReportKind.EQUIPMENT_DEFECT, prefix="ED"),
        *reports_of("E-01", 1, kind=ReportKind.NEAR_MISS, prefix="NM"),
        *reports_of("E-01", 4, kind=ReportKind.UNSAFE_ACT, prefix="UA"),
    ]
    weights = ReportWeights(equipment_defect=3, near_miss=1, unsafe_act=0)

    result = evaluate(reporters({"E-01": 0}, reports=made), weights=weights)

    award = result.of("E-01")
    assert isinstance(award, Award)
    assert (award.score, award.multiplier) == (7, 5)
    assert award.breakdown == (
        KindCount(ReportKind.EQUIPMENT_DEFECT, 2),
        KindCount(ReportKind.NEAR_MISS, 1),
        KindCount(ReportKind.UNSAFE_ACT, 4),
    )


@pytest.mark.parametrize(
    ("kind", "points"),
    [
        pytest.param(ReportKind.HAZARDOUS_CONDITION, 2, id="hazardous-condition"),
        pytest.param(ReportKind.UNSAFE_ACT, 3, id="unsafe-act"),
        pytest.param(ReportKind.NEAR_MISS, 4, id="near-miss"),
        pytest.param(ReportKind.EQUIPMENT_DEFECT, 5, id="equipment-defect"),
        pytest.param(ReportKind.FACILITY_DEFECT, 6, id="facility-defect"),
    ],
)
def test_each_kind_has_its_own_weight(kind: ReportKind, points: int) -> None:
    weights = ReportWeights(
        hazardous_condition=2, unsafe_act=3, near_miss=4, equipment_defect=5, facility_defect=6
    )

    assert weights.of(kind) == points
    result = evaluate(
        reporters({"E-01": 0}, reports=reports_of("E-01", 1, kind=kind)), weights=weights
    )
    award = result.of("E-01")
    assert isinstance(award, Award)
    assert award.score == points


# -- which reports score ------------------------------------------------------------------

ACCEPTED_JAN_5 = at(2024, 1, 5)
SCORING_CASES = [
    pytest.param(
        [report("R-1", "E-01", at(2023, 5, 4), rejected=at(2023, 5, 5))],
        {},
        0,
        id="rejected-report-never-scores",
    ),
    pytest.param(
        [report("R-1", "E-01", at(2023, 5, 4), rejected=at(2023, 5, 5))],
        {"scored": ScoredReports.NOT_REJECTED},
        0,
        id="rejected-report-never-scores-even-when-unreviewed-ones-do",
    ),
    pytest.param(
        [report("R-1", "E-01", at(2023, 5, 4), accepted=False)],
        {},
        0,
        id="report-awaiting-review-does-not-score-when-only-accepted-ones-do",
    ),
    pytest.param(
        [report("R-1", "E-01", at(2023, 5, 4), accepted=False)],
        {"scored": ScoredReports.NOT_REJECTED},
        1,
        id="not-rejected-counts-unreviewed-reports",
    ),
    pytest.param(
        [report("R-1", "E-01", at(2023, 12, 30), accepted=ACCEPTED_JAN_5)],
        {},
        0,
        id="accepted-after-the-period-end-does-not-score-at-the-period-end",
    ),
    pytest.param(
        [report("R-1", "E-01", at(2023, 12, 30), accepted=ACCEPTED_JAN_5)],
        {"wage_date": WageDate.PAYMENT_DATE},
        1,
        id="accepted-before-the-payment-date-scores-at-the-payment-date",
    ),
    pytest.param(
        [report("R-1", "E-01", at(2023, 12, 30), rejected=ACCEPTED_JAN_5)],
        {"scored": ScoredReports.NOT_REJECTED},
        1,
        id="rejection-after-the-reference-date-is-not-known-on-it",
    ),
    pytest.param(
        [report("R-1", "E-01", at(2023, 12, 30), rejected=at(2023, 12, 31, 23, 59))],
        {"scored": ScoredReports.NOT_REJECTED},
        0,
        id="rejection-on-the-reference-date-counts",
    ),
    pytest.param(
        # 23:30 on 31 December in Almaty is 17:30 UTC: still 2023 in the company's zone.
        [
            report(
                "R-1",
                "E-01",
                datetime(2023, 12, 31, 17, 30, tzinfo=UTC),
                accepted=datetime(2023, 12, 31, 17, 45, tzinfo=UTC),
            )
        ],
        {},
        1,
        id="report-at-23-30-almaty-on-31-december-counts-in-that-year",
    ),
    pytest.param(
        # 00:30 on 1 January in Almaty is still 31 December (18:30) in UTC.
        [report("R-1", "E-01", datetime(2023, 12, 31, 18, 30, tzinfo=UTC))],
        {"wage_date": WageDate.PAYMENT_DATE},
        0,
        id="report-at-00-30-almaty-on-1-january-counts-in-the-next-year",
    ),
    pytest.param(
        [report("R-1", "E-01", at(2022, 12, 31, 23, 59))],
        {"wage_date": WageDate.PAYMENT_DATE},
        0,
        id="report-of-the-previous-year-does-not-score",
    ),
]


@pytest.mark.parametrize(("made", "changes", "score"), SCORING_CASES)
def test_which_reports_score(made: list[SafetyReport], changes: dict[str, Any], score: int) -> None:
    result = evaluate(reporters({"E-01": 0}, reports=made), **changes)

    scored = result.of("E-01")
    assert scored is not None
    assert scored.score == score


# -- eligibility -----------------------------------------------------------------------------

ELIGIBILITY_CASES = [
    pytest.param(
        employee("E-05", left_on=date(2023, 12, 1)),
        {},
        "not on staff on the reference date 2023-12-31 (left on 2023-12-01)",
        id="left-before-the-reference-date-excluded",
    ),
    pytest.param(
        employee("E-05", left_on=date(2023, 12, 1)),
        {"require_employed": False},
        None,
        id="left-before-the-reference-date-paid-when-employment-not-required",
    ),
    pytest.param(
        employee("E-05", left_on=date(2024, 1, 1)),
        {},
        None,
        id="leaving-the-day-after-the-period-end-is-on-staff-at-its-end",
    ),
    pytest.param(
        employee("E-05", left_on=date(2024, 1, 10)),
        {"wage_date": WageDate.PAYMENT_DATE},
        "not on staff on the reference date 2024-01-20 (left on 2024-01-10)",
        id="left-before-the-payment-date-excluded-when-it-is-the-reference",
    ),
    pytest.param(
        employee("E-05", department="HQ"),
        {},
        "not production personnel (department HQ)",
        id="non-production-employee-excluded",
    ),
    pytest.param(
        employee("E-05", department="HQ"),
        {"production_only": False},
        None,
        id="non-production-employee-paid-when-policy-allows",
    ),
]


@pytest.mark.parametrize(("person", "changes", "reason"), ELIGIBILITY_CASES)
def test_eligibility(person: Employee, changes: dict[str, Any], reason: str | None) -> None:
    result = evaluate(reporters({"E-05": 12}, staff=[person]), **changes)

    if reason is None:
        award = result.of("E-05")
        assert isinstance(award, Award)
        assert award.multiplier == 10
    else:
        assert reasons(result) == {"E-05": reason}
        assert result.awards == ()


def test_everyone_considered_is_awarded_or_excluded_once() -> None:
    # Production staff without reports are considered (score 0); people who left
    # before without reports, and office staff without reports, are not.
    staff = [
        employee("E-03", left_on=date(2023, 6, 1)),
        employee("H-01", department="HQ"),
        employee("E-04"),
    ]

    result = evaluate(reporters({"E-01": 3, "E-02": 0}, staff=staff))

    assert [a.employee for a in result.awards] == ["E-01"]
    assert [e.employee for e in result.excluded] == ["E-02", "E-04"]
    step = result.explanation.steps[0]
    assert show(step.result) == "3 employees considered"


# -- wage date -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("wage_date", "reference_date", "wage"),
    [
        pytest.param(
            WageDate.PERIOD_END, date(2023, 12, 31), WAGE_2023, id="period-end-pays-2023-wage"
        ),
        pytest.param(
            WageDate.PAYMENT_DATE, PAID_IN_JANUARY, WAGE_2024, id="payment-date-pays-2024-wage"
        ),
    ],
)
def test_the_wage_changing_between_period_end_and_payment(
    wage_date: WageDate, reference_date: date, wage: Money
) -> None:
    result = evaluate(reporters({"E-01": 12, "E-02": 7, "E-03": 2}), wage_date=wage_date)

    assert result.reference_date == reference_date
    assert result.wage.value == wage
    assert [a.amount for a in result.awards] == [wage * 10, wage * 5, wage * 3]
    assert result.total == wage * 18


def test_repriced_pays_the_same_recipients_at_another_wage() -> None:
    # A budget of 700,000 admits E-01 (×10 of 70,000) and cuts E-02; repricing
    # does not re-apply caps, so E-01 alone costs 850,000 at the 2024 wage.
    result = evaluate(reporters({"E-01": 12, "E-02": 7}), budget=Money(700_000))

    repriced = result.repriced(on=PAID_IN_JANUARY, wage=kz.MINIMUM_WAGE)

    assert [(a.employee, a.multiplier, a.amount) for a in repriced.awards] == [
        ("E-01", 10, Money(850_000))
    ]
    assert repriced.total == Money(850_000)
    assert (repriced.reference_date, repriced.wage.value) == (PAID_IN_JANUARY, WAGE_2024)
    assert repriced.excluded == result.excluded
    last = repriced.explanation.steps[-1]
    assert last.description == (
        "repriced at the wage in force on 2024-01-20 (same recipients and multipliers)"
    )
    assert show(last.result) == "1 awards, 850,000 KZT"
    assert repriced.explanation.steps[:-1] == result.explanation.steps


def test_payment_before_the_period_ends_is_an_error() -> None:
    data = reporters({"E-01": 3})

    with pytest.raises(InvalidValueError) as raised:
        reward_awards(data, period=YEAR, paid_on=date(2023, 12, 30), policy=reward_policy())

    assert (raised.value.field, raised.value.value, raised.value.expected) == (
        "paid_on",
        date(2023, 12, 30),
        "a day on or after the period's last day (2023-12-31)",
    )


def test_payment_on_the_periods_last_day_is_allowed() -> None:
    policy = reward_policy(wage_date=WageDate.PAYMENT_DATE)

    result = reward_awards(
        reporters({"E-01": 3}), period=Quarter(2023, 1), paid_on=date(2023, 3, 31), policy=policy
    )

    assert result.reference_date == date(2023, 3, 31)
    assert result.period == Quarter(2023, 1).range
    assert [a.score for a in result.awards] == [3]


def test_a_wage_not_in_force_on_the_reference_date_is_an_error() -> None:
    wage = money_schedule((date(2024, 1, 1), 85_000), name="minimum wage")

    with pytest.raises(NoValueInForceError):
        evaluate(reporters({"E-01": 3}), wage=wage)


# -- ranks, bands and ties ------------------------------------------------------------------

# E-01 and E-02 both score 10, but E-02 got there first (10 February against 19 February).
TIED_AT_TEN = [
    *reports_of("E-01", 10, first=at(2023, 2, 10)),
    *reports_of("E-02", 10, first=at(2023, 2, 1)),
    *reports_of("E-03", 6, first=at(2023, 1, 2)),
]
TOP_BAND_OF_ONE = bands((1, 1, 10), (2, 3, 5))


@pytest.mark.parametrize(
    ("tie_rule", "expected"),
    [
        pytest.param(
            TieRule.SHARE_RANK,
            [("E-01", 1, 10), ("E-02", 1, 10), ("E-03", 3, 5)],
            id="share-rank-gives-the-tied-the-same-rank-and-the-better-band",
        ),
        pytest.param(
            TieRule.FIRST_TO_SCORE,
            [("E-02", 1, 10), ("E-01", 2, 5), ("E-03", 3, 5)],
            id="first-to-score-puts-who-got-there-first-in-the-better-band",
        ),
        pytest.param(
            TieRule.PERSONNEL_NUMBER,
            [("E-01", 1, 10), ("E-02", 2, 5), ("E-03", 3, 5)],
            id="personnel-number-puts-the-lower-number-in-the-better-band",
        ),
    ],
)
def test_ties_at_a_band_boundary(tie_rule: TieRule, expected: list[tuple[str, int, int]]) -> None:
    result = evaluate(reporters({}, reports=TIED_AT_TEN), tiers=TOP_BAND_OF_ONE, tie_rule=tie_rule)

    assert ranked(result) == expected


@pytest.mark.parametrize(
    ("tie_rule", "expected"),
    [
        pytest.param(
            TieRule.SHARE_RANK, [("E-01", 1, 10), ("E-02", 1, 10), ("E-03", 3, 5)], id="share-rank"
        ),
        pytest.param(
            TieRule.FIRST_TO_SCORE,
            [("E-02", 1, 10), ("E-01", 2, 10), ("E-03", 3, 5)],
            id="first-to-score",
        ),
        pytest.param(
            TieRule.PERSONNEL_NUMBER,
            [("E-01", 1, 10), ("E-02", 2, 10), ("E-03", 3, 5)],
            id="personnel-number",
        ),
    ],
)
def test_equal_scores_share_a_score_tier_whatever_the_tie_rule(
    tie_rule: TieRule, expected: list[tuple[str, int, int]]
) -> None:
    result = evaluate(reporters({}, reports=TIED_AT_TEN), tie_rule=tie_rule)

    assert ranked(result) == expected


def test_first_to_score_at_the_same_moment_falls_back_to_personnel_number() -> None:
    made = [*reports_of("E-02", 10), *reports_of("E-01", 10)]  # same moments

    result = evaluate(
        reporters({}, reports=made), tiers=TOP_BAND_OF_ONE, tie_rule=TieRule.FIRST_TO_SCORE
    )

    assert ranked(result) == [("E-01", 1, 10), ("E-02", 2, 5)]


def test_first_to_score_ignores_reports_worth_nothing() -> None:
    # E-01 reached 5 on 5 February, then reported a near miss (worth 0) in December;
    # E-02 reached 5 on 5 March. E-01 still got there first.
    made = [
        *reports_of("E-01", 5, kind=ReportKind.UNSAFE_ACT),
        report("E-01/late", "E-01", at(2023, 12, 1)),
        *reports_of("E-02", 5, first=at(2023, 3, 1), kind=ReportKind.UNSAFE_ACT),
    ]

    result = evaluate(
        reporters({}, reports=made),
        tiers=bands((1, 1, 10), (2, 2, 5)),
        tie_rule=TieRule.FIRST_TO_SCORE,
        weights=ReportWeights(near_miss=0),
    )

    assert ranked(result) == [("E-01", 1, 10), ("E-02", 2, 5)]


def test_ranks_beyond_the_last_band_get_nothing() -> None:
    result = evaluate(
        reporters({"E-01": 9, "E-02": 8, "E-03": 7, "E-04": 6, "E-05": 5}), tiers=TOP_BAND_OF_ONE
    )

    assert ranked(result) == [("E-01", 1, 10), ("E-02", 2, 5), ("E-03", 3, 5)]
    assert reasons(result) == {
        "E-04": "rank 4 is beyond the last band (rank 3)",
        "E-05": "rank 5 is beyond the last band (rank 3)",
    }


# -- caps ------------------------------------------------------------------------------------

# ×10 (700,000), ×5 (350,000) and ×3 (210,000): 1,260,000 KZT in all.
THREE_TIERS = {"E-01": 12, "E-02": 7, "E-03": 2}
# ×10 (700,000) and two tied at ×5 (350,000 each).
TIED_SECOND = {"E-01": 12, "E-02": 7, "E-03": 7}
BUDGET_CUT = (
    "cut by the budget of 1,000,000 KZT: 700,000 KZT was committed to better-ranked "
    "employees and this award would bring it to 1,050,000 KZT"
)
# Everyone ranked below the first cut is cut too, and told whom they rank below.
BELOW_BUDGET_CUT = (
    "cut by the budget of 1,000,000 KZT: ranked below E-02, the first employee it cut"
)

CAP_CASES = [
    pytest.param(
        THREE_TIERS,
        {"budget": Money(1_000_000)},
        ["E-01"],
        {"E-02": BUDGET_CUT, "E-03": BELOW_BUDGET_CUT},
        id="budget-cuts-the-first-award-that-does-not-fit-and-everyone-below",
    ),
    pytest.param(
        THREE_TIERS,
        {"budget": Money(1_260_000)},
        ["E-01", "E-02", "E-03"],
        {},
        id="budget-spent-exactly-cuts-no-one",
    ),
    pytest.param(
        THREE_TIERS,
        {"budget": Money(0)},
        [],
        {
            "E-01": "cut by the budget of 0 KZT: 0 KZT was committed to better-ranked "
            "employees and this award would bring it to 700,000 KZT",
            **dict.fromkeys(
                ["E-02", "E-03"],
                "cut by the budget of 0 KZT: ranked below E-01, the first employee it cut",
            ),
        },
        id="zero-budget-cuts-everyone",
    ),
    pytest.param(
        TIED_SECOND,
        {"budget": Money(1_100_000)},
        ["E-01"],
        dict.fromkeys(
            ["E-02", "E-03"],
            "cut by the budget of 1,100,000 KZT: 700,000 KZT was committed to better-ranked "
            "employees and this award would bring it to 1,400,000 KZT",
        ),
        id="budget-cuts-tied-employees-whole-under-share-rank",
    ),
    pytest.param(
        TIED_SECOND,
        {"budget": Money(1_100_000), "tie_rule": TieRule.PERSONNEL_NUMBER},
        ["E-01", "E-02"],
        {
            "E-03": "cut by the budget of 1,100,000 KZT: 1,050,000 KZT was committed to "
            "better-ranked employees and this award would bring it to 1,400,000 KZT"
        },
        id="budget-splits-tied-employees-by-personnel-number",
    ),
    pytest.param(
        THREE_TIERS,
        {"max_recipients": 2},
        ["E-01", "E-02"],
        {"E-03": "cut by the cap of 2 recipients: 2 better-ranked employees were admitted first"},
        id="recipient-cap-cuts-below-the-cap",
    ),
    pytest.param(
        TIED_SECOND,
        {"max_recipients": 2},
        ["E-01"],
        dict.fromkeys(
            ["E-02", "E-03"],
            "cut by the cap of 2 recipients: 1 better-ranked employees were admitted first "
            "(tied employees are admitted or cut together)",
        ),
        id="recipient-cap-cuts-tied-employees-whole-under-share-rank",
    ),
    pytest.param(
        THREE_TIERS,
        {"max_recipients": 0},
        [],
        {
            "E-01": "cut by the cap of 0 recipients: 0 better-ranked employees were admitted first",
            **dict.fromkeys(
                ["E-02", "E-03"],
                "cut by the cap of 0 recipients: ranked below E-01, the first employee it cut",
            ),
        },
        id="recipient-cap-of-zero-pays-no-one",
    ),
    pytest.param(
        THREE_TIERS,
        {"max_recipients": 3, "budget": Money(1_000_000)},
        ["E-01"],
        {"E-02": BUDGET_CUT, "E-03": BELOW_BUDGET_CUT},
        id="both-caps-the-tighter-one-cuts",
    ),
]


@pytest.mark.parametrize(("counts", "changes", "paid", "cut"), CAP_CASES)
def test_caps(
    counts: dict[str, int], changes: dict[str, Any], paid: list[str], cut: dict[str, str]
) -> None:
    result = evaluate(reporters(counts), **changes)

    assert [a.employee for a in result.awards] == paid
    assert reasons(result) == cut
    assert result.total == sum((a.amount for a in result.awards), Money(0))
    budget = changes.get("budget")
    if budget is not None:
        assert result.total <= budget


# The same cuts as typed values: an application reads the figures, not the English.
TYPED_CUTS = [
    pytest.param(
        THREE_TIERS,
        {"budget": Money(1_000_000)},
        {
            "E-02": CutByBudget(
                budget=Money(1_000_000), committed=Money(700_000), would_reach=Money(1_050_000)
            ),
            "E-03": RankedBelowBudget(budget=Money(1_000_000), first_cut=EmployeeId("E-02")),
        },
        id="budget-cut-carries-budget-committed-and-would-reach",
    ),
    pytest.param(
        TIED_SECOND,
        {"max_recipients": 2},
        dict.fromkeys(["E-02", "E-03"], CutByRecipientCap(cap=2, admitted=1, tied=True)),
        id="recipient-cap-cut-carries-cap-admitted-and-tie",
    ),
    pytest.param(
        THREE_TIERS,
        {"max_recipients": 0},
        {
            "E-01": CutByRecipientCap(cap=0, admitted=0),
            "E-02": RankedBelowRecipientCap(cap=0, first_cut=EmployeeId("E-01")),
            "E-03": RankedBelowRecipientCap(cap=0, first_cut=EmployeeId("E-01")),
        },
        id="everyone-below-the-first-cut-names-it",
    ),
    pytest.param(
        {"E-01": 12, "E-02": 2},
        {"tiers": thresholds((5, 9, 5), (10, None, 10))},
        {"E-02": BelowLowestTier(score=2, lowest=5)},
        id="below-the-lowest-tier-carries-score-and-tier",
    ),
    pytest.param(
        {"E-01": 9, "E-02": 8, "E-03": 7, "E-04": 6},
        {"tiers": TOP_BAND_OF_ONE},
        {"E-04": BeyondLastBand(rank=4, last_rank=3)},
        id="beyond-the-last-band-carries-rank-and-band",
    ),
]


@pytest.mark.parametrize(("counts", "changes", "cut"), TYPED_CUTS)
def test_cuts_are_typed_values(
    counts: dict[str, int], changes: dict[str, Any], cut: dict[str, ExclusionReason]
) -> None:
    result = evaluate(reporters(counts), **changes)

    assert {e.employee: e.reason for e in result.excluded} == cut
    for employee_id, reason in cut.items():
        row = next(r for r in result.rows() if r["employee"] == employee_id)
        assert (row["awarded"], row["reason"], row["reason_text"]) == (
            False,
            reason.code,
            str(reason),
        )


# -- explanation -----------------------------------------------------------------------------


def test_the_explanation_names_the_policy_and_its_choices() -> None:
    result = evaluate(
        reporters({"E-01": 12, "E-02": 7, "E-03": 7}),
        max_recipients=5,
        budget=Money(2_000_000),
    )

    steps = result.explanation.steps
    assert steps[0].description == "reports registered in [2023-01-01, 2024-01-01) scored"
    assert show(steps[0].facts[0].value) == str(STANDARD)
    assert {f.name: show(f.value) for f in steps[0].facts[1:]} == {
        "scored reports": "accepted",
        "weights": "hazardous_condition 1, unsafe_act 1, near_miss 1, equipment_defect 1, "
        "facility_defect 1",
    }
    assert steps[1].description == "eligible on the reference date 2023-12-31"
    assert show(steps[1].result) == "3 employees"
    assert show(steps[2].result) == "×5: 2, ×10: 1"
    assert [(f.name, show(f.value)) for f in steps[2].facts] == [
        ("multiplier bounds", "3..10"),
        ("tie rule", "share_rank"),
        ("tier", "score 1-4: ×3"),
        ("tier", "score 5-9: ×5"),
        ("tier", "score 10+: ×10"),
        ("recipient cap", "5"),
        ("budget cap", "2,000,000 KZT"),
    ]
    assert show(steps[3].result) == "3 awards, 1,400,000 KZT"
    assert show(steps[3].facts[0].value) == "70,000 KZT"
    assert steps[3].facts[0].since == date(2023, 1, 1)


def test_the_explanation_of_rank_bands_and_no_award() -> None:
    result = evaluate(reporters({"E-01": 0}), tiers=TOP_BAND_OF_ONE)

    # No report at all in the period: the explanation says so first.
    nothing, *steps = result.explanation.steps
    assert str(nothing) == "no reports registered in [2023-01-01, 2024-01-01)"
    assert show(steps[2].result) == "none"
    assert [show(f.value) for f in steps[2].facts if f.name == "tier"] == [
        "ranks 1-1: ×10",
        "ranks 2-3: ×5",
    ]
    assert show(steps[3].result) == "0 awards, 0 KZT"


def test_explain_an_award() -> None:
    made = [
        *reports_of("E-01", 2, kind=ReportKind.EQUIPMENT_DEFECT, prefix="ED"),
        *reports_of("E-01", 3, prefix="NM"),
    ]
    result = evaluate(reporters({"E-01": 0}, reports=made))

    steps = result.explain("E-01").steps

    assert [(s.description, show(s.result)) for s in steps] == [
        ("score from reports registered in [2023-01-01, 2024-01-01)", "5"),
        ("rank among eligible employees", "1"),
        ("amount = multiplier × minimum wage", "5 × 70,000 KZT = 350,000 KZT"),
    ]
    assert [(f.name, show(f.value)) for f in steps[0].facts] == [
        ("equipment_defect", "2 report(s)"),
        ("near_miss", "3 report(s)"),
    ]
    assert show(steps[2].facts[0].value) == "2023-12-31"


def test_explain_an_exclusion() -> None:
    result = evaluate(reporters({"E-01": 0}))

    steps = result.explain("E-01").steps

    assert [(s.description, show(s.result)) for s in steps] == [
        ("score from reports registered in [2023-01-01, 2024-01-01)", "0"),
        ("no award", "score 0 is below the policy's minimum of 1"),
    ]


def test_explain_someone_not_considered_is_an_error() -> None:
    result = evaluate(reporters({"E-01": 0}))

    with pytest.raises(UnknownRecordError):
        result.explain("E-99")


# -- the policy ------------------------------------------------------------------------------

OVERLAP = "so the rows would overlap"
RISING = "multipliers that never fall as activity rises"
# Each: what is built, then the field, the value and the expectation the error names.
TABLE_ERRORS = [
    pytest.param(
        lambda: thresholds((5, 10, 3), (10, None, 5)),
        ("tiers[1].min_score", 10, f"a value above 10: tiers[0] ends at 10, {OVERLAP}"),
        id="overlapping-tiers",
    ),
    pytest.param(
        lambda: thresholds((5, None, 3), (10, None, 5)),
        ("tiers[1].min_score", 10, f"no row: tiers[0] is open-ended, {OVERLAP}"),
        id="tier-after-an-open-ended-one",
    ),
    pytest.param(
        lambda: thresholds((5, 9, 3), (12, None, 5)),
        ("tiers[1].min_score", 12, "10: tiers[0] ends at 9, so 10..11 would be a gap"),
        id="gapped-tiers",
    ),
    pytest.param(
        lambda: thresholds((5, 9, 5), (10, None, 3)),
        ("tiers[1].multiplier", 3, f"{RISING}: higher scores must not earn less"),
        id="multipliers-falling-as-score-rises",
    ),
    pytest.param(
        lambda: thresholds((5, 9, 3), (10, 20, 5)),
        (
            "tiers[1].max_score",
            20,
            "None: the top tier is open-ended, or a score above it would earn nothing "
            "and one more report could lose the reward",
        ),
        id="closed-top-tier",
    ),
    pytest.param(
        lambda: ScoreThresholds(()), ("tiers", (), "a non-empty tuple of ScoreTier"), id="no-tiers"
    ),
    pytest.param(
        lambda: ScoreThresholds([ScoreTier(min_score=1, multiplier=3)]),  # type: ignore[arg-type]
        ("tiers", [ScoreTier(min_score=1, multiplier=3)], "a non-empty tuple of ScoreTier"),
        id="tiers-as-a-list",
    ),
    pytest.param(
        lambda: ScoreThresholds((RankBand(first_rank=1, last_rank=1, multiplier=3),)),  # type: ignore[arg-type]
        ("tiers[0]", RankBand(first_rank=1, last_rank=1, multiplier=3), "a ScoreTier"),
        id="a-band-among-tiers",
    ),
    pytest.param(
        lambda: ScoreTier(min_score=5, max_score=4, multiplier=3),
        ("max_score", 4, "at least min_score (5)"),
        id="tier-ending-below-its-start",
    ),
    pytest.param(
        lambda: bands((2, 3, 10)),
        ("bands[0].first_rank", 2, "1: the bands start at rank 1"),
        id="rank-bands-not-starting-at-1",
    ),
    pytest.param(
        lambda: bands((1, 1, 5), (2, 3, 10)),
        ("bands[1].multiplier", 10, f"{RISING}: better ranks must not earn less"),
        id="worse-ranks-earning-more",
    ),
    pytest.param(
        lambda: bands((1, 2, 10), (2, 3, 5)),
        ("bands[1].first_rank", 2, f"a value above 2: bands[0] ends at 2, {OVERLAP}"),
        id="overlapping-bands",
    ),
    pytest.param(
        lambda: bands((1, 1, 10), (3, 4, 5)),
        ("bands[1].first_rank", 3, "2: bands[0] ends at 1, so 2..2 would be a gap"),
        id="gapped-bands",
    ),
    pytest.param(
        lambda: RankBands(()), ("bands", (), "a non-empty tuple of RankBand"), id="no-bands"
    ),
    pytest.param(
        lambda: RankBands((ScoreTier(min_score=1, multiplier=3),)),  # type: ignore[arg-type]
        ("bands[0]", ScoreTier(min_score=1, multiplier=3), "a RankBand"),
        id="a-tier-among-bands",
    ),
    pytest.param(
        lambda: RankBand(first_rank=3, last_rank=2, multiplier=5),
        ("last_rank", 2, "at least first_rank (3)"),
        id="band-ending-above-its-start",
    ),
    pytest.param(
        lambda: MultiplierBounds(10, 3),
        ("maximum", 3, "at least minimum (10)"),
        id="bounds-inverted",
    ),
]


@pytest.mark.parametrize(("build", "error"), TABLE_ERRORS)
def test_a_bad_tier_table_is_refused_naming_the_field_and_value(
    build: Any, error: tuple[str, object, str]
) -> None:
    with pytest.raises(InvalidValueError) as raised:
        build()

    assert (raised.value.field, raised.value.value, raised.value.expected) == error


BOUNDS = "a multiplier within the bounds 3..10"
WAGE = "a Schedule of positive Money in one currency"
POLICY_ERRORS = [
    pytest.param(
        {"tiers": thresholds((1, 4, 3), (5, None, 12))},
        ("tiers.tiers[1].multiplier", 12, BOUNDS),
        id="multiplier-above-the-bounds",
    ),
    pytest.param(
        {"tiers": thresholds((1, 4, 2), (5, None, 10))},
        ("tiers.tiers[0].multiplier", 2, BOUNDS),
        id="multiplier-below-the-bounds",
    ),
    pytest.param(
        {"tiers": bands((1, 1, 11), (2, 5, 3))},
        ("tiers.bands[0].multiplier", 11, BOUNDS),
        id="band-multiplier-outside-the-bounds",
    ),
    pytest.param(
        {"min_score": 0},
        ("min_score", 0, "at least 1: a reward needs at least one report"),
        id="min-score-zero",
    ),
    pytest.param(
        {"budget": Money(1_000_000, "EUR")},
        ("budget", Money(1_000_000, "EUR"), "an amount in KZT"),
        id="budget-in-euro",
    ),
    pytest.param(
        {
            "wage": money_schedule((date(2023, 1, 1), 70_000), name="wage"),
            "budget": Money(1_000_000, "EUR"),
        },
        ("budget", Money(1_000_000, "EUR"), "an amount in KZT"),
        id="budget-in-euro-against-a-one-entry-wage",
    ),
    pytest.param(
        {"budget": Money(-1)},
        ("budget", Money(-1), "None or a non-negative Money"),
        id="negative-budget",
    ),
    pytest.param(
        {"budget": 1_000_000},
        ("budget", 1_000_000, "None or a non-negative Money"),
        id="budget-as-a-number",
    ),
    pytest.param(
        {"wage": money_schedule((date(2023, 1, 1), 0), name="wage")},
        ("wage.entries[0].value", Money(0), WAGE),
        id="zero-wage",
    ),
    pytest.param({"wage": WAGE_2023}, ("wage", WAGE_2023, WAGE), id="wage-not-dated"),
    pytest.param(
        {"tiers": (ScoreTier(min_score=1, multiplier=3),)},
        ("tiers", (ScoreTier(min_score=1, multiplier=3),), "ScoreThresholds or RankBands"),
        id="tiers-not-a-table",
    ),
    pytest.param(
        {"wage_date": "period_end"},
        ("wage_date", "period_end", "one of WageDate.PERIOD_END, WageDate.PAYMENT_DATE"),
        id="wage-date-as-text",
    ),
    pytest.param(
        {"max_recipients": -1},
        ("max_recipients", -1, "a non-negative int"),
        id="negative-cap",
    ),
    pytest.param(
        {"multiplier_bounds": (3, 10)},
        ("multiplier_bounds", (3, 10), "a MultiplierBounds"),
        id="bounds-as-a-tuple",
    ),
]


@pytest.mark.parametrize(("changes", "error"), POLICY_ERRORS)
def test_a_bad_policy_is_refused_naming_the_field_and_value(
    changes: dict[str, Any], error: tuple[str, object, str]
) -> None:
    with pytest.raises(InvalidValueError) as raised:
        reward_policy(**changes)

    assert (raised.value.field, raised.value.value, raised.value.expected) == error


def test_the_policy_defaults() -> None:
    policy = reward_policy()

    assert (policy.scored, policy.weights, policy.production_only, policy.require_employed) == (
        ScoredReports.ACCEPTED,
        ReportWeights(),
        True,
        True,
    )
    assert (policy.min_score, policy.tie_rule, policy.max_recipients, policy.budget) == (
        1,
        TieRule.SHARE_RANK,
        None,
        None,
    )


@pytest.mark.parametrize(
    "policy",
    [
        pytest.param(reward_policy(), id="score-thresholds"),
        pytest.param(
            reward_policy(
                tiers=bands((1, 3, 10), (4, 10, 5), (11, 30, 3)),
                wage_date=WageDate.PAYMENT_DATE,
                scored=ScoredReports.NOT_REJECTED,
                weights=ReportWeights(equipment_defect=3, unsafe_act=0),
                production_only=False,
                require_employed=False,
                min_score=2,
                tie_rule=TieRule.FIRST_TO_SCORE,
                max_recipients=20,
                budget=Money(5_000_000),
            ),
            id="rank-bands-and-every-option",
        ),
        pytest.param(
            reward_policy(wage=money_schedule((date(2023, 1, 1), 70_000), name="MW")),
            id="own-wage-table",
        ),
    ],
)
def test_the_policy_round_trips(policy: RewardPolicy) -> None:
    assert serialization.load(serialization.dump(policy), RewardPolicy) == policy
    assert serialization.load_json(serialization.dump_json(policy), RewardPolicy) == policy


POLICY_TOML = """
wage = "kz.MINIMUM_WAGE"
wage_date = "payment_date"
scored = "not_rejected"
tie_rule = "personnel_number"
min_score = 2
max_recipients = 50
budget = { amount = "5000000.00", currency = "KZT" }

[approved_by]
title = "Standard on incentives"
number = "ST-07"
adopted_on = 2023-01-20

[weights]
equipment_defect = 3
unsafe_act = 0

[multiplier_bounds]
minimum = 3
maximum = 10

[tiers]
basis = "rank_bands"
bands = [
  { first_rank = 1, last_rank = 3, multiplier = 10 },
  { first_rank = 4, last_rank = 10, multiplier = 5 },
]
"""


def test_the_policy_loads_from_toml_with_rank_bands() -> None:
    expected = reward_policy(
        wage_date=WageDate.PAYMENT_DATE,
        scored=ScoredReports.NOT_REJECTED,
        tie_rule=TieRule.PERSONNEL_NUMBER,
        min_score=2,
        max_recipients=50,
        budget=Money(5_000_000),
        weights=ReportWeights(equipment_defect=3, unsafe_act=0),
        tiers=bands((1, 3, 10), (4, 10, 5)),
    )

    assert serialization.load_toml(POLICY_TOML, RewardPolicy) == expected


def test_the_policy_loads_from_toml_with_score_thresholds_and_an_own_wage_table() -> None:
    text = """
wage_date = "period_end"

[approved_by]
title = "Standard on incentives"
number = "ST-07"
adopted_on = 2023-01-20

[wage]
name = "minimum wage"

[[wage.entries]]
since = 2023-01-01
value = { amount = "70000", currency = "KZT" }
source = { title = "Budget law", number = "163-VII", adopted_on = 2022-12-01 }

[multiplier_bounds]
minimum = 3
maximum = 10

[tiers]
basis = "score_thresholds"
tiers = [
  { min_score = 1, max_score = 4, multiplier = 3 },
  { min_score = 5, max_score = 9, multiplier = 5 },
  { min_score = 10, multiplier = 10 },
]
"""

    policy = serialization.load_toml(text, RewardPolicy)

    assert policy.tiers == reward_policy().tiers
    assert policy.wage.at(date(2023, 12, 31)) == WAGE_2023
    assert policy.wage.entries[0].source.number == "163-VII"


def test_a_bad_toml_policy_reports_every_problem_with_its_path() -> None:
    text = (
        POLICY_TOML.replace('"payment_date"', '"payment-date"')
        .replace('amount = "5000000.00"', "amount = 5000000.0")
        .replace("maximum = 10", 'maximum = "10"')
        .replace("adopted_on = 2023-01-20", 'adopted_on = "20.01.2023"')
        .replace("first_rank = 4", "first_rank = 5")
        .replace("min_score = 2", "min_score = 2\ntie = 1")
    )

    with pytest.raises(InvalidDataError) as raised:
        serialization.load_toml(text, RewardPolicy)

    problems = {p.path: p.message for p in raised.value.problems}
    assert set(problems) == {
        "$.wage_date",
        "$.budget.amount",
        "$.multiplier_bounds.maximum",
        "$.approved_by.adopted_on",
        "$.tiers.bands[1].first_rank",
        "$.tie",
    }
    assert "expected one of 'period_end', 'payment_date'" in problems["$.wage_date"]
    assert "floats cannot hold money exactly" in problems["$.budget.amount"]
    assert (
        "4: bands[0] ends at 3, so 4..4 would be a gap" in problems["$.tiers.bands[1].first_rank"]
    )
    assert problems["$.tie"].startswith("unknown field")


def test_a_toml_policy_with_an_unknown_basis_says_which_are_known() -> None:
    text = POLICY_TOML.replace('basis = "rank_bands"', 'basis = "ranks"')

    with pytest.raises(InvalidDataError) as raised:
        serialization.load_toml(text, RewardPolicy)

    [problem] = raised.value.problems
    assert problem.path == "$.tiers.basis"
    assert "one of 'score_thresholds', 'rank_bands'" in problem.message


def test_text_that_is_not_toml_is_reported() -> None:
    with pytest.raises(InvalidDataError) as raised:
        serialization.load_toml("wage_date = ", RewardPolicy)

    assert raised.value.problems[0].path == "$"
    assert "not valid TOML" in raised.value.problems[0].message


# -- properties ------------------------------------------------------------------------------

KINDS = list(ReportKind)
BUNDLES_AROUND_2023 = testing.records(first_day=date(2022, 6, 1), last_day=date(2024, 2, 1))
SCORE_BASED = testing.reward_policies().filter(
    lambda policy: isinstance(policy.tiers, ScoreThresholds)
)


def _awards(bundle: Records, policy: RewardPolicy) -> RewardAwards:
    return reward_awards(bundle, period=YEAR, paid_on=PAID_IN_JANUARY, policy=policy)


@settings(max_examples=examples(0.5))
@given(bundle=BUNDLES_AROUND_2023, policy=SCORE_BASED, data=st.data())
def test_one_more_accepted_report_never_lowers_the_tier(
    bundle: Records, policy: RewardPolicy, data: st.DataObject
) -> None:
    policy = attrs.evolve(policy, budget=None)  # a cap may cut whoever climbs a tier
    able = [
        (account, bundle.employee(account.employee))
        for account in bundle.reporting_accounts
        if account.registered_on <= date(2023, 12, 31)
        and bundle.employee(account.employee).is_employed_on(
            max(account.registered_on, date(2023, 1, 1))
        )
    ]
    assume(able)
    account, person = data.draw(st.sampled_from(able))
    first = max(account.registered_on, date(2023, 1, 1))
    last = min(date(2023, 12, 31), (person.left_on or date.max) - timedelta(days=1))
    day = data.draw(st.dates(first, last))
    moment = datetime.combine(day, time(12), tzinfo=bundle.time_zone)
    extra = SafetyReport(
        id=ReportId("extra"),
        kind=data.draw(st.sampled_from(KINDS)),
        risk=RiskLevel.LOW,
        reporter=person.id,
        department=person.department,
        reported_at=moment,
    ).accept(moment + timedelta(hours=1))
    grown = attrs.evolve(bundle, safety_reports=(*bundle.safety_reports, extra))

    before = _awards(bundle, policy).of(person.id)
    after = _awards(grown, policy).of(person.id)

    def multiplier(line: Award | Exclusion | None) -> int:
        return line.multiplier if isinstance(line, Award) else 0

    assert multiplier(after) >= multiplier(before)


@settings(max_examples=examples(0.5))
@given(bundle=BUNDLES_AROUND_2023, policy=testing.reward_policies())
def test_every_award_is_its_multiplier_times_the_wage_applied(
    bundle: Records, policy: RewardPolicy
) -> None:
    result = _awards(bundle, policy)

    for award in result.awards:
        assert award.amount == result.wage.value * award.multiplier
        assert award.amount.amount > 0
        bounds = policy.multiplier_bounds
        assert bounds.minimum <= award.multiplier <= bounds.maximum
        assert award.score >= policy.min_score
    assert result.total == sum((a.amount for a in result.awards), Money(0))
    assert result.total.amount >= 0
    assert result.wage.value == policy.wage.at(result.reference_date)
    if policy.budget is not None:
        assert result.total <= policy.budget
    if policy.max_recipients is not None:
        assert len(result.awards) <= policy.max_recipients
    considered = [a.employee for a in result.awards] + [e.employee for e in result.excluded]
    assert len(considered) == len(set(considered))
    assert [a.rank for a in result.awards] == sorted(a.rank for a in result.awards)


@settings(max_examples=examples(0.5))
@given(bundle=BUNDLES_AROUND_2023, policy=testing.reward_policies(), data=st.data())
def test_results_do_not_depend_on_input_order(
    bundle: Records, policy: RewardPolicy, data: st.DataObject
) -> None:
    shuffled = attrs.evolve(
        bundle,
        employees=data.draw(st.permutations(bundle.employees)),
        safety_reports=data.draw(st.permutations(bundle.safety_reports)),
        reporting_accounts=data.draw(st.permutations(bundle.reporting_accounts)),
    )

    assert serialization.dump_json(_awards(bundle, policy)) == serialization.dump_json(
        _awards(shuffled, policy)
    )


@settings(max_examples=examples(0.5))
@given(bundle=BUNDLES_AROUND_2023, policy=testing.reward_policies())
def test_everyone_considered_is_one_row_and_the_rows_add_up_to_the_total(
    bundle: Records, policy: RewardPolicy
) -> None:
    result = _awards(bundle, policy)
    rows = result.rows()

    people = [row["employee"] for row in rows]
    assert len(people) == len(set(people)) == len(result.awards) + len(result.excluded)
    assert sum(row["awarded"] is True for row in rows) == len(result.awards)
    paid = sum((Money(Decimal(str(r["amount"])), str(r["currency"])) for r in rows), Money(0))
    assert paid == result.total
    for row in rows:
        line = result.of(str(row["employee"]))
        assert isinstance(line, Award) is row["awarded"]
        assert (row["reason"] is None) is row["awarded"]
    assert serialization.load(serialization.dump(result), RewardAwards) == result


@pytest.mark.parametrize(
    ("score", "held"),
    [
        pytest.param(2, False, id="below-the-tier"),
        pytest.param(3, True, id="its-lowest-score"),
        pytest.param(5, True, id="its-highest-score"),
        pytest.param(6, False, id="above-the-tier"),
    ],
)
def test_a_tier_holds_the_scores_from_its_lowest_to_its_highest(score: int, held: bool) -> None:
    assert ScoreTier(min_score=3, max_score=5, multiplier=4).holds(score) is held


# -- partial forms: parts evaluated apart, merged, decided once -----------------------------------


def _partial(bundle: Records, policy: RewardPolicy) -> RewardAwardsPartial:
    return reward_awards_partial(bundle, period=YEAR, paid_on=PAID_IN_JANUARY, policy=policy)


def _shown(result: RewardAwards) -> tuple[str, str, list[str]]:
    """Everything a reader sees: the serialised result, its text, every person's explanation."""
    people = [a.employee for a in result.awards] + [e.employee for e in result.excluded]
    return (
        serialization.dump_json(result),
        str(result.explanation),
        [str(result.explain(p)) for p in people],
    )


@settings(max_examples=examples(0.5))
@given(bundle=BUNDLES_AROUND_2023, policy=testing.reward_policies(), data=st.data())
def test_parts_evaluated_apart_and_merged_in_any_order_give_the_whole(
    bundle: Records, policy: RewardPolicy, data: st.DataObject
) -> None:
    parts = data.draw(splits(bundle))
    partials = data.draw(st.permutations([_partial(part, policy) for part in parts]))
    empty = RewardAwardsPartial.empty(period=YEAR, paid_on=PAID_IN_JANUARY, policy=policy)

    merged = functools.reduce(RewardAwardsPartial.combine, partials, empty)

    assert _shown(merged.finalize()) == _shown(_awards(bundle, policy))


@settings(max_examples=examples(0.5))
@given(bundle=BUNDLES_AROUND_2023, policy=testing.reward_policies())
def test_combine_is_commutative_and_associative_and_empty_is_its_identity(
    bundle: Records, policy: RewardPolicy
) -> None:
    owners = [n % 3 for n in range(len(bundle.employees))]
    a, b, c = (_partial(p, policy) for p in parts_by_employee(bundle, owners, at_least=3))
    empty = RewardAwardsPartial.empty(period=YEAR, paid_on=PAID_IN_JANUARY, policy=policy)

    assert a.combine(b) == b.combine(a)
    assert a.combine(b).combine(c) == a.combine(b.combine(c))
    assert a.combine(empty) == empty.combine(a) == a.combine(empty).combine(empty)


@settings(max_examples=examples(0.5))
@given(bundle=BUNDLES_AROUND_2023, policy=testing.reward_policies())
def test_every_score_is_the_weighted_count_of_the_reports_that_score(
    bundle: Records, policy: RewardPolicy
) -> None:
    # The reference reads the bundle through its public queries, one report at a time.
    result = _awards(bundle, policy)
    day = result.reference_date
    scores: dict[str, int] = {}
    for made in bundle.reports_during(YEAR.range):
        rejected, accepted = bundle.rejected_on(made), bundle.accepted_on(made)
        if rejected is not None and rejected <= day:
            continue
        if policy.scored is ScoredReports.ACCEPTED and (accepted is None or accepted > day):
            continue
        scores[made.reporter] = scores.get(made.reporter, 0) + policy.weights.of(made.kind)
    staff = {e.id for e in bundle.production_employees() if e.is_employed_on(day)}
    expected = {person: scores.get(person, 0) for person in set(scores) | staff}

    lines: list[Award | Exclusion] = [*result.awards, *result.excluded]
    assert {line.employee: line.score for line in lines} == expected


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        pytest.param({"period": Quarter(2023, 4)}, "period", id="another-period"),
        pytest.param({"paid_on": date(2024, 2, 1)}, "paid_on", id="another-payment-day"),
        pytest.param({"policy": reward_policy(min_score=2)}, "policy", id="another-policy"),
    ],
)
def test_tallies_of_different_evaluations_do_not_merge(changes: dict[str, Any], field: str) -> None:
    given_: dict[str, Any] = {"period": YEAR, "paid_on": PAID_IN_JANUARY, "policy": reward_policy()}
    mine = RewardAwardsPartial.empty(**given_)
    theirs = RewardAwardsPartial.empty(**(given_ | changes))

    with pytest.raises(InvalidArgumentError, match=rf"^RewardAwardsPartial.combine\(\): {field}:"):
        mine.combine(theirs)


def test_the_empty_tallies_check_their_parameters_like_the_evaluation() -> None:
    with pytest.raises(InvalidValueError, match="paid_on"):
        RewardAwardsPartial.empty(period=YEAR, paid_on=date(2023, 6, 1), policy=reward_policy())


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        pytest.param({"production": (True, True)}, "production", id="a-flag-too-many"),
        pytest.param({"counts": (1,)}, "counts", id="counts-not-one-per-kind"),
        pytest.param({"reached": (None,)}, "reached", id="moments-under-another-tie-rule"),
    ],
)
def test_tallies_of_the_wrong_shape_are_refused(changes: dict[str, Any], field: str) -> None:
    made = _partial(records(employees=[employee("E-01")]), reward_policy())

    with pytest.raises(InvalidValueError, match=rf"^{field}: "):
        attrs.evolve(made, **changes)


def test_detail_read_in_any_order_or_never_gives_the_same_result() -> None:
    bundle = records(
        employees=[employee("E-01"), employee("E-02", left_on=date(2023, 7, 1))],
        reports=[*reports_of("E-01", 12), *reports_of("E-02", 3)],
    )
    explained_first = _awards(bundle, reward_policy())
    explanation = explained_first.explanation
    listed_first = _awards(bundle, reward_policy())
    awards, excluded = listed_first.awards, listed_first.excluded

    assert explained_first == listed_first
    assert (explanation, awards, excluded) == (
        listed_first.explanation,
        explained_first.awards,
        explained_first.excluded,
    )
    assert pickle.loads(pickle.dumps(_awards(bundle, reward_policy())))  # noqa: S301 - our bytes == listed_first
    assert not hasattr(listed_first, "recipients")


def test_partial_tallies_travel_between_processes() -> None:
    bundle = records(employees=[employee("E-01")], reports=reports_of("E-01", 12))
    made = _partial(bundle, reward_policy(tie_rule=TieRule.FIRST_TO_SCORE))

    assert pickle.loads(pickle.dumps(made)) == made  # noqa: S301 - our own bytes


@pytest.mark.parametrize(
    ("score", "multiplier"),
    [
        pytest.param(2, None, id="below-the-lowest-tier"),
        pytest.param(3, 3, id="the-lowest-tier"),
        pytest.param(6, 5, id="the-open-ended-top-tier"),
    ],
)
def test_the_tier_a_score_falls_in(score: int, multiplier: int | None) -> None:
    tier = thresholds((3, 5, 3), (6, None, 5)).tier_for(score)

    assert (tier and tier.multiplier) == multiplier


@pytest.mark.parametrize(
    ("rank", "multiplier"),
    [
        pytest.param(1, 10, id="the-best-rank"),
        pytest.param(3, 5, id="the-last-rank-of-the-last-band"),
        pytest.param(4, None, id="beyond-the-last-band"),
    ],
)
def test_the_band_a_rank_falls_in(rank: int, multiplier: int | None) -> None:
    band = bands((1, 1, 10), (2, 3, 5)).band_for(rank)

    assert (band and band.multiplier) == multiplier


# --- What the reward awards say about themselves: every fact of the explanation, and the edges ---
# of scoring that decide who is considered (a rejected or unreviewed first report).

PAID_ON = date(2024, 1, 20)


def _explained_awards(**policy: object) -> RewardAwards:
    # E-01: 5 accepted reports (score 5: ×5); E-02: 2 (×3); E-03: none.
    bundle = records(
        employees=[employee("E-01"), employee("E-02"), employee("E-03")],
        reports=[*reports_of("E-01", 5), *reports_of("E-02", 2)],
    )
    return reward_awards(bundle, period=YEAR, paid_on=PAID_ON, policy=reward_policy(**policy))


def _facts(result: RewardAwards) -> dict[str, str]:
    return {fact.name: show(fact.value) for step in result.explanation.steps for fact in step.facts}


def test_the_explanation_names_the_policy_and_every_setting_it_applied() -> None:
    facts = _facts(_explained_awards(max_recipients=5, budget=Money(10_000_000)))

    assert facts["policy"] == str(STANDARD)
    assert facts["scored reports"] == "accepted"
    assert facts["reference date is"] == "period_end"
    assert facts["production personnel only"] == "true"
    assert facts["on staff required"] == "true"
    assert facts["minimum score"] == "1"
    assert facts["multiplier bounds"] == "3..10"
    assert facts["tie rule"] == "share_rank"
    assert facts["recipient cap"] == "5"
    assert facts["budget cap"] == "10,000,000 KZT"
    assert facts["kz.MINIMUM_WAGE"] == "70,000 KZT"


def test_the_explanation_reads_as_four_steps_from_reports_to_payment() -> None:
    steps = _explained_awards().explanation.steps

    assert [(step.description, show(step.result)) for step in steps] == [
        ("reports registered in [2023-01-01, 2024-01-01) scored", "3 employees considered"),
        ("eligible on the reference date 2023-12-31", "2 employees"),
        ("tiers assigned", "×3: 1, ×5: 1"),
        ("awards paid at multiplier × minimum wage", "2 awards, 560,000 KZT"),
    ]


def test_the_explanation_of_a_policy_without_caps_names_none() -> None:
    facts = _facts(_explained_awards(production_only=False, require_employed=False))

    assert "recipient cap" not in facts
    assert "budget cap" not in facts
    assert facts["production personnel only"] == "false"
    assert facts["on staff required"] == "false"


def test_an_award_is_explained_with_its_reference_date_and_wage() -> None:
    result = _explained_awards()

    steps = result.explain("E-01").steps

    assert [s.description for s in steps] == [
        "score from reports registered in [2023-01-01, 2024-01-01)",
        "rank among eligible employees",
        "amount = multiplier × minimum wage",
    ]
    assert show(steps[2].result) == "5 × 70,000 KZT = 350,000 KZT"
    reference, wage = steps[2].facts
    assert (reference.name, show(reference.value)) == ("reference date", "2023-12-31")
    assert (wage.name, show(wage.value), wage.since) == (
        "minimum wage",
        "70,000 KZT",
        date(2023, 1, 1),
    )
    assert wage.source == kz.MINIMUM_WAGE.entry_at(date(2023, 12, 31)).source


def test_asking_why_for_someone_never_considered_names_them() -> None:
    with pytest.raises(UnknownRecordError) as caught:
        _explained_awards().explain("E-99")

    assert (caught.value.kind, caught.value.key) == ("employee considered for an award", "E-99")


def test_repricing_names_the_schedule_it_took_the_wage_from() -> None:
    repriced = _explained_awards().repriced(on=date(2024, 1, 1), wage=kz.MINIMUM_WAGE)

    last = repriced.explanation.steps[-1]
    (fact,) = last.facts
    assert (fact.name, show(fact.value)) == ("kz.MINIMUM_WAGE", "85,000 KZT")
    assert repriced.total == Money(5 * 85_000 + 3 * 85_000)


def test_repricing_no_awards_costs_nothing_in_the_wage_currency() -> None:
    nobody = _explained_awards(min_score=50)

    repriced = nobody.repriced(on=date(2024, 1, 1), wage=kz.MINIMUM_WAGE)

    assert repriced.awards == ()
    assert repriced.total == Money(0, "KZT")
    assert isinstance(repriced.total, Money)


@pytest.mark.parametrize(
    "first",
    [
        pytest.param(
            report("E-01/first", "E-01", at(2023, 1, 5), rejected=at(2023, 1, 6)),
            id="a-rejected-first-report-does-not-stop-the-count",
        ),
        pytest.param(
            report("E-01/first", "E-01", at(2023, 1, 5), accepted=False),
            id="an-unreviewed-first-report-does-not-stop-the-count",
        ),
    ],
)
def test_reports_after_one_that_does_not_score_still_score(first: SafetyReport) -> None:
    later = reports_of("E-01", 3, first=at(2023, 2, 1), every=timedelta(days=7))
    bundle = records(employees=[employee("E-01")], reports=[first, *later])

    result = reward_awards(bundle, period=YEAR, paid_on=PAID_ON, policy=reward_policy())

    award = result.of("E-01")
    assert isinstance(award, Award)
    assert award.score == 3


def test_a_score_equal_to_the_minimum_is_eligible() -> None:
    result = _explained_awards(min_score=2)

    award = result.of("E-02")
    assert isinstance(award, Award)
    assert (award.score, award.multiplier) == (2, 3)


def test_someone_ranked_beyond_the_last_band_is_told_which_rank_ends_it() -> None:
    people = [employee(f"E-{n:02d}") for n in range(1, 6)]
    made = [r for n in range(1, 6) for r in reports_of(f"E-{n:02d}", 10 - n)]
    bundle = records(employees=people, reports=made)
    policy = reward_policy(tiers=bands((1, 1, 10), (2, 2, 7), (3, 4, 3)))

    result = reward_awards(bundle, period=YEAR, paid_on=PAID_ON, policy=policy)

    exclusion = result.of("E-05")
    assert isinstance(exclusion, Exclusion)
    assert exclusion.reason == BeyondLastBand(rank=5, last_rank=4)
    assert str(exclusion.reason) == "rank 5 is beyond the last band (rank 4)"


def test_the_policy_of_an_explanation_reads_in_russian_with_its_tiers() -> None:
    result = _explained_awards()
    english, russian = str(result.explanation), result.explanation.render("ru")
    assert "     tier = score 1-4: ×3" in english
    assert "     tier = score 10+: ×10" in english
    assert "     ступень = балл 1–4: ×3" in russian
    assert "     ступень = балл 10 и выше: ×10" in russian
    assert (
        "     weights = hazardous_condition 1, unsafe_act 1, near_miss 1, equipment_defect 1, "
        "facility_defect 1"
    ) in english
    assert (
        "     веса = опасное условие: 1, опасное действие: 1, "
        "потенциально опасное происшествие: 1, дефект оборудования: 1, "
        "дефект зданий и сооружений: 1"
    ) in russian
    for setting in (
        "учтённые сообщения = принятые",
        "расчётная дата — = последний день периода",
        "правило равных мест = равные места у равных баллов",
    ):
        assert setting in russian
    assert "     scored reports = accepted" in english
    assert "     reference date is = period_end" in english
    assert "     tie rule = share_rank" in english


def test_the_bands_of_an_explanation_read_in_kazakh() -> None:
    people = [employee(f"E-{n:02d}") for n in range(1, 4)]
    made = [r for n in range(1, 4) for r in reports_of(f"E-{n:02d}", 10 - n)]
    bundle = records(employees=people, reports=made)
    policy = reward_policy(tiers=bands((1, 1, 10), (2, 3, 7)))

    result = reward_awards(bundle, period=YEAR, paid_on=PAID_ON, policy=policy)

    assert "     tier = ranks 1-1: ×10" in str(result.explanation)
    assert "     саты = 2–3 орындар: ×7" in result.explanation.render("kk")


@given(
    low=st.integers(0, 10**6),
    span=st.none() | st.integers(0, 10**6),
    multiplier=st.integers(0, 10**6),
)
def test_a_row_of_a_tier_table_in_an_explanation_reads_as_its_str(
    low: int, span: int | None, multiplier: int
) -> None:
    high = None if span is None else low + span
    tier = ScoreTier(min_score=low, max_score=high, multiplier=multiplier)
    band = RankBand(first_rank=low, last_rank=low + (span or 0), multiplier=multiplier)
    for row in (tier, band):
        fact = Fact.of(name="tier", value=_row_words(row))
        assert fact.value == str(row)  # numbers as the row writes them: no grouping
        assert str(row.multiplier) in fact.render("ru")
