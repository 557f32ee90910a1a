"""Determinism: the same records and policies give byte-identical serialised results,
in any process, whatever ``PYTHONHASHSEED`` (set and frozenset order) is."""

import os
import subprocess
import sys

import pytest

SCRIPT = """
import hashlib
from datetime import date
from ohs_domain import Year, key_points, serialization
from ohs_domain.demo import (
    ELIMINATION_DEADLINES, INSPECTOR_PAY_POLICY, REWARD_POLICY, build_records,
)
records = build_records()
points = key_points(
    records, year=Year(2023), as_of=date(2023, 12, 31), deadlines=ELIMINATION_DEADLINES,
    inspector_pay_policy=INSPECTOR_PAY_POLICY, reward_policy=REWARD_POLICY,
    paid_on=date(2024, 1, 25),
)
for value in (records, points, REWARD_POLICY):
    print(hashlib.sha256(serialization.dump_json(value).encode()).hexdigest())
print(hashlib.sha256(str(points).encode()).hexdigest())
"""


def _digests(hash_seed: str) -> str:
    environment = {**os.environ, "PYTHONHASHSEED": hash_seed}
    completed = subprocess.run(  # noqa: S603 - our own script, our own interpreter
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        check=True,
        env=environment,
        timeout=600,
    )
    return completed.stdout


@pytest.fixture(scope="module")
def reference() -> str:
    return _digests("0")


@pytest.mark.parametrize("hash_seed", ["1", "4242", "random"])
def test_results_are_byte_identical_across_hash_seeds(reference: str, hash_seed: str) -> None:
    digests = _digests(hash_seed)
    assert len(digests.split()) == 4
    assert digests == reference
