"""Leading indicators: explicit bases, a golden rule each, undefined on an empty base."""

from datetime import date
from fractions import Fraction

import pytest

from ohs_domain import (
    InjurySeverity,
    InvalidValueError,
    Rate,
    ReportKind,
    Share,
    Year,
    leading_indicators,
)
from tests.builders import ACTION_POLICY, at, employee, injury, monthly_hours, records, report

POLICY = ACTION_POLICY
YEAR = Year(2023)


def test_each_indicator_by_hand() -> None:
    # 4 reports (3 near misses, 1 rejected defect) in 400,008 hours; 1 recordable injury.
    reports = [
        report("R-1", "E-1", at(2023, 3, 1)),
        report("R-2", "E-1", at(2023, 4, 1)),
        report("R-3", "E-1", at(2023, 5, 1)),
        report(
            "R-4",
            "E-1",
            at(2023, 6, 1),
            kind=ReportKind.EQUIPMENT_DEFECT,
            accepted=False,
            rejected=at(2023, 6, 2),
        ),
    ]
    bundle = records(
        employees=[employee("E-1")],
        reports=reports,
        injuries=[
            injury("I-1", date(2023, 7, 1), InjurySeverity.MEDICAL_TREATMENT, worker="E-1"),
            injury("I-2", date(2023, 8, 1), InjurySeverity.FIRST_AID, worker="E-1"),
        ],
        hours_worked=monthly_hours(2023, 33_334),
    )
    found = leading_indicators(bundle, year=YEAR, as_of=YEAR.last_day, deadlines=POLICY)
    per_hours, near_misses, actions, trained = (i.value for i in found.indicators)
    assert [i.golden_rule for i in found.indicators] == [7, 2, 2, 6]
    assert isinstance(per_hours, Rate)
    assert isinstance(near_misses, Rate)
    # 3 non-rejected reports × 200,000 ÷ 400,008 hours.
    assert per_hours.value == Fraction(3 * 200_000, 400_008)
    assert (near_misses.cases, near_misses.exposure, near_misses.value) == (
        3,
        Fraction(1),
        Fraction(3),
    )
    assert actions == Share(0, 0)
    assert trained == Share(0, 1)


def test_empty_bases_are_undefined_not_zero() -> None:
    bundle = records(employees=[employee("E-1")])
    found = leading_indicators(bundle, year=YEAR, as_of=YEAR.last_day, deadlines=POLICY)
    assert [i.value.value for i in found.indicators[:3]] == [None, None, None]
    rows = found.rows()
    assert [r["value"] for r in rows] == [None, None, None, "0.0"]
    assert set(rows[0]) == set(found.COLUMNS)
    assert "undefined" in str(found)


def test_text_names_each_rule() -> None:
    bundle = records(employees=[employee("E-1")], hours_worked=monthly_hours(2023, 1_000))
    text = str(leading_indicators(bundle, year=YEAR, as_of=YEAR.last_day, deadlines=POLICY))
    assert text.splitlines()[0] == "Leading indicators of 2023"
    assert "  reports per 200,000 hours worked: 0.00 per 200,000 hours worked" in text
    assert "production personnel trained: 0 of 1 (0.0 %) (golden rule 6)" in text


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_rendered_in_russian_and_kazakh(lang: str) -> None:
    bundle = records(employees=[employee("E-1")])
    found = leading_indicators(bundle, year=YEAR, as_of=YEAR.last_day, deadlines=POLICY)
    text = found.render(lang)  # type: ignore[arg-type]
    assert "golden rule" not in text
    assert "Leading" not in text


def test_as_of_before_the_year_is_refused() -> None:
    bundle = records(employees=[employee("E-1")])
    with pytest.raises(InvalidValueError, match="as_of"):
        leading_indicators(bundle, year=YEAR, as_of=date(2022, 12, 31), deadlines=POLICY)


def test_the_explanation_reads_in_russian_and_its_english_is_unchanged() -> None:
    bundle = records(employees=[employee("E-1")])
    found = leading_indicators(bundle, year=YEAR, as_of=YEAR.last_day, deadlines=POLICY)
    english = [step.description for step in found.explanation.steps[:4]]
    assert english == [
        "reports registered in 2023, not rejected",
        "employees' hours worked in 2023",
        "near-miss reports",
        "employees' recordable injuries",
    ]
    assert found.explanation.render("ru").splitlines()[:4] == [
        "1. сообщения, зарегистрированные за 2023 год, кроме отклонённых: 0",
        "2. отработано работниками чел.-ч за 2023 год: 0",
        "3. сообщения о случаях «едва не произошло»: 0",
        "4. регистрируемые травмы работников: 0",
    ]
