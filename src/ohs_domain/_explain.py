"""Explanations: how a result was reached, step by step, with its sources.

Every evaluator attaches an [`Explanation`][ohs_domain.Explanation] to its
result. Each [`Step`][ohs_domain.Step] says what was computed and its result,
and lists the [`Fact`][ohs_domain.Fact]s it used: inputs from the records and
parameter values with the date they took effect and the law or policy that set them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any, TypeAlias, cast

import attrs

from ohs_domain import _i18n
from ohs_domain._arguments import checked, typed_fields
from ohs_domain._effective import Entry, Source
from ohs_domain._i18n import Language, Message
from ohs_domain._measures import Rate, Share, _grouped
from ohs_domain._money import Money
from ohs_domain._outcomes import ExclusionReason, PayReason
from ohs_domain._periods import DateRange, Month, Quarter, Year

__all__ = ["Explanation", "Fact", "Step", "Value", "show"]

Value: TypeAlias = (
    str
    | bool
    | int
    | Decimal
    | Fraction
    | date
    | Money
    | Share
    | Rate
    | Quarter
    | Month
    | Year
    | DateRange
    | Source
    | PayReason
    | ExclusionReason
    | tuple["Value", ...]
    | None
)
"""What a fact or a step holds: the value itself, formatted only when shown."""


@checked
def show(value: Value, lang: Language = "en") -> str:
    """The text of ``value`` in ``lang`` as an explanation shows it (English by default).

    The one place explanations format values: English keeps the library's
    formats; Russian and Kazakh use CLDR's (``2 699``, ``70 000 KZT``,
    ``31.12.2023``) and each value's own ``render(lang)``.

    >>> from datetime import date
    >>> from fractions import Fraction
    >>> from ohs_domain import Money, show
    >>> show(2_699), show(Money(70_000)), show(date(2023, 12, 31)), show(True)
    ('2,699', '70,000 KZT', '2023-12-31', 'true')
    >>> show(Fraction(2699, 2)), show(None), show((Money(0), "no submission"))
    ('1,349.50', '', '0 KZT; no submission')
    """
    if lang == "en":
        for kind, render in _SHOWN:
            if isinstance(value, kind):
                return render(value)
        return str(value)  # a date, a str, or a value whose str() is its English text
    return _shown(value, lang)


def _shown(value: Value, lang: Language) -> str:  # noqa: PLR0911 - one case a kind
    match value:
        case None:
            return ""
        case bool():
            return _i18n.text(lang, "true") if value else _i18n.text(lang, "false")
        case int() | Decimal():
            return _i18n.number(value, lang)
        case Fraction():
            return _grouped(value, lang)
        case tuple():
            return "; ".join(_shown(item, lang) for item in value)
        case date():
            return _i18n.day(value, lang)
        case str() | Source() | Year() | Month():
            return str(value)  # ids, the law's own title, years and months read the same
        case _:
            return value.render(lang)  # money, shares, rates, periods, reasons, messages


_SHOWN: tuple[tuple[type | tuple[type, ...], Callable[[Any], str]], ...] = (
    (type(None), lambda _: ""),
    (bool, lambda value: str(value).lower()),
    ((int, Decimal), lambda value: f"{value:,}"),
    (Fraction, _grouped),
    (tuple, lambda value: "; ".join(show(item) for item in value)),
)


class _Worded:
    """What a fact and a step share: words kept as messages when built from data (``of``)."""

    __slots__ = ()
    _words: tuple[Message, Message | None] | None

    def _keep(self, words: Message, said: Message | None) -> None:
        object.__setattr__(self, "_words", (words, said))  # frozen: set once, while built

    def _label(self, text: str, lang: Language) -> str:
        words = self._words
        return _i18n.gettext(lang, text) if words is None else words[0].render(lang)

    def _shown(self, value: Value, lang: Language) -> str:
        said = None if self._words is None else self._words[1]
        return show(value, lang) if said is None else said.render(lang)


def _english(words: str | Message, value: Value | Message) -> tuple[Message, Message | None, Value]:
    """The messages behind a label and a value, and the value as the English text keeps it."""
    label = words if isinstance(words, Message) else Message(words)
    said = value if isinstance(value, Message) else None
    return label, said, str(said) if said is not None else cast(Value, value)


_WORDS: Any = attrs.field(default=None, init=False, eq=False, repr=False)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Fact(_Worded):
    """A value a step used: an input, or a parameter with its source.

    Attributes:
        name: What the value is (``"minimum wage"``, ``"reference date"``).
        value: The value itself (``Money(70_000)``); `show` formats it.
        since: For a parameter, the day its value took effect.
        source: For a parameter, the law or policy that set it.
    """

    name: str
    value: Value
    since: date | None = None
    source: Source | None = None
    _words: tuple[Message, Message | None] | None = _WORDS  # see `of`

    @classmethod
    @checked
    def of(cls, *, name: str | Message, value: Value | Message) -> Fact:
        """A fact whose name and value may be messages that keep their values (they translate).

        >>> from ohs_domain import Fact, Message
        >>> counted = Message("{n} report(s)", (("n", 2),), "{n} report(s)")
        >>> fact = Fact.of(name="events", value=counted)
        >>> print(fact.value, "|", fact.render("ru"))
        2 report(s) | события = 2 сообщения
        """
        label, said, shown = _english(name, value)
        fact = cls(name=str(label), value=shown)
        fact._keep(label, said)
        return fact

    @classmethod
    @checked
    def parameter(cls, name: str, entry: Entry[Any]) -> Fact:
        """Describe the schedule entry a step used, with its start date and source."""
        return cls(name=name, value=entry.value, since=entry.since, source=entry.source)

    def __str__(self) -> str:
        return self.render("en")

    @checked
    def render(self, lang: Language = "en") -> str:
        """The fact in ``lang``: its name, value, and where a parameter came from."""
        text = f"{self._label(self.name, lang)} = {self._shown(self.value, lang)}"
        origin = (
            [_i18n.text(lang, "since {day}", day=_i18n.day(self.since, lang))]
            if self.since is not None
            else []
        )
        if self.source is not None:
            origin.append(str(self.source))
        return f"{text} ({'; '.join(origin)})" if origin else text


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Step(_Worded):
    """One step of a computation.

    A step built by [`of`][ohs_domain.Step.of] from [`Message`][ohs_domain.Message]s
    keeps its words as data, so a description that names values ("submissions
    issued in 2023-Q1") renders in Russian and Kazakh with its values shown per
    language; its ``description`` and ``result`` are the English text, which is
    what equality, ``str()`` and the wire form see.

    Attributes:
        description: What was computed.
        result: What it came to, the value itself (``None`` when the step is a finding
            without a figure, such as "no reports registered in 2024").
        facts: The inputs and parameter values used.
    """

    description: str
    result: Value
    facts: tuple[Fact, ...] = ()
    _words: tuple[Message, Message | None] | None = _WORDS  # see `of`

    @classmethod
    @checked
    def of(
        cls, *, description: str | Message, result: Value | Message, facts: tuple[Fact, ...] = ()
    ) -> Step:
        """A step whose description and result may be messages that keep their values.

        >>> from ohs_domain import Message, Quarter, Step
        >>> issued = Message("submissions issued in {period}", (("period", Quarter(2023, 1)),))
        >>> step = Step.of(description=issued, result=3)
        >>> step.description, step.render("ru")
        ('submissions issued in 2023-Q1', 'представления, выданные за 1 кв. 2023: 3')
        """
        label, said, shown = _english(description, result)
        step = cls(description=str(label), result=shown, facts=facts)
        step._keep(label, said)
        return step

    def __str__(self) -> str:
        return self.render("en")

    @checked
    def render(self, lang: Language = "en") -> str:
        """The step in ``lang``: what was computed and its result (without its facts)."""
        description = self._label(self.description, lang)
        if self.result is None:
            return description
        return f"{description}: {self._shown(self.result, lang)}"


@attrs.frozen(field_transformer=typed_fields)
class Explanation:
    """The ordered steps behind a result; `str()` renders them as text.

    >>> from ohs_domain import Explanation, Fact, Step
    >>> print(Explanation((
    ...     Step(description="submissions issued in 2023-Q1", result=3,
    ...          facts=(Fact(name="inspector", value="E-0042"),)),
    ... )))
    1. submissions issued in 2023-Q1: 3
         inspector = E-0042

    Attributes:
        steps: The steps, in the order they were taken.
    """

    steps: tuple[Step, ...] = ()

    @checked
    def then(self, step: Step) -> Explanation:
        """Return this explanation with ``step`` appended."""
        return Explanation((*self.steps, step))

    def __str__(self) -> str:
        return self.render("en")

    @checked
    def render(self, lang: Language = "en") -> str:
        """The steps in ``lang``, numbered, each with its facts.

        Step descriptions and fact names are translated, those built from data
        (``"submissions issued in 2023-Q1"``) with their values shown per ``lang``.
        """
        lines: list[str] = []
        for number, step in enumerate(self.steps, start=1):
            lines.append(f"{number}. {step.render(lang)}")
            lines.extend(f"     {fact.render(lang)}" for fact in step.facts)
        return "\n".join(lines)
