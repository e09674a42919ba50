"""Evaluating links inside the kernel: a linked driver's pace is computed from its inputs'
growth in the same year, so one run, a sweep and every Monte Carlo draw carry a shock through
the same links.

Convention: a linked driver's pace is NaN in the drivers array handed to
:func:`sim.engine.kernel.project_array`; :func:`follow_links` replaces it with
``Σ eᵢ × gᵢ`` (growth of each input moved onto the linked indicator's price basis with the
deflator driver) and projects the linked indicator again. A number where NaN would be means
the driver is set by hand: the link is off for that run.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from sim.engine.dynamics import derive, project_paths
from sim.io.links import REAL_BASES, Link, link_order


@dataclass(frozen=True)
class CompiledLink:
    """One link as index arrays.

    Attributes
    ----------
    d : int
        Driver position of the linked indicator.
    row : int
        Its row in the indicator axis.
    base : float
        Its base-year value [indicator unit].
    terms : tuple of (row, elasticity, conversion)
        Input row, elasticity [pp/pp] and price conversion (+1 real → nominal, −1 nominal →
        real, 0 none).
    deflator : int
        Row of the deflator indicator (−1 if no term converts).
    downstream : tuple of (row, op, input rows, scale)
        Derived indicators that depend on the linked one, in dependency order.
    """

    d: int
    row: int
    base: float
    terms: tuple[tuple[int, float, int], ...]
    deflator: int
    downstream: tuple[tuple[int, str, tuple[int, ...], float], ...] = ()


def conversion(source_basis: str, target_basis: str) -> int:
    """+1 when real (or volume) growth must become nominal, −1 for the reverse, 0 when alike."""
    src_real, tgt_real = source_basis in REAL_BASES, target_basis in REAL_BASES
    return 0 if src_real == tgt_real else (1 if src_real else -1)


def compile_links(plan) -> tuple[CompiledLink, ...]:
    """The plan's links whose indicator, inputs and deflator are all in ``plan``, in order."""
    if not plan.links.follow:
        return ()
    inside = tuple(link for link in plan.links.follow
                   if link.indicator in plan.driver_index and all(x in plan.index for x in link.inputs))
    out = []
    for link in link_order(replace(plan.links, follow=inside), plan.by_id):
        ind = plan.by_id[link.indicator]
        terms = tuple((plan.index[x], e, conversion(plan.by_id[x].price_basis, ind.price_basis))
                      for x, e in zip(link.inputs, link.elasticities, strict=True))
        defl = plan.index.get(plan.links.deflator, -1)
        if defl < 0 and any(c for _, _, c in terms):
            continue
        out.append(CompiledLink(d=plan.driver_index[ind.id], row=plan.index[ind.id],
                                base=ind.baseline.value, terms=terms, deflator=defl,
                                downstream=_downstream(plan, ind.id)))
    return tuple(out)


def _downstream(plan, ind_id: str) -> tuple[tuple[int, str, tuple[int, ...], float], ...]:
    """Derived indicators fed (directly or not) by ``ind_id``, as the kernel's derived entries."""
    fed = {ind_id}
    out = []
    for ind in plan.derived_order:
        if fed & set(ind.inputs):
            fed.add(ind.id)
            out.append((plan.index[ind.id], ind.op, tuple(plan.index[x] for x in ind.inputs), ind.scale))
    return tuple(out)


def linked_growth(link: CompiledLink, values: np.ndarray, memo: dict | None = None) -> np.ndarray:
    """The pace a link gives in each projected year [%/年], shape (Y, S).

    Parameters
    ----------
    values : ndarray, shape (Y + 1, I, S)
        Levels, year-major, base year first [indicator unit].
    memo : dict, optional
        Growth factors already computed from the same ``values`` (filled here), so that links
        sharing an input (revenue and both incomes follow GDP) divide its levels once; the
        caller drops the entries of a row it changes. The result is the same bit for bit.
    """
    memo = {} if memo is None else memo
    growth = np.zeros_like(values[1:, 0])
    for row, elasticity, conv in link.terms:
        g = np.subtract(_factor(link, values, row, conv, memo), 1)
        g *= elasticity
        growth += g
    growth *= 100
    return growth


def _factor(link: CompiledLink, values: np.ndarray, row: int, conv: int, memo: dict) -> np.ndarray:
    """Yearly growth factor of ``row`` moved onto the link's price basis, (Y, S); memoised."""
    key = (row, conv)
    if key not in memo:
        memo[key] = g = values[1:, row] / values[:-1, row]
        if conv:
            price = _factor(link, values, link.deflator, 0, memo)
            if conv > 0:
                g *= price
            else:
                g /= price
    return memo[key]


