"""Partial results: parts evaluated apart and combined give exactly the whole's result.

The rule a holding or a statistics office relies on: split the records any way
(by department, by employee, into any groups, with empty parts, in any order),
evaluate each part, combine, finalize, and the result serialises to the same
JSON as evaluating everything in one process.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any, Literal, NamedTuple, cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ohs_domain import (
    DateRange,
    EliminationPartial,
    EngagementPartial,
    InjuryRatesPartial,
    InspectionActivityPartial,
    InvalidArgumentError,
    InvalidValueError,
    KeyPointsPartial,
    Quarter,
    Records,
    TrainingCoveragePartial,
    Year,
    combine,
    demo,
    elimination,
    elimination_partial,
    engagement,
    engagement_partial,
    injury_rates,
    injury_rates_partial,
    inspection_activity,
    inspection_activity_partial,
    key_points,
    key_points_partial,
    partition,
    serialization,
    testing,
    training_coverage,
    training_coverage_partial,
)
from tests.builders import demo_company, examples

YEAR = Year(2023)
END_OF_2023 = date(2023, 12, 31)
DEADLINES = demo.ELIMINATION_DEADLINES


class Rule(NamedTuple):
    """An evaluator, its partial, the partial's class and the parameters of a year."""

    whole: Callable[..., Any]
    partial: Callable[..., Any]
    kind: Any
    parameters: dict[str, Any]


EVALUATORS: list[Any] = [
    pytest.param(
        Rule(
            training_coverage,
            training_coverage_partial,
            TrainingCoveragePartial,
            {"period": YEAR, "as_of": END_OF_2023},
        ),
        id="training-coverage",
    ),
    pytest.param(
        Rule(
            engagement,
            engagement_partial,
            EngagementPartial,
            {"period": YEAR, "as_of": END_OF_2023, "min_reports": 2},
        ),
        id="engagement",
    ),
    pytest.param(
        Rule(
            elimination,
            elimination_partial,
            EliminationPartial,
            {"period": YEAR, "as_of": END_OF_2023, "deadlines": DEADLINES},
        ),
        id="elimination",
    ),
    pytest.param(
        Rule(
            inspection_activity,
            inspection_activity_partial,
            InspectionActivityPartial,
            {"period": YEAR},
        ),
        id="inspection-activity",
    ),
    pytest.param(
        Rule(
            injury_rates,
            injury_rates_partial,
            InjuryRatesPartial,
            {"period": YEAR, "as_of": END_OF_2023},
        ),
        id="injury-rates",
    ),
    pytest.param(
        Rule(
            key_points,
            key_points_partial,
            KeyPointsPartial,
            {
                "year": YEAR,
                "as_of": END_OF_2023,
                "deadlines": DEADLINES,
                "inspector_pay_policy": demo.INSPECTOR_PAY_POLICY,
                "reward_policy": demo.REWARD_POLICY,
                "paid_on": date(2024, 1, 25),
            },
        ),
        id="key-points",  # every rule at once, the pay and the awards among them
    ),
]

BUNDLES = testing.records(first_day=date(2022, 6, 1), last_day=date(2024, 2, 1))


@st.composite
def partitions(draw: st.DrawFn, bundle: Records) -> list[Records]:
    """Any split of ``bundle``: units put in any groups, empty parts added, any order."""
    by: Literal["department", "employee"] = draw(st.sampled_from(["department", "employee"]))
    units: list[str] = sorted({d.id for d in bundle.departments} | {e.id for e in bundle.employees})
    groups = draw(st.integers(1, max(1, len(units))))
    chosen = draw(st.lists(st.integers(0, groups - 1), min_size=len(units), max_size=len(units)))
    label = dict(zip(units, map(str, chosen), strict=True))
    parts = list(partition(bundle, by=by, group=label.__getitem__).values())
    empties = draw(st.integers(0, 2))
    nothing = Records(time_zone=bundle.time_zone, departments=bundle.departments, employees=())
    parts += [nothing] * empties
    return draw(st.permutations(parts))


@pytest.mark.parametrize("rule", EVALUATORS)
@settings(max_examples=examples(0.25))
@given(data=st.data())
def test_parts_combined_give_the_whole_to_the_byte(
    data: st.DataObject,
    rule: Rule,
) -> None:
    bundle = data.draw(BUNDLES)
    parts = data.draw(partitions(bundle))

    combined = combine(
        [
            rule.kind.empty(**rule.parameters),
            *(rule.partial(part, **rule.parameters) for part in parts),
        ]
    )

    expected = serialization.dump_json(rule.whole(bundle, **rule.parameters))
    assert serialization.dump_json(combined.finalize()) == expected


@pytest.mark.parametrize("rule", EVALUATORS)
@settings(max_examples=examples(0.15))
@given(bundle=BUNDLES)
def test_every_employee_alone_gives_the_whole(
    bundle: Records,
    rule: Rule,
) -> None:
    parts = partition(bundle, by="employee").values()

    combined = combine(rule.partial(part, **rule.parameters) for part in parts)

    expected = rule.whole(bundle, **rule.parameters)
    assert combined.finalize() == expected
    assert combined.finalize().explanation == expected.explanation


