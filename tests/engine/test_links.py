"""Links: closed forms through a link, unlinking, the capacity identity, links in the Monte
Carlo and the sensitivity tornado, bad link data, and the audit rule."""

from __future__ import annotations

import tomllib

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sim import check_targets, load_plan, load_scenario, project
from sim.engine.kernel import compile_plan, project_array
from sim.engine.resolve import resolve
from sim.io.errors import PlanError
from sim.io.plan import default_plan_path, parse_plan
from sim.review.audit import audit_plan
from sim.uncertainty.montecarlo import run_montecarlo
from sim.uncertainty.sensitivity import tornado

SECTORS = ("primary_va", "secondary_va", "tertiary_va")
PARTS = ("thermal_capacity", "new_energy_capacity", "storage_capacity", "other_capacity")
DEFLATOR = 1.5       # the plan file's assumed gdp_deflator pace [%/年]


def _with_sectors(rate: float, **more):
    return load_scenario("plan").with_changes(drivers={**dict.fromkeys(SECTORS, rate), **more})


def _pace(plan, scenario, ind_id: str) -> np.ndarray:
    res = resolve(plan, scenario)
    return res.drivers[plan.driver_index[ind_id]]


@pytest.mark.parametrize("real", [6.5, 5.5, 3.0])
def test_revenue_is_elasticity_times_nominal_gdp(plan, real):
    e = plan.links.by_indicator["public_budget_revenue"].elasticities[0]
    nominal = ((1 + real / 100) * (1 + DEFLATOR / 100) - 1) * 100
    np.testing.assert_allclose(_pace(plan, _with_sectors(real), "public_budget_revenue"), e * nominal)


def test_gdp_one_point_lower_takes_e_points_off_revenue_on_the_nominal_scale(plan):
    e = plan.links.by_indicator["public_budget_revenue"].elasticities[0]
    hi = _pace(plan, _with_sectors(6.5), "public_budget_revenue")
    lo = _pace(plan, _with_sectors(5.5), "public_budget_revenue")
    np.testing.assert_allclose(hi - lo, e * 1.0 * (1 + DEFLATOR / 100))   # 1 real point = 1.015 nominal
    table = check_targets(project(plan, _with_sectors(5.5))).set_index(["indicator", "check"])
    assert table.loc[("gdp", "target"), "status"] == "missed"
    assert table.loc[("public_budget_revenue", "target"), "projected"] == pytest.approx(
        e * ((1.055 * 1.015 - 1) * 100), abs=1e-9)


def test_lower_sectors_move_incomes_retail_and_industry(plan):
    base = check_targets(project(plan, "plan")).set_index(["indicator", "check"])["projected"]
    low = check_targets(project(plan, _with_sectors(5.5))).set_index(["indicator", "check"])["projected"]
    for ind in ("urban_income", "rural_income", "retail_sales", "industrial_va", "public_budget_revenue"):
        assert low[(ind, "target")] < base[(ind, "target")] - 0.5, ind
    # industry follows the secondary sector at the 2025 elasticity 13.5 / 10.2
    np.testing.assert_allclose(_pace(plan, _with_sectors(5.5), "industrial_va"), 1.3235 * 5.5)


def test_deflator_moves_nominal_links_only(plan):
    hot = load_scenario("plan").with_changes(drivers={"gdp_deflator": 3.0})
    base = resolve(plan, load_scenario("plan"))
    res = resolve(plan, hot)
    d = plan.driver_index
    assert (res.drivers[d["public_budget_revenue"]] > base.drivers[d["public_budget_revenue"]] + 1.4).all()
    np.testing.assert_allclose(res.drivers[d["industrial_va"]], base.drivers[d["industrial_va"]])  # real to real


def test_setting_a_linked_driver_by_hand_unlinks_it(plan):
    mine = _with_sectors(5.5, public_budget_revenue=4.0)
    res = resolve(plan, mine)
    d = plan.driver_index["public_budget_revenue"]
    np.testing.assert_allclose(res.drivers[d], 4.0)
    assert "set by hand; unlinked from gdp" in res.sources[d]
    assert not res.linked[d] and res.linked[plan.driver_index["urban_income"]]
    assert "linked: follows gdp × 1" in res.sources[plan.driver_index["urban_income"]]
    # the cautious scenario ships one such driver
    cautious = resolve(plan, load_scenario("cautious"))
    assert "unlinked" in cautious.sources[d]


