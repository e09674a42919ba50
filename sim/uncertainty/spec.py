"""Uncertainty of a scenario's drivers: marginal distributions, their defaults, and reading them (with the
correlation of :mod:`sim.uncertainty.correlation`) from a scenario.

Each driver's yearly pace is the scenario's pace plus a random *deviation* drawn from a
marginal distribution (``normal``, ``triangular`` or ``uniform``, from :mod:`scipy.stats`).
Deviations are in driver units, except for ``compound`` drivers, where they are in *log
points*: a deviation ``δ`` turns growth ``g`` [%/yr] into ``(100 + g)·exp(δ/100) − 100``.
For growth of a few percent one log point is within a tenth of a percentage point of one
percentage point, every draw stays above −100 %, and a normal deviation makes the yearly
log-growth normal, which is what the closed-form tests use.

Drivers are tied together by a correlation matrix applied with a Gaussian copula (see
:mod:`sim.uncertainty.montecarlo`), so each keeps its own marginal. ``persistence`` sets how a driver's
deviation carries over from one year to the next: 0 draws every year afresh (the default),
1 keeps one deviation for the whole path, values in between follow a first-order
autoregression of the copula's normal scores (each year's marginal is unchanged).

Default spreads
---------------
The 2026 work report gives one year of outcomes (2025) next to the plan's rates. The
distance between the two is the only observed deviation of a driver from a plan pace, so it
sets the defaults:

==========================  ===========  ==========  ========
driver                      2025 (rep.)  plan pace   distance
==========================  ===========  ==========  ========
GDP (derived, reference)    7.3 %        6.5 %       0.8
primary sector              5.9 %        6.5 %       0.6
secondary sector            10.2 %       6.5 %       3.7
tertiary sector             7.2 %        6.5 %       0.7
fixed-asset investment      6.1 %        6.0 %       0.1
retail sales                7.3 %        6.0 %       1.3
industrial value added      13.5 %       12 %        1.5
visitors                    18 %         10 %        about 8
tourism spending            22 %         15 %        about 7
foreign trade               19 %         6.25 %      about 13
out-of-province funds       32.3 %       20.5 %      about 12
==========================  ===========  ==========  ========

* ``compound`` [log points/yr]: the larger of :data:`COMPOUND_FLOOR` (1.5) and the distance
  between the reported 2025 growth and the plan's average pace to the target year. 1.5 is
  the root-mean-square distance of the GDP components and demand rates above (0.6, 3.7, 0.7,
  0.1, 1.3, 1.5 → 1.7), rounded down because the 3.7 of the secondary sector came from one
  new power unit; GDP itself was 0.8 away. Tourism, trade and outside funds keep their own,
  much larger distances (7–13).
* ``additive`` and ``points`` [unit/yr, pp/yr]: :data:`LINEAR_SHARE` (a fifth) of the
  scenario's average yearly change. The report gives no year-by-year additions to estimate
  this from; it is an assumption that project-driven additions (capacity, enterprises,
  certifications, coverage) slip or come early by about a fifth. Drivers the scenario holds
  still get no spread: the plan means to keep them where they are.
* ``flow`` [unit/yr]: :data:`FLOW_SHARE` (a tenth) of the scenario's yearly flow, or the
  reported 2025 distance if larger (new urban jobs: 7,944 in 2025 against 7,000 a year on
  average in the plan, so about 940).

Every spread can be overridden per driver in a scenario's ``[uncertainty]`` table and scaled
as a whole (``scale``, and the app's multiplier on top).

Scenario file format
--------------------
::

    [uncertainty]
    persistence = 0.0          # 0 independent years (default) … 1 one deviation per path
    scale = 1.0                # multiplies every spread
    visitors = { sd = 8.0 }                                   # normal (the default shape)
    energy_capacity = { dist = "triangular", low = -120.0, peak = 0.0, high = 40.0 }
    storage_capacity = { dist = "uniform", sd = 10.0 }        # symmetric, this sd
    compulsory_retention = { sd = 0.0 }                       # no uncertainty

    [correlation]
    pairs = [["visitors", "tourism_spending", 0.8]]
    drivers = ["primary_va", "secondary_va", "tertiary_va"]  # optional full block
    matrix = [[1.0, 0.4, 0.4], [0.4, 1.0, 0.5], [0.4, 0.5, 1.0]]

Bounds (``low``, ``peak``, ``high``) are deviations from the scenario's pace, so
``peak = 0`` puts the most likely value on the scenario's own pace. Scenarios inherit
settings from their parents; a child's entry replaces the parent's for the same driver
or pair. Drivers not named are independent.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from functools import cached_property

import numpy as np
import pandas as pd

from sim.engine.label import Label
from sim.engine.resolve import ResolvedScenario, resolve
from sim.engine.rules import rule_paths
from sim.io.errors import ScenarioError
from sim.io.fields import Fields
from sim.io.plan import Indicator, Plan
from sim.io.scenario import Scenario
from sim.uncertainty.correlation import (
    PSD_TOL,
    SYMMETRY_TOL,
    check_correlation,
    components,
    correlation_entries,
    correlation_factor,
)

DISTRIBUTIONS = ("normal", "triangular", "uniform")
#: Smallest default spread of a compound driver [log points/yr]; see the module notes.
COMPOUND_FLOOR = 1.5
#: Default spread of additive and points drivers, as a share of the scenario's yearly change.
LINEAR_SHARE = 0.2
#: Default spread of flow drivers, as a share of the scenario's yearly flow.
FLOW_SHARE = 0.1
_SETTINGS = ("persistence", "scale")
#: Largest multiplier on every spread: ten times the documented spreads is already far beyond
#: any planning question, and larger factors only push draws into overflow.
MAX_SCALE = 10.0


@dataclass(frozen=True)
class Marginal:
    """Distribution of one driver's yearly deviation from the scenario's pace.

    Attributes
    ----------
    driver : str
        Driver id.
    dist : str
        ``normal``, ``triangular`` or ``uniform``.
    sd : float
        Standard deviation of a ``normal`` [driver unit; log points for compound].
    low, peak, high : float
        Support (and mode, triangular) of ``triangular`` and ``uniform`` [same unit].
    origin : str
        Where the setting comes from: ``default: …`` or the scenario file.
    """

    driver: str
    dist: str = "normal"
    sd: float = 0.0
    low: float = 0.0
    peak: float = 0.0
    high: float = 0.0
    origin: str = ""

    @property
    def std(self) -> float:
        """Standard deviation of the deviation [driver unit; log points for compound]."""
        if self.dist == "normal":
            return self.sd
        if self.dist == "uniform":
            return (self.high - self.low) / math.sqrt(12)
        a, c, b = self.low, self.peak, self.high
        return math.sqrt(max(a * a + b * b + c * c - a * b - a * c - b * c, 0.0) / 18)

    @property
    def fixed(self) -> bool:
        """True when the driver has no uncertainty."""
        return self.std == 0.0

    def frozen(self):
        """The deviation's distribution as a frozen :mod:`scipy.stats` object."""
        from scipy import stats  # only where asked: scipy.stats costs a command ~0.4 s to import
        if self.dist == "normal":
            return stats.norm(0.0, self.sd)
        width = self.high - self.low
        if self.dist == "uniform":
            return stats.uniform(self.low, width)
        return stats.triang((self.peak - self.low) / width, loc=self.low, scale=width)

    def scaled(self, factor: float) -> Marginal:
        """The same shape with every deviation multiplied by ``factor`` (≥ 0)."""
        return replace(self, sd=self.sd * factor, low=self.low * factor, peak=self.peak * factor,
                       high=self.high * factor)

    def describe(self) -> str:
        """Short text such as ``normal sd 1.5`` or ``triangular −3/0/+2``."""
        if self.dist == "normal":
            return f"normal sd {self.sd:g}"
        if self.dist == "uniform":
            return f"uniform {self.low:+g}…{self.high:+g}"
        return f"triangular {self.low:+g}/{self.peak:+g}/{self.high:+g}"


