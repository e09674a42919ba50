"""Target check: every scenario against every target and milestone of the plan.

Status rules (tolerances come from the plan's ``[check]`` table, see
:class:`sim.io.plan.CheckTolerances`):

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
:func:`check_targets` turns a :class:`~sim.engine.projection.Projection` into the check table that
the app, the command line, the exports and the tests all read.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np
import pandas as pd
from scipy.optimize import elementwise

from sim.engine.kernel import CompiledPlan, compile_plan, project_array
from sim.engine.measure import compared_value
from sim.engine.projection import Projection
from sim.io.plan import Plan, Target, pace_unit
from sim.io.schema import CHECK_COLUMNS, STATUSES

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


@dataclass(frozen=True, eq=False)
class TargetSpec:
    """Targets compiled to arrays (one entry per target) for vectorised checking."""

    targets: tuple[Target, ...]
    rows: np.ndarray        # indicator row
    k: np.ndarray           # years from the base year to the target year
    kind: np.ndarray        # 0 growth, 1 level, 2 cumulative
    direction: np.ndarray   # 0 at_least, 1 at_most, 2 hold
    value: np.ndarray       # target value [target unit]
    tol: np.ndarray         # at-risk tolerance [target unit]
    leaves: np.ndarray      # (T, I) True where the indicator depends on that driver row
    pace: tuple[str, ...]   # dynamic whose units the pace is in
    flow_level: np.ndarray  # level target on a flow: the pace is the year's flow itself
    derived: np.ndarray     # target on a derived indicator: required pace is solved numerically


_KINDS = {"growth": 0, "level": 1, "cumulative": 2}
_DIRECTIONS = {"at_least": 0, "at_most": 1, "hold": 2}


@lru_cache(maxsize=64)
def compile_targets(plan: Plan, targets: tuple[Target, ...]) -> TargetSpec:
    """Arrays describing ``targets`` (cached per plan and target tuple)."""
    leaves = np.zeros((len(targets), len(plan.indicators)), dtype=bool)
    for t, target in enumerate(targets):
        leaves[t, [plan.index[x] for x in plan.leaves(target.indicator)]] = True
    return TargetSpec(
        targets=targets,
        rows=np.array([plan.index[t.indicator] for t in targets], dtype=np.intp),
        k=np.array([t.year - plan.base_year for t in targets], dtype=np.intp),
        kind=np.array([_KINDS[t.kind] for t in targets]),
        direction=np.array([_DIRECTIONS[t.direction] for t in targets]),
        value=np.array([t.value for t in targets], dtype=float),
        tol=np.array([tolerance(plan, t) for t in targets]),
        leaves=leaves,
        pace=tuple(pace_dynamic(plan, t.indicator) for t in targets),
        flow_level=np.array([plan.by_id[t.indicator].dynamic == "flow" and t.kind == "level" for t in targets]),
        derived=np.array([not plan.by_id[t.indicator].is_driver for t in targets]),
    )


def _default_spec(plan: Plan) -> TargetSpec:
    # Cached on the plan object itself: hashing 45 frozen targets on every call costs more
    # than checking them.
    spec = plan.__dict__.get("_target_spec")
    if spec is None:
        spec = compile_targets(plan, all_targets(plan))
        plan.__dict__["_target_spec"] = spec
    return spec


def evaluate_targets(compiled: CompiledPlan, values: np.ndarray, drivers: np.ndarray,
                     actuals: np.ndarray | None = None,
                     targets: tuple[Target, ...] | None = None,
                     required: bool = True) -> TargetResults:
    """Check a stack of projections against targets, vectorised over scenarios and targets.

    Parameters
    ----------
    compiled : CompiledPlan
    values : ndarray, shape (S, I, Y + 1)
        Output of :func:`~sim.engine.projection.project_array`.
    drivers : ndarray, shape (S, D, Y)
        The drivers that produced ``values`` (needed to solve derived targets).
    actuals : ndarray, shape (S or 1, I, Y), optional
    targets : tuple of Target, optional
        Default: every target and milestone of the plan.
    required : bool
        Compute the required pace (skip it for speed when only statuses are wanted).
    """
    plan = compiled.plan
    spec = _default_spec(plan) if targets is None else compile_targets(plan, tuple(targets))
    S, _, Y1 = values.shape
    T = len(spec.targets)
    v = values[:, spec.rows].astype(np.float64, copy=False)          # (S, T, Y+1)
    k = spec.k
    at = np.arange(Y1)
    cols = np.arange(T)
    base0 = v[:, :, 0]
    vk = v[:, cols, k]
    cum = np.cumsum(v, axis=2) - v[:, :, :1]                          # flows after the base year
    cumk = cum[:, cols, k]
    growth, goal = _growth_and_goal(base0, vk, spec)
    window = (at[None, :] >= 1) & (at[None, :] <= k[:, None])         # (T, Y+1)
    low = np.where(window[None], v, np.inf).min(axis=2)
    kind, direction, value = spec.kind, spec.direction, spec.value
    measure = np.where(kind == 0, growth, np.where(kind == 2, cumk, np.where(direction == 2, low, vk)))
    gap = np.where(direction == 1, value - measure, measure - value)
    eps = 1e-9 * np.maximum(1.0, np.abs(value))
    status = np.where(gap >= -eps, MET, np.where(gap >= -spec.tol, AT_RISK, MISSED)).astype(np.int8)
    # Whether each year clears the bar, for the first year the target is reached: one signed
    # comparison against a per-target threshold (the growth goal's level, or the value).
    compared = np.where((kind == 2)[None, :, None], cum, v)
    sign = np.where(direction == 1, -1.0, 1.0)[None, :, None]
    # The growth goal gets a relative slack that leans towards "reached" in either direction.
    bar = np.where((kind == 0)[None, :], goal * (1 - 1e-12 * sign[:, :, 0]), value[None, :])[:, :, None]
    reached = sign * (compared - bar) >= -np.where(kind == 0, 0.0, eps)[None, :, None]
    hold = direction == 2
    if hold.any():
        # A hold target is reached in the first year from which it holds to the target year.
        upto = at[None, :] <= k[:, None]
        kept = np.logical_and.accumulate(np.where(upto[None], reached, True)[:, :, ::-1], axis=2)[:, :, ::-1]
        reached = np.where(hold[None, :, None], kept & upto[None], reached)
        status = _broken_holds(status, actuals, spec, value - eps)
    hit = reached[:, :, 1:]
    first = np.where(hit.any(axis=2), plan.base_year + 1 + hit.argmax(axis=2), 0)
    # A hold target that does not hold is never "reached", even if it holds at the very end.
    first = np.where((direction == 2)[None, :] & (status != MET), 0, first)
    j = _last_actual(actuals, spec, S, Y1 - 1)                         # (S, T)
    rows = np.arange(S)[:, None]
    vj = v[rows, cols[None, :], j]
    cumj = cum[rows, cols[None, :], j]
    left = k[None, :] - j
    ok = left > 0
    left = np.where(ok, left, 1)
    own = _paces(spec, vj, vk, cumj, cumk, left)
    need = np.full((S, T), np.nan)
    if required:
        start = np.where(kind == 2, cumj, vj)
        goal_ = np.where(kind == 0, goal, np.where(kind == 2, value, value))
        need = _closed_form(spec, start, goal_, left)
        for t in np.flatnonzero(spec.derived):
            need[:, t] = _solve_shared_pace(compiled, spec.targets[t], drivers,
                                            _as_actuals(actuals, values), j[:, t])
    return TargetResults(
        targets=spec.targets, projected=measure, gap=gap, status=status,
        required=np.where(ok, need, np.nan), assumed_pace=np.where(ok, own, np.nan),
        first_year=first, last_actual=plan.base_year + j,
    )


def _broken_holds(status: np.ndarray, actuals, spec: TargetSpec, floor: np.ndarray) -> np.ndarray:
    """A hold target that an observed year has already broken is missed, whatever the margin."""
    if actuals is None:
        return status
    obs = actuals[:, spec.rows]                                        # (S|1, T, Y)
    years = np.arange(1, obs.shape[2] + 1)
    window = (years[None, :] <= spec.k[:, None]) & (spec.direction == 2)[:, None]
    with np.errstate(invalid="ignore"):
        broken = (window[None] & ~np.isnan(obs) & (obs < floor[None, :, None])).any(axis=2)
    return np.where(broken, MISSED, status).astype(np.int8)


def _as_actuals(actuals, values):
    if actuals is None:
        return np.full((1, values.shape[1], values.shape[2] - 1), np.nan)
    return actuals


def _growth_and_goal(base0, vk, spec: TargetSpec):
    with np.errstate(divide="ignore", invalid="ignore"):
        growth = (np.power(vk / base0, 1.0 / spec.k) - 1) * 100
    goal = base0 * (1 + spec.value / 100) ** spec.k
    return growth, goal


def _last_actual(actuals, spec: TargetSpec, S: int, Y: int) -> np.ndarray:
    """Per scenario and target: years after the base year up to the last actual of its leaves."""
    if actuals is None:
        return np.zeros((S, len(spec.targets)), dtype=np.intp)
    has = ~np.isnan(actuals)                                           # (S|1, I, Y)
    last = np.where(has.any(axis=2), Y - has[:, :, ::-1].argmax(axis=2), 0)
    j = (last[:, None, :] * spec.leaves[None]).max(axis=2)
    return np.broadcast_to(j, (S, len(spec.targets))).astype(np.intp)


def _paces(spec: TargetSpec, vj, vk, cumj, cumk, left) -> np.ndarray:
    """The scenario's own average pace from the last actual year to the target year."""
    compound = np.array([p == "compound" for p in spec.pace])
    with np.errstate(divide="ignore", invalid="ignore"):
        growth = (np.power(vk / vj, 1.0 / left) - 1) * 100
    linear = (vk - vj) / left
    flows = (cumk - cumj) / left
    return np.where(spec.kind == 2, flows, np.where(spec.flow_level, vk, np.where(compound, growth, linear)))


