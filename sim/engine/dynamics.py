"""How indicators move: pure, vectorised functions over a leading scenario/draw axis.

Shapes: ``S`` scenarios (or Monte Carlo draws), ``n`` indicators, ``Y`` projected years.
A *driver* is the yearly pace a planner sets: growth [%/yr] for ``compound``, an addition
[unit/yr] for ``additive``, percentage points [pp/yr] for ``points``, or the yearly value
itself for ``flow``. No step bounds its result: a level leaving its indicator's domain is refused
for a deterministic scenario (:mod:`sim.engine.resolve`), and held at the bound, with a count,
only for random draws (``bounds`` of :func:`project_paths`). All functions keep the input dtype, so float32
Monte Carlo runs through the same code as float64 single projections.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

import numpy as np


def step_compound(prev: np.ndarray, growth_pct: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """Next level under compound growth: ``prev × (1 + g/100)``. [unit], g in [%/yr].

    ``out`` (an array the caller owns, possibly ``growth_pct`` itself) receives the result
    without temporaries; the arithmetic, and so every bit of the result, is the same."""
    if out is None:
        return prev * (1 + growth_pct / 100)
    np.divide(growth_pct, 100, out=out)
    out += 1
    out *= prev
    return out


def step_additive(prev: np.ndarray, addition: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """Next level after a fixed yearly addition [unit/yr]."""
    return prev + addition if out is None else np.add(prev, addition, out=out)


def step_points(prev: np.ndarray, points: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """Next percentage after a change in percentage points [%] (unbounded: see the module note)."""
    return prev + points if out is None else np.add(prev, points, out=out)


def step_flow(prev: np.ndarray, flow: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """A yearly flow does not accumulate in its own value: the year's value is the driver."""
    if out is None or out is flow:
        return flow
    np.copyto(out, flow)
    return out


STEPS: dict[str, Callable[..., np.ndarray]] = {
    "compound": step_compound,
    "additive": step_additive,
    "points": step_points,
    "flow": step_flow,
}


def project_paths(
    base: np.ndarray,
    drivers: np.ndarray,
    groups: Sequence[tuple[str, np.ndarray]],
    actuals: np.ndarray | None = None,
    bounds: tuple[np.ndarray, np.ndarray] | None = None,
    clipped: np.ndarray | None = None,
    out: np.ndarray | None = None,
    rows: np.ndarray | None = None,
    runs: Sequence[tuple[str, int, int, int]] | None = None,
) -> np.ndarray:
    """Carry base-year levels forward year by year.

    Parameters
    ----------
    base : ndarray, shape (n,)
        Base-year value of each driven indicator [indicator unit].
    drivers : ndarray, shape (S, n, Y)
        Yearly pace of each indicator [driver unit].
    groups : sequence of (dynamic, index array)
        Which of the ``n`` indicators follow which dynamic; together a permutation of 0..n-1.
    actuals : ndarray, shape (S or 1, n, Y), optional
        Observed values for projected years, NaN where none. An actual replaces the
        projection for its year and the path continues from it.
    bounds : (ndarray, ndarray), each shape (n,), optional
        Floor and ceiling of each indicator [indicator unit]: a level beyond one is held at it
        and the path continues from there (for Monte Carlo draws).
    clipped : ndarray of bool, shape (S, n), or (S, R) with ``rows``, optional
        Set True (never reset) for each draw and indicator held at a bound in some year; with
        ``rows``, indicator ``i`` is marked in column ``rows[i]``.
    out : ndarray, shape (Y + 1, R, S), optional
        Where to write the levels (year-major, draws last): row ``rows[i]`` receives indicator
        ``i``; other rows are left alone. Default: a new (Y + 1, n, S) array.
    rows : ndarray of int, shape (n,), optional
        Rows of ``out`` (default ``0..n-1``).
    runs : sequence of (dynamic, start, stop, row), optional
        :func:`dynamic_runs` of ``groups`` and ``rows``, computed once by the caller; an
        indicator in no run is not projected (its row keeps only the base year).

    Returns
    -------
    ndarray, shape (S, R, Y + 1)
        ``out`` seen draws first (a view).
    """
    S, n, Y = drivers.shape
    # Year-major with the draws last: each indicator's draws are one contiguous row, so every
    # step is a few long contiguous loops however many indicators there are. Drivers already
    # laid out as (Y, n, S) in memory (as the Monte Carlo makes them) are used without a copy.
    pace = np.ascontiguousarray(drivers.transpose(2, 1, 0))                # (Y, n, S)
    obs = None
    if actuals is not None and not np.isnan(actuals).all():
        obs = actuals.transpose(2, 1, 0)                                     # (Y, n, S or 1)
    if out is None:
        out = np.empty((Y + 1, n, S), dtype=drivers.dtype)
    rows = np.arange(n) if rows is None else np.asarray(rows, dtype=np.intp)
    out[0, rows] = np.asarray(base, dtype=drivers.dtype)[:, None]
    # Runs of neighbouring indicators step as contiguous blocks, read and written in place.
    runs = dynamic_runs(groups, rows) if runs is None else runs
    seen = None if obs is None else ~np.isnan(obs).all(axis=2)               # (Y, n): any actual
    check = None if bounds is None else _DomainCheck(bounds, n, drivers.dtype)
    blocks = [(STEPS[dyn], i, j, r, r + j - i, check is not None and bool(check.ceiling[i:j].any()))
              for dyn, i, j, r in runs]
    for t in range(Y):
        for step, i, j, r, e, ceiling in blocks:
            level = step(out[t, r:e], pace[t, i:j], out=out[t + 1, r:e])
            if seen is not None and seen[t, i:j].any():
                np.copyto(level, obs[t, i:j], where=~np.isnan(obs[t, i:j]))
            if check is not None:
                check.extremes(level, i, j, ceiling)
        if check is not None:
            for k in check.outside():
                _hold(out[t + 1, rows[k]], check.low[k], check.high[k],
                      None if clipped is None else clipped[:, rows[k]])
    return out.transpose(2, 1, 0)


