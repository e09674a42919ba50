"""导入工作报告: draft a plan file from a work report, review every number, then save it or open
it in the simulator (logic in ui.draft, texts in ui/texts/draft.py)."""

import streamlit as st

from ui import draft as d
from ui.boot import guard
from ui.i18n import t

guard()
st.title(t("draft.title"))
st.caption(t("draft.intro"))
d.open_if_asked()

d.inputs()
d.messages()
draft = st.session_state.get(d.DRAFT)
if draft is None:
    st.stop()

d.summary(draft)
d.candidates(draft)
draft = d.placeholder_values(draft)
d.review_and_keep(draft)

st.subheader(t("draft.preview"))
st.dataframe(d.preview(draft), hide_index=True, width="stretch")
