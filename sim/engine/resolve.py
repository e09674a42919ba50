"""Applying a scenario to a plan: the rule's paths, then each scenario in the parent chain,
every value checked against the plan. The result is numeric driver paths and actuals that the
kernel projects.

Resolution also runs the kernel once on the result: a scenario whose projection would leave an
indicator's domain (:attr:`sim.io.indicator.Indicator.domain`) or reach a non-finite number is
refused here, so every door (file, command line, API, upload, app) refuses it the same way. A
driver far outside its plan's slider hints is possible but implausible: it resolves with an
:class:`~sim.io.errors.InputWarning` in :attr:`ResolvedScenario.warnings`.
"""

from __future__ import annotations

import warnings as _warnings
from dataclasses import dataclass

import numpy as np

from sim.engine.dynamics import STEPS, pace
from sim.engine.kernel import CompiledPlan, compile_plan, project_array
from sim.engine.rules import apply_links, rule_paths
from sim.io.actuals import validate_actuals
from sim.io.errors import InputWarning, ScenarioError
from sim.io.indicator import domain_text
from sim.io.plan import Plan
from sim.io.scenario import DriverSpec, Scenario, as_scenario


@dataclass(frozen=True)
class ResolvedScenario:
    """A scenario applied to a plan: numeric driver paths and actuals.

    Attributes
    ----------
    scenario : Scenario
    years : tuple of int
        Base year first, then every projected year.
    drivers : ndarray, shape (D, Y)
        Pace of each driver (plan order) in each projected year [driver unit].
    sources : tuple of str
        Where each driver's path comes from (scenario name, or the rule and its reason).
    actuals : ndarray, shape (I, Y)
        Observed values per indicator and projected year, NaN where none.
    linked : ndarray of bool, shape (D,), optional
        Drivers that follow their link (their ``drivers`` row is the pace the link gave).
    warnings : tuple of InputWarning
        Implausible but possible values (:func:`plausibility`), each naming file, field and reason.
    """

    scenario: Scenario
    years: tuple[int, ...]
    drivers: np.ndarray
    sources: tuple[str, ...]
    actuals: np.ndarray
    linked: np.ndarray | None = None

    @property
    def kernel_drivers(self) -> np.ndarray:
        """Driver paths for the kernel: NaN where a driver follows its link, so that a shock to
        an input (a Monte Carlo draw, a sensitivity step) reaches it [driver unit]."""
        if self.linked is None or not self.linked.any():
            return self.drivers
        return np.where(self.linked[:, None], np.nan, self.drivers)
    warnings: tuple[InputWarning, ...] = ()

    @property
    def name(self) -> str:
        return self.scenario.name

    def last_actual_year(self, plan: Plan, ind_id: str) -> int:
        """Last year with an actual for the indicator (its leaves, if derived), else the base year."""
        last = plan.base_year
        for leaf in plan.leaves(ind_id):
            row = self.actuals[plan.index[leaf]]
            seen = np.flatnonzero(~np.isnan(row))
            if seen.size:
                last = max(last, self.years[seen[-1] + 1])
        return last


def resolve(plan: Plan, scenario: Scenario | str, horizon: int | None = None) -> ResolvedScenario:
    """Apply a scenario (or its name, title or path: :func:`~sim.io.scenario.as_scenario`) to a
    plan, validating every value against the plan.

    Raises
    ------
    ScenarioError
        For an unknown driver or indicator, an impossible pace, a year outside the
        horizon, or an actual outside the indicator's range, naming the file and field.
    """
    scenario = as_scenario(scenario)
    if horizon is None:
        horizon = scenario.effective_horizon
    if horizon is None:
        horizon = plan.horizon
    plan.check_horizon(horizon, scenario.path, "scenario.horizon", ScenarioError)
    years = plan.years(horizon)
    proj_years = years[1:]
    rule = scenario.effective_rule
    paths, labels = rule_paths(plan, rule, horizon)
    paths = paths.copy()
    sources = list(labels)
    by_hand: dict[int, str] = {}
    # Which file set each driver last (the scenario's own path where a rule set it).
    origins: list[str | None] = [None] * len(plan.drivers)
    found: list[InputWarning] = []
    for node in scenario.chain:
        for key, spec in node.drivers.items():
            d = _driver_position(plan, node, key)
            ind = plan.drivers[d]
            origins[d] = node.path
            if isinstance(spec, str):
                rp, rl = rule_paths(plan, spec, horizon)
                paths[d], sources[d] = rp[d], rl[d]
                by_hand.pop(d, None)
                continue
            paths[d] = _apply_spec(paths[d], spec, proj_years, node, key)
            sources[d] = by_hand[d] = node.name
            _check_pace(ind, paths[d], node, key)
            found += plausibility(ind, paths[d], node.path, f"drivers.{key}")
    actuals = _resolve_actuals(plan, scenario, years)
    hold_rule_paths(plan, paths, actuals, [d for d, o in enumerate(origins) if o is None])
    with np.errstate(all="ignore"):  # an overflow on the way is refused by check_domain, not warned about
        paths, linked = apply_links(plan, paths, sources, by_hand, actuals, horizon)
    values = hold_rule_parts(plan, paths, actuals, years, [d for d, o in enumerate(origins) if o is None])
    check_domain(plan, paths, actuals, years, [o or scenario.path for o in origins],
                 {d for d, o in enumerate(origins) if o is not None}, values)
    for warning in found:
        _warnings.warn(warning, stacklevel=2)
    return ResolvedScenario(scenario=scenario, years=years, drivers=paths, sources=tuple(sources),
                            actuals=actuals, linked=linked, warnings=tuple(dict.fromkeys(found)))



