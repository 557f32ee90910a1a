"""Injury rates: LTIFR, TRIFR, TRIR, DART, Кч, Кт and days without injury.

Expected figures are worked out by hand from the definition; comments show the arithmetic.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime
from decimal import Decimal
from fractions import Fraction

import pytest

from ohs_domain import (
    DateRange,
    InjurySeverity,
    InvalidValueError,
    Month,
    Period,
    Quarter,
    Records,
    WorkInjury,
    Year,
    injury_rates,
)
from tests.builders import (
    appointment,
    employee,
    injury,
    monthly_hours,
    records,
)

YEAR = Year(2023)
END_OF_2023 = date(2023, 12, 31)
STAFF = [employee(f"P-{n}") for n in range(1, 4)]
INSPECTORS = [appointment("P-1", date(2022, 1, 1), date(2025, 1, 1))]


# Hours: 30,000 a month in D-1 and 10,000 in D-2, 480,000 in 2023.
# Headcount: E-01..E-10 all year, N-01 from 1 July (184 days): (10 × 365 + 184) ÷ 365 = 3834/365.
INJURIES = [
    injury("I-0", date(2022, 12, 30), InjurySeverity.LOST_TIME, worker="E-08", days_lost=9),
    injury("I-1", date(2023, 1, 15), InjurySeverity.FATAL, worker="E-01"),
    injury("I-2", date(2023, 3, 3), InjurySeverity.SEVERE, worker="E-02", days_lost=60),
    injury("I-3", date(2023, 5, 5), InjurySeverity.LOST_TIME, worker="E-03", days_lost=10),
    injury("I-4", date(2023, 7, 7), InjurySeverity.LOST_TIME, worker="N-01", days_lost=20),
    injury("I-5", date(2023, 8, 8), InjurySeverity.RESTRICTED_WORK, worker="E-04", days_lost=5),
    injury("I-6", date(2023, 11, 30), InjurySeverity.MEDICAL_TREATMENT, worker="E-05"),
    injury("I-7", date(2023, 12, 20), InjurySeverity.FIRST_AID, worker="E-06"),
    injury("I-8", date(2023, 2, 2), InjurySeverity.FIRST_AID, worker="E-07"),
    injury("I-9", date(2024, 1, 5), InjurySeverity.LOST_TIME, worker="E-09", days_lost=3),
]


def _injured(injuries: Iterable[WorkInjury] = INJURIES, *, hours: bool = True) -> Records:
    staff = [employee(f"E-{n:02d}") for n in range(1, 11)]
    staff.append(employee("N-01", hired_on=date(2023, 7, 1)))
    worked = [
        *monthly_hours(2023, 30_000),
        *monthly_hours(2023, 10_000, department="D-2"),
        *monthly_hours(2022, 99_999),
    ]
    return records(employees=staff, injuries=injuries, hours_worked=worked if hours else [])


@pytest.fixture(scope="module")
def rates_2023() -> tuple[Records, date]:
    return _injured(), END_OF_2023


RATE_CASES = [
    # 4 lost-time injuries (fatal, severe, two lost time) × 1,000,000 ÷ 480,000.
    pytest.param("ltifr", Fraction(25, 3), "8.33", id="ltifr"),
    # 6 recordable (all but first aid) × 1,000,000 ÷ 480,000.
    pytest.param("trifr", Fraction(25, 2), "12.50", id="trifr"),
    # 6 recordable × 200,000 ÷ 480,000.
    pytest.param("trir", Fraction(5, 2), "2.50", id="trir"),
    # 4 days-away-restricted-transfer (severe, two lost time, restricted) × 200,000 ÷ 480,000.
    pytest.param("dart", Fraction(5, 3), "1.67", id="dart"),
    # 4 lost-time cases × 1,000 ÷ (3834/365) = 1,460,000 ÷ 3,834 = 380.803…
    pytest.param("incidence", Fraction(1_460_000, 3_834), "380.80", id="ilo-incidence"),
    pytest.param("kch", Fraction(1_460_000, 3_834), "380.80", id="kch"),
    # (60 + 10 + 20) days lost ÷ 3 non-fatal lost-time accidents.
    pytest.param("kt", Fraction(30), "30.00", id="kt"),
]


@pytest.mark.parametrize(("name", "value", "rounded"), RATE_CASES)
def test_injury_rates_against_hand_computed_values(
    rates_2023: tuple[Records, date], name: str, value: Fraction, rounded: str
) -> None:
    data, as_of = rates_2023

    rate = getattr(injury_rates(data, period=YEAR, as_of=as_of), name)

    assert rate.value == value
    assert rate.rounded() == Decimal(rounded)


def test_injury_rates_state_their_base(rates_2023: tuple[Records, date]) -> None:
    data, as_of = rates_2023

    rates = injury_rates(data, period=YEAR, as_of=as_of)

    assert [str(rate) for rate in rates.rates] == [
        "LTIFR: 8.33 per 1,000,000 hours worked (4 cases × 1,000,000 ÷ 480,000 hours worked)",
        "TRIFR: 12.50 per 1,000,000 hours worked (6 cases × 1,000,000 ÷ 480,000 hours worked)",
        "TRIR: 2.50 per 200,000 hours worked (6 cases × 200,000 ÷ 480,000 hours worked)",
        "DART: 1.67 per 200,000 hours worked (4 cases × 200,000 ÷ 480,000 hours worked)",
        "ILO incidence rate: 380.80 per 1,000 average employees "
        "(4 cases × 1,000 ÷ 10.50 average employees)",
        "Кч: 380.80 per 1,000 average employees (4 cases × 1,000 ÷ 10.50 average employees)",
        "Кт: 30.00 (90 days lost ÷ 3 accidents)",
    ]
    assert rates.hours == Decimal(480_000)
    assert rates.average_headcount == Fraction(3834, 365)
    assert (rates.period, rates.as_of) == (YEAR.range, END_OF_2023)


@pytest.mark.parametrize(
    ("as_of", "last", "days"),
    [
        # I-7 on 20 December is first aid, not recordable: the last is I-6 on 30 November.
        pytest.param(END_OF_2023, date(2023, 11, 30), 31, id="first-aid-does-not-reset-the-count"),
        pytest.param(
            date(2024, 1, 10), date(2024, 1, 5), 5, id="counted-to-as-of-after-the-period"
        ),
        pytest.param(date(2023, 1, 10), date(2022, 12, 30), 11, id="from-before-the-period"),
        pytest.param(date(2023, 11, 30), date(2023, 11, 30), 0, id="injury-on-as-of-is-day-zero"),
    ],
)
def test_days_without_injury(as_of: date, last: date, days: int) -> None:
    rates = injury_rates(_injured(), period=YEAR, as_of=as_of)

    assert (rates.last_recordable_injury, rates.days_without_injury) == (last, days)


def test_no_recordable_injury_on_record_leaves_days_without_injury_undefined() -> None:
    only_first_aid = [injury("I-1", date(2023, 2, 2), InjurySeverity.FIRST_AID)]

    rates = injury_rates(_injured(only_first_aid), period=YEAR, as_of=END_OF_2023)

    assert (rates.last_recordable_injury, rates.days_without_injury) == (None, None)


def test_no_hours_leaves_the_hour_rates_undefined_not_zero() -> None:
    rates = injury_rates(_injured(hours=False), period=YEAR, as_of=END_OF_2023)

    for rate in (rates.ltifr, rates.trifr, rates.trir, rates.dart):
        assert rate.value is None
        assert rate.rounded() is None
        assert "undefined" in str(rate)
    assert str(rates.ltifr) == (
        "LTIFR: undefined per 1,000,000 hours worked (4 cases × 1,000,000 ÷ 0 hours worked)"
    )


def test_no_people_leaves_the_people_rates_undefined_not_zero() -> None:
    data = records(employees=[employee("E-01", hired_on=date(2024, 1, 1))])

    rates = injury_rates(data, period=YEAR, as_of=END_OF_2023)

    assert rates.average_headcount == 0
    for rate in rates.rates:
        assert rate.value is None
        assert "undefined" in str(rate)
    assert str(rates.kt) == "Кт: undefined (0 days lost ÷ 0 accidents)"


def test_no_injuries_with_hours_worked_is_zero() -> None:
    rates = injury_rates(_injured([]), period=YEAR, as_of=END_OF_2023)

    assert [rate.value for rate in rates.rates[:6]] == [0] * 6
    assert rates.kt.value is None  # no accident to divide the days lost by
    assert str(rates.ltifr) == (
        "LTIFR: 0.00 per 1,000,000 hours worked (0 cases × 1,000,000 ÷ 480,000 hours worked)"
    )


def test_a_single_case_reads_singular() -> None:
    one = [injury("I-1", date(2023, 5, 5), InjurySeverity.LOST_TIME, days_lost=18)]

    rates = injury_rates(_injured(one), period=Quarter(2023, 2), as_of=date(2023, 6, 30))

    # 1 × 1,000,000 ÷ 120,000 hours of the quarter.
    assert str(rates.ltifr) == (
        "LTIFR: 8.33 per 1,000,000 hours worked (1 case × 1,000,000 ÷ 120,000 hours worked)"
    )
    assert str(rates.kt) == "Кт: 18.00 (18 days lost ÷ 1 accidents)"


@pytest.mark.parametrize(
    "period",
    [
        pytest.param(DateRange(date(2023, 1, 15), date(2023, 2, 1)), id="starting-mid-month"),
        pytest.param(DateRange(date(2023, 1, 1), date(2023, 1, 15)), id="ending-mid-month"),
        pytest.param(DateRange(date(2023, 1, 1), date(2023, 1, 1)), id="no-days"),
    ],
)
def test_a_period_that_is_not_whole_months_is_an_error(period: DateRange) -> None:
    with pytest.raises(InvalidValueError) as raised:
        injury_rates(_injured(), period=period, as_of=END_OF_2023)

    assert raised.value.field == "period"
    assert "whole months" in raised.value.expected


@pytest.mark.parametrize(
    ("period", "hours"),
    [
        pytest.param(Month(2023, 2), Decimal(40_000), id="a-month"),
        pytest.param(DateRange(date(2023, 2, 1), date(2023, 5, 1)), Decimal(120_000), id="months"),
    ],
)
def test_whole_months_are_a_period(period: Period, hours: Decimal) -> None:
    assert injury_rates(_injured(), period=period, as_of=END_OF_2023).hours == hours


def test_injury_rates_need_an_as_of_day() -> None:
    with pytest.raises(InvalidValueError) as raised:
        injury_rates(_injured(), period=YEAR, as_of=datetime(2023, 12, 31, tzinfo=UTC))

    assert raised.value.field == "as_of"


def test_injury_rates_refuse_an_as_of_the_calendar_cannot_follow() -> None:
    bundle = records(employees=[employee("E-1")])

    with pytest.raises(InvalidValueError) as raised:
        injury_rates(bundle, period=YEAR, as_of=date.max)

    assert raised.value.field == "as_of"


def test_a_period_not_of_whole_months_is_named_with_the_reason() -> None:
    days = DateRange(date(2023, 1, 1), date(2023, 1, 15))
    with pytest.raises(InvalidValueError) as info:
        injury_rates(
            records(employees=STAFF, inspector_appointments=INSPECTORS),
            period=days,
            as_of=date(2023, 1, 31),
        )
    error = info.value
    assert (error.field, error.value) == ("period", str(days))
    assert error.expected == "whole months (hours worked are recorded per month)"


def test_an_injury_the_day_after_as_of_is_not_yet_known() -> None:
    data = records(
        employees=STAFF,
        inspector_appointments=INSPECTORS,
        injuries=[
            injury("I-1", date(2023, 12, 1), InjurySeverity.LOST_TIME, worker="P-1", days_lost=2),
            injury("I-2", date(2023, 12, 31), InjurySeverity.LOST_TIME, worker="P-2", days_lost=2),
        ],
    )
    rates = injury_rates(data, period=YEAR, as_of=date(2023, 12, 30))
    assert rates.last_recordable_injury == date(2023, 12, 1)
    assert rates.days_without_injury == 29
