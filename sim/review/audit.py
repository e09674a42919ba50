"""Plan audit: do the plan's own numbers hang together?

Every rule reads only the plan data (baselines, trends, targets, milestones, history and the
report's words in the quotes), never an indicator's name, so it runs on any district's file.
:func:`audit_plan` returns one row per finding with the numbers, the arithmetic and the
quotes involved.

Severity
--------
``error``
    The numbers cannot all be true as printed (beyond rounding).
``warning``
    They can all be true, but the plan strains: a pace far beyond the last five years, a
    'hold' target already broken, history statements that agree only on a very uneven path,
    a milestone that leaves the later years more to do.
``info``
    Worth knowing before a meeting: a milestone below the current level, a cumulative target
    the current flow already covers, an ambiguous phrase and what each reading implies.

A finding is ``provisional`` when a number it rests on is ``assumed``.

Rounding
--------
Reported outcomes and stated rates are rounded in print: a number printed with ``d``
decimals stands for the interval ±0.5·10^−d around it (3.2 → [3.15, 3.25]; 16% → [15.5%,
16.5%]; see :func:`sim.review.history.rounding`). Arithmetic checks propagate these intervals
(monotone formulas are evaluated at every corner) and report only when the intervals do not
overlap. Thresholds of targets (保持在87%以上) are exact: only the baseline is rounded there.
Two paces are "materially" different when they differ by more than :data:`MATERIAL`
(10 %) of the larger one as well.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from sim.engine.dynamics import derive, growth_goal, pace, step_compound
from sim.engine.measure import pace_dynamic
from sim.io.plan import Indicator, Plan, Sourced, Target, pace_unit
from sim.review.history import (
    base_level,
    bound,
    constant_path,
    derive_statement,
    measure_of,
    pace_comparison,
    primary,
    readings,
    rounding,
    start_and_pace,
)

SEVERITIES = ("error", "warning", "info")
SEVERITY_ZH = {"error": "矛盾", "warning": "需关注", "info": "提示"}
#: Two paces differ materially when they differ by more than this share of the larger.
MATERIAL = 0.10
#: A 2030 target needing more than this multiple of the 2021–2025 pace is a warning …
FASTER = 1.5
#: … and one needing less than this multiple is noted (info).
SLOWER = 0.5

FINDING_COLUMNS = ["severity", "rule", "indicator", "name", "year", "stated", "computed", "unit",
                   "arithmetic", "finding_zh", "finding_en", "quotes", "provisional"]

Interval = tuple[float, float]


@dataclass(frozen=True)
class Finding:
    """One audit finding; see :data:`FINDING_COLUMNS` for the table it becomes."""

    severity: str
    rule: str
    indicator: str
    year: int | None
    stated: float
    computed: float
    arithmetic: str
    zh: str
    en: str
    numbers: tuple[Sourced, ...]


# --------------------------------------------------------------------------- helpers

def num(x: float, digits: int | None = None) -> str:
    """A number as a planner writes it: thousands separated, trailing zeros dropped."""
    if x is None or not math.isfinite(x):
        return "—"
    if digits is None:
        digits = 0 if abs(x) >= 1000 else 1 if abs(x) >= 10 else 2
    text = f"{x:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def around(value: float) -> Interval:
    """The interval a printed number stands for [unit]."""
    r = rounding(value)
    return value - r, value + r


def exact(value: float) -> Interval:
    return value, value


def span(f: Callable[..., float], *intervals: Interval) -> Interval:
    """Range of a formula monotone in each argument over the given intervals."""
    values = [f(*corner) for corner in itertools.product(*intervals)]
    values = [v for v in values if math.isfinite(v)]
    return (min(values), max(values)) if values else (math.nan, math.nan)


def overlap(a: Interval, b: Interval) -> bool:
    return a[0] <= b[1] + 1e-12 and b[0] <= a[1] + 1e-12


def material(a: float, b: float) -> bool:
    return abs(a - b) > MATERIAL * max(abs(a), abs(b))


_GROWTH = re.compile(r"(增长|下降)(\d+(?:\.\d+)?)%")


def stated_growth(number: Sourced, value: float) -> float | None:
    """The growth the report states right after ``value`` in its own words (…3.4亿元、增长16%).

    Returns the rate [%] (negative for 下降), or None if the quote states none.
    """
    printed = re.escape(f"{value:g}")
    for quote in number.quote:
        for m in re.finditer(rf"(?<![\d.]){printed}(?![\d.])[^\d,,;;。]{{0,8}}?(增长|下降)(\d+(?:\.\d+)?)%",
                             quote):
            rate = float(m.group(2))
            return -rate if m.group(1) == "下降" else rate
    return None


def _level_and_basis(plan: Plan, ind_id: str) -> tuple[float, tuple[Sourced, ...]]:
    """Base-year level [unit] (NaN if unknown or an index) and the numbers it rests on."""
    level, index = base_level(plan, ind_id)
    ind = plan.by_id[ind_id]
    numbers = (ind.baseline,) if ind.baseline else tuple(plan.by_id[x].baseline for x in plan.leaves(ind_id))
    return (math.nan if index else level), numbers


def pace_zh(value: float, unit: str) -> str:
    """A pace in Chinese words: 年均增长6.5%, 每年提高0.2个百分点, 每年增加197.2万千瓦."""
    if unit == "%/年":
        return f"年均增长{num(value, 2)}%" if value >= 0 else f"年均下降{num(-value, 2)}%"
    if unit == "百分点/年":
        return f"每年提高{num(value, 2)}个百分点"
    base = unit[:-2] if unit.endswith("/年") else unit
    return f"每年增加{num(value, 2)}{base}" if value >= 0 else f"每年减少{num(-value, 2)}{base}"


def measure_symbol(measure: str, value: float, start_year: int) -> str:
    """A history statement in symbols: ×6, +33%, +4.2, 43.6%/年, +20/年, Σ = 255, 2020 = 14.6."""
    return {"level": f"{start_year} = {num(value)}", "multiple": f"×{num(value)}",
            "change_pct": f"+{num(value)}%", "change": f"+{num(value)}",
            "average_growth": f"{num(value)}%/年", "average_change": f"+{num(value)}/年",
            "total": f"Σ = {num(value)}"}[measure]


# --------------------------------------------------------------------------- rules

def rule_stated_growth(plan: Plan) -> Iterable[Finding]:
    """A next-year level against the growth stated with it and the base-year level.

    The report often writes a task as ``<level>、增长<g>%``; then base × (1 + g) must give the
    level to the report's rounding.
    """
    for ind in plan.indicators:
        base, numbers = _level_and_basis(plan, ind.id)
        if not math.isfinite(base):
            continue
        for t in (*ind.milestones, *ind.targets):
            g = stated_growth(t.number, t.value) if t.kind == "level" and t.year == plan.base_year + 1 else None
            if g is None:
                continue
            implied = span(lambda b, r: step_compound(b, r), around(base), around(g))
            if overlap(implied, around(t.value)):
                continue
            computed = step_compound(base, g)
            arith = (f"{num(base)} × (1 + {num(g)}%) = {num(computed, 3)} ≠ {num(t.value)}; "
                     f"{num(t.value)} / {num(base)} − 1 = {num((t.value / base - 1) * 100, 2)}%; "
                     f"{num(t.value)} / (1 + {num(g)}%) = {num(t.value / (1 + g / 100), 3)}")
            yield Finding(
                "error", "stated_growth", ind.id, t.year, t.value, computed, arith,
                f"{ind.name_zh}:{t.year}年目标{num(t.value)}{ind.unit}与同句的“增长{num(g)}%”不一致:"
                f"{plan.base_year}年{num(base)}{ind.unit}增长{num(g)}%应为{num(computed, 2)}{ind.unit};"
                f"{num(t.value)}{ind.unit}只相当于增长{num((t.value / base - 1) * 100, 2)}%。",
                f"{ind.name_en}: the {t.year} level {num(t.value)} {ind.unit} does not match the growth stated with it: "
                f"{num(base)} grown by {num(g)}% is {num(computed, 2)}; {num(t.value)} is growth of only "
                f"{num((t.value / base - 1) * 100, 2)}%, and {num(g)}% growth implies a {plan.base_year} "
                f"base of {num(t.value / (1 + g / 100), 3)}.",
                (*numbers, t.number))


def _derived_interval(plan: Plan, ind: Indicator) -> tuple[float, Interval, tuple[Sourced, ...]] | None:
    levels = [base_level(plan, x) for x in ind.inputs]
    if any(ix or not math.isfinite(v) for v, ix in levels):
        return None
    values = [v for v, _ in levels]

    def f(*xs: float) -> float:
        return float(derive([np.array([x]) for x in xs], ind.op, ind.scale)[0])

    numbers = tuple(n for x in ind.inputs for n in _level_and_basis(plan, x)[1])
    return f(*values), span(f, *(around(v) for v in values)), numbers


def rule_parts_whole(plan: Plan) -> Iterable[Finding]:
    """A stated level of a derived indicator (a sum, ratio or share) against its parts."""
    for ind in plan.derived_order:
        got = _derived_interval(plan, ind) if ind.baseline is not None else None
        if got is None:
            continue
        computed, interval, numbers = got
        stated = ind.baseline.value
        if overlap(interval, around(stated)):
            yield from _whole_growth(plan, ind)
            continue
        sign = {"sum": " + ", "ratio": " / ", "share": " / "}[ind.op]
        parts = sign.join(num(base_level(plan, x)[0]) for x in ind.inputs)
        scale = " × 100" if ind.op == "share" else f" × {num(ind.scale)}" if ind.op == "ratio" and ind.scale != 1 else ""
        arith = f"{parts}{scale} = {num(computed, 3)} ≠ {num(stated)} (±{num(rounding(stated), 3)})"
        yield Finding(
            "error", "parts_whole", ind.id, plan.base_year, stated, computed, arith,
            f"{ind.name_zh}:报告为{num(stated)}{ind.unit},由构成项计算为{num(computed, 2)}{ind.unit},"
            f"超出四舍五入误差。",
            f"{ind.name_en}: reported as {num(stated)} {ind.unit}, but its parts give {num(computed, 2)}, "
            f"beyond rounding.",
            (ind.baseline, *numbers))


def _whole_growth(plan: Plan, ind: Indicator) -> Iterable[Finding]:
    """The growth stated for a sum against the growth of its parts (previous-year weights)."""
    g = stated_growth(ind.baseline, ind.baseline.value) if ind.op == "sum" else None
    parts = [plan.by_id[x] for x in ind.inputs]
    if g is None or any(p.trend is None or p.dynamic != "compound" or p.baseline is None for p in parts):
        return
    bases = [p.baseline.value for p in parts]
    rates = [p.trend.value for p in parts]

    def whole(*xs: float) -> float:
        k = len(xs) // 2
        b, r = xs[:k], xs[k:]
        return (sum(b) / sum(bi / (1 + ri / 100) for bi, ri in zip(b, r, strict=True)) - 1) * 100

    computed = whole(*bases, *rates)
    if overlap(span(whole, *(around(v) for v in (*bases, *rates))), around(g)):
        return
    arith = (f"({' + '.join(num(b) for b in bases)}) / ("
             + " + ".join(f"{num(b)}/(1+{num(r)}%)" for b, r in zip(bases, rates, strict=True))
             + f") − 1 = {num(computed, 2)}% ≠ {num(g)}%")
    yield Finding(
        "warning", "parts_whole", ind.id, plan.base_year, g, computed, arith,
        f"{ind.name_zh}:报告增长{num(g)}%,按构成项的增速和上年权重计算为{num(computed, 2)}%。",
        f"{ind.name_en}: reported to grow {num(g)}%; its parts' growth rates, weighted by the previous "
        f"year's levels, give {num(computed, 2)}%.",
        (ind.baseline, *(p.baseline for p in parts), *(p.trend for p in parts)))


def rule_parts_targets(plan: Plan) -> Iterable[Finding]:
    """Same-year 'at least' level targets of a sum's parts against the whole's target."""
    for ind in plan.derived_order:
        if ind.op != "sum":
            continue
        for t in (*ind.targets, *ind.milestones):
            if t.kind != "level" or t.direction != "at_least":
                continue
            parts = [_same_year(plan.by_id[x], t.year) for x in ind.inputs]
            if any(p is None for p in parts):
                continue
            total = sum(p.value for p in parts)
            if total >= t.value:
                continue
            arith = " + ".join(num(p.value) for p in parts) + f" = {num(total)} < {num(t.value)}"
            yield Finding(
                "warning", "parts_targets", ind.id, t.year, t.value, total, arith,
                f"{ind.name_zh}:各构成项的{t.year}年目标合计{num(total)}{ind.unit},低于总量目标{num(t.value)}{ind.unit}:"
                f"各项都达标也不能保证总量达标。",
                f"{ind.name_en}: the parts' {t.year} targets add up to {num(total)} {ind.unit}, below the whole's "
                f"target of {num(t.value)}: meeting every part does not meet the whole.",
                (t.number, *(p.number for p in parts)))


def _same_year(ind: Indicator, year: int) -> Target | None:
    for t in (*ind.targets, *ind.milestones):
        if t.year == year and t.kind == "level" and t.direction in ("at_least", "hold"):
            return t
    return None


def rule_hold_at_base(plan: Plan) -> Iterable[Finding]:
    """A 'hold' (保持/稳定在) target whose threshold the base-year level already misses."""
    for ind in plan.indicators:
        base, numbers = _level_and_basis(plan, ind.id)
        if not math.isfinite(base):
            continue
        for t in (*ind.targets, *ind.milestones):
            if t.direction != "hold" or around(base)[1] >= t.value:
                continue
            arith = f"{num(base)} < {num(t.value)}; {num(t.value)} − {num(base)} = {num(t.value - base, 2)}"
            yield Finding(
                "warning", "hold_at_base", ind.id, t.year, t.value, base, arith,
                f"{ind.name_zh}:目标要求“保持”在{num(t.value)}{ind.unit}以上,但{plan.base_year}年仅为"
                f"{num(base)}{ind.unit},尚差{num(t.value - base, 2)}:需要先提高才能“保持”。",
                f"{ind.name_en}: the plan asks to hold it at {num(t.value)} {ind.unit} or more, but the "
                f"{plan.base_year} level is {num(base)}, {num(t.value - base, 2)} short: it must rise first.",
                (*numbers, t.number))


def rule_below_base(plan: Plan) -> Iterable[Finding]:
    """An 'at least' level (or a 'hold' milestone) set below the base-year level, or a cap above it."""
    for ind in plan.indicators:
        base, numbers = _level_and_basis(plan, ind.id)
        if not math.isfinite(base):
            continue
        lo, hi = around(base)
        for t in (*ind.milestones, *ind.targets):
            if t.kind != "level":
                continue
            # a 2030 'hold' floor below today's level is what 保持 means; only milestones are noted
            below = (t.direction == "at_least" or (t.direction == "hold" and t.milestone)) and t.value < lo
            above = t.direction == "at_most" and t.value > hi
            if not (below or above):
                continue
            change = (t.value / base - 1) * 100 if base else math.nan
            severity = "info" if t.milestone else "warning"
            word_zh = "低于" if below else "高于"
            arith = f"{num(t.value)} {'<' if below else '>'} {num(base)} ({num(change, 1)}%)"
            yield Finding(
                severity, "below_base", ind.id, t.year, t.value, base, arith,
                f"{ind.name_zh}:{t.year}年{'年度目标' if t.milestone else '目标'}{num(t.value)}{ind.unit}{word_zh}"
                f"{plan.base_year}年实际{num(base)}{ind.unit}({num(change, 1)}%):"
                + ("即使下降也算完成。" if below else "允许上升。"),
                f"{ind.name_en}: the {t.year} {'milestone' if t.milestone else 'target'} of {num(t.value)} {ind.unit} is "
                f"{'below' if below else 'above'} the {plan.base_year} level of {num(base)} ({num(change, 1)}%): "
                + ("it is met even after a fall." if below else "it allows a rise."),
                (*numbers, t.number))


def _path_targets(plan: Plan, ind: Indicator) -> Iterable[tuple[Target, float, Interval, tuple[Sourced, ...]]]:
    """Milestones (level) before a target: (milestone target, value, interval, numbers)."""
    for m in ind.milestones:
        if m.kind == "level" and m.direction != "hold":
            yield m, m.value, around(m.value), (m.number,)
    if ind.is_driver or ind.milestones:
        return
    years = {t.year for x in ind.inputs for t in plan.by_id[x].milestones}
    for year in sorted(years):
        parts = [next((t for t in plan.by_id[x].milestones if t.year == year and t.kind == "level"), None)
                 for x in ind.inputs]
        if any(p is None for p in parts):
            continue
        values = [p.value for p in parts]

        def f(*xs: float) -> float:
            return float(derive([np.array([x]) for x in xs], ind.op, ind.scale)[0])

        yield parts[0], f(*values), span(f, *(around(v) for v in values)), tuple(p.number for p in parts)


def rule_milestone_path(plan: Plan) -> Iterable[Finding]:
    """Each milestone against the path to the plan target of the same indicator.

    Compares the pace from the base year to the milestone with the pace the years after the
    milestone then need to reach the target.
    """
    for ind in plan.indicators:
        base, base_numbers = _level_and_basis(plan, ind.id)
        targets = [t for t in ind.targets if t.kind in ("level", "growth") and t.direction != "hold"]
        if not math.isfinite(base) or not targets:
            continue
        dyn = pace_dynamic(plan, ind.id)
        for m, value, m_iv, m_numbers in _path_targets(plan, ind):
            for t in targets:
                if t.year <= m.year:
                    continue
                yield from _milestone_vs_target(plan, ind, dyn, base, base_numbers, m.year, value, m_iv,
                                                m_numbers, t)


def _milestone_vs_target(plan, ind, dyn, base, base_numbers, year, value, m_iv, m_numbers, t):
    k1, k2, n = year - plan.base_year, t.year - year, t.year - plan.base_year

    def goal(b: float, v: float) -> float:
        return growth_goal(b, v, n) if t.kind == "growth" else v

    t_iv = around(t.value)
    p1 = pace(dyn, base, value, k1)
    p2 = pace(dyn, value, goal(base, t.value), k2)
    p1_iv = span(lambda b, m: pace(dyn, b, m, k1), around(base), m_iv)
    p2_iv = span(lambda b, m, v: pace(dyn, m, goal(b, v), k2), around(base), m_iv, t_iv)
    if overlap(p1_iv, p2_iv) or not material(p1, p2):
        return
    later = p2 > p1
    unit = pace_unit(dyn, ind.unit)
    arith = (f"{plan.base_year}→{year}: {num(base)} → {num(value)} = {num(p1, 2)} {unit}; "
             f"{year}→{t.year}: {num(value)} → {num(goal(base, t.value))} = {num(p2, 2)} {unit}")
    zh_tail = "目标后几年需要加速。" if later else "年度目标已快于此后所需的速度,2030年目标相对宽松。"
    en_tail = ("the later years must speed up." if later else
               "the milestone runs ahead of what the target then needs: the 2030 target is the easier one.")
    yield Finding(
        "warning" if later else "info", "milestone_path", ind.id, year, p2, p1, arith,
        f"{ind.name_zh}:{year}年度目标隐含{pace_zh(p1, unit)},此后到{t.year}年需{pace_zh(p2, unit)};{zh_tail}",
        f"{ind.name_en}: the {year} milestone implies {num(p1, 2)} {unit}; from there to {t.year} the target "
        f"needs {num(p2, 2)} {unit}; {en_tail}",
        (*base_numbers, *m_numbers, t.number))


def rule_pace_history(plan: Plan) -> Iterable[Finding]:
    """The pace a target needs against the pace of the previous period (where known)."""
    table = pace_comparison(plan)
    for row in table.itertuples(index=False):
        ind = plan.by_id[row.indicator]
        h = primary(ind, plan.base_year)
        target = next(t for t in ind.targets if t.year == row.target_year and t.kind == row.kind)
        past, need, ratio = row.past_pace, row.needed_pace, row.ratio
        if not (math.isfinite(past) and math.isfinite(need)):
            continue
        if math.isfinite(ratio) and SLOWER <= ratio <= FASTER:
            continue
        if not math.isfinite(ratio) and not (need > 0 >= past):
            continue
        unit = row.pace_unit
        more = not math.isfinite(ratio) or ratio > FASTER
        alt = f" ({row.ratio_alternatives}×)" if row.ratio_alternatives else ""
        low = "≥ " if row.past_bound == "≥" else ""
        if math.isfinite(ratio):
            arith = f"{num(need, 2)} ÷ {low}{num(past, 2)} {unit} = {num(ratio, 2)}×{alt}"
        else:
            arith = f"{num(need, 2)} {unit} > 0 ≥ {num(past, 2)} {unit}"
        zh = (f"{ind.name_zh}:实现{row.target_year}年目标需{pace_zh(need, unit)},{row.period}年为"
              f"{pace_zh(past, unit)}" + (f",所需速度是过去的{num(ratio, 2)}倍。" if more and math.isfinite(ratio)
                                          else ",过去五年平均为负,需要扭转。" if more
                                          else f",只及过去的{num(ratio, 2)}倍,目标慢于过去五年。"))
        en = (f"{ind.name_en}: the {row.target_year} target needs {num(need, 2)} {unit}; {row.period} ran at "
              f"{num(past, 2)} {unit}" + (f" ({num(ratio, 2)}× the past pace)." if math.isfinite(ratio)
                                           else ": the past average was negative and must turn around."))
        yield Finding("warning" if more else "info", "pace_history", ind.id, row.target_year, need, past,
                      arith, zh, en, (target.number, h.number, *_level_and_basis(plan, ind.id)[1]))


def rule_cumulative(plan: Plan) -> Iterable[Finding]:
    """A cumulative target against its yearly milestones and the base-year flow."""
    for ind in plan.indicators:
        base, numbers = _level_and_basis(plan, ind.id)
        for t in ind.targets:
            if t.kind != "cumulative":
                continue
            n = t.year - plan.base_year
            ms = sorted((m for m in ind.milestones if m.kind == "level" and m.year <= t.year), key=lambda m: m.year)
            rest = (t.value - sum(m.value for m in ms)) / (n - len(ms)) if len(ms) < n else math.nan
            slack = math.isfinite(base) and n * around(base)[0] > t.value
            last = ms[-1].value if ms else math.nan
            after = math.isfinite(rest) and ms and material(rest, last)
            if not (slack or after):
                continue
            severity = "warning" if after and rest > last else "info"
            arith = f"{num(t.value)} ÷ {n} = {num(t.value / n)}/年"
            if math.isfinite(base):
                arith += f"; {plan.base_year}: {num(base)}/年, {n} × {num(base)} = {num(n * base)}"
            if ms:
                arith += (f"; {', '.join(f'{m.year}: {num(m.value)}' for m in ms)}; "
                          f"({num(t.value)} − {num(sum(m.value for m in ms))}) ÷ {n - len(ms)} = {num(rest)}/年")
            share = t.value / (n * base) * 100 if math.isfinite(base) and base else math.nan
            zh = f"{ind.name_zh}:累计目标{num(t.value)}{ind.unit}即每年{num(t.value / n)}"
            en = f"{ind.name_en}: the cumulative target of {num(t.value)} {ind.unit} is {num(t.value / n)} a year"
            if slack:
                zh += f",只相当于{plan.base_year}年水平({num(base)})的{num(share, 1)}%"
                en += f", {num(share, 1)}% of the {plan.base_year} flow ({num(base)})"
            if ms:
                zh += f";完成年度目标后,其余年份每年只需{num(rest)}" if rest < last else f";其余年份每年需{num(rest)}"
                en += f"; after the milestone(s) the remaining years need {num(rest)} a year"
            yield Finding(severity, "cumulative", ind.id, t.year, t.value, n * base if slack else rest,
                          arith, zh + "。", en + ".", (*numbers, t.number, *(m.number for m in ms)))


def rule_history_statements(plan: Plan) -> Iterable[Finding]:
    """Several statements about one period: does one constant pace satisfy all of them?"""
    for ind in plan.indicators:
        h = primary(ind, plan.base_year)
        if h is None:
            continue
        d = derive_statement(plan, h)
        others = [o for o in ind.history if o is not h and (o.start_year, o.end_year) == (h.start_year, h.end_year)]
        if not others or not (math.isfinite(d.start) and math.isfinite(d.pace)):
            continue
        dyn = pace_dynamic(plan, ind.id)
        n = h.end_year - h.start_year
        for o in others:
            yield from _statement_pair(plan, ind, dyn, n, h, d, o)


def _statement_pair(plan, ind, dyn, n, h, d, o):
    def on_path(end: float, v: float) -> float:
        start, pace = start_and_pace(dyn, h.measure, v, end, n)
        return measure_of(o.measure, constant_path(dyn, start, pace, n))

    got = on_path(d.end, h.value)
    if overlap(span(on_path, around(d.end), around(h.value)), around(o.value)):
        return
    path = constant_path(dyn, d.start, d.pace, n)
    alt_start, alt_pace = start_and_pace(dyn, o.measure, o.value, d.end, n)
    unit = pace_unit(dyn, ind.unit)
    sym = measure_symbol(h.measure, h.value, h.start_year)
    arith = (f"{sym}, {plan.base_year} = {num(d.end)}: {' → '.join(num(v) for v in path)}; "
             f"{measure_symbol(o.measure, got, h.start_year)} ≠ {num(o.value)}; "
             f"{measure_symbol(o.measure, o.value, h.start_year)} ⇒ {num(alt_pace, 2)} {unit}, "
             f"{h.start_year} = {num(alt_start)}")
    yield Finding(
        "warning", "history_statements", ind.id, h.end_year, o.value, got, arith,
        f"{ind.name_zh}:上一规划期的几项数据只有在各年增速很不均匀时才能同时成立:按{sym}"
        f"匀速推算,{o.measure == 'total' and '五年合计' or MEASURE_WORDS_ZH[o.measure]}为{num(got)},"
        f"而报告为{num(o.value)};按后者匀速推算则为{pace_zh(alt_pace, unit)}。",
        f"{ind.name_en}: the statements about {h.start_year + 1}–{h.end_year} agree only on a very uneven path: "
        f"at a constant pace from the {h.measure} ({num(h.value)}) the {o.measure} would be {num(got)}, not "
        f"{num(o.value)}; the {o.measure} alone implies {num(alt_pace, 2)} {unit}.",
        (ind.baseline, h.number, o.number))


MEASURE_WORDS_ZH = {"level": "起始水平", "multiple": "倍数", "change_pct": "增幅", "change": "增加量",
                    "average_growth": "年均增速", "average_change": "年均增量", "total": "累计"}


def rule_readings(plan: Plan) -> Iterable[Finding]:
    """Ambiguous phrases: what each reading of a history statement implies."""
    needs = pace_comparison(plan).set_index("indicator") if any(h.readings for i in plan.indicators
                                                                 for h in i.history) else None
    for ind in plan.indicators:
        for h in ind.history:
            alts = readings(h)[1:]
            if not alts:
                continue
            dyn = pace_dynamic(plan, ind.id)
            unit = pace_unit(dyn, ind.unit)
            parts = []
            for v in readings(h):
                d = derive_statement(plan, h, v)
                parts.append(f"{measure_symbol(h.measure, v, h.start_year)}: {h.start_year} = {num(d.start)}, "
                             f"{num(d.pace, 2)} {unit}")
            d0 = derive_statement(plan, h)
            ratios = ""
            if needs is not None and ind.id in needs.index:
                row = needs.loc[[ind.id]].iloc[0]
                ratios = f"; {num(row.ratio, 2)}× / {row.ratio_alternatives}×"
            words = h.number.quote[0] if h.number.quote else ""
            yield Finding(
                "info", "readings", ind.id, h.end_year, h.value, d0.pace, "; ".join(parts) + ratios,
                f"{ind.name_zh}:「{words}」有不同理解,本文件取{measure_symbol(h.measure, h.value, h.start_year)},"
                f"另一种为{'、'.join(measure_symbol(h.measure, a, h.start_year) for a in alts)};"
                f"各理解下的{h.start_year}年水平和过去速度见算式。",
                f"{ind.name_en}: the report's words can be read two ways; the file uses {num(h.value)}, the "
                f"other reading is {', '.join(num(a) for a in alts)}. The arithmetic shows both.",
                (h.number,))


#: Every rule, in the order findings are listed within a severity.
RULES: tuple[tuple[str, Callable[[Plan], Iterable[Finding]]], ...] = (
    ("stated_growth", rule_stated_growth),
    ("parts_whole", rule_parts_whole),
    ("parts_targets", rule_parts_targets),
    ("hold_at_base", rule_hold_at_base),
    ("milestone_path", rule_milestone_path),
    ("pace_history", rule_pace_history),
    ("cumulative", rule_cumulative),
    ("history_statements", rule_history_statements),
    ("below_base", rule_below_base),
    ("readings", rule_readings),
)


def audit_plan(plan: Plan, rules: Iterable[str] | None = None) -> pd.DataFrame:
    """Check a plan's numbers for internal consistency.

    Parameters
    ----------
    plan : Plan
    rules : iterable of str, optional
        Names from :data:`RULES` to run (default: all).

    Returns
    -------
    DataFrame
        One row per finding, columns :data:`FINDING_COLUMNS`, errors first. ``stated`` and
        ``computed`` are the two numbers that disagree, in the unit the arithmetic shows
        (a level [unit], a pace [pace unit] or a growth rate [%]).
    """
    chosen = dict(RULES) if rules is None else {name: dict(RULES)[name] for name in rules}
    findings = [f for rule in chosen.values() for f in rule(plan)]
    rows = [{
        "severity": f.severity, "rule": f.rule, "indicator": f.indicator,
        "name": plan.by_id[f.indicator].name_zh, "year": f.year, "stated": f.stated, "computed": f.computed,
        "unit": plan.by_id[f.indicator].value_unit, "arithmetic": f.arithmetic, "finding_zh": f.zh,
        "finding_en": f.en, "quotes": " ｜ ".join(dict.fromkeys(q for n in f.numbers if n for q in n.quote)),
        "provisional": any(n is not None and n.assumed for n in f.numbers),
    } for f in findings]
    table = pd.DataFrame(rows, columns=FINDING_COLUMNS)
    if table.empty:
        return table
    order = {s: i for i, s in enumerate(SEVERITIES)}
    table["_s"] = table["severity"].map(order)
    table["_i"] = table["indicator"].map(plan.index)
    return table.sort_values(["_s", "_i"], kind="stable").drop(columns=["_s", "_i"]).reset_index(drop=True)


def summary(findings: pd.DataFrame) -> dict[str, int]:
    """Number of findings per severity."""
    counts = findings["severity"].value_counts() if len(findings) else {}
    return {s: int(counts.get(s, 0)) for s in SEVERITIES}


__all__ = ["FINDING_COLUMNS", "RULES", "SEVERITIES", "audit_plan", "bound", "stated_growth", "summary"]
