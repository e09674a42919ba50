"""Audit rules on a plan's levels: stated growth against the printed levels, parts against
their whole, 'hold' targets against the base year, milestones below the base, and each
milestone against the path to its target (see :mod:`sim.review.audit` for severities)."""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np

from sim.engine.dynamics import derive, growth_goal, pace, step_compound
from sim.engine.measure import pace_dynamic
from sim.io.plan import Indicator, Plan, Sourced, Target, pace_unit
from sim.review.findings import (
    Finding,
    Interval,
    around,
    level_and_basis,
    material,
    num,
    overlap,
    pace_zh,
    span,
    stated_growth,
)
from sim.review.history import (
    base_level,
    rounding,
)

# --------------------------------------------------------------------------- rules

def rule_stated_growth(plan: Plan) -> Iterable[Finding]:
    """A next-year level against the growth stated with it and the base-year level.

    The report often writes a task as ``<level>、增长<g>%``; then base × (1 + g) must give the
    level to the report's rounding.
    """
    for ind in plan.indicators:
        base, numbers = level_and_basis(plan, ind.id)
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
            actual_g = pace("compound", base, t.value, 1)
            implied_base = t.value / step_compound(1.0, g)
            arith = (f"{num(base)} × (1 + {num(g)}%) = {num(computed, 3)} ≠ {num(t.value)}; "
                     f"{num(t.value)} / {num(base)} − 1 = {num(actual_g, 2)}%; "
                     f"{num(t.value)} / (1 + {num(g)}%) = {num(implied_base, 3)}")
            yield Finding(
                "error", "stated_growth", ind.id, t.year, t.value, computed, arith,
                f"{ind.name_zh}:{t.year}年目标{num(t.value)}{ind.unit}与同句的“增长{num(g)}%”不一致:"
                f"{plan.base_year}年{num(base)}{ind.unit}增长{num(g)}%应为{num(computed, 2)}{ind.unit};"
                f"{num(t.value)}{ind.unit}只相当于增长{num(actual_g, 2)}%。",
                f"{ind.name_en}: the {t.year} level {num(t.value)} {ind.unit} does not match the growth stated with it: "
                f"{num(base)} grown by {num(g)}% is {num(computed, 2)}; {num(t.value)} is growth of only "
                f"{num(actual_g, 2)}%, and {num(g)}% growth implies a {plan.base_year} "
                f"base of {num(implied_base, 3)}.",
                (*numbers, t.number))


def _derived_interval(plan: Plan, ind: Indicator) -> tuple[float, Interval, tuple[Sourced, ...]] | None:
    levels = [base_level(plan, x) for x in ind.inputs]
    if any(ix or not math.isfinite(v) for v, ix in levels):
        return None
    values = [v for v, _ in levels]

    def f(*xs: float) -> float:
        return float(derive([np.array([x]) for x in xs], ind.op, ind.scale)[0])

    numbers = tuple(n for x in ind.inputs for n in level_and_basis(plan, x)[1])
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
        return pace("compound", sum(bi / step_compound(1.0, ri) for bi, ri in zip(b, r, strict=True)), sum(b), 1)

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
        base, numbers = level_and_basis(plan, ind.id)
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
        base, numbers = level_and_basis(plan, ind.id)
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
            change = (t.value / base - 1) * 100 if base else math.nan  # the whole change, not a pace
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


def _path_targets(plan: Plan, ind: Indicator,
                  base: float) -> Iterable[tuple[Target, float, Interval, tuple[Sourced, ...]]]:
    """Milestones before a target as levels: (milestone target, level, interval, numbers).

    A growth milestone (增长6%) stands for the level that growth from ``base`` gives."""
    for m in ind.milestones:
        if m.kind == "level" and m.direction != "hold":
            yield m, m.value, around(m.value), (m.number,)
        elif m.kind == "growth":
            k = m.year - plan.base_year

            def grown(b: float, g: float, k: int = k) -> float:
                return growth_goal(b, g, k)

            yield m, grown(base, m.value), span(grown, around(base), around(m.value)), (m.number,)
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
        base, base_numbers = level_and_basis(plan, ind.id)
        targets = [t for t in ind.targets if t.kind in ("level", "growth") and t.direction != "hold"]
        if not math.isfinite(base) or not targets:
            continue
        dyn = pace_dynamic(plan, ind.id)
        for m, value, m_iv, m_numbers in _path_targets(plan, ind, base):
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


