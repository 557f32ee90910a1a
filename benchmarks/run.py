"""The scale benchmark: ohs_domain at 1x, 10x, 100x (and 1000x) the seed company.

Run ``python benchmarks/run.py`` (after ``pip install -r requirements/lock.txt -e .``;
the ``bench`` dependency group adds pydantic and pandas). Each scale runs in
its own process, so peak memory is that scale's alone. For every scale it
prints the median of ``--runs`` runs of:

- load: JSON-ready data to a validated ``Records`` through ``ohs_domain.serialization``;
- build: ``Records(...)`` from objects (validation and indexes);
- rules: every rule of the year (``key_points``), and the reward awards plus
  inspector pay alone;

and, in the same process on the same data, the baselines of
``benchmarks/baselines.py``: the hand-written floor, pydantic v2 validating
the records, and pandas computing the same aggregates end to end. It checks
that every path gives the same totals, then prints the targets and whether
each is met. Timings are medians of wall-clock time (``time.perf_counter``).

From ``--stream-from`` (1000) up, the JSON-ready data of the whole company
would not fit in memory beside the bundle, so the scale is measured streamed:
the demo company is written to one JSON Lines file per collection, one
record at a time, and loading reads each file in chunks of ``CHUNK``
records (each chunk through ``serialization.load``, then ``Records(...)``
checks the rules across records), in a fresh process whose resident memory
is the bundle's. pydantic and pandas need every input dict at once, so they
are left out there; the floor reads its tuples from the same stream.
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

sys.path.insert(0, str(Path(__file__).parent))

import itertools

from baselines import PydanticRecords, floor, pandas_rules, to_tuples

from ohs_domain import (
    KeyPoints,
    Records,
    Year,
    inspector_pay_for_year,
    key_points,
    reward_awards,
    serialization,
)
from ohs_domain.demo import (
    ELIMINATION_DEADLINES,
    INSPECTOR_PAY_POLICY,
    REWARD_POLICY,
    build_records,
)

T = TypeVar("T")
CHUNK = 50_000
YEAR = Year(2023)
PAID_ON = date(2024, 1, 25)
FIELDS = (
    "time_zone",
    "departments",
    "employees",
    "trainer_certifications",
    "inspector_appointments",
    "reporting_accounts",
    "training_sessions",
    "safety_reports",
    "violations",
    "submissions",
    "injuries",
    "hours_worked",
)


def median_time(runs: int, work: Callable[[], T]) -> tuple[float, T]:
    """Median seconds of ``runs`` calls of ``work``, and its last result."""
    times = []
    result: Any = None
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def measure(scale: int, runs: int) -> dict[str, Any]:
    """Every figure for one scale (run in a child process)."""
    records = build_records(scale)
    data = serialization.dump(records)
    count = sum(len(getattr(records, f)) for f in FIELDS[1:])
    fields = {f: getattr(records, f) for f in FIELDS}
    quarterly = INSPECTOR_PAY_POLICY.amount.at(YEAR.last_day).amount

    load, loaded = median_time(runs, lambda: serialization.load(data, Records))
    assert loaded == records
    build, _ = median_time(runs, lambda: Records(**fields))

    payouts_time, expected = median_time(runs, lambda: payouts(records))
    rules, _ = median_time(runs, lambda: all_rules(records))

    plain = to_tuples(data, records.time_zone)
    floor_time, floor_result = median_time(
        runs, lambda: floor(plain, year=YEAR, policy=REWARD_POLICY, quarterly=quarterly)
    )
    pydantic_time, _ = median_time(runs, lambda: PydanticRecords.model_validate(data))
    pandas_time, pandas_result = median_time(
        runs, lambda: pandas_rules(data, year=YEAR, policy=REWARD_POLICY, quarterly=quarterly)
    )
    assert floor_result == expected, (floor_result, expected)
    assert pandas_result == expected, (pandas_result, expected)

    del loaded
    gc.collect()
    tracemalloc.start()
    bundle = serialization.load(data, Records)
    bundle_bytes = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del bundle
    return {
        "scale": scale,
        "records": count,
        "reports": len(records.safety_reports),
        "load": load,
        "build": build,
        "payouts": payouts_time,
        "rules": rules,
        "floor": floor_time,
        "pydantic": pydantic_time,
        "pandas": pandas_time,
        "bundle_bytes": bundle_bytes,
        "peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        "totals": _shown(expected),
    }


def _resident_bytes() -> int:
    """This process's resident memory now (Linux)."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * resource.getpagesize()


