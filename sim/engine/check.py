"""The target table: :func:`check_targets` turns a projection into one row per scenario and
target (and milestone), with the basis each verdict rests on (:func:`verdict_basis`).

The numbers come from :func:`sim.engine.targets.evaluate_targets`; this module only lays them
out in the columns :data:`sim.io.schema.CHECK_COLUMNS` that the app, the command line, the
exports and the tests all read.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sim.engine.kernel import compile_plan
from sim.engine.measure import pace_dynamic
from sim.engine.projection import Projection
from sim.engine.targets import TargetResults, all_targets, evaluate_targets
from sim.io.plan import Plan, Target, pace_unit
from sim.io.schema import CHECK_COLUMNS, STATUSES


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
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        gap_pct = np.where(value != 0, res.gap / np.abs(value) * 100, np.nan)
    gap_pct[~np.isfinite(gap_pct)] = np.nan  # no per cent of a target of 0 (or of 1e-320)
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
        "warning": [_warning(plan, r, t) for r in projection.scenarios for t in targets],
    })
    table.loc[first == 0, "first_year"] = pd.NA
    table = table[list(CHECK_COLUMNS)]
    table.attrs["warnings"] = [w.message for w in projection.warnings]
    # How many years a growth target spans decides its word (增长 or 年均增长): sim.report.labels.
    table.attrs["base_year"] = plan.base_year
    return table


def _warning(plan, resolved, target) -> str:
    """The scenario's plausibility warnings about a driver this target depends on, one per line
    (empty if none); every warning of the run is also in ``table.attrs["warnings"]``."""
    fields = {f"drivers.{leaf}" for leaf in plan.leaves(target.indicator)}
    return "\n".join(w.message for w in resolved.warnings if w.field.split("[")[0] in fields)


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
