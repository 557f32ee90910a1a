"""Every script in examples/ prints exactly its checked-in expected output."""

import importlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from ohs_domain import demo, serialization

EXAMPLES = Path(__file__).parent.parent / "examples"
SCRIPTS = sorted(EXAMPLES.glob("*.py"))


def test_every_example_has_expected_output() -> None:
    assert SCRIPTS
    for script in SCRIPTS:
        assert script.with_suffix(".txt").is_file(), f"{script.name} has no .txt"


@pytest.mark.parametrize("script", SCRIPTS, ids=[s.stem for s in SCRIPTS])
def test_example_prints_its_expected_output(script: Path) -> None:
    completed = subprocess.run(  # noqa: S603 - runs our own example with our interpreter
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    assert completed.stdout == script.with_suffix(".txt").read_text(encoding="utf-8")


# --- The Dask recipe (examples/holding_on_dask.py) at 10x in 8 parts -----------------------------
#
# Marked ``dask`` (about a minute on two cores): the default run leaves it out and
# ``.ci/run`` runs it on its own with ``python3 -m pytest -m dask --no-cov``.


@pytest.fixture(scope="module")
def recipe() -> Iterator[ModuleType]:
    # On sys.path, so that the worker processes import the recipe's functions by name.
    sys.path.insert(0, str(EXAMPLES))
    try:
        yield importlib.import_module("holding_on_dask")
    finally:
        sys.path.remove(str(EXAMPLES))


@pytest.fixture(scope="module")
def company_at_10x() -> Any:
    return demo.build_records(10)


@pytest.fixture(scope="module")
def parts(
    recipe: ModuleType, company_at_10x: Any, tmp_path_factory: pytest.TempPathFactory
) -> list[str]:
    paths: list[str] = recipe.write_parts(company_at_10x, tmp_path_factory.mktemp("parts"), 8)
    return paths


@pytest.fixture(scope="module")
def in_one_process(recipe: ModuleType, company_at_10x: Any) -> list[str]:
    return [serialization.dump_json(result) for result in recipe.in_one_process(company_at_10x)]


@pytest.mark.dask
@pytest.mark.parametrize("scheduler", ["sync", "processes"])
def test_dask_over_8_parts_gives_the_single_process_results(
    recipe: ModuleType, parts: list[str], in_one_process: list[str], scheduler: str
) -> None:
    results = recipe.on_dask(parts, scheduler)

    assert len(parts) == 8
    assert [serialization.dump_json(result) for result in results] == in_one_process


def test_the_node_clients_count_in_the_schema_how_to_is_the_demo_companys() -> None:
    # The page shows the output of examples/node/validate.mjs, which .ci/run runs; this
    # keeps its figure true: every record of every collection of the demo company.
    page = (EXAMPLES.parent / "docs" / "how-to" / "json-schema.md").read_text()
    company = demo.build_records()
    count = sum(
        len(items) for items in serialization.dump(company).values() if isinstance(items, list)
    )
    assert f"valid against Records: {count} records\n" in page
