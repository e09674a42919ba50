"""History, audit and mid-term review measure a pace with the one formula of
:func:`sim.engine.dynamics.pace`; before, a flow's pace was a growth rate in two of them and a
yearly change in the third."""

from __future__ import annotations

import pytest

from sim.engine.dynamics import pace
from sim.io.plan import parse_plan
from sim.review.audit import rule_milestone_path
from sim.review.history import needed_pace
from sim.review.midterm import midterm_review
from tests.conftest import tiny_plan_dict

#: id, dynamic, baseline, 2026 milestone, 2030 level target
CASES = [("a", "compound", 100.0, 101.0, 200.0), ("b", "additive", 50.0, 51.0, 100.0),
         ("c", "points", 40.0, 41.0, 60.0), ("f", "flow", 10.0, 10.5, 20.0)]


@pytest.fixture(scope="module")
def plan():
    data = tiny_plan_dict()
    data["indicator"] = [ind for ind in data["indicator"] if ind["id"] != "s"]
    for ind, (_, _, _, milestone, target) in zip(data["indicator"], CASES, strict=True):
        ind["target"] = [{"year": 2030, "kind": "level", "direction": "at_least", "value": target,
                          "basis": "reported", "quote": "test"}]
        ind["milestone"] = [{"year": 2026, "kind": "level", "direction": "at_least", "value": milestone,
                             "basis": "reported", "quote": "test"}]
        ind.pop("trend", None)
    return parse_plan(data, "paces.toml")


@pytest.mark.parametrize(("ind_id", "dyn", "base", "milestone", "target"), CASES)
def test_history_audit_and_midterm_give_one_pace(plan, ind_id, dyn, base, milestone, target):
    review = midterm_review(plan, {ind_id: {2026: milestone}}).set_index("indicator").loc[ind_id]
    finding = next(f for f in rule_milestone_path(plan) if f.indicator == ind_id)
    # 2026 → 2030 from the same 2026 level: mid-term's required pace is audit's later pace.
    assert review["required_pace"] == pytest.approx(finding.stated, rel=1e-12)
    assert review["required_pace"] == pytest.approx(pace(dyn, milestone, target, 4), rel=1e-12)
    # 2025 → 2026: mid-term's achieved pace is audit's milestone pace.
    assert review["achieved_pace"] == pytest.approx(finding.computed, rel=1e-12)
    assert review["achieved_pace"] == pytest.approx(pace(dyn, base, milestone, 1), rel=1e-12)
    # 2025 → 2030: history's needed pace is the same formula over the whole period.
    target_ = plan.by_id[ind_id].targets[0]
    assert needed_pace(plan, target_) == pytest.approx(pace(dyn, base, target, 5), rel=1e-12)


def test_a_flows_pace_is_its_yearly_value_everywhere(plan):
    """A flow's driver is its yearly value, so the pace to a level target on a flow is the
    target itself: history, audit, mid-term and the target check's ``required`` all say 20."""
    from sim import check_targets, project
    from sim.io.scenario import Scenario

    target = plan.by_id["f"].targets[0]
    assert needed_pace(plan, target) == 20.0
    assert next(f for f in rule_milestone_path(plan) if f.indicator == "f").stated == 20.0
    assert midterm_review(plan, {"f": {2026: 10.5}}).set_index("indicator").loc["f", "required_pace"] == 20.0
    table = check_targets(project(plan, Scenario(name="x", title_zh="x", title_en="x", rule="plan")), milestones=False)
    assert table.set_index("indicator").loc["f", "required"] == 20.0
