"""The plan-audit page's pieces: severity counts, the filtered findings, the CSV download.

The findings come from :func:`sim.review.audit.audit_plan` (cached in :mod:`ui.state`).
"""

from __future__ import annotations

import streamlit as st

from sim.report.export import csv_bytes
from sim.review.audit import SEVERITIES, summary

from . import state
from .fmt import english
from .i18n import lang, name, t

ICONS = {"error": ":material/error:", "warning": ":material/warning:", "info": ":material/info:"}


def counts(findings) -> None:
    """One metric per severity."""
    n = summary(findings)
    for col, sev in zip(st.columns(len(SEVERITIES)), SEVERITIES, strict=True):
        col.metric(f"{ICONS[sev]} {t('audit.' + sev)}", n[sev])


def chosen(findings):
    """The findings of the severities picked in the filter."""
    labels = {s: t("audit." + s) for s in SEVERITIES}
    shown = state.picked("audit_filter", st.pills(
        t("audit.filter"), SEVERITIES, selection_mode="multi", format_func=labels.__getitem__,
        key=state.picker("audit_filter", SEVERITIES, list(SEVERITIES))))
    return findings[findings["severity"].isin(shown or [])]


def finding(row) -> None:
    """One finding: severity, indicator and year, the sentence, the arithmetic, the report's words."""
    plan, zh = state.get_plan(), lang() == "zh"
    with st.container(border=True):
        st.markdown(f"{ICONS[row.severity]} **{t('audit.' + row.severity)}** · "
                    f"{name(plan.by_id[row.indicator])} · {row.year}")
        st.write(row.finding_zh if zh else english(row.finding_en))
        st.code(row.arithmetic if zh else english(row.arithmetic), language=None, wrap_lines=True)
        if row.provisional:
            st.caption(t("audit.provisional"))
        if row.quotes:
            with st.expander(t("audit.quotes")):
                st.write(row.quotes)


def download(findings) -> None:
    st.download_button(t("audit.download"), csv_bytes(findings), file_name="audit.csv", mime="text/csv",
                       on_click="ignore", icon=":material/download:")
