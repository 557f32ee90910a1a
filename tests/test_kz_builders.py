"""kz's data is built by two helpers at import; rebuilt here, they must give the same values."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ohs_domain import Entry, Money, Schedule, Source, kz
from ohs_domain.kz import _budget_law, _schedule


def test_a_budget_law_is_named_by_its_years_with_number_date_and_note() -> None:
    assert _budget_law("2022-2024", "77-VII", date(2021, 12, 2), note="checked") == Source(
        title='Law of the Republic of Kazakhstan "On the republican budget for 2022-2024"',
        number="77-VII",
        adopted_on=date(2021, 12, 2),
        note="checked",
    )


def test_a_budget_law_has_no_note_unless_given() -> None:
    assert _budget_law("2023-2025", "163-VII", date(2022, 12, 1)).note is None


def test_the_2023_minimum_wage_cites_the_2023_budget_law() -> None:
    entry = kz.MINIMUM_WAGE.entry_at(date(2023, 6, 1))
    assert entry.source == _budget_law("2023-2025", "163-VII", date(2022, 12, 1))


def test_a_schedule_turns_rows_into_entries_in_tenge() -> None:
    law = _budget_law("2023-2025", "163-VII", date(2022, 12, 1))
    rows = ((date(2023, 1, 1), 70_000, law), (date(2024, 1, 1), 85_000, law))
    assert _schedule("kz.TEST", rows) == Schedule(
        name="kz.TEST",
        entries=(
            Entry(since=date(2023, 1, 1), value=Money(Decimal(70_000), "KZT"), source=law),
            Entry(since=date(2024, 1, 1), value=Money(Decimal(85_000), "KZT"), source=law),
        ),
    )


def test_the_public_schedules_rebuild_from_their_own_rows() -> None:
    for schedule in (
        kz.MINIMUM_WAGE,
        kz.MONTHLY_CALCULATION_INDEX,
        kz.MONTHLY_CALCULATION_INDEX_FOR_BENEFITS,
    ):
        rows = tuple((e.since, int(e.value.amount), e.source) for e in schedule.entries)
        assert _schedule(schedule.name, rows) == schedule
