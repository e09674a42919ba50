"""The uncertainty page's sections: settings, the probability table, fans, tornado and goal seek.

Each ``show_*`` draws one section of the page for the scenario ``scn`` (whose cache key is
``key``); runs are cached in :mod:`ui.state`, probabilities are worded by
:mod:`ui.probability` (the bands of :mod:`sim.report.labels`), figures come from
:mod:`ui.charts`.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import streamlit as st

from sim import Scenario
from sim.report.labels import DIST, DYNAMIC, LOG_POINTS_IN, METHOD, ORIGIN, one_year_growth, origin_words
from sim.uncertainty.spec import uncertainty_for

from . import analyses, charts, fmt, probability, state, tables
from .i18n import lang, name, t, unit

#: Draw counts offered.
DRAWS = (2_000, 10_000, 20_000, 50_000, 100_000, 200_000)
SETTINGS = ("draws", "seed", "scale", "persistence")
#: Probabilities a planner may ask the goal seek for.
GOAL_PROBABILITIES = tuple(round(0.5 + 0.05 * k, 2) for k in range(10))
#: How the tornado moves each driver: one unit of its pace, or one standard deviation of its spread.
STEPS = ("unit", "sd")


def target_label(r, lg: str, base_year: int | None = None) -> str:
    """``地区生产总值(年均≥ 6.5%)`` / ``Gross regional product: avg ≥ 6.5%``; a growth milestone one
    year after ``base_year`` reads ``增长≥`` / ``growth ≥`` (the year's, not an average). The target is
    the plan's number, written as the board writes it (the unit's decimals); only simulated values
    get the finer :func:`ui.fmt.simulated`."""
    kind = "growth_year" if one_year_growth(r["kind"], r["target_year"], base_year) else r["kind"]
    word = t("unc.kind." + kind, lg) if r["kind"] in ("growth", "cumulative") else ""
    words = f"{word}{'' if lg == 'zh' else ' '}{t('unc.dir.' + r['direction'], lg)}".strip()
    goal_ = f"{words} {fmt.measure(r['target'], r['measure_unit'], lg)}"
    # English after a colon: its units bring their own brackets, "(≥ 30.0 (100m yuan))" would nest them
    return f"{r['name']}({goal_})" if lg == "zh" else f"{r['name_en']}: {goal_}"


def probability_table(prob: pd.DataFrame, milestones: bool, lg: str,
                      base_year: int | None = None) -> tables.Styled:
    """One row per target: projection, P(met) with its interval, the band in words, P5–P95; the
    probability and its word on the band's colour."""
    rows = prob if milestones else prob[prob["check"] == "target"]
    pct = probability.pct
    frame = pd.DataFrame([{
        t("unc.col.target", lg): target_label(r, lg, base_year),
        t("unc.col.year", lg): str(r["target_year"]),
        t("unc.col.projected", lg): fmt.simulated(r["projected"], r["measure_unit"], lg),
        t("unc.col.p", lg): pct(r["p_met"]),
        t("unc.col.ci", lg): f"{pct(r['p_met_low'])} – {pct(r['p_met_high'])}",
        t("unc.col.verdict", lg): probability.verdict(r["p_met"], lg),
        t("unc.col.range", lg): fmt.simulated_range(r["projected_p5"], r["projected_p95"], r["measure_unit"], lg),
    } for _, r in rows.iterrows()])
    colours = [f"background-color: {probability.colour(p)}" for p in rows["p_met"]]
    return tables.Styled(frame, {t("unc.col.verdict", lg): colours, t("unc.col.p", lg): colours})


def shift_text(v: float, pace_unit: str, lg: str) -> str:
    """A goal seek's shift with its unit: the drivers' pace moves by it every year, so a growth
    rate's shift is in percentage points (``+0.41个百分点``), an addition's in its own unit
    (``+2.8万千瓦/年``, attached as the pace needed beside it is). A bare ``+0.41`` left the planner
    to guess which."""
    # a shift is a small difference: at least one decimal, where the pace beside it may show none
    text = fmt.number(v, max(fmt.simulated_places(pace_unit), 1), signed=True)
    if pace_unit == "%/年":
        return _unit_after(text, fmt.gap_unit(pace_unit, lg), lg)
    return fmt.with_unit(text, pace_unit, lg)


def _unit_after(text: str, words: str, lg: str) -> str:
    """``+0.41个百分点`` / ``+0.41 pp``: a goal seek's number and its unit, written one way in a table."""
    if text == fmt.DASH:
        return text
    return f"{text}{words}" if lg == "zh" else f"{text}{fmt.NBSP}{words}"


