"""Audit rules on paces and history: the pace a target needs against the 2021–2025 record,
cumulative targets against the current flow, history statements against each other and the
readings of an ambiguous phrase (see :mod:`sim.review.audit` for severities)."""

from __future__ import annotations

import math
from collections.abc import Iterable

from sim.engine.measure import pace_dynamic
from sim.io.plan import Plan, pace_unit
from sim.review.findings import (
    FASTER,
    SLOWER,
    Finding,
    around,
    level_and_basis,
    material,
    measure_symbol,
    num,
    overlap,
    pace_zh,
    span,
)
from sim.review.history import (
    constant_path,
    derive_statement,
    measure_of,
    pace_comparison,
    primary,
    readings,
    start_and_pace,
)


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
                      arith, zh, en, (target.number, h.number, *level_and_basis(plan, ind.id)[1]))


def rule_cumulative(plan: Plan) -> Iterable[Finding]:
    """A cumulative target against its yearly milestones and the base-year flow."""
    for ind in plan.indicators:
        base, numbers = level_and_basis(plan, ind.id)
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