def write_jsonl(records: Records, folder: Path) -> None:
    """One JSON Lines file per collection, one record at a time (never every dict at once)."""
    serialization.write_json_lines(records, folder)


def read_jsonl(folder: Path, field: str) -> Iterator[Any]:
    """The JSON-ready records of one collection, one at a time."""
    with (folder / f"{field}.jsonl").open() as lines:
        for line in lines:
            yield json.loads(line)


def load_streamed(folder: Path) -> Records:
    """Load the bundle from ``write_jsonl``'s files, ``CHUNK`` records at a time."""
    return serialization.read_json_lines(folder, chunk_size=CHUNK)


def payouts(records: Records) -> tuple[Decimal, int, Decimal]:
    """Awards and pay of the year: the awards' total, how many, the pay's total (KZT)."""
    awards = reward_awards(records, period=YEAR, paid_on=PAID_ON, policy=REWARD_POLICY)
    pay = inspector_pay_for_year(records, year=YEAR, policy=INSPECTOR_PAY_POLICY)
    return awards.total.amount, len(awards.awards), pay.total.amount


def _shown(totals: tuple[Decimal, int, Decimal]) -> list[Any]:
    """``totals`` as JSON carries them between processes: amounts as exact strings."""
    return [str(totals[0]), totals[1], str(totals[2])]


def all_rules(records: Records) -> KeyPoints:
    """Every indicator and payout of the year, as the showcase computes them."""
    return key_points(
        records,
        year=YEAR,
        as_of=YEAR.last_day,
        deadlines=ELIMINATION_DEADLINES,
        inspector_pay_policy=INSPECTOR_PAY_POLICY,
        reward_policy=REWARD_POLICY,
        paid_on=PAID_ON,
    )


def measure_streamed(scale: int, runs: int, folder: Path) -> dict[str, Any]:
    """Every figure that fits in memory at a scale too large for the JSON-ready data at once."""
    result = _measure_objects(scale, runs, folder)  # its bundle is freed on return
    gc.collect()
    completed = subprocess.run(  # noqa: S603 - this script, this interpreter
        [sys.executable, __file__, "--load-streamed", str(folder), "--runs", str(runs)],
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    )
    loaded = json.loads(completed.stdout)
    assert loaded["totals"] == result["totals"], (loaded["totals"], result["totals"])
    own_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return result | {
        "load": loaded["load"],
        "bundle_bytes": loaded["bundle_bytes"],
        "peak_rss_bytes": max(own_peak, loaded["peak_rss_bytes"]),
    }


def _measure_objects(scale: int, runs: int, folder: Path) -> dict[str, Any]:
    """Build, rules and floor on the demo company's objects; writes the JSON Lines files."""
    records = build_records(scale)
    count = sum(len(getattr(records, f)) for f in FIELDS[1:])
    reports = len(records.safety_reports)
    fields = {f: getattr(records, f) for f in FIELDS}
    quarterly = INSPECTOR_PAY_POLICY.amount.at(YEAR.last_day).amount
    write_jsonl(records, folder)
    build, _ = median_time(runs, lambda: Records(**fields))
    payouts_time, expected = median_time(runs, lambda: payouts(records))
    rules, _ = median_time(runs, lambda: all_rules(records))
    streams = {f: read_jsonl(folder, f) for f in ("departments", "employees", "safety_reports")}
    streams |= {f: read_jsonl(folder, f) for f in ("submissions", "inspector_appointments")}
    plain = to_tuples(streams, records.time_zone)
    floor_time, floor_result = median_time(
        runs, lambda: floor(plain, year=YEAR, policy=REWARD_POLICY, quarterly=quarterly)
    )
    assert floor_result == expected, (floor_result, expected)
    return {
        "scale": scale,
        "records": count,
        "reports": reports,
        "build": build,
        "payouts": payouts_time,
        "rules": rules,
        "floor": floor_time,
        "pydantic": None,
        "pandas": None,
        "totals": _shown(expected),
        "streamed": True,
    }


def measure_load_streamed(folder: Path, runs: int) -> dict[str, Any]:
    """Load time and resident size of the bundle read from ``folder`` (a fresh process)."""
    gc.collect()
    before = _resident_bytes()
    times = []
    records: Records | None = None
    for _ in range(runs):
        records = None
        gc.collect()
        start = time.perf_counter()
        records = load_streamed(folder)
        times.append(time.perf_counter() - start)
    assert records is not None
    gc.collect()
    return {
        "load": statistics.median(times),
        "bundle_bytes": _resident_bytes() - before,
        "peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        "totals": _shown(payouts(records)),
    }


