"""Explanations: the steps behind a result, with the facts and sources they used."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given

from ohs_domain import Entry, Explanation, Fact, Money, Source, Step, kz, show
from ohs_domain.testing import entries, explanations, money, steps

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
    step = Step(description="minimum wage on 2023-12-31", result=str(Money(Decimal(70_000))))
    second = first.then(step)
    assert first.steps == ()
    assert second.steps == (step,)
    assert str(second) == "1. minimum wage on 2023-12-31: 70,000 KZT"


@given(explanations(), steps())
def test_then_appends_one_step_at_the_end(explanation: Explanation, step: Step) -> None:
    longer = explanation.then(step)
    assert longer.steps == (*explanation.steps, step)
    assert str(longer).split("\n")[-1 - len(step.facts)] == (
        f"{len(longer.steps)}. {step.description}: {show(step.result)}"
    )


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
