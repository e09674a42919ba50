"""Reference tables made from a plan or a projection: indicators with sources, assumptions."""

from __future__ import annotations

import re

import pandas as pd

from sim.engine.label import Label
from sim.engine.projection import Projection
from sim.io.plan import Plan
from sim.report.labels import BASIS, DIRECTION, DYNAMIC, kind_word


def _describe(targets, zh: bool = False, base_year: int | None = None) -> str:
    if zh:
        return ";".join(f"{t.year}年{kind_word(t.kind, 'zh', t.year, base_year)}{DIRECTION['zh'][t.direction]}{t.value:g}"
                        for t in targets)
    return "; ".join(f"{t.year} {t.kind} {t.direction} {t.value:g}" for t in targets)


def indicator_table(plan: Plan, lang: str = "en") -> pd.DataFrame:
    """Every indicator with unit, baseline, targets, basis and the report's words.

    Returns
    -------
    DataFrame
        One row per indicator: ``indicator, name, name_en, unit, area, dynamic, price_basis,
        baseline_year, baseline, baseline_basis, baseline_note, trend, targets, milestones, quote,
        note``. With ``lang="zh"`` the way an indicator moves, an assumed baseline's reason and
        the indicator's note are in Chinese where the plan gives ``reason_zh`` and ``note_zh``
        (the English text where it does not, so that nothing is lost).
    """
    zh = lang == "zh"
    rows = []
    for ind in plan.indicators:
        base = ind.baseline
        quotes = [q for q in (base.quote if base else ())]
        for t in (*ind.targets, *ind.milestones):
            quotes += [q for q in t.number.quote if q not in quotes]
        rows.append({
            "indicator": ind.id, "name": ind.name_zh, "name_en": ind.name_en, "unit": ind.value_unit, "report_unit": ind.unit,
            "area": ind.area, "dynamic": _dynamic(ind, zh, plan),
            "price_basis": ind.price_basis, "baseline_year": plan.base_year,
            "baseline": base.value if base else None,
            "baseline_basis": base.basis if base else "derived",
            "baseline_note": ((base.reason_in(lang) if base.assumed else "") or base.note) if base
            else ("由构成指标计算" if zh else "computed from inputs"),
            "trend": ind.trend.value if ind.trend else None,
            "targets": _describe(ind.targets, zh, plan.base_year),
            "milestones": _describe(ind.milestones, zh, plan.base_year),
            "quote": " ｜ ".join(quotes),
            "note": ind.note_in(lang) or ind.note,
        })
    return pd.DataFrame(rows)


def _dynamic(ind, zh: bool, plan: Plan) -> str:
    if ind.is_driver:
        return DYNAMIC["zh"].get(ind.dynamic, ind.dynamic) if zh else ind.dynamic
    if zh:
        names = [plan.by_id[x].name_zh if x in plan.by_id else x for x in ind.inputs]
        return f"推算:{OP_ZH.get(ind.op, ind.op)}({'、'.join(names)})"
    return f"derived: {ind.op}({', '.join(ind.inputs)})"


#: An indicator id inside an engine label's text (``gdp × 1, visitors × 0.2``).
_ID = re.compile(r"[a-z][a-z0-9_]*")


def _named(text: str, names: dict[str, str]) -> str:
    """``text`` (ids joined by ", ") with every indicator id replaced by its Chinese name, joined by 、."""
    return _ID.sub(lambda m: names.get(m.group(0), m.group(0)), text).replace(", ", "、")


def assumptions_table(projection: Projection, lang: str = "en") -> pd.DataFrame:
    """The driver paths behind a projection, long: one row per scenario, driver and year.

    Columns ``scenario, indicator, name, pace_unit, year, value, source``; ``source`` says
    whether the value came from the scenario file or from the plan/trend rule (and why).
    """
    plan = projection.plan
    years = projection.years[1:]
    rows = []
    for res in projection.scenarios:
        # a value set by a scenario file carries that scenario's name; in Chinese its title
        own = {n.name: f"情景“{n.title_zh}”设定" for n in res.scenario.chain} if lang == "zh" else {}
        for d, ind in enumerate(plan.drivers):
            for y, year in enumerate(years):
                rows.append({"scenario": res.name, "indicator": ind.id, "name": ind.name_zh,
                             "pace_unit": ind.pace_unit, "year": year,
                             "value": float(res.drivers[d, y]),
                             "source": source_in(res.sources[d], plan, lang, own)})
    return pd.DataFrame(rows)


def scenario_table(projection: Projection, lang: str = "en") -> pd.DataFrame:
    """One row per scenario: name, titles, parent chain (by title in Chinese) and rationale
    (:func:`rationale_in`)."""
    return pd.DataFrame([{
        "scenario": r.name, "title_zh": r.scenario.title_zh, "title_en": r.scenario.title_en,
        # In Chinese the parents are named as planners know them, by title (``scenario`` is titled by
        # sim.report.export.titled for the same reason).
        "parents": " → ".join((n.title_zh or n.name) if lang == "zh" else n.name for n in r.scenario.chain[:-1]),
        "rule": r.scenario.effective_rule, "rationale": rationale_in(r.scenario.rationale, lang),
        "file": r.scenario.path,
    } for r in projection.scenarios])


_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")


def _is_chinese(line: str) -> bool:
    """A line written in Chinese: more Chinese characters than Latin letters (an English line may
    name a unit such as 万千瓦, a Chinese one an id such as PM2.5)."""
    return len(_CJK.findall(line)) > len(_LATIN.findall(line))