class _DomainCheck:
    """Each row's least (and, under a ceiling, greatest) level of one year, gathered run by run,
    so that one comparison finds the few rows (if any) that left their domain (a NaN fails it)."""

    def __init__(self, bounds: tuple[np.ndarray, np.ndarray], n: int, dtype):
        self.low, self.high = (np.asarray(b, dtype=dtype) for b in bounds)
        # Rows never recorded (not projected, or under no ceiling) stay inside.
        self.least = np.full(n, np.inf, dtype=dtype)
        self.most = np.full(n, -np.inf, dtype=dtype)
        self.ceiling = np.isfinite(self.high)

    def extremes(self, level: np.ndarray, i: int, j: int, ceiling: bool = True) -> None:
        """Record the extremes of rows ``i``…``j − 1`` (``level``, shape (j − i, S)); the greatest
        only where ``ceiling`` (some of these rows have one)."""
        np.minimum.reduce(level, axis=1, out=self.least[i:j])
        if ceiling:
            np.maximum.reduce(level, axis=1, out=self.most[i:j])

    def outside(self) -> np.ndarray:
        return np.flatnonzero(~((self.least >= self.low) & (self.most <= self.high)))


def dynamic_runs(groups: Sequence[tuple[str, np.ndarray]], rows: np.ndarray,
                 skip: Collection[int] = ()) -> tuple[tuple[str, int, int, int], ...]:
    """Split ``groups`` into runs of neighbouring indicators whose rows are neighbours too.

    Parameters
    ----------
    groups, rows
        As for :func:`project_paths`.
    skip : collection of int
        Indicators to leave out of every run.

    Returns
    -------
    tuple of (dynamic, start, stop, row)
        Indicators ``start``…``stop − 1`` follow ``dynamic`` and go to rows ``row``,
        ``row + 1``…: each run steps as one contiguous block. In order of ``start``.
    """
    out: list[list] = []
    for dynamic, idx in groups:
        idx = sorted(int(i) for i in idx if int(i) not in skip)
        for k, i in enumerate(idx):
            if k and i == idx[k - 1] + 1 and rows[i] == rows[i - 1] + 1:
                out[-1][2] = i + 1
            else:
                out.append([dynamic, i, i + 1, int(rows[i])])
    return tuple(sorted((tuple(r) for r in out), key=lambda r: r[1]))


