"""不确定性: how likely each target is, which assumption drives the risk, and what it would take.

Runs the Monte Carlo of the current scenario on request (cached in ui.state) and shows the
probability of every target, fan charts, a tornado per target and the pace needed for a
chosen probability. Bad uncertainty settings show one sentence, never a traceback.
"""

import streamlit as st

from sim.io.errors import InputError
from ui import state
from ui import uncertainty as unc
from ui.boot import guard
from ui.fmt import input_error
from ui.i18n import lang, t

guard()

st.title(t("unc.title"))
try:
    scn = state.analysed_scenario()
    key = state.scenario_key(scn)
    st.caption(t("unc.caption", scenario=scn.title(lang())))
    params = unc.settings(scn)
    unc.show_spreads(scn, params)
    unc.show_results(scn, key, params)
    unc.show_tornado(scn, key, params)
    unc.show_goal(scn, key, params)
except InputError as exc:
    st.error(t("error.input", msg=input_error(exc)))
