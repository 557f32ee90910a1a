"""Griffe extension: what the API reference shows beyond the docstrings' text.

mkdocstrings reads the source statically; three things a reader needs live only
in the running code, so this extension asks the imported package at build time
(nothing here is written by hand, so nothing can go stale):

- ``>>>`` examples written as plain doctests (Sybil runs them) become fenced
  ``pycon`` blocks, highlighted with their output, instead of the nested
  blockquotes Markdown makes of ``>`` lines;
- every enum gets a table of its members and their wire values;
- every attrs class gets the signature of the ``__init__`` attrs generates, and
  its ``Attributes:`` section becomes a table of fields with their type,
  default (or *required*) and description.

Configured in ``mkdocs.yml`` under the python handler's ``extensions``.
"""

from __future__ import annotations

import enum
import importlib
import inspect
import re
from collections.abc import Iterator
from typing import Any

import attrs
import griffe

_PROMPT = re.compile(r"^(?P<indent>\s*)>>>(?: |$)")
_FENCE = re.compile(r"^\s*(```|~~~)")
_SECTION = re.compile(r"^Attributes:\s*$")


def fence_doctests(text: str) -> str:
    """Wrap each run of ``>>>`` lines and their output in a ``pycon`` fence.

    A run ends at a blank line, as in doctest; examples already inside a fence
    are left alone.
    """
    lines = text.split("\n")
    out: list[str] = []
    in_fence = False
    index = 0
    while index < len(lines):
        line = lines[index]
        if _FENCE.match(line):
            in_fence = not in_fence
        prompt = None if in_fence else _PROMPT.match(line)
        if prompt is None:
            out.append(line)
            index += 1
            continue
        indent = prompt["indent"]
        out.append(f"{indent}```pycon")
        while index < len(lines) and lines[index].strip() and lines[index].startswith(indent):
            out.append(lines[index])
            index += 1
        out.append(f"{indent}```")
    return "\n".join(out)


def _runtime(obj: griffe.Object) -> Any:
    """The imported object behind a class found at a module's top level, or None."""
    if not isinstance(obj.parent, griffe.Module):
        return None
    module = importlib.import_module(obj.parent.path)
    return getattr(module, obj.name, None)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _members_table(cls: type[enum.Enum], griffe_cls: griffe.Class) -> str:
    """The members with their wire values; a member's own docstring moves into the table."""
    rows = [
        '<p><span class="doc-section-title">Members:</span></p>',
        "",
        "| Member | Wire value | Description |",
        "| --- | --- | --- |",
    ]
    for member in cls:
        documented = griffe_cls.members.get(member.name)
        description = ""
        if isinstance(documented, griffe.Attribute):
            if documented.docstring is not None:
                description = documented.docstring.value
            del griffe_cls.members[member.name]  # listed here, not once more below
        rows.append(f'| `{member.name}` | `"{member.value}"` | {_cell(description)} |')
    return "\n".join(rows)


def _default(field: attrs.Attribute[Any]) -> str:
    default: object = field.default
    if default is attrs.NOTHING:
        return "*required*"
    factory = getattr(default, "factory", None)
    if factory is not None:  # attrs.Factory: show the value it makes
        if getattr(default, "takes_self", False):
            return "*computed*"
        default = factory()
    return f"`{_show(default)}`"


def _show(value: object) -> str:
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    if attrs.has(type(value)):
        # A policy's sub-policy: its defaults say it in one word, not a long repr.
        name = type(value).__name__
        try:
            plain = value == type(value)()
        except TypeError:  # the class has required fields
            plain = False
        return f"{name}()" if plain else f"{name}(…)"
    return repr(value)


def _type(field: attrs.Attribute[Any]) -> str:
    kind = field.type
    if kind is None:
        return ""
    text = kind if isinstance(kind, str) else getattr(kind, "__name__", repr(kind))
    return f"`{text}`"


def _fields_table(cls: type, descriptions: dict[str, str]) -> str:
    rows = [
        '<p><span class="doc-section-title">Fields:</span></p>',
        "",
        "| Name | Type | Default | Description |",
        "| --- | --- | --- | --- |",
    ]
    shown = set()
    for field in attrs.fields(cls):
        if not field.init:
            continue
        name = field.alias or field.name
        shown.add(field.name)
        description = descriptions.get(field.name, descriptions.get(name, ""))
        rows.append(f"| `{name}` | {_type(field)} | {_default(field)} | {_cell(description)} |")
    # Attributes documented beside the fields (derived values) keep their description.
    for name, description in descriptions.items():
        if name not in shown:
            rows.append(f"| `{name}` | | *derived* | {_cell(description)} |")
    return "\n".join(rows)


