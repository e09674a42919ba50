"""不确定性: how likely each target is, which assumption drives the risk, and what it would take.

Reads the current scenario (``st.session_state["scenario"]`` if a page put one there, else the
app's current scenario), runs the Monte Carlo on request with a progress bar, and shows the
probability of every target, fan charts with the target marked, a tornado per target and the
pace needed for a chosen probability. Results are cached here (``st.cache_data``), never in
the engine. Bad settings show one sentence, never a traceback.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

if str(Path(__file__).resolve().parent.parent) not in sys.path:  # run on its own (tests, `streamlit run pages/…`)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sim import InputError, Scenario  # noqa: E402
from sim.uncertainty.goalseek import requirements  # noqa: E402
from sim.uncertainty.montecarlo import run_montecarlo  # noqa: E402
from sim.uncertainty.sensitivity import tornado  # noqa: E402
from sim.uncertainty.spec import uncertainty_for  # noqa: E402
from ui import state  # noqa: E402
from ui.i18n import add_texts, lang, t  # noqa: E402

try:
    from ui.boot import guard
except ImportError:  # pragma: no cover - older app helpers
    def guard() -> None:
        return None

add_texts({
    "unc.title": ("不确定性:目标有多大把握", "Uncertainty: how likely is each target"),
    "unc.caption": ("情景“{scenario}”。每次模拟让各驱动因素在情景速度附近随机波动(分布、幅度和相关性见下方说明),"
                    "统计每个目标达成的比例。同一随机种子给出同样的结果。",
                    "Scenario “{scenario}”. Each draw moves every driver randomly around the scenario's pace "
                    "(distributions, spreads and correlations below) and counts how often each target is met. "
                    "The same seed gives the same numbers."),
    "unc.draws": ("模拟次数", "Draws"),
    "unc.seed": ("随机种子", "Seed"),
    "unc.scale": ("波动幅度倍数", "Spread multiplier"),
    "unc.scale_help": ("1 = 默认幅度(依据2025年实际增速与规划速度之差);2 = 加倍;0 = 不确定性关闭",
                       "1 = default spreads (from 2025's outcomes against the plan's rates); 2 = doubled; "
                       "0 = no uncertainty"),
    "unc.persistence": ("逐年延续程度", "Year-to-year persistence"),
    "unc.persistence_help": ("0 = 各年波动相互独立;1 = 同一偏差持续整个五年",
                             "0 = each year's deviation is independent; 1 = one deviation lasts all five years"),
    "unc.run": ("运行模拟", "Run simulation"),
    "unc.running": ("模拟中…", "Simulating…"),
    "unc.done": ("{draws:,} 次模拟,用时 {seconds:.2f} 秒(种子 {seed})",
                 "{draws:,} draws in {seconds:.2f} s (seed {seed})"),
    "unc.stale": ("设置已更改:下面是上次模拟的结果,点击“运行模拟”更新。",
                  "Settings changed: these are the last run's results; press “Run simulation” to update."),
    "unc.prompt": ("点击“运行模拟”计算每个目标的达成概率。", "Press “Run simulation” to compute each target's "
                   "probability."),
    "unc.spreads": ("各驱动因素的不确定性", "Uncertainty of each driver"),
    "unc.spreads_note": ("增长类指标的幅度按对数点计(约等于百分点);其余按各自单位/年。相关系数 {n} 对。",
                         "Spreads of growth drivers are in log points (about percentage points); others in their "
                         "unit per year. {n} correlated pairs."),
    "unc.prob_title": ("各目标达成概率", "Probability of meeting each target"),
    "unc.col.target": ("目标", "Target"),
    "unc.col.year": ("年份", "Year"),
    "unc.col.projected": ("情景预测", "Scenario projects"),
    "unc.col.p": ("达成概率", "P(met)"),
    "unc.col.ci": ("95%区间", "95% interval"),
    "unc.col.verdict": ("判断", "Verdict"),
    "unc.col.range": ("P5 – P95", "P5 – P95"),
    "unc.likely": ("✔ 很可能达成", "✔ likely"),
    "unc.even": ("◐ 可能达成", "◐ about even"),
    "unc.risk": ("⚠ 有较大风险", "⚠ at risk"),
    "unc.unlikely": ("✖ 不太可能", "✖ unlikely"),
    "unc.legend": ("很可能 ≥ 80%;可能 50–80%;有风险 20–50%;不太可能 < 20%。区间为概率的95%置信区间(Wilson)。",
                   "likely ≥ 80%; about even 50–80%; at risk 20–50%; unlikely < 20%. The interval is the "
                   "95% (Wilson) confidence interval of the probability."),
    "unc.milestones": ("含2026年度目标", "Include 2026 milestones"),
    "unc.fan_title": ("预测区间(扇形图)", "Range of outcomes (fan chart)"),
    "unc.fan_pick": ("指标", "Indicator"),
    "unc.band90": ("90%区间(P5–P95)", "90% range (P5–P95)"),
    "unc.band50": ("50%区间(P25–P75)", "50% range (P25–P75)"),
    "unc.median": ("中位数", "Median"),
    "unc.own": ("情景路径", "Scenario path"),
    "unc.target_mark": ("{year}年目标", "{year} target"),
    "unc.cum_note": ("累计目标({v})按各年合计比较,见上表。", "The cumulative target ({v}) is compared on the "
                     "sum of the years; see the table above."),
    "unc.tornado_title": ("敏感性:哪个假设最要紧", "Sensitivity: which assumption matters most"),
    "unc.tornado_pick": ("目标", "Target"),
    "unc.tornado_step": ("每个驱动因素变动", "Move each driver by"),
    "unc.step.unit": ("±1个单位(增速为1个百分点)", "±1 unit (1 point of growth)"),
    "unc.step.sd": ("±1个标准差", "±1 standard deviation"),
    "unc.tornado_axis": ("目标差距的变化({u})", "Change of the target's gap ({u})"),
    "unc.down": ("下调", "down"),
    "unc.up": ("上调", "up"),
    "unc.tornado_none": ("没有驱动因素影响这个目标。", "No driver moves this target."),
    "unc.goal_title": ("要有把握,需要多快", "What it takes to be confident"),
    "unc.goal_p": ("希望达成的概率", "Probability wanted"),
    "unc.goal_run": ("计算所需速度", "Compute the pace needed"),
    "unc.goal_note": ("目标下的全部驱动因素每年同时调整同一幅度;概率用同一组模拟结果计算({draws:,} 次)。",
                      "Every driver under a target moves by the same amount each year; probabilities use one "
                      "fixed set of draws ({draws:,})."),
    "unc.col.now": ("目前概率", "P now"),
    "unc.col.shift": ("需调整", "Shift needed"),
    "unc.col.pace": ("所需速度", "Pace needed"),
    "unc.col.method": ("算法", "Method"),
    "unc.method.closed form": ("解析解", "closed form"),
    "unc.method.simulated": ("模拟求解", "simulated"),
    "unc.method.unreachable": ("合理范围内达不到", "out of reach"),
    "unc.method.already observed": ("已由实际值确定", "already observed"),
    "unc.method.not available": ("无法计算", "not available"),
})

DRAWS = (2_000, 10_000, 20_000, 50_000, 100_000, 200_000)
GOAL_DRAWS = 10_000
VERDICTS = ((0.8, "unc.likely", "#c7e9c0"), (0.5, "unc.even", "#fff3b0"), (0.2, "unc.risk", "#fdd0a2"),
            (-1.0, "unc.unlikely", "#f4a6a6"))
BAND = "rgba(0, 114, 178, {a})"
TARGET_COLOR = "#8B0000"
FONT = "Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif"


def indicator_name(plan, ind_id: str) -> str:
    # Widget labels use the language of the run (LANG): Streamlit may format options after the run.
    ind = plan.by_id[ind_id]
    return ind.name_zh if LANG == "zh" else ind.name_en


def current_scenario() -> Scenario:
    chosen = st.session_state.get("scenario")
    if isinstance(chosen, Scenario):
        return chosen
    state.init_session()
    return state.current_scenario()


def summarise(res) -> dict:
    """What the page shows of a run: small tables, not the kept draws."""
    lg = lang()
    return {"prob": res.probabilities(lg), "fan": res.quantiles(lg), "seconds": res.seconds, "seed": res.seed,
            "draws": res.draws}


def run(scn: Scenario, params: dict, progress=None) -> dict:
    return summarise(run_montecarlo(state.get_plan(), scn, params["draws"], params["seed"], scale=params["scale"],
                                    persistence=params["persistence"], progress=progress))


@st.cache_data(max_entries=12, show_spinner=False)
def simulate(key: str, draws: int, seed: int, scale: float, persistence: float, lg: str, _scn: Scenario,
             _ready: dict | None = None) -> dict:
    """A run's tables, cached by what defines them. A run made with a progress bar (which
    must not be drawn inside a cached function) is handed in as ``_ready``."""
    if _ready is not None:
        return _ready
    return run(_scn, {"draws": draws, "seed": seed, "scale": scale, "persistence": persistence})


@st.cache_data(max_entries=24, show_spinner=False)
def sensitivity(key: str, scale: float, persistence: float, lg: str, _scn: Scenario) -> pd.DataFrame:
    plan = state.get_plan()
    unc = uncertainty_for(plan, _scn, scale=scale, persistence=persistence)
    return tornado(plan, _scn, uncertainty=unc, milestones=True, lang=lg)


@st.cache_data(max_entries=12, show_spinner=False)
def goal(key: str, probability: float, seed: int, scale: float, persistence: float, lg: str,
         _scn: Scenario) -> pd.DataFrame:
    plan = state.get_plan()
    unc = uncertainty_for(plan, _scn, scale=scale, persistence=persistence)
    return requirements(plan, _scn, probability, draws=GOAL_DRAWS, seed=seed, uncertainty=unc, lang=lg)


def verdict(p: float) -> tuple[str, str]:
    for floor, key, colour in VERDICTS:
        if p >= floor:
            return t(key), colour
    return t("unc.unlikely"), VERDICTS[-1][2]


def pct(p: float) -> str:
    return "—" if p is None or not math.isfinite(p) else f"{p:.0%}" if 0.005 < p < 0.995 else f"{p:.1%}"


def number(v: float, unit: str) -> str:
    if not math.isfinite(v):
        return "—"
    digits = 1 if abs(v) >= 100 else 2
    return f"{v:,.{digits}f} {unit}".strip()


def probability_table(prob: pd.DataFrame, milestones: bool) -> pd.io.formats.style.Styler:
    rows = prob if milestones else prob[prob["check"] == "target"]
    colours = []
    records = []
    for _, r in rows.iterrows():
        text, colour = verdict(r["p_met"])
        colours.append(colour)
        records.append({
            t("unc.col.target"): f"{r['name']}({r['direction_text']} {number(r['target'], r['measure_unit'])})"
            if lang() == "zh" else f"{r['name_en']} ({r['direction_text']} {number(r['target'], r['measure_unit'])})",
            t("unc.col.year"): str(r["target_year"]),
            t("unc.col.projected"): number(r["projected"], r["measure_unit"]),
            t("unc.col.p"): pct(r["p_met"]),
            t("unc.col.ci"): f"{pct(r['p_met_low'])} – {pct(r['p_met_high'])}",
            t("unc.col.verdict"): text,
            t("unc.col.range"): f"{number(r['projected_p5'], '')} – {number(r['projected_p95'], r['measure_unit'])}",
        })
    frame = pd.DataFrame(records)
    verdict_col = t("unc.col.verdict")
    return frame.style.apply(lambda col: [f"background-color: {c}" for c in colours], subset=[verdict_col, t("unc.col.p")])


def direction_text(row: pd.Series) -> str:
    words = {"zh": {"at_least": "≥", "at_most": "≤", "hold": "各年≥"},
             "en": {"at_least": "≥", "at_most": "≤", "hold": "every year ≥"}}
    prefix = {"growth": "年均" if lang() == "zh" else "avg", "cumulative": "累计" if lang() == "zh" else "total"}
    return f"{prefix.get(row['kind'], '')}{words[lang()][row['direction']]}".strip()


def fan_figure(plan, fan: pd.DataFrame, ind_id: str) -> tuple[go.Figure, str]:
    ind = plan.by_id[ind_id]
    rows = fan[fan["indicator"] == ind_id].sort_values("year")
    years = rows["year"].tolist()
    fig = go.Figure()
    for lo, hi, alpha, label in (("p5", "p95", 0.15, "unc.band90"), ("p25", "p75", 0.3, "unc.band50")):
        fig.add_trace(go.Scatter(x=years + years[::-1], y=rows[hi].tolist() + rows[lo].tolist()[::-1],
                                 fill="toself", fillcolor=BAND.format(a=alpha), line={"width": 0},
                                 name=t(label), hoverinfo="skip"))
    fig.add_trace(go.Scatter(x=years, y=rows["p50"], name=t("unc.median"), mode="lines",
                             line={"color": "#0072B2", "width": 2.5}))
    fig.add_trace(go.Scatter(x=years, y=rows["value"], name=t("unc.own"), mode="lines+markers",
                             line={"color": "#444", "dash": "dash", "width": 1.5}, marker={"size": 6}))
    note = ""
    for target in (*ind.targets, *ind.milestones):
        if target.kind == "cumulative":
            note = t("unc.cum_note", v=number(target.value, ind.unit))
            continue
        y = target.value
        if target.kind == "growth":
            y = float(rows["value"].iloc[0]) * (1 + target.value / 100) ** (target.year - plan.base_year)
        fig.add_trace(go.Scatter(x=[target.year], y=[y], mode="markers", name=t("unc.target_mark", year=target.year),
                                 marker={"symbol": "diamond" if target.milestone else "star", "size": 18,
                                         "color": TARGET_COLOR, "line": {"color": "white", "width": 1}}))
    name = ind.name_zh if lang() == "zh" else ind.name_en
    fig.update_layout(title={"text": f"{name}({ind.unit})" if lang() == "zh" else f"{name} ({ind.unit})"},
                      font={"family": FONT, "size": 13}, height=430, plot_bgcolor="white",
                      margin={"l": 60, "r": 20, "t": 70, "b": 40},
                      legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0})
    fig.update_xaxes(dtick=1, tickformat="d", gridcolor="#e5e5e5")
    fig.update_yaxes(gridcolor="#e5e5e5", separatethousands=True)
    return fig, note


def tornado_figure(rows: pd.DataFrame) -> go.Figure:
    rows = rows.sort_values("swing")
    fig = go.Figure()
    for col, key, colour in (("change_down", "unc.down", "#D55E00"), ("change_up", "unc.up", "#009E73")):
        fig.add_trace(go.Bar(y=rows["driver_name" if lang() == "zh" else "driver_name_en"], x=rows[col], orientation="h", name=t(key),
                             marker={"color": colour}))
    unit_ = rows["measure_unit"].iloc[0]
    unit_ = ("百分点" if lang() == "zh" else "percentage points") if unit_ == "%/年" else unit_
    fig.update_layout(barmode="overlay", height=120 + 36 * len(rows), font={"family": FONT, "size": 13},
                      plot_bgcolor="white", margin={"l": 20, "r": 20, "t": 30, "b": 40},
                      legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0})
    fig.update_xaxes(title_text=t("unc.tornado_axis", u=unit_), zeroline=True, zerolinecolor="#444",
                     gridcolor="#e5e5e5")
    return fig


def settings(scn: Scenario) -> dict:
    default_persistence = float(uncertainty_for(state.get_plan(), scn).persistence)
    a, b, c, d = st.columns(4)
    draws = a.select_slider(t("unc.draws"), DRAWS, value=20_000, key="unc_draws", format_func=lambda n: f"{n:,}")
    seed = b.number_input(t("unc.seed"), min_value=0, max_value=2**31 - 1, value=0, step=1, key="unc_seed")
    scale = c.slider(t("unc.scale"), 0.0, 3.0, 1.0, 0.1, key="unc_scale", help=t("unc.scale_help"))
    persistence = d.slider(t("unc.persistence"), 0.0, 1.0, default_persistence, 0.1, key="unc_persistence",
                           help=t("unc.persistence_help"))
    return {"draws": int(draws), "seed": int(seed), "scale": float(scale), "persistence": float(persistence)}


def show_spreads(scn: Scenario, params: dict) -> None:
    plan = state.get_plan()
    unc = uncertainty_for(plan, scn, scale=params["scale"], persistence=params["persistence"])
    with st.expander(t("unc.spreads")):
        n_pairs = int((np.triu(unc.correlation, 1) != 0).sum())
        st.caption(t("unc.spreads_note", n=n_pairs))
        st.dataframe(unc.table(lang()), hide_index=True, width="stretch")


def show_results(plan, scn: Scenario, key: str, params: dict) -> None:
    last = st.session_state.get("unc_last")
    if st.button(t("unc.run"), key="unc_run", type="primary"):
        bar = st.progress(0.0, text=t("unc.running"))
        ready = run(scn, params, progress=lambda done, total: bar.progress(done / total, text=t("unc.running")))
        simulate(key, params["draws"], params["seed"], params["scale"], params["persistence"], lang(), scn,
                 _ready=ready)
        bar.empty()
        last = st.session_state["unc_last"] = {"key": key, **params}
    if not last or last["key"] != key:
        st.info(t("unc.prompt"))
        return
    if any(last[k] != params[k] for k in params):
        st.caption(t("unc.stale"))
    out = simulate(key, last["draws"], last["seed"], last["scale"], last["persistence"], lang(), scn)
    st.caption(t("unc.done", draws=out["draws"], seconds=out["seconds"], seed=out["seed"]))
    st.subheader(t("unc.prob_title"))
    milestones = st.checkbox(t("unc.milestones"), key="unc_milestones")
    prob = out["prob"].copy()
    prob["direction_text"] = prob.apply(direction_text, axis=1)
    st.dataframe(probability_table(prob, milestones), hide_index=True, width="stretch")
    st.caption(t("unc.legend"))
    st.subheader(t("unc.fan_title"))
    with_targets = [i.id for i in plan.indicators if i.targets or i.milestones]
    ids = with_targets + [i.id for i in plan.indicators if i.id not in with_targets]
    pick = st.selectbox(t("unc.fan_pick"), ids, key="unc_fan", format_func=lambda x: indicator_name(plan, x))
    fig, note = fan_figure(plan, out["fan"], pick)
    st.plotly_chart(fig, key="unc_fan_chart", theme=None, config={"displaylogo": False})
    if note:
        st.caption(note)


def show_tornado(plan, scn: Scenario, key: str, params: dict) -> None:
    st.subheader(t("unc.tornado_title"))
    table = sensitivity(key, params["scale"], params["persistence"], lang(), scn)
    targets = [(tg.indicator, tg.year) for tg in (*plan.targets, *plan.milestones)]
    left, right = st.columns([3, 2])
    pick = left.selectbox(t("unc.tornado_pick"), range(len(targets)), key="unc_tornado_target",
                          format_func=lambda i: f"{indicator_name(plan, targets[i][0])} {targets[i][1]}")
    step = right.radio(t("unc.tornado_step"), ["unit", "sd"], key="unc_tornado_step", horizontal=True,
                       format_func=lambda s: t(f"unc.step.{s}", LANG))
    ind_id, year = targets[pick]
    rows = table[(table["indicator"] == ind_id) & (table["target_year"] == year) & (table["step"] == step)] \
        if not table.empty else table
    if rows.empty:
        st.info(t("unc.tornado_none"))
        return
    st.plotly_chart(tornado_figure(rows), key="unc_tornado_chart", theme=None, config={"displaylogo": False})


def show_goal(scn: Scenario, key: str, params: dict) -> None:
    st.subheader(t("unc.goal_title"))
    left, right = st.columns([1, 3])
    p = left.slider(t("unc.goal_p"), 0.5, 0.95, 0.8, 0.05, key="unc_goal_p", format="%.2f")
    if right.button(t("unc.goal_run"), key="unc_goal_run"):
        st.session_state["unc_goal_last"] = {"key": key, "p": p, **params}
    last = st.session_state.get("unc_goal_last")
    if not last or last["key"] != key:
        return
    with st.spinner(t("unc.running")):
        table = goal(key, last["p"], last["seed"], last["scale"], last["persistence"], lang(), scn)
    st.caption(t("unc.goal_note", draws=GOAL_DRAWS))
    view = pd.DataFrame({
        t("unc.col.target"): table["name" if lang() == "zh" else "name_en"] + " " + table["target_year"].astype(str),
        t("unc.col.now"): table["p_now"].map(pct),
        t("unc.col.shift"): table["shift"].map(lambda v: "—" if not math.isfinite(v) else f"{v:+.2f}"),
        t("unc.col.pace"): [("—" if not math.isfinite(v) else f"{v:.2f} {u}") for v, u in
                            zip(table["pace_needed"], table["pace_unit"], strict=True)],
        t("unc.col.p"): table["p_achieved"].map(pct),
        t("unc.col.method"): table["method"].map(lambda m: t(f"unc.method.{m}")),
    })
    st.dataframe(view, hide_index=True, width="stretch")


guard()
LANG = lang()
st.title(t("unc.title"))
try:
    plan = state.get_plan()
    scn = current_scenario()
    key = state.scenario_key(scn)
    st.caption(t("unc.caption", scenario=scn.title(lang())))
    params = settings(scn)
    show_spreads(scn, params)
    show_results(plan, scn, key, params)
    show_tornado(plan, scn, key, params)
    show_goal(scn, key, params)
except InputError as exc:
    st.error(t("error.input", msg=exc.message))
