"""The scale benchmark: ohs_domain at 1x, 10x and 30x the seed company (larger on request).

Run ``python benchmarks/run.py`` (after ``pip install -r requirements/lock.txt -e .``;
the ``bench`` dependency group adds pydantic and pandas). Each scale runs in its
own process, so peak memory is that scale's alone. In that process every piece
of work is timed once per *round*, the pieces one after another in the same
order, for ``--rounds`` rounds, and the median of each piece is kept: a load
spike on a shared machine then hits every piece of a round alike, and the
ratios, which are what the targets are about, stay steady. The pieces:

- load: JSON-ready data to a validated ``Records`` through ``ohs_domain.serialization``;
- pydantic: pydantic v2 validating the same JSON-ready data (``baselines.py``);
- build: ``Records(...)`` from objects (validation and indexes);
- payouts: the year's reward awards plus inspector pay, on a bundle whose report index
  is built (once per bundle, as the floor's tuples are made once, untimed);
- floor: the same awards and pay, hand-written over plain tuples (``baselines.py``);
- rules: every rule of the year (``key_points``) on a bundle just loaded (untimed), so
  the indexes the rules build on first use are counted (streamed scales: just built);
- pandas: the same awards and pay with pandas, end to end from the JSON-ready data.

Every path's totals are compared with the library's before any figure is
printed, so a fast wrong answer cannot win. The ratios printed are those of the
targets: payouts ÷ floor, load ÷ pydantic, (load + rules) ÷ pandas, and the cost
per record of build and rules at the largest scale ÷ at 1x.

From ``--stream-from`` (1000) up, the JSON-ready data of the whole company
would not fit in memory beside the bundle, so the scale is measured streamed:
the demo company is written to one JSON Lines file per collection, and loading
reads each file in chunks of ``CHUNK`` records, in a fresh process whose
resident memory is the bundle's. pydantic and pandas need every input dict at
once, so they are left out there; the floor reads its tuples from the same
stream. The 1000x target is about the loading process alone: its load time and
its own peak are printed, and for a smaller streamed scale what they would be at
1000x if they grew in proportion to the scale.

A scale whose peak memory, estimated from the figures measured per unit of
scale (``MIB_PER_SCALE``), exceeds the machine's memory is refused before
anything runs, with the largest scale that fits: 1000x needs about 37 GiB.
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import os
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

import attrs
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
# Peak resident memory per unit of scale, measured on the 2022-2024 demo: 5,201 MiB at
# 30x in memory (2026-12-02); streamed, 3,795 MiB at 100x and 11,378 MiB at 300x
# (2026-12-03). A scale whose estimate exceeds the machine's memory is refused before
# anything runs: it would only be killed.
MIB_PER_SCALE = {"in memory": 175, "streamed": 38}
STREAM_TARGET_SCALE = 1000  # the scale of the streamed load's target
YEAR = Year(2023)
PAID_ON = date(2024, 1, 25)
# Every field of a bundle: its zone, then its collections (corrective actions included).
FIELDS = tuple(field.name for field in attrs.fields(Records) if field.init)


@attrs.frozen
class Fresh:
    """Work timed on a value made afresh, untimed, before each round's run.

    The rules on a bundle just loaded: a bundle keeps the indexes its rules build on
    first use, so a second run on the same bundle would leave their cost out.
    """

    make: Callable[[], Any]
    work: Callable[[Any], Any]


def interleaved(
    rounds: int, works: dict[str, Callable[[], Any] | Fresh]
) -> tuple[dict[str, float], dict[str, Any]]:
    """Median seconds of each of ``works`` over ``rounds`` rounds that run each once, in turn."""
    times: dict[str, list[float]] = {name: [] for name in works}
    results: dict[str, Any] = {}
    for _ in range(rounds):
        for name, work in works.items():
            results[name] = None  # the previous round's result is garbage by now
            run: Callable[[], Any] = (
                functools.partial(work.work, work.make()) if isinstance(work, Fresh) else work
            )
            gc.collect()
            start = time.perf_counter()
            results[name] = run()
            times[name].append(time.perf_counter() - start)
            del run  # (and the fresh value with it)
    return {name: statistics.median(t) for name, t in times.items()}, results


def measure(scale: int, runs: int) -> dict[str, Any]:
    """Every figure for one scale (run in a child process)."""
    records = build_records(scale)
    data = serialization.dump(records)
    count = sum(len(getattr(records, f)) for f in FIELDS[1:])
    fields = {f: getattr(records, f) for f in FIELDS}
    quarterly = INSPECTOR_PAY_POLICY.amount.at(YEAR.last_day).amount
    plain = to_tuples(data, records.time_zone)
    payouts(records)  # builds the bundle's report index, untimed (see the module's docstring)
    times, results = interleaved(
        runs,
        {
            "load": lambda: serialization.load(data, Records),
            "pydantic": lambda: PydanticRecords.model_validate(data),
            "build": lambda: Records(**fields),
            "payouts": lambda: payouts(records),
            "floor": lambda: floor(plain, year=YEAR, policy=REWARD_POLICY, quarterly=quarterly),
            "rules": Fresh(lambda: serialization.load(data, Records), all_rules),
            "pandas": lambda: pandas_rules(
                data, year=YEAR, policy=REWARD_POLICY, quarterly=quarterly
            ),
        },
    )
    assert results["load"] == records
    expected = results["payouts"]
    assert results["floor"] == expected, (results["floor"], expected)
    assert results["pandas"] == expected, (results["pandas"], expected)
    results.clear()
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
        **times,
        "bundle_bytes": bundle_bytes,
        "peak_rss_bytes": _peak_bytes(),
        "totals": _shown(expected),
    }


def _peak_bytes() -> int:
    """This process's own peak resident memory (Linux).

    Not ``getrusage``'s ``ru_maxrss``: a process started from a large one (each scale
    from its parent, the streamed load from the process that built the demo company)
    reports at least the parent's peak there, which Linux carries over on exec.
    """
    status = Path("/proc/self/status").read_text()
    return int(status.split("VmHWM:", 1)[1].split()[0]) * 1024  # in kB


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
        [sys.executable, __file__, "--load-streamed", str(folder), "--rounds", str(runs)],
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    )
    loaded = json.loads(completed.stdout)
    assert loaded["totals"] == result["totals"], (loaded["totals"], result["totals"])
    own_peak = _peak_bytes()
    return result | {
        "load": loaded["load"],
        "bundle_bytes": loaded["bundle_bytes"],
        "peak_rss_bytes": max(own_peak, loaded["peak_rss_bytes"]),
        # What the 1000x target is about; the loading process's size before it loads:
        "load_peak_rss_bytes": loaded["peak_rss_bytes"],
        "load_base_rss_bytes": loaded["base_rss_bytes"],
    }


def _measure_objects(scale: int, runs: int, folder: Path) -> dict[str, Any]:
    """Build, rules and floor on the demo company's objects; writes the JSON Lines files."""
    records = build_records(scale)
    count = sum(len(getattr(records, f)) for f in FIELDS[1:])
    reports = len(records.safety_reports)
    fields = {f: getattr(records, f) for f in FIELDS}
    quarterly = INSPECTOR_PAY_POLICY.amount.at(YEAR.last_day).amount
    write_jsonl(records, folder)
    streams = {f: read_jsonl(folder, f) for f in ("departments", "employees", "safety_reports")}
    streams |= {f: read_jsonl(folder, f) for f in ("submissions", "inspector_appointments")}
    plain = to_tuples(streams, records.time_zone)
    payouts(records)  # builds the bundle's report index, untimed
    times, results = interleaved(
        runs,
        {
            "build": lambda: Records(**fields),
            "payouts": lambda: payouts(records),
            "floor": lambda: floor(plain, year=YEAR, policy=REWARD_POLICY, quarterly=quarterly),
            "rules": Fresh(lambda: Records(**fields), all_rules),
        },
    )
    build, payouts_time, rules, floor_time = (
        times[k] for k in ("build", "payouts", "rules", "floor")
    )
    expected, floor_result = results["payouts"], results["floor"]
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
    bundle, peak = _resident_bytes() - before, _peak_bytes()  # loading's, before the totals
    return {
        "load": statistics.median(times),
        "bundle_bytes": bundle,
        "peak_rss_bytes": peak,
        "base_rss_bytes": before,
        "totals": _shown(payouts(records)),  # (awards and pay build the report index)
    }


