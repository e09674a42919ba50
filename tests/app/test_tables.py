"""The status tables drawn as one HTML table (ui.tables): escaped text, bold where a status is
not met, the same text for the same table, and read back to the same text."""

import pandas as pd

from ui import display, tables
from ui.display import STATUS_BG


def frame():
    return pd.DataFrame({"状态": ["✔ 达标", "⚠ 临界", "✖ 未达标"],
                         "指标": ["地区生产总值", "<b>x</b> & y", "游客"],
                         "目标": ["≥ 6.5%", "≥ 1,600万千瓦", "≥ 2,500万人次"]})


def test_text_reads_back_unchanged_and_markup_in_a_cell_stays_text():
    body = tables.html(display.styled(frame(), ["met", "at_risk", "missed"]), "t1")
    assert "<b>x</b>" not in body and "&lt;b&gt;x&lt;/b&gt; &amp; y" in body
    pd.testing.assert_frame_equal(tables.read(body), frame())


def test_cells_not_met_are_bold_on_their_status_colour():
    styled = display.styled(frame(), ["met", "at_risk", "missed"])
    assert styled.css == {"状态": [f"background-color: {STATUS_BG['met']}",
                                   f"background-color: {STATUS_BG['at_risk']}; font-weight: 600",
                                   f"background-color: {STATUS_BG['missed']}; font-weight: 600"]}
    body = tables.html(styled, "t2")
    assert f'<td style="background-color: {STATUS_BG["missed"]}; font-weight: 600">✖ 未达标</td>' in body
    assert "<td>游客</td>" in body   # no style where none is asked for


def test_a_plain_frame_and_missing_values_draw_as_empty_cells():
    body = tables.html(pd.DataFrame({"a": ["x", None], "b": [1.5, float("nan")]}), "t4")
    assert "<tr><td>x</td><td>1.5</td></tr><tr><td></td><td></td></tr>" in body
    assert tables.read(body).values.tolist() == [["x", "1.5"], ["", ""]]


def test_the_same_table_is_the_same_html_and_columns_can_stay_on_one_line():
    first = tables.html(display.styled(frame(), ["met"] * 3), "t3", nowrap=(1, 3))
    again = tables.html(display.styled(frame(), ["met"] * 3), "t3", nowrap=(1, 3))
    assert first == again   # nothing random in it: an unchanged table is not redrawn
    assert ".st-key-t3 td:nth-child(1) { white-space: nowrap; }" in first
    assert ".st-key-t3 td:nth-child(3) { white-space: nowrap; }" in first
    assert "nth-child(2)" not in first


def test_a_kept_column_breaks_only_at_spaces_and_a_target_keeps_its_sign_with_its_number(plan):
    """At 1280 px the board's target column read “年均增长 ≥” / “6.5%” and “≥ 1,600万千” / “瓦”."""
    from ui.display import target_text
    from ui.layout import board_keep

    body = tables.html(frame(), "t5", nowrap=(1,), keep=(3,))
    assert ".st-key-t5 td:nth-child(3) { word-break: keep-all; }" in body
    assert ".st-key-t5 td:nth-child(1) { white-space: nowrap; }" in body
    row = {"kind": "growth", "direction": "at_least", "target": 6.5, "unit": "亿元", "target_year": 2030}
    assert target_text(row, "zh", 2025) == "年均增长 ≥\u00a06.5%"   # breakable only after 年均增长
    assert target_text(row, "en", 2025) == "avg growth ≥\u00a06.5%"
    level = {**row, "kind": "level", "target": 1600.0, "unit": "万千瓦"}
    assert target_text(level, "zh", 2025) == "≥\u00a01,600万千瓦"
    assert board_keep() == (4,) and board_keep(probability=True) == (5,)  # the 目标 column (zh by default)
    # …broken before the unit if need be: ≥ 1,600 / 万千瓦, never inside the number or the unit
    from ui.display import breakable

    assert breakable("≥\u00a01,600万千瓦") == "≥\u00a01,600\u200b万千瓦" and breakable("≥\u00a076.0%") == "≥\u00a076.0%"
    body = tables.html(pd.DataFrame({"目标": [breakable("≥\u00a01,600万千瓦")]}), "t7")
    assert tables.read(body)["目标"][0] == "≥\u00a01,600万千瓦"      # read back as seen
    from ui.layout import board_name_width

    assert board_name_width() == {2: 6.5}
    assert '.st-key-t6 th:nth-child(2)::after { content: ""; display: block; width: 6.5em; }' in tables.html(
        frame(), "t6", min_em={2: 6.5})
