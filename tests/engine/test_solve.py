"""One solver for a derived target's shared pace (:mod:`sim.engine.solve`), used by the plan rule
and by the target check's ``required`` column: one bracket, the same answer."""

from __future__ import annotations

import numpy as np
import pytest

from sim import check_targets, project
from sim.engine.rules import rule_paths
from sim.engine.solve import BRACKETS, XATOL, XRTOL, bracket, find_pace
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


def test_chandrupatla_matches_scipy_find_root():
    # The numpy search replaces scipy.optimize.elementwise.find_root (Chandrupatla in both) so
    # that no command pays for importing scipy.optimize; same brackets, same roots.
    elementwise = pytest.importorskip("scipy.optimize.elementwise")
    rng = np.random.default_rng(5)
    growth = rng.uniform(-40, 150, 200)
    years = rng.integers(1, 11, 200)
    share = rng.uniform(0.05, 0.95, 200)

    def residual(x, idx):
        # two sectors: one grows at x, the other at x/2; their sum must grow `growth` a year
        f = share[idx] * (1 + x / 100) ** years[idx] + (1 - share[idx]) * (1 + x / 200) ** years[idx]
        return 100 * (f ** (1 / years[idx]) - 1) - growth[idx]

    ours = find_pace(residual, 200, "compound")
    lo, hi = bracket("compound")
    ref = elementwise.find_root(lambda x, i: residual(x, i.astype(np.intp)),
                                (np.full(200, lo), np.full(200, hi)), args=(np.arange(200.0),),
                                tolerances={"xatol": XATOL, "xrtol": XRTOL})
    assert ref.success.sum() > 150                      # a few growths lie beyond the bracket
    assert np.array_equal(np.isnan(ours), ~ref.success)
    ok = ref.success
    assert np.allclose(ours[ok], ref.x[ok], rtol=0, atol=1e-9)
    assert np.abs(residual(ours[ok], np.flatnonzero(ok))).max() < 1e-8


def test_chandrupatla_gives_nan_without_a_sign_change_and_exact_roots():
    def residual(x, idx):
        return np.where(idx == 0, x * x + 1, x - 3.0)   # no root; a root at 3

    assert np.isnan(find_pace(residual, 2, "compound")[0])
    assert find_pace(residual, 2, "compound")[1] == pytest.approx(3.0, abs=1e-11)
