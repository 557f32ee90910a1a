import csv
import importlib
import io
import json
import re
import runpy
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

import ohs_domain
from ohs_domain import Records, cli, schema, serialization
from ohs_domain.cli import main
from tests.builders import demo_company, demo_department

POLICIES = (cli.PAY_POLICY, cli.REWARD_POLICY, cli.DEADLINES)


@pytest.fixture(scope="module")
def company(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole demo company and its policies, as ``ohs-domain demo`` writes them."""
    folder = tmp_path_factory.mktemp("demo") / "d"
    assert main(["demo", "--out", str(folder)]) == 0
    return folder


@pytest.fixture(scope="module")
def department(company: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One department of the demo company (CHP-1, three inspectors, one of them the unpaid
    inspector of 2023-Q3) with the demo's policies: what a command's formats and languages
    are checked on, an eighth of the company's size. The seed's own figures are checked
    on the whole company."""
    folder = tmp_path_factory.mktemp("department") / "d"
    serialization.write_json_lines(demo_department(), folder)
    for name in POLICIES:
        shutil.copy(company / name, folder / name)
    return folder


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_demo_company_is_valid(company: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate", company)
    assert (code, err) == (0, "")
    assert out.startswith("valid: 11 departments, 2,962 employees, ")
    assert out.count("\n") == 1


def test_the_acceptance_commands_print_the_showcase_quarters_from_a_fresh_process(
    tmp_path: Path,
) -> None:
    # The installed console script, as a user runs it: ohs-domain demo && validate && pay.
    command = Path(sys.executable).with_name("ohs-domain")
    folder = tmp_path / "d"
    policy = folder / "inspector-pay-policy.json"
    pay: list[str | Path] = ["inspector-pay", folder, "--policy", policy, "--year", "2023"]
    for argv in (["demo", "--out", folder], ["validate", folder], [*pay, "--format", "csv"]):
        done = subprocess.run(  # noqa: S603 - our own console script
            [command, *argv], capture_output=True, text=True, check=False
        )
        assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines() == [
        "period,appointed,paid,amount,currency",
        "2023-Q1,21,21,315000,KZT",
        "2023-Q2,21,21,315000,KZT",
        "2023-Q3,21,20,300000,KZT",
        "2023-Q4,21,21,315000,KZT",
        "2023,21,21,1245000,KZT",
    ]


def test_a_year_of_pay_in_json_is_its_quarters_and_the_year(
    department: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = department / "inspector-pay-policy.json"
    argv = ["inspector-pay", department, "--policy", policy, "--year", "2023", "--format", "json"]
    code, out, _ = run(capsys, *argv)
    assert code == 0
    rows = json.loads(out)
    assert [(row["period"], row["paid"], row["amount"]) for row in rows] == [
        ("2023-Q1", 3, "45000"),
        ("2023-Q2", 3, "45000"),
        ("2023-Q3", 2, "30000"),
        ("2023-Q4", 3, "45000"),
        ("2023", 3, "165000"),
    ]


def test_a_year_of_pay_as_text_names_who_is_not_paid_and_why(
    company: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = company / "inspector-pay-policy.json"
    _, out, _ = run(capsys, "inspector-pay", company, "--policy", policy, "--year", "2023")
    assert out.splitlines() == [
        "2023-Q1: 21 of 21 paid, 315,000 KZT",
        "2023-Q2: 21 of 21 paid, 315,000 KZT",
        "2023-Q3: 20 of 21 paid, 300,000 KZT",
        "  not paid: E-0000017: 0 submission(s) issued in 2023-Q3; the policy requires at least 1",
        "2023-Q4: 21 of 21 paid, 315,000 KZT",
        "2023: 1,245,000 KZT",
    ]


@pytest.mark.parametrize(
    ("form", "extra", "rows"),
    [
        pytest.param("csv", ["--by-inspector"], 3, id="csv-one-row-per-inspector"),
        pytest.param("json", ["--by-inspector"], 3, id="json-one-row-per-inspector"),
        pytest.param("json", [], 1, id="json-one-row-for-the-quarter"),
    ],
)
def test_a_quarter_of_pay_in_rows(
    department: Path, capsys: pytest.CaptureFixture[str], form: str, extra: list[str], rows: int
) -> None:
    policy = department / "inspector-pay-policy.json"
    argv = ["inspector-pay", department, "--policy", policy, "--quarter", "2023-Q3"]
    code, out, _ = run(capsys, *argv, "--format", form, *extra)
    assert code == 0
    table = json.loads(out) if form == "json" else list(csv.DictReader(io.StringIO(out)))
    assert len(table) == rows
    assert {row.get("quarter", row.get("period")) for row in table} == {"2023-Q3"}


def test_a_quarter_of_pay_as_text(department: Path, capsys: pytest.CaptureFixture[str]) -> None:
    policy = department / "inspector-pay-policy.json"
    argv = ["inspector-pay", department, "--policy", policy, "--quarter", "2023-Q1"]
    _, out, _ = run(capsys, *argv)
    assert out == "2023-Q1: 3 of 3 paid, 45,000 KZT\n"


@pytest.mark.parametrize(
    ("period", "first"),
    [
        pytest.param("2023", "12 awards, 5,250,000 KZT at 70,000 KZT", id="the-year"),
        pytest.param("2023-Q4", "3 awards, 630,000 KZT at 70,000 KZT", id="a-quarter"),
        pytest.param("2023-11", "0 awards, 0 KZT at 70,000 KZT", id="a-month-without-awards"),
    ],
)
def test_reward_awards_as_text(
    department: Path, capsys: pytest.CaptureFixture[str], period: str, first: str
) -> None:
    policy = department / "reward-policy.json"
    argv = ["reward-awards", department, "--policy", policy, "--period", period]
    code, out, _ = run(capsys, *argv, "--paid-on", "2024-01-25")
    assert code == 0
    assert out.splitlines()[0] == first


def test_the_seed_years_reward_awards_as_text(
    company: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = company / "reward-policy.json"
    argv = ["reward-awards", company, "--policy", policy, "--period", "2023"]
    code, out, _ = run(capsys, *argv, "--paid-on", "2024-01-25")
    assert code == 0
    assert out.splitlines()[0] == "92 awards, 42,840,000 KZT at 70,000 KZT"


def test_reward_awards_as_csv(department: Path, capsys: pytest.CaptureFixture[str]) -> None:
    policy = department / "reward-policy.json"
    argv = ["reward-awards", department, "--policy", policy, "--period", "2023"]
    _, out, _ = run(capsys, *argv, "--paid-on", "2024-01-25", "--format", "csv")
    table = list(csv.DictReader(io.StringIO(out)))
    assert {row["awarded"] for row in table} == {"true", "false"}  # as the CSV tables read
    assert len([row for row in table if row["awarded"] == "true"]) == 12


def test_key_points_from_a_bundle_and_a_toml_policy(
    company: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundle = tmp_path / "bundle.json"
    bundle.write_text(serialization.dump_json(demo_company()))
    deadlines = tmp_path / "deadlines.toml"
    deadlines.write_text('high = "P1D"\nmedium = "P7D"\nlow = "P30D"\n')
    argv = ["key-points", bundle, "--year", "2023", "--paid-on", "2024-01-25"]
    argv += ["--deadlines", deadlines, "--pay-policy", company / "inspector-pay-policy.json"]
    argv += ["--reward-policy", company / "reward-policy.json"]
    code, out, _ = run(capsys, *argv)
    assert code == 0
    expected = (
        Path("examples/showcase_2023.txt").read_text().split("\n\nKey points of 2023 against")[0]
    )
    assert out == expected + "\n"
    code, out, _ = run(capsys, *argv, "--as-of", "2023-12-31", "--format", "json")
    assert code == 0
    assert json.loads(out)


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        pytest.param(
            ["inspector-pay", "{d}", "--policy", "{d}/reward-policy.json", "--year", "2023"],
            "reward-policy.json:$",
            id="the-wrong-policy-file",
        ),
        pytest.param(["validate", "{d}/reward-policy.json"], "Records: ", id="a-policy-as-records"),
        pytest.param(
            ["validate", "{d}/nothing.json"], "records {d}/nothing.json: No such file", id="no-file"
        ),
        pytest.param(
            ["inspector-pay", "{d}", "--policy", "{d}/nothing.json", "--year", "2023"],
            "--policy {d}/nothing.json: No such file",
            id="no-policy-file",
        ),
        pytest.param(
            ["test", "{d}/nothing.toml"],
            "ohs-domain: {d}/nothing.toml: No such file",
            id="no-scenario",
        ),
    ],
)
def test_invalid_data_exits_1_with_every_problem_and_no_traceback(
    department: Path, capsys: pytest.CaptureFixture[str], argv: list[str], says: str
) -> None:
    code, out, err = run(capsys, *(a.format(d=department) for a in argv))
    assert (code, out) == (1, "")
    assert says.format(d=department) in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        pytest.param([], "required: COMMAND", id="no-command"),
        pytest.param(["pay", "d"], "invalid choice: 'pay'", id="an-unknown-command"),
        pytest.param(
            ["inspector-pay", "d", "--policy", "p", "--quarter", "2023-Q5"],
            "argument --quarter: ",
            id="a-quarter-that-does-not-exist",
        ),
        pytest.param(
            ["reward-awards", "d", "--policy", "p", "--period", "soon", "--paid-on", "2024-01-25"],
            "argument --period: period: got 'soon' (str); expected a year, a quarter or a month: "
            "'2023', '2023-Q4' or '2023-11'",
            id="a-period-that-is-not-one",
        ),
        pytest.param(
            ["indicators", "d", "--period", "2023-H1", "--as-of", "2023-06-30"],
            "argument --period: period: got '2023-H1' (str); expected a year, a quarter or a "
            "month: '2023', '2023-Q4' or '2023-11'",
            id="a-half-year",  # (which the rules do not know)
        ),
        pytest.param(
            ["indicators", "d", "--period", "2023-13", "--as-of", "2023-06-30"],
            "argument --period: month: got '2023-13' (str); expected 'YYYY-MM' with MM from 01",
            id="a-month-that-is-not-one",
        ),
        pytest.param(
            ["inspector-pay", "d", "--policy", "p", "--quarter", "2023-Q1", "--year", "2023"],
            "not allowed with argument",
            id="a-quarter-and-a-year",
        ),
        pytest.param(["demo", "--out", "d", "--scale", "0"], "--scale: ", id="scale-zero"),
        pytest.param(
            ["inspector-pay", "d", "--policy", "p", "--year", "abc"],
            "argument --year: year: got 'abc' (str); expected four digits, e.g. '2023'",
            id="a-year-that-is-not-a-number",
        ),
        pytest.param(
            ["inspector-pay", "d", "--policy", "p", "--year", "23"],
            "argument --year: year: got '23' (str); expected four digits, e.g. '2023'",
            id="a-year-of-two-digits",  # (not the year 23)
        ),
        pytest.param(
            ["reward-awards", "d", "--policy", "p", "--period", "23", "--paid-on", "2024-01-25"],
            "argument --period: year: got '23' (str); expected four digits",
            id="a-period-of-two-digits",
        ),
        pytest.param(
            ["reward-awards", "d", "--policy", "p", "--period", "2023", "--paid-on", "25.01.2024"],
            "argument --paid-on: got '25.01.2024' (str); expected an ISO 8601 date",
            id="a-day-written-the-local-way",
        ),
    ],
)
def test_a_wrong_command_line_exits_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], says: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert err.startswith("usage: ohs-domain")
    assert says in err


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "Exit codes: 0 done; 1 invalid data or file; 2 wrong command line." in out


def test_python_m_runs_the_command_line(
    department: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "argv", ["ohs-domain", "validate", str(department)])
    with pytest.raises(SystemExit) as stop:
        runpy.run_module("ohs_domain", run_name="__main__")
    assert stop.value.code == 0
    assert capsys.readouterr().out.startswith("valid: ")


def test_importing_the_main_module_runs_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    sys.modules.pop("ohs_domain.__main__", None)
    importlib.import_module("ohs_domain.__main__")
    assert capsys.readouterr() == ("", "")


# Five mistakes an HR export could have: three in a row's own cells, two across
# records (an unknown reference, a duplicate id). Each is (table, line, old, new),
# planted in the CSV tables of one department of the demo company.
FIVE_MISTAKES = (
    ("departments.csv", 2, ",true", ",yes"),
    ("employees.csv", 4, "2015-03-03", "03.03.2015"),
    ("report_history.csv", 5, "+06:00", ""),
    ("safety_reports.csv", 4, "D-CHP1", "D-NOWHERE"),
    ("submissions.csv", 3, "S-000002", "S-000001"),
)


def test_a_csv_folder_with_five_mistakes_exits_1_with_all_five(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    serialization.write_csv_tables(demo_department(), tmp_path)
    for table, line, old, new in FIVE_MISTAKES:
        lines = (tmp_path / table).read_text().splitlines(keepends=True)
        assert old in lines[line - 1]
        lines[line - 1] = lines[line - 1].replace(old, new, 1)
        (tmp_path / table).write_text("".join(lines))
    code, out, err = run(capsys, "validate", tmp_path)
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "Records: 5 problems",
        "  departments.csv:2:is_production (D-CASC): got 'yes' (str); expected true or false",
        "  employees.csv:4:hired_on (E-0000003): got '03.03.2015' (str); "
        'expected an ISO 8601 date "YYYY-MM-DD", e.g. "2023-12-31"',
        "  report_history.csv:5:at (R-00000178): got '2023-11-10T06:53:00' (str); "
        'expected an ISO 8601 moment with its UTC offset, e.g. "2023-12-31T23:30:00+06:00"; '
        "a naive moment is ambiguous",
        "  safety_reports.csv:4:department (R-00000179): unknown department 'D-NOWHERE': "
        "no such id in departments",
        "  submissions.csv:3:id (S-000001): 'S-000001' appears 2 times "
        "(submissions.csv:2, submissions.csv:3); each must be unique in submissions",
    ]


def test_the_demo_as_csv_tables_validates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "--out", str(tmp_path), "--tables", "csv"]) == 0
    code, out, _ = run(capsys, "validate", tmp_path)
    assert code == 0
    assert "2,962 employees" in out


