"""ui.i18n and ui.texts: every label and unit in both languages."""

from __future__ import annotations

from ui.i18n import TEXT, unit

from .conftest import (
    CJK,
)


def test_every_unit_of_the_plan_has_an_english_name(plan):
    for ind in plan.indicators:
        for u in (ind.unit, ind.pace_unit):
            assert not CJK.search(unit(u, "en")), u


def test_every_label_exists_in_both_languages():
    for key, (zh, en) in TEXT.items():
        assert zh and en, key


def test_a_unit_with_brackets_is_not_bracketed_twice():
    from ui.i18n import label_unit

    assert label_unit("一般公共预算收入", "指数(基期=100)", "zh") == "一般公共预算收入(指数,基期=100)"
    assert label_unit("Revenue", "指数(基期=100)", "en") == "Revenue (index, base year = 100)"
    assert label_unit("地区生产总值", "亿元", "zh") == "地区生产总值(亿元)"
