"""Every public function, method and constructor refuses a wrong argument by name.

A payroll library must never pay a plausible wrong amount: a ``Year`` where a
``Quarter`` is needed, the text ``"2023-Q3"``, a naive ``datetime`` for a day
are refused before anything is computed, with the library's error naming the
callable, the parameter, the value and what the parameter takes.
"""

import enum
import importlib
import inspect
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal
from fractions import Fraction
from functools import cache
from typing import Any, Literal

import attrs
import cattrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ohs_domain
from ohs_domain import (
    DateRange,
    InvalidArgumentError,
    InvalidValueError,
    Money,
    Month,
    Quarter,
    Records,
    Schedule,
    Year,
    demo,
    inspector_pay,
    inspector_pay_for_year,
    key_points,
    kz,
    local_date,
    reward_awards,
    serialization,
    testing,
)
from ohs_domain._arguments import checked, compile_check, is_checked
from tests.builders import REASONS_IN_ENGLISH, demo_company, examples

PUBLIC_MODULES = ["ohs_domain", "ohs_domain.demo", "ohs_domain.kz", "ohs_domain.serialization"]
PUBLIC_MODULES += ["ohs_domain.testing", "ohs_domain.schema", "ohs_domain.cli"]


def _public_callables() -> Iterator[tuple[str, Callable[..., Any]]]:
    """Every public function, and every public method that takes an argument."""
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            value = getattr(module, name)
            if inspect.isfunction(value) and _parameters(value):
                yield f"{module_name.removeprefix('ohs_domain.')}.{name}", value
            # A protocol's methods are signatures for others to implement, never called.
            if inspect.isclass(value) and not getattr(value, "_is_protocol", False):
                for member, attribute in vars(value).items():
                    function = getattr(attribute, "__func__", attribute)
                    public = not member.startswith("_") and inspect.isfunction(function)
                    if public and _parameters(function):
                        yield f"{name}.{member}", getattr(value, member)


def _parameters(function: Callable[..., Any]) -> list[str]:
    names = inspect.signature(getattr(function, "__wrapped__", function)).parameters
    return [n for n in names if n not in ("self", "cls")]


CALLABLES = dict(_public_callables())


def test_every_public_callable_checks_its_arguments() -> None:
    unchecked = [name for name, function in CALLABLES.items() if not is_checked(function)]
    assert unchecked == []


# -- the misuse calls found by trying the library as a new user would -------------------

RECORDS = demo_company()
PAY = demo.INSPECTOR_PAY_POLICY
REWARDS = demo.REWARD_POLICY
NAIVE = datetime(2024, 1, 25, 9, 0)  # noqa: DTZ001 - a naive moment is the point


