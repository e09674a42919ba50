"""The status tables drawn as one HTML table (ui.tables): escaped text, bold where a status is
not met, fixed element ids, and read back to the same text."""

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
    styler = display.styled(frame(), ["met", "at_risk", "missed"])
    body = tables.html(styler, "t2")
    styles = styler._compute().ctx   # (row, column) → [(property, value)]
    assert styles[(0, 0)] == [("background-color", STATUS_BG["met"])]
    assert styles[(1, 0)] == [("background-color", STATUS_BG["at_risk"]), ("font-weight", "600")]
    assert styles[(2, 0)] == [("background-color", STATUS_BG["missed"]), ("font-weight", "600")]
    assert (1, 1) not in styles or styles[(1, 1)] == [("", "")]
    assert "#T_t2_row2_col0" in body


def test_the_same_table_is_the_same_html_and_columns_can_stay_on_one_line():
    first = tables.html(display.styled(frame(), ["met"] * 3), "t3", nowrap=(1, 3))
    again = tables.html(display.styled(frame(), ["met"] * 3), "t3", nowrap=(1, 3))
    assert first == again   # no random ids: an unchanged table is not redrawn
    assert ".st-key-t3 td:nth-child(1) { white-space: nowrap; }" in first
    assert ".st-key-t3 td:nth-child(3) { white-space: nowrap; }" in first
    assert "nth-child(2)" not in first