def goal_table(table: pd.DataFrame, lg: str) -> pd.DataFrame:
    """The goal seek's result in words: probability now, shift and pace needed, method and why."""
    return pd.DataFrame({
        t("unc.col.target", lg): table["name" if lg == "zh" else "name_en"] + " " + table["target_year"].astype(str),
        t("unc.col.now", lg): table["p_now"].map(probability.pct),
        t("unc.col.shift", lg): [shift_text(v, u, lg) for v, u in zip(table["shift"], table["shift_unit"], strict=True)],
        t("unc.col.pace", lg): [fmt.with_unit(fmt.number(v, fmt.simulated_places(u)), u, lg) for v, u in
                                zip(table["pace_needed"], table["pace_unit"], strict=True)],
        t("unc.col.p", lg): table["p_achieved"].map(probability.pct),
        t("unc.col.method", lg): table["method"].map(lambda m: METHOD[lg][m]),
        t("unc.col.note", lg): table["note"],             # already in ``lg`` (the goal seek words it)
    })


#: The codes of the engine's spread origins (``sim.uncertainty.spec``) the app words; their words
#: in each language are :data:`sim.report.labels.ORIGIN`, shared with the command line and exports.
ORIGINS = tuple(code for code in ORIGIN["en"] if code != "other")


def origin_text(origin: str, lg: str) -> str:
    """Where a driver's spread comes from, in words of ``lg`` (worded from the label's code)."""
    return origin_words(origin, lg, {"file": lambda f: Path(f).name})


def spreads_table(unc, lg: str) -> pd.DataFrame:
    """The uncertainty of every driver, worded in ``lg``: name, how it moves, spread, origin (bounds
    and mode only where some spread is triangular or uniform)."""
    def num(v) -> str:
        return fmt.DASH if v is None or not math.isfinite(v) else f"{v:.3g}"

    rows = []
    for ind, m in zip(state.get_plan().drivers, unc.marginals, strict=True):
        rows.append({
            t("unc.sp.name", lg): name(ind, lg),
            t("unc.sp.dynamic", lg): DYNAMIC[lg][ind.dynamic],
            t("unc.sp.unit", lg): LOG_POINTS_IN[lg] if ind.dynamic == "compound" else unit(ind.pace_unit, lg),
            t("unc.sp.dist", lg): DIST[lg][m.dist],
            t("unc.sp.sd", lg): num(m.std),
            t("unc.sp.low", lg): num(m.low) if m.dist != "normal" else fmt.DASH,
            t("unc.sp.peak", lg): num(m.peak) if m.dist == "triangular" else fmt.DASH,
            t("unc.sp.high", lg): num(m.high) if m.dist != "normal" else fmt.DASH,
            t("unc.sp.origin", lg): origin_text(m.origin, lg),
        })
    table = pd.DataFrame(rows)
    # Bounds and mode mean nothing for a normal spread: with only normal ones, three columns of "—"
    # pushed the origin, the one column a planner reads, out of sight at 1280 px.
    if all(m.dist == "normal" for m in unc.marginals):
        table = table.drop(columns=[t(f"unc.sp.{c}", lg) for c in ("low", "peak", "high")])
    return table


def settings(scn: Scenario) -> dict:
    """The four settings of a run (draws, seed, spread multiplier, persistence)."""
    default_persistence = float(uncertainty_for(state.get_plan(), scn).persistence)
    a, b, c, d = st.columns(4)
    draws = a.select_slider(t("unc.draws"), DRAWS, value=20_000, key="unc_draws", format_func=lambda n: f"{n:,}")
    seed = b.number_input(t("unc.seed"), min_value=0, max_value=2**31 - 1, value=0, step=1, key="unc_seed")
    scale = c.slider(t("unc.scale"), 0.0, 3.0, 1.0, 0.1, key="unc_scale", help=t("unc.scale_help"))
    persistence = d.slider(t("unc.persistence"), 0.0, 1.0, default_persistence, 0.1, key="unc_persistence",
                           help=t("unc.persistence_help"))
    return {"draws": int(draws), "seed": int(seed), "scale": float(scale), "persistence": float(persistence)}


def show_spreads(scn: Scenario, params: dict) -> None:
    unc = uncertainty_for(state.get_plan(), scn, scale=params["scale"], persistence=params["persistence"])
    with st.expander(t("unc.spreads")):
        n_pairs = int((np.triu(unc.correlation, 1) != 0).sum())
        st.caption(t("unc.spreads_note", n=n_pairs))
        # Tables of the app's own kind (ui.tables): they wrap to the page's width, where a data grid
        # hid its last columns behind a scroll bar at 1280 px.
        table = spreads_table(unc, lang())
        # Every column but the name and the origin is a short word or number: kept on one line.
        tables.show(table, "unc_spreads", nowrap=tuple(range(2, len(table.columns))))


def _last_run(scn: Scenario, key: str, params: dict) -> dict | None:
    """The settings of the run to show: a new one if the button was pressed, else the last."""
    last = st.session_state.get("unc_last")
    if st.button(t("unc.run"), key="unc_run", type="primary"):
        bar = st.progress(0.0, text=t("unc.running"))
        ready = analyses.montecarlo_tables(
            scn, params, progress=lambda done, total: bar.progress(done / total, text=t("unc.running")))
        analyses.montecarlo(key, *(params[k] for k in SETTINGS), lang(), scn, _ready=ready)
        bar.empty()
        last = st.session_state["unc_last"] = {"key": key, **params}
    return last if last and last["key"] == key else None


