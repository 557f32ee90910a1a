"""Records from files a user has: a folder of JSON Lines or of CSV tables.

The readers stream: a file is read and loaded ``chunk_size`` records at a time
through [`load`][ohs_domain.serialization.load], so the messages are the edge's
own, and every problem of every file is reported in one
[`InvalidDataError`][ohs_domain.InvalidDataError] whose paths name the file,
the line and the field (``employees.jsonl:12:department``,
``employees.csv:12:department``): each row's own, and beside them those across
records (duplicates, references, dated rules) between the rows that could be read.

The CSV layout (documented in ``docs/how-to/csv-tables.md``): one
``<collection>.csv`` per collection with a header row of the record's fields;
a nested value in dotted columns (``term.start``, ``term.end``); a list in one
cell separated by ``;``; an empty cell is an absent value; the status changes
of safety reports in ``report_history.csv`` (``report,status,at,reason``, in
order); the time zone in ``time_zone.txt`` (``Asia/Almaty``).

Re-exported from [`ohs_domain.serialization`][ohs_domain.serialization].
"""

from __future__ import annotations

import contextlib
import csv
import itertools
import json
import re
import types
import typing
from array import array
from collections import defaultdict
from collections.abc import Callable, Container, Iterator
from pathlib import Path
from typing import Any, Final, get_args, get_origin, get_type_hints
from zoneinfo import ZoneInfo

import attrs

from ohs_domain import serialization
from ohs_domain._arguments import checked
from ohs_domain._errors import InvalidArgumentError, InvalidDataError, Problem
from ohs_domain._i18n import Message, message
from ohs_domain._parsers import not_json, not_utf8
from ohs_domain._periods import Month, Quarter, Year
from ohs_domain._records import COLLECTIONS, Records

TIME_ZONE_FILE: Final = "time_zone.json"
"""The file of a JSON Lines folder that holds the company's time zone, ``"Asia/Almaty"``."""

_INDEX: Final = re.compile(r"\$\[(\d+)\]\.?(.*)", re.DOTALL)

Progress = Callable[[int], None]
"""Called with the number of records read so far, after each chunk."""

_JSONL: Final = frozenset(f"{name}.jsonl" for name in COLLECTIONS)
_ACROSS: Final = re.compile(r"\$\.(\w+)\[(\d+)\]\.?(.*)", re.DOTALL)


@attrs.frozen
class _Row:
    """A record's JSON-ready data and where it was read.

    Its line; for a safety report read from CSV, also the lines of its status
    changes in ``report_history.csv``.
    """

    line: int
    data: Any
    history: tuple[int, ...] = ()
    inside: frozenset[str] = frozenset()  # the ids a quoted cell of it may have swallowed