@dataclass(frozen=True, eq=False)
class Uncertainty:
    """Everything random about a scenario: one marginal per driver and their correlation.

    Attributes
    ----------
    plan : Plan
    marginals : tuple of Marginal
        One per driver, in :attr:`Plan.drivers` order, already multiplied by ``scale``.
    correlation : ndarray, shape (D, D)
        Correlation of the drivers' copula normal scores; checked symmetric, unit diagonal,
        positive semi-definite.
    persistence : float
        Year-to-year correlation of each driver's normal score, in [0, 1].
    scale : float
        The factor the marginals were multiplied by (scenario ``scale`` × caller's).
    """

    plan: Plan
    marginals: tuple[Marginal, ...]
    correlation: np.ndarray
    persistence: float = 0.0
    scale: float = 1.0

    @cached_property
    def std(self) -> np.ndarray:
        """Standard deviation of each driver's deviation, shape (D,) [driver unit / log points]."""
        return np.array([m.std for m in self.marginals])

    def table(self, lang: str = "zh") -> pd.DataFrame:
        """One row per driver: distribution, spread and where it comes from."""
        rows = []
        for ind, m in zip(self.plan.drivers, self.marginals, strict=True):
            rows.append({
                "indicator": ind.id, "name": ind.name_zh if lang == "zh" else ind.name_en,
                "dynamic": ind.dynamic,
                "spread_unit": "log points/yr" if ind.dynamic == "compound" else ind.pace_unit,
                "dist": m.dist, "sd": m.std, "low": m.low if m.dist != "normal" else np.nan,
                "peak": m.peak if m.dist == "triangular" else np.nan,
                "high": m.high if m.dist != "normal" else np.nan, "origin": m.origin,
            })
        return pd.DataFrame(rows)


