"""How a target is measured: the value a scenario's path is compared with.

Average growth for growth targets, the level for level targets, the lowest level up to the
target year for ``hold`` targets, and the sum of yearly flows for cumulative ones.
"""

from __future__ import annotations

import numpy as np

from sim.engine.dynamics import average_growth
from sim.io.plan import Target


def compared_value(target: Target, v: np.ndarray, k: int) -> np.ndarray:
    """The value a target is compared with, for paths ``v`` of shape (S, Y + 1) [target unit]:
    average growth, the level, the lowest level up to the target year (hold) or the cumulative
    flow. Used by the solvers; :func:`evaluate_targets` computes the same, vectorised over targets."""
    if target.kind == "growth":
        return average_growth(v[:, 0], v[:, k], k)
    if target.kind == "cumulative":
        return v[:, 1:k + 1].sum(axis=1)
    if target.direction == "hold":
        return v[:, 1:k + 1].min(axis=1)
    return v[:, k]
