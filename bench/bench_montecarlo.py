"""Monte Carlo benchmark: one million draws over every driver, target and milestone, five years.

Run with ``python bench/bench_montecarlo.py [--draws N] [--runs R] [--scenario NAME]``.
Prints a Markdown table in which every figure stands next to what it is compared with,
measured in the same run: the warm run (median of ``R``, wall and CPU) and a run in a fresh
process against the floor (numpy drawing the same number of float32 normals with SFC64 on the
same threads, measured just before each run so both see the same load); ``fyp mc`` end to end
against the in-process time; peak memory at a quarter, one and four times ``N`` draws and at a
2050 horizon; and ``bench/reference_loop.py``, the plain per-draw Python loop of the same model, timed on
``--reference-draws`` draws and extrapolated linearly (it has no set-up worth the name).
``fyp --help`` and ``fyp check plan`` against importing numpy and pandas: ``bench/bench_commands.py``."""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
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
from sim.uncertainty.montecarlo import BLOCK, Sampler, default_workers, run_montecarlo  # noqa: E402
from sim.uncertainty.spec import uncertainty_for  # noqa: E402


def normals_floor(count: int, workers: int) -> tuple[float, float]:
    """Wall and CPU seconds numpy takes to draw ``count`` float32 standard normals with SFC64
    (the engine's generator) on ``workers`` threads, into reused buffers."""
    per = -(-count // (workers * 16))

    def draw(seed: int) -> None:
        rng = np.random.Generator(np.random.SFC64(seed))
        out = np.empty(per, dtype=np.float32)
        for _ in range(16):
            rng.standard_normal(dtype=np.float32, out=out)

    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(draw, [100 + w for w in range(workers)]))                  # threads up
        start, start_cpu = time.perf_counter(), time.process_time()
        list(pool.map(draw, range(workers)))
        return time.perf_counter() - start, time.process_time() - start_cpu


FRESH = """
import resource, sys, time
t0 = time.perf_counter()
from sim import load_plan, load_scenario
from sim.uncertainty.montecarlo import run_montecarlo
plan = load_plan(); scn = load_scenario(sys.argv[1])
if int(sys.argv[3]): scn = scn.with_changes(horizon=int(sys.argv[3]))
t1, c1 = time.perf_counter(), time.process_time()
r = run_montecarlo(plan, scn, int(sys.argv[2]), seed=7)
u = resource.getrusage(resource.RUSAGE_SELF)
print(time.perf_counter() - t1, time.process_time() - c1, u.ru_maxrss * 1024, u.ru_minflt, r.sample_values.nbytes)
"""


def fresh(scenario: str, draws: int, horizon: int = 0) -> tuple[float, float, int, int, int]:
    """A run in a new process: wall, CPU, peak RSS [bytes], minor page faults, kept-sample bytes."""
    out = subprocess.run([sys.executable, "-c", FRESH, scenario, str(draws), str(horizon)], check=True,
                         capture_output=True, text=True, env=ENV).stdout.split()
    return float(out[0]), float(out[1]), int(out[2]), int(out[3]), int(out[4])


def command(argv: list[str]) -> float:
    """Wall seconds of ``python -m sim ARGV`` in a new process."""
    return _wall([sys.executable, "-m", "sim", *argv])


ENV = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}


