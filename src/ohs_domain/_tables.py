"""Records from files a user has: a folder of JSON Lines or of CSV tables.

The readers stream: a file is read and loaded ``chunk_size`` records at a time
through [`load`][ohs_domain.serialization.load], so the messages are the edge's
own, and every problem of every file is reported in one
[`InvalidDataError`][ohs_domain.InvalidDataError] whose paths name the file,
the line and the field (``employees.jsonl:12:department``,
``employees.csv:12:department``).

The CSV layout (documented in ``docs/how-to/csv-tables.md``): one
``<collection>.csv`` per collection with a header row of the record's fields;
a nested value in dotted columns (``term.start``, ``term.end``); a list in one
cell separated by ``;``; an empty cell is an absent value; the status changes
of safety reports in ``report_history.csv`` (``report,status,at,reason``, in
order); the time zone in ``time_zone.txt`` (``Asia/Almaty``).

Re-exported from [`ohs_domain.serialization`][ohs_domain.serialization].
"""

from __future__ import annotations

import csv
import itertools
import json
import re
import types
import typing
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Final, get_args, get_origin, get_type_hints
from zoneinfo import ZoneInfo

import attrs

from ohs_domain import serialization
from ohs_domain._arguments import checked
from ohs_domain._errors import InvalidArgumentError, InvalidDataError, Problem
from ohs_domain._periods import Month, Quarter, Year
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
        return attrs.evolve(problem, path=f"{file}:{problem.path}")
    line = numbers[int(match[1])]
    return attrs.evolve(problem, path=f"{file}:{line}:{match[2] or '$'}")


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
                attrs.evolve(p, path=f"{TIME_ZONE_FILE}:{p.path}") for p in error.problems
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


HISTORY_FILE: Final = "report_history.csv"
"""The CSV table of safety reports' status changes: ``report,status,at,reason``."""

TIME_ZONE_TEXT: Final = "time_zone.txt"
"""The file of a CSV folder that holds the company's time zone, ``Asia/Almaty``."""

# Values of attrs classes whose wire form is text ("2023-01"): one cell, not dotted columns.
_ONE_CELL: Final = frozenset({Month, Quarter, Year})
_HISTORY_COLUMNS: Final = ("report", "status", "at", "reason")
_HISTORY_PATH: Final = re.compile(r"history\[(\d+)\]\.?(.*)", re.DOTALL)


def _cell_reader(kind: Any) -> Callable[[str], Any]:
    """How a cell's text becomes the JSON-ready value of a field of type ``kind``."""
    if get_origin(kind) in {types.UnionType, typing.Union}:
        kind = next(arg for arg in get_args(kind) if arg is not type(None))
    if get_origin(kind) in {tuple, frozenset}:
        return lambda text: [part.strip() for part in text.split(";") if part.strip()]
    if kind is bool:
        return lambda text: {"true": True, "false": False}.get(text.strip().lower(), text)
    if kind is int:
        return lambda text: int(text) if re.fullmatch(r"-?\d{1,20}", text.strip()) else text
    return lambda text: text


def _columns(kind: type) -> dict[str, tuple[Callable[[str], Any], bool]]:
    """Each column of ``kind``'s table: how its cells read, and whether it is required."""
    hints = get_type_hints(kind)
    columns: dict[str, tuple[Callable[[str], Any], bool]] = {}
    for field in attrs.fields(kind):
        required = field.default is attrs.NOTHING
        inner = hints[field.name]
        if attrs.has(inner) and inner not in _ONE_CELL:
            for name, (read, needed) in _columns(inner).items():
                columns[f"{field.name}.{name}"] = (read, required and needed)
        else:
            columns[field.name] = (_cell_reader(inner), required)
    return columns


def _row_data(row: dict[str, str], columns: dict[str, tuple[Callable[[str], Any], bool]]) -> Any:
    data: dict[str, Any] = {}
    for column, text in row.items():
        if text == "":
            continue  # an absent value: the field's default, or "missing" if it has none
        read = columns[column][0]
        target = data
        *outer, name = column.split(".")
        for part in outer:
            target = target.setdefault(part, {})
        target[name] = read(text)
    return data


