"""Applying a scenario to a plan: the rule's paths, then each scenario in the parent chain,
every value checked against the plan. The result is numeric driver paths and actuals that the
kernel projects.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sim.engine.rules import apply_links, rule_paths
from sim.io.actuals import validate_actuals
from sim.io.errors import ScenarioError
from sim.io.plan import Plan
from sim.io.scenario import DriverSpec, Scenario


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


def resolve(plan: Plan, scenario: Scenario, horizon: int | None = None) -> ResolvedScenario:
    """Apply a scenario to a plan, validating every value against the plan.

    Raises
    ------
    ScenarioError
        For an unknown driver or indicator, an impossible pace, a year outside the
        horizon, or an actual outside the indicator's range, naming the file and field.
    """
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
    for node in scenario.chain:
        for key, spec in node.drivers.items():
            d = _driver_position(plan, node, key)
            ind = plan.drivers[d]
            if isinstance(spec, str):
                rp, rl = rule_paths(plan, spec, horizon)
                paths[d], sources[d] = rp[d], rl[d]
                by_hand.pop(d, None)
                continue
            paths[d] = _apply_spec(paths[d], spec, proj_years, node, key)
            sources[d] = by_hand[d] = node.name
            _check_pace(ind, paths[d], node, key)
    actuals = _resolve_actuals(plan, scenario, years)
    paths, linked = apply_links(plan, paths, sources, by_hand, actuals, horizon)
    return ResolvedScenario(scenario=scenario, years=years, drivers=paths,
                            sources=tuple(sources), actuals=actuals, linked=linked)


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
        raise ScenarioError(node.path, f"drivers.{key}",
                            f"'{key}' is derived and has no driver of its own; set its inputs "
                            f"({', '.join(plan.leaves(key))})",
                            code="derived_driver", params={"key": key, "inputs": ", ".join(plan.leaves(key))})
    raise ScenarioError(node.path, f"drivers.{key}", f"unknown indicator '{key}'", code="unknown_indicator",
                        params={"key": key})


def _apply_spec(path: np.ndarray, spec: DriverSpec, years: tuple[int, ...], node: Scenario,
                key: str) -> np.ndarray:
    out = path.copy()
    if isinstance(spec, float | int):
        out[:] = spec
    elif isinstance(spec, tuple | list):
        if len(spec) > len(years):
            raise ScenarioError(node.path, f"drivers.{key}",
                                f"{len(spec)} yearly values but the horizon has only {len(years)} years",
                                code="too_many_years", params={"n": len(spec), "years": len(years)})
        out[: len(spec)] = spec
        out[len(spec):] = spec[-1]
    else:
        for year in sorted(spec):
            if year not in years:
                raise ScenarioError(node.path, f"drivers.{key}.{year}",
                                    f"year {year} is outside the horizon {years[0]}–{years[-1]}",
                                    code="year_outside", params={"year": year, "first": years[0],
                                                                 "last": years[-1]})
            out[years.index(year):] = spec[year]
    return out


def _check_pace(ind, path: np.ndarray, node: Scenario, key: str) -> None:
    if ind.dynamic == "compound" and (path <= -100).any():
        raise ScenarioError(node.path, f"drivers.{key}",
                            f"growth of {path.min():g}% is impossible (must exceed −100%)",
                            code="growth_impossible", params={"value": f"{path.min():g}"})
    if ind.dynamic == "points" and (np.abs(path) > 100).any():
        raise ScenarioError(node.path, f"drivers.{key}",
                            f"{np.abs(path).max():g} points a year is impossible for a percentage",
                            code="points_impossible", params={"value": f"{np.abs(path).max():g}"})
