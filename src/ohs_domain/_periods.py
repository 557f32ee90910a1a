"""Calendar periods and the date range they all reduce to.

Every period is a half-open range of dates ``[start, end)``. Which period a
moment belongs to is decided in a given time zone (the company's), by the zone
database: ``2023-12-31 23:30`` in Almaty is in 2023-Q4 even though it is
already 2024 in UTC+7, and Almaty's move from UTC+6 to UTC+5 on 2024-03-01 is
known to ``zoneinfo``, not written in code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta, tzinfo
from typing import Final, Self

import attrs

from ohs_domain import _checks, _i18n
from ohs_domain._arguments import checked
from ohs_domain._errors import InvalidValueError
from ohs_domain._i18n import Language, message

__all__ = ["DateRange", "Month", "Period", "Quarter", "Year", "as_range", "local_date"]


def days_through(days: DateRange, last: date) -> DateRange:
    """The days of ``days`` on or before ``last``: those whose records are known on ``last``."""
    if last >= days.end:
        return days
    return DateRange(days.start, max(days.start, last + timedelta(days=1)))


@checked
def local_date(moment: datetime, zone: tzinfo) -> date:
    """Return the calendar day of ``moment`` in ``zone``.

    Raises:
        InvalidValueError: If ``moment`` is naive: a moment without a zone is a guess.
    """
    return moment.astimezone(zone).date()


@attrs.frozen(order=True)
class DateRange:
    """A half-open range of days ``[start, end)``; ``start == end`` is empty.

    >>> from datetime import date
    >>> march = DateRange(date(2024, 3, 1), date(2024, 4, 1))
    >>> march.days, date(2024, 3, 31) in march, date(2024, 4, 1) in march
    (31, True, False)

    Attributes:
        start: The first day in the range.
        end: The first day after the range.
    """

    start: date = attrs.field(validator=_checks.day)
    end: date = attrs.field(validator=_checks.day)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise InvalidValueError(
                "end", self.end, message("a day on or after start ({day})", day=self.start)
            )

    @classmethod
    @checked
    def inclusive(cls, first: date, last: date) -> Self:
        """Build the range from its first and last day, both included."""
        _checks.day(None, attrs.fields(DateRange).end, last)
        return cls(first, last + timedelta(days=1))

    @property
    def days(self) -> int:
        """Number of days in the range."""
        return (self.end - self.start).days

    @property
    def is_empty(self) -> bool:
        """Whether the range holds no day."""
        return self.start == self.end

    def __contains__(self, day: object) -> bool:
        if not isinstance(day, date) or isinstance(day, datetime):
            return False
        return self.start <= day < self.end

    @checked
    def intersection(self, other: DateRange) -> DateRange:
        """Return the days in both ranges (an empty range when they do not meet)."""
        start = max(self.start, other.start)
        end = max(start, min(self.end, other.end))
        return DateRange(start, end)

    @checked
    def overlaps(self, other: DateRange) -> bool:
        """Whether at least one day is in both ranges."""
        return not self.intersection(other).is_empty

    def __iter__(self) -> Iterator[date]:
        day = self.start
        while day < self.end:
            yield day
            day += timedelta(days=1)

    def __str__(self) -> str:
        return f"[{self.start}, {self.end})"

    @checked
    def render(self, lang: Language = "en") -> str:
        """The range in ``lang``: ``[2023-01-01, 2024-01-01)``; ``[01.01.2023, 01.01.2024)``."""
        return f"[{_i18n.day(self.start, lang)}, {_i18n.day(self.end, lang)})"


class _Period:
    """What every calendar period shares; subclasses define ``range``."""

    __slots__ = ()

    @property
    def range(self) -> DateRange:  # pragma: no cover - abstract
        raise NotImplementedError

    @property
    def first_day(self) -> date:
        """The first day of the period."""
        return self.range.start

    @property
    def last_day(self) -> date:
        """The last day of the period."""
        return self.range.end - timedelta(days=1)

    @property
    def days(self) -> int:
        """Number of days in the period."""
        return self.range.days

    def __contains__(self, day: object) -> bool:
        return day in self.range


# The last year whose end (1 January of the next) ``datetime.date`` can hold.
_LAST_YEAR = 9998
_MONTH = re.compile(r"(\d{4})-(0[1-9]|1[0-2])", re.ASCII)  # 0-9 only, not other scripts' digits
_QUARTER = re.compile(r"(\d{4})-Q([1-4])", re.ASCII)
_YEAR = re.compile(r"\d{4}", re.ASCII)


_MOMENT_HINT: Final = {"day": "for a moment use containing_moment(moment, zone)"}


@attrs.frozen(order=True)
class Year(_Period):
    """A calendar year.

    >>> Year(2023).quarters()[-1]
    Quarter(year=2023, number=4)

    Attributes:
        value: The year, 1 to 9998.
    """

    value: int = attrs.field(validator=_checks.between(1, _LAST_YEAR))

    @classmethod
    @checked
    def parse(cls, text: str) -> Self:
        """Parse ``"2023"``; the inverse of `str()`."""
        if not isinstance(text, str) or not _YEAR.fullmatch(text):
            raise InvalidValueError("year", text, "four digits, e.g. '2023'")
        return cls(int(text))

    @classmethod
    @checked(hints=_MOMENT_HINT)
    def containing(cls, day: date) -> Self:
        """Return the year of ``day``."""
        return cls(day.year)

    @classmethod
    @checked
    def containing_moment(cls, moment: datetime, zone: tzinfo) -> Self:
        """Return the year of ``moment`` as seen in ``zone``."""
        return cls.containing(local_date(moment, zone))

    @property
    def range(self) -> DateRange:
        """The days of the year."""
        return DateRange(date(self.value, 1, 1), date(self.value + 1, 1, 1))

    def quarters(self) -> tuple[Quarter, Quarter, Quarter, Quarter]:
        """The four quarters of the year, in order."""
        return (
            Quarter(self.value, 1),
            Quarter(self.value, 2),
            Quarter(self.value, 3),
            Quarter(self.value, 4),
        )

    def months(self) -> tuple[Month, ...]:
        """The twelve months of the year, in order."""
        return tuple(Month(self.value, m) for m in range(1, 13))

    def next(self) -> Year:
        """The following year."""
        return Year(self.value + 1)

    def previous(self) -> Year:
        """The preceding year."""
        return Year(self.value - 1)

    def __str__(self) -> str:
        return f"{self.value:04d}"


@attrs.frozen(order=True)
class Quarter(_Period):
    """A calendar quarter: Q1 is January to March.

    >>> from datetime import date
    >>> q = Quarter.parse("2023-Q4")
    >>> str(q), q.first_day, q.last_day, str(q.next())
    ('2023-Q4', datetime.date(2023, 10, 1), datetime.date(2023, 12, 31), '2024-Q1')

    Attributes:
        year: The year, 1 to 9998.
        number: The quarter, 1 to 4.
    """

    year: int = attrs.field(validator=_checks.between(1, _LAST_YEAR))
    number: int = attrs.field(validator=_checks.between(1, 4))

    @classmethod
    @checked
    def parse(cls, text: str) -> Self:
        """Parse ``"2023-Q4"``; the inverse of `str()`."""
        match = _QUARTER.fullmatch(text) if isinstance(text, str) else None
        if match is None:
            raise InvalidValueError("quarter", text, "'YYYY-QN' with N from 1 to 4, e.g. '2023-Q4'")
        return cls(int(match[1]), int(match[2]))

    @classmethod
    @checked(hints=_MOMENT_HINT)
    def containing(cls, day: date) -> Self:
        """Return the quarter of ``day``."""
        return cls(day.year, (day.month - 1) // 3 + 1)

    @classmethod
    @checked
    def containing_moment(cls, moment: datetime, zone: tzinfo) -> Self:
        """Return the quarter of ``moment`` as seen in ``zone``."""
        return cls.containing(local_date(moment, zone))

    @property
    def range(self) -> DateRange:
        """The days of the quarter."""
        start = date(self.year, 3 * self.number - 2, 1)
        if self.number == 4:
            return DateRange(start, date(self.year + 1, 1, 1))
        return DateRange(start, date(self.year, 3 * self.number + 1, 1))

    def months(self) -> tuple[Month, Month, Month]:
        """The three months of the quarter, in order."""
        first = 3 * self.number - 2
        return (
            Month(self.year, first),
            Month(self.year, first + 1),
            Month(self.year, first + 2),
        )

    def next(self) -> Quarter:
        """The following quarter."""
        if self.number == 4:
            return Quarter(self.year + 1, 1)
        return Quarter(self.year, self.number + 1)

    def previous(self) -> Quarter:
        """The preceding quarter."""
        if self.number == 1:
            return Quarter(self.year - 1, 4)
        return Quarter(self.year, self.number - 1)

    def __str__(self) -> str:
        return self.render("en")

    @checked
    def render(self, lang: Language = "en") -> str:
        """The quarter in ``lang``: ``2023-Q3``; ``3 кв. 2023`` in Russian."""
        return _i18n.text(lang, "{year}-Q{number}", year=f"{self.year:04d}", number=self.number)


@attrs.frozen(order=True)
class Month(_Period):
    """A calendar month (the period of hours-worked figures).

    Attributes:
        year: The year, 1 to 9998.
        number: The month, 1 to 12.
    """

    year: int = attrs.field(validator=_checks.between(1, _LAST_YEAR))
    number: int = attrs.field(validator=_checks.between(1, 12))

    @classmethod
    @checked
    def parse(cls, text: str) -> Self:
        """Parse ``"2023-11"``; the inverse of `str()`."""
        match = _MONTH.fullmatch(text) if isinstance(text, str) else None
        if match is None:
            raise InvalidValueError(
                "month", text, "'YYYY-MM' with MM from 01 to 12, e.g. '2023-11'"
            )
        return cls(int(match[1]), int(match[2]))

    @classmethod
    @checked(hints=_MOMENT_HINT)
    def containing(cls, day: date) -> Self:
        """Return the month of ``day``."""
        return cls(day.year, day.month)

    @classmethod
    @checked
    def containing_moment(cls, moment: datetime, zone: tzinfo) -> Self:
        """Return the month of ``moment`` as seen in ``zone``."""
        return cls.containing(local_date(moment, zone))

    @property
    def range(self) -> DateRange:
        """The days of the month."""
        start = date(self.year, self.number, 1)
        if self.number == 12:
            return DateRange(start, date(self.year + 1, 1, 1))
        return DateRange(start, date(self.year, self.number + 1, 1))

    def next(self) -> Month:
        """The following month."""
        if self.number == 12:
            return Month(self.year + 1, 1)
        return Month(self.year, self.number + 1)

    def previous(self) -> Month:
        """The preceding month."""
        if self.number == 1:
            return Month(self.year - 1, 12)
        return Month(self.year, self.number - 1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.number:02d}"


Period = Year | Quarter | Month | DateRange
"""Any period a rule can be evaluated over: a year, a quarter, a month or a date range."""


@checked
def as_range(period: Period) -> DateRange:
    """The days of ``period``.

    Raises:
        InvalidValueError: If ``period`` is not a period.
    """
    return period if isinstance(period, DateRange) else period.range
