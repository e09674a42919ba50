"""Monte Carlo benchmark: one million draws over every driver, target and milestone, five years.

Run with ``python bench/bench_montecarlo.py [--draws N] [--runs R] [--scenario NAME]``.
Prints a Markdown table: the median wall time of ``R`` runs (each draws, projects, checks
every target and keeps the first 65,536 draws for quantiles) and their CPU time (which other
load on the machine does not inflate), the peak memory of one more run
(traced numpy/Python allocations, and the process's peak resident size), the time numpy alone
takes to draw the same number of float32 normals on the same threads (the floor), and the
ratio against ``bench/reference_loop.py``, the plain per-draw Python loop of the same model.
The loop is timed on ``--reference-draws`` draws and extrapolated linearly to ``N`` (it
has no per-run set-up worth the name, so the extrapolation is fair; it says so below).
"""

from __future__ import annotations

import argparse
import platform
import resource
import statistics
import sys
import time
import tracemalloc
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reference_loop import reference_run  # noqa: E402

from sim import load_plan, load_scenario, resolve  # noqa: E402
from sim.engine.targets import all_targets  # noqa: E402
from sim.uncertainty.montecarlo import BLOCK, default_workers, run_montecarlo  # noqa: E402
from sim.uncertainty.spec import uncertainty_for  # noqa: E402


def normals_floor(count: int, workers: int) -> float:
    """Seconds numpy takes to draw ``count`` float32 standard normals on ``workers`` threads."""
    per = -(-count // (workers * 16))

    def draw(seed: int) -> None:
        rng = np.random.default_rng(seed)
        out = np.empty(per, dtype=np.float32)
        for _ in range(16):
            rng.standard_normal(dtype=np.float32, out=out)

    with ThreadPoolExecutor(workers) as pool:
        start = time.perf_counter()
        list(pool.map(draw, range(workers)))
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scenario", default="uncertain")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--reference-draws", type=int, default=2000)
    args = parser.parse_args()

    plan = load_plan()
    scenario = load_scenario(args.scenario)
    workers = args.workers or default_workers()
    unc = uncertainty_for(plan, scenario)
    years = len(resolve(plan, scenario).years) - 1
    random_drivers = int((unc.std > 0).sum())

    run_montecarlo(plan, scenario, 4 * BLOCK, seed=1, workers=workers)        # warm caches and threads
    times, cpu = [], []
    for r in range(args.runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = run_montecarlo(plan, scenario, args.draws, seed=r, workers=workers)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    tracemalloc.start()
    run_montecarlo(plan, scenario, args.draws, seed=99, workers=workers)
    traced = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024                # Linux reports KiB

    floor = statistics.median(normals_floor(random_drivers * years * args.draws, workers) for _ in range(3))
    start = time.perf_counter()
    reference_run(plan, scenario, args.reference_draws, seed=0)
    per_draw = (time.perf_counter() - start) / args.reference_draws
    loop = per_draw * args.draws
    median = statistics.median(times)

    print(f"Machine: {platform.processor() or platform.machine()}, {workers} threads, Python "
          f"{platform.python_version()}, numpy {np.__version__}. Scenario `{args.scenario}`: "
          f"{len(plan.drivers)} drivers ({random_drivers} random, correlated by a Gaussian copula), "
          f"{len(all_targets(plan))} targets and milestones, {years} years.\n")
    print("| measurement | value |")
    print("|---|---:|")
    print(f"| {args.draws:,} draws, median of {args.runs} runs | {median:.2f} s "
          f"(min {min(times):.2f}, max {max(times):.2f}) |")
    print(f"| CPU time of a run, all threads (median) | {statistics.median(cpu):.2f} s |")
    print(f"| draws per second | {args.draws / median:,.0f} |")
    print(f"| peak traced memory (numpy + Python) | {traced / 2**20:,.0f} MiB |")
    print(f"| peak resident size of the process | {rss / 2**20:,.0f} MiB |")
    print(f"| floor: numpy drawing the {random_drivers * years * args.draws:,} float32 normals alone | "
          f"{floor:.2f} s |")
    print(f"| reference loop (`bench/reference_loop.py`), per draw | {per_draw * 1e3:.2f} ms |")
    print(f"| reference loop for {args.draws:,} draws (timed on {args.reference_draws:,}, extrapolated) | "
          f"{loop:,.0f} s ({loop / 3600:.1f} h) |")
    print(f"| speed-up over the reference loop | {loop / median:,.0f}× |")
    print(f"\nP(GDP target met) in the last timed run: {result.probability[0]:.4f} "
          f"(95% interval ±{1.96 * np.sqrt(result.probability[0] * (1 - result.probability[0]) / args.draws):.4f})")


if __name__ == "__main__":
    main()
