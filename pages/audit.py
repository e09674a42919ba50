"""规划数据核查: do the plan's own numbers hang together? (sim.review.audit)"""

import streamlit as st

from sim.report.export import csv_bytes
from sim.review.audit import SEVERITIES, audit_plan, summary
from ui import state
from ui.boot import guard
from ui.i18n import add_texts, t

guard()

TEXTS = {
    "audit.title": ("规划数据核查", "Plan audit"),
    "audit.intro": ("逐条检查规划数据内部是否一致:同句给出的水平与增速、总量与构成、年度目标与2030年目标、"
                    "所需速度与“十四五”速度、累计目标与年度目标。报告数字按印刷精度四舍五入比较(如3.2代表3.15–3.25)。",
                    "Checks the plan's numbers against each other: a level against the growth stated with it, wholes "
                    "against parts, milestones against the 2030 target, the pace needed against the 14th-plan pace, "
                    "cumulative targets against milestones. Printed numbers are compared to their rounding "
                    "(3.2 stands for 3.15–3.25)."),
    "audit.error": ("矛盾", "Errors"), "audit.warning": ("需关注", "Warnings"), "audit.info": ("提示", "Notes"),
    "audit.filter": ("显示", "Show"),
    "audit.none": ("没有符合条件的发现。", "No findings match."),
    "audit.arith": ("算式", "Arithmetic"),
    "audit.quotes": ("报告原文", "Report's words"),
    "audit.provisional": ("暂定:依赖假设数值,待统计数据替换。", "Provisional: rests on an assumed number."),
    "audit.download": ("下载核查结果(CSV)", "Download findings (CSV)"),
}
ICONS = {"error": ":material/error:", "warning": ":material/warning:", "info": ":material/info:"}

add_texts(TEXTS)


@st.cache_resource(show_spinner=False)
def findings_of(plan_path: str, _plan):
    """Audit findings of the app's plan, computed once per plan file."""
    return audit_plan(_plan)


lg = st.session_state.get("lang", "zh")
plan = state.get_plan()
findings = findings_of(plan.path, plan)
st.title(t("audit.title"))
st.caption(t("audit.intro"))

counts = summary(findings)
for col, sev in zip(st.columns(3), SEVERITIES, strict=True):
    col.metric(f"{ICONS[sev]} {t('audit.' + sev)}", counts[sev])

labels = {s: t("audit." + s) for s in SEVERITIES}
shown = st.pills(t("audit.filter"), SEVERITIES, selection_mode="multi", default=list(SEVERITIES),
                 format_func=labels.__getitem__, key="audit_filter")
rows = findings[findings["severity"].isin(shown or [])]
if rows.empty:
    st.info(t("audit.none"))
for row in rows.itertuples(index=False):
    with st.container(border=True):
        name = row.name if lg == "zh" else plan.by_id[row.indicator].name_en
        st.markdown(f"{ICONS[row.severity]} **{t('audit.' + row.severity)}** · {name} · {row.year}")
        st.write(row.finding_zh if lg == "zh" else row.finding_en)
        st.code(row.arithmetic, language=None, wrap_lines=True)
        if row.provisional:
            st.caption(t("audit.provisional"))
        if row.quotes:
            with st.expander(t("audit.quotes")):
                st.write(row.quotes)

st.download_button(t("audit.download"), csv_bytes(findings), file_name="audit.csv", mime="text/csv",
                   on_click="ignore", icon=":material/download:")
