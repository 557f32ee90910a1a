"""Edges of the demo generator that the full-size company does not reach."""

from __future__ import annotations

import random

import pytest

from ohs_domain import demo


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize(
    ("each", "name"),
    [
        pytest.param(1, "lowest", id="spread-down-to-one-report-each"),
        pytest.param(11, "highest", id="spread-up-to-eleven-reports-each"),
    ],
)
def test_report_counts_stay_within_bounds_when_the_total_forces_them_to_the_edge(
    seed: int, each: int, name: str
) -> None:
    # 20 reporters: 20 * 5 // 100 = 1 "power" reporter with 12..60 reports (the
    # generator's first draw), and 19 others with 1..11 each. A total that leaves
    # the others exactly ``each`` report forces every one of them to the bound, so
    # the generator keeps meeting counts it must not step past.
    # The demo's seeded generator, not security:
    power = random.Random(seed).randint(12, 60)  # noqa: S311
    company = demo._Company(1, random.Random(seed))  # noqa: S311
    counts = company._report_counts(20, power + 19 * each)
    assert counts == [power] + [each] * 19, name
