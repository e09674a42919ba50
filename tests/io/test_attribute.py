"""The plan file's 属性 (约束性/预期性) with its basis, 牵头部门 and ``[review]`` thresholds:
read strictly (sim.io.attribute, sim.io.indicator, sim.io.plan), one line naming the field."""

from __future__ import annotations

import pytest

from sim.io.errors import PlanError
from sim.io.plan import parse_plan
from tests.conftest import tiny_plan_dict


@pytest.mark.parametrize("review, field", [
    ({"ahead": 0.95}, "review.ahead"), ({"behind": 1.2}, "review.behind"), ({"behind": 0.0}, "review.behind"),
    ({"behind": 0.8, "red": 0.85}, "review.red"), ({"amber": 0.5}, "review.amber"),
])
def test_bad_thresholds_name_the_field(review, field):
    data = tiny_plan_dict(review=review)
    with pytest.raises(PlanError) as err:
        parse_plan(data, "tiny.toml")
    assert err.value.field == field


def test_attributes_in_the_file_and_their_basis(plan):
    targets = plan.targets
    assert len(targets) == 27 and all(t.attribute is not None and t.attribute.assumed for t in targets)
    binding = {t.indicator for t in targets if t.binding == "binding"}
    assert binding == {"energy_capacity", "new_energy_capacity", "storage_capacity", "forest_grass_coverage",
                       "grassland_vegetation", "good_air_days", "waste_recycling", "reclaimed_water"}
    gdp = targets[0]
    assert gdp.binding == "expected" and gdp.attribute.zh == "预期性" and "约束性" in gdp.attribute.reason
    assert all(ind.lead_department == "" for ind in plan.indicators)


@pytest.mark.parametrize("binding, field, reason", [
    ({"value": "binding"}, "basis", "missing"),
    ({"value": "strict", "basis": "assumed", "reason": "x"}, "value", "not one of"),
    ({"value": "binding", "basis": "assumed"}, "reason", "needs its reason"),
    ({"value": "binding", "basis": "reported"}, "quote", "exact words"),
    ({"value": "binding", "basis": "derived", "reason": "x"}, "basis", "not one of"),
    ({"value": "binding", "basis": "assumed", "reason": "x", "by": "me"}, "by", "unknown key"),
])
def test_the_attribute_loader_is_strict(binding, field, reason):
    data = tiny_plan_dict()
    data["indicator"][0]["target"][0]["binding"] = binding
    with pytest.raises(PlanError) as err:
        parse_plan(data, "tiny.toml")
    assert err.value.field == f"indicator[a].target[0].binding.{field}" and reason in err.value.message
