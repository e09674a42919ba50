"""Numbers as the genre writes them: Arabic, Chinese, mixed, with 万/亿 units, ranges, multiples."""

from __future__ import annotations

import pytest

from sim.draft.numerals import convert, find_quantities, parse_number


@pytest.mark.parametrize(("text", "value"), [
    ("314.7", 314.7), ("一千", 1000.0), ("三点五", 3.5), ("三点五万", 35000.0), ("一百二十万", 1_200_000.0),
    ("十五", 15.0), ("两", 2.0), ("", None), ("万", None),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


def _one(clause: str):
    found = find_quantities(clause)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("clause", "value", "unit", "base", "factor"), [
    ("实现城镇新增就业3.5万人以上", 3.5, "万人", "人", 1e4),
    ("三点五万人", 3.5, "万人", "人", 1e4),
    ("一千亿元", 1000.0, "亿元", "元", 1e8),
    ("十五万亩", 15.0, "万亩", "亩", 1e4),
    ("五万亩", 5.0, "万亩", "亩", 1e4),
    ("林草覆盖率达到百分之四十", 40.0, "%", "%", 1.0),
    ("比重提高2.5个百分点", 2.5, "个百分点", "百分点", 1.0),
    ("社会消费品零售总额翻一番", 2.0, "倍", "倍", 1.0),
    ("翻两番", 4.0, "倍", "倍", 1.0),
    ("较“十三五”末增长5倍", 5.0, "倍", "倍", 1.0),
    ("PM2.5浓度控制在21微克/立方米", 21.0, "微克/立方米", "微克/立方米", 1.0),
])
def test_quantities_with_units(clause, value, unit, base, factor):
    q = _one(clause)
    assert (q.value, q.unit, q.base, q.factor) == (value, unit, base, factor)


def test_ranges_keep_both_ends():
    q = _one("地区生产总值增长6%—6.5%")
    assert (q.value, q.high, q.unit) == (6.0, 6.5, "%")
    q = _one("5-10亿元")
    assert (q.value, q.high, q.unit) == (5.0, 10.0, "亿元")


def test_thousands_separators():
    assert [(q.value, q.unit) for q in find_quantities("分别达到41,260元、18,730.5元")] == [
        (41260.0, "元"), (18730.5, "元")]


def test_approximate_counts():
    q = _one("开展职业技能培训3400余人次")
    assert (q.value, q.unit, q.approx) == (3400.0, "人次", True)


@pytest.mark.parametrize("clause", [
    "“1+10”区级智慧水务平台", "持续拓展现代农业发展“六个空间”", "举办第八届中国有机大会", "平山湖330KV二号汇集站",
    "建成5G基站", "加快万亩零碳戈壁农业产业园建设", "重点抓好七个方面工作", "S10张掖至马鬃山高速公路",
])
def test_names_and_rhetoric_are_not_numbers(clause):
    assert find_quantities(clause) == []


def test_units_convert_within_a_base():
    assert convert(3.5, "万人", "人") == 35000.0
    assert convert(9800.0, "万元", "亿元") == pytest.approx(0.98)
    assert convert(1.0, "万人", "亿元") is None
