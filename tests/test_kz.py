"""Kazakhstan's public law values, checked against the table in FACTS.md, not against the code.

Source of the figures: the ``Kazakhstan minimum monthly wage (МЗП) and monthly
calculation index (МРП)`` table of the project's FACTS.md (laws "On the
republican budget", gov.kz/article/17157).
"""

import importlib.util
from datetime import date, datetime, timedelta
from decimal import Decimal
from types import ModuleType
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given

from ohs_domain import (
    Entry,
    InvalidDataError,
    Money,
    NoValueInForceError,
    Schedule,
    Source,
    kz,
    serialization,
)
from ohs_domain.testing import dates

# year: (МЗП, МРП on 1 January, law number or None when not verified, adopted on)
FACTS_TABLE = {
    2018: (28_284, 2_405, "113-VI", date(2017, 11, 30)),
    2019: (42_500, 2_525, "197-VI", date(2018, 11, 30)),
    2020: (42_500, 2_651, "276-VI", date(2019, 12, 4)),
    2021: (42_500, 2_917, "379-VI", date(2020, 12, 2)),
    2022: (60_000, 3_063, "77-VII", date(2021, 12, 2)),
    2023: (70_000, 3_450, "163-VII", date(2022, 12, 1)),
    2024: (85_000, 3_692, None, date(2023, 12, 5)),
    2025: (85_000, 3_932, "141-VIII", date(2024, 12, 4)),
    2026: (85_000, 4_325, "239-VIII", date(2025, 12, 8)),
}
# Law numbers FACTS.md marks as less than H (one secondary source, or not verified).
UNCERTAIN_LAW_NUMBERS = {2022, 2024, 2026}

SCHEDULES = [
    pytest.param(kz.MINIMUM_WAGE, id="minimum-wage"),
    pytest.param(kz.MONTHLY_CALCULATION_INDEX, id="mci"),
    pytest.param(kz.MONTHLY_CALCULATION_INDEX_FOR_BENEFITS, id="mci-for-benefits"),
]


def kzt(amount: int) -> Money:
    return Money(Decimal(amount), "KZT")


@pytest.mark.parametrize(
    ("day", "wage"),
    [
        pytest.param(date(year, month, day), row[0], id=f"wage-{year}-{label}")
        for year, row in FACTS_TABLE.items()
        for month, day, label in ((1, 1, "jan-1"), (6, 30, "mid-year"), (12, 31, "dec-31"))
    ],
)
def test_minimum_wage(day: date, wage: int) -> None:
    assert kz.MINIMUM_WAGE.at(day) == kzt(wage)


MCI_CASES = [
    pytest.param(date(year, 1, 1), row[1], row[1], id=f"mci-{year}-jan-1")
    for year, row in FACTS_TABLE.items()
] + [
    pytest.param(date(2019, 12, 31), 2_525, 2_525, id="mci-2019-dec-31"),
    pytest.param(date(2020, 3, 31), 2_651, 2_651, id="mci-2020-before-april-raise"),
    pytest.param(date(2020, 4, 1), 2_778, 2_778, id="mci-2020-april-raise"),
    pytest.param(date(2020, 12, 31), 2_778, 2_778, id="mci-2020-dec-31"),
    pytest.param(date(2022, 3, 31), 3_063, 3_063, id="mci-2022-before-april"),
    pytest.param(date(2022, 4, 1), 3_063, 3_180, id="mci-2022-april-benefits-only"),
    pytest.param(date(2022, 12, 31), 3_063, 3_180, id="mci-2022-dec-31-benefits-only"),
    pytest.param(date(2023, 1, 1), 3_450, 3_450, id="mci-2023-one-index-again"),
    pytest.param(date(2026, 12, 31), 4_325, 4_325, id="mci-2026-dec-31"),
]