@pytest.mark.parametrize(
    ("argv", "title"),
    [
        pytest.param([], "Records", id="the-bundle-by-default"),
        pytest.param(["RewardPolicy"], "RewardPolicy", id="a-policy"),
        pytest.param(["KeyPoints"], "KeyPoints", id="a-result"),
    ],
)
def test_schema_prints_a_json_schema(
    capsys: pytest.CaptureFixture[str], argv: list[str], title: str
) -> None:
    code, out, _ = run(capsys, "schema", *argv)
    assert code == 0
    document = json.loads(out)
    assert (document["$schema"], document["title"]) == (schema.DIALECT, title)


@pytest.mark.parametrize(
    ("extra", "form", "first"),
    [
        pytest.param(
            [],
            "text",
            "TrainingCoverage: format=training_centre, people=168, headcount=344,",
            id="text-one-line-per-row",
        ),
        pytest.param(
            ["--deadlines", "{d}/elimination-deadlines.json"],
            "csv",
            "indicator,format,people,headcount,participations,sessions,groups,measure,part,",
            id="csv-with-elimination",
        ),
    ],
)
def test_indicators_of_a_year(
    department: Path, capsys: pytest.CaptureFixture[str], extra: list[str], form: str, first: str
) -> None:
    argv = ["indicators", department, "--period", "2023", "--as-of", "2023-12-31"]
    code, out, _ = run(capsys, *argv, *(a.format(d=department) for a in extra), "--format", form)
    assert code == 0
    assert out.splitlines()[0].startswith(first)
    assert ("Elimination" in out) == bool(extra)


