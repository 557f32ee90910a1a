"""A holding-wide run on Dask: parts in files, evaluated apart, combined into the whole.

The demo company is split by employee into ``--parts`` parts, each written as
JSON Lines to its own folder. A ``dask.bag`` over the folders loads each part
*in its worker* (no worker holds the whole bundle), computes the partial result
of every indicator and of the year's payouts, and folds them with the library's
``combine``; ``finalize`` decides once, over the merged tallies. The results
are then compared with the single-process evaluation of the whole company.

Run: ``python examples/holding_on_dask.py [--scale 10] [--parts 8]
[--scheduler sync|processes]`` (``pip install dask``; the ``dev`` group has it).
"""

from __future__ import annotations

import argparse
import tempfile
import zlib
from datetime import date
from pathlib import Path
from typing import Any

import dask.bag as db

from ohs_domain import (
    EliminationPartial,
    EngagementPartial,
    InjuryRatesPartial,
    InspectionActivityPartial,
    InspectorPayYearPartial,
    Partial,
    Records,
    RewardAwardsPartial,
    TrainingCoveragePartial,
    Year,
    combine,
    demo,
    elimination,
    elimination_partial,
    engagement,
    engagement_partial,
    injury_rates,
    injury_rates_partial,
    inspection_activity,
    inspection_activity_partial,
    inspector_pay_for_year,
    inspector_pay_for_year_partial,
    partition,
    reward_awards,
    reward_awards_partial,
    serialization,
    training_coverage,
    training_coverage_partial,
)

YEAR = Year(2023)
AS_OF = date(2023, 12, 31)
DEADLINES = demo.ELIMINATION_DEADLINES
PAID_ON = date(2024, 1, 25)
REWARDS, PAY = demo.REWARD_POLICY, demo.INSPECTOR_PAY_POLICY

# One partial result per evaluator, in the order of evaluate_part.
Partials = tuple[Partial[Any], ...]


# --8<-- [start:recipe]
def write_parts(records: Records, folder: Path, parts: int) -> list[str]:
    """Split ``records`` by employee into ``parts`` groups; write each as JSON Lines."""

    def group(unit: str) -> str:  # a stable hash of the employee (or department) id
        return str(zlib.crc32(unit.encode()) % parts)

    paths = []
    for label, part in partition(records, by="employee", group=group).items():
        path = folder / f"part-{label}"
        serialization.write_json_lines(part, path)
        paths.append(str(path))
    return paths


def evaluate_part(path: str) -> Partials:
    """What one worker computes: its part, loaded where it runs, to partial results."""
    part = serialization.read_json_lines(path)
    return (
        training_coverage_partial(part, period=YEAR, as_of=AS_OF),
        engagement_partial(part, period=YEAR, as_of=AS_OF),
        elimination_partial(part, period=YEAR, as_of=AS_OF, deadlines=DEADLINES),
        inspection_activity_partial(part, period=YEAR),
        injury_rates_partial(part, period=YEAR, as_of=AS_OF),
        reward_awards_partial(part, period=YEAR, paid_on=PAID_ON, policy=REWARDS),
        inspector_pay_for_year_partial(part, year=YEAR, policy=PAY),
    )


def merge(left: Partials, right: Partials) -> Partials:
    """Two parts' partial results, evaluator by evaluator, with the library's combine."""
    return tuple(combine(pair) for pair in zip(left, right, strict=True))


NOTHING: Partials = (
    TrainingCoveragePartial.empty(period=YEAR, as_of=AS_OF),
    EngagementPartial.empty(period=YEAR, as_of=AS_OF),
    EliminationPartial.empty(period=YEAR, as_of=AS_OF, deadlines=DEADLINES),
    InspectionActivityPartial.empty(period=YEAR),
    InjuryRatesPartial.empty(period=YEAR, as_of=AS_OF),
    RewardAwardsPartial.empty(period=YEAR, paid_on=PAID_ON, policy=REWARDS),
    InspectorPayYearPartial.empty(year=YEAR, policy=PAY),
)


def on_dask(paths: list[str], scheduler: str) -> tuple[Any, ...]:
    """The results of the parts in ``paths``, computed by Dask's ``scheduler``."""
    bag = db.from_sequence(paths, npartitions=len(paths))  # type: ignore[no-untyped-call]
    merged = bag.map(evaluate_part).fold(merge, initial=NOTHING).compute(scheduler=scheduler)
    return tuple(partial.finalize() for partial in merged)


# --8<-- [end:recipe]


def in_one_process(records: Records) -> tuple[Any, ...]:
    """The same results, evaluated over the whole bundle at once."""
    return (
        training_coverage(records, period=YEAR, as_of=AS_OF),
        engagement(records, period=YEAR, as_of=AS_OF),
        elimination(records, period=YEAR, as_of=AS_OF, deadlines=DEADLINES),
        inspection_activity(records, period=YEAR),
        injury_rates(records, period=YEAR, as_of=AS_OF),
        reward_awards(records, period=YEAR, paid_on=PAID_ON, policy=REWARDS),
        inspector_pay_for_year(records, year=YEAR, policy=PAY),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--parts", type=int, default=8)
    parser.add_argument("--scheduler", choices=["sync", "processes"], default="sync")
    args = parser.parse_args()
    records = demo.build_records(args.scale)
    with tempfile.TemporaryDirectory() as folder:
        paths = write_parts(records, Path(folder), args.parts)
        results = on_dask(paths, args.scheduler)
    whole = in_one_process(records)
    same = [
        serialization.dump_json(a) == serialization.dump_json(b)
        for a, b in zip(results, whole, strict=True)
    ]
    coverage, engaged, eliminated, activity, injuries, awards, pay = results
    print(f"{len(paths)} parts of the demo company at {args.scale}x, on Dask ({args.scheduler})")
    print(f"trained: {coverage.trained}")
    print(f"active users: {engaged.active}")
    print(f"accepted reports eliminated on time: {eliminated.reports.on_time}")
    print(
        f"submissions: {activity.total.submissions:,} on {activity.total.violations:,} violations"
    )
    print(f"LTIFR: {injuries.ltifr.rounded()}")
    print(f"reward awards: {len(awards.awards)}, {awards.total}")
    print(f"inspector pay: {pay.total}")
    print("identical to one process:", "yes" if all(same) else "NO")


if __name__ == "__main__":
    main()
