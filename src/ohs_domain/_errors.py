"""The library's one exception tree.

Every error the library raises derives from [`OhsDomainError`][ohs_domain.OhsDomainError]
and from the builtin a caller would naturally catch, so ``except ValueError``
and ``except LookupError`` keep working. Errors carry their data in attributes;
their messages say what was wrong, the bad value, and what would be valid.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import attrs

__all__ = [
    "CurrencyMismatchError",
    "IllegalTransitionError",
    "InvalidArgumentError",
    "InvalidDataError",
    "InvalidValueError",
    "NoValueInForceError",
    "OhsDomainError",
    "Problem",
    "UnknownRecordError",
]


class OhsDomainError(Exception):
    """Root of every error raised by ``ohs_domain``."""

    # Tracebacks name the public location, not the private module.
    __module__ = "ohs_domain"


class InvalidValueError(OhsDomainError, ValueError):
    """A value given to a constructor or a function is not valid.

    Attributes:
        field: Where the value was given, relative to the object being built
            (``"amount"``, ``"entries[2].since"``).
        value: The offending value.
        expected: What a valid value looks like.
    """

    __module__ = "ohs_domain"

    def __init__(self, field: str, value: object, expected: str) -> None:
        self.field = field
        self.value = value
        self.expected = expected
        super().__init__(f"{field}: got {_show(value)}; expected {expected}")


class InvalidArgumentError(InvalidValueError, TypeError):
    """A public function, method or constructor was called with a wrong argument.

    Raised before anything is computed, for a value of the wrong type or kind:
    a ``Year`` where a ``Quarter`` is needed, the string ``"2023-Q3"`` for a
    quarter, a naive ``datetime`` for a day. It is both a ``TypeError`` and,
    like every invalid value, a ``ValueError``.

    Attributes:
        function: The callable that refused the argument (``"inspector_pay"``).
        field: The parameter.
        value: The argument given.
        expected: What the parameter takes.
    """

    __module__ = "ohs_domain"

    def __init__(self, function: str, field: str, value: object, expected: str) -> None:
        super().__init__(field, value, expected)
        self.function = function
        self.args = (f"{function}(): {self.args[0]}",)


class CurrencyMismatchError(OhsDomainError, ValueError):
    """Two amounts in different currencies were added, subtracted or compared.

    Attributes:
        operation: The operation attempted (``"+"``, ``"<"``, …).
        left: Currency of the left operand.
        right: Currency of the right operand.
    """

    __module__ = "ohs_domain"

    def __init__(self, operation: str, left: str, right: str) -> None:
        self.operation = operation
        self.left = left
        self.right = right
        super().__init__(
            f"cannot apply {operation!r} to {left} and {right}: "
            "amounts must be in the same currency; convert one of them first"
        )


class NoValueInForceError(OhsDomainError, LookupError):
    """An effective-dated parameter has no value in force on the date asked.

    Attributes:
        parameter: The parameter's name (``"kz.MINIMUM_WAGE"``).
        on: The date asked.
        earliest: The first date the parameter covers.
    """

    __module__ = "ohs_domain"

    def __init__(self, parameter: str, on: object, earliest: object) -> None:
        self.parameter = parameter
        self.on = on
        self.earliest = earliest
        super().__init__(
            f"{parameter} has no value on {on}; the earliest value starts on {earliest}"
        )


class UnknownRecordError(OhsDomainError, LookupError):
    """A record was looked up by an id the bundle does not hold.

    Attributes:
        kind: The kind of record (``"employee"``).
        key: The id asked for.
    """

    __module__ = "ohs_domain"

    def __init__(self, kind: str, key: object) -> None:
        self.kind = kind
        self.key = key
        super().__init__(f"no {kind} with id {key!r} in the records")


class IllegalTransitionError(OhsDomainError, ValueError):
    """A lifecycle transition is not allowed from the current state or time.

    Attributes:
        subject: What was transitioned (``"safety report R-1"``).
        reason: Why the transition is not allowed.
    """

    __module__ = "ohs_domain"

    def __init__(self, subject: str, reason: str) -> None:
        self.subject = subject
        self.reason = reason
        super().__init__(f"{subject}: {reason}")


@attrs.frozen
class Problem:
    """One problem found in data: where it is and what is wrong.

    Attributes:
        path: A JSONPath-like location (``"$.employees[2].department"``): the
            position in the data as given, the one style of every problem.
        message: What is wrong there and what would be valid.
        record: The id of the record at that position, when it has one
            (``"E-0042"``), shown beside the path.
    """

    path: str
    message: str
    record: str | None = None

    def __str__(self) -> str:
        where = self.path if self.record is None else f"{self.path} ({self.record})"
        return f"{where}: {self.message}"


class InvalidDataError(OhsDomainError, ValueError):
    """Data failed validation; every problem found is listed, not only the first.

    Attributes:
        problems: Each problem with its path, in the order found.
    """

    __module__ = "ohs_domain"

    def __init__(self, subject: str, problems: Iterable[Problem]) -> None:
        self.subject = subject
        self.problems = tuple(problems)
        count = len(self.problems)
        lines = "\n".join(f"  {p}" for p in self.problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"{subject}: {count} {noun}\n{lines}")


def _show(value: object) -> str:
    if isinstance(value, int) and value.bit_length() > 1000:  # repr fails past 4,300 digits
        text = f"an integer of about {value.bit_length() * 3 // 10:,} digits"
    elif isinstance(value, date):
        text = f"'{value.isoformat()}'"
    else:
        text = repr(value)
    if len(text) > 80:
        text = text[:77] + "..."
    return f"{text} ({type(value).__name__})"