def _csv_rows(
    path: Path, columns: dict[str, tuple[Callable[[str], Any], bool]], problems: list[Problem]
) -> Iterator[tuple[int, dict[str, str]]]:
    """Each row of ``path`` with its line; a bad header is a problem and no row is read."""
    with path.open(encoding="utf-8-sig", newline="") as lines:
        reader = csv.reader(lines)
        header = next(reader, [])
        wrong = [
            Problem(
                f"{path.name}:1:{name}", f"unknown column; valid columns are: {', '.join(columns)}"
            )
            for name in header
            if name not in columns
        ] + [
            Problem(f"{path.name}:1", f"missing column {name!r}")
            for name, (_, required) in columns.items()
            if required and name not in header
        ]
        if wrong:
            problems.extend(wrong)
            return
        for cells in reader:
            if not any(cells):
                continue
            if len(cells) != len(header):
                problems.append(
                    Problem(
                        f"{path.name}:{reader.line_num}",
                        f"{len(cells)} cells; the header has {len(header)}",
                    )
                )
                continue
            yield reader.line_num, dict(zip(header, cells, strict=True))


def _history(folder: Path, problems: list[Problem]) -> dict[str, list[tuple[int, Any]]]:
    """Each report's status changes, in file order, with their lines."""
    changes: defaultdict[str, list[tuple[int, Any]]] = defaultdict(list)
    path = folder / HISTORY_FILE
    if path.exists():
        columns = {name: (_cell_reader(str), name != "reason") for name in _HISTORY_COLUMNS}
        for line, row in _csv_rows(path, columns, problems):
            report = row.pop("report")
            changes[report].append((line, _row_data(row, columns)))
    return changes


def _at_cell(file: str, lines: list[int], history: list[list[int]], problem: Problem) -> Problem:
    """``problem`` found in a chunk, placed at its table, line and column."""
    match = _INDEX.fullmatch(problem.path)
    if match is None:  # pragma: no cover - a chunk's problems are always inside a row
        return attrs.evolve(problem, path=f"{file}:{problem.path}")
    row, rest = int(match[1]), match[2]
    change = _HISTORY_PATH.fullmatch(rest)
    if change is not None and int(change[1]) < len(history[row]):
        line = history[row][int(change[1])]
        return attrs.evolve(problem, path=f"{HISTORY_FILE}:{line}:{change[2] or '$'}")
    return attrs.evolve(problem, path=f"{file}:{lines[row]}:{rest or '$'}")


def _read_table(
    path: Path,
    kind: Any,
    *,
    history: dict[str, list[tuple[int, Any]]] | None,
    chunk_size: int,
    progress: Progress | None,
    done: int,
    problems: list[Problem],
) -> list[Any]:
    """The records of one CSV table, ``chunk_size`` rows at a time."""
    columns = _columns(get_args(kind)[0])
    if history is not None:
        columns.pop("history")
    items: list[Any] = []
    rows = _csv_rows(path, columns, problems)
    while chunk := list(itertools.islice(rows, chunk_size)):
        data = [_row_data(row, columns) for _, row in chunk]
        changes: list[list[int]] = [[] for _ in chunk]
        if history is not None:
            for index, row in enumerate(data):
                found = history.pop(str(row.get("id")), [])
                row["history"] = [entry for _, entry in found]
                changes[index] = [line for line, _ in found]
        try:
            items.extend(serialization.load(data, kind))
        except InvalidDataError as error:
            lines = [line for line, _ in chunk]
            problems.extend(_at_cell(path.name, lines, changes, p) for p in error.problems)
        done += len(chunk)
        if progress is not None:
            progress(done)
    return items


