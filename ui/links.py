"""Links in the app: what a linked slider follows, the switch between following its link and
setting it by hand, and the link graph of the plan (which indicator drives which).

The engine does the linking (:mod:`sim.engine.links`): the current scenario's resolved drivers
say which follow their link. Setting a linked slider by hand unlinks it (the app stores the path
like any change); the switch back drops the app's change, so the link applies again unless the
starting scenario itself set the driver by hand.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from sim.io.links import Link
from sim.io.plan import Indicator, Plan

from . import analyses, state
from . import model as m
from .i18n import lang, listing, name, t


def link_of(plan: Plan, ind_id: str) -> Link | None:
    return plan.links.by_indicator.get(ind_id)


def follows_text(plan: Plan, link: Link, lg: str) -> str:
    """``随地区生产总值(弹性1)`` / ``follows Gross regional product (elasticity 1)``."""
    parts = [t("lnk.term", lg, name=name(plan.by_id[x], lg), e=f"{e:g}")
             for x, e in zip(link.inputs, link.elasticities, strict=True)]
    return t("lnk.follows", lg, terms=t("lnk.and", lg).join(parts))


def _linked_now(plan: Plan, ind_id: str) -> bool:
    res = state.current_result().projection.scenarios[0]
    return res.linked is not None and bool(res.linked[plan.driver_index[ind_id]])


def _base_by_hand(plan: Plan, ind_id: str) -> bool:
    res = state.base_result().projection.scenarios[0]
    return res.linked is not None and not res.linked[plan.driver_index[ind_id]]


@state.callback
def _relink(ind_id: str) -> None:
    state.set_model(m.reset(state.model(), [ind_id]))


def link_caption(ind: Indicator) -> bool:
    """Under a linked driver's name: what it follows, and whether it follows it now.

    Returns True if the driver follows its link in the current scenario (its slider then
    shows the pace the link gives; moving it sets the driver by hand).
    """
    plan = state.get_plan()
    link = link_of(plan, ind.id)
    if link is None:
        return False
    lg = lang()
    linked = _linked_now(plan, ind.id)
    # Streamlit's own icon font: an emoji needs a colour-emoji font the planner's machine may lack.
    st.caption((":material/link: " if linked else ":material/pan_tool: ") + follows_text(plan, link, lg))
    if linked:
        st.caption(t("lnk.move_to_set", lg))
    elif _base_by_hand(plan, ind.id) and ind.id not in state.model().drivers:
        st.caption(t("lnk.base_by_hand", lg))
    else:
        st.button(t("lnk.relink", lg), key=f"relink_{ind.id}", on_click=_relink, args=(ind.id,))
    return linked


def annotate(table: pd.DataFrame, plan: Plan, lg: str) -> pd.DataFrame:
    """The differences table with a 联动 column: why a driver the planner did not touch moved."""
    if table.empty or not plan.links.follow:
        return table
    res = state.current_result().projection.scenarios[0]
    by_name = {name(ind, lg): ind for ind in plan.drivers}
    col = t("col.indicator", lg)

    def why(label: str) -> str:
        ind = by_name.get(label)
        link = None if ind is None else link_of(plan, ind.id)
        if link is None or res.linked is None or not res.linked[plan.driver_index[ind.id]]:
            return ""
        return follows_text(plan, link, lg)

    return table.assign(**{t("lnk.col.why_moved", lg): table[col].map(why)})


def link_table(plan: Plan, lg: str) -> pd.DataFrame:
    """One row per link term: the follower, what it follows, elasticity, price step, basis."""
    rows = []
    for link in plan.links.follow:
        ind = plan.by_id[link.indicator]
        for x, e in zip(link.inputs, link.elasticities, strict=True):
            src = plan.by_id[x]
            step = "" if (src.price_basis in ("real", "")) == (ind.price_basis in ("real", "")) else \
                t("lnk.via_deflator", lg, name=name(plan.by_id[plan.links.deflator], lg))
            rows.append({t("lnk.col.from", lg): name(src, lg), t("lnk.col.to", lg): name(ind, lg),
                         t("lnk.col.e", lg): e, t("lnk.col.price", lg): step,
                         t("lnk.col.basis", lg): t(f"lnk.basis.{link.basis}", lg),
                         t("lnk.col.why", lg): link.provenance_in(lg)})
    return pd.DataFrame(rows)


#: Colours of the graph: an indicator that only drives others, one that follows a link, an arrow.
DRIVER, FOLLOWER, ARROW = "#ff7f0e", "#1f77b4", "#8a8a8a"


def elasticity_text(e: float) -> str:
    """An elasticity as the graph marks it: three significant digits (``×1.32``, ``×1``, ``×0.5``);
    the exact value is in its hover text and the table below the graph."""
    return f"×{e:.3g}"


def link_figure(plan: Plan, lg: str):
    """The link graph as a small plotly drawing: driving indicators on the left, followers to their
    right, every arrow marked with its elasticity where the mark covers no other text or node
    (the layout is :func:`ui.link_layout.lay_out`)."""
    import plotly.graph_objects as go

    from .link_layout import LABEL_SIZE, MARKER, NAME_GAP, NAME_SIZE, lay_out

    terms = [(x, link.indicator, e) for link in plan.links.follow
             for x, e in zip(link.inputs, link.elasticities, strict=True)]
    names = {x: name(plan.by_id[x], lg) for a, b, _ in terms for x in (a, b)}
    d = lay_out([(a, b) for a, b, _ in terms], names, [elasticity_text(e) for *_, e in terms])
    xs, ys = [], []
    for path in d.paths:
        xs += [d.x(p[0]) for p in path] + [None]
        ys += [p[1] for p in path] + [None]
    followers = {b for _, b, _ in terms}
    traces = [go.Scatter(x=xs, y=ys, mode="lines", line={"color": ARROW, "width": 1.5}, hoverinfo="skip",
                         showlegend=False)]
    for key, colour, members in (("lnk.col.from", DRIVER, [x for x in d.nodes if x not in followers]),
                                 ("lnk.col.to", FOLLOWER, [x for x in d.nodes if x in followers])):
        traces.append(go.Scatter(x=[d.x(d.nodes[x][0]) for x in members], y=[d.nodes[x][1] for x in members],
                                 mode="markers", name=t(key, lg), hovertext=[names[x] for x in members],
                                 hoverinfo="text", marker={"size": MARKER, "color": colour}))
    # One list of annotations handed over at once: plotly validates each add_annotation call anew.
    notes = [{"x": d.x(p[-1][0]), "y": p[-1][1], "ax": d.x(p[-2][0]), "ay": p[-2][1], "axref": "x", "ayref": "y",
              "showarrow": True, "arrowhead": 3, "arrowwidth": 1.5, "standoff": MARKER / 2 + 1, "text": "",
              "arrowcolor": ARROW} for p in d.paths]         # the head on the last stretch, short of the marker
    # Names and marks lie on a white ground, drawn after the arrows: an arrow leaving a node upwards
    # may pass behind its name, and then the name stays legible.
    notes += [{"x": d.x(px), "y": py, "text": d.names[x], "showarrow": False, "yanchor": "bottom",
               "yshift": MARKER / 2 + NAME_GAP, "font": {"size": NAME_SIZE, "color": "#31333f"},
               "bgcolor": "rgba(255,255,255,0.85)", "borderpad": 0} for x, (px, py) in d.nodes.items()]
    notes += [{"x": d.x(px), "y": py, "text": elasticity_text(e), "showarrow": False, "borderpad": 1,
               "bgcolor": "rgba(255,255,255,0.92)", "font": {"size": LABEL_SIZE, "color": "#444"},
               "hovertext": t("lnk.hover", lg, src=names[a], dst=names[b], e=f"{e:g}")}
              for (a, b, e), (px, py) in zip(terms, d.labels, strict=True)]
    fig = go.Figure(traces, layout={
        "annotations": notes, "height": round(d.height) + 56, "margin": {"l": 10, "r": 10, "t": 40, "b": 16},
        "showlegend": True, "legend": {"orientation": "h", "x": 0, "y": 1, "yanchor": "bottom",
                                       "font": {"size": NAME_SIZE}},
        "dragmode": False, "plot_bgcolor": "rgba(0,0,0,0)",
        "xaxis": {"visible": False, "range": [-0.5, d.columns - 0.5], "fixedrange": True},
        "yaxis": {"visible": False, "range": [d.height, 0], "fixedrange": True}})
    return fig


def graph() -> None:
    """The 联动关系 section of the assumptions page."""
    plan = state.get_plan()
    if not plan.links.follow:
        return
    lg = lang()
    st.subheader(t("lnk.title", lg))
    st.caption(t("lnk.intro", lg))
    st.plotly_chart(analyses.plan_figure("links", lg, lambda: link_figure(plan, lg)), key="link_graph", config={"displayModeBar": False})
    with st.expander(t("lnk.table", lg)):
        st.dataframe(link_table(plan, lg), hide_index=True, width="stretch")


__all__ = ["elasticity_text", "follows_text", "graph", "link_caption", "link_figure", "link_of", "link_table"]


def changed_on_board(lg: str) -> list[str]:
    """Targets whose status differs from the starting scenario's, each with why: a linked indicator
    that follows its link moved with what it follows (``一般公共预算收入 ✔→⚠:随地区生产总值(弹性1)联动``);
    any other changed because its own setting or an input did."""
    from .display import flips

    plan = state.get_plan()
    base, now = state.base_result().check, state.current_result().check
    out = []
    for ind_id, text in flips(base, now, lg, with_ids=True):
        link = link_of(plan, ind_id)
        out.append(t("lnk.why", lg, item=text, why=follows_text(plan, link, lg))
                   if link is not None and _linked_now(plan, ind_id) else text)
    return out


def show_board_changes(lg: str) -> None:
    """On the board: the targets whose status changed from the starting scenario, and why."""
    changed = changed_on_board(lg)
    if changed:
        st.info(t("lnk.board_why", lg, base=state.base_scenario().title(lg), items=listing(changed, lg)),
                icon=":material/swap_horiz:")
