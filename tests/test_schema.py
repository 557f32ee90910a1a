from datetime import date, datetime, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ohs_domain import (
    EliminationDeadlines,
    InspectorPayPolicy,
    InvalidDataError,
    Month,
    Quarter,
    Records,
    RewardPolicy,
    Year,
    _periods,
    demo,
    partition,
    schema,
    serialization,
    testing,
)
from tests.builders import demo_company, demo_key_points, examples

RECORDS = demo_company()
POINTS = demo_key_points()


def validator(kind: type) -> jsonschema.Draft202012Validator:
    document = schema.json_schema(kind)
    jsonschema.Draft202012Validator.check_schema(document)
    return jsonschema.Draft202012Validator(document)


def problems(kind: type, data: Any) -> list[str]:
    return [f"{e.json_path}: {e.message}" for e in validator(kind).iter_errors(data)]


@pytest.mark.parametrize(
    "value",
    [
        # One department, every kind of record (the whole company: ajv in .ci/run).
        pytest.param(partition(RECORDS, by="department")["D-CHP1"], id="a-department-of-the-demo"),
        pytest.param(demo.INSPECTOR_PAY_POLICY, id="the-pay-policy"),
        pytest.param(demo.REWARD_POLICY, id="the-reward-policy"),
        pytest.param(demo.ELIMINATION_DEADLINES, id="the-deadlines"),
        pytest.param(POINTS, id="the-key-points-of-2023"),
        pytest.param(POINTS.inspector_pay, id="a-year-of-pay"),
        pytest.param(POINTS.inspector_pay.quarters[2], id="a-quarter-of-pay-with-an-unpaid-line"),
        pytest.param(POINTS.rewards, id="the-reward-awards"),
    ],
)
def test_every_published_kind_describes_what_dump_writes(value: object) -> None:
    assert problems(type(value), serialization.dump(value)) == []


def test_every_published_kind_is_a_valid_2020_12_schema() -> None:
    for kind in schema.TYPES:
        document = schema.json_schema(kind)
        assert document["$schema"] == schema.DIALECT
        jsonschema.Draft202012Validator.check_schema(document)


@given(
    st.one_of(
        testing.employees(),
        testing.departments(),
        testing.inspector_appointments(),
        testing.training_sessions(),
        testing.safety_reports(),
        testing.violations(),
        testing.submissions(),
        testing.work_injuries(),
        testing.hours_worked(),
        testing.elimination_deadlines(),
        testing.inspector_pay_policies(),
        testing.reward_policies(),
        testing.explanations(),
        testing.pay_reasons(),
    )
)
@settings(max_examples=examples(1.5), deadline=None)
def test_a_dump_of_anything_drawn_validates(value: Any) -> None:
    assert problems(type(value), serialization.dump(value)) == []


def _deadlines(**change: object) -> dict[str, object]:
    return {**serialization.dump(demo.ELIMINATION_DEADLINES), **change}


def _policy(**change: object) -> dict[str, object]:
    return {**serialization.dump(demo.REWARD_POLICY), **change}


@pytest.mark.parametrize(
    ("kind", "data"),
    [
        pytest.param(EliminationDeadlines, _deadlines(high="3 days"), id="a-duration-in-words"),
        pytest.param(EliminationDeadlines, _deadlines(low=30), id="a-duration-as-a-number"),
        pytest.param(EliminationDeadlines, _deadlines(urgent="P1D"), id="an-unknown-field"),
        pytest.param(
            RewardPolicy, _policy(tiers={"basis": "ranks", "tiers": []}), id="unknown-basis"
        ),
        pytest.param(RewardPolicy, _policy(min_score=1.5), id="a-float-for-a-count"),
        pytest.param(RewardPolicy, _policy(wage="kz.MAXIMUM_WAGE"), id="an-unknown-schedule"),
        pytest.param(
            InspectorPayPolicy,
            {**serialization.dump(demo.INSPECTOR_PAY_POLICY), "partial_quarter": "half"},
            id="an-unknown-choice",
        ),
        pytest.param(
            Records,
            {"time_zone": "Asia/Almaty", "departments": [], "employees": [{"id": "E-1"}]},
            id="an-employee-without-department",
        ),
        pytest.param(
            Records,
            {
                **serialization.dump(RECORDS),
                "safety_reports": [
                    {
                        **serialization.dump(RECORDS.safety_reports[0]),
                        "reported_at": "2023-12-31T23:30:00",
                    }
                ],
            },
            id="a-moment-without-offset",
        ),
    ],
)
def test_what_the_schema_refuses_load_refuses(kind: type, data: Any) -> None:
    assert problems(kind, data)
    with pytest.raises(InvalidDataError):
        serialization.load(data, kind)