class _Reading:
    """One folder being read: its problems, the records read so far, the progress.

    The JSON Lines and the CSV readers differ only in how a file becomes rows;
    loading them in chunks, placing each problem at its file, line and field, and
    checking the rules across records are this class's, for both.
    """

    def __init__(self, chunk_size: int, progress: Progress | None) -> None:
        self.chunk_size = chunk_size
        self.progress = progress
        self.done = 0
        self.problems: list[Problem] = []
        self.files: dict[str, str] = {}
        # The records read and their lines, not their data: a large folder is never
        # held as data, and a rule across records needs only a record's line.
        self.items: dict[str, list[Any]] = {name: [] for name in COLLECTIONS}
        self.lines: dict[str, array[int]] = {name: array("q") for name in COLLECTIONS}
        self.unreadable: dict[str, set[str]] = {name: set() for name in COLLECTIONS}

    @classmethod
    def of(
        cls,
        folder: str | Path,
        reader: str,
        *,
        chunk_size: int,
        progress: Progress | None,
        known: frozenset[str],
        what: str,
    ) -> _Reading:
        """Start reading ``folder`` with ``reader``: files it does not know are problems."""
        if chunk_size < 1:
            raise InvalidArgumentError(reader, "chunk_size", chunk_size, "at least 1")
        folder = Path(folder)
        if not folder.is_dir():
            raise InvalidDataError("Records", [Problem(str(folder), "not a folder")])
        reading = cls(chunk_size, progress)
        suffix = next(iter(known)).rpartition(".")[2]
        reading.problems.extend(
            Problem.of(
                path.name,
                message(
                    "unknown {what}; valid files are: {files}",
                    what=Message(what),
                    files=", ".join(sorted(known)),
                ),
            )
            for path in sorted(folder.glob(f"*.{suffix}"))
            if path.name not in known
        )
        return reading

    def zone(self, path: Path, read: Callable[[bytes], ZoneInfo], missing: str) -> ZoneInfo | None:
        """The company's time zone, read from ``path``; ``None`` and a problem if it is not."""
        if not path.exists():
            self.problems.append(Problem(path.name, missing))
            return None
        try:
            return read(path.read_bytes())
        except InvalidDataError as error:
            self.problems.extend(
                attrs.evolve(p, path=path.name, record=None) for p in error.problems
            )
            return None

    def place(self, file: str, row: _Row, problem: Problem, rest: str) -> Problem:
        """``problem`` at ``rest`` (``department``, ``history[2].at``) of ``row`` of ``file``."""
        change = _HISTORY_PATH.fullmatch(rest)
        if change is not None and int(change[1]) < len(row.history):
            path = f"{HISTORY_FILE}:{row.history[int(change[1])]}:{change[2] or '$'}"
        else:
            path = f"{file}:{row.line}:{rest or '$'}"
        return attrs.evolve(problem, path=path)

    def collection(self, name: str, file: str, rows: Iterator[_Row], kind: Any) -> None:
        """Load the rows of collection ``name`` from ``file``, ``chunk_size`` at a time."""
        self.files[name] = file
        element = get_args(kind)[0]
        while chunk := list(itertools.islice(rows, self.chunk_size)):
            self.done += len(chunk)
            try:
                items = serialization.load([row.data for row in chunk], kind)
            except InvalidDataError as error:
                bad: set[int] = set()
                for problem in error.problems:
                    match = _INDEX.fullmatch(problem.path)
                    if match is None:  # pragma: no cover - a chunk's problems are inside a row
                        self.problems.append(attrs.evolve(problem, path=f"{file}:{problem.path}"))
                        continue
                    row = chunk[int(match[1])]
                    bad.add(int(match[1]))
                    # The id beside the path, as a bundle's problems have it; a reference
                    # to this id is then not called unknown.
                    label = serialization._raw_label(row.data)
                    if label is not None:
                        self.unreadable[name].add(label)
                    self.unreadable[name].update(row.inside)
                    self.problems.append(
                        self.place(file, row, attrs.evolve(problem, record=label), match[2])
                    )
                # The other rows of the chunk are valid on their own: keep them for the
                # rules across records, so that they are checked beside these problems.
                good = [row for index, row in enumerate(chunk) if index not in bad]
                items = tuple(serialization.load(row.data, element) for row in good)
                chunk = good
            self.items[name].extend(items)
            self.lines[name].extend(row.line for row in chunk)
            if self.progress is not None:
                self.progress(self.done)

    def records(self, zone: ZoneInfo | None) -> Records:
        """The records read, or every problem of the folder, each at its file and line.

        Each row's own problems, and those of the rules across records (duplicates,
        references, dated rules) between the rows that could be read.
        """
        if not self.problems and zone is not None:
            with contextlib.suppress(InvalidDataError):  # found again below, at file and line
                return Records(
                    time_zone=zone,
                    **{name: self.items[name] for name in self.files},
                )
        given = {
            name: list(zip(self.lines[name], items, strict=True))
            for name, items in self.items.items()
        }
        unreadable: dict[str, Container[str]] = {
            name: _EveryId() if EVERY_ID in ids else frozenset(ids)
            for name, ids in self.unreadable.items()
        }
        for problem in Records._problems_of(zone, given, unreadable):
            match = _ACROSS.fullmatch(problem.path)
            if match is None:  # pragma: no cover - every rule across records names a row
                self.problems.append(problem)
                continue
            name, line, rest = match[1], int(match[2]), match[3]
            file = self.files[name]
            # "employees[12], employees[40]" in a message about duplicates: rows by line.
            row = re.compile(rf"\b{name}\[(\d+)\]")
            message = row.sub(rf"{file}:\1", problem.message)
            text = attrs.evolve(
                problem.text,
                values=tuple(
                    (key, row.sub(rf"{file}:\1", value) if isinstance(value, str) else value)
                    for key, value in problem.text.values
                ),
            )
            self.problems.append(
                self.place(
                    file, _Row(line, None), attrs.evolve(problem, message=message, text=text), rest
                )
            )
        raise InvalidDataError("Records", self.problems)


