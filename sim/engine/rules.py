"""Rules that set drivers no scenario sets: the plan's own pace, or the 2025 trend.

``plan``
    Each driver at the pace the plan states or needs: a stated growth target is used as
    stated; a level or cumulative target gives the constant pace that reaches it exactly;
    a 2026 milestone sets the pace of 2026 (a growth milestone, 地区生产总值增长6%, is the
    stated growth; a level milestone gives the pace that reaches it), and the years after it
    take the pace from the milestone to the 2030 target (for growth targets, never below the
    stated rate). Drivers that feed a derived target or milestone (GDP from its three sectors,
    cattle from dairy and beef) share the one pace that meets it, solved by
    :func:`sim.engine.solve.shared_pace`: first up to each milestone, then on to the target. Drivers about which
    the plan says nothing keep the 2025 trend if the report gives one, else hold still.
``trend``
    The pace the report observed in 2025 continues where it states one; elsewhere ``plan``.

Links (:mod:`sim.io.links`): under either rule a linked driver follows its link, unless a
scenario sets it by hand (:func:`apply_links`). The ``plan`` rule accounts for links: where a
linked indicator has its own growth target and follows one input that no target binds (规上工业
following 二产), that input takes the pace the link needs to meet the target, and the other free
drivers under a derived target share what remains; a derived sum with a declared balancing
part (综合能源装机's “other”) meets its target through that part alone.

Every path comes with a label saying which of these applied, so outputs can say which is which.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from sim.engine.dynamics import STEPS, growth_goal, required_pace
from sim.engine.kernel import compile_plan, project_array, subplan
from sim.engine.label import Label
from sim.engine.links import follow_links, source_pace
from sim.engine.solve import shared_pace
from sim.io.schema import RULES


def rule_paths(plan, rule: str, horizon: int) -> tuple[np.ndarray, tuple[str, ...]]:
    """Driver paths (D, Y) and labels under ``rule`` (``plan`` or ``trend``)."""
    if rule not in RULES:
        raise ValueError(f"unknown rule {rule!r}; expected one of {RULES}")
    paths, labels = _cached(plan, rule, horizon)
    return paths.copy(), labels


@lru_cache(maxsize=32)
def _cached(plan, rule: str, horizon: int):
    paths, labels = _plan_paths(plan, horizon)
    if rule == "trend":
        labels = list(labels)
        for d, ind in enumerate(plan.drivers):
            if ind.trend is not None:
                paths[d] = ind.trend.value
                labels[d] = (Label("trend_reported") if ind.trend.basis == "reported"
                             else Label("trend_other", basis=ind.trend.basis, note_en=ind.trend.note,
                                        note_zh=ind.trend.reason_zh or ind.trend.note))
            else:
                labels[d] = Label("trend_missing", rule=labels[d])
        labels = tuple(labels)
    paths.setflags(write=False)
    return paths, labels


def hold_pace(dynamic: str, level: float) -> float:
    """The pace that keeps an indicator where it is (a flow keeps its yearly value)."""
    return level if dynamic == "flow" else 0.0


def advance(dynamic: str, level: float, pace: float, years: int) -> float:
    """Level after ``years`` at a constant ``pace`` (for flows: the cumulative added)."""
    if dynamic == "flow":
        return pace * years
    value = np.float64(level)
    for _ in range(years):
        value = STEPS[dynamic](value, np.float64(pace))
    return float(value)


def _clamp(direction: str, pace: float, still: float) -> float:
    # The plan asks to reach a level, not to fall back towards it.
    if direction in ("at_least", "hold"):
        return max(pace, still)
    return min(pace, still)


def _plan_paths(plan, horizon: int) -> tuple[np.ndarray, tuple[str, ...]]:
    base = plan.base_year
    n_years = horizon - base
    paths = np.zeros((len(plan.drivers), n_years))
    labels: list[str] = []
    free: list[int] = []
    for d, ind in enumerate(plan.drivers):
        path, label, is_free = _own_path(ind, base, n_years)
        paths[d] = path
        labels.append(label)
        if is_free:
            free.append(d)
    _pin_link_inputs(plan, paths, labels, free)
    _share_derived_targets(plan, paths, labels, free)
    return paths, tuple(labels)


def _own_path(ind, base: int, n_years: int) -> tuple[np.ndarray, str, bool]:
    """Path from the indicator's own milestones and target; ``is_free`` if it has no target."""
    dyn = ind.dynamic
    level = ind.baseline.value
    cum = 0.0
    path = np.full(n_years, np.nan)
    t0 = 0
    parts = []
    pace = hold_pace(dyn, level)
    for m in sorted(ind.milestones, key=lambda t: t.year):
        k = m.year - base
        if k <= t0:
            continue
        pace = _milestone_pace(ind, m, level, k - t0, base)
        path[t0:k] = pace
        level, cum = _walk(dyn, level, cum, pace, k - t0)
        t0 = k
        parts.append(Label("milestone", year=m.year))
    targets = [t for t in ind.targets if t.year - base > t0]
    if targets:
        k = max(t.year for t in targets) - base
        paces = [_target_pace(ind, t, level, cum, t0, base) for t in targets]
        pace = max(paces) if all(t.direction != "at_most" for t in targets) else min(paces)
        path[t0:k] = pace
        t0 = k
        parts.append(Label("target", year=targets[0].year))
        steps = parts[0]
        for part in parts[1:]:
            steps = Label("then", first=steps, second=part)
        label = Label("plan", steps=steps)
    elif parts:
        if all(m.direction == "hold" for m in ind.milestones):
            pace = hold_pace(dyn, level)
            label = Label("then_held", step=parts[-1])
        else:
            label = Label("pace_continues", step=parts[-1])
    elif ind.trend is not None:
        pace = ind.trend.value
        label = Label("no_figure_trend" if ind.trend.basis != "assumed" else "no_figure_assumed")
    else:
        label = Label("no_figure_held")
    path[t0:] = pace
    return path, label, not targets