@pytest.mark.parametrize(
    ("call", "function", "parameter"),
    [
        pytest.param(
            lambda: inspector_pay(RECORDS, quarter=Year(2023), policy=PAY),  # type: ignore[arg-type]
            "inspector_pay",
            "quarter",
            id="a-year-is-not-a-quarter-of-pay",
        ),
        pytest.param(
            lambda: inspector_pay(RECORDS, quarter=Month(2023, 3), policy=PAY),  # type: ignore[arg-type]
            "inspector_pay",
            "quarter",
            id="a-month-is-not-a-quarter-of-pay",
        ),
        pytest.param(
            lambda: inspector_pay(RECORDS, quarter="2023-Q3", policy=PAY),  # type: ignore[arg-type]
            "inspector_pay",
            "quarter",
            id="quarter-as-text-is-not-parsed-silently",
        ),
        pytest.param(
            lambda: inspector_pay_for_year(RECORDS, year=2023, policy=PAY),  # type: ignore[arg-type]
            "inspector_pay_for_year",
            "year",
            id="a-year-number-is-not-a-year",
        ),
        pytest.param(
            lambda: reward_awards(
                RECORDS,
                period=Year(2023),
                paid_on="2024-01-25",  # type: ignore[arg-type]
                policy=REWARDS,
            ),
            "reward_awards",
            "paid_on",
            id="payment-day-as-text",
        ),
        pytest.param(
            lambda: reward_awards(
                RECORDS,
                period=Year(2023),
                paid_on=NAIVE,
                policy=REWARDS,
            ),
            "reward_awards",
            "paid_on",
            id="payment-day-as-a-naive-moment",
        ),
        pytest.param(
            lambda: reward_awards(
                RECORDS,
                period=Year(2023),
                paid_on=date(2024, 1, 25),
                policy=PAY,  # type: ignore[arg-type]
            ),
            "reward_awards",
            "policy",
            id="inspector-pay-policy-for-rewards",
        ),
        pytest.param(
            lambda: key_points(
                RECORDS,
                year=Year(2023),
                as_of=date(2023, 12, 31),
                deadlines=None,  # type: ignore[arg-type]
                inspector_pay_policy=PAY,
                reward_policy=REWARDS,
                paid_on=date(2024, 1, 25),
            ),
            "key_points",
            "deadlines",
            id="key-points-without-deadlines",
        ),
        pytest.param(
            lambda: RECORDS.reports_during(Year(2023)),  # type: ignore[arg-type]
            "Records.reports_during",
            "days",
            id="reports-during-a-year-not-its-range",
        ),
        pytest.param(
            lambda: local_date(datetime(2023, 1, 1, tzinfo=kz.ALMATY), "Asia/Almaty"),  # type: ignore[arg-type]
            "local_date",
            "zone",
            id="zone-as-its-name",
        ),
        pytest.param(
            lambda: serialization.load_json({"amount": "1"}, ohs_domain.Money),  # type: ignore[arg-type]
            "load_json",
            "text",
            id="load-json-of-a-dict",
        ),
    ],
)
def test_a_misuse_is_refused_naming_the_parameter(
    call: Callable[[], object], function: str, parameter: str
) -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        call()
    assert caught.value.function == function
    assert caught.value.field == parameter
    assert str(caught.value).startswith(f"{function}(): {parameter}: got ")


def test_a_year_for_a_quarter_says_what_to_use_instead() -> None:
    with pytest.raises(InvalidArgumentError, match="inspector_pay_for_year"):
        inspector_pay(RECORDS, quarter=Year(2023), policy=PAY)  # type: ignore[arg-type]


def test_the_error_is_a_type_error_and_a_value_error() -> None:
    with pytest.raises(TypeError):
        inspector_pay(RECORDS, quarter="2023-Q3", policy=PAY)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError):
        inspector_pay(RECORDS, quarter="2023-Q3", policy=PAY)  # type: ignore[arg-type]


# -- every public callable, every parameter, a wrong value drawn from ohs_domain.testing --


@cache
def _results() -> tuple[object, ...]:
    points = key_points(
        RECORDS,
        year=Year(2023),
        as_of=date(2023, 12, 31),
        deadlines=demo.ELIMINATION_DEADLINES,
        inspector_pay_policy=PAY,
        reward_policy=REWARDS,
        paid_on=date(2024, 1, 25),
    )
    compared = ohs_domain.year_over_year(points, later=attrs.evolve(points, year=Year(2024)))
    leading = ohs_domain.leading_indicators(
        RECORDS, year=Year(2023), as_of=date(2023, 12, 31), deadlines=demo.ACTION_DEADLINES
    )
    return (
        points,
        points.training,
        points.engagement,
        points.elimination,
        points.inspection,
        points.inspection.total,
        points.elimination.reports,
        points.inspector_pay,
        points.inspector_pay.quarters[0],
        points.rewards,
        points.injuries,
        ohs_domain.reward_awards_partial(
            RECORDS, period=Year(2023), paid_on=date(2024, 1, 25), policy=REWARDS
        ),
        ohs_domain.inspector_pay_partial(RECORDS, quarter=Quarter(2023, 1), policy=PAY),
        ohs_domain.inspector_pay_for_year_partial(RECORDS, year=Year(2023), policy=PAY),
        compared,
        compared.figures[0],
        leading,
        leading.indicators[0],
        ohs_domain.gri_403_9(RECORDS, year=Year(2023)),
        ohs_domain.action_tracking(
            RECORDS, period=Year(2023), as_of=date(2023, 12, 31), deadlines=demo.ACTION_DEADLINES
        ),
    )


