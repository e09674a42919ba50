"""How results are worded and rounded for people: labels, decimals per unit, probability bands.

Machine columns stay English snake_case everywhere; :func:`localize` relabels a copy of a
table for people (``lang="zh"`` for sharing with planners). :data:`DECIMALS` is the one
table of decimals shown per unit (the brief, the app and the terminal read it) and
:data:`BANDS` the one table of probability words (the app's board and uncertainty page).
:data:`ORIGIN` words where a driver's spread comes from (the engine's label codes) and
:data:`DIST`, :data:`STEP`, :data:`METHOD`, :data:`DYNAMIC` the other codes of the uncertainty
tables, for the command line, the exports and the app alike.
"""

from __future__ import annotations

from pathlib import PurePath

import pandas as pd

STATUS = {
    "zh": {"met": "达标", "at_risk": "临界", "missed": "未达标"},
    "en": {"met": "met", "at_risk": "at risk", "missed": "missed"},
}
#: Icons that make a status legible without colour.
STATUS_ICON = {"met": "✅", "at_risk": "⚠️", "missed": "❌"}

DIRECTION = {
    "zh": {"at_least": "不低于", "at_most": "不高于", "hold": "保持在"},
    "en": {"at_least": "at least", "at_most": "at most", "hold": "hold at"},
}
KIND = {
    "zh": {"growth": "年均增速", "level": "水平", "cumulative": "累计"},
    "en": {"growth": "average growth", "level": "level", "cumulative": "cumulative"},
}
#: A growth target one year after the base year: that year's growth (比上年), not an average.
KIND_ONE_YEAR = {"zh": "增速", "en": "growth"}


def one_year_growth(kind: str, target_year, base_year) -> bool:
    """True for a growth target measured over a single year (a 2026 milestone against 2025).

    Its growth is the year's own (增长, 比上年); 年均 ("average") is only for paces over several
    years. With ``base_year`` unknown (None) the target is taken as multi-year, as before.
    """
    return kind == "growth" and base_year is not None and int(target_year) - int(base_year) == 1


def kind_word(kind: str, lang: str = "en", target_year=None, base_year=None) -> str:
    """A target's kind in ``lang``: ``年均增速`` / ``增速`` (one year), ``水平``, ``累计``."""
    if target_year is not None and one_year_growth(kind, target_year, base_year):
        return KIND_ONE_YEAR[lang]
    return KIND[lang].get(kind, kind)
BASIS = {
    "zh": {"reported": "报告数据", "derived": "推算", "assumed": "假设", "actual": "实际值",
           "projected": "预测"},
    "en": {"reported": "reported", "derived": "derived", "assumed": "assumed", "actual": "actual",
           "projected": "projected"},
}
AREA = {
    "zh": {"economy": "经济", "industry": "工业", "energy": "能源", "agriculture": "农业",
           "ecology": "生态", "water": "水资源", "tourism": "文旅", "consumption": "消费",
           "livelihood": "民生"},
    "en": {"economy": "Economy", "industry": "Industry", "energy": "Energy", "agriculture": "Agriculture",
           "ecology": "Ecology", "water": "Water", "tourism": "Tourism", "consumption": "Consumption",
           "livelihood": "Livelihood"},
}
#: Decimals shown per unit, as the plan's source prints them (2267万人次, 314.7亿元, 1,600万千瓦).
#: A pace ``X/年`` uses the decimals of ``X`` unless listed; other units get one decimal.
DECIMALS = {
    "亿元": 1, "%": 1, "万人次": 0, "万亩": 1, "万头": 1, "万人": 1, "微克/立方米": 1,
    "亿立方米": 2, "万千瓦": 0, "户": 0, "家": 0, "个": 0, "元": 0, "人": 0, "元/人次": 0,
    "万户": 2, "%/年": 1, "百分点/年": 2, "指数(基期=100)": 1,
}
DEFAULT_DECIMALS = 1


def decimals(unit: str) -> int:
    """Decimals shown for a value in ``unit``; a pace ``X/年`` uses the decimals of ``X``."""
    if unit in DECIMALS:
        return DECIMALS[unit]
    if unit.endswith("/年"):
        return DECIMALS.get(unit[:-2], DEFAULT_DECIMALS)
    return DEFAULT_DECIMALS


def round_to_units(frame: pd.DataFrame, columns: dict) -> pd.DataFrame:
    """A copy of ``frame`` with number columns rounded to the decimals of their row's unit.

    ``columns`` maps a value column to the column holding its unit (``{"gap": "measure_unit"}``).
    Planner-facing files use it so that 6.499999999999995 reads 6.5 and −5.3e-15 reads 0;
    ``-0.0`` becomes ``0.0``. Missing values stay missing.
    """
    out = frame.copy()
    for column, unit_column in columns.items():
        if column not in out.columns or unit_column not in out.columns:
            continue
        places = out[unit_column].map(lambda u: decimals(u) if isinstance(u, str) else DEFAULT_DECIMALS)
        values = pd.to_numeric(out[column], errors="coerce")
        out[column] = [v if pd.isna(v) else round(float(v), int(d)) + 0.0
                       for v, d in zip(values, places, strict=True)]
    return out


