"""A sweep of any number of scenarios in bounded memory: driver sets streamed in chunks through
:func:`~sim.engine.kernel.project_array` and :func:`~sim.engine.targets.evaluate_targets`,
keeping only the per-target results asked for.

One vectorised call over S scenarios holds about 17 kB of double-precision temporaries per
scenario (projections, cumulative sums, growth, gaps), so a million scenarios in one call would
need some 17 GB; in chunks of :data:`DEFAULT_CHUNK` the temporaries stay near 70 MB whatever S
is, and only the outputs (a few bytes per scenario and target) grow with S.

Drivers may be given as an array (S, D, Y) — a memory map works — or as a function
``drivers(start, stop)`` returning the paces of scenarios ``start``…``stop``, so that even the
input need never exist whole.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

from sim.engine.kernel import CompiledPlan, project_array
from sim.engine.measure import AT_RISK, MET
from sim.engine.targets import all_targets, evaluate_targets
from sim.io.plan import Target

#: Scenarios per chunk: large enough that numpy's per-call overhead vanishes, small enough that
#: the temporaries (about 17 kB a scenario) stay near 70 MB.
DEFAULT_CHUNK = 4096
#: Per-target results a sweep can keep (fields of :class:`~sim.engine.targets.TargetResults`).
FIELDS = ("projected", "gap", "status", "required", "assumed_pace", "first_year")
_DTYPES = {"status": np.int8, "first_year": np.int16}

Drivers = np.ndarray | Callable[[int, int], np.ndarray]


@dataclass(frozen=True, eq=False)
class SweepResult:
    """What a sweep kept.

    Attributes
    ----------
    targets : tuple of Target
    scenarios : int
    met, at_risk : ndarray of int, shape (T,)
        Scenarios meeting each target, and missing it within its tolerance.
    fields : dict of str to ndarray, shape (S, T)
        The per-scenario results asked for (see :data:`FIELDS`).
    """

    targets: tuple[Target, ...]
    scenarios: int
    met: np.ndarray
    at_risk: np.ndarray
    fields: dict[str, np.ndarray]

    def __getitem__(self, name: str) -> np.ndarray:
        return self.fields[name]


def sweep(compiled: CompiledPlan, drivers: Drivers, scenarios: int | None = None,
          actuals: np.ndarray | None = None, *, targets: tuple[Target, ...] | None = None,
          fields: tuple[str, ...] = ("status",), chunk: int = DEFAULT_CHUNK, workers: int = 1) -> SweepResult:
    """Project and check ``scenarios`` driver sets, a chunk at a time.

    Parameters
    ----------
    compiled : CompiledPlan
    drivers : ndarray, shape (S, D, Y), or callable(start, stop) -> ndarray (stop − start, D, Y)
        Pace of each driver in each projected year [driver unit].
    scenarios : int, optional
        Number of scenarios S (required when ``drivers`` is a function).
    actuals : ndarray, shape (1, I, Y), optional
        Observed values shared by every scenario (NaN where none).
    targets : tuple of Target, optional
        Default: every target and milestone of the plan.
    fields : tuple of str
        Per-scenario results to keep, from :data:`FIELDS`; ``()`` keeps only the counts.
        ``required`` makes the check solve the pace each target still needs (slower).
    chunk : int
        Scenarios per chunk (sets memory, not results).
    workers : int
        Threads; chunks are handed out at most two per thread at a time.

    Returns
    -------
    SweepResult
        Identical, field by field, to one :func:`evaluate_targets` call over all scenarios.
    """
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise ValueError(f"unknown sweep fields {sorted(unknown)}; choose from {FIELDS}")
    if scenarios is None:
        if callable(drivers):
            raise ValueError("scenarios must be given when drivers is a function")
        scenarios = len(drivers)
    targets = all_targets(compiled.plan) if targets is None else tuple(targets)
    out = {f: np.empty((scenarios, len(targets)), dtype=_DTYPES.get(f, np.float64)) for f in fields}
    met = np.zeros(len(targets), dtype=np.int64)
    risk = np.zeros(len(targets), dtype=np.int64)
    chunk = max(1, int(chunk))

    def run(start: int) -> tuple[np.ndarray, np.ndarray]:
        stop = min(start + chunk, scenarios)
        d = drivers(start, stop) if callable(drivers) else np.asarray(drivers[start:stop])
        res = evaluate_targets(compiled, project_array(compiled, d, actuals), d, actuals, targets,
                               required="required" in fields)
        for f in fields:
            out[f][start:stop] = getattr(res, f)
        return (res.status == MET).sum(axis=0), (res.status == AT_RISK).sum(axis=0)

    starts = range(0, scenarios, chunk)
    if workers <= 1:
        parts = map(run, starts)
    else:
        pool = ThreadPoolExecutor(workers, thread_name_prefix="sweep")
        parts = _bounded_map(pool, run, starts, 2 * workers)
    for m, r in parts:
        met += m
        risk += r
    return SweepResult(targets, scenarios, met, risk, out)


def _bounded_map(pool: ThreadPoolExecutor, fn, items, in_flight: int):
    """``pool.map`` with at most ``in_flight`` tasks submitted ahead, results in order."""
    with pool:
        queue = []
        for item in items:
            queue.append(pool.submit(fn, item))
            if len(queue) >= in_flight:
                yield queue.pop(0).result()
        for future in queue:
            yield future.result()
