"""回顾与评估 (pages/review.py) on its own and inside the app."""

from __future__ import annotations

import io

import pytest
from docx import Document

from .conftest import (
    assert_clean,
    download,
    go,
    page,
    start,
    widget,
)


@pytest.mark.parametrize("lang, title", [("zh", "回顾与评估"), ("en", "Record and review")])
def test_review_page_renders(lang, title):
    at = page("review.py", lang)
    assert_clean(at)
    assert at.title[0].value == title
    assert len(at.tabs) == 3
    pace = at.dataframe[0].value
    name, ratio = ("指标", "所需/过去") if lang == "zh" else ("Indicator", "Needed/past")
    energy = pace[pace[name] == ("综合能源装机规模" if lang == "zh" else "Total installed energy (generating) capacity")]
    assert energy[ratio].iloc[0] == "1.93"          # shown to two decimals
    # a ratio that cannot be computed reads "—", never "None"
    assert "—" in set(pace[ratio]) and not pace.isna().any().any()


def test_the_brief_picker_lists_scenario_titles_not_file_names():
    at = page("review.py")
    shown = widget(at.multiselect, "rev_brief_pick").options
    assert "进取情景" in shown and "稳健情景" in shown and "ambitious" not in shown
    assert shown[0] == "当前情景:规划目标"
    english = widget(page("review.py", "en").multiselect, "rev_brief_pick").options
    assert english[0] == "Current scenario: Plan targets" and "ambitious" not in english


def num(cell) -> float:
    """A number as the page shows it (text with thousands separators, or a number)."""
    return float(str(cell).replace(",", ""))


