"""Projections: every indicator of a plan, carried forward under one or many scenarios.

The numeric core, :func:`project_array`, takes drivers with a leading scenario/draw axis,
so one scenario, a 10,000-scenario sweep and a Monte Carlo chunk share one code path.
:func:`project` wraps it for named scenarios and returns a :class:`Projection`, whose
:meth:`Projection.to_long` is the tidy table every output is made from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy as np
import pandas as pd

from .dynamics import derive, project_paths
from .plan import Plan
from .scenario import ResolvedScenario, Scenario, load_scenario, resolve
from .schema import LONG_COLUMNS


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
    """

    plan: Plan
    years: tuple[int, ...]
    base: np.ndarray
    driver_rows: np.ndarray
    groups: tuple[tuple[str, np.ndarray], ...]
    derived: tuple[tuple[int, str, tuple[int, ...], float], ...]

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
    return CompiledPlan(
        plan=plan,
        years=plan.years(horizon),
        base=np.array([ind.baseline.value for ind in drivers]),
        driver_rows=np.array([plan.index[ind.id] for ind in drivers]),
        groups=groups,
        derived=derived,
    )


def project_array(compiled: CompiledPlan, drivers: np.ndarray,
                  actuals: np.ndarray | None = None) -> np.ndarray:
    """Project every indicator for a stack of driver sets.

    Parameters
    ----------
    compiled : CompiledPlan
    drivers : ndarray, shape (S, D, Y)
        Pace of each driver in each projected year [driver unit]; float32 or float64.
    actuals : ndarray, shape (S or 1, I, Y), optional
        Observed values (NaN where none) for the indicator rows of drivers.

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
    levels = project_paths(compiled.base.astype(drivers.dtype), drivers, compiled.groups, obs)
    # Built year-major with the draws last, like project_paths, so that copying the drivers in
    # and deriving the rest move whole contiguous rows; returned as an (S, I, Y + 1) view.
    values = np.empty((Y + 1, compiled.n_indicators, S), dtype=drivers.dtype)
    values[:, compiled.driver_rows] = levels.transpose(2, 1, 0)
    for row, op, inputs, scale in compiled.derived:
        values[:, row] = derive([values[:, r] for r in inputs], op, scale)
    return values.transpose(2, 1, 0)


@dataclass(frozen=True, eq=False)
class Projection:
    """Projected paths of every indicator under one or more scenarios.

    Attributes
    ----------
    plan : Plan
    scenarios : tuple of ResolvedScenario
    years : tuple of int
        Base year first.
    values : ndarray, shape (S, I, Y + 1)
        [indicator unit], indicators in plan order.
    """

    plan: Plan
    scenarios: tuple[ResolvedScenario, ...]
    years: tuple[int, ...]
    values: np.ndarray

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(r.name for r in self.scenarios)

    def value(self, scenario: str, indicator: str, year: int) -> float:
        """One projected value [indicator unit]."""
        s = self.names.index(scenario)
        return float(self.values[s, self.plan.index[indicator], self.years.index(year)])

    def path(self, scenario: str, indicator: str) -> pd.Series:
        """One indicator's path under one scenario, indexed by year."""
        s = self.names.index(scenario)
        return pd.Series(self.values[s, self.plan.index[indicator]], index=list(self.years),
                         name=indicator)

    @cached_property
    def basis(self) -> np.ndarray:
        """Basis of each value, shape (S, I, Y + 1).

        Base year: the baseline's basis (``reported``, ``derived`` or ``assumed``). Later
        years: ``actual`` where observed; otherwise ``assumed`` while the path still rests on
        an assumed baseline (no actual since), else ``projected``. A derived indicator is
        ``assumed`` in a year where any of its inputs is.
        """
        plan = self.plan
        S, _, T = self.values.shape
        out = np.empty(self.values.shape, dtype=object)
        for i, ind in enumerate(plan.indicators):
            out[:, i, 0] = start_basis(plan, ind.id)
        for s_, res in enumerate(self.scenarios):
            for ind in plan.drivers:
                i = plan.index[ind.id]
                observed = ~np.isnan(res.actuals[i])
                since_actual = np.maximum.accumulate(observed)
                rests = ind.baseline.assumed & ~since_actual
                out[s_, i, 1:] = np.where(observed, "actual", np.where(rests, "assumed", "projected"))
            for ind in plan.derived_order:
                i = plan.index[ind.id]
                leaves = [plan.index[x] for x in plan.leaves(ind.id)]
                assumed = (out[s_, leaves, 1:] == "assumed").any(axis=0)
                out[s_, i, 1:] = np.where(assumed, "assumed", "projected")
        return out

    def to_long(self) -> pd.DataFrame:
        """Tidy table: one row per scenario, indicator and year (see :data:`LONG_COLUMNS`)."""
        S, n_ind, T = self.values.shape
        inds = self.plan.indicators
        frame = pd.DataFrame({
            "scenario": np.repeat(np.array(self.names, dtype=object), n_ind * T),
            "indicator": np.tile(np.repeat(np.array([x.id for x in inds], dtype=object), T), S),
            "name": np.tile(np.repeat(np.array([x.name_zh for x in inds], dtype=object), T), S),
            "unit": np.tile(np.repeat(np.array([x.value_unit for x in inds], dtype=object), T), S),
            "year": np.tile(np.array(self.years), S * n_ind),
            "value": self.values.reshape(-1).astype(float),
            "basis": self.basis.reshape(-1),
        })
        return frame[list(LONG_COLUMNS)]

    def to_wide(self) -> pd.DataFrame:
        """One row per scenario and indicator, one column per year (for display and export)."""
        return to_wide(self.to_long())