@pytest.mark.parametrize(("day", "for_fines", "for_benefits"), MCI_CASES)
def test_monthly_calculation_index(day: date, for_fines: int, for_benefits: int) -> None:
    assert kz.MONTHLY_CALCULATION_INDEX.at(day) == kzt(for_fines)
    assert kz.MONTHLY_CALCULATION_INDEX_FOR_BENEFITS.at(day) == kzt(for_benefits)


@given(dates(min_value=date(2018, 1, 1), max_value=date(2030, 12, 31)))
def test_the_two_indices_differ_only_from_april_to_december_2022(day: date) -> None:
    fines = kz.MONTHLY_CALCULATION_INDEX.at(day)
    benefits = kz.MONTHLY_CALCULATION_INDEX_FOR_BENEFITS.at(day)
    if date(2022, 4, 1) <= day <= date(2022, 12, 31):
        assert (fines, benefits) == (kzt(3_063), kzt(3_180))
    else:
        assert fines == benefits


@pytest.mark.parametrize(
    ("year", "number", "adopted_on"),
    [pytest.param(year, row[2], row[3], id=f"law-for-{year}") for year, row in FACTS_TABLE.items()],
)
def test_each_year_cites_its_budget_law(year: int, number: str | None, adopted_on: date) -> None:
    for schedule in (kz.MINIMUM_WAGE, kz.MONTHLY_CALCULATION_INDEX):
        source = schedule.entry_at(date(year, 1, 1)).source
        assert source.number == number
        assert source.adopted_on == adopted_on
        assert "republican budget" in source.title
        assert str(year) in source.title  # the budget law for "year-(year+2)"
        if year in UNCERTAIN_LAW_NUMBERS:
            assert source.note is not None  # the doubt is shown next to the value


def test_mid_year_changes_cite_why() -> None:
    raise_2020 = kz.MONTHLY_CALCULATION_INDEX.entry_at(date(2020, 4, 1))
    assert raise_2020.since == date(2020, 4, 1)
    assert raise_2020.source.note is not None
    assert "2020-04-01" in raise_2020.source.note
    benefits_2022 = kz.MONTHLY_CALCULATION_INDEX_FOR_BENEFITS.entry_at(date(2022, 4, 1))
    assert benefits_2022.since == date(2022, 4, 1)
    assert benefits_2022.source.note is not None
    assert "benefits" in benefits_2022.source.note
    assert "3,063" in benefits_2022.source.note


@pytest.mark.parametrize("schedule", SCHEDULES)
def test_every_entry_has_a_dated_source_in_tenge(schedule: Schedule[Money]) -> None:
    for entry in schedule.entries:
        assert entry.source.title
        assert entry.source.adopted_on is not None
        assert entry.source.adopted_on < entry.since
        assert entry.value.currency == "KZT"
        assert entry.value.amount > 0


@pytest.mark.parametrize("schedule", SCHEDULES)
def test_every_year_from_2018_to_2026_has_a_value_from_1_january(
    schedule: Schedule[Money],
) -> None:
    starts = {entry.since for entry in schedule.entries}
    assert {date(year, 1, 1) for year in FACTS_TABLE} <= starts
    assert schedule.earliest == date(2018, 1, 1)


@pytest.mark.parametrize("schedule", SCHEDULES)
def test_no_value_before_2018(schedule: Schedule[Money]) -> None:
    with pytest.raises(NoValueInForceError) as info:
        schedule.at(date(2018, 1, 1) - timedelta(days=1))
    assert info.value.parameter == schedule.name
    assert schedule.name.startswith("kz.")


def test_the_minimum_wage_never_fell() -> None:
    wages = [entry.value for entry in kz.MINIMUM_WAGE.entries]
    assert wages == sorted(wages)


def test_almaty_is_the_iana_zone() -> None:
    assert isinstance(kz.ALMATY, ZoneInfo)
    assert kz.ALMATY.key == "Asia/Almaty"
    assert datetime(2023, 6, 1, tzinfo=kz.ALMATY).utcoffset() == timedelta(hours=6)
    assert datetime(2024, 6, 1, tzinfo=kz.ALMATY).utcoffset() == timedelta(hours=5)


