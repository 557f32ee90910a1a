"""Explanations: how a result was reached, step by step, with its sources.

Every evaluator attaches an [`Explanation`][ohs_domain.Explanation] to its
result. Each [`Step`][ohs_domain.Step] says what was computed and its result,
and lists the [`Fact`][ohs_domain.Fact]s it used: inputs from the records and
parameter values with the date they took effect and the law or policy that set them.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs

from ohs_domain._arguments import checked
from ohs_domain._effective import Entry, Source

__all__ = ["Explanation", "Fact", "Step"]


@attrs.frozen(kw_only=True)
class Fact:
    """A value a step used: an input, or a parameter with its source.

    Attributes:
        name: What the value is (``"minimum wage"``, ``"reference date"``).
        value: The value as shown to a reader (``"70,000 KZT"``).
        since: For a parameter, the day its value took effect.
        source: For a parameter, the law or policy that set it.
    """

    name: str
    value: str
    since: date | None = None
    source: Source | None = None

    @classmethod
    @checked
    def parameter(cls, name: str, entry: Entry[Any]) -> Fact:
        """Describe the schedule entry a step used, with its start date and source."""
        return cls(name=name, value=str(entry.value), since=entry.since, source=entry.source)

    def __str__(self) -> str:
        text = f"{self.name} = {self.value}"
        origin = [f"since {self.since}"] if self.since is not None else []
        if self.source is not None:
            origin.append(str(self.source))
        return f"{text} ({'; '.join(origin)})" if origin else text


@attrs.frozen(kw_only=True)
class Step:
    """One step of a computation.

    Attributes:
        description: What was computed.
        result: What it came to, as shown to a reader.
        facts: The inputs and parameter values used.
    """

    description: str
    result: str
    facts: tuple[Fact, ...] = ()


@attrs.frozen
class Explanation:
    """The ordered steps behind a result; `str()` renders them as text.

    >>> from ohs_domain import Explanation, Fact, Step
    >>> print(Explanation((
    ...     Step(description="submissions issued in 2023-Q1", result="3",
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
        lines: list[str] = []
        for number, step in enumerate(self.steps, start=1):
            lines.append(f"{number}. {step.description}: {step.result}")
            lines.extend(f"     {fact}" for fact in step.facts)
        return "\n".join(lines)
