"""What partial results and results built on demand share.

A partial result holds an evaluation's parameters and the exact tallies of one
part of the records; two parts merge only if their parameters are equal
(`same_parameters`). A result whose detail is costly (one object per person,
the explanation) keeps a *draft* and builds that detail the first time it is
read (`on_demand`); the answer never depends on whether it was asked for.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from ohs_domain._errors import InvalidArgumentError

R = TypeVar("R")


def same_parameters(function: str, mine: object, theirs: object, names: Iterable[str]) -> None:
    """Refuse to merge ``theirs`` into ``mine`` when a parameter differs, naming it.

    Raises:
        InvalidArgumentError: Naming the first parameter that differs.
    """
    for name in names:
        ours, other = getattr(mine, name), getattr(theirs, name)
        if ours != other:
            raise InvalidArgumentError(
                function, name, other, f"the {name} of the tallies it joins: {ours!r}"
            )


def on_demand(result: object, name: str, names: frozenset[str]) -> Any:
    """Build field ``name`` of a drafted ``result`` from its draft, and keep it.

    For a slotted class's ``__getattr__``, which Python calls only for a field
    not set yet: a drafted result leaves the fields in ``names`` unset, and its
    draft has a method of the same name that builds each.

    Raises:
        AttributeError: If ``name`` is not one of ``names``.
    """
    if name not in names:
        raise AttributeError(
            f"{type(result).__name__!r} object has no attribute {name!r}", name=name, obj=result
        )
    value = getattr(object.__getattribute__(result, "_draft"), name)()
    object.__setattr__(result, name, value)
    return value


def drafted(kind: type[R], draft: object, **known: object) -> R:
    """A ``kind`` whose ``known`` fields are set and whose others its ``draft`` builds on demand.

    The fields are the evaluation's own, already valid: set as they are, as
    whenever's ``_from_py_unchecked`` does, without the checks of ``__init__``.
    """
    result = object.__new__(kind)
    for name, value in (*known.items(), ("_draft", draft)):
        object.__setattr__(result, name, value)
    return result
