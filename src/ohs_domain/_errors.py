"""The library's one exception tree.

Every error the library raises derives from [`OhsDomainError`][ohs_domain.OhsDomainError]
and from the builtin a caller would naturally catch, so ``except ValueError``
and ``except LookupError`` keep working. Errors carry their data in attributes;
their messages say what was wrong, the bad value, and what would be valid.

A message is data too ([`Message`][ohs_domain.Message], in ``text``): ``str(error)``
is English, ``error.render("ru")`` and ``error.render("kk")`` the same message in
Russian and Kazakh, chosen per call.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import attrs

from ohs_domain._arguments import checked, typed_fields
from ohs_domain._i18n import Language, Message, message

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
    """Root of every error raised by ``ohs_domain``.

    Attributes:
        text: The message as data; ``str(error)`` is its English text.
    """

    # Tracebacks name the public location, not the private module.
    __module__ = "ohs_domain"

    text: Message

    def _say(self, text: Message) -> None:
        self.text = text
        super().__init__(str(text))

    @checked
    def render(self, lang: Language = "en") -> str:
        """The message in ``lang`` (``"en"``, ``"ru"`` or ``"kk"``); ``str()`` is English."""
        text = getattr(self, "text", None)
        return str(self) if text is None else text.render(lang)


class InvalidValueError(OhsDomainError, ValueError):
    """A value given to a constructor or a function is not valid.

    Attributes:
        field: Where the value was given, relative to the object being built
            (``"amount"``, ``"entries[2].since"``).
        value: The offending value.
        expected: What a valid value looks like (English).
        expected_text: The same as data, rendered per language (``render("ru")``).
    """

    __module__ = "ohs_domain"

    def __init__(self, field: str, value: object, expected: str | Message) -> None:
        self.field = field
        self.value = value
        self.expected = str(expected)
        self.expected_text = _words(expected)
        self._got = got(value, expected)
        self._say(message("{field}: {problem}", field=field, problem=self._got))


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

    def __init__(self, function: str, field: str, value: object, expected: str | Message) -> None:
        super().__init__(field, value, expected)
        self.function = function
        self._say(message("{function}(): {problem}", function=function, problem=self.text))


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
        self._say(
            message(
                "cannot apply {operation} to {left} and {right}: "
                "amounts must be in the same currency; convert one of them first",
                operation=repr(operation),
                left=left,
                right=right,
            )
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
        self._say(
            message(
                "{parameter} has no value on {on}; the earliest value starts on {earliest}",
                parameter=parameter,
                on=on,
                earliest=earliest,
            )
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
        self._say(
            message("no {kind} with id {key} in the records", kind=_words(kind), key=repr(key))
        )


class IllegalTransitionError(OhsDomainError, ValueError):
    """A lifecycle transition is not allowed from the current state or time.

    Attributes:
        subject: What was transitioned (``"safety report R-1"``).
        reason: Why the transition is not allowed.
    """

    __module__ = "ohs_domain"

    def __init__(self, subject: str | Message, reason: str | Message) -> None:
        self.subject = str(subject)
        self.reason = str(reason)
        # A subject given as a message ("safety report {id}") is translated; a string is shown.
        self._say(message("{subject}: {reason}", subject=subject, reason=_words(reason)))


@attrs.frozen(field_transformer=typed_fields)
class Problem:
    """One problem found in data: where it is and what is wrong.

    Attributes:
        path: A JSONPath-like location (``"$.employees[2].department"``): the
            position in the data as given, the one style of every problem.
        message: What is wrong there and what would be valid.
        record: The id of the record at that position, when it has one
            (``"E-0042"``), shown beside the path.
        text: The message as data, rendered per language by `render`
            (by default the English ``message``, looked up in the catalogs).
    """

    path: str
    message: str
    record: str | None = None
    text: Message = attrs.field(
        default=attrs.Factory(lambda self: Message(self.message), takes_self=True),
        kw_only=True,
        eq=False,
        repr=False,
    )

    @classmethod
    @checked
    def of(cls, path: str, text: Message, record: str | None = None) -> Problem:
        """The problem at ``path`` whose message is ``text`` (its English text is ``message``)."""
        return cls(path, str(text), record, text=text)

    def __str__(self) -> str:
        return self.render("en")

    @checked
    def render(self, lang: Language = "en") -> str:
        """The problem in ``lang``: its path (and record) and its message."""
        where = self.path if self.record is None else f"{self.path} ({self.record})"
        return f"{where}: {self.text.render(lang) if lang != 'en' else self.message}"


class InvalidDataError(OhsDomainError, ValueError):
    """Data failed validation; every problem found is listed, not only the first.

    Attributes:
        problems: Each problem with its path, in the order found.
    """

    __module__ = "ohs_domain"

    def __init__(self, subject: str, problems: Iterable[Problem]) -> None:
        self.subject = subject
        self.problems = tuple(problems)
        self.text = message(
            "{subject}: {n} problem",
            "{subject}: {n} problems",
            subject=subject,
            n=len(self.problems),
        )
        super().__init__(self.render("en"))

    @checked
    def render(self, lang: Language = "en") -> str:
        """The count of problems in ``lang``, then each problem on its own line."""
        lines = "".join(f"\n  {problem.render(lang)}" for problem in self.problems)
        return f"{self.text.render(lang)}{lines}"


def problem_at(path: str, error: InvalidValueError) -> Problem:
    """The problem ``error`` is at ``path``: "got …; expected …", as data."""
    return Problem.of(path, error._got)


def unknown_field(path: str, fields: str) -> Problem:
    """The problem of a field the type does not have, naming the ``fields`` it has."""
    return Problem.of(path, message("unknown field; valid fields are: {fields}", fields=fields))


def got(value: object, expected: str | Message) -> Message:
    """The words of every invalid value: "got ``value``; expected ``expected``"."""
    return message(
        "got {value}; expected {expected}", value=_show(value), expected=_words(expected)
    )


def _words(text: str | Message) -> Message:
    # A fixed English text is its own message id: translated when the catalogs list it.
    return text if isinstance(text, Message) else Message(text)


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
