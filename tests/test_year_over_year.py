"""Year over year: each headline figure of two years with its change and ratio."""

from datetime import date
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ohs_domain import (
    FigureChange,
    InvalidValueError,
    KeyPoints,
    Money,
    Share,
    Year,
    YearOverYear,
    key_points,
    year_over_year,
)
from ohs_domain.demo import (
    ELIMINATION_DEADLINES,
    INSPECTOR_PAY_POLICY,
    REWARD_POLICY,
)
from tests.builders import demo_company


def points_of(year: int) -> KeyPoints:
    return key_points(
        RECORDS,
        year=Year(year),
        as_of=Year(year).last_day,
        deadlines=ELIMINATION_DEADLINES,
        inspector_pay_policy=INSPECTOR_PAY_POLICY,
        reward_policy=REWARD_POLICY,
        paid_on=date(year + 1, 1, 25),
    )


RECORDS = demo_company()
POINTS = {year: points_of(year) for year in (2022, 2023, 2024)}


@pytest.fixture(scope="module")
def against_2022() -> YearOverYear:
    return year_over_year(POINTS[2022], later=POINTS[2023])


def test_reports_grew_from_2972_to_8436_by_hand(against_2022: YearOverYear) -> None:
    reports = against_2022.figure("events and defects registered")
    assert (reports.before, reports.after) == (Fraction(2_972), Fraction(8_436))
    assert reports.change == 8_436 - 2_972 == 5_464
    assert reports.ratio == Fraction(8_436, 2_972)
    assert str(reports) == "events and defects registered: 2,972 → 8,436 (+5,464; ×2.84)"


def test_the_2023_figures_are_the_seeds(against_2022: YearOverYear) -> None:
    assert against_2022.figure("production employees trained").after == 2_699
    assert against_2022.figure("engagement").after == Fraction(1_890 * 100, 2_699)
    assert against_2022.figure("submissions issued").after == 209
    assert against_2022.figure("violations listed").after == 482


def test_nothing_before_gives_no_ratio(against_2022: YearOverYear) -> None:
    # No safety-culture training in 2022: the programme began in 2023.
    trained = against_2022.figure("production employees trained")
    assert (trained.before, trained.ratio) == (Fraction(0), None)
    assert str(trained) == "production employees trained: 0 → 2,699 (+2,699; no ratio)"


def test_a_share_changes_in_percentage_points(against_2022: YearOverYear) -> None:
    shown = str(against_2022.figure("engagement"))
    assert shown.startswith("engagement: 50.3 % → 70.0 % (+19.7 pp; ×1.39)")


def test_2024_against_2023_prices_rewards_at_85000() -> None:
    compared = year_over_year(POINTS[2023], later=POINTS[2024])
    assert POINTS[2024].rewards.wage.value.amount == 85_000
    assert compared.figure("rewards paid").after == POINTS[2024].rewards.total.amount > 0
    assert compared.figure("reward awards").after == len(POINTS[2024].rewards.awards) > 0


def test_text_rows_and_explanation(against_2022: YearOverYear) -> None:
    text = str(against_2022)
    assert text.splitlines()[0] == "Key points of 2023 against 2022"
    assert "  technical inspectors' pay: 730,000 KZT → 1,245,000 KZT" in text
    rows = against_2022.rows()
    assert len(rows) == len(against_2022.figures)
    assert set(rows[0]) == set(YearOverYear.COLUMNS)
    reports = next(r for r in rows if r["measure"] == "events and defects registered")
    assert (reports["before"], reports["after"], reports["ratio"]) == ("2972", "8436", "2109/743")
    assert rows[0]["ratio"] is None
    steps = against_2022.explanation.steps
    assert steps[2].description == "events and defects registered, 2023 ÷ 2022"
    assert str(steps[2]) == "events and defects registered, 2023 ÷ 2022: 2.84"


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_rendered_in_russian_and_kazakh(against_2022: YearOverYear, lang: str) -> None:
    text = against_2022.render(lang)  # type: ignore[arg-type]
    assert "2\u00a0972 → 8\u00a0436" in text
    assert "×2,84" in text
    assert "events and defects" not in text


