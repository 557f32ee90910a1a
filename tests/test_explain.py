"""Explanations: the steps behind a result, with the facts and sources they used."""

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given

from ohs_domain import (
    BelowMinimumScore,
    Entry,
    Explanation,
    Fact,
    Message,
    Money,
    Quarter,
    ReportKind,
    Share,
    Source,
    Step,
    TrainingMissing,
    Value,
    kz,
    show,
)
from ohs_domain.testing import entries, explanations, money, quarters, steps, values

LAW_2023 = Source(
    title="Law on the republican budget for 2023-2025",
    number="163-VII",
    adopted_on=date(2022, 12, 1),
)


@pytest.mark.parametrize(
    ("fact", "text"),
    [
        pytest.param(Fact(name="inspector", value="E-0042"), "inspector = E-0042", id="input"),
        pytest.param(
            Fact(name="minimum wage", value="70,000 KZT", since=date(2023, 1, 1)),
            "minimum wage = 70,000 KZT (since 2023-01-01)",
            id="parameter-with-start-only",
        ),
        pytest.param(
            Fact(name="minimum wage", value="70,000 KZT", source=LAW_2023),
            "minimum wage = 70,000 KZT "
            "(Law on the republican budget for 2023-2025 No. 163-VII of 01.12.2022)",
            id="parameter-with-source-only",
        ),
        pytest.param(
            Fact(name="minimum wage", value="70,000 KZT", since=date(2023, 1, 1), source=LAW_2023),
            "minimum wage = 70,000 KZT (since 2023-01-01; "
            "Law on the republican budget for 2023-2025 No. 163-VII of 01.12.2022)",
            id="parameter-with-start-and-source",
        ),
    ],
)
def test_a_fact_reads_as_name_value_and_origin(fact: Fact, text: str) -> None:
    assert str(fact) == text


def test_a_parameter_fact_carries_its_start_and_source() -> None:
    entry = kz.MINIMUM_WAGE.entry_at(date(2023, 6, 1))
    fact = Fact.parameter("minimum wage", entry)
    assert fact.name == "minimum wage"
    assert show(fact.value) == "70,000 KZT"
    assert fact.since == date(2023, 1, 1)
    assert fact.source is entry.source
    assert fact.source.number == "163-VII"
    assert str(fact).startswith("minimum wage = 70,000 KZT (since 2023-01-01; Law of the Republic")


@given(entries(money(min_value=0)))
def test_any_parameter_fact_shows_the_entry(entry: Entry[Money]) -> None:
    fact = Fact.parameter("amount", entry)
    assert (show(fact.value), fact.since, fact.source) == (
        str(entry.value),
        entry.since,
        entry.source,
    )
    assert f"since {entry.since.isoformat()}; {entry.source}" in str(fact)


EXAMPLE = Explanation(
    (
        Step(
            description="submissions issued in 2023-Q1",
            result="3",
            facts=(Fact(name="inspector", value="E-0042"),),
        ),
        Step(description="quarter paid", result="yes"),
        Step(
            description="amount",
            result="15,000 KZT",
            facts=(
                Fact(name="quarterly amount", value="15,000 KZT", since=date(2023, 1, 1)),
                Fact(name="days worked", value="90 of 90"),
            ),
        ),
    )
)


def test_an_explanation_renders_numbered_steps_with_indented_facts() -> None:
    assert str(EXAMPLE) == (
        "1. submissions issued in 2023-Q1: 3\n"
        "     inspector = E-0042\n"
        "2. quarter paid: yes\n"
        "3. amount: 15,000 KZT\n"
        "     quarterly amount = 15,000 KZT (since 2023-01-01)\n"
        "     days worked = 90 of 90"
    )


def test_an_empty_explanation_renders_as_nothing() -> None:
    assert str(Explanation()) == ""
    assert Explanation().steps == ()


def test_a_step_uses_no_fact_by_default() -> None:
    assert Step(description="quarter paid", result="yes").facts == ()


def test_then_appends_without_changing_the_original() -> None:
    first = Explanation()
    step = Step(description="minimum wage on 2023-12-31", result=Money(Decimal(70_000)))
    second = first.then(step)
    assert first.steps == ()
    assert second.steps == (step,)
    assert str(second) == "1. minimum wage on 2023-12-31: 70,000 KZT"


@given(explanations(), steps())
def test_then_appends_one_step_at_the_end(explanation: Explanation, step: Step) -> None:
    longer = explanation.then(step)
    assert longer.steps == (*explanation.steps, step)
    assert str(longer).split("\n")[-1 - len(step.facts)] == (f"{len(longer.steps)}. {step}")


@given(explanations())
def test_every_step_and_fact_gets_its_own_line(explanation: Explanation) -> None:
    lines = str(explanation).split("\n") if explanation.steps else []
    assert len(lines) == sum(1 + len(step.facts) for step in explanation.steps)
    step_lines = [line for line in lines if not line.startswith(" ")]
    numbers = [line.split(". ", 1)[0] for line in step_lines]
    assert numbers == [str(n) for n in range(1, len(explanation.steps) + 1)]
    fact_lines = [line for line in lines if line.startswith("     ")]
    assert len(fact_lines) == len(lines) - len(step_lines)
    assert all(" = " in line for line in fact_lines)


