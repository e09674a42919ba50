"""Target check arrays: every scenario against every target and milestone of the plan.

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

The numeric core, :func:`evaluate_targets`, works on arrays with a leading scenario axis; the
rules of measuring come from :mod:`sim.engine.measure`, paces from :mod:`sim.engine.dynamics`,
the shared pace of a derived target from :mod:`sim.engine.solve`; :mod:`sim.engine.check`
turns the results into the check table.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from sim.engine.dynamics import average_growth, growth_goal, pace
from sim.engine.kernel import CompiledPlan, subplan
from sim.engine.measure import (
    AT_RISK,
    DIRECTIONS,
    KINDS,
    MET,
    MISSED,
    compared_values,
    met_margin,
    pace_dynamic,
    signed_gap,
    status_code,
    tolerance,
)
from sim.engine.solve import shared_pace
from sim.io.plan import Plan, Target


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
    pace_of: np.ndarray     # the same as an array, for :func:`sim.engine.dynamics.pace`
    derived: np.ndarray     # target on a derived indicator: required pace is solved numerically




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
        kind=np.array([KINDS[t.kind] for t in targets]),
        direction=np.array([DIRECTIONS[t.direction] for t in targets]),
        value=np.array([t.value for t in targets], dtype=float),
        tol=np.array([tolerance(plan, t) for t in targets]),
        leaves=leaves,
        pace=tuple(pace_dynamic(plan, t.indicator) for t in targets),
        pace_of=np.array([pace_dynamic(plan, t.indicator) for t in targets]),
        # A sum of additions (综合能源装机 = its kinds) needs the closed form on the total, in the
        # same unit as the scenario's own pace; other derived targets solve one shared pace.
        derived=np.array([not plan.by_id[t.indicator].is_driver and pace_dynamic(plan, t.indicator) != "additive"
                          for t in targets]),
    )


#: The compiled spec of every target and milestone, per compiled plan (compiled plans are
#: cached per plan and horizon and compared by identity, so a look-up hashes nothing).
_DEFAULT_SPECS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _default_spec(compiled: CompiledPlan) -> TargetSpec:
    spec = _DEFAULT_SPECS.get(compiled)
    if spec is None:
        spec = _DEFAULT_SPECS[compiled] = compile_targets(compiled.plan, all_targets(compiled.plan))
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
    spec = _default_spec(compiled) if targets is None else compile_targets(plan, tuple(targets))
    S, _, Y1 = values.shape
    T = len(spec.targets)
    v = values[:, spec.rows].astype(np.float64, copy=False)          # (S, T, Y+1)
    k = spec.k
    at = np.arange(Y1)
    cols = np.arange(T)
    base0 = v[:, :, 0]
    vk = v[:, cols, k]
    # Every measure is computed for every target and only its kind's is read: a level's running sum
    # (read for flows, whose totals resolve checks) or a 1e308 level's growth may overflow unread.
    with np.errstate(over="ignore"):
        cum = np.cumsum(v, axis=2) - v[:, :, :1]                      # flows after the base year
        growth = average_growth(base0, vk, k)
    cumk = cum[:, cols, k]
    # Only a growth target's value is a growth rate: a level target of 1e308 raised to the years overflowed.
    goal = growth_goal(base0, np.where(spec.kind == 0, spec.value, 0.0), k)
    window = (at[None, :] >= 1) & (at[None, :] <= k[:, None])         # (T, Y+1)
    low = np.where(window[None], v, np.inf).min(axis=2)
    kind, direction, value = spec.kind, spec.direction, spec.value
    measure = compared_values(kind, direction, growth, cumk, low, vk)
    gap = signed_gap(direction, value, measure)
    eps = met_margin(value)
    status = status_code(gap, spec.tol, eps)
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
        need = _closed_form(spec, start, np.where(kind == 0, goal, value), left)
        for t in np.flatnonzero(spec.derived):
            need[:, t] = _required_shared_pace(compiled, spec.targets[t], drivers, actuals, j[:, t])
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
    return np.where(spec.kind == KINDS["cumulative"], pace("additive", cumj, cumk, left),
                    pace(spec.pace_of, vj, vk, left))


def _closed_form(spec: TargetSpec, start, goal, left) -> np.ndarray:
    """Constant pace reaching ``goal`` from ``start`` (derived targets are filled in later)."""
    # A hold target must be met in every year: from below, the first year binds.
    years = np.where((spec.direction == DIRECTIONS["hold"])[None, :] & (start < goal), 1, left)
    out = np.where(spec.kind == KINDS["cumulative"], pace("additive", start, goal, left),
                   pace(spec.pace_of, start, goal, years))
    return np.where(spec.derived[None, :], np.nan, out)


#: Shared paces already solved, per compiled plan: (target, fixed inputs) → pace. A sweep with
#: no actuals, or a slider moving in the app, then needs no new solve.
_SOLVED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_SOLVED_MAX = 4096


def _required_shared_pace(compiled: CompiledPlan, target: Target, drivers: np.ndarray,
                          actuals: np.ndarray | None, j: np.ndarray) -> np.ndarray:
    """One pace for every driver under a derived target, from the last actual year, that
    meets it exactly (:func:`sim.engine.solve.shared_pace`); NaN where none does."""
    plan = compiled.plan
    dyns = {plan.by_id[x].dynamic for x in plan.leaves(target.indicator)}
    S = drivers.shape[0]
    if len(dyns) != 1:
        return np.full(S, np.nan)
    sub, cols, row = subplan(plan, target.indicator, compiled.years[-1])
    d0 = drivers[:, list(cols)].astype(np.float64)
    if actuals is None:
        a0 = np.full((1, len(sub.plan.indicators), d0.shape[2]), np.nan)
    else:
        a0 = actuals[:, [plan.index[x.id] for x in sub.plan.indicators]]
    a0 = np.broadcast_to(a0, (S, *a0.shape[1:]))
    Y = d0.shape[2]
    # The answer depends only on what is fixed before the free years: the last actual year,
    # the drivers up to it and the actuals. Solve once per distinct combination.
    fixed = np.arange(Y)[None, None, :] < j[:, None, None]
    key = np.concatenate([j[:, None].astype(float), np.where(fixed, d0, 0.0).reshape(S, -1),
                          np.where(np.isnan(a0), -1e300, a0).reshape(S, -1)], axis=1)
    if S == 1 or (not j.any() and np.isnan(a0).all()):
        pick, back = np.zeros(1, dtype=np.intp), np.zeros(S, dtype=np.intp)
    else:
        _, pick, back = np.unique(key, axis=0, return_index=True, return_inverse=True)
        back = back.reshape(-1)
    memo = _SOLVED.setdefault(compiled, {})
    label = (target.indicator, target.year, target.kind, target.value)
    memo_keys = [(label, key[p].tobytes()) for p in pick]
    todo = [i for i, mk in enumerate(memo_keys) if mk not in memo]
    if todo:
        rows = pick[todo]
        free = np.arange(Y)[None, None, :] >= j[rows][:, None, None]
        solved = shared_pace(sub, row, target, d0[rows], free, a0[rows], dyns.pop())
        for i, value in zip(todo, solved, strict=True):
            if len(memo) >= _SOLVED_MAX:
                memo.pop(next(iter(memo)))
            memo[memo_keys[i]] = float(value)
    return np.array([memo[mk] for mk in memo_keys])[back]


__all__ = ["AT_RISK", "MET", "MISSED", "TargetResults", "TargetSpec", "all_targets", "compile_targets",
           "evaluate_targets", "pace_dynamic", "tolerance"]