@pytest.mark.parametrize(
    ("argv", "code", "says"),
    [
        pytest.param(
            ["E-0000017", "--rule", "inspector-pay", "--policy", "{d}/inspector-pay-policy.json",
             "--quarter", "2023-Q3"],
            0,
            "because = 0 submission(s) issued in 2023-Q3; the policy requires at least 1",
            id="the-unpaid-inspector-of-q3",
        ),
        pytest.param(
            ["E-0000017", "--rule", "inspector-pay", "--policy", "{d}/inspector-pay-policy.json",
             "--year", "2023"],
            0,
            "paid for 2023",
            id="an-inspector-over-the-year",
        ),
        pytest.param(
            ["E-0002457", "--rule", "reward-awards", "--policy", "{d}/reward-policy.json",
             "--period", "2023", "--paid-on", "2024-01-25"],
            0,
            "score from reports registered in [2023-01-01, 2024-01-01): 51",
            id="the-departments-top-reporter",
        ),
        pytest.param(
            ["E-9999999", "--rule", "reward-awards", "--policy", "{d}/reward-policy.json",
             "--period", "2023", "--paid-on", "2024-01-25"],
            1,
            "no employee considered for an award with id 'E-9999999'",
            id="someone-unknown",
        ),
        pytest.param(
            ["E-0000017", "--rule", "reward-awards", "--policy", "{d}/reward-policy.json"],
            2,
            "needs --period and --paid-on",
            id="rewards-without-a-period",
        ),
        pytest.param(
            ["E-0000017", "--rule", "inspector-pay", "--policy", "{d}/inspector-pay-policy.json"],
            2,
            "needs --quarter or --year",
            id="pay-without-a-quarter",
        ),
    ],
)  # fmt: skip
def test_explain_one_person(
    department: Path, capsys: pytest.CaptureFixture[str], argv: list[str], code: int, says: str
) -> None:
    got, out, err = run(capsys, "explain", department, *(a.format(d=department) for a in argv))
    assert got == code
    assert says in out + err


