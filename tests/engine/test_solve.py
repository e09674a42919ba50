"""One solver for a derived target's shared pace (:mod:`sim.engine.solve`), used by the plan rule
and by the target check's ``required`` column: one bracket, the same answer."""

from __future__ import annotations

import numpy as np
import pytest

from sim import check_targets, project
from sim.engine.rules import rule_paths
from sim.engine.solve import BRACKETS, bracket
from sim.io.plan import parse_plan
from sim.io.scenario import Scenario
from tests.conftest import tiny_plan_dict


def sum_plan(growth: float):
    """s = a + b, both compound and without targets of their own; s must grow ``growth`` %/yr."""
    data = tiny_plan_dict()
    a = {**data["indicator"][0], "target": []}
    a.pop("trend")
    b = {**a, "id": "b", "name_zh": "乙", "name_en": "B", "baseline": {"value": 50.0, "basis": "reported",
                                                                       "quote": "test"}}
    s = {"id": "s", "name_zh": "和", "name_en": "Sum", "unit": "亿元", "area": "economy", "dynamic": "derived",
         "op": "sum", "inputs": ["a", "b"],
         "target": [{"year": 2030, "kind": "growth", "direction": "at_least", "value": growth,
                     "basis": "reported", "quote": "test"}]}
    data["indicator"] = [a, b, s]
    return parse_plan(data, "sum.toml")


def test_one_bracket_per_dynamic():
    assert bracket("compound") == BRACKETS["compound"] == (-60.0, 200.0)
    assert bracket("additive")[0] < -1e5


@pytest.mark.parametrize("growth", [6.5, 120.0])
def test_plan_rule_and_check_agree_on_the_shared_pace(growth):
    # 120 %/yr lay outside the plan rule's old −50…100 bracket but inside the check's −60…200:
    # the rule left the drivers alone while the check said 120 was needed.
    plan = sum_plan(growth)
    paths, labels = rule_paths(plan, "plan", plan.horizon)
    assert np.allclose(paths, growth, rtol=0, atol=1e-9)
    assert all("shared" in label for label in labels)
    table = check_targets(project(plan, Scenario(name="p", title_zh="p", title_en="p", rule="plan")))
    row = table.set_index("indicator").loc["s"]
    assert row["status"] == "met"
    assert row["required"] == pytest.approx(growth, abs=1e-9)
    assert row["assumed_pace"] == pytest.approx(growth, abs=1e-9)


def test_a_pace_beyond_the_bracket_is_unreachable_for_both():
    plan = sum_plan(250.0)
    paths, labels = rule_paths(plan, "plan", plan.horizon)
    assert not any("shared" in label for label in labels)
    table = check_targets(project(plan, Scenario(name="p", title_zh="p", title_en="p", rule="plan")))
    assert np.isnan(table.set_index("indicator").loc["s", "required"])
