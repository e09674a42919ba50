"""Memory limits of the Monte Carlo: draws streamed a few chunks at a time, the kept sample sized
before it is allocated, huge requests refused with the figure, and drivers no target reads drawn
only where they are kept."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from sim import load_plan, load_scenario
from sim.cli.main import main
from sim.engine.targets import all_targets
from sim.io.errors import InputError
from sim.uncertainty import montecarlo as mc


@pytest.fixture(scope="module")
def plan():
    return load_plan()


def test_chunks_are_handed_out_a_few_at_a_time():
    taken, seen_when_done = [], []

    def spans():
        for s in range(1000):
            taken.append(s)
            yield s, s + 1

    def job(start, stop):
        return 1

    def absorb(n):
        seen_when_done.append(len(taken))
        return n

    mc._run_spans(job, spans(), 1000, absorb, 2, None, 1000)
    assert len(seen_when_done) == 1000
    # when the first result comes back, no more than IN_FLIGHT chunks per thread (+1 waiting) were drawn
    assert seen_when_done[0] <= mc.IN_FLIGHT * 2 + 1


def test_too_many_draws_are_refused_with_the_limit(plan):
    with pytest.raises(InputError, match="more than the limit of 1,000,000,000"):
        mc.run_montecarlo(plan, load_scenario("uncertain"), mc.MAX_DRAWS + 1)


def test_a_huge_keep_is_refused_with_the_bytes_before_allocating(plan, capsys):
    assert main(["mc", "uncertain", "--draws", "10000000", "--keep", "10000000"]) == 2
    err = capsys.readouterr().err.strip()
    need = mc.sample_bytes(plan, 5, 10_000_000, table=True)
    assert err.startswith("error: arguments: --keep: 10,000,000 draws would need")
    assert f"({need:,} bytes)" in err and "limit of 2 GiB" in err
    assert len(err.splitlines()) == 1


def test_sample_bytes_and_the_default_sample_per_horizon(plan):
    cells = len(plan.indicators) * 6 + len(plan.drivers) * 5
    assert mc.sample_bytes(plan, 5, 10) == 10 * 4 * cells
    assert mc.default_sample(plan, 5) == mc.DEFAULT_SAMPLE                # 146 MB fits 160 MiB
    per_draw = 4 * (len(plan.indicators) * 26 + len(plan.drivers) * 25)
    expected = mc.SAMPLE_BYTES // per_draw // mc.BLOCK * mc.BLOCK
    assert mc.default_sample(plan, 25) == expected == 12_288


def test_drivers_no_target_reads_are_drawn_only_for_kept_draws(plan):
    scn = load_scenario("uncertain")
    needed = mc.needed_drivers(plan, all_targets(plan))
    unc = mc.uncertainty_for(plan, scn)
    skipped = mc.Sampler(unc, 5, needed).skipped
    assert len(skipped) > 0 and not needed[skipped].any()
    one = mc.run_montecarlo(plan, scn, 3 * mc.BLOCK, seed=4, sample=mc.BLOCK, workers=1)
    two = mc.run_montecarlo(plan, scn, 3 * mc.BLOCK, seed=4, sample=3 * mc.BLOCK, workers=1)
    # the counts do not depend on whether the skipped drivers were drawn
    assert np.array_equal(one.met, two.met) and np.array_equal(one.at_risk, two.at_risk)
    # kept draws carry the skipped drivers' own spread
    assert np.array_equal(one.sample_drivers, two.sample_drivers[:mc.BLOCK])
    assert (two.sample_drivers[:, skipped].std(axis=0) > 0).all()


def test_standard_error_is_reported(plan):
    res = mc.run_montecarlo(plan, load_scenario("uncertain"), 8192, seed=1, sample=0)
    table = res.probabilities("en")
    p = table["p_met"].to_numpy()
    assert np.allclose(table["p_met_se"], np.sqrt(p * (1 - p) / 8192))


def test_fyp_help_imports_no_scipy():
    import subprocess
    code = ("import sys; from sim.cli.main import build_parser; build_parser(); "
            "print(any(m == 'scipy' or m.startswith('scipy.') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_single_precision_normal_cdf_matches_scipy():
    from scipy.special import ndtr

    from sim.uncertainty.sampler import normal_cdf32

    z = np.linspace(-9, 9, 20001).astype(np.float32)
    ours, ref = normal_cdf32(z).astype(float), ndtr(z.astype(float))
    assert np.abs(ours - ref).max() < 3e-7
    inner = np.abs(z) <= 3
    assert np.abs(ours[inner] / ref[inner] - 1).max() < 1.2e-6