def test_sources_say_linked_in_cli_and_export(plan, tmp_path):
    from sim.cli.main import main
    out = tmp_path / "run.csv"
    assert main(["run", "cautious", "--sources", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8-sig")
    assert "set by hand; unlinked from gdp" in text and "linked: follows gdp × 1" in text


def test_kernel_follows_nan_and_keeps_numbers(plan):
    res = resolve(plan, load_scenario("plan"))
    compiled = compile_plan(plan, res.years[-1])
    a = project_array(compiled, res.drivers[None], res.actuals[None])
    b = project_array(compiled, res.kernel_drivers[None], res.actuals[None])
    np.testing.assert_allclose(a, b, rtol=1e-12)


@pytest.mark.parametrize("name", ["plan", "momentum", "cautious", "ambitious", "uncertain"])
def test_capacity_identity_in_every_shipped_scenario(plan, name):
    proj = project(plan, name).to_wide().set_index("indicator")
    years = [c for c in proj.columns if isinstance(c, int)]
    total = proj.loc["energy_capacity", years].astype(float)
    parts = proj.loc[list(PARTS), years].astype(float)
    np.testing.assert_allclose(parts.sum(), total, rtol=1e-12)
    assert (parts.values >= 0).all() and (parts.values <= total.values + 1e-9).all()


def test_momentum_no_longer_loses_a_coal_plant(plan):
    proj = project(plan, "momentum").to_wide().set_index("indicator")
    assert proj.loc["thermal_capacity", 2030] == pytest.approx(260.0)
    # 614 + 5 × (56.3 new energy + 6 storage)
    assert proj.loc["energy_capacity", 2030] == pytest.approx(614 + 5 * 62.3)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.floats(0, 400), min_size=4, max_size=4), st.integers(0, 2**31 - 1))
def test_identity_holds_for_any_additions_and_in_monte_carlo_draws(plan, adds, seed):
    # additions of at least 0 keep every part within its domain (a part at 0 cannot shrink)
    mine = load_scenario("plan").with_changes(drivers=dict(zip(PARTS, adds, strict=True)))
    values = project(plan, mine).to_wide().set_index("indicator")
    years = [c for c in values.columns if isinstance(c, int)]
    np.testing.assert_allclose(values.loc[list(PARTS), years].astype(float).sum(),
                               values.loc["energy_capacity", years].astype(float), rtol=1e-9, atol=1e-6)
    mc = run_montecarlo(plan, load_scenario("uncertain"), draws=64, seed=seed, sample=64, workers=1)
    v = mc.sample_values
    parts = v[:, [plan.index[x] for x in PARTS]].sum(axis=1)
    np.testing.assert_allclose(parts, v[:, plan.index["energy_capacity"]], rtol=1e-5)


def test_a_gdp_shock_reaches_revenue_in_the_same_draw(plan):
    mc = run_montecarlo(plan, load_scenario("uncertain"), draws=256, seed=3, sample=256, workers=1)
    v = mc.sample_values.astype(np.float64)
    gdp, price, revenue = (v[:, plan.index[x], 1:] / v[:, plan.index[x], :-1]
                           for x in ("gdp", "gdp_deflator", "public_budget_revenue"))
    np.testing.assert_allclose(revenue - 1, gdp * price - 1, atol=1e-5)     # elasticity 1
    assert np.std(gdp) > 0.005                                                  # the draws do vary


def test_tornado_shows_total_effects_through_links(plan):
    table = tornado(plan, load_scenario("plan"))
    rows = table[(table.indicator == "public_budget_revenue") & (table.driver == "secondary_va")]
    assert len(rows) and (rows.change_up.abs() > 0.01).all()


def _plan_data():
    return tomllib.loads(default_plan_path().read_text(encoding="utf-8"))