def clipped_line(share: float, worst: list[tuple[str, float]], lg: str) -> str:
    """The line on draws held at a bound: ``share`` of all draws [1], and the indicators most
    often held with their shares (:meth:`~sim.uncertainty.results.MonteCarloResult.clipped_worst`)."""
    plan = state.get_plan()
    items = t("unc.clipped_sep", lg).join(
        t("unc.clipped_item", lg, name=name(plan.by_id[i], lg), share=fmt.percent(100 * s, lg)) for i, s in worst)
    return t("unc.clipped", lg, share=fmt.percent(100 * share, lg), items=items)


def show_results(scn: Scenario, key: str, params: dict) -> None:
    """The run button, the probability table and the fan chart."""
    plan, lg = state.get_plan(), lang()
    last = _last_run(scn, key, params)
    if last is None:
        st.info(t("unc.prompt"))
        return
    if any(last[k] != params[k] for k in params):
        st.caption(t("unc.stale"))
    out = analyses.montecarlo(key, *(last[k] for k in SETTINGS), lg, scn)
    st.caption(t("unc.done", draws=out["draws"], seconds=out["seconds"], seed=out["seed"]))
    if out.get("clipped"):
        st.caption(clipped_line(*out["clipped"], lg))
    st.subheader(t("unc.prob_title"))
    milestones = st.checkbox(t("unc.milestones"), key="unc_milestones")
    tables.show(probability_table(out["prob"], milestones, lg, plan.base_year), "unc_prob", nowrap=(2, 4, 5, 6),
                keep=(3, 7))
    st.caption(t("unc.legend", legend=probability.band_legend(lg)))
    st.subheader(t("unc.fan_title"))
    with_targets = [i.id for i in plan.indicators if i.targets or i.milestones]
    ids = with_targets + [i.id for i in plan.indicators if i.id not in with_targets]
    pick = state.picked("unc_fan", st.selectbox(t("unc.fan_pick"), ids, key=state.picker("unc_fan", ids, ids[0]),
                                                format_func=lambda x: name(plan.by_id[x], lg)))
    fig, note = charts.fan_figure(plan, out["fan"], pick, lg)
    st.plotly_chart(fig, key="unc_fan_chart", theme=None, config={"displaylogo": False})
    if note:
        st.caption(note)


def show_tornado(scn: Scenario, key: str, params: dict) -> None:
    """Which driver moves a chosen target's gap most."""
    plan, lg = state.get_plan(), lang()
    st.subheader(t("unc.tornado_title"))
    table = analyses.sensitivity(key, params["scale"], params["persistence"], lg, scn)
    # Machine names ("gdp@2030"), not positions: a choice then means the same target in either language.
    targets = list(dict.fromkeys(f"{tg.indicator}@{tg.year}" for tg in (*plan.targets, *plan.milestones)))
    left, right = st.columns([3, 2])
    pick = state.picked("unc_tornado_target", left.selectbox(
        t("unc.tornado_pick"), targets, key=state.picker("unc_tornado_target", targets, targets[0]),
        format_func=lambda x: f"{name(plan.by_id[x.split('@')[0]], lg)} {x.split('@')[1]}"))
    step = state.picked("unc_tornado_step", right.radio(
        t("unc.tornado_step"), STEPS, key=state.picker("unc_tornado_step", STEPS, STEPS[0]), horizontal=True,
        format_func=lambda s: t(f"unc.step.{s}", lg)))
    ind_id, year = pick.split("@")[0], int(pick.split("@")[1])
    rows = table[(table["indicator"] == ind_id) & (table["target_year"] == year) & (table["step"] == step)] \
        if not table.empty else table
    if rows.empty:
        st.info(t("unc.tornado_none"))
        return
    st.plotly_chart(charts.tornado_figure(rows, lg), key="unc_tornado_chart", theme=None,
                    config={"displaylogo": False})


def show_goal(scn: Scenario, key: str, params: dict) -> None:
    """The pace every target needs to be met with a chosen probability."""
    st.subheader(t("unc.goal_title"))
    left, right = st.columns([1, 3])
    # A probability reads as a per cent here as everywhere on the page (80%, not 0.80).
    p = left.select_slider(t("unc.goal_p"), GOAL_PROBABILITIES, value=0.8, key="unc_goal_p",
                           format_func=lambda v: f"{v:.0%}")
    if right.button(t("unc.goal_run"), key="unc_goal_run"):
        st.session_state["unc_goal_last"] = {"key": key, "p": p, **params}
    last = st.session_state.get("unc_goal_last")
    if not last or last["key"] != key:
        return
    with st.spinner(t("unc.running")):
        table = analyses.goal(key, last["p"], last["seed"], last["scale"], last["persistence"], lang(), scn)
    st.caption(t("unc.goal_note", draws=analyses.GOAL_DRAWS))
    tables.show(goal_table(table, lang()), "unc_goal", nowrap=(2, 5, 6), keep=(3, 4))
