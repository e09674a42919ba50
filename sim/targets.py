"""Target check: every scenario against every target and milestone of the plan.

Status rules (tolerances come from the plan's ``[check]`` table, see
:class:`sim.plan.CheckTolerances`):

* ``met``: the target is reached (to floating-point rounding);
* ``at_risk``: it is missed by no more than the tolerance: 0.5 percentage points of
  average growth for growth targets, 1 point for percentages, 2 % of the target value for
  other levels and cumulative totals;
* ``missed``: it is missed by more.

Growth targets are checked as the average annual growth from the base year to the target
year. ``hold`` targets (保持/稳定在) must hold in every year up to the target year, so their
``projected`` value is the lowest value of those years. ``gap`` is signed so that a positive
number means the target is beaten (for ``at_most`` targets: target minus projected).

The numeric core, :func:`evaluate_targets`, works on arrays with a leading scenario axis;
:func:`check_targets` turns a :class:`~sim.projection.Projection` into the check table that
the app, the command line, the exports and the tests all read.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np
import pandas as pd
from scipy.optimize import elementwise

from .dynamics import average_growth, average_pace, required_pace
from .plan import Plan, Target, pace_unit
from .projection import CompiledPlan, Projection, compile_plan, project_array
from .schema import CHECK_COLUMNS, STATUSES

MET, AT_RISK, MISSED = 0, 1, 2
#: Search interval for a derived target's shared pace [driver unit]: beyond it the
#: answer is reported as unreachable.
SANE_PACE = {"compound": (-60.0, 200.0), "points": (-50.0, 50.0)}


@dataclass(frozen=True)
class TargetResults:
    """Numeric results for a stack of scenarios, shape (S, T) each.

    Attributes
    ----------
    targets : tuple of Target
    projected : ndarray
        The compared value: average growth [%/yr], level, lowest level (hold) or cumulative sum.
    gap : ndarray
        Signed margin, positive = beaten [target unit].
    status : ndarray of int8
        0 met, 1 at risk, 2 missed.
    required : ndarray
        Constant pace needed from the last actual year [driver unit]; NaN if none exists.
    assumed_pace : ndarray
        The scenario's own average pace over the same years [driver unit].
    first_year : ndarray of int
        First projected year in which the target is reached, 0 if never.
    last_actual : ndarray of int
        Last year with actuals for the target's indicator (its leaves), per scenario.
    """

    targets: tuple[Target, ...]
    projected: np.ndarray
    gap: np.ndarray
    status: np.ndarray
    required: np.ndarray
    assumed_pace: np.ndarray
    first_year: np.ndarray
    last_actual: np.ndarray


def pace_dynamic(plan: Plan, ind_id: str) -> str:
    """The dynamic in whose units an indicator's pace is expressed."""
    ind = plan.by_id[ind_id]
    if ind.is_driver:
        return ind.dynamic
    if ind.op == "share":
        return "points"
    if ind.op == "ratio":
        return "compound"
    kinds = {plan.by_id[x].dynamic for x in plan.leaves(ind_id)}
    return kinds.pop() if len(kinds) == 1 else "additive"


def tolerance(plan: Plan, target: Target) -> float:
    """How far short of ``target`` still counts as at risk [target unit]."""
    tol = plan.tolerances
    if target.kind == "growth":
        return tol.growth_pp
    if plan.by_id[target.indicator].is_percent:
        return tol.percent_pp
    return tol.level_rel * abs(target.value)


def all_targets(plan: Plan, milestones: bool = True) -> tuple[Target, ...]:
    """Plan targets, then (optionally) milestones, in plan order."""
    return plan.targets + (plan.milestones if milestones else ())


