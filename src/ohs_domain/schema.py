"""JSON Schema (2020-12) of the library's wire form, for clients in any language.

The schema describes what [`dump`][ohs_domain.serialization.dump] writes and
[`load`][ohs_domain.serialization.load] reads, with the edge's own forms: a
quarter is ``"2023-Q4"``, an exact fraction ``"2699/2"``, a duration ``"P3D"``,
money an object of a decimal string and a currency, reward tiers a table
tagged by ``"basis"``, reasons tagged by ``"reason"``:

>>> from ohs_domain import Quarter, schema
>>> schema.json_schema(Quarter)["type"]
'string'
>>> schema.json_schema(Quarter)["$schema"]
'https://json-schema.org/draft/2020-12/schema'

The schema is the shape; ``load`` also checks what a schema cannot say (a date
range that ends before it starts, an employee of an unknown department).
"""

from __future__ import annotations

import enum
import re
import types
import typing
from datetime import date, datetime, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final, get_args, get_origin, get_type_hints
from zoneinfo import ZoneInfo

import attrs

from ohs_domain import _periods, serialization
from ohs_domain._actions import ActionDeadlines, Term
from ohs_domain._arguments import checked
from ohs_domain._effective import Schedule, Source
from ohs_domain._inspector_pay import InspectorPay, InspectorPayPolicy, InspectorPayYear
from ohs_domain._key_points import KeyPoints
from ohs_domain._measures import Rate, Share
from ohs_domain._money import Money
from ohs_domain._outcomes import REASONS
from ohs_domain._periods import DateRange, Month, Quarter, Year
from ohs_domain._records import Records
from ohs_domain._reporting import EliminationDeadlines
from ohs_domain._rewards import RankBands, RewardAwards, RewardPolicy, ScoreThresholds
from ohs_domain.serialization import MAX_INTEGER

__all__ = ["DIALECT", "TYPES", "json_schema"]

DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect of every schema here."""

TYPES: Final[tuple[type, ...]] = (
    Records,
    InspectorPayPolicy,
    RewardPolicy,
    EliminationDeadlines,
    ActionDeadlines,
    InspectorPay,
    InspectorPayYear,
    RewardAwards,
    KeyPoints,
)
"""The types whose schemas are published: the bundle, the policies and the results."""


def _whole(pattern: str | re.Pattern[str]) -> str:
    """A pattern of the edge, anchored: JSON Schema's ``pattern`` searches, ``load`` matches."""
    text = pattern if isinstance(pattern, str) else pattern.pattern
    return f"^(?:{text})$"


# The edge's own patterns (one source): what the schema lets through, load reads.
_DECIMAL: Final = _whole(serialization._DECIMAL)
_DATE: Final = _whole(serialization._DATE)
_DATETIME: Final = _whole(serialization._MOMENT + serialization._OFFSET)  # offset required
_DURATION: Final = _whole(serialization._DURATION)
_FRACTION: Final = _whole(serialization._FRACTION)