def frame_with(at, column: str):
    """The first table on the page that has ``column``."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def test_monitoring_of_entered_values():
    at = page("review.py")
    widget(at.selectbox, "rev_year").set_value(2028).run()
    widget(at.multiselect, "rev_pick").set_value(["new_energy_capacity", "urban_new_jobs", "visitors"]).run()
    at.number_input(key="rev_val_new_energy_capacity_2028").set_value(800.0).run()
    at.number_input(key="rev_val_visitors_2028").set_value(2700.0).run()
    assert_clean(at)
    assert widget(at.selectbox, "mon_year").value == 2028
    table = frame_with(at, "序时进度")
    energy = table[table["指标"] == "新能源并网装机规模"].iloc[0]
    scheduled = 324 + (1000 - 324) * 0.6                                  # 729.6 万千瓦 in 2028
    assert num(energy["序时进度"]) == pytest.approx(scheduled)
    assert num(energy["完成情况(%)"]) == pytest.approx((800 - 324) / (scheduled - 324) * 100, abs=0.005)
    assert "快于预期" in energy["评估结论"] and "绿色" in energy["预警"] and energy["属性"] == "约束性*"
    visitors = table[table["指标"] == "游客接待人次"].iloc[0]
    assert "滞后于预期" in visitors["评估结论"] and "黄色预警" in visitors["预警"]
    # one year of new jobs is not enough for a cumulative target: not listed
    assert "城镇新增就业" not in set(table["指标"])
    text = " ".join(m.value for m in at.markdown)
    assert "27项主要指标中,1项进度符合或快于序时进度,1项滞后,其中约束性指标0项;25项暂无数据。" in text
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["▲ 快于预期"] == "1" and metrics["▼ 滞后于预期"] == "1" and metrics["◆ 黄色预警"] == "1"
    assert any(c.value.startswith("27项主要指标中,快于预期1项") for c in at.caption)
    need = frame_with(at, "需达到")
    row = need[need["指标"] == "游客接待人次"].iloc[0]
    assert num(row["下一年"]) == 2029 and num(row["需达到"]) == pytest.approx(2267 * 1.1 ** 4, abs=0.005)
    assert num(row["情景速度"]) == pytest.approx(10.0)


@pytest.mark.parametrize("lang, heads, units", [
    ("zh", ("需达到", "单位", "实际值", "序时进度"), {"游客接待人次": "万人次", "新能源并网装机规模": "万千瓦"}),
    ("en", ("Level needed", "Unit", "Actual", "Scheduled"),
     {"Tourist arrivals": "10k visits", "Grid-connected new-energy (wind + solar) capacity": "10k kW"})])
def test_the_monitoring_and_next_year_tables_say_the_unit_of_their_levels(lang, heads, units):
    at = page("review.py", lang)
    widget(at.selectbox, "rev_year").set_value(2028).run()
    widget(at.multiselect, "rev_pick").set_value(["new_energy_capacity", "visitors"]).run()
    at.number_input(key="rev_val_new_energy_capacity_2028").set_value(800.0).run()
    at.number_input(key="rev_val_visitors_2028").set_value(2700.0).run()
    assert_clean(at)
    need_level, unit, actual, scheduled = heads
    name = "指标" if lang == "zh" else "Indicator"
    for column in (need_level, scheduled):
        table = frame_with(at, column)
        cols = list(table.columns)
        assert cols.index(unit) == cols.index(column) + 1  # the unit right after the level it belongs to
        assert dict(zip(table[name], table[unit], strict=True)) == units


def test_attributes_can_be_changed_on_the_page():
    at = page("review.py")
    widget(at.selectbox, "rev_year").set_value(2027).run()
    widget(at.multiselect, "rev_pick").set_value(["visitors"]).run()
    at.number_input(key="rev_val_visitors_2027").set_value(2600.0).run()
    binding = widget(at.multiselect, "mon_binding")
    assert len(binding.value) == 8
    binding.set_value([*binding.value, "visitors"]).run()
    assert_clean(at)
    visitors = frame_with(at, "序时进度").iloc[0]
    assert visitors["属性"] == "约束性" and "红色预警" in visitors["预警"]          # edited: no assumed mark


def test_word_report_download(downloads):
    at = page("review.py", "en")
    widget(at.selectbox, "rev_year").set_value(2027).run()
    widget(at.multiselect, "rev_pick").set_value(["new_energy_capacity"]).run()
    at.number_input(key="rev_val_new_energy_capacity_2027").set_value(500.0).run()
    at.button(key="mon_make").click().run()
    assert_clean(at)
    data, file_name = download(at, downloads, "mon_download")
    assert file_name == "甘州区2027年度监测.docx"
    doc = Document(io.BytesIO(data))
    assert doc.paragraphs[0].text == "甘州区“十五五”规划主要指标2027年度监测报告"
    assert [c.text for c in doc.tables[0].rows[0].cells][-3:] == ["序时进度", "完成情况", "评估结论"]
    # values typed on the page: the Chinese report names where they came from in Chinese (it read “app”)
    assert doc.paragraphs[2].text.endswith("实际值来源:在本应用中录入")
    assert "Of 27 main indicators, 0 are on or ahead of schedule and 1 behind (1 of them binding)" in " ".join(
        m.value for m in at.markdown)
    # Another value on the page: the report made from the old one is no longer offered.
    at.number_input(key="rev_val_new_energy_capacity_2027").set_value(510.0).run()
    assert "mon_download" not in [b.key for b in at.get("download_button")]


def test_brief_download_html():
    at = page("review.py", "en")
    widget(at.radio, "rev_brief_fmt").set_value("html").run()
    at.button(key="rev_make").click().run()
    assert_clean(at)
    kind, data = at.session_state["rev_brief"]
    assert kind == "html" and "主要指标表" in data.decode("utf-8")
    # the brief names its scenario by title only, not by the machine name in brackets
    assert "情景:规划目标<" in data.decode("utf-8") and "规划目标(plan)" not in data.decode("utf-8")
    # the format chooser reads as the file types are written
    assert widget(at.radio, "rev_brief_fmt").options == ["PDF", "HTML"]


def test_both_pages_inside_the_app():
    at = start()
    for name in ("pages/audit.py", "pages/review.py"):
        go(at, name)
        assert_clean(at)
    widget(at.radio, "rev_brief_fmt").set_value("html").run()
    at.button(key="rev_make").click().run()
    assert_clean(at)
    assert [b.key for b in at.get("download_button")] == ["rev_download"]