#: Probability bands, highest first: (lowest shown whole per cent, code, Chinese, English).
#: The band is decided on the number the reader sees (:func:`shown_percent`), so "80%" is
#: always "likely" and "79%" never is, wherever a probability is printed.
BANDS = (
    (80, "likely", "很可能", "likely"),
    (50, "even", "可能", "possible"),
    (20, "risk", "有风险", "at risk"),
    (0, "unlikely", "不太可能", "unlikely"),
)


def shown_percent(p: float) -> int:
    """A probability (0–1) as the whole per cent shown for it (``0.796`` → ``80``)."""
    return int(f"{p:.0%}"[:-1])


def band(p: float) -> tuple[str, str, str]:
    """(code, Chinese, English) of the band of probability ``p`` (0–1), judged on the shown
    whole per cent."""
    shown = shown_percent(p)
    for low, code, zh, en in BANDS:
        if shown >= low:
            return code, zh, en
    return BANDS[-1][1:]


def band_word(p: float, lang: str = "en") -> str:
    """The band's word in ``lang``: ``band_word(0.796, "zh") == "很可能"``."""
    _, zh, en = band(p)
    return zh if lang == "zh" else en


def band_legend(lang: str = "en") -> str:
    """``很可能 ≥80%;可能 50–80%;有风险 20–50%;不太可能 <20%`` (from :data:`BANDS`)."""
    parts = []
    for k, (low, _, zh, en) in enumerate(BANDS):
        word = zh if lang == "zh" else en
        if k == 0:
            parts.append(f"{word} ≥ {low}%")
        elif low == 0:
            parts.append(f"{word} < {BANDS[k - 1][0]}%")
        else:
            parts.append(f"{word} {low}–{BANDS[k - 1][0]}%")
    return (";" if lang == "zh" else "; ").join(parts)


#: Where a driver's spread comes from, by the code of the engine's label
#: (:class:`sim.engine.label.Label`, ``spread_*``), with the label's params; ``other`` for a
#: spread without a code. The app words its spreads table from here too (``ui.uncertainty``).
ORIGIN = {
    "zh": {"spread_floor": "默认:最低幅度 {value:g} 个对数点", "spread_flow": "默认:年度流量的 {share:.0%}",
           "spread_change": "默认:年变动量的 {share:.0%}",
           "spread_reported": "默认:2025年报告速度 {trend:g} 与规划速度 {plan:.4g} 之差",
           "spread_still": "默认:情景中保持不变,无波动", "spread_file": "情景文件 {file} 的 {field}",
           "other": "情景设定"},
    "en": {"spread_floor": "default: floor of {value:g} log points", "spread_flow": "default: {share:.0%} of the yearly flow",
           "spread_change": "default: {share:.0%} of the yearly change",
           "spread_reported": "default: 2025's reported {trend:g} against the plan's pace {plan:.4g}",
           "spread_still": "default: held still by the scenario, no spread",
           "spread_file": "scenario file {file}, {field}", "other": "set by the scenario"},
}
#: How a driver moves (an indicator's ``dynamic``).
DYNAMIC = {"zh": {"compound": "按增速复合增长", "additive": "每年增加", "points": "每年变动百分点", "flow": "年度流量"},
           "en": {"compound": "compound growth", "additive": "yearly addition", "points": "percentage points a year",
                  "flow": "yearly flow"}}
#: A spread's distribution.
DIST = {"zh": {"normal": "正态", "triangular": "三角", "uniform": "均匀"},
        "en": {"normal": "normal", "triangular": "triangular", "uniform": "uniform"}}
#: How the tornado moves a driver: one unit of its pace, or one standard deviation of its spread.
STEP = {"zh": {"unit": "一个单位", "sd": "一个标准差"}, "en": {"unit": "one unit", "sd": "one sd"}}
#: How the goal seek found a shift (``sim.uncertainty.goalseek``'s ``method``).
METHOD = {"zh": {"closed form": "解析解", "simulated": "模拟求解", "unreachable": "合理范围内达不到",
                 "already observed": "已由实际值确定", "not available": "无法计算"},
          "en": {"closed form": "closed form", "simulated": "simulated", "unreachable": "out of reach",
                 "already observed": "already observed", "not available": "not available"}}