@pytest.mark.parametrize(
    ("kind", "good", "bad"),
    [
        pytest.param(Quarter, "2023-Q4", "2023-Q5", id="quarter"),
        pytest.param(Month, "2023-11", "2023-13", id="month"),
        pytest.param(Year, 2023, "2023", id="year"),
        pytest.param(timedelta, "P3D", "PT", id="duration"),
        pytest.param(timedelta, "PT24H", "P", id="duration-in-hours"),
        pytest.param(Fraction, "2699/2", "2699/2.5", id="fraction"),
        pytest.param(Decimal, "15000.50", 15000.5, id="decimal"),
        pytest.param(date, "2023-12-31", "31.12.2023", id="date"),
        pytest.param(datetime, "2023-12-31T23:30:00+06:00", "2023-12-31T23:30:00", id="moment"),
    ],
)
def test_a_value_schema_takes_the_edge_form_and_refuses_what_load_refuses(
    kind: type, good: object, bad: object
) -> None:
    assert "$defs" not in schema.json_schema(kind)
    assert problems(kind, good) == []
    serialization.load(good, kind)
    assert problems(kind, bad)
    with pytest.raises(InvalidDataError):
        serialization.load(bad, kind)


# The edge's own patterns: the texts load reads are drawn from them.
EDGE_PATTERNS = {
    date: serialization._DATE,
    datetime: serialization._DATETIME,
    timedelta: serialization._DURATION,
    Fraction: serialization._FRACTION,
    Decimal: serialization._DECIMAL,
    Quarter: _periods._QUARTER,
    Month: _periods._MONTH,
}


# A day or a moment drawn from the pattern alone is seldom a real one: draw real ones,
# written in any form the pattern allows (seconds, fractions, offsets with seconds).
_DAY_TEXT = st.dates().map(date.isoformat)
_MOMENT_TEXT = st.builds(
    lambda moment, spec, offset: moment.isoformat(timespec=spec) + offset,
    st.datetimes(),
    st.sampled_from(["minutes", "seconds", "milliseconds", "microseconds"]),
    st.one_of(
        st.just("Z"),
        st.builds(
            lambda sign, hours, minutes, seconds: f"{sign}{hours:02}:{minutes:02}{seconds}",
            st.sampled_from("+-"),
            st.integers(0, 23),
            st.integers(0, 59),
            st.sampled_from(["", ":48", ":00"]),
        ),
    ),
)
REAL: dict[type, st.SearchStrategy[str]] = {date: _DAY_TEXT, datetime: _MOMENT_TEXT}


@pytest.mark.parametrize("kind", EDGE_PATTERNS, ids=lambda kind: kind.__name__)
@given(data=st.data())
@settings(max_examples=examples(1), deadline=None)
def test_text_that_load_reads_the_schema_lets_through(kind: type, data: st.DataObject) -> None:
    text = data.draw(
        st.one_of(
            st.from_regex(EDGE_PATTERNS[kind], fullmatch=True),
            REAL.get(kind, st.nothing()),
            st.text(max_size=12),
        )
    )
    try:
        serialization.load(text, kind)
    except InvalidDataError:
        return
    assert problems(kind, text) == []