def _milestone_pace(ind, m, level: float, years: int, base: int) -> float:
    """Constant pace from ``level`` over ``years`` that meets milestone ``m`` exactly."""
    dyn = ind.dynamic
    if dyn == "flow":
        return float(m.value)   # a flow's pace is the year's value itself
    if m.kind == "growth":
        # Growth is measured from the base year (sim.engine.measure), so the milestone is the
        # level that growth gives; from the base year itself the pace is the stated growth.
        goal = growth_goal(ind.baseline.value, m.value, m.year - base)
        return float(required_pace(dyn, level, goal, years))
    needed = float(required_pace(dyn, level, m.value, years, m.direction == "hold"))
    return _clamp(m.direction, needed, hold_pace(dyn, level))


def _walk(dyn: str, level: float, cum: float, pace: float, years: int) -> tuple[float, float]:
    if dyn == "flow":
        return pace, cum + pace * years
    return advance(dyn, level, pace, years), cum


def _target_pace(ind, target, level: float, cum: float, t0: int, base: int) -> float:
    dyn = ind.dynamic
    if dyn == "flow" and target.kind == "level":
        return float(target.value)   # a flow's pace is the year's value itself
    years_left = target.year - base - t0
    if target.kind == "growth":
        goal = growth_goal(ind.baseline.value, target.value, target.year - base)
        needed = float(required_pace(dyn, level, goal, years_left))
        return max(target.value, needed) if target.direction == "at_least" else min(target.value, needed)
    if target.kind == "cumulative":
        return max(float(required_pace("additive", cum, target.value, years_left)), 0.0)
    needed = float(required_pace(dyn, level, target.value, years_left, target.direction == "hold"))
    return _clamp(target.direction, needed, hold_pace(dyn, level))


def _share_derived_targets(plan, paths, labels, free: list[int]) -> None:
    """Give the free drivers under a derived indicator the one pace that meets its milestones
    (each from the drivers' last set year) and then its target
    (:func:`sim.engine.solve.shared_pace`)."""
    taken: set[int] = set()
    horizon = plan.base_year + paths.shape[1]
    for ind in plan.derived_order:
        group = [d for d in _shared_leaves(plan, ind.id) if d in free and d not in taken]
        dyns = {plan.drivers[d].dynamic for d in group}
        if not group or len(dyns) != 1:
            continue
        dynamic = dyns.pop()
        start = {d: _last_set_year(plan.drivers[d], plan.base_year) for d in group}
        sub, cols, row = subplan(plan, ind.id, horizon)
        goals = sorted(ind.milestones, key=lambda m: m.year) + list(ind.targets)
        for goal in goals:
            k = goal.year - plan.base_year
            used = [d for d in group if start[d] < k]
            slots = np.zeros((1, len(cols), paths.shape[1]), dtype=bool)
            for c, d in enumerate(cols):
                if d in used:
                    slots[0, c, start[d]:] = True
            pace = float(shared_pace(sub, row, goal, paths[list(cols)][None], slots, None, dynamic)[0]) \
                if used else np.nan
            if not np.isfinite(pace):
                continue
            for d in used:
                # the pace runs to the horizon; a later milestone or the target takes over from its year
                paths[d, start[d]:] = pace
                labels[d] = _shared_label(labels[d], plan.base_year + start[d], ind.id, goal, start[d] > 0)
                if goal.milestone:
                    start[d] = k
            taken.update(used)
            if not goal.milestone:
                break


