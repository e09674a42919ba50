"""The 14th-plan record on the review page (ui.review.record_view) fits the page without sideways
scrolling at 1440 px, in Chinese and in English (issue 10: in English it scrolled).

What AppTest can see is asserted: the columns and their headers, the widths and alignment given to
the level columns, the reasons moved under the table, and a width estimate of every column from
its longest text (a CJK character 14 px, any other 6.5 px, as Streamlit's 14 px font draws them,
plus 17 px of cell padding) against the 958 px the grid has at 1440 px with the sidebar open
(measured in Chromium).
"""

from __future__ import annotations

import json
import unicodedata

import pytest

from ui import review

from .conftest import assert_clean, page

GRID = 958          #: width of a full-width table at 1440 px with the sidebar open [px]
HEADERS = {
    "zh": ["指标", "表述", "单位", "2020年水平", "2025年水平", "年均速度"],
    "en": ["Indicator", "Statement", "Unit", "2020 level", "2025 level", "Average pace"],
}


def text_px(text: str) -> float:
    return sum(14.0 if unicodedata.east_asian_width(c) in "WF" else 6.5 for c in str(text))


@pytest.fixture(scope="module", params=["zh", "en"])
def shown(request):
    at = page("review.py", request.param)
    assert_clean(at)
    return request.param, at


def test_the_record_has_short_headers_and_no_reason_column(shown):
    lang, at = shown
    table = at.dataframe[1].value
    assert list(table.columns) == HEADERS[lang]
    assert max(len(h) for h in table.columns) <= 12
    assert len(table) == 17
    row = table.iloc[0]                    # 地区生产总值: “年均增加20亿元以上” gives 214.7 → 314.7
    assert row.iloc[1] == ("年均增量 ≥20" if lang == "zh" else "average change ≥20")
    assert (row.iloc[3], row.iloc[4], row.iloc[5]) == ("214.7", "314.7", "7.95%/年" if lang == "zh" else "7.95%/yr")
    other = table[table.iloc[:, 1].str.contains("另一理解" if lang == "zh" else "other reading")]
    assert list(other.iloc[:, 1]) == (["倍数 5(另一理解)"] if lang == "zh" else ["multiple 5 (other reading)"])


def test_the_level_columns_have_a_fixed_width_and_read_right_aligned(shown):
    lang, at = shown
    config = json.loads(at.dataframe[1].proto.columns)
    for header in HEADERS[lang][3:5]:
        assert config[header] == {"width": 80, "alignment": "right"}


def test_the_record_fits_the_grid_at_1440_px(shown):
    lang, at = shown
    table = at.dataframe[1].value
    config = json.loads(at.dataframe[1].proto.columns)
    widths = [config.get(c, {}).get("width") or max(text_px(v) for v in [c, *table[c]]) + 17 for c in table.columns]
    assert sum(widths) <= GRID, dict(zip(table.columns, widths, strict=True))


def test_why_a_statement_gives_no_pace_is_told_under_the_table(shown):
    lang, at = shown
    note = next(c.value for c in at.caption if c.value.startswith(review.t("rev.no_pace", lang)))
    items = note.splitlines()[1:]
    assert len(items) == 2
    if lang == "zh":
        assert items[0] == ("- 城镇居民人均可支配收入(增加量 8,858):报告未给出2025年总量(基期为指数),"
                            "无法由“增加量”推出水平或速度")
    else:
        assert items[1].startswith("- Per-capita disposable income, rural residents (change 8,051): the 2025 level "
                                   "is not reported")


def test_statement_words():
    assert review.statement_text("total", 665.5, "=", "used", "zh") == "累计 665.5"
    assert review.statement_text("average_growth", 15.0, "≥", "used", "en") == "average growth ≥15"
    assert review.statement_text("multiple", 5.0, "=", "alternative", "en") == "multiple 5 (other reading)"


def test_statements_over_different_years_get_a_period_column(plan, monkeypatch):
    table = review.history_table(plan)
    table.loc[0, "start_year"] = 2015
    monkeypatch.setattr(review, "history_table", lambda _plan, lang="en": table)
    view, columns, headers = review.record_view(plan, "en")
    assert columns == ["name", "statement", "period", "unit", "start_level", "end_level", "pace"]
    assert headers == {} and view["period"].iloc[0] == "2015–2025" and view["period"].iloc[1] == "2020–2025"