class FakeBar:
    """Stands in for tqdm's bar: records what it was told."""

    seen: list[int] = []  # noqa: RUF012 - the one record of the test

    def __init__(self, **_: object) -> None:
        self.n = 0

    def __enter__(self) -> "FakeBar":
        return self

    def __exit__(self, *_: object) -> None:
        pass

    def update(self, step: int) -> None:
        self.n += step
        FakeBar.seen.append(self.n)


@pytest.mark.parametrize(
    ("installed", "terminal"),
    [
        pytest.param(True, True, id="tqdm-on-a-terminal-shows-progress"),
        pytest.param(True, False, id="not-on-a-pipe-or-file"),
        pytest.param(False, True, id="not-without-tqdm"),
    ],
)
def test_progress_is_shown_only_on_a_terminal_with_tqdm(
    department: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    installed: bool,
    terminal: bool,
) -> None:
    import types  # noqa: PLC0415 - only here

    fake = types.ModuleType("tqdm")
    fake.tqdm = FakeBar  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "tqdm", fake if installed else None)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: terminal, raising=False)
    FakeBar.seen = []
    assert run(capsys, "validate", department)[0] == 0
    assert bool(FakeBar.seen) == (installed and terminal)
    assert FakeBar.seen == sorted(FakeBar.seen)


