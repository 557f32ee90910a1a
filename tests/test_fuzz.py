"""Fuzzing the edge: any JSON-like input gives a value or the library's error, never another.

The ``ci`` profile runs a bounded number of examples; the ``fuzz`` profile at
least 100,000 per test (``HYPOTHESIS_PROFILE=fuzz python3 -m pytest tests/test_fuzz.py``).
"""

import json
import math
from datetime import timedelta
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ohs_domain
from ohs_domain import (
    Entry,
    InspectorPayPolicy,
    InvalidDataError,
    Money,
    Records,
    RewardPolicy,
    SafetyReport,
    Schedule,
    Submission,
    TrainingSession,
    demo,
    serialization,
    testing,
)
from tests.builders import demo_company

HANG = settings(deadline=timedelta(seconds=5))
"""Any example slower than this fails as a hang (the slowest seen: 0.15 s, a drawn bundle)."""

# A deadline is checked only when an example returns; one that never returns fails its test
# through pytest-timeout (0.2 s per example on average, plus a minute). Only a loop inside C
# code that holds the GIL (a regular expression backtracking) is beyond any in-process timer;
# the edge's patterns have no nested repetition to backtrack through, and CI's limit remains.
pytestmark = pytest.mark.timeout(60 + 0.2 * settings().max_examples)

GENERIC = {"Schedule": Schedule[Money], "Entry": Entry[Money]}
TYPES: list[Any] = [
    GENERIC.get(name, getattr(ohs_domain, name))
    for name in ohs_domain.__all__
    # Message and Problem hold text to render (a message id and its values), not data to load.
    if (attrs.has(getattr(ohs_domain, name)) and name not in ("Message", "Problem"))
    or name in ("Quarter", "Month", "Year", "DateRange")
]
"""Every public type the edge loads: values, domain objects, policies, results."""

HOSTILE_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=10**30, max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(
        [
            "NaN",
            "Infinity",
            "-Infinity",
            "sNaN",
            "1e999999",
            "1" * 5_000,
            "2023-02-30",
            "2023-12-31T23:30:00",
            "2023-Q5",
            "kz.MINIMUM_WAGE",
            "Asia/Nowhere",
            "../../etc/passwd",
            "P99999999D",
            "1/0",
            "x" * 200_000,
        ]
    ),
)
JSON_LIKE = st.recursive(
    HOSTILE_SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(st.text(max_size=12), children, max_size=5),
    ),
    max_leaves=40,
)


def _valid_shapes() -> dict[str, Any]:
    # One valid part of the demo company (about 400 records, every kind the edge checks
    # across records): a mutation of it is checked in milliseconds, not seconds.
    company = demo_company()
    parts = ohs_domain.partition(company, by="employee", group=lambda key: key[-2:])
    small = serialization.dump(parts["28"])
    small["hours_worked"] = serialization.dump(company)["hours_worked"][:12]
    return {
        "records": small,
        "reward_policy": serialization.dump(demo.REWARD_POLICY),
        "inspector_pay_policy": serialization.dump(demo.INSPECTOR_PAY_POLICY),
    }


VALID = _valid_shapes()


def _refusal(load: Any, data: object, kind: Any) -> InvalidDataError | None:
    """Load ``data``; return the library's error, if that is the outcome."""
    try:
        load(data, kind)
    except InvalidDataError as error:
        return error
    return None


def _load_or_library_error(data: object, kind: Any) -> None:
    error = _refusal(serialization.load, data, kind)
    if error is None:
        # The fast converter (reports and their histories read by hand) accepts exactly
        # what the detailed one accepts, as the same value.
        fast = serialization._FAST.structure(data, kind)
        assert serialization.dump(serialization._DETAILED.structure(data, kind)) == (
            serialization.dump(fast)
        )
    else:
        assert error.problems
        for problem in error.problems:
            assert problem.path.startswith("$")
            assert problem.message
            assert "invalid value" not in problem.message


@pytest.mark.parametrize("kind", TYPES, ids=lambda kind: getattr(kind, "__name__", str(kind)))
@HANG
@given(data=JSON_LIKE)
def test_arbitrary_json_gives_a_value_or_the_library_error(kind: Any, data: object) -> None:
    _load_or_library_error(data, kind)


