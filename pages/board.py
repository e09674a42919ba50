"""总览: every 2030 target of the current scenario, with its status in words and icons."""

import streamlit as st

from ui import analyses, display, layout, links, state, tables
from ui.boot import guard
from ui.i18n import ICON, area, lang, t
from ui.probability import band_legend

guard()

plan = state.get_plan()
scenario = state.current_scenario()
check = state.current_result().check
name = check["scenario"].iloc[0]
lg = lang()

st.title(t("board.title"))
targets = display.board_rows(check, name, "target")
st.caption(t("board.caption", scenario=scenario.title(lg), n=len(targets),
             source=plan.source_title_zh if lg == "zh" else plan.source_title_en))
counts = display.status_counts(targets)
st.subheader(t("board.summary", met_icon=ICON["met"], risk_icon=ICON["at_risk"],
               miss_icon=ICON["missed"], met=counts["met"], risk=counts["at_risk"], miss=counts["missed"]))

links.show_board_changes(lg)

st.markdown(f"#### {t('board.headline')}")
layout.headline_cards(targets)

st.markdown(f"#### {t('board.table')}")
areas = list(dict.fromkeys(targets["area"]))
left, mid, right = st.columns([3, 2, 2], vertical_alignment="bottom")
chosen = state.picked("board_areas", left.multiselect(
    t("board.filter_area"), areas, key=state.picker("board_areas", areas, []), format_func=lambda x: area(x, lg),
    placeholder=t("board.filter_placeholder")))
order = state.picked("board_order", mid.selectbox(
    t("board.sort"), display.ORDERS, key=state.picker("board_order", display.ORDERS, "status"),
    format_func=lambda x: t(f"board.sort_{x}", lg)))
problems = right.checkbox(t("board.only_problems"), key="board_problems", persist_state="session")
show_prob = st.checkbox(t("board.show_prob"), key="board_prob", help=t("board.prob_help", legend=band_legend(lg)),
                        persist_state="session")
probs = None
if show_prob:
    with st.spinner(t("board.prob_running")):
        probs = analyses.board_probabilities(state.scenario_key(scenario), scenario)
rows = display.board_rows(check, name, "target", chosen, problems, order=order)
if rows.empty:
    st.info(t("board.empty"))
else:
    shown = display.board_table(rows, probabilities=probs)
    extra = {t("col.probability"): display.probability_colours(rows, probs)} if probs else None
    tables.show(display.styled(shown, list(rows["status"]), extra), "board_targets",
                layout.board_nowrap(len(shown.columns), probability=probs is not None),
                layout.board_keep(probability=probs is not None), layout.board_name_width(probs is not None))
st.caption(t("help.status"))
st.caption(t("board.assumed_note"))
st.caption(t("board.gap_note"))

with st.expander(t("board.milestones")):
    milestones = display.board_rows(check, name, "milestone", chosen, problems, order=order)
    if milestones.empty:
        st.info(t("board.empty"))
    else:
        shown = display.board_table(milestones)
        tables.show(display.styled(shown, list(milestones["status"])), "board_milestones",
                    layout.board_nowrap(len(shown.columns)), layout.board_keep(), layout.board_name_width())
