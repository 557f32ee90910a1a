"""The partitioned benchmark: the demo company at 100x, in parts, on 2 worker processes vs one.

Run ``python benchmarks/partitioned.py`` (``--scale``, ``--parts``, ``--workers``
to change the defaults: 100, 16, 2). In the same run it

1. builds the demo company at ``--scale`` in a preparing process and writes it
   as JSON Lines twice: whole, and split by employee into ``--parts`` parts
   (the recipe of ``examples/holding_on_dask.py``);
2. in a fresh process, loads the whole bundle and evaluates training coverage,
   engagement, elimination, inspection activity, injury rates, the year's reward
   awards and its inspector pay (one process);
3. in another fresh process, evaluates the parts on a pool of ``--workers``
   processes (each loads its part, computes the partial results, returns
   them), combines and finalizes;

then checks that both give the same serialised results and prints the wall
and CPU times, their ratio, and the peak resident memory of the single
process, of each worker and of the process that combines. The point: no worker
holds the whole bundle.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent.parent / "examples"))

import holding_on_dask as recipe

from ohs_domain import demo, serialization


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def prepare(folder: Path, scale: int, parts: int) -> None:
    records = demo.build_records(scale)
    serialization.write_json_lines(records, folder / "whole")
    recipe.write_parts(records, folder / "parts", parts)


def single(folder: Path) -> dict[str, Any]:
    started, cpu = time.perf_counter(), _cpu()
    results = recipe.in_one_process(serialization.read_json_lines(folder / "whole"))
    return {
        "seconds": time.perf_counter() - started,
        "cpu": _cpu() - cpu,
        "peak_mib": _peak_mib(),
        "results": [serialization.dump_json(r) for r in results],
    }


def _worker(path: str) -> tuple[Any, int, float, float]:
    cpu = _cpu()
    partials = recipe.evaluate_part(path)
    return partials, os.getpid(), _peak_mib(), _cpu() - cpu


def partitioned(folder: Path, workers: int) -> dict[str, Any]:
    paths = sorted(str(p) for p in (folder / "parts").iterdir())
    started, cpu = time.perf_counter(), _cpu()
    peaks: dict[int, float] = {}
    worker_cpu = 0.0
    with ProcessPoolExecutor(max_workers=workers) as pool:
        done = list(pool.map(_worker, paths))
    for _, pid, peak, used in done:
        peaks[pid] = max(peaks.get(pid, 0.0), peak)
        worker_cpu += used
    merged = functools.reduce(recipe.merge, (partials for partials, *_ in done), recipe.NOTHING)
    results = [p.finalize() for p in merged]
    return {
        "seconds": time.perf_counter() - started,
        "cpu": _cpu() - cpu + worker_cpu,
        "parts": len(paths),
        "worker_peak_mib": sorted(peaks.values()),
        "combining_peak_mib": _peak_mib(),
        "results": [serialization.dump_json(r) for r in results],
    }


def _in_fresh_process(*args: str) -> dict[str, Any]:
    completed = subprocess.run(  # noqa: S603 - this script, with this interpreter
        [sys.executable, __file__, *args], capture_output=True, text=True, check=True
    )
    report: dict[str, Any] = json.loads(completed.stdout)
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=100)
    parser.add_argument("--parts", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--step", choices=["prepare", "single", "partitioned"], help="internal")
    parser.add_argument("--folder", type=Path, help="internal")
    args = parser.parse_args()
    if args.step == "prepare":
        prepare(args.folder, args.scale, args.parts)
        print(json.dumps({"peak_mib": _peak_mib()}))
        return
    if args.step == "single":
        print(json.dumps(single(args.folder)))
        return
    if args.step == "partitioned":
        print(json.dumps(partitioned(args.folder, args.workers)))
        return
    with tempfile.TemporaryDirectory() as temporary:
        folder = str(temporary)
        common = ["--folder", folder, "--scale", str(args.scale), "--parts", str(args.parts)]
        prepared = _in_fresh_process("--step", "prepare", *common)
        one = _in_fresh_process("--step", "single", *common)
        split = _in_fresh_process("--step", "partitioned", *common, "--workers", str(args.workers))
    assert one.pop("results") == split.pop("results"), "partitioned results differ"
    print(f"demo company at {args.scale}x, {split['parts']} parts, {args.workers} workers")
    print(f"prepare (build, split, write): peak {prepared['peak_mib']:,.0f} MiB")
    print(
        f"one process: {one['seconds']:.1f} s wall, {one['cpu']:.1f} s CPU, "
        f"peak {one['peak_mib']:,.0f} MiB"
    )
    print(
        f"{args.workers} workers: {split['seconds']:.1f} s wall, {split['cpu']:.1f} s CPU in all, "
        f"peak per worker {', '.join(f'{m:,.0f}' for m in split['worker_peak_mib'])} MiB, "
        f"combining process {split['combining_peak_mib']:,.0f} MiB"
    )
    print(
        f"time ratio (workers ÷ one process): {split['seconds'] / one['seconds']:.2f} wall, "
        f"{split['cpu'] / one['cpu']:.2f} CPU; peak memory per worker ÷ one process: "
        f"{max(split['worker_peak_mib']) / one['peak_mib']:.2f}"
    )
    print("results identical: yes")


if __name__ == "__main__":
    main()
