"""An audit finding and the arithmetic of printed numbers: rounding intervals, corner-wise
evaluation, what counts as a material difference, and the words a finding is written in.

The rules that produce findings are in :mod:`sim.review.audit_levels` and
:mod:`sim.review.audit_paces`; :mod:`sim.review.audit` runs them.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from sim.io.plan import Plan, Sourced
from sim.review.history import (
    base_level,
    rounding,
)

SEVERITIES = ("error", "warning", "info")
SEVERITY_ZH = {"error": "矛盾", "warning": "需关注", "info": "提示"}
#: Each audit rule (:data:`sim.review.audit.RULES`) in Chinese, for the ``rule`` column of a Chinese table.
RULE_ZH = {
    "stated_growth": "水平与增速", "parts_whole": "总量与构成", "parts_targets": "构成目标与总量目标",
    "hold_at_base": "保持目标与基期", "milestone_path": "年度目标与规划目标", "pace_history": "所需速度与过去速度",
    "cumulative": "累计目标", "history_statements": "历史表述之间", "below_base": "低于基期",
    "readings": "多种理解", "links": "联动",
}
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


def level_and_basis(plan: Plan, ind_id: str) -> tuple[float, tuple[Sourced, ...]]:
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