def hold_in_domain(level: np.ndarray, bounds: tuple[np.ndarray, np.ndarray],
                   clipped: np.ndarray | None = None, cols: np.ndarray | None = None) -> None:
    """Hold ``level`` (shape (n, S), in place) within ``bounds`` (floors and ceilings, shape (n,));
    where ``clipped`` (shape (S, m)) is given, mark the draws and indicators that were held, row
    ``i`` of ``level`` in column ``cols[i]`` (default ``i``)."""
    check = _DomainCheck(bounds, len(level), level.dtype)
    check.extremes(level, 0, len(level), bool(check.ceiling.any()))
    for r in check.outside():
        _hold(level[r], check.low[r], check.high[r],
              None if clipped is None else clipped[:, r if cols is None else cols[r]])


def _hold(row: np.ndarray, low, high, mark: np.ndarray | None) -> None:
    """Hold one row of draws within [low, high] in place (NaN to the floor), marking held draws."""
    if mark is not None:
        mark |= (row < low) | (row > high) | np.isnan(row)
    np.clip(row, low, high, out=row)
    np.copyto(row, low, where=np.isnan(row))


def hold_part(base: np.ndarray, paces: np.ndarray, dynamic: str, cap: np.ndarray,
              domain: tuple[float, float], observed: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """A part's levels held at or below its whole (``[[links.within]]``), year by year, each year
    stepping on from the level held the year before, as a level held at its domain does.

    Parameters
    ----------
    base : ndarray, shape (S,)
        The part's base-year level [unit].
    paces : ndarray, shape (Y, S)
        Its driver in each projected year [driver unit].
    dynamic : str
        How it moves (a key of :data:`STEPS`).
    cap : ndarray, shape (Y, S)
        The most it can be each year: scale × the whole's level [unit].
    domain : (float, float)
        Its floor and ceiling [unit].
    observed : ndarray, shape (Y, S) or (Y, 1), optional
        Observed levels, NaN where none: they replace the step, and are held like any level.

    Returns
    -------
    levels : ndarray, shape (Y, S)
    held : ndarray of bool, shape (S,)
        The draws (scenarios) held at their cap in some year.
    """
    level = np.asarray(base, dtype=paces.dtype)
    levels = np.empty_like(paces)
    held = np.zeros(paces.shape[1], dtype=bool)
    for t in range(len(paces)):
        nxt = STEPS[dynamic](level, paces[t])
        if observed is not None:
            nxt = np.where(np.isnan(observed[t]), nxt, observed[t])
        nxt = np.clip(nxt, domain[0], domain[1])
        over = nxt > cap[t]
        held |= over
        levels[t] = level = np.where(over, cap[t], nxt)
    return levels, held


def shift_growth(growth_pct: np.ndarray, log_points: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """Growth [%/yr] after moving its factor ``1 + g/100`` by ``log_points`` on the log scale
    (``(100 + g)·exp(x) − 100``): how uncertainty deviates a compound driver, never below −100 %.
    Keeps the dtype of ``log_points``; ``out`` (possibly ``log_points`` itself) receives the result."""
    grown = np.exp(log_points, out=out)
    grown *= 100 + growth_pct
    grown -= 100
    return grown


def derive(inputs: Sequence[np.ndarray], op: str, scale: float = 1.0, out: np.ndarray | None = None) -> np.ndarray:
    """Value of a derived indicator from its inputs' paths.

    Parameters
    ----------
    inputs : sequence of ndarray, each shape (S, Y + 1)
    op : {"sum", "ratio", "share"}
        ``sum`` of all inputs; ``ratio`` first / second × ``scale``; ``share`` first / second × 100 [%].
    out : ndarray, optional
        Receives the result (none of ``inputs``); the arithmetic, and every bit, is the same.
    """
    if op == "sum":
        if out is None:
            out = inputs[0].copy()
        else:
            np.copyto(out, inputs[0])
        for x in inputs[1:]:
            out += x
        return out
    num, den = inputs
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.divide(num, den, out=out)
    if out is None:
        return ratio * (100 if op == "share" else scale)
    out *= 100 if op == "share" else scale
    return out


def average_growth(start: np.ndarray, end: np.ndarray, years: int | np.ndarray) -> np.ndarray:
    """Average annual growth from ``start`` to ``end`` over ``years`` [%/yr] (no guard: a zero
    start gives inf, as the target check's measure expects)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return (np.power(end / start, 1.0 / years) - 1) * 100


def growth_goal(start: np.ndarray, growth_pct: np.ndarray, years: int | np.ndarray) -> np.ndarray:
    """Level reached from ``start`` after ``years`` at ``growth_pct`` [%/yr] a year [unit]."""
    return start * (1 + np.asarray(growth_pct) / 100) ** years


def _growth_between(start: np.ndarray, end: np.ndarray, years) -> np.ndarray:
    """Average growth [%/yr] between two positive levels, NaN unless both are positive."""
    growth = (np.power(end / start, 1.0 / years) - 1) * 100
    return np.where((start > 0) & (end > 0), growth, np.nan)


def pace(dynamic, start, end, years):
    """The constant pace that takes ``start`` to ``end`` in ``years`` [driver unit]: the one
    growth, addition or pace formula of the project (every other module calls this).

    Parameters
    ----------
    dynamic : str or array of str
        ``compound``: average growth [%/yr], NaN unless both levels are positive;
        ``additive`` / ``points``: the average change [unit/yr, pp/yr];
        ``flow``: a flow's driver *is* its yearly value (:func:`step_flow`), so the constant
        pace that gives ``end`` in the end year is ``end`` itself [unit/yr], whatever ``start``
        (this is what the plan rule and the target check use for a level target on a flow).
        For cumulative amounts of a flow pass ``additive``: the pace is then the mean yearly flow.
    start, end : array_like
        Levels [indicator unit].
    years : array_like of int
        Years between them; NaN where ≤ 0.

    Returns
    -------
    float for scalar input, else ndarray (broadcast of the inputs).
    """
    start, end, years = np.asarray(start, dtype=float), np.asarray(end, dtype=float), np.asarray(years)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        if isinstance(dynamic, str):                 # one dynamic: compute only its formula
            if dynamic == "compound":
                out = _growth_between(start, end, years)
            elif dynamic == "flow":
                out = np.where(years > 0, end, np.nan)
            else:
                out = (end - start) / years
        else:
            dyn = np.asarray(dynamic)
            out = np.where(dyn == "compound", _growth_between(start, end, years),
                           np.where(dyn == "flow", end, (end - start) / years))
    if (years <= 0).any():
        out = np.where(years > 0, out, np.nan)
    return float(out) if out.ndim == 0 else out


def path_pace(dynamic: str, paces: np.ndarray) -> np.ndarray:
    """The constant pace equivalent to a per-year path of ``paces`` (last axis) [driver unit]:
    the one that ends at the same level (for ``compound``: the geometric mean growth; for the
    others: the mean, which for a flow is the mean yearly value)."""
    paces = np.asarray(paces, dtype=float)
    if dynamic == "compound":
        return pace("compound", 1.0, np.prod(step_compound(1.0, paces), axis=-1), paces.shape[-1])
    return paces.mean(axis=-1)


def levels_pace(dynamic: str, levels: np.ndarray) -> np.ndarray:
    """The constant pace equivalent to a path of ``levels`` (last axis: the start level, then one
    per year) [pace unit]: :func:`path_pace` for an indicator known by its levels, such as a sum
    whose pace is no one driver's (for ``flow``: the mean yearly value after the start)."""
    levels = np.asarray(levels, dtype=float)
    if dynamic == "flow":
        return levels[..., 1:].mean(axis=-1)
    return pace(dynamic, levels[..., 0], levels[..., -1], levels.shape[-1] - 1)


def required_pace(dynamic: str, start: np.ndarray, target: np.ndarray, years: np.ndarray,
                  every_year: bool = False) -> np.ndarray:
    """Constant pace needed to reach ``target`` from ``start`` (closed form).

    Parameters
    ----------
    dynamic : str
        ``compound`` gives % per year; the others give units (or points) per year.
        For ``flow`` the answer is the yearly value ``target`` itself (see :func:`pace`); for a
        cumulative target pass ``additive`` with cumulative amounts.
    start, target : ndarray
        Last known level and the level to reach [indicator unit].
    years : ndarray of int
        Years left until the target year (≥ 1).
    every_year : bool
        True for ``hold`` targets: the level must be at least ``target`` in every
        remaining year, so the pace must reach it after one year if it starts below.

    Returns
    -------
    ndarray
        The pace, NaN where no finite pace exists (e.g. compound from a zero level).
    """
    years = np.asarray(years)
    if not every_year:
        return pace(dynamic, start, target, years)
    # A straight or compound path is monotone, so the binding year is the first when
    # starting below the target and the last when starting above it.
    below = np.asarray(start) < np.asarray(target)
    return np.where(below, pace(dynamic, start, target, 1), pace(dynamic, start, target, years))
