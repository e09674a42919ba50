"""Plotly figures: a Chinese (or English) title, axis labels with units, targets as markers.

Scenarios differ by colour *and* line style, targets are large stars and milestones
diamonds (with their value written beside them), so a chart reads without colour too.
Fonts name Noto Sans CJK first, then the usual Windows and macOS Chinese fonts.
"""

from __future__ import annotations

import math
import textwrap

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from sim.engine.projection import Projection
from sim.io.plan import Plan, Target

from . import fmt
from .display import target_text
from .i18n import lang, name, t, unit

FONT = "Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, Heiti SC, sans-serif"
COLORS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7")  # Okabe–Ito: distinguishable by most readers
DASHES = ("solid", "dash", "dot", "dashdot")
SYMBOLS = ("circle", "square", "triangle-up", "x")
TARGET_COLOR = "#8B0000"
MILESTONE_COLOR = "#B8860B"


def _cumulative(plan: Plan, ind_id: str) -> bool:
    return any(tg.kind == "cumulative" for tg in plan.by_id[ind_id].targets)


def _series(proj: Projection, s: int, row: int, cumulative: bool) -> tuple[list[int], np.ndarray]:
    values = proj.values[s, row].astype(float)
    years = list(proj.years)
    if cumulative:
        return years[1:], np.cumsum(values[1:])
    return years, values


def target_point(plan: Plan, proj: Projection, target: Target) -> float:
    """Where a target sits on the chart [indicator unit]: growth targets as the level they imply."""
    if target.kind == "growth":
        base = float(proj.values[0, plan.index[target.indicator], 0])
        return base * (1 + target.value / 100) ** (target.year - plan.base_year)
    return target.value


def _target_row(plan: Plan, target: Target) -> dict:
    ind = plan.by_id[target.indicator]
    return {"kind": target.kind, "direction": target.direction, "target": target.value, "unit": ind.value_unit,
            "target_year": target.year}


def _axis_title(plan: Plan, ind_id: str, lg: str, cumulative: bool) -> str:
    ind = plan.by_id[ind_id]
    label = name(ind, lg)
    if cumulative:
        label = t("ind.axis_cum", lg, name=label)
    u = unit(ind.value_unit, lg)
    return f"{label}({u})" if lg == "zh" else f"{label} ({u})"


def _add_indicator(fig: go.Figure, plan: Plan, proj: Projection, ind_id: str, labels: list[str], lg: str,
                   row: int | None = None, col: int | None = None, legend: bool = True,
                   text: bool = True) -> None:
    ind = plan.by_id[ind_id]
    i = plan.index[ind_id]
    cumulative = _cumulative(plan, ind_id)
    where = {"row": row, "col": col} if row else {}
    for s, label in enumerate(labels):
        years, values = _series(proj, s, i, cumulative)
        shown = [fmt.value(v, ind.value_unit, lg) for v in values]
        fig.add_trace(go.Scatter(
            x=years, y=values, name=label, mode="lines+markers", legendgroup=label, showlegend=legend,
            line={"color": COLORS[s % 4], "dash": DASHES[s % 4], "width": 2.5},
            marker={"symbol": SYMBOLS[s % 4], "size": 7}, text=shown,
            hovertemplate="%{fullData.name}<br>%{x}: %{text}<extra></extra>",
        ), **where)
        basis = proj.basis[s, i, 1:]
        seen = [k for k, b in enumerate(basis) if b == "actual"]
        if seen and not cumulative:
            fig.add_trace(go.Scatter(
                x=[years[k + 1] for k in seen], y=[values[k + 1] for k in seen], mode="markers",
                name=t("ind.actual_marker", lg), legendgroup="actual", showlegend=legend and s == 0,
                marker={"symbol": "circle-open", "size": 14, "color": "black", "line": {"width": 2}},
                hoverinfo="skip",
            ), **where)
    for target in (*ind.targets, *ind.milestones):
        y = target_point(plan, proj, target)
        if not math.isfinite(y):
            continue
        desc = target_text(_target_row(plan, target), lg, plan.base_year)
        key = "ind.milestone_marker" if target.milestone else "ind.target_marker"
        label = t(key, lg, year=target.year, target=desc)
        if target.kind == "growth":
            label += f"({fmt.value(y, ind.value_unit, lg)})" if lg == "zh" else f" (= {fmt.value(y, ind.value_unit, lg)})"
            xs = list(range(plan.base_year, target.year + 1))
            base = float(proj.values[0, i, 0])
            fig.add_trace(go.Scatter(
                x=xs, y=[base * (1 + target.value / 100) ** (x - plan.base_year) for x in xs], mode="lines",
                line={"color": TARGET_COLOR, "dash": "dot", "width": 1.5}, hoverinfo="skip",
                name=t("word.target", lg), legendgroup="target-path", showlegend=False,
            ), **where)
        if target.direction == "hold":
            fig.add_trace(go.Scatter(
                x=[plan.base_year + 1, target.year], y=[y, y], mode="lines", hoverinfo="skip",
                line={"color": TARGET_COLOR, "dash": "dot", "width": 1.5}, showlegend=False,
            ), **where)
        color = MILESTONE_COLOR if target.milestone else TARGET_COLOR
        fig.add_trace(go.Scatter(
            x=[target.year], y=[y], mode="markers",
            marker={"symbol": "diamond" if target.milestone else "star", "size": 20 if not target.milestone else 15,
                    "color": color, "line": {"color": "white", "width": 1}},
            name=t("ind.milestone_marker" if target.milestone else "ind.target_marker", lg,
                   year=target.year, target="").strip(),
            legendgroup=f"target-{target.milestone}", showlegend=legend, hovertemplate=f"{label}<extra></extra>",
        ), **where)
        if text:  # the target written beside its marker, on a white box so lines never cross it
            left = target.year > plan.base_year + 2
            fig.add_annotation(x=target.year, y=y, text=label, showarrow=True, arrowhead=0, arrowcolor=color,
                               ax=-70 if left else 70, ay=-38, xanchor="right" if left else "left",
                               bgcolor="rgba(255,255,255,0.92)", bordercolor=color, borderpad=4,
                               font={"color": color, "size": 13})


