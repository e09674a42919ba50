"""Scenario widgets keep their keys unless the value the model gives them changes (ui.state.bind):
the browser redraws only what a move changed, and an event from an outdated key is ignored."""

from __future__ import annotations

import logging

import pytest
import streamlit as st

from ui import state

from .conftest import assert_clean, go, widget


@pytest.fixture
def session():
    logging.getLogger("streamlit").setLevel(logging.ERROR)  # bare-mode notices
    st.session_state.clear()
    st.session_state["lang"] = "zh"
    yield st.session_state
    st.session_state.clear()


def test_a_widget_keeps_its_key_while_its_value_stays(session):
    first = state.bind("w_a", 6.5)
    assert first == "w_a" and session["w_a"] == 6.5
    state.set_model(None)                    # some other widget changed the model
    assert state.bind("w_a", 6.5) == first   # same value: same widget, nothing to redraw
    moved = state.bind("w_a", 6.0)           # the model moved it: a new widget showing the model
    assert moved == "w_a__1" and session[moved] == 6.0
    assert state.current("w_a", first) is None           # an event from the old widget is stale
    assert state.current("w_a", moved) == 6.0


def test_the_widget_being_moved_keeps_its_key_and_a_refresh_restarts_all(session):
    state.bind("w_a", 6.5), state.bind("w_b", "6.5")
    session["w_a"] = 6.1                      # the planner drags the slider
    state.set_model(None, keep="w_a")
    assert state.bind("w_a", 6.1) == "w_a"    # not redrawn under the planner's hand
    assert state.bind("w_b", "6.1") == "w_b__1"
    state.refresh_widgets()                   # a refused value: everything shows the model again
    assert state.bind("w_a", 6.1) == "w_a__1" and state.bind("w_b", "6.1") == "w_b__2"
    assert state.bind("w_a", 6.1) == "w_a__1"  # once


def test_language_keyed_widgets_carry_the_language(session, monkeypatch):
    assert state.bind("w_base", "plan") == "w_base.zh"
    monkeypatch.setattr(state, "lang", lambda: "en")
    assert state.bind("w_base", "plan") == "w_base.en"


def _scenario_widgets(app) -> dict[str, tuple[str, object]]:
    return {str(w.key).split("__")[0]: (w.key, w.value)
            for w in [*app.slider, *app.text_input, *app.selectbox] if str(w.key).startswith("w_")}


def test_a_slider_move_redraws_only_the_widgets_whose_value_changed(app):
    go(app, "pages/assumptions.py")
    before = _scenario_widgets(app)
    widget(app.slider, "w_gdp_all").set_value(5.0).run()
    assert_clean(app)
    after = _scenario_widgets(app)
    assert set(after) == set(before)
    changed = {b for b in before if before[b][1] != after[b][1]}
    rekeyed = {b for b in before if before[b][0] != after[b][0]}
    assert "w_gdp_all" in changed and "w_gdp_all" not in rekeyed   # the planner's own slider
    assert rekeyed == changed - {"w_gdp_all"}
    sectors = {f"w_{k}_{s}" for k in ("sl", "nu") for s in ("primary_va", "secondary_va", "tertiary_va")}
    assert sectors <= rekeyed
    assert len(before) - len(rekeyed) >= 5, sorted(rekeyed)            # the rest stay as they were
