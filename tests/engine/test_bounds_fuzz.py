"""Fuzz of every door at the edges it accepts: no number that is not finite, or that crosses a
physical bound, reaches a verdict, a chart or an export.

The bounds are worked out here from the plan alone, not from the engine's helpers: each
indicator's domain, every identity the plan declares (a sum equals its parts and no part passes
it; a share is 100 × part / total and lies in 0…100; a per-head ratio equals its two totals'
quotient) and every ``[[links.within]]`` part ≤ scale × whole. Scenarios take each driver to its
slider's ends and to the far ends a warning still lets through, mixed, swinging year by year,
with actuals at their bounds, to the 2030 and 2050 horizons, on Ganzhou's plan and on the small
second district. A door may refuse (one line, a code, naming file and field); whatever it lets
through must keep every bound. Seeded, a few seconds; ``/work/tmp/bounds/`` runs it larger.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from sim import check_targets, load_plan, load_scenario, project
from sim.engine.kernel import compile_plan, project_array
from sim.engine.resolve import plausible_range, resolve
from sim.engine.sweep import sweep
from sim.io.errors import InputError
from sim.report.export import csv_bytes, projection_frame

OTHER = Path(__file__).resolve().parents[1] / "data" / "other_district.toml"
CHECK_NUMBERS = ("target", "projected", "gap", "gap_pct")
#: Blank (NaN) by design where an observed value decides the verdict (nothing left to assume or need).
PACE_NUMBERS = ("assumed_pace", "required")


def relations(plan):
    """Every bound the plan implies, as ``(name, function(values[..., I, Y]) -> bool mask of
    breaches)``; ``rel`` is the tolerance of an identity (float32 draws round at 1e-7)."""
    idx = plan.index
    out = []
    for ind in plan.indicators:
        i = idx[ind.id]
        rows = [idx[x] for x in ind.inputs]
        if ind.op == "sum":
            out.append((f"{ind.id} = sum", lambda v, i=i, r=rows, rel=1e-6:
                        ~np.isclose(v[..., i, :], sum(v[..., k, :] for k in r), rtol=rel, atol=1e-9)))
            out += [(f"{plan.indicators[k].id} <= {ind.id}", lambda v, i=i, k=k:
                     v[..., k, :] > v[..., i, :] * (1 + 1e-6) + 1e-9) for k in rows]
        elif ind.op in ("share", "ratio"):
            scale = 100.0 if ind.op == "share" else ind.scale
            out.append((f"{ind.id} = {ind.op}", lambda v, i=i, a=rows[0], b=rows[1], s=scale:
                        ~np.isclose(v[..., i, :], s * v[..., a, :] / v[..., b, :], rtol=1e-5)))
    for w in plan.links.within:
        out.append((f"{w.part} <= {w.scale:g} x {w.whole}", lambda v, p=idx[w.part], h=idx[w.whole], s=w.scale:
                    v[..., p, :] > s * v[..., h, :] * (1 + 1e-6) + 1e-9))
    return out


def breaches(plan, values: np.ndarray, identities: bool = True) -> list[str]:
    """What in ``values`` (…, I, Y + 1) is not finite, leaves a domain or breaks a relation (only
    the domains, for numbers rounded for display: ``identities=False``)."""
    found = []
    if not np.isfinite(values).all():
        found.append("not finite")
    low = np.array([ind.domain_min for ind in plan.indicators])[:, None]
    high = np.array([ind.domain_max for ind in plan.indicators])[:, None]
    slack = 1e-6 * np.maximum(1.0, np.abs(values))
    out = (values < low - slack) | (values > high + slack)
    found += [f"{plan.indicators[i].id} outside its domain" for i in sorted(set(np.nonzero(out)[-2]))]
    with np.errstate(all="ignore"):
        found += [name for name, bad in relations(plan) if identities and bad(values).any()]
    return found


def _drivers_at_edges(plan, rng: np.random.Generator, years: int, huge: bool = False) -> dict:
    """A mixed extreme: each driver at a slider end, a far end (a warning), or swinging year by
    year; with ``huge``, one driver at ±1e300 or 1e308."""
    chosen = {}
    for ind in plan.drivers:
        if rng.random() < 0.3:
            continue
        lo, hi = plausible_range(ind)
        if ind.dynamic == "compound":
            lo = max(lo, -99.0)
        ends = (ind.driver_min, ind.driver_max, lo, hi)
        kind = rng.integers(3)
        if kind == 0:
            chosen[ind.id] = float(rng.choice(ends))
        elif kind == 1:
            chosen[ind.id] = [float(ends[(t + rng.integers(2)) % 2]) for t in range(years)]
        else:
            chosen[ind.id] = [float(x) for x in rng.uniform(lo, hi, years)]
    if huge:  # one driver at a magnitude a file can still hold: refused where it overflows
        chosen[str(rng.choice([ind.id for ind in plan.drivers]))] = float(rng.choice((1e300, 1e308, -1e300)))
    return chosen


def _actuals_at_bounds(plan, rng: np.random.Generator) -> dict:
    """Actuals of a few drivers in 2026 at their bounds: 0 (or 100) for a percentage, the floor of
    an additive driver, and a compound driver at ×0.5 or ×2 of its base."""
    out = {}
    for ind in rng.choice(plan.drivers, size=min(3, len(plan.drivers)), replace=False):
        if ind.dynamic == "compound":
            out[ind.id] = {2026: ind.baseline.value * float(rng.choice((0.5, 2.0)))}
        elif ind.is_percent:
            out[ind.id] = {2026: float(rng.choice((ind.domain_min, ind.domain_max)))}
        elif ind.dynamic in ("additive", "flow"):
            out[ind.id] = {2026: float(ind.domain_min)}
    return out


def _scenarios(plan, rng: np.random.Generator, n: int):
    """``(drivers, actuals, horizon)``: each driver alone at each slider end, then ``n`` mixed
    extremes (every third with actuals at their bounds, every fourth with a huge value), half to 2050."""
    for ind in plan.drivers:
        for end in (ind.driver_min, ind.driver_max):
            yield {ind.id: end}, {}, None
    for k in range(n):
        horizon = 2050 if k % 2 else plan.target_year
        actuals = _actuals_at_bounds(plan, rng) if k % 3 == 0 else {}
        yield _drivers_at_edges(plan, rng, horizon - plan.base_year, huge=k % 4 == 3), actuals, horizon


def _project_or_narrow(plan, drivers: dict, actuals: dict, horizon, tries: int = 8):
    """Project and check the scenario; while a door refuses it, drop the driver or actual the
    refusal names (each refusal checked for its one line) and try again, so that a mixed extreme
    ends as the most extreme scenario the door lets through. Returns (projection, check, refusals)."""
    refusals = 0
    for _ in range(tries):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                proj = project(plan, load_scenario("plan").with_changes(drivers=drivers, actuals=actuals,
                                                                        horizon=horizon))
                return proj, check_targets(proj), refusals
        except InputError as exc:
            _one_line(exc)
            refusals += 1
            head, _, rest = exc.field.partition(".")
            key = rest.split(".")[0].split("[")[0]
            if head == "actuals" and key in actuals:
                actuals = {k: v for k, v in actuals.items() if k != key}
            elif key in drivers:
                drivers = {k: v for k, v in drivers.items() if k != key}
            else:  # a refusal naming what the scenario did not set: an actual's consequence
                actuals = {}
    return None, None, refusals


def _one_line(exc: InputError) -> None:
    assert exc.code and "\n" not in str(exc) and ": " in str(exc)


@pytest.mark.parametrize("which", ["ganzhou", "other"])
def test_single_scenarios_at_the_edges_keep_every_bound_or_are_refused(which):
    plan = load_plan() if which == "ganzhou" else load_plan(OTHER)
    rng = np.random.default_rng(20260127)
    let_through = refused = 0
    for drivers, actuals, horizon in _scenarios(plan, rng, 16):
        proj, check, refusals = _project_or_narrow(plan, drivers, actuals, horizon)
        refused += refusals
        if proj is None:
            continue
        let_through += 1
        assert breaches(plan, proj.values[0]) == [], drivers
        assert np.isfinite(check[list(CHECK_NUMBERS)].to_numpy(dtype=float)).all()
        open_ = check[check.last_actual_year < check.target_year]
        assert np.isfinite(open_[list(PACE_NUMBERS)].to_numpy(dtype=float)).all()
        if let_through % 4 == 1:  # the export is the same numbers as text: read back, every few scenarios
            exported = pd.read_csv(io.BytesIO(csv_bytes(projection_frame(proj, "wide"))), encoding="utf-8-sig")
            years = [c for c in exported.columns if c.isdigit()]
            values = exported.set_index("indicator").reindex(list(plan.index))[years].to_numpy(dtype=float)
            # rounded to the planner's decimals, so identities hold only to the last digit shown
            assert np.isfinite(values).all() and np.allclose(values, proj.values[0], rtol=1e-3, atol=0.5)
            assert breaches(plan, values, identities=False) == []
    # both kinds happen, so the fuzz is at the edge and not inside it
    assert let_through > 10 and (refused > 0 or which == "other")


@pytest.mark.parametrize("which", ["ganzhou", "other"])
def test_a_sweep_and_the_draws_kernel_hold_every_bound(which):
    plan = load_plan() if which == "ganzhou" else load_plan(OTHER)
    rng = np.random.default_rng(7)
    for horizon in (plan.target_year, 2050):
        compiled = compile_plan(plan, horizon)
        years = len(compiled.years) - 1
        lo = np.array([max(plausible_range(ind)[0], -99.0) if ind.dynamic == "compound" else plausible_range(ind)[0]
                       for ind in plan.drivers])
        hi = np.array([plausible_range(ind)[1] for ind in plan.drivers])
        S = 400
        edges = np.where(rng.random((S, len(lo), years)) < 0.5, lo[None, :, None], hi[None, :, None])
        drivers = np.where(rng.random((S, len(lo), years)) < 0.5, edges,
                           rng.uniform(lo[None, :, None], hi[None, :, None], (S, len(lo), years)))
        linked = [plan.driver_index[link.indicator] for link in plan.links.follow]
        drivers[: S // 2, linked] = np.nan     # half the scenarios follow their links
        try:
            result = sweep(compiled, drivers, fields=("projected", "gap"))
        except InputError as exc:  # a level that cannot be held (not finite) is refused
            _one_line(exc)
            continue
        assert np.isfinite(result["projected"]).all() and np.isfinite(result["gap"]).all()
        with np.errstate(all="ignore"):
            values = project_array(compiled, drivers, clip=True)
        assert breaches(plan, values) == []


@pytest.mark.parametrize("which", ["ganzhou", "other"])
def test_monte_carlo_draws_around_edge_scenarios_keep_every_bound(which):
    from sim.uncertainty.montecarlo import run_montecarlo

    plan = load_plan() if which == "ganzhou" else load_plan(OTHER)
    rng = np.random.default_rng(11)
    runs = 0
    for _ in range(40):
        # a few drivers at their slider ends, to 2050 then to the plan's horizon (wider spreads there:
        # to 2050 a scale of 4 could pass single precision, which the Monte Carlo refuses up front)
        chosen = rng.choice(plan.drivers, size=min(4, len(plan.drivers)), replace=False)
        scenario = load_scenario("plan").with_changes(
            drivers={ind.id: float(rng.choice((ind.driver_min, ind.driver_max))) for ind in chosen},
            horizon=2050 if runs == 0 else plan.target_year)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                result = run_montecarlo(plan, scenario, draws=512, seed=runs, scale=1.0 if runs == 0 else 4.0,
                                        sample=512, workers=1)
            except InputError as exc:
                _one_line(exc)
                continue
        assert breaches(plan, result.sample_values.astype(float)) == []
        assert np.isfinite(result.probability).all()
        runs += 1
        if runs == 2:
            break
    assert runs == 2


def test_the_monte_carlo_sample_keeps_every_bound_and_counts_the_parts_it_held():
    from sim.uncertainty.montecarlo import run_montecarlo

    plan = load_plan()
    scenario = load_scenario("plan").with_changes(
        drivers={"industrial_fai": 40.0, "fixed_asset_investment": 0.0, "forest_coverage": 4.0,
                 "forest_grass_coverage": [1.0, -2.0, -2.0, -2.0, -2.0]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        # the scenario itself passes (工业投资 73→103 within 127), its draws need not
        result = run_montecarlo(plan, scenario.with_changes(drivers={"industrial_fai": 8.0}), draws=2048,
                                seed=3, scale=8.0, sample=2048, workers=1)
    assert breaches(plan, result.sample_values.astype(float)) == []
    held = dict(zip([ind.id for ind in plan.indicators], result.clipped, strict=True))
    assert held["industrial_fai"] > 0 and held["forest_coverage"] > 0
    # the scenario with 40 %/年 is refused outright, naming the part
    with pytest.raises(InputError) as exc:
        resolve(plan, scenario)
    assert exc.value.code == "part_over_whole" and exc.value.field == "drivers.industrial_fai"
