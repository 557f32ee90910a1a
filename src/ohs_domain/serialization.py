"""The edge: JSON-ready data in and out of every ``ohs_domain`` type.

One cattrs configuration owns the conversion (built twice: a fast instance
for valid data and a detailed one that re-runs only to report problems).
Values travel as JSON can carry them exactly:

| type | JSON-ready form |
| --- | --- |
| `Decimal` (money) | string, ``"15000.50"`` (an int is accepted on input; a float never) |
| `date` | ``"2023-12-31"`` |
| aware `datetime` | ``"2023-12-31T23:30:00+06:00"`` (a naive one is an error) |
| time zone | its IANA key, ``"Asia/Almaty"`` |
| `timedelta` | ISO 8601 duration, ``"P3D"``, ``"PT24H"`` |
| `Term` (a policy's months and days) | ISO 8601 duration, ``"P1M"``, ``"P10D"``, ``"P1M10D"`` |
| `Fraction` (exact shares and averages) | ``"2699/2"`` |
| `Schedule` | its table; on input also the name of a public one, ``"kz.MINIMUM_WAGE"`` |
| reward tiers | a table tagged by ``"basis"``: ``"score_thresholds"`` or ``"rank_bands"`` |
| `Quarter`, `Month`, `Year` | ``"2023-Q4"``, ``"2023-11"``, ``2023`` |
| `DateRange` | its two dates, ``{"start": "2024-03-01", "end": "2024-04-01"}`` (``end`` excluded) |
| `Money` | ``{"amount": "15000.50", "currency": "KZT"}`` |
| other records and results (`Employee`, `Share`, ...) | an object of their fields |
| enums | their value, ``"near_miss"`` |
| tuples, frozensets | lists (frozensets sorted, so output is stable) |

Loading is strict: unknown fields, wrong types and coercions (``1`` for a
string, ``"abc"`` for a list) are problems. Every problem in the input is
reported at once, each with its path:

>>> from ohs_domain import Money, serialization
>>> serialization.load({"amount": 1.5, "currency": "KZT", "note": "x"}, Money)
Traceback (most recent call last):
...
ohs_domain.InvalidDataError: Money: 2 problems
  $.amount: got 1.5 (float); expected a decimal string such as "15000.50" (floats cannot ...
  $.note: unknown field; valid fields are: amount, currency
"""

from __future__ import annotations

import enum
import functools
import json
import re
import tomllib
import types
import typing
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any, Final, TypeVar, cast, get_args, get_origin
from zoneinfo import ZoneInfo

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    BaseValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
    StructureHandlerNotFoundError,
)
from cattrs.gen import make_dict_structure_fn

from ohs_domain import _checks, kz
from ohs_domain._actions import Term
from ohs_domain._arguments import checked
from ohs_domain._checks import is_identifier
from ohs_domain._effective import Schedule
from ohs_domain._errors import (
    InvalidArgumentError,
    InvalidDataError,
    InvalidValueError,
    Problem,
    _show,
    problem_at,
    unknown_field,
)
from ohs_domain._i18n import N_, Message, either, message
from ohs_domain._money import _to_amount
from ohs_domain._parsers import NotANumberError, not_json, not_toml, not_utf8
from ohs_domain._periods import Month, Quarter, Year
from ohs_domain._records import COLLECTIONS, Records, paused_gc, reading_order
from ohs_domain._reporting import (
    ReportId,
    ReportKind,
    ReportStatus,
    RiskLevel,
    SafetyReport,
    StatusChange,
)
from ohs_domain._rewards import RankBands, ScoreThresholds
from ohs_domain._workforce import DepartmentId, EmployeeId
from ohs_domain._zones import time_zone

__all__ = [
    "configure_converter",
    "dump",
    "dump_json",
    "load",
    "load_json",
    "load_toml",
    "read_csv_tables",
    "read_json_lines",
    "write_csv_tables",
    "write_json_lines",
]

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)

# re.ASCII: \d is 0-9 only; other scripts' digits ("١٢٣") would otherwise be read as numbers.
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
# Offsets may have seconds: zones kept local mean time until the 1920s (Almaty: +05:07:48).
# The offset is optional here so that a moment without one is refused for that reason;
# the JSON Schema (schema.py) requires it, from the same two parts.
_MOMENT = r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?"
_OFFSET = r"(Z|[+-]\d{2}:[0-5]\d(:[0-5]\d)?)"
_DATETIME = re.compile(f"{_MOMENT}{_OFFSET}?", re.ASCII)
_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?", re.ASCII)
_MAX_TEXT = 100_000
_DECIMAL_WORDS = N_('a decimal string such as "15000.50"')
_TAGGED = '{"type": ..., "value": ...}'  # a value's wire form (as a value: braces, no placeholder)
_SURROGATE = re.compile("[\ud800-\udfff]")


