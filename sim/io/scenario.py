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

Drivers are resolved in layers (:mod:`sim.engine.resolve`): the rule's path (see :mod:`sim.engine.rules`), then each scenario
from the root of the parent chain down to this one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from sim.io import formats
from sim.io.errors import ScenarioError
from sim.io.fields import Fields, finite, parse_toml, read_toml, year_of
from sim.io.schema import RULES

#: How drivers not set by any scenario in the chain are chosen.
DEFAULT_RULE = "plan"
#: The source of what :meth:`Scenario.with_changes` sets without a file (a page of the app, the API):
#: no file a planner could open, so the app names none.
APP_SOURCE = "<app>"

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
            if node.horizon is not None:
                return node.horizon
        return None

    def title(self, lang: str = "zh") -> str:
        return self.title_zh if lang == "zh" else self.title_en

    def with_changes(self, name: str | None = None, drivers: dict | None = None,
                     actuals: dict | None = None, **meta) -> Scenario:
        """A child scenario inheriting from this one, with the given overrides.

        ``drivers`` and ``actuals`` are checked exactly as a scenario file's ``[drivers]`` and
        ``[actuals]`` tables are (:func:`parse_body`): a value that is not a finite number, a
        list of them, a ``{year: value}`` table or a rule name raises :class:`ScenarioError`.
        """
        source = meta.get("path", APP_SOURCE)
        body = Fields({"drivers": dict(drivers or {}), "actuals": dict(actuals or {})}, source, "",
                      ScenarioError)
        parsed_drivers, parsed_actuals = parse_body(body)
        horizon = meta.get("horizon")
        if horizon is not None:
            horizon = Fields({"horizon": horizon}, source, "scenario", ScenarioError).int("horizon")
        given = {"name": name or f"{self.name}-custom",
                 "title_zh": meta.get("title_zh", f"{self.title_zh}(调整)"),
                 "title_en": meta.get("title_en", f"{self.title_en} (adjusted)"),
                 "rationale": meta.get("rationale") or None, "rule": meta.get("rule")}
        head = Fields({k: v for k, v in given.items() if v is not None}, source, "scenario", ScenarioError)
        return Scenario(
            name=head.str("name"), title_zh=head.str("title_zh"), title_en=head.str("title_en"),
            rationale=head.str("rationale", ""), parent=self, rule=head.str("rule", None, choices=RULES),
            drivers=parsed_drivers, actuals=parsed_actuals, horizon=horizon, path=source,
        )

    def to_toml(self) -> str:
        """Serialise this scenario as a file: its own settings, its parent by name."""
        lines = ["[scenario]"]
        for key in ("name", "title_zh", "title_en", "rationale"):
            if key != "rationale" or self.rationale:
                lines.append(f"{key} = {toml_string(getattr(self, key))}")
        if self.parent is not None:
            lines.append(f"parent = {toml_string(self.parent.name)}")
        if self.rule:
            lines.append(f"rule = {toml_string(self.rule)}")
        if self.horizon is not None:
            lines.append(f"horizon = {self.horizon}")
        lines += ["", "[drivers]"]
        lines += [f"{key} = {_toml_value(spec)}" for key, spec in self.drivers.items()]
        for key, obs in self.actuals.items():
            lines += ["", f"[actuals.{key}]"]
            lines += [f"{year} = {_toml_value(value)}" for year, value in sorted(obs.items())]
        return "\n".join(lines) + "\n"


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string that reads back identical.

    TOML forbids raw control characters (U+0000–U+001F and U+007F) in strings; they are written
    as ``\\uXXXX`` escapes, as are quotes and backslashes. Everything else is kept as written.
    """
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch in '"\\':
            out.append("\\" + ch)
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04X}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _toml_value(spec) -> str:
    if isinstance(spec, str):
        return toml_string(spec)
    if isinstance(spec, tuple | list):
        return "[" + ", ".join(_toml_value(v) for v in spec) + "]"
    if isinstance(spec, dict):
        return "{ " + ", ".join(f"{k} = {_toml_value(v)}" for k, v in spec.items()) + " }"
    return repr(float(spec))


# --------------------------------------------------------------------------- finding files

def shipped_dir() -> Path:
    """The shipped scenarios: ``sim/scenarios`` in an installed wheel (pyproject maps the
    repository's ``scenarios/`` there), the repository's ``scenarios/`` in a source checkout."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "scenarios"
    return installed if installed.is_dir() else package.parent / "scenarios"


def scenario_dirs() -> list[Path]:
    """Folders searched for scenarios named without a path.

    ``$FYP_SCENARIOS`` (if set), ``./scenarios`` and the shipped scenarios.
    """
    dirs = []
    if os.environ.get("FYP_SCENARIOS"):
        dirs.append(Path(os.environ["FYP_SCENARIOS"]))
    dirs.append(Path.cwd() / "scenarios")
    dirs.append(shipped_dir())
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
    if not ref.strip():  # "" would otherwise be reported as ": unknown scenario"
        raise ScenarioError("arguments", "scenario", code="not_text")
    p = Path(ref)
    if p.suffix == ".toml" or os.sep in ref or "/" in ref:
        # A parent's relative path is read from the child's folder, not the current one.
        if near is not None and not p.is_absolute():
            p = near / p
        if not p.is_file():
            raise ScenarioError(ref, "", code="no_file")
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
    raise ScenarioError(ref, "", code="unknown_scenario", params={"available": names})


# --------------------------------------------------------------------------- loading

def as_scenario(ref: Scenario | str | os.PathLike) -> Scenario:
    """A scenario given as itself, or by name, title or path (:func:`load_scenario`): what every
    function taking a scenario accepts, so that ``run_montecarlo(plan, "plan")`` works as
    ``project(plan, "plan")`` does.

    Raises
    ------
    ScenarioError
        For a name that finds no scenario, or a value that is none of these (``arguments``,
        ``scenario``: its type).
    """
    if isinstance(ref, Scenario):
        return ref
    if isinstance(ref, str | os.PathLike):
        return load_scenario(ref)
    raise ScenarioError("arguments", "scenario", code="not_scenario", params={"type_en": type(ref).__name__})


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
        raise ScenarioError(str(path), "scenario.parent", code="parent_cycle", params={"cycle": cycle})
    data = read_toml(path, ScenarioError)
    return parse_scenario(data, str(path), lambda ref: _load_parent(ref, path, (*seen, path.resolve())))


def _load_parent(ref: str, child: Path, seen: tuple[Path, ...]) -> Scenario:
    try:
        parent_path = find_scenario(ref, near=child.parent)
    except ScenarioError as exc:
        raise ScenarioError(str(child), "scenario.parent", code="parent_missing",
                            params={"parent": ref, "detail_en": exc.reason}) from None
    return _load(parent_path, seen)


def scenario_from_text(text: str | bytes, source: str = "<upload>",
                       parents: dict[str, Scenario] | None = None) -> Scenario:
    """Parse scenario TOML text (e.g. an upload).

    Text has no folder, and may come from a browser: its ``parent`` may only name a scenario in
    ``parents`` (e.g. those uploaded in the same session) or a shipped scenario, by name or title.
    No path is ever opened, and every other parent gets the same message, so an upload cannot
    probe which files exist on the server.
    """
    data = parse_toml(text, source, ScenarioError)

    def parent(ref: str) -> Scenario:
        if parents and ref in parents:
            return parents[ref]
        shipped = {p.stem: p for p in list_scenarios([shipped_dir()])}
        path = shipped.get(ref) or _shipped_by_title(shipped.values(), ref)
        if path is None:
            raise ScenarioError(source, "scenario.parent", code="parent_not_shipped",
                                params={"parent": ref, "shipped": ", ".join(shipped)})
        return _load(path, ())

    return parse_scenario(data, source, parent)


def _shipped_by_title(paths, ref: str) -> Path | None:
    for path in paths:
        meta = read_toml(path, ScenarioError).get("scenario", {})
        if ref in (meta.get("title_zh"), meta.get("title_en")):
            return path
    return None


def parse_scenario(data: dict, source: str, load_parent=None) -> Scenario:
    """Check the structure of a parsed scenario file (values are checked against a plan
    by :func:`resolve`)."""
    root = Fields(data, source, "", ScenarioError)
    root.allow_only(formats.SCENARIO)
    meta = root.sub("scenario")
    meta.allow_only(formats.SCENARIO_META)
    parent = None
    if meta.has("parent"):
        ref = meta.str("parent")
        if load_parent is None:
            raise meta.fail("parent", "parent_lookup", parent=ref)
        parent = load_parent(ref)
    drivers, actuals = parse_body(root)
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


def parse_body(root: Fields) -> tuple[dict[str, DriverSpec], dict[str, dict[int, float]]]:
    """The ``[drivers]`` and ``[actuals]`` tables of a scenario, each value checked.

    The one validator of these tables: files, uploads and :meth:`Scenario.with_changes` use it.
    """
    drivers = {}
    table = root.sub("drivers", None)
    if table is not None:
        for key, value in table.table.items():
            drivers[str(key)] = _driver_spec(value, table, key)
    actuals: dict[str, dict[int, float]] = {}
    table = root.sub("actuals", None)
    if table is not None:
        for key in table.table:
            obs = table.sub(key)
            actuals[str(key)] = {_year_key(obs, y): obs.num(y) for y in obs.table}
    return drivers, actuals


def _year_key(f: Fields, key: str) -> int:
    year = year_of(key)
    if year is None:
        raise f.fail(str(key), "not_year_key", value=key)
    return year


def _driver_spec(value, f: Fields, key: str) -> DriverSpec:
    if isinstance(value, str):
        if value not in RULES:
            raise f.fail(key, "bad_driver", value=value, rules=", ".join(RULES))
        return value
    if isinstance(value, list | tuple):
        if not value:
            raise f.fail(key, "empty_list")
        return tuple(finite(v, f, f"{key}[{i}]") for i, v in enumerate(value))
    if isinstance(value, dict):
        if not value:  # as an empty list: a table that sets no year is a slip, not "no change"
            raise f.fail(key, "empty_table")
        sub = Fields(value, f.source, f.path(key), f.error)
        return {_year_key(sub, y): sub.num(y) for y in value}
    return finite(value, f, key)