def follow_links(compiled, drivers: np.ndarray, obs: np.ndarray | None, values: np.ndarray,
                 paces: np.ndarray | None = None, hold=None, clipped: np.ndarray | None = None,
                 follow: list[np.ndarray] | None = None) -> None:
    """Replace the levels of linked drivers (NaN pace) in ``values``, in place.

    Parameters
    ----------
    compiled : CompiledPlan
    drivers : ndarray, shape (S, D, Y)
        Paces, NaN where a driver follows its link [driver unit].
    obs : ndarray, shape (S or 1, D, Y), optional
        Observed values of the drivers (NaN where none).
    values : ndarray, shape (Y + 1, I, S)
        Every indicator's level, updated in place.
    paces : ndarray, shape (S, D, Y), optional
        If given, receives the pace each linked driver followed [%/年].
    hold : callable, optional
        Given, each linked level is held within its indicator's domain year by year (the path
        continuing from the bound, as :func:`~sim.engine.dynamics.project_paths` does), and
        ``hold`` is called with each derived row this recomputes, once set and before anything
        is derived from it (the kernel holds a draw's level within its domain there).
    clipped : ndarray of bool, shape (S, I), optional
        With ``hold``: a linked row's marks start afresh (its first pass had no pace) and are
        set for each draw held at a bound in some year.
    follow : list of ndarray of bool, shape (S, Y) each, optional
        ``np.isnan`` of each link's driver paces, when the caller has them already.
    """
    memo: dict = {}
    for k, link in enumerate(compiled.links):
        own = drivers[:, link.d]                                           # (S, Y)
        fol = np.isnan(own) if follow is None else follow[k]
        if not fol.any():
            continue
        pace = linked_growth(link, values, memo)                             # (Y, S)
        if not fol.all():                              # some rows set this driver by hand
            pace = np.where(fol.T, pace, own.T)
        if paces is not None:
            paces[:, link.d] = pace.T
        seen = None if obs is None else obs[:, link.d:link.d + 1]
        row = np.array([link.row])
        bounds = None if hold is None else (compiled.low[row], compiled.high[row])
        if bounds is not None and clipped is not None:
            clipped[:, link.row] = False
        project_paths(np.array([link.base], dtype=values.dtype), pace.T[:, None, :], (("compound", np.array([0])),),
                      seen, bounds, None if bounds is None else clipped, out=values, rows=row)
        changed = {link.row}
        for row, op, inputs, scale in link.downstream:
            derive([values[:, r] for r in inputs], op, scale, out=values[:, row])
            if hold is not None:
                hold(row)
            changed.add(row)
        if changed & {other.deflator for other in compiled.links}:
            memo.clear()
        for key in [key for key in memo if key[0] in changed]:
            del memo[key]


def fill_linked(compiled, drivers: np.ndarray, values: np.ndarray) -> np.ndarray:
    """``drivers`` (S, D, Y) with each NaN pace of a linked driver replaced by the pace its link
    gave in ``values`` (S, I, Y + 1) [%/年]: what a kept Monte Carlo draw reports."""
    out = np.array(drivers, copy=True)
    levels = values.transpose(2, 1, 0)
    for link in compiled.links:
        nan = np.isnan(out[:, link.d])
        if nan.any():
            out[:, link.d] = np.where(nan, linked_growth(link, levels).T, out[:, link.d])
    return out


def relink(stack: np.ndarray, linked: np.ndarray | None, shifted: list[int]) -> np.ndarray:
    """NaN (follow the link) for every linked driver in every row of a sensitivity stack
    (1 + R, D, Y), except in the rows that move that driver itself (set by hand there).

    ``shifted[r]`` is the driver moved in row ``r + 1``; row 0 is the scenario itself.
    """
    if linked is None or not linked.any():
        return stack
    own = np.zeros(stack.shape[:2], dtype=bool)
    own[np.arange(1, len(shifted) + 1), shifted] = True
    stack[linked[None, :] & ~own] = np.nan
    return stack


def source_pace(link: Link, plan, pace: float, deflator: float) -> float:
    """The pace of a link's single input that gives the linked indicator ``pace`` [%/年].

    The inverse of :func:`linked_growth` for one input: ``g = pace / e`` on the linked
    indicator's price basis, then moved back onto the input's basis with ``deflator`` [%/年].
    """
    (x,), (e,) = link.inputs, link.elasticities
    g = pace / e / 100
    conv = conversion(plan.by_id[x].price_basis, plan.by_id[link.indicator].price_basis)
    if conv > 0:
        g = (1 + g) / (1 + deflator / 100) - 1
    elif conv < 0:
        g = (1 + g) * (1 + deflator / 100) - 1
    return g * 100


__all__ = ["CompiledLink", "compile_links", "conversion", "fill_linked", "follow_links", "linked_growth", "relink",
           "source_pace"]
