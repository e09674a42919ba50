"""Audit rule on links: does each link agree with the plan's own targets?

For a link whose indicator has a growth target, the targets of its inputs (moved onto the
linked indicator's price basis with the deflator's assumed pace) give an implied growth
``Σ eᵢ × gᵢ``. Below the linked indicator's own target by more than the plan's growth
tolerance, the plan's targets cannot all be met while the link holds (``warning``); otherwise
the finding says how much room there is and, where prices matter, the deflator at which the
target would bind (``info``). An input without a target of its own gets the pace the link needs
from it (``info``): 规上工业's 12 % at the 2025 elasticity asks the secondary sector for 9.07 %.
"""

from __future__ import annotations

from collections.abc import Iterable

from sim.engine.links import conversion, source_pace
from sim.io.links import Link
from sim.io.plan import Plan
from sim.io.sourced import Sourced
from sim.review.findings import Finding, num


def _growth_target(plan: Plan, ind_id: str):
    return next((t for t in plan.by_id[ind_id].targets if t.kind == "growth"), None)


def _deflator(plan: Plan) -> tuple[float, tuple[Sourced, ...]]:
    ind = plan.by_id.get(plan.links.deflator)
    if ind is None or ind.trend is None:
        return 0.0, ()
    return ind.trend.value, (ind.trend,)


def _moved(g: float, conv: int, deflator: float) -> float:
    """Growth [%/年] moved onto the linked indicator's price basis."""
    factor = 1 + deflator / 100
    x = 1 + g / 100
    return ((x * factor if conv > 0 else x / factor if conv < 0 else x) - 1) * 100


def _link_number(link: Link) -> Sourced:
    return Sourced(value=link.elasticities[0], basis=link.basis, quote=link.quote, formula=link.formula,
                   reason=link.reason)


def rule_links(plan: Plan) -> Iterable[Finding]:
    """Each link's implied growth against the linked indicator's own growth target."""
    deflator, defl_numbers = _deflator(plan)
    for link in plan.links.follow:
        target = _growth_target(plan, link.indicator)
        if target is None:
            continue
        ind = plan.by_id[link.indicator]
        inputs = [_growth_target(plan, x) for x in link.inputs]
        if any(t is None for t in inputs):
            if len(link.inputs) == 1:
                yield _needs_input(plan, link, target, deflator, defl_numbers)
            continue
        convs = [conversion(plan.by_id[x].price_basis, ind.price_basis) for x in link.inputs]
        implied = sum(e * _moved(t.value, c, deflator)
                      for e, t, c in zip(link.elasticities, inputs, convs, strict=True))
        arith = " + ".join(f"{e:g} × {num(_moved(t.value, c, deflator), 2)}"
                           for e, t, c in zip(link.elasticities, inputs, convs, strict=True))
        arith += f" = {num(implied, 2)} ↔ {num(target.value)} %/年"
        numbers = (target.number, *(t.number for t in inputs), _link_number(link),
                   *(defl_numbers if any(convs) else ()))
        short = target.value - implied
        if short > plan.tolerances.growth_pp:
            yield Finding(
                "warning", "links", ind.id, target.year, target.value, implied, arith,
                f"{ind.name_zh}:按联动关系,其他指标的目标只能带来年均{num(implied, 2)}%,低于本指标目标"
                f"{num(target.value)}%:联动成立时这些目标不能同时实现。",
                f"{ind.name_en}: through its link the other targets give only {num(implied, 2)} % a year, "
                f"below its own target of {num(target.value)} %: the targets cannot all be met while the link holds.",
                numbers)
            continue
        extra = _binding_deflator(link, inputs, convs, target.value) if any(convs) else ""
        yield Finding(
            "info", "links", ind.id, target.year, target.value, implied, arith + extra,
            f"{ind.name_zh}:按联动关系,其他指标的目标带来年均{num(implied, 2)}%,目标{num(target.value)}%"
            f"{'可以实现' if short <= 0 else '处在临界'}。",
            f"{ind.name_en}: through its link the other targets give {num(implied, 2)} % a year against its "
            f"target of {num(target.value)} %: {'consistent' if short <= 0 else 'at the edge'}.",
            numbers)


def _needs_input(plan: Plan, link: Link, target, deflator: float, defl_numbers) -> Finding:
    ind, src = plan.by_id[link.indicator], plan.by_id[link.inputs[0]]
    need = source_pace(link, plan, target.value, deflator)
    arith = f"{num(target.value)} ÷ {link.elasticities[0]:g} = {num(need, 2)} %/年"
    return Finding(
        "info", "links", ind.id, target.year, target.value, need, arith,
        f"{ind.name_zh}:按联动关系,目标{num(target.value)}%要求{src.name_zh}年均增长{num(need, 2)}%。",
        f"{ind.name_en}: through its link, the target of {num(target.value)} % needs {src.name_en} to grow "
        f"{num(need, 2)} % a year.",
        (target.number, _link_number(link)))


def _binding_deflator(link: Link, inputs, convs, target: float) -> str:
    """The deflator [%/年] at which the implied growth equals the target (``scipy.optimize.brentq``)."""
    def gap(d: float) -> float:
        return sum(e * _moved(t.value, c, d) for e, t, c in zip(link.elasticities, inputs, convs, strict=True)) - target

    if gap(-50.0) * gap(50.0) > 0:
        return ""
    from scipy.optimize import brentq  # only when a link binds: `fyp --help` does not pay for scipy

    return f"; = ⇔ p = {num(brentq(gap, -50.0, 50.0), 2)} %/年"


__all__ = ["rule_links"]
