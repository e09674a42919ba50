"""Which plan a session runs on: the plan file the app was started on (``--plan FILE``,
``$FYP_PLAN``, else the embedded Ganzhou plan), or a reviewed draft the planner opened in the
session (:func:`ui.state.open_plan` switches). The plan files' caches live here; a drafted plan
is loaded by the engine's own loader (:mod:`sim.io.plan`) before any page sees it.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

import pandas as pd
import streamlit as st

from sim import Scenario, load_plan, resolve
from sim.io.errors import InputError, PlanError
from sim.io.plan import Plan

from . import memo as memo_

#: Session key of a plan opened in this session (a reviewed draft): (cache key, Plan).
PLAN = "plan_opened"


def plan_source() -> str | None:
    """The plan file the app was started on: ``-- --plan FILE`` after ``streamlit run
    streamlit_app.py``, else ``$FYP_PLAN``, else None (the embedded plan)."""
    args = sys.argv[1:]
    for i, arg in enumerate(args):
        if arg == "--plan" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--plan="):
            return arg.split("=", 1)[1]
    return os.environ.get("FYP_PLAN") or None


@st.cache_resource(show_spinner=False, max_entries=8)
def _load_plan_file(path: str | None, mtime: float) -> Plan:
    return load_plan(path)


def app_plan() -> Plan:
    """The plan the app was started on (embedded Ganzhou unless :func:`plan_source` names a
    file), loaded once per server process and file version; raises :class:`sim.PlanError`."""
    return _app_plan()[1]


#: The last run's answer of :func:`_app_plan` and the run it belongs to: a page asks for the plan
#: dozens of times per run, and each ``st.cache_resource`` lookup hashes its arguments again.
_THIS_RUN: tuple[object, tuple[str, Plan]] | None = None


def _app_plan() -> tuple[str, Plan]:
    global _THIS_RUN
    run, last = memo_.this_run(), _THIS_RUN
    if run is not None and last is not None and last[0] is run:
        return last[1]
    found = _find_app_plan()
    _THIS_RUN = (run, found) if run is not None else None
    return found


def _find_app_plan() -> tuple[str, Plan]:
    source = plan_source()
    if source is None:
        return "embedded", _load_plan_file(None, 0.0)
    path = Path(source).expanduser()
    try:
        mtime = path.stat().st_mtime
    except OSError as exc:
        raise PlanError(source, "", f"cannot read the plan file ({exc.strerror or exc})") from None
    return f"file:{path.resolve()}:{mtime}", _load_plan_file(str(path.resolve()), mtime)


def get_plan() -> Plan:
    """The plan this session runs on: one opened in the session, else :func:`app_plan`."""
    chosen = st.session_state.get(PLAN)
    return chosen[1] if chosen else app_plan()


def opened() -> bool:
    """Whether the session runs on a plan opened in it rather than :func:`app_plan`."""
    return bool(st.session_state.get(PLAN))


def plan_key() -> str:
    """Text that tells the session's plan apart from any other (part of every cache key)."""
    chosen = st.session_state.get(PLAN)
    return chosen[0] if chosen else _app_plan()[0]


@st.cache_resource(show_spinner=False, max_entries=8)
def _drafted(key: str, _draft) -> Plan:
    from sim.draft.decisions import validated  # the drafting code (and cn2an): not on the board's path

    return validated(_draft)


def drafted_plan(draft) -> tuple[str, Plan]:
    """A :class:`sim.draft.Draft`'s plan, loaded back by the engine's plan loader
    (:func:`sim.draft.decisions.validated`), with a key naming its exact text; raises
    :class:`sim.PlanError` if it would not load."""
    key = "draft:" + hashlib.sha256(draft.toml().encode("utf-8")).hexdigest()[:16]
    return key, _drafted(key, draft)


@st.cache_data(show_spinner=False, max_entries=8)
def draft_check(key: str, _plan: Plan) -> pd.DataFrame:
    """The drafted plan checked under the ``plan`` scenario (sim.draft.decisions.plan_check)."""
    from sim.draft.decisions import plan_check

    return plan_check(_plan)


@st.cache_resource(show_spinner=False, max_entries=64)
def fits(key: str, _plan: Plan, _scn: Scenario) -> bool:
    """Whether a scenario (``key``: its text with the plan's, :func:`ui.state.scenario_key`)
    resolves on ``_plan``; the shipped scenarios name Ganzhou's indicators."""
    try:
        resolve(_plan, _scn)
    except InputError:
        return False
    return True