def _bad(value: object, expected: str | Message) -> InvalidValueError:
    # A problem with the value itself: the path already names the field.
    return InvalidValueError("", value, expected)


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise _bad(value, N_("a string"))
    if len(value) > _MAX_TEXT:
        raise _bad(value, message("a string of at most {n} characters", n=_MAX_TEXT))
    if _SURROGATE.search(value):
        raise _bad(value, N_("text without lone surrogates (they have no UTF-8 form)"))
    return value


MAX_INTEGER: Final = 2**53 - 1
"""The largest integer the edge loads: the largest a JavaScript client reads exactly."""


def _structure_int(value: object, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _bad(value, N_("an integer"))
    if not -MAX_INTEGER <= value <= MAX_INTEGER:
        raise _bad(value, message("an integer from -{max} to {max}", max=MAX_INTEGER))
    return value


def _structure_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise _bad(value, N_("true or false"))
    return value


def _structure_decimal(value: object, _: type) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, str | int):
        if isinstance(value, float):
            raise _bad(
                value, N_('a decimal string such as "15000.50" (floats cannot hold money exactly)')
            )
        raise _bad(value, _DECIMAL_WORDS)
    if isinstance(value, str) and (len(value) > 100 or not _DECIMAL.fullmatch(value)):
        raise _bad(value, N_('a finite decimal number written as a string, e.g. "15000.50"'))
    try:
        # Money's bounds for every decimal: what loads can be dumped, loaded and summed.
        return _to_amount(Decimal(value) if isinstance(value, str) else value)
    except InvalidOperation:  # an exponent of 19 digits or more: beyond what Decimal holds
        raise _bad(value, _DECIMAL_WORDS) from None
    except InvalidValueError as error:
        raise _bad(value, error.expected_text) from None


def _structure_date(value: object, _: type) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value  # TOML has native dates
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise _bad(value, N_('an ISO 8601 date "YYYY-MM-DD", e.g. "2023-12-31"'))
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise _bad(
            value, message("a real calendar day ({reason})", reason=Message(str(error)))
        ) from None


def _usual_moment(value: str) -> datetime | None:
    """``value`` read in the usual form, "2023-12-31T23:30:00+06:00", once its offset is known.

    A valid offset's text finds its zone, and a shorter pattern checks the rest; None
    for anything else, which the full reading takes (and a problem it explains).
    """
    zone = _ZONE_OF_OFFSET.get(value[_SECONDS_END:])
    if zone is None or not _TO_SECONDS.match(value):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment.astimezone(zone) if 1 < moment.year < 9999 else None


def _structure_datetime(value: object, _: type) -> datetime:
    if type(value) is str and len(value) == _USUAL_LENGTH:
        moment = _usual_moment(value)
        if moment is not None:
            return moment
    expected = N_('an ISO 8601 moment with its UTC offset, e.g. "2023-12-31T23:30:00+06:00"')
    if isinstance(value, datetime):
        moment = value  # TOML has native datetimes
    elif isinstance(value, str) and _DATETIME.fullmatch(value):
        try:
            moment = datetime.fromisoformat(value)
        except ValueError as error:
            raise _bad(
                value, message("a real moment ({reason})", reason=Message(str(error)))
            ) from None
    else:
        raise _bad(value, expected)
    offset = moment.utcoffset()
    if offset is None:
        raise _bad(
            value,
            N_(
                'an ISO 8601 moment with its UTC offset, e.g. "2023-12-31T23:30:00+06:00"; '
                "a naive moment is ambiguous"
            ),
        )
    if isinstance(value, str):
        # One zone object per offset, not a new one per moment: it saves memory, and
        # moments that share their zone compare without asking it for offsets.
        zone = _FIXED_ZONES.get(offset)
        if zone is None:
            zone = _FIXED_ZONES.setdefault(offset, timezone(offset))
        # To a zone of the same offset, astimezone keeps the wall time and costs half of
        # replace (which parses its arguments twice); at the calendar's ends it could overflow.
        moment = moment.astimezone(zone) if 1 < moment.year < 9999 else moment.replace(tzinfo=zone)
        if len(value) == _USUAL_LENGTH and value[_SECONDS_END] in "+-" and _TO_SECONDS.match(value):
            _ZONE_OF_OFFSET[value[_SECONDS_END:]] = zone
    return moment


# The pattern allows whole-second offsets within a day: at most 172,800, a handful in real data.
_FIXED_ZONES: Final[dict[timedelta, timezone]] = {}
# The zone of each offset "+HH:MM" read in the usual form of a moment: at most 12,000.
_ZONE_OF_OFFSET: Final[dict[str, timezone]] = {}
_TO_SECONDS: Final = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}", re.ASCII)
_SECONDS_END: Final = len("2023-12-31T23:30:00")
_USUAL_LENGTH: Final = len("2023-12-31T23:30:00+06:00")


def _structure_zone(value: object, _: type) -> ZoneInfo:
    try:
        return time_zone(value)
    except InvalidValueError as error:
        raise _bad(value, error.expected_text) from None