def hold_rule_paths(plan: Plan, paths: np.ndarray, actuals: np.ndarray, rows: list[int],
                    ceilings: dict[int, np.ndarray] | None = None) -> None:
    """Stop a rule's path at its indicator's domain (in place): the plan's pace of a rate already
    near 100 % (e.g. 学前教育毛入园率 at +0.3 points a year to 2035) continues only until the level
    reaches the bound, then holds it. Only paths a rule chose are changed; a path a scenario sets
    is refused instead (:func:`check_domain`). ``ceilings`` gives a driver position a lower
    ceiling in each projected year (a part's whole: :func:`hold_rule_parts`) [indicator unit]."""
    for d in rows:
        ind = plan.drivers[d]
        level, observed = ind.baseline.value, actuals[plan.index[ind.id]]
        top = np.full(paths.shape[1], ind.domain_max) if not ceilings or d not in ceilings else \
            np.minimum(ceilings[d], ind.domain_max)
        for t in range(paths.shape[1]):
            with np.errstate(all="ignore"):  # an overflow is refused by check_domain, not warned about
                nxt = STEPS[ind.dynamic](level, paths[d, t])
            if not ind.domain_min <= nxt <= top[t]:
                nxt = min(max(nxt, ind.domain_min), top[t])
                paths[d, t] = pace(ind.dynamic, level, nxt, 1)
            level = nxt if np.isnan(observed[t]) else observed[t]


def hold_rule_parts(plan: Plan, paths: np.ndarray, actuals: np.ndarray, years: tuple[int, ...],
                    rows: list[int]) -> np.ndarray | None:
    """Stop a rule's path of a part (``[[links.within]]``) at its whole (in place): 林木覆盖率 on
    its trend (+0.84 points a year) would pass 林草覆盖率 set to fall 5 points a year in 2031; it
    keeps its own pace until it reaches the whole, then moves with it. A part a scenario sets is
    refused instead (:func:`check_domain`).

    Returns the projection of ``paths`` (I, Y + 1) when no part had to be held, so that
    :func:`check_domain` need not run the kernel a second time; None when paths changed."""
    parts = [w for w in plan.links.within if plan.driver_index[w.part] in rows]
    if not parts:
        return None
    with np.errstate(all="ignore"):  # what is not finite is refused by check_domain
        values = project_array(compile_plan(plan, years[-1]), paths[None], actuals[None])[0]
        over = [w for w in parts if (values[plan.index[w.part], 1:] > values[plan.index[w.whole], 1:] * w.scale).any()]
    if not over:
        return values
    ceilings = {plan.driver_index[w.part]: values[plan.index[w.whole], 1:] * w.scale for w in over}
    hold_rule_paths(plan, paths, actuals, list(ceilings), ceilings)
    return None


def plausible_range(ind) -> tuple[float, float]:
    """The paces a driver can take without a warning [driver unit]: its slider hints
    (``driver = {min, max}``) widened by half their width on each side (growth −30…50 %/年 for
    the default −10…30)."""
    half = (ind.driver_max - ind.driver_min) / 2
    return ind.driver_min - half, ind.driver_max + half


def plausibility(ind, path: np.ndarray, source: str, field: str) -> list[InputWarning]:
    """A warning if a driver's path leaves :func:`plausible_range` (possible, but implausible)."""
    low, high = plausible_range(ind)
    far = path[(path < low) | (path > high)]
    if not far.size:
        return []
    value = far[np.argmax(np.abs(far))]
    return [InputWarning(source, field, code="far_outside_range",
                         params={"value": float(value), "unit": ind.pace_unit, "indicator": ind.id,
                                 "name_en": ind.name_en, "name": ind.name_zh,
                                 "low": float(ind.driver_min), "high": float(ind.driver_max)})]


