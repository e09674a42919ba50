"""Scenarios: named sets of driver assumptions and actuals, stored as TOML files.

A scenario file looks like::

    [scenario]
    name = "cautious"
    title_zh = "稳健情景"
    title_en = "Cautious"
    rationale = "Why these numbers."
    parent = "plan"          # optional: start from another scenario
    rule = "plan"            # optional: drivers not set anywhere follow "plan" or "trend"

    [drivers]
    primary_va = 5.0                          # constant pace for every year
    visitors = [12.0, 11.0, 10.0, 9.0, 9.0]   # per year from the base year + 1; the last holds
    tourism_spending = { 2028 = 12.0 }        # from 2028 on (earlier years unchanged)

    [actuals.visitors]                        # observed values replace the projection
    2026 = 2480.0

Drivers are resolved in layers: the rule's path (see :mod:`sim.rules`), then each scenario
from the root of the parent chain down to this one.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ._fields import Fields, parse_toml, read_toml
from .errors import ScenarioError
from .plan import Plan
from .rules import RULES, rule_paths

#: How drivers not set by any scenario in the chain are chosen.
DEFAULT_RULE = "plan"

DriverSpec = float | tuple[float, ...] | dict[int, float] | str


@dataclass(frozen=True)
class Scenario:
    """A scenario as written in its file (not yet applied to a plan).

    Attributes
    ----------
    name : str
        Short id (file stem by convention), e.g. ``"plan"``.
    title_zh, title_en : str
    rationale : str
        Why these assumptions: shown to planners and in exports.
    parent : Scenario or None
        The scenario this one inherits from, already loaded.
    rule : str or None
        ``plan`` or ``trend``: how unset drivers are chosen; None inherits (root: ``plan``).
    drivers : dict
        Driver id → constant [driver unit], per-year tuple, ``{year: value}`` steps, or a rule name.
    actuals : dict
        Indicator id → ``{year: observed value}``.
    horizon : int or None
        Last projected year, if the scenario sets one.
    path : str
        File it was read from (or ``"<text>"``).
    """

    name: str
    title_zh: str
    title_en: str
    rationale: str = ""
    parent: Scenario | None = None
    rule: str | None = None
    drivers: dict[str, DriverSpec] = field(default_factory=dict)
    actuals: dict[str, dict[int, float]] = field(default_factory=dict)
    horizon: int | None = None
    path: str = "<scenario>"
    uncertainty: dict = field(default_factory=dict)
    correlation: dict = field(default_factory=dict)

    @property
    def chain(self) -> tuple[Scenario, ...]:
        """This scenario and its ancestors, root first."""
        out: list[Scenario] = []
        node: Scenario | None = self
        while node is not None:
            out.append(node)
            node = node.parent
        return tuple(reversed(out))

    @property
    def effective_rule(self) -> str:
        for node in reversed(self.chain):
            if node.rule:
                return node.rule
        return DEFAULT_RULE

    @property
    def effective_horizon(self) -> int | None:
        for node in reversed(self.chain):
            if node.horizon:
                return node.horizon
        return None

    def title(self, lang: str = "zh") -> str:
        return self.title_zh if lang == "zh" else self.title_en

    def with_changes(self, name: str | None = None, drivers: dict | None = None,
                     actuals: dict | None = None, **meta) -> Scenario:
        """A child scenario inheriting from this one, with the given overrides."""
        return Scenario(
            name=name or f"{self.name}-custom",
            title_zh=meta.get("title_zh", f"{self.title_zh}(调整)"),
            title_en=meta.get("title_en", f"{self.title_en} (adjusted)"),
            rationale=meta.get("rationale", ""),
            parent=self, rule=meta.get("rule"),
            drivers={k: tuple(v) if isinstance(v, list) else v for k, v in (drivers or {}).items()},
            actuals={k: dict(v) for k, v in (actuals or {}).items()},
            horizon=meta.get("horizon"), path=meta.get("path", "<app>"),
        )

    def to_toml(self) -> str:
        """Serialise this scenario as a file: its own settings, its parent by name."""
        lines = ["[scenario]"]
        for key in ("name", "title_zh", "title_en", "rationale"):
            if getattr(self, key):
                lines.append(f"{key} = {_toml_str(getattr(self, key))}")
        if self.parent is not None:
            lines.append(f"parent = {_toml_str(self.parent.name)}")
        if self.rule:
            lines.append(f"rule = {_toml_str(self.rule)}")
        if self.horizon:
            lines.append(f"horizon = {self.horizon}")
        lines += ["", "[drivers]"]
        lines += [f"{key} = {_toml_value(spec)}" for key, spec in self.drivers.items()]
        for key, obs in self.actuals.items():
            lines += ["", f"[actuals.{key}]"]
            lines += [f"{year} = {_toml_value(value)}" for year, value in sorted(obs.items())]
        return "\n".join(lines) + "\n"


def _toml_str(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _toml_value(spec) -> str:
    if isinstance(spec, str):
        return _toml_str(spec)
    if isinstance(spec, tuple | list):
        return "[" + ", ".join(_toml_value(v) for v in spec) + "]"
    if isinstance(spec, dict):
        return "{ " + ", ".join(f"{k} = {_toml_value(v)}" for k, v in spec.items()) + " }"
    return repr(float(spec))


# --------------------------------------------------------------------------- finding files

def scenario_dirs() -> list[Path]:
    """Folders searched for scenarios named without a path.

    ``$FYP_SCENARIOS`` (if set), ``./scenarios`` and the project's own ``scenarios/``.
    """
    dirs = []
    if os.environ.get("FYP_SCENARIOS"):
        dirs.append(Path(os.environ["FYP_SCENARIOS"]))
    dirs.append(Path.cwd() / "scenarios")
    dirs.append(Path(__file__).resolve().parent.parent / "scenarios")
    out: list[Path] = []
    for d in dirs:
        if d.is_dir() and d.resolve() not in [o.resolve() for o in out]:
            out.append(d)
    return out


def list_scenarios(dirs: list[Path] | None = None) -> list[Path]:
    """Scenario files available by name, first folder winning on a clash."""
    found: dict[str, Path] = {}
    for d in dirs if dirs is not None else scenario_dirs():
        for p in sorted(d.glob("*.toml")):
            found.setdefault(p.stem, p)
    return list(found.values())


def find_scenario(ref: str, near: Path | None = None) -> Path:
    """Path of a scenario given as a path, a file stem, or a Chinese/English title."""
    p = Path(ref)
    if p.suffix == ".toml" or os.sep in ref or "/" in ref:
        if not p.is_file():
            raise ScenarioError(ref, "", "no such scenario file")
        return p
    dirs = ([near] if near is not None else []) + scenario_dirs()
    for d in dirs:
        candidate = d / f"{ref}.toml"
        if candidate.is_file():
            return candidate
    for path in list_scenarios(dirs):
        try:
            meta = read_toml(path, ScenarioError).get("scenario", {})
        except ScenarioError:
            continue
        if ref in (meta.get("title_zh"), meta.get("title_en"), meta.get("name")):
            return path
    names = ", ".join(p.stem for p in list_scenarios(dirs)) or "none found"
    raise ScenarioError(ref, "", f"unknown scenario; available: {names}")


# --------------------------------------------------------------------------- loading

def load_scenario(ref: str | Path) -> Scenario:
    """Load a scenario (and its parents) by name, title or path.

    Raises
    ------
    ScenarioError
        Naming the file, the field and the reason.
    """
    return _load(find_scenario(str(ref)), ())


def _load(path: Path, seen: tuple[Path, ...]) -> Scenario:
    if path.resolve() in seen:
        cycle = " → ".join(p.stem for p in (*seen, path.resolve()))
        raise ScenarioError(str(path), "scenario.parent", f"parents form a cycle: {cycle}")
    data = read_toml(path, ScenarioError)
    return parse_scenario(data, str(path), lambda ref: _load_parent(ref, path, (*seen, path.resolve())))


def _load_parent(ref: str, child: Path, seen: tuple[Path, ...]) -> Scenario:
    try:
        parent_path = find_scenario(ref, near=child.parent)
    except ScenarioError as exc:
        raise ScenarioError(str(child), "scenario.parent", f"parent '{ref}' not found ({exc.reason})") from None
    return _load(parent_path, seen)


def scenario_from_text(text: str | bytes, source: str = "<upload>",
                       parents: dict[str, Scenario] | None = None) -> Scenario:
    """Parse scenario TOML text (e.g. an upload). Parents are looked up in ``parents``
    first, then by name among the scenario folders."""
    data = parse_toml(text, source, ScenarioError)

    def parent(ref: str) -> Scenario:
        if parents and ref in parents:
            return parents[ref]
        try:
            return _load(find_scenario(ref), ())
        except ScenarioError as exc:
            raise ScenarioError(source, "scenario.parent", f"parent '{ref}' not found ({exc.reason})") from None

    return parse_scenario(data, source, parent)


def parse_scenario(data: dict, source: str, load_parent=None) -> Scenario:
    """Check the structure of a parsed scenario file (values are checked against a plan
    by :func:`resolve`)."""
    root = Fields(data, source, "", ScenarioError)
    root.allow_only({"scenario", "drivers", "actuals", "uncertainty", "correlation"})
    meta = root.sub("scenario")
    meta.allow_only({"name", "title_zh", "title_en", "rationale", "parent", "rule", "horizon"})
    parent = None
    if meta.has("parent"):
        ref = meta.str("parent")
        if load_parent is None:
            raise meta.fail("parent", f"parent '{ref}' cannot be looked up here")
        parent = load_parent(ref)
    drivers = {}
    table = root.sub("drivers", None)
    if table is not None:
        for key, value in table.table.items():
            drivers[key] = _driver_spec(value, table, key)
    actuals: dict[str, dict[int, float]] = {}
    table = root.sub("actuals", None)
    if table is not None:
        for key in table.table:
            obs = table.sub(key)
            actuals[key] = {_year_key(obs, y): obs.num(y) for y in obs.table}
    horizon = meta.int("horizon", None)
    # Uncertainty settings are kept as written; sim.uncertainty validates them against a plan.
    uncertainty = root.sub("uncertainty", None)
    correlation = root.sub("correlation", None)
    return Scenario(
        name=meta.str("name"), title_zh=meta.str("title_zh"), title_en=meta.str("title_en"),
        rationale=meta.str("rationale", ""), parent=parent,
        rule=meta.str("rule", None, choices=RULES), drivers=drivers, actuals=actuals,
        horizon=horizon, path=source,
        uncertainty=uncertainty.table if uncertainty else {},
        correlation=correlation.table if correlation else {},
    )


def _year_key(f: Fields, key: str) -> int:
    if not str(key).isdigit():
        raise f.fail(str(key), "expected a year such as 2026")
    return int(key)


def _driver_spec(value, f: Fields, key: str) -> DriverSpec:
    if isinstance(value, str):
        if value not in RULES:
            raise f.fail(key, f"'{value}' is not a number, a list, a table or one of {', '.join(RULES)}")
        return value
    if isinstance(value, list):
        if not value:
            raise f.fail(key, "an empty list sets no year")
        return tuple(_finite(v, f, f"{key}[{i}]") for i, v in enumerate(value))
    if isinstance(value, dict):
        sub = Fields(value, f.source, f.path(key), f.error)
        return {_year_key(sub, y): sub.num(y) for y in value}
    return _finite(value, f, key)


def _finite(value, f: Fields, key: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise f.fail(key, f"expected a number, got {type(value).__name__}")
    if not math.isfinite(value):
        raise f.fail(key, f"{value} is not a finite number")
    return float(value)


# --------------------------------------------------------------------------- resolving

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
    """

    scenario: Scenario
    years: tuple[int, ...]
    drivers: np.ndarray
    sources: tuple[str, ...]
    actuals: np.ndarray

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
    horizon = horizon or scenario.effective_horizon or plan.horizon
    if not plan.target_year <= horizon <= plan.base_year + 50:
        raise ScenarioError(scenario.path, "scenario.horizon",
                            f"{horizon} must be between {plan.target_year} and {plan.base_year + 50}")
    years = plan.years(horizon)
    proj_years = years[1:]
    rule = scenario.effective_rule
    paths, labels = rule_paths(plan, rule, horizon)
    paths = paths.copy()
    sources = list(labels)
    for node in scenario.chain:
        for key, spec in node.drivers.items():
            d = _driver_position(plan, node, key)
            ind = plan.drivers[d]
            if isinstance(spec, str):
                rp, rl = rule_paths(plan, spec, horizon)
                paths[d], sources[d] = rp[d], rl[d]
                continue
            paths[d] = _apply_spec(paths[d], spec, proj_years, node, key)
            sources[d] = node.name
            _check_pace(ind, paths[d], node, key)
    actuals = _resolve_actuals(plan, scenario, years)
    return ResolvedScenario(scenario=scenario, years=years, drivers=paths,
                            sources=tuple(sources), actuals=actuals)


