"""Records from files a user has: a folder of JSON Lines, one file per collection.

The readers stream: a file is read and loaded ``chunk_size`` records at a time
through [`load`][ohs_domain.serialization.load], so the messages are the edge's
own, and every problem of every file is reported in one
[`InvalidDataError`][ohs_domain.InvalidDataError] whose paths name the file,
the line and the field (``employees.jsonl:12:department``).

Re-exported from [`ohs_domain.serialization`][ohs_domain.serialization].
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Final, get_type_hints
from zoneinfo import ZoneInfo

from ohs_domain import serialization
from ohs_domain._arguments import checked
from ohs_domain._errors import InvalidArgumentError, InvalidDataError, Problem
from ohs_domain._records import COLLECTIONS, Records

TIME_ZONE_FILE: Final = "time_zone.json"
"""The file of a JSON Lines folder that holds the company's time zone, ``"Asia/Almaty"``."""

_INDEX: Final = re.compile(r"\$\[(\d+)\]\.?(.*)", re.DOTALL)

Progress = Callable[[int], None]
"""Called with the number of records read so far, after each chunk."""


def _numbered_json(path: Path, problems: list[Problem]) -> Iterator[tuple[int, Any]]:
    """Each non-blank line of ``path`` with its number, parsed; bad JSON is a problem."""
    with path.open(encoding="utf-8", errors="strict") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except ValueError as error:
                problems.append(Problem(f"{path.name}:{number}", f"not valid JSON: {error}"))


def _at(file: str, numbers: list[int], problem: Problem) -> Problem:
    """``problem`` found in a chunk, placed at its file, line and field."""
    match = _INDEX.fullmatch(problem.path)
    if match is None:  # pragma: no cover - a chunk's problems are always inside a row
        return Problem(f"{file}:{problem.path}", problem.message, problem.record)
    line = numbers[int(match[1])]
    return Problem(f"{file}:{line}:{match[2] or '$'}", problem.message, problem.record)


def _read_collection(
    path: Path,
    kind: Any,
    *,
    chunk_size: int,
    progress: Progress | None,
    done: int,
    problems: list[Problem],
) -> list[Any]:
    items: list[Any] = []
    rows = _numbered_json(path, problems)
    while chunk := list(itertools.islice(rows, chunk_size)):
        numbers = [number for number, _ in chunk]
        try:
            items.extend(serialization.load([row for _, row in chunk], kind))
        except InvalidDataError as error:
            problems.extend(_at(path.name, numbers, p) for p in error.problems)
        done += len(chunk)
        if progress is not None:
            progress(done)
    return items


@checked
def read_json_lines(
    folder: str | Path, *, chunk_size: int = 10_000, progress: Progress | None = None
) -> Records:
    """Load the records in ``folder``: one ``<collection>.jsonl`` per collection.

    A collection is named as the field of [`Records`][ohs_domain.Records]
    (``employees.jsonl``, ``safety_reports.jsonl``); a missing file is an empty
    collection. ``time_zone.json`` holds the company's time zone as a JSON string.

    Args:
        folder: The folder to read (a path or its text).
        chunk_size: How many records are loaded at a time.
        progress: Called with the number of records read so far after each chunk.

    Raises:
        InvalidDataError: Listing every problem of every file, each at
            ``file:line:field``.
    """
    if chunk_size < 1:
        raise InvalidArgumentError("read_json_lines", "chunk_size", chunk_size, "at least 1")
    problems: list[Problem] = []
    folder = Path(folder)
    if not folder.is_dir():
        raise InvalidDataError("Records", [Problem(str(folder), "not a folder")])
    known = {f"{name}.jsonl" for name in COLLECTIONS}
    problems.extend(
        Problem(path.name, f"unknown collection; valid files are: {', '.join(sorted(known))}")
        for path in sorted(folder.glob("*.jsonl"))
        if path.name not in known
    )
    zone: ZoneInfo | None = None
    zone_file = folder / TIME_ZONE_FILE
    if not zone_file.exists():
        problems.append(Problem(TIME_ZONE_FILE, 'missing; write the zone as "Asia/Almaty"'))
    else:
        try:
            zone = serialization.load_json(zone_file.read_bytes(), ZoneInfo)
        except InvalidDataError as error:
            problems.extend(
                Problem(f"{TIME_ZONE_FILE}:{p.path}", p.message, p.record) for p in error.problems
            )
    kinds = get_type_hints(Records)
    collections: dict[str, list[Any]] = {}
    done = 0
    for name in COLLECTIONS:
        path = folder / f"{name}.jsonl"
        if path.exists():
            collections[name] = _read_collection(
                path,
                kinds[name],
                chunk_size=chunk_size,
                progress=progress,
                done=done,
                problems=problems,
            )
            done += len(collections[name])
    if problems or zone is None:
        raise InvalidDataError("Records", problems)
    return Records(time_zone=zone, **collections)


@checked
def write_json_lines(records: Records, folder: str | Path) -> None:
    """Write ``records`` into ``folder`` as [`read_json_lines`][ohs_domain.serialization.read_json_lines] reads them.

    One record per line, one at a time: a large bundle is never held as JSON at once.
    """  # noqa: E501
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / TIME_ZONE_FILE).write_text(json.dumps(serialization.dump(records.time_zone)) + "\n")
    for name in COLLECTIONS:
        with (folder / f"{name}.jsonl").open("w", encoding="utf-8") as out:
            for item in getattr(records, name):
                out.write(json.dumps(serialization.dump(item), ensure_ascii=False) + "\n")
