"""Whether a Monte Carlo run's draws stay within the largest number its precision holds.

Draws are computed in single precision by default (float32: at most 3.4 × 10³⁸). A scenario that
resolves in double precision can still take a draw past that: an addition of 10³⁰⁰ 万千瓦 a year
(accepted, with a warning, by :func:`sim.engine.resolve.resolve`), or a spread of 1,000 log points a
year compounded over five years. The draws then turn to ``inf`` and ``NaN``, and so do the fan-chart
quantiles and the kept draws. :func:`check_reach` refuses such a run before any draw, naming the
driver; every plan and scenario shipped here stays some thirty orders of magnitude below the bound.
"""

from __future__ import annotations

import math

import numpy as np

from sim.engine.kernel import compile_plan, project_array
from sim.engine.resolve import ResolvedScenario
from sim.io.errors import ScenarioError
from sim.io.plan import Plan
from sim.uncertainty.spec import Uncertainty

#: Standard deviations a normal deviation is allowed to reach in each year: P(|z| > 8) ≈ 1.2 × 10⁻¹⁵,
#: so a billion draws of every driver and year are all but sure to stay inside.
Z_MAX = 8.0
#: Room left [natural log] for what is computed from a driver: sums of parts (GDP of three sectors)
#: and links whose elasticity exceeds 1 (规上工业 follows 二产 × 1.3235).
HEADROOM = math.log(1e6)


def check_reach(plan: Plan, resolved: ResolvedScenario, uncertainty: Uncertainty, dtype) -> None:
    """Refuse a run in which some draw could pass the largest finite number of ``dtype``.

    Each driver's level on the scenario's own path is moved by its spread in every year in the
    same direction (persistence 1, the worst case): ``Z_MAX`` standard deviations of a normal, the
    far end of a triangular or uniform.

    Raises
    ------
    ScenarioError
        ``file: uncertainty.<driver>: …`` naming the level the draws could reach.
    """
    limit = math.log(float(np.finfo(dtype).max)) - HEADROOM
    compiled = compile_plan(plan, resolved.years[-1])
    with np.errstate(all="ignore"):
        values = project_array(compiled, resolved.kernel_drivers[None], resolved.actuals[None])[0]
    years = len(resolved.years) - 1
    for ind, margin in zip(plan.drivers, uncertainty.marginals, strict=True):
        top = float(np.nanmax(np.abs(values[plan.index[ind.id]])))
        far = Z_MAX * margin.sd if margin.dist == "normal" else max(abs(margin.low), abs(margin.high))
        if ind.dynamic == "compound":
            reach = math.log(max(top, 1e-300)) + years * far / 100      # log points compound
        else:
            reach = math.log(max(top + years * far, 1e-300))
        if reach > limit:
            # The path alone too large: the driver's setting is the cause; else its spread.
            field = f"drivers.{ind.id}" if math.log(max(top, 1e-300)) > limit else f"uncertainty.{ind.id}"
            raise ScenarioError(resolved.scenario.path, field, code="draws_overflow",
                                params={"indicator": ind.id, "limit": float(np.finfo(dtype).max)})
