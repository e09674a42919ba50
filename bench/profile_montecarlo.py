"""Where a Monte Carlo draw's time goes: CPU per draw of each stage, next to the floor.

Run with ``python bench/profile_montecarlo.py [--chunks N] [--scenario NAME]``. Runs the chunks
of a seeded run on one worker thread, as ``run_montecarlo`` does (a worker thread's allocator
is not trimmed between chunks as the main thread's is), timing each stage with the thread's
CPU clock, and prints a Markdown table: µs of CPU per draw and share of the whole. The floor is
numpy drawing the same draws' float32 normals (every random driver × every year) with SFC64
into a reused block-sized buffer on the same thread, measured in the same run. Stages nest: the
indented ones are parts of the line above them.
"""

from __future__ import annotations

import argparse
import functools
import os
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import numpy as np

import sim.engine.kernel as kernel
import sim.uncertainty.counter as counter
import sim.uncertainty.montecarlo as mc
import sim.uncertainty.sampler as sampler
from sim import load_plan, load_scenario

STAGES = (  # (owner, attribute, label)
    (mc._Job, "__call__", "whole chunk"),
    (sampler.Sampler, "paces", "draw and compose paces"),
    (sampler.Sampler, "_part_scores", "  normals and copula"),
    (sampler._Shape, "__call__", "  triangular and uniform marginals"),
    (sampler, "_compose", "  compose (gain, exp, shift)"),
    (mc, "project_array", "project"),
    (kernel, "project_paths", "  driver paths (with domain holds)"),
    (kernel, "_derive_row", "  derived indicators"),
    (kernel, "follow_links", "  links"),
    (counter.TargetCounter, "count", "count targets"),
)


def instrument(spent: Counter) -> None:
    """Wrap each stage so that it adds its thread CPU time to ``spent``."""
    for owner, name, label in STAGES:
        inner = getattr(owner, name)

        @functools.wraps(inner)
        def timed(*args, _inner=inner, _label=label, **kwargs):
            start = time.thread_time()
            try:
                return _inner(*args, **kwargs)
            finally:
                spent[_label] += time.thread_time() - start

        setattr(owner, name, timed)


def capture_job(plan, scenario) -> mc._Job:
    """The job of a seeded run with no kept sample (so every chunk is a plain one)."""
    seen = {}
    run_spans = mc._run_spans

    def grab(job, *args):
        seen["job"] = job
        return run_spans(job, *args)

    mc._run_spans = grab
    try:
        mc.run_montecarlo(plan, scenario, draws=mc.DEFAULT_CHUNK, seed=1, sample=0)
    finally:
        mc._run_spans = run_spans
    return seen["job"]


def floor(normals_per_draw: int, draws: int) -> float:
    """Thread CPU seconds per draw numpy takes to draw ``normals_per_draw`` float32 normals."""
    rng = np.random.Generator(np.random.SFC64(1))
    out = np.empty((normals_per_draw, mc.BLOCK), dtype=np.float32)
    rng.standard_normal(dtype=np.float32, out=out)
    start = time.thread_time()
    for _ in range(-(-draws // mc.BLOCK)):
        rng.standard_normal(dtype=np.float32, out=out)
    return (time.thread_time() - start) / (-(-draws // mc.BLOCK) * mc.BLOCK)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunks", type=int, default=32, help="chunks timed (default 32)")
    parser.add_argument("--scenario", default="uncertain")
    args = parser.parse_args()
    plan, scenario = load_plan(), load_scenario(args.scenario)
    job = capture_job(plan, scenario)
    chunk, draws = mc.DEFAULT_CHUNK, args.chunks * mc.DEFAULT_CHUNK
    spent: Counter = Counter()
    instrument(spent)

    def run() -> None:
        for i in range(1, args.chunks + 1):
            job(i * chunk, (i + 1) * chunk)

    with ThreadPoolExecutor(1) as pool:
        pool.submit(run).result()                                    # warm the buffers
        spent.clear()
        pool.submit(run).result()
        normals = len(job.sampler.active) * (len(job.compiled.years) - 1)
        base = pool.submit(floor, normals, draws).result()
    whole = spent["whole chunk"]
    print(f"Scenario `{args.scenario}`, {draws:,} draws in chunks of {chunk:,} on one thread; "
          f"load average {os.getloadavg()[0]:.2f}.\n")
    print("| stage | CPU per draw | share |\n|---|---:|---:|")
    for _, _, label in STAGES:
        print(f"| {label.replace('  ', '↳ ')} | {spent[label] / draws * 1e6:.2f} µs | {spent[label] / whole:.0%} |")
    print(f"| floor: {normals} float32 normals (SFC64) | {base * 1e6:.2f} µs | {base * draws / whole:.0%} |")
    print(f"\nWhole chunk / floor: {whole / draws / base:.2f}×")


if __name__ == "__main__":
    main()