#: The unit of a compound driver's spread or tornado step, as the engine writes it.
LOG_POINTS = "log points/yr"
LOG_POINTS_IN = {"zh": "对数点/年", "en": "log points/yr"}


def origin_words(origin: str, lang: str, convert=None) -> str:
    """Where a spread comes from, in ``lang``, worded from its label's code (:data:`ORIGIN`).

    ``convert`` maps a parameter to a function giving its shown value (a file's path to its name).
    A spread without a known code reads :data:`ORIGIN` ``other`` in Chinese and as is in English.
    """
    templates = ORIGIN[lang]
    if getattr(origin, "code", "") not in templates:
        return origin if lang == "en" else templates["other"]
    return origin.words(templates, convert)


CHECK = {"zh": {"target": "规划目标", "milestone": "年度目标"}, "en": {"target": "target", "milestone": "milestone"}}

COLUMNS_ZH = {
    "scenario": "情景", "indicator": "指标代码", "name": "指标", "name_en": "英文名称", "unit": "单位",
    "area": "领域", "year": "年份", "value": "数值", "basis": "依据", "check": "类型", "kind": "目标类型",
    "target_year": "目标年", "direction": "方向", "target": "目标值", "projected": "预测值",
    "status": "状态", "gap": "差距", "gap_pct": "差距(%)", "measure_unit": "比较单位",
    "required": "所需速度", "assumed_pace": "情景速度", "pace_unit": "速度单位",
    "last_actual_year": "最近实际年", "first_year": "首次达到年份", "milestone_status": "年度目标状态",
    "assumed": "含假设", "assumed_note": "假设说明", "quote": "原文", "warning": "警告", "baseline": "基期值",
    "baseline_year": "基期年", "baseline_basis": "基期依据", "baseline_note": "基期来源",
    "dynamic": "变化方式", "targets": "目标", "milestones": "年度目标", "trend": "2025年速度",
    "source": "来源", "field": "字段", "reason": "原因", "pace": "速度", "model": "模型", "region": "地区", "variable": "变量",
    "note": "说明", "price_basis": "价格口径",
    # Monte Carlo, goal seek and sensitivity
    "p_met": "达成概率", "p_met_se": "概率标准误", "p_met_low": "概率下限(95%)", "p_met_high": "概率上限(95%)", "p_at_risk": "临界概率",
    "p_missed": "未达标概率", "p_met_pct": "达成概率(%)", "se_pct": "标准误(%)", "ci95_low_pct": "95%下限(%)",
    "ci95_high_pct": "95%上限(%)", "p_at_risk_pct": "临界概率(%)", "projected_p5": "预测P5",
    "projected_p50": "预测中位数", "projected_p95": "预测P95", "p5": "P5", "p25": "P25", "p50": "中位数",
    "p75": "P75", "p95": "P95", "draw": "模拟序号", "probability": "目标概率", "p_now": "目前概率",
    "p_now_pct": "目前概率(%)", "drivers": "调整的驱动因素", "shift": "需调整幅度", "shift_unit": "调整幅度单位", "pace_needed": "所需速度",
    "paces": "各驱动因素速度", "p_achieved": "达到的概率", "p_achieved_pct": "达到的概率(%)",
    "simulated": "模拟解", "closed_form": "解析解", "method": "算法", "base_gap": "情景差距",
    "step": "变动方式", "driver": "驱动因素代码", "driver_name": "驱动因素", "size": "变动幅度",
    "gap_down": "下调后差距", "gap_up": "上调后差距", "change_down": "下调影响", "change_up": "上调影响",
    "swing": "最大影响", "rank": "排序", "dist": "分布", "sd": "标准差", "low": "下限", "peak": "众数",
    "high": "上限", "origin": "来源", "spread_unit": "幅度单位", "driver_name_en": "驱动因素英文名称",
    # scenario and source sheets of the workbook
    "title_zh": "中文标题", "title_en": "英文标题", "parents": "上级情景", "parent": "上级情景", "rule": "未设定项的规则",
    "rationale": "情景依据", "file": "文件", "report_unit": "报告单位",
}

