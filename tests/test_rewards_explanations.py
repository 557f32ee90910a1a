"""What the reward awards say about themselves: every fact of the explanation, and the edges
of scoring that decide who is considered (a rejected or unreviewed first report)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ohs_domain import (
    Award,
    BeyondLastBand,
    Exclusion,
    Fact,
    Money,
    RankBand,
    RewardAwards,
    SafetyReport,
    ScoreTier,
    UnknownRecordError,
    Year,
    kz,
    reward_awards,
    show,
)
from ohs_domain._rewards import _row_words
from tests.rule_builders import (
    STANDARD,
    at,
    bands,
    employee,
    records,
    report,
    reports_of,
    reward_policy,
)

YEAR = Year(2023)
PAID_ON = date(2024, 1, 20)


def _awards(**policy: object) -> RewardAwards:
    # E-01: 5 accepted reports (score 5: ×5); E-02: 2 (×3); E-03: none.
    bundle = records(
        employees=[employee("E-01"), employee("E-02"), employee("E-03")],
        reports=[*reports_of("E-01", 5), *reports_of("E-02", 2)],
    )
    return reward_awards(bundle, period=YEAR, paid_on=PAID_ON, policy=reward_policy(**policy))


def _facts(result: RewardAwards) -> dict[str, str]:
    return {fact.name: show(fact.value) for step in result.explanation.steps for fact in step.facts}


def test_the_explanation_names_the_policy_and_every_setting_it_applied() -> None:
    facts = _facts(_awards(max_recipients=5, budget=Money(10_000_000)))

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
    steps = _awards().explanation.steps

    assert [(step.description, show(step.result)) for step in steps] == [
        ("reports registered in [2023-01-01, 2024-01-01) scored", "3 employees considered"),
        ("eligible on the reference date 2023-12-31", "2 employees"),
        ("tiers assigned", "×3: 1, ×5: 1"),
        ("awards paid at multiplier × minimum wage", "2 awards, 560,000 KZT"),
    ]


def test_the_explanation_of_a_policy_without_caps_names_none() -> None:
    facts = _facts(_awards(production_only=False, require_employed=False))

    assert "recipient cap" not in facts
    assert "budget cap" not in facts
    assert facts["production personnel only"] == "false"
    assert facts["on staff required"] == "false"


def test_an_award_is_explained_with_its_reference_date_and_wage() -> None:
    result = _awards()

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
        _awards().explain("E-99")

    assert (caught.value.kind, caught.value.key) == ("employee considered for an award", "E-99")


def test_repricing_names_the_schedule_it_took_the_wage_from() -> None:
    repriced = _awards().repriced(on=date(2024, 1, 1), wage=kz.MINIMUM_WAGE)

    last = repriced.explanation.steps[-1]
    (fact,) = last.facts
    assert (fact.name, show(fact.value)) == ("kz.MINIMUM_WAGE", "85,000 KZT")
    assert repriced.total == Money(5 * 85_000 + 3 * 85_000)


def test_repricing_no_awards_costs_nothing_in_the_wage_currency() -> None:
    nobody = _awards(min_score=50)

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
    result = _awards(min_score=2)

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
    result = _awards()
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