@pytest.mark.parametrize(
    ("earlier", "later"),
    [pytest.param(2023, 2022, id="backwards"), pytest.param(2023, 2023, id="same-year")],
)
def test_the_later_year_comes_after(earlier: int, later: int) -> None:
    with pytest.raises(InvalidValueError, match="key points of a year after 2023"):
        year_over_year(POINTS[earlier], later=POINTS[later])


def test_an_unknown_figure_names_the_known_ones(against_2022: YearOverYear) -> None:
    with pytest.raises(InvalidValueError, match="'events and defects registered'"):
        against_2022.figure("reports")


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        pytest.param({"kind": "ratio"}, "kind", id="unknown-kind"),
        pytest.param({"kind": "money"}, "currency", id="money-without-currency"),
        pytest.param({"currency": "KZT"}, "currency", id="currency-of-a-count"),
    ],
)
def test_figure_validation(fields: dict[str, str], field: str) -> None:
    values: dict[str, object] = {
        "measure": "x",
        "kind": "count",
        "before": Fraction(1),
        "after": Fraction(2),
    }
    values.update(fields)
    with pytest.raises(InvalidValueError) as caught:
        FigureChange(**values)  # type: ignore[arg-type]
    assert caught.value.field == field


def test_an_undefined_figure_has_no_change() -> None:
    figure = FigureChange(measure="LTIFR", kind="rate", before=None, after=Fraction(1, 3))
    assert (figure.change, figure.ratio) == (None, None)
    assert str(figure) == "LTIFR: undefined → 0.33 (undefined; no ratio)"


@given(
    before=st.fractions(min_value=0, max_value=10**6),
    after=st.fractions(min_value=0, max_value=10**6),
)
def test_before_plus_change_is_after_and_before_times_ratio_is_after(
    before: Fraction, after: Fraction
) -> None:
    figure = FigureChange(measure="x", kind="rate", before=before, after=after)
    assert figure.change is not None
    assert before + figure.change == after
    if before:
        assert figure.ratio is not None
        assert before * figure.ratio == after
    else:
        assert figure.ratio is None


def test_money_in_two_currencies_is_refused() -> None:
    pay = attrs.evolve(POINTS[2023].inspector_pay, total=Money(Decimal(1), "USD"))
    with pytest.raises(InvalidValueError, match=r"the same currency \(KZT\)"):
        year_over_year(POINTS[2022], later=attrs.evolve(POINTS[2023], inspector_pay=pay))


def test_a_share_of_nobody_is_undefined_not_zero() -> None:
    nobody = attrs.evolve(POINTS[2022].engagement, active=Share(0, 0))
    compared = year_over_year(attrs.evolve(POINTS[2022], engagement=nobody), later=POINTS[2023])
    assert compared.figure("engagement").before is None
    assert compared.figure("engagement").change is None


def test_money_keeps_its_tiyn_when_it_has_them() -> None:
    pay = FigureChange(
        measure="rewards paid",
        kind="money",
        before=Fraction(100),
        after=Fraction(20_001, 2),
        currency="KZT",
    )
    assert str(pay) == "rewards paid: 100 KZT → 10,000.50 KZT (+9,900.50 KZT; ×100.01)"


def test_the_explanation_reads_in_russian_and_its_english_is_unchanged(
    against_2022: YearOverYear,
) -> None:
    steps = against_2022.explanation.steps
    assert steps[2].description == "events and defects registered, 2023 ÷ 2022"
    assert str(steps[2]) == "events and defects registered, 2023 ÷ 2022: 2.84"
    lines = against_2022.explanation.render("ru").splitlines()
    assert lines[0] == "1. обучено производственного персонала, 2023 к 2022"
    assert lines[2] == "3. зарегистрировано событий и дефектов, 2023 к 2022: 2,84"
    assert lines[11] == "12. LTIFR, 2023 к 2022: 0,50"