# Not "P" alone, nor a "T" without a time after it ("PT", "P1DT").
_DURATION = re.compile(
    r"P(?!$)(?:(\d{1,9})D)?(?:T(?=\d)(?:(\d{1,7})H)?(?:(\d{1,9})M)?(?:(\d{1,11})S)?)?", re.ASCII
)


def _structure_duration(value: object, _: type) -> timedelta:
    match = _DURATION.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        raise _bad(
            value, N_('an ISO 8601 duration in days, hours, minutes, seconds, e.g. "P3D", "PT24H"')
        )
    days, hours, minutes, seconds = (int(part or 0) for part in match.groups())
    try:
        return timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)
    except OverflowError:
        raise _bad(value, N_("a duration of at most 999,999,999 days")) from None


def _unstructure_duration(value: timedelta) -> str:
    hours, rest = divmod(value.seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    time = "".join(f"{n}{unit}" for n, unit in ((hours, "H"), (minutes, "M"), (seconds, "S")) if n)
    text = "P" + (f"{value.days}D" if value.days or not time else "") + (f"T{time}" if time else "")
    if value.microseconds or value.days < 0:
        raise InvalidValueError("duration", value, N_("whole seconds, not negative"))
    return text


def _via_parse(parse: Callable[[str], T]) -> Callable[[object, type], T]:
    def structure(value: object, _: type) -> T:
        if not isinstance(value, str):
            raise _bad(value, N_("a string"))
        try:
            return parse(value)
        except InvalidValueError as error:
            raise _bad(value, error.expected_text) from None

    return structure


def _structure_year(value: object, _: type) -> Year:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _bad(value, N_("a year as an integer, e.g. 2023"))
    try:
        return Year(value)
    except InvalidValueError as error:
        raise _bad(value, error.expected_text) from None


@functools.cache
def _members(kind: type[enum.Enum]) -> dict[object, enum.Enum]:
    return {member.value: member for member in kind}


def _structure_enum(value: object, kind: type[E]) -> E:
    members = _members(kind)
    if isinstance(value, str) and value in members:
        return cast(E, members[value])
    raise _bad(value, message("one of {values}", values=", ".join(repr(v) for v in members)))


def _is_tuple_of(kind: Any) -> bool:
    args = get_args(kind)
    return get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis


def _is_fixed_tuple(kind: Any) -> bool:
    return get_origin(kind) is tuple and not _is_tuple_of(kind)


def _fixed_tuple_hook(converter: cattrs.Converter, kind: Any) -> Callable[[object, type], Any]:
    """A tuple of fixed length, such as ``tuple[int, str]``: a list of as many items."""
    elements = get_args(kind)
    handlers = [converter.get_structure_hook(element) for element in elements]

    def structure(value: object, _: type) -> Any:
        if not isinstance(value, list | tuple) or len(value) != len(elements):
            raise _bad(
                value, message("a list of {n} items", "a list of {n} items", n=len(elements))
            )
        read = zip(handlers, value, elements, strict=True)
        return tuple(handle(item, element) for handle, item, element in read)

    return structure


def _is_frozenset_of(kind: Any) -> bool:
    return get_origin(kind) is frozenset


def _collection_hook(converter: cattrs.Converter, kind: Any) -> Callable[[object, type], Any]:
    element = get_args(kind)[0]
    handler = converter.get_structure_hook(element)
    unique = _is_frozenset_of(kind)
    build: Callable[[list[Any]], Any] = frozenset if unique else tuple
    detailed = converter.detailed_validation

    def structure(value: object, _: type) -> Any:
        if not isinstance(value, list | tuple):
            raise _bad(value, N_("a list"))
        if not detailed:
            items = [handler(item, element) for item in value]
        else:
            items, errors = [], []
            for index, item in enumerate(value):
                try:
                    items.append(handler(item, element))
                except Exception as error:
                    error.add_note(IterableValidationNote(f"@ index {index}", index, element))
                    errors.append(error)
            if errors:
                raise IterableValidationError(f"While structuring {kind}", errors, kind)
        result = build(items)
        if unique and len(result) != len(items):
            raise _bad(value, N_("a list without repeated items"))
        return result

    return structure


def _unstructure_frozenset(converter: cattrs.Converter) -> Callable[[frozenset[Any]], list[Any]]:
    def unstructure(value: frozenset[Any]) -> list[Any]:
        items = [converter.unstructure(item) for item in value]
        return sorted(items, key=json.dumps)  # any JSON-ready items, in one fixed order

    return unstructure


_FRACTION = re.compile(r"-?\d{1,60}(/(?!0+$)\d{1,60})?", re.ASCII)
"""A whole number, or a numerator over a denominator that is not zero (``"1/00"`` neither)."""


def _structure_fraction(value: object, _: type) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise _bad(value, N_('an exact fraction written as a string, e.g. "2699/2" or "3"'))
    if isinstance(value, int):
        return Fraction(value)
    if not _FRACTION.fullmatch(value):
        raise _bad(value, N_('an exact fraction "numerator/denominator", e.g. "2699/2"'))
    return Fraction(value)


_TIER_TAGS: Final[dict[type, str]] = {
    ScoreThresholds: "score_thresholds",
    RankBands: "rank_bands",
}


def _is_schedule(kind: Any) -> bool:
    origin: object = get_origin(kind)
    return origin is Schedule


def _schedule_hook(
    converter: cattrs.Converter, kind: Any
) -> Callable[[object, type], Schedule[Any]]:
    """Structure a schedule from its table, or from the name of a public one."""
    table = make_dict_structure_fn(kind, converter)  # strict and detailed as the converter

    def structure(value: object, _: type) -> Schedule[Any]:
        if isinstance(value, str):
            named = kz.SCHEDULES
            if value not in named:
                expected = message(
                    "a schedule table, or the name of a public one: {names}",
                    names=", ".join(named),
                )
                raise _bad(value, expected)
            return named[value]
        if not isinstance(value, dict):
            raise _bad(value, N_("a schedule table (an object) or the name of a public schedule"))
        schedule: Schedule[Any] = table(value, kind)
        return schedule

    return structure


def _object_hook(converter: cattrs.Converter, kind: Any) -> Callable[[object, type], Any]:
    """Structure an attrs class from an object, saying so when given anything else.

    When the detailed converter finds a problem, every field is structured and
    validated on its own, so that one bad field never hides another.
    """
    table = make_dict_structure_fn(kind, converter)  # strict and detailed as the converter
    names = ", ".join(field.name for field in attrs.fields(kind) if field.init)
    # A generic alias (Schedule[Money]) has its fields' types in cattrs' mapping only.
    one_by_one = converter.detailed_validation and get_origin(kind) is None

    def structure(value: object, _: type) -> Any:
        if not isinstance(value, dict):
            raise _bad(value, message("an object with the fields {names}", names=names))
        if not one_by_one:
            return table(value, kind)
        try:
            return table(value, kind)
        except BaseValidationError as error:  # fields that could not be read, each with why
            # (cattrs also wraps what the class itself refused: that is found again below.)
            read_errors = [
                inner
                for inner in error.exceptions
                if _step(inner) or isinstance(inner, ForbiddenExtraKeysError)
            ]
            unread = {_step(inner).removeprefix(".") for inner in read_errors}
            problems = [p for inner in read_errors for p in _problems(inner, "$" + _step(inner))]
            return _field_by_field(converter, kind, value, unread, problems)

    return structure


def _field_by_field(
    converter: cattrs.Converter,
    kind: Any,
    value: dict[str, Any],
    unread: set[str],
    problems: list[Problem],
) -> Any:
    """Build ``kind`` from ``value`` field by field, reporting every field's problem.

    ``unread`` are the fields already known to be unreadable, with their
    ``problems``: they are not read again (a nested one would be read again at
    every level above it).
    """
    fields = [field for field in attrs.fields(kind) if field.init]
    types = typing.get_type_hints(kind)
    values: dict[str, Any] = {}
    for field in fields:
        if field.name in unread or field.name not in value:
            continue  # a missing required field is among the problems already
        # Read before without a problem, so read again without one.
        values[field.name] = converter.structure(value[field.name], types[field.name])
    # Each field's own validator, given the others as far as they could be read.
    others = _read_so_far(fields, values)
    for field in fields:
        if field.name in values and field.validator is not None:
            try:
                field.validator(others, field, values[field.name])
            except InvalidValueError as error:
                problems.extend(_problems(error, "$"))
            except (AttributeError, TypeError):  # it compares with a field that is unreadable
                continue
    if problems:
        raise InvalidDataError(_name(kind), problems)
    return kind(**values)  # a rule across fields (__attrs_post_init__) may still refuse it


def _read_so_far(fields: list[attrs.Attribute[Any]], values: dict[str, Any]) -> Any:
    """The values read so far, as attributes, for validators that look at other fields."""
    namespace = types.SimpleNamespace()
    for field in fields:
        if field.name in values:
            setattr(namespace, field.name, values[field.name])
        elif field.default is not attrs.NOTHING and not isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            setattr(namespace, field.name, field.default)
    return namespace


def _raw_label(row: object) -> str | None:
    """The id of a row that could not be read, if it has a readable one."""
    for key in ("id", "employee"):
        if isinstance(row, dict) and isinstance(row.get(key), str) and row[key].strip():
            return str(row[key])
    return None


def _records_hook(converter: cattrs.Converter) -> Callable[[object, type], Records]:
    """Structure a bundle reporting every problem at once: each row's own, and across rows.

    Rows whose own shape is valid are checked against each other (duplicates,
    references, dated rules) in the same report as the shape problems of the others.
    """
    table = _object_hook(converter, Records)
    fields = {field.name: field for field in attrs.fields(Records) if field.init}
    elements = {name: get_args(typing.get_type_hints(Records)[name])[0] for name in COLLECTIONS}

    def structure(value: object, _: type) -> Records:
        if not converter.detailed_validation or not isinstance(value, dict):
            return cast(Records, table(value, Records))
        problems: list[Problem] = [
            unknown_field(f"$.{key}", ", ".join(fields)) for key in sorted(set(value) - set(fields))
        ]
        zone: ZoneInfo | None = None
        if "time_zone" not in value:
            problems.append(Problem("$.time_zone", "required field is missing"))
        else:
            try:
                zone = _structure_zone(value["time_zone"], ZoneInfo)
            except InvalidValueError as error:
                problems.extend(_problems(error, "$.time_zone"))
        given: dict[str, list[tuple[int, Any]]] = {name: [] for name in COLLECTIONS}
        unreadable: dict[str, frozenset[str]] = {}
        for name in COLLECTIONS:
            rows = value.get(name, [])
            if name not in value and fields[name].default is attrs.NOTHING:
                problems.append(Problem(f"$.{name}", "required field is missing"))
            if not isinstance(rows, list | tuple):
                problems.extend(_problems(_bad(rows, "a list"), f"$.{name}"))
                continue
            lost: set[str] = set()
            for position, row in enumerate(rows):
                try:
                    given[name].append((position, converter.structure(row, elements[name])))
                except Exception as error:  # each becomes a problem with its path
                    label = _raw_label(row)
                    problems.extend(
                        attrs.evolve(problem, record=label)
                        for problem in _problems(error, f"$.{name}[{position}]")
                    )
                    if label is not None:
                        lost.add(label)
            unreadable[name] = frozenset(lost)
        if not problems:
            return cast(Records, table(value, Records))
        problems.extend(Records._problems_of(zone, given, unreadable))
        raise InvalidDataError("Records", sorted(problems, key=reading_order))

    return structure


@checked
def configure_converter(converter: cattrs.Converter) -> None:
    """Register the edge's hooks on an application's own cattrs ``converter``.

    The application's attrs classes can then hold the library's values
    (``Money``, ``Quarter``, ``Employee``, a whole ``Records``) and read and write
    them in exactly the wire forms of [`load`][ohs_domain.serialization.load] and
    [`dump`][ohs_domain.serialization.dump] (an example is in the how-to
    "Load records").

    Strictness is the converter's: build it with ``forbid_extra_keys=True`` to
    refuse unknown fields as ``load`` does, and with ``detailed_validation=True``
    (cattrs' default) for every problem of the library's types at once.
    """
    hooks: list[tuple[type, Callable[[object, type], Any], Callable[[Any], Any]]] = [
        (str, _structure_str, str),
        (int, _structure_int, int),
        (bool, _structure_bool, bool),
        (Decimal, _structure_decimal, str),
        (date, _structure_date, date.isoformat),
        (datetime, _structure_datetime, datetime.isoformat),
        (timedelta, _structure_duration, _unstructure_duration),
        (Fraction, _structure_fraction, str),
        (ZoneInfo, _structure_zone, lambda zone: zone.key),
        (Quarter, _via_parse(Quarter.parse), str),
        (Month, _via_parse(Month.parse), str),
        (Year, _structure_year, lambda year: year.value),
        (Term, _via_parse(Term.parse), str),
    ]
    for kind, structure, unstructure in hooks:
        converter.register_structure_hook(kind, structure)
        converter.register_unstructure_hook(kind, unstructure)
    # cattrs dispatches on the class first (singledispatch): a ``StrEnum`` would
    # take the ``str`` hook unless the enum hook is registered more specifically.
    converter.register_structure_hook(enum.StrEnum, _structure_enum)
    converter.register_structure_hook(enum.Enum, _structure_enum)  # a caller's plain Enum
    converter.register_structure_hook_factory(
        lambda kind: _is_tuple_of(kind) or _is_frozenset_of(kind),
        lambda kind: _collection_hook(converter, kind),
    )
    converter.register_structure_hook_factory(
        _is_fixed_tuple, lambda kind: _fixed_tuple_hook(converter, kind)
    )
    converter.register_unstructure_hook_factory(
        lambda kind: kind is frozenset or _is_frozenset_of(kind),
        lambda _: _unstructure_frozenset(converter),
    )
    # Without this, a string where an object belongs reports "'str' object has no attribute".
    converter.register_structure_hook_factory(
        attrs.has,  # also true of a generic alias such as Schedule[Money]
        lambda kind: _object_hook(converter, kind),
    )
    converter.register_structure_hook_factory(
        _is_schedule,
        lambda kind: _schedule_hook(converter, kind),
    )
    converter.register_structure_hook_func(lambda kind: kind is Records, _records_hook(converter))
    # A reward policy's tiers are one of two tables, told apart by "basis".
    _configure_tagged(converter, ScoreThresholds | RankBands, "basis", _TIER_TAGS.__getitem__)
    _configure_results(converter)


def _make_converter(*, detailed: bool) -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=detailed)
    if not detailed:  # before the bundle's hook, which looks its elements' hooks up once
        converter.register_structure_hook(StatusChange, _structure_change)
        converter.register_structure_hook(SafetyReport, _structure_report)
    configure_converter(converter)
    return converter


