"""Time zones from one source the library controls: the ``tzdata`` package.

``zoneinfo`` prefers the host's zone database to the ``tzdata`` package, so the
same bundle could fall into different periods on a host with old zone data
(Almaty's move from UTC+6 to UTC+5 on 2024-03-01 is in tzdata 2024a and later).
The library therefore reads every zone from ``tzdata``, a declared dependency
whose version the lock file pins, and accepts only the names of real zones:
``localtime`` (whatever the host's zone is), ``Factory`` (no zone at all) and
the ``posix/`` and ``right/`` copies are refused.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Final, Self
from zoneinfo import ZoneInfo

import attrs
import tzdata  # type: ignore[import-untyped]  # data only, no annotations

from ohs_domain._errors import InvalidValueError
from ohs_domain._i18n import Message, message

_NOT_A_PLACE: Final = frozenset({"Factory"})  # tzdata's placeholder for "no zone set"

_TZDATA: Final = Path(tzdata.__file__).parent

ZONE_KEYS: Final[frozenset[str]] = (
    frozenset((_TZDATA / "zones").read_text(encoding="ascii").split()) - _NOT_A_PLACE
)
"""Every IANA zone name the library accepts: those of the ``tzdata`` package."""

EXPECTED: Final = 'an IANA time zone key from the tzdata package, e.g. "Asia/Almaty"'


class _TzdataZone(ZoneInfo):
    """A zone read from the ``tzdata`` package, one object per name (so zones compare equal)."""

    _loaded: dict[str, _TzdataZone] = {}  # noqa: RUF012 - the class's own cache, by design

    def __new__(cls, key: str) -> Self:
        zone = cls._loaded.get(key)
        if zone is None:
            with _TZDATA.joinpath("zoneinfo", *key.split("/")).open("rb") as data:
                zone = cls.from_file(data, key=key)
            cls._loaded[key] = zone
        return zone  # type: ignore[return-value]

    def __reduce__(self) -> tuple[type[_TzdataZone], tuple[str]]:
        return (_TzdataZone, (str(self.key),))


def time_zone(key: object) -> ZoneInfo:
    """The zone named ``key``, read from the ``tzdata`` package.

    Raises:
        InvalidValueError: If ``key`` is not the name of a real zone in ``tzdata``.
    """
    if not isinstance(key, str) or key not in ZONE_KEYS:
        expected: str | Message = EXPECTED
        if key in ("localtime", "Factory") or str(key).startswith(("posix/", "right/")):
            expected = message(
                "{expected}; {key} does not name one place's rules",
                expected=Message(EXPECTED),
                key=repr(key),
            )
        raise InvalidValueError("time_zone", key, expected)
    return _TzdataZone(key)


def same_zone(zone: ZoneInfo) -> ZoneInfo:
    """``zone`` as the library's zone of the same name; anything else is returned unchanged.

    A ``ZoneInfo`` built by a caller reads the host's database; the library's
    reads ``tzdata``, so a result never depends on the host.
    """
    if isinstance(zone, ZoneInfo) and not isinstance(zone, _TzdataZone) and zone.key in ZONE_KEYS:
        return _TzdataZone(zone.key)
    return zone  # anything else: the validator refuses what is not a zone


def check_zone(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An attrs validator: a zone of the library's (after ``same_zone``)."""
    if not isinstance(value, _TzdataZone):
        key = getattr(value, "key", value)
        raise InvalidValueError(
            attribute.name,
            value,
            message(
                "a zoneinfo.ZoneInfo of an IANA zone name from the tzdata package, "
                "e.g. ZoneInfo('Asia/Almaty'); {key} is not one",
                key=repr(key),
            ),
        )
