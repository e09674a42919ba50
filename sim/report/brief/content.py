"""A printable brief for a meeting: 主要指标表, misses, audit findings and charts, in Chinese.

>>> from sim import load_plan
>>> from sim.report.brief import write_brief
>>> write_brief(load_plan(), ["momentum", "plan"], "brief.pdf")   # or brief.html

The first scenario is the one the brief is about; further scenarios are compared with it.
The PDF is drawn with matplotlib and embeds a TrueType subset of an installed Chinese font
(see :mod:`sim.report.brief.fonts`): no browser and no network are needed, and a missing Chinese font
is a clear :class:`~sim.errors.ExportError`. The HTML needs no font at build time.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from sim.engine.check import check_targets
from sim.engine.projection import Projection, project
from sim.io.actuals import Actuals
from sim.io.errors import ExportError
from sim.io.plan import Plan, Target
from sim.io.scenario import Scenario, load_scenario
from sim.report.brief.charts import achievement_chart, chart_indicators, paths_chart
from sim.report.brief.document import (
    FLAG,
    TONES,
    Block,
    Bullets,
    Heading,
    Para,
    Table,
    Title,
    render_pdf,
)
from sim.report.brief.html_page import render_html
from sim.report.export import scenario_titles, write_atomic
from sim.report.labels import BASIS, STATUS, decimals, one_year_growth
from sim.review.audit import SEVERITY_ZH, audit_plan, summary
from sim.review.history import pace_comparison

TONE = {"met": "good", "at_risk": "warn", "missed": "bad"}


def fmt(value: float, unit: str = "", signed: bool = False) -> str:
    """A value in ``unit`` as planners print it (亿元 to one decimal, 万千瓦 whole …)."""
    if value is None or not math.isfinite(value):
        return "—"
    d = decimals(unit)
    text = f"{value:+,.{d}f}" if signed else f"{value:,.{d}f}"
    return "0" if text.lstrip("+-") == f"{0:.{d}f}" and d == 0 else text


def pace_fmt(value: float, unit: str) -> str:
    """A yearly amount with one decimal more than the level, trailing zeros dropped (197.2, 6,900)."""
    d = decimals(unit) + 1
    text = f"{value:,.{d}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def pace_text(value: float, unit: str) -> str:
    """A pace in its unit: ``6.5%``, ``+0.20个百分点``, ``+197万千瓦``."""
    if value is None or not math.isfinite(value):
        return "—"
    if unit == "%/年":
        return f"{value:.1f}%"
    if unit == "百分点/年":
        return "持平" if abs(value) < 0.005 else f"{value:+.2f}个百分点"
    base = unit[:-2] if unit.endswith("/年") else unit
    return f"{'+' if value >= 0 else '−'}{pace_fmt(abs(value), base)}{base}"


def target_text(t: Target, unit: str, base_year: int | None = None) -> str:
    """A target in the customary wording: 年均增长6.5%, ≥1,600, 保持≥87, 累计≥35,000; a growth
    milestone one year after ``base_year``: 增长6%."""
    if t.kind == "growth":
        words = "增长" if one_year_growth(t.kind, t.year, base_year) else "年均增长"
        return f"{words}{t.value:g}%" + ("以上" if t.direction == "at_least" else "")
    mark = {"at_least": "≥", "at_most": "≤", "hold": "保持≥"}[t.direction]
    return ("累计" if t.kind == "cumulative" else "") + mark + fmt(t.value, unit)


def need_text(value: float, unit: str) -> str:
    """What a required pace asks for, in words."""
    if not math.isfinite(value):
        return "在合理范围内难以达到"
    if unit == "%/年":
        return f"年均增长{value:.1f}%"
    if unit == "百分点/年":
        return f"每年提高{value:.2f}个百分点"
    base = unit[:-2] if unit.endswith("/年") else unit
    return f"每年{'增加' if value >= 0 else '减少'}{pace_fmt(abs(value), base)}{base}"


def _scenarios(refs: Sequence[Scenario | str], actuals: Actuals | None) -> list[Scenario]:
    loaded = [r if isinstance(r, Scenario) else load_scenario(r) for r in refs]
    if not loaded:
        raise ExportError("brief", "scenarios", code="at_least_one_scenario")
    if actuals:
        loaded = [s.with_changes(name=s.name, title_zh=s.title_zh, title_en=s.title_en, rationale=s.rationale,
                                 actuals=actuals) for s in loaded]
    return loaded


# --------------------------------------------------------------------------- sections

def _level_2030(proj: Projection, scenario: str, row: pd.Series) -> float:
    if row["kind"] == "cumulative":
        return float(row["projected"])
    if row["direction"] == "hold":
        return float(row["projected"])
    return proj.value(scenario, row["indicator"], int(row["target_year"]))


def _basis_text(row: pd.Series) -> str:
    return BASIS["zh"].get(row["basis"], row["basis"]) + (FLAG if row["assumed"] else "")


def _main_table(plan: Plan, proj: Projection, check: pd.DataFrame) -> Table:
    scenario = proj.names[0]
    rows, tones = [], []
    targets = [t for t in plan.targets]
    binding = any(t.binding for t in targets)
    table = check[(check["scenario"] == scenario) & (check["check"] == "target")].reset_index(drop=True)
    for t, (_, row) in zip(targets, table.iterrows(), strict=True):
        ind = plan.by_id[t.indicator]
        base = proj.value(scenario, ind.id, plan.base_year)
        index = ind.baseline is not None and ind.baseline.index
        base_text = f"{base:g}" if index else fmt(base, ind.unit)
        cells = [ind.name_zh, "指数" if index else ind.unit, base_text, target_text(t, ind.unit),
                 fmt(_level_2030(proj, scenario, row), ind.unit) + ("(累计)" if t.kind == "cumulative" else ""),
                 _pace_cell(ind.dynamic, row), STATUS["zh"][row["status"]], _basis_text(row)]
        tone = [None] * len(cells)
        tone[6] = TONE[row["status"]]
        if binding:
            cells.append({"binding": "约束性", "expected": "预期性"}.get(t.binding, ""))
            tone.append(None)
        rows.append(cells)
        tones.append(tone)
    columns = ["指标", "单位", f"{plan.base_year}年", f"{plan.target_year}年目标", f"{plan.target_year}年预测",
               "年均增速(增量)", "状态", "依据"]
    widths = [3.3, 1.1, 1.5, 1.9, 1.7, 1.6, 0.95, 1.2]
    align = ["l", "l", "r", "r", "r", "r", "c", "c"]
    if binding:
        # The 属性 column takes its room from the names, so the other columns keep theirs.
        columns.append("属性")
        widths[0] -= 0.9
        widths.append(0.9)
        align.append("c")
    return Table(columns, rows, widths, align, tones)


def _pace_cell(dynamic: str, row: pd.Series) -> str:
    if dynamic == "flow":
        unit = row["pace_unit"][:-2]
        return f"每年{fmt(row['assumed_pace'], unit)}{unit}"
    return pace_text(row["assumed_pace"], row["pace_unit"])


def _summary_text(plan: Plan, proj: Projection, check: pd.DataFrame, findings: pd.DataFrame) -> str:
    s = proj.scenarios[0].scenario
    rows = check[(check["scenario"] == s.name) & (check["check"] == "target")]
    n = rows["status"].value_counts()
    ms = check[(check["scenario"] == s.name) & (check["check"] == "milestone")]
    counts = summary(findings)
    text = (f"在“{s.title_zh}”情景下,{len(rows)}项{plan.target_year}年目标中{n.get('met', 0)}项达标、"
            f"{n.get('at_risk', 0)}项临界、{n.get('missed', 0)}项未达标;{len(ms)}项{plan.base_year + 1}年度目标中"
            f"{(ms['status'] == 'met').sum()}项达标。{int(rows['assumed'].sum())}项判断依赖报告未给出的假设数值"
            f"(标{FLAG}),待统计数据替换后方可定论。规划数据核查发现{counts['error']}处数字矛盾、"
            f"{counts['warning']}处需关注。")
    chinese = "".join(line.strip() for line in s.rationale.splitlines() if _mostly_cjk(line))
    if chinese:
        text += "\n情景设定:" + chinese
    return text


def _mostly_cjk(text: str) -> bool:
    """True for a line written in Chinese (not an English line quoting a unit such as 万千瓦)."""
    chars = [ch for ch in text if not ch.isspace()]
    return bool(chars) and sum("\u4e00" <= ch <= "\u9fff" for ch in chars) > 0.3 * len(chars)


def _misses(plan: Plan, check: pd.DataFrame, scenario: str) -> list[str]:
    rows = check[(check["scenario"] == scenario) & (check["status"] != "met")]
    items = []
    for _, row in rows.iterrows():
        ind = plan.by_id[row["indicator"]]
        t = next(t for t in (*ind.targets, *ind.milestones)
                 if t.year == row["target_year"] and t.kind == row["kind"] and t.milestone == (row["check"] == "milestone"))
        label = f"{row['target_year']}年度目标" if t.milestone else f"{row['target_year']}年目标"
        if row["kind"] == "growth":
            words = "增长" if one_year_growth(t.kind, t.year, plan.base_year) else "年均增长"
            proj_text = f"预测{words}{row['projected']:.1f}%"
        else:
            proj_text = f"预测{row['target_year']}年{'累计' if row['kind'] == 'cumulative' else ''}" \
                        f"{fmt(row['projected'], ind.unit)}{ind.unit}"
        items.append(
            f"{ind.name_zh}({STATUS['zh'][row['status']]}{FLAG if row['assumed'] else ''}):{proj_text},"
            f"{label}{target_text(t, ind.unit, plan.base_year)}{'' if t.kind == 'growth' else ind.unit};"
            f"从{row['last_actual_year']}年起需{need_text(row['required'], row['pace_unit'])},"
            f"本情景为{need_text(row['assumed_pace'], row['pace_unit'])}。")
    return items or ["本情景下全部目标和年度目标均可实现。"]


def _compare_table(plan: Plan, proj: Projection, check: pd.DataFrame) -> Table:
    names = list(proj.names)
    titles = [r.scenario.title_zh for r in proj.scenarios]
    rows, tones = [], []
    for t in plan.targets:
        ind = plan.by_id[t.indicator]
        cells, tone = [ind.name_zh, target_text(t, ind.unit)], [None, None]
        for name in names:
            row = check[(check["scenario"] == name) & (check["indicator"] == ind.id) & (check["check"] == "target")
                        & (check["kind"] == t.kind)].iloc[0]
            shown = f"{row['projected']:.1f}%" if t.kind == "growth" else fmt(row["projected"], ind.unit)
            cells.append(f"{shown} {STATUS['zh'][row['status']]}")
            tone.append(TONE[row["status"]])
        rows.append(cells)
        tones.append(tone)
    return Table(["指标", "目标", *titles], rows, [3.0, 1.9, *([1.9] * len(names))], ["l", "r", *(["r"] * len(names))],
                 tones)


def _history_table(plan: Plan) -> Table | None:
    pace = pace_comparison(plan)
    if pace.empty:
        return None
    known = np.isfinite(pace["past_pace"].astype(float)) & np.isfinite(pace["needed_pace"].astype(float))
    pace = pace[known]
    if pace.empty:
        return None
    rows = []
    for r in pace.itertuples(index=False):
        past = ("≥" if r.past_bound == "≥" else "") + pace_text(r.past_pace, r.pace_unit)
        ratio = f"{r.ratio:.2f}" if math.isfinite(r.ratio) else "过去为负"
        note = f"另一种理解:{r.ratio_alternatives}" if r.ratio_alternatives else ""
        if r.past_bound == "≥" and math.isfinite(r.ratio):
            note = (note + ";" if note else "") + "过去速度为下限,倍数为上限"
        rows.append([r.name, r.period, past, pace_text(r.needed_pace, r.pace_unit), ratio, note])
    return Table(["指标", "时期", "过去速度", f"{plan.base_year + 1}–{plan.target_year}年所需", "所需/过去", "说明"],
                 rows, [2.8, 1.3, 1.6, 1.8, 1.1, 3.4], ["l", "c", "r", "r", "r", "l"])


def _audit_items(findings: pd.DataFrame) -> tuple[Bullets, int]:
    main = findings[findings["severity"] != "info"]
    items = [f"【{SEVERITY_ZH[r.severity]}】{r.finding_zh}{FLAG if r.provisional else ''}"
             for r in main.itertuples(index=False)]
    details = [f"算式:{r.arithmetic}" for r in main.itertuples(index=False)]
    if not items:
        return Bullets(["未发现数字矛盾或需关注的问题。"]), int((findings["severity"] == "info").sum())
    return Bullets(items, details=details), int((findings["severity"] == "info").sum())


# --------------------------------------------------------------------------- the document

def build_brief(plan: Plan, scenarios: Sequence[Scenario | str], actuals: Actuals | None = None,
                when: dt.date | None = None) -> tuple[list[Block], str, str]:
    """The brief as document blocks, with its footer and title.

    Parameters
    ----------
    plan : Plan
    scenarios : sequence of Scenario or names
        The first is the subject of the brief; the others are compared with it.
    actuals : dict, optional
        Observed values (indicator → {year: value}) added to every scenario.
    when : date, optional
        Date printed on the brief (default: today).
    """
    when = when or dt.date.today()
    proj = project(plan, _scenarios(scenarios, actuals))
    check = check_targets(proj)
    findings = audit_plan(plan)
    first = proj.scenarios[0].scenario
    title = f"{plan.district_zh}“十五五”规划主要目标情景简报"
    # A brief for a meeting names scenarios as planners know them, by title (as every Chinese file does)
    meta = [f"情景:{'、'.join(scenario_titles(proj, 'zh').values())}",
            f"日期:{when.year}年{when.month}月{when.day}日  基期:{plan.base_year}年  目标年:{plan.target_year}年",
            *([f"数据来源:{plan.source_title_zh or plan.source_file}"] if plan.source_title_zh or plan.source_file
              else [])]
    blocks: list[Block] = [Title(title, plan.title_zh, meta), Heading("一、总体情况"),
                           Para(_summary_text(plan, proj, check, findings)),
                           Heading(f"二、主要指标表(“{first.title_zh}”情景)"), _main_table(plan, proj, check),
                           Para(f"说明:{FLAG}表示判断依赖假设数值(报告未给出{plan.base_year}年数据);单位为“指数”的指标报告未给出"
                                f"{plan.base_year}年水平,以{plan.base_year}年为100。状态按规划检查容差:年均增速差{plan.tolerances.growth_pp:g}个百分点"
                                f"以内、比例差{plan.tolerances.percent_pp:g}个百分点以内、其他差{plan.tolerances.level_rel:.0%}"
                                "以内为“临界”。", size=7.5, tone="muted"),
                           Heading("三、未达标和临界目标"), Bullets(_misses(plan, check, first.name))]
    if len(proj.names) > 1:
        blocks += [Heading("四、情景对比"), _compare_table(plan, proj, check)]
    history = _history_table(plan)
    n = 5 if len(proj.names) > 1 else 4
    numerals = "一二三四五六七八"
    if history is not None:
        blocks += [Heading(f"{numerals[n - 1]}、与“十四五”时期速度对比"), history]
        n += 1
    blocks += [Heading(f"{numerals[n - 1]}、图表"), achievement_chart(plan, proj, check),
               paths_chart(plan, proj, chart_indicators(plan, check, first.name))]
    items, infos = _audit_items(findings)
    blocks += [Heading(f"{numerals[n]}、规划数据核查"), items,
               Para(f"另有{infos}条提示(如年度目标低于{plan.base_year}年水平、表述存在不同理解),"
                    "完整清单见应用的“规划数据核查”页。", size=8, tone="muted")]
    footer = f"{plan.district_zh}“十五五”规划目标模拟 · {when.isoformat()}"
    return blocks, footer, title


def brief_bytes(plan: Plan, scenarios: Sequence[Scenario | str], fmt: str = "pdf",
                actuals: Actuals | None = None, when: dt.date | None = None) -> bytes:
    """The brief as ``pdf`` or ``html`` bytes (for a download button)."""
    blocks, footer, title = build_brief(plan, scenarios, actuals, when)
    if fmt == "pdf":
        return render_pdf(blocks, footer, {"Title": title, "Subject": plan.title_zh, "Creator": "fyp-sim"})
    if fmt == "html":
        return render_html(blocks, footer, title).encode("utf-8")
    raise ExportError("brief", "format", code="brief_format", params={"value": fmt})


def write_brief(plan: Plan, scenarios: Sequence[Scenario | str], path: str | Path,
                actuals: Actuals | None = None, when: dt.date | None = None) -> Path:
    """Write the brief to ``path`` (``.pdf`` or ``.html``), atomically."""
    suffix = Path(path).suffix.lower()
    if suffix not in (".pdf", ".html", ".htm"):
        raise ExportError(str(path), "output", code="file_type", params={
            "suffix": suffix or "(none)", "allowed_en": ".pdf or .html", "allowed": ".pdf/.html"})
    fmt = "pdf" if suffix == ".pdf" else "html"
    return write_atomic(path, lambda: brief_bytes(plan, scenarios, fmt, actuals, when))


__all__ = ["brief_bytes", "build_brief", "write_brief", "TONES"]
