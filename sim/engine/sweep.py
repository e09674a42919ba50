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
from sim.engine.resolve import breach_params, outside_domain, total_breach
from sim.engine.targets import all_targets, evaluate_targets
from sim.io.errors import ScenarioError
from sim.io.fields import check_whole
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
    clipped : ndarray of int, shape (I,)
        Scenarios in which each indicator was held at a bound of its domain in some year.
    clipped_scenarios : int
        Scenarios held at a bound in any indicator.
    """

    targets: tuple[Target, ...]
    scenarios: int
    met: np.ndarray
    at_risk: np.ndarray
    fields: dict[str, np.ndarray]
    clipped: np.ndarray | None = None
    clipped_scenarios: int = 0

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
        Identical, field by field, to one :func:`evaluate_targets` call over all scenarios
        projected with ``clip=True``.

    Raises
    ------
    ScenarioError
        If a scenario takes an indicator to a non-finite number (a NaN pace for a driver that
        follows no link, an overflow; :func:`check_sweep_domain`). A level beyond a domain bound
        is held there, as a Monte Carlo draw is, and counted in ``clipped``.
    InputError
        For ``scenarios``, ``chunk`` or ``workers`` that is not a whole number (at least 0, 1, 1).
    """
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise ValueError(f"unknown sweep fields {sorted(unknown)}; choose from {FIELDS}")
    if scenarios is None:
        if callable(drivers):
            raise ValueError("scenarios must be given when drivers is a function")
        if np.ndim(drivers) != 3:
            raise ValueError(f"drivers must be an array (scenarios, drivers, years), not of shape {np.shape(drivers)}")
        scenarios = len(drivers)
    check_whole(scenarios, "scenarios", 0)
    check_whole(chunk, "chunk", 1)
    check_whole(workers, "workers", 1)
    targets = all_targets(compiled.plan) if targets is None else tuple(targets)
    out = {f: np.empty((scenarios, len(targets)), dtype=_DTYPES.get(f, np.float64)) for f in fields}
    counts = [np.zeros(len(targets), dtype=np.int64), np.zeros(len(targets), dtype=np.int64),
              np.zeros(compiled.n_indicators, dtype=np.int64), 0]

    def run(start: int) -> tuple:
        stop = min(start + chunk, scenarios)
        d = _read_chunk(compiled, drivers, start, stop)
        held = np.zeros((stop - start, compiled.n_indicators), dtype=bool)
        # Held at each domain bound, as Monte Carlo draws are; what cannot be held is refused below.
        with np.errstate(all="ignore"):
            values = project_array(compiled, d, actuals, clip=True, clipped=held)
        check_sweep_domain(compiled, values, start)
        res = evaluate_targets(compiled, values, d, actuals, targets, required="required" in fields)
        for f in fields:
            out[f][start:stop] = getattr(res, f)
        return (res.status == MET).sum(axis=0), (res.status == AT_RISK).sum(axis=0), held.sum(axis=0), held.any(axis=1).sum()

    starts = range(0, scenarios, chunk)
    if workers <= 1:
        parts = map(run, starts)
    else:
        pool = ThreadPoolExecutor(workers, thread_name_prefix="sweep")
        parts = _bounded_map(pool, run, starts, 2 * workers)
    for part in parts:
        for k, x in enumerate(part):
            counts[k] += x
    met, risk, clipped, clipped_scenarios = counts
    return SweepResult(targets, scenarios, met, risk, out, clipped, int(clipped_scenarios))


def _read_chunk(compiled: CompiledPlan, drivers: Drivers, start: int, stop: int) -> np.ndarray:
    """The paces of scenarios ``start``…``stop − 1``, as floats of the expected shape."""
    d = drivers(start, stop) if callable(drivers) else np.asarray(drivers[start:stop])
    if d.dtype.kind != "f":  # whole numbers as paces: the kernel steps in place, in floats
        d = d.astype(np.float64)
    if d.ndim != 3 or len(d) != stop - start:
        raise ValueError(f"drivers of scenarios {start}…{stop - 1} have shape {d.shape}; expected "
                         f"({stop - start}, {len(compiled.driver_rows)}, {len(compiled.years) - 1})")
    # NaN means "follow the link" only for a driver that has one; elsewhere the kernel would hold
    # the level at a bound as if a draw had left its domain.
    unusable = ~np.isfinite(d)
    unusable[:, [link.d for link in compiled.links]] &= ~np.isnan(d[:, [link.d for link in compiled.links]])
    if unusable.any():
        s, k, _ = (int(x) for x in np.argwhere(unusable)[0])
        raise ScenarioError("sweep", f"drivers[{start + s}].{compiled.plan.drivers[k].id}", code="not_finite",
                            params={"value": float(d[s, k][unusable[s, k]][0])})
    return d


def check_sweep_domain(compiled: CompiledPlan, values: np.ndarray, start: int) -> None:
    """Refuse a chunk of a sweep in which a scenario takes an indicator out of its domain or to a
    non-finite number (after holding at the bounds, only the latter is left), or a flow's running
    total to one (:func:`~sim.engine.resolve.total_breach`): the rule
    :func:`sim.engine.resolve.check_domain` applies to one scenario, here over a chunk, naming the
    scenario by its position (``drivers[17]``), the indicator, the year and the value. A sweep's
    paces are an array, not a file, so nothing else names them.

    Raises
    ------
    ScenarioError
        ``sweep: drivers[s]: 'id' would reach … in year, outside its domain …`` (or not finite).
    """
    bad = outside_domain(compiled, values)
    if not bad.any():
        found = total_breach(compiled, values)
        if found is not None:
            s, d, t = found
            ind = compiled.plan.drivers[d]
            raise ScenarioError("sweep", f"drivers[{start + s}].{ind.id}", code="total_not_finite",
                                params={"indicator": ind.id, "first": compiled.years[1], "year": compiled.years[t]})
        return
    # The first scenario that fails; in it the earliest year, a driver before what is derived from it.
    s = int(np.argmax(bad.any(axis=(1, 2))))
    derived = np.ones(len(compiled.plan.indicators), dtype=int)
    derived[compiled.driver_rows] = 0
    i, t = min(((int(i), int(t)) for i, t in np.argwhere(bad[s])), key=lambda it: (it[1], derived[it[0]], it[0]))
    ind, value = compiled.plan.indicators[i], float(values[s, i, t])
    raise ScenarioError("sweep", f"drivers[{start + s}]", params=breach_params(ind, value, compiled.years[t]),
                        code="path_outside_domain" if np.isfinite(value) else "path_not_finite")


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
