"""Scenario files: a worked example of a rule, written as data and checked.

A scenario file (TOML) holds one or more ``[[scenarios]]``, each with:

- ``name``; ``records``: a path (relative to the file) to a bundle JSON file or
  a folder of JSON Lines or CSV tables, an inline bundle table, or
  ``{ demo = 1 }`` for the library's demo company at that scale;
- ``evaluation``: ``"inspector-pay"`` (with ``year`` or ``quarter``),
  ``"reward-awards"`` (with ``period`` and ``paid_on``), ``"key-points"`` (with
  ``year``, ``paid_on``, optional ``as_of``, and ``deadlines``, ``pay_policy``
  and ``reward_policy``) or ``"indicators"`` (with ``period``, ``as_of`` and
  optional ``deadlines``);
- ``policy`` (and the others above): a path to a JSON or TOML file, or inline;
- ``[scenarios.expected]``: the figures, by name. Pay and awards have their own
  (``total``, ``"2023-Q3"``, ``unpaid``; ``awards``, ``by_multiplier``); key
  points and indicators have one per row of their results, named by the row
  (``"engagement.active"``, ``"injuries.LTIFR"``), a table of which only the
  cells written are compared (``{ part = 1890, whole = 2699 }``).

OpenFisca's YAML tests are the model: a safety specialist checks a rule with
the figures of a worked example, without writing code.
"""

from __future__ import annotations

import functools
import tomllib
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any, Final, TypeVar

import attrs

# From the package, not its modules: where each indicator lives may change.
from ohs_domain import (
    Elimination,
    Engagement,
    InjuryRates,
    InspectionActivity,
    TrainingCoverage,
    demo,
    elimination,
    engagement,
    injury_rates,
    inspection_activity,
    serialization,
    training_coverage,
)
from ohs_domain._errors import InvalidDataError, Problem, got
from ohs_domain._i18n import message
from ohs_domain._inspector_pay import (
    InspectorPay,
    InspectorPayPolicy,
    InspectorPayYear,
    inspector_pay,
    inspector_pay_for_year,
)
from ohs_domain._key_points import key_points
from ohs_domain._parsers import not_toml
from ohs_domain._periods import Month, Period, Quarter, Year
from ohs_domain._records import Records
from ohs_domain._reporting import EliminationDeadlines
from ohs_domain._rewards import RewardPolicy, reward_awards

T = TypeVar("T")


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


def _day(value: object) -> date:
    """A day written in TOML as a date (``2024-01-25``) or as text (``"2024-01-25"``)."""
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _reward_awards(records: Records, scenario: dict[str, Any], base: Path) -> dict[str, Any]:
    result = reward_awards(
        records,
        period=_period(scenario["period"]),
        paid_on=_day(scenario["paid_on"]),
        policy=_policy(scenario, RewardPolicy, base),
    )
    by_multiplier = Counter(str(a.multiplier) for a in result.awards)
    return {
        "awards": len(result.awards),
        "total": str(result.total),
        "by_multiplier": dict(sorted(by_multiplier.items())),
    }


class RowFigure(dict[str, Any]):
    """A figure that is a row of a result: only the cells a scenario writes are compared."""


# A row's name is its section and the cells that say which row it is.
_NAMING: Final = ("section", "measure", "subject", "format", "by", "label", "rate")
_SECTIONS: Final = {
    TrainingCoverage: "training",
    Engagement: "engagement",
    Elimination: "elimination",
    InspectionActivity: "inspection",
    InjuryRates: "injuries",
}


def _row_figures(results: Iterable[Any]) -> dict[str, Any]:
    """One figure per row of ``results``, named by the row (``"engagement.active"``)."""
    figures: dict[str, Any] = {}
    for result in results:
        section = _SECTIONS.get(type(result))
        for row in result.rows():
            names = [section] if section else []
            names += [str(row[key]) for key in _NAMING if row.get(key) is not None]
            figures[".".join(dict.fromkeys(names))] = RowFigure(
                (key, cell) for key, cell in row.items() if key not in _NAMING and cell is not None
            )
    return figures


def indicators(
    records: Records, *, period: Period, as_of: date, deadlines: EliminationDeadlines | None
) -> list[Any]:
    """The indicators of ``period``, in the order they are shown; elimination given deadlines."""
    results: list[Any] = [
        training_coverage(records, period=period, as_of=as_of),
        engagement(records, period=period, as_of=as_of),
        inspection_activity(records, period=period),
        injury_rates(records, period=period, as_of=as_of),
    ]
    if deadlines is not None:
        results.insert(2, elimination(records, period=period, as_of=as_of, deadlines=deadlines))
    return results


