"""The plan-audit page's pieces: severity counts, the filtered findings, the CSV download.

The findings come from :func:`sim.review.audit.audit_plan` (cached in :mod:`ui.state`).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from sim.report.export import csv_bytes
from sim.report.labels import REVIEW_COLUMNS_ZH, flag_words, localize
from sim.review.audit import SEVERITIES, summary
from sim.review.findings import RULE_ZH, SEVERITY_ZH

from . import state
from .fmt import english
from .i18n import lang, name, t, unit

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


def findings_file(findings: pd.DataFrame, lg: str) -> pd.DataFrame:
    """The findings as the downloaded CSV gives them in ``lg``: the finding in that language only;
    in Chinese the headers, levels, rules and 是/否 as ``fyp audit --lang zh -o`` words them, in
    English the indicator's English name and units. Computed values are rounded to what the
    arithmetic shows (3.712, not 3.7119999999999997)."""
    plan = state.get_plan()
    keep = "finding_zh" if lg == "zh" else "finding_en"
    out = findings.rename(columns={keep: "finding"}).drop(columns=[c for c in ("finding_zh", "finding_en") if c != keep])
    out["computed"] = out["computed"].round(4)
    if lg != "zh":
        out["name"] = [name(plan.by_id[i], "en") if i in plan.by_id else n
                       for i, n in zip(out["indicator"], out["name"], strict=True)]
        out["unit"] = out["unit"].map(lambda u: unit(u, "en"))
        for column in ("finding", "arithmetic"):
            out[column] = out[column].map(english)
        return out
    out["severity"] = out["severity"].map(lambda v: SEVERITY_ZH.get(v, v))
    out["rule"] = out["rule"].map(lambda v: RULE_ZH.get(v, v))
    flag_words(out, "zh")
    return localize(out.rename(columns=REVIEW_COLUMNS_ZH), "zh")


def download(findings) -> None:
    st.download_button(t("audit.download"), csv_bytes(findings_file(findings, lang())), file_name="audit.csv",
                       mime="text/csv", on_click="ignore", icon=":material/download:")
