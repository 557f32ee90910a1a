"""Hypothesis strategies for ``ohs_domain`` values, for property tests of code that uses them.

This module needs [Hypothesis](https://hypothesis.readthedocs.io), which is not
a dependency of the library itself: install it with the ``testing`` extra
(``pip install "ohs-domain[testing]"``) or add ``hypothesis`` to your own test
dependencies. Importing this module without Hypothesis raises ``ImportError``.

Every strategy builds valid values only (what the constructors accept), within
sensible bounds unless asked otherwise: days from 1900 to 2100, amounts from
minus to plus a trillion in the currency's minor units. The strategies are
grouped by concept: text, money, time, effective-dated parameters, explanations.

>>> from hypothesis import given
>>> from ohs_domain import Quarter
>>> from ohs_domain.testing import quarters
>>> @given(quarters())
... def test_parse_inverts_str(quarter):
...     assert Quarter.parse(str(quarter)) == quarter
>>> test_parse_inverts_str()
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone, tzinfo
from decimal import Decimal
from typing import Final, TypeVar
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

from ohs_domain._effective import Entry, Schedule, Source
from ohs_domain._explain import Explanation, Fact, Step
from ohs_domain._money import MINOR_UNITS, Money
from ohs_domain._periods import DateRange, Month, Quarter, Year

__all__ = [
    "EARLIEST_DAY",
    "LATEST_DAY",
    "ZONE_KEYS",
    "aware_datetimes",
    "currencies",
    "date_ranges",
    "dates",
    "entries",
    "explanations",
    "facts",
    "money",
    "months",
    "quarters",
    "schedules",
    "sources",
    "steps",
    "texts",
    "time_zones",
    "years",
]

T = TypeVar("T")

EARLIEST_DAY: Final = date(1900, 1, 1)
"""The first day the strategies draw by default."""

LATEST_DAY: Final = date(2100, 12, 31)
"""The last day the strategies draw by default."""

ZONE_KEYS: Final = (
    "Asia/Almaty",
    "Asia/Aqtau",
    "Asia/Novosibirsk",
    "UTC",
    "Europe/Berlin",
    "America/New_York",
    "Australia/Lord_Howe",
)
"""Time zones drawn by default: the company's, its neighbours, and zones with
summer time (Lord Howe shifts by half an hour) to exercise folds and gaps."""

_LARGEST_AMOUNT: Final = Decimal(10) ** 12


# --- Text ---------------------------------------------------------------------------------------


def texts(*, max_size: int = 30) -> st.SearchStrategy[str]:
    """Non-blank text, as names, titles and notes require.

    Any Unicode but control characters (line breaks included: names and titles
    are one line of text) and surrogate code points (they cannot be encoded as UTF-8).

    Args:
        max_size: The most characters drawn.

    Returns:
        A strategy for strings with at least one non-space character.
    """
    return st.text(
        st.characters(codec="utf-8", exclude_categories=["Cc"]), min_size=1, max_size=max_size
    ).filter(str.strip)


# --- Money --------------------------------------------------------------------------------------


def currencies() -> st.SearchStrategy[str]:
    """ISO 4217 codes the library knows (tenge, yen, dinar, …).

    Returns:
        A strategy for upper-case currency codes, shrinking towards the first in order.
    """
    return st.sampled_from(sorted(MINOR_UNITS))


def money(
    currency: str | st.SearchStrategy[str] = "KZT",
    *,
    min_value: Decimal | int = -_LARGEST_AMOUNT,
    max_value: Decimal | int = _LARGEST_AMOUNT,
) -> st.SearchStrategy[Money]:
    """Amounts in the currency's minor units (tiyn for tenge, none for yen).

    Args:
        currency: A currency code, or a strategy for codes (e.g. `currencies()`).
        min_value: The smallest amount drawn (negative amounts are drawn by default).
        max_value: The largest amount drawn.

    Returns:
        A strategy for [`Money`][ohs_domain.Money] whose amounts have exactly the
        currency's number of decimal places.
    """
    codes = st.just(currency) if isinstance(currency, str) else currency

    def in_currency(code: str) -> st.SearchStrategy[Money]:
        amounts = st.decimals(
            min_value=min_value,
            max_value=max_value,
            places=MINOR_UNITS[code],
            allow_nan=False,
            allow_infinity=False,
        )
        return amounts.map(lambda amount: Money(amount, code))

    return codes.flatmap(in_currency)


# --- Time ---------------------------------------------------------------------------------------


def dates(
    *, min_value: date = EARLIEST_DAY, max_value: date = LATEST_DAY
) -> st.SearchStrategy[date]:
    """Days (``datetime.date``, never ``datetime``).

    Args:
        min_value: The first day drawn.
        max_value: The last day drawn.

    Returns:
        A strategy for days from ``min_value`` to ``max_value``, both included.
    """
    return st.dates(min_value=min_value, max_value=max_value)


def time_zones() -> st.SearchStrategy[ZoneInfo]:
    """IANA time zones from [`ZONE_KEYS`][ohs_domain.testing.ZONE_KEYS].

    Returns:
        A strategy for `ZoneInfo` zones, shrinking towards Asia/Almaty.
    """
    return st.sampled_from(ZONE_KEYS).map(ZoneInfo)


def _fixed_offsets() -> st.SearchStrategy[tzinfo]:
    minutes = st.integers(min_value=-14 * 60, max_value=14 * 60)
    return minutes.map(lambda m: timezone(timedelta(minutes=m)))


def aware_datetimes(
    *,
    zones: Sequence[tzinfo] | st.SearchStrategy[tzinfo] | None = None,
    min_value: date = EARLIEST_DAY,
    max_value: date = LATEST_DAY,
) -> st.SearchStrategy[datetime]:
    """Time-zone-aware moments; never naive, never in a gap of the zone's clock.

    Args:
        zones: The zones to draw from: a sequence, a strategy, or ``None`` for
            the zones of [`time_zones()`][ohs_domain.testing.time_zones] and
            fixed offsets from UTC-14:00 to UTC+14:00.
        min_value: The first local day drawn.
        max_value: The last local day drawn.

    Returns:
        A strategy for aware `datetime`s, with local times from the start of
        ``min_value`` to the end of ``max_value``.
    """
    if zones is None:
        zone_strategy: st.SearchStrategy[tzinfo] = st.one_of(time_zones(), _fixed_offsets())
    elif isinstance(zones, st.SearchStrategy):
        zone_strategy = zones
    else:
        zone_strategy = st.sampled_from(list(zones))
    return st.datetimes(
        min_value=datetime.combine(min_value, datetime.min.time()),
        max_value=datetime.combine(max_value, datetime.max.time()),
        timezones=zone_strategy,
        allow_imaginary=False,
    )


def date_ranges(
    *,
    min_value: date = EARLIEST_DAY,
    max_value: date = LATEST_DAY,
    allow_empty: bool = True,
) -> st.SearchStrategy[DateRange]:
    """Half-open ranges of days within the bounds.

    Args:
        min_value: The earliest ``start``.
        max_value: The latest ``end``.
        allow_empty: Whether ``start == end`` (no day) may be drawn.

    Returns:
        A strategy for [`DateRange`][ohs_domain.DateRange]s.
    """
    shortest = timedelta(days=0 if allow_empty else 1)

    def ending_after(start: date) -> st.SearchStrategy[DateRange]:
        ends = dates(min_value=start + shortest, max_value=max_value)
        return ends.map(lambda end: DateRange(start, end))

    return dates(min_value=min_value, max_value=max_value - shortest).flatmap(ending_after)


def years(
    *, min_value: int = EARLIEST_DAY.year, max_value: int = LATEST_DAY.year
) -> st.SearchStrategy[Year]:
    """Calendar years.

    Args:
        min_value: The first year drawn.
        max_value: The last year drawn.

    Returns:
        A strategy for [`Year`][ohs_domain.Year]s.
    """
    return st.integers(min_value=min_value, max_value=max_value).map(Year)


def quarters(
    *, min_year: int = EARLIEST_DAY.year, max_year: int = LATEST_DAY.year
) -> st.SearchStrategy[Quarter]:
    """Calendar quarters.

    Args:
        min_year: The year of the first quarter drawn.
        max_year: The year of the last quarter drawn.

    Returns:
        A strategy for [`Quarter`][ohs_domain.Quarter]s.
    """
    return st.builds(
        Quarter,
        st.integers(min_value=min_year, max_value=max_year),
        st.integers(min_value=1, max_value=4),
    )


def months(
    *, min_year: int = EARLIEST_DAY.year, max_year: int = LATEST_DAY.year
) -> st.SearchStrategy[Month]:
    """Calendar months.

    Args:
        min_year: The year of the first month drawn.
        max_year: The year of the last month drawn.

    Returns:
        A strategy for [`Month`][ohs_domain.Month]s.
    """
    return st.builds(
        Month,
        st.integers(min_value=min_year, max_value=max_year),
        st.integers(min_value=1, max_value=12),
    )


# --- Effective-dated parameters -----------------------------------------------------------------


def sources() -> st.SearchStrategy[Source]:
    """Sources of values: a title, and optionally a number, an adoption day and a note.

    Returns:
        A strategy for [`Source`][ohs_domain.Source]s.
    """
    return st.builds(
        Source,
        title=texts(max_size=60),
        number=st.none() | texts(max_size=12),
        adopted_on=st.none() | dates(),
        note=st.none() | texts(max_size=60),
    )


def entries(values: st.SearchStrategy[T]) -> st.SearchStrategy[Entry[T]]:
    """Single schedule entries.

    Args:
        values: The strategy for the entry's value (e.g. `money()`).

    Returns:
        A strategy for [`Entry`][ohs_domain.Entry]s with a start day and a source.
    """

    def build(since: date, value: T, source: Source) -> Entry[T]:
        return Entry(since=since, value=value, source=source)

    return st.builds(build, dates(), values, sources())


def schedules(
    values: st.SearchStrategy[T],
    *,
    name: str | st.SearchStrategy[str] | None = None,
    max_entries: int = 6,
) -> st.SearchStrategy[Schedule[T]]:
    """Valid schedules: at least one entry, start days strictly increasing.

    Args:
        values: The strategy for each entry's value (e.g. `money(min_value=0)`).
        name: The schedule's name, a strategy for names, or ``None`` for any
            non-blank text.
        max_entries: The most entries drawn.

    Returns:
        A strategy for [`Schedule`][ohs_domain.Schedule]s.
    """
    names = texts() if name is None else st.just(name) if isinstance(name, str) else name
    row = st.tuples(dates(), values, sources())
    rows = st.lists(row, min_size=1, max_size=max_entries, unique_by=lambda drawn: drawn[0])

    def build(name: str, drawn: list[tuple[date, T, Source]]) -> Schedule[T]:
        by_start = sorted(drawn, key=lambda entry: entry[0])
        return Schedule(
            name=name,
            entries=tuple(
                Entry(since=since, value=value, source=source) for since, value, source in by_start
            ),
        )

    return st.builds(build, names, rows)


# --- Explanations -------------------------------------------------------------------------------


def facts() -> st.SearchStrategy[Fact]:
    """Facts a step used: plain inputs, or parameters with their start day and source.

    Returns:
        A strategy for [`Fact`][ohs_domain.Fact]s.
    """
    return st.builds(
        Fact,
        name=texts(),
        value=texts(),
        since=st.none() | dates(),
        source=st.none() | sources(),
    )


def steps() -> st.SearchStrategy[Step]:
    """Steps of a computation, with up to three facts.

    Returns:
        A strategy for [`Step`][ohs_domain.Step]s.
    """
    return st.builds(
        Step,
        description=texts(max_size=60),
        result=texts(),
        facts=st.lists(facts(), max_size=3).map(tuple),
    )


def explanations(*, max_steps: int = 4) -> st.SearchStrategy[Explanation]:
    """Explanations of up to ``max_steps`` steps (possibly none).

    Args:
        max_steps: The most steps drawn.

    Returns:
        A strategy for [`Explanation`][ohs_domain.Explanation]s.
    """
    return st.lists(steps(), max_size=max_steps).map(lambda drawn: Explanation(tuple(drawn)))
