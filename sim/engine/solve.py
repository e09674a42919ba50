"""The one shared pace of a derived target: the single pace that, given to every free driver
under a derived indicator (GDP's three sectors, cattle's dairy and beef herds), meets its target.

Used by the plan rule (:mod:`sim.engine.rules`) and the target check's required pace
(:mod:`sim.engine.targets`). One vectorised bracketing root search (Chandrupatla's method, in
plain numpy: importing :mod:`scipy.optimize` for it would cost every command about half a
second) on one bracket per dynamic, :data:`BRACKETS`: a pace outside it is not a plan anyone
would write, and the answer is then NaN (unreachable). A test checks the answers against
:func:`scipy.optimize.elementwise.find_root`.
"""

from __future__ import annotations

import numpy as np

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
#: Iterations before giving up (Chandrupatla converges in a few dozen on any bracket here).
MAXITER = 200


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
        out[sel] = chandrupatla(residual, np.full(sel.size, lo), np.full(sel.size, hi), f_lo[sel], f_hi[sel], sel)
    return out


def chandrupatla(residual, a: np.ndarray, b: np.ndarray, fa: np.ndarray, fb: np.ndarray,
                 idx: np.ndarray) -> np.ndarray:
    """Roots of ``residual(x, idx)`` inside brackets ``[a, b]`` whose ends differ in sign, shape (n,).

    Chandrupatla (1997), "A new hybrid quadratic/bisection algorithm for finding the zero of a
    nonlinear function without using derivatives": inverse quadratic interpolation while the
    three last points allow it, bisection otherwise; each problem stops on its own once its
    bracket is narrower than ``XATOL + XRTOL·|x|`` or its residual is exactly 0. Problems
    still open after :data:`MAXITER` steps give NaN.
    """
    a, b, fa, fb = (np.asarray(v, dtype=float).copy() for v in (a, b, fa, fb))
    out = np.full(a.shape, np.nan)
    open_ = np.arange(a.size)
    c, fc = a.copy(), fa.copy()
    t = np.full(a.shape, 0.5)
    for _ in range(MAXITER):
        x = a + t * (b - a)
        fx = residual(x, idx[open_])
        same = np.sign(fx) == np.sign(fa)
        # keep the bracket [a, b] around the root; c is the point dropped
        c, fc = np.where(same, a, b), np.where(same, fa, fb)
        b, fb = np.where(same, b, a), np.where(same, fb, fa)
        a, fa = x, fx
        best = np.where(np.abs(fa) < np.abs(fb), a, b)
        tol = 2 * (XATOL + XRTOL * np.abs(best)) / np.abs(b - a)
        done = (tol > 0.5) | (fa == 0) | (fb == 0) | ~np.isfinite(tol)
        if done.any():
            out[open_[done]] = np.where(fa[done] == 0, a[done], best[done])
            keep = ~done
            open_, a, b, c, fa, fb, fc = (v[keep] for v in (open_, a, b, c, fa, fb, fc))
            tol = tol[keep]
            if not open_.size:
                break
        with np.errstate(divide="ignore", invalid="ignore"):
            xi = (a - b) / (c - b)
            phi = (fa - fb) / (fc - fb)
            iqi = (phi * phi < xi) & ((1 - phi) ** 2 < 1 - xi)
            t_iqi = (fa / (fb - fa) * fc / (fb - fc)
                     + (c - a) / (b - a) * fa / (fc - fa) * fb / (fc - fb))
        t = np.clip(np.where(iqi, t_iqi, 0.5), tol, 1 - tol)
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
