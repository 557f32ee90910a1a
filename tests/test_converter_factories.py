"""The edge's factories, built anew: they give the converters the module built at import.

`ohs_domain.serialization` builds its two converters once, when it is imported,
and `_rewards` builds its bound checks when its classes are defined. A test of
`load` alone therefore cannot tell a wrong factory from a right one that ran
earlier (mutation testing swaps code in after import). These tests call the
factories again and require the same behaviour on every kind of value the
edge converts, valid and invalid.
"""

from __future__ import annotations

import contextlib
from datetime import date
from typing import Any

import attrs
import cattrs
import pytest

from ohs_domain import (
    InvalidDataError,
    InvalidValueError,
    Money,
    Quarter,
    RankBand,
    Records,
    Schedule,
    Year,
    demo,
    key_points,
    kz,
    serialization,
)
from ohs_domain._checks import at_least
from tests.test_edge_messages import SET, SET_ORDER, PlainColour
from tests.test_serialization import PROBLEMS, SAMPLE, SAMPLE_DATA, Sample


def _fresh(*, detailed: bool) -> cattrs.Converter:
    # Built inside each test, never cached: the test itself must run the factory.
    return serialization._make_converter(detailed=detailed)


def _load_with_fresh(data: object, kind: Any) -> Any:
    """What `serialization.load` does, with converters built by the test."""
    with contextlib.suppress(Exception):  # any failure is re-run in detail, as load does
        return _fresh(detailed=False).structure(data, kind)
    try:
        return _fresh(detailed=True).structure(data, kind)
    except Exception as error:
        raise InvalidDataError(
            getattr(kind, "__name__", str(kind)), serialization._problems(error, "$")
        ) from None


def _small_company() -> Records:
    records = demo.build_records()
    return attrs.evolve(
        records,
        employees=records.employees,
        safety_reports=records.safety_reports[:300],
        training_sessions=records.training_sessions[:5],
        corrective_actions=[a for a in records.corrective_actions if a.report is None][:20],
    )


@pytest.fixture(scope="module")
def company() -> Records:
    return _small_company()


VALUES: list[Any] = [
    pytest.param(SAMPLE, Sample, id="sample-of-every-scalar"),
    pytest.param(demo.REWARD_POLICY, type(demo.REWARD_POLICY), id="reward-policy"),
    pytest.param(demo.INSPECTOR_PAY_POLICY, type(demo.INSPECTOR_PAY_POLICY), id="pay-policy"),
    pytest.param(demo.ELIMINATION_DEADLINES, type(demo.ELIMINATION_DEADLINES), id="deadlines"),
    pytest.param(kz.MINIMUM_WAGE, Schedule[Money], id="public-schedule"),
    pytest.param(Quarter(2023, 4), Quarter, id="quarter"),
    pytest.param(Year(2023), Year, id="year"),
]


@pytest.mark.parametrize(("value", "kind"), VALUES)
def test_a_converter_built_anew_dumps_and_loads_like_the_edge(value: Any, kind: Any) -> None:
    dumped = serialization.dump(value)

    assert _fresh(detailed=False).unstructure(value) == dumped
    assert _fresh(detailed=True).unstructure(value) == dumped
    assert _load_with_fresh(dumped, kind) == value
    # Both paths accept valid data on their own: the detailed one is only for reporting.
    assert _fresh(detailed=False).structure(dumped, kind) == value
    assert _fresh(detailed=True).structure(dumped, kind) == value


def test_a_converter_built_anew_loads_a_whole_company(company: Records) -> None:
    dumped = serialization.dump(company)

    assert _fresh(detailed=False).unstructure(company) == dumped
    assert _load_with_fresh(dumped, Records) == company
    assert _fresh(detailed=False).structure(dumped, Records) == company
    assert _fresh(detailed=True).structure(dumped, Records) == company


def test_a_converter_built_anew_dumps_results_like_the_edge(company: Records) -> None:
    points = key_points(
        company,
        year=Year(2023),
        as_of=date(2023, 12, 31),
        deadlines=demo.ELIMINATION_DEADLINES,
        inspector_pay_policy=demo.INSPECTOR_PAY_POLICY,
        reward_policy=demo.REWARD_POLICY,
        paid_on=date(2024, 1, 25),
    )

    assert _fresh(detailed=False).unstructure(points) == serialization.dump(points)


