"""Build plan-file indicators from candidates, with placeholders for what the report omits.

Which indicators go into the draft: a lexicon indicator with a reported 2025 level, a 2030
target, or a 2026 milestone that can be checked (there is a 2025 level, a target or a trend
to tie it to, or it is a cap or a floor to hold); an indicator outside the lexicon only
with a 2030 target, marked for review. Everything else stays in the review table with the
reason. Placeholders follow the conventions of the hand-made plan file
(``sim/data/ganzhou.toml``): an index 2025 = 100 for growth-only indicators, the
threshold itself for 保持/控制在, a back-cast from the 2026 milestone, or the edge of the
at-risk band for a lone level target.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from .candidates import Candidate
from .lexicon import BY_ID, PART_OF
from .numerals import convert
from .placeholders import placeholder_baseline
from .words import joined, twin

#: Readings that add to a level: 新增N, 提高N个百分点, 年均提高N个百分点.
_ADDITIONS = ("increment", "change", "average_change")
_HISTORY_MEASURE = {"total": "total", "average_change": "average_change", "change": "change",
                    "multiple": "multiple", "grew_times": "multiple", "start_level": "level",
                    "decline": "change_pct"}


@dataclass
class Draft1:
    """What is known about one indicator before it is written."""

    id: str
    cands: list[Candidate] = field(default_factory=list)

    def by_role(self, role: str) -> list[Candidate]:
        return [c for c in self.cands if c.role == role and c.status != "dropped"]


def drop(c: Candidate, code: str, **values) -> None:
    """Mark ``c`` dropped, with the reason of ``code`` (:data:`sim.draft.words.TEXTS`) in both languages."""
    c.status = "dropped"
    c.reason, c.reason_zh = twin(code, **values)


def _drop_unless_kept(c: Candidate, code: str) -> None:
    # The reviewer's "keep" overrides the rules about which numbers a plan needs.
    if c.keep is not True:
        drop(c, code)


def _first_baseline(ind: Draft1) -> Candidate | None:
    found = sorted(ind.by_role("baseline"), key=lambda c: (c.section != "past_year", c.no))
    for extra in found[1:]:
        drop(extra, "another_baseline", no=found[0].no)
    return found[0] if found else None


def _trend(ind: Draft1, dynamic: str) -> Candidate | None:
    trends = ind.by_role("trend")
    keep = [c for c in trends if (c.reading in ("growth", "decline") and dynamic == "compound")
            or (c.reading in ("increment", "change") and dynamic == "additive")
            or (c.reading == "change" and dynamic == "points" and c.unit_written in ("个百分点", "百分点"))]
    for c in trends:
        if c not in keep[:1]:
            drop(c, "pace_unused" if c not in keep else "another_pace")
    return keep[0] if keep else None


def _dedupe_goals(ind: Draft1, role: str) -> list[Candidate]:
    """One milestone per year (a level before the growth beside it); one target per year and kind."""
    by_year: dict[tuple, list[Candidate]] = defaultdict(list)
    for c in ind.by_role(role):
        growth = c.reading in ("growth", "decline", "multiple")
        by_year[(c.year, growth) if role == "target" else (c.year,)].append(c)
    out = []
    for _year, cs in sorted(by_year.items()):
        cs.sort(key=lambda c: (c.reading not in ("level", "share"), c.reading in _ADDITIONS, c.no))
        out.append(cs[0])
        for c in cs[1:]:
            drop(c, "duplicate_goal", no=cs[0].no, role=role, year=cs[0].year, reading=cs[0].reading)
    out.sort(key=lambda c: (c.year, c.reading not in ("growth", "decline", "multiple")))
    return out


def _evidence(ind: Draft1, drafts: dict[str, Draft1]) -> bool:
    own = bool(ind.by_role("baseline") or ind.by_role("target") or ind.by_role("trend"))
    parent = PART_OF.get(ind.id)
    if parent and parent in drafts:
        p = drafts[parent]
        own = own or bool(p.by_role("baseline") or p.by_role("target") or p.by_role("trend"))
    return own


def _milestone_ok(c: Candidate, ind: Draft1, drafts: dict[str, Draft1]) -> bool:
    if c.reading in ("growth", "decline"):
        return True  # a growth goal needs no level: an index baseline checks it
    if c.reading == "level" and c.entry is not None and c.entry.dynamic == "flow":
        return True  # 城镇新增就业2200人: a year's flow is checked against that year's value alone
    if c.reading in _ADDITIONS:
        return bool(ind.by_role("baseline")) or any(
            m.reading == "level" and m.quote == c.quote for m in ind.by_role("milestone"))
    return _evidence(ind, drafts) or c.direction in ("hold", "at_most")


def _check_milestones(drafts: dict[str, Draft1]) -> None:
    for ind in drafts.values():
        for c in ind.by_role("milestone"):
            if c.indicator not in BY_ID and not ind.by_role("target"):
                _drop_unless_kept(c, "outside_lexicon")
            elif not _milestone_ok(c, ind, drafts):
                _drop_unless_kept(c, "one_year_task")


def select(cands: list[Candidate]) -> dict[str, Draft1]:
    """Indicators to write, by id; sets ``status``/``reason`` on every candidate."""
    drafts: dict[str, Draft1] = {}
    for c in cands:
        if c.keep is False:
            drop(c, "rejected")
        elif c.role != "none":
            drafts.setdefault(c.indicator, Draft1(c.indicator)).cands.append(c)
    _check_milestones(drafts)
    chosen: dict[str, Draft1] = {}
    for ind_id, ind in drafts.items():
        known = ind_id in BY_ID
        live = ind.by_role("baseline") + ind.by_role("target") + ind.by_role("milestone")
        kept = any(c.keep for c in live)
        if known and live or not known and ind.by_role("target") or kept:
            chosen[ind_id] = ind
            continue
        for c in ind.cands:
            if c.status != "dropped" and c.role != "bound":  # a bound keeps its own reason
                drop(c, "outside_lexicon" if not known else "nothing_checkable")
    return chosen


def _dynamic(ind: Draft1, targets: list[Candidate], unit: str) -> str:
    entry = BY_ID.get(ind.id)
    if any(c.role == "target" and c.entry is not None and c.entry.dynamic == "flow" for c in targets):
        return "flow"
    growth = any(c.reading in ("growth", "decline", "multiple") for c in targets)
    if entry is not None:
        return "compound" if growth and entry.dynamic != "compound" else entry.dynamic
    if growth:
        return "compound"
    return "points" if unit == "%" else "additive"


def _goal_kind(c: Candidate, dynamic: str) -> str:
    if c.reading in ("growth", "decline", "multiple"):
        return "growth"
    if dynamic == "flow" and c.role == "target":
        return "cumulative"
    return "level"


#: A growth counted over the whole plan: 累计增长, 比2025年增长, 较“十四五”末增长.
_CUMULATIVE = re.compile(r"累计增长|[比较](?:20\d\d年|[“\"]?十四五[”\"]?末)[^，,。；;]{0,4}增长")


def _growth_value(c: Candidate, years: int) -> tuple[float, str]:
    """Average growth [%/年] and, when it had to be worked out, the formula (arithmetic only, so
    that it reads the same in any language, as in the hand-made plan; the quote is beside it)."""
    if c.reading == "growth" and c.role == "target" and _CUMULATIVE.search(c.quote) and "年均" not in c.quote:
        # 到2030年比2025年增长30% / 五年累计增长30%: the whole plan's growth, not a year's.
        g = ((1 + c.value / 100) ** (1 / years) - 1) * 100
        return round(g, 2), f"(1 + {c.value:g}%)^(1/{years}) − 1 = {g:.2f}%"
    if c.reading == "growth":
        return c.value, ""
    if c.reading == "multiple":
        g = (c.value ** (1 / years) - 1) * 100
        return round(g, 2), f"({c.value:g})^(1/{years}) − 1 = {g:.2f}%"
    if "年均" in c.quote or c.role == "milestone":
        return -c.value, ""
    g = ((1 - c.value / 100) ** (1 / years) - 1) * 100
    return round(g, 2), f"(1 − {c.value:g}%)^(1/{years}) − 1 = {g:.2f}%"


def _number(c: Candidate, value: float, formula: str = "") -> dict:
    if formula:
        return {"value": value, "basis": "derived", "formula": formula, "quote": c.quote}
    return {"value": value, "basis": "reported", "quote": c.quote}


def goal_entry(c: Candidate, dynamic: str, base_year: int) -> dict | None:
    """A ``[[indicator.target]]``/``milestone`` table, or None (the reason set on ``c``)."""
    kind = _goal_kind(c, dynamic)
    years = c.year - base_year
    value, formula = (_growth_value(c, years) if kind == "growth" else (c.value, ""))
    direction = c.direction
    if kind == "growth" and direction == "hold":
        direction = "at_least"
    if kind == "growth" and c.reading == "decline":
        direction = "at_most"
    if kind == "level" and c.unit == "%" and not 0 <= value <= 100:
        drop(c, "not_percentage", value=value)
        return None
    c.kind, c.direction, c.status = kind, direction, "used"
    return {"year": c.year, "kind": kind, "direction": direction, **_number(c, value, formula)}


def history_entry(c: Candidate, unit: str) -> dict | None:
    """A ``[[indicator.history]]`` table for a 十四五 statement, or None."""
    measure = _HISTORY_MEASURE.get(c.reading)
    if c.reading == "growth":
        measure = "average_growth" if "年均" in c.quote else "change_pct"
    if c.reading == "share":
        measure = None
    value = c.value if c.reading not in ("decline",) else -c.value
    if c.readings:
        value = c.readings[0]  # 增长5倍 read strictly (×6); the other reading goes beside it
    if measure in ("total", "change", "level", "average_change") and c.unit_written not in ("%", "个百分点", "百分点"):
        value = convert(c.value_written, c.unit_written, unit)
    if measure is None or value is None:
        drop(c, "history_unheld")
        return None
    c.status = "used"
    out = {"start_year": 2020, "measure": measure, **_number(c, value)}
    if c.readings:
        out["readings"] = list(c.readings)
        out["note"], out["note_zh"] = twin("two_readings", times=c.value_written, used=c.readings[0],
                                           other=c.readings[1])
    return out


def _increment_goal(c: Candidate, baseline_c: Candidate | None, base_year: int) -> dict | None:
    # 新增规上工业企业15户 beside a 2025 level of 106: the goal is the level 121 (提高1个百分点 alike);
    # 年均提高1个百分点 to 2030 is 5 points.
    if baseline_c is None:
        drop(c, "addition_no_level")
        return None
    if c.reading != "increment" and c.unit_written not in ("个百分点", "百分点") and baseline_c.unit == "%":
        drop(c, "change_unit")
        return None
    years = c.year - base_year if c.reading == "average_change" else 1
    value = round(baseline_c.value + c.value * years, 6)
    direction = "at_least" if c.value >= 0 else "at_most"
    sign = "+" if c.value >= 0 else "−"
    step = f"{abs(c.value):g} × {years}" if years != 1 else f"{abs(c.value):g}"
    c.kind, c.direction, c.status = "level", direction, "used"
    return {"year": c.year, "kind": "level", "direction": direction, "value": value, "basis": "derived",
            "formula": f"{baseline_c.value:g} {sign} {step} = {value:g}",
            "quote": [baseline_c.quote, c.quote]}


def _goals(cands: list[Candidate], dynamic: str, base_year: int, baseline_c: Candidate | None) -> list[dict]:
    out = []
    for c in cands:
        additive = c.reading in _ADDITIONS
        g = _increment_goal(c, baseline_c, base_year) if additive else goal_entry(c, dynamic, base_year)
        if g is not None:
            out.append(g)
    return out


def _unknown_unit(ind: Draft1) -> str:
    levels = [c.unit for c in ind.cands if c.status != "dropped" and c.reading in ("level", "share")]
    # units are data in the plan's own language (亿元, 万人), so the blank to fill is Chinese too
    return levels[0] if levels else "(待填单位)"


def build_indicator(ind: Draft1, base_year: int, inherited_trend: Candidate | None = None) -> dict:
    """The plan-file table of one chosen indicator."""
    entry = BY_ID.get(ind.id)
    baseline_c = _first_baseline(ind)
    targets = _dedupe_goals(ind, "target")
    milestones = _dedupe_goals(ind, "milestone")
    unit = entry.unit if entry else _unknown_unit(ind)
    dynamic = _dynamic(ind, targets + milestones, unit)
    name = entry.name_zh if entry else ind.cands[0].name
    out: dict = {"id": ind.id, "name_zh": name, "name_en": entry.name_en if entry else f"{name} (to translate)",
                 "unit": unit, "area": entry.area if entry else "economy", "dynamic": dynamic}
    price = next((c.price_basis for c in ind.cands if c.price_basis), entry.price_basis if entry else "")
    if price and dynamic == "compound":
        out["price_basis"] = price
    goals_t = _goals(targets, dynamic, base_year, baseline_c)
    goals_m = _goals(milestones, dynamic, base_year, baseline_c)
    notes = _notes(ind, entry)
    trend_c = _trend(ind, dynamic) or inherited_trend
    if baseline_c is not None:
        baseline_c.status = "used"
        baseline = _number(baseline_c, baseline_c.value)
    else:
        baseline = placeholder_baseline(name, unit, dynamic, goals_t, goals_m, ind, trend_c, base_year)
    out["baseline"] = baseline
    if dynamic == "flow" and baseline.get("basis") == "reported":
        out["trend"] = dict(baseline)
    elif trend_c is not None:
        trend_c.status = "used"
        out["trend"] = _number(trend_c, -trend_c.value if trend_c.reading == "decline" else trend_c.value)
    if notes:
        out["note"], out["note_zh"] = joined(notes)
    out["target"], out["milestone"] = goals_t, goals_m
    out["history"] = [h for h in (history_entry(c, unit) for c in ind.by_role("history")) if h]
    return out


def _notes(ind: Draft1, entry) -> list[tuple[str, str]]:
    """The indicator's notes, each in English and Chinese."""
    flags = set().union(*(c.flags for c in ind.cands if c.status != "dropped"))
    words = {c.direction_word for c in ind.cands if c.status != "dropped"}
    codes = [code for code, applies in (("not_in_lexicon", entry is None), ("topic", "topic" in flags),
                                        ("pair", "pair" in flags), ("about", any("左右" in w for w in words)),
                                        ("aspirational", "aspirational" in flags),
                                        ("estimate", "estimate" in flags)) if applies]
    notes = [twin(code) for code in codes]
    converted = [c for c in ind.cands if c.status != "dropped" and c.unit_written != c.unit
                 and c.unit_written not in ("%", "个百分点", "倍")]
    if converted:
        c = converted[0]
        notes.append(twin("converted", written=c.value_written, unit_written=c.unit_written, value=c.value,
                          unit=c.unit))
    ranges = [c for c in ind.cands if c.status != "dropped" and c.high is not None]
    if ranges:
        notes.append(twin("range", low=ranges[0].value_written, high=ranges[0].high))
    return notes