def _resolve_actuals(plan: Plan, scenario: Scenario, years: tuple[int, ...]) -> np.ndarray:
    """Observed values of the scenario chain as an (I, Y) array, NaN where none."""
    proj_years = years[1:]
    actuals = np.full((len(plan.indicators), len(proj_years)), np.nan)
    for node in scenario.chain:
        for key, obs in node.actuals.items():
            if key not in plan.by_id:
                raise ScenarioError(node.path, f"actuals.{key}", f"unknown indicator '{key}'")
            ind = plan.by_id[key]
            if not ind.is_driver:
                raise ScenarioError(node.path, f"actuals.{key}",
                                    f"'{key}' is derived; give actuals for its inputs "
                                    f"({', '.join(ind.inputs)})")
            for year, value in obs.items():
                field_ = f"actuals.{key}.{year}"
                if year not in proj_years:
                    raise ScenarioError(node.path, field_,
                                        f"year {year} is outside the horizon {proj_years[0]}–{proj_years[-1]}")
                if ind.is_percent and not 0 <= value <= 100:
                    raise ScenarioError(node.path, field_, f"{value} is outside [0, 100] for a percentage")
                if ind.dynamic == "compound" and value <= 0:
                    raise ScenarioError(node.path, field_, f"{value} must be positive for '{key}'")
                if ind.dynamic == "additive" and value < 0:
                    raise ScenarioError(node.path, field_, f"{value} is negative; '{key}' is a level")
                if ind.baseline.index:
                    _check_on_index(ind, key, value, year - years[0], node.path, field_)
                actuals[plan.index[key], year - years[1]] = value
    return actuals


