"""年度监测 on the review page: the monitoring table with 预警, the summaries in the official
style, next year's requirement beside the current scenario, the 属性 of each target
(editable for this session) and the Word report. The numbers come from
:mod:`sim.review.monitor`; this module only shows them (texts ``mon.*`` in
:mod:`ui.texts.monitor`, actuals entry and tables from :mod:`ui.review`)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from sim.io.errors import InputError
from sim.io.plan import Plan
from sim.review.monitor import band_summary, monitor, next_year, summary_line

from . import fmt, state
from .i18n import lang, t
from .review import entered_actuals, names, show

#: Marks that render without a colour-emoji font.
VERDICT_ICON = {"achieved": "★", "ahead": "▲", "on_track": "●", "behind": "▼", "no_data": "○"}
WARNING_MARK = {"red": "■", "yellow": "◆", "green": "●", "": ""}
#: Levels are read against the unit beside them, paces against the pace unit.
MONITOR_COLUMNS = ["name", "binding", "as_of", "actual", "scheduled", "unit", "completion", "verdict", "warning",
                   "required_pace", "pace_unit"]
NEXT_COLUMNS = ["name", "binding", "next_year", "need_level", "unit", "need_pace", "steady_pace", "scenario_pace",
                "pace_unit"]


def monitoring_tab() -> None:
    """Actuals in (typed, uploaded or the scenario's own); the 年度监测 section out."""
    st.caption(t("rev.mid_intro"))
    try:
        actuals, source = entered_actuals()
    except InputError as exc:
        st.error(t("error.input", msg=fmt.input_error(exc, plan=state.get_plan())))
        actuals, source = {}, "app"
    if not actuals:
        st.info(t("rev.none"))
        return
    show_monitoring(state.get_plan(), actuals, state.analysed_scenario(), source)


def attribute_overrides(plan: Plan) -> dict[str, str]:
    """The 约束性 set as the planner edits it; returns only the targets that differ from the file."""
    label = names()
    ids = [tg.indicator for tg in plan.targets]
    in_file = [tg.indicator for tg in plan.targets if tg.binding == "binding"]
    with st.expander(t("mon.attr")):
        st.caption(t("mon.attr_help"))
        chosen = state.picked("mon_binding", st.multiselect(
            t("mon.binding"), ids, format_func=label.__getitem__, key=state.picker("mon_binding", ids, in_file)))
    return {i: ("binding" if i in chosen else "expected") for i in ids if (i in chosen) != (i in in_file)}


def _summary(table: pd.DataFrame) -> str:
    # Chinese uses the engine's sentence, which also counts the warnings.
    if lang() == "zh":
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


def _attribute(code: str, basis: str = "") -> str:
    """约束性/预期性 in the interface language, ``*`` where the plan file assumes it, ``—`` where none."""
    return (t(f"mon.attribute.{code}") if code else "—") + ("*" if basis == "assumed" else "")


def _monitor_view(table: pd.DataFrame) -> pd.DataFrame:
    shown = table[table["verdict"] != "no_data"]
    return shown.assign(
        name=shown["indicator"].map(names()), completion=shown["progress"] * 100,
        binding=[_attribute(b, basis) for b, basis in zip(shown["binding"], shown["binding_basis"], strict=True)],
        verdict=[f"{VERDICT_ICON[v]} {t('mon.verdict.' + v)}" for v in shown["verdict"]],
        warning=[f"{WARNING_MARK[w]} {t('mon.warning.' + w) if w else '—'}" for w in shown["warning"]])


def show_monitoring(plan: Plan, actuals: dict, scenario, source: str) -> None:
    """The 年度监测 section, for the actuals entered or uploaded on the page."""
    st.subheader(t("mon.heading"))
    bands = plan.review
    st.caption(t("mon.intro", ahead=f"{bands.ahead * 100:.0f}", behind=f"{bands.behind * 100:.0f}"))
    years = list(range(plan.base_year + 1, plan.target_year + 1))
    latest = max((y for obs in actuals.values() for y in obs), default=years[0])
    # Until the planner picks a year, the latest year with an actual.
    latest_ = min(max(latest, years[0]), years[-1])
    year = state.picked("mon_year", st.selectbox(t("mon.year"), years, key=state.picker("mon_year", years, latest_)))
    overrides = attribute_overrides(plan)
    try:
        table = monitor(plan, actuals, year, overrides, source)
        need = next_year(plan, actuals, year, scenario, overrides, source)
    except InputError as exc:
        st.error(t("error.input", msg=fmt.input_error(exc, plan=state.get_plan())))
        return
    st.markdown(f"**{_summary(table)}**")
    _metrics(table)
    show(_monitor_view(table), MONITOR_COLUMNS, "mon.col")
    if lang() == "zh":
        st.caption(band_summary(table))
    if len(need):
        st.subheader(t("mon.next"))
        show(need.assign(name=need["indicator"].map(names()), binding=[_attribute(b) for b in need["binding"]]),
             NEXT_COLUMNS, "mon.col")
        st.caption(t("mon.next_help"))
    _word_report(plan, actuals, year, scenario, overrides, source)


@state.callback
def _make_report(inputs: str, plan: Plan, actuals: dict, year: int, scenario, overrides: dict, source: str) -> None:
    from sim.report.docx import report_bytes  # python-docx: only when a report is made

    # The report is Chinese; actuals typed on the page have no file to name ("app" would print as is).
    shown = t("mon.source_app", "zh") if source == "app" else source
    st.session_state["mon_docx"] = (inputs, report_bytes(plan, actuals, year, scenario, overrides, source=shown))


def _word_report(plan: Plan, actuals: dict, year: int, scenario, overrides: dict, source: str) -> None:
    st.caption(t("mon.docx_help"))
    # A report made from other inputs than those now on the page is not offered for download.
    inputs = repr((year, sorted((k, sorted(v.items())) for k, v in actuals.items()), sorted(overrides.items()),
                   state.scenario_key(scenario), source))
    st.button(t("mon.docx"), key="mon_make", on_click=_make_report,
              args=(inputs, plan, actuals, year, scenario, overrides, source))
    made, data = st.session_state.get("mon_docx", (None, None))
    if data and made == inputs:
        from sim.report.docx import DOCX_MIME

        st.download_button(t("mon.docx_download"), data, file_name=f"{plan.district_zh}{year}年度监测.docx",
                           mime=DOCX_MIME, on_click="ignore", icon=":material/download:", key="mon_download")
