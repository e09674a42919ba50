"""The indicator page's text: each target's check per scenario, and where the numbers come from."""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from sim.io.plan import Plan

from . import fmt, tables
from .display import board_table, projected_text, required_text, styled, target_text
from .i18n import basis, lang, listing, name, status, t


def target_checks(plan: Plan, check: pd.DataFrame, ind_id: str, labels: list[str]) -> None:
    """For every target and milestone: the pace needed from the last actual year against the
    scenario's own pace, per scenario, then the full rows."""
    lg = lang()
    rows = check[check["indicator"] == ind_id]
    st.subheader(t("ind.targets_title"))
    if rows.empty:
        st.info(t("ind.no_target"))
        return
    names = list(dict.fromkeys(check["scenario"]))
    label_of = dict(zip(names, labels, strict=True))
    for (_, _, _), group in rows.groupby(["check", "target_year", "kind"], sort=False):
        first = group.iloc[0]
        key = "ind.milestone_marker" if first["check"] == "milestone" else "ind.target_marker"
        st.markdown(f"**{t(key, year=first['target_year'], target=target_text(first, lg, plan.base_year))}**")
        lines = []
        for _, r in group.iterrows():
            if r["last_actual_year"] >= r["target_year"]:  # settled by an observed value
                lines.append("- " + t("ind.settled_line", scenario=label_of[r["scenario"]], year=r["target_year"],
                                      value=projected_text(r, lg), status=status(r["status"], lg)))
                continue
            lines.append("- " + t("ind.required_line", scenario=label_of[r["scenario"]], year=r["last_actual_year"],
                                  required=required_text(r, lg), leeway=leeway(r, lg),
                                  assumed=fmt.pace(r["assumed_pace"], r["pace_unit"], lg), status=status(r["status"], lg)))
        st.markdown("\n".join(lines))
    table = board_table(rows, lg).drop(columns=[t("col.indicator", lg), t("col.area", lg)])
    table.insert(0, t("word.scenario", lg), [label_of[s] for s in rows["scenario"]])
    tables.show(styled(table, list(rows["status"])), "ind_checks")


def leeway(row, lg: str) -> str:
    """Words for a required pace that lets the indicator move the other way (``-0.7万亩/年`` for a
    floor it is already above): room to spare, not an instruction to cut."""
    req = row["required"]
    if req is None or math.isnan(req) or round(req, 6) == 0:
        return ""
    if row["direction"] in ("at_least", "hold") and req < 0:
        return t("ind.may_fall", lg)
    if row["direction"] == "at_most" and req > 0 and row["kind"] != "growth":
        return t("ind.may_rise", lg)
    return ""


def _provenance(number) -> str:
    if number.basis == "reported":
        return t("ind.quote") + "“" + number.note + "”"
    if number.basis == "derived":
        text = t("ind.formula") + number.formula
        if number.quote:
            text += "  \n" + t("ind.quote") + "“" + "”;“".join(number.quote) + "”"
        return text
    return t("ind.reason") + (number.reason_in(lang()) or t("ind.no_zh"))


def sources(plan: Plan, ind_id: str) -> None:
    """Baseline and targets with their basis (reported / derived / assumed) and the report's words."""
    lg = lang()
    ind = plan.by_id[ind_id]
    st.subheader(t("ind.source_title"))
    st.caption(t("ind.source_doc", doc=plan.source_title_zh if lg == "zh" else plan.source_title_en))
    if not ind.is_driver:
        st.markdown(t("ind.derived_from", inputs=listing([name(plan.by_id[x], lg) for x in ind.inputs], lg)))
    if ind.baseline is not None:
        b = ind.baseline
        mark = "⚑ " if b.assumed else ""
        st.markdown(f"{mark}**{t('ind.baseline', year=plan.base_year, v=fmt.value(b.value, ind.value_unit, lg), basis=basis(b.basis, lg))}**"
                    f"  \n{_provenance(b)}")
    for target in (*ind.targets, *ind.milestones):
        row = {"kind": target.kind, "direction": target.direction, "target": target.value, "unit": ind.value_unit,
               "target_year": target.year}
        key = "ind.milestone_marker" if target.milestone else "ind.target_marker"
        label = t(key, year=target.year, target="").strip()
        shown = target_text(row, lg, plan.base_year)
        st.markdown(f"**{t('ind.target_src', label=label, target=shown, basis=basis(target.number.basis, lg))}**"
                    f"  \n{_provenance(target.number)}")
    note = ind.note_in(lg)
    if note or ind.note:  # a user's plan may have a note with no Chinese twin: say so, keep the rest
        with st.expander(t("ind.note")):
            st.write(note or t("ind.no_zh"))
