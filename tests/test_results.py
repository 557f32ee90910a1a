"""The result protocol, asserted over every public result type.

Every evaluator's result has an ``explanation``; results about people have one
look-up (``of``) and one ``explain``, named the same everywhere; money totals
are `Money`; every result gives flat ``rows()`` whose columns are its
documented ``COLUMNS`` and whose cells are JSON-safe; every result round-trips
through the edge. The result types are found from the evaluators' return
annotations, so a new evaluator joins the protocol without editing this file.
"""

from __future__ import annotations

import inspect
import json
import pickle
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any, get_args, get_type_hints

import attrs
import pytest

import ohs_domain
from ohs_domain import (
    ActionTracking,
    Explanation,
    InjuryDisclosure,
    InspectorPay,
    InspectorPayYear,
    KeyPoints,
    LeadingIndicators,
    Money,
    Quarter,
    RewardAwards,
    Year,
    action_tracking,
    gri_403_9,
    inspector_pay,
    leading_indicators,
    serialization,
)
from ohs_domain.demo import (
    ACTION_DEADLINES,
    INSPECTOR_PAY_POLICY,
)
from tests.builders import demo_company, demo_key_points


def _is_rule(value: object) -> bool:
    """A public evaluator: a function of the records (not a partial of one, nor a split)."""
    if not inspect.isfunction(value) or value.__name__.endswith("_partial"):
        return False
    if value is ohs_domain.partition:
        return False
    if value.__name__.endswith("_partial"):
        return False  # a partial form returns tallies to merge, not a result
    first = next(iter(inspect.signature(value).parameters), None)
    return first is not None and get_type_hints(value).get(first) is ohs_domain.Records


EVALUATORS = [
    getattr(ohs_domain, name) for name in ohs_domain.__all__ if _is_rule(getattr(ohs_domain, name))
]
RESULT_TYPES = sorted(
    {get_type_hints(evaluator)["return"] for evaluator in EVALUATORS}, key=lambda t: t.__name__
)
ABOUT_PEOPLE = [InspectorPay, InspectorPayYear, RewardAwards]
JSON_CELLS = (str, int, bool, type(None))


@cache
def _key_points() -> KeyPoints:
    return demo_key_points()


def evaluated(kind: type) -> Any:
    """A result of ``kind``, evaluated on the demo company's 2023."""
    points = _key_points()
    if kind is InspectorPay:
        return inspector_pay(demo_company(), quarter=Quarter(2023, 3), policy=INSPECTOR_PAY_POLICY)
    if kind is KeyPoints:
        return points
    if kind is InjuryDisclosure:
        return gri_403_9(demo_company(), year=Year(2023))
    if kind is ActionTracking:
        return action_tracking(
            demo_company(), period=Year(2023), as_of=date(2023, 12, 31), deadlines=ACTION_DEADLINES
        )
    if kind is LeadingIndicators:
        return leading_indicators(
            demo_company(), year=Year(2023), as_of=date(2023, 12, 31), deadlines=ACTION_DEADLINES
        )
    (part,) = [getattr(points, n) for n, hint in get_type_hints(KeyPoints).items() if hint is kind]
    return part


def test_every_evaluator_returns_a_result_type() -> None:
    names = {t.__name__ for t in RESULT_TYPES}
    assert names == {
        "ActionTracking",
        "Elimination",
        "Engagement",
        "InjuryDisclosure",
        "InjuryRates",
        "InspectionActivity",
        "InspectorPay",
        "InspectorPayYear",
        "KeyPoints",
        "LeadingIndicators",
        "RewardAwards",
        "TrainingCoverage",
    }


@pytest.mark.parametrize("kind", RESULT_TYPES, ids=lambda kind: kind.__name__)
def test_every_result_carries_its_explanation(kind: type) -> None:
    assert get_type_hints(kind)["explanation"] is Explanation
    result = evaluated(kind)
    assert result.explanation.steps
    assert str(result.explanation)


@pytest.mark.parametrize("kind", RESULT_TYPES, ids=lambda kind: kind.__name__)
def test_every_result_travels_between_processes(kind: type) -> None:
    result = evaluated(kind)

    assert pickle.loads(pickle.dumps(result)) == result  # noqa: S301 - bytes we just made


@pytest.mark.parametrize("kind", ABOUT_PEOPLE, ids=lambda kind: kind.__name__)
def test_money_totals_are_money(kind: type) -> None:
    assert get_type_hints(kind)["total"] is Money
    result = evaluated(kind)
    paid = [Money(Decimal(row["amount"]), str(row["currency"])) for row in result.rows()]
    assert sum(paid, Money(0)) == result.total


@pytest.mark.parametrize("kind", RESULT_TYPES, ids=lambda kind: kind.__name__)
def test_every_result_gives_rows_with_its_documented_columns(kind: Any) -> None:
    result = evaluated(kind)
    rows = result.rows()

    assert isinstance(rows, tuple)
    assert rows
    for column in kind.COLUMNS:
        assert f"``{column}``" in str(inspect.getdoc(kind.rows)) or kind is InspectorPayYear
    for row in rows:
        assert tuple(row) == kind.COLUMNS
        assert all(isinstance(cell, JSON_CELLS) for cell in row.values())
    assert json.loads(json.dumps(rows)) == list(rows)


@pytest.mark.parametrize("kind", RESULT_TYPES, ids=lambda kind: kind.__name__)
def test_every_result_round_trips_through_the_edge(kind: type) -> None:
    result = evaluated(kind)
    assert serialization.load(serialization.dump(result), kind) == result


@pytest.mark.parametrize("kind", ABOUT_PEOPLE, ids=lambda kind: kind.__name__)
def test_results_about_people_have_one_look_up_and_one_explain(kind: type) -> None:
    result = evaluated(kind)
    people = {row[next(iter(row))] for row in result.rows()}

    assert people
    for person in sorted(people)[:5]:
        assert result.of(person) is not None
        assert isinstance(result.explain(person), Explanation)
    assert result.of("nobody") is None
    with pytest.raises(ohs_domain.UnknownRecordError):
        result.explain("nobody")


@pytest.mark.parametrize("kind", RESULT_TYPES, ids=lambda kind: kind.__name__)
def test_no_result_keeps_the_old_look_up_names(kind: type) -> None:
    assert not hasattr(kind, "award_of")
    assert not hasattr(kind, "exclusion_of")
    if kind not in ABOUT_PEOPLE:
        assert not hasattr(kind, "explain")


# A reviewer's free-text note on rejecting a report is input data, not a rule's outcome.
INPUT_TEXT = {("StatusChange", "reason"), ("CorrectiveAction", "cancel_reason")}


def test_no_public_field_holding_a_rules_reason_is_text() -> None:
    checked = 0
    for name in ohs_domain.__all__:
        value = getattr(ohs_domain, name)
        if inspect.isclass(value) and attrs.has(value):
            for field, hint in get_type_hints(value).items():
                if "reason" in field and (name, field) not in INPUT_TEXT:
                    shapes = {hint, *get_args(hint)}
                    assert str not in shapes, f"{name}.{field}"
                    assert tuple[str, ...] not in shapes, f"{name}.{field}"
                    checked += 1
    assert checked >= 2  # Exclusion.reason and InspectorQuarterPay.reasons at least
