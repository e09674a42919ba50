"""Target check: statuses, gaps, required pace round trips, first year, basis of verdicts."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from sim import CHECK_COLUMNS, check_targets, load_scenario, project
from sim.engine.targets import tolerance
from sim.io.plan import parse_plan
from tests.conftest import tiny_plan_dict


def row(table, indicator, check="target", scenario=None):
    sel = table[(table.indicator == indicator) & (table.check == check)]
    if scenario:
        sel = sel[sel.scenario == scenario]
    return sel.iloc[0]


def custom(drivers=None, actuals=None, horizon=None):
    return load_scenario("plan").with_changes(name="t", drivers=drivers or {}, actuals=actuals or {},
                                              horizon=horizon)


def test_columns(plan):
    table = check_targets(project(plan, "plan"))
    assert list(table.columns) == list(CHECK_COLUMNS)


def test_gdp_growth_below_target_is_missed_with_the_right_gap(plan):
    table = check_targets(project(plan, custom({"primary_va": 5.0, "secondary_va": 5.0, "tertiary_va": 5.0})))
    gdp = row(table, "gdp")
    assert gdp.projected == pytest.approx(5.0)
    assert gdp.gap == pytest.approx(-1.5)
    assert gdp.gap_pct == pytest.approx(-1.5 / 6.5 * 100)
    assert gdp.status == "missed"
    assert gdp.required == pytest.approx(6.5)


def test_at_risk_band_is_the_documented_tolerance(plan):
    gdp_target = next(t for t in plan.targets if t.indicator == "gdp")
    assert tolerance(plan, gdp_target) == 0.5
    near = check_targets(project(plan, custom({k: 6.1 for k in ("primary_va", "secondary_va", "tertiary_va")})))
    assert row(near, "gdp").status == "at_risk"
    # the total is the sum of its kinds: 260 + 1000 + 300 + 5 × other
    energy = check_targets(project(plan, custom({"other_capacity": 2.8})))   # 1574 vs 1600: −1.6 %
    assert row(energy, "energy_capacity").status == "at_risk"
    energy = check_targets(project(plan, custom({"other_capacity": 0.8})))   # 1564: −2.25 %
    assert row(energy, "energy_capacity").status == "missed"


def test_at_most_gap_is_positive_when_below_the_ceiling(plan):
    table = check_targets(project(plan, custom({"water_use": -0.3})))
    w = row(table, "water_use", "milestone")
    assert w.projected == pytest.approx(7.097 - 0.3)
    assert w.gap == pytest.approx(6.94 - (7.097 - 0.3))
    assert w.status == "met"


def test_required_pace_round_trips_for_every_driver_target(plan):
    """Projecting each target's driver at its required pace meets the target to rounding."""
    base = check_targets(project(plan, "cautious"), milestones=False)
    drivers = {}
    for r in base.itertuples():
        ind = plan.by_id[r.indicator]
        if ind.is_driver:
            drivers[r.indicator] = float(r.required)
    table = check_targets(project(plan, load_scenario("cautious").with_changes(name="req", drivers=drivers)),
                          milestones=False)
    driven = table[table.indicator.map(lambda i: plan.by_id[i].is_driver)]
    assert np.allclose(driven.gap, 0, atol=1e-8), driven[["indicator", "gap"]]
    assert (driven.status == "met").all() or (driven.gap > -1e-8).all()


def test_required_pace_for_a_derived_target_is_solved_and_round_trips(plan):
    table = check_targets(project(plan, "cautious"))
    need = row(table, "dairy_beef_cattle").required
    start = sum(plan.by_id[x].baseline.value for x in ("dairy_cattle", "beef_cattle"))
    assert need == pytest.approx(((60 / start) ** 0.2 - 1) * 100, abs=1e-8)
    table = check_targets(project(plan, custom({"dairy_cattle": need, "beef_cattle": need})))
    assert row(table, "dairy_beef_cattle").projected == pytest.approx(60, abs=1e-7)


def test_required_pace_from_the_last_actual_year(plan):
    s = custom(actuals={"new_energy_capacity": {2026: 400.0, 2027: 500.0}})
    table = check_targets(project(plan, s))
    r = row(table, "new_energy_capacity")
    assert r.last_actual_year == 2027
    assert r.required == pytest.approx((1000 - 500) / 3)
    assert r.basis == "actual"        # the assumed baseline is superseded


