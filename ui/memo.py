"""Memos for what a page asks many times while nothing it depends on can change: within one
script run, or for one immutable object (a scenario, a shared check table). Streamlit's
``st.cache_*`` (all in :mod:`ui.state`) hash their arguments on every call; these cost an
identity check."""

from __future__ import annotations

import threading
from pathlib import Path

import pandas as pd

from sim import Scenario

#: The text of recently keyed scenarios, by object: a Scenario never changes once built, and
#: writing its chain as TOML is most of a cache lookup's cost. Entries hold their scenario,
#: so an id is never reused while it is remembered.
_TEXTS: dict[int, tuple[Scenario, str]] = {}
_TEXTS_LOCK = threading.Lock()
_TEXTS_MAX = 256


def scenario_text(scn: Scenario) -> str:
    """Everything that defines ``scn`` (its chain as TOML, spreads and correlations), as text."""
    hit = _TEXTS.get(id(scn))
    if hit is not None and hit[0] is scn:
        return hit[1]
    text = "\x1f".join(node.to_toml() + repr(sorted(node.uncertainty.items()))
                       + repr(sorted(node.correlation.items())) for node in scn.chain)
    with _TEXTS_LOCK:
        if len(_TEXTS) >= _TEXTS_MAX:
            _TEXTS.pop(next(iter(_TEXTS)))
        _TEXTS[id(scn)] = (scn, text)
    return text


#: Rows of shared check tables by (table, scenario, kind of check): cutting them out of a table of
#: forty Arrow-backed columns costs more than everything the board then does with them, and a
#: board run asks for the same cut three times. Entries hold their table, so an id is never reused.
_ROWS: dict[tuple[int, str, str], tuple[pd.DataFrame, pd.DataFrame]] = {}
_ROWS_LOCK = threading.Lock()
_ROWS_MAX = 64


def check_rows(check: pd.DataFrame, scenario: str, which: str) -> pd.DataFrame:
    """The rows of ``check`` (a check table shared between sessions, never modified) for one
    scenario and one kind of check (``target``/``milestone``); the same object on every call."""
    key = (id(check), scenario, which)
    hit = _ROWS.get(key)
    if hit is not None and hit[0] is check:
        return hit[1]
    rows = check[(check["scenario"] == scenario) & (check["check"] == which)]
    with _ROWS_LOCK:
        if len(_ROWS) >= _ROWS_MAX:
            _ROWS.pop(next(iter(_ROWS)))
        _ROWS[key] = (check, rows)
    return rows


def this_run():
    """An object that lives exactly as long as the current script run of this session (None
    outside a run): Streamlit makes its parallel-fragment coordinator anew for every run,
    before the callbacks."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx(suppress_warning=True)
    return getattr(ctx, "parallel_coordinator", None) if ctx is not None else None


def stamps(dirs: list[Path]) -> tuple[int, ...]:
    """When each folder last gained or lost a file [ns] (-1: unreadable)."""
    out = []
    for d in dirs:
        try:
            out.append(d.stat().st_mtime_ns)
        except OSError:
            out.append(-1)
    return tuple(out)