@pytest.mark.parametrize("change, field", [
    (lambda d: d["links"]["follow"][0].update(indicator="nowhere"), "links.follow[0].indicator"),
    (lambda d: d["links"]["follow"][0].update(elasticities=[1.0, 2.0]), "links.follow[0].elasticities"),
    (lambda d: d["links"]["follow"][1].pop("reason"), "links.follow[1].reason"),
    (lambda d: d["links"]["follow"].append({"indicator": "gdp_deflator", "inputs": ["gdp"], "elasticities": [1.0],
                                            "basis": "assumed", "reason": "x"}), "links.follow[5].indicator"),
    (lambda d: d["links"]["follow"].append({"indicator": "secondary_va", "inputs": ["retail_sales"],
                                            "elasticities": [1.0], "basis": "assumed", "reason": "x"}),
     "links.follow"),
])
def test_bad_link_data_names_the_field(change, field):
    data = _plan_data()
    change(data)
    with pytest.raises(PlanError) as err:
        parse_plan(data, "p.toml")
    assert f"p.toml: {field}:" in str(err.value)


def test_audit_checks_each_link_against_the_targets(plan):
    table = audit_plan(plan, ["links"]).set_index("indicator")
    rural = table.loc["rural_income"]
    assert rural.severity == "info" and rural.computed == pytest.approx((1.065 * 1.015 - 1) * 100)
    assert "= ⇔ p = 0.94 %/年" in rural.arithmetic
    assert table.loc["industrial_va"].computed == pytest.approx(12 / 1.3235)
    data = _plan_data()
    data["links"]["follow"][2]["elasticities"] = [0.5]           # urban incomes at half of GDP
    got = audit_plan(parse_plan(data, "p.toml"), ["links"]).set_index("indicator")
    assert got.loc["urban_income"].severity == "warning"


def test_link_quotes_are_in_the_report(plan, report_text):
    for link in plan.links.follow:
        for quote in link.quote:
            assert quote in report_text


def test_only_sums_of_non_negative_parts_are_spared_the_domain_check():
    plan = load_plan()
    compiled = compile_plan(plan)
    safe = {plan.indicators[r].id for r in compiled.safe_rows}
    derived = {ind.id: ind.op for ind in plan.derived_order}
    assert safe == {i for i, op in derived.items() if op == "sum"}
    assert "gdp" in safe and "secondary_share" not in safe and "spend_per_visitor" not in safe


def test_a_reused_buffer_gives_the_same_projection_as_a_fresh_one():
    plan = load_plan()
    r = resolve(plan, load_scenario("momentum"))
    compiled = compile_plan(plan)
    rng = np.random.default_rng(3)
    drivers = (r.kernel_drivers[None] + rng.normal(0, 2, (64, *r.kernel_drivers.shape))).astype(np.float32)
    fresh = project_array(compiled, drivers, clip=True)
    buffer = np.full((len(compiled.years), compiled.n_indicators, 64), np.nan, dtype=np.float32)
    again = project_array(compiled, drivers, clip=True, out=buffer)
    assert np.shares_memory(again, buffer)
    np.testing.assert_array_equal(again, fresh)


def test_following_a_link_is_not_counted_as_holding_a_draw_at_its_bound():
    # A linked driver's pace is NaN until its link is followed: the plan's own paths, projected
    # as Monte Carlo draws are, leave every indicator inside its domain and mark none.
    plan = load_plan()
    r = resolve(plan, load_scenario("plan"))
    compiled = compile_plan(plan)
    clipped = np.zeros((1, compiled.n_indicators), dtype=bool)
    held = project_array(compiled, r.kernel_drivers[None], clip=True, clipped=clipped)
    np.testing.assert_allclose(held, project_array(compiled, r.kernel_drivers[None]))
    assert not clipped.any()


def test_a_linked_level_pushed_below_zero_is_held_there_and_marked():
    # Secondary industry shrinking 80 % a year pulls 规上工业 (elasticity 1.3235) below −100 %.
    plan = load_plan()
    r = resolve(plan, load_scenario("plan"))
    compiled = compile_plan(plan)
    drivers = r.kernel_drivers[None].copy()
    drivers[0, plan.driver_index["secondary_va"]] = -80.0
    clipped = np.zeros((1, compiled.n_indicators), dtype=bool)
    values = project_array(compiled, drivers, clip=True, clipped=clipped)[0]
    row = plan.index["industrial_va"]
    assert (values[row, 1:] == 0).all() and values[row, 0] == 100.0
    marked = {plan.indicators[i].id for i in np.flatnonzero(clipped[0])}
    assert "industrial_va" in marked and "public_budget_revenue" not in marked