def _style(fig: go.Figure, title: str, height: int) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0.01, "y": 0.98, "yanchor": "top", "font": {"size": 18}},
        font={"family": FONT, "size": 13},
        height=height, margin={"l": 70, "r": 30, "t": 100, "b": 60},
        legend={"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 0, "xanchor": "left"},
        plot_bgcolor="white", hovermode="closest",
    )
    fig.update_xaxes(dtick=1, tickformat="d", showgrid=True, gridcolor="#e5e5e5", linecolor="#888")
    fig.update_yaxes(showgrid=True, gridcolor="#e5e5e5", linecolor="#888", separatethousands=True,
                     exponentformat="none", rangemode="normal")
    return fig


def indicator_figure(plan: Plan, proj: Projection, ind_id: str, labels: list[str],
                     lang_: str | None = None) -> go.Figure:
    """One indicator under each scenario of ``proj``, with its targets and milestones."""
    lg = lang_ or lang()
    ind = plan.by_id[ind_id]
    cumulative = _cumulative(plan, ind_id)
    fig = go.Figure()
    _add_indicator(fig, plan, proj, ind_id, labels, lg)
    key = "ind.chart_title_cum" if cumulative else "ind.chart_title"
    _style(fig, t(key, lg, name=name(ind, lg)), 500)
    fig.update_xaxes(title_text=t("ind.axis_year", lg))
    fig.update_yaxes(title_text=_axis_title(plan, ind_id, lg, cumulative))
    _pad_y(fig, plan, proj, [ind_id])
    return fig


def wrap_title(text: str, width: int) -> str:
    """``text`` broken into lines of at most ``width`` characters for a plotly title (``<br>``):
    at spaces where there are any (English), else before the unit's bracket, else anywhere."""
    if len(text) <= width:
        return text
    if " " in text:
        return "<br>".join(textwrap.wrap(text, width))
    cut = text.find("(")                      # a Chinese title breaks before its unit
    if 0 < cut <= width:
        return f"{text[:cut]}<br>{wrap_title(text[cut:], width)}"
    return "<br>".join(text[i:i + width] for i in range(0, len(text), width))


