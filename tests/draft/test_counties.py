"""Whole reports in other layouts: a combined review heading, Chinese-numeral dates, bullets, no headings."""

from __future__ import annotations

import pytest

from sim.draft import draft_from_path, draft_from_text
from sim.draft.decisions import validated

from .helpers import FIXTURES


@pytest.fixture(scope="module")
def hexi():
    draft = draft_from_path(FIXTURES / "hexi-2026.txt")
    return draft, validated(draft)


def test_hexi_baselines_and_trends(hexi):
    _, plan = hexi
    ind = plan.by_id
    assert plan.district_zh == "河溪县"
    assert (ind["gdp"].baseline.value, ind["gdp"].trend.value) == (186.4, 6.3)
    assert (ind["urban_income"].baseline.value, ind["urban_income"].trend.value) == (41260.0, 4.9)
    assert (ind["rural_income"].baseline.value, ind["rural_income"].trend.value) == (18730.0, 6.8)
    assert ind["gdp_per_capita"].baseline.value == 56000.0          # 5.6万元 in 元
    assert ind["industrial_enterprises"].baseline.value == 96.0     # 96家, kept in 户
    assert ind["forest_cover"].baseline.value == 38.6               # a 十四五 level is the 2025 level
    assert ind["public_budget_revenue"].baseline.value == 9.6       # not the five-year total 43.2


def test_hexi_record_targets_and_milestones(hexi):
    draft, plan = hexi
    ind = plan.by_id
    assert [(h.measure, h.value) for h in ind["gdp"].history] == [("average_growth", 6.1), ("change", 52.0)]
    assert [(h.measure, h.value) for h in ind["public_budget_revenue"].history] == [("total", 43.2)]
    assert [(t.kind, t.direction, t.value) for t in ind["gdp"].targets] == [("growth", "at_least", 6.0)]
    assert [(t.direction, t.value) for t in ind["forest_cover"].targets] == [("hold", 38.0)]
    assert [(t.direction, t.value) for t in ind["surveyed_unemployment"].targets] == [("at_most", 5.5)]
    assert [(t.kind, t.value) for t in ind["urban_new_jobs"].targets] == [("cumulative", 15000.0)]
    assert [t.value for t in ind["rural_income"].targets] == [7.0]
    assert [(m.kind, m.value) for m in ind["fixed_asset_investment"].milestones] == [("growth", 6.5)]
    assert [(m.direction, m.value) for m in ind["good_air_days"].milestones] == [("at_least", 90.0)]  # 不低于
    assert [(m.direction, m.value) for m in ind["grain_output"].milestones] == [("hold", 32.0)]
    assert [(m.value, m.number.formula) for m in ind["industrial_enterprises"].milestones] == [(104.0, "96 + 8 = 104")]
    dropped = {c.quote: c.reason for c in draft.candidates if c.status == "dropped"}
    assert dropped["地区生产总值完成年度目标的101.2%"] == "a percentage said of an indicator measured in 亿元"
    assert dropped["常住人口城镇化率五年提高5个百分点"] == "an addition with no 2025 level to add it to"


def test_report_without_recognised_headings_is_placed_by_paragraph():
    text = ("某县政府工作报告\n——2026年1月9日\n"
            "过去一年,全县地区生产总值达到88亿元、增长5.5%。\n"
            "“十五五”时期,地区生产总值年均增长6%,森林覆盖率达到30%以上。\n"
            "今年,地区生产总值增长6%左右。\n")
    plan = validated(draft_from_text(text))
    gdp = plan.by_id["gdp"]
    assert (gdp.baseline.value, gdp.targets[0].value, gdp.milestones[0].value) == (88.0, 6.0, 6.0)
    assert plan.by_id["forest_cover"].targets[0].value == 30.0


def test_ningyuan_totals_bounds_and_growth_only_milestones():
    draft = draft_from_path(FIXTURES / "ningyuan-2026.txt")
    plan = validated(draft)
    ind = plan.by_id
    firms = ind["industrial_enterprises"]
    assert (firms.baseline.value, firms.trend.value) == (186.0, 21.0)    # 新增21家、总数达到186家
    assert ind["forest_cover"].baseline.value == 62.5                   # 稳定在62.5% is the level
    assert ind["urbanisation"].baseline.value == 55.6                   # 由2020年的48.1%提高到55.6%
    assert [(h.measure, h.start_year, h.value) for h in ind["urbanisation"].history] == [("level", 2020, 48.1)]
    assert ind["resident_income"].targets[0].value == 6.0
    assert [(t.kind, t.value) for t in ind["gdp"].targets] == [("growth", 5.5), ("level", 400.0)]
    assert ind["industrial_va"].baseline.index and ind["industrial_va"].milestones[0].value == 7.0
    assert ind["foreign_investment"].baseline.value == 2300.0 and ind["foreign_investment"].unit == "万美元"
    reasons = {c.quote: c.reason for c in draft.candidates if c.status == "dropped"}
    assert reasons["全县地区生产总值突破300亿元"].startswith("a bound")  # gdp has its level: 306.8
    # 控制在5.5%以内 in the review is a bound, not the level: the placeholder, assumed, says so
    jobless = ind["surveyed_unemployment"].baseline
    assert (jobless.value, jobless.basis, jobless.quote) == (5.5, "assumed", ("城镇调查失业率控制在5.5%以内",))
