"""Monte Carlo over a scenario's uncertainty: chunked, multi-threaded, reproducible.

How a draw is made
------------------
1. Standard normal scores, one per random driver and year, from a numpy ``Generator`` on
   :class:`numpy.random.SFC64`, drawn straight into a reused buffer. Drivers that no counted
   target reads are drawn only for the kept draws (from a stream of their own, see
   :mod:`sim.uncertainty.sampler`); a driver that follows its link (NaN path) is not drawn at
   all, since no deviation can move it.
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
   written year-major with the draws last, (Y, D, n) in memory, one contiguous block per run of
   neighbouring drivers of one kind, and handed over as an (n, D, Y) view, the layout a
   vectorised projection reads fastest.
6. Each target is checked per draw by :class:`~sim.uncertainty.counter.TargetCounter`, with the
   rules of :mod:`sim.engine.measure`; only the counts leave the worker (and the first ``sample`` draws).

Reproducibility and chunks
--------------------------
Draws are made in fixed blocks of :data:`BLOCK` draws; block ``b`` takes its numbers from
``SeedSequence(seed, spawn_key=(b,))`` (and ``(b, 1)`` for the drivers no target reads) and
nothing else. A chunk (the unit handed to a worker
thread, and the memory bound) is a run of whole blocks, and every later step works draw by
draw, so the same seed gives the same numbers whatever the chunk size, the number of threads
or the order in which chunks finish. Chunks are handed out a few at a time (at most
:data:`IN_FLIGHT` per thread), so memory does not grow with the number of draws. Driver scores are always drawn in single precision; the
arithmetic runs in ``dtype`` (float32 by default, float64 on request).

Results and their accuracy
--------------------------
* Probability of meeting each target over **all** draws, with its standard error
  ``√(p(1−p)/n)`` and a Wilson 95 % interval.
  Single precision rounds a level by about 10⁻⁷ of its value (10⁻⁶ after the compounding of
  a decade), so only draws that close to a target can be classed differently from a
  double-precision check, as often up as down: far below the sampling error. Targets that
  no random driver reaches are decided once, in double precision, so a scenario that meets
  one exactly is not lost to rounding.
* Quantiles (P5, P25, P50, P75, P95) of every indicator and year, exact over the first
  ``sample`` draws (65,536 by default: the estimated P5 then lies between the true P4.83 and
  P5.17 with 95 % confidence, ±1.96·√(p(1−p)/n)). The same draws are kept for export. The
  default is capped at :data:`SAMPLE_BYTES` of kept arrays, so a long horizon keeps fewer draws
  rather than more memory (a 2050 horizon keeps 12,288).
"""

from __future__ import annotations

import itertools
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass

import numpy as np

from sim.engine.kernel import compile_plan, project_array
from sim.engine.links import fill_linked
from sim.engine.measure import MET
from sim.engine.resolve import ResolvedScenario, resolve
from sim.engine.targets import all_targets
from sim.io.errors import InputError
from sim.io.fields import check_whole
from sim.io.plan import Plan, Target
from sim.io.scenario import Scenario
from sim.uncertainty.counter import TargetCounter, fixed_targets, status_of
from sim.uncertainty.reach import check_reach
from sim.uncertainty.results import QUANTILES, MonteCarloResult, wilson_interval
from sim.uncertainty.sampler import Sampler
from sim.uncertainty.spec import Uncertainty, uncertainty_for

#: Draws per random block: the unit that owns a child seed.
BLOCK = 4096
#: Default draws per chunk (a whole number of blocks).
DEFAULT_CHUNK = 2 * BLOCK
#: Default number of leading draws kept for quantiles and export (fewer when a long horizon
#: would make them take more than :data:`SAMPLE_BYTES`).
DEFAULT_SAMPLE = 16 * BLOCK
#: Memory the default kept sample may take [bytes].
SAMPLE_BYTES = 160 * 2**20
#: Most memory a kept sample asked for (``--keep``) may take, arrays and long table [bytes].
KEEP_LIMIT = 2 * 2**30
#: Bytes of one row of the long table of kept draws (draw, indicator, year, value) in pandas.
ROW_BYTES = 96
#: Most draws one run accepts: beyond a billion the standard error of any probability is below
#: 0.000016, far under the last reported digit, and the run would take hours.
MAX_DRAWS = 10**9
#: Chunks handed to the pool per worker thread at a time (the rest wait their turn).
IN_FLIGHT = 2

Progress = Callable[[int, int], None]


def check_draws(draws) -> None:
    """Refuse a number of draws that is not a whole number from 1 to :data:`MAX_DRAWS`."""
    check_whole(draws, "draws", 1)
    if draws > MAX_DRAWS:
        raise InputError("arguments", "draws", code="draws_limit", params={"value": draws, "limit": MAX_DRAWS})


