"""Probability of meeting each target, for the target board: a short, cached Monte Carlo run.

The uncertainty page runs the full analysis (draws, spreads, fans, tornado); the board only
adds one column, so it uses a fixed number of draws and seed and the scenario's own spreads.
"""

from __future__ import annotations

import streamlit as st

from sim import Scenario
from sim.uncertainty.montecarlo import run_montecarlo

from . import state

#: Draws behind the board's probability column: the 95 % interval of a probability near 50 %
#: is then about ±0.7 percentage points, enough for the bands below.
BOARD_DRAWS = 20_000
BOARD_SEED = 0

#: (lower bound of P(met), Chinese, English, background colour), highest first.
BANDS = (
    (0.8, "很可能", "likely", "#c7e9c0"),
    (0.5, "可能", "about even", "#fff3b0"),
    (0.2, "有风险", "at risk", "#fdd0a2"),
    (0.0, "不太可能", "unlikely", "#f4a6a6"),
)


@st.cache_data(max_entries=16, show_spinner=False)
def board_probabilities(key: str, _scenario: Scenario) -> dict[tuple[str, str, int], float]:
    """P(met) per (indicator, check, target year) for the scenario whose cache key is ``key``."""
    result = run_montecarlo(state.get_plan(), _scenario, BOARD_DRAWS, seed=BOARD_SEED)
    table = result.probabilities("zh")
    return {(r.indicator, r.check, int(r.target_year)): float(r.p_met) for r in table.itertuples()}


def band(p: float) -> tuple[str, str, str]:
    """(Chinese label, English label, colour) of a probability, judged at the shown precision
    (whole per cent), so that "50%" never reads "at risk" on one row and "about even" on another."""
    p = round(p * 100) / 100
    for low, zh, en, colour in BANDS:
        if p >= low:
            return zh, en, colour
    return BANDS[-1][1:]


def cell(p: float, lang: str) -> str:
    """A probability as board text, legible without colour: "很可能 93%"."""
    zh, en, _ = band(p)
    return f"{zh if lang == 'zh' else en} {p:.0%}"
