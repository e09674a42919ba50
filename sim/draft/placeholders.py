"""Assumed 2025 baselines for indicators the report gives a goal for but no 2025 level.

Each placeholder says why it was chosen and that official statistics should replace it,
following the hand-made plan's conventions, in this order:

1. 新增N、达到M in one 2026 clause: 2025 = M − N (derived, not assumed);
2. only growth goals: an index, 2025 = 100 (``index = true``);
3. a cumulative flow target: the target spread evenly over the plan years;
4. a bound the review gives for 2025 (控制在4.6%以内, 突破300亿元): the bound itself, the
   nearest the report comes to the level;
5. 保持/稳定在 X: X itself (the wording implies the indicator is there now);
6. 控制在 X: the cap itself;
7. a 2026 milestone and a 2030 target: back-cast from the milestone at the constant pace
   that joins it to the target;
8. a 2026 level with its 2026 growth, or with the 2025 trend: back-cast one year;
9. otherwise the edge of the at-risk band below the goal: 1 point for a percentage,
   2 % of the value for anything else (``[check]`` of the plan file).
"""

from __future__ import annotations

from .words import joined, twin


def _assumed(value: float, reason: tuple[str, str], quote: str | list[str] | None = None,
             index: bool = False) -> dict:
    """An assumed baseline with its reason in English and Chinese (``reason``, ``reason_zh``),
    each ending with the request to replace it."""
    en, zh = joined([reason, twin("ph_replace")])
    out: dict = {"value": round(value, 4), "basis": "assumed", "reason": en, "reason_zh": zh}
    if index:
        out["index"] = True
    if quote:
        out["quote"] = quote
    return out


def _level_goals(goals: list[dict]) -> list[dict]:
    return [g for g in goals if g["kind"] == "level"]


def _backcast(dynamic: str, m: float, t: float, gap: int) -> tuple[float, str]:
    """The 2025 level back-cast from milestone ``m`` at the pace joining it to target ``t`` ``gap``
    years later, and the arithmetic (in no language: it goes into both sentences)."""
    if dynamic == "compound" and m > 0 and t > 0:
        rate = (t / m) ** (1 / gap)
        return m / rate, f"({t:g} / {m:g})^(1/{gap}) = {rate:.4f}; 2025 = {m:g} / {rate:.4f}"
    step = (t - m) / gap
    return m - step, f"({t:g} − {m:g}) / {gap} = {step:g}; 2025 = {m:g} − {step:g}"


def _increment_level(ind) -> dict | None:
    for inc in ind.cands:
        if inc.role != "milestone" or inc.reading != "increment":
            continue
        for lvl in ind.cands:
            if lvl.role == "milestone" and lvl.reading == "level" and lvl.quote == inc.quote:
                inc.status = "used"
                base = lvl.value - inc.value
                return {"value": base, "basis": "derived", "formula": f"{lvl.value:g} − {inc.value:g} = {base:g}",
                        "quote": inc.quote}
    return None


def _growth_beside(ind, milestone: dict) -> float | None:
    for c in ind.cands:
        if c.role == "milestone" and c.reading == "growth" and c.quote == milestone["quote"]:
            return c.value
    return None


def placeholder_baseline(name: str, unit: str, dynamic: str, targets: list[dict], milestones: list[dict],
                         ind, trend, base_year: int) -> dict:
    """The baseline table for an indicator without a reported 2025 level."""
    derived = _increment_level(ind)
    if derived is not None:
        return derived
    goals = targets + milestones
    if goals and all(g["kind"] == "growth" for g in goals):
        return _assumed(100.0, twin("ph_growth_index", name=name), index=True)
    cumulative = [g for g in targets if g["kind"] == "cumulative"]
    if cumulative and dynamic == "flow":
        g = cumulative[0]
        years = g["year"] - base_year
        return _assumed(g["value"] / years, twin("ph_flow", name=name, total=g["value"], years=years), g["quote"])
    return _from_levels(name, unit, dynamic, targets, milestones, ind, trend, base_year)


def _bound_2025(name: str, unit: str, ind) -> dict | None:
    bounds = [c for c in ind.cands if c.role == "bound" and c.status != "dropped" and c.keep is not False]
    if not bounds:
        return None
    c = bounds[0]
    c.status = "used"
    return _assumed(c.value, twin("ph_bound", name=name, value=c.value, unit=unit), c.quote)


def _from_levels(name, unit, dynamic, targets, milestones, ind, trend, base_year) -> dict:
    levels_t, levels_m = _level_goals(targets), _level_goals(milestones)
    kept = _bound_2025(name, unit, ind) or _kept_at(name, unit, levels_m + levels_t)
    if kept is not None:
        return kept
    if levels_t and levels_m:
        t, m = levels_t[0], levels_m[0]
        value, how = _backcast(dynamic, m["value"], t["value"], t["year"] - m["year"])
        return _assumed(value, twin("ph_backcast", name=name, first=m["year"], last=t["year"], how=how),
                        [m["quote"], t["quote"]])
    if levels_m and dynamic == "compound":
        found = _one_year_back(name, levels_m[0], ind, trend)
        if found is not None:
            return found
    goal = (levels_t + levels_m)[0] if (levels_t or levels_m) else None
    if goal is None:
        return _assumed(100.0, twin("ph_index", name=name), index=True)
    return _band_edge(name, unit, goal)


def _kept_at(name: str, unit: str, goals: list[dict]) -> dict | None:
    for g in goals:
        if g["direction"] == "hold":
            return _assumed(g["value"], twin("ph_hold", name=name, value=g["value"]), g["quote"])
    for g in goals:
        if g["direction"] == "at_most":
            return _assumed(g["value"], twin("ph_cap", name=name, value=g["value"], unit=unit), g["quote"])
    return None


def _one_year_back(name: str, m: dict, ind, trend) -> dict | None:
    growth, code = _growth_beside(ind, m), "ph_back_clause"
    if growth is None and trend is not None:
        growth, code = trend.value, "ph_back_trend"
    if growth is None or growth <= -100:
        return None
    reason = twin(code, name=name, year=m["year"], how=f"{m['value']:g} / {1 + growth / 100:g}")
    return _assumed(m["value"] / (1 + growth / 100), reason,
                    [m["quote"], trend.quote] if code == "ph_back_trend" else m["quote"])


def _band_edge(name: str, unit: str, goal: dict) -> dict:
    if unit == "%":
        value = max(goal["value"] - 1.0, 0.0)
        return _assumed(value, twin("ph_band_points", name=name, value=value, goal=goal["value"]), goal["quote"])
    value = goal["value"] * 0.98
    return _assumed(value, twin("ph_band_share", name=name, value=value, goal=goal["value"]), goal["quote"])
