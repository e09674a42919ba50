"""How a target is measured lives in :mod:`sim.engine.measure`: the target check, the Monte Carlo
counter and goal seek read the same tolerance, status codes and compared value."""

from __future__ import annotations

import numpy as np
import pytest

from sim import load_scenario, resolve
from sim.engine import measure
from sim.engine.kernel import compile_plan, project_array
from sim.engine.targets import all_targets, evaluate_targets
from sim.io.schema import STATUSES
from sim.uncertainty.counter import TargetCounter


def test_status_codes_index_the_schemas_names():
    assert [STATUSES[c] for c in (measure.MET, measure.AT_RISK, measure.MISSED)] == ["met", "at_risk", "missed"]
    assert measure.status_name(measure.AT_RISK) == "at_risk"


def test_status_code_bands():
    gap = np.array([0.0, -1e-12, -0.3, -0.5, -0.6])
    assert list(measure.status_code(gap, 0.5, measure.met_margin(6.5))) == [0, 0, 1, 1, 2]


def test_bar_is_the_level_ratio_of_a_growth_target(plan):
    target = next(t for t in plan.targets if t.kind == "growth")
    k = target.year - plan.base_year
    assert measure.bar(target, k, 0.0) == pytest.approx((1 + target.value / 100) ** k)
    assert measure.bar(target, k, 0.5) == pytest.approx((1 + (target.value - 0.5) / 100) ** k)


def test_check_and_monte_carlo_counter_give_the_same_statuses(plan):
    """A sweep of scenarios around the plan, in double precision: every status agrees."""
    resolved = resolve(plan, load_scenario("plan"))
    compiled = compile_plan(plan, resolved.years[-1])
    rng = np.random.default_rng(8)
    drivers = resolved.drivers[None] + rng.normal(0, 1.0, (400, *resolved.drivers.shape))
    values = project_array(compiled, drivers)
    targets = all_targets(plan)
    checked = evaluate_targets(compiled, values, drivers, targets=targets, required=False).status
    counted = TargetCounter(plan, targets).status(np.ascontiguousarray(values))
    assert (checked == counted).all()
    assert {measure.MET, measure.AT_RISK, measure.MISSED} <= set(np.unique(checked))


def test_the_check_writes_nothing_into_the_frozen_plan(plan):
    resolved = resolve(plan, load_scenario("plan"))
    compiled = compile_plan(plan, resolved.years[-1])
    before = dict(vars(plan))
    evaluate_targets(compiled, project_array(compiled, resolved.drivers[None]), resolved.drivers[None])
    assert vars(plan).keys() == before.keys()
