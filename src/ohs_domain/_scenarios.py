"""Scenario files: a worked example of a rule, written as data and checked.

A scenario file (TOML) holds one or more ``[[scenarios]]``, each with:

- ``name``; ``records``: a path (relative to the file) to a bundle JSON file or
  a folder of JSON Lines or CSV tables, an inline bundle table, or
  ``{ demo = 1 }`` for the library's demo company at that scale;
- ``evaluation``: ``"inspector-pay"`` (with ``year`` or ``quarter``) or
  ``"reward-awards"`` (with ``period`` and ``paid_on``);
- ``policy``: a path to a JSON or TOML policy, or the policy inline;
- ``[scenarios.expected]``: the figures, by name (see ``FIGURES``).

OpenFisca's YAML tests are the model: a safety specialist checks a rule with
the figures of a worked example, without writing code.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, Final

import attrs

from ohs_domain import demo, serialization
from ohs_domain._errors import InvalidDataError, Problem
from ohs_domain._inspector_pay import (
    InspectorPay,
    InspectorPayPolicy,
    InspectorPayYear,
    inspector_pay,
    inspector_pay_for_year,
)
from ohs_domain._periods import Month, Quarter, Year
from ohs_domain._records import Records
from ohs_domain._rewards import RewardPolicy, reward_awards


@attrs.frozen
class Outcome:
    """One scenario's result: its name and each figure that differs (empty when it passed).

    Attributes:
        file: The scenario file.
        name: The scenario's name.
        differences: ``(figure, expected, got)`` for each figure that differs.
    """

    file: str
    name: str
    differences: tuple[tuple[str, Any, Any], ...]


def _pay_figures(result: InspectorPay | InspectorPayYear) -> dict[str, Any]:
    quarters = result.quarters if isinstance(result, InspectorPayYear) else (result,)
    figures: dict[str, Any] = {"total": str(result.total)}
    figures |= {str(q.quarter): str(q.total) for q in quarters}
    figures["unpaid"] = [
        f"{q.quarter}: {p.inspector}" for q in quarters for p in q.payments if not p.amount.amount
    ]
    return figures


def _inspector_pay(records: Records, scenario: dict[str, Any], base: Path) -> dict[str, Any]:
    policy = _policy(scenario, InspectorPayPolicy, base)
    if "quarter" in scenario:
        quarter = Quarter.parse(str(scenario["quarter"]))
        return _pay_figures(inspector_pay(records, quarter=quarter, policy=policy))
    year = Year(int(scenario["year"]))
    return _pay_figures(inspector_pay_for_year(records, year=year, policy=policy))


def _period(value: object) -> Year | Quarter | Month:
    text = str(value)
    if text.isdigit():
        return Year(int(text))
    return Quarter.parse(text) if "Q" in text else Month.parse(text)


def _reward_awards(records: Records, scenario: dict[str, Any], base: Path) -> dict[str, Any]:
    paid_on = scenario["paid_on"]
    result = reward_awards(
        records,
        period=_period(scenario["period"]),
        paid_on=paid_on if isinstance(paid_on, date) else date.fromisoformat(str(paid_on)),
        policy=_policy(scenario, RewardPolicy, base),
    )
    by_multiplier = Counter(str(a.multiplier) for a in result.awards)
    return {
        "awards": len(result.awards),
        "total": str(result.total),
        "by_multiplier": dict(sorted(by_multiplier.items())),
    }


EVALUATIONS: Final[dict[str, Callable[[Records, dict[str, Any], Path], dict[str, Any]]]] = {
    "inspector-pay": _inspector_pay,
    "reward-awards": _reward_awards,
}


def _policy(scenario: dict[str, Any], kind: type[Any], base: Path) -> Any:
    policy = scenario["policy"]
    if isinstance(policy, dict):
        return serialization.load(policy, kind)
    path = base / str(policy)
    if path.suffix == ".toml":
        return serialization.load_toml(path.read_bytes(), kind)
    return serialization.load_json(path.read_bytes(), kind)


def read_records(path: Path, progress: Callable[[int], None] | None = None) -> Records:
    """Records from a bundle JSON file, or a folder of JSON Lines or of CSV tables."""
    if path.is_dir() and any(path.glob("*.csv")):
        return serialization.read_csv_tables(path, progress=progress)
    if path.is_dir():
        return serialization.read_json_lines(path, progress=progress)
    return serialization.load_json(path.read_bytes(), Records)


def _records(scenario: dict[str, Any], base: Path) -> Records:
    records = scenario["records"]
    if isinstance(records, dict) and set(records) == {"demo"}:
        return demo.build_records(int(records["demo"]))
    if isinstance(records, dict):
        return serialization.load(records, Records)
    return read_records(base / str(records))


def run_file(path: Path) -> list[Outcome]:
    """Run every scenario of the file at ``path``.

    Raises:
        InvalidDataError: If the file is not a scenario file (not TOML, a key missing,
            an unknown evaluation or figure).
    """
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise InvalidDataError(path.name, [Problem("$", f"not valid TOML: {error}")]) from None
    outcomes = []
    for index, scenario in enumerate(document.get("scenarios", [])):
        where = f"{path.name}:scenarios[{index}]"
        evaluation = EVALUATIONS.get(str(scenario.get("evaluation")))
        if evaluation is None:
            valid = ", ".join(EVALUATIONS)
            problem = Problem(f"{where}.evaluation", f"expected one of {valid}")
            raise InvalidDataError(path.name, [problem])
        try:
            figures = evaluation(_records(scenario, path.parent), scenario, path.parent)
        except KeyError as error:
            problem = Problem(f"{where}.{error.args[0]}", "missing")
            raise InvalidDataError(path.name, [problem]) from None
        expected: dict[str, Any] = scenario.get("expected", {})
        unknown = sorted(set(expected) - set(figures))
        if unknown:
            valid = ", ".join(figures)
            problems = [
                Problem(f"{where}.expected.{k}", f"unknown; figures: {valid}") for k in unknown
            ]
            raise InvalidDataError(path.name, problems)
        differences = tuple(
            (name, value, figures[name])
            for name, value in expected.items()
            if figures[name] != value
        )
        outcomes.append(Outcome(str(path), str(scenario.get("name", where)), differences))
    return outcomes