def _partials() -> tuple[object, ...]:
    year, end = Year(2023), date(2023, 12, 31)
    return (
        ohs_domain.training_coverage_partial(RECORDS, period=year, as_of=end),
        ohs_domain.engagement_partial(RECORDS, period=year, as_of=end),
        ohs_domain.elimination_partial(
            RECORDS, period=year, as_of=end, deadlines=demo.ELIMINATION_DEADLINES
        ),
        ohs_domain.inspection_activity_partial(RECORDS, period=year),
        ohs_domain.injury_rates_partial(RECORDS, period=year, as_of=end),
        ohs_domain.KeyPointsPartial.empty(
            year=year,
            as_of=end,
            deadlines=demo.ELIMINATION_DEADLINES,
            inspector_pay_policy=PAY,
            reward_policy=REWARDS,
            paid_on=date(2024, 1, 25),
        ),
    )


@cache  # evaluating the demo company's results once, not once per drawn example
def _valid_examples() -> tuple[object, ...]:
    """A value of every type a public parameter takes, the owners of methods first."""
    report = RECORDS.safety_reports[0]
    return (
        RECORDS,
        RECORDS.employees[0],
        RECORDS.inspector_appointments[0],
        RECORDS.trainer_certifications[0],
        report,
        RECORDS.submissions[0],
        RECORDS.violations[0],
        PAY,
        REWARDS,
        REWARDS.tiers,
        REWARDS.weights,
        REWARDS.wage,
        REWARDS.wage.entries[0],
        REWARDS.approved_by,
        demo.ELIMINATION_DEADLINES,
        demo.ACTION_DEADLINES,
        ohs_domain.Term(days=1),
        RECORDS.corrective_actions[0],
        ohs_domain.Tally("fracture", 1),
        ohs_domain.ItemTallies(),
        *_partials(),
        ohs_domain.RankBands((ohs_domain.RankBand(first_rank=1, last_rank=2, multiplier=3),)),
        ohs_domain.ScoreTier(min_score=1, multiplier=3),
        ohs_domain.Money(Decimal(100)),
        ohs_domain.Share(1, 2),
        ohs_domain.Rate(
            name="rate", cases=1, exposure=Fraction(2), exposure_unit="employees", base=1000
        ),
        ohs_domain.Explanation(),
        ohs_domain.Step(description="d", result="r"),
        ohs_domain.Fact(name="n", value=1),
        (ohs_domain.Fact(name="n", value=1),),
        ohs_domain.Message("m"),
        ohs_domain.Problem("$", "m"),
        ohs_domain.InvalidDataError("Records", ()),
        *(case.values[0] for case in REASONS_IN_ENGLISH),
        *_results(),
        Year(2023).range,
        Year(2023),
        Quarter(2023, 3),
        Month(2023, 3),
        date(2023, 12, 31),
        datetime(2023, 12, 31, 12, tzinfo=kz.ALMATY),
        (Month(2023, 1),),
        kz.ALMATY,
        *(
            next(iter(kind))
            for kind in map(vars(ohs_domain).get, ohs_domain.__all__)
            if isinstance(kind, enum.EnumMeta)
        ),
        report.reporter,
        2,
        True,
        {"value": 2023},
        "'2023'",
        "ru",  # a Language
        "department",  # what partition splits by
        ohs_domain.Money,
        testing.texts(),
        cattrs.Converter(),  # an application's converter to configure
        None,
    )