# --------------------------------------------------------------------------- defaults

def default_marginal(ind: Indicator, scenario_pace: np.ndarray, plan_pace: np.ndarray) -> Marginal:
    """The default spread of one driver (see the module notes).

    Parameters
    ----------
    ind : Indicator
        A driver.
    scenario_pace, plan_pace : ndarray, shape (Y,)
        The scenario's and the plan rule's pace up to the target year [driver unit].
    """
    reported = ind.trend is not None and ind.trend.basis == "reported"
    distance = abs(ind.trend.value - float(np.mean(plan_pace))) if reported else 0.0
    own = float(np.mean(np.abs(scenario_pace)))
    if ind.dynamic == "compound":
        sd, why = COMPOUND_FLOOR, Label("spread_floor", value=COMPOUND_FLOOR)
    elif ind.dynamic == "flow":
        sd, why = FLOW_SHARE * own, Label("spread_flow", share=FLOW_SHARE)
    else:
        sd, why = LINEAR_SHARE * own, Label("spread_change", share=LINEAR_SHARE)
    if distance > sd:
        sd, why = distance, Label("spread_reported", trend=ind.trend.value, plan=float(np.mean(plan_pace)))
    elif sd == 0:
        why = Label("spread_still")
    return Marginal(ind.id, "normal", sd=round(sd, 6), origin=why)


def default_marginals(plan: Plan, resolved: ResolvedScenario) -> tuple[Marginal, ...]:
    """Default marginal of every driver for a resolved scenario."""
    k = plan.target_year - plan.base_year
    plan_paths, _ = rule_paths(plan, "plan", resolved.years[-1])
    return tuple(default_marginal(ind, resolved.drivers[d, :k], plan_paths[d, :k])
                 for d, ind in enumerate(plan.drivers))


# --------------------------------------------------------------------------- reading

def uncertainty_for(plan: Plan, scenario: Scenario, resolved: ResolvedScenario | None = None, *,
                    scale: float = 1.0, persistence: float | None = None,
                    source: str = "app") -> Uncertainty:
    """The uncertainty of a scenario: defaults, then each scenario of its chain, root first.

    Parameters
    ----------
    plan : Plan
    scenario : Scenario
    resolved : ResolvedScenario, optional
        The scenario applied to ``plan`` (resolved here if not given).
    scale : float
        Extra multiplier on every spread (the app's slider), applied on top of the file's.
    persistence : float, optional
        Overrides the file's ``persistence``.
    source : str
        Where ``scale`` and ``persistence`` came from, for messages (e.g. ``"app"``, ``"--scale"``).

    Raises
    ------
    ScenarioError
        For an unknown or derived driver, an unknown distribution or key, a negative or
        inconsistent spread, or a correlation matrix that is not a valid correlation matrix.
    """
    resolved = resolved if resolved is not None else resolve(plan, scenario)
    marginals = {m.driver: m for m in default_marginals(plan, resolved)}
    settings = {"persistence": 0.0, "scale": 1.0}
    pairs: dict[tuple[int, int], tuple[float, str, str]] = {}
    for node in scenario.chain:
        if node.uncertainty:
            f = Fields(node.uncertainty, node.path, "uncertainty", ScenarioError)
            for key in f.table:
                if key in _SETTINGS:
                    settings[key] = _setting(f, key)
                else:
                    marginals[key] = _marginal(plan, f, key)
        if node.correlation:
            for (i, j), entry in correlation_entries(plan, node).items():
                pairs[(min(i, j), max(i, j))] = entry
    check_scale(scale, source, "scale")
    if persistence is not None:
        settings["persistence"] = _check_persistence(persistence, source, "persistence")
    factor = check_scale(settings["scale"] * scale, source, "scale")
    matrix = np.eye(len(plan.drivers))
    for (i, j), (rho, _, _) in pairs.items():
        matrix[i, j] = matrix[j, i] = rho
    last = next((n.path for n in reversed(scenario.chain) if n.correlation), scenario.path)
    check_correlation(matrix, last, "correlation", [d.id for d in plan.drivers])
    matrix.setflags(write=False)
    return Uncertainty(plan=plan, marginals=tuple(marginals[d.id].scaled(factor) for d in plan.drivers),
                       correlation=matrix, persistence=settings["persistence"], scale=factor)