@pytest.mark.parametrize(
    ("argv", "code", "says"),
    [
        pytest.param(
            ["validate", "{d}", "--lang", "ru"],
            0,
            "данные корректны: 11 departments, 351 employees, ",
            id="a-summary-in-russian",
        ),
        pytest.param(
            ["validate", "{d}/reward-policy.json", "--lang", "kk"],
            1,
            "Records: 16 қате\n  $.approved_by: белгісіз өріс; жарамды өрістер: time_zone, ",
            id="every-problem-in-kazakh",
        ),
        pytest.param(
            ["inspector-pay", "{d}", "--policy", "{d}/inspector-pay-policy.json", "--year", "2023",
             "--lang", "ru"],
            0,
            "3 кв. 2023: оплачено 2 из 3, 30\u00a0000\u00a0KZT\n"
            "  не оплачено: E-0000017: в 3 кв. 2023 выдано 0 представлений; "
            "положение требует не менее 1\n",
            id="pay-in-russian",
        ),
        pytest.param(
            ["reward-awards", "{d}", "--policy", "{d}/reward-policy.json", "--period", "2023",
             "--paid-on", "2024-01-25", "--lang", "kk"],
            0,
            "12 сыйақы, 5\u00a0250\u00a0000\u00a0₸, ЕТЖ 70\u00a0000\u00a0₸\n",
            id="awards-in-kazakh",
        ),
        pytest.param(
            ["validate", "{d}", "--lang", "de"],
            2,
            "invalid choice: 'de'",
            id="a-language-the-library-does-not-speak",
        ),
    ],
)  # fmt: skip
def test_the_text_is_in_the_language_asked(
    department: Path, capsys: pytest.CaptureFixture[str], argv: list[str], code: int, says: str
) -> None:
    got, out, err = run(capsys, *(a.format(d=department) for a in argv))
    assert got == code
    assert says in out + err
    assert "Traceback" not in err