# -- the two hot classes, for valid data ---------------------------------------------------------
#
# A bundle is mostly reports and their histories. On the fast converter they are read
# by hand, not through the generic generated functions: the same hooks and the same
# checks for each field, run once as the field is read (attrs' constructor would run
# the checks again), then the class's rules across fields. Anything unusual is refused
# with a bare problem; load then re-reads the data with the detailed converter, whose
# generic hooks name every problem.

_CHANGE_FIELDS: Final = frozenset(field.name for field in attrs.fields(StatusChange))
_REPORT_FIELDS: Final = frozenset(field.name for field in attrs.fields(SafetyReport))
_STATUSES: Final = cast(dict[object, ReportStatus], _members(ReportStatus))
_KINDS: Final = cast(dict[object, ReportKind], _members(ReportKind))
_RISKS: Final = cast(dict[object, RiskLevel], _members(RiskLevel))
_MOMENT_CHECK: Final = attrs.fields(StatusChange).at
_REASON_CHECK: Final = attrs.fields(StatusChange).reason


def _member(value: object, members: dict[object, E], kind: type[E]) -> E:
    member = members.get(value) if type(value) is str else None
    return _structure_enum(value, kind) if member is None else member  # (which refuses it)


def _identifier(value: object) -> str:
    # The text hook's checks and the id's own: an id's characters exclude lone surrogates.
    if not is_identifier(value) or len(cast(str, value)) > _MAX_TEXT:
        raise _bad(value, "an id")
    return cast(str, value)


