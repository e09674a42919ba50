"""年度监测: every plan target in a monitoring year against its 序时进度, with a 预警 level.

The measure is the mid-term review's (:mod:`sim.review.midterm`): ``scheduled`` (序时进度) is where
the indicator should be in the year on the constant-pace path to its target, ``progress``
the distance covered over the distance scheduled (1 = on the path), and ``verdict`` its band
(提前实现, 快于预期, 基本符合预期, 滞后于预期). This module adds what an annual monitoring
report needs on top:

* each target's 属性 (约束性/预期性) and its basis, and the pace the path asks for each year;
* a 预警 level, from the plan's ``[review]`` thresholds (:class:`sim.io.plan.ReviewThresholds`):

  ``green``
      on or ahead of the path (progress ≥ ``behind``), already achieved, or a 'hold'
      target held in every observed year;
  ``yellow``
      behind the path: progress < ``behind`` (a 'hold' target broken) on a 预期性 target,
      or on a 约束性 target with progress still at or above ``red``;
  ``red``
      a 约束性 target behind the path with progress below ``red`` (or a broken 'hold').
      Red is kept for binding targets: an expected target that lags is at most yellow.

* the summary sentences in the official style (:func:`summary_line`, :func:`band_summary`);
* next year's requirement (:func:`next_year`): the level and pace that put each indicator
  back on its path in the year after its last actual, next to the pace to the target from
  there and to what a scenario assumes for that year.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

from sim.engine.dynamics import pace, required_pace
from sim.engine.projection import project
from sim.io.actuals import Actuals
from sim.io.attribute import ATTRIBUTE_ZH
from sim.io.errors import InputError
from sim.io.plan import Plan, Target, pace_unit
from sim.io.scenario import Scenario
from sim.review.midterm import (
    VERDICT_EN,
    VERDICT_ZH,
    goal_level,
    midterm_review,
    pace_dynamic_of,
    path_dynamic,
    scheduled,
)

WARNINGS = ("green", "yellow", "red")
WARNING_ZH = {"green": "绿色", "yellow": "黄色预警", "red": "红色预警", "": "—"}
WARNING_EN = {"green": "green", "yellow": "yellow", "red": "red", "": "—"}

MONITOR_COLUMNS = ["indicator", "name", "name_en", "unit", "area", "binding", "binding_basis", "lead_department",
                   "kind", "direction", "target_year", "target", "target_pace", "target_pace_unit", "baseline",
                   "goal", "year", "as_of", "actual", "achieved_pace", "scheduled", "progress", "verdict",
                   "warning", "required_pace", "pace_unit", "provisional", "note"]
NEXT_COLUMNS = ["indicator", "name", "unit", "binding", "kind", "direction", "verdict", "from_year", "actual",
                "next_year", "path_level", "need_level", "need_pace", "steady_pace", "scenario_level", "scenario_pace",
                "pace_unit", "note"]


def warning(verdict: str, binding: str, progress: float, red: float) -> str:
    """预警 level of one target: ``green``, ``yellow``, ``red``, or empty without data.

    Parameters
    ----------
    verdict : str
        The band from :func:`sim.review.midterm.verdict` (``no_data`` gives no warning).
    binding : str
        ``binding`` (约束性), ``expected`` (预期性) or empty (treated as expected).
    progress : float
        Distance covered over the distance scheduled [ratio]; NaN for a broken 'hold' target.
    red : float
        Progress below which a binding target is red [ratio].
    """
    if verdict == "no_data":
        return ""
    if verdict != "behind":
        return "green"
    if binding == "binding" and not (math.isfinite(progress) and progress >= red):
        return "red"
    return "yellow"


def _attribute(target: Target, overrides: Mapping[str, str]) -> tuple[str, str]:
    if target.indicator in overrides:
        return overrides[target.indicator], "edited"
    if target.attribute is None:
        return "", ""
    return target.attribute.value, target.attribute.basis


def target_pace(plan: Plan, target: Target, base: float) -> tuple[float, str]:
    """The constant pace to ``target`` from the base year [unit per year] and its unit
    (:func:`sim.engine.dynamics.pace`): the growth rate for growth and compound targets, the
    yearly addition or points, a flow's yearly value, or a cumulative target's mean yearly flow."""
    dyn = pace_dynamic_of(plan, target)
    n = target.year - plan.base_year
    start = 0.0 if target.kind == "cumulative" else base
    return pace(dyn, start, goal_level(target, base, n), n), pace_unit(dyn, plan.by_id[target.indicator].value_unit)


def monitor(plan: Plan, actuals: Actuals, year: int | None = None,
            attributes: Mapping[str, str] | None = None, source: str = "actuals", lang: str = "en") -> pd.DataFrame:
    """年度监测表: every plan target in ``year`` against its 序时进度.

    Parameters
    ----------
    plan : Plan
    actuals : dict
        Indicator id → {year: observed value [unit]} (see :func:`sim.io.actuals.load_actuals`).
    year : int, optional
        Monitoring year (default: the latest year with any actual). Each target uses its
        latest observed year up to it (``as_of``).
    attributes : mapping, optional
        Indicator id → ``binding`` or ``expected``, overriding the plan file (basis ``edited``).
    source : str
        Where the actuals came from (for error messages).
    lang : str
        Language of the ``note`` column (:data:`sim.review.midterm.NOTES`).

    Returns
    -------
    DataFrame
        One row per plan target, columns :data:`MONITOR_COLUMNS`: levels [``unit``],
        ``target_pace`` [``target_pace_unit``], ``achieved_pace``/``required_pace``
        [``pace_unit``], ``progress`` [ratio], ``verdict`` and ``warning`` codes.

    Raises
    ------
    InputError
        For a year outside the plan period, or actuals that do not fit the plan.
    """
    if year is None:
        year = max((y for obs in actuals.values() for y in obs), default=plan.base_year + 1)
        year = min(max(year, plan.base_year + 1), plan.target_year)   # out-of-range actuals fail below
    elif not plan.base_year < year <= plan.target_year:
        raise InputError("--year", "", code="year_outside_plan",
                         params={"year": year, "first": plan.base_year + 1, "last": plan.target_year})
    table = midterm_review(plan, actuals, as_of=year, source=source, lang=lang)
    overrides = attributes or {}
    extra = []
    for target, row in zip(plan.targets, table.itertuples(index=False), strict=True):
        ind = plan.by_id[target.indicator]
        binding, basis = _attribute(target, overrides)
        pace, unit = target_pace(plan, target, row.baseline)
        extra.append({"name_en": ind.name_en, "area": ind.area, "binding": binding, "binding_basis": basis,
                      "lead_department": ind.lead_department, "target_pace": pace, "target_pace_unit": unit,
                      "year": year,
                      "warning": warning(row.verdict, binding, row.progress, plan.review.red)})
    out = pd.concat([table.reset_index(drop=True), pd.DataFrame(extra)], axis=1)
    return out[MONITOR_COLUMNS]


# --------------------------------------------------------------------------- summaries

def _n(count: int, label: str, lang: str = "zh") -> str:
    return f"{label}{count}项" if lang == "zh" else f"{count} {label}"


#: The attributes in English, for the English summaries (the Chinese are :data:`ATTRIBUTE_ZH`).
ATTRIBUTE_EN = {"binding": "binding", "expected": "expected"}


def summary_line(table: pd.DataFrame, lang: str = "zh") -> str:
    """The annual monitoring sentence, e.g. “27项主要指标中,20项进度符合或快于序时进度,5项滞后,
    其中约束性指标2项;2项暂无数据。” (from a :func:`monitor` table); ``lang="en"`` says the same in
    English (“Of 27 main indicators, 20 are on or ahead of schedule, 5 behind, 2 of them binding; …”)."""
    known = table[table["verdict"] != "no_data"]
    behind = known[known["verdict"] == "behind"]
    missing = len(table) - len(known)
    red, yellow = (int((table["warning"] == w).sum()) for w in ("red", "yellow"))
    binding = int((behind["binding"] == "binding").sum())
    zh = lang == "zh"
    text = (f"{len(table)}项主要指标中,{len(known) - len(behind)}项进度符合或快于序时进度,{len(behind)}项滞后" if zh
            else f"Of {len(table)} main indicators, {len(known) - len(behind)} are on or ahead of schedule, "
                 f"{len(behind)} behind")
    if len(behind):
        text += f",其中约束性指标{binding}项" if zh else f", {binding} of them binding"
    if missing:
        text += f";{missing}项暂无数据" if zh else f"; {missing} without data"
    if red or yellow:
        text += f"。红色预警{red}项、黄色预警{yellow}项" if zh else f". Red warnings {red}, yellow {yellow}"
    return text + ("。" if zh else ".")


def _bands(rows: pd.DataFrame, lang: str = "zh") -> str:
    got = rows["verdict"].value_counts()
    words = VERDICT_ZH if lang == "zh" else VERDICT_EN
    return ("、" if lang == "zh" else ", ").join(_n(int(got[v]), words[v], lang) for v in VERDICT_ZH if got.get(v, 0))


def band_summary(table: pd.DataFrame, lang: str = "zh") -> str:
    """The mid-term review's sentences by band and by 属性: “27项主要指标中,提前实现2项、快于预期5项、
    基本符合预期12项、滞后于预期6项、暂无数据2项。其中约束性指标8项中,……;预期性指标19项中,……。”
    (``lang="en"``: “Of 27 main indicators: 2 already achieved, …. Binding, 8: …; expected, 19: ….”)."""
    zh = lang == "zh"
    text = f"{len(table)}项主要指标中,{_bands(table, lang)}。" if zh else \
        f"Of {len(table)} main indicators: {_bands(table, lang)}."
    parts = []
    for code, label in ATTRIBUTE_ZH.items():
        rows = table[table["binding"] == code]
        if len(rows):
            parts.append(f"{label}指标{len(rows)}项中,{_bands(rows, lang)}" if zh
                         else f"{ATTRIBUTE_EN[code]}, {len(rows)}: {_bands(rows, lang)}")
    unmarked = table[~table["binding"].isin(list(ATTRIBUTE_ZH))]
    if len(unmarked):
        parts.append(f"未标明属性的指标{len(unmarked)}项中,{_bands(unmarked, lang)}" if zh
                     else f"no attribute given, {len(unmarked)}: {_bands(unmarked, lang)}")
    if not parts:
        return text
    return text + ("其中" + ";".join(parts) + "。" if zh else " By attribute: " + "; ".join(parts) + ".")


def counts_by_attribute(table: pd.DataFrame) -> pd.DataFrame:
    """Number of targets per 属性 (rows) and band (columns), with totals."""
    out = pd.crosstab(table["binding"].replace("", "unmarked"), table["verdict"], margins=True,
                      margins_name="total")
    return out.reindex(columns=[*VERDICT_ZH, "total"], fill_value=0)


# --------------------------------------------------------------------------- next year

def next_year(plan: Plan, actuals: Actuals, year: int | None = None, scenario: Scenario | None = None,
              attributes: Mapping[str, str] | None = None, source: str = "actuals",
              lang: str = "en") -> pd.DataFrame:
    """What each target needs in the year after its last actual to be back on its path.

    Parameters
    ----------
    plan : Plan
    actuals : dict
    year : int, optional
        Monitoring year (as for :func:`monitor`); each target starts from its latest
        observed year up to it. Targets without an observed value get no row.
    scenario : Scenario, optional
        Its projection, with ``actuals`` added, gives ``scenario_level``/``scenario_pace``.
    attributes, source, lang :
        As for :func:`monitor`.

    Returns
    -------
    DataFrame
        Columns :data:`NEXT_COLUMNS`, one row per observed plan target whose next year is
        within the plan. ``path_level`` is the 序时进度 in ``next_year`` (the running total for
        cumulative targets), ``need_level`` the level (or, for flows, the year's flow) that
        reaches it, ``need_pace`` the pace that gets there in one year, ``steady_pace`` the
        constant pace from ``from_year`` to the target [``pace_unit``].
    """
    table = monitor(plan, actuals, year, attributes, source, lang)
    proj = None
    if scenario is not None:
        drivers_only = {k: v for k, v in actuals.items() if plan.by_id[k].is_driver}
        proj = project(plan, scenario.with_changes(name="monitor", actuals=drivers_only))
    rows = []
    for target, row in zip(plan.targets, table.itertuples(index=False), strict=True):
        got = _next_row(plan, target, row, proj)
        if got is not None:
            rows.append(got)
    return pd.DataFrame(rows, columns=NEXT_COLUMNS)


def _next_row(plan: Plan, target: Target, row, proj) -> dict | None:
    if row.verdict == "no_data" or int(row.as_of) >= target.year:
        return None
    j, level = int(row.as_of), float(row.actual)
    dyn = pace_dynamic_of(plan, target)
    n, k = target.year - plan.base_year, j + 1 - plan.base_year
    if target.direction == "hold":
        path = float(target.value)
    else:
        path = scheduled(path_dynamic(plan, target), float(row.baseline), float(row.goal), k, n)
    # A cumulative target's levels are running totals: next year needs their difference as its flow.
    running = target.kind == "cumulative"
    out = {"indicator": row.indicator, "name": row.name, "unit": row.unit, "binding": row.binding,
           "kind": row.kind, "direction": row.direction, "verdict": row.verdict, "from_year": j, "actual": level,
           "next_year": j + 1, "path_level": path, "need_level": path - level if running else path,
           "need_pace": pace(dyn, level, path, 1),
           "steady_pace": float(required_pace(dyn, level, row.goal, target.year - j,
                                              every_year=target.direction == "hold")),
           "scenario_level": math.nan, "scenario_pace": math.nan,
           "pace_unit": pace_unit(dyn, plan.by_id[target.indicator].value_unit), "note": row.note}
    if proj is not None:
        out["scenario_level"], out["scenario_pace"] = _scenario(proj, target, dyn, j)
    return out


def _scenario(proj, target: Target, dyn: str, j: int) -> tuple[float, float]:
    """The scenario's level (flows: the year's flow) and pace in ``j + 1``, from its projection."""
    name = proj.names[0]
    now, then = proj.value(name, target.indicator, j), proj.value(name, target.indicator, j + 1)
    if target.kind == "cumulative":
        return then, then
    return then, pace(dyn, now, then, 1)