def _shared_leaves(plan, ind_id: str) -> list[int]:
    """Drivers that share the pace a derived indicator needs: its leaves, or only the balancing
    part where an identity names one (the capacity that is neither coal, new energy nor storage)."""
    if ind_id in plan.links.balance:
        return [plan.driver_index[plan.links.balance[ind_id]]]
    return [plan.driver_index[x] for x in plan.leaves(ind_id)]


def _shared_label(label: Label, first: int, indicator: str, goal, after: bool) -> Label:
    what = (Label("goal_milestone", indicator=indicator, year=goal.year) if goal.milestone
            else Label("goal_target", indicator=indicator))
    if not after:
        return Label("plan", steps=Label("shared", goal=what))
    before = label.params["steps"] if label.code == "plan" and "shared" in label else Label("milestone", year=first)
    return Label("plan", steps=Label("then", first=before, second=Label("shared", goal=what)))


def _pin_link_inputs(plan, paths, labels, free: list[int]) -> None:
    """Give a free input of a one-input link the pace the linked indicator's target needs."""
    deflator = plan.driver_index.get(plan.links.deflator)
    for link in plan.links.follow:
        target = next((t for t in plan.by_id[link.indicator].targets if t.kind == "growth"), None)
        src = plan.driver_index.get(link.inputs[0]) if len(link.inputs) == 1 else None
        if target is None or src not in free:
            continue
        need = paths[plan.driver_index[link.indicator]]
        defl = paths[deflator] if deflator is not None else np.zeros_like(need)
        paths[src] = [source_pace(link, plan, p, q) for p, q in zip(need, defl, strict=True)]
        labels[src] = Label("plan", steps=Label("link_needs", indicator=link.indicator, value=target.value,
                                                elasticity=link.elasticities[0]))
        free.remove(src)


def link_label(plan, link) -> Label:
    """Where a linked driver's pace comes from, for ``--sources`` and every other output."""
    terms = ", ".join(f"{x} × {e:g}" for x, e in zip(link.inputs, link.elasticities, strict=True))
    return Label("linked", terms=terms, basis=link.basis, provenance_en=link.provenance,
                 provenance_zh=link.provenance_in("zh"))


def apply_links(plan, paths: np.ndarray, labels: list[str], by_hand: dict[int, str], actuals: np.ndarray,
                horizon: int) -> tuple[np.ndarray, np.ndarray]:
    """Set every linked driver that no scenario set by hand to the pace its link gives.

    Parameters
    ----------
    paths : ndarray, shape (D, Y)
        Driver paths after the rule and the scenario chain [driver unit]; updated in place.
    labels : list of str
        Source labels, updated in place (linked, or set by hand and unlinked).
    by_hand : dict of int to str
        Drivers a scenario set to numbers, with the scenario's name.
    actuals : ndarray, shape (I, Y)

    Returns
    -------
    (paths, linked)
        ``paths`` with each linked driver's effective pace; a (D,) boolean mask of linked drivers.
    """
    linked = np.zeros(len(plan.drivers), dtype=bool)
    for link in plan.links.follow:
        d = plan.driver_index[link.indicator]
        if d in by_hand:
            labels[d] = Label("unlinked", scenario=by_hand[d], inputs=", ".join(link.inputs))
        else:
            linked[d] = True
            labels[d] = link_label(plan, link)
    if linked.any():
        kernel = np.where(linked[:, None], np.nan, paths)[None]
        compiled = compile_plan(plan, horizon)
        values = project_array(compiled, np.nan_to_num(kernel), actuals[None]).transpose(2, 1, 0).copy()
        out = kernel.copy()
        follow_links(compiled, kernel, actuals[None][:, compiled.driver_rows], values, out)
        paths[linked] = out[0, linked]
    return paths, linked


def _last_set_year(ind, base: int) -> int:
    return max((m.year - base for m in ind.milestones), default=0)


__all__ = ["RULES", "rule_paths", "advance", "apply_links", "hold_pace", "link_label"]