_INTEGER: Final = {"type": "integer", "minimum": -MAX_INTEGER, "maximum": MAX_INTEGER}
_PLAIN: Final[dict[Any, dict[str, Any]]] = {
    str: {"type": "string"},
    int: _INTEGER,
    bool: {"type": "boolean"},
    Decimal: {
        "anyOf": [{"type": "string", "pattern": _DECIMAL, "maxLength": 100}, _INTEGER],
        "description": 'a decimal number as a string, "15000.50"',
    },
    date: {"type": "string", "pattern": _DATE, "format": "date"},
    datetime: {
        "type": "string",
        "pattern": _DATETIME,
        "description": 'a moment with its UTC offset, "2023-12-31T23:30:00+06:00"',
    },
    timedelta: {"type": "string", "pattern": _DURATION, "description": 'ISO 8601, "P3D"'},
    Fraction: {"anyOf": [{"type": "string", "pattern": _FRACTION}, _INTEGER]},
    ZoneInfo: {"type": "string", "description": 'an IANA time zone key, "Asia/Almaty"'},
    Quarter: {"type": "string", "pattern": _whole(_periods._QUARTER)},
    Month: {"type": "string", "pattern": _whole(_periods._MONTH)},
    Year: {"type": "integer", "minimum": 1, "maximum": 9999},
    Term: {
        "type": "string",
        "pattern": r"^P(?!$)(\d{1,4}M)?(\d{1,5}D)?$",
        "description": 'ISO 8601 months and days, "P1M", "P10D"',
    },
    type(None): {"type": "null"},
}
_TIERS: Final = {ScoreThresholds: "score_thresholds", RankBands: "rank_bands"}


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def schema(self, kind: Any) -> dict[str, Any]:  # noqa: PLR0911 - one case per wire form
        if kind in _PLAIN:
            return dict(_PLAIN[kind])
        supertype = getattr(kind, "__supertype__", None)
        if supertype is not None:  # a NewType id
            return self.schema(supertype)
        origin = get_origin(kind)
        if origin in {types.UnionType, typing.Union}:
            return self._union(kind)
        if origin in {tuple, frozenset}:
            return {"type": "array", "items": self.schema(get_args(kind)[0])}
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            return {"enum": [member.value for member in kind]}
        if origin is Schedule:
            return self._schedule(kind)
        return self._object(kind)

    def _ref(self, name: str, build: Any) -> dict[str, Any]:
        if name not in self.defs:
            self.defs[name] = {}  # a placeholder while building: types may refer to themselves
            self.defs[name] = build()
        return {"$ref": f"#/$defs/{name}"}

    def _object(self, kind: Any, *, tag: tuple[str, str] | None = None) -> dict[str, Any]:
        def build() -> dict[str, Any]:
            hints = get_type_hints(get_origin(kind) or kind)
            parameters = dict(
                zip(
                    getattr(get_origin(kind), "__parameters__", ()),
                    get_args(kind),
                    strict=False,
                )
            )
            properties: dict[str, Any] = {}
            required: list[str] = []
            if tag is not None:
                properties[tag[0]] = {"const": tag[1]}
                required.append(tag[0])
            for field in attrs.fields(get_origin(kind) or kind):
                if not field.init:
                    continue
                hint = hints[field.name]
                free = getattr(hint, "__parameters__", ())
                if hint in parameters:
                    hint = parameters[hint]
                elif free:  # a generic's field, tuple[Entry[T], ...]: the caller's T
                    hint = hint[tuple(parameters[p] for p in free)]
                properties[field.name] = self.schema(hint)
                if field.default is attrs.NOTHING:
                    required.append(field.name)
            return {
                "type": "object",
                "properties": properties,
                "required": required,
                "additionalProperties": False,
            }

        name = _name(kind) + (f"_{tag[1]}" if tag else "")
        return self._ref(name, build)

    def _union(self, kind: Any) -> dict[str, Any]:
        members = get_args(kind)
        if set(members) == set(_TIERS):
            return {
                "oneOf": [self._object(member, tag=("basis", _TIERS[member])) for member in members]
            }
        if all(isinstance(getattr(m, "code", None), str) for m in members):  # typed reasons
            return {"oneOf": [self._object(m, tag=("reason", m.code)) for m in members]}
        if Share in members and Source in members:  # an explanation's value, as the edge says
            return self._ref("Value", self._value)
        return {"anyOf": [self.schema(member) for member in members]}

    def _value(self) -> dict[str, Any]:
        # The tags of serialization's explanation values (its _configure_results).
        tags: dict[str, Any] = {
            "flag": bool,
            "count": int,
            "decimal": Decimal,
            "fraction": Fraction,
            "date": date,
            "quarter": Quarter,
            "month": Month,
            "year": Year,
            **REASONS,
        }
        tags |= {"money": Money, "share": Share, "rate": Rate, "period": DateRange}
        tags |= {"source": Source}
        tagged = [
            {
                "type": "object",
                "properties": {"type": {"const": tag}, "value": self.schema(kind)},
                "required": ["type", "value"],
                "additionalProperties": False,
            }
            for tag, kind in tags.items()
        ]
        listed = {
            "type": "object",
            "properties": {
                "type": {"const": "list"},
                "value": {"type": "array", "items": {"$ref": "#/$defs/Value"}},
            },
            "required": ["type", "value"],
            "additionalProperties": False,
        }
        return {"anyOf": [{"type": "null"}, {"type": "string"}, *tagged, listed]}

    def _schedule(self, kind: Any) -> dict[str, Any]:
        from ohs_domain import kz  # noqa: PLC0415 - kz builds its tables with the edge's types

        return {"anyOf": [{"enum": list(kz.SCHEDULES)}, self._object(kind)]}


def _name(kind: Any) -> str:
    origin = get_origin(kind)
    if origin is None:
        return str(kind.__name__)
    return "_".join([_name(origin), *(_name(arg) for arg in get_args(kind))])


@checked
def json_schema(kind: type) -> dict[str, Any]:
    """The JSON Schema (2020-12) of ``kind``'s wire form, as a JSON-ready dict.

    Args:
        kind: Any type the edge loads or dumps: the bundle
            ([`Records`][ohs_domain.Records]), a record, a policy, a result
            ([`TYPES`][ohs_domain.schema.TYPES] are the published ones) or a value.

    Returns:
        A schema with its definitions under ``$defs``.
    """
    builder = _Builder()
    root = builder.schema(kind)
    document: dict[str, Any] = {"$schema": DIALECT, "title": _name(kind), **root}
    if builder.defs:
        document["$defs"] = dict(sorted(builder.defs.items()))
    return document