def test_cumulative_flow_target(plan):
    s = custom({"urban_new_jobs": 6800.0}, actuals={"urban_new_jobs": {2026: 7500.0}})
    r = row(check_targets(project(plan, s)), "urban_new_jobs")
    assert r.projected == pytest.approx(7500 + 4 * 6800)
    assert r.required == pytest.approx((35000 - 7500) / 4)
    assert r.status == "at_risk"              # 300 short of 35,000 is within 2 %
    assert r.milestone_status == "met"


def test_first_year_reached(plan):
    table = check_targets(project(plan, custom({"new_energy_capacity": 500.0, "other_capacity": 0.0,
                                                "storage_capacity": 0.0})))
    assert row(table, "energy_capacity").first_year == 2027     # 614 + 2×500 ≥ 1600
    table = check_targets(project(plan, "cautious"))
    assert pd.isna(row(table, "energy_capacity").first_year)


def test_hold_target_must_hold_every_year(plan):
    path = [0.5, -1.0, 0.0, 0.0, 0.6]          # 87.3, 86.3, …: dips below 87 in 2027
    table = check_targets(project(plan, custom({"good_air_days": path})))
    r = row(table, "good_air_days")
    assert r.projected == pytest.approx(86.3)
    assert r.status == "at_risk" and r.gap == pytest.approx(-0.7)


def test_verdicts_on_assumed_numbers_say_so(plan):
    table = check_targets(project(plan, "plan"))
    for ind in ("industrial_va", "forest_grass_coverage", "storage_capacity", "urban_income"):
        r = row(table, ind)
        assert r.assumed and r.basis == "assumed" and "baseline" in r.assumed_note
    for ind in ("visitors", "urban_new_jobs"):
        assert not row(table, ind).assumed


def test_tiny_plan_known_answers():
    plan = parse_plan(tiny_plan_dict(), "tiny.toml")
    table = check_targets(project(plan, custom_tiny()))
    a = row(table, "a")
    assert a.projected == pytest.approx(10.0) and a.status == "met" and a.first_year == 2030
    b = row(table, "b")     # 50 + 5×5 = 75 vs 100
    assert b.projected == pytest.approx(75) and b.status == "missed" and b.required == pytest.approx(10)
    assert b.assumed
    f = row(table, "f")     # 5 × 10 = 50 vs 60
    assert f.projected == pytest.approx(50) and f.required == pytest.approx(12)


def custom_tiny():
    from sim import Scenario

    return Scenario(name="t", title_zh="t", title_en="t", rule="trend",
                    drivers={"b": 5.0, "c": 2.0, "f": 10.0})


def test_derived_verdict_rests_on_an_input_without_actuals(plan):
    s = custom(actuals={"dairy_cattle": {2026: 5.7}})
    r = row(check_targets(project(plan, s)), "dairy_beef_cattle")
    assert r.basis == "assumed" and "beef_cattle baseline" in r.assumed_note
    assert "dairy_cattle baseline" not in r.assumed_note


def test_hold_first_year_is_when_it_starts_to_hold(plan):
    path = [0.5, -0.6, -0.6, 0.5, 0.5]        # 87.3, 86.7, 86.1, 86.6, 87.1
    r = row(check_targets(project(plan, custom({"good_air_days": path}))), "good_air_days")
    assert r.status == "at_risk" and pd.isna(r.first_year)
    r = row(check_targets(project(plan, custom({"good_air_days": [-0.2, 0.5, 0.5, 0.5, 0.5]}))), "good_air_days")
    assert r.status == "at_risk" and pd.isna(r.first_year)   # 86.6 in 2026 breaks it, though it holds after
    r = row(check_targets(project(plan, custom({"good_air_days": [0.3, 0.0, 0.0, 0.0, 0.0]}))), "good_air_days")
    assert r.status == "met" and r.first_year == 2026


def test_a_hold_broken_by_an_actual_is_missed(plan):
    s = custom(actuals={"good_air_days": {2026: 86.5}})
    r = row(check_targets(project(plan, s)), "good_air_days")
    assert r.gap == pytest.approx(-0.5)        # within the 1-point band, but already broken
    assert r.status == "missed"


def test_plan_rule_meets_a_level_target_on_a_flow():
    data = tiny_plan_dict()
    data["indicator"][3]["target"] = [{"year": 2030, "kind": "level", "direction": "at_least", "value": 15.0,
                                       "basis": "reported", "quote": "test"}]
    plan = parse_plan(data, "flow.toml")
    table = check_targets(project(plan, load_scenario_like_plan()))
    assert row(table, "f").status == "met" and row(table, "f").projected == pytest.approx(15)


def load_scenario_like_plan():
    from sim import Scenario

    return Scenario(name="p", title_zh="p", title_en="p", rule="plan")
