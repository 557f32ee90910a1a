from pathlib import Path

import pytest

from ohs_domain import demo, serialization
from ohs_domain.cli import main

SEED = Path("examples/scenarios/seed-2023.toml")


def test_the_seed_scenario_has_the_showcase_figures(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["test", str(SEED)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "2 scenarios, 0 failed"


@pytest.fixture(scope="module")
def company(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("scenarios")
    serialization.write_json_lines(demo.build_records(), folder / "company")
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


@pytest.mark.parametrize(
    ("expected", "code", "says"),
    [
        pytest.param('total = "300,000 KZT"', 0, "pass: Q3 pay", id="the-quarter-as-expected"),
        pytest.param(
            'total = "315,000 KZT"',
            1,
            "FAIL: Q3 pay\n  total: expected '315,000 KZT', got '300,000 KZT'",
            id="a-wrong-figure-is-shown-as-a-diff",
        ),
        pytest.param("bonus = 1", 1, "scenarios[0].expected.bonus: unknown", id="unknown"),
    ],
)
def test_a_scenario_passes_or_shows_what_differs(
    company: Path, capsys: pytest.CaptureFixture[str], expected: str, code: int, says: str
) -> None:
    assert main(["test", str(_scenario(company, PAY + expected))]) == code
    out, err = capsys.readouterr()
    assert says in out + err


@pytest.mark.parametrize(
    ("text", "says"),
    [
        pytest.param("[[scenarios]\n", "not valid TOML", id="not-toml"),
        pytest.param(
            '[[scenarios]]\nevaluation = "payroll"\n', "scenarios[0].evaluation", id="unknown-kind"
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