def test_a_public_schedule_loads_by_name_through_a_converter_built_anew() -> None:
    assert _load_with_fresh("kz.MINIMUM_WAGE", Schedule[Money]) is kz.MINIMUM_WAGE


def test_sample_data_loads_through_a_converter_built_anew() -> None:
    assert _load_with_fresh(SAMPLE_DATA, Sample) == SAMPLE


@pytest.mark.parametrize(("data", "kind", "path", "fragment"), PROBLEMS)
def test_a_converter_built_anew_reports_the_same_problems(
    data: object, kind: Any, path: str, fragment: str
) -> None:
    with pytest.raises(InvalidDataError) as expected:
        serialization.load(data, kind)
    with pytest.raises(InvalidDataError) as fresh:
        _load_with_fresh(data, kind)

    assert fresh.value.problems == expected.value.problems
    assert fresh.value.problems[0].path == path
    assert fragment in fresh.value.problems[0].message


def test_every_bad_record_of_a_company_is_reported_through_a_converter_built_anew(
    company: Records,
) -> None:
    data = serialization.dump(company)
    data["employees"][0]["hired_on"] = "2021-02-30"
    data["safety_reports"][3]["reported_at"] = "2023-05-04T10:00:00"
    data["safety_reports"][4]["kind"] = "rumour"
    data["submissions"][0]["violations"] = ["V-0000001", "V-0000001"]

    with pytest.raises(InvalidDataError) as fresh:
        _load_with_fresh(data, Records)
    with pytest.raises(InvalidDataError) as expected:
        serialization.load(data, Records)

    assert fresh.value.problems == expected.value.problems
    assert [p.path for p in fresh.value.problems] == [
        "$.employees[0].hired_on",
        "$.safety_reports[3].reported_at",
        "$.safety_reports[4].kind",
        "$.submissions[0].violations",
    ]


def test_a_converter_built_anew_reads_a_fixed_length_tuple_item_by_item() -> None:
    assert _load_with_fresh([1, "a"], tuple[int, str]) == (1, "a")
    with pytest.raises(InvalidDataError) as caught:
        _load_with_fresh([1], tuple[int, str])
    (only,) = caught.value.problems
    assert only.message == "got [1] (list); expected a list of 2 items"


def test_a_converter_built_anew_dumps_a_set_in_the_order_of_its_items_json_text() -> None:
    for detailed in (False, True):
        assert _fresh(detailed=detailed).unstructure(SET) == SET_ORDER


def test_a_converter_built_anew_reads_a_callers_plain_enum_by_value() -> None:
    assert _load_with_fresh("red", PlainColour) is PlainColour.RED
    with pytest.raises(InvalidDataError) as caught:
        _load_with_fresh("blue", PlainColour)
    assert [str(p) for p in caught.value.problems] == ["$: got 'blue' (str); expected one of 'red'"]


def test_the_two_converters_are_configured_alike() -> None:
    for detailed in (False, True):
        converter = _fresh(detailed=detailed)
        assert converter.detailed_validation is detailed
        assert converter.forbid_extra_keys is True


# --- Bound checks built when a class is defined -----------------------------------------------


@attrs.define
class _Owner:
    low: int


@pytest.mark.parametrize("value", [3, 4, None], ids=["equal", "above", "unset"])
def test_a_bound_check_accepts_a_value_at_or_above_its_bound(value: int | None) -> None:
    check = at_least("low")

    check(_Owner(3), attrs.fields(RankBand).last_rank, value)  # no error


def test_a_bound_check_names_the_field_the_value_and_the_bound() -> None:
    check = at_least("low")

    with pytest.raises(InvalidValueError) as caught:
        check(_Owner(3), attrs.fields(RankBand).last_rank, 2)

    assert (caught.value.field, caught.value.value) == ("last_rank", 2)
    assert caught.value.expected == "at least low (3)"
