"""What a Monte Carlo run found (:class:`MonteCarloResult`): P(met) per target with a Wilson
interval, the fan-chart quantiles of every indicator and the kept draws, as tables."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from sim.engine.kernel import compile_plan, project_array
from sim.engine.measure import status_name
from sim.engine.resolve import ResolvedScenario
from sim.engine.targets import evaluate_targets
from sim.io.plan import Plan, Target
from sim.uncertainty.counter import TargetCounter
from sim.uncertainty.spec import Uncertainty

QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)
QUANTILE_COLUMNS = ("p5", "p25", "p50", "p75", "p95")
#: Normal quantile of a two-sided 95 % interval.
Z95 = 1.959963984540054


def wilson_interval(k: np.ndarray, n: int, z: float = Z95) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval for a binomial proportion ``k / n``."""
    p = np.asarray(k, dtype=float) / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z / denom * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    # At p = 0 or 1 the bound equals p exactly; say so rather than leave a rounding crumb.
    return np.where(p == 0, 0.0, np.clip(centre - half, 0, 1)), np.where(p == 1, 1.0, np.clip(centre + half, 0, 1))


def _quantiles(sample: np.ndarray, q) -> np.ndarray:
    """Quantiles along the first axis (numpy's default 'linear' rule), shape (len(q), …).

    Partial sorting of a contiguous draws-last copy: a few times faster than
    :func:`numpy.quantile` on a draws-first array. NaNs (impossible values) sort last.
    """
    n = sample.shape[0]
    if n == 0:
        return np.full((len(q), *sample.shape[1:]), np.nan)
    h = (n - 1) * np.asarray(q, dtype=float)
    lo = np.floor(h).astype(np.intp)
    hi = np.minimum(lo + 1, n - 1)
    x = np.ascontiguousarray(sample.reshape(n, -1).T)
    x.partition(np.unique(np.concatenate([lo, hi])), axis=1)
    out = x[:, lo] + (h - lo).astype(x.dtype) * (x[:, hi] - x[:, lo])
    return out.T.reshape(len(q), *sample.shape[1:])


