"""The numeric kernel: a plan compiled to index arrays, and one projection for a stack of driver sets.

:func:`subplan` compiles only one indicator and what it depends on, for the solvers' fast
repeated projection.

:func:`project_array` takes drivers with a leading scenario/draw axis, so one scenario, a
10,000-scenario sweep and a Monte Carlo chunk share one code path. It knows nothing of
scenario files or names: the rules, the solver and the Monte Carlo call it directly.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np

from sim.engine.dynamics import derive, dynamic_runs, hold_in_domain, hold_part, project_paths
from sim.engine.links import CompiledLink, compile_links, follow_links
from sim.io.plan import Plan


@dataclass(frozen=True, eq=False)
class CompiledPlan:
    """Index arrays that let :func:`project_array` run without looking at the plan again.

    Attributes
    ----------
    plan : Plan
    years : tuple of int
        Base year first.
    base : ndarray, shape (D,)
        Base-year value of each driver [indicator unit].
    driver_rows : ndarray, shape (D,)
        Row of each driver in the indicator axis.
    groups : tuple of (dynamic, ndarray)
        Driver positions following each dynamic.
    derived : tuple of (row, op, input rows, scale)
        Derived indicators in dependency order.
    low, high : ndarray, shape (I,)
        Each indicator's domain: floor and ceiling [indicator unit] (``inf`` where none).
    links : tuple of CompiledLink
        Links in evaluation order (:mod:`sim.engine.links`).
    safe_rows : frozenset of int
        Derived rows that cannot leave their domain while their inputs keep to theirs (a sum
        of parts whose floors add up to at least its own, under no ceiling): a Monte Carlo
        draw need not check them.
    within : tuple of (part row, whole row, scale, part's driver position, dynamic)
        Parts that can never exceed their whole (:class:`sim.io.links.Within`), where both are in
        this plan.
    """

    plan: Plan
    years: tuple[int, ...]
    base: np.ndarray
    driver_rows: np.ndarray
    groups: tuple[tuple[str, np.ndarray], ...]
    derived: tuple[tuple[int, str, tuple[int, ...], float], ...]
    low: np.ndarray
    high: np.ndarray
    links: tuple[CompiledLink, ...] = ()
    safe_rows: frozenset[int] = frozenset()
    within: tuple[tuple[int, int, float, int, str], ...] = ()

    @property
    def n_indicators(self) -> int:
        return len(self.plan.indicators)


@lru_cache(maxsize=64)
def compile_plan(plan: Plan, horizon: int | None = None) -> CompiledPlan:
    """Precompute the index arrays of ``plan`` for a horizon (default: the plan's)."""
    drivers = plan.drivers
    dynamics = sorted({ind.dynamic for ind in drivers})
    groups = tuple(
        (dyn, np.array([d for d, ind in enumerate(drivers) if ind.dynamic == dyn]))
        for dyn in dynamics
    )
    derived = tuple(
        (plan.index[ind.id], ind.op, tuple(plan.index[x] for x in ind.inputs), ind.scale)
        for ind in plan.derived_order
    )
    low = np.array([ind.domain_min for ind in plan.indicators])
    high = np.array([ind.domain_max for ind in plan.indicators])
    safe = frozenset(row for row, op, inputs, _ in derived
                     if op == "sum" and high[row] == np.inf and low[row] <= low[list(inputs)].sum())
    return CompiledPlan(
        plan=plan,
        years=plan.years(horizon),
        base=np.array([ind.baseline.value for ind in drivers]),
        driver_rows=np.array([plan.index[ind.id] for ind in drivers]),
        groups=groups,
        derived=derived,
        low=low,
        high=high,
        links=compile_links(plan),
        safe_rows=safe,
        within=tuple((plan.index[w.part], plan.index[w.whole], w.scale, plan.driver_index[w.part],
                      plan.by_id[w.part].dynamic)
                     for w in plan.links.within if w.part in plan.index and w.whole in plan.index),
    )


def project_array(compiled: CompiledPlan, drivers: np.ndarray,
                  actuals: np.ndarray | None = None, *, clip: bool = False,
                  clipped: np.ndarray | None = None, out: np.ndarray | None = None) -> np.ndarray:
    """Project every indicator for a stack of driver sets.

    Parameters
    ----------
    compiled : CompiledPlan
    drivers : ndarray, shape (S, D, Y)
        Pace of each driver in each projected year [driver unit]; float32 or float64. NaN
        for a linked driver means: follow the link (:mod:`sim.engine.links`).
    actuals : ndarray, shape (S or 1, I, Y), optional
        Observed values (NaN where none) for the indicator rows of drivers.
    clip : bool
        Hold every level within its indicator's domain (:attr:`CompiledPlan.low`/``high``), and
        every part at or below its whole (:attr:`CompiledPlan.within`), the path continuing from
        the bound: for random draws. Off (the default), levels are left as
        computed, so a deterministic scenario that leaves the domain can be refused
        (:func:`sim.engine.resolve.resolve`).
    clipped : ndarray of bool, shape (S, I), optional
        With ``clip``: set True for each draw and indicator held at a bound in some year.
    out : ndarray, shape (Y + 1, I, S), optional
        A buffer to write into (year-major, draws last), reused from call to call by the Monte
        Carlo; ignored unless its shape and dtype fit.

    Returns
    -------
    ndarray, shape (S, I, Y + 1)
        Every indicator's value in every year [indicator unit], base year first: a view of a
        (Y + 1, I, S) array (use ``np.ascontiguousarray`` where a C-ordered copy is needed).
    """
    S, D, Y = drivers.shape
    if len(compiled.driver_rows) != D or len(compiled.years) - 1 != Y:
        raise ValueError(f"drivers have shape {drivers.shape}; expected (S, {len(compiled.driver_rows)}, "
                         f"{len(compiled.years) - 1})")
    obs = None if actuals is None else actuals[:, compiled.driver_rows]
    rows = compiled.driver_rows
    bounds = (compiled.low[rows], compiled.high[rows]) if clip else None
    # Year-major with the draws last, like project_paths, which writes the drivers' rows in
    # place; deriving the rest then moves whole contiguous rows. Returned as an (S, I, Y + 1) view.
    shape = (Y + 1, compiled.n_indicators, S)
    if out is None or out.shape != shape or out.dtype != drivers.dtype:
        out = np.empty(shape, dtype=drivers.dtype)
    # With links, marks collect apart and a row the links recompute starts its marks afresh.
    mark = None if not clip or clipped is None else (np.zeros_like(clipped) if compiled.links else clipped)
    # A link followed in some draw recomputes its row, and what is derived from it, for every
    # draw: the first pass leaves those rows alone.
    follow = [np.isnan(drivers[:, link.d]) for link in compiled.links]
    runs, derived = _first_pass(compiled, frozenset(k for k, f in enumerate(follow) if f.any()))
    project_paths(compiled.base.astype(drivers.dtype), drivers, compiled.groups, obs, bounds, mark, out, rows,
                  runs=runs)
    for row, op, inputs, scale in derived:
        _derive_row(compiled, out, row, op, inputs, scale, clip, mark)
    if compiled.links:
        follow_links(compiled, drivers, obs, out, hold=_link_hold(compiled, out, mark) if clip else None,
                     clipped=mark, follow=follow)
    if clip and compiled.within:
        _hold_parts(compiled, drivers, obs, out, mark)
    if compiled.links and mark is not None:
        clipped |= mark
    return out.transpose(2, 1, 0)


def _hold_parts(compiled: CompiledPlan, drivers: np.ndarray, obs: np.ndarray | None, values: np.ndarray,
                mark: np.ndarray | None) -> None:
    """Hold each part at or below its whole in ``values`` (year-major, (Y + 1, I, S)), in place,
    marking in ``mark`` (S, I) the draws held. A part feeds nothing else (:mod:`sim.io.links`), so
    no other row changes."""
    for part, whole, scale, d, dynamic in compiled.within:
        cap = values[1:, whole] * scale                                         # (Y, S)
        if not (values[1:, part] > cap).any():
            continue
        observed = None if obs is None else obs[:, d].T
        levels, held = hold_part(values[0, part], drivers[:, d].T, dynamic, cap,
                                 (compiled.low[part], compiled.high[part]), observed)
        values[1:, part] = levels
        if mark is not None:
            mark[:, part] |= held


@lru_cache(maxsize=256)
def _first_pass(compiled: CompiledPlan, relinked: frozenset[int]) -> tuple[tuple, tuple]:
    """The driver runs (:func:`~sim.engine.dynamics.dynamic_runs`) and derived entries the first
    pass computes when the links numbered ``relinked`` are followed afterwards."""
    links = [compiled.links[k] for k in relinked]
    again = {row for link in links for row, *_ in link.downstream}
    return (dynamic_runs(compiled.groups, compiled.driver_rows, {link.d for link in links}),
            tuple(entry for entry in compiled.derived if entry[0] not in again))


def _link_hold(compiled: CompiledPlan, values: np.ndarray, mark: np.ndarray | None):
    """What :func:`~sim.engine.links.follow_links` calls on each derived row it recomputes:
    forget the row's earlier marks, then hold it within its domain."""
    def hold(row: int) -> None:
        if mark is not None:
            mark[:, row] = False
        _hold_row(compiled, values, row, mark)
    return hold


def _derive_row(compiled: CompiledPlan, values: np.ndarray, row: int, op: str, inputs: tuple[int, ...],
                scale: float, clip: bool, clipped: np.ndarray | None) -> None:
    """Write derived indicator ``row`` of ``values`` (year-major, (Y + 1, I, S)) from its inputs."""
    derive([values[:, r] for r in inputs], op, scale, out=values[:, row])
    if clip:
        _hold_row(compiled, values, row, clipped)


def _hold_row(compiled: CompiledPlan, values: np.ndarray, row: int, clipped: np.ndarray | None) -> None:
    """Hold indicator ``row`` of ``values`` (year-major, (Y + 1, I, S)) within its domain in every
    projected year, in place, marking in ``clipped`` (S, I) the draws that were held. A row that
    cannot leave its domain (:attr:`CompiledPlan.safe_rows`) is not looked at."""
    if row in compiled.safe_rows:
        return
    years = values[1:, row]                                                     # (Y, S) view
    low, high = compiled.low[row], compiled.high[row]
    # Two reductions over the whole row usually show it inside (a NaN fails them).
    if years.min() >= low and (high == np.inf or years.max() <= high):
        return
    low = np.full(len(years), compiled.low[row])
    high = np.full(len(years), compiled.high[row])
    mark = None if clipped is None else np.zeros((years.shape[1], len(years)), dtype=bool)
    hold_in_domain(years, (low, high), mark)
    if mark is not None:
        clipped[:, row] |= mark.any(axis=1)


@lru_cache(maxsize=128)
def subplan(plan: Plan, ind_id: str, horizon: int) -> tuple[CompiledPlan, tuple[int, ...], int]:
    """A compiled plan of only ``ind_id`` and what it depends on, for fast repeated projection.

    Returns
    -------
    (CompiledPlan, cols, row)
        The compiled sub-plan; for each of its drivers, the driver's position in ``plan``;
        the row of ``ind_id`` in the sub-plan.
    """
    keep: list[str] = []

    def visit(x: str) -> None:
        for y in plan.by_id[x].inputs:
            visit(y)
        if x not in keep:
            keep.append(x)

    visit(ind_id)
    sub = replace(plan, indicators=tuple(plan.by_id[x] for x in keep))
    compiled = compile_plan(sub, horizon)
    cols = tuple(plan.driver_index[x.id] for x in sub.drivers)
    return compiled, cols, sub.index[ind_id]