def _not_utf8(path: Path, language: str) -> Problem:
    """The first line of ``path`` that is not UTF-8 (a file saved in a legacy code page)."""
    with path.open("rb") as raw:
        for number, line in enumerate(raw, start=1):
            try:
                line.decode("utf-8")
            except UnicodeDecodeError as error:
                return Problem.of(f"{path.name}:{number}", not_utf8(language, error))
    raise AssertionError(path)  # pragma: no cover - called when a line did not decode


def _json_rows(path: Path, problems: list[Problem]) -> Iterator[_Row]:
    """Each non-blank line of ``path`` as a row, parsed; bad JSON is a problem."""
    with path.open(encoding="utf-8", errors="strict") as lines:
        try:
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                try:
                    yield _Row(number, json.loads(line))
                except ValueError as error:
                    problems.append(Problem.of(f"{path.name}:{number}", not_json(error)))
        except UnicodeDecodeError:  # the rest of the file is not read
            problems.append(_not_utf8(path, "JSON"))


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
    reading = _Reading.of(
        folder,
        "read_json_lines",
        chunk_size=chunk_size,
        progress=progress,
        known=_JSONL,
        what="collection",
    )
    folder = Path(folder)
    zone = reading.zone(
        folder / TIME_ZONE_FILE,
        lambda data: serialization.load_json(data, ZoneInfo),
        'missing; write the zone as "Asia/Almaty"',
    )
    kinds = get_type_hints(Records)
    for name in COLLECTIONS:
        path = folder / f"{name}.jsonl"
        if path.exists():
            reading.collection(name, path.name, _json_rows(path, reading.problems), kinds[name])
    return reading.records(zone)


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
_CSV: Final = frozenset(f"{name}.csv" for name in COLLECTIONS) | {HISTORY_FILE}


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
    path: Path,
    columns: dict[str, tuple[Callable[[str], Any], bool]],
    problems: list[Problem],
    unreadable: set[str],
) -> Iterator[tuple[int, dict[str, str], frozenset[str]]]:
    """Each row of ``path`` with its first line and the ids its quoted cells may hide.

    A bad header is a problem and no row is read. The ids of rows that cannot be read
    are added to ``unreadable`` (``EVERY_ID`` when no row is), so that a reference to
    one of them is not called unknown.
    """
    try:
        yield from _csv_rows_of_text(path, columns, problems, unreadable)
    except UnicodeDecodeError:  # the rest of the file is not read
        problems.append(_not_utf8(path, "CSV"))
        unreadable.add(EVERY_ID)


# In the ids of a table's unreadable rows: the table could not be read, any id may be in it.
# (No id can be it: ids hold no control characters.)
EVERY_ID: Final = "\x00every id"


class _EveryId:
    """The ids of a table that could not be read: any id may have been in it."""

    def __contains__(self, key: object) -> bool:
        return True


def _csv_rows_of_text(
    path: Path,
    columns: dict[str, tuple[Callable[[str], Any], bool]],
    problems: list[Problem],
    unreadable: set[str],
) -> Iterator[tuple[int, dict[str, str], frozenset[str]]]:
    with path.open(encoding="utf-8-sig", newline="") as lines:
        reader = csv.reader(lines)
        header = next(reader, [])
        wrong = [
            Problem.of(
                f"{path.name}:1:{name}",
                message("unknown column; valid columns are: {columns}", columns=", ".join(columns)),
            )
            for name in header
            if name not in columns
        ] + [
            Problem.of(f"{path.name}:1", message("missing column {name}", name=repr(name)))
            for name, (_, required) in columns.items()
            if required and name not in header
        ]
        if wrong:
            problems.extend(wrong)
            unreadable.add(EVERY_ID)
            return
        end = reader.line_num  # a row's lines: from the line after the last row's to its own
        for cells in reader:
            start, end = end + 1, reader.line_num
            if not any(cells):
                continue
            inside = _inside(cells, header) if end > start else frozenset()
            if len(cells) != len(header):
                row = (start, end)
                problems.append(_cells_problem(path, cells, header, lines=row, into=unreadable))
                unreadable.update(inside)
                continue
            yield start, dict(zip(header, cells, strict=True)), inside


