"""The previous plan period (e.g. 十四五, 2021–2025) from the plan's history statements.

Every ``[[indicator.history]]`` statement relates an indicator's level in a start year to its
level in an end year (the base year). With ``E`` the end level [unit], ``n`` the years and
``v`` the stated value, the level ``S`` in the start year and the average pace follow:

==============  ===============================  ==========================================
measure         start level S                    pace (compound [%/yr] / linear [unit/yr])
==============  ===============================  ==========================================
level           v                                from S to E
multiple        E / v                            (v^(1/n) − 1)·100  /  (E − S) / n
change_pct      E / (1 + v/100)                  as ``multiple`` with factor 1 + v/100
change          E − v                            from S to E  /  v / n
average_growth  E / (1 + v/100)^n                v  /  (E − S) / n
average_change  E − n·v                          from S to E  /  v
total           solved from the sum of the n     the constant pace whose n yearly values
                yearly values after S and E      (ending at E) add up to v
==============  ===============================  ==========================================

``flow`` indicators use the compound formulas for their yearly values; their pace is the
mean yearly value. Nothing is guessed: where the report does not allow a number (an
increase in 元 on an index baseline, a period that does not end in the base year), the
result is NaN with the reason in words.

For each 2030 target with a history, :func:`pace_comparison` sets the 2021–2025 pace beside
the pace 2026–2030 needs; ``ratio`` = needed / past (above 1: faster than before).
:func:`backcast` runs the engine (:func:`sim.engine.projection.project_array`) from the start year
to the base year at the recorded pace and shows it reproduces the reported values.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from sim.engine import dynamics
from sim.engine.kernel import compile_plan, project_array
from sim.engine.measure import pace_dynamic
from sim.io.plan import History, Indicator, Plan, Sourced, pace_unit
from sim.review.statements import (
    bound,
    constant_path,
    measure_of,
    rounding,
    start_and_pace,
)

NAN = float("nan")
#: Statement measures in the order they are preferred as the period's pace: a stated rate
#: first, a five-year total (which needs the end level and a constant-pace reading) last.
PACE_PRIORITY = ("average_growth", "average_change", "multiple", "change_pct", "change", "level", "total")
#: Measures that need the end level in the indicator's own unit.
NEEDS_LEVEL = ("level", "change", "average_change", "total")

MEASURE_ZH = {"level": "起始水平", "multiple": "倍数", "change_pct": "增长率", "change": "增加量",
              "average_growth": "年均增速", "average_change": "年均增量", "total": "累计"}
#: Why a statement or a comparison gives no number, by code: (English, Chinese) templates over
#: the same params. The English is :attr:`Derivation.why` as it always read; a table in Chinese
#: words the same code (:func:`why_in`), never the English.
WHY = {
    "ends": ("the period ends in {end}, not the base year {base}", "该时期截至{end}年,而非基期{base}年"),
    "index": ("the {base} level is not reported (the baseline is an index), so a '{measure}' in the unit cannot "
              "give a level or a rate", "报告未给出{base}年总量(基期为指数),无法由“{measure_zh}”推出水平或速度"),
    "unknown": ("the {base} level is not known", "{base}年水平未知"),
    "no_pace": ("the statement does not determine a constant pace", "该表述不能确定一个不变的年均速度"),
    "hold": ("hold targets have no pace", "保持类目标没有年均速度"),
    "no_ratio": ("no ratio: a pace is zero, negative or too close to zero", "无法计算倍数:有速度为零、负数或过于接近零"),
}
#: The back-cast's checks in Chinese: the end level, and a statement by its measure.
CHECK_ZH = {"level": "{year}年水平", "statement": "{start}–{end}年{measure_zh}"}


def why_in(code: str, params: dict, lang: str = "en") -> str:
    """The reason of ``code`` (:data:`WHY`) in ``lang``; "" for no code."""
    if not code:
        return ""
    values = {**params, "measure_zh": MEASURE_ZH.get(params.get("measure", ""), params.get("measure", ""))}
    return WHY[code][lang == "zh"].format_map(values)


# --------------------------------------------------------------------------- statements of a plan

def base_level(plan: Plan, ind_id: str) -> tuple[float, bool]:
    """Level in the base year [unit] and whether it is only an index (NaN if not computable)."""
    ind = plan.by_id[ind_id]
    if ind.baseline is not None:
        return ind.baseline.value, ind.baseline.index
    levels = [base_level(plan, x) for x in ind.inputs]
    if any(ix or not math.isfinite(v) for v, ix in levels):
        return NAN, any(ix for _, ix in levels)
    from sim.engine.dynamics import derive

    value = derive([np.array([v]) for v, _ in levels], ind.op, ind.scale)
    return float(value[0]), False


@dataclass(frozen=True)
class Derivation:
    """What one reading of a history statement gives.

    Attributes
    ----------
    statement : History
    value : float
        The reading used [measure unit].
    alternative : bool
        True for a reading other than the one the plan uses.
    start, end : float
        Levels in the start and end years [unit] (index values if ``index``); NaN if unknown.
    pace : float
        Average pace over the period [driver unit]; NaN if unknown.
    index : bool
        True when the levels are an index (the base-year level is not reported).
    why : str
        Why a number is missing, in English (empty if nothing is).
    why_code : str
        The code of that reason in :data:`WHY` (empty if nothing is missing).
    why_params : dict
        The values its templates need.
    """

    statement: History
    value: float
    alternative: bool
    start: float
    end: float
    pace: float
    index: bool
    why: str
    why_code: str = ""
    why_params: dict | None = None

    def why_in(self, lang: str = "en") -> str:
        """:attr:`why` in ``lang``."""
        return why_in(self.why_code, self.why_params or {}, lang)


def derive_statement(plan: Plan, h: History, value: float | None = None) -> Derivation:
    """Start level and pace of a statement (one reading; default the plan's)."""
    value = h.value if value is None else value
    dyn = pace_dynamic(plan, h.indicator)
    n = h.end_year - h.start_year
    end, index = base_level(plan, h.indicator)
    code, params = "", {"base": plan.base_year, "end": h.end_year, "measure": h.measure}
    if h.end_year != plan.base_year:
        end, code = NAN, "ends"
    elif index and h.measure in NEEDS_LEVEL:
        end, code = NAN, "index"
    elif not math.isfinite(end):
        code = "unknown"
    start, pace = start_and_pace(dyn, h.measure, value, end, n)
    if not code and not (math.isfinite(start) and math.isfinite(pace)):
        code = "no_pace"
    why = why_in(code, params)
    return Derivation(statement=h, value=value, alternative=value != h.value, start=start, end=end,
                      pace=pace, index=index, why=why, why_code=code, why_params=params)


def readings(h: History) -> tuple[float, ...]:
    """The plan's reading first, then the other readings of an ambiguous phrase."""
    return (h.value, *(r for r in h.readings if r != h.value))


def primary(ind: Indicator, base_year: int, start_year: int | None = None) -> History | None:
    """The statement whose pace stands for the period ending in the base year."""
    cands = [h for h in ind.history if h.end_year == base_year and (start_year is None or h.start_year == start_year)]
    cands.sort(key=lambda h: PACE_PRIORITY.index(h.measure))
    return cands[0] if cands else None


def history_table(plan: Plan, lang: str = "en") -> pd.DataFrame:
    """The record: one row per statement and reading, with the derived start level and pace.

    Returns
    -------
    DataFrame
        ``indicator, name, unit, start_year, end_year, measure, value, reading, bound, basis,
        start_level, end_level, index, pace, pace_unit, why, note, quote``. ``start_level`` and
        ``end_level`` are [unit] (an index if ``index``), ``pace`` is [``pace_unit``]. ``why`` is in
        ``lang``; ``note`` is the statement's remark in ``lang`` where the plan gives it
        (``note_zh``), else in English.
    """
    rows = []
    for ind in plan.indicators:
        for h in ind.history:
            for value in readings(h):
                d = derive_statement(plan, h, value)
                rows.append({
                    "indicator": ind.id, "name": ind.name_zh, "unit": ind.unit,
                    "start_year": h.start_year, "end_year": h.end_year, "measure": h.measure,
                    "value": value, "reading": "alternative" if d.alternative else "used",
                    "bound": bound(h.number), "basis": h.number.basis, "start_level": d.start,
                    "end_level": d.end, "index": d.index, "pace": d.pace,
                    "pace_unit": pace_unit(pace_dynamic(plan, ind.id), ind.unit), "why": d.why_in(lang),
                    "note": h.note_in(lang) or h.note, "quote": "；".join(h.number.quote),
                })
    return pd.DataFrame(rows, columns=HISTORY_COLUMNS)


HISTORY_COLUMNS = ["indicator", "name", "unit", "start_year", "end_year", "measure", "value", "reading",
                   "bound", "basis", "start_level", "end_level", "index", "pace", "pace_unit", "why",
                   "note", "quote"]


# --------------------------------------------------------------------------- past pace vs needed pace

def needed_pace(plan: Plan, target) -> float:
    """Constant pace from the base year that meets ``target`` [driver unit]; NaN for hold targets."""
    n = target.year - plan.base_year
    if target.direction == "hold":
        return NAN
    if target.kind == "growth":
        return target.value
    if target.kind == "cumulative":
        return target.value / n
    level, index = base_level(plan, target.indicator)
    if index:
        return NAN
    return dynamics.pace(pace_dynamic(plan, target.indicator), level, target.value, n)


def pace_comparison(plan: Plan, lang: str = "en") -> pd.DataFrame:
    """For each plan target with a history: the past pace, the pace now needed, their ratio.

    Returns
    -------
    DataFrame
        ``indicator, name, target_year, kind, direction, target, period, past_pace, past_bound,
        needed_pace, pace_unit, ratio, ratio_alternatives, why, note``. ``ratio`` =
        needed / past (NaN unless both are positive); ``ratio_alternatives`` lists the ratio
        under each other reading of an ambiguous statement; ``why`` (in ``lang``) says why a
        number is missing. With ``past_bound`` ``≥`` the
        past pace is a lower bound, so the ratio is an upper bound. ``note`` as in
        :func:`history_table`.
    """
    rows = []
    for target in plan.targets:
        ind = plan.by_id[target.indicator]
        h = primary(ind, plan.base_year)
        if h is None:
            continue
        need = needed_pace(plan, target)
        ders = [derive_statement(plan, h, v) for v in readings(h)]
        # A past pace of 1e-320 is positive, but the ratio to it is not a number anyone can read.
        ratios = [r if math.isfinite(r := need / d.pace if d.pace > 0 and need > 0 else NAN) else NAN for d in ders]
        why = ders[0].why_in(lang) or why_in("hold" if target.direction == "hold" else
                                             "" if math.isfinite(ratios[0]) else "no_ratio", {}, lang)
        rows.append({
            "indicator": ind.id, "name": ind.name_zh, "target_year": target.year, "kind": target.kind,
            "direction": target.direction, "target": target.value,
            "period": f"{h.start_year + 1}–{h.end_year}", "past_pace": ders[0].pace,
            "past_bound": bound(h.number), "needed_pace": need,
            "pace_unit": pace_unit(pace_dynamic(plan, ind.id), ind.unit), "ratio": ratios[0],
            "ratio_alternatives": ", ".join(f"{r:.2f}" for r in ratios[1:]), "why": why, "note": h.note_in(lang) or h.note,
        })
    return pd.DataFrame(rows, columns=PACE_COLUMNS)


PACE_COLUMNS = ["indicator", "name", "target_year", "kind", "direction", "target", "period", "past_pace",
                "past_bound", "needed_pace", "pace_unit", "ratio", "ratio_alternatives", "why", "note"]


# --------------------------------------------------------------------------- the engine, backwards

@dataclass(frozen=True, eq=False)
class Backcast:
    """The engine run over the previous period at the recorded pace.

    Attributes
    ----------
    plan : Plan
        A plan whose base year is the start year (e.g. 2020) and whose baselines are the
        derived start levels; only indicators whose start level and pace are known.
    drivers : ndarray, shape (1, D, n)
        The recorded pace of each driver [driver unit] (yearly values for flows).
    values : ndarray, shape (1, I, n + 1)
        The engine's levels from the start year to the end year [unit].
    table : DataFrame
        One row per statement (and one for the end level): ``indicator, name, unit, check,
        stated, engine, difference, reproduced, start_level, pace, pace_unit``.
    """

    plan: Plan
    drivers: np.ndarray
    values: np.ndarray
    table: pd.DataFrame


def backcast(plan: Plan, start_year: int | None = None, lang: str = "en") -> Backcast:
    """Run the engine from ``start_year`` to the base year at each indicator's recorded pace.

    Parameters
    ----------
    plan : Plan
    start_year : int, optional
        Start of the period (default: the earliest start among statements ending in the base year).
    lang : str
        Language of the table's ``check`` column (``en``: ``2025 level``, ``change 2020–2025``;
        ``zh``: ``2025年水平``, ``2020–2025年增加量``).

    Returns
    -------
    Backcast
    """
    starts = [h.start_year for ind in plan.indicators for h in ind.history if h.end_year == plan.base_year]
    if not starts:
        raise ValueError("the plan has no history statements ending in the base year")
    start_year = min(starts) if start_year is None else start_year
    n = plan.base_year - start_year
    chosen: list[tuple[Indicator, History, Derivation]] = []
    for ind in plan.indicators:
        h = primary(ind, plan.base_year, start_year)
        if h is None:
            continue
        d = derive_statement(plan, h)
        if math.isfinite(d.start) and math.isfinite(d.pace) and not d.index:
            chosen.append((ind, h, d))
    if not chosen:
        raise ValueError(f"no indicator has a derivable {start_year} level and pace")
    indicators = tuple(_as_driver(plan, ind, h, d) for ind, h, d in chosen)
    past = replace(plan, base_year=start_year, target_year=plan.base_year, horizon=plan.base_year,
                   indicators=indicators, path=f"{plan.path}#{start_year}-{plan.base_year}")
    compiled = compile_plan(past, plan.base_year)
    drivers = np.empty((1, len(indicators), n))
    for i, (_ind, _, d) in enumerate(chosen):
        dyn = indicators[i].dynamic
        drivers[0, i] = constant_path("compound", d.start, _flow_growth(d, n), n)[1:] if dyn == "flow" else d.pace
    values = project_array(compiled, drivers)
    return Backcast(plan=past, drivers=drivers, values=values, table=_backcast_rows(plan, chosen, values[0], start_year, lang))


def _flow_growth(d: Derivation, n: int) -> float:
    return dynamics.pace("compound", d.start, d.end, n)


def _as_driver(plan: Plan, ind: Indicator, h: History, d: Derivation) -> Indicator:
    """The indicator as a driver starting from its derived start level (targets dropped)."""
    number = Sourced(value=d.start, basis="derived", quote=h.number.quote,
                     formula=f"{h.start_year} level from the {h.measure} statement ({h.value:g}) "
                             f"and the {plan.base_year} level {d.end:g}")
    return replace(ind, dynamic=pace_dynamic(plan, ind.id), baseline=number, trend=None, op="", inputs=(),
                   scale=1.0, targets=(), milestones=(), history=())


def _check_words(measure: str, start: int, end: int, lang: str) -> str:
    """A back-cast check's label: the end level (``measure`` empty) or a statement's measure."""
    if lang == "zh":
        if not measure:
            return CHECK_ZH["level"].format(year=end)
        return CHECK_ZH["statement"].format(start=start, end=end, measure_zh=MEASURE_ZH.get(measure, measure))
    return f"{end} level" if not measure else f"{measure} {start}–{end}"


def _backcast_rows(plan: Plan, chosen, values: np.ndarray, start_year: int, lang: str = "en") -> pd.DataFrame:
    rows = []
    for i, (ind, h, d) in enumerate(chosen):
        path = values[i]
        common = {"indicator": ind.id, "name": ind.name_zh, "unit": ind.unit, "start_level": d.start,
                  "pace": d.pace, "pace_unit": pace_unit(pace_dynamic(plan, ind.id), ind.unit)}
        stated_end = d.end
        rows.append({**common, "check": _check_words("", start_year, plan.base_year, lang), "stated": stated_end,
                     "engine": float(path[-1]), "used": True,
                     "tolerance": rounding(stated_end)})
        for other in ind.history:
            if other.end_year != plan.base_year or other.start_year != start_year:
                continue
            rows.append({**common, "check": _check_words(other.measure, other.start_year, other.end_year, lang),
                         "stated": other.value, "engine": measure_of(other.measure, path),
                         "used": other is h, "tolerance": rounding(other.value)})
    table = pd.DataFrame(rows)
    table["difference"] = table["engine"] - table["stated"]
    table["reproduced"] = table["difference"].abs() <= table["tolerance"] + 1e-9 * table["stated"].abs()
    return table[["indicator", "name", "unit", "check", "stated", "engine", "difference", "reproduced", "used",
                  "start_level", "pace", "pace_unit"]]


__all__ = ["HISTORY_COLUMNS", "MEASURE_ZH", "WHY", "why_in", "PACE_COLUMNS", "Backcast", "Derivation", "backcast", "base_level",
           "bound", "constant_path", "derive_statement", "history_table", "measure_of", "needed_pace",
           "pace_comparison", "primary", "readings", "rounding", "start_and_pace"]
