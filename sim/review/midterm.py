"""Mid-term review (时间过半、任务过半): progress against each plan target from observed values.

For each 2030 target and the latest observed year ``y`` of its indicator (at or before the
review year, :func:`midterm_year` by default):

* ``scheduled`` (序时进度): where the indicator should be in ``y`` on the constant-pace path
  from the base-year level to the target, built from the engine's own pace rule
  (:func:`sim.engine.dynamics.pace` then :func:`sim.engine.rules.advance`): a compound path for
  growth targets and compound indicators, a straight line for additions and percentages,
  and the cumulative share (target × elapsed years / plan years) for flows;
* ``progress``: the distance covered over the distance scheduled, on the same scale
  (logarithmic for compound paths: ln(A/B) / ln(S/B); linear otherwise: (A − B) / (S − B);
  the running total over the scheduled total for flows). 1 is exactly on the path, and it
  equals ``covered_share`` / ``elapsed_share``, the two shares of 时间过半、任务过半;
* ``achieved_pace`` (base year to ``y``) against ``required_pace`` (``y`` to the target year)
  [driver unit], both :func:`sim.engine.dynamics.pace` in the indicator's own dynamic (a
  flow's pace is its yearly value; a cumulative target's, the mean yearly flow).

Bands (the 评估结论 of a mid-term review; thresholds from the plan's ``[review]`` table,
:class:`sim.io.plan.ReviewThresholds`, defaults 1.10 and 0.90):

``achieved`` 提前实现
    the 2030 level (or total) is already reached (for a growth target: the level that the
    target rate gives in 2030);
``ahead`` 快于预期
    progress ≥ ``ahead``;
``on_track`` 基本符合预期
    ``behind`` ≤ progress < ``ahead``; for 'hold' targets, held in every observed year;
``behind`` 滞后于预期
    progress < ``behind``; for 'hold' targets, any observed year below the threshold;
``no_data`` 暂无数据
    no observed value (or, for a cumulative target, a year missing since the base year).

A row is ``provisional`` when the comparison rests on an assumed baseline (an index
baseline compares only with actuals entered on the same index).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from sim.engine.dynamics import derive, growth_goal, pace
from sim.engine.measure import pace_dynamic
from sim.engine.rules import advance
from sim.io.actuals import Actuals, validate_actuals
from sim.io.errors import InputError
from sim.io.plan import Plan, ReviewThresholds, Target, pace_unit
from sim.io.scenario import Scenario

#: Default progress at or above which a target is ``ahead`` (the plan's ``[review]`` may differ).
AHEAD = ReviewThresholds().ahead
#: Default progress below which a target is ``behind``.
BEHIND = ReviewThresholds().behind
VERDICTS = ("achieved", "ahead", "on_track", "behind", "no_data")
VERDICT_ZH = {"achieved": "提前实现", "ahead": "快于预期", "on_track": "基本符合预期", "behind": "滞后于预期",
              "no_data": "暂无数据"}
VERDICT_EN = {"achieved": "already achieved", "ahead": "ahead of schedule", "on_track": "broadly on schedule",
              "behind": "behind schedule", "no_data": "no data"}

#: A row's note, by code: (English, Chinese) templates over the same params.
NOTES = {
    "index": ("the {base} baseline is an index (= 100): enter actuals on the same index",
              "{base}年基期值为指数(=100):实际值请按同一指数填报"),
    "lowest": ("lowest observed value {low:g}", "观测到的最低值为 {low:g}"),
    "years_missing": ("a cumulative target needs every year's flow since {first}; observed: {years}",
                      "累计目标需要自{first}年起每一年的数值;已有:{years}"),
}


def note_in(code: str, lang: str = "en", **params) -> str:
    """The note of ``code`` (:data:`NOTES`) in ``lang``."""
    return NOTES[code][lang == "zh"].format_map(params)


MIDTERM_COLUMNS = ["indicator", "name", "unit", "kind", "direction", "target_year", "target", "goal",
                   "baseline", "as_of", "actual", "scheduled", "elapsed_share", "covered_share", "progress",
                   "achieved_pace", "required_pace", "pace_unit", "verdict", "provisional", "note"]


def midterm_year(plan: Plan) -> int:
    """The year of the mid-term review: half the plan period gone, rounded up (2028 for 2026–2030)."""
    return plan.base_year + (plan.target_year - plan.base_year + 1) // 2


def scenario_actuals(scenario: Scenario) -> Actuals:
    """The actuals of a scenario and its parents (the child's values win)."""
    out: Actuals = {}
    for node in scenario.chain:
        for key, obs in node.actuals.items():
            out.setdefault(key, {}).update(obs)
    return out


def observed(plan: Plan, actuals: Actuals, ind_id: str, year: int) -> float:
    """The observed value of an indicator in ``year`` [unit]: given, or derived from its inputs."""
    given = actuals.get(ind_id, {}).get(year)
    if given is not None:
        return float(given)
    ind = plan.by_id[ind_id]
    if ind.is_driver:
        return math.nan
    parts = [observed(plan, actuals, x, year) for x in ind.inputs]
    if not all(math.isfinite(v) for v in parts):
        return math.nan
    return float(derive([np.array([v]) for v in parts], ind.op, ind.scale)[0])


def _base(plan: Plan, ind_id: str) -> tuple[float, bool]:
    """Base-year level [unit] and whether it rests on an assumed number."""
    ind = plan.by_id[ind_id]
    if ind.baseline is not None:
        return ind.baseline.value, ind.baseline.assumed
    parts = [_base(plan, x) for x in ind.inputs]
    value = float(derive([np.array([v]) for v, _ in parts], ind.op, ind.scale)[0])
    return value, any(a for _, a in parts)


def path_dynamic(plan: Plan, target: Target) -> str:
    """The dynamic of the constant-pace path to ``target``: compound for growth targets,
    ``flow`` (a running total) for cumulative ones, else the indicator's pace dynamic, with a
    level target on a yearly flow read as a straight line."""
    if target.kind == "growth":
        return "compound"
    if target.kind == "cumulative":
        return "flow"
    dyn = pace_dynamic(plan, target.indicator)
    return "additive" if dyn == "flow" else dyn


def pace_dynamic_of(plan: Plan, target: Target) -> str:
    """The dynamic in which a target's paces are measured by :func:`sim.engine.dynamics.pace`:
    the indicator's own (a flow's pace is its yearly value), or ``additive`` for a cumulative
    target, whose paces are those of its running total (the mean yearly flow)."""
    return "additive" if target.kind == "cumulative" else pace_dynamic(plan, target.indicator)


def goal_level(target: Target, base: float, years: int) -> float:
    """The level a target asks for in its year [unit]: the growth target compounded from
    ``base`` over ``years`` (:func:`sim.engine.dynamics.growth_goal`), else the stated value
    (the total, for cumulative targets)."""
    if target.kind == "growth":
        return float(growth_goal(base, target.value, years))
    return target.value


def scheduled(dyn: str, base: float, goal: float, k: int, n: int) -> float:
    """序时进度: the level (for flows, the running total) after ``k`` of ``n`` years on the
    constant-pace path from ``base`` to ``goal`` [unit].

    The pace is the engine's (:func:`sim.engine.dynamics.pace`) and so is the step
    (:func:`sim.engine.rules.advance`): one rule for every path in the project.
    """
    # A running total of a flow is an additive level that starts at 0.
    shape, start = ("additive", 0.0) if dyn == "flow" else (dyn, base)
    step = pace(shape, start, goal, n)
    if not math.isfinite(step):
        return math.nan
    return advance(shape, start, step, k)


def _share(dyn: str, base: float, actual: float, goal: float) -> float:
    """Share of the distance from ``base`` to ``goal`` covered at ``actual`` (compound: in logs)."""
    if dyn == "compound":
        if min(base, actual, goal) <= 0 or goal == base:
            return math.nan
        return math.log(actual / base) / math.log(goal / base)
    return (actual - base) / (goal - base) if goal != base else math.nan


def _reached(target: Target, actual: float, goal: float) -> bool:
    return actual <= goal if target.direction == "at_most" else actual >= goal


def verdict(progress: float, reached: bool, bands: ReviewThresholds | None = None) -> str:
    """``achieved``, ``ahead``, ``on_track`` or ``behind`` from progress (covered / scheduled).

    Parameters
    ----------
    progress : float
        Distance covered over the distance scheduled for the year [ratio]; NaN counts as behind.
    reached : bool
        The target's level (or total) is already reached.
    bands : ReviewThresholds, optional
        Default: 1.10 and 0.90.
    """
    bands = bands or ReviewThresholds()
    if reached:
        return "achieved"
    if math.isfinite(progress) and progress >= bands.ahead:
        return "ahead"
    if math.isfinite(progress) and progress >= bands.behind:
        return "on_track"
    return "behind"


def _review_target(plan: Plan, target: Target, actuals: Actuals, as_of: int, lang: str = "en") -> dict:
    ind = plan.by_id[target.indicator]
    dyn = path_dynamic(plan, target)
    base, assumed = _base(plan, ind.id)
    n = target.year - plan.base_year
    years = [y for y in range(plan.base_year + 1, min(as_of, target.year) + 1)
             if math.isfinite(observed(plan, actuals, ind.id, y))]
    goal = goal_level(target, base, n)
    row = {"indicator": ind.id, "name": ind.name_zh, "unit": ind.value_unit, "kind": target.kind,
           "direction": target.direction, "target_year": target.year, "target": target.value,
           "goal": goal, "baseline": base, "pace_unit": pace_unit(pace_dynamic(plan, ind.id), ind.value_unit),
           "provisional": assumed, "note": ""}
    if ind.baseline is not None and ind.baseline.index:
        row["note"] = note_in("index", lang, base=plan.base_year)
    if not years:
        return {**row, "verdict": "no_data"}
    y = years[-1]
    k = y - plan.base_year
    # A 'hold' target asks for its level in every year: that level is its schedule.
    on_path = target.value if target.direction == "hold" else scheduled(dyn, base, goal, k, n)
    row.update(as_of=y, elapsed_share=k / n, scheduled=on_path)
    if target.kind == "cumulative":
        return _cumulative(plan, target, actuals, row, years, y, lang)
    actual = observed(plan, actuals, ind.id, y)
    row["actual"] = actual
    if target.direction == "hold":
        low = min(observed(plan, actuals, ind.id, yy) for yy in years)
        return {**row, "covered_share": math.nan, "progress": math.nan,
                "verdict": "on_track" if low >= target.value else "behind",
                "note": row["note"] or note_in("lowest", lang, low=low)}
    progress = _share(dyn, base, actual, row["scheduled"])
    own = pace_dynamic_of(plan, target)
    return {**row, "covered_share": _share(dyn, base, actual, goal), "progress": progress,
            "achieved_pace": pace(own, base, actual, k), "required_pace": pace(own, actual, goal, target.year - y),
            "verdict": verdict(progress, _reached(target, actual, goal), plan.review)}


def _cumulative(plan: Plan, target: Target, actuals: Actuals, row: dict, years: list[int], y: int,
                lang: str = "en") -> dict:
    if years != list(range(plan.base_year + 1, y + 1)):
        return {**row, "verdict": "no_data", "note": note_in("years_missing", lang, first=plan.base_year + 1,
                                                             years=", ".join(map(str, years)))}
    total = sum(observed(plan, actuals, row["indicator"], yy) for yy in years)
    left = target.year - y
    progress = total / row["scheduled"]
    # Paces of a running total are additive: the mean yearly flow (sim.engine.dynamics.pace).
    return {**row, "actual": total, "covered_share": total / target.value, "progress": progress,
            "achieved_pace": pace("additive", 0.0, total, len(years)),
            "required_pace": pace("additive", total, target.value, left) if left else math.nan,
            "verdict": verdict(progress, total >= target.value, plan.review)}


def midterm_review(plan: Plan, actuals: Actuals, as_of: int | None = None,
                   source: str = "actuals", lang: str = "en") -> pd.DataFrame:
    """Progress of every plan target against observed values.

    Parameters
    ----------
    plan : Plan
    actuals : dict
        Indicator id → {year: observed value [unit]} (see :func:`sim.io.actuals.load_actuals`).
        Derived indicators may be given directly or through their inputs.
    as_of : int, optional
        Review year (default: :func:`midterm_year`, 2028 for a 2026–2030 plan). Each target
        uses its latest observed year up to it.
    source : str
        Where the actuals came from (for error messages).
    lang : str
        Language of the ``note`` column (:data:`NOTES`).

    Returns
    -------
    DataFrame
        One row per plan target, columns :data:`MIDTERM_COLUMNS`. ``goal`` is the level to
        reach [unit] (the total for cumulative targets), ``actual`` the observed level (or
        running total) in ``as_of`` and ``scheduled`` the 序时进度 level there [unit], shares
        and progress are fractions, paces [``pace_unit``].

    Raises
    ------
    InputError
        For actuals that do not fit the plan (:func:`sim.io.actuals.validate_actuals`).
    """
    validate_actuals(plan, actuals, source=source)
    if as_of is None:
        as_of = midterm_year(plan)
    elif not plan.base_year < as_of <= plan.target_year:
        raise InputError("--as-of", "", code="year_outside_plan",
                         params={"year": as_of, "first": plan.base_year + 1, "last": plan.target_year})
    rows = [_review_target(plan, t, actuals, as_of, lang) for t in plan.targets]
    table = pd.DataFrame(rows).reindex(columns=MIDTERM_COLUMNS)
    table["as_of"] = table["as_of"].astype("Int64")
    return table


def counts(review: pd.DataFrame) -> dict[str, int]:
    """Number of targets per verdict."""
    got = review["verdict"].value_counts()
    return {v: int(got.get(v, 0)) for v in VERDICTS}
