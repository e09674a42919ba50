"""The audit reads a growth milestone (增长6% in 2026) as the level that growth gives, on the path
to the 2030 target."""

from __future__ import annotations

import copy

import pytest

from sim.io.plan import parse_plan
from sim.review.audit import rule_milestone_path
from tests.conftest import tiny_plan_dict


@pytest.mark.parametrize("milestone, severity", [(2.0, "warning"), (20.0, "info")])
def test_a_growth_milestone_against_the_pace_its_target_then_needs(milestone, severity):
    data = copy.deepcopy(tiny_plan_dict())
    a = next(ind for ind in data["indicator"] if ind["id"] == "a")
    a["milestone"] = [{"year": 2026, "kind": "growth", "direction": "at_least", "value": milestone,
                       "basis": "reported", "quote": "test"}]
    found = [f for f in rule_milestone_path(parse_plan(data, "g.toml")) if f.indicator == "a"]
    assert len(found) == 1 and found[0].severity == severity
    assert found[0].computed == pytest.approx(milestone, rel=1e-12)          # 2025 → 2026 is the stated growth
    need_after = ((1.08 ** 5 / (1 + milestone / 100)) ** 0.25 - 1) * 100     # then on to 8%/yr over five years
    assert found[0].stated == pytest.approx(need_after, rel=1e-12)


def test_a_growth_milestone_at_the_targets_own_pace_is_not_a_finding():
    data = copy.deepcopy(tiny_plan_dict())
    a = next(ind for ind in data["indicator"] if ind["id"] == "a")
    a["milestone"] = [{"year": 2026, "kind": "growth", "direction": "at_least", "value": 8.0,
                       "basis": "reported", "quote": "test"}]
    assert not [f for f in rule_milestone_path(parse_plan(data, "g.toml")) if f.indicator == "a"]
