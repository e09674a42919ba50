"""回顾与评估: the 14th-plan record, annual monitoring (the mid-term review in its year) with
actuals entry and the Word report, and the brief download."""

import streamlit as st

from ui import monitor, review
from ui.boot import guard
from ui.i18n import t

guard()

st.title(t("rev.title"))
tab_history, tab_mid, tab_brief = st.tabs([t("rev.tab_history"), t("rev.tab_mid"), t("rev.tab_brief")])
with tab_history:
    review.history_tab()
with tab_mid:
    monitor.monitoring_tab()
with tab_brief:
    review.brief_tab()