def _check_on_index(ind, key: str, value: float, k: int, source: str, field_: str) -> None:
    """An actual for an index-based indicator must be on the index, not in the report's unit."""
    low, high = ind.baseline.value * 0.5 ** k, ind.baseline.value * 2.0 ** k
    if not low <= value <= high:
        raise ScenarioError(source, field_, f"{value:g} is not on the index: '{key}' has no reported level, so it "
                            f"is projected as an index (base year = {ind.baseline.value:g}); enter the observed "
                            f"value on the same index (expected between {low:.3g} and {high:.3g}), "
                            f"not in {ind.unit}")


def _driver_position(plan: Plan, node: Scenario, key: str) -> int:
    if key in plan.driver_index:
        return plan.driver_index[key]
    if key in plan.by_id:
        raise ScenarioError(node.path, f"drivers.{key}",
                            f"'{key}' is derived and has no driver of its own; set its inputs "
                            f"({', '.join(plan.leaves(key))})")
    raise ScenarioError(node.path, f"drivers.{key}", f"unknown indicator '{key}'")


def _apply_spec(path: np.ndarray, spec: DriverSpec, years: tuple[int, ...], node: Scenario,
                key: str) -> np.ndarray:
    out = path.copy()
    if isinstance(spec, float | int):
        out[:] = spec
    elif isinstance(spec, tuple | list):
        if len(spec) > len(years):
            raise ScenarioError(node.path, f"drivers.{key}",
                                f"{len(spec)} yearly values but the horizon has only {len(years)} years")
        out[: len(spec)] = spec
        out[len(spec):] = spec[-1]
    else:
        for year in sorted(spec):
            if year not in years:
                raise ScenarioError(node.path, f"drivers.{key}.{year}",
                                    f"year {year} is outside the horizon {years[0]}–{years[-1]}")
            out[years.index(year):] = spec[year]
    return out


def _check_pace(ind, path: np.ndarray, node: Scenario, key: str) -> None:
    if ind.dynamic == "compound" and (path <= -100).any():
        raise ScenarioError(node.path, f"drivers.{key}",
                            f"growth of {path.min():g}% is impossible (must exceed −100%)")
    if ind.dynamic == "points" and (np.abs(path) > 100).any():
        raise ScenarioError(node.path, f"drivers.{key}",
                            f"{np.abs(path).max():g} points a year is impossible for a percentage")