class Terminal(io.StringIO):
    """A stderr that says it is a terminal, keeping what is written to it."""

    def isatty(self) -> bool:
        return True


def test_the_real_progress_bar_on_a_terminal(
    department: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("tqdm")  # the extra ohs-domain[progress]; the lock installs it for CI
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["validate", str(department)]) == 0
    assert "reading d: " in terminal.getvalue()
    assert "records" in terminal.getvalue()
    assert capsys.readouterr().out.startswith("valid: ")


# -- every command's text in Russian and Kazakh (issue 16) ----------------------------


@pytest.mark.parametrize(
    ("lang", "says"),
    [
        (
            "ru",
            "Охват обучением: формат=в учебном центре, работников=168, "
            "численность=344, участий=168, занятий=99, групп=99\n",
        ),
        (
            "kk",
            "Оқытумен қамту: формат=оқу орталығында, қызметкерлер=168, "
            "саны=344, қатысулар=168, сабақтар=99, топтар=99\n",
        ),
    ],
)
def test_the_indicators_read_in_the_language_asked(
    department: Path, capsys: pytest.CaptureFixture[str], lang: str, says: str
) -> None:
    argv = ["indicators", department, "--period", "2023", "--as-of", "2023-12-31", "--lang", lang]
    code, out, _ = run(capsys, *argv, "--deadlines", department / "elimination-deadlines.json")
    assert code == 0
    assert out.startswith(says)
    assert "значение=0,00" in out or "мән=0,00" in out  # LTIFR, with a decimal comma
    # Left in Latin letters: the rates' own abbreviations, department ids, ISO durations.
    latin = set(re.findall(r"[A-Za-z]+", out)) - {"LTIFR", "TRIFR", "TRIR", "DART", "D", "H", "P"}
    assert not {word for word in latin if not word.isupper()}, latin


