"""The app's scenario: a base scenario from ``scenarios/`` plus the planner's changes.

Pure Python (no Streamlit), so the URL format, uploads and saving are tested on their own.

* :class:`AppScenario` holds the base scenario's name, the driver paths the planner changed
  (always a full 2026–2030 path; a path equal to the base is dropped), entered actuals and
  optional name/titles. :meth:`AppScenario.build` turns it into an engine
  :class:`~sim.Scenario` (a child of the base), which is what gets projected and exported.
* :func:`to_query` / :func:`from_query` write it to and read it from URL query parameters:
  ``?scenario=cautious&primary_va=5&secondary_va=10,10,10,9,9&actual.visitors=2026:2480``.
  A bad or stale parameter is ignored and reported as a :class:`Note` saying why.
* :func:`from_upload` reads an uploaded TOML file; any problem raises :class:`AppInputError`
  and changes nothing.
* :func:`save` writes a scenario file and never replaces an existing one unless asked.

Messages are i18n keys (see :mod:`ui.i18n`) with their placeholder values, so the caller
shows them in the planner's language.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from sim import Scenario, ScenarioError, resolve, scenario_from_text
from sim.io.errors import ExportError
from sim.io.plan import Indicator, Plan
from sim.report.export import write_atomic

DEFAULT_BASE = "plan"
#: Scenarios that ship with the app: saving never replaces them.
SHIPPED = ("plan", "momentum", "cautious", "ambitious")
NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,39}")
MAX_UPLOAD_BYTES = 1_000_000
MAX_TEXT = 200
ACTUAL_PREFIX = "actual."
META_KEYS = ("name", "title_zh", "title_en")
#: Query parameters that belong to Streamlit itself, not to the scenario.
RESERVED = frozenset({"embed", "embed_options"})
LANGS = ("zh", "en")

Loader = Callable[[str], Scenario]


class AppInputError(ValueError):
    """A value, file or name the app cannot use; ``key`` and ``values`` form the message."""

    def __init__(self, key: str, **values):
        self.key = key
        self.values = values
        super().__init__(f"{key}: {values}")


@dataclass(frozen=True)
class Note:
    """A query parameter (or file field) that was ignored: the reason is ``t(key, **values)``."""

    param: str
    value: str
    key: str
    values: dict = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class AppScenario:
    """The planner's scenario as the app keeps it.

    Attributes
    ----------
    base : str
        Name of the starting scenario (a file in ``scenarios/``).
    drivers : dict
        Driver id → pace in each projected year (2026–2030) [driver unit], only where it
        differs from the base.
    actuals : dict
        Indicator id → {year: observed value} [indicator unit].
    name, title_zh, title_en, rationale : str
        Empty means "derived from the base" (``plan-custom``, ``规划目标(调整)``).
    uncertainty, correlation : dict
        Kept from an uploaded file for the uncertainty page; not part of the URL.
    """

    base: str = DEFAULT_BASE
    drivers: dict[str, tuple[float, ...]] = field(default_factory=dict)
    actuals: dict[str, dict[int, float]] = field(default_factory=dict)
    name: str = ""
    title_zh: str = ""
    title_en: str = ""
    rationale: str = ""
    uncertainty: dict = field(default_factory=dict)
    correlation: dict = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        """True if this is more than the base scenario itself."""
        return bool(self.drivers or self.actuals or self.name or self.title_zh or self.title_en
                    or self.rationale or self.uncertainty)

    @property
    def n_actuals(self) -> int:
        return sum(len(v) for v in self.actuals.values())

    def key(self) -> str:
        """A stable text identity (for caches and comparisons)."""
        return json.dumps({
            "base": self.base, "drivers": self.drivers,
            "actuals": {k: {str(y): v for y, v in sorted(o.items())} for k, o in self.actuals.items()},
            "meta": [self.name, self.title_zh, self.title_en, self.rationale],
            "unc": [self.uncertainty, self.correlation],
        }, sort_keys=True, ensure_ascii=False, default=str)

    def build(self, base: Scenario, child: bool = False) -> Scenario:
        """The engine scenario: ``base`` itself if nothing changed (and ``child`` is False),
        else a child of ``base`` carrying the changes."""
        if not self.changed and not child:
            return base
        drivers = {k: (v[0] if _constant(v) else tuple(v)) for k, v in self.drivers.items()}
        scn = base.with_changes(
            name=self.name or f"{base.name}-custom",
            drivers=drivers,
            actuals=self.actuals,
            title_zh=self.title_zh or f"{base.title_zh}(调整)",
            title_en=self.title_en or f"{base.title_en} (adjusted)",
            rationale=self.rationale or f"在应用中以“{base.title_zh}”为起点调整。"
                                        f" Adjusted in the app, starting from “{base.title_en}”.",
        )
        if self.uncertainty or self.correlation:
            scn = replace(scn, uncertainty=dict(self.uncertainty), correlation=dict(self.correlation))
        return scn


def _constant(path: Sequence[float]) -> bool:
    return all(abs(x - path[0]) < 1e-12 for x in path)


# --------------------------------------------------------------------------- changes

def paths_of(plan: Plan, scenario: Scenario) -> np.ndarray:
    """Driver paths (D, Y) of a scenario [driver unit], validated by the engine."""
    return resolve(plan, scenario, plan.horizon).drivers


def pace_problem(ind: Indicator, values: Sequence[float]) -> tuple[str, dict] | None:
    """Why a driver pace is impossible (an i18n key and values), or None if it is fine."""
    for v in values:
        if not math.isfinite(v):
            return "url.bad_number", {}
        if ind.dynamic == "compound" and v <= -100:
            return "range.growth_min", {}
        if ind.dynamic == "points" and abs(v) > 100:
            return "range.points_max", {}
    return None


def actual_problem(plan: Plan, ind_id: str, year: int, value: float) -> tuple[str, dict] | None:
    """Why an observed value cannot be used, or None."""
    years = plan.years()[1:]
    ind = plan.by_id.get(ind_id)
    if ind is None:
        return "url.unknown_param", {}
    if not ind.is_driver:
        return "url.derived", {"inputs": ", ".join(plan.leaves(ind_id))}
    if year not in years:
        return "url.bad_year", {"first": years[0], "last": years[-1]}
    if not math.isfinite(value):
        return "url.bad_number", {}
    if ind.is_percent and not 0 <= value <= 100:
        return "range.percent", {}
    if ind.dynamic == "compound" and value <= 0:
        return "range.positive", {}
    return None


def set_path(state: AppScenario, plan: Plan, base_paths: np.ndarray, driver_id: str,
             path: Sequence[float]) -> AppScenario:
    """``state`` with one driver's 2026–2030 path replaced (dropped if equal to the base).

    Raises
    ------
    AppInputError
        For an impossible pace (growth of −100% or less, more than 100 points a year).
    """
    ind = plan.drivers[plan.driver_index[driver_id]]
    path = tuple(float(x) for x in path)
    problem = pace_problem(ind, path)
    if problem:
        raise AppInputError(problem[0], **problem[1])
    d = plan.driver_index[driver_id]
    drivers = dict(state.drivers)
    if np.allclose(path, base_paths[d], rtol=0, atol=1e-9):
        drivers.pop(driver_id, None)
    else:
        drivers[driver_id] = path
    order = {ind.id: i for i, ind in enumerate(plan.drivers)}
    return replace(state, drivers=dict(sorted(drivers.items(), key=lambda kv: order[kv[0]])))


def set_actual(state: AppScenario, plan: Plan, ind_id: str, year: int, value: float | None) -> AppScenario:
    """``state`` with one observed value added, replaced or (``value=None``) removed."""
    actuals = {k: dict(v) for k, v in state.actuals.items()}
    if value is None:
        actuals.get(ind_id, {}).pop(year, None)
    else:
        problem = actual_problem(plan, ind_id, int(year), float(value))
        if problem:
            raise AppInputError(problem[0], **problem[1])
        actuals.setdefault(ind_id, {})[int(year)] = float(value)
    actuals = {k: dict(sorted(v.items())) for k, v in actuals.items() if v}
    return replace(state, actuals=actuals)


def reset(state: AppScenario, driver_ids: Sequence[str] | None = None) -> AppScenario:
    """Drop the changes of the given drivers (all if None): back to the base."""
    if driver_ids is None:
        return replace(state, drivers={})
    keep = {k: v for k, v in state.drivers.items() if k not in set(driver_ids)}
    return replace(state, drivers=keep)


# --------------------------------------------------------------------------- URL

def _num(v: float) -> str:
    return f"{v:.10g}"


def to_query(state: AppScenario, plan: Plan, lang: str = "zh") -> dict[str, str]:
    """Query parameters that reopen ``state`` (and the language, if not Chinese)."""
    q = {"scenario": state.base}
    for ind in plan.drivers:
        if ind.id in state.drivers:
            path = state.drivers[ind.id]
            q[ind.id] = _num(path[0]) if _constant(path) else ",".join(_num(v) for v in path)
    for ind_id, obs in state.actuals.items():
        q[ACTUAL_PREFIX + ind_id] = ",".join(f"{y}:{_num(v)}" for y, v in sorted(obs.items()))
    for key in META_KEYS:
        if getattr(state, key):
            q[key] = getattr(state, key)
    if lang != "zh":
        q["lang"] = lang
    return q


def from_query(params: Mapping[str, str | list[str]], plan: Plan, names: Sequence[str],
               load: Loader) -> tuple[AppScenario, str | None, list[Note]]:
    """Read a scenario from query parameters.

    Returns
    -------
    (AppScenario, language or None, notes)
        Every parameter that could not be used is left out and explained in ``notes``; a
        link whose scenario no longer exists opens the default base scenario.
    """
    notes: list[Note] = []

    def one(key: str) -> str:
        raw = params[key]
        if isinstance(raw, list | tuple):
            if len(raw) > 1:
                notes.append(Note(key, ", ".join(raw), "url.repeated"))
            raw = raw[-1] if raw else ""
        return str(raw)

    base = DEFAULT_BASE
    if "scenario" in params:
        wanted = one("scenario")
        if wanted in names:
            base = wanted
        else:
            notes.append(Note("scenario", wanted, "url.unknown_scenario", {"value": wanted, "base": base}))
    lang = None
    if "lang" in params:
        wanted = one("lang")
        if wanted in LANGS:
            lang = wanted
        else:
            notes.append(Note("lang", wanted, "url.bad_lang"))
    base_scn = load(base)
    base_paths = paths_of(plan, base_scn)
    state = AppScenario(base=base)
    for key in params:
        if key in ("scenario", "lang") or key in RESERVED:
            continue
        raw = one(key)
        try:
            state = _apply_param(state, plan, base_paths, key, raw)
        except AppInputError as exc:
            notes.append(Note(key, raw, exc.key, exc.values))
    try:
        resolve(plan, state.build(base_scn), plan.horizon)
    except ScenarioError as exc:
        notes.append(Note("…", "", "url.invalid", {"detail": exc.message}))
        state = AppScenario(base=base)
    return state, lang, notes


def _apply_param(state: AppScenario, plan: Plan, base_paths: np.ndarray, key: str, raw: str) -> AppScenario:
    if key in META_KEYS:
        if key == "name" and not NAME_RE.fullmatch(raw):
            raise AppInputError("url.bad_name")
        if len(raw) > MAX_TEXT:
            raise AppInputError("url.bad_text")
        return replace(state, **{key: raw})
    if key.startswith(ACTUAL_PREFIX):
        ind_id = key[len(ACTUAL_PREFIX):]
        if ind_id not in plan.by_id:
            raise AppInputError("url.unknown_param")
        new = state
        for item in raw.split(","):
            year, sep, value = item.partition(":")
            if not sep or not year.strip().isdigit():
                raise AppInputError("url.bad_actual")
            new = set_actual(new, plan, ind_id, int(year), _float(value))
        return new
    if key in plan.driver_index:
        values = [_float(x) for x in raw.split(",")]
        n = len(plan.years()) - 1
        if not 1 <= len(values) <= n:
            raise AppInputError("url.wrong_length", n=n)
        values += [values[-1]] * (n - len(values))
        return set_path(state, plan, base_paths, key, values)
    if key in plan.by_id:
        raise AppInputError("url.derived", inputs=", ".join(plan.leaves(key)))
    raise AppInputError("url.unknown_param")


def _float(text: str) -> float:
    try:
        value = float(text.strip())
    except ValueError:
        raise AppInputError("url.bad_number") from None
    if not math.isfinite(value):
        raise AppInputError("url.bad_number")
    return value


# --------------------------------------------------------------------------- files

def from_upload(data: bytes, filename: str, plan: Plan, names: Sequence[str],
                load: Loader) -> tuple[AppScenario, list[Note]]:
    """Turn an uploaded scenario file into the app's scenario.

    The nearest ancestor that is available by name becomes the base (else ``plan``);
    every driver whose path differs from the base's is kept as a change, with all actuals.

    Raises
    ------
    AppInputError
        Too large, not ``.toml``, or rejected by the engine (the engine's message, naming
        the field and the reason). Nothing is changed in that case.
    """
    if len(data) > MAX_UPLOAD_BYTES:
        raise AppInputError("file.too_big", size=len(data), limit=MAX_UPLOAD_BYTES)
    if not filename.lower().endswith(".toml"):
        raise AppInputError("file.not_toml")
    notes: list[Note] = []
    try:
        scn = scenario_from_text(data, source=filename)
        if scn.effective_horizon and scn.effective_horizon != plan.horizon:
            notes.append(Note("horizon", str(scn.effective_horizon), "file.horizon",
                              {"value": scn.effective_horizon, "horizon": plan.horizon}))
        res = resolve(plan, scn, plan.horizon)
    except ScenarioError as exc:
        raise AppInputError("error.detail", detail=exc.message) from None
    base = next((n.name for n in reversed(scn.chain[:-1]) if n.name in names), DEFAULT_BASE)
    base_scn = load(base)
    base_paths = paths_of(plan, base_scn)
    state = AppScenario(base=base)
    for d, ind in enumerate(plan.drivers):
        state = set_path(state, plan, base_paths, ind.id, res.drivers[d])
    years = res.years[1:]
    for i, ind in enumerate(plan.indicators):
        for y, value in enumerate(res.actuals[i]):
            if not np.isnan(value):
                state = set_actual(state, plan, ind.id, years[y], float(value))
    name = scn.name if NAME_RE.fullmatch(scn.name) and scn.name != base else ""
    if scn.name != base and not name:
        notes.append(Note("scenario.name", scn.name, "url.bad_name"))
    state = replace(
        state, name=name,
        title_zh=scn.title_zh if scn.title_zh != base_scn.title_zh else "",
        title_en=scn.title_en if scn.title_en != base_scn.title_en else "",
        rationale=scn.rationale.strip() if scn.name != base else "",
        uncertainty=dict(scn.uncertainty), correlation=dict(scn.correlation),
    )
    try:
        resolve(plan, state.build(base_scn), plan.horizon)
    except ScenarioError as exc:  # pragma: no cover - the file itself resolved above
        raise AppInputError("error.detail", detail=exc.message) from None
    return state, notes


def save(folder: Path, name: str, scenario_text: Callable[[str], str], overwrite: bool = False,
         taken: Sequence[str] = ()) -> Path:
    """Write ``scenario_text(name)`` to ``folder/name.toml``.

    Never replaces an existing file unless ``overwrite`` is True, and never replaces a
    shipped scenario or one of the names in ``taken`` (the scenario's own parents).

    Raises
    ------
    AppInputError
        ``file.bad_name``, ``file.protected``, ``file.self_parent``, ``file.exists`` or
        ``file.write_failed``.
    """
    if not NAME_RE.fullmatch(name or ""):
        raise AppInputError("file.bad_name")
    if name in SHIPPED:
        raise AppInputError("file.protected", name=name)
    if name in taken:
        raise AppInputError("file.self_parent", name=name)
    path = Path(folder) / f"{name}.toml"
    data = scenario_text(name).encode("utf-8")
    if overwrite:
        try:
            return write_atomic(path, lambda: data)
        except ExportError as exc:
            raise AppInputError("file.write_failed", detail=exc.reason) from None
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        raise AppInputError("file.exists", path=str(path)) from None
    except OSError as exc:
        raise AppInputError("file.write_failed", detail=exc.strerror or str(exc)) from None
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    return path