def _wrong_values() -> st.SearchStrategy[object]:
    return st.one_of(
        testing.years(),
        testing.quarters(),
        testing.months(),
        testing.dates(),
        testing.aware_datetimes(),
        st.datetimes(),  # naive
        testing.money(),
        testing.sources(),
        testing.texts(),
        st.integers(),
        st.floats(),
        st.none(),
        st.booleans(),
        st.builds(object),  # what no annotation but Any takes
    )


def _valid_for(function: Callable[..., Any], parameter: inspect.Parameter) -> object:
    if parameter.name == "self":
        inner = getattr(function, "__wrapped__", function)
        owner = getattr(ohs_domain, inner.__qualname__.split(".")[0])
        return next(example for example in _valid_examples() if isinstance(example, owner))
    check = compile_check(_hints(function).get(parameter.name, inspect.Parameter.empty))
    if check is None:
        return object()
    for example in _valid_examples():
        if check.accepts(example):
            return example
    pytest.fail(f"no valid example for {parameter.name} ({check.expected})")  # pragma: no cover


def _hints(function: Callable[..., Any]) -> dict[str, Any]:
    import sys  # noqa: PLC0415 - only here
    import typing  # noqa: PLC0415 - only here

    inner = getattr(function, "__wrapped__", function)
    return typing.get_type_hints(inner, vars(sys.modules[inner.__module__]))


CASES = [
    pytest.param(name, parameter, id=f"{name}-{parameter}")
    for name, function in CALLABLES.items()
    for parameter in _parameters(function)
    if compile_check(_hints(function).get(parameter, inspect.Parameter.empty)) is not None
]


@pytest.mark.parametrize(("name", "parameter"), CASES)
@settings(
    max_examples=examples(0.15)
)  # a wiring test: each parameter of each callable, a few wrong values
@given(data=st.data())
def test_every_parameter_refuses_a_wrong_value_by_name(
    name: str, parameter: str, data: st.DataObject
) -> None:
    function = CALLABLES[name]
    inner = getattr(function, "__wrapped__", function)
    check = compile_check(_hints(function)[parameter])
    assert check is not None
    wrong = data.draw(_wrong_values().filter(lambda v: not check.accepts(v)), label="wrong")
    signature = inspect.signature(inner)
    arguments = {
        p.name: _valid_for(function, p) for p in signature.parameters.values() if p.name != "cls"
    }
    arguments[parameter] = wrong
    owner = arguments.pop("self", None)
    call = getattr(owner, inner.__name__) if owner is not None else function
    positional = [
        arguments.pop(p.name)
        for p in signature.parameters.values()
        if p.kind is inspect.Parameter.POSITIONAL_ONLY and p.name in arguments
    ]
    with pytest.raises(InvalidArgumentError) as caught:
        call(*positional, **arguments)
    assert caught.value.field == parameter
    assert caught.value.value is wrong


# -- the checker itself --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("annotation", "value", "accepted"),
    [
        pytest.param(int, True, False, id="a-bool-is-not-an-int"),
        pytest.param(date, datetime(2023, 1, 1, tzinfo=kz.ALMATY), False, id="a-moment-no-day"),
        pytest.param(datetime, datetime(2023, 1, 1), False, id="a-naive-moment-is-refused"),  # noqa: DTZ001
        pytest.param(Decimal, Decimal("NaN"), False, id="not-a-number-is-no-decimal"),
        pytest.param(DateRange | Year, Quarter(2023, 1), False, id="a-quarter-outside-union"),
        pytest.param(Year | None, None, True, id="none-where-optional"),
        pytest.param(tuple[int, ...], (1, "2"), False, id="tuple-with-a-wrong-item"),
        pytest.param(frozenset[str], frozenset({"a"}), True, id="frozenset-of-text"),
        pytest.param(type[Records], Records, True, id="a-class-for-a-type"),
        pytest.param(timedelta, timedelta(1), True, id="any-other-class-by-isinstance"),
        pytest.param(type[Records], Schedule[Money], True, id="a-generic-alias-for-a-type"),
        pytest.param(
            type[Records],
            Records(time_zone=kz.ALMATY, departments=(), employees=()),
            False,
            id="an-instance-is-no-type",
        ),
        pytest.param(Literal["a", "b"], "c", False, id="a-literal-outside-its-values"),
        pytest.param(Iterable[int], "abc", False, id="text-is-no-iterable-of-items"),
        pytest.param(Iterable[int], [1], True, id="a-list-is-an-iterable"),
        pytest.param(Callable[[int], int], len, True, id="a-function-is-callable"),
    ],
)
def test_an_annotation_accepts_exactly_its_values(
    annotation: object, value: object, accepted: bool
) -> None:
    check = compile_check(annotation)
    assert check is not None
    assert check.accepts(value) is accepted