def _inside(cells: list[str], header: list[str]) -> frozenset[str]:
    """The ids of the rows a quoted cell may have swallowed: its lines after the first.

    A quote left open reads every row after it, to a quote that closes it or the end of
    the file, as part of one cell. When that row has a problem, these ids are unreadable
    rather than unknown; a cell of text that merely holds line breaks has none.
    """
    labels = set()
    for cell in cells:
        for line in cell.splitlines()[1:]:
            swallowed = next(csv.reader([line]), [])
            label = serialization._raw_label(dict(zip(header, swallowed, strict=False)))
            if label is not None:
                labels.add(label)
    return frozenset(labels)


def _cells_problem(
    path: Path, cells: list[str], header: list[str], *, lines: tuple[int, int], into: set[str]
) -> Problem:
    """A row on ``lines`` (first, last) with a wrong count of cells; its id added ``into``."""
    start, end = lines
    words = message(
        "{n} cells; the header has {header}", n=str(len(cells)), header=str(len(header))
    )
    label = serialization._raw_label(dict(zip(header, cells, strict=False)))
    into.add(EVERY_ID if label is None else label)
    if end == start:
        return Problem.of(f"{path.name}:{end}", words)
    # A quoted cell runs over several lines, as a quote left open does: said where the
    # row began, not where the reader stopped.
    return Problem.of(
        f"{path.name}:{start}",
        message(
            "{words}: a quoted cell opened on this line runs to line {end}",
            words=words,
            end=str(end),
        ),
    )


def _history(folder: Path, problems: list[Problem]) -> dict[str, list[tuple[int, Any]]]:
    """Each report's status changes, in file order, with their lines."""
    changes: defaultdict[str, list[tuple[int, Any]]] = defaultdict(list)
    path = folder / HISTORY_FILE
    if path.exists():
        columns = {name: (_cell_reader(str), name != "reason") for name in _HISTORY_COLUMNS}
        for line, row, _ in _csv_rows(path, columns, problems, set()):
            report = row.pop("report")
            changes[report].append((line, _row_data(row, columns)))
    return changes


def _table_rows(
    path: Path,
    kind: Any,
    history: dict[str, list[tuple[int, Any]]] | None,
    problems: list[Problem],
    unreadable: set[str],
) -> Iterator[_Row]:
    """The rows of one CSV table of records of ``kind``.

    A row's status changes are taken from ``history`` when it is given (safety reports).
    """
    columns = _columns(kind)
    if history is not None:
        columns.pop("history")
    for line, cells, inside in _csv_rows(path, columns, problems, unreadable):
        data = _row_data(cells, columns)
        if history is None:
            yield _Row(line, data, inside=inside)
            continue
        found = history.pop(str(data.get("id")), [])
        data["history"] = [entry for _, entry in found]
        yield _Row(line, data, tuple(line for line, _ in found), inside)


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
    reading = _Reading.of(
        folder,
        "read_csv_tables",
        chunk_size=chunk_size,
        progress=progress,
        known=_CSV,
        what="table",
    )
    folder = Path(folder)
    zone = reading.zone(
        folder / TIME_ZONE_TEXT,
        lambda data: serialization.load(data.decode("utf-8").strip(), ZoneInfo),
        "missing; write the zone, e.g. Asia/Almaty",
    )
    history = _history(folder, reading.problems)
    kinds = get_type_hints(Records)
    for name in COLLECTIONS:
        path = folder / f"{name}.csv"
        if path.exists():
            changes = history if name == "safety_reports" else None
            rows = _table_rows(
                path, get_args(kinds[name])[0], changes, reading.problems, reading.unreadable[name]
            )
            reading.collection(name, path.name, rows, kinds[name])
    reading.problems.extend(
        Problem.of(
            f"{HISTORY_FILE}:{line}:report",
            message("no safety report {report} in safety_reports.csv", report=repr(report)),
        )
        for report, found in history.items()
        for line, _ in found
    )
    return reading.records(zone)


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