def _indicators(records: Records, scenario: dict[str, Any], base: Path) -> dict[str, Any]:
    deadlines = None
    if "deadlines" in scenario:
        deadlines = _policy(scenario, EliminationDeadlines, base, "deadlines")
    return _row_figures(
        indicators(
            records,
            period=_period(scenario["period"]),
            as_of=_day(scenario["as_of"]),
            deadlines=deadlines,
        )
    )


def _key_points(records: Records, scenario: dict[str, Any], base: Path) -> dict[str, Any]:
    year = Year(int(scenario["year"]))
    points = key_points(
        records,
        year=year,
        as_of=_day(scenario.get("as_of", year.last_day)),
        deadlines=_policy(scenario, EliminationDeadlines, base, "deadlines"),
        inspector_pay_policy=_policy(scenario, InspectorPayPolicy, base, "pay_policy"),
        reward_policy=_policy(scenario, RewardPolicy, base, "reward_policy"),
        paid_on=_day(scenario["paid_on"]),
    )
    return _row_figures([points])


EVALUATIONS: Final[dict[str, Callable[[Records, dict[str, Any], Path], dict[str, Any]]]] = {
    "inspector-pay": _inspector_pay,
    "reward-awards": _reward_awards,
    "key-points": _key_points,
    "indicators": _indicators,
}


def read_file(path: Path, kind: type[T]) -> T:
    """A ``kind`` from a JSON or TOML file (by suffix); its problems name the file."""
    text = path.read_bytes()
    try:
        if path.suffix == ".toml":
            return serialization.load_toml(text, kind)
        return serialization.load_json(text, kind)
    except InvalidDataError as error:
        raise InvalidDataError(
            error.subject,
            (attrs.evolve(p, path=f"{path.name}:{p.path}") for p in error.problems),
        ) from None


def _policy(scenario: dict[str, Any], kind: type[Any], base: Path, key: str = "policy") -> Any:
    policy = scenario[key]
    if isinstance(policy, dict):
        return serialization.load(policy, kind)
    return read_file(base / str(policy), kind)


def read_records(path: Path, progress: Callable[[int], None] | None = None) -> Records:
    """Records from a bundle JSON file, or a folder of JSON Lines or of CSV tables."""
    if path.is_dir() and any(path.glob("*.csv")):
        return serialization.read_csv_tables(path, progress=progress)
    if path.is_dir():
        return serialization.read_json_lines(path, progress=progress)
    return serialization.load_json(path.read_bytes(), Records)


@functools.lru_cache(maxsize=1)
def _demo_company(scale: int) -> Records:
    """The demo company at ``scale``, built once for the scenarios that name it in a row."""
    return demo.build_records(scale)


def _records(scenario: dict[str, Any], base: Path) -> Records:
    records = scenario["records"]
    if isinstance(records, dict) and set(records) == {"demo"}:
        return _demo_company(int(records["demo"]))
    if isinstance(records, dict):
        return serialization.load(records, Records)
    return read_records(base / str(records))


def _compared(figure: Any, expected: Any) -> Any:
    """What of ``figure`` is compared with ``expected``: of a row, the cells written."""
    if isinstance(figure, RowFigure) and isinstance(expected, dict):
        return {key: figure.get(key) for key in expected}
    return figure


def run_file(path: Path) -> list[Outcome]:
    """Run every scenario of the file at ``path``.

    Raises:
        InvalidDataError: If the file is not a scenario file (not TOML, a key missing,
            an unknown evaluation or figure).
    """
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise InvalidDataError(path.name, [Problem.of("$", not_toml(error))]) from None
    outcomes = []
    for index, scenario in enumerate(document.get("scenarios", [])):
        where = f"{path.name}:scenarios[{index}]"
        evaluation = EVALUATIONS.get(str(scenario.get("evaluation")))
        if evaluation is None:
            valid = ", ".join(EVALUATIONS)
            words = (
                got(scenario["evaluation"], message("one of {valid}", valid=valid))
                if "evaluation" in scenario
                else message("expected one of {valid}", valid=valid)
            )
            raise InvalidDataError(path.name, [Problem.of(f"{where}.evaluation", words)])
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
                Problem.of(
                    f"{where}.expected.{k}", message("unknown; figures: {valid}", valid=valid)
                )
                for k in unknown
            ]
            raise InvalidDataError(path.name, problems)
        differences = tuple(
            (name, value, found)
            for name, value in expected.items()
            if (found := _compared(figures[name], value)) != value
        )
        outcomes.append(Outcome(str(path), str(scenario.get("name", where)), differences))
    return outcomes
