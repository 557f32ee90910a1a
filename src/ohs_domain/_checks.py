"""Field validators shared by the domain objects (attrs ``validator=`` callables).

Each raises [`InvalidValueError`][ohs_domain.InvalidValueError] naming the
field, the bad value and what a valid one looks like.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any, Final

import attrs

from ohs_domain._effective import Schedule
from ohs_domain._errors import InvalidValueError
from ohs_domain._money import Money

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


# Characters no OHS text needs and that make text lie about itself: C0 and C1 controls
# (tab, line feed and carriage return aside), bidirectional overrides and isolates (they
# reorder what a reader sees), and lone surrogates (no UTF-8 encoding exists for them).
UNSAFE_IN_TEXT: Final = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
# In an id, also every other invisible or format character and any line break or tab.
UNSAFE_IN_ID: Final = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e"
    "\u2060-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff]"
)
TEXT: Final = (
    "a non-empty string without control characters, bidirectional overrides or lone surrogates"
)
ID: Final = (
    "an id: a non-empty string of visible characters, without spaces at either end, e.g. 'E-0042'"
)


def text(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A non-empty string that is not only blanks and holds no control character."""
    if not isinstance(value, str) or not value.strip() or UNSAFE_IN_TEXT.search(value):
        raise InvalidValueError(attribute.name, value, TEXT)


def is_identifier(value: object) -> bool:
    """Whether ``value`` can be an id: visible characters, no blanks at either end."""
    return (
        isinstance(value, str)
        and value != ""
        and value == value.strip()
        and UNSAFE_IN_ID.search(value) is None
    )


def identifier(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An id of a record or a reference to one."""
    if not is_identifier(value):
        raise InvalidValueError(attribute.name, value, ID)


def day(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A `date` that is not a `datetime` (a day, not a moment)."""
    if not isinstance(value, date) or isinstance(value, datetime):
        raise InvalidValueError(attribute.name, value, "a datetime.date (a day, not a moment)")


# A moment's day in any zone (offsets reach ±14 h) must be a day the periods can hold.
EARLIEST_MOMENT: Final = datetime(1, 1, 2, tzinfo=UTC)
LATEST_MOMENT: Final = datetime(9998, 12, 30, tzinfo=UTC)


def moment(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A time-zone-aware `datetime` whose day in any zone is a day the periods hold."""
    if not isinstance(value, datetime) or value.utcoffset() is None:
        raise InvalidValueError(
            attribute.name,
            value,
            "a time-zone-aware datetime, e.g. datetime(2023, 5, 4, 9, 30, tzinfo=kz.ALMATY)",
        )
    # (Aware moments compare by their offsets: no UTC datetime is built, so none overflows.
    # Offsets stay within a day, so the years between are in range without comparing.)
    if not 2 <= value.year <= 9997 and not EARLIEST_MOMENT <= value <= LATEST_MOMENT:
        raise InvalidValueError(
            attribute.name, value, "a moment from 0001-01-02 to 9998-12-30 (UTC)"
        )


def flag(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A `bool` (not 0/1, not a string)."""
    if not isinstance(value, bool):
        raise InvalidValueError(attribute.name, value, "True or False")


def count(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A non-negative `int` (not a `bool`)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidValueError(attribute.name, value, "a non-negative int")


def member(kind: type) -> Validator:
    """A member of the enum ``kind``."""

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            names = ", ".join(f"{kind.__name__}.{m.name}" for m in kind)  # type: ignore[attr-defined]
            raise InvalidValueError(attribute.name, value, f"one of {names}")

    return check


def instance(kind: type) -> Validator:
    """An instance of ``kind``."""

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            raise InvalidValueError(attribute.name, value, f"a {kind.__name__}")

    return check


def optional(check: Validator) -> Validator:
    """``None`` or what ``check`` accepts."""

    def check_optional(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            check(_instance, attribute, value)

    return check_optional


def ids(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A non-empty frozenset of non-empty strings (references by id)."""
    if not isinstance(value, frozenset) or not value:
        raise InvalidValueError(attribute.name, value, "a non-empty frozenset of ids")
    for item in value:
        if not is_identifier(item):
            raise InvalidValueError(attribute.name, value, f"ids, each {ID}")


def not_before(other: str) -> Validator:
    """A day on or after the day in field ``other`` (when both are set)."""

    def check(owner: object, attribute: attrs.Attribute[Any], value: object) -> None:
        earlier = getattr(owner, other)
        if value is not None and earlier is not None and value < earlier:
            raise InvalidValueError(attribute.name, value, f"a day on or after {other} ({earlier})")

    return check


def money_schedule(*, allow_zero: bool) -> Validator:
    """A `Schedule` of `Money` in one currency, every amount positive (or zero if allowed)."""
    floor = "non-negative" if allow_zero else "positive"

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        expected = f"a Schedule of {floor} Money in one currency"
        if not isinstance(value, Schedule):
            raise InvalidValueError(attribute.name, value, expected)
        currencies = set()
        for index, entry in enumerate(value.entries):
            amount = entry.value
            if (
                not isinstance(amount, Money)
                or amount.amount < 0
                or (not allow_zero and amount.amount == 0)
            ):
                raise InvalidValueError(
                    f"{attribute.name}.entries[{index}].value", amount, expected
                )
            currencies.add(amount.currency)
        if len(currencies) > 1:
            raise InvalidValueError(attribute.name, sorted(currencies), expected)

    return check
