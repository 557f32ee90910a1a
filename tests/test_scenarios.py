from pathlib import Path

import pytest

from ohs_domain import demo, serialization
from ohs_domain.cli import main
from tests.builders import demo_department

SHIPPED = sorted(Path("examples/scenarios").glob("*.toml"))


def test_the_shipped_scenarios_have_the_showcase_figures(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert [path.name for path in SHIPPED] == [
        "indicators-2023.toml",
        "key-points-2023.toml",
        "seed-2023.toml",
    ]
    assert main(["test", *map(str, SHIPPED)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "5 scenarios, 0 failed"


@pytest.mark.parametrize(
    ("name", "policy"),
    [
        ("inspector-pay-policy.json", demo.INSPECTOR_PAY_POLICY),
        ("reward-policy.json", demo.REWARD_POLICY),
        ("elimination-deadlines.json", demo.ELIMINATION_DEADLINES),
    ],
)
def test_the_shipped_policies_are_the_showcases(name: str, policy: object) -> None:
    text = (Path("examples/scenarios/policies") / name).read_text(encoding="utf-8")
    assert serialization.load_json(text, type(policy)) == policy


@pytest.fixture(scope="module")
def company(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of scenario files beside their records: one department of the demo company
    (CHP-1, three inspectors, one unpaid in 2023-Q3), its pay policy and deadlines."""
    folder = tmp_path_factory.mktemp("scenarios")
    serialization.write_json_lines(demo_department(), folder / "company")
    (folder / "pay.json").write_text(serialization.dump_json(demo.INSPECTOR_PAY_POLICY))
    (folder / "deadlines.toml").write_text('high = "P1D"\n')
    return folder


def _scenario(folder: Path, text: str) -> Path:
    path = folder / "scenario.toml"
    path.write_text(text)
    return path


PAY = """
[[scenarios]]
name = "Q3 pay"
records = "company"
evaluation = "inspector-pay"
quarter = "2023-Q3"
policy = "pay.json"
[scenarios.expected]
"""

INDICATORS = """
[[scenarios]]
name = "inspections of Q4"
records = "company"
evaluation = "indicators"
period = "2023-Q4"
as_of = "2023-12-31"
[scenarios.expected]
"""


@pytest.mark.parametrize(
    ("text", "code", "says"),
    [
        pytest.param(PAY + 'total = "30,000 KZT"', 0, "pass: Q3 pay", id="the-quarter-as-expected"),
        pytest.param(
            PAY + 'total = "45,000 KZT"',
            1,
            "FAIL: Q3 pay\n  total: expected '45,000 KZT', got '30,000 KZT'",
            id="a-wrong-figure-is-shown-as-a-diff",
        ),
        pytest.param(PAY + "bonus = 1", 1, "scenarios[0].expected.bonus: unknown", id="unknown"),
        pytest.param(
            INDICATORS + '"inspection.all" = { submissions = 4 }',
            0,
            "pass: ",
            id="only-the-cells-written",
        ),
        pytest.param(
            INDICATORS + '"inspection.all" = { submissions = 5, violations = 9 }',
            1,
            "  inspection.all: expected {'submissions': 5, 'violations': 9}, "
            "got {'submissions': 4, 'violations': 9}",
            id="a-wrong-cell-shows-the-cells-written",
        ),
        pytest.param(
            INDICATORS + '"inspection.all" = { inspectors = 3 }',
            1,
            "got {'inspectors': None}",
            id="a-cell-the-row-does-not-have",
        ),
        pytest.param(
            INDICATORS + '"inspection.all" = 4',
            1,
            "got {'submissions': 4, 'violations': 9}",
            id="a-row-is-a-table-not-a-number",
        ),
        pytest.param(
            INDICATORS + '"elimination.reports" = { on_time = 1 }',
            1,
            "scenarios[0].expected.elimination.reports: unknown; figures: training.",
            id="no-elimination-without-deadlines",
        ),
    ],
)
def test_a_scenario_passes_or_shows_what_differs(
    company: Path, capsys: pytest.CaptureFixture[str], text: str, code: int, says: str
) -> None:
    assert main(["test", str(_scenario(company, text))]) == code
    out, err = capsys.readouterr()
    assert says in out + err


@pytest.mark.parametrize(
    ("text", "says"),
    [
        pytest.param("[[scenarios]\n", "not valid TOML", id="not-toml"),
        pytest.param(
            '[[scenarios]]\nevaluation = "payroll"\n',
            "scenarios[0].evaluation: got 'payroll' (str); expected one of inspector-pay, ",
            id="unknown-kind",
        ),
        pytest.param(
            '[[scenarios]]\nname = "no evaluation"\n',
            "scenarios[0].evaluation: expected one of inspector-pay, ",
            id="no-evaluation",
        ),
        pytest.param(
            '[[scenarios]]\nevaluation = "inspector-pay"\nrecords = { demo = 1 }\n',
            "scenarios[0].policy: missing",
            id="no-policy",
        ),
    ],
)
def test_a_broken_scenario_file_exits_1_with_where(
    company: Path, capsys: pytest.CaptureFixture[str], text: str, says: str
) -> None:
    assert main(["test", str(_scenario(company, text))]) == 1
    assert says in capsys.readouterr().err


def test_inline_records_a_month_of_rewards_and_a_toml_policy(
    company: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = f"""
[[scenarios]]
name = "no reports, no awards"
evaluation = "reward-awards"
period = "2023-11"
paid_on = "2024-01-25"
policy = {serialization.dump_json(demo.REWARD_POLICY)!r}
records = {{ time_zone = "Asia/Almaty", departments = [], employees = [] }}
[scenarios.expected]
awards = 0
"""
    policy = company / "reward.json"
    policy.write_text(serialization.dump_json(demo.REWARD_POLICY))
    text = text.replace(repr(serialization.dump_json(demo.REWARD_POLICY)), '"reward.json"')
    assert main(["test", str(_scenario(company, text))]) == 0
    toml_policy = text.replace('"reward.json"', '"deadlines.toml"')
    assert main(["test", str(_scenario(company, toml_policy))]) == 1  # not a reward policy
    quarter = text.replace('"2023-11"', '"2023-Q4"')
    assert main(["test", str(_scenario(company, quarter))]) == 0
    capsys.readouterr()


def test_a_key_points_scenario_needs_each_policy(
    company: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = """
[[scenarios]]
records = "company"
evaluation = "key-points"
year = 2023
paid_on = 2024-01-25
deadlines = { high = "P1D", medium = "P7D", low = "P30D" }
policy = "pay.json"
"""
    assert main(["test", str(_scenario(company, text))]) == 1
    assert "scenarios[0].pay_policy: missing" in capsys.readouterr().err
