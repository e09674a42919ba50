"""The chunked sweep (:mod:`sim.engine.sweep`) gives, field by field, what one vectorised
:func:`~sim.engine.targets.evaluate_targets` call over every scenario gives."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from sim import compile_plan, evaluate_targets, load_plan, load_scenario, project_array, resolve
from sim.engine.measure import AT_RISK, MET
from sim.engine.sweep import sweep
from sim.io.errors import InputError, ScenarioError


@pytest.fixture(scope="module")
def setting():
    plan = load_plan()
    res = resolve(plan, load_scenario("cautious"))
    compiled = compile_plan(plan, plan.horizon)
    rng = np.random.default_rng(3)
    drivers = res.drivers[None] + rng.normal(0.0, 1.0, (700, *res.drivers.shape))
    # Random paces take 义务教育巩固率 (at 100 %) past its ceiling: a sweep holds it there, as a draw is.
    whole = evaluate_targets(compiled, project_array(compiled, drivers, clip=True), drivers)
    return compiled, drivers, whole


@pytest.mark.parametrize("chunk, workers", [(64, 1), (333, 2), (5000, 1)])
def test_chunks_and_threads_give_the_one_call_answer(setting, chunk, workers):
    compiled, drivers, whole = setting
    got = sweep(compiled, drivers, fields=("status", "projected", "gap", "required", "first_year"),
                chunk=chunk, workers=workers)
    assert np.array_equal(got["status"], whole.status)
    assert np.array_equal(got["first_year"], whole.first_year)
    for f in ("projected", "gap", "required"):
        assert np.array_equal(got[f], getattr(whole, f), equal_nan=True)
    assert np.array_equal(got.met, (whole.status == MET).sum(axis=0))
    assert np.array_equal(got.at_risk, (whole.status == AT_RISK).sum(axis=0))


def test_drivers_from_a_function_and_counts_only(setting):
    compiled, drivers, whole = setting
    asked = []

    def chunk_of(start, stop):
        asked.append((start, stop))
        return drivers[start:stop]

    got = sweep(compiled, chunk_of, len(drivers), fields=(), chunk=300)
    assert asked == [(0, 300), (300, 600), (600, 700)]
    assert got.fields == {}
    assert np.array_equal(got.met, (whole.status == MET).sum(axis=0))


def test_bad_fields_and_missing_count_are_refused(setting):
    compiled, drivers, _ = setting
    with pytest.raises(ValueError, match="unknown sweep fields"):
        sweep(compiled, drivers, fields=("nope",))
    with pytest.raises(ValueError, match="scenarios must be given"):
        sweep(compiled, lambda a, b: drivers[a:b])


# --------------------------------------------------------------------------- hostile paces

def test_a_level_past_its_domain_is_held_and_counted(setting):
    # Before, a sweep reported 义务教育巩固率 at 101.3 % and negative capacities as they came.
    compiled, drivers, _ = setting
    got = sweep(compiled, drivers, fields=("projected",))
    row = compiled.plan.index["compulsory_retention"]
    values = project_array(compiled, drivers, clip=True)
    assert values[:, row].max() == 100.0
    assert got.clipped[row] == int((project_array(compiled, drivers)[:, row] > 100).any(axis=1).sum()) > 0
    assert got.clipped_scenarios >= got.clipped[row]


@pytest.mark.parametrize(("pace", "line"), [
    (np.nan, "sweep: drivers[1].primary_va: nan is not a finite number"),
    (np.inf, "sweep: drivers[1].primary_va: inf is not a finite number"),
    (1e308, "sweep: drivers[1]: 'tertiary_va' would reach inf 亿元 in 2026, not a finite number"),
])
def test_a_scenario_with_a_non_finite_level_is_refused_by_its_position(setting, pace, line):
    # NaN, inf or 1e308 %/年 went through: the sweep's results were NaN or inf, with numpy overflow warnings.
    compiled, drivers, _ = setting
    bad = drivers[:3].copy()
    bad[1] = pace
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        with pytest.raises(ScenarioError) as err:
            sweep(compiled, bad)
    assert err.value.message == line


@pytest.mark.parametrize(("name", "value"), [("chunk", 0), ("chunk", -5), ("workers", 0), ("scenarios", -1)])
def test_bad_sweep_arguments_are_one_line(setting, name, value):
    # chunk 0 or -5 was quietly taken as 1.
    compiled, drivers, _ = setting
    with pytest.raises(InputError) as err:
        sweep(compiled, lambda a, b: drivers[a:b], **{"scenarios": 3, name: value})
    assert err.value.message == f"arguments: {name}: {value} must be a whole number ≥ {0 if name == 'scenarios' else 1}"


def test_whole_number_paces_are_read_as_floats(setting):
    compiled, _, _ = setting
    plan = compiled.plan
    paces = np.round(resolve(plan, load_scenario("plan")).drivers)[None].astype(int)
    assert sweep(compiled, paces).scenarios == 1


def test_nan_still_means_follow_the_link_for_a_linked_driver(setting):
    compiled, _, _ = setting
    res = resolve(compiled.plan, load_scenario("plan"))
    got = sweep(compiled, res.kernel_drivers[None], fields=("status",))
    assert np.isnan(res.kernel_drivers).any() and (got["status"] == MET).all()   # the plan meets every target


def test_a_flow_whose_running_total_passes_any_finite_number_is_refused_naming_the_scenario():
    # 1e308 new jobs a year is a finite level, but 2026 + 2027 add up to inf: the cumulative target
    # would print inf as its projection and its gap. One scenario is refused the same way (resolve).
    plan = load_plan()
    base = resolve(plan, "plan").kernel_drivers
    drivers = np.repeat(base[None], 3, axis=0)
    drivers[2, plan.driver_index["urban_new_jobs"]] = 1e308
    with pytest.raises(ScenarioError) as exc:
        sweep(compile_plan(plan), drivers, fields=("projected",))
    assert (exc.value.code, exc.value.field, exc.value.params["year"]) == ("total_not_finite",
                                                                           "drivers[2].urban_new_jobs", 2027)
    with pytest.raises(ScenarioError) as one:
        resolve(plan, load_scenario("plan").with_changes(drivers={"urban_new_jobs": 1e308}))
    assert (one.value.code, one.value.params["year"]) == ("total_not_finite", 2027)
    # 1e300 a year adds up to 5e300 by 2030: finite, kept
    drivers[2, plan.driver_index["urban_new_jobs"]] = 1e300
    result = sweep(compile_plan(plan), drivers, fields=("projected",))
    k = [t.indicator for t in result.targets].index("urban_new_jobs")
    assert result["projected"][2, k] == pytest.approx(5e300)