def outside_domain(compiled: CompiledPlan, values: np.ndarray) -> np.ndarray:
    """Where levels ``values`` (…, I, Y) are not finite or leave their indicator's domain, as a mask
    of the same shape. A level a rule held exactly at a bound may differ from it in the last bit."""
    low, high = compiled.low[:, None], compiled.high[:, None]
    with np.errstate(all="ignore"):
        bad = ~np.isfinite(values) | (values < low) | (values > high)
        if bad.any():  # the slack is worked out only where needed: a sweep checks every chunk
            slack = 1e-9 * np.maximum(1.0, np.abs(values))
            bad &= ~np.isfinite(values) | (values < low - slack) | (values > high + slack)
    return bad


def breach_params(ind, value: float, year: int) -> dict:
    """The parameters that word a level ``value`` of ``ind`` in ``year`` outside its domain or not finite."""
    # inf and nan print as English abbreviations: the not-finite sentences take the value as words
    return {"indicator": ind.id, "value": value, "unit": ind.value_unit, "year": year,
            "domain": domain_text(ind.domain_min, ind.domain_max), "value_en": f"{value:,.6g} {ind.value_unit}"}


def check_domain(plan: Plan, paths: np.ndarray, actuals: np.ndarray, years: tuple[int, ...],
                 origins: list[str], touched: set[int] = frozenset(), values: np.ndarray | None = None) -> None:
    """Run the kernel once for the resolved drivers (unless ``values``, their projection (I, Y + 1),
    is given) and refuse a level outside its indicator's
    domain or not finite, naming the driver field responsible, the year and the value.

    Raises
    ------
    ScenarioError
        ``file: drivers.<id>: …`` for a driver (``origins``: the file that set each driver); for a
        derived indicator, the field of the first of its inputs that a scenario sets (``touched``),
        with the derived indicator and its inputs named.
    """
    compiled = compile_plan(plan, years[-1])
    if values is None:
        with np.errstate(all="ignore"):
            values = project_array(compiled, paths[None], actuals[None])[0]
    bad = outside_domain(compiled, values)
    if not bad.any():
        _check_totals(plan, values, years, origins)
        _check_parts(plan, values, actuals, years, origins, touched)
        return
    # The earliest year first; a driver a scenario set before any other driver, and other drivers
    # before what is computed from them (derived indicators, and drivers that follow a link: retail
    # moved by the visitors a planner typed fails in the same year, but the cause is the visitors).
    linked = {link.indicator: link.inputs for link in plan.links.follow}
    rank = [2 if not ind.is_driver or (ind.id in linked and plan.driver_index[ind.id] not in touched)
            else 0 if plan.driver_index[ind.id] in touched else 1 for ind in plan.indicators]
    i, t = min(zip(*np.nonzero(bad), strict=True), key=lambda it: (it[1], rank[it[0]], it[0]))
    ind, value = plan.indicators[i], float(values[i, t])
    params = breach_params(ind, value, years[t])
    finite = bool(np.isfinite(value))
    if rank[i] < 2:
        d = plan.driver_index[ind.id]
        raise ScenarioError(origins[d], f"drivers.{ind.id}", params=params,
                            code="path_outside_domain" if finite else "path_not_finite")
    inputs = ind.inputs if not ind.is_driver else linked[ind.id]
    leaves = [x for y in inputs for x in plan.leaves(y)]
    failing = {plan.indicators[r].id for r in np.flatnonzero(bad.any(axis=1))}
    d = next((plan.driver_index[x] for x in leaves if plan.driver_index[x] in touched),
             next((plan.driver_index[x] for x in leaves if x in failing), plan.driver_index[leaves[0]]))
    how = f"{ind.op} of" if not ind.is_driver else "linked to"
    raise ScenarioError(origins[d], f"drivers.{plan.drivers[d].id}", code="derived_outside_domain" if finite else "derived_not_finite",
                        params={**params, "how_en": how, "inputs": ", ".join(inputs)})


def _check_totals(plan: Plan, values: np.ndarray, years: tuple[int, ...], origins: list[str]) -> None:
    """Refuse a flow driver whose running total is not finite (:func:`total_breach`)."""
    found = total_breach(compile_plan(plan, years[-1]), values[None])
    if found is not None:
        _, d, t = found
        ind = plan.drivers[d]
        raise ScenarioError(origins[d], f"drivers.{ind.id}", code="total_not_finite",
                            params={"indicator": ind.id, "first": years[1], "year": years[t]})