def evaluate_targets(compiled: CompiledPlan, values: np.ndarray, drivers: np.ndarray,
                     actuals: np.ndarray | None = None,
                     targets: tuple[Target, ...] | None = None,
                     required: bool = True) -> TargetResults:
    """Check a stack of projections against targets.

    Parameters
    ----------
    compiled : CompiledPlan
    values : ndarray, shape (S, I, Y + 1)
        Output of :func:`~sim.projection.project_array`.
    drivers : ndarray, shape (S, D, Y)
        The drivers that produced ``values`` (needed to solve derived targets).
    actuals : ndarray, shape (S or 1, I, Y), optional
    targets : tuple of Target, optional
        Default: every target and milestone of the plan.
    required : bool
        Compute the required pace (skip it for speed when only statuses are wanted).
    """
    plan = compiled.plan
    targets = all_targets(plan) if targets is None else targets
    S = values.shape[0]
    Y = values.shape[2] - 1
    if actuals is None:
        actuals = np.full((1, len(plan.indicators), Y), np.nan)
    shape = (S, len(targets))
    out = {k: np.full(shape, np.nan) for k in ("projected", "gap", "required", "assumed_pace")}
    status = np.zeros(shape, dtype=np.int8)
    first = np.zeros(shape, dtype=np.int64)
    last = np.zeros(shape, dtype=np.int64)
    years = np.arange(Y + 1)
    for t, target in enumerate(targets):
        row = plan.index[target.indicator]
        k = target.year - plan.base_year
        v = values[:, row].astype(np.float64)
        measure, reached = _measure(target, v, k)
        gap = target.value - measure if target.direction == "at_most" else measure - target.value
        eps = 1e-9 * max(1.0, abs(target.value))
        status[:, t] = np.where(gap >= -eps, MET, np.where(gap >= -tolerance(plan, target), AT_RISK, MISSED))
        out["projected"][:, t] = measure
        out["gap"][:, t] = gap
        hit = reached[:, 1:]
        first[:, t] = np.where(hit.any(axis=1), plan.base_year + 1 + hit.argmax(axis=1), 0)
        j = _last_actual_offset(plan, target.indicator, actuals, S)
        last[:, t] = plan.base_year + j
        dyn = pace_dynamic(plan, target.indicator)
        out["assumed_pace"][:, t] = _own_pace(target, dyn, v, j, k, years)
        if required:
            out["required"][:, t] = _required(compiled, target, dyn, v, j, k, drivers, actuals)
    return TargetResults(targets=targets, status=status, first_year=first, last_actual=last, **out)


