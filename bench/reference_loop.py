"""The Monte Carlo model one draw at a time, in plain Python: the benchmark's reference and
the tests' oracle for :mod:`sim.uncertainty.montecarlo`.

It shares only the random source with the engine (numpy's float32 standard normals from
:func:`sim.uncertainty.sampler.block_rng`, block ``b`` in the shape (years, random drivers,
draws), drawn in the sampler's two parts: the drivers some target reads, then the rest). Everything after that is written out again with Python floats and the ``math`` and
``statistics`` modules: persistence, the copula (factor times scores, then Φ and the inverse
CDF of each marginal, literally), the paces, the year-by-year projection, derived indicators
and the target rules of :mod:`sim.engine.targets`.

Run ``python bench/reference_loop.py [SCENARIO] [--draws N]`` to time it.
"""

from __future__ import annotations

import argparse
import math
import time
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np

from sim import load_plan, load_scenario, resolve
from sim.engine.targets import all_targets, tolerance
from sim.io.links import link_order
from sim.io.plan import Plan, Target
from sim.uncertainty.montecarlo import BLOCK, needed_drivers
from sim.uncertainty.sampler import Sampler, block_rng
from sim.uncertainty.spec import Marginal, Uncertainty, correlation_factor, uncertainty_for

_STD = NormalDist()


def phi(z: float) -> float:
    """Standard normal CDF, accurate in the lower tail."""
    return 0.5 * math.erfc(-z / math.sqrt(2))


def inverse_cdf(m: Marginal, u: float) -> float:
    """The deviation at probability ``u`` of marginal ``m`` [driver unit / log points]."""
    if m.dist == "normal":
        return NormalDist(0.0, m.sd).inv_cdf(min(max(u, 1e-300), 1 - 1e-16))
    a, b = m.low, m.high
    if m.dist == "uniform":
        return a + u * (b - a)
    c = m.peak
    cut = (c - a) / (b - a)
    if u <= cut:
        return a + math.sqrt(u * (b - a) * (c - a))
    return b - math.sqrt((1 - u) * (b - a) * (b - c))


@dataclass
class ReferenceRun:
    """Per-draw results: ``values[i][row][year]``, ``drivers[i][d][year]``, ``status[i][t]``."""

    values: list
    drivers: list
    status: list
    met: list


