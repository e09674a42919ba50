"""What it takes: the pace at which a target is met with a chosen probability.

The deterministic answer (the constant pace that reaches a target exactly, closed form, or
solved with scipy for derived targets) is the ``required`` column of
:func:`sim.engine.check.check_targets`. This module answers the question under uncertainty:
*how fast must the drivers under a target move so that it is met with probability p?*

Every driver under the target (for a ratio or share, under its numerator) moves by one
common shift ``δ`` [driver unit, e.g. percentage points of growth] in every projected year;
the probability ``P(δ)`` is estimated from one fixed set of Monte Carlo draws (common random
numbers: the run's seed), which makes it a non-decreasing step function of ``δ`` for
``at_least`` targets (non-increasing for ``at_most``). Bisection then finds the smallest
shift with ``P(δ) ≥ p`` to :data:`XTOL` of the drivers' spread.

Closed form, where one exists: a target on one ``compound``, ``additive`` or ``flow`` driver
with a normal marginal and no actuals. With yearly deviations ``σ z_t`` whose scores follow
an AR(1) with persistence ρ, the sum over ``k`` years is normal with variance
``σ² V``, ``V = k + 2 Σ_{h<k} (k − h) ρ^h``, so for an ``at_least`` target ``T``:

* compound: ``P = Φ((ln L0 + Σ ln(1 + (g_t + δ)/100) − ln T) / (σ/100 · √V))``;
* additive (and a flow's cumulative sum, with ``L0 = 0``): ``P = Φ((L0 + Σ (a_t + δ) − T) / (σ √V))``;

and ``P = p`` is solved for ``δ`` (explicitly, or with :func:`scipy.optimize.brentq` when the
path is not constant). The simulated answer is reported alongside as a check.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from sim.engine.dynamics import growth_goal, levels_pace, path_pace
from sim.engine.kernel import project_array, subplan
from sim.engine.measure import pace_dynamic
from sim.engine.resolve import ResolvedScenario, resolve
from sim.engine.solve import BRACKETS
from sim.engine.targets import all_targets
from sim.io.errors import InputError
from sim.io.plan import Plan, Target, pace_unit
from sim.io.scenario import Scenario
from sim.uncertainty.counter import TargetCounter
from sim.uncertainty.montecarlo import BLOCK, check_draws, resolve_seed
from sim.uncertainty.sampler import Sampler
from sim.uncertainty.spec import Uncertainty, uncertainty_for

#: Bisection stops when the bracket is narrower than this share of the drivers' spread.
XTOL = 1e-5
#: Default draws of a goal seek (its sampling error: about ±0.006 on an 80 % probability).
SEEK_DRAWS = 20_000
#: Widest shift searched for additive and flow drivers, in multiples of their spread.
LINEAR_REACH = 1000.0


#: Why a goal seek gives no shift, or what its shift means, by code, in both languages (the
#: goal seek's only words: a table it writes carries its note in the caller's language).
NOTE = {
    "zh": {"observed": "{year}年及以前的实际值已决定结果",
           "mixed_units": "所涉驱动因素的变动方式不同,无法共用一个调整量",
           "fixed": "没有不确定性影响该目标:给出的是恰好达标所需的调整",
           "out_of_reach": "在{low:+.4g}至{high:+.4g}的调整范围内达不到{p:.0%}的概率",
           "always": "在整个搜索范围内达标概率都不低于{p:.0%}",
           "linked": "该驱动因素在情景中随联动变化;此处按手动设定(同一路径、自身波动)计算,目前概率可能与随联动的模拟结果不同"},
    "en": {"observed": "actuals up to {year} already decide it",
           "mixed_units": "its drivers move in different ways, so no one shift moves them all",
           "fixed": "no uncertainty reaches this target: the shift that just meets it",
           "out_of_reach": "no shift within {low:+.4g} … {high:+.4g} reaches {p:.0%}",
           "always": "met with {p:.0%} or more across the whole searched range",
           "linked": "follows a link in the scenario; here it is set by hand on the same path with its own "
                     "spread, so P now may differ from the simulation that follows the link"},
}


@dataclass(frozen=True)
class Requirement:
    """The shift of a target's drivers that meets it with a given probability.

    Attributes
    ----------
    target : Target
    probability : float
        The probability asked for.
    drivers : tuple of str
        The drivers moved together.
    shift : float
        Common shift of their pace in every year [driver unit]; NaN if none in range works.
    paces : tuple of float
        Each moved driver's average pace with the shift, over the years from its last
        actual to the target year [driver unit].
    pace : float
        The target indicator's own average pace with the shift, over the same years, as it
        would run with no deviation [indicator pace unit, :func:`sim.io.plan.pace_dynamic`]:
        for GDP its growth, not the mean of its sectors' growth; for a capacity that is a sum
        of parts, the whole's yearly addition. NaN where there is no shift.
    now : float
        Simulated probability with no shift (the scenario as it is).
    achieved : float
        Simulated probability at ``shift`` (same draws).
    simulated : float
        The shift found by bisection on the simulated probability [driver unit].
    closed_form : float
        The closed-form shift where one exists, else NaN [driver unit].
    method : str
        ``closed form`` or ``simulated`` (which one ``shift`` is), ``unreachable``,
        ``already observed`` or ``not available``.
    note_code : str
        Why there is no shift, or what it means: a code of :data:`NOTE`
        ("" for none), worded with ``note_values`` by :meth:`note_in`.
    """

    target: Target
    probability: float
    drivers: tuple[str, ...]
    shift: float
    paces: tuple[float, ...]
    now: float
    achieved: float
    simulated: float
    closed_form: float
    method: str
    pace: float = math.nan
    note_code: str = ""
    note_values: dict = field(default_factory=dict)

    def note_in(self, lang: str = "en") -> str:
        """The note in words of ``lang`` (zh or en)."""
        return NOTE[lang][self.note_code].format(**self.note_values) if self.note_code else ""

    @property
    def note(self) -> str:
        """The note in English."""
        return self.note_in("en")


def moved_drivers(plan: Plan, target: Target) -> tuple[str, ...]:
    """The drivers a goal seek moves: the target's leaves (the numerator's, for a ratio or share)."""
    ind = plan.by_id[target.indicator]
    if ind.op in ("ratio", "share"):
        return plan.leaves(ind.inputs[0])
    return plan.leaves(ind.id)


def variance_factor(k: int, rho: float) -> float:
    """Variance of the sum of ``k`` unit-variance AR(1) scores with persistence ``rho``."""
    return k + 2 * sum((k - h) * rho**h for h in range(1, k))


def closed_form_shift(plan: Plan, resolved: ResolvedScenario, uncertainty: Uncertainty, target: Target,
                      probability: float) -> float | None:
    """The shift [driver unit] meeting ``target`` with ``probability`` in closed form, or None
    where no closed form applies (see the module notes)."""
    ind = plan.by_id[target.indicator]
    if not ind.is_driver or target.direction == "hold" or ind.dynamic == "points":
        return None
    d = plan.driver_index[ind.id]
    marg = uncertainty.marginals[d]
    if marg.dist != "normal" or marg.sd == 0 or np.isfinite(resolved.actuals[plan.index[ind.id]]).any():
        return None
    k = target.year - plan.base_year
    path = resolved.drivers[d, :k]
    from scipy.special import ndtri  # imported where used: scipy costs every command to import

    z = ndtri(probability) * (1 if target.direction == "at_least" else -1)
    if ind.dynamic == "flow" and target.kind == "level":
        return target.value + z * marg.sd - path[-1]
    spread = marg.sd * math.sqrt(variance_factor(k, uncertainty.persistence))
    if ind.dynamic in ("additive", "flow"):
        start = 0.0 if ind.dynamic == "flow" else ind.baseline.value
        return (target.value + z * spread - start - path.sum()) / k
    start = ind.baseline.value
    goal = growth_goal(start, target.value, k) if target.kind == "growth" else target.value
    need = math.log(goal / start) + z * spread / 100

    def excess(shift: float) -> float:
        return float(np.log1p((path + shift) / 100).sum()) - need

    floor = -100 - path.min()
    lo, hi = floor + 1e-9, 1000.0
    if excess(lo) > 0 or excess(hi) < 0:
        return None
    from scipy.optimize import brentq

    return brentq(excess, lo, hi, xtol=1e-12)


class _Seeker:
    """Monte Carlo draws of one scenario, reused for every target and every trial shift."""

    def __init__(self, plan: Plan, resolved: ResolvedScenario, uncertainty: Uncertainty, draws: int, seed):
        check_draws(draws)
        self.plan, self.resolved, self.uncertainty = plan, resolved, uncertainty
        self.draws = draws
        Y = len(resolved.years) - 1
        self.sampler = Sampler(uncertainty, Y)
        entropy = resolve_seed(seed)
        blocks = [self.sampler.deviations(entropy, b, min(BLOCK, draws - b * BLOCK), np.float64)
                  for b in range(-(-draws // BLOCK))]
        self.dev = np.concatenate(blocks, axis=2)                          # (Y, A, n)
        self.where = {int(d): a for a, d in enumerate(self.sampler.active)}

    def prepare(self, target: Target):
        """Sub-plan, its draws' deviations and a counter for one target."""
        plan = self.plan
        sub, cols, row = subplan(plan, target.indicator, self.resolved.years[-1])
        Y, n = self.dev.shape[0], self.draws
        dev = np.zeros((Y, len(cols), n))
        compound = np.array([plan.drivers[c].dynamic == "compound" for c in cols])
        for j, c in enumerate(cols):
            if c in self.where:
                dev[:, j] = self.dev[:, self.where[c]]
        dev[:, compound] = np.exp(dev[:, compound])
        acts = self.resolved.actuals[[plan.index[x.id] for x in sub.plan.indicators]][None]
        acts = acts if np.isfinite(acts).any() else None
        counter = TargetCounter(sub.plan, (target,))
        return sub, list(cols), compound, dev, acts, counter, row

    def shifted(self, cols, moved: np.ndarray, shift: float) -> np.ndarray:
        """The sub-plan's driver paths with the moved ones shifted, shape (k, Y) [driver unit]."""
        return self.resolved.drivers[cols] + np.where(moved, shift, 0.0)[:, None]

    def probability(self, prepared, moved: np.ndarray, shift: float) -> float:
        sub, cols, compound, dev, acts, counter, _ = prepared
        pt = self.shifted(cols, moved, shift).T[:, :, None]
        paces = np.where(compound[None, :, None], (100 + pt) * dev - 100, pt + dev)
        values = project_array(sub, paces.transpose(2, 1, 0), acts, clip=True)
        return counter.count(values)[0][0] / self.draws

    def target_pace(self, prepared, moved: np.ndarray, shift: float, dynamic: str, last: int, k: int) -> float:
        """The target indicator's average pace over years ``last+1 … k`` with the drivers shifted
        and no deviation [indicator pace unit]."""
        if math.isnan(shift):
            return math.nan
        sub, cols, _, _, acts, _, row = prepared
        levels = project_array(sub, self.shifted(cols, moved, shift)[None], acts, clip=True)[0, row]  # (Y + 1,)
        return float(levels_pace(dynamic, levels[last:k + 1]))


