"""Kazakhstan: public law values the rules depend on, each with its legal source.

Both indices are set every year by the Law "On the republican budget" and
apply from 1 January (the monthly calculation index also changed mid-year in
2020 and 2022). They are [`Schedule`][ohs_domain.Schedule]s, never constants:
ask for the value in force on a date.

>>> from datetime import date
>>> from ohs_domain import kz
>>> str(kz.MINIMUM_WAGE.at(date(2023, 6, 1)))
'70,000 KZT'

A new year's values are a data release: add an entry to the table below with
its law, and record it under **Data** in the changelog.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import Final

from ohs_domain._effective import Entry, Schedule, Source
from ohs_domain._money import Money
from ohs_domain._zones import time_zone

__all__ = [
    "ALMATY",
    "MINIMUM_WAGE",
    "MONTHLY_CALCULATION_INDEX",
    "MONTHLY_CALCULATION_INDEX_FOR_BENEFITS",
    "SCHEDULES",
]

ALMATY: Final = time_zone("Asia/Almaty")
"""Almaty's time zone: UTC+6 until 2024-03-01 00:00 local time, UTC+5 since (tzdata 2024a).

Read from the ``tzdata`` package, like every zone of the library, never from the host."""


def _budget_law(
    years: str, number: str | None, adopted_on: date, note: str | None = None
) -> Source:
    return Source(
        title=f'Law of the Republic of Kazakhstan "On the republican budget for {years}"',
        number=number,
        adopted_on=adopted_on,
        note=note,
    )


_LAW_2018 = _budget_law("2018-2020", "113-VI", date(2017, 11, 30))
_LAW_2019 = _budget_law("2019-2021", "197-VI", date(2018, 11, 30))
_LAW_2020 = _budget_law("2020-2022", "276-VI", date(2019, 12, 4))
_LAW_2020_REVISED = _budget_law(
    "2020-2022",
    "276-VI",
    date(2019, 12, 4),
    note="monthly calculation index raised from 2020-04-01 with the revised 2020 budget",
)
_LAW_2021 = _budget_law("2021-2023", "379-VI", date(2020, 12, 2))
_LAW_2022 = _budget_law(
    "2022-2024", "77-VII", date(2021, 12, 2), note="law number from one secondary source"
)
_LAW_2022_BENEFITS = _budget_law(
    "2022-2024",
    "77-VII",
    date(2021, 12, 2),
    note="from 2022-04-01 for benefits and social payments only; "
    "fines and taxes stayed at 3,063 KZT",
)
_LAW_2023 = _budget_law("2023-2025", "163-VII", date(2022, 12, 1))
_LAW_2024 = _budget_law("2024-2026", None, date(2023, 12, 5), note="law number not verified")
_LAW_2025 = _budget_law("2025-2027", "141-VIII", date(2024, 12, 4))
_LAW_2026 = _budget_law(
    "2026-2028", "239-VIII", date(2025, 12, 8), note="law number from one secondary source"
)


def _schedule(name: str, rows: tuple[tuple[date, int, Source], ...]) -> Schedule[Money]:
    return Schedule(
        name=name,
        entries=tuple(
            Entry(since=since, value=Money(Decimal(amount)), source=source)
            for since, amount, source in rows
        ),
    )


MINIMUM_WAGE: Final[Schedule[Money]] = _schedule(
    "kz.MINIMUM_WAGE",
    (
        (date(2018, 1, 1), 28_284, _LAW_2018),
        (date(2019, 1, 1), 42_500, _LAW_2019),
        (date(2020, 1, 1), 42_500, _LAW_2020),
        (date(2021, 1, 1), 42_500, _LAW_2021),
        (date(2022, 1, 1), 60_000, _LAW_2022),
        (date(2023, 1, 1), 70_000, _LAW_2023),
        (date(2024, 1, 1), 85_000, _LAW_2024),
        (date(2025, 1, 1), 85_000, _LAW_2025),
        (date(2026, 1, 1), 85_000, _LAW_2026),
    ),
)
"""Minimum monthly wage (МЗП, ең төменгі жалақы): the base of the reward tiers."""

_MCI_UNTIL_2022 = (
    (date(2018, 1, 1), 2_405, _LAW_2018),
    (date(2019, 1, 1), 2_525, _LAW_2019),
    (date(2020, 1, 1), 2_651, _LAW_2020),
    (date(2020, 4, 1), 2_778, _LAW_2020_REVISED),
    (date(2021, 1, 1), 2_917, _LAW_2021),
    (date(2022, 1, 1), 3_063, _LAW_2022),
)
_MCI_SINCE_2023 = (
    (date(2023, 1, 1), 3_450, _LAW_2023),
    (date(2024, 1, 1), 3_692, _LAW_2024),
    (date(2025, 1, 1), 3_932, _LAW_2025),
    (date(2026, 1, 1), 4_325, _LAW_2026),
)

MONTHLY_CALCULATION_INDEX: Final[Schedule[Money]] = _schedule(
    "kz.MONTHLY_CALCULATION_INDEX", _MCI_UNTIL_2022 + _MCI_SINCE_2023
)
"""Monthly calculation index (МРП, АЕК) for fines, taxes and fees."""

MONTHLY_CALCULATION_INDEX_FOR_BENEFITS: Final[Schedule[Money]] = _schedule(
    "kz.MONTHLY_CALCULATION_INDEX_FOR_BENEFITS",
    (*_MCI_UNTIL_2022, (date(2022, 4, 1), 3_180, _LAW_2022_BENEFITS), *_MCI_SINCE_2023),
)
"""Monthly calculation index (МРП, АЕК) for benefits and social payments.

It differs from [`MONTHLY_CALCULATION_INDEX`][ohs_domain.kz.MONTHLY_CALCULATION_INDEX]
only from 2022-04-01 to 2022-12-31 (3,180 KZT against 3,063 KZT).
"""

SCHEDULES: Final[Mapping[str, Schedule[Money]]] = MappingProxyType(
    {
        schedule.name: schedule
        for schedule in (
            MINIMUM_WAGE,
            MONTHLY_CALCULATION_INDEX,
            MONTHLY_CALCULATION_INDEX_FOR_BENEFITS,
        )
    }
)
"""Every public schedule above by its name: what a policy file may name instead of a table.

>>> sorted(kz.SCHEDULES)
['kz.MINIMUM_WAGE', 'kz.MONTHLY_CALCULATION_INDEX', 'kz.MONTHLY_CALCULATION_INDEX_FOR_BENEFITS']

The edge reads names from here (``"wage": "kz.MINIMUM_WAGE"`` in a reward policy), and
the JSON Schema lists them; a schedule added to this registry is loadable by name.
"""