def _scores(unc: Uncertainty, active: list[int], seed: int, years: int, draws: int, still):
    """The engine's random source: float32 normals per block, as nested Python lists."""
    out = []
    needed = needed_drivers(unc.plan, all_targets(unc.plan))
    parts = [part.where for part in Sampler(unc, years, needed, still=still).parts]
    for block in range(-(-draws // BLOCK)):
        n = min(BLOCK, draws - block * BLOCK)
        shape = (1 if unc.persistence == 1.0 else years, len(active), n)
        z = np.empty(shape, dtype=np.float32)
        for number, where in enumerate(parts):
            if len(where):
                rng = block_rng(seed, block, number)
                z[:, where] = rng.standard_normal((shape[0], len(where), n), dtype=np.float32)
        for j in range(n):
            out.append([[float(z[min(t, shape[0] - 1), a, j]) for a in range(len(active))]
                        for t in range(years)])
    return out


def _correlate(scores: list[list[float]], unc: Uncertainty, active: list[int]) -> list[list[float]]:
    rho = unc.persistence
    if 0 < rho < 1:
        for t in range(1, len(scores)):
            scores[t] = [rho * p + math.sqrt(1 - rho * rho) * s for p, s in zip(scores[t - 1], scores[t], strict=True)]
    factor = correlation_factor(np.asarray(unc.correlation)[np.ix_(active, active)]).tolist()
    return [[sum(factor[i][j] * row[j] for j in range(len(row))) for i in range(len(row))] for row in scores]


def _pace(plan: Plan, unc: Uncertainty, d: int, base_pace: float, score: float | None) -> float:
    if score is None:
        return base_pace
    dev = inverse_cdf(unc.marginals[d], phi(score))
    if plan.drivers[d].dynamic == "compound":
        return (100 + base_pace) * math.exp(dev / 100) - 100
    return base_pace + dev


def _project(plan: Plan, paces: list[list[float]], actuals: np.ndarray) -> list[list[float]]:
    """Every indicator's path, base year first, with plain arithmetic."""
    values: list[list[float] | None] = [None] * len(plan.indicators)
    for d, ind in enumerate(plan.drivers):
        row = plan.index[ind.id]
        level = ind.baseline.value
        path = [level]
        for t, g in enumerate(paces[d]):
            if ind.dynamic == "compound":
                level = level * (1 + g / 100)
            elif ind.dynamic in ("additive", "points"):
                level = level + g
            else:
                level = g
            level = min(max(level, ind.domain_min), ind.domain_max)   # draws are held at the domain
            if not math.isnan(actuals[row, t]):
                level = float(actuals[row, t])
            path.append(level)
        values[row] = path
    for ind in plan.derived_order:
        ins = [values[plan.index[x]] for x in ind.inputs]
        if ind.op == "sum":
            values[plan.index[ind.id]] = [sum(col) for col in zip(*ins, strict=True)]
        else:
            factor = 100 if ind.op == "share" else ind.scale
            values[plan.index[ind.id]] = [n / d * factor for n, d in zip(*ins, strict=True)]
        values[plan.index[ind.id]] = [min(max(v, ind.domain_min), ind.domain_max) for v in values[plan.index[ind.id]]]
    return values


def _follow(plan: Plan, linked, paces: list[list[float]], actuals: np.ndarray) -> list[list[float]]:
    """:func:`_project`, then each linked driver's paces from its inputs' growth, link by link."""
    values = _project(plan, paces, actuals)
    for link in link_order(plan.links, plan.by_id):
        d = plan.driver_index[link.indicator]
        if linked is None or not linked[d]:
            continue
        real = plan.by_id[link.indicator].price_basis in ("real", "")
        for t in range(len(paces[d])):
            g = 0.0
            for x, e in zip(link.inputs, link.elasticities, strict=True):
                ratio = values[plan.index[x]][t + 1] / values[plan.index[x]][t]
                if (plan.by_id[x].price_basis in ("real", "")) != real:
                    p = values[plan.index[plan.links.deflator]]
                    ratio = ratio * p[t + 1] / p[t] if real is False else ratio / (p[t + 1] / p[t])
                g += e * (ratio - 1)
            paces[d][t] = 100 * g
        values = _project(plan, paces, actuals)
    return values


def status(plan: Plan, target: Target, path: list[float]) -> int:
    """0 met, 1 at risk, 2 missed: the rules of :mod:`sim.engine.targets`, for one path."""
    k = target.year - plan.base_year
    if target.kind == "growth":
        ratio = path[k] / path[0]
        measure = (ratio ** (1 / k) - 1) * 100 if ratio > 0 else math.nan
    elif target.kind == "cumulative":
        measure = sum(path[1:k + 1])
    elif target.direction == "hold":
        measure = min(path[1:k + 1])
    else:
        measure = path[k]
    gap = target.value - measure if target.direction == "at_most" else measure - target.value
    if gap >= -1e-9 * max(1.0, abs(target.value)):
        return 0
    return 1 if gap >= -tolerance(plan, target) else 2


def reference_run(plan: Plan, scenario, draws: int, seed: int, uncertainty: Uncertainty | None = None,
                  targets: tuple[Target, ...] | None = None) -> ReferenceRun:
    """Run the model draw by draw; see the module notes."""
    resolved = resolve(plan, scenario)
    unc = uncertainty if uncertainty is not None else uncertainty_for(plan, scenario, resolved)
    targets = all_targets(plan) if targets is None else targets
    # A linked driver follows its link: the engine draws no score for it.
    still = np.zeros(len(plan.drivers), dtype=bool) if resolved.linked is None else resolved.linked
    active = [d for d, m in enumerate(unc.marginals) if m.std > 0 and not still[d]]
    years = len(resolved.years) - 1
    base = resolved.drivers.tolist()
    run = ReferenceRun([], [], [], [0] * len(targets))
    for scores in _scores(unc, active, seed, years, draws, still):
        mixed = _correlate(scores, unc, active) if active else [[] for _ in range(years)]
        where = {d: a for a, d in enumerate(active)}
        paces = [[_pace(plan, unc, d, base[d][t], mixed[t][where[d]] if d in where else None)
                  for t in range(years)] for d in range(len(plan.drivers))]
        values = _follow(plan, resolved.linked, paces, resolved.actuals)
        codes = [status(plan, target, values[plan.index[target.indicator]]) for target in targets]
        for t, code in enumerate(codes):
            run.met[t] += code == 0
        run.values.append(values)
        run.drivers.append(paces)
        run.status.append(codes)
    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario", nargs="?", default="uncertain")
    parser.add_argument("--draws", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    plan = load_plan()
    start = time.perf_counter()
    run = reference_run(plan, load_scenario(args.scenario), args.draws, args.seed)
    seconds = time.perf_counter() - start
    print(f"{args.draws:,} draws in {seconds:.2f} s ({args.draws / seconds:,.0f} draws/s); "
          f"P(GDP target met) = {run.met[0] / args.draws:.3f}")


if __name__ == "__main__":
    main()