#: Chinese headers of the review tables' own columns (audit, history, mid-term review, monitoring), shared
#: by ``fyp`` and the app's audit download; the rest come from :data:`COLUMNS_ZH`.
REVIEW_COLUMNS_ZH = {
    "severity": "级别", "rule": "规则", "arithmetic": "算式", "finding_zh": "发现", "finding_en": "发现(英文)",
    "quotes": "原文", "provisional": "暂定", "stated": "报告值", "computed": "计算值", "finding": "发现",
    "start_year": "起始年", "end_year": "终止年", "measure": "表述", "reading": "理解", "bound": "界限",
    "start_level": "起始水平", "end_level": "终止水平", "index": "指数", "why": "无法推算原因",
    "period": "时期", "past_pace": "过去速度", "past_bound": "过去速度界限", "needed_pace": "所需速度",
    "ratio": "所需/过去", "ratio_alternatives": "其他理解下的倍数", "engine": "模型值", "difference": "差",
    "reproduced": "一致", "used": "用于速度", "goal": "目标水平", "as_of": "观测年", "actual": "实际值",
    "elapsed_share": "时间进度", "covered_share": "任务进度", "progress": "进度比", "achieved_pace": "已实现速度",
    "required_pace": "所需速度", "verdict": "评估结论",
    # monitoring (fyp monitor)
    "binding": "属性", "scheduled": "序时进度", "completion_pct": "完成情况(%)", "warning": "预警",
    "target_pace": "年均目标速度", "target_pace_unit": "目标速度单位", "binding_basis": "属性依据",
    "lead_department": "牵头部门", "from_year": "起始年", "next_year": "下一年", "path_level": "序时进度水平",
    "need_level": "需达到", "need_pace": "需增长(增加)", "steady_pace": "至目标年年均需",
    "scenario_level": "情景水平", "scenario_pace": "情景速度",
}
#: Values of a scenario's ``rule`` (how drivers it does not set are filled).
RULE = {"zh": {"plan": "按规划速度", "trend": "按2025年速度"}, "en": {"plan": "plan", "trend": "trend"}}
PRICE_BASIS = {"zh": {"real": "不变价", "nominal": "现价"}, "en": {"real": "real", "nominal": "nominal"}}


def localize(frame: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """A copy of ``frame`` with headers and coded values in ``lang`` (``zh`` or ``en``).

    English keeps the machine column names and codes (so programs can read the file);
    Chinese translates headers and the values of ``status``, ``direction``, ``kind``,
    ``basis``, ``area`` and ``check``, and those of the uncertainty tables (``dynamic``,
    ``dist``, ``step``, ``method``, a spread's ``origin`` and the log-points unit) and yes/no columns
    (是/否). A growth target one year after the base year (the
    check table's ``attrs["base_year"]``) reads 增速, not 年均增速 (:func:`kind_word`).
    """
    if lang not in ("zh", "en"):
        raise ValueError(f"unknown language {lang!r}; expected 'zh' or 'en'")
    if lang == "en":
        return frame
    out = frame.copy()
    if "kind" in out.columns and "target_year" in out.columns:
        base = frame.attrs.get("base_year")
        out["kind"] = [kind_word(k, lang, y, base) if isinstance(k, str) else k
                       for k, y in zip(out["kind"], out["target_year"], strict=True)]
    for column, table in (("status", STATUS), ("milestone_status", STATUS), ("direction", DIRECTION),
                          ("kind", KIND), ("basis", BASIS), ("area", AREA), ("check", CHECK),
                          ("rule", RULE), ("price_basis", PRICE_BASIS), ("baseline_basis", BASIS),
                          ("dynamic", DYNAMIC), ("dist", DIST), ("step", STEP), ("method", METHOD)):
        if column in out.columns:
            out[column] = out[column].map(lambda v, t=table[lang]: t.get(v, v) if isinstance(v, str) else v)
    _spread_words(out, lang)
    flag_words(out, lang)
    for column in out.columns:
        if isinstance(column, str) and column.endswith(":status"):
            out[column] = out[column].map(lambda v: STATUS[lang].get(v, v) if isinstance(v, str) else v)
    return out.rename(columns={c: _zh_header(c) for c in out.columns if isinstance(c, str)})


#: A yes/no column in each language (a Chinese file or table would otherwise show True/False).
YES_NO = {"zh": {True: "是", False: "否"}, "en": {True: True, False: False}}


def flag_words(out: pd.DataFrame, lang: str) -> None:
    """Word the yes/no (boolean) columns of ``out`` in ``lang``, in place (English keeps booleans)."""
    if lang == "en":
        return
    for column in out.columns:
        if out[column].dtype == bool:
            out[column] = out[column].map(YES_NO[lang])


def _spread_words(out: pd.DataFrame, lang: str) -> None:
    """Word the log-points unit and a spread's ``origin`` of ``out`` in ``lang``, in place."""
    for column in ("pace_unit", "spread_unit"):
        if column in out.columns:
            out[column] = out[column].replace(LOG_POINTS, LOG_POINTS_IN[lang])
    if "origin" in out.columns:
        out["origin"] = [origin_words(v, lang, {"file": lambda f: PurePath(f).name}) if isinstance(v, str) else v
                         for v in out["origin"]]


def _zh_header(column: str) -> str:
    if column.endswith(":status"):
        return column[: -len(":status")] + ":状态"
    return COLUMNS_ZH.get(column, column)
