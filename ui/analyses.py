"""Cached analyses the pages show: the board's probabilities, the Monte Carlo, tornado and goal
seek of the uncertainty page, the plan audit and figures that depend only on the plan.

Like :mod:`ui.state` (which keeps the session and the scenarios), this is where the app's
Streamlit caches live; each function here is keyed by the scenario's cache key
(:func:`ui.state.scenario_key`) or the plan's (:func:`ui.plans.plan_key`). The Monte Carlo and
its kin are imported inside the functions: scipy and the sampler are not on the first page's path.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from sim import Scenario
from sim.io.plan import Plan

from .i18n import lang
from .plans import get_plan, plan_key

#: Draws behind the board's probability column: the 95 % interval of a probability near 50 %
#: is then about ±0.7 percentage points, enough for the bands of sim.report.labels.
BOARD_DRAWS = 20_000
BOARD_SEED = 0
#: Draws behind the uncertainty page's goal seek.
GOAL_DRAWS = 10_000


@st.cache_data(max_entries=16, show_spinner=False)
def board_probabilities(key: str, _scenario: Scenario) -> dict[tuple[str, str, int], float]:
    """P(met) per (indicator, check, target year) for the scenario whose cache key is ``key``:
    a fixed-seed run with the scenario's own spreads (the board's probability column)."""
    from sim.uncertainty.montecarlo import run_montecarlo  # scipy.stats: not on the first page's path

    result = run_montecarlo(get_plan(), _scenario, BOARD_DRAWS, seed=BOARD_SEED)
    table = result.probabilities("zh")
    return {(r.indicator, r.check, int(r.target_year)): float(r.p_met) for r in table.itertuples()}


@st.cache_resource(show_spinner=False, max_entries=16)
def _plan_figure(key: str, name: str, lg: str, _build):
    return _build()


def plan_figure(name: str, lg: str, build):
    """A figure that depends only on the session's plan and the language (``name`` tells it
    apart), built once by ``build()``: plotly spends far longer building a figure than
    Streamlit sending it. Shared between sessions: never modify it."""
    return _plan_figure(plan_key(), name, lg, build)


@st.cache_resource(show_spinner=False)
def _audit(key: str, _plan: Plan) -> pd.DataFrame:
    from sim.review.audit import audit_plan

    return audit_plan(_plan)


def audit_findings(plan_path: str = "") -> pd.DataFrame:
    """The plan audit's findings (sim.review.audit), computed once per plan."""
    return _audit(plan_key(), get_plan())


def montecarlo_tables(scn: Scenario, params: dict, progress=None) -> dict:
    """What the uncertainty page shows of a Monte Carlo run: small tables, not the kept draws.
    ``params``: draws, seed, scale, persistence."""
    from sim.uncertainty.montecarlo import run_montecarlo

    res = run_montecarlo(get_plan(), scn, params["draws"], params["seed"], scale=params["scale"],
                         persistence=params["persistence"], progress=progress)
    lg = lang()
    return {"prob": res.probabilities(lg), "fan": res.quantiles(lg), "seconds": res.seconds, "seed": res.seed,
            "draws": res.draws, "clipped": (res.clipped_share, res.clipped_worst()) if res.clipped_draws else None}


@st.cache_data(max_entries=12, show_spinner=False)
def montecarlo(key: str, draws: int, seed: int, scale: float, persistence: float, lg: str, _scn: Scenario,
               _ready: dict | None = None) -> dict:
    """A run's tables, cached by what defines them. A run made with a progress bar (which
    must not be drawn inside a cached function) is handed in as ``_ready``."""
    if _ready is not None:
        return _ready
    return montecarlo_tables(_scn, {"draws": draws, "seed": seed, "scale": scale, "persistence": persistence})


@st.cache_data(max_entries=24, show_spinner=False)
def sensitivity(key: str, scale: float, persistence: float, lg: str, _scn: Scenario) -> pd.DataFrame:
    """The tornado table of every target and milestone (sim.uncertainty.sensitivity)."""
    plan = get_plan()
    from sim.uncertainty.sensitivity import tornado
    from sim.uncertainty.spec import uncertainty_for

    unc = uncertainty_for(plan, _scn, scale=scale, persistence=persistence)
    return tornado(plan, _scn, uncertainty=unc, milestones=True, lang=lg)


@st.cache_data(max_entries=12, show_spinner=False)
def goal(key: str, probability: float, seed: int, scale: float, persistence: float, lg: str,
         _scn: Scenario) -> pd.DataFrame:
    """The pace each target needs to be met with ``probability`` (sim.uncertainty.goalseek)."""
    plan = get_plan()
    from sim.uncertainty.goalseek import requirements
    from sim.uncertainty.spec import uncertainty_for

    unc = uncertainty_for(plan, _scn, scale=scale, persistence=persistence)
    return requirements(plan, _scn, probability, draws=GOAL_DRAWS, seed=seed, uncertainty=unc, lang=lg)
