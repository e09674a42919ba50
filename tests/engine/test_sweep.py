"""The chunked sweep (:mod:`sim.engine.sweep`) gives, field by field, what one vectorised
:func:`~sim.engine.targets.evaluate_targets` call over every scenario gives."""

from __future__ import annotations

import numpy as np
import pytest

from sim import compile_plan, evaluate_targets, load_plan, load_scenario, project_array, resolve
from sim.engine.measure import AT_RISK, MET
from sim.engine.sweep import sweep


@pytest.fixture(scope="module")
def setting():
    plan = load_plan()
    res = resolve(plan, load_scenario("cautious"))
    compiled = compile_plan(plan, plan.horizon)
    rng = np.random.default_rng(3)
    drivers = res.drivers[None] + rng.normal(0.0, 1.0, (700, *res.drivers.shape))
    whole = evaluate_targets(compiled, project_array(compiled, drivers), drivers)
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