def total_breach(compiled: CompiledPlan, values: np.ndarray) -> tuple[int, int, int] | None:
    """The first scenario, flow driver and year (index into :attr:`CompiledPlan.years`) in which
    the running total of a flow driver in ``values`` (S, I, Y + 1) is not finite, or None. Each
    year's value can be finite (1e308 new jobs a year) while a cumulative target adds them up to
    ``inf``, which the target check would then print; a sweep and one scenario refuse it alike."""
    flows = [(d, row) for d, (row, ind) in enumerate(zip(compiled.driver_rows, compiled.plan.drivers, strict=True))
             if ind.dynamic == "flow"]
    for d, row in flows:
        with np.errstate(all="ignore"):
            bad = ~np.isfinite(np.cumsum(values[:, row, 1:], axis=-1))
        if bad.any():
            s = int(np.argmax(bad.any(axis=1)))
            return s, d, int(np.argmax(bad[s])) + 1
    return None


def _check_parts(plan: Plan, values: np.ndarray, actuals: np.ndarray, years: tuple[int, ...],
                 origins: list[str], touched: set[int]) -> None:
    """Refuse a part (``[[links.within]]``) that a scenario or an actual takes above its whole,
    naming the part's field where the scenario sets or observes it, else the whole's driver."""
    for w in plan.links.within:
        part, cap = values[plan.index[w.part]], values[plan.index[w.whole]] * w.scale
        over = part > cap + 1e-9 * np.maximum(1.0, np.abs(cap))
        if not over.any():
            continue
        t = int(np.argmax(over))
        d = plan.driver_index[w.part]
        observed = t > 0 and not np.isnan(actuals[plan.index[w.part], t - 1])
        if d in touched or observed:
            field = f"actuals.{w.part}.{years[t]}" if observed and d not in touched else f"drivers.{w.part}"
            where = origins[d]
        else:
            leaves = [plan.driver_index[x] for x in plan.leaves(w.whole)]
            cause = next((x for x in leaves if x in touched), leaves[0])
            field, where = f"drivers.{plan.drivers[cause].id}", origins[cause]
        ind = plan.by_id[w.part]
        raise ScenarioError(where, field, code="part_over_whole",
                            params={"indicator": w.part, "value": float(part[t]), "unit": ind.value_unit,
                                    "year": years[t], "whole": w.whole, "limit": float(cap[t])})


def _resolve_actuals(plan: Plan, scenario: Scenario, years: tuple[int, ...]) -> np.ndarray:
    """Observed values of the scenario chain as an (I, Y) array, NaN where none (each checked by
    :func:`sim.io.actuals.validate_actual`)."""
    proj_years = years[1:]
    actuals = np.full((len(plan.indicators), len(proj_years)), np.nan)
    for node in scenario.chain:
        validate_actuals(plan, node.actuals, source=node.path, prefix="actuals.", years=proj_years,
                         derived=False, error=ScenarioError)
        for key, obs in node.actuals.items():
            for year, value in obs.items():
                actuals[plan.index[key], year - years[1]] = value
    return actuals


def _driver_position(plan: Plan, node: Scenario, key: str) -> int:
    if key in plan.driver_index:
        return plan.driver_index[key]
    if key in plan.by_id:
        raise ScenarioError(node.path, f"drivers.{key}", code="derived_driver",
                            params={"key": key, "inputs": ", ".join(plan.leaves(key))})
    raise ScenarioError(node.path, f"drivers.{key}", code="unknown_indicator", params={"key": key})


def _apply_spec(path: np.ndarray, spec: DriverSpec, years: tuple[int, ...], node: Scenario,
                key: str) -> np.ndarray:
    out = path.copy()
    if isinstance(spec, float | int):
        out[:] = spec
    elif isinstance(spec, tuple | list):
        if len(spec) > len(years):
            raise ScenarioError(node.path, f"drivers.{key}", code="too_many_years",
                                params={"n": len(spec), "years": len(years)})
        out[: len(spec)] = spec
        out[len(spec):] = spec[-1]
    else:
        for year in sorted(spec):
            if year not in years:
                raise ScenarioError(node.path, f"drivers.{key}.{year}", code="year_outside",
                                    params={"year": year, "first": years[0], "last": years[-1]})
            out[years.index(year):] = spec[year]
    return out


def _check_pace(ind, path: np.ndarray, node: Scenario, key: str) -> None:
    if ind.dynamic == "compound" and (path <= -100).any():
        raise ScenarioError(node.path, f"drivers.{key}", code="growth_impossible",
                            params={"value": f"{path.min():g}"})
    if ind.dynamic == "points" and (np.abs(path) > 100).any():
        raise ScenarioError(node.path, f"drivers.{key}", code="points_impossible",
                            params={"value": f"{np.abs(path).max():g}"})
