"""Whatever the text, a draft is made and loads: no traceback on odd prose."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sim import PlanError
from sim.draft import draft_from_text
from sim.draft.decisions import validated

from .helpers import report

PIECES = ["地区生产总值", "增长", "年均", "6.5%", "达到", "以上", "以内", "左右", "、", ",", "。", "分别",
          "城乡居民人均可支配收入", "3.5万人", "一千亿元", "百分之四十", "翻一番", "5倍", "较“十三五”末",
          "控制在", "保持在", "新增", "规上工业企业", "12户", "优良天数比例", "87%", "6%—6.5%", "力争",
          "到2030年", "2024年", "预计", "提高", "2个百分点", "由", "的", "累计", "万", "亿元", "全产业链产值",
          "奶肉牛饲养量", "5.8万头", "48万头", "和", "PM2.5浓度", "21微克/立方米", "下降", "13.5%", "x"]
prose = st.lists(st.sampled_from(PIECES), min_size=1, max_size=20).map("".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(past=prose, record=prose, goals=prose, tasks=prose)
def test_any_prose_gives_a_loadable_draft(past, record, goals, tasks):
    draft = draft_from_text(report(past=past, record=record, goals=goals, tasks=tasks))
    if draft.plan["indicator"]:
        validated(draft)
    else:
        with pytest.raises(PlanError, match="no indicator with a 2025 level"):
            validated(draft)
    assert all(c.quote in draft.text for c in draft.candidates)
