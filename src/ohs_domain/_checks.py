"""Field validators shared by the domain objects (attrs ``validator=`` callables).

Each is a small callable class with a ``repr`` (as in attrs' own ``validators``),
built once: plain checks are module-level instances (`text`, `day`), checks that
take a parameter are built by a function (`member(RiskLevel)`). Each raises
[`InvalidValueError`][ohs_domain.InvalidValueError] naming the field, the bad
value and what a valid one looks like.

The bottom layer of the package: it imports nothing above the error tree, so
every value module can use it. A check that needs a domain type (a schedule of
money) lives with that type.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any, Final

import attrs

from ohs_domain._errors import InvalidValueError
from ohs_domain._i18n import Message, message  # below the error tree: its words as data

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
DAY: Final = "a datetime.date (a day, not a moment)"


def is_identifier(value: object) -> bool:
    """Whether ``value`` can be an id: visible characters, no blanks at either end."""
    return (
        isinstance(value, str)
        and value != ""
        and value == value.strip()
        and UNSAFE_IN_ID.search(value) is None
    )


@attrs.frozen(repr=False)
class _Text:
    """A non-empty string that is not only blanks and holds no control character."""

    def __call__(self, _instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str) or not value.strip() or UNSAFE_IN_TEXT.search(value):
            raise InvalidValueError(attribute.name, value, TEXT)

    def __repr__(self) -> str:
        return "<text validator>"


@attrs.frozen(repr=False)
class _Identifier:
    """An id of a record or a reference to one."""

    def __call__(self, _instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not is_identifier(value):
            raise InvalidValueError(attribute.name, value, ID)

    def __repr__(self) -> str:
        return "<identifier validator>"


@attrs.frozen(repr=False)
class _Day:
    """A `date` that is not a `datetime` (a day, not a moment)."""

    def __call__(self, _instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        # ``datetime`` is a subclass of ``date``; a moment is not a day.
        if not isinstance(value, date) or isinstance(value, datetime):
            raise InvalidValueError(attribute.name, value, DAY)

    def __repr__(self) -> str:
        return "<day validator>"


# A moment's day in any zone (offsets reach ±14 h) must be a day the periods can hold.
EARLIEST_MOMENT: Final = datetime(1, 1, 2, tzinfo=UTC)
LATEST_MOMENT: Final = datetime(9998, 12, 30, tzinfo=UTC)


@attrs.frozen(repr=False)
class _Moment:
    """A time-zone-aware `datetime` whose day in any zone is a day the periods hold."""

    def __call__(self, _instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
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

    def __repr__(self) -> str:
        return "<moment validator>"


@attrs.frozen(repr=False)
class _Flag:
    """A `bool` (not 0/1, not a string)."""

    def __call__(self, _instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, bool):
            raise InvalidValueError(attribute.name, value, "True or False")

    def __repr__(self) -> str:
        return "<flag validator>"


@attrs.frozen(repr=False)
class _Between:
    """An `int` (not a `bool`) from ``low`` to ``high``, both included (``None``: no bound)."""

    low: int
    high: int | None  # no upper bound

    def __call__(self, _instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if (
            isinstance(value, bool)
            or not isinstance(value, int)
            or value < self.low
            or (self.high is not None and value > self.high)
        ):
            raise InvalidValueError(attribute.name, value, self.expected)

    @property
    def expected(self) -> Message:
        """What a valid value looks like."""
        if self.high is None:  # ``count``, the one check without an upper bound
            return Message("a non-negative int")
        return message("an int from {low} to {high}", low=str(self.low), high=str(self.high))

    def __repr__(self) -> str:
        return f"<int validator for {self.low}..{'' if self.high is None else self.high}>"


@attrs.frozen(repr=False)
class _Ids:
    """A non-empty frozenset of ids (references by id)."""

    def __call__(self, _instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, frozenset) or not value:
            raise InvalidValueError(attribute.name, value, "a non-empty frozenset of ids")
        for item in value:
            if not is_identifier(item):
                raise InvalidValueError(
                    attribute.name, value, message("ids, each {id}", id=Message(ID))
                )

    def __repr__(self) -> str:
        return "<ids validator>"


@attrs.frozen(repr=False)
class _MemberOf:
    """A member of the enum ``kind``."""

    kind: Any  # an enum class (mypy has no type for "any enum class" that iterates)

    def __call__(self, _instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, self.kind):
            names = ", ".join(f"{self.kind.__name__}.{m.name}" for m in self.kind)
            raise InvalidValueError(attribute.name, value, message("one of {values}", values=names))

    def __repr__(self) -> str:
        return f"<member validator for {self.kind.__name__}>"


@attrs.frozen(repr=False)
class _InstanceOf:
    """An instance of ``kind``; ``expected`` says what one is for, if "a Kind" is too little."""

    kind: type
    expected: str | Message

    def __call__(self, _instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, self.kind):
            raise InvalidValueError(attribute.name, value, self.expected)

    def __repr__(self) -> str:
        return f"<instance validator for {self.kind.__name__}>"


@attrs.frozen(repr=False)
class _Optional:
    """``None`` or what ``check`` accepts."""

    check: Validator

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            self.check(instance, attribute, value)

    def __repr__(self) -> str:
        return f"<optional validator for {self.check!r} or None>"


@attrs.frozen(repr=False)
class _NotBelowField:
    """A value no lower than the one in field ``other`` (when both are set)."""

    other: str
    wording: str  # how the message says "no lower than": "a day on or after {other} ({low})"

    def __call__(self, owner: object, attribute: attrs.Attribute[Any], value: object) -> None:
        low = getattr(owner, self.other)
        if value is not None and low is not None and value < low:
            raise InvalidValueError(
                attribute.name,
                value,
                message(
                    self.wording, other=self.other, low=str(low) if isinstance(low, int) else low
                ),
            )

    def __repr__(self) -> str:
        return f"<validator for {self.wording.split(' {')[0]} field {self.other}>"


text: Final[Validator] = _Text()
identifier: Final[Validator] = _Identifier()
day: Final[Validator] = _Day()
moment: Final[Validator] = _Moment()
flag: Final[Validator] = _Flag()
count: Final[Validator] = _Between(0, None)
ids: Final[Validator] = _Ids()


# Converters for id fields, which keep the id's own type (``EmployeeId``) as the attribute's
# while a constructor takes a plain ``str``: ``Employee(id="E-1", ...)`` type-checks as it
# runs. An id is a string at run time (a ``NewType``), so they return what they are given;
# the field's validator then checks it.
def to_id(value: str) -> Any:
    """A field converter: a plain string given for an id (the validator checks it)."""
    return value


def to_ids(value: frozenset[str]) -> Any:
    """A field converter: a frozenset of plain strings given for ids (the validator checks it)."""
    return value


def between(low: int, high: int) -> Validator:
    """An `int` (not a `bool`) from ``low`` to ``high``, both included."""
    return _Between(low, high)


def member(kind: type) -> Validator:
    """A member of the enum ``kind``."""
    return _MemberOf(kind)


def instance(kind: type, expected: str | Message | None = None) -> Validator:
    """An instance of ``kind``; the error says ``expected`` (by default "a Kind")."""
    return _InstanceOf(
        kind, message("a {kind}", kind=kind.__name__) if expected is None else expected
    )


def optional(check: Validator) -> Validator:
    """``None`` or what ``check`` accepts."""
    return _Optional(check)


def not_before(other: str) -> Validator:
    """A day on or after the day in field ``other`` (when both are set)."""
    return _NotBelowField(other, "a day on or after {other} ({low})")


def at_least(other: str) -> Validator:
    """A number no lower than the one in field ``other`` (when both are set)."""
    return _NotBelowField(other, "at least {other} ({low})")
