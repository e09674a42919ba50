"""ui.display: the board, comparison and difference tables as text."""

from __future__ import annotations

import pytest

from ui import display


def test_board_table_is_legible_without_colour(cautious_check):
    _, check = cautious_check
    rows = display.board_rows(check, "cautious", "target", by_gap=True)
    table = display.board_table(rows, "zh")
    assert len(table) == len(rows) == 27
    assert list(table.columns) == ["状态", "指标", "领域", "目标", "预测值", "差距", "差距(%)", "情景速度", "所需速度", "依据"]
    gdp = table[table["指标"] == "地区生产总值"].iloc[0]
    assert gdp["状态"] == "✖ 未达标" and gdp["目标"] == "年均增长 ≥\u00a06.5%"
    assert rows["gap_pct"].is_monotonic_increasing
    assumed = table[table["依据"].str.contains("⚑")]
    assert assumed["指标"].str.endswith("⚑").all() and len(assumed) > 0
    english = display.board_table(rows, "en")
    assert "✖ missed" in english["Status"].iloc[0]


def test_compare_and_difference_tables(plan, cautious_check):
    proj, check = cautious_check
    table = display.compare_table(check, ["cautious", "plan"], ["稳健", "规划"], plan, lang_="zh")
    assert list(table.columns) == ["指标", "目标", "稳健", "规划", "规划 减 稳健"]
    assert table.loc[0, "规划 减 稳健"] == "+1.0个百分点"
    diff = display.driver_differences(plan, [r.drivers for r in proj.scenarios], ["稳健", "规划"], "zh")
    assert "一产增加值" in set(diff["指标"])


@pytest.mark.parametrize("text, width, lines", [
    ("Value added of industry above designated size (index, base year = 100)", 32,
     ["Value added of industry above", "designated size (index, base", "year = 100)"]),
    ("规上工业增加值(指数(基期=100))", 16, ["规上工业增加值", "(指数(基期=100))"]),
    ("一二三四五六七八九十一二三四五六七八", 16, ["一二三四五六七八九十一二三四五六", "七八"]),
    ("Gross regional product (100m yuan)", 40, ["Gross regional product (100m yuan)"]),
])
def test_a_chart_title_is_wrapped_to_fit_three_charts_a_row(text, width, lines):
    from ui.charts import wrap_title

    wrapped = wrap_title(text, width)
    assert wrapped.split("<br>") == lines
    assert wrapped.replace("<br>", " " if " " in text else "") == text


def test_flips_read_the_same_whether_the_rows_line_up_or_not(cautious_check):
    """Two checks of one plan (the slider's case) are compared side by side; rows in another order
    are joined on their keys; both give the same flips, in the first table's order."""
    _, check = cautious_check
    base = check[check["scenario"] == "plan"].reset_index(drop=True)
    cautious = check[check["scenario"] == "cautious"].reset_index(drop=True)
    lined_up = display.flips(base, cautious, "zh")
    shuffled = display.flips(base, cautious.iloc[::-1].reset_index(drop=True), "zh")
    assert lined_up == shuffled and len(lined_up) >= 1
    changed = base.merge(cautious, on=["indicator", "check", "target_year"], suffixes=("", "_c"))
    changed = changed[changed["status"] != changed["status_c"]]
    assert len(lined_up) == len(changed)
    first = changed.iloc[0]
    assert lined_up[0].startswith(first["name"]) and lined_up[0].endswith(
        f"{display.ICON[first['status']]}→{display.ICON[first['status_c']]}")
    assert display.flips(base, base, "zh") == []