def _ms(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds * 1000:,.1f}"


def _ratio(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None else a / b


def ratios(r: dict[str, Any]) -> dict[str, float | None]:
    """The ratios the targets are about, for one scale's figures."""
    end_to_end = r["load"] + r["rules"]
    return {
        "payouts/floor": _ratio(r["payouts"], r["floor"]),
        "load/pydantic": _ratio(r["load"], r["pydantic"]),
        "load+rules/pandas": _ratio(end_to_end, r["pandas"]),
    }


def _per_record(r: dict[str, Any], key: str) -> float:
    return float(r[key]) / int(r["records"])


def report(results: list[dict[str, Any]]) -> None:
    """Print the figures, the ratios and the targets."""
    print(
        f"machine: {platform.machine()}, {platform.python_implementation()} "
        f"{platform.python_version()}, {platform.system()} {platform.release()}"
    )
    print(
        f"{'scale':>5} {'records':>10} {'load ms':>10} {'build ms':>10} {'rules ms':>10} "
        f"{'pay+awards':>10} {'floor ms':>9} {'pydantic':>10} {'pandas':>9} "
        f"{'bundle MiB':>10} {'peak MiB':>9}"
    )
    for r in results:
        streamed = " (streamed; bundle = resident memory)" if r.get("streamed") else ""
        print(
            f"{r['scale']:>5} {r['records']:>10,} {_ms(r['load']):>10} {_ms(r['build']):>10} "
            f"{_ms(r['rules']):>10} {_ms(r['payouts']):>10} {_ms(r['floor']):>9} "
            f"{_ms(r['pydantic']):>10} {_ms(r['pandas']):>9} "
            f"{r['bundle_bytes'] / 2**20:>10,.1f} {r['peak_rss_bytes'] / 2**20:>9,.0f}{streamed}"
        )
    print()
    print("ratios (medians of interleaved rounds, same process, same data):")
    for r in results:
        shown = ", ".join(
            f"{name} {'-' if value is None else f'{value:.2f}'}"
            for name, value in ratios(r).items()
        )
        print(f"  x{r['scale']}: {shown}")
    print()
    print("targets:")
    checks: list[tuple[str, float | None, float]] = []
    by_scale = {r["scale"]: r for r in results}
    if 10 in by_scale:
        ten = ratios(by_scale[10])
        checks.append(("x10 awards + pay <= 1.5 x floor", ten["payouts/floor"], 1.5))
        checks.append(("x10 load + all rules <= 2 x pandas", ten["load+rules/pandas"], 2.0))
    for scale in (1, 10):
        if scale in by_scale:
            load = ratios(by_scale[scale])["load/pydantic"]
            checks.append((f"x{scale} load <= 1.2 x pydantic", load, 1.2))
    largest = max(by_scale)
    if 1 in by_scale and largest > 1:
        for key in ("build", "rules"):
            growth = _per_record(by_scale[largest], key) / _per_record(by_scale[1], key)
            checks.append((f"{key} per record x{largest} within 1.25 of x1", growth, 1.25))
    for name, ratio, limit in checks:
        shown = "-" if ratio is None else f"{ratio:6.2f}"
        met = ratio is not None and ratio <= limit
        print(f"  {name:<44} ratio {shown:>6}  {'met' if met else 'NOT met'}")
    for r in results:
        if r.get("streamed"):
            minutes, gib = r["load"] / 60, r["load_peak_rss_bytes"] / 2**30
            line = f"  x{r['scale']} streamed: load {minutes:.1f} min, loading's peak {gib:.1f} GiB"
            if r["scale"] != STREAM_TARGET_SCALE:
                # In proportion to the scale, above the process's size before loading.
                times, base = STREAM_TARGET_SCALE / r["scale"], r["load_base_rss_bytes"] / 2**30
                line += f" (x{STREAM_TARGET_SCALE} in proportion: {minutes * times:.0f} min, "
                line += f"{base + (gib - base) * times:.0f} GiB)"
            print(f"{line}; target at x{STREAM_TARGET_SCALE}: load < 6 min, peak < 8 GiB")


def _memory_bytes() -> int:
    """The machine's memory, or its container's limit when that is lower."""
    physical = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    limit = Path("/sys/fs/cgroup/memory.max")
    text = limit.read_text().strip() if limit.exists() else "max"
    return min(physical, int(text)) if text.isdigit() else physical


def check_fits(scale: int, *, streamed: bool, memory: int) -> None:
    """Refuse ``scale`` if its estimated peak memory exceeds ``memory`` (bytes)."""
    mode = "streamed" if streamed else "in memory"
    needed = scale * MIB_PER_SCALE[mode] * 2**20
    if needed > memory:
        largest = memory // (MIB_PER_SCALE[mode] * 2**20)
        sys.exit(
            f"run.py: --scales {scale}: measured {mode}, it needs about {needed / 2**30:,.0f} GiB "
            f"({MIB_PER_SCALE[mode]} MiB per unit of scale) and this machine has "
            f"{memory / 2**30:,.1f} GiB; the largest scale that fits {mode} is about {largest}."
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 30])
    parser.add_argument("--rounds", "--runs", dest="runs", type=int, default=5)
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
    for scale in args.scales:
        check_fits(scale, streamed=scale >= args.stream_from, memory=_memory_bytes())
    results = []
    for scale in args.scales:
        started = time.perf_counter()
        streamed = ["--streamed"] if scale >= args.stream_from else []
        completed = subprocess.run(  # noqa: S603 - this script, this interpreter
            [sys.executable, __file__, "--one", str(scale), "--rounds", str(args.runs), *streamed],
            stdout=subprocess.PIPE,
            text=True,
            check=True,
        )
        results.append(json.loads(completed.stdout))
        # Each scale's figures as soon as they are known: a long run stopped early keeps them.
        print(f"x{scale} measured in {time.perf_counter() - started:,.0f} s", file=sys.stderr)
        print(json.dumps(results[-1]), file=sys.stderr)
    report(results)


if __name__ == "__main__":
    main()