def _reference(value: object) -> str:
    """The id of another record, checked once while remembered, and kept as one string."""
    if type(value) is not str:
        return _identifier(value)  # (which refuses it, or keeps a subclass of str as given)
    known = _REFERENCES.get(value)
    if known is None:
        known = _identifier(value)
        if len(_REFERENCES) >= _MAX_REFERENCES:
            _REFERENCES.clear()
        _REFERENCES[known] = known
    return known


# A report names its reporter and department, each one of a few thousand ids a thousand
# times over: read as one string, they take no memory of their own and are checked once.
# Bounded like re's cache of patterns: emptied when full (which only slows what follows).
_REFERENCES: Final[dict[str, str]] = {}
_MAX_REFERENCES: Final = 1 << 16


def _moment(value: object) -> datetime:
    moment = _structure_datetime(value, datetime)
    if not 1 < moment.year < 9998:  # near the calendar's ends: the field's whole check
        _checks.moment(None, _MOMENT_CHECK, moment)
    return moment


def _structure_change(value: object, _: type) -> StatusChange:
    if type(value) is not dict or not value.keys() <= _CHANGE_FIELDS:
        raise _bad(value, "a status change")
    reason = value.get("reason")
    if reason is not None:
        reason = _structure_str(reason, str)
        _checks.text(None, _REASON_CHECK, reason)
    return StatusChange._of_checked_fields(
        status=_member(value["status"], _STATUSES, ReportStatus),
        at=_moment(value["at"]),
        reason=reason,
    )