def resolve_seed(seed: int | None) -> int:
    """The entropy a run uses: ``seed`` itself (0 included), or fresh entropy for None."""
    if seed is None:
        return int(np.random.SeedSequence().entropy)
    check_whole(seed, "seed", 0)
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
    buffers: threading.local

    def _buffer(self, n: int) -> tuple[np.ndarray, np.ndarray]:
        """This thread's (Y, D, ≥ n) pace buffer and its flat scratch for one block's scores, reused
        from chunk to chunk: fresh arrays per chunk cost page faults, most of all in a new process."""
        D, Y = self.paths.shape
        out = getattr(self.buffers, "out", None)
        if out is None or out.shape[2] < n:
            out = self.buffers.out = np.empty((Y, D, n), dtype=self.dtype)
            self.sampler.fill_fixed(self.paths, out)          # once: no draw writes these rows
            self.buffers.scratch = np.empty(Y * len(self.sampler.active) * BLOCK, dtype=self.dtype)
        return out[:, :, :n], self.buffers.scratch

    def drivers(self, start: int, stop: int) -> np.ndarray | None:
        """Paces of draws ``start``…``stop`` (whole blocks), shape (n, D, Y), or None if cancelled."""
        out, scratch = self._buffer(stop - start)
        for block in range(start // BLOCK, -(-stop // BLOCK)):
            if self.cancel.is_set():
                return None
            s, e = block * BLOCK, min((block + 1) * BLOCK, stop)
            self.sampler.paces(self.entropy, block, self.paths, out[:, :, s - start:e - start], scratch,
                               rest=s < len(self.kept_values), fixed=False)
        return out.transpose(2, 1, 0)

    def __call__(self, start: int, stop: int) -> tuple | None:
        drivers = self.drivers(start, stop)
        if drivers is None:
            return None
        # Draws are held at each indicator's domain (a share cannot pass 100 %), and counted.
        clipped = np.zeros((stop - start, self.compiled.n_indicators), dtype=bool)
        values = project_array(self.compiled, drivers, self.actuals, clip=True, clipped=clipped,
                               out=getattr(self.buffers, "values", None))
        self.buffers.values = values.transpose(2, 1, 0)
        m = max(0, min(stop, len(self.kept_values)) - start)
        if m:
            self.kept_values[start:start + m] = values[:m]
            self.kept_drivers[start:start + m] = fill_linked(self.compiled, drivers[:m], values[:m])
        met, risk = self.counter.count(values)
        return stop - start, met, risk, clipped.sum(axis=0), int(clipped.any(axis=1).sum())


def simulate(plan: Plan, resolved: ResolvedScenario, uncertainty: Uncertainty, draws: int,
             seed: int | None = 0, *, targets: tuple[Target, ...] | None = None,
             paths: np.ndarray | None = None, chunk: int = DEFAULT_CHUNK, sample: int | None = None,
             dtype=np.float32, workers: int | None = None,
             progress: Progress | None = None) -> MonteCarloResult:
    """Run the Monte Carlo for an already resolved scenario (see :func:`run_montecarlo`).

    ``paths`` (D, Y) replaces the scenario's driver paths, e.g. shifted by a goal seek.
    """
    check_draws(draws)
    check_whole(chunk, "chunk", 1)
    if sample is not None:
        check_whole(sample, "sample", 0)
    dtype = np.dtype(dtype)
    if dtype not in (np.float32, np.float64):
        raise ValueError(f"dtype must be float32 or float64, not {dtype}")
    check_reach(plan, resolved, uncertainty, dtype)
    started = time.perf_counter()
    entropy = resolve_seed(seed)
    targets = all_targets(plan) if targets is None else tuple(targets)
    compiled = compile_plan(plan, resolved.years[-1])
    chunk = -(-int(chunk) // BLOCK) * BLOCK
    n_ind, n_year = len(plan.indicators), len(resolved.years)
    if sample is None:
        sample = default_sample(plan, n_year - 1)
    keep = min(int(sample), int(draws))
    check_keep(plan, n_year - 1, keep, table=False)
    actuals = resolved.actuals[None].astype(dtype) if np.isfinite(resolved.actuals).any() else None
    base = resolved.kernel_drivers if paths is None else np.asarray(paths, dtype=float)
    # A driver whose path is NaN throughout follows its link: a deviation cannot move it.
    sampler = Sampler(uncertainty, n_year - 1, needed_drivers(plan, targets), still=np.isnan(base).all(axis=1))
    job = _Job(sampler, compiled, base, actuals,
               TargetCounter(plan, targets, fixed_targets(plan, targets, uncertainty, resolved, base)),
               entropy, dtype,
               np.empty((keep, n_ind, n_year), dtype=dtype),
               np.empty((keep, len(plan.drivers), n_year - 1), dtype=dtype), threading.Event(), threading.local())
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

    spans = ((s, min(s + chunk, int(draws))) for s in range(0, int(draws), chunk))
    _run_spans(job, spans, -(-int(draws) // chunk), absorb, workers, progress, int(draws))
    return MonteCarloResult(plan=plan, resolved=resolved, uncertainty=uncertainty, targets=targets,
                            draws=int(draws), seed=entropy, met=met, at_risk=risk,
                            sample_values=job.kept_values, sample_drivers=job.kept_drivers, paths=base,
                            seconds=time.perf_counter() - started, clipped=clipped,
                            clipped_draws=clipped_draws[0])


def needed_drivers(plan: Plan, targets: tuple[Target, ...]) -> np.ndarray:
    """Drivers some target in ``targets`` reads, as a mask over ``plan.drivers`` (D,): the leaves of
    each target's indicator and, through links, the leaves of what a linked driver follows (the
    deflator and GDP's sectors move revenue, incomes and retail)."""
    follows = {link.indicator: link.inputs for link in plan.links.follow}
    if plan.links.deflator:
        follows = {k: (*v, plan.links.deflator) for k, v in follows.items()}
    ids: set[str] = set()
    todo = [leaf for t in targets for leaf in plan.leaves(t.indicator)]
    while todo:
        x = todo.pop()
        if x not in ids:
            ids.add(x)
            todo += [leaf for y in follows.get(x, ()) for leaf in plan.leaves(y)]
    return np.array([d.id in ids for d in plan.drivers], dtype=bool)


def sample_bytes(plan: Plan, years: int, k: int, table: bool = False) -> int:
    """Memory ``k`` kept draws take in single precision (and their long table, if asked) [bytes]."""
    cells = len(plan.indicators) * (years + 1)
    return k * (4 * (cells + len(plan.drivers) * years) + (ROW_BYTES * cells if table else 0))


def default_sample(plan: Plan, years: int) -> int:
    """Kept draws by default: :data:`DEFAULT_SAMPLE`, fewer (whole blocks, at least one) where a
    long horizon would take more than :data:`SAMPLE_BYTES`."""
    fits = SAMPLE_BYTES // max(1, sample_bytes(plan, years, 1))
    return int(min(DEFAULT_SAMPLE, max(BLOCK, fits // BLOCK * BLOCK)))


def check_keep(plan: Plan, years: int, k: int, table: bool = True) -> None:
    """Refuse a kept sample of ``k`` draws that would take more than :data:`KEEP_LIMIT`, before
    anything is allocated (``table``: counting the long table ``--keep`` prints)."""
    need = sample_bytes(plan, years, k, table)
    if need > KEEP_LIMIT:
        most = KEEP_LIMIT // sample_bytes(plan, years, 1, table)
        raise InputError("arguments", "--keep", code="keep_memory", params={
            "value": k, "gib": need / 2**30, "size": need, "limit_gib": KEEP_LIMIT / 2**30, "most": most})


def _run_spans(job: _Job, spans, n_spans: int, absorb, workers: int | None, progress: Progress | None,
               total: int) -> None:
    """Run ``job`` over ``spans`` (an iterator) on a thread pool, at most :data:`IN_FLIGHT`
    chunks per thread at a time; Ctrl-C (or a raising ``progress``) stops every worker at its
    next block and is re-raised."""
    # Chunks run on pool threads even with one worker: numpy releases the GIL in the heavy
    # loops, and a worker thread's allocator arena is not trimmed after every chunk as the
    # main thread's is (which costs page faults on the next chunk).
    workers = max(1, min(workers or default_workers(), n_spans))
    done = 0
    pool = ThreadPoolExecutor(workers, thread_name_prefix="montecarlo")
    pending: set = set()
    try:
        for span in itertools.chain(spans, [None]):
            if span is not None:
                pending.add(pool.submit(job, *span))
                if len(pending) < IN_FLIGHT * workers:
                    continue
            while pending and (span is None or len(pending) >= IN_FLIGHT * workers):
                finished, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                for future in finished:
                    done += absorb(future.result())
                if finished and progress:
                    progress(done, total)
    except BaseException:
        job.cancel.set()
        for future in pending:
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
                   chunk: int = DEFAULT_CHUNK, sample: int | None = None, dtype=np.float32,
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
    sample : int, optional
        Leading draws kept for quantiles and export (about 2 kB each in single precision:
        140 MB for the default 65,536; see :func:`default_sample`).
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
        uncertainty = uncertainty_for(plan, resolved.scenario, resolved, scale=scale, persistence=persistence)
    return simulate(plan, resolved, uncertainty, draws, seed, targets=all_targets(plan, milestones),
                    chunk=chunk, sample=sample, dtype=dtype, workers=workers, progress=progress)


__all__ = ["BLOCK", "MET", "QUANTILES", "MonteCarloResult", "Sampler", "TargetCounter", "run_montecarlo", "simulate",
           "status_of", "wilson_interval"]
