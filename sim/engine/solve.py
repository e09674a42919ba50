"""The one shared pace of a derived target: the single pace that, given to every free driver
under a derived indicator (GDP's three sectors, cattle's dairy and beef herds), meets its target.

Used by the plan rule (:mod:`sim.engine.rules`) and the target check's required pace
(:mod:`sim.engine.targets`). One vectorised bracketing root search (Chandrupatla, from
:mod:`scipy.optimize.elementwise`) on one bracket per dynamic, :data:`BRACKETS`: a pace
outside it is not a plan anyone would write, and the answer is then NaN (unreachable).
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import elementwise

from sim.engine.kernel import CompiledPlan, project_array
from sim.engine.measure import compared_value
from sim.io.plan import Target

#: Search interval for a shared pace [driver unit]: −60…200 %/yr for growth (a sector that
#: shrinks by more than half or triples in a year is outside any plan), −50…50 points a year
#: for percentages (wider than the 0–100 scale allows in a year); ±10⁶ units a year otherwise.
BRACKETS = {"compound": (-60.0, 200.0), "points": (-50.0, 50.0)}
WIDE = (-1e6, 1e6)
#: Absolute and relative tolerance on the pace [driver unit].
XATOL, XRTOL = 1e-12, 1e-14


def bracket(dynamic: str) -> tuple[float, float]:
    """The search interval for a shared pace of ``dynamic`` [driver unit]."""
    return BRACKETS.get(dynamic, WIDE)


def find_pace(residual, n: int, dynamic: str) -> np.ndarray:
    """Root of ``residual(x, idx)`` for ``n`` independent problems, shape (n,), NaN where the
    bracket of ``dynamic`` holds no sign change.

    ``residual`` takes trial paces ``x`` and the problems' positions ``idx`` (same shape, ints)
    and returns the shortfall for each.
    """
    lo, hi = bracket(dynamic)
    idx = np.arange(n)
    f_lo, f_hi = residual(np.full(n, lo), idx), residual(np.full(n, hi), idx)
    out = np.full(n, np.nan)
    sel = np.flatnonzero(np.sign(f_lo) != np.sign(f_hi))
    if sel.size:
        res = elementwise.find_root(lambda x, i: residual(x, i.astype(np.intp)),
                                    (np.full(sel.size, lo), np.full(sel.size, hi)),
                                    args=(sel.astype(float),), tolerances={"xatol": XATOL, "xrtol": XRTOL})
        out[sel] = np.where(res.success, res.x, np.nan)
    return out


def shared_pace(sub: CompiledPlan, row: int, target: Target, drivers: np.ndarray, free: np.ndarray,
                actuals: np.ndarray | None, dynamic: str) -> np.ndarray:
    """The one pace per scenario that, put in every ``free`` slot, meets ``target`` exactly.

    Parameters
    ----------
    sub : CompiledPlan
        The plan (or :func:`~sim.engine.kernel.subplan`) to project.
    row : int
        Row of the target's indicator in ``sub``.
    drivers : ndarray, shape (S, D, Y)
        Driver paths of ``sub``; kept where ``free`` is False [driver unit].
    free : ndarray of bool, shape (S or 1, D, Y)
        The slots that take the shared pace.
    actuals : ndarray, shape (S or 1, I, Y), optional
    dynamic : str
        The drivers' common dynamic (chooses the bracket).

    Returns
    -------
    ndarray, shape (S,)
        The pace [driver unit]; NaN where no pace in :func:`bracket` meets the target.
    """
    k = target.year - sub.years[0]
    S = drivers.shape[0]
    free = np.broadcast_to(free, drivers.shape)
    acts = None if actuals is None else np.broadcast_to(actuals, (S, *actuals.shape[1:]))

    def residual(x, idx):
        d = np.where(free[idx], x[:, None, None], drivers[idx])
        values = project_array(sub, d, None if acts is None else acts[idx])[:, row]
        return compared_value(target, values, k) - target.value

    return find_pace(residual, S, dynamic)