def _closed_form(spec: TargetSpec, start, goal, left) -> np.ndarray:
    """Constant pace reaching ``goal`` from ``start`` (derived targets are filled in later)."""
    compound = np.array([p == "compound" for p in spec.pace])
    hold = spec.direction == 2
    # A hold target must be met in every year: from below, the first year binds.
    years = np.where(hold[None, :] & (start < goal), 1, left)
    with np.errstate(divide="ignore", invalid="ignore"):
        growth = (np.power(goal / start, 1.0 / years) - 1) * 100
    linear = (goal - start) / years
    out = np.where(spec.kind == 2, (goal - start) / left,
                   np.where(spec.flow_level, spec.value, np.where(compound, growth, linear)))
    return np.where(spec.derived[None, :], np.nan, out)


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
    # The answer depends only on what is fixed before the free years: the last actual year,
    # the drivers up to it and the actuals. Solve once per distinct combination, and remember
    # it: a sweep with no actuals, or a slider moving in the app, needs no new solve.
    fixed = np.arange(Y)[None, None, :] < j[:, None, None]
    key = np.concatenate([j[:, None].astype(float), np.where(fixed, d0, 0.0).reshape(S, -1),
                          np.where(np.isnan(a0), -1e300, a0).reshape(S, -1)], axis=1)
    if S == 1 or (not j.any() and np.isnan(a0).all()):
        pick, back = np.zeros(1, dtype=np.intp), np.zeros(S, dtype=np.intp)
    else:
        _, pick, back = np.unique(key, axis=0, return_index=True, return_inverse=True)
        back = back.reshape(-1)
    label = (plan, target.indicator, target.year, target.kind, target.value, compiled.years[-1])
    memo_keys = [(label, key[p].tobytes()) for p in pick]
    todo = [i for i, mk in enumerate(memo_keys) if mk not in _SOLVED]
    if todo:
        rows = pick[todo]
        solved = _solve_rows(sub, row, target, d0[rows], a0[rows], j[rows], k, Y, dyn)
        for i, value in zip(todo, solved, strict=True):
            if len(_SOLVED) >= _SOLVED_MAX:
                _SOLVED.pop(next(iter(_SOLVED)))
            _SOLVED[memo_keys[i]] = float(value)
    return np.array([_SOLVED[mk] for mk in memo_keys])[back]


