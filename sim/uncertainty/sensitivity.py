"""Which assumption matters most: a tornado of every target's gap against every driver.

Each driver in turn moves by one step down and one step up in every projected year, all
other drivers staying at the scenario's paths, and the change of each target's gap (in the
target's unit: percentage points of average growth, or the level's unit) is recorded.
Two step sizes:

``unit``
    One driver unit: ±1 percentage point of growth for compound drivers, ±1 unit a year for
    additive and flow drivers, ±1 point a year for percentages.
``sd``
    One standard deviation of the driver's uncertainty (see :mod:`sim.uncertainty`); for
    compound drivers on the log scale, ``(100 + g)·exp(±sd/100) − 100``, like the Monte Carlo.

Rows are ranked per target and step by the larger of the two swings. Every shifted scenario
goes through :func:`sim.engine.projection.project_array` and :func:`sim.engine.targets.evaluate_targets`
in one vectorised call.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sim.engine.dynamics import shift_growth
from sim.engine.kernel import compile_plan, project_array
from sim.engine.links import relink
from sim.engine.resolve import resolve
from sim.engine.targets import all_targets, evaluate_targets
from sim.io.plan import Plan, Target, pace_unit
from sim.io.scenario import Scenario
from sim.uncertainty.spec import Uncertainty, uncertainty_for

STEPS = ("unit", "sd")
#: Swings smaller than this share of the target's value are treated as no effect.
NEGLIGIBLE = 1e-12


def shifted_paths(plan: Plan, paths: np.ndarray, uncertainty: Uncertainty) -> tuple[np.ndarray, list]:
    """Driver paths (1 + 4D, D, Y): the scenario's, then each driver down/up by a unit and an sd.

    Returns the stack and, per row after the first, ``(driver position, step, sign, size)``.
    """
    D = paths.shape[0]
    stack = np.repeat(paths[None], 1 + 4 * D, axis=0)
    labels = []
    row = 1
    for d, ind in enumerate(plan.drivers):
        sd = float(uncertainty.std[d])
        for step in STEPS:
            for sign in (-1.0, 1.0):
                if step == "unit":
                    stack[row, d] = paths[d] + sign
                    size = 1.0
                elif ind.dynamic == "compound":
                    stack[row, d] = shift_growth(paths[d], np.full(paths.shape[1], sign * sd / 100))
                    size = sd
                else:
                    stack[row, d] = paths[d] + sign * sd
                    size = sd
                labels.append((d, step, sign, size))
                row += 1
    return stack, labels


def tornado(plan: Plan, scenario: Scenario, *, uncertainty: Uncertainty | None = None,
            milestones: bool = False, targets: tuple[Target, ...] | None = None, lang: str = "zh",
            keep_zero: bool = False) -> pd.DataFrame:
    """Tornado table: per target, step and driver, the gap after a move down and up.

    Parameters
    ----------
    plan : Plan
    scenario : Scenario
    uncertainty : Uncertainty, optional
        Sets the ``sd`` step (default: the scenario's).
    milestones : bool
        Include intermediate-year milestones (default: the plan's targets only).
    targets : tuple of Target, optional
        Restrict to these.
    lang : {"zh", "en"}
        Language of the ``name`` and ``driver_name`` columns.
    keep_zero : bool
        Keep drivers that do not move the target at all.

    Returns
    -------
    DataFrame
        ``indicator, name, check, kind, target_year, direction, target, measure_unit,
        base_gap, step, driver, driver_name, size, pace_unit, gap_down, gap_up, change_down,
        change_up, swing, rank``. Gaps and changes are in ``measure_unit`` (positive gap =
        beaten); ``size`` is the move of the driver in ``pace_unit`` (log points for the
        ``sd`` step of a compound driver).
    """
    resolved = resolve(plan, scenario)
    unc = uncertainty or uncertainty_for(plan, scenario, resolved)
    targets = all_targets(plan, milestones) if targets is None else tuple(targets)
    compiled = compile_plan(plan, resolved.years[-1])
    stack, labels = shifted_paths(plan, resolved.drivers, unc)
    stack = relink(stack, resolved.linked, [d for d, *_ in labels])   # shocks reach linked drivers
    acts = resolved.actuals[None]
    gaps = evaluate_targets(compiled, project_array(compiled, stack, acts, clip=True), stack, acts, targets,
                            required=False).gap                                       # (1 + 4D, T)
    rows = []
    for t, target in enumerate(targets):
        ind = plan.by_id[target.indicator]
        tiny = NEGLIGIBLE * max(1.0, abs(target.value))
        for k in range(0, len(labels), 2):
            d, step, _, size = labels[k]
            down, up = gaps[1 + k, t], gaps[2 + k, t]
            swing = max(abs(down - gaps[0, t]), abs(up - gaps[0, t]))
            if not keep_zero and not swing > tiny:
                continue
            drv = plan.drivers[d]
            rows.append({
                "indicator": ind.id, "name": ind.name_zh, "name_en": ind.name_en,
                "check": "milestone" if target.milestone else "target", "kind": target.kind,
                "target_year": target.year, "direction": target.direction, "target": target.value,
                "measure_unit": "%/年" if target.kind == "growth" else ind.unit, "base_gap": gaps[0, t],
                "step": step, "driver": drv.id, "driver_name": drv.name_zh, "driver_name_en": drv.name_en,
                "size": size, "pace_unit": "log points/yr" if step == "sd" and drv.dynamic == "compound"
                else pace_unit(drv.dynamic, drv.unit),
                "gap_down": down, "gap_up": up, "change_down": down - gaps[0, t], "change_up": up - gaps[0, t],
                "swing": swing,
            })
    table = pd.DataFrame(rows)
    if table.empty:
        return table
    keys = ["indicator", "check", "target_year", "step"]
    table["rank"] = table.groupby(keys, sort=False)["swing"].rank(ascending=False, method="first").astype(int)
    position = {(t.indicator, "milestone" if t.milestone else "target", t.year): i for i, t in enumerate(targets)}
    order = pd.DataFrame({
        "t": [position[k] for k in zip(table.indicator, table.check, table.target_year, strict=True)],
        "s": table.step.map(STEPS.index), "r": table["rank"]})
    return table.loc[order.sort_values(["t", "s", "r"]).index].reset_index(drop=True)
