"""The sampler's fused path: paces drawn into reused buffers and composed run by run equal the
deviations composed with the paths one driver kind at a time, bit for bit; drivers that follow
their link are not drawn, and their spread changes no number."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from sim import load_scenario, resolve
from sim.engine.dynamics import shift_growth
from sim.engine.targets import all_targets
from sim.uncertainty.montecarlo import BLOCK, needed_drivers, run_montecarlo
from sim.uncertainty.sampler import Sampler
from sim.uncertainty.spec import Marginal, uncertainty_for


def _composed(sampler: Sampler, plan, dev: np.ndarray, paths: np.ndarray, dtype) -> np.ndarray:
    """Reference: every driver's path, moved by its deviation (log scale for compound ones)."""
    pt = paths.T.astype(dtype)                                              # (Y, D)
    out = np.empty((pt.shape[0], pt.shape[1], dev.shape[2]), dtype=dtype)
    out[:] = pt[:, :, None]
    for a, d in enumerate(sampler.active):
        x = dev[:, a].astype(dtype)
        out[:, d] = shift_growth(pt[:, d, None], x) if plan.drivers[d].dynamic == "compound" else x + pt[:, d, None]
    return out


@pytest.mark.parametrize("persistence", [0.0, 0.6, 1.0])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("rest", [True, False])
def test_paces_equal_the_deviations_composed_with_the_paths_bit_for_bit(plan, persistence, dtype, rest):
    scn = load_scenario("uncertain")
    res = resolve(plan, scn)
    unc = uncertainty_for(plan, scn, res, persistence=persistence)
    paths = res.kernel_drivers
    sampler = Sampler(unc, 5, needed_drivers(plan, all_targets(plan)), still=np.isnan(paths).all(axis=1))
    assert sampler.parts[0].shaped and sampler.parts[0].mixers and len(sampler.parts[1].where)
    for n in (BLOCK, 1000):
        want = _composed(sampler, plan, sampler.deviations(7, 3, n, dtype, rest=rest), paths, dtype)
        scratch = np.full(5 * len(sampler.active) * BLOCK, np.nan, dtype=dtype)
        dirty = np.full((5, len(plan.drivers), n), 1e30, dtype=dtype)
        sampler.paces(7, 3, paths, dirty, scratch, rest=rest)
        assert np.array_equal(dirty, want, equal_nan=True)
        # a buffer whose undrawn rows were written once, reused without rewriting them
        once = np.full_like(dirty, np.nan)
        sampler.fill_fixed(paths, once)
        sampler.paces(7, 3, paths, once, scratch, rest=rest, fixed=False)
        assert np.array_equal(once, want, equal_nan=True)


def test_drivers_that_follow_their_link_are_not_drawn_and_their_spread_changes_nothing(plan):
    scn = load_scenario("uncertain")
    res = resolve(plan, scn)
    unc = uncertainty_for(plan, scn, res)
    linked = np.flatnonzero(res.linked)
    assert len(linked) and (unc.std[linked] > 0).all()
    still = Sampler(unc, 5, still=res.linked)
    assert not set(linked) & set(still.active) and set(linked) <= set(still.fixed)
    wide = replace(unc, marginals=tuple(Marginal(m.driver, sd=40.0) if d in linked else m
                                        for d, m in enumerate(unc.marginals)))
    a = run_montecarlo(plan, scn, 2 * BLOCK + 5, seed=11, uncertainty=unc, sample=BLOCK)
    b = run_montecarlo(plan, scn, 2 * BLOCK + 5, seed=11, uncertainty=wide, sample=BLOCK)
    assert np.array_equal(a.met, b.met) and np.array_equal(a.at_risk, b.at_risk)
    assert np.array_equal(a.sample_values, b.sample_values)
    assert np.array_equal(a.sample_drivers, b.sample_drivers)


def test_reused_buffers_give_the_same_counts_whatever_the_chunks_when_few_draws_are_kept(plan):
    # Each thread's pace buffer is reused: kept chunks write the skipped drivers' draws into it,
    # later chunks their paths, and the undrawn drivers' rows are written only once.
    scn = load_scenario("uncertain")
    draws = 5 * BLOCK + 7
    runs = [run_montecarlo(plan, scn, draws, seed=5, chunk=chunk, workers=workers, sample=BLOCK)
            for chunk, workers in ((BLOCK, 1), (2 * BLOCK, 2), (3 * BLOCK, 1), (50 * BLOCK, 2))]
    for other in runs[1:]:
        assert np.array_equal(runs[0].met, other.met) and np.array_equal(runs[0].at_risk, other.at_risk)
        assert np.array_equal(runs[0].clipped, other.clipped) and runs[0].clipped_draws == other.clipped_draws
        assert np.array_equal(runs[0].sample_values, other.sample_values)
        assert np.array_equal(runs[0].sample_drivers, other.sample_drivers, equal_nan=True)
