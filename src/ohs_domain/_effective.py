"""Effective-dated parameters: values by the date they start to apply.

A [`Schedule`][ohs_domain.Schedule] is how the library holds every number that
law or policy changes over time (the minimum wage, the inspectors' quarterly
amount). Each value carries the date it starts to apply and its
[`Source`][ohs_domain.Source], so an explanation can say which law set it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import date
from typing import Any, Generic, TypeVar

import attrs

from ohs_domain import _checks
from ohs_domain._arguments import checked
from ohs_domain._errors import InvalidValueError, NoValueInForceError
from ohs_domain._i18n import message
from ohs_domain._money import Money
from ohs_domain._periods import DateRange

__all__ = ["Entry", "Schedule", "Source"]

T = TypeVar("T")


@attrs.frozen(kw_only=True)
class Source:
    """Where a value comes from: a law, an order, a company policy.

    >>> from datetime import date
    >>> str(Source(title="Law on the republican budget for 2023-2025",
    ...            number="163-VII", adopted_on=date(2022, 12, 1)))
    'Law on the republican budget for 2023-2025 No. 163-VII of 01.12.2022'

    Attributes:
        title: What the document is.
        number: Its official number, when it has one.
        adopted_on: When it was adopted or approved.
        note: A caveat worth showing next to the value (e.g. a number not verified).
    """

    title: str = attrs.field(validator=_checks.text)
    number: str | None = attrs.field(default=None, validator=_checks.optional(_checks.text))
    adopted_on: date | None = attrs.field(default=None, validator=_checks.optional(_checks.day))
    note: str | None = attrs.field(default=None, validator=_checks.optional(_checks.text))

    def __str__(self) -> str:
        text = self.title
        if self.number is not None:
            text += f" No. {self.number}"
        if self.adopted_on is not None:
            text += f" of {self.adopted_on:%d.%m.%Y}"
        if self.note is not None:
            text += f" ({self.note})"
        return text


@attrs.frozen(kw_only=True)
class Entry(Generic[T]):
    """One value of a schedule and the date it starts to apply.

    Attributes:
        since: The first day the value applies.
        value: The value.
        source: The law or policy that set it.
    """

    since: date = attrs.field(validator=_checks.day)
    value: T
    source: Source = attrs.field(
        validator=_checks.instance(Source, "a Source naming where the value comes from")
    )


@attrs.frozen(kw_only=True)
class Schedule(Generic[T]):
    """An effective-dated parameter: each value applies from its date until the next.

    Built valid or not at all: at least one entry, start dates strictly
    increasing. The last value applies with no end until a new entry is added.

    >>> from datetime import date
    >>> law = Source(title="Company standard")
    >>> amount = Schedule(name="quarterly amount", entries=(
    ...     Entry(since=date(2023, 1, 1), value=15000, source=law),
    ...     Entry(since=date(2025, 1, 1), value=20000, source=law),
    ... ))
    >>> amount.at(date(2024, 12, 31)), amount.at(date(2025, 1, 1))
    (15000, 20000)

    Attributes:
        name: What the parameter is; errors and explanations use it.
        entries: The values, by increasing start date.
    """

    name: str = attrs.field(validator=_checks.text)
    entries: tuple[Entry[T], ...]

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.entries, tuple) or not self.entries:
            raise InvalidValueError(
                "entries", self.entries, "a non-empty tuple of Entry: a parameter needs a value"
            )
        for index, entry in enumerate(self.entries):
            if not isinstance(entry, Entry):
                raise InvalidValueError(f"entries[{index}]", entry, "an Entry")
        for index in range(1, len(self.entries)):
            before, entry = self.entries[index - 1], self.entries[index]
            if entry.since <= before.since:
                raise InvalidValueError(
                    f"entries[{index}].since",
                    entry.since,
                    message(
                        "a date after {day} ({field}): start dates must strictly increase",
                        day=before.since,
                        field=f"entries[{index - 1}].since",
                    ),
                )

    @property
    def earliest(self) -> date:
        """The first day the parameter has a value."""
        return self.entries[0].since

    def _index(self, day: date) -> int:
        index = bisect_right(self.entries, day, key=lambda entry: entry.since)
        if index == 0:
            raise NoValueInForceError(self.name, day, self.earliest)
        return index - 1

    @checked
    def entry_at(self, day: date) -> Entry[T]:
        """Return the entry in force on ``day`` (its value, start date and source).

        Raises:
            NoValueInForceError: If ``day`` is before the first entry.
        """
        return self.entries[self._index(day)]

    @checked
    def at(self, day: date) -> T:
        """Return the value in force on ``day``.

        Raises:
            NoValueInForceError: If ``day`` is before the first entry.
        """
        return self.entries[self._index(day)].value

    @checked
    def entries_during(self, days: DateRange) -> tuple[Entry[T], ...]:
        """Return the entries in force on at least one day of ``days``, in order.

        Raises:
            NoValueInForceError: If ``days`` starts before the first entry.
        """
        if days.is_empty:
            return ()
        first = self._index(days.start)
        stop = bisect_left(self.entries, days.end, key=lambda entry: entry.since)
        return self.entries[first:stop]


@attrs.frozen(repr=False)
class _MoneySchedule:
    """A `Schedule` of `Money` in one currency, every amount positive (or zero if allowed)."""

    allow_zero: bool

    def __call__(self, _instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        expected = (
            "a Schedule of non-negative Money in one currency"
            if self.allow_zero
            else "a Schedule of positive Money in one currency"
        )
        if not isinstance(value, Schedule):
            raise InvalidValueError(attribute.name, value, expected)
        currencies = set()
        for index, entry in enumerate(value.entries):
            amount = entry.value
            if (
                not isinstance(amount, Money)
                or amount.amount < 0
                or (not self.allow_zero and amount.amount == 0)
            ):
                raise InvalidValueError(
                    f"{attribute.name}.entries[{index}].value", amount, expected
                )
            currencies.add(amount.currency)
        if len(currencies) > 1:
            raise InvalidValueError(attribute.name, sorted(currencies), expected)

    def __repr__(self) -> str:
        return f"<money schedule validator{'' if self.allow_zero else ', zero refused'}>"


def money_schedule(*, allow_zero: bool) -> _checks.Validator:
    """A field check: a `Schedule` of `Money` in one currency, each amount positive or zero."""
    return _MoneySchedule(allow_zero)
