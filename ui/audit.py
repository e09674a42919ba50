"""The plan-audit page's pieces: severity counts, the filtered findings, the CSV download.

The findings come from :func:`sim.review.audit.audit_plan` (cached in :mod:`ui.state`).
"""

from __future__ import annotations

import re

import streamlit as st

from sim.report.export import csv_bytes
from sim.review.audit import SEVERITIES, summary

from . import state
from .i18n import UNITS_EN, lang, name, t, unit

#: A unit of the plan (longest first, so 万千瓦/年 wins over 万千瓦), with an optional "/年".
UNIT_RE = re.compile("|".join(re.escape(u) + "(?:/年)?" for u in sorted(UNITS_EN, key=len, reverse=True)
                              if not u.isascii()))
#: Field names of the plan file that the engine's English sentences mention.
FIELD_WORDS = {"average_growth": "stated average growth", "growth_multiple": "stated multiple"}


def english(text: str) -> str:
    """An audit sentence or its arithmetic for an English reader: the plan's Chinese units in
    English (``197.2 万千瓦/年`` → ``197.2 10k kW/yr``), file field names in words."""
    out = UNIT_RE.sub(lambda m: unit(m.group(0), "en"), text)
    for word, words in FIELD_WORDS.items():
        out = out.replace(word, words)
    return out

ICONS = {"error": ":material/error:", "warning": ":material/warning:", "info": ":material/info:"}


def counts(findings) -> None:
    """One metric per severity."""
    n = summary(findings)
    for col, sev in zip(st.columns(len(SEVERITIES)), SEVERITIES, strict=True):
        col.metric(f"{ICONS[sev]} {t('audit.' + sev)}", n[sev])


def chosen(findings):
    """The findings of the severities picked in the filter."""
    labels = {s: t("audit." + s) for s in SEVERITIES}
    shown = st.pills(t("audit.filter"), SEVERITIES, selection_mode="multi", default=list(SEVERITIES),
                     format_func=labels.__getitem__, key="audit_filter")
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