# -- values are kept, and shown in one place ------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [
        pytest.param(None, "", id="nothing-shows-empty"),
        pytest.param(True, "true", id="flag-in-lower-case"),
        pytest.param(2_699, "2,699", id="count-with-thousands"),
        pytest.param(Decimal("1234.5"), "1,234.5", id="decimal-with-thousands"),
        pytest.param(Fraction(2699, 2), "1,349.50", id="fraction-rounded-to-cents"),
        pytest.param(Fraction(12), "12", id="whole-fraction-as-integer"),
        pytest.param(date(2023, 12, 31), "2023-12-31", id="day-iso"),
        pytest.param(Money(Decimal(70_000)), "70,000 KZT", id="money-with-currency"),
        pytest.param(Share(1_890, 2_699), "1,890 of 2,699 (70.0 %)", id="share-with-per-cent"),
        pytest.param(Quarter(2023, 3), "2023-Q3", id="quarter"),
        pytest.param(
            BelowMinimumScore(score=0, minimum=1),
            "score 0 is below the policy's minimum of 1",
            id="reason-in-english",
        ),
        pytest.param(
            (Money(0), TrainingMissing(date(2023, 3, 31))),
            "0 KZT; no OHS training recorded by 2023-03-31; the policy requires it",
            id="several-values-joined",
        ),
        pytest.param(ReportKind.NEAR_MISS, "near_miss", id="enum-by-its-value"),
    ],
)
def test_show_formats_each_kind_of_value(value: Value, text: str) -> None:
    assert show(value) == text


def test_a_fact_keeps_the_value_and_shows_it_only_when_rendered() -> None:
    fact = Fact(name="minimum wage", value=Money(70_000))

    assert fact.value == Money(70_000)
    assert str(fact) == "minimum wage = 70,000 KZT"


@pytest.mark.parametrize(
    ("step", "text"),
    [
        pytest.param(Step(description="awards", result=3), "awards: 3", id="with-a-figure"),
        pytest.param(
            Step(description="no reports registered in 2024", result=None),
            "no reports registered in 2024",
            id="a-finding-without-a-figure",
        ),
    ],
)
def test_a_step_reads_as_description_and_result(step: Step, text: str) -> None:
    assert str(step) == text


@given(values())
def test_every_value_shows_as_one_line(value: Value) -> None:
    assert "\n" not in show(value)


# -- steps built from data: their words translate, their English is the step -------------


def _paid_for(quarter: Quarter, count: int, total: Money) -> Step:
    return Step.of(
        description=Message("paid for {period}", (("period", quarter),)),
        result=Message(
            "{n} inspector(s), {total}",
            (("n", count), ("total", total)),
            "{n} inspector(s), {total}",
        ),
    )


def test_a_step_of_messages_keeps_their_english_as_its_description_and_result() -> None:
    step = _paid_for(Quarter(2023, 3), 20, Money(300_000))
    assert (step.description, step.result) == ("paid for 2023-Q3", "20 inspector(s), 300,000 KZT")
    assert step == Step(description="paid for 2023-Q3", result="20 inspector(s), 300,000 KZT")
    assert str(step) == step.render("en") == "paid for 2023-Q3: 20 inspector(s), 300,000 KZT"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "оплачено за 3 кв. 2023: 20 инспекторов, 300\u00a0000\u00a0KZT"),
        ("kk", "2023 ж. 3-тоқсан үшін төленді: 20 инспектор, 300\u00a0000\u00a0₸"),
    ],
)
def test_a_step_of_messages_renders_its_values_in_the_language_asked(lang: str, text: str) -> None:
    step = _paid_for(Quarter(2023, 3), 20, Money(300_000))
    assert step.render(lang) == text  # type: ignore[arg-type]


def test_a_step_of_a_fixed_description_translates_it_like_a_plain_step() -> None:
    plain = Step(description="rank among eligible employees", result=1)
    built = Step.of(description="rank among eligible employees", result=1)
    assert built == plain
    assert built.render("ru") == plain.render("ru") == "место среди работников, имеющих право: 1"


@given(quarters(), money())
def test_any_step_of_messages_reads_in_english_as_its_values_shown(
    quarter: Quarter, total: Money
) -> None:
    step = _paid_for(quarter, 1, total)
    assert str(step) == f"paid for {quarter}: 1 inspector(s), {show(total)}"
    assert quarter.render("ru") in step.render("ru")
    assert total.render("kk") in step.render("kk")


def test_a_fact_of_messages_keeps_their_english_and_renders_them_per_language() -> None:
    counted = Message("{n} report(s)", (("n", 5),), "{n} report(s)")
    fact = Fact.of(name="near_miss", value=counted)
    assert fact == Fact(name="near_miss", value="5 report(s)")
    assert str(fact) == "near_miss = 5 report(s)"
    assert fact.render("ru") == "потенциально опасное происшествие = 5 сообщений"
    assert fact.render("kk") == "қауіпті оқиға = 5 хабарлама"


def test_a_fact_of_a_plain_value_renders_like_a_plain_fact() -> None:
    fact = Fact.of(name=Message("rejected by {day}", (("day", date(2023, 12, 31)),)), value=286)
    assert (fact.name, fact.value) == ("rejected by 2023-12-31", 286)
    assert fact.render("ru") == "отклонено к 31.12.2023 = 286"
