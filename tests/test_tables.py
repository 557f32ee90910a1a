import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ohs_domain import InvalidArgumentError, InvalidDataError, Records, kz, serialization
from tests.builders import demo_company, demo_department, examples

RECORDS = demo_company()
SMALL = Records(
    time_zone=kz.ALMATY, departments=RECORDS.departments, employees=RECORDS.employees[:40]
)
ROWS = sum(
    len(getattr(RECORDS, field.name))
    for field in attrs.fields(Records)
    if field.init and field.name != "time_zone"
)
"""Rows in every collection of the demo company: every field a bundle is given but its zone."""


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("jsonl")
    serialization.write_json_lines(RECORDS, path)
    return path


def test_the_demo_company_reads_back_as_written(folder: Path) -> None:
    seen: list[int] = []
    assert serialization.read_json_lines(folder, progress=seen.append) == RECORDS
    assert seen == sorted(seen)
    assert seen[-1] == ROWS


@given(chunk_size=st.integers(min_value=1, max_value=300))
@settings(
    max_examples=examples(0.1),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
def test_the_chunk_size_changes_nothing_but_the_progress(tmp_path: Path, chunk_size: int) -> None:
    serialization.write_json_lines(SMALL, tmp_path)
    calls: list[int] = []
    assert (
        serialization.read_json_lines(str(tmp_path), chunk_size=chunk_size, progress=calls.append)
        == SMALL
    )
    rows = len(SMALL.departments) + len(SMALL.employees)
    assert calls[-1] == rows
    assert len(calls) >= rows // chunk_size


def _broken(tmp_path: Path) -> Path:
    serialization.write_json_lines(SMALL, tmp_path)
    employees = (tmp_path / "employees.jsonl").read_text().splitlines()
    first = json.loads(employees[0])
    first["department"] = 12
    third = json.loads(employees[2])
    third["nickname"] = "x"
    employees[0] = json.dumps(first)
    employees[1] = "{not json"
    employees[2] = json.dumps(third)
    employees.insert(3, "")
    (tmp_path / "employees.jsonl").write_text("\n".join(employees) + "\n")
    (tmp_path / "staff.jsonl").write_text("")
    return tmp_path


def test_every_problem_of_every_file_is_reported_at_its_line(tmp_path: Path) -> None:
    with pytest.raises(InvalidDataError) as caught:
        serialization.read_json_lines(_broken(tmp_path))
    paths = [p.path for p in caught.value.problems]
    assert paths == [
        "staff.jsonl",
        "employees.jsonl:2",
        "employees.jsonl:1:department",
        "employees.jsonl:3:nickname",
    ]
    assert "unknown field" in caught.value.problems[3].message


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        pytest.param(None, "time_zone.json", id="no-time-zone-file"),
        pytest.param('"Mars/Olympus"', "time_zone.json", id="unknown-time-zone"),
    ],
)
def test_the_time_zone_must_be_given(tmp_path: Path, zone: str | None, expected: str) -> None:
    serialization.write_json_lines(SMALL, tmp_path)
    if zone is None:
        (tmp_path / "time_zone.json").unlink()
    else:
        (tmp_path / "time_zone.json").write_text(zone)
    with pytest.raises(InvalidDataError) as caught:
        serialization.read_json_lines(tmp_path)
    assert [p.path for p in caught.value.problems] == [expected]


def test_a_missing_collection_file_is_an_empty_collection(tmp_path: Path) -> None:
    serialization.write_json_lines(SMALL, tmp_path)
    (tmp_path / "injuries.jsonl").unlink()
    assert serialization.read_json_lines(tmp_path) == SMALL


def test_a_file_is_not_a_folder(tmp_path: Path) -> None:
    (tmp_path / "bundle.json").write_text("{}")
    with pytest.raises(InvalidDataError, match="not a folder"):
        serialization.read_json_lines(tmp_path / "bundle.json")


def test_a_chunk_must_hold_a_record(tmp_path: Path) -> None:
    with pytest.raises(InvalidArgumentError, match="chunk_size"):
        serialization.read_json_lines(tmp_path, chunk_size=0)