def to_wide(long: pd.DataFrame) -> pd.DataFrame:
    """Pivot a long projection table to years as columns; ``basis`` summarises each row."""
    idx = ["scenario", "indicator", "name", "unit"]
    order = long[idx].drop_duplicates()
    wide = long.pivot_table(index=idx, columns="year", values="value", aggfunc="first", sort=False)
    wide.columns = [int(c) for c in wide.columns]
    wide = wide.reindex(pd.MultiIndex.from_frame(order))
    basis = long.groupby(idx, sort=False)["basis"].agg(_row_basis)
    wide.insert(0, "basis", basis.reindex(wide.index))
    return wide.reset_index()


def _row_basis(values: pd.Series) -> str:
    seen = set(values)
    if "assumed" in seen:
        return "assumed"
    if "actual" in seen:
        return "actual"
    return values.iloc[0]


_RANK = {"reported": 0, "derived": 1, "assumed": 2}


def start_basis(plan: Plan, ind_id: str) -> str:
    """Weakest basis among the base-year numbers an indicator's path starts from."""
    worst = "reported"
    ind = plan.by_id[ind_id]
    leaves = plan.leaves(ind_id)
    for leaf in leaves:
        b = plan.by_id[leaf].baseline.basis
        if _RANK[b] > _RANK[worst]:
            worst = b
    if not ind.is_driver and worst == "reported":
        worst = "derived"
    return worst


def project(plan: Plan, scenarios: Scenario | str | Sequence[Scenario | str],
            horizon: int | None = None) -> Projection:
    """Project a plan under one or more scenarios.

    Parameters
    ----------
    plan : Plan
    scenarios : Scenario, name/path, or a sequence of them
    horizon : int, optional
        Last projected year (default: the scenarios' own, else the plan's).

    Returns
    -------
    Projection
    """
    if isinstance(scenarios, Scenario | str):
        scenarios = [scenarios]
    loaded = [s if isinstance(s, Scenario) else load_scenario(s) for s in scenarios]
    if not loaded:
        raise ValueError("no scenario given")
    if horizon is None:
        horizon = max((s.effective_horizon or plan.horizon) for s in loaded)
    resolved = tuple(resolve(plan, s, horizon) for s in loaded)
    names = [r.name for r in resolved]
    if len(set(names)) != len(names):
        resolved = tuple(_rename(r, i) for i, r in enumerate(resolved))
    compiled = compile_plan(plan, horizon)
    drivers = np.stack([r.drivers for r in resolved])
    actuals = np.stack([r.actuals for r in resolved])
    values = np.ascontiguousarray(project_array(compiled, drivers, actuals))
    return Projection(plan=plan, scenarios=resolved, years=compiled.years, values=values)


def _rename(res: ResolvedScenario, i: int) -> ResolvedScenario:
    from dataclasses import replace

    return replace(res, scenario=replace(res.scenario, name=f"{res.scenario.name}#{i + 1}"))
