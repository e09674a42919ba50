"""Projections of named scenarios: :func:`project` resolves scenarios, runs the kernel and wraps
the result in a :class:`Projection`, whose :meth:`Projection.to_long` is the tidy table every
output is made from.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property

import numpy as np
import pandas as pd

from sim.engine.kernel import compile_plan, project_array
from sim.engine.resolve import ResolvedScenario, resolve
from sim.io.plan import Plan
from sim.io.scenario import Scenario, as_scenario
from sim.io.schema import LONG_COLUMNS


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

    @property
    def warnings(self) -> tuple:
        """Every scenario's :attr:`~sim.engine.resolve.ResolvedScenario.warnings`, once each."""
        return tuple(dict.fromkeys(w for r in self.scenarios for w in r.warnings))

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
    if isinstance(scenarios, Scenario | str | os.PathLike):
        scenarios = [scenarios]
    loaded = [as_scenario(s) for s in scenarios]
    if not loaded:
        raise ValueError("no scenario given")
    if horizon is None:
        horizon = max(plan.horizon if s.effective_horizon is None else s.effective_horizon for s in loaded)
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
    return replace(res, scenario=replace(res.scenario, name=f"{res.scenario.name}#{i + 1}"))