def _structure_report(value: object, _: type) -> SafetyReport:
    if type(value) is not dict or not value.keys() <= _REPORT_FIELDS:
        raise _bad(value, "a safety report")
    history = value.get("history", ())
    if type(history) is not list and type(history) is not tuple:
        raise _bad(history, "a list")
    return SafetyReport._of_checked_fields(
        report_id=ReportId(_identifier(value["id"])),
        kind=_member(value["kind"], _KINDS, ReportKind),
        risk=_member(value["risk"], _RISKS, RiskLevel),
        reporter=EmployeeId(_reference(value["reporter"])),
        department=DepartmentId(_reference(value["department"])),
        reported_at=_moment(value["reported_at"]),
        history=tuple([_structure_change(change, StatusChange) for change in history]),
    )


# -- results: typed reasons and the values explanations keep -------------------------------------
#
# A reason travels as its fields tagged by its code, ``{"reason": "not_on_staff", ...}``.
# An explanation's value travels as itself when it is text, else tagged by its type,
# ``{"type": "money", "value": {"amount": "70000", "currency": "KZT"}}``.


def _configure_results(converter: cattrs.Converter) -> None:
    from ohs_domain import _outcomes  # noqa: PLC0415 - results sit above this edge
    from ohs_domain._effective import Source  # noqa: PLC0415
    from ohs_domain._measures import Rate, Share  # noqa: PLC0415
    from ohs_domain._money import Money  # noqa: PLC0415
    from ohs_domain._periods import DateRange  # noqa: PLC0415

    for reasons in (_outcomes.PayReason, _outcomes.ExclusionReason):
        # Tagged by its code: the stable, documented name.
        _configure_tagged(converter, reasons, "reason", lambda kind: str(kind.__dict__["code"]))
    reason_tags = _outcomes.REASONS
    value_tags: dict[str, Any] = {
        "flag": bool,
        "count": int,
        "decimal": Decimal,
        "fraction": Fraction,
        "date": date,
        "money": Money,
        "share": Share,
        "rate": Rate,
        "quarter": Quarter,
        "month": Month,
        "year": Year,
        "period": DateRange,
        "source": Source,
        **reason_tags,
    }
    kinds = {kind: tag for tag, kind in value_tags.items()}

    def is_value(kind: Any) -> bool:
        members = get_args(kind)
        return Share in members and Source in members

    def unstructure(value: Any) -> Any:
        if value is None or isinstance(value, str):
            return value if not isinstance(value, enum.Enum) else value.value
        if isinstance(value, tuple):
            return {"type": "list", "value": [unstructure(item) for item in value]}
        tag = kinds[type(value)]
        return {"type": tag, "value": converter.unstructure(value, type(value))}

    def structure(value: object, _: type) -> Any:
        if value is None:
            return value
        if isinstance(value, str):
            return _structure_str(value, str)
        if not isinstance(value, dict) or set(value) != {"type", "value"}:
            raise _bad(value, message("a string, null, or an object {shape}", shape=_TAGGED))
        tag, inner = value["type"], value["value"]
        if tag == "list":
            if not isinstance(inner, list):
                raise _bad(inner, N_("a list"))
            return tuple(structure(item, _) for item in inner)
        if not isinstance(tag, str) or tag not in value_tags:
            raise InvalidValueError(
                "type",
                tag,
                message("one of {values}", values=", ".join(map(repr, ["list", *value_tags]))),
            )
        return converter.structure(inner, value_tags[tag])

    converter.register_structure_hook_func(is_value, structure)
    converter.register_unstructure_hook_func(is_value, unstructure)


