"""GRI 403-9: injuries of employees and of contractors' workers, as numbers and rates."""

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ohs_domain import (
    InjurySeverity,
    InvalidArgumentError,
    InvalidValueError,
    Records,
    Tally,
    WorkerRelation,
    Year,
    gri_403_9,
)
from tests.builders import employee, injury, monthly_hours, records

CONTRACTOR = WorkerRelation.CONTRACTOR
YEAR = Year(2023)


def company(*injuries: object, employee_hours: int = 0, contractor_hours: int = 0) -> Records:
    """E-01 on staff; hours spread evenly over the twelve months of 2023."""
    return records(
        employees=[employee("E-01")],
        injuries=list(injuries),
        hours_worked=[
            *monthly_hours(2023, employee_hours // 12),
            *monthly_hours(2023, contractor_hours // 12, relation=CONTRACTOR),
        ],
    )


def test_two_recordable_injuries_in_400000_hours_by_hand() -> None:
    # GRI 403-9's own check: 2 × 200,000 ÷ 400,000 = 1.0; 2 × 1,000,000 ÷ 400,000 = 5.0.
    two = (
        injury("I-1", date(2023, 3, 1), InjurySeverity.MEDICAL_TREATMENT),
        injury("I-2", date(2023, 9, 1), InjurySeverity.LOST_TIME, days_lost=4),
    )
    bundle = company(*two, employee_hours=400_008)  # 33,334 a month
    hours = Decimal(33_334 * 12)
    per_200k = gri_403_9(bundle, year=YEAR).employees.recordable
    per_million = gri_403_9(bundle, year=YEAR, base=1_000_000).employees.recordable
    assert per_200k.cases == per_million.cases == 2
    assert per_200k.value == Fraction(2 * 200_000) / Fraction(hours)
    assert per_million.value == Fraction(2 * 1_000_000) / Fraction(hours)
    assert per_200k.rounded(1) == Decimal("1.0")
    assert per_million.rounded(1) == Decimal("5.0")


def test_exactly_400000_hours_give_exactly_one_and_five() -> None:
    bundle = records(
        employees=[employee("E-01")],
        injuries=[
            injury("I-1", date(2023, 3, 1), InjurySeverity.MEDICAL_TREATMENT),
            injury("I-2", date(2023, 9, 1), InjurySeverity.RESTRICTED_WORK),
        ],
        hours_worked=[*monthly_hours(2023, 0)[:11], monthly_hours(2023, 400_000)[11]],
    )
    assert gri_403_9(bundle, year=YEAR).employees.recordable.value == 1
    assert gri_403_9(bundle, year=YEAR, base=1_000_000).employees.recordable.value == 5


def test_each_group_counts_its_own_injuries_and_hours() -> None:
    # Employees: 1 fatality, 1 high-consequence, 1 first aid (not recordable) in 1,200,000 h.
    # Contractors: 1 high-consequence in 240,000 h.
    bundle = company(
        injury("I-1", date(2023, 2, 1), InjurySeverity.FATAL, injury_type="fall from height"),
        injury(
            "I-2",
            date(2023, 5, 1),
            InjurySeverity.SEVERE,
            days_lost=200,
            high_consequence=True,
            injury_type="fracture",
        ),
        injury("I-3", date(2023, 6, 1), InjurySeverity.FIRST_AID, injury_type="bruise"),
        injury(
            "I-4",
            date(2023, 7, 1),
            InjurySeverity.SEVERE,
            worker="CW-17",
            relation=CONTRACTOR,
            high_consequence=True,
            injury_type="burn",
        ),
        employee_hours=1_200_000,
        contractor_hours=240_000,
    )
    disclosure = gri_403_9(bundle, year=YEAR)
    staff, contractors = disclosure.employees, disclosure.contractors
    assert staff.hours == 1_200_000
    assert (staff.fatalities.cases, staff.high_consequence.cases, staff.recordable.cases) == (
        1,
        1,
        2,
    )
    # 1 × 200,000 ÷ 1,200,000 = 1/6 ≈ 0.17; 2 × 200,000 ÷ 1,200,000 = 1/3 ≈ 0.33.
    assert staff.fatalities.value == Fraction(1, 6)
    assert staff.recordable.rounded() == Decimal("0.33")
    assert staff.main_types == (Tally("fall from height", 1), Tally("fracture", 1))
    assert contractors.hours == 240_000
    assert (contractors.fatalities.cases, contractors.recordable.cases) == (0, 1)
    # 1 × 200,000 ÷ 240,000 = 5/6 ≈ 0.83.
    assert contractors.high_consequence.rounded() == Decimal("0.83")
    assert contractors.main_types == (Tally("burn", 1),)


def test_rates_are_undefined_without_hours_not_zero() -> None:
    bundle = company(
        injury(
            "I-1", date(2023, 7, 1), InjurySeverity.LOST_TIME, worker="CW-1", relation=CONTRACTOR
        ),
        employee_hours=120_000,
    )
    contractors = gri_403_9(bundle, year=YEAR).contractors
    assert contractors.hours == 0
    assert contractors.recordable.cases == 1
    assert all(rate.value is None for rate in contractors.rates)
    assert "undefined" in str(contractors.recordable)


def test_contractor_injuries_stay_out_of_the_employees_rates() -> None:
    bundle = company(
        injury(
            "I-1", date(2023, 7, 1), InjurySeverity.LOST_TIME, worker="CW-1", relation=CONTRACTOR
        ),
        employee_hours=120_000,
        contractor_hours=120_000,
    )
    assert bundle.injuries_during(YEAR.range) == ()
    assert bundle.total_hours(YEAR.months()) == 120_000
    assert gri_403_9(bundle, year=YEAR).employees.recordable.cases == 0


@pytest.mark.parametrize(
    "base",
    [pytest.param(1_000, id="per-1000-is-not-a-gri-base"), pytest.param(0, id="zero")],
)
def test_base_is_200000_or_1000000(base: int) -> None:
    with pytest.raises(InvalidValueError, match="200000 or 1000000"):
        gri_403_9(company(), year=YEAR, base=base)


def test_year_must_be_a_year() -> None:
    with pytest.raises(InvalidArgumentError, match="year"):
        gri_403_9(company(), year=2023)  # type: ignore[arg-type]


def test_table_rows_and_text() -> None:
    bundle = company(
        injury("I-1", date(2023, 2, 1), InjurySeverity.MEDICAL_TREATMENT, injury_type="cut"),
        employee_hours=400_008,
    )
    disclosure = gri_403_9(bundle, year=YEAR, base=1_000_000)
    rows = disclosure.rows()
    assert [(r["relation"], r["measure"], r["number"]) for r in rows] == [
        ("employee", "fatalities", 0),
        ("employee", "high-consequence injuries", 0),
        ("employee", "recordable injuries", 1),
        ("contractor", "fatalities", 0),
        ("contractor", "high-consequence injuries", 0),
        ("contractor", "recordable injuries", 0),
    ]
    assert rows[2]["rate"] == "2.50"
    assert rows[5]["rate"] is None
    assert set(rows[0]) == set(disclosure.COLUMNS)
    text = str(disclosure)
    assert text.startswith("GRI 403-9 work-related injuries, 2023 (rates per 1,000,000 hours")
    assert "main types of injury: cut (1)" in text
    assert "main types of injury: none" in text
    assert [s.description for s in disclosure.explanation.steps][:2] == [
        "hours worked by employees in 2023",
        "employees: fatalities",
    ]


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_rendered_in_russian_and_kazakh(lang: str) -> None:
    text = gri_403_9(company(employee_hours=120_000), year=YEAR).render(lang)  # type: ignore[arg-type]
    assert "GRI 403-9" in text
    assert "Employees" not in text
    assert "recordable injuries" not in text


@given(
    cases=st.lists(st.sampled_from(list(InjurySeverity)), max_size=8),
    hours=st.integers(0, 10**6),
)
def test_recordable_includes_fatalities_and_high_consequence(
    cases: list[InjurySeverity], hours: int
) -> None:
    bundle = company(
        *(
            injury(
                f"I-{n}",
                date(2023, 1 + n, 1),
                severity,
                high_consequence=severity is InjurySeverity.SEVERE,
            )
            for n, severity in enumerate(cases)
        ),
        employee_hours=hours,
    )
    column = gri_403_9(bundle, year=YEAR).employees
    counts = column.fatalities.cases + column.high_consequence.cases
    assert counts <= column.recordable.cases <= len(cases)
    assert (column.recordable.value is None) == (column.hours == 0)


def test_the_explanation_reads_in_russian_and_its_english_is_unchanged() -> None:
    found = gri_403_9(company(employee_hours=120_000, contractor_hours=1_000), year=YEAR)
    steps = found.explanation.steps
    assert [steps[0].description, steps[1].description, steps[4].description] == [
        "hours worked by employees in 2023",
        "employees: fatalities",
        "hours worked by contractors in 2023",
    ]
    lines = found.explanation.render("ru").splitlines()
    assert lines[0] == "1. отработано работниками чел.-ч за 2023 год: 120\u00a0000"
    assert lines[1].startswith("2. работники: смертельные случаи: ")
    assert lines[4] == "5. отработано работниками подрядчиков чел.-ч за 2023 год: 996"  # 83 × 12
    assert lines[5].startswith("6. подрядчики: смертельные случаи: ")
