"""The app's scenario in the address bar: query parameters that reopen it, and reading them back.

``?scenario=cautious&primary_va=5&secondary_va=10,10,10,9,9&actual.visitors=2026:2480``:
:func:`to_query` writes an :class:`~ui.model.AppScenario`, :func:`from_query` reads one.
A bad or stale parameter is ignored and reported as a :class:`~ui.model.Note` saying why;
the rest of the link still applies. Pure Python (no Streamlit).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import replace

import numpy as np

from sim import ScenarioError, resolve
from sim.io.fields import year_of
from sim.io.plan import Plan

from .fmt import input_error
from .i18n import Names, Twin
from .model import (
    DEFAULT_BASE,
    MAX_TEXT,
    NAME_RE,
    AppInputError,
    AppScenario,
    Loader,
    Note,
    constant,
    paths_of,
    set_actual,
    set_path,
)

ACTUAL_PREFIX = "actual."
#: Texts a link carries; a rationale longer than MAX_TEXT is left out (see :func:`fits_link`).
META_KEYS = ("name", "title_zh", "title_en", "rationale")
#: Query parameters that belong to Streamlit itself, not to the scenario.
RESERVED = frozenset({"embed", "embed_options"})
LANGS = ("zh", "en")


def _num(v: float) -> str:
    return f"{v:.10g}"


def to_query(state: AppScenario, plan: Plan, lang: str = "zh") -> dict[str, str]:
    """Query parameters that reopen ``state`` (and the language, if not Chinese)."""
    q = {"scenario": state.base}
    for ind in plan.drivers:
        if ind.id in state.drivers:
            path = state.drivers[ind.id]
            q[ind.id] = _num(path[0]) if constant(path) else ",".join(_num(v) for v in path)
    for ind_id, obs in state.actuals.items():
        q[ACTUAL_PREFIX + ind_id] = ",".join(f"{y}:{_num(v)}" for y, v in sorted(obs.items()))
    for key in META_KEYS:
        if getattr(state, key) and len(getattr(state, key)) <= MAX_TEXT:
            q[key] = getattr(state, key)
    if lang != "zh":
        q["lang"] = lang
    return q


def fits_link(state: AppScenario) -> bool:
    """Whether the link carries every text of ``state`` (else only its numbers: offer the file)."""
    return all(len(getattr(state, key)) <= MAX_TEXT for key in META_KEYS)


def _one(params: Mapping[str, str | list[str]], key: str, notes: list[Note]) -> str:
    """A parameter's value; the last one (and a note) if it appears more than once."""
    raw = params[key]
    if isinstance(raw, list | tuple):
        if len(raw) > 1:
            notes.append(Note(key, ", ".join(raw), "url.repeated"))
        raw = raw[-1] if raw else ""
    return str(raw)


def _choice(params, key: str, allowed: Sequence[str], notes: list[Note], reason: str, default=None, **values):
    """A parameter that must be one of ``allowed``: its value, or ``default`` and a note."""
    if key not in params:
        return default
    wanted = _one(params, key, notes)
    if wanted in allowed:
        return wanted
    notes.append(Note(key, wanted, reason, {k: v.format(value=wanted) if isinstance(v, str) else v
                                            for k, v in values.items()}))
    return default


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
    params = {**params, "scenario": _by_title(params["scenario"], names, load)} if "scenario" in params else params
    default = load(DEFAULT_BASE)
    base = _choice(params, "scenario", names, notes, "url.unknown_scenario", DEFAULT_BASE,
                   value="{value}", base=Twin(default.title_zh, default.title_en))
    lang = _choice(params, "lang", LANGS, notes, "url.bad_lang")
    base_scn = load(base)
    base_paths = paths_of(plan, base_scn)
    state = AppScenario(base=base)
    used: list[str] = []
    for key in params:
        if key in ("scenario", "lang") or key in RESERVED:
            continue
        raw = _one(params, key, notes)
        try:
            state = _apply_param(state, plan, base_paths, key, raw)
            notes += _padded(plan, key, raw)
            used.append(f"{key}={raw}")
        except AppInputError as exc:
            notes.append(Note(key, raw, exc.key, exc.values))
    try:
        resolve(plan, state.build(base_scn), plan.horizon)
    except ScenarioError as exc:
        # Every parameter that was taken is dropped with the scenario: the note names them all, and
        # words the engine's reason in both languages, as the page's language is not known yet.
        detail = Twin(input_error(exc, "zh", plan), input_error(exc, "en", plan))
        notes.append(Note(", ".join(used) or "…", "", "url.invalid", {"detail": detail}))
        state = AppScenario(base=base)
    return state, lang, notes


