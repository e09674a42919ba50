"""Session state, caches and the URL: with ui.analyses, the only place the app keeps anything between runs.

* The plan is loaded once per server process (``st.cache_resource``); scenario files once
  per file version; projections and target checks once per distinct set of scenarios;
  the plan audit once; Monte Carlo runs, tornado tables and goal seeks once per scenario
  and settings. Every ``st.cache_*`` of the app is in this module, except those of the plan
  files themselves, in :mod:`ui.plans` (which plan a session runs on). Every cache key
  includes the session's plan (:func:`scenario_key`), so two plans never share a result.
* ``st.session_state[MODEL]`` holds the planner's :class:`~ui.model.AppScenario`. It is
  changed only in widget callbacks, which run before the page script, so every page
  sees the same, already updated scenario, and the URL is written once per run.
* Widgets bound to the scenario take their value from the model (:func:`bind`). A widget whose
  value the model changed gets a new key (a revision), so it starts again from the model; every
  other widget keeps its key, so the browser redraws only what changed (a slider move used to
  redraw every widget of the page). A value that arrives from an outdated widget (the browser may
  still send one while a fast rerun is under way) is recognised by its old key and ignored
  (:func:`current`), so it can never undo a change.
* A picker whose option labels depend on the language (a selectbox, multiselect or segmented
  control with a ``format_func``) holds machine names, but Streamlit sends the *label* of the
  choice between browser and server: after a language switch the old label would come back as
  if it were a value. Such pickers take their key from :func:`picker`, which carries the
  language, and keep their choice under a language-free name (:func:`picked`), so a switch
  starts a fresh widget from the same machine names.
* Callbacks are wrapped by :func:`callback`: a failure becomes a plain message, never a
  traceback (callbacks run before the page, outside the page's own error handling).
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import streamlit as st

from sim import Scenario, check_targets, list_scenarios, load_scenario, project, resolve
from sim.engine.projection import Projection
from sim.io.errors import InputError
from sim.io.plan import Plan
from sim.io.scenario import scenario_dirs

from . import fmt, plans, url
from . import memo as memo_
from . import model as m
from .i18n import lang, t

log = logging.getLogger("fyp.app")

MODEL = "model"
NOTES = "url_notes"
FLASH = "flash"
#: This run's messages that belong beside a widget, by place (see :func:`flash`).
FLASH_NEAR = "flash_near"
COMPARE = "compare_set"
UPLOAD_REV = "upload_rev"
GENERATION = "widget_generation"
SEEDS = "widget_seeds"
PINNED = "widget_pinned"
PICKED = "picked"
BUILT = "built_scenario"
#: The last results this session asked for, by the scenario objects themselves (see :func:`compute`).
COMPUTED = "computed_results"
AVAILABLE = "available_this_run"
#: Scenario widgets whose option labels depend on the language (see :func:`picker`).
LANG_KEYED = frozenset({"w_base"})


@dataclass(frozen=True, eq=False)
class Result:
    """A projection and its target check (shared between sessions: never modify)."""

    projection: Projection
    check: pd.DataFrame


# --------------------------------------------------------------------------- cached loading

get_plan, plan_key = plans.get_plan, plans.plan_key   # every page reads state.get_plan()


def open_plan(opened: tuple[str, Plan] | None) -> None:
    """Run this session on ``opened`` (a key and plan from :func:`ui.plans.drafted_plan`; None:
    back to :func:`ui.plans.app_plan`). A scenario that does not fit the new plan is reset, with
    a notice; scenario widgets restart from the model either way."""
    ss = st.session_state
    if opened is None:
        ss.pop(plans.PLAN, None)
    else:
        ss[plans.PLAN] = opened
    old = model()
    plan = get_plan()
    try:
        fits = old.base in available() and resolve(plan, old.build(load(old.base))) is not None
    except (InputError, ValueError):
        fits = False
    set_model(old if fits else m.AppScenario(), restart=True)
    ss[NOTES] = []
    ss[COMPARE] = []
    if not fits:
        flash("warning", t("plan.reset", district=plan.district_zh if lang() == "zh" else plan.district_en))


@st.cache_resource(show_spinner=False, max_entries=64)
def _load_file(path: str, mtime: float) -> Scenario:
    return load_scenario(path)


def scenario_files() -> dict[str, Path]:
    """Scenario files by name (file stem), as the engine finds them."""
    return {p.stem: p for p in list_scenarios()}


def available() -> dict[str, Scenario]:
    """Scenarios that load cleanly and fit the session's plan, by name; a broken file is left
    out (and logged), as is one naming indicators another district's plan lacks. Looked up
    once per script run and plan (a page asks a dozen times), and again if a scenario folder
    changed meanwhile (a scenario saved by a callback of this run)."""
    run, opened = memo_.this_run(), st.session_state.get(plans.PLAN)
    memo = st.session_state.get(AVAILABLE)
    if run is not None and memo is not None and memo[0] is run and memo[1] is opened \
            and memo[3] == memo_.stamps(memo[2]):
        return dict(memo[4])
    dirs = scenario_dirs()
    stamps = memo_.stamps(dirs)
    found = _available_now()
    if run is not None:
        st.session_state[AVAILABLE] = (run, opened, dirs, stamps, found)
    return dict(found)


def _available_now() -> dict[str, Scenario]:
    files = []
    for name, path in scenario_files().items():
        try:
            files.append((name, str(path), path.stat().st_mtime))
        except OSError as exc:
            log.warning("scenario file %s skipped: %s", path, exc)
    # One cached lookup keyed by the files' versions replaces loading, fitting and keying
    # every scenario.
    return _available(plan_key(), tuple(files), get_plan())


@st.cache_resource(show_spinner=False, max_entries=16)
def _available(key: str, files: tuple[tuple[str, str, float], ...], _plan: Plan) -> dict[str, Scenario]:
    out = {}
    for name, path, mtime in files:
        try:
            scn = _load_file(path, mtime)
        except (InputError, OSError) as exc:
            log.warning("scenario file %s skipped: %s", path, exc)
            continue
        if plans.fits(key + "\x1d" + memo_.scenario_text(scn), _plan, scn):
            out[name] = scn
    return out


def load(name: str) -> Scenario:
    """A scenario by name; raises :class:`sim.ScenarioError` if it does not exist."""
    scenarios = available()
    if name in scenarios:
        return scenarios[name]
    return load_scenario(name)


def scenario_key(scn: Scenario) -> str:
    """Everything that defines a scenario on the session's plan, as text (the cache key)."""
    return plan_key() + "\x1d" + memo_.scenario_text(scn)