@pytest.mark.parametrize("rule", EVALUATORS)
@settings(max_examples=examples(0.15))
@given(bundle=BUNDLES, data=st.data())
def test_combine_is_associative_and_commutative_with_empty_as_identity(
    bundle: Records,
    data: st.DataObject,
    rule: Rule,
) -> None:
    parts = list(partition(bundle, by="department").values())
    a, b, c = (
        rule.partial(data.draw(st.sampled_from(parts)), **rule.parameters)
        if parts
        else rule.kind.empty(**rule.parameters)
        for _ in range(3)
    )
    empty = rule.kind.empty(**rule.parameters)

    assert a.combine(b) == b.combine(a)
    assert a.combine(b).combine(c) == a.combine(b.combine(c))
    assert a.combine(empty) == a == empty.combine(a)


@pytest.mark.parametrize("rule", EVALUATORS)
def test_the_whole_is_its_own_partial_finalized(
    rule: Rule,
) -> None:
    company = demo_company()

    assert rule.partial(company, **rule.parameters).finalize() == rule.whole(
        company, **rule.parameters
    )


@pytest.mark.parametrize("rule", EVALUATORS)
def test_a_partial_and_its_result_travel_between_processes(
    rule: Rule,
) -> None:
    tallies = rule.partial(demo_company(), **rule.parameters)

    assert pickle.loads(pickle.dumps(tallies)) == tallies  # noqa: S301 - bytes we just made
    result = tallies.finalize()
    assert pickle.loads(pickle.dumps(result)) == result  # noqa: S301 - bytes we just made


@pytest.mark.parametrize(
    ("other", "field"),
    [
        pytest.param({"as_of": date(2023, 12, 30)}, "as_of", id="another-reference-day"),
        pytest.param({"period": Quarter(2023, 4)}, "period", id="another-period"),
        pytest.param({"min_reports": 3}, "min_reports", id="another-activity-threshold"),
    ],
)
def test_partials_of_different_parameters_do_not_combine(other: dict[str, Any], field: str) -> None:
    parameters: dict[str, Any] = {"period": YEAR, "as_of": END_OF_2023, "min_reports": 1}
    mine = EngagementPartial.empty(**parameters)

    with pytest.raises(InvalidArgumentError) as raised:
        mine.combine(theirs := EngagementPartial.empty(**{**parameters, **other}))

    assert raised.value.field == field
    assert raised.value.function == "EngagementPartial.combine"
    assert raised.value.value == getattr(theirs, field)  # theirs, beside ours
    assert raised.value.expected == f"{getattr(mine, field)}, as in the partial it is combined with"


def test_partials_of_different_evaluators_do_not_combine() -> None:
    coverage = TrainingCoveragePartial.empty(period=YEAR, as_of=END_OF_2023)
    injuries = InjuryRatesPartial.empty(period=YEAR, as_of=END_OF_2023)
    mixed: list[Any] = [coverage, injuries]

    with pytest.raises(InvalidArgumentError) as raised:
        combine(mixed)

    refused = raised.value
    assert (refused.function, refused.field) == ("TrainingCoveragePartial.combine", "other")
    assert (refused.value, refused.expected) == (injuries, "a TrainingCoveragePartial")


@pytest.mark.parametrize(
    ("partials", "expected"),
    [
        pytest.param([], "at least one partial (use FPartial.empty(...))", id="nothing-to-combine"),
        pytest.param("partials", "an iterable", id="a-string"),  # refused as it is called
        pytest.param(3, "an iterable", id="not-iterable"),
        pytest.param([engagement], "partial results", id="an-evaluator-not-its-partial"),
    ],
)
def test_combine_names_what_it_needs(partials: Any, expected: str) -> None:
    with pytest.raises(InvalidArgumentError) as raised:
        combine(partials)

    assert (raised.value.function, raised.value.field) == ("combine", "partials")
    assert raised.value.expected == expected


@pytest.mark.parametrize(
    ("make", "field"),
    [
        pytest.param(
            lambda: EngagementPartial.empty(period=YEAR, as_of=END_OF_2023, min_reports=0),
            "min_reports",
            id="no-activity-threshold",
        ),
        pytest.param(
            lambda: InjuryRatesPartial.empty(
                period=DateRange(date(2023, 1, 2), date(2023, 2, 1)),
                as_of=END_OF_2023,
            ),
            "period",
            id="injury-rates-of-part-months",
        ),
        pytest.param(
            lambda: TrainingCoveragePartial.empty(period=YEAR, as_of=date(2022, 12, 31)),
            "as_of",
            id="coverage-as-of-before-the-year",
        ),
        pytest.param(
            lambda: EliminationPartial.empty(
                period=YEAR, as_of=END_OF_2023 - timedelta(days=400), deadlines=DEADLINES
            ),
            "as_of",
            id="elimination-as-of-before-the-year",
        ),
        pytest.param(
            lambda: InspectionActivityPartial.empty(period=cast(Any, "2023")),
            "period",
            id="activity-of-a-string",
        ),
    ],
)
def test_an_empty_partial_checks_its_parameters_as_the_evaluator_does(
    make: Callable[[], object], field: str
) -> None:
    with pytest.raises(InvalidValueError) as raised:
        make()

    assert raised.value.field == field
