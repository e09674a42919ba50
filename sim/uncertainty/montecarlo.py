"""Monte Carlo over a scenario's uncertainty: chunked, multi-threaded, reproducible.

How a draw is made
------------------
1. Standard normal scores, one per random driver and year, from a numpy ``Generator``.
2. ``persistence`` ρ ties each driver's score to its previous year's (``z_t ← ρ z_{t−1} +
   √(1−ρ²) z_t``, so every year stays standard normal).
3. The Gaussian copula: scores of correlated drivers are multiplied by a factor ``F`` of
   their correlation matrix (``F Fᵀ = R``, Cholesky, or an eigen square root when ``R`` is
   singular); uncorrelated drivers are left alone.
4. Each score becomes a deviation through its marginal: ``sd·z`` for a normal (identical to
   ``ppf(Φ(z))`` and exact in the tails), ``ppf(Φ(z))`` of the :mod:`scipy.stats` triangular
   or uniform otherwise.
5. Deviations are added to the scenario's driver paths (on the log scale for compound
   drivers, see :mod:`sim.uncertainty`) and the paths are projected with
   :func:`sim.engine.projection.project_array`, the same code as every other projection. Paces are
   written year-major with the draws last, (Y, D, n) in memory, and handed over as an
   (n, D, Y) view, the layout a vectorised projection reads fastest.
6. Each target is checked per draw by :class:`~sim.uncertainty.counter.TargetCounter`, with the
   rules of :mod:`sim.engine.measure`; only the counts leave the worker (and the first ``sample`` draws).

Reproducibility and chunks
--------------------------
Draws are made in fixed blocks of :data:`BLOCK` draws; block ``b`` takes its numbers from
``SeedSequence(seed, spawn_key=(b,))`` and nothing else. A chunk (the unit handed to a worker
thread, and the memory bound) is a run of whole blocks, and every later step works draw by
draw, so the same seed gives the same numbers whatever the chunk size, the number of threads
or the order in which chunks finish. Driver scores are always drawn in single precision; the
arithmetic runs in ``dtype`` (float32 by default, float64 on request).

Results and their accuracy
--------------------------
* Probability of meeting each target over **all** draws, with a Wilson 95 % interval.
  Single precision rounds a level by about 10⁻⁷ of its value (10⁻⁶ after the compounding of
  a decade), so only draws that close to a target can be classed differently from a
  double-precision check, as often up as down: far below the sampling error. Targets that
  no random driver reaches are decided once, in double precision, so a scenario that meets
  one exactly is not lost to rounding.
* Quantiles (P5, P25, P50, P75, P95) of every indicator and year, exact over the first
  ``sample`` draws (65,536 by default: the estimated P5 then lies between the true P4.83 and
  P5.17 with 95 % confidence, ±1.96·√(p(1−p)/n)). The same draws are kept for export.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass

import numpy as np

from sim.engine.kernel import compile_plan, project_array
from sim.engine.measure import MET
from sim.engine.resolve import ResolvedScenario, resolve
from sim.engine.targets import all_targets
from sim.io.errors import InputError
from sim.io.plan import Plan, Target
from sim.io.scenario import Scenario
from sim.uncertainty.counter import TargetCounter, fixed_targets, status_of
from sim.uncertainty.results import QUANTILES, MonteCarloResult, wilson_interval
from sim.uncertainty.sampler import Sampler
from sim.uncertainty.spec import Uncertainty, uncertainty_for

#: Draws per random block: the unit that owns a child seed.
BLOCK = 4096
#: Default draws per chunk (a whole number of blocks).
DEFAULT_CHUNK = 2 * BLOCK
#: Default number of leading draws kept for quantiles and export.
DEFAULT_SAMPLE = 16 * BLOCK

Progress = Callable[[int, int], None]


def resolve_seed(seed: int | None) -> int:
    """The entropy a run uses: ``seed`` itself (0 included), or fresh entropy for None."""
    if seed is None:
        return int(np.random.SeedSequence().entropy)
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
        raise InputError("arguments", "seed", f"{seed!r} must be a whole number ≥ 0")
    return int(seed)


# --------------------------------------------------------------------------- running

@dataclass(frozen=True)
class _Job:
    """Everything a worker needs. Shared between threads: read-only except ``kept_*``, of
    which each chunk writes only its own rows."""

    sampler: Sampler
    compiled: object
    paths: np.ndarray
    actuals: np.ndarray | None
    counter: TargetCounter
    entropy: int
    dtype: np.dtype
    kept_values: np.ndarray
    kept_drivers: np.ndarray
    cancel: threading.Event

    def drivers(self, start: int, stop: int) -> np.ndarray | None:
        """Paces of draws ``start``…``stop`` (whole blocks), shape (n, D, Y), or None if cancelled."""
        D, Y = self.paths.shape
        out = np.empty((Y, D, stop - start), dtype=self.dtype)
        for block in range(start // BLOCK, -(-stop // BLOCK)):
            if self.cancel.is_set():
                return None
            s, e = block * BLOCK, min((block + 1) * BLOCK, stop)
            dev = self.sampler.deviations(self.entropy, block, e - s, self.dtype)
            self.sampler.compose(dev, self.paths, out[:, :, s - start:e - start])
        return out.transpose(2, 1, 0)

    def __call__(self, start: int, stop: int) -> tuple | None:
        drivers = self.drivers(start, stop)
        if drivers is None:
            return None
        # Draws are held at each indicator's domain (a share cannot pass 100 %), and counted.
        clipped = np.zeros((stop - start, self.compiled.n_indicators), dtype=bool)
        values = project_array(self.compiled, drivers, self.actuals, clip=True, clipped=clipped)
        m = max(0, min(stop, len(self.kept_values)) - start)
        if m:
            self.kept_values[start:start + m] = values[:m]
            self.kept_drivers[start:start + m] = drivers[:m]
        met, risk = self.counter.count(values)
        return stop - start, met, risk, clipped.sum(axis=0), int(clipped.any(axis=1).sum())


def simulate(plan: Plan, resolved: ResolvedScenario, uncertainty: Uncertainty, draws: int,
             seed: int | None = 0, *, targets: tuple[Target, ...] | None = None,
             paths: np.ndarray | None = None, chunk: int = DEFAULT_CHUNK, sample: int = DEFAULT_SAMPLE,
             dtype=np.float32, workers: int | None = None,
             progress: Progress | None = None) -> MonteCarloResult:
    """Run the Monte Carlo for an already resolved scenario (see :func:`run_montecarlo`).

    ``paths`` (D, Y) replaces the scenario's driver paths, e.g. shifted by a goal seek.
    """
    if isinstance(draws, bool) or not isinstance(draws, int | np.integer) or draws < 1:
        raise InputError("arguments", "draws", f"{draws!r} must be a whole number ≥ 1")
    if isinstance(chunk, bool) or not isinstance(chunk, int | np.integer) or chunk < 1:
        raise InputError("arguments", "chunk", f"{chunk!r} must be a whole number ≥ 1")
    dtype = np.dtype(dtype)
    if dtype not in (np.float32, np.float64):
        raise ValueError(f"dtype must be float32 or float64, not {dtype}")
    started = time.perf_counter()
    entropy = resolve_seed(seed)
    targets = all_targets(plan) if targets is None else tuple(targets)
    compiled = compile_plan(plan, resolved.years[-1])
    chunk = -(-int(chunk) // BLOCK) * BLOCK
    keep = min(int(sample), int(draws))
    actuals = resolved.actuals[None].astype(dtype) if np.isfinite(resolved.actuals).any() else None
    n_ind, n_year = len(plan.indicators), len(resolved.years)
    base = resolved.drivers if paths is None else np.asarray(paths, dtype=float)
    job = _Job(Sampler(uncertainty, n_year - 1), compiled, base, actuals,
               TargetCounter(plan, targets, fixed_targets(plan, targets, uncertainty, resolved, base)),
               entropy, dtype,
               np.empty((keep, n_ind, n_year), dtype=dtype),
               np.empty((keep, len(plan.drivers), n_year - 1), dtype=dtype), threading.Event())
    met = np.zeros(len(targets), dtype=np.int64)
    risk = np.zeros(len(targets), dtype=np.int64)
    clipped = np.zeros(n_ind, dtype=np.int64)
    clipped_draws = [0]

    def absorb(part) -> int:
        n, m, r, c, any_c = part
        met[:] += m
        risk[:] += r
        clipped[:] += c
        clipped_draws[0] += any_c
        return n

    spans = [(s, min(s + chunk, int(draws))) for s in range(0, int(draws), chunk)]
    _run_spans(job, spans, absorb, workers, progress, int(draws))
    return MonteCarloResult(plan=plan, resolved=resolved, uncertainty=uncertainty, targets=targets,
                            draws=int(draws), seed=entropy, met=met, at_risk=risk,
                            sample_values=job.kept_values, sample_drivers=job.kept_drivers, paths=base,
                            seconds=time.perf_counter() - started, clipped=clipped,
                            clipped_draws=clipped_draws[0])


def _run_spans(job: _Job, spans, absorb, workers: int | None, progress: Progress | None, total: int) -> None:
    """Run ``job`` over ``spans`` on a thread pool; Ctrl-C (or a raising ``progress``) stops
    every worker at its next block and is re-raised."""
    # Chunks run on pool threads even with one worker: numpy releases the GIL in the heavy
    # loops, and a worker thread's allocator arena is not trimmed after every chunk as the
    # main thread's is (which costs page faults on the next chunk).
    workers = max(1, min(workers or default_workers(), len(spans)))
    done = 0
    pool = ThreadPoolExecutor(workers, thread_name_prefix="montecarlo")
    futures = [pool.submit(job, *span) for span in spans]
    try:
        pending = set(futures)
        while pending:
            finished, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            for future in finished:
                done += absorb(future.result())
            if finished and progress:
                progress(done, total)
    except BaseException:
        job.cancel.set()
        for future in futures:
            future.cancel()
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def default_workers() -> int:
    """Threads to use: the CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def run_montecarlo(plan: Plan, scenario: Scenario, draws: int = 100_000, seed: int | None = 0, *,
                   scale: float = 1.0, persistence: float | None = None,
                   uncertainty: Uncertainty | None = None, milestones: bool = True,
                   chunk: int = DEFAULT_CHUNK, sample: int = DEFAULT_SAMPLE, dtype=np.float32,
                   workers: int | None = None, progress: Progress | None = None) -> MonteCarloResult:
    """Probability of meeting every target of ``plan`` under ``scenario``'s uncertainty.

    Parameters
    ----------
    plan : Plan
    scenario : Scenario
    draws : int
        Number of draws (≥ 1).
    seed : int or None
        Seed (0 is a seed like any other); None draws fresh entropy, reported in the result.
    scale : float
        Multiplier on every spread, on top of the scenario's own ``scale``.
    persistence : float, optional
        Overrides the scenario's year-to-year persistence (0 … 1).
    uncertainty : Uncertainty, optional
        Use this instead of reading the scenario's tables (``scale``/``persistence`` ignored).
    milestones : bool
        Also count the intermediate-year milestones.
    chunk : int
        Draws per chunk of work (rounded up to whole blocks of :data:`BLOCK`); sets memory
        use (about 5 kB per draw in flight per thread: 40 MB for the default), not the results.
    sample : int
        Leading draws kept for quantiles and export (about 2 kB each in single precision:
        140 MB for the default 65,536).
    dtype : float32 or float64
    workers : int, optional
        Threads (default: every available CPU).
    progress : callable(done, total), optional
        Called in the calling thread after each chunk; raise from it to cancel.

    Returns
    -------
    MonteCarloResult

    Raises
    ------
    ScenarioError, InputError
        For bad uncertainty settings or arguments.
    """
    resolved = resolve(plan, scenario)
    if uncertainty is None:
        uncertainty = uncertainty_for(plan, scenario, resolved, scale=scale, persistence=persistence)
    return simulate(plan, resolved, uncertainty, draws, seed, targets=all_targets(plan, milestones),
                    chunk=chunk, sample=sample, dtype=dtype, workers=workers, progress=progress)


__all__ = ["BLOCK", "MET", "QUANTILES", "MonteCarloResult", "Sampler", "TargetCounter", "run_montecarlo", "simulate",
           "status_of", "wilson_interval"]
