"""Growth milestones (地区生产总值增长6% for 2026) under the ``plan`` rule: the milestone year's
pace is the stated growth, and the free inputs of a derived indicator share the pace that meets it."""

from __future__ import annotations

import copy

import pytest

from sim import check_targets, project
from sim.engine.rules import rule_paths
from sim.io.plan import parse_plan
from tests.conftest import tiny_plan_dict


def num(value):
    return {"value": value, "basis": "reported", "quote": "test"}


def growth(year, value):
    return {"year": year, "kind": "growth", "direction": "at_least", **num(value)}


@pytest.fixture(scope="module")
def plan():
    """``a`` compound 100 with a 6% growth milestone for 2026 and 8%/yr to 2030; ``s`` = ``p`` + ``q``
    (compound 60 and 90, no targets of their own) with a 7% milestone for 2026 and 6.5%/yr to 2030;
    ``t`` = ``u`` + ``w`` with only a 5% milestone for 2026."""
    data = copy.deepcopy(tiny_plan_dict())
    by_id = {ind["id"]: ind for ind in data["indicator"]}
    by_id["a"]["milestone"] = [growth(2026, 6.0)]
    by_id["s"]["inputs"] = ["p", "q"]
    by_id["s"]["milestone"] = [growth(2026, 7.0)]
    by_id["s"]["target"] = [growth(2030, 6.5)]
    parts = [{"id": i, "name_zh": i, "name_en": i, "unit": "亿元", "area": "economy", "dynamic": "compound",
              "baseline": num(v), "trend": num(3.0)} for i, v in (("p", 60.0), ("q", 90.0), ("u", 10.0), ("w", 30.0))]
    total = {"id": "t", "name_zh": "合", "name_en": "T", "unit": "亿元", "area": "economy", "dynamic": "derived",
             "op": "sum", "inputs": ["u", "w"], "milestone": [growth(2026, 5.0)]}
    data["indicator"] += [*parts, total]
    return parse_plan(data, "growth-milestones.toml")


@pytest.fixture(scope="module")
def checked(plan):
    proj = project(plan, "plan")
    values = proj.to_long().set_index(["indicator", "year"])["value"]
    table = check_targets(proj).set_index(["indicator", "check"])
    return values, table


def test_a_growth_milestone_on_a_compound_driver_is_its_years_pace(plan, checked):
    values, table = checked
    paths, labels = rule_paths(plan, "plan", 2030)
    a = plan.driver_index["a"]
    later = ((100 * 1.08 ** 5 / 106) ** 0.25 - 1) * 100          # from 106 in 2026 to 8%/yr by 2030
    assert paths[a] == pytest.approx([6.0, later, later, later, later], rel=1e-12)
    assert labels[a] == "plan: 2026 milestone then 2030 target"
    assert values["a", 2026] == pytest.approx(106.0, rel=1e-12)
    assert values["a", 2030] == pytest.approx(100 * 1.08 ** 5, rel=1e-12)
    assert table.loc[("a", "milestone"), "status"] == "met"
    assert table.loc[("a", "milestone"), "projected"] == pytest.approx(6.0, rel=1e-12)
    assert table.loc[("a", "milestone"), "required"] == pytest.approx(6.0, rel=1e-12)
    assert table.loc[("a", "target"), "status"] == "met"


def test_a_growth_milestone_on_a_derived_sum_is_met_by_the_shared_pace(plan, checked):
    values, table = checked
    paths, labels = rule_paths(plan, "plan", 2030)
    # Parts growing at one pace make the sum grow at that pace: 7% in 2026, then the pace from
    # 150 × 1.07 to 150 × 1.065^5 over four years.
    later = ((1.065 ** 5 / 1.07) ** 0.25 - 1) * 100
    for part in ("p", "q"):
        d = plan.driver_index[part]
        assert paths[d] == pytest.approx([7.0, later, later, later, later], rel=1e-9)
        assert labels[d] == "plan: pace shared to meet the s 2026 milestone then pace shared to meet the s target"
    assert values["s", 2026] == pytest.approx(150 * 1.07, rel=1e-9)
    assert values["s", 2030] == pytest.approx(150 * 1.065 ** 5, rel=1e-9)
    assert table.loc[("s", "milestone"), "status"] == "met"
    assert table.loc[("s", "target"), "status"] == "met"


def test_a_derived_milestone_without_a_target_sets_a_pace_that_continues(plan, checked):
    values, table = checked
    paths, labels = rule_paths(plan, "plan", 2030)
    for part in ("u", "w"):
        assert paths[plan.driver_index[part]] == pytest.approx([5.0] * 5, rel=1e-9)
        assert labels[plan.driver_index[part]] == "plan: pace shared to meet the t 2026 milestone"
    assert values["t", 2026] == pytest.approx(42.0, rel=1e-9)
    assert table.loc[("t", "milestone"), "status"] == "met"


def test_every_target_and_milestone_is_met_under_plan(checked):
    _, table = checked
    assert (table.status == "met").all(), table[table.status != "met"]
