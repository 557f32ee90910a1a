"""Every script in examples/ prints exactly its checked-in expected output."""

import subprocess
import sys
from pathlib import Path

import pytest

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
