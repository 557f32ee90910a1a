"""Results built on demand.

A result whose detail is costly (one object per person, the explanation) keeps
a *draft* and builds that detail the first time it is read (`on_demand`); the
answer never depends on whether it was asked for.
"""

from __future__ import annotations

from typing import Any, TypeVar

R = TypeVar("R")


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