def _configure_tagged(
    converter: cattrs.Converter, union: Any, tag_name: str, tag_of: Callable[[type], str]
) -> None:
    """A union of classes travels as the members' objects tagged by ``tag_name``.

    cattrs' tagged-union strategy, told to say which tags are valid when the tag
    is unknown, missing or not a string, and what it takes when the value is not
    an object at all.
    """
    from cattrs.strategies import configure_tagged_union  # noqa: PLC0415 - only used here

    configure_tagged_union(union, converter, tag_generator=tag_of, tag_name=tag_name)
    tagged = converter.get_structure_hook(union)
    tags = [tag_of(kind) for kind in get_args(union)]
    shape = message(
        'an object with "{tag}": {tags}', tag=tag_name, tags=either([f'"{tag}"' for tag in tags])
    )
    valid = message("one of {values}", values=", ".join(map(repr, tags)))

    def structure(value: object, kind: type) -> Any:
        if not isinstance(value, dict):
            raise _bad(value, shape)
        if value.get(tag_name) not in tags:  # a list, not a set: the tag may be unhashable
            raise InvalidValueError(tag_name, value.get(tag_name), valid)
        return tagged(value, kind)

    converter.register_structure_hook(union, structure)


_FAST: Final = _make_converter(detailed=False)
_DETAILED: Final = _make_converter(detailed=True)


# What bad data raises: the library's own refusals, cattrs' (a missing field is a KeyError
# without detailed validation), and nesting deeper than Python's stack. Anything else is a
# bug and propagates as itself, never reported as a problem of the data.
_BAD_DATA: Final = (
    InvalidValueError,
    InvalidDataError,
    BaseValidationError,
    ForbiddenExtraKeysError,
    KeyError,
    RecursionError,
)


def _step(error: BaseException) -> str:
    for note in getattr(error, "__notes__", ()):
        if isinstance(note, AttributeValidationNote):
            return f".{note.name}"
        if isinstance(note, IterableValidationNote):
            return f"[{note.index}]"
    return ""


def _join(path: str, field: str) -> str:
    return f"{path}.{field}" if field else path


def _problems(error: BaseException, path: str) -> Iterator[Problem]:
    if isinstance(error, BaseValidationError):
        for inner in error.exceptions:
            yield from _problems(inner, path + _step(inner))
    elif isinstance(error, ForbiddenExtraKeysError):
        valid = ", ".join(field.name for field in attrs.fields(error.cl))
        for key in sorted(error.extra_fields):
            yield unknown_field(_join(path, key), valid)
    elif isinstance(error, KeyError):
        yield Problem(path, N_("required field is missing"))
    elif isinstance(error, InvalidValueError):
        yield problem_at(_join(path, error.field), error)
    elif isinstance(error, InvalidDataError):
        for problem in error.problems:
            yield attrs.evolve(problem, path=path + problem.path.removeprefix("$"))
    elif isinstance(error, RecursionError):
        yield Problem(path, N_("data nested too deeply"))
    else:  # a bug in the library, not a problem of the data
        raise error