def required_for_probability(plan: Plan, scenario: Scenario, target: Target, probability: float = 0.8, *,
                             draws: int = SEEK_DRAWS, seed: int | None = 0,
                             uncertainty: Uncertainty | None = None, _seeker: _Seeker | None = None
                             ) -> Requirement:
    """The common shift of ``target``'s drivers that meets it with ``probability``.

    Parameters
    ----------
    plan : Plan
    scenario : Scenario
    target : Target
        A target or milestone of ``plan``.
    probability : float
        Strictly between 0 and 1, e.g. 0.8.
    draws : int
        Monte Carlo draws used for every trial shift.
    seed : int or None
    uncertainty : Uncertainty, optional
        Default: the scenario's (see :func:`sim.uncertainty.uncertainty_for`).

    Returns
    -------
    Requirement
    """
    if isinstance(probability, bool) or not isinstance(probability, numbers.Real) or not 0 < probability < 1:
        raise InputError("arguments", "probability", code="probability_open", params={"value": probability})
    resolved = _seeker.resolved if _seeker else resolve(plan, scenario)
    unc = uncertainty or (_seeker.uncertainty if _seeker else uncertainty_for(plan, resolved.scenario, resolved))
    seeker = _seeker or _Seeker(plan, resolved, unc, draws, seed)
    names = moved_drivers(plan, target)
    k = target.year - plan.base_year
    last = resolved.last_actual_year(plan, target.indicator) - plan.base_year
    base = dict(target=target, probability=probability, drivers=names)
    if last >= k:
        return Requirement(**base, shift=math.nan, paces=(), now=math.nan, achieved=math.nan,
                           simulated=math.nan, closed_form=math.nan, method="already observed",
                           note_code="observed", note_values={"year": plan.base_year + last})
    dyns = {plan.by_id[x].dynamic for x in names}
    if len(dyns) != 1:
        return Requirement(**base, shift=math.nan, paces=(), now=math.nan, achieved=math.nan,
                           simulated=math.nan, closed_form=math.nan, method="not available",
                           note_code="mixed_units")
    dyn = dyns.pop()
    prepared = seeker.prepare(target)
    cols = prepared[1]
    moved = np.array([plan.drivers[c].id in names for c in cols])
    f = lambda shift: seeker.probability(prepared, moved, shift)  # noqa: E731
    # The drivers' spread sets the search's scale; without one (a fixed driver), the target's.
    spread = float(np.max(unc.std[[plan.driver_index[x] for x in names]]))
    fixed = spread == 0 and not any(unc.std[c] > 0 for c in cols)
    spread = spread or 1e-3 * max(1.0, abs(target.value))
    shift, (note, values) = _bisect(f, probability, spread, _reach(dyn, resolved, plan, names, target, spread))
    if fixed and not note:
        note = "fixed"
    # A followed link moves with its inputs' draws in the Monte Carlo; shifting the driver sets it by
    # hand, so the search draws it with its own spread instead (and P now is that world's).
    if not note and resolved.linked is not None and any(resolved.linked[plan.driver_index[x]] for x in names):
        note = "linked"
    simulated = shift
    closed = closed_form_shift(plan, resolved, unc, target, probability)
    method = "unreachable" if math.isnan(shift) else "simulated"
    if closed is not None:
        shift, method = closed, "closed form"
    return Requirement(**base, shift=shift, paces=_paces(plan, resolved, names, shift, last, k),
                       now=f(0.0), achieved=f(shift) if not math.isnan(shift) else math.nan,
                       simulated=simulated, closed_form=math.nan if closed is None else closed, method=method,
                       pace=seeker.target_pace(prepared, moved, shift, pace_dynamic(plan, target.indicator), last, k),
                       note_code=note, note_values=values)


