"""Argument checks for every public function and method, read from their annotations.

A payroll library must refuse a wrong argument, never pay a plausible wrong
amount: ``inspector_pay(records, quarter=Year(2023), ...)`` must not return one
quarter's pay for a year. [`checked`][] wraps a callable so that each argument
is checked against its annotation when the callable is called; a wrong one
raises [`InvalidArgumentError`][ohs_domain.InvalidArgumentError] naming the
callable, the parameter, the value and what the parameter takes. Nothing is
coerced: a ``Year`` where a ``Quarter`` is annotated is refused, and so is the
string ``"2023-Q3"``.

The annotations are the single source of truth, so the check and the signature
cannot drift apart. They are resolved on the first call (modules use
``from __future__ import annotations``), once per callable.

This module sits at the bottom of the layers: it imports nothing of the
library when it is imported, so that the error tree's own methods (``render``)
are checked too; the error class is looked up when an argument is refused.
"""

from __future__ import annotations

import enum
import functools
import inspect
import sys
import types
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime, tzinfo
from decimal import Decimal
from fractions import Fraction
from itertools import repeat
from typing import TYPE_CHECKING, Any, Final, TypeVar, cast, get_args, get_origin

if TYPE_CHECKING:
    from ohs_domain._errors import InvalidArgumentError

F = TypeVar("F", bound=Callable[..., Any])

_MARK: Final = "__ohs_checked__"


class Check:
    """What one annotation accepts: a predicate and the words that describe it.

    Attributes:
        accepts: Whether a value is acceptable.
        expected: What an acceptable value looks like, as said in an error.
        kinds: The classes it accepts instances of, when that is all it checks:
            a union of such checks is then one ``isinstance`` call.
    """

    __slots__ = ("accepts", "expected", "kinds")

    def __init__(
        self, accepts: Callable[[object], bool], expected: str, kinds: tuple[type, ...] = ()
    ) -> None:
        self.accepts = accepts
        self.expected = expected
        self.kinds = kinds

    def __repr__(self) -> str:
        return f"<Check {self.expected}>"


def _article(name: str) -> str:
    return f"an {name}" if name[:1].lower() in "aeiou" else f"a {name}"


# The domain's meanings, which a plain isinstance would blur: a bool is not an int,
# a moment is not a day, a naive datetime is not a moment.
_SPECIAL: Final[dict[type, Check]] = {
    bool: Check(lambda v: isinstance(v, bool), "True or False"),
    int: Check(lambda v: isinstance(v, int) and not isinstance(v, bool), "an int"),
    date: Check(
        lambda v: isinstance(v, date) and not isinstance(v, datetime),
        "a datetime.date (a day, not a moment)",
    ),
    datetime: Check(
        lambda v: isinstance(v, datetime) and v.utcoffset() is not None,
        "a time-zone-aware datetime, e.g. datetime(2023, 5, 4, 9, 30, tzinfo=kz.ALMATY)",
    ),
    str: Check(lambda v: isinstance(v, str), "a string", (str,)),
    Decimal: Check(lambda v: isinstance(v, Decimal) and v.is_finite(), "a finite Decimal"),
    Fraction: Check(lambda v: isinstance(v, Fraction), "a fractions.Fraction", (Fraction,)),
    tzinfo: Check(
        lambda v: isinstance(v, tzinfo), "a time zone, e.g. zoneinfo.ZoneInfo('Asia/Almaty')"
    ),
}


def _instance_of(kind: type) -> Check:
    if kind in _SPECIAL:
        return _SPECIAL[kind]
    if isinstance(kind, enum.EnumMeta):
        members = ", ".join(f"{kind.__name__}.{m.name}" for m in cast(Iterable[enum.Enum], kind))
        return Check(lambda v: isinstance(v, kind), f"one of {members}", (kind,))
    return Check(lambda v: isinstance(v, kind), _article(kind.__name__), (kind,))


def _union(options: Sequence[Check]) -> Check:
    tests = tuple(option.accepts for option in options)
    words = [option.expected for option in options]
    expected = words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"
    if all(option.kinds for option in options):  # the reasons' unions: one isinstance
        kinds = tuple(kind for option in options for kind in option.kinds)
        return Check(lambda v: isinstance(v, kinds), expected, kinds)
    return Check(lambda v: any(test(v) for test in tests), expected)


