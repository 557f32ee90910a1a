"""Partial results: evaluate parts of the records, combine them, decide once over the whole.

Every evaluator ``f(records, **params)`` has a ``f_partial(part, **params)``
that returns exact, mergeable tallies of one part (counts, sets of ids, exact
multisets of durations, never approximations). ``a.combine(b)`` is associative
and commutative; ``FPartial.empty(**params)`` is its identity; ``finalize()``
decides shares, medians and lists once, over the merged tallies, and gives the
same result and explanation as evaluating the whole. The whole evaluation is
itself ``f_partial(records, **params).finalize()``: one code path.

Nothing here knows of an engine: a part can be evaluated in any process (the
partials pickle) and the fold can run in Dask, Spark or a plain loop.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final, Protocol, Self, TypeVar, cast, runtime_checkable

import attrs

from ohs_domain._arguments import checked
from ohs_domain._errors import InvalidArgumentError

__all__ = ["Partial", "combine"]

R_co = TypeVar("R_co", covariant=True)
P = TypeVar("P", bound="Partial[Any]")

_MERGE: Final = "merge"


@runtime_checkable
class Partial(Protocol[R_co]):
    """What every partial result does: combine with another of its kind, then finalize."""

    def combine(self, other: Self, /) -> Self:
        """The tallies of both parts; associative and commutative."""
        ...  # pragma: no cover - a protocol's signature

    def finalize(self) -> R_co:
        """The result of the parts combined, as evaluating them as one would give."""
        ...  # pragma: no cover - a protocol's signature


@checked
def combine(partials: Iterable[P], /) -> P:
    """Fold a non-empty iterable of partial results of one kind with their ``combine``.

    >>> from datetime import date
    >>> from ohs_domain import Year, demo, engagement, engagement_partial, partition
    >>> parts = partition(demo.build_records(), by="department")
    >>> merged = combine(engagement_partial(p, period=Year(2023), as_of=date(2023, 12, 31))
    ...                  for p in parts.values())
    >>> merged.finalize() == engagement(demo.build_records(), period=Year(2023),
    ...                                 as_of=date(2023, 12, 31))
    True

    Raises:
        InvalidArgumentError: If ``partials`` is empty, not iterable, or mixes kinds or
            parameters (the error names the parameter that differs).
    """
    folded: P | None = None
    for partial in partials:
        if not isinstance(partial, Partial):
            raise InvalidArgumentError("combine", "partials", partial, "partial results")
        folded = partial if folded is None else folded.combine(partial)
    if folded is None:
        raise InvalidArgumentError(
            "combine", "partials", partials, "at least one partial (use FPartial.empty(...))"
        )
    return folded


def same_parameters(function: str, mine: object, theirs: object, names: Iterable[str]) -> None:
    """Refuse to merge ``theirs`` into ``mine`` when a parameter differs, naming it.

    Every partial's ``combine`` checks its parameters here: two parts merge only
    if they were evaluated alike.

    Raises:
        InvalidArgumentError: Naming the first parameter that differs.
    """
    for name in names:
        ours, other = getattr(mine, name), getattr(theirs, name)
        if ours != other:
            raise InvalidArgumentError(
                function, name, other, f"{ours}, as in the partial it is combined with"
            )


# -- how fields merge ----------------------------------------------------------------------


def parameter() -> Any:
    """A field that must be equal in both partials: an evaluation's parameter."""
    return attrs.field(metadata={_MERGE: None})


def summed(empty: Callable[[], Any] = int) -> Any:
    """A field that adds up: counts, hours, ``Counter`` multisets of exact values."""
    return attrs.field(factory=empty, metadata={_MERGE: _add})


def united(empty: Callable[[], Any] = frozenset) -> Any:
    """A field of ids seen in either part: a ``frozenset``, or a mapping whose copies agree."""
    return attrs.field(factory=empty, metadata={_MERGE: _unite})


def united_per_key() -> Any:
    """A mapping of sets, united key by key."""
    return attrs.field(factory=dict, metadata={_MERGE: _unite_per_key})


def latest() -> Any:
    """An optional value of which the later is kept (``None`` when neither part has one)."""
    return attrs.field(default=None, metadata={_MERGE: _latest})


def nested(empty: Callable[[], Any]) -> Any:
    """A field that is itself tallies, combined with its own ``combine``."""
    return attrs.field(factory=empty, metadata={_MERGE: _nested})


def _add(a: Any, b: Any) -> Any:
    if isinstance(a, Counter):
        merged = Counter(a)
        merged.update(b)
        return merged
    return a + b


def _unite(a: Any, b: Any) -> Any:
    return a | b if isinstance(a, frozenset) else {**a, **b}


def _unite_per_key(a: Mapping[Any, frozenset[Any]], b: Mapping[Any, frozenset[Any]]) -> Any:
    return {key: a.get(key, frozenset()) | b.get(key, frozenset()) for key in a.keys() | b.keys()}


def _latest(a: Any, b: Any) -> Any:
    return b if a is None else a if b is None else max(a, b)


def _nested(a: Tallies, b: Tallies) -> Tallies:
    return a.combine(b)


class Tallies:
    """The combine of an attrs class whose fields say how they merge (`parameter`, `summed`, …)."""

    __slots__ = ()

    def combine(self, other: Self, /) -> Self:
        """Both parts' tallies; the parameters must be the same.

        Raises:
            InvalidArgumentError: If ``other`` is another kind of partial, or was made
                with a different value of a parameter (named in the error).
        """
        kind = type(self)
        name = f"{kind.__name__}.combine"
        if type(other) is not kind:
            raise InvalidArgumentError(name, "other", other, f"a {kind.__name__}")
        fields = attrs.fields(cast(type[attrs.AttrsInstance], kind))
        same_parameters(name, self, other, [f.name for f in fields if f.metadata[_MERGE] is None])
        merged: dict[str, Any] = {}
        for field in fields:
            merge: Callable[[Any, Any], Any] | None = field.metadata[_MERGE]
            mine = getattr(self, field.name)
            merged[field.name] = mine if merge is None else merge(mine, getattr(other, field.name))
        return kind(**merged)