def _attribute_descriptions(docstring: griffe.Docstring) -> dict[str, str]:
    sections = griffe.parse_google(docstring, warnings=False)
    return {
        item.name: item.description
        for section in sections
        if section.kind is griffe.DocstringSectionKind.attributes
        for item in section.value
    }


def _replace_attributes_section(text: str, table: str) -> str:
    """Put ``table`` where the ``Attributes:`` section was (or at the end)."""
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if _SECTION.match(line)), None)
    if start is None:
        return f"{text.rstrip()}\n\n{table}\n"
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or lines[end].startswith((" ", "\t"))):
        end += 1
    return "\n".join([*lines[:start], table, "", *lines[end:]])


def _init_signature(cls: type, griffe_cls: griffe.Class) -> griffe.Function:
    parameters = [griffe.Parameter("self", kind=griffe.ParameterKind.positional_or_keyword)]
    defaults = {field.alias or field.name: field for field in attrs.fields(cls) if field.init}
    for parameter in inspect.signature(cls).parameters.values():
        field = defaults.get(parameter.name)
        member = griffe_cls.members.get(field.name if field else parameter.name)
        annotation: str | griffe.Expr | None = None
        if isinstance(member, griffe.Attribute) and member.annotation is not None:
            annotation = member.annotation
        elif isinstance(parameter.annotation, str):
            annotation = parameter.annotation
        default: str | None = None
        if field is not None and field.default is not attrs.NOTHING:
            default = _default(field).strip("`*")
        parameters.append(
            griffe.Parameter(
                parameter.name,
                annotation=annotation,
                kind=griffe.ParameterKind(parameter.kind.description),
                default=default,
            )
        )
    return griffe.Function("__init__", parameters=griffe.Parameters(*parameters), returns="None")


def _objects(obj: griffe.Object) -> Iterator[griffe.Object]:
    yield obj
    for member in obj.members.values():
        if not member.is_alias and isinstance(member, griffe.Object):
            yield from _objects(member)


class OhsDocs(griffe.Extension):
    """Doctest fences, enum members and attrs fields for the ``ohs_domain`` reference."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:  # noqa: ARG002
        """Rewrite the docstrings of every object of the package, once it is loaded."""
        if pkg.name != "ohs_domain":
            return
        for obj in _objects(pkg):
            if isinstance(obj, griffe.Class):
                _document_class(obj)
            if isinstance(obj, griffe.Function):
                _show_private_defaults(obj)
            if obj.docstring is not None:
                obj.docstring.value = fence_doctests(obj.docstring.value)


_PRIVATE = re.compile(r"(?<![\w.])_[A-Za-z]\w*")


def _show_private_defaults(function: griffe.Function) -> None:
    """A default that names a private constant shows its value: readers cannot look it up."""
    private = [
        parameter
        for parameter in function.parameters
        if parameter.default is not None and _PRIVATE.search(str(parameter.default))
    ]
    if not private:
        return
    owner = function.parent
    runtime = _runtime(owner) if isinstance(owner, griffe.Class) else None
    if isinstance(owner, griffe.Module):
        runtime = importlib.import_module(owner.path)
    target = getattr(runtime, function.name, None)
    if target is None:
        return
    signature = inspect.signature(target)
    for parameter in private:
        if parameter.name in signature.parameters:
            parameter.default = _show(signature.parameters[parameter.name].default)


def _document_class(obj: griffe.Class) -> None:
    runtime = _runtime(obj)
    if not isinstance(runtime, type):
        return
    if issubclass(runtime, enum.Enum):
        table = _members_table(runtime, obj)
        if obj.docstring is None:
            obj.docstring = griffe.Docstring(table, parent=obj)
        else:
            obj.docstring.value = f"{obj.docstring.value.rstrip()}\n\n{table}\n"
    elif attrs.has(runtime):
        if obj.docstring is None:
            obj.docstring = griffe.Docstring("", parent=obj)
        descriptions = _attribute_descriptions(obj.docstring)
        if descriptions or any(field.init for field in attrs.fields(runtime)):
            table = _fields_table(runtime, descriptions)
            obj.docstring.value = _replace_attributes_section(obj.docstring.value, table)
        if "__init__" not in obj.members:
            obj.set_member("__init__", _init_signature(runtime, obj))