def compare_figure(plan: Plan, proj: Projection, ind_ids: list[str], labels: list[str],
                   lang_: str | None = None) -> go.Figure:
    """Small multiples: several indicators, every scenario overlaid, targets marked."""
    lg = lang_ or lang()
    cols = min(3, max(1, len(ind_ids)))
    rows = math.ceil(len(ind_ids) / cols)
    # Three charts a row leave room for about 32 Latin letters or 16 Chinese characters a line.
    titles = [wrap_title(_axis_title(plan, x, lg, _cumulative(plan, x)), 16 if lg == "zh" else 32) for x in ind_ids]
    fig = make_subplots(rows=rows, cols=cols, subplot_titles=titles, vertical_spacing=0.16,
                        horizontal_spacing=0.07)
    # No y-axis titles: each small chart's title already carries its unit, and between charts 0.07 of
    # the width apart an axis title ran into the neighbour's ticks ("100m yuan" cut to "n yuan" at 1280 px).
    for k, ind_id in enumerate(ind_ids):
        _add_indicator(fig, plan, proj, ind_id, labels, lg, row=k // cols + 1, col=k % cols + 1, text=False)
    _style(fig, t("cmp.figure_title", lg), 330 * rows + 150)
    fig.update_annotations(font={"size": 13})
    for c in range(1, cols + 1):
        fig.update_xaxes(title_text=t("ind.axis_year", lg), row=rows, col=c)
    # Room for a legend on two lines (four English scenario names and the marks) below the title.
    fig.update_layout(legend={"y": 1 + 60 / (330 * rows)}, margin={"t": 160, "l": 55})
    _one_legend_entry_each(fig)
    return fig


def _one_legend_entry_each(fig: go.Figure) -> None:
    """One legend entry per kind of mark across all the small charts: a milestone's diamond or an
    actual's ring that only a later chart draws is explained too, not only what the first one has."""
    seen = set()
    for trace in fig.data:
        if trace.showlegend is not True:
            continue
        group = trace.legendgroup or trace.name
        trace.showlegend = group not in seen
        seen.add(group)


def _pad_y(fig: go.Figure, plan: Plan, proj: Projection, ind_ids: list[str]) -> None:
    """Leave room above the highest point so target labels are not cut off."""
    ys = []
    for trace in fig.data:
        ys += [float(v) for v in (trace.y if trace.y is not None else ()) if v is not None and math.isfinite(v)]
    if ys:
        lo, hi = min(ys), max(ys)
        span = (hi - lo) or abs(hi) or 1.0
        fig.update_yaxes(range=[lo - 0.08 * span, hi + 0.22 * span])


# --------------------------------------------------------------------------- uncertainty

def fan_figure(plan: Plan, fan, ind_id: str, lang_: str | None = None) -> tuple[go.Figure, str]:
    """A Monte Carlo fan (P5–P95, P25–P75, median) around the scenario's own path, targets as
    stars and milestones as diamonds; also the note for a cumulative target (not drawn)."""
    lg = lang_ or lang()
    ind = plan.by_id[ind_id]
    rows = fan[fan["indicator"] == ind_id].sort_values("year")
    years = rows["year"].tolist()
    fig = go.Figure()
    for lo, hi, alpha, label in (("p5", "p95", 0.15, "unc.band90"), ("p25", "p75", 0.3, "unc.band50")):
        fig.add_trace(go.Scatter(x=years + years[::-1], y=rows[hi].tolist() + rows[lo].tolist()[::-1],
                                 fill="toself", fillcolor=f"rgba(0, 114, 178, {alpha})", line={"width": 0},
                                 mode="lines",  # plotly's default would dot every corner in its own colours
                                 name=t(label, lg), hoverinfo="skip"))
    fig.add_trace(go.Scatter(x=years, y=rows["p50"], name=t("unc.median", lg), mode="lines",
                             line={"color": COLORS[0], "width": 2.5}))
    fig.add_trace(go.Scatter(x=years, y=rows["value"], name=t("unc.own", lg), mode="lines+markers",
                             line={"color": "#444", "dash": "dash", "width": 1.5}, marker={"size": 6}))
    note = ""
    for target in (*ind.targets, *ind.milestones):
        if target.kind == "cumulative":
            note = t("unc.cum_note", lg, v=fmt.simulated(target.value, ind.unit, lg))
            continue
        y = target.value
        if target.kind == "growth":
            y = float(rows["value"].iloc[0]) * (1 + target.value / 100) ** (target.year - plan.base_year)
        fig.add_trace(go.Scatter(x=[target.year], y=[y], mode="markers", name=t("unc.target_mark", lg, year=target.year),
                                 marker={"symbol": "diamond" if target.milestone else "star", "size": 18,
                                         "color": TARGET_COLOR, "line": {"color": "white", "width": 1}}))
    title = f"{name(ind, lg)}({ind.unit})" if lg == "zh" else f"{name(ind, lg)} ({unit(ind.unit, lg)})"
    fig.update_layout(title={"text": title}, font={"family": FONT, "size": 13}, height=430, plot_bgcolor="white",
                      margin={"l": 60, "r": 20, "t": 70, "b": 40},
                      legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0})
    fig.update_xaxes(dtick=1, tickformat="d", gridcolor="#e5e5e5")
    fig.update_yaxes(gridcolor="#e5e5e5", separatethousands=True)
    return fig, note


def tornado_figure(rows, lang_: str | None = None) -> go.Figure:
    """How far each driver, moved down and up, shifts one target's gap."""
    lg = lang_ or lang()
    rows = rows.sort_values("swing")
    fig = go.Figure()
    for col, key, colour in (("change_down", "unc.down", COLORS[1]), ("change_up", "unc.up", COLORS[2])):
        fig.add_trace(go.Bar(y=rows["driver_name" if lg == "zh" else "driver_name_en"], x=rows[col],
                             orientation="h", name=t(key, lg), marker={"color": colour}))
    unit_ = fmt.gap_unit(rows["measure_unit"].iloc[0], lg)
    labels = rows["driver_name" if lg == "zh" else "driver_name_en"]
    # The driver names sit left of the axis: reserve their width so none is cut off.
    left = 24 + max((label_width(str(s), 13) for s in labels), default=0)
    fig.update_layout(barmode="overlay", height=120 + 36 * len(rows), font={"family": FONT, "size": 13},
                      plot_bgcolor="white", margin={"l": left, "r": 20, "t": 30, "b": 40},
                      legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0})
    fig.update_xaxes(title_text=t("unc.tornado_axis", lg, u=unit_), zeroline=True, zerolinecolor="#444",
                     gridcolor="#e5e5e5")
    fig.update_yaxes(automargin=True, ticksuffix=" ")
    return fig


def label_width(text: str, size: int) -> int:
    """Rough width of ``text`` in pixels at font ``size`` [px]: a CJK character is a full em,
    other characters about 0.6 em (enough to reserve a margin, not to typeset)."""
    return int(sum(size if ord(ch) > 0x2E80 else 0.6 * size for ch in text)) + 1
