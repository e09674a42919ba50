"""A drafted plan runs under the ``plan`` scenario and meets every target and milestone, including
the 2026 growth milestones a work report states (地区生产总值增长6%)."""

from __future__ import annotations

import pytest

from sim import check_targets, project
from sim.draft import draft_from_path, draft_from_text
from sim.draft.decisions import validated

from .helpers import FIXTURES, report


def test_a_county_with_a_2026_gdp_growth_milestone_meets_it_under_plan():
    text = report(past="2025年,全县地区生产总值达到120亿元、增长5.8%。固定资产投资增长4%。",
                  goals="地区生产总值年均增长6.5%,固定资产投资年均增长7%。",
                  tasks="今年主要预期目标是:地区生产总值增长6%,固定资产投资增长5%。")
    plan = validated(draft_from_text(text))
    gdp = plan.by_id["gdp"]
    assert [(m.year, m.kind, m.value) for m in gdp.milestones] == [(2026, "growth", 6.0)]
    proj = project(plan, "plan")
    values = proj.to_long().set_index(["indicator", "year"])["value"]
    table = check_targets(proj).set_index(["indicator", "check"])
    assert (table.status == "met").all(), table[table.status != "met"]
    assert table.loc[("gdp", "milestone"), "projected"] == pytest.approx(6.0, rel=1e-12)
    assert values["gdp", 2026] == pytest.approx(120 * 1.06, rel=1e-12)
    assert values["gdp", 2030] == pytest.approx(120 * 1.065 ** 5, rel=1e-12)


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.txt")))
def test_every_fixture_county_meets_its_plan_under_plan(name):
    plan = validated(draft_from_path(FIXTURES / name))
    table = check_targets(project(plan, "plan"))
    assert (table.status == "met").all(), table[table.status != "met"][["indicator", "check", "projected"]]