def pysd_note() -> str:
    try:
        import pysd  # noqa: F401
    except ImportError:
        return "PySD is not installed: no PySD comparison in this run"
    return "PySD is installed, but no model of this plan exists in its format: not compared"


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
    resolved = resolve(plan, scenario)
    years = len(resolved.years) - 1
    # The floor counts the drivers a draw can move: one that follows its link is not drawn.
    random_drivers = len(Sampler(unc, years, still=np.isnan(resolved.kernel_drivers).all(axis=1)).active)
    linked = int(((unc.std > 0) & np.isnan(resolved.kernel_drivers).all(axis=1)).sum())
    count = random_drivers * years * args.draws

    run_montecarlo(plan, scenario, 4 * BLOCK, seed=1, workers=workers)        # warm caches and threads
    times, cpu, floors = [], [], []
    for r in range(args.runs):
        # floor and run interleaved, so that both see the same load on the machine
        floors.append(normals_floor(count, workers))
        start, start_cpu = time.perf_counter(), time.process_time()
        result = run_montecarlo(plan, scenario, args.draws, seed=r, workers=workers)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    tracemalloc.start()
    run_montecarlo(plan, scenario, args.draws, seed=99, workers=workers)
    traced = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()

    cold = [fresh(args.scenario, args.draws) for _ in range(3)]
    cold_wall = statistics.median(c[0] for c in cold)
    small = fresh(args.scenario, args.draws // 4)
    big = fresh(args.scenario, args.draws * 2)
    long_run = fresh(args.scenario, args.draws // 4, 2050)
    e2e = [command(["mc", args.scenario, "--draws", str(args.draws)]) for _ in range(3)]

    start = time.perf_counter()
    reference_run(plan, scenario, args.reference_draws, seed=0)
    per_draw = (time.perf_counter() - start) / args.reference_draws
    loop = per_draw * args.draws
    median = statistics.median(times)
    floor_wall = statistics.median(f[0] for f in floors)
    floor_cpu = statistics.median(f[1] for f in floors)
    mib = 2**20

    print(f"Machine: {platform.processor() or platform.machine()}, {workers} threads, Python "
          f"{platform.python_version()}, numpy {np.__version__}; load average {os.getloadavg()[0]:.2f} at the end. "
          f"Scenario `{args.scenario}`: {len(plan.drivers)} drivers ({random_drivers} random, correlated by a "
          f"Gaussian copula), {len(all_targets(plan))} targets and milestones, {years} years.\n")
    print("| measurement | value | compared with | ratio (aim) |")
    print("|---|---:|---:|---:|")
    print(f"| {args.draws:,} draws, warm, median of {args.runs} runs (wall) | {median:.2f} s "
          f"(min {min(times):.2f}) | floor {floor_wall:.2f} s | {median / floor_wall:.2f}× (≤ 1.2×) |")
    print(f"| the same, CPU time of all threads | {statistics.median(cpu):.2f} s | floor {floor_cpu:.2f} s | "
          f"{statistics.median(cpu) / floor_cpu:.2f}× |")
    print(f"| {args.draws:,} draws in a fresh process (wall, median of 3) | {cold_wall:.2f} s | floor "
          f"{floor_wall:.2f} s | {cold_wall / floor_wall:.2f}× (≤ 1.2×) |")
    print(f"| minor page faults of that process | {statistics.median(c[3] for c in cold):,.0f} | | |")
    print(f"| `fyp mc {args.scenario} --draws {args.draws:,}` end to end (wall, median of 3) | "
          f"{statistics.median(e2e):.2f} s | in-process {median:.2f} s | {statistics.median(e2e) / median:.2f}× (≤ 1.6×) |")
    print(f"| peak RSS, {args.draws // 4:,} / {args.draws:,} / {args.draws * 2:,} draws (fresh processes) | "
          f"{small[2] / mib:,.0f} / {statistics.median(c[2] for c in cold) / mib:,.0f} / {big[2] / mib:,.0f} MiB | "
          "flat in draws | |")
    print(f"| peak RSS, horizon 2050, {args.draws // 4:,} draws (kept sample {long_run[4] / mib:,.0f} MiB) | "
          f"{long_run[2] / mib:,.0f} MiB | 2030: {small[2] / mib:,.0f} MiB | |")
    print(f"| peak traced memory of a warm run (numpy + Python) | {traced / mib:,.0f} MiB | | |")
    print(f"| reference loop (`bench/reference_loop.py`), per draw | {per_draw * 1e3:.2f} ms | | |")
    print(f"| reference loop for {args.draws:,} draws (timed on {args.reference_draws:,}, extrapolated) | "
          f"{loop:,.0f} s | this run {median:.2f} s | {loop / median:,.0f}× faster |")
    print(f"\nFloor: numpy drawing the {count:,} float32 normals of {random_drivers} random drivers × {years} years × "
          f"{args.draws:,} draws with SFC64 on {workers} threads, into reused buffers, measured before each run "
          f"({linked} drivers with a spread follow their link and are not drawn). {pysd_note()}.")
    p, n = result.probability[0], args.draws
    print(f"P(GDP target met) in the last timed run: {p:.4f} (standard error {np.sqrt(p * (1 - p) / n):.4f})")


def _wall(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, capture_output=True, env=ENV)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