def _elements(container: Check, element: Check | None, noun: str) -> Check:
    if element is None:
        return container
    outer, inner, kinds = container.accepts, element.accepts, element.kinds
    if kinds:  # each item one isinstance, in C (a partial's sets hold thousands of ids)
        return Check(
            lambda v: outer(v) and all(map(isinstance, cast(Iterable[object], v), repeat(kinds))),
            f"{noun} of {_plural(element.expected)}",
        )
    return Check(
        lambda v: outer(v) and all(inner(item) for item in cast(Iterable[object], v)),
        f"{noun} of {_plural(element.expected)}",
    )


def _plural(expected: str) -> str:
    # "a Month" -> "Month items": plain and never wrong.
    for article in ("a ", "an "):
        if expected.startswith(article):
            return f"{expected.removeprefix(article)} items"
    return f"items that are each {expected}"


def _not_text(v: object) -> bool:
    return not isinstance(v, str | bytes | Mapping)


def compile_check(annotation: object) -> Check | None:  # noqa: PLR0911, PLR0912 - one per form
    """The check an annotation asks for; ``None`` where it asks for nothing."""
    if annotation in (Any, object, inspect.Parameter.empty) or isinstance(annotation, TypeVar):
        return None
    if annotation is None or annotation is type(None):
        return Check(lambda v: v is None, "None")
    supertype = getattr(annotation, "__supertype__", None)
    if supertype is not None:  # a NewType: the id types are strings
        return compile_check(supertype)
    origin = get_origin(annotation)
    args = get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        options = [compile_check(arg) for arg in args]
        if any(option is None for option in options):
            return None
        # None first reads best: "None or a Money".
        ordered = sorted(cast(list[Check], options), key=lambda c: c.expected != "None")
        return _union(ordered)
    if origin is typing.Literal:
        return Check(lambda v: v in args, " or ".join(repr(a) for a in args))
    if origin is type:
        return Check(
            lambda v: isinstance(v, type) or get_origin(v) is not None,
            "a type, e.g. Records or Schedule[Money]",
        )
    if origin is tuple:
        element = compile_check(args[0]) if len(args) == 2 and args[1] is Ellipsis else None
        return _elements(Check(lambda v: isinstance(v, tuple), "a tuple"), element, "a tuple")
    if origin in (frozenset, Sequence):
        kind = cast(type, origin)
        noun = "a frozenset" if origin is frozenset else "a sequence (a tuple or a list)"
        container = Check(lambda v: isinstance(v, kind) and _not_text(v), noun)
        return _elements(container, compile_check(args[0]) if args else None, noun)
    if origin is Iterable:
        return Check(lambda v: isinstance(v, Iterable) and _not_text(v), "an iterable")
    if origin is Callable or annotation is Callable:
        return Check(callable, "a callable")
    if isinstance(origin, type):  # a generic class: Schedule[Money], SearchStrategy[T]
        return _instance_of(origin)
    if isinstance(annotation, type):
        return _instance_of(annotation)
    return None


class _Plan:
    """The checks of one callable's parameters by name, resolved from its annotations."""

    __slots__ = ("by_name", "name")

    def __init__(self, function: Callable[..., Any], hints: Mapping[str, str]) -> None:
        self.name = function.__qualname__
        # The module's names, not the wrapper's: a decorator (Hypothesis' composite) may
        # have been applied below this one.
        resolved = typing.get_type_hints(function, vars(sys.modules[function.__module__]))
        self.by_name: dict[str, Check] = {}
        for name in inspect.signature(function).parameters:
            check = compile_check(resolved.get(name, inspect.Parameter.empty))
            if check is not None:
                hint = f" ({hints[name]})" if name in hints else ""
                self.by_name[name] = Check(check.accepts, check.expected + hint)

    def refuse(self, parameter: str, value: object) -> InvalidArgumentError:
        return _refusal(self.name, parameter, value, self.by_name[parameter].expected)


def _refusal(function: str, field: str, value: object, expected: str) -> InvalidArgumentError:
    # Imported here, not at the top: the error tree imports `checked` for its own methods.
    from ohs_domain._errors import InvalidArgumentError  # noqa: PLC0415

    return InvalidArgumentError(function, field, value, expected)


def _anything(_value: object) -> bool:
    return True