# CSV tables


@pytest.fixture(scope="module")
def tables(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("csv")
    serialization.write_csv_tables(RECORDS, path)
    return path


def test_the_demo_company_reads_back_from_csv_tables(tables: Path) -> None:
    seen: list[int] = []
    assert serialization.read_csv_tables(tables, chunk_size=5000, progress=seen.append) == RECORDS
    assert seen[-1] == ROWS


def _append(folder: Path, suffix: str, collection: str, *rows: dict[str, str]) -> None:
    """Add ``rows`` at the end of a collection's file, as JSON Lines or as CSV cells."""
    path = folder / f"{collection}.{suffix}"
    header = path.read_text().splitlines()[0].split(",") if suffix == "csv" else []
    with path.open("a") as out:
        for row in rows:
            line = ",".join(row.get(c, "") for c in header) if header else json.dumps(row)
            out.write(line + "\n")


@pytest.mark.parametrize("chunk_size", [1, 3, 10_000])
@pytest.mark.parametrize("suffix", ["jsonl", "csv"])
def test_problems_across_records_are_at_file_and_line_beside_the_rows_own(
    tmp_path: Path, suffix: str, chunk_size: int
) -> None:
    writes = {"jsonl": serialization.write_json_lines, "csv": serialization.write_csv_tables}
    writes[suffix](SMALL, tmp_path)
    employed = {"category": "worker", "hired_on": "2020-01-01"}
    _append(
        tmp_path,
        suffix,
        "employees",
        {"id": "E-0000001", "department": "D-CASC", **employed},  # a duplicate id
        {"id": "E-9", "department": "D-MOON", **employed},  # an unknown department
        {"id": "E-8", "department": "D-CASC", "category": "worker", "hired_on": "soon"},
        {"id": "", "department": "D-MOON", **employed},  # no id to refer to
    )
    _append(
        tmp_path,
        suffix,
        "reporting_accounts",
        {"employee": "E-8", "registered_on": "2021-01-01"},  # E-8 is unreadable: no problem
        {"employee": "E-7", "registered_on": "2021-01-01"},  # an unknown employee
        {"employee": "E-9", "registered_on": "2019-01-01"},  # registered before being hired
    )
    first = 1 if suffix == "jsonl" else 2  # a CSV table's first record is on its line 2
    reads = {"jsonl": serialization.read_json_lines, "csv": serialization.read_csv_tables}
    with pytest.raises(InvalidDataError) as caught:
        reads[suffix](tmp_path, chunk_size=chunk_size)
    file = f"employees.{suffix}"
    accounts = f"reporting_accounts.{suffix}"
    assert [(p.path, p.record) for p in caught.value.problems] == [
        (f"{file}:{first + 42}:hired_on", "E-8"),
        (f"{file}:{first + 43}:id", None),
        (f"{file}:{first + 40}:id", "E-0000001"),
        (f"{file}:{first + 41}:department", "E-9"),
        (f"{accounts}:{first + 1}:employee", "E-7"),
        (f"{accounts}:{first + 2}:employee", "E-9"),
    ]
    duplicate = caught.value.problems[2].message
    assert f"appears 2 times ({file}:{first}, {file}:{first + 40})" in duplicate


def test_a_bad_status_change_is_at_its_line_of_the_history(tmp_path: Path) -> None:
    serialization.write_csv_tables(demo_department(), tmp_path)
    history = (tmp_path / "report_history.csv").read_text().splitlines()
    history[4] = history[4].replace("+06:00", "")
    (tmp_path / "report_history.csv").write_text("\n".join(history) + "\n")
    with pytest.raises(InvalidDataError) as caught:
        serialization.read_csv_tables(tmp_path)
    assert [p.path for p in caught.value.problems] == ["report_history.csv:5:at"]


@pytest.mark.parametrize(
    ("table", "text", "expected"),
    [
        pytest.param(
            "employees.csv",
            "id,department,category,hired_on,nickname\nE-1,D-HQ,worker,2020-01-01,x\n",
            ["employees.csv:1:nickname"],
            id="an-unknown-column",
        ),
        pytest.param(
            "employees.csv",
            "id,department,hired_on\n",
            ["employees.csv:1"],
            id="a-missing-column",
        ),
        pytest.param(
            "employees.csv",
            "id,department,category,hired_on\nE-1,D-HQ,worker\n\n",
            ["employees.csv:2"],
            id="a-short-row",
        ),
        pytest.param(
            "report_history.csv",
            "report,status,at,reason\nR-404,accepted,2023-01-01T00:00:00+06:00,\n",
            ["report_history.csv:2:report"],
            id="history-of-no-report",
        ),
        pytest.param("staff.csv", "id\n", ["staff.csv"], id="an-unknown-table"),
        pytest.param("time_zone.txt", "Mars/Olympus\n", ["time_zone.txt"], id="an-unknown-zone"),
        pytest.param(
            "injuries.csv",
            "id,occurred_on,employee,department,severity,days_lost\n"
            "I-1,2023-01-01,E-0000001,D-CHP1,lost_time,many\n",
            ["injuries.csv:2:days_lost"],
            id="a-count-that-is-not-a-number",
        ),
    ],
)
def test_csv_problems_name_table_line_and_column(
    tmp_path: Path, table: str, text: str, expected: list[str]
) -> None:
    serialization.write_csv_tables(SMALL, tmp_path)
    (tmp_path / table).write_text(text)
    with pytest.raises(InvalidDataError) as caught:
        serialization.read_csv_tables(tmp_path)
    assert [p.path for p in caught.value.problems] == expected


def test_csv_needs_a_time_zone_and_a_folder(tmp_path: Path) -> None:
    serialization.write_csv_tables(SMALL, tmp_path)
    (tmp_path / "time_zone.txt").unlink()
    with pytest.raises(InvalidDataError) as caught:
        serialization.read_csv_tables(tmp_path)
    assert [p.path for p in caught.value.problems] == ["time_zone.txt"]
    with pytest.raises(InvalidDataError, match="not a folder"):
        serialization.read_csv_tables(tmp_path / "employees.csv")
    with pytest.raises(InvalidArgumentError, match="chunk_size"):
        serialization.read_csv_tables(tmp_path, chunk_size=0)


def test_csv_tables_may_leave_out_collections_and_history(tmp_path: Path) -> None:
    serialization.write_csv_tables(SMALL, tmp_path)
    for name in ("report_history.csv", "injuries.csv"):
        (tmp_path / name).unlink()
    assert serialization.read_csv_tables(tmp_path) == SMALL


# An export saved by a spreadsheet in a legacy code page (here cp1251, Russian Windows):
# the first line that is not UTF-8 is a problem at its line, never a traceback.
@pytest.mark.parametrize(
    ("write", "read", "file", "line"),
    [
        pytest.param(
            serialization.write_csv_tables,
            serialization.read_csv_tables,
            "departments.csv",
            3,
            id="csv",
        ),
        pytest.param(
            serialization.write_json_lines,
            serialization.read_json_lines,
            "departments.jsonl",
            2,
            id="json-lines",
        ),
    ],
)
def test_a_table_in_a_legacy_code_page_is_a_problem_at_its_first_line_not_in_utf8(
    tmp_path: Path, write: Any, read: Any, file: str, line: int
) -> None:
    language = "CSV" if file.endswith(".csv") else "JSON"
    write(SMALL, tmp_path)
    path = tmp_path / file
    text = path.read_text(encoding="utf-8").replace("CHP-1", "ТЭЦ-1")
    path.write_bytes(text.encode("cp1251"))

    with pytest.raises(InvalidDataError) as caught:
        read(tmp_path)

    (problem, *_) = caught.value.problems
    assert problem.path == f"{file}:{line}"
    assert problem.message.startswith(
        f"not valid {language}: not UTF-8 ('utf-8' codec can't decode byte 0xd2 in position"
    )


def test_the_layout_in_the_csv_how_to_is_what_the_tables_are_written_with(tmp_path: Path) -> None:
    page = (Path(__file__).parent.parent / "docs" / "how-to" / "csv-tables.md").read_text()
    serialization.write_csv_tables(demo_department(), tmp_path)
    for table in sorted(tmp_path.glob("*.csv")):
        header = table.read_text(encoding="utf-8").splitlines()[0]
        assert f"| `{table.name}` | `{header}`" in page


# A table whose header cannot be read, or a row with a cell too many, is one problem each:
# the records that name a row of it are not also called unknown (an HR export with a
# renamed column gave 31,860 problems).
@pytest.mark.parametrize(
    ("place", "old", "new", "expected"),
    [
        pytest.param(
            "employees.csv:3", "\n", ",extra\n", ["employees.csv:3"], id="a-cell-too-many"
        ),
        pytest.param(
            "employees.csv:1",
            "hired_on",
            "hire_date",
            ["employees.csv:1:hire_date", "employees.csv:1"],
            id="a-renamed-column",
        ),
        pytest.param(
            "departments.csv:1",
            ",",
            ";",
            ["departments.csv:1:id;name", "departments.csv:1", "departments.csv:1"],
            id="a-semicolon-in-the-header",
        ),
        pytest.param("departments.csv:3", ",", ',"', ["departments.csv:3"], id="a-quote-left-open"),
        pytest.param(
            "departments.csv:3",
            ",true",
            ',"true',
            ["departments.csv:3:is_production"],
            id="a-quote-left-open-in-the-last-cell",  # the count of cells is right
        ),
    ],
)
def test_a_row_or_table_that_cannot_be_read_is_not_also_an_unknown_reference(
    tmp_path: Path, place: str, old: str, new: str, expected: list[str]
) -> None:
    table, line = place.split(":")
    serialization.write_csv_tables(demo_department(), tmp_path)
    lines = (tmp_path / table).read_text(encoding="utf-8").splitlines(keepends=True)
    lines[int(line) - 1] = lines[int(line) - 1].replace(old, new, 1)
    (tmp_path / table).write_text("".join(lines), encoding="utf-8")

    with pytest.raises(InvalidDataError) as caught:
        serialization.read_csv_tables(tmp_path)

    assert [p.path for p in caught.value.problems] == expected


def test_a_quote_left_open_is_said_where_it_opened(tmp_path: Path) -> None:
    # The reader takes every line to the end of the file as one cell: the problem is on
    # the line of the quote, where the user can find it, and says how far it ran.
    serialization.write_csv_tables(demo_department(), tmp_path)
    table = tmp_path / "departments.csv"
    lines = table.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[2] = lines[2].replace(",", ',"', 1)
    table.write_text("".join(lines), encoding="utf-8")

    with pytest.raises(InvalidDataError) as caught:
        serialization.read_csv_tables(tmp_path)

    (problem,) = caught.value.problems
    assert (problem.path, problem.message) == (
        "departments.csv:3",
        f"2 cells; the header has 3: a quoted cell opened on this line runs to line {len(lines)}",
    )


def test_a_line_break_in_a_closed_quote_hides_no_other_problem(tmp_path: Path) -> None:
    # A row short of a cell whose quoted cell holds line breaks, closed: the row is one
    # problem, and an unknown department elsewhere is still reported (only the ids on the
    # lines inside the cell are unreadable, not every id of the table).
    serialization.write_csv_tables(demo_department(), tmp_path)
    for name, line, old, new in (
        ("departments.csv", 1, "D-CASC,HPP Cascade,true", 'D-CASC,"HPP\n\nCascade"'),
        ("employees.csv", 1, ",D-CHP1,", ",D-NOPE,"),
    ):
        lines = (tmp_path / name).read_text(encoding="utf-8").splitlines(keepends=True)
        lines[line] = lines[line].replace(old, new, 1)
        (tmp_path / name).write_text("".join(lines), encoding="utf-8")

    with pytest.raises(InvalidDataError) as caught:
        serialization.read_csv_tables(tmp_path)

    assert [(p.path, p.message) for p in caught.value.problems] == [
        (
            "departments.csv:2",
            "2 cells; the header has 3: a quoted cell opened on this line runs to line 4",
        ),
        (
            "employees.csv:2:department",
            "unknown department 'D-NOPE': no such id in departments",
        ),
    ]
