"""规划数据核查: do the plan's own numbers hang together? (sim.review.audit)"""

import streamlit as st

from ui import analyses, audit, state
from ui.boot import guard
from ui.i18n import t

guard()

plan = state.get_plan()
findings = analyses.audit_findings(plan.path)
st.title(t("audit.title"))
st.caption(t("audit.intro"))
audit.counts(findings)
rows = audit.chosen(findings)
if rows.empty:
    st.info(t("audit.none"))
for row in rows.itertuples(index=False):
    audit.finding(row)
audit.download(findings)
