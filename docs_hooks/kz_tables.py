"""MkDocs hook: render the Kazakhstan parameter tables from ``ohs_domain.kz``.

A page writes ``<!-- kz-table: MINIMUM_WAGE -->`` and gets the schedule as a
table, generated at build time, so the published values are the library's
own and never retyped.
"""

from __future__ import annotations

import re
from typing import Any

from ohs_domain import Schedule, kz

_MARKER = re.compile(r"<!-- kz-table: (\w+) -->")


def _table(name: str) -> str:
    schedule = getattr(kz, name, None)
    if not isinstance(schedule, Schedule):
        msg = f"kz has no schedule named {name!r}"
        raise TypeError(msg)
    rows = ["| in force from | value | source |", "| --- | ---: | --- |"]
    rows.extend(f"| {entry.since} | {entry.value} | {entry.source} |" for entry in schedule.entries)
    return "\n".join(rows)


def on_page_markdown(markdown: str, **_: Any) -> str:
    """Replace every table marker with its generated table."""
    return _MARKER.sub(lambda match: _table(match[1]), markdown)
