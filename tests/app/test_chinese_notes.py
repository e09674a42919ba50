"""Chinese means Chinese: the indicator page and the export's sources sheet show the plan's
Chinese notes and reasons in Chinese mode, and say so where a user's plan has none."""

from __future__ import annotations

import io

import pandas as pd

from sim import load_scenario
from ui import exports

from .conftest import ROOT, assert_clean, go, start

NO_ZH = "暂无中文译文"


def _indicator_page(lang: str):
    return go(start({"lang": lang}), "pages/indicator.py")


def _text(at) -> str:
    return "\n".join(x.value for x in [*at.markdown, *at.caption])


def test_indicator_page_in_chinese_shows_the_chinese_note(plan):
    at = _indicator_page("zh")
    assert_clean(at)
    text = _text(at)
    assert plan.by_id["gdp"].note_zh in text
    assert plan.by_id["gdp"].note not in text
    assert NO_ZH not in text


def test_an_assumed_baseline_shows_its_chinese_reason_and_note(plan):
    at = _indicator_page("zh")
    at.selectbox(key="ind_pick.zh").set_value("public_budget_revenue").run()
    assert_clean(at)
    ind = plan.by_id["public_budget_revenue"]
    text = _text(at)
    assert "假设理由:" + ind.baseline.reason_zh in text
    assert ind.note_zh in text
    assert NO_ZH not in text and ind.baseline.reason not in text


def test_indicator_page_in_english_keeps_the_english_note(plan):
    at = _indicator_page("en")
    assert_clean(at)
    assert plan.by_id["gdp"].note in _text(at)


def test_a_user_plan_without_chinese_notes_says_the_translation_is_missing(monkeypatch, tmp_path):
    other = (ROOT / "tests" / "data" / "other_district.toml").read_text(encoding="utf-8")
    marker = 'dynamic = "additive"\n'
    assert other.count(marker) == 1
    path = tmp_path / "no_chinese.toml"
    path.write_text(other.replace(marker, marker + 'note = "A remark written in English only."\n'),
                    encoding="utf-8")
    monkeypatch.setenv("FYP_PLAN", str(path))
    at = _indicator_page("zh")
    at.selectbox(key="ind_pick.zh").set_value("solar").run()
    assert_clean(at)
    text = _text(at)
    # the placeholder's reason and the note: both English only, both flagged
    assert text.count(NO_ZH) == 2
    assert "A remark written in English only." not in text


def _sources(plan, lang: str) -> pd.DataFrame:
    scenario = load_scenario("cautious")
    from sim import check_targets, project

    proj = project(plan, [scenario])
    result = type("R", (), {"projection": proj, "check": check_targets(proj)})()
    xlsx = next(f for f in exports.files(result, scenario, lang) if f.kind == "xlsx").data
    sheet = "数据来源" if lang == "zh" else "sources"
    index = "指标代码" if lang == "zh" else "indicator"
    return pd.read_excel(io.BytesIO(xlsx), sheet_name=sheet).set_index(index)


def test_the_chinese_workbook_sources_sheet_has_the_chinese_notes(plan):
    sheet = _sources(plan, "zh")
    assert sheet.loc["gdp", "说明"] == plan.by_id["gdp"].note_zh
    revenue = plan.by_id["public_budget_revenue"]
    assert sheet.loc["public_budget_revenue", "说明"] == revenue.note_zh
    assert sheet.loc["public_budget_revenue", "基期来源"] == revenue.baseline.reason_zh
    with_notes = [i.id for i in plan.indicators if i.note]
    assert [sheet.loc[x, "说明"] for x in with_notes] == [plan.by_id[x].note_zh for x in with_notes]


def test_the_english_workbook_sources_sheet_keeps_the_english_notes(plan):
    sheet = _sources(plan, "en")
    assert sheet.loc["gdp", "note"] == plan.by_id["gdp"].note
    assert sheet.loc["public_budget_revenue", "baseline_note"] == plan.by_id["public_budget_revenue"].baseline.reason