def _ms(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds * 1000:,.1f}"


def report(results: list[dict[str, Any]]) -> None:
    """Print the table, the growth, and the targets."""
    print(
        f"machine: {platform.machine()}, {platform.python_implementation()} "
        f"{platform.python_version()}, {platform.system()} {platform.release()}"
    )
    header = (
        f"{'scale':>5} {'records':>10} {'load ms':>10} {'build ms':>10} {'rules ms':>10} "
        f"{'pay+awards':>10} {'floor ms':>9} {'pydantic':>10} {'pandas':>9} "
        f"{'bundle MiB':>10} {'peak MiB':>9} {'µs/rec load':>11}"
    )
    print(header)
    for r in results:
        streamed = " (streamed; bundle = resident memory)" if r.get("streamed") else ""
        print(
            f"{r['scale']:>5} {r['records']:>10,} {_ms(r['load']):>10} {_ms(r['build']):>10} "
            f"{_ms(r['rules']):>10} {_ms(r['payouts']):>10} {_ms(r['floor']):>9} "
            f"{_ms(r['pydantic']):>10} {_ms(r['pandas']):>9} "
            f"{r['bundle_bytes'] / 2**20:>10,.1f} {r['peak_rss_bytes'] / 2**20:>9,.0f} "
            f"{r['load'] / r['records'] * 1e6:>11.2f}{streamed}"
        )
    print()
    print("growth of cost per record from one scale to the next (1.00 = linear):")
    for before, after in itertools.pairwise(results):
        parts = []
        for key in ("load", "build", "rules"):
            ratio = (after[key] / after["records"]) / (before[key] / before["records"])
            parts.append(f"{key} {ratio:.2f}")
        print(f"  x{before['scale']} -> x{after['scale']}: " + ", ".join(parts))
    print()
    print("targets:")
    for r in results:
        s = r["scale"]
        end_to_end = r["load"] + r["rules"]
        checks = [(f"x{s} pay+awards <= 1.5 x floor", r["payouts"] / r["floor"], 1.5, "<=")]
        if r["pandas"] is not None:
            ratio = end_to_end / r["pandas"]
            checks.append((f"x{s} load+rules faster than pandas", ratio, 1.0, "<"))
        if r["pydantic"] is not None:
            checks.append((f"x{s} load time <= pydantic's", r["load"] / r["pydantic"], 1.0, "<="))
        for name, ratio, limit, op in checks:
            met = ratio <= limit if op == "<=" else ratio < limit
            print(f"  {name:<40} ratio {ratio:6.2f}  {'met' if met else 'NOT met'}")
    by_scale = {r["scale"]: r for r in results}
    if 10 in by_scale and 100 in by_scale:
        a, b = by_scale[10], by_scale[100]
        for key in ("load", "build", "rules"):
            ratio = (b[key] / b["records"]) / (a[key] / a["records"])
            name = f"{key}: cost per record x100 within 1.25 of x10"
            print(f"  {name:<40} ratio {ratio:6.2f}  {'met' if ratio <= 1.25 else 'NOT met'}")
        mib = b["bundle_bytes"] / 2**20
        print(
            f"  {'bundle at x100 under 1 GiB':<40} {mib:8,.0f} MiB  "
            f"{'met' if mib < 1024 else 'NOT met'}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--stream-from", type=int, default=1000)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--streamed", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--load-streamed", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.load_streamed is not None:
        print(json.dumps(measure_load_streamed(args.load_streamed, args.runs)))
        return
    if args.one is not None and args.streamed:
        folder = Path(tempfile.mkdtemp(prefix="ohs-bench-"))
        try:
            print(json.dumps(measure_streamed(args.one, args.runs, folder)))
        finally:
            shutil.rmtree(folder)
        return
    if args.one is not None:
        print(json.dumps(measure(args.one, args.runs)))
        return
    results = []
    for scale in args.scales:
        started = time.perf_counter()
        streamed = ["--streamed"] if scale >= args.stream_from else []
        completed = subprocess.run(  # noqa: S603 - this script, this interpreter
            [sys.executable, __file__, "--one", str(scale), "--runs", str(args.runs), *streamed],
            stdout=subprocess.PIPE,
            text=True,
            check=True,
        )
        results.append(json.loads(completed.stdout))
        print(f"x{scale} measured in {time.perf_counter() - started:,.0f} s", file=sys.stderr)
    report(results)


if __name__ == "__main__":
    main()