@st.cache_resource(show_spinner=False, max_entries=64)
def _compute(key: str, _plan: Plan, _scenarios: tuple[Scenario, ...]) -> Result:
    projection = project(_plan, list(_scenarios))
    return Result(projection, check_targets(projection))


def compute(scenarios: list[Scenario]) -> Result:
    """Project and check scenarios (cached by their content).

    A page asks for the current result a dozen times a run, always with the same scenario object
    (:func:`current_scenario` builds it once per model): those calls are answered by identity,
    without writing the scenario out as text and hashing it for the process-wide cache.
    """
    plan = get_plan()
    memo = st.session_state.setdefault(COMPUTED, [])
    for on, known, result in memo:
        if on is plan and len(known) == len(scenarios) and all(a is b for a, b in zip(known, scenarios, strict=False)):
            return result
    key = "\x1e".join(scenario_key(s) for s in scenarios)
    result = _compute(key, plan, tuple(scenarios))
    memo.insert(0, (plan, tuple(scenarios), result))
    del memo[4:]  # the base, the current, and the pair a comparison draws: a few are enough
    return result


@st.cache_resource(show_spinner=False, max_entries=16)
def _export_files(key: str, lang_: str, _scenarios: tuple[Scenario, ...], _current: Scenario) -> list:
    from . import exports  # the workbook writer is needed only on the export page

    return exports.files(compute(list(_scenarios)), _current, lang_)


def export_files(scenarios: list[Scenario], current: Scenario) -> list:
    """The export page's files (workbooks take a second to write, so they are cached)."""
    key = "\x1e".join(scenario_key(s) for s in [*scenarios, current])
    return _export_files(key, lang(), tuple(scenarios), current)


# --------------------------------------------------------------------------- analyses

def warm() -> None:
    """Fill the process-wide caches before the first visitor (``ui.serve``): the plan, the
    shipped scenarios and their projections."""
    for scn in available().values():
        compute([scn])


# --------------------------------------------------------------------------- the session

def init_session() -> None:
    """First run of a session: read the scenario and language from the URL."""
    ss = st.session_state
    ss.setdefault(FLASH, [])
    ss.setdefault(UPLOAD_REV, 0)
    if MODEL in ss:
        return
    plan = get_plan()
    params = {k: st.query_params.get_all(k) for k in st.query_params}
    state, lg, notes = url.from_query(params, plan, list(available()), load)
    ss[MODEL] = state
    ss[NOTES] = notes
    if lg and "lang" not in ss:
        ss["lang"] = lg
    ss.setdefault("lang", "zh")


def model() -> m.AppScenario:
    return st.session_state[MODEL]


def _key(base: str, rev: int) -> str:
    key = base if rev == 0 else f"{base}__{rev}"
    return f"{key}.{lang()}" if base in LANG_KEYED else key


def wkey(base: str) -> str:
    """The key, in this revision, of the scenario widget named ``base``."""
    return _key(base, st.session_state.get(SEEDS, {}).get(base, (0,))[0])


