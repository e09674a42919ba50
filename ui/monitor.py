"""年度监测 on the review page: the monitoring table with 预警, the summaries in the official
style, next year's requirement beside the current scenario, the 属性 of each target
(editable for this session) and the Word report. The numbers come from
:mod:`sim.review.monitor`; this module only shows them."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from sim.io.errors import InputError
from sim.io.plan import ATTRIBUTE_ZH, Plan
from sim.review.midterm import VERDICT_EN, VERDICT_ZH
from sim.review.monitor import WARNING_EN, WARNING_ZH, band_summary, monitor, next_year, summary_line

from .i18n import lang, t

#: Marks that render without a colour-emoji font.
VERDICT_ICON = {"achieved": "★", "ahead": "▲", "on_track": "●", "behind": "▼", "no_data": "○"}
WARNING_MARK = {"red": "■", "yellow": "◆", "green": "●", "": ""}
ATTRIBUTE_EN = {"binding": "binding", "expected": "expected"}
COLUMNS = {
    "name": ("指标", "Indicator"), "binding": ("属性", "Attribute"), "as_of": ("观测年", "Year"),
    "actual": ("实际值", "Actual"), "scheduled": ("序时进度", "Scheduled"),
    "completion": ("完成情况(%)", "Completion (%)"), "verdict": ("评估结论", "Assessment"),
    "warning": ("预警", "Warning"), "required_pace": ("至目标年年均需", "Steady pace needed"),
    "pace_unit": ("速度单位", "Pace unit"), "next_year": ("下一年", "Next year"),
    "need_level": ("需达到", "Level needed"), "need_pace": ("需增长(增加)", "Needed next year"),
    "steady_pace": ("至目标年年均需", "Steady pace needed"), "scenario_pace": ("情景速度", "Scenario"),
}


def _label(table: dict, code: str, zh: bool) -> str:
    return table[0].get(code, code) if zh else table[1].get(code, code)


def _show(frame: pd.DataFrame, columns: list[str], zh: bool) -> None:
    out = frame[columns].copy()
    for c in out.columns:
        if out[c].dtype.kind == "f":
            out[c] = out[c].round(2).where(out[c].abs() > 5e-3, 0.0).where(out[c].notna())
    st.dataframe(out.rename(columns={c: COLUMNS[c][0 if zh else 1] for c in columns}), hide_index=True,
                 width="stretch")


def attribute_overrides(plan: Plan, names: dict[str, str]) -> dict[str, str]:
    """The 约束性 set as the planner edits it; returns only the targets that differ from the file."""
    ids = [tg.indicator for tg in plan.targets]
    in_file = [tg.indicator for tg in plan.targets if tg.binding == "binding"]
    with st.expander(t("mon.attr")):
        st.caption(t("mon.attr_help"))
        chosen = st.multiselect(t("mon.binding"), ids, default=in_file, format_func=names.__getitem__,
                                key="mon_binding")
    return {i: ("binding" if i in chosen else "expected") for i in ids if (i in chosen) != (i in in_file)}


def _summary(table: pd.DataFrame, zh: bool) -> str:
    # Chinese uses the engine's sentence, which also counts the warnings.
    if zh:
        return summary_line(table)
    known = table[table["verdict"] != "no_data"]
    behind = known[known["verdict"] == "behind"]
    return t("mon.summary_en", n=len(table), ok=len(known) - len(behind), behind=len(behind),
             binding=int((behind["binding"] == "binding").sum()), missing=len(table) - len(known))


def _metrics(table: pd.DataFrame) -> None:
    got = table["verdict"].value_counts()
    warn = table["warning"].value_counts()
    cols = st.columns(6)
    for col, v in zip(cols, ("achieved", "ahead", "on_track", "behind"), strict=False):
        col.metric(f"{VERDICT_ICON[v]} {t('mon.' + v)}", int(got.get(v, 0)))
    cols[4].metric(f"{WARNING_MARK['red']} {t('mon.red')}", int(warn.get("red", 0)))
    cols[5].metric(f"{WARNING_MARK['yellow']} {t('mon.yellow')}", int(warn.get("yellow", 0)))


def _monitor_view(table: pd.DataFrame, names: dict[str, str], zh: bool) -> pd.DataFrame:
    shown = table[table["verdict"] != "no_data"]
    attr = [(_label((ATTRIBUTE_ZH, ATTRIBUTE_EN), b, zh) if b else "—") + ("*" if basis == "assumed" else "")
            for b, basis in zip(shown["binding"], shown["binding_basis"], strict=True)]
    return shown.assign(
        name=shown["indicator"].map(names), binding=attr, completion=shown["progress"] * 100,
        verdict=[f"{VERDICT_ICON[v]} {_label((VERDICT_ZH, VERDICT_EN), v, zh)}" for v in shown["verdict"]],
        warning=[f"{WARNING_MARK[w]} {_label((WARNING_ZH, WARNING_EN), w, zh)}" for w in shown["warning"]])


def show_monitoring(plan: Plan, actuals: dict, scenario, names: dict[str, str], source: str) -> None:
    """The 年度监测 section, for the actuals entered or uploaded on the page."""
    zh = lang() == "zh"
    st.subheader(t("mon.heading"))
    bands = plan.review
    st.caption(t("mon.intro", ahead=f"{bands.ahead * 100:.0f}", behind=f"{bands.behind * 100:.0f}"))
    years = list(range(plan.base_year + 1, plan.target_year + 1))
    latest = max((y for obs in actuals.values() for y in obs), default=years[0])
    year = st.selectbox(t("mon.year"), years, index=years.index(min(max(latest, years[0]), years[-1])),
                        key="mon_year")
    overrides = attribute_overrides(plan, names)
    try:
        table = monitor(plan, actuals, year, overrides, source)
        need = next_year(plan, actuals, year, scenario, overrides, source)
    except InputError as exc:
        st.error(exc.message)
        return
    st.markdown(f"**{_summary(table, zh)}**")
    _metrics(table)
    _show(_monitor_view(table, names, zh), ["name", "binding", "as_of", "actual", "scheduled", "completion",
                                            "verdict", "warning", "required_pace", "pace_unit"], zh)
    if zh:
        st.caption(band_summary(table))
    if len(need):
        st.subheader(t("mon.next"))
        view = need.assign(name=need["indicator"].map(names),
                           binding=[_label((ATTRIBUTE_ZH, ATTRIBUTE_EN), b, zh) if b else "—" for b in need["binding"]])
        _show(view, ["name", "binding", "next_year", "need_level", "need_pace", "steady_pace", "scenario_pace",
                     "pace_unit"], zh)
        st.caption(t("mon.next_help"))
    _word_report(plan, actuals, year, scenario, overrides, source)


def _word_report(plan: Plan, actuals: dict, year: int, scenario, overrides: dict, source: str) -> None:
    st.caption(t("mon.docx_help"))
    # A report made from other inputs than those now on the page is not offered for download.
    inputs = repr((year, sorted((k, sorted(v.items())) for k, v in actuals.items()), sorted(overrides.items()),
                   getattr(scenario, "name", None), source))

    def make() -> None:
        from sim.report.docx import report_bytes

        st.session_state["mon_docx"] = (inputs, report_bytes(plan, actuals, year, scenario, overrides,
                                                             source=source))

    st.button(t("mon.docx"), key="mon_make", on_click=make)
    made, data = st.session_state.get("mon_docx", (None, None))
    if data and made == inputs:
        from sim.report.docx import DOCX_MIME

        st.download_button(t("mon.docx_download"), data, file_name=f"{plan.district_zh}{year}年度监测.docx",
                           mime=DOCX_MIME, on_click="ignore", icon=":material/download:", key="mon_download")