@dataclass(frozen=True, eq=False)
class MonteCarloResult:
    """What a Monte Carlo run found.

    Attributes
    ----------
    plan : Plan
    resolved : ResolvedScenario
    uncertainty : Uncertainty
    targets : tuple of Target
    draws : int
    seed : int
        Entropy of the run's SeedSequence (pass it back as ``seed`` to repeat the run).
    met, at_risk : ndarray of int, shape (T,)
        Draws meeting each target, and draws missing it within its tolerance.
    sample_values : ndarray, shape (K, I, Y + 1)
        Every indicator of the first ``K`` draws [indicator unit].
    sample_drivers : ndarray, shape (K, D, Y)
        Their driver paces [driver unit].
    paths : ndarray, shape (D, Y)
        The central driver paths the deviations were added to [driver unit].
    seconds : float
        Wall time of the run.
    clipped : ndarray of int, shape (I,), optional
        Draws in which each indicator was held at a bound of its domain in some year.
    clipped_draws : int
        Draws in which any indicator was held at a bound.
    """

    plan: Plan
    resolved: ResolvedScenario
    uncertainty: Uncertainty
    targets: tuple[Target, ...]
    draws: int
    seed: int
    met: np.ndarray
    at_risk: np.ndarray
    sample_values: np.ndarray
    sample_drivers: np.ndarray
    paths: np.ndarray
    seconds: float
    clipped: np.ndarray | None = None
    clipped_draws: int = 0

    @property
    def clipped_share(self) -> float:
        """Share of draws held at a domain bound, or a part at its whole, somewhere (0 … 1)."""
        return self.clipped_draws / self.draws

    def clipped_worst(self, k: int = 3) -> list[tuple[str, float]]:
        """The ``k`` indicators most often held at a bound, with the share of draws held [1]."""
        if not self.clipped_draws or self.clipped is None:
            return []
        return [(self.plan.indicators[i].id, float(self.clipped[i] / self.draws))
                for i in np.argsort(-self.clipped, kind="stable")[:k] if self.clipped[i]]

    def clipped_note(self) -> str:
        """One line on the draws held at a bound, naming the indicators most affected ('' if none)."""
        if not self.clipped_draws:
            return ""
        return (f"{self.clipped_share:.1%} of draws held at a domain bound or a part at its whole (e.g. a share at 100 %): "
                + ", ".join(f"{ind} {share:.1%}" for ind, share in self.clipped_worst()))

    @property
    def years(self) -> tuple[int, ...]:
        return self.resolved.years

    @property
    def probability(self) -> np.ndarray:
        """Share of draws meeting each target, shape (T,)."""
        return self.met / self.draws

    @property
    def standard_error(self) -> np.ndarray:
        """Standard error of each P(met), ``√(p(1−p)/n)``, shape (T,) [probability]."""
        p = self.probability
        return np.sqrt(p * (1 - p) / self.draws)

    def probabilities(self, lang: str = "zh") -> pd.DataFrame:
        """One row per target: the scenario's own ``projected`` value and ``status`` (as in the
        target check), P(met) with its standard error (``p_met_se``) and Wilson 95 % interval, P(at risk), P(missed), and
        P5/P50/P95 of the compared value over the kept draws."""
        plan = self.plan
        lo, hi = wilson_interval(self.met, self.draws)
        se = self.standard_error
        compiled = compile_plan(plan, self.years[-1])
        one = self.paths[None]
        acts = self.resolved.actuals[None]
        det = evaluate_targets(compiled, project_array(compiled, one, acts), one, acts, self.targets,
                               required=False)
        spread = np.full((3, len(self.targets)), np.nan)
        if len(self.sample_values):
            sample = TargetCounter(plan, self.targets).projected(self.sample_values)
            spread = _quantiles(sample, (0.05, 0.5, 0.95))
        rows = []
        for t, target in enumerate(self.targets):
            ind = plan.by_id[target.indicator]
            rows.append({
                "scenario": self.resolved.name, "indicator": ind.id,
                "name": ind.name_zh, "name_en": ind.name_en,
                "check": "milestone" if target.milestone else "target", "kind": target.kind,
                "target_year": target.year, "direction": target.direction, "target": target.value,
                "measure_unit": "%/年" if target.kind == "growth" else ind.value_unit,
                "projected": float(det.projected[0, t]),
                "status": status_name(det.status[0, t]),
                "p_met": self.probability[t], "p_met_se": se[t], "p_met_low": lo[t], "p_met_high": hi[t],
                "p_at_risk": self.at_risk[t] / self.draws,
                "p_missed": 1 - (self.met[t] + self.at_risk[t]) / self.draws,
                "projected_p5": spread[0, t], "projected_p50": spread[1, t], "projected_p95": spread[2, t],
            })
        return pd.DataFrame(rows)

    def quantiles(self, lang: str = "zh") -> pd.DataFrame:
        """Fan-chart table: one row per indicator and year: the scenario's own ``value`` and
        P5 … P95 over the kept draws [indicator unit]."""
        plan = self.plan
        q = _quantiles(self.sample_values, QUANTILES)                          # (5, I, Y+1)
        compiled = compile_plan(plan, self.years[-1])
        det = project_array(compiled, self.paths[None], self.resolved.actuals[None])[0]
        n_ind, n_year = det.shape
        frame = pd.DataFrame({
            "scenario": self.resolved.name,
            "indicator": np.repeat([i.id for i in plan.indicators], n_year),
            "name": np.repeat([i.name_zh for i in plan.indicators], n_year),
            "name_en": np.repeat([i.name_en for i in plan.indicators], n_year),
            "unit": np.repeat([i.value_unit for i in plan.indicators], n_year),
            "year": np.tile(self.years, n_ind),
            "value": det.reshape(-1),
        })
        for name, values in zip(QUANTILE_COLUMNS, q, strict=True):
            frame[name] = values.reshape(-1).astype(float)
        return frame

    def draws_table(self, n: int | None = None) -> pd.DataFrame:
        """The first ``n`` kept draws, long: draw, indicator, year, value [indicator unit]."""
        values = self.sample_values[: n if n is not None else len(self.sample_values)]
        k, n_ind, n_year = values.shape
        return pd.DataFrame({
            "draw": np.repeat(np.arange(k), n_ind * n_year),
            "indicator": np.tile(np.repeat([i.id for i in self.plan.indicators], n_year), k),
            "year": np.tile(self.years, k * n_ind),
            "value": values.reshape(-1).astype(float),
        })


