"""The uncertainty page's note on draws held at a domain bound is in the page's language (the
real-browser walk found the engine's English line on the Chinese page)."""

from __future__ import annotations

import pytest

from sim import load_plan, load_scenario
from sim.uncertainty.montecarlo import run_montecarlo
from ui import state

from .language_rules import stray_english


@pytest.fixture(scope="module")
def result():
    res = run_montecarlo(load_plan(), load_scenario("plan"), 512, seed=0)
    if not res.clipped_draws:
        pytest.skip("no draw held at a bound in this run: nothing to word")
    return res


def test_the_chinese_note_names_the_indicators_in_chinese(result):
    note = state._clipped_note(result, "zh")
    assert note.startswith(f"{result.clipped_share:.1%}的模拟")
    worst = result.plan.indicators[int(result.clipped.argmax())]
    assert worst.name_zh in note and worst.id not in note
    assert stray_english([note]) == set()


def test_the_english_note_is_the_engines_with_names_for_ids(result):
    note = result.clipped_note()
    for ind in result.plan.indicators:
        note = note.replace(f": {ind.id} ", f": {ind.name_en} ").replace(f", {ind.id} ", f", {ind.name_en} ")
    assert state._clipped_note(result, "en") == note