def rationale_in(text: str, lang: str = "en") -> str:
    """A scenario's rationale in ``lang``: of a rationale written in both languages (the shipped
    scenarios give the Chinese lines, then the English ones), the lines in ``lang``; a
    rationale in one language only, whole (nothing is lost)."""
    lines = [line for line in text.strip().splitlines() if line.strip()]
    chinese = [line for line in lines if _is_chinese(line)]
    if not chinese or len(chinese) == len(lines):
        return text.strip()
    return "\n".join(chinese if lang == "zh" else [line for line in lines if line not in chinese])


def _reasons_zh(plan: Plan) -> dict[str, str]:
    """English reason → Chinese reason, for every number and link of the plan that has both."""
    out = {}
    for ind in plan.indicators:
        numbers = [ind.baseline, ind.trend, *(t.number for t in (*ind.targets, *ind.milestones))]
        out |= {n.reason: n.reason_zh for n in numbers if n is not None and n.reason and n.reason_zh}
    return out | {k.reason: k.reason_zh for k in plan.links.follow if k.reason and k.reason_zh}


def notes_in(check: pd.DataFrame, plan: Plan, lang: str) -> pd.DataFrame:
    """``check`` with its ``assumed_note`` in ``lang``.

    The engine writes ``"<leaf> baseline: <reason>"`` parts joined by ``" | "``; in Chinese each
    part becomes ``"<指标>基期值:<理由>"`` from the plan's ``reason_zh`` (a reason without a
    Chinese text keeps its label and says so); in English each names its indicator in words.
    """
    if "assumed_note" not in check.columns:
        return check
    if lang != "zh":
        return _notes_named(check, plan)
    zh = _reasons_zh(plan)

    def part(text: str) -> str:
        label, _, reason = text.partition(": ")
        leaf = label.removesuffix(" baseline")
        head = "目标值" if label == "target" else (
            f"{plan.by_id[leaf].name_zh}基期值" if leaf in plan.by_id else label)
        return f"{head}:{zh.get(reason, '(假设理由暂无中文说明)')}"

    out = check.copy()
    out["assumed_note"] = [" | ".join(part(p) for p in n.split(" | ")) if isinstance(n, str) and n else n
                           for n in out["assumed_note"]]
    return out


def _notes_named(check: pd.DataFrame, plan: Plan) -> pd.DataFrame:
    """``check`` with each ``"<leaf> baseline: …"`` of its ``assumed_note`` naming the indicator in
    English words (``General public budget revenue baseline: …``), not by its id."""
    def part(text: str) -> str:
        label, sep, reason = text.partition(": ")
        leaf = label.removesuffix(" baseline")
        return f"{plan.by_id[leaf].name_en} baseline{sep}{reason}" if leaf != label and leaf in plan.by_id else text

    out = check.copy()
    out["assumed_note"] = [" | ".join(part(p) for p in n.split(" | ")) if isinstance(n, str) and n else n
                           for n in out["assumed_note"]]
    return out


#: Where a driver's path comes from (the engine's :class:`~sim.engine.label.Label` codes,
#: :mod:`sim.engine.rules`), in Chinese; ``{indicator}`` shows the indicator's Chinese name,
#: ``{basis}`` the Chinese word for its basis, ``{scenario}`` the scenario's title.
SOURCE_ZH = {
    "plan": "规划:{steps}",
    "milestone": "{year}年度目标",
    "target": "{year}年目标",
    "then": "{first},再到{second}",
    "then_held": "规划:{step},之后保持",
    "pace_continues": "规划:{step}的速度延续",
    "shared": "与同组指标共用达到{goal}的速度",
    "goal_milestone": "“{indicator}”{year}年度目标",
    "goal_target": "“{indicator}”目标",
    "link_needs": "随“{indicator}”联动达到其目标所需的速度({value:g} ÷ 弹性 {elasticity:g})",
    "no_figure_trend": "规划无数字:沿用2025年速度",
    "no_figure_assumed": "规划无数字:假设速度",
    "no_figure_held": "规划无数字:保持2025年水平",
    "trend_reported": "沿用2025年速度(报告数据)",
    "trend_other": "沿用2025年速度({basis}:{note_zh})",
    "trend_missing": "2025年速度未报告;{rule}",
    "linked": "联动:随 {terms} 变动({basis}:{provenance_zh})",
    "unlinked": "{scenario}(手动设定;不再随 {inputs} 联动)",
}

#: Words of a plan file's own formulas (data, not engine labels) that read the same in Chinese:
#: the unit of a pace and the period of an average.
FORMULA_ZH = (
    (re.compile(r" percentage points per year"), "个百分点/年"),
    (re.compile(r"% per year"), "%/年"),
    (re.compile(r"\((\d{4})–(\d{4}) average\)"), r"(\1–\2年平均)"),
)


def _formula_zh(text: str) -> str:
    for pattern, words in FORMULA_ZH:
        text = pattern.sub(words, text)
    return text


def source_in(label: str, plan: Plan, lang: str, titles: dict[str, str] | None = None) -> str:
    """Where a driver path comes from, in ``lang`` (the engine's label is English).

    ``titles`` maps a scenario's name to how it is shown (a driver set by a scenario file is
    labelled with the scenario's name).
    """
    titles = titles or {}
    if lang != "zh" or not isinstance(label, str):
        return label
    if not isinstance(label, Label):
        return titles.get(label, label)
    names = {ind.id: ind.name_zh for ind in plan.indicators}
    return label.words(SOURCE_ZH, {
        "indicator": lambda x: names.get(x, x), "basis": lambda b: BASIS["zh"].get(b, b),
        "scenario": lambda s: titles.get(s, s), "note_zh": _formula_zh,
        "terms": lambda x: _named(x, names), "inputs": lambda x: _named(x, names)})


OP_ZH = {"sum": "求和", "ratio": "比值", "share": "占比"}
