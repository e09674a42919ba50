"""How a target is measured: the compared value, the at-risk tolerance and the status codes.

The one home of these rules; the target check (:mod:`sim.engine.targets`), the Monte Carlo
counter (:mod:`sim.uncertainty.counter`) and goal seek all call them.

* compared value: average growth for growth targets, the level for level targets, the lowest
  level up to the target year for ``hold`` targets, and the sum of yearly flows for cumulative
  ones (:func:`compared_value`);
* ``met``: the target is reached to floating-point rounding (:func:`met_margin`);
* ``at_risk``: missed by no more than :func:`tolerance` (the plan's ``[check]`` table: 0.5
  percentage points of average growth, 1 point for percentages, 2 % of the target value otherwise);
* ``missed``: missed by more (:func:`status_code`).

For speed the Monte Carlo compares growth targets on the level ratio instead of the average
growth: average growth ``g ≥ x`` exactly when ``end / start ≥ (1 + x/100)^k``; :func:`bar`
gives that threshold, so no power is taken per draw.
"""

from __future__ import annotations

import numpy as np

from sim.engine.dynamics import average_growth, growth_goal
from sim.io.plan import Plan, Target, pace_dynamic
from sim.io.schema import STATUSES

#: Status codes, indices into :data:`sim.io.schema.STATUSES`.
MET, AT_RISK, MISSED = 0, 1, 2
KINDS = {"growth": 0, "level": 1, "cumulative": 2}
DIRECTIONS = {"at_least": 0, "at_most": 1, "hold": 2}


def tolerance(plan: Plan, target: Target) -> float:
    """How far short of ``target`` still counts as at risk [target unit]."""
    tol = plan.tolerances
    if target.kind == "growth":
        return tol.growth_pp
    if plan.by_id[target.indicator].is_percent:
        return tol.percent_pp
    return tol.level_rel * abs(target.value)


def met_margin(value):
    """Rounding slack under which a target still counts as met [target unit]."""
    return 1e-9 * np.maximum(1.0, np.abs(value))


def status_code(gap: np.ndarray, tol: np.ndarray, eps: np.ndarray) -> np.ndarray:
    """Status code (:data:`MET`, :data:`AT_RISK`, :data:`MISSED`) of a signed ``gap`` (positive =
    beaten) against the at-risk tolerance ``tol`` and the rounding slack ``eps``."""
    return np.where(gap >= -eps, MET, np.where(gap >= -tol, AT_RISK, MISSED)).astype(np.int8)


def status_name(code) -> str:
    """``met``, ``at_risk`` or ``missed``."""
    return STATUSES[int(code)]


def bar(target: Target, k: int, margin: float) -> float:
    """The threshold the Monte Carlo's measure must clear, ``margin`` short of the target:
    the value itself, or for growth targets the level ratio ``(1 + x/100)^k`` [target unit or 1]."""
    x = target.value + margin if target.direction == "at_most" else target.value - margin
    return float(growth_goal(1.0, max(x, -100.0), k)) if target.kind == "growth" else x


def compared_value(target: Target, v: np.ndarray, k: int) -> np.ndarray:
    """The value a target is compared with, for paths ``v`` of shape (S, Y + 1) [target unit]:
    average growth, the level, the lowest level up to the target year (hold) or the cumulative
    flow. Used by the solvers; :func:`~sim.engine.targets.evaluate_targets` computes the same,
    vectorised over targets, with :func:`compared_values`."""
    if target.kind == "growth":
        return average_growth(v[:, 0], v[:, k], k)
    if target.kind == "cumulative":
        return v[:, 1:k + 1].sum(axis=1)
    if target.direction == "hold":
        return v[:, 1:k + 1].min(axis=1)
    return v[:, k]


def compared_values(kind: np.ndarray, direction: np.ndarray, growth, cumulative, lowest, level) -> np.ndarray:
    """:func:`compared_value` vectorised over targets, from the candidates already computed."""
    return np.where(kind == KINDS["growth"], growth,
                    np.where(kind == KINDS["cumulative"], cumulative,
                             np.where(direction == DIRECTIONS["hold"], lowest, level)))


def signed_gap(direction: np.ndarray, value, measured) -> np.ndarray:
    """Margin by which ``measured`` beats the target ``value`` (at_most: value − measured)."""
    return np.where(direction == DIRECTIONS["at_most"], value - measured, measured - value)


__all__ = ["AT_RISK", "MET", "MISSED", "bar", "compared_value", "compared_values", "met_margin", "pace_dynamic",
           "signed_gap", "status_code", "status_name", "tolerance"]