def _reach(dyn: str, resolved: ResolvedScenario, plan: Plan, names, target: Target,
           spread: float) -> tuple[float, float]:
    """Shifts searched [driver unit]: paces within the shared-pace solver's bracket
    (:data:`sim.engine.solve.BRACKETS`)."""
    rows = resolved.drivers[[plan.driver_index[x] for x in names]]
    if dyn in BRACKETS:
        lo, hi = BRACKETS[dyn]
        return lo - float(rows.min()), hi - float(rows.max())
    levels = [abs(plan.by_id[x].baseline.value) for x in names]
    reach = LINEAR_REACH * max(spread, float(np.abs(rows).max()), abs(target.value), *levels, 1.0)
    return -reach, reach


def _bisect(f, p: float, spread: float, reach: tuple[float, float]) -> tuple[float, tuple[str, dict]]:
    """Smallest (largest, for a falling P) shift with ``f(shift) ≥ p`` inside ``reach``, and a note
    (code and values) where there is none or it is only the range's end."""
    lo_limit, hi_limit = reach
    lo, hi = max(-4 * spread, lo_limit), min(4 * spread, hi_limit)
    f_lo, f_hi = f(lo), f(hi)
    # Widen until the bracket holds the crossing: one end below p, the other at or above it.
    while (f_lo < p) == (f_hi < p) and (lo > lo_limit or hi < hi_limit):
        width = hi - lo
        lo, hi = max(lo_limit, lo - 3 * width), min(hi_limit, hi + 3 * width)
        f_lo, f_hi = f(lo), f(hi)
    rising = f_hi >= f_lo
    good, bad = (hi, lo) if rising else (lo, hi)
    if max(f_lo, f_hi) < p:
        return math.nan, ("out_of_reach", {"low": lo_limit, "high": hi_limit, "p": p})
    if min(f_lo, f_hi) >= p:
        return bad, ("always", {"p": p})
    while abs(good - bad) > XTOL * spread:
        mid = 0.5 * (good + bad)
        if f(mid) >= p:
            good = mid
        else:
            bad = mid
    return good, ("", {})


