"""Engine labels: English text as before, a code and params to word them in another language."""

from __future__ import annotations

import ast
import copy
import pickle
from pathlib import Path

import pytest

from sim import load_plan, load_scenario
from sim.engine.label import LABELS, Label
from sim.engine.resolve import resolve
from sim.engine.rules import rule_paths

ROOT = Path(__file__).resolve().parents[2]


def label_codes_in_source() -> set[str]:
    """Every code passed to ``Label(...)`` in ``sim/`` (a constant, or either branch of ``a if c else b``)."""
    def strings(node):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return {node.value}
        if isinstance(node, ast.IfExp):
            return strings(node.body) | strings(node.orelse)
        return set()

    found: set[str] = set()
    for path in (ROOT / "sim").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Label" and node.args:
                found |= strings(node.args[0])
    return found


def test_every_label_template_is_used_and_every_code_used_has_one():
    assert label_codes_in_source() == set(LABELS)


def test_a_label_is_its_english_text():
    label = Label("plan", steps=Label("then", first=Label("milestone", year=2026), second=Label("target", year=2030)))
    assert label == "plan: 2026 milestone then 2030 target"
    assert isinstance(label, str) and str(label) == label and hash(label) == hash(str(label))
    assert label.code == "plan" and label.params["steps"].params["second"].params == {"year": 2030}


def test_a_label_words_itself_from_other_templates_nested_and_converted():
    label = Label("plan", steps=Label("shared", goal=Label("goal_target", indicator="gdp")))
    zh = {"plan": "规划:{steps}", "shared": "共用达到{goal}的速度", "goal_target": "“{indicator}”目标"}
    assert label.words(zh, {"indicator": {"gdp": "地区生产总值"}.get}) == "规划:共用达到“地区生产总值”目标的速度"
    assert label.words({}) == "plan: pace shared to meet the gdp target"  # no template: the English


def test_a_label_keeps_its_code_through_pickle_and_copy():
    label = Label("spread_reported", trend=7.5, plan=6.123456)
    for back in (pickle.loads(pickle.dumps(label)), copy.deepcopy(label)):
        assert back == "default: 2025 reported 7.5 vs plan pace 6.123" and back.code == "spread_reported"
        assert back.params == {"trend": 7.5, "plan": 6.123456}


@pytest.fixture(scope="module")
def plan():
    return load_plan()


def test_the_plan_rule_labels_read_as_before(plan):
    _, labels = rule_paths(plan, "plan", plan.horizon)
    by_id = dict(zip((d.id for d in plan.drivers), labels, strict=True))
    assert by_id["secondary_va"] == "plan: the pace its link to industrial_va needs (12 ÷ elasticity 1.3235)"
    assert by_id["primary_va"] == "plan: pace shared to meet the gdp target"
    assert by_id["dairy_cattle"] == "plan: 2026 milestone then pace shared to meet the dairy_beef_cattle target"
    assert all(isinstance(x, Label) for x in labels)


def test_a_driver_set_by_hand_says_it_is_unlinked(plan):
    res = resolve(plan, load_scenario("cautious"))
    label = res.sources[plan.driver_index["public_budget_revenue"]]
    assert label == "cautious (set by hand; unlinked from gdp)"
    assert (label.code, label.params) == ("unlinked", {"scenario": "cautious", "inputs": "gdp"})
