"""Mid-term review (时间过半、任务过半): progress against each plan target from observed values.

For each 2030 target and the latest observed year ``y`` of its indicator:

* ``elapsed_share`` = (y − base year) / (target year − base year), the share of the plan
  period gone;
* ``covered_share``: the share of the distance from the base-year level to the target
  already covered, measured on the indicator's own scale: logarithmic for compound
  indicators and growth targets (ln(A/B) / ln(G/B)), linear for additions and percentages
  ((A − B) / (G − B)), and the running total over the target for cumulative targets. On
  the constant-pace path that meets the target exactly, the two shares are equal, so
* ``progress`` = covered / elapsed reads directly: 1 is exactly on the path.
* ``achieved_pace`` (base year to ``y``) against ``required_pace`` (``y`` to the target year)
  [driver unit]: how much faster (or slower) the remaining years must go.

Verdicts (thresholds :data:`AHEAD` and :data:`BEHIND`):

``ahead``
    progress ≥ 1.10, or the target level is already reached;
``on_track``
    0.90 ≤ progress < 1.10;
``behind``
    progress < 0.90; for 'hold' targets, any observed year below the threshold;
``no_data``
    no observed value (or, for a cumulative target, a year missing since the base year).

A row is ``provisional`` when the comparison rests on an assumed baseline (an index
baseline compares only with actuals entered on the same index).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from sim.engine.dynamics import derive
from sim.engine.targets import pace_dynamic
from sim.io.actuals import Actuals
from sim.io.errors import InputError
from sim.io.plan import Plan, Target, pace_unit
from sim.io.scenario import Scenario

#: Progress (covered share / elapsed share) at or above which a target is ``ahead``.
AHEAD = 1.10
#: Progress below which a target is ``behind``.
BEHIND = 0.90
VERDICTS = ("ahead", "on_track", "behind", "no_data")
VERDICT_ZH = {"ahead": "超前", "on_track": "符合进度", "behind": "滞后", "no_data": "无数据"}

MIDTERM_COLUMNS = ["indicator", "name", "unit", "kind", "direction", "target_year", "target", "goal",
                   "baseline", "as_of", "actual", "elapsed_share", "covered_share", "progress",
                   "achieved_pace", "required_pace", "pace_unit", "verdict", "provisional", "note"]


def scenario_actuals(scenario: Scenario) -> Actuals:
    """The actuals of a scenario and its parents (the child's values win)."""
    out: Actuals = {}
    for node in scenario.chain:
        for key, obs in node.actuals.items():
            out.setdefault(key, {}).update(obs)
    return out


def check_actuals(plan: Plan, actuals: Actuals, source: str = "actuals") -> None:
    """Reject actuals for unknown indicators, years outside the plan period and impossible values.

    Raises
    ------
    InputError
        Naming the source, the indicator and year, and the reason.
    """
    for key, obs in actuals.items():
        if key not in plan.by_id:
            raise InputError(source, key, f"unknown indicator '{key}'; known: {', '.join(plan.by_id)}")
        ind = plan.by_id[key]
        for year, value in obs.items():
            where = f"{key}.{year}"
            if not plan.base_year < year <= plan.target_year:
                raise InputError(source, where, f"year {year} is outside the plan period "
                                 f"{plan.base_year + 1}–{plan.target_year}")
            if not math.isfinite(value):
                raise InputError(source, where, f"{value} is not a finite number")
            if ind.is_percent and not 0 <= value <= 100:
                raise InputError(source, where, f"{value} is outside [0, 100] for a percentage")
            if pace_dynamic(plan, key) == "compound" and value <= 0:
                raise InputError(source, where, f"{value} must be positive for '{key}'")


def observed(plan: Plan, actuals: Actuals, ind_id: str, year: int) -> float:
    """The observed value of an indicator in ``year`` [unit]: given, or derived from its inputs."""
    given = actuals.get(ind_id, {}).get(year)
    if given is not None:
        return float(given)
    ind = plan.by_id[ind_id]
    if ind.is_driver:
        return math.nan
    parts = [observed(plan, actuals, x, year) for x in ind.inputs]
    if not all(math.isfinite(v) for v in parts):
        return math.nan
    return float(derive([np.array([v]) for v in parts], ind.op, ind.scale)[0])


def _base(plan: Plan, ind_id: str) -> tuple[float, bool]:
    """Base-year level [unit] and whether it rests on an assumed number."""
    ind = plan.by_id[ind_id]
    if ind.baseline is not None:
        return ind.baseline.value, ind.baseline.assumed
    parts = [_base(plan, x) for x in ind.inputs]
    value = float(derive([np.array([v]) for v, _ in parts], ind.op, ind.scale)[0])
    return value, any(a for _, a in parts)


def _share(dyn: str, base: float, actual: float, goal: float) -> float:
    if dyn == "compound":
        if min(base, actual, goal) <= 0 or goal == base:
            return math.nan
        return math.log(actual / base) / math.log(goal / base)
    return (actual - base) / (goal - base) if goal != base else math.nan


def _pace(dyn: str, start: float, end: float, years: int) -> float:
    if years <= 0:
        return math.nan
    if dyn == "compound":
        return ((end / start) ** (1 / years) - 1) * 100 if start > 0 and end > 0 else math.nan
    return (end - start) / years


def _reached(target: Target, actual: float, goal: float) -> bool:
    return actual <= goal if target.direction == "at_most" else actual >= goal


def verdict(progress: float, reached: bool) -> str:
    """``ahead``, ``on_track`` or ``behind`` from progress (covered / elapsed share)."""
    if reached or (math.isfinite(progress) and progress >= AHEAD):
        return "ahead"
    if math.isfinite(progress) and progress >= BEHIND:
        return "on_track"
    return "behind"


def _review_target(plan: Plan, target: Target, actuals: Actuals, as_of: int) -> dict:
    ind = plan.by_id[target.indicator]
    dyn = pace_dynamic(plan, ind.id)
    base, assumed = _base(plan, ind.id)
    n = target.year - plan.base_year
    years = [y for y in range(plan.base_year + 1, min(as_of, target.year) + 1)
             if math.isfinite(observed(plan, actuals, ind.id, y))]
    goal = base * (1 + target.value / 100) ** n if target.kind == "growth" else target.value
    row = {"indicator": ind.id, "name": ind.name_zh, "unit": ind.value_unit, "kind": target.kind,
           "direction": target.direction, "target_year": target.year, "target": target.value,
           "goal": goal, "baseline": base, "pace_unit": pace_unit(dyn, ind.unit), "provisional": assumed,
           "note": ""}
    if ind.baseline is not None and ind.baseline.index:
        row["note"] = f"the {plan.base_year} baseline is an index (= 100): enter actuals on the same index"
    if not years:
        return {**row, "verdict": "no_data"}
    y = years[-1]
    k = y - plan.base_year
    elapsed = k / n
    if target.kind == "cumulative":
        return _cumulative(plan, target, actuals, row, years, y, elapsed)
    actual = observed(plan, actuals, ind.id, y)
    row.update(as_of=y, actual=actual, elapsed_share=elapsed)
    if target.direction == "hold":
        low = min(observed(plan, actuals, ind.id, yy) for yy in years)
        return {**row, "covered_share": math.nan, "progress": math.nan,
                "verdict": "on_track" if low >= target.value else "behind",
                "note": row["note"] or f"lowest observed value {low:g}"}
    covered = _share(dyn, base, actual, goal)
    progress = covered / elapsed
    return {**row, "covered_share": covered, "progress": progress,
            "achieved_pace": _pace(dyn, base, actual, k),
            "required_pace": _pace(dyn, actual, goal, target.year - y),
            "verdict": verdict(progress, _reached(target, actual, goal))}


def _cumulative(plan: Plan, target: Target, actuals: Actuals, row: dict, years: list[int], y: int,
                elapsed: float) -> dict:
    row.update(as_of=y, elapsed_share=elapsed)
    if years != list(range(plan.base_year + 1, y + 1)):
        return {**row, "verdict": "no_data", "note": "a cumulative target needs every year's flow since "
                f"{plan.base_year + 1}; observed: {', '.join(map(str, years))}"}
    total = sum(observed(plan, actuals, row["indicator"], yy) for yy in years)
    covered = total / target.value
    left = target.year - y
    return {**row, "actual": total, "covered_share": covered, "progress": covered / elapsed,
            "achieved_pace": total / len(years),
            "required_pace": (target.value - total) / left if left else math.nan,
            "verdict": verdict(covered / elapsed, total >= target.value)}


def midterm_review(plan: Plan, actuals: Actuals, as_of: int | None = None,
                   source: str = "actuals") -> pd.DataFrame:
    """Progress of every plan target against observed values.

    Parameters
    ----------
    plan : Plan
    actuals : dict
        Indicator id → {year: observed value [unit]} (see :func:`sim.actuals.load_actuals`).
        Derived indicators may be given directly or through their inputs.
    as_of : int, optional
        Review year (default: the latest year with any actual).
    source : str
        Where the actuals came from (for error messages).

    Returns
    -------
    DataFrame
        One row per plan target, columns :data:`MIDTERM_COLUMNS`. ``goal`` is the level to
        reach [unit] (the total for cumulative targets), ``actual`` the observed level (or
        running total) in ``as_of``, shares are fractions, paces [``pace_unit``].

    Raises
    ------
    InputError
        For actuals that do not fit the plan (see :func:`check_actuals`).
    """
    check_actuals(plan, actuals, source)
    years = [y for obs in actuals.values() for y in obs]
    if as_of is None:
        as_of = max(years, default=plan.base_year)
    elif not plan.base_year < as_of <= plan.target_year:
        raise InputError("--as-of", "", f"{as_of} is outside the plan period "
                         f"{plan.base_year + 1}–{plan.target_year}")
    rows = [_review_target(plan, t, actuals, as_of) for t in plan.targets]
    table = pd.DataFrame(rows).reindex(columns=MIDTERM_COLUMNS)
    table["as_of"] = table["as_of"].astype("Int64")
    return table


def counts(review: pd.DataFrame) -> dict[str, int]:
    """Number of targets per verdict."""
    got = review["verdict"].value_counts()
    return {v: int(got.get(v, 0)) for v in VERDICTS}