def _mutate(value: Any, data: st.DataObject, depth: int = 0) -> Any:
    """Replace one random part of a valid shape with something hostile."""
    if isinstance(value, dict) and value and depth < 6:
        key = data.draw(st.sampled_from(sorted(value)))
        copied: dict[Any, Any] = dict(value)
        choice = data.draw(st.integers(0, 9))
        if choice == 0:
            del copied[key]
        elif choice == 1:
            copied[data.draw(st.text(max_size=8))] = data.draw(JSON_LIKE)
        elif choice < 5:
            copied[key] = data.draw(JSON_LIKE)
        else:
            copied[key] = _mutate(value[key], data, depth + 1)
        return copied
    if isinstance(value, list) and value and depth < 6:
        index = data.draw(st.integers(0, len(value) - 1))
        copy = list(value)
        choice = data.draw(st.integers(0, 5))
        if choice == 0:
            copy.append(copy[index])  # a duplicate: same id twice
        elif choice == 1:
            copy[index] = data.draw(JSON_LIKE)
        else:
            copy[index] = _mutate(value[index], data, depth + 1)
        return copy
    return data.draw(JSON_LIKE)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("records", Records),
        ("reward_policy", RewardPolicy),
        ("inspector_pay_policy", InspectorPayPolicy),
    ],
)
def test_the_valid_starting_points_load(name: str, kind: Any) -> None:
    assert isinstance(serialization.load(VALID[name], kind), kind)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("records", Records),
        ("reward_policy", RewardPolicy),
        ("inspector_pay_policy", InspectorPayPolicy),
    ],
)
@HANG
@given(data=st.data())
def test_mutated_valid_data_gives_a_value_or_the_library_error(
    name: str, kind: Any, data: st.DataObject
) -> None:
    mutated = _mutate(VALID[name], data)
    _load_or_library_error(mutated, kind)


@pytest.mark.parametrize(
    ("strategy", "kind"),
    [
        (testing.records(), Records),
        (testing.reward_policies(), RewardPolicy),
        (testing.inspector_pay_policies(), InspectorPayPolicy),
        (testing.safety_reports(), SafetyReport),
        (testing.training_sessions(), TrainingSession),
        (testing.submissions(), Submission),
    ],
    ids=lambda value: getattr(value, "__name__", "drawn"),
)
@HANG
@given(data=st.data())
def test_mutated_drawn_values_give_a_value_or_the_library_error(
    strategy: st.SearchStrategy[Any], kind: Any, data: st.DataObject
) -> None:
    valid = serialization.dump(data.draw(strategy))
    _load_or_library_error(_mutate(valid, data), kind)


def test_deeply_nested_data_is_refused_cleanly() -> None:
    nested: Any = "2023-Q4"
    for _ in range(100_000):
        nested = [nested]
    with pytest.raises(InvalidDataError):
        serialization.load({"entries": nested, "name": "x"}, Schedule[Money])


@HANG
@given(st.text(max_size=200))
def test_arbitrary_json_text_gives_a_value_or_the_library_error(text: str) -> None:
    error = _refusal(serialization.load_json, text, Money)
    assert error is None or error.problems


@HANG
@given(st.text(max_size=200))
def test_arbitrary_toml_text_gives_a_value_or_the_library_error(text: str) -> None:
    error = _refusal(serialization.load_toml, text, RewardPolicy)
    assert error is None or error.problems


def test_nan_and_infinity_never_become_money() -> None:
    for text in ("NaN", "Infinity", "-Infinity", "1e999999"):
        with pytest.raises(InvalidDataError):
            serialization.load({"amount": text, "currency": "KZT"}, Money)
    with pytest.raises(InvalidDataError):
        serialization.load_json('{"amount": NaN, "currency": "KZT"}', Money)
    assert math.isnan(float("nan"))  # the JSON above is what a careless exporter writes


def test_the_edge_uses_no_pickle_eval_or_dynamic_import() -> None:
    from pathlib import Path  # noqa: PLC0415

    source = Path(ohs_domain.__file__).parent
    for path in source.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        # (The docs may say that results pickle; no module imports or calls pickle.)
        for forbidden in ("import pickle", "pickle.", "eval(", "exec(", "__import__", "importlib"):
            if (path.name, forbidden) == ("_arguments.py", "exec("):
                # As attrs does for __init__: the text it runs is generated from the
                # library's own signatures when a module is imported, never from data.
                assert text.count("exec(") == 1
                continue
            if (path.name, forbidden) == ("__init__.py", "importlib"):
                # The version, read from the installed package's metadata: nothing imported.
                assert text.count("importlib") == 1
                assert "from importlib.metadata import version as _version" in text
                continue
            assert forbidden not in text, f"{path.name} uses {forbidden}"
    assert json.loads("[]") == []
