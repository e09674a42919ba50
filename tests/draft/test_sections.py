"""Sections set the year of what they say; a combined review is split by paragraph."""

from __future__ import annotations

from sim.draft.sections import (
    OTHER,
    PAST_YEAR,
    PLAN14,
    PLAN15,
    THIS_YEAR,
    heading_kind,
    report_year,
    split_sections,
)

from .helpers import FIXTURES, report


def test_report_year_from_the_meeting_date():
    assert report_year("政府工作报告\n——2026年1月27日在某区第十九届人民代表大会第五次会议上\n") == 2026


def test_heading_kinds():
    assert heading_kind("2025年政府工作简要回顾", 2026) == PAST_YEAR
    assert heading_kind("“十四五”时期经济社会发展主要成就", 2026) == PLAN14
    assert heading_kind("“十五五”时期的奋斗目标和总体部署", 2026) == PLAN15
    assert heading_kind("2026年重点任务", 2026) == THIS_YEAR
    assert heading_kind("三、2026年主要预期目标和重点工作", 2026) == THIS_YEAR
    assert heading_kind("加强政府自身建设", 2026) == OTHER
    assert heading_kind("完成地区生产总值314.7亿元、增长7.3%。", 2026) is None


def test_each_paragraph_gets_its_section():
    paras = split_sections(report(past="甲。", record="乙。", goals="丙。", tasks="丁。"))
    kinds = {p.text: p.kind for p in paras}
    assert (kinds["甲。"], kinds["乙。"], kinds["丙。"], kinds["丁。"]) == (PAST_YEAR, PLAN14, PLAN15, THIS_YEAR)
    assert kinds["全年一般性支出压减5%。"] == OTHER


def test_combined_review_is_split_by_how_paragraphs_begin():
    text = (FIXTURES / "qingshan-2026.txt").read_text(encoding="utf-8")
    kinds = {p.text[:6]: p.kind for p in split_sections(text)}
    assert kinds["2025年,"] == PAST_YEAR
    assert kinds["过去五年,我"] == PLAN14


def test_combined_review_paragraphs_without_a_cue_continue_the_part_before():
    text = ("政府工作报告\n——2026年1月8日\n一、2025年和“十四五”工作回顾\n过去一年,甲。\n——乙。\n"
            "五年来,丙。\n——丁。\n二、2026年重点工作\n戊。\n")
    kinds = [p.kind for p in split_sections(text)]
    assert kinds[-5:] == [PAST_YEAR, PAST_YEAR, PLAN14, PLAN14, THIS_YEAR]
