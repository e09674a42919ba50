"""The district named by a work report's opening lines: a name starts at a boundary (a line, a
punctuation mark, a date, 在/于), never inside the date before it ("日在宁远县")."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sim.draft.pipeline import detect_district, draft_from_path

from .helpers import FIXTURES

OPENINGS = [
    ("2026年1月10日在宁远县第十九届人民代表大会第五次会议上", "宁远县"),
    ("政府工作报告\n——2026年1月8日在零陵区第十九届人民代表大会第五次会议上", "零陵区"),
    ("——2026年1月8日在永州市零陵区第十九届人民代表大会第五次会议上", "零陵区"),
    ("永州市零陵区人民政府 区长 张伟", "零陵区"),
    ("张掖市甘州区人民政府\n区长 王强", "甘州区"),
    ("甘肃省张掖市甘州区人民政府工作报告", "甘州区"),
    ("政府工作报告\n——二〇二六年一月十八日在河溪县第十九届人民代表大会第五次会议上", "河溪县"),
    ("青山县人民政府工作报告\n——2026年1月20日在青山县第十八届人民代表大会第六次会议上\n县长 李明", "青山县"),
    ("宁远县2026年政府工作报告\n——2026年1月15日在宁远县第十八届人民代表大会第五次会议上", "宁远县"),
    # names that start with a character a date or a preposition could also end with
    ("——2026年1月12日于于都县第十八届人民代表大会第五次会议上", "于都县"),
    ("于都县人民政府工作报告", "于都县"),
    ("——2026年1月9日在日土县第十二届人民代表大会第四次会议上", "日土县"),
    ("鹰潭市月湖区2026年政府工作报告", "月湖区"),
    ("——2026年1月6日在内蒙古自治区鄂尔多斯市达拉特旗第十九届人民代表大会第五次会议上", "达拉特旗"),
    ("(2026年1月16日在温州市鹿城区第十一届人民代表大会第五次会议上)", "鹿城区"),
    # nothing that names a district: no guess
    ("政府工作报告\n各位代表:\n全县实现地区生产总值186.4亿元", ""),
]


@pytest.mark.parametrize(("opening", "district"), OPENINGS, ids=[d or "none" for _, d in OPENINGS])
def test_the_district_of_a_reports_opening(opening, district):
    assert detect_district(opening) == district


@pytest.mark.parametrize(("fixture", "district"), [("ningyuan-2026.txt", "宁远县"), ("hexi-2026.txt", "河溪县"),
                                                   ("qingshan-2026.txt", "青山县"),
                                                   ("baiyang-2026-gb18030.txt", "白杨区")])
def test_every_fixture_report_drafts_its_own_district(fixture, district):
    plan = draft_from_path(FIXTURES / fixture).plan["plan"]
    assert plan["district_zh"] == district
    assert plan["title_zh"].startswith(district + "“十五五”")


def test_the_ganzhou_report_names_ganzhou(report_text):
    assert detect_district(report_text) == "甘州区"


#: Characters of a generated name: any common hanzi but the suffixes of administrative units.
NAME_CHARS = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5,
                           exclude_characters="省市州盟区县旗第届")
CN_DIGITS = "〇一二三四五六七八九十"


@settings(max_examples=200, deadline=None)
@given(year=st.integers(2020, 2035), month=st.integers(1, 12), day=st.integers(1, 31),
       chinese_date=st.booleans(), word=st.sampled_from(["在", "于"]),
       stem=st.text(NAME_CHARS, min_size=1, max_size=6), suffix=st.sampled_from(["区", "县", "旗"]),
       city=st.sampled_from(["", "张掖市", "永州市", "甘肃省张掖市"]))
def test_a_dated_opening_never_glues_the_date_to_the_name(year, month, day, chinese_date, word, stem, suffix,
                                                         city):
    date = f"{year}年{month}月{day}日"
    if chinese_date:
        date = "".join(CN_DIGITS[int(c)] for c in str(year)) + f"年{CN_DIGITS[month % 11]}月{CN_DIGITS[day % 11]}日"
    opening = f"政府工作报告\n——{date}{word}{city}{stem}{suffix}第十九届人民代表大会第五次会议上"
    assert detect_district(opening) == stem + suffix