#: Shared paces already solved, keyed by (plan, target, horizon, fixed inputs).
_SOLVED: dict = {}
_SOLVED_MAX = 4096


def _solve_rows(sub: CompiledPlan, row: int, target: Target, d0: np.ndarray, a0: np.ndarray,
                j: np.ndarray, k: int, Y: int, dyn: str) -> np.ndarray:
    """Vectorised bracketing root search (Chandrupatla) for each row's shared pace."""
    S = d0.shape[0]

    def residual(x, idx):
        idx = idx.astype(np.int64)
        free = np.arange(Y)[None, :] >= j[idx][:, None]
        d = np.where(free[:, None, :], x[:, None, None], d0[idx])
        vals = project_array(sub, d, a0[idx])[:, row]
        return compared_value(target, vals, k) - target.value

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
    S, T = res.status.shape
    inds = [plan.by_id[t.indicator] for t in targets]

    def per_target(values) -> np.ndarray:
        return np.tile(np.array(values, dtype=object), S)

    bases: dict = {}
    basis = []
    for resolved in projection.scenarios:
        for target in targets:
            key = (target, tuple(resolved.last_actual_year(plan, leaf) for leaf in plan.leaves(target.indicator)))
            if key not in bases:
                bases[key] = verdict_basis(plan, target, key[1])
            basis.append(bases[key])
    value = np.array([t.value for t in targets])
    with np.errstate(divide="ignore", invalid="ignore"):
        gap_pct = np.where(value != 0, res.gap / np.abs(value) * 100, np.nan)
    first = res.first_year.reshape(-1)
    table = pd.DataFrame({
        "scenario": np.repeat(np.array(projection.names, dtype=object), T),
        "indicator": per_target([i.id for i in inds]),
        "name": per_target([i.name_zh for i in inds]),
        "name_en": per_target([i.name_en for i in inds]),
        "unit": per_target([i.value_unit for i in inds]),
        "area": per_target([i.area for i in inds]),
        "check": per_target(["milestone" if t.milestone else "target" for t in targets]),
        "kind": per_target([t.kind for t in targets]),
        "target_year": np.tile([t.year for t in targets], S),
        "direction": per_target([t.direction for t in targets]),
        "target": np.tile(value, S),
        "projected": res.projected.reshape(-1),
        "status": np.array(STATUSES, dtype=object)[res.status.reshape(-1)],
        "gap": res.gap.reshape(-1),
        "gap_pct": gap_pct.reshape(-1),
        "measure_unit": per_target(["%/年" if t.kind == "growth" else i.value_unit for t, i in zip(targets, inds, strict=True)]),
        "required": res.required.reshape(-1),
        "assumed_pace": res.assumed_pace.reshape(-1),
        "pace_unit": per_target([pace_unit(pace_dynamic(plan, i.id), i.value_unit) for i in inds]),
        "last_actual_year": res.last_actual.reshape(-1),
        "first_year": pd.array(np.where(first > 0, first, 0), dtype="Int64"),
        "milestone_status": _milestone_status(targets, res).reshape(-1),
        "basis": [b for b, _ in basis],
        "assumed": [b == "assumed" for b, _ in basis],
        "assumed_note": [n for _, n in basis],
        "quote": per_target([t.number.note for t in targets]),
    })
    table.loc[first == 0, "first_year"] = pd.NA
    return table[list(CHECK_COLUMNS)]


