"""Shipped scenarios, inheritance, rules and actuals."""

from __future__ import annotations

import numpy as np
import pytest

from sim import Scenario, check_targets, load_scenario, project, resolve, scenario_from_text
from sim.engine.rules import rule_paths

SHIPPED = ("plan", "momentum", "cautious", "ambitious")


@pytest.mark.parametrize("name", SHIPPED)
def test_every_shipped_scenario_loads_runs_and_checks(plan, name):
    s = load_scenario(name)
    assert s.title_zh and s.title_en and len(s.rationale) > 80
    proj = project(plan, s)
    table = check_targets(proj)
    assert len(table) == len(plan.targets) + len(plan.milestones)
    assert table["status"].isin(["met", "at_risk", "missed"]).all()
    assert np.isfinite(proj.values).all()


def test_shipped_files_cover_the_folder(shipped_scenarios):
    assert {p.stem for p in shipped_scenarios} >= set(SHIPPED)


def test_plan_scenario_meets_every_target_and_milestone_by_construction(plan):
    table = check_targets(project(plan, "plan"))
    assert (table["status"] == "met").all(), table.loc[table.status != "met", ["indicator", "check"]]
    gdp = table[(table.indicator == "gdp") & (table.check == "target")].iloc[0]
    assert gdp.projected == pytest.approx(6.5, abs=1e-9)


def test_plan_rule_values(plan):
    paths, labels = rule_paths(plan, "plan", 2030)
    d = plan.driver_index
    # 二产 takes the pace 规上工业's 12% needs through its link; the other sectors share GDP's 6.5%
    np.testing.assert_allclose(paths[d["secondary_va"]], 12 / 1.3235, atol=1e-9)
    np.testing.assert_allclose(paths[d["other_capacity"]], (1600 - 1000 - 300 - 260) / 5)   # the balance
    np.testing.assert_allclose(paths[d["thermal_capacity"]], 0.0)
    np.testing.assert_allclose(paths[d["urban_new_jobs"]], [7400, 6900, 6900, 6900, 6900])
    assert paths[d["visitors"]][0] == pytest.approx((2500 / 2267 - 1) * 100)
    assert "gdp" in labels[d["primary_va"]]


def test_momentum_uses_the_2025_pace_where_reported(plan):
    res = resolve(plan, load_scenario("momentum"))
    d = plan.driver_index
    for ind_id, pace in (("secondary_va", 10.2), ("visitors", 18),
                         ("tourism_spending", 22), ("primary_va", 5.9)):
        np.testing.assert_allclose(res.drivers[d[ind_id]], pace)
        assert res.sources[d[ind_id]].startswith("trend")
    # 规上工业 follows 二产 at the 2025 elasticity, so it keeps 2025's 13.5 % (to the elasticity's rounding)
    np.testing.assert_allclose(res.drivers[d["industrial_va"]], 13.5, atol=0.01)
    assert res.sources[d["industrial_va"]].startswith("linked: follows secondary_va × 1.3235")
    # no 2025 pace for fiscal revenue: it follows nominal GDP, and the label says so
    assert res.sources[d["public_budget_revenue"]].startswith("linked: follows gdp × 1")
    assert res.drivers[d["public_budget_revenue"]][0] > 8.5      # GDP ≈ 7.4 % real, prices +1.5 %


def test_child_inherits_and_overrides(plan):
    res = resolve(plan, load_scenario("ambitious"))
    d = plan.driver_index
    np.testing.assert_allclose(res.drivers[d["secondary_va"]], [10, 10, 10, 9, 9])
    assert res.sources[d["secondary_va"]] == "ambitious"
    assert res.sources[d["rural_income"]].startswith("linked")   # follows GDP, which the child raised
    assert res.sources[d["fixed_asset_investment"]] == "ambitious"


def test_year_table_changes_only_from_its_year(plan):
    child = load_scenario("plan").with_changes(drivers={"visitors": {2028: 5.0}})
    res = resolve(plan, child)
    path = res.drivers[plan.driver_index["visitors"]]
    assert path[0] == pytest.approx((2500 / 2267 - 1) * 100)
    np.testing.assert_allclose(path[2:], 5.0)


def test_actuals_replace_the_projection_and_the_path_continues(plan):
    child = load_scenario("plan").with_changes(actuals={"visitors": {2026: 2400.0}})
    proj = project(plan, child)
    assert proj.value(child.name, "visitors", 2026) == 2400.0
    growth_after = proj.value(child.name, "visitors", 2027) / 2400 - 1
    assert growth_after * 100 == pytest.approx(10.0)
    long = proj.to_long()
    row = long[(long.indicator == "visitors") & (long.year == 2026)].iloc[0]
    assert row.basis == "actual"


def test_horizon_2035(plan):
    proj = project(plan, load_scenario("plan").with_changes(horizon=2035))
    assert proj.years[-1] == 2035
    assert check_targets(proj)["status"].eq("met").all()


def test_toml_round_trip(plan):
    child = load_scenario("cautious").with_changes(
        name="mine", title_zh="我的", title_en="Mine", drivers={"visitors": [9.0, 8.0], "new_energy_capacity": {2027: 120.0}},
        actuals={"tourism_spending": {2026: 190.0}})
    text = child.to_toml()
    back = scenario_from_text(text, "mine.toml")
    a, b = resolve(plan, child), resolve(plan, back)
    np.testing.assert_array_equal(a.drivers, b.drivers)
    np.testing.assert_array_equal(np.isnan(a.actuals), np.isnan(b.actuals))
    assert back.parent.name == "cautious" and back.title_zh == "我的"


def test_scenario_objects_need_no_file(plan):
    s = Scenario(name="t", title_zh="趋势", title_en="Trend", rule="trend")
    assert check_targets(project(plan, s)).scenario.eq("t").all()
