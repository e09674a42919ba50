"""Monte Carlo: known answers, the copula, reproducibility, and the plain-Python reference.

Tolerances on simulated probabilities are four standard errors, √(p(1−p)/n): a correct
engine fails such a check about once in 16,000 runs. Correlations use the standard error of
a sample correlation, (1−ρ²)/√n, also times four.
"""

from __future__ import annotations

import importlib.util
import math
import sys
import threading
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from scipy import stats

from sim import ScenarioError, check_targets, load_scenario, project, resolve, scenario_from_text
from sim.engine.kernel import compile_plan, project_array
from sim.engine.targets import all_targets, evaluate_targets
from sim.io.plan import parse_plan
from sim.uncertainty.montecarlo import BLOCK, Sampler, run_montecarlo, simulate, status_of, wilson_interval
from sim.uncertainty.spec import COMPOUND_FLOOR, LINEAR_SHARE, Marginal, correlation_factor, uncertainty_for
from tests.conftest import tiny_plan_dict

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ("plan", "cautious", "momentum", "ambitious", "uncertain")


def load_reference():
    spec = importlib.util.spec_from_file_location("reference_loop", ROOT / "bench" / "reference_loop.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def scenario(text: str, parents=None):
    head = '[scenario]\nname = "t"\ntitle_zh = "测试"\ntitle_en = "test"\n'
    return scenario_from_text(head + text, "test.toml", parents)


def only(plan, scn, marginals: dict[str, Marginal], persistence: float = 0.0, correlation=None):
    """The uncertainty of ``scn`` with every driver fixed except ``marginals``."""
    base = uncertainty_for(plan, scn)
    margs = tuple(marginals.get(d.id, Marginal(d.id, sd=0.0)) for d in plan.drivers)
    corr = base.correlation if correlation is None else correlation
    return replace(base, marginals=margs, persistence=persistence, correlation=corr)


def within(simulated: float, exact: float, n: int, sigmas: float = 4.0) -> bool:
    return abs(simulated - exact) <= sigmas * math.sqrt(exact * (1 - exact) / n)


@pytest.fixture(scope="module")
def tiny():
    return parse_plan(tiny_plan_dict(), "tiny.toml")


# --------------------------------------------------------------------------- known answers

def test_zero_spread_reproduces_the_deterministic_projection_exactly(plan):
    for name in SHIPPED:
        scn = load_scenario(name)
        res = run_montecarlo(plan, scn, BLOCK + 7, seed=1, scale=0.0, dtype=np.float64)
        expected = project(plan, scn).values[0]
        assert np.array_equal(res.sample_values, np.broadcast_to(expected, res.sample_values.shape)), name
        check = check_targets(project(plan, scn))
        assert list(res.met) == [res.draws * (s == "met") for s in check["status"]], name
        assert list(res.at_risk) == [res.draws * (s == "at_risk") for s in check["status"]], name


def test_compound_level_probability_matches_the_normal_cdf_at_a_million_draws(tiny):
    # a: 100 growing 9 %/yr with log-growth sd 2 log points; target: 8 %/yr average to 2030.
    # ln L5 − ln L0 ~ N(5 ln 1.09, 5 · 0.02²), so P = Φ((5 ln 1.09 − 5 ln 1.08) / (0.02 √5)).
    scn = scenario("[drivers]\na = 9.0\n")
    unc = only(tiny, scn, {"a": Marginal("a", sd=2.0)})
    n = 1_000_000
    res = simulate(tiny, resolve(tiny, scn), unc, n, seed=11, targets=tiny.targets[:1], sample=0)
    exact = stats.norm.cdf((5 * math.log(1.09) - 5 * math.log(1.08)) / (0.02 * math.sqrt(5)))
    assert exact == pytest.approx(0.8486, abs=1e-4)
    assert within(res.probability[0], exact, n)


@pytest.mark.parametrize("rho", [0.5, 1.0])
def test_persistence_changes_the_variance_of_the_sum_as_an_ar1_does(tiny, rho):
    # Var(Σ z_t) of a unit AR(1) over k years: k + 2 Σ_h (k − h) ρ^h (25 when ρ = 1).
    scn = scenario("[drivers]\na = 9.0\n")
    unc = only(tiny, scn, {"a": Marginal("a", sd=2.0)}, persistence=rho)
    n = 400_000
    res = simulate(tiny, resolve(tiny, scn), unc, n, seed=5, targets=tiny.targets[:1], sample=0)
    var = 5 + 2 * sum((5 - h) * rho**h for h in range(1, 5))
    exact = stats.norm.cdf((5 * math.log(1.09) - 5 * math.log(1.08)) / (0.02 * math.sqrt(var)))
    assert within(res.probability[0], exact, n)


def test_additive_points_and_flow_known_answers(tiny):
    # b: 50 + 9.5/yr (sd 2) vs ≥ 100 in 2030; c: 40 % + 2.2 pp/yr (sd 0.5) vs ≥ 50 %;
    # f: 12.5/yr (sd 1) vs a cumulative 60. Sums of normal additions are normal.
    scn = scenario("[drivers]\nb = 9.5\nc = 2.2\nf = 12.5\n")
    unc = only(tiny, scn, {"b": Marginal("b", sd=2.0), "c": Marginal("c", sd=0.5), "f": Marginal("f", sd=1.0)})
    targets = tuple(t for t in tiny.targets if t.indicator in ("b", "c", "f"))
    n = 400_000
    res = simulate(tiny, resolve(tiny, scn), unc, n, seed=3, targets=targets, sample=0)
    root5 = math.sqrt(5)
    exact = [stats.norm.cdf((97.5 - 100) / (2 * root5)), stats.norm.cdf((51 - 50) / (0.5 * root5)),
             stats.norm.cdf((62.5 - 60) / root5)]
    for p, e in zip(res.probability, exact, strict=True):
        assert within(p, e, n)


@pytest.mark.parametrize("dist, bounds", [("triangular", (-3.0, 1.0, 2.0)), ("uniform", (-3.0, 0.0, 2.0))])
def test_triangular_and_uniform_marginals_through_the_copula(tiny, dist, bounds):
    # One deviation per path (persistence 1): a reaches 100·((100+g)/100·e^{δ/100})^5, so it
    # clears the 8 %/yr bar exactly when δ ≥ 100·ln(1.08/1.07): P = 1 − F(δ*).
    low, peak, high = bounds
    scn = scenario("[drivers]\na = 7.0\n")
    unc = only(tiny, scn, {"a": Marginal("a", dist, low=low, peak=peak, high=high)}, persistence=1.0)
    n = 400_000
    res = simulate(tiny, resolve(tiny, scn), unc, n, seed=8, targets=tiny.targets[:1], sample=0)
    cut = 100 * math.log(1.08 / 1.07)
    exact = float(unc.marginals[0].frozen().sf(cut))
    assert 0.05 < exact < 0.95
    assert within(res.probability[0], exact, n)


def test_fixed_drivers_exactly_on_target_stay_met_in_single_precision(plan):
    # The plan scenario meets the 1600万千瓦 capacity target exactly (the sum of its kinds). With
    # no spread on any kind, float32 rounding must not turn that into 'at risk'.
    scn = load_scenario("plan")
    unc = uncertainty_for(plan, scn)
    parts = {"thermal_capacity", "new_energy_capacity", "storage_capacity", "other_capacity"}
    margs = tuple(Marginal(m.driver, sd=0.0) if m.driver in parts else m for m in unc.marginals)
    res = simulate(plan, resolve(plan, scn), replace(unc, marginals=margs), 2000, seed=0)
    t = next(i for i, x in enumerate(res.targets) if x.indicator == "energy_capacity")
    assert res.met[t] == 2000


# --------------------------------------------------------------------------- correlation

def test_sampled_driver_correlation_matches_the_requested_matrix(plan):
    scn = load_scenario("uncertain")
    res = run_montecarlo(plan, scn, 100_000, seed=2, sample=100_000, dtype=np.float64)
    unc = res.uncertainty
    paths = resolve(plan, scn).drivers
    # Deviations on the scale the copula is linear on: log growth for compound drivers.
    dev = np.empty_like(res.sample_drivers)
    for d, ind in enumerate(plan.drivers):
        x = res.sample_drivers[:, d]
        dev[:, d] = np.log1p(x / 100) - np.log1p(paths[d] / 100) if ind.dynamic == "compound" else x - paths[d]
    pairs = np.argwhere(np.triu(unc.correlation, 1) != 0)
    assert len(pairs) >= 10     # linked drivers carry no pairs of their own (their link does)
    n = dev.shape[0] * dev.shape[2]
    for i, j in pairs:
        a = dev[:, i].reshape(-1)
        b = dev[:, j].reshape(-1)
        rho = unc.correlation[i, j]
        if {unc.marginals[i].dist, unc.marginals[j].dist} == {"normal"}:
            got, want = np.corrcoef(a, b)[0, 1], rho
        else:  # Gaussian copula: Spearman's rho is (6/π)·asin(ρ/2) whatever the marginals
            got, want = stats.spearmanr(a, b)[0], 6 / math.pi * math.asin(rho / 2)
        assert abs(got - want) <= 4 * (1 - want**2) / math.sqrt(n), (plan.drivers[i].id, plan.drivers[j].id)
    # Uncorrelated drivers stay uncorrelated.
    v, s = plan.driver_index["visitors"], plan.driver_index["storage_capacity"]
    assert abs(np.corrcoef(dev[:, v].reshape(-1), dev[:, s].reshape(-1))[0, 1]) < 4 / math.sqrt(n)


def test_year_to_year_persistence_is_the_lag_one_correlation(plan):
    scn = scenario("[uncertainty]\npersistence = 0.6\n", {"plan": load_scenario("plan")})
    res = run_montecarlo(plan, scn, 50_000, seed=4, sample=50_000, dtype=np.float64)
    d = plan.driver_index["new_energy_capacity"]
    dev = res.sample_drivers[:, d] - resolve(plan, scn).drivers[d]
    for t in range(4):
        assert abs(np.corrcoef(dev[:, t], dev[:, t + 1])[0, 1] - 0.6) <= 4 * (1 - 0.36) / math.sqrt(50_000)
    assert np.std(dev[:, 4]) == pytest.approx(res.uncertainty.std[d], rel=0.02)


def test_a_matrix_that_is_not_positive_semi_definite_is_rejected(plan):
    scn = scenario('[correlation]\npairs = [["visitors", "tourism_spending", 0.9], ["tourism_spending", '
                   '"retail_sales", 0.9], ["visitors", "retail_sales", -0.9]]\n')
    with pytest.raises(ScenarioError) as err:
        uncertainty_for(plan, scn)
    assert err.value.field == "correlation" and "positive semi-definite" in err.value.reason
    assert err.value.source == "test.toml"


def test_a_singular_but_valid_matrix_is_accepted_and_sampled(plan):
    scn = scenario('[correlation]\npairs = [["visitors", "tourism_spending", 1.0]]\n')
    unc = uncertainty_for(plan, scn)
    factor = correlation_factor(np.array([[1.0, 1.0], [1.0, 1.0]]))
    assert np.allclose(factor @ factor.T, [[1, 1], [1, 1]])
    z = Sampler(unc, 5).scores(0, 0, 1000, np.float64)
    a = list(Sampler(unc, 5).active)
    v, s = a.index(plan.driver_index["visitors"]), a.index(plan.driver_index["tourism_spending"])
    assert np.allclose(z[:, v], z[:, s], atol=1e-6)


@pytest.mark.parametrize("text, field, words", [
    ('[correlation]\ndrivers = ["visitors", "tourism_spending"]\nmatrix = [[1.0, 0.5], [0.4, 1.0]]\n',
     "correlation.matrix", "not symmetric"),
    ('[correlation]\ndrivers = ["visitors", "tourism_spending"]\nmatrix = [[0.9, 0.5], [0.5, 1.0]]\n',
     "correlation.matrix", "diagonal"),
    ('[correlation]\ndrivers = ["visitors", "tourism_spending"]\nmatrix = [[1.0, 0.5]]\n',
     "correlation.matrix", "2×2"),
    ('[correlation]\npairs = [["visitors", "tourism_spending", 1.5]]\n', "correlation.pairs[0]", "between −1 and 1"),
    ('[correlation]\npairs = [["visitors", "gdp", 0.5]]\n', "correlation.pairs[0]", "derived"),
    ('[correlation]\npairs = [["visitors", "visitors", 0.5]]\n', "correlation.pairs[0]", "itself"),
    ('[correlation]\npairs = [["visitors", "tourists", 0.5]]\n', "correlation.pairs[0]", "unknown driver"),
    ('[correlation]\npairs = [["visitors", "retail_sales", 0.5], ["retail_sales", "visitors", 0.2]]\n',
     "correlation.pairs[1]", "two correlations"),
    ("[uncertainty]\nvisitors = { sd = -1.0 }\n", "uncertainty.visitors.sd", "negative"),
    ('[uncertainty]\nvisitors = { dist = "lognormal", sd = 1.0 }\n', "uncertainty.visitors.dist", "not one of"),
    ('[uncertainty]\nvisitors = { dist = "uniform", low = 2.0, high = 1.0 }\n', "uncertainty.visitors.high", "above low"),
    ('[uncertainty]\nvisitors = { dist = "triangular", low = -1.0, peak = 3.0, high = 2.0 }\n',
     "uncertainty.visitors.peak", "between"),
    ("[uncertainty]\nvisitors = { sd = 1.0, low = -1.0 }\n", "uncertainty.visitors.low", "either sd"),
    ("[uncertainty]\nvisitors = { sd = 1.0, mean = 2.0 }\n", "uncertainty.visitors.mean", "unknown key"),
    ("[uncertainty]\ngdp = { sd = 1.0 }\n", "uncertainty.gdp", "derived"),
    ("[uncertainty]\ntourists = { sd = 1.0 }\n", "uncertainty.tourists", "unknown driver"),
    ("[uncertainty]\npersistence = 1.5\n", "uncertainty.persistence", "between 0"),
    ("[uncertainty]\nscale = -1.0\n", "uncertainty.scale", "negative"),
])
def test_bad_uncertainty_settings_name_the_file_field_and_reason(plan, text, field, words):
    with pytest.raises(ScenarioError) as err:
        uncertainty_for(plan, scenario(text))
    assert err.value.source == "test.toml"
    assert err.value.field == field
    assert words in err.value.reason


# --------------------------------------------------------------------------- settings

def test_defaults_follow_the_documented_rules(plan):
    unc = uncertainty_for(plan, load_scenario("plan"))
    sd = dict(zip([d.id for d in plan.drivers], unc.std, strict=True))
    paths = resolve(plan, load_scenario("plan")).drivers
    assert sd["primary_va"] == COMPOUND_FLOOR and sd["tertiary_va"] == COMPOUND_FLOOR
    # 2025's 10.2 % vs the plan's 12 / 1.3235 = 9.07 % (the pace 规上工业's link needs): floored
    assert sd["secondary_va"] == COMPOUND_FLOOR
    assert sd["visitors"] == pytest.approx(18 - paths[plan.driver_index["visitors"]].mean(), abs=1e-6)
    assert sd["storage_capacity"] == pytest.approx(LINEAR_SHARE * 54, abs=1e-6)  # (300 − 30) / 5 a year
    assert sd["grain_area"] == 0.0                                               # held still
    assert sd["urban_new_jobs"] == pytest.approx(7944 - 7000, abs=1e-6)          # 7,944 vs 7,000 a year


def test_children_override_their_parents(plan):
    parent = scenario('[uncertainty]\nscale = 2.0\nvisitors = { sd = 3.0 }\nretail_sales = { sd = 1.0 }\n'
                      '[correlation]\npairs = [["visitors", "tourism_spending", 0.5]]\n')
    child = scenario_from_text(
        '[scenario]\nname = "c"\ntitle_zh = "子"\ntitle_en = "child"\nparent = "t"\n'
        '[uncertainty]\nvisitors = { dist = "uniform", sd = 4.0 }\n'
        '[correlation]\npairs = [["tourism_spending", "visitors", 0.7]]\n', "child.toml", {"t": parent})
    unc = uncertainty_for(plan, child, scale=0.5)
    by = {m.driver: m for m in unc.marginals}
    assert by["visitors"].dist == "uniform" and by["visitors"].std == pytest.approx(4.0 * 2.0 * 0.5)
    assert by["retail_sales"].std == pytest.approx(1.0)
    assert unc.correlation[plan.driver_index["visitors"], plan.driver_index["tourism_spending"]] == 0.7


# --------------------------------------------------------------------------- reproducibility

def test_same_seed_same_numbers_other_seed_other_numbers(plan):
    scn = load_scenario("uncertain")
    a = run_montecarlo(plan, scn, 9000, seed=0, sample=500)
    b = run_montecarlo(plan, scn, 9000, seed=0, sample=500)
    c = run_montecarlo(plan, scn, 9000, seed=1, sample=500)
    assert np.array_equal(a.met, b.met) and np.array_equal(a.sample_values, b.sample_values)
    assert not np.array_equal(a.sample_values, c.sample_values)
    fresh = run_montecarlo(plan, scn, 3000, seed=None, sample=10)
    again = run_montecarlo(plan, scn, 3000, seed=fresh.seed, sample=10)
    assert np.array_equal(fresh.met, again.met)


def test_results_do_not_depend_on_chunk_size_or_threads(plan):
    scn = load_scenario("uncertain")
    draws = 5 * BLOCK + 123
    runs = [run_montecarlo(plan, scn, draws, seed=9, chunk=chunk, workers=workers, sample=draws)
            for chunk, workers in ((BLOCK, 1), (3 * BLOCK, 2), (50 * BLOCK, 2), (1, 2))]
    for other in runs[1:]:
        assert np.array_equal(runs[0].met, other.met) and np.array_equal(runs[0].at_risk, other.at_risk)
        assert np.array_equal(runs[0].sample_values, other.sample_values)


def test_the_plain_python_reference_loop_agrees(plan):
    reference = load_reference()
    momentum = scenario_from_text('[scenario]\nname = "m"\ntitle_zh = "m"\ntitle_en = "m"\nparent = "momentum"\n'
                                  '[uncertainty]\npersistence = 0.5\n[actuals.visitors]\n2026 = 2500.0\n',
                                  "m.toml")
    for scn in (load_scenario("uncertain"), momentum):
        ref = reference.reference_run(plan, scn, 1200, seed=13)
        exact = run_montecarlo(plan, scn, 1200, seed=13, dtype=np.float64, sample=1200)
        assert np.allclose(exact.sample_values, np.array(ref.values), rtol=1e-10, atol=0)
        assert list(exact.met) == ref.met
        single = run_montecarlo(plan, scn, 1200, seed=13, sample=1200)
        assert np.allclose(single.sample_values, np.array(ref.values), rtol=2e-6, atol=0)
        # single precision may put a draw lying within rounding of a threshold on the other side:
        # at most a couple of draws per target, never more
        assert np.abs(np.array(single.met) - np.array(ref.met)).max() <= 2


def test_status_counter_agrees_with_the_target_check(plan):
    compiled = compile_plan(plan, 2030)
    paths = resolve(plan, load_scenario("cautious")).drivers
    rng = np.random.default_rng(0)
    drivers = paths[None] + rng.normal(0, 1.5, (3000, *paths.shape))
    values = project_array(compiled, drivers)
    expected = evaluate_targets(compiled, values, drivers, required=False).status
    assert np.array_equal(status_of(values, plan), expected)
    assert len(all_targets(plan)) == expected.shape[1]


# --------------------------------------------------------------------------- results

def test_wilson_interval_known_values():
    lo, hi = wilson_interval(np.array([0, 5, 10]), 10)
    assert lo[0] == 0 and hi[0] == pytest.approx(0.2775, abs=1e-4)
    assert (lo[1], hi[1]) == (pytest.approx(0.2366, abs=1e-4), pytest.approx(0.7634, abs=1e-4))
    assert hi[2] == 1 and lo[2] == pytest.approx(0.7225, abs=1e-4)


def test_tables_probabilities_quantiles_and_draws(plan):
    res = run_montecarlo(plan, load_scenario("uncertain"), 6000, seed=3, sample=2000)
    prob = res.probabilities("en")
    assert len(prob) == len(all_targets(plan))
    assert ((prob.p_met_low <= prob.p_met) & (prob.p_met <= prob.p_met_high)).all()
    assert np.allclose(prob.p_met + prob.p_at_risk + prob.p_missed, 1)
    fan = res.quantiles("en")
    assert len(fan) == len(plan.indicators) * 6
    q = fan[["p5", "p25", "p50", "p75", "p95"]].to_numpy()
    assert (np.diff(q, axis=1) >= 0).all()
    base = fan[fan.year == 2025]
    assert np.allclose(base.p5, base.p95) and np.allclose(base.p50, base.value, rtol=1e-6)
    draws = res.draws_table(3)
    assert len(draws) == 3 * len(plan.indicators) * 6 and draws["draw"].max() == 2


def test_ctrl_c_stops_every_worker_and_propagates(plan):
    before = threading.active_count()
    calls = []

    def interrupt(done, total):
        calls.append(done)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_montecarlo(plan, load_scenario("plan"), 200 * BLOCK, seed=0, chunk=BLOCK, workers=2, progress=interrupt)
    assert len(calls) == 1 and calls[0] < 200 * BLOCK
    assert threading.active_count() == before


# --------------------------------------------------------------------------- command line

def test_mc_command_writes_reproducible_tables(capsys, tmp_path):
    from sim.cli.main import main

    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    for path in (first, second):
        assert main(["mc", "uncertain", "--draws", "6000", "--seed", "4", "-o", str(path)]) == 0
    assert first.read_bytes() == second.read_bytes() and first.read_bytes()[:3] == b"\xef\xbb\xbf"
    import pandas as pd

    table = pd.read_csv(first, encoding="utf-8-sig")
    assert {"p_met", "p_met_low", "p_met_high", "projected_p5", "projected_p95"} <= set(table.columns)
    assert capsys.readouterr().err.count("wrote") == 2          # no progress line: stderr is not a terminal


def test_mc_command_views(capsys):
    from sim.cli.main import main

    assert main(["mc", "plan", "--draws", "3000", "--targets-only", "--progress"]) == 0
    captured = capsys.readouterr()
    assert "p_met_pct" in captured.out and "3,000/3,000 draws" in captured.err
    assert main(["mc", "plan", "--draws", "3000", "--quantiles"]) == 0
    assert "p95" in capsys.readouterr().out
    assert main(["mc", "plan", "--draws", "3000", "--keep", "2"]) == 0
    assert "draw" in capsys.readouterr().out
    assert main(["mc", "uncertain", "--spreads", "--lang", "zh"]) == 0
    assert "三角" in capsys.readouterr().out  # the distribution in Chinese (sim.report.labels.DIST)
    assert main(["mc", "plan", "--goal", "80%", "--draws", "2000", "--targets-only"]) == 0
    assert "closed form" in capsys.readouterr().out


def test_mc_command_bad_arguments_and_ctrl_c(capsys, monkeypatch, tmp_path):
    from sim.cli import uncertainty as command
    from sim.cli.main import main

    for argv in (["mc", "plan", "--draws", "0"], ["mc", "plan", "--seed", "-1"], ["mc", "plan", "--goal", "1.5"],
                 ["mc", "plan", "--persistence", "2"]):
        with pytest.raises(SystemExit) as exit_:
            main(argv)
        assert exit_.value.code == 2
    capsys.readouterr()
    assert main(["mc", "nosuch"]) == 2 and "unknown scenario" in capsys.readouterr().err
    bad = tmp_path / "bad.toml"
    bad.write_text('[scenario]\nname = "bad"\ntitle_zh = "坏"\ntitle_en = "bad"\n[correlation]\n'
                   'pairs = [["visitors", "tourism_spending", 0.9], ["tourism_spending", "retail_sales", 0.9], '
                   '["visitors", "retail_sales", -0.9]]\n', encoding="utf-8")
    assert main(["mc", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"{bad}: correlation: " in err and "semi-definite" in err

    def interrupted(*args, **kwargs):
        kwargs["progress"](BLOCK, 10 * BLOCK)
        raise KeyboardInterrupt

    monkeypatch.setattr(command, "run_montecarlo", interrupted)
    assert main(["mc", "plan", "--progress"]) == 130
    err = capsys.readouterr().err
    assert "interrupted" in err and "Traceback" not in err and err.count("\n") == 2   # progress line, message


def test_a_target_decided_by_actuals_is_not_lost_to_single_precision(plan):
    # Water use observed at exactly its 2026 ceiling (6.94, not a float32 number) is met.
    scn = scenario_from_text('[scenario]\nname = "w"\ntitle_zh = "w"\ntitle_en = "w"\nparent = "uncertain"\n'
                             "[actuals.water_use]\n2026 = 6.94\n", "w.toml")
    res = run_montecarlo(plan, scn, 3000, seed=0)
    t = next(i for i, x in enumerate(res.targets) if x.indicator == "water_use")
    assert res.met[t] == 3000