@checked
def read_csv_tables(
    folder: str | Path, *, chunk_size: int = 10_000, progress: Progress | None = None
) -> Records:
    """Load the records in a folder of CSV tables: one ``<collection>.csv`` per collection.

    The layout: a header row of the record's fields (``employees.csv``:
    ``id,department,category,hired_on,left_on``); dotted columns for a nested
    value (``term.start,term.end``); a list in one cell separated by ``;``; an
    empty cell for an absent value; safety reports' status changes in
    ``report_history.csv`` (``report,status,at,reason``, in order); the time zone
    in ``time_zone.txt``. A missing table is an empty collection.

    Args:
        folder: The folder to read (a path or its text).
        chunk_size: How many rows are loaded at a time.
        progress: Called with the number of rows read so far after each chunk.

    Raises:
        InvalidDataError: Listing every problem of every table, each at
            ``table:line:column``.
    """
    if chunk_size < 1:
        raise InvalidArgumentError("read_csv_tables", "chunk_size", chunk_size, "at least 1")
    folder = Path(folder)
    if not folder.is_dir():
        raise InvalidDataError("Records", [Problem(str(folder), "not a folder")])
    problems: list[Problem] = []
    known = {f"{name}.csv" for name in COLLECTIONS} | {HISTORY_FILE}
    problems.extend(
        Problem(path.name, f"unknown table; valid tables are: {', '.join(sorted(known))}")
        for path in sorted(folder.glob("*.csv"))
        if path.name not in known
    )
    zone: ZoneInfo | None = None
    zone_file = folder / TIME_ZONE_TEXT
    if not zone_file.exists():
        problems.append(Problem(TIME_ZONE_TEXT, "missing; write the zone, e.g. Asia/Almaty"))
    else:
        try:
            zone = serialization.load(zone_file.read_text(encoding="utf-8").strip(), ZoneInfo)
        except InvalidDataError as error:
            problems.extend(
                attrs.evolve(p, path=TIME_ZONE_TEXT, record=None) for p in error.problems
            )
    history = _history(folder, problems)
    kinds = get_type_hints(Records)
    collections: dict[str, list[Any]] = {}
    done = 0
    for name in COLLECTIONS:
        path = folder / f"{name}.csv"
        if path.exists():
            collections[name] = _read_table(
                path,
                kinds[name],
                history=history if name == "safety_reports" else None,
                chunk_size=chunk_size,
                progress=progress,
                done=done,
                problems=problems,
            )
            done += len(collections[name])
    problems.extend(
        Problem(
            f"{HISTORY_FILE}:{line}:report", f"no safety report {report!r} in safety_reports.csv"
        )
        for report, found in history.items()
        for line, _ in found
    )
    if problems or zone is None:
        raise InvalidDataError("Records", problems)
    return Records(time_zone=zone, **collections)


@checked
def write_csv_tables(records: Records, folder: str | Path) -> None:
    """Write ``records`` into ``folder`` as [`read_csv_tables`][ohs_domain.serialization.read_csv_tables] reads them."""  # noqa: E501
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / TIME_ZONE_TEXT).write_text(f"{records.time_zone.key}\n", encoding="utf-8")
    kinds = get_type_hints(Records)
    with (folder / HISTORY_FILE).open("w", encoding="utf-8", newline="") as out:
        history = csv.writer(out, lineterminator="\n")
        history.writerow(_HISTORY_COLUMNS)
        for report in records.safety_reports:
            for change in serialization.dump(report.history):
                history.writerow(
                    [report.id, change["status"], change["at"], change.get("reason") or ""]
                )
    for name in COLLECTIONS:
        columns = _columns(get_args(kinds[name])[0])
        if name == "safety_reports":
            columns.pop("history", None)
        with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as out:
            table = csv.writer(out, lineterminator="\n")
            table.writerow(columns)
            for item in getattr(records, name):
                table.writerow(_cells(serialization.dump(item), columns))


def _cells(data: dict[str, Any], columns: dict[str, Any]) -> list[str]:
    cells = []
    for column in columns:
        value: Any = data
        for part in column.split("."):
            value = value.get(part)
        if isinstance(value, list):
            value = ";".join(value)
        elif isinstance(value, bool):
            value = "true" if value else "false"
        cells.append("" if value is None else str(value))
    return cells