@typing.overload
def checked(function: F, /) -> F: ...
@typing.overload
def checked(*, hints: Mapping[str, str]) -> Callable[[F], F]: ...
def checked(
    function: F | None = None, /, *, hints: Mapping[str, str] | None = None
) -> F | Callable[[F], F]:
    """Check each argument of ``function`` against its annotation when it is called.

    Use as ``@checked`` or ``@checked(hints={"quarter": "for a year use ..."})``;
    a hint is added to the words of the error for that parameter.

    The wrapper is generated with ``function``'s own signature (as attrs generates
    ``__init__``), so a call costs one test per annotated parameter and no
    packing of ``*args``. The annotations are resolved on the first call.
    """
    if function is None:
        return functools.partial(checked, hints=hints)
    parameters = inspect.signature(function).parameters.values()
    namespace: dict[str, Any] = {"_function": function}
    annotated = [p.name for p in parameters if p.annotation is not inspect.Parameter.empty]

    def resolve() -> None:
        plan = _Plan(cast(Callable[..., Any], function), dict(hints or {}))
        namespace["_refuse"] = plan.refuse
        for name in annotated:
            namespace[f"_accepts_{name}"] = (
                plan.by_name[name].accepts if name in plan.by_name else _anything
            )

    def first_call(name: str) -> Callable[[object], bool]:
        def accepts(value: object) -> bool:
            resolve()
            test: Callable[[object], bool] = namespace[f"_accepts_{name}"]
            return test(value)

        return accepts

    for name in annotated:
        namespace[f"_accepts_{name}"] = first_call(name)
    source = _wrapper_source(function.__name__, parameters, annotated, namespace)
    exec(compile(source, f"<checked {function.__qualname__}>", "exec"), namespace)  # noqa: S102
    call = functools.wraps(function)(namespace[function.__name__])
    setattr(call, _MARK, True)
    return cast(F, call)


def _wrapper_source(
    name: str,
    parameters: Iterable[inspect.Parameter],
    annotated: Sequence[str],
    namespace: dict[str, Any],
) -> str:
    """The text of a function with ``parameters`` that checks ``annotated`` and delegates."""
    kind = inspect.Parameter
    declared, passed = [], []
    keyword_only = False
    for parameter in parameters:
        if parameter.kind in (kind.VAR_POSITIONAL, kind.VAR_KEYWORD):
            raise TypeError(f"checked: {name} takes *args or **kwargs, which it cannot check")
        if parameter.kind is kind.KEYWORD_ONLY and not keyword_only:
            declared.append("*")
            keyword_only = True
        text = parameter.name
        if parameter.default is not kind.empty:
            namespace[f"_default_{parameter.name}"] = parameter.default
            text += f"=_default_{parameter.name}"
        declared.append(text)
        if parameter.kind is kind.POSITIONAL_ONLY:
            passed.append(parameter.name)
            last_positional_only = len(declared)
        else:
            passed.append(f"{parameter.name}={parameter.name}")
    if any(p.kind is kind.POSITIONAL_ONLY for p in parameters):
        declared.insert(last_positional_only, "/")
    lines = [f"def {name}({', '.join(declared)}):"]
    lines.extend(
        f"    if not _accepts_{arg}({arg}): raise _refuse({arg!r}, {arg})" for arg in annotated
    )
    lines.append(f"    return _function({', '.join(passed)})")
    return "\n".join(lines) + "\n"


def is_checked(function: object) -> bool:
    """Whether ``function`` (or the function behind a class- or static method) is checked."""
    inner = getattr(function, "__func__", function)
    return bool(getattr(inner, _MARK, False))


class _FieldCheck:
    """An attrs validator: one field's value against its annotation in ``owner``."""

    __slots__ = ("accepts", "check", "name", "owner")

    def __init__(self, owner: type, name: str) -> None:
        self.owner = owner
        self.name = name
        self.check: Check | None = None
        self.accepts: Callable[[object], bool] = self._first_call

    def _first_call(self, value: object) -> bool:
        # Annotations resolve once the module is whole; then every call is one test.
        hints = typing.get_type_hints(self.owner, vars(sys.modules[self.owner.__module__]))
        self.check = compile_check(hints[self.name])
        self.accepts = _anything if self.check is None else self.check.accepts
        return self.accepts(value)

    def __call__(self, _instance: object, _attribute: object, value: object) -> None:
        if not self.accepts(value):  # so a check was compiled: _anything accepts everything
            expected = cast(Check, self.check).expected
            raise _refusal(self.owner.__name__, self.name, value, expected)

    def __repr__(self) -> str:
        return f"<field {self.name} of {self.owner.__name__} as annotated>"


def typed_fields(owner: type, fields: list[Any]) -> list[Any]:
    """An attrs ``field_transformer``: check each field without a validator by its annotation.

    The checks are those of the arguments of a public callable. The result
    types use it, whose fields are plain values: ``Award(score="3", ...)`` is
    refused as ``Award(): score: got '3' (str); expected an int``.
    """
    return [
        field.evolve(validator=_FieldCheck(owner, field.name))
        if field.init and field.validator is None and field.converter is None
        else field
        for field in fields
    ]
