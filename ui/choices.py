"""Scenario pickers: the tokens they offer (the current scenario first, then every available one),
their labels in the interface language, and the scenarios chosen for comparison."""

from __future__ import annotations

import streamlit as st

from sim import Scenario

from . import model as m
from . import state
from .i18n import lang, t

#: Token for "the current scenario" in scenario pickers.
CURRENT = "@current"


def scenario_options() -> list[str]:
    """Tokens for scenario pickers: the current scenario first, then every available one."""
    return [CURRENT, *state.available()]


def option_label(token: str, lang_: str | None = None) -> str:
    lg = lang_ or lang()
    if token == CURRENT:
        return t("cmp.current", lg, title=state.current_scenario().title(lg))
    scn = state.available().get(token)
    return scn.title(lg) if scn is not None else token


def labeller(lang_: str | None = None):
    """A picker's ``format_func`` with the language fixed now (it may be called after the run)."""
    lg = lang_ or lang()
    return lambda token: option_label(token, lg)


def _distinct(tokens: list[str]) -> tuple[list[Scenario], list[tuple[str, str]]]:
    """The scenarios of ``tokens`` once each, and each token left out with the earlier token
    naming the same scenario (an unchanged current scenario is its base)."""
    out: list[Scenario] = []
    first: dict[str, str] = {}
    repeats: list[tuple[str, str]] = []
    scenarios = state.available()
    for token in tokens:
        scn = state.current_scenario() if token == CURRENT else scenarios.get(token)
        if scn is None:
            continue
        ident = state.scenario_key(scn)
        if ident in first:
            repeats.append((token, first[ident]))
        else:
            first[ident] = token
            out.append(scn)
    return out, repeats


def resolve_options(tokens: list[str]) -> list[Scenario]:
    """Scenarios for picker tokens, without duplicates (an unchanged current scenario is its base)."""
    return _distinct(tokens)[0]


def say_repeats(tokens: list[str], lang_: str | None = None) -> None:
    """Say which chosen scenarios are one and the same, and so shown once: picking 当前:规划目标
    beside 规划目标 before any change gave one column and no word why."""
    lg = lang_ or lang()
    for token, earlier in _distinct(tokens)[1]:
        st.caption(t("cmp.same", lg, a=option_label(earlier, lg), b=option_label(token, lg)))


def compare_tokens() -> list[str]:
    """The scenarios chosen for comparison (default: the current one and the plan)."""
    ss = st.session_state
    options = scenario_options()
    chosen = [x for x in ss.get(state.COMPARE, []) if x in options]
    if len(chosen) < 2:
        chosen = [CURRENT, m.DEFAULT_BASE if state.model().changed or state.model().base != m.DEFAULT_BASE else "momentum"]
        chosen = [x for x in chosen if x in options]
    ss[state.COMPARE] = chosen[:4]
    return ss[state.COMPARE]