def _by_title(raw, names: Sequence[str], load: Loader):
    """A scenario parameter given as a title (``惯性趋势``, ``Momentum``), as the command line
    accepts it, becomes the scenario's name; anything else is left as it is."""
    values = list(raw) if isinstance(raw, list | tuple) else [raw]
    for i, value in enumerate(values):
        if value not in names:
            values[i] = next((n for n in names if value.strip() in (load(n).title_zh, load(n).title_en)), value)
    return values if isinstance(raw, list | tuple) else values[0]


def _apply_param(state: AppScenario, plan: Plan, base_paths: np.ndarray, key: str, raw: str) -> AppScenario:
    """``state`` with one query parameter applied; :class:`AppInputError` says why it cannot be."""
    if key in META_KEYS:
        return _apply_meta(state, key, raw)
    if key.startswith(ACTUAL_PREFIX):
        return _apply_actuals(state, plan, key[len(ACTUAL_PREFIX):], raw)
    if key in plan.driver_index:
        return _apply_driver(state, plan, base_paths, key, raw)
    if key in plan.by_id:
        raise AppInputError("url.derived", inputs=Names.of(plan, plan.leaves(key)))
    raise AppInputError("url.unknown_param")


def _apply_meta(state: AppScenario, key: str, raw: str) -> AppScenario:
    if key == "name" and not NAME_RE.fullmatch(raw):
        raise AppInputError("url.bad_name")
    if len(raw) > MAX_TEXT:
        raise AppInputError("url.bad_text")
    return replace(state, **{key: raw})


def _apply_actuals(state: AppScenario, plan: Plan, ind_id: str, raw: str) -> AppScenario:
    """``actual.visitors=2026:2480,2027:2600``."""
    if ind_id not in plan.by_id:
        raise AppInputError("url.unknown_param")
    for item in raw.split(","):
        text, sep, value = item.partition(":")
        year = year_of(text.strip())
        if not sep or year is None:
            raise AppInputError("url.bad_actual")
        state = set_actual(state, plan, ind_id, year, _float(value))
    return state


def _apply_driver(state: AppScenario, plan: Plan, base_paths: np.ndarray, key: str, raw: str) -> AppScenario:
    """``primary_va=5`` (every year) or ``secondary_va=10,10,9`` (from 2026; the last repeats)."""
    values = [_float(x) for x in raw.split(",")]
    n = len(plan.years()) - 1
    if not 1 <= len(values) <= n:
        raise AppInputError("url.wrong_length", n=n)
    values += [values[-1]] * (n - len(values))
    return set_path(state, plan, base_paths, key, values)


def _padded(plan: Plan, key: str, raw: str) -> list[Note]:
    """A note when a yearly path was shorter than the years and its last number was carried on."""
    if key not in plan.driver_index or "," not in raw:
        return []
    values = raw.split(",")
    years = plan.years()[1:]
    if len(values) >= len(years):
        return []
    return [Note(key, raw, "url.padded", {"k": len(values), "n": len(years), "year": years[len(values)],
                                          "last": values[-1].strip()}, applied=True)]


def _float(text: str) -> float:
    try:
        value = float(text.strip())
    except ValueError:
        raise AppInputError("url.bad_number") from None
    if not math.isfinite(value):
        raise AppInputError("url.bad_number")
    return value