def _paces(plan: Plan, resolved: ResolvedScenario, names, shift: float, last: int, k: int) -> tuple[float, ...]:
    """Average pace of each moved driver over years ``last+1 … k`` after the shift [driver unit]."""
    if math.isnan(shift):
        return tuple(math.nan for _ in names)
    out = []
    for name in names:
        path = resolved.drivers[plan.driver_index[name], last:k] + shift
        out.append(float(path_pace(plan.by_id[name].dynamic, path)))
    return tuple(out)


def requirements(plan: Plan, scenario: Scenario, probability: float = 0.8, *, draws: int = SEEK_DRAWS,
                 seed: int | None = 0, milestones: bool = True, uncertainty: Uncertainty | None = None,
                 lang: str = "zh", targets: tuple[Target, ...] | None = None) -> pd.DataFrame:
    """One row per target: the pace needed to meet it with ``probability`` (see the module notes),
    its ``note`` worded in ``lang`` (zh or en)."""
    resolved = resolve(plan, scenario)
    scenario = resolved.scenario
    unc = uncertainty or uncertainty_for(plan, scenario, resolved)
    seeker = _Seeker(plan, resolved, unc, draws, seed)
    rows = []
    for target in all_targets(plan, milestones) if targets is None else targets:
        req = required_for_probability(plan, scenario, target, probability, _seeker=seeker)
        ind = plan.by_id[target.indicator]
        rows.append({
            "scenario": resolved.name, "indicator": ind.id, "name": ind.name_zh, "name_en": ind.name_en,
            "check": "milestone" if target.milestone else "target", "kind": target.kind,
            "target_year": target.year, "direction": target.direction, "target": target.value,
            "probability": probability, "p_now": req.now, "drivers": ", ".join(req.drivers),
            # The shift is in the drivers' unit, the pace needed in the target indicator's own.
            "shift": req.shift, "shift_unit": pace_unit(pace_dynamic(plan, req.drivers[0]), plan.by_id[req.drivers[0]].unit)
            if req.drivers and len({plan.by_id[x].unit for x in req.drivers}) == 1 else "",
            "pace_needed": req.pace, "pace_unit": pace_unit(pace_dynamic(plan, ind.id), ind.unit),
            # No paces where the target is already decided or its drivers share no unit.
            "paces": ", ".join(f"{n} {p:.3g}" for n, p in zip(req.drivers, req.paces, strict=True)) if req.paces else "",
            "p_achieved": req.achieved, "simulated": req.simulated, "closed_form": req.closed_form,
            "method": req.method, "note": req.note_in(lang),
        })
    return pd.DataFrame(rows)