def _name(kind: Any) -> str:
    return getattr(kind, "__name__", None) or str(kind)


@checked
def load(data: object, kind: type[T]) -> T:
    """Build a ``kind`` from JSON-ready ``data``, validating everything.

    Raises:
        InvalidDataError: Listing every problem in ``data``, each with its path.
    """
    with paused_gc():
        try:
            return _FAST.structure(data, kind)
        except StructureHandlerNotFoundError:
            expected = N_(
                "a type of ohs_domain, or one the edge reads (str, int, Decimal, date, ...)"
            )
            raise InvalidArgumentError("load", "kind", kind, expected) from None
        except _BAD_DATA:  # re-run in detail to report every problem (a bug is not caught)
            pass
        try:
            return _DETAILED.structure(data, kind)  # pragma: no cover - fast and detailed agree
        except _BAD_DATA as error:
            raise InvalidDataError(_name(kind), _problems(error, "$")) from None


@checked
def dump(value: object) -> Any:
    """Return ``value`` as JSON-ready data (dicts, lists, strings, ints, bools, None).

    Raises:
        InvalidArgumentError: If ``value`` (or a part of it) has no JSON form here:
            a float, a set, or an object of a type the library does not know.
    """
    data = _FAST.unstructure(value)
    stray = _not_json_ready(data)
    if stray is not None:
        raise InvalidArgumentError(
            "dump",
            "value",
            value,
            message(
                "a value of an ohs_domain type or JSON-ready data; {value} has no JSON form",
                value=_show(stray),
            ),
        )
    return data


def _not_json_ready(data: object) -> object | None:
    """The first part of ``data`` that JSON cannot carry exactly, if any."""
    pending = [data]
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            if not all(isinstance(key, str) for key in item):
                return item
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
        elif not (item is None or isinstance(item, str | bool | int)):
            return item  # a float (NaN, inf, or inexact), a set, an unknown object
    return None


_TOO_MANY_DIGITS: Final = 30


class _LongInteger:
    """An integer literal too long to read: kept as text so its problem gets a path."""

    __slots__ = ("digits",)

    def __init__(self, digits: str) -> None:
        self.digits = digits

    def __repr__(self) -> str:
        return f"an integer of {len(self.digits.lstrip('-')):,} digits"


def _reject_constant(name: str) -> None:
    raise NotANumberError(name)


def _parse_int(text: str) -> int | _LongInteger:
    # Python refuses to read integers over 4,300 digits with a message of its own; no
    # value of the library needs more than 30, so longer ones are refused where they are.
    return int(text) if len(text) <= _TOO_MANY_DIGITS else _LongInteger(text)


def _text(source: object, kind: object, language: str) -> str:
    if isinstance(source, bytes):
        try:
            return source.decode("utf-8")
        except UnicodeDecodeError as error:
            words = not_utf8(language, error)
            raise InvalidDataError(_name(kind), [Problem.of("$", words)]) from None
    return cast(str, source)


@checked
def load_json(text: str | bytes, kind: type[T]) -> T:
    """Parse JSON ``text`` and [`load`][ohs_domain.serialization.load] a ``kind`` from it.

    Raises:
        InvalidDataError: If ``text`` is not JSON, or lists every problem in it.
    """
    source = _text(text, kind, "JSON")  # not UTF-8 is its own problem, outside the parser's
    try:
        data = json.loads(source, parse_constant=_reject_constant, parse_int=_parse_int)
    except (ValueError, RecursionError) as error:
        raise InvalidDataError(_name(kind), [Problem.of("$", not_json(error))]) from None
    return load(data, kind)


@checked
def dump_json(value: object) -> str:
    """Return ``value`` as JSON text with sorted keys: the same value gives the same bytes."""
    return json.dumps(dump(value), sort_keys=True, ensure_ascii=False, indent=2, allow_nan=False)


@checked
def load_toml(text: str | bytes, kind: type[T]) -> T:
    """Parse TOML ``text`` and [`load`][ohs_domain.serialization.load] a ``kind`` from it.

    TOML's native dates and moments are accepted where a date or moment is expected.

    Raises:
        InvalidDataError: If ``text`` is not TOML, or lists every problem in it.
    """
    source = _text(text, kind, "TOML")
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        raise InvalidDataError(_name(kind), [Problem.of("$", not_toml(error))]) from None
    except RecursionError:
        raise InvalidDataError(
            _name(kind), [Problem("$", N_("not valid TOML: nested too deeply"))]
        ) from None
    return load(data, kind)


# The file readers build on load; imported last, as they use this module's functions.
from ohs_domain._tables import (  # noqa: E402
    read_csv_tables,
    read_json_lines,
    write_csv_tables,
    write_json_lines,
)
