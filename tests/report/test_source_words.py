"""Where a driver's path comes from, in Chinese: worded from the engine label's code, not its English."""

from __future__ import annotations

import re
import string

import pytest

from sim import load_plan, project
from sim.engine.label import LABELS
from sim.report.frames import SOURCE_ZH, assumptions_table


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


SOURCE_CODES = sorted(code for code in LABELS if not code.startswith("spread_"))


def test_every_source_label_has_a_chinese_template():
    assert sorted(SOURCE_ZH) == SOURCE_CODES


@pytest.mark.parametrize("code", SOURCE_CODES)
def test_the_chinese_template_names_the_same_parameters(code):
    en, zh = placeholders(LABELS[code]), placeholders(SOURCE_ZH[code])
    def neutral(names):
        return {n for n in names if not n.endswith(("_en", "_zh"))}
    assert neutral(en) == neutral(zh)
    assert {n.removesuffix("_zh") for n in zh if n.endswith("_zh")} <= {n.removesuffix("_en") for n in en}


@pytest.fixture(scope="module")
def tables():
    plan = load_plan()
    proj = project(plan, ["plan", "momentum", "cautious", "ambitious"])
    return plan, assumptions_table(proj, "en"), assumptions_table(proj, "zh")


def test_the_english_sources_are_the_engines_labels(tables):
    _, en, _ = tables
    assert "plan: 2026 milestone then 2030 target" in set(en["source"])
    assert "cautious (set by hand; unlinked from gdp)" in set(en["source"])


def test_reference_sources_in_chinese(tables):
    _, en, zh = tables
    pairs = dict(zip(en["source"], zh["source"], strict=True))
    assert pairs["plan: 2026 milestone then 2030 target"] == "规划:2026年度目标,再到2030年目标"
    assert pairs["cautious (set by hand; unlinked from gdp)"] == "情景“稳健情景”设定(手动设定;不再随 地区生产总值 联动)"
    assert pairs["plan: the pace its link to industrial_va needs (12 ÷ elasticity 1.3235)"] == \
        "规划:随“规上工业增加值”联动达到其目标所需的速度(12 ÷ 弹性 1.3235)"
    assert pairs["plan: pace shared to meet the gdp target"] == "规划:与同组指标共用达到“地区生产总值”目标的速度"
    assert pairs["no plan figure: assumed pace"] == "规划无数字:假设速度"
    linked = next(v for k, v in pairs.items() if k.startswith("linked: follows gdp × 1 (assumed: Fiscal"))
    assert linked.startswith("联动:随 地区生产总值 × 1 变动(假设:“财政收入与经济发展相协调”")


def test_chinese_sources_keep_no_english_but_ids_and_the_plan_files_own_words(tables):
    plan, _, zh = tables
    allowed = {ind.id for ind in plan.indicators}
    for ind in plan.indicators:  # an assumed trend's reason the plan file gives only in English
        if ind.trend is not None and not ind.trend.reason_zh:
            allowed |= set(re.findall(r"[A-Za-z][A-Za-z_]+", ind.trend.note))
    stray = {w for text in zh["source"] for w in re.findall(r"[A-Za-z][A-Za-z_]+", text)} - allowed
    assert not stray


def test_chinese_sources_and_formulas_name_indicators_not_ids(tables):
    plan, en, zh = tables
    pairs = dict(zip(en["source"], zh["source"], strict=True))
    retail = next(v for k, v in pairs.items() if k.startswith("linked: follows urban_income × 0.5"))
    assert retail.startswith("联动:随 城镇居民人均可支配收入 × 0.5、农村居民人均可支配收入 × 0.3、游客接待人次 × 0.2 变动(")
    from sim.report.frames import indicator_table

    dynamic = indicator_table(plan, "zh").set_index("indicator")["dynamic"]
    assert dynamic["gdp"] == "推算:求和(一产增加值、二产增加值、三产增加值)"
    assert indicator_table(plan, "en").set_index("indicator")["dynamic"]["gdp"] == \
        "derived: sum(primary_va, secondary_va, tertiary_va)"
