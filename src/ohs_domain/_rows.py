"""Flat rows out of results: JSON-safe cells for CSV files and DataFrames.

Money is two cells, ``amount`` (an exact decimal string) and ``currency``;
days are ISO strings; reasons are a stable ``reason`` code and their English
``reason_text``. Every result's ``rows()`` documents its columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import TypeAlias

from ohs_domain._money import Money
from ohs_domain._outcomes import ExclusionReason, PayReason

Cell: TypeAlias = str | int | bool | None
"""One JSON-safe cell."""

Row: TypeAlias = dict[str, Cell]
"""One flat row: column name to cell."""


def money(value: Money) -> Row:
    """``value`` as an ``amount`` string and a ``currency`` cell."""
    return {"amount": str(value.amount), "currency": value.currency}


def duration(value: timedelta | None) -> str | None:
    """``value`` in whole seconds, as ISO 8601 (``"P3DT4H"``)."""
    if value is None:
        return None
    days, seconds = value.days, value.seconds
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    time = "".join(f"{n}{unit}" for n, unit in ((hours, "H"), (minutes, "M"), (seconds, "S")) if n)
    return "P" + (f"{days}D" if days or not time else "") + (f"T{time}" if time else "")


def reasons(found: Sequence[PayReason | ExclusionReason]) -> Row:
    """The ``reason`` codes and their ``reason_text``, each joined by ``"; "`` (empty: ``None``)."""
    if not found:
        return {"reason": None, "reason_text": None}
    return {
        "reason": "; ".join(r.code for r in found),
        "reason_text": "; ".join(str(r) for r in found),
    }
