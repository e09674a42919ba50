"""ui.fmt: numbers as planners write them, with the decimals the brief uses too."""

from __future__ import annotations

import pytest

from ui import fmt


@pytest.mark.parametrize("value, u, lang, text", [
    (314.66, "亿元", "zh", "314.7亿元"),
    (314.66, "亿元", "en", "314.7 (100m yuan)"),
    (53.64, "%", "zh", "53.6%"),
    (1600.4, "万千瓦", "zh", "1,600万千瓦"),
    (35000, "人", "en", "35,000 people"),
    (2730.55, "万人次", "zh", "2,731万人次"),            # as the report prints 2267万人次
    (float("nan"), "亿元", "zh", "—"),
])
def test_numbers_are_written_as_planners_write_them(value, u, lang, text):
    assert fmt.value(value, u, lang).replace(fmt.NBSP, " ") == text


def test_gaps_and_paces():
    assert fmt.gap(-1.5, "%/年", "zh") == "-1.5个百分点"
    assert fmt.gap(-1.5, "%/年", "en") == f"-1.5{fmt.NBSP}pp"
    assert fmt.gap(-4e-15, "%/年", "zh") == "±0.0个百分点"
    assert fmt.pace(0.2, "百分点/年", "zh") == "0.20个百分点/年"
    assert fmt.pace(197.2, "万千瓦/年", "en").replace(fmt.NBSP, " ") == "197 (10k kW/yr)"


def test_the_brief_and_the_app_show_the_same_decimals_for_every_unit_of_the_plan(plan):
    from sim.report.brief import content

    units = {u for ind in plan.indicators for u in (ind.unit, ind.value_unit)}
    for u in sorted(units):
        brief = content.fmt(1234.56789, u)
        app = fmt.number(1234.56789, fmt.decimals(u))
        assert brief == app, u


def test_points_read_one_way_in_chinese():
    """A pace of points and a gap in points use the same word (个百分点), never 百分点 beside 个百分点."""
    assert fmt.pace(0.2, "百分点/年", "zh") == "0.20个百分点/年"
    assert fmt.gap(-1.5, "%", "zh") == "-1.5个百分点"
    assert fmt.pace(0.2, "百分点/年", "en").startswith("0.20")


@pytest.mark.parametrize(("call", "text"), [
    (lambda: fmt.simulated(35000.0, "人", "zh"), "35,000人"),              # never a fraction of a person
    (lambda: fmt.simulated(94.553, "亿元", "zh"), "94.55亿元"),            # one decimal more than the board
    (lambda: fmt.simulated(100.0, "亿元", "zh"), "100.00亿元"),            # and the same above 100
    (lambda: fmt.simulated(6.5, "%/年", "en"), "6.50%/yr"),
    (lambda: fmt.simulated(0.2, "百分点/年", "zh"), "0.20个百分点/年"),      # at most two
    (lambda: fmt.simulated_range(1491.6, 1709.04, "万千瓦", "zh"), "1,492 – 1,709万千瓦"),
    (lambda: fmt.simulated_range(94.553, 105.7, "亿元", "en"), "94.55 – 105.70 (100m\u00a0yuan)"),
    (lambda: fmt.simulated(float("nan"), "亿元", "zh"), "—"),
])
def test_a_simulated_value_has_its_units_decimals_plus_one(call, text):
    assert call() == text


def test_an_audit_sentence_in_english_writes_units_as_the_tables_do():
    said = fmt.english("the 2026 level 3.4 亿元 needs 197.2 万千瓦/年 and 6.5 %/年 (average_growth)")
    assert said.replace(fmt.NBSP, " ") == ("the 2026 level 3.4 (100m yuan) needs 197.2 (10k kW/yr) and 6.5 %/yr "
                                          "(stated average growth)")