def _setting(f: Fields, key: str) -> float:
    value = f.num(key)
    if key == "persistence":
        return _check_persistence(value, f.source, f.path(key))
    return check_scale(value, f.source, f.path(key))


def check_scale(value: float, source: str, field: str) -> float:
    """``value`` if it can multiply every spread (0 to :data:`MAX_SCALE`), else a ScenarioError."""
    if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
        raise ScenarioError(source, field, code="not_number_bare", params={"value": value})
    if value < 0:
        raise ScenarioError(source, field, code="negative", params={"value": value})
    if value > MAX_SCALE:
        raise ScenarioError(source, field, code="scale_too_big", params={"value": value, "limit": MAX_SCALE})
    return float(value)


def _check_persistence(value: float, source: str, field: str) -> float:
    if not (isinstance(value, int | float) and 0 <= value <= 1):
        raise ScenarioError(source, field, code="persistence_range", params={"value": value})
    return float(value)


def _driver(plan: Plan, f: Fields, key: str) -> Indicator:
    if key in plan.driver_index:
        return plan.drivers[plan.driver_index[key]]
    if key in plan.by_id:
        raise f.fail(key, "derived_spread", name=key, inputs=", ".join(plan.leaves(key)))
    raise f.fail(key, "unknown_spread", name=key, settings=", ".join(_SETTINGS))


def _marginal(plan: Plan, parent: Fields, key: str) -> Marginal:
    _driver(plan, parent, key)
    f = parent.sub(key)
    f.allow_only({"dist", "sd", "low", "peak", "high"})
    dist = f.str("dist", "normal", choices=DISTRIBUTIONS)
    origin = Label("spread_file", file=parent.source, field=f.where)
    bounds = [k for k in ("low", "peak", "high") if f.has(k)]
    if f.has("sd"):
        if bounds:
            raise f.fail(bounds[0], "sd_and_bounds")
        sd = f.num("sd")
        if sd < 0:
            raise f.fail("sd", "negative", value=sd)
        if dist == "normal":
            return Marginal(key, "normal", sd=sd, origin=origin)
        half = sd * (math.sqrt(6) if dist == "triangular" else math.sqrt(3))
        return Marginal(key, dist, low=-half, high=half, origin=origin)
    if dist == "normal":
        raise f.fail("sd", "normal_needs_sd")
    if dist == "uniform" and f.has("peak"):
        raise f.fail("peak", "uniform_peak")
    low, high = f.num("low"), f.num("high")
    peak = f.num("peak", 0.0) if dist == "triangular" else 0.0
    if not low < high:
        raise f.fail("high", "high_below_low", high=high, low=low)
    if dist == "triangular" and not low <= peak <= high:
        raise f.fail("peak", "peak_outside", peak=peak, low=low, high=high)
    return Marginal(key, dist, low=low, peak=peak, high=high, origin=origin)


__all__ = ["COMPOUND_FLOOR", "DISTRIBUTIONS", "FLOW_SHARE", "LINEAR_SHARE", "PSD_TOL", "SYMMETRY_TOL", "Marginal",
           "Uncertainty", "check_correlation", "components", "correlation_factor", "default_marginal",
           "default_marginals", "uncertainty_for"]
