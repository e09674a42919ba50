"""对比: two to four scenarios side by side: statuses, values, differences, paths, assumptions."""

import streamlit as st

from ui import charts, choices, display, layout, state, tables
from ui.boot import guard
from ui.i18n import ICON, lang, name_unit, t

guard()

plan = state.get_plan()
lg = lang()
st.title(t("cmp.title"))


@state.callback
def _remember(key: str) -> None:
    st.session_state[state.COMPARE] = list(st.session_state[key])


options = choices.scenario_options()
pick_key = state.picker("cmp_pick", options, choices.compare_tokens())
tokens = st.multiselect(t("cmp.pick"), options, key=pick_key, max_selections=4,
                        format_func=choices.labeller(lg), on_change=_remember, args=(pick_key,))
scenarios = choices.resolve_options(tokens)
choices.say_repeats(tokens, lg)
if len(scenarios) < 2:
    st.info(t("cmp.need_two"))
    st.stop()

result = state.compute(scenarios)
names = list(result.projection.names)
labels = display.scenario_labels([s.title(lg) for s in scenarios], names)

cols = st.columns(len(names))
for col, n, label in zip(cols, names, labels, strict=True):
    counts = display.status_counts(display.board_rows(result.check, n, "target"))
    with col, st.container(border=True):
        st.markdown(f"**{label}**")
        st.markdown(t("board.summary", met_icon=ICON["met"], risk_icon=ICON["at_risk"], miss_icon=ICON["missed"],
                      met=counts["met"], risk=counts["at_risk"], miss=counts["missed"]))

st.subheader(t("cmp.status_title"))
left, right = st.columns(2)
only_different = left.checkbox(t("cmp.only_different"), key="cmp_only_different")
# Four scenarios and three difference columns do not fit side by side: the differences are then asked for.
deltas = right.checkbox(t("cmp.deltas"), key=f"cmp_deltas_{len(names)}", value=len(names) <= 3)
table = display.compare_table(result.check, names, labels, plan, only_different=only_different, deltas=deltas)
if table.empty:
    st.info(t("cmp.no_differences"))
else:
    tables.show(display.compare_styled(table), "cmp_targets", tuple(range(3, len(table.columns) + 1)))
st.caption(t("board.assumed_note"))

st.subheader(t("cmp.charts_title"))
ids = [ind.id for ind in plan.indicators]
chosen = state.picked("cmp_charts", st.multiselect(
    t("cmp.charts_pick"), ids, key=state.picker("cmp_charts", ids, list(layout.HEADLINE)), max_selections=9,
    format_func=lambda x: name_unit(plan.by_id[x], lg)))
if chosen:
    st.plotly_chart(charts.compare_figure(plan, result.projection, chosen, labels), key="cmp_chart",
                    theme=None, config={"displaylogo": False})

st.subheader(t("cmp.drivers_title"))
paths = [r.drivers for r in result.projection.scenarios]
diff = display.driver_differences(plan, paths, labels)
if diff.empty:
    st.caption(t("cmp.drivers_none"))
else:
    st.caption(t("cmp.drivers_caption"))
    tables.show(diff, "cmp_drivers", display.DRIVER_TABLE_NOWRAP)