def _measure(target: Target, v: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The compared value (S,) and, per year, whether the target's bar is cleared (S, Y+1)."""
    # Reaching a bar is judged to floating-point rounding, like the status.
    slack = 1e-9 * max(1.0, abs(target.value))
    if target.kind == "growth":
        goal = v[:, :1] * (1 + target.value / 100) ** k
        return average_growth(v[:, 0], v[:, k], k), v >= goal * (1 - 1e-12)
    if target.kind == "cumulative":
        cum = np.concatenate([np.zeros_like(v[:, :1]), np.cumsum(v[:, 1:], axis=1)], axis=1)
        return cum[:, k], cum >= target.value - slack
    if target.direction == "at_most":
        return v[:, k], v <= target.value + slack
    if target.direction == "hold":
        return v[:, 1:k + 1].min(axis=1), v >= target.value - slack
    return v[:, k], v >= target.value - slack


def _last_actual_offset(plan: Plan, ind_id: str, actuals: np.ndarray, S: int) -> np.ndarray:
    """Per scenario: years after the base year up to the last actual of the indicator's leaves."""
    j = np.zeros(S, dtype=np.int64)
    Y = actuals.shape[2]
    for leaf in plan.leaves(ind_id):
        has = ~np.isnan(actuals[:, plan.index[leaf]])
        last = np.where(has.any(axis=1), Y - has[:, ::-1].argmax(axis=1), 0)
        j = np.maximum(j, np.broadcast_to(last, (S,)))
    return j


def _pick(v: np.ndarray, j: np.ndarray) -> np.ndarray:
    return np.take_along_axis(v, j[:, None], axis=1)[:, 0]


def _cumulative(v: np.ndarray, j: np.ndarray) -> np.ndarray:
    cum = np.concatenate([np.zeros_like(v[:, :1]), np.cumsum(v[:, 1:], axis=1)], axis=1)
    return _pick(cum, j)


def _own_pace(target: Target, dyn: str, v: np.ndarray, j: np.ndarray, k: int, years) -> np.ndarray:
    left = k - j
    ok = left > 0
    left = np.where(ok, left, 1)
    if target.kind == "cumulative":
        pace = (_cumulative(v, np.full_like(j, k)) - _cumulative(v, j)) / left
    elif dyn == "flow":
        pace = v[:, k]
    else:
        pace = average_pace(dyn, _pick(v, j), v[:, k], left)
    return np.where(ok, pace, np.nan)


def _required(compiled: CompiledPlan, target: Target, dyn: str, v: np.ndarray, j: np.ndarray, k: int,
              drivers: np.ndarray, actuals: np.ndarray) -> np.ndarray:
    plan = compiled.plan
    left = k - j
    ok = left > 0
    left = np.where(ok, left, 1)
    ind = plan.by_id[target.indicator]
    goal = target.value
    if target.kind == "growth":
        goal = v[:, 0] * (1 + target.value / 100) ** k
    hold = target.direction == "hold"
    if ind.is_driver:
        if target.kind == "cumulative":
            pace = required_pace("additive", _cumulative(v, j), goal, left)
        elif dyn == "flow":
            pace = np.full(len(v), goal, dtype=float)
        else:
            pace = required_pace(dyn, _pick(v, j), goal, left, every_year=hold)
    else:
        pace = _solve_shared_pace(compiled, target, drivers, actuals, j)
    return np.where(ok, pace, np.nan)


@lru_cache(maxsize=128)
def _subplan(plan: Plan, ind_id: str, horizon: int) -> tuple[CompiledPlan, tuple[int, ...], int]:
    """A plan of only ``ind_id`` and what it depends on, for fast repeated projection."""
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


def _solve_shared_pace(compiled: CompiledPlan, target: Target, drivers: np.ndarray,
                       actuals: np.ndarray, j: np.ndarray) -> np.ndarray:
    """One pace for every driver under a derived target, from the last actual year, that
    meets it exactly; NaN where no pace in :data:`SANE_PACE` does."""
    plan = compiled.plan
    dyns = {plan.by_id[x].dynamic for x in plan.leaves(target.indicator)}
    S = drivers.shape[0]
    if len(dyns) != 1:
        return np.full(S, np.nan)
    sub, cols, row = _subplan(plan, target.indicator, compiled.years[-1])
    d0 = drivers[:, list(cols)].astype(np.float64)
    a0 = np.broadcast_to(actuals, (S, *actuals.shape[1:]))[:, [plan.index[x.id] for x in sub.plan.indicators]]
    k = target.year - plan.base_year
    Y = d0.shape[2]
    dyn = dyns.pop()

    def residual(x, idx):
        idx = idx.astype(np.int64)
        free = np.arange(Y)[None, :] >= j[idx][:, None]
        d = np.where(free[:, None, :], x[:, None, None], d0[idx])
        vals = project_array(sub, d, a0[idx])[:, row]
        measure, _ = _measure(target, vals, k)
        return measure - target.value

    lo, hi = SANE_PACE.get(dyn, (-1e6, 1e6))
    idx = np.arange(S, dtype=float)
    f_lo, f_hi = residual(np.full(S, lo), idx), residual(np.full(S, hi), idx)
    bracketed = np.sign(f_lo) != np.sign(f_hi)
    out = np.full(S, np.nan)
    if bracketed.any():
        sel = np.flatnonzero(bracketed)
        res = elementwise.find_root(residual, (np.full(sel.size, lo), np.full(sel.size, hi)),
                                    args=(sel.astype(float),),
                                    tolerances={"xatol": 1e-10, "xrtol": 1e-12})
        out[sel] = np.where(res.success, res.x, np.nan)
    return out


def check_targets(projection: Projection, milestones: bool = True) -> pd.DataFrame:
    """The target table: one row per scenario and target (and milestone).

    Parameters
    ----------
    projection : Projection
    milestones : bool
        Include rows for intermediate-year milestones (``check == "milestone"``).

    Returns
    -------
    DataFrame
        Columns :data:`sim.schema.CHECK_COLUMNS`. ``required`` and ``assumed_pace`` are in
        ``pace_unit`` (%/年 for growth, unit/年 for additions and flows, 百分点/年 for
        percentages); ``projected``, ``target`` and ``gap`` are in ``measure_unit``.
    """
    plan = projection.plan
    compiled = compile_plan(plan, projection.years[-1])
    drivers = np.stack([r.drivers for r in projection.scenarios])
    actuals = np.stack([r.actuals for r in projection.scenarios])
    targets = all_targets(plan, milestones)
    res = evaluate_targets(compiled, projection.values, drivers, actuals, targets)
    milestone_status = _milestone_status(plan, targets, res)
    rows = []
    for s, name in enumerate(projection.names):
        for t, target in enumerate(targets):
            ind = plan.by_id[target.indicator]
            basis, note = verdict_basis(plan, target, int(res.last_actual[s, t]))
            rows.append({
                "scenario": name,
                "indicator": ind.id,
                "name": ind.name_zh,
                "name_en": ind.name_en,
                "unit": ind.unit,
                "area": ind.area,
                "check": "milestone" if target.milestone else "target",
                "kind": target.kind,
                "target_year": target.year,
                "direction": target.direction,
                "target": target.value,
                "projected": res.projected[s, t],
                "status": STATUSES[res.status[s, t]],
                "gap": res.gap[s, t],
                "gap_pct": res.gap[s, t] / abs(target.value) * 100 if target.value else np.nan,
                "measure_unit": "%/年" if target.kind == "growth" else ind.unit,
                "required": res.required[s, t],
                "assumed_pace": res.assumed_pace[s, t],
                "pace_unit": pace_unit(pace_dynamic(plan, ind.id), ind.unit),
                "last_actual_year": int(res.last_actual[s, t]),
                "first_year": int(res.first_year[s, t]) or pd.NA,
                "milestone_status": milestone_status[s].get((ind.id, t), pd.NA),
                "basis": basis,
                "assumed": basis == "assumed",
                "assumed_note": note,
                "quote": target.number.note,
            })
    table = pd.DataFrame(rows, columns=list(CHECK_COLUMNS))
    table["first_year"] = table["first_year"].astype("Int64")
    return table


def _milestone_status(plan: Plan, targets, res: TargetResults) -> list[dict]:
    """For each scenario: (indicator, target position) → status of that indicator's milestone."""
    out = []
    for s in range(res.status.shape[0]):
        by_ind = {}
        for t, target in enumerate(targets):
            if target.milestone and target.indicator not in by_ind:
                by_ind[target.indicator] = STATUSES[res.status[s, t]]
        out.append({(t.indicator, i): by_ind[t.indicator] for i, t in enumerate(targets)
                    if not t.milestone and t.indicator in by_ind})
    return out


_RANK = {"reported": 0, "actual": 0, "derived": 1, "assumed": 2}


def verdict_basis(plan: Plan, target: Target, last_actual_year: int) -> tuple[str, str]:
    """Weakest basis among the numbers a verdict rests on, and the reasons of assumed ones.

    The target value always counts. The base-year levels count for growth targets, and for
    level targets until an actual replaces them; cumulative targets sum yearly flows and
    do not use the base-year level.
    """
    numbers = [("target", target.number)]
    uses_base = target.kind == "growth" or (target.kind == "level" and last_actual_year == plan.base_year)
    if uses_base:
        numbers += [(f"{leaf} baseline", plan.by_id[leaf].baseline) for leaf in plan.leaves(target.indicator)]
    worst = "actual" if last_actual_year > plan.base_year and not uses_base else "reported"
    notes = []
    for label, number in numbers:
        if _RANK[number.basis] > _RANK[worst]:
            worst = number.basis
        if number.assumed:
            notes.append(f"{label}: {number.reason}")
    return worst, " | ".join(notes)
