"""The arithmetic of one history statement (增长5倍, 年均增长8%, 累计…): the rounding a printed
number stands for, and the start level and average pace a statement implies, with every pace
from :func:`sim.engine.dynamics.pace` (see the table in :mod:`sim.review.history`).
"""

from __future__ import annotations

import math

import numpy as np

from sim.engine import dynamics
from sim.engine.dynamics import STEPS, step_compound
from sim.io.plan import Sourced

NAN = float("nan")


def rounding(value: float) -> float:
    """Half a unit in the last printed decimal of ``value`` (3.2 → 0.05, 16 → 0.5) [unit].

    The report prints numbers rounded; a printed 3.2 stands for anything in [3.15, 3.25].
    The decimals are those of the shortest form of the value (as written in the plan file).
    """
    text = f"{abs(value):.10g}"
    if "e" in text:
        return 0.0
    decimals = len(text.split(".")[1]) if "." in text else 0
    return 0.5 * 10.0 ** -decimals


def bound(number: Sourced) -> str:
    """``≥`` if the report's words say 以上 (at least), ``≤`` for 以内/以下, else ``=``."""
    words = "".join(number.quote)
    if "以上" in words:
        return "≥"
    if "以内" in words or "以下" in words:
        return "≤"
    return "="


# --------------------------------------------------------------------------- pure arithmetic

def _pace(dyn: str, start: float, end: float, n: int) -> float:
    """Average pace between two levels of a history statement [driver unit, or %/yr for a flow]:
    :func:`sim.engine.dynamics.pace`, except that a flow's yearly values are interpolated as a
    compounding series (its mean yearly value is taken afterwards, see the module notes)."""
    return dynamics.pace("compound" if dyn == "flow" else dyn, start, end, n)


def _total_pace(dyn: str, end: float, total: float, n: int) -> tuple[float, float]:
    """Constant pace (and start level) whose ``n`` yearly values ending at ``end`` sum to ``total``."""
    if not math.isfinite(end) or n < 2:
        return NAN, NAN
    if dyn in ("additive", "points"):
        step = (n * end - total) / (n * (n - 1) / 2)
        return step, end - n * step
    if end <= 0 or total <= end:
        return NAN, NAN

    def gap(g: float) -> float:
        return sum(end / dynamics.growth_goal(1.0, g, k) for k in range(n)) - total

    from scipy.optimize import brentq  # here, not at the top: every command would pay its import

    if gap(-99.0) * gap(10_000.0) > 0:  # a total no pace in the bracket gives (1e308): no reading, not a traceback
        return NAN, NAN
    g = brentq(gap, -99.0, 10_000.0, xtol=1e-12)
    return g, end / dynamics.growth_goal(1.0, g, n)


def start_and_pace(dyn: str, measure: str, value: float, end: float, n: int) -> tuple[float, float]:
    """Start level [unit] and average pace [driver unit] of one statement (NaN where none).

    Parameters
    ----------
    dyn : str
        ``compound``, ``additive``, ``points`` or ``flow`` (flows: see the module notes).
    measure : str
        One of :data:`sim.io.plan.HISTORY_MEASURES`.
    value : float
        The stated value in the measure's unit.
    end : float
        Level in the end year [unit]; NaN if unknown (some measures still give the pace).
    n : int
        Years from the start year to the end year.
    """
    lin = dyn in ("additive", "points")
    if measure in ("multiple", "change_pct"):
        factor = value if measure == "multiple" else step_compound(1.0, value)
        start = end / factor if factor > 0 else NAN
        pace = _pace(dyn, start, end, n) if lin else dynamics.pace("compound", 1.0, factor, n)
    elif measure == "level":
        start, pace = value, _pace(dyn, value, end, n)
    elif measure == "change":
        start = end - value
        pace = value / n if lin else _pace(dyn, start, end, n)
    elif measure == "average_growth":
        start = end / dynamics.growth_goal(1.0, value, n)
        pace = (end - start) / n if lin else value
    elif measure == "average_change":
        start = end - n * value
        pace = value if lin else _pace(dyn, start, end, n)
    elif measure == "total":
        pace, start = _total_pace(dyn, end, value, n)
    else:
        raise ValueError(f"unknown measure {measure!r}")
    if dyn == "flow" and math.isfinite(pace):
        pace = value / n if measure == "total" else float(np.mean(constant_path("compound", start, pace, n)[1:]))
    return start, pace


def constant_path(dyn: str, start: float, pace: float, n: int) -> np.ndarray:
    """Levels from the start year to the end year at a constant ``pace``, shape (n + 1,) [unit]."""
    step = STEPS["compound" if dyn == "flow" else dyn]
    out = np.empty(n + 1)
    out[0] = start
    for k in range(n):
        out[k + 1] = step(np.float64(out[k]), np.float64(pace))
    return out


def measure_of(measure: str, path: np.ndarray) -> float:
    """What a statement of ``measure`` would say about a path of levels (start year first)."""
    n = len(path) - 1
    start, end = float(path[0]), float(path[-1])
    return {
        "level": lambda: start,
        "multiple": lambda: end / start,
        "change_pct": lambda: (end / start - 1) * 100,  # a five-year change, not a yearly pace
        "change": lambda: end - start,
        "average_growth": lambda: dynamics.pace("compound", start, end, n),
        "average_change": lambda: (end - start) / n,
        "total": lambda: float(np.sum(path[1:])),
    }[measure]()