def _milestone_status(targets, res: TargetResults) -> np.ndarray:
    """(S, T): for a target row, the status of the same indicator's first milestone (else NA)."""
    S, T = res.status.shape
    out = np.full((S, T), pd.NA, dtype=object)
    first_milestone = {}
    for t, target in enumerate(targets):
        if target.milestone:
            first_milestone.setdefault(target.indicator, t)
    for t, target in enumerate(targets):
        m = first_milestone.get(target.indicator)
        if not target.milestone and m is not None:
            out[:, t] = np.array(STATUSES, dtype=object)[res.status[:, m]]
    return out


_RANK = {"reported": 0, "actual": 0, "derived": 1, "assumed": 2}


def verdict_basis(plan: Plan, target: Target, leaf_last_actual: tuple[int, ...]) -> tuple[str, str]:
    """Weakest basis among the numbers a verdict rests on, and the reasons of assumed ones.

    Parameters
    ----------
    leaf_last_actual : tuple of int
        Last year with an actual for each driver the target's indicator depends on
        (``plan.leaves(target.indicator)``, same order); the base year where there is none.

    The target value always counts. A driver's base-year level counts for growth targets, and
    for level targets until an actual replaces it (decided driver by driver, so a derived total
    still rests on the placeholder of an input that has no actual). Cumulative targets sum
    yearly flows and never use the base-year level.
    """
    numbers = [("target", target.number)]
    leaves = plan.leaves(target.indicator)
    observed = any(year > plan.base_year for year in leaf_last_actual)
    for leaf, last in zip(leaves, leaf_last_actual, strict=True):
        if target.kind == "growth" or (target.kind == "level" and last == plan.base_year):
            numbers.append((f"{leaf} baseline", plan.by_id[leaf].baseline))
    worst = "reported"
    if observed and len(numbers) == 1:
        worst = "actual"
    notes = []
    for label, number in numbers:
        if _RANK[number.basis] > _RANK[worst]:
            worst = number.basis
        if number.assumed:
            notes.append(f"{label}: {number.reason}")
    return worst, " | ".join(notes)
