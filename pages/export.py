"""导出: projections (long, wide, IAMC), the workbook, the target table and the scenario file."""

import streamlit as st

from ui import choices, exports, state
from ui.boot import guard
from ui.i18n import lang, t

guard()

lg = lang()
st.title(t("exp.title"))
st.caption(t("exp.intro"))

compare_set = choices.resolve_options(choices.compare_tokens())
scopes = ["current", "compare"]
scope = state.picked("exp_scope", st.radio(
    t("exp.scope"), scopes, key=state.picker("exp_scope", scopes, scopes[0]), horizontal=True,
    format_func=lambda x: t("exp.scope_current", lg) if x == "current" else t("exp.scope_compare", lg, n=len(compare_set))))
scenarios = [state.current_scenario()] if scope == "current" else compare_set
result = state.compute(scenarios)
files = state.export_files(scenarios, state.current_scenario())

cols = st.columns(3)
for k, f in enumerate(files):
    with cols[k % 3], st.container(border=True):
        st.download_button(f.label, f.data, file_name=f.file_name, mime=f.mime, key=f"dl_{f.kind}",
                           on_click="ignore", icon=":material/download:", width="stretch")
        st.caption(f.help)

st.subheader(t("exp.preview"))
preview = exports.preview_frame(result, lg)
st.caption(t("exp.rows", rows=len(preview), cols=len(preview.columns)))
st.dataframe(preview, hide_index=True, width="stretch", height=400)
