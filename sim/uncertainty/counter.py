"""Counting targets over Monte Carlo draws: how many draws meet each target, and how many are at risk.

The rules are those of :mod:`sim.engine.measure` (the compared value, the tolerance, the status
codes), applied to float32 chunks of draws without a power per draw: growth targets compare
the level ratio with :func:`sim.engine.measure.bar`.
"""

from __future__ import annotations

import numpy as np

from sim.engine.dynamics import average_growth
from sim.engine.kernel import compile_plan, project_array
from sim.engine.measure import AT_RISK, MET, MISSED, bar, met_margin, tolerance
from sim.engine.resolve import ResolvedScenario
from sim.engine.targets import all_targets, evaluate_targets
from sim.io.plan import Plan, Target
from sim.uncertainty.spec import Uncertainty


class TargetCounter:
    """Counts met and at-risk draws per target, with the rules of :mod:`sim.engine.measure`.

    Every target becomes a measure and two thresholds on it: level targets compare the
    level, ``hold`` the lowest level up to the target year, cumulative targets the sum of
    flows, and growth targets the ratio of the target-year level to the base-year level
    (see :func:`sim.engine.measure.bar`).

    Parameters
    ----------
    plan : Plan
    targets : tuple of Target
    fixed : dict, optional
        Target position → status code, for targets no random driver reaches: they are
        decided once, in double precision, instead of per draw.
    """

    def __init__(self, plan: Plan, targets: tuple[Target, ...], fixed: dict[int, int] | None = None):
        self.targets = targets
        self.fixed = dict(fixed or {})
        self.rows = [plan.index[t.indicator] for t in targets]
        self.k = [t.year - plan.base_year for t in targets]
        self.sign = np.array([-1.0 if t.direction == "at_most" else 1.0 for t in targets])
        pairs = list(zip(targets, self.k, strict=True))
        self.met = np.array([bar(t, k, float(met_margin(t.value))) for t, k in pairs]) * self.sign
        self.risk = np.array([bar(t, k, tolerance(plan, t)) for t, k in pairs]) * self.sign
        self.random = [i for i in range(len(targets)) if i not in self.fixed]
        self.flip = [i for i, t in enumerate(self.random) if self.sign[t] < 0]     # rows of measures()

    def measures(self, values: np.ndarray, which: list[int] | None = None) -> np.ndarray:
        """The compared measure of targets ``which`` (default: the random ones), shape (S, n)
        [level, or the level ratio for growth targets]."""
        which = self.random if which is None else which
        # Built target-major (each target's draws one contiguous row, as the kernel lays out
        # its levels), returned as an (S, n) view.
        out = np.empty((len(which), values.shape[0]), dtype=values.dtype)
        for i, t in enumerate(which):
            target, k = self.targets[t], self.k[t]
            v = values[:, self.rows[t]]
            if target.kind == "growth":
                np.divide(v[:, k], v[:, 0], out=out[i])
            elif target.kind == "cumulative":  # summed in the order sim.engine.targets uses
                total = v[:, 0].copy()
                for j in range(1, k + 1):
                    total += v[:, j]
                np.subtract(total, v[:, 0], out=out[i])
            elif target.direction == "hold":
                v[:, 1:k + 1].min(axis=1, out=out[i])
            else:
                out[i] = v[:, k]
        return out.T

    def projected(self, values: np.ndarray) -> np.ndarray:
        """Every target's compared value as the target check reports it, shape (S, T)
        [average growth in %/yr for growth targets, else the target's unit]."""
        out = self.measures(values, list(range(len(self.targets)))).astype(np.float64)
        for t, target in enumerate(self.targets):
            if target.kind == "growth":
                out[:, t] = average_growth(1.0, out[:, t], self.k[t])
        return out

    def status(self, values: np.ndarray) -> np.ndarray:
        """Status code (:data:`~sim.engine.measure.MET`, ``AT_RISK``, ``MISSED``) per draw and
        target, shape (S, T)."""
        out = np.empty((values.shape[0], len(self.targets)), dtype=np.int8)
        for t, code in self.fixed.items():
            out[:, t] = code
        m = self.measures(values) * self.sign[self.random]
        out[:, self.random] = np.where(m >= self.met[self.random], MET,
                                       np.where(m >= self.risk[self.random], AT_RISK, MISSED))
        return out

    def count(self, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Draws meeting each target, and draws at risk (missed within tolerance), shape (T,) each."""
        n = values.shape[0]
        met = np.zeros(len(self.targets), dtype=np.int64)
        risk = np.zeros(len(self.targets), dtype=np.int64)
        for t, code in self.fixed.items():
            met[t], risk[t] = n * (code == MET), n * (code == AT_RISK)
        m = self.measures(values).T                                                        # (n, S)
        for i in self.flip:                      # × −1 in place: the same bits as multiplying by the sign
            np.negative(m[i], out=m[i])
        hit = m >= self.met[self.random, None]
        met[self.random] = np.count_nonzero(hit, axis=1)
        risk[self.random] = np.count_nonzero(~hit & (m >= self.risk[self.random, None]), axis=1)
        return met, risk


def fixed_targets(plan: Plan, targets: tuple[Target, ...], uncertainty: Uncertainty, resolved: ResolvedScenario,
                  paths: np.ndarray) -> dict[int, int]:
    """Status of the targets no draw can change, checked once in double precision.

    A target is fixed when every random driver under it is observed (has an actual) in
    every year its measure reads: the target year, or every year up to it for ``hold`` and
    cumulative targets.
    """
    random = {plan.drivers[d].id for d in np.flatnonzero(uncertainty.std > 0)}
    observed = np.isfinite(resolved.actuals)                                       # (I, Y)

    def decided(target: Target) -> bool:
        k = target.year - plan.base_year
        years = slice(0, k) if target.kind == "cumulative" or target.direction == "hold" else slice(k - 1, k)
        return all(observed[plan.index[leaf], years].all() for leaf in plan.leaves(target.indicator)
                   if leaf in random)

    fixed = [t for t, target in enumerate(targets) if decided(target)]
    if not fixed:
        return {}
    compiled = compile_plan(plan, resolved.years[-1])
    one, acts = paths[None], resolved.actuals[None]
    chosen = tuple(targets[t] for t in fixed)
    res = evaluate_targets(compiled, project_array(compiled, one, acts), one, acts, chosen, required=False)
    return {t: int(res.status[0, i]) for i, t in enumerate(fixed)}


def status_of(values: np.ndarray, plan: Plan, targets: tuple[Target, ...] | None = None) -> np.ndarray:
    """Status codes of projected ``values`` (S, I, Y+1) as the Monte Carlo counts them (S, T)."""
    targets = all_targets(plan) if targets is None else targets
    return TargetCounter(plan, targets).status(values)