# --- Sources, word for word: each value cites its budget law -------------------------------------


def budget_law(years: str) -> str:
    return f'Law of the Republic of Kazakhstan "On the republican budget for {years}"'


@pytest.mark.parametrize("schedule", SCHEDULES)
def test_each_value_cites_the_budget_law_of_its_first_year(
    schedule: Schedule[Money],
) -> None:
    for entry in schedule.entries:
        since = entry.since.year
        assert entry.source.title == budget_law(f"{since}-{since + 2}")


def test_the_2023_minimum_wage_cites_the_2023_budget_law_with_no_note() -> None:
    assert kz.MINIMUM_WAGE.entry_at(date(2023, 6, 1)).source == Source(
        title=budget_law("2023-2025"), number="163-VII", adopted_on=date(2022, 12, 1)
    )


def test_the_2024_minimum_wage_says_its_law_number_is_not_verified() -> None:
    assert kz.MINIMUM_WAGE.entry_at(date(2024, 6, 1)).source == Source(
        title=budget_law("2024-2026"),
        number=None,
        adopted_on=date(2023, 12, 5),
        note="law number not verified",
    )


@pytest.mark.parametrize(
    ("schedule", "name"),
    [
        pytest.param(kz.MINIMUM_WAGE, "kz.MINIMUM_WAGE", id="minimum-wage"),
        pytest.param(kz.MONTHLY_CALCULATION_INDEX, "kz.MONTHLY_CALCULATION_INDEX", id="mci"),
        pytest.param(
            kz.MONTHLY_CALCULATION_INDEX_FOR_BENEFITS,
            "kz.MONTHLY_CALCULATION_INDEX_FOR_BENEFITS",
            id="mci-for-benefits",
        ),
    ],
)
def test_each_schedule_is_named_as_it_is_imported(schedule: Schedule[Money], name: str) -> None:
    assert schedule.name == name


def test_the_2023_minimum_wage_is_a_whole_tenge_amount() -> None:
    entry = kz.MINIMUM_WAGE.entry_at(date(2023, 1, 1))
    assert entry == Entry(since=date(2023, 1, 1), value=kzt(70_000), source=entry.source)
    assert entry.value.amount == Decimal(70_000)


def kz_built_afresh() -> ModuleType:
    """``kz`` executed again, so its tables are built now rather than when it was imported."""
    spec = importlib.util.spec_from_file_location("ohs_domain.kz_built_afresh", kz.__file__)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "name", ["MINIMUM_WAGE", "MONTHLY_CALCULATION_INDEX", "MONTHLY_CALCULATION_INDEX_FOR_BENEFITS"]
)
def test_the_tables_built_afresh_are_the_published_ones(name: str) -> None:
    # kz builds its tables once, at import; mutmut forks its workers after that import, so
    # only a table built inside a test shows a mutant of the helpers that build them
    # (docs/contributing/mutation-testing.md). The published tables are pinned above.
    assert getattr(kz_built_afresh(), name) == getattr(kz, name)


def test_the_registry_holds_every_public_schedule_by_its_own_name() -> None:
    public = [getattr(kz, name) for name in kz.__all__ if isinstance(getattr(kz, name), Schedule)]
    assert list(kz.SCHEDULES.values()) == public
    assert all(kz.SCHEDULES[schedule.name] is schedule for schedule in public)


@pytest.mark.parametrize("name", sorted(kz.SCHEDULES))
def test_a_policy_file_may_name_a_registered_schedule_instead_of_its_table(name: str) -> None:
    assert serialization.load(name, Schedule[Money]) is kz.SCHEDULES[name]


def test_a_name_outside_the_registry_is_refused_with_the_registered_names() -> None:
    with pytest.raises(InvalidDataError, match=r"kz\.MINIMUM_WAGE, kz\.MONTHLY_CALCULATION_INDEX"):
        serialization.load("kz.AVERAGE_WAGE", Schedule[Money])
