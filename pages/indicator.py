"""指标: one indicator's path under chosen scenarios, its targets, required pace and sources."""

import streamlit as st

from ui import charts, choices, details, display, state
from ui.boot import guard
from ui.i18n import lang, name_unit, t

guard()

plan = state.get_plan()
lg = lang()
st.title(t("ind.title"))

left, right = st.columns([2, 3])
ids = [ind.id for ind in plan.indicators]
pick = state.picked("ind_pick", left.selectbox(t("ind.pick"), ids, key=state.picker("ind_pick", ids, ids[0]),
                                                format_func=lambda x: name_unit(plan.by_id[x], lg)))
options = choices.scenario_options()
tokens = state.picked("ind_scenarios", right.multiselect(
    t("ind.scenarios"), options, key=state.picker("ind_scenarios", options, choices.compare_tokens()),
    max_selections=4, format_func=choices.labeller(lg))) or [choices.CURRENT]
scenarios = choices.resolve_options(tokens)
choices.say_repeats(tokens, lg)
result = state.compute(scenarios)
labels = display.scenario_labels([s.title(lg) for s in scenarios], list(result.projection.names))

st.plotly_chart(charts.indicator_figure(plan, result.projection, pick, labels), key="ind_chart",
                theme=None, config={"displaylogo": False})
details.target_checks(plan, result.check, pick, labels)
details.sources(plan, pick)
