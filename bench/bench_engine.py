"""Engine benchmark: one scenario's projection and target check, and a 10,000-scenario sweep.

Run with ``make bench`` or ``python bench/bench_engine.py [--runs N] [--sweep S] [--big B]``.
Prints a Markdown table of medians (the figures quoted in the README), then the large sweeps,
each in a fresh process so that its peak resident size is its own: ``B`` scenarios in one
vectorised call against :func:`sim.engine.sweep.sweep` in chunks, for ``B`` and ``10·B``.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from sim import check_targets, load_plan, load_scenario, project, resolve
from sim.engine.kernel import compile_plan, project_array
from sim.engine.targets import evaluate_targets


def median_ms(fn, runs: int) -> float:
    fn()  # warm caches (compiled plan, solved derived paces)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3


BIG = """
import resource, sys, time
import numpy as np
from sim import compile_plan, evaluate_targets, load_plan, load_scenario, project_array, resolve, sweep
plan = load_plan(); res = resolve(plan, load_scenario("cautious")); compiled = compile_plan(plan, plan.horizon)
n, how = int(sys.argv[1]), sys.argv[2]
flows = [plan.driver_index[d.id] for d in plan.drivers if d.dynamic == "flow"]

def chunk(start, stop):
    d = res.drivers[None] + np.random.default_rng(start).normal(0.0, 1.0, (stop - start, *res.drivers.shape))
    d[:, flows] *= 100
    return d

sweep(compiled, chunk, 4096)
t = time.perf_counter()
if how == "one":
    d = chunk(0, n)
    status = evaluate_targets(compiled, project_array(compiled, d), d).status
    met = (status == 0).sum(axis=0)
else:
    met = sweep(compiled, chunk, n, fields=("status",)).met
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024, met[0] / n)
"""


def big_sweep(n: int, how: str) -> tuple[float, int]:
    """Seconds and peak RSS [bytes] of an ``n``-scenario sweep (``one`` call or ``chunked``) in a new process."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    out = subprocess.run([sys.executable, "-c", BIG, str(n), how], check=True, capture_output=True, text=True,
                         env=env).stdout.split()
    return float(out[0]), int(out[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--sweep", type=int, default=10_000)
    parser.add_argument("--big", type=int, default=100_000)
    args = parser.parse_args()

    plan = load_plan()
    scenario = load_scenario("cautious")
    res = resolve(plan, scenario)
    compiled = compile_plan(plan, plan.horizon)
    one_d, one_a = res.drivers[None], res.actuals[None]

    def core_one():
        values = project_array(compiled, one_d, one_a)
        evaluate_targets(compiled, values, one_d, one_a)

    rng = np.random.default_rng(20260127)
    sweep = res.drivers[None] + rng.normal(0.0, 1.0, (args.sweep, *res.drivers.shape))
    sweep[:, [plan.driver_index[d.id] for d in plan.drivers if d.dynamic == "flow"]] *= 100

    def sweep_one_call(drivers=sweep):
        values = project_array(compiled, drivers)
        return evaluate_targets(compiled, values, drivers)

    def sweep_two_threads():
        halves = np.array_split(sweep, 2)
        with ThreadPoolExecutor(2) as pool:
            list(pool.map(sweep_one_call, halves))

    rows = [
        ("one scenario: project + check, arrays (all targets, required pace)", median_ms(core_one, args.runs)),
        ("one scenario: project + check as DataFrame (`check_targets`)",
         median_ms(lambda: check_targets(project(plan, scenario)), args.runs // 4)),
        (f"{args.sweep:,}-scenario sweep, one vectorised call", median_ms(sweep_one_call, 7)),
        (f"{args.sweep:,}-scenario sweep, two threads", median_ms(sweep_two_threads, 7)),
    ]
    statuses = sweep_one_call().status
    print(f"Machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}, "
          f"numpy {np.__version__}; {len(plan.drivers)} drivers, {statuses.shape[1]} targets and milestones, "
          f"{len(compiled.years) - 1} years\n")
    print("| measurement | median |")
    print("|---|---:|")
    for label, ms in rows:
        print(f"| {label} | {ms:,.2f} ms |")
    per = rows[2][1] / args.sweep * 1e3
    print(f"\nSweep cost per scenario: {per:.1f} µs; share of sweep scenarios meeting the GDP target: "
          f"{(statuses[:, 0] == 0).mean():.1%}\n")
    print("| large sweep (fresh process; drivers drawn chunk by chunk) | time | per scenario | peak RSS |")
    print("|---|---:|---:|---:|")
    for n, how in ((args.big, "one"), (args.big, "chunked"), (10 * args.big, "chunked")):
        seconds, rss = big_sweep(n, how)
        label = "one vectorised call" if how == "one" else "`sim.sweep`, chunks of 4,096"
        print(f"| {n:,} scenarios, {label} | {seconds:.2f} s | {seconds / n * 1e6:.1f} µs | {rss / 2**30:.2f} GiB |")
    print(f"\nLoad average at the end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