def bind(base: str, value) -> str:
    """The key of the scenario widget ``base``, which shows ``value`` (taken from the model).

    The widget keeps its key while the model's value for it stays what it was given, or while
    the planner is moving it (the base named by :func:`set_model`'s ``keep``). Otherwise, or
    after :func:`refresh_widgets`, it gets a new key and starts from ``value``.
    """
    ss = st.session_state
    seeds = ss.setdefault(SEEDS, {})
    generation = ss.get(GENERATION, 0)
    rev, given, seen = seeds.get(base, (0, value, generation))
    if base != ss.get(PINNED) and (given != value or seen != generation):
        rev += 1
    seeds[base] = (rev, value, generation)
    key = _key(base, rev)
    ensure(key, value)
    return key


def picker(base: str, options, default):
    """The key, in this language, of a picker named ``base`` whose labels depend on the language.

    A new key starts from the choice remembered under ``base`` (:func:`picked`), else from
    ``default``; values no longer among ``options`` are dropped. ``default`` is one option, or
    a list of options for a multiselect.
    """
    ss = st.session_state
    key = f"{base}.{lang()}"
    if key not in ss:
        value = ss.get(PICKED, {}).get(base, default)
        if isinstance(value, list):
            value = [v for v in value if v in options] if isinstance(default, list) else default
        elif value not in options:
            value = default
        ss[key] = value
    return key


def picked(base: str, value):
    """Remember a picker's choice (machine names) under its language-free name; returns it."""
    st.session_state.setdefault(PICKED, {})[base] = value
    return value


def current(base: str, key: str):
    """In a callback: the widget's new value, or None if ``key`` is outdated (a stale event)."""
    if key != wkey(base):
        return None
    return st.session_state.get(key)


def set_model(new: m.AppScenario, keep: str | None = None, restart: bool = False) -> None:
    """Replace the scenario. Widgets whose value changes restart from it, except ``keep`` (the base
    name of the widget the planner is moving); with ``restart``, every widget but ``keep`` does."""
    ss = st.session_state
    ss[MODEL] = new
    ss[PINNED] = keep
    if restart:
        ss[GENERATION] = ss.get(GENERATION, 0) + 1


def refresh_widgets() -> None:
    """Show the model again in every scenario widget (after a refused value)."""
    set_model(model(), restart=True)


def callback(fn):
    """Run a widget callback; turn any failure into a message on the page."""

    @functools.wraps(fn)
    def run(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except InputError as exc:
            flash("error", t("error.input", msg=fmt.input_error(exc, plan=get_plan())))
        except Exception as exc:  # noqa: BLE001 - shown as a sentence, logged in full
            log.exception("callback %s failed", fn.__name__)
            flash("error", t("error.unexpected", msg=type(exc).__name__))

    return run


def ensure(key: str, value) -> None:
    """Give a widget its starting value from the model (only if it has none yet)."""
    if key not in st.session_state:
        st.session_state[key] = value


def flash(kind: str, text: str, near: str | None = None) -> None:
    """A message shown once in the next page run (``kind``: error/warning/success/info): at the top
    of the page, or, with ``near``, where the page calls :func:`ui.layout.near` with that place —
    beside the box the planner typed into, which may be a screen or more below the top."""
    st.session_state.setdefault(FLASH, []).append((kind, text, near))


def base_scenario() -> Scenario:
    """The starting scenario; if its file has gone, fall back to the default (and say so)."""
    state = model()
    try:
        return load(state.base)
    except InputError:
        flash("warning", t("url.line", param="scenario", value=state.base,
                           reason=t("url.unknown_scenario", value=state.base, base=m.DEFAULT_BASE)))
        st.session_state[MODEL] = m.AppScenario(base=m.DEFAULT_BASE, actuals=state.actuals)
        return load(m.DEFAULT_BASE)


def current_scenario() -> Scenario:
    base = base_scenario()
    state = model()
    # Built once per model and base: the same object then keys every cache of the run cheaply.
    memo = st.session_state.get(BUILT)
    if memo is not None and memo[0] is state and memo[1] is base:
        return memo[2]
    scn = state.build(base)
    st.session_state[BUILT] = (state, base, scn)
    return scn


def analysed_scenario() -> Scenario:
    """The scenario the analysis pages read: one a caller put in ``st.session_state["scenario"]``
    (tests, a page run on its own), else the app's current scenario."""
    chosen = st.session_state.get("scenario")
    if isinstance(chosen, Scenario):
        return chosen
    init_session()
    return current_scenario()


def current_result() -> Result:
    return compute([current_scenario()])


def base_result() -> Result:
    return compute([base_scenario()])


def base_paths() -> np.ndarray:
    """Driver paths (D, Y) of the starting scenario."""
    return base_result().projection.scenarios[0].drivers


def current_paths() -> np.ndarray:
    return current_result().projection.scenarios[0].drivers


def sync_url() -> None:
    """Write the current scenario (and language) into the address bar."""
    wanted = url.to_query(model(), get_plan(), lang())
    have = {k: st.query_params.get_all(k) for k in st.query_params}
    if have != {k: [v] for k, v in wanted.items()}:
        st.query_params.from_dict(wanted)
