"""The brief's two charts: how far each 2030 target is reached under each scenario, and the
paths of the indicators that matter most, as :class:`~sim.report.brief.document.Chart` blocks."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from sim.engine.dynamics import growth_goal
from sim.engine.projection import Projection
from sim.io.plan import Plan
from sim.report.brief.document import (
    FLAG,
    Chart,
)

#: Bar colours of the achievement chart.
STATUS_COLOR = {"met": "#2f855a", "at_risk": "#d69e2e", "missed": "#c53030"}



def _style(ax) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(length=2, labelsize=7)


def _achievement(plan: Plan, proj: Projection, check: pd.DataFrame) -> pd.DataFrame:
    """Projected 2030 level as a share of the target level [%] (caps: target / projected)."""
    scenario = proj.names[0]
    rows = check[(check["scenario"] == scenario) & (check["check"] == "target")]
    out = []
    for _, r in rows.iterrows():
        base = proj.value(scenario, r["indicator"], plan.base_year)
        k = int(r["target_year"]) - plan.base_year
        if r["kind"] == "growth":
            share = growth_goal(100.0, r["projected"], k) / growth_goal(1.0, r["target"], k)
        elif r["direction"] == "at_most":
            share = r["target"] / r["projected"] * 100
        else:
            share = r["projected"] / r["target"] * 100 if r["target"] else math.nan
        out.append({"name": r["name"] + (FLAG if r["assumed"] else ""), "share": share, "status": r["status"],
                    "base": base})
    return pd.DataFrame(out)


def achievement_chart(plan: Plan, proj: Projection, check: pd.DataFrame) -> Chart:
    data = _achievement(plan, proj, check).iloc[::-1].reset_index(drop=True)

    def draw(fig, rect) -> None:
        pt = 1 / (fig.get_figheight() * 72)              # one point as a fraction of the figure height
        left = rect[0] + rect[2] * 0.27
        bottom, top = 30 * pt, 20 * pt                   # room for the axis label and the legend
        ax = fig.add_axes([left, rect[1] + bottom, rect[0] + rect[2] - left - rect[2] * 0.02,
                           rect[3] - bottom - top])
        y = np.arange(len(data))
        lo = min(60.0, float(np.nanmin(data["share"])) - 5)
        hi = max(120.0, float(np.nanmax(data["share"])) + 5)
        shares = data["share"].clip(lo, hi)
        colors = [STATUS_COLOR[s] for s in data["status"]]
        ax.hlines(y, 100, shares, color=colors, lw=2.2)
        ax.scatter(shares, y, color=colors, s=14, zorder=3)
        ax.axvline(100, color="#1f2933", lw=0.8)
        ax.set_yticks(y, data["name"], fontsize=7)
        ax.set_xlim(lo, hi)
        ax.set_ylim(-0.7, len(data) - 0.3)
        ax.set_xlabel(f"{plan.target_year}年预测值 ÷ 目标值(%;约束上限类为 目标 ÷ 预测)", fontsize=7)
        ax.grid(axis="x", color="#e4e7eb", lw=0.5)
        _style(ax)
        for s, label in (("met", "达标"), ("at_risk", "临界"), ("missed", "未达标")):
            ax.scatter([], [], color=STATUS_COLOR[s], s=14, label=label)
        ax.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), fontsize=7, frameon=False, ncol=3)

    title = proj.scenarios[0].scenario.title_zh
    return Chart(draw, height=max(200.0, 10.5 * len(data) + 40),
                 caption=f"图1 “{title}”情景下各项{plan.target_year}年目标的预测完成程度:100%即恰好达到目标;"
                         f"年均增速目标按{plan.target_year}年水平折算。",
                 text="".join(data["name"]) + "年预测值÷目标值%;约束上限类为目标÷预测达标临界未达标")


def chart_indicators(plan: Plan, check: pd.DataFrame, scenario: str, k: int = 4) -> list[str]:
    rows = check[(check["scenario"] == scenario) & (check["check"] == "target")]
    order = {"missed": 0, "at_risk": 1, "met": 2}
    rows = rows.assign(_o=rows["status"].map(order), _a=rows["assumed"].astype(int)).sort_values(
        ["_o", "_a"], kind="stable")
    return list(dict.fromkeys(rows["indicator"]))[:k]


def paths_chart(plan: Plan, proj: Projection, ids: list[str]) -> Chart:
    colors = ["#1d4e89", "#c05621", "#2f855a", "#6b46c1", "#718096"]
    years = np.array(proj.years)

    def draw(fig, rect) -> None:
        cols = 2
        rows = math.ceil(len(ids) / cols)
        pt = 1 / (fig.get_figheight() * 72)
        legend = 22 * pt
        w, h = rect[2] / cols, (rect[3] - legend) / rows
        for i, ind_id in enumerate(ids):
            ind = plan.by_id[ind_id]
            r, c = divmod(i, cols)
            ax = fig.add_axes([rect[0] + c * w + w * 0.12, rect[1] + rect[3] - (r + 1) * h + 20 * pt,
                               w * 0.82, h - 40 * pt])
            target = ind.targets[0]
            cum = target.kind == "cumulative"
            for s, name in enumerate(proj.names):
                path = proj.path(name, ind_id).to_numpy()
                if cum:
                    path = np.concatenate([[0.0], np.cumsum(path[1:])])
                ax.plot(years, path, color=colors[s % len(colors)], lw=1.4,
                        label=proj.scenarios[s].scenario.title_zh)
            base = proj.path(proj.names[0], ind_id).iloc[0]
            if target.kind == "growth":
                goal = growth_goal(base, target.value, years - plan.base_year)
                ax.plot(years, goal, color="#1f2933", lw=0.9, ls="--", label="目标路径")
            else:
                ax.axhline(target.value, color="#1f2933", lw=0.9, ls="--", label="目标")
            ax.set_title(f"{ind.name_zh}({'累计,' if cum else ''}{ind.unit})", fontsize=8, loc="left")
            ax.set_xticks(years[::1], [str(y) for y in years], fontsize=6.5)
            ax.grid(color="#e4e7eb", lw=0.5)
            _style(ax)
            if i == 0:
                handles, labels = ax.get_legend_handles_labels()
                fig.legend(handles, labels, loc="lower center", ncol=min(5, len(labels)), fontsize=7,
                           frameon=False, bbox_to_anchor=(rect[0] + rect[2] / 2, rect[1]),
                           bbox_transform=fig.transFigure)

    names = "".join(plan.by_id[i].name_zh + plan.by_id[i].unit for i in ids)
    titles = "".join(r.scenario.title_zh for r in proj.scenarios)
    return Chart(draw, height=128.0 * math.ceil(len(ids) / 2) + 26,
                 caption="图2 重点指标各情景路径与目标(虚线):年均增速目标画作从基期出发的目标路径。",
                 text=names + titles + "目标路径累计,()")