def test_a_wrapper_keeps_name_signature_defaults_and_positional_only() -> None:
    def scaled(value: int, /, factor: int = 2, *, label: str = "x") -> str:
        """Scale."""
        return f"{label}{value * factor}"

    wrapped = checked(scaled)
    assert wrapped.__name__ == "scaled"
    assert wrapped.__doc__ == "Scale."
    assert wrapped(3) == "x6"
    assert wrapped(3, 3, label="y") == "y9"
    with pytest.raises(InvalidArgumentError, match=r"scaled\(\): factor: got '3' \(str\)"):
        wrapped(3, "3")  # type: ignore[arg-type]


def test_a_hint_is_added_to_what_the_parameter_takes() -> None:
    @checked(hints={"value": "a count of reports"})
    def double(value: int) -> int:
        return 2 * value

    with pytest.raises(InvalidArgumentError, match=r"expected an int \(a count of reports\)"):
        double(1.5)  # type: ignore[arg-type]


def test_star_arguments_cannot_be_checked() -> None:
    def anything(*values: int) -> int:  # pragma: no cover - never called
        return len(values)

    with pytest.raises(TypeError, match="cannot check"):
        checked(anything)


def test_an_annotation_that_admits_anything_checks_nothing() -> None:
    assert compile_check(int | Any) is None
    assert compile_check(Any) is None


def test_a_check_shows_what_it_takes_and_lists_say_what_their_items_are() -> None:
    check = compile_check(tuple[int | None, ...])
    assert check is not None
    assert repr(check) == "<Check a tuple of items that are each None or an int>"


# -- constructors: every field of every public class refuses what its annotation does not take --


def _instances() -> dict[type, object]:
    found: dict[type, object] = {}
    for example in _valid_examples():
        if attrs.has(type(example)):
            found.setdefault(type(example), example)
    return found


FIELD_CASES = [
    pytest.param(kind, field.name, id=f"{kind.__name__}-{field.name}")
    for kind, example in _instances().items()
    for field in attrs.fields(kind)
    if field.init and compile_check(_hints(kind).get(field.name)) is not None
]


@pytest.mark.parametrize(("kind", "field"), FIELD_CASES)
def test_every_field_of_a_public_class_refuses_a_value_of_another_type(
    kind: type, field: str
) -> None:
    example = _instances()[kind]
    with pytest.raises(ohs_domain.OhsDomainError):
        attrs.evolve(example, **{field: object()})  # type: ignore[misc]


def test_a_result_built_by_hand_is_checked_like_an_argument() -> None:
    (awards,) = (r for r in _results() if isinstance(r, ohs_domain.RewardAwards))
    award = awards.awards[0]
    with pytest.raises(InvalidArgumentError, match=r"^Award\(\): score: got '3' \(str\)"):
        attrs.evolve(award, score="3")  # type: ignore[arg-type]  # a wrong type is the point


def test_a_field_check_says_whose_annotation_it_reads() -> None:
    validator = attrs.fields(ohs_domain.Award).score.validator
    assert repr(validator) == "<field score of Award as annotated>"