def test_the_english_indicators_are_the_rows_as_they_are(
    department: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["indicators", department, "--period", "2023", "--as-of", "2023-12-31"]
    _, out, _ = run(capsys, *argv)
    assert "InjuryRates: rate=LTIFR, cases=0, case_unit=cases, exposure=3304288/5, " in out


@pytest.mark.parametrize(
    ("lang", "passed", "summary"),
    [
        ("en", "pass: ", "2 scenarios, 0 failed"),
        ("ru", "пройден: ", "2 сценария, не пройдено: 0"),
        ("kk", "өтті: ", "2 сценарий, өтпегені: 0"),
    ],
)
def test_scenario_runs_report_in_the_language_asked(
    capsys: pytest.CaptureFixture[str], lang: str, passed: str, summary: str
) -> None:
    scenario = Path(__file__).parent.parent / "examples" / "scenarios" / "seed-2023.toml"
    code, out, _ = run(capsys, "test", scenario, "--lang", lang)
    assert code == 0
    assert out.splitlines()[0].startswith(passed)
    assert out.splitlines()[-1] == summary


def test_a_failed_scenario_says_what_differs_in_the_language_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scenario = tmp_path / "wrong.toml"
    scenario.write_text(
        '[[scenarios]]\nname = "wrong"\nrecords = { demo = 1 }\nevaluation = "inspector-pay"\n'
        'year = 2023\npolicy = "'
        + str(Path(__file__).parent.parent / "examples" / "scenarios" / "policies")
        + '/inspector-pay-policy.json"\n[scenarios.expected]\ntotal = "1 KZT"\n',
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "test", scenario, "--lang", "ru")
    assert code == 1
    assert out.splitlines()[:2] == [
        "НЕ ПРОЙДЕН: wrong",
        "  total: ожидалось '1 KZT', получено '1,245,000 KZT'",
    ]
    assert out.splitlines()[-1] == "1 сценарий, не пройдено: 1"


def test_version_prints_the_installed_version_and_exits_0(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "--version")
    assert (code, out) == (0, f"ohs-domain {ohs_domain.__version__}\n")


def _shown(day: date, lang: str) -> str:
    return day.isoformat() if lang == "en" else day.strftime("%d.%m.%Y")


@pytest.mark.parametrize(
    ("argv", "lang", "warning"),
    [
        pytest.param(
            ["inspector-pay", "--policy", "inspector-pay-policy.json", "--year", "2030"],
            "en",
            "warning: nothing in the records is dated within 2030: "
            "their dated records run from {} to {}",
            id="a-year-after-them",
        ),
        pytest.param(
            ["reward-awards", "--policy", "reward-policy.json", "--period", "2021-Q4"],
            "ru",
            "предупреждение: за 4 кв. 2021 в данных нет ни одной датированной записи: "
            "записи охватывают период с {} по {}",
            id="a-quarter-before-them",
        ),
        pytest.param(
            ["indicators", "--period", "2030-05", "--as-of", "2030-05-31"],
            "kk",
            "ескерту: 2030-05 кезеңінде деректерде күні көрсетілген бірде-бір жазба жоқ: "
            "жазбалар {} – {} аралығын қамтиды",
            id="a-month-after-them",
        ),
    ],
)
def test_a_period_with_nothing_dated_in_it_is_computed_with_a_warning(
    department: Path, capsys: pytest.CaptureFixture[str], argv: list[str], lang: str, warning: str
) -> None:
    # A mistyped year gives zeros that are right for the records, so the command exits 0;
    # but the zeros never pass unremarked: stderr names the period and the records' days.
    argv = [str(department / a) if a.endswith(".json") else a for a in argv]
    paid_on = ["--paid-on", "2022-01-25"] if argv[0] == "reward-awards" else []
    code, out, err = run(capsys, argv[0], department, *argv[1:], *paid_on, "--lang", lang)
    recorded = demo_department().recorded_days()
    assert recorded is not None
    last = recorded.end - timedelta(days=1)
    assert code == 0
    assert out
    shown = warning.format(_shown(recorded.start, lang), _shown(last, lang))
    assert err == f"ohs-domain: {shown}\n"


def test_a_period_with_something_dated_in_it_has_no_warning(
    department: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = department / "inspector-pay-policy.json"
    code, _, err = run(capsys, "inspector-pay", department, "--policy", policy, "--year", "2024")
    assert (code, err) == (0, "")


def test_records_with_nothing_dated_are_computed_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    whole = demo_department()
    staff = Records(
        time_zone=whole.time_zone, departments=whole.departments, employees=whole.employees
    )
    bundle = tmp_path / "staff.json"
    bundle.write_text(serialization.dump_json(staff), encoding="utf-8")
    argv = ["indicators", bundle, "--period", "2023", "--as-of", "2023-12-31"]
    code, _, err = run(capsys, *argv)
    assert code == 0
    assert err == (
        "ohs-domain: warning: the records hold nothing dated (a report, training session, "
        "violation, "
        "submission, corrective action, injury or month of hours worked)\n"
    )


@pytest.mark.parametrize(
    ("argv", "usage"),
    [
        pytest.param(["validate", "d", "--format", "json"], "validate", id="an-option-not-taken"),
        pytest.param(["schema", "Records", "extra"], "schema", id="an-argument-too-many"),
    ],
)
def test_an_argument_a_command_does_not_take_is_shown_with_that_commands_usage(
    capsys: pytest.CaptureFixture[str], argv: list[str], usage: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert err.startswith(f"usage: ohs-domain {usage} [-h]")
    assert f"ohs-domain {usage}: error: unrecognized arguments: {' '.join(argv[2:])}" in err


def test_a_command_that_fails_gives_its_problem_and_no_warning(
    department: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The warning follows a computed answer: a period with nothing dated in it and an
    # as-of day before it is only the as-of problem.
    argv = ["indicators", department, "--period", "2030", "--as-of", "2029-12-31"]
    code, out, err = run(capsys, *argv)
    assert (code, out) == (1, "")
    assert "as_of" in err
    assert "warning" not in err
