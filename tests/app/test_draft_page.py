"""The 导入工作报告 page, run with AppTest from the app's entry script (Chinese and English):
drafting, review, opening a draft in the simulator and switching back, and the app started on
another plan file (``$FYP_PLAN``, ``-- --plan FILE``)."""

from __future__ import annotations

import sys

import pytest
from streamlit.testing.v1 import AppTest

from tests.draft.helpers import FIXTURES

from .conftest import APP, PAGES, ROOT, assert_clean, board_row, go, start, tables

QINGSHAN = (FIXTURES / "qingshan-2026.txt").read_text(encoding="utf-8")
OTHER = ROOT / "tests" / "data" / "other_district.toml"


def page(lang: str = "zh", query: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params.update({"lang": lang, **(query or {})})
    at.run()
    return at.switch_page("pages/draft.py").run()


def read(at: AppTest, text: str) -> AppTest:
    at.text_area(key="draft_text").input(text).run()
    return at.button(key="draft_read").click().run()


def sidebar_text(at: AppTest) -> str:
    return "\n".join(x.value for x in [*at.sidebar.markdown, *at.sidebar.caption])


def names(at: AppTest) -> set[str]:
    table = tables(at)[0]
    return set(table["指标" if "指标" in table.columns else "Indicator"])


def opened(lang: str = "zh", query: dict | None = None) -> AppTest:
    """Qingshan's report drafted, the review confirmed and the draft opened in the simulator."""
    at = read(page(lang, query), QINGSHAN)
    at.checkbox(key="draft_confirm").check().run()
    return at.button(key="draft_open").click().run()


@pytest.mark.parametrize(("lang", "title", "targets"), [("zh", "导入工作报告", "2030年目标"),
                                                        ("en", "Import a work report", "2030 targets")])
def test_pasted_report_gives_candidates_placeholders_and_a_check(lang, title, targets):
    at = read(page(lang), QINGSHAN)
    assert_clean(at)
    assert at.title[0].value == title
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[targets] == "9"
    assert len(at.dataframe) >= 1
    check = at.dataframe[-1].value
    if lang == "zh":  # headers and codes in Chinese, as a Chinese export words them
        check = check.rename(columns={"类型": "check", "状态": "status", "目标类型": "kind", "指标": "name"})
        check = check.replace({"规划目标": "target", "年度目标": "milestone", "达标": "met", "增速": "growth"})
    assert set(check.loc[check["check"] == "target", "status"]) == {"met"}
    # 2026 growth milestones (地区生产总值增长5.5%左右) are met as well as level ones.
    assert set(check.loc[check["check"] == "milestone", "status"]) == {"met"}
    assert "growth" in set(check.loc[check["check"] == "milestone", "kind"])
    assert "地区生产总值" in set(check["name"])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_check_of_a_draft_points_to_the_simulator_not_to_the_command_line(lang):
    at = read(page(lang), QINGSHAN)
    heads = [h.value for h in at.subheader]
    assert not any("fyp" in h or "--plan" in h for h in heads)
    assert any(("“规划目标”" if lang == "zh" else "“Plan targets”") in h for h in heads)


def test_nothing_saved_before_the_review_is_confirmed():
    at = read(page(), QINGSHAN)
    download = next(b for b in at.get("download_button") if b.proto.label == "下载规划数据文件(TOML)")
    assert download.proto.disabled
    assert any("审核确认后才能保存" in i.value for i in at.info)
    at.checkbox(key="draft_confirm").check().run()
    assert_clean(at)
    download = next(b for b in at.get("download_button") if b.proto.label == "下载规划数据文件(TOML)")
    assert not download.proto.disabled


def test_empty_input_is_one_plain_sentence():
    at = page().button(key="draft_read").click().run()
    assert not at.exception
    assert [e.value for e in at.error] == ["输入有误:请先上传或粘贴报告。"]


def test_rebuild_without_edits_keeps_the_plan():
    at = read(page(), QINGSHAN)
    before = {m.label: m.value for m in at.metric}
    at.button(key="draft_apply").click().run()
    assert_clean(at)
    assert {m.label: m.value for m in at.metric} == before
    assert [s.value for s in at.success] == ["已按审核结果重新生成规划。"]


def test_text_with_nothing_to_draft_is_one_plain_sentence():
    at = read(page(), "这是一段没有任何指标数字的文字。")
    assert not at.exception
    assert [e.value for e in at.error] == [
        "输入有误:report.txt:报告中没有找到任何带2025年数值、2030年目标或2026年目标的指标"]


def test_open_needs_the_review_and_then_shows_the_drafted_district_on_the_board():
    at = read(page(), QINGSHAN)
    assert at.button(key="draft_open").proto.disabled
    at.checkbox(key="draft_confirm").check().run()
    assert not at.button(key="draft_open").proto.disabled
    at = at.button(key="draft_open").click().run()
    assert_clean(at)
    assert at.title[0].value == "目标总览"
    assert [s.value for s in at.success] == ["已在模拟器中打开青山县的规划草稿。"]
    assert "**当前规划:** 青山县" in sidebar_text(at)
    shown = names(at)
    assert {"地区生产总值", "社会消费品零售总额", "森林覆盖率"} <= shown and "综合能源装机规模" not in shown
    gdp = board_row(at, "地区生产总值")
    assert gdp["目标"].startswith("年均增长 ≥\u00a05.5") and gdp["状态"].endswith("达标")
    # Only scenarios that fit the draft are offered: 稳健/进取 set Ganzhou's sectors, which Qingshan's lacks.
    assert at.sidebar.selectbox[0].options == ["惯性趋势", "规划目标", "规划目标(含不确定性)"]


def test_back_to_ganzhou_is_one_click():
    at = opened()
    at = at.sidebar.button(key="plan_back").click().run()
    assert_clean(at)
    assert "**当前规划:** 甘州区" in sidebar_text(at)
    assert [i.value for i in at.info if "已切回" in i.value] == ["已切回甘州区规划。"]
    assert any(n.startswith("综合能源装机规模") for n in names(go(at, "pages/board.py")))
    assert not [b for b in at.sidebar.button if b.key == "plan_back"]


def test_a_scenario_that_does_not_fit_the_draft_is_reset_with_a_notice():
    at = opened(query={"scenario": "cautious", "secondary_va": "10,10,10,9,9"})
    assert_clean(at)
    assert [w.value for w in at.warning if "已重置" in w.value] == [
        "当前情景不适用于青山县的规划(其中的指标或起点情景在该规划中不存在),已重置为“规划目标”情景。"]
    assert at.query_params.get("scenario") in (None, ["plan"], "plan")
    assert "secondary_va" not in at.query_params


@pytest.mark.parametrize("page_", [p for p in PAGES if p != "pages/draft.py"])
def test_every_page_runs_on_an_opened_draft(page_):
    at = go(opened(), page_)
    assert_clean(at)
    assert at.title[0].value == PAGES[page_][0]


def test_in_english_the_language_survives_the_switch_and_the_sidebar_uses_the_english_name():
    at = opened("en")
    assert_clean(at)
    assert at.title[0].value == "Target board"
    # A draft's English name is a placeholder the planner fills in the file.
    assert "**Plan in use:** 青山县 (English name to be filled)" in sidebar_text(at)
    assert at.sidebar.button(key="plan_back").proto.label == "Back to the plan of Ganzhou District, Zhangye, Gansu"


def test_app_started_on_a_plan_file_from_the_environment(monkeypatch):
    monkeypatch.setenv("FYP_PLAN", str(OTHER))
    at = start()
    assert_clean(at)
    assert "**当前规划:** 示例县" in sidebar_text(at)
    assert names(at) == {"地区生产总值", "光伏装机 ⚑"}
    assert not [b for b in at.sidebar.button if b.key == "plan_back"]


def test_app_started_with_a_plan_argument(monkeypatch):
    monkeypatch.setattr(sys, "argv", ["streamlit_app.py", "--plan", str(OTHER)])
    monkeypatch.setenv("FYP_PLAN", "ignored-when-an-argument-is-given.toml")
    at = start()
    assert_clean(at)
    assert "**当前规划:** 示例县" in sidebar_text(at)


def test_a_bad_plan_file_is_one_sentence_naming_it(monkeypatch, tmp_path):
    missing = tmp_path / "nowhere.toml"
    monkeypatch.setenv("FYP_PLAN", str(missing))
    at = start()
    assert not at.exception
    assert len(at.error) == 1 and at.error[0].value.startswith(f"无法打开规划数据文件:{missing}")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_review_tables_give_their_reasons_in_the_pages_language(lang):
    """Why a number was dropped and why a placeholder was chosen, in the interface language (the
    drafter writes both: sim/draft/words.py)."""
    from .language_rules import stray_english

    at = read(page(lang), QINGSHAN)
    candidates, placeholders = at.dataframe[0].value, at.dataframe[1].value
    reasons = [r for r in [*candidates["reason"], *placeholders["reason"]] if isinstance(r, str) and r]
    assert len(reasons) > 10
    if lang == "zh":
        assert not stray_english(reasons)
        assert "指2024年,不是规划文件所含的年份" in reasons
    else:
        assert "refers to 2024, not a year the plan file holds" in reasons


def test_a_chinese_review_shows_no_code_of_the_drafter():
    """Walking the draft page in Chinese: the candidates read “baseline / at_least / growth”, the
    placeholders' headers “indicator, name, unit, value, index, reason” and the check below them
    “met / reported / target” — the data grid draws on a canvas, out of the browser walk's reach."""
    from .language_rules import stray_english

    at = read(page("zh"), QINGSHAN)
    assert_clean(at)
    candidates, placeholders, check = (d.value for d in at.dataframe)
    assert set(candidates["reading"]) <= {"水平值", "比重", "增速", "下降幅度", "新增量", "变动量", "倍数", "增长倍数",
                                          "年均变动量", "累计量", "起始水平", "界限值", "未识别"}
    import json

    config = [json.loads(d.proto.columns) for d in at.dataframe]
    role = config[0]["role"]["type_config"]["options"]
    # the picker keeps the code as the value and shows the word
    assert role[0] == {"value": "baseline", "label": "2025年基数"}
    assert config[0]["role"]["width"] == 110  # wide enough for “十四五”记录, not measured on the codes
    assert [o["label"] for o in role] == ["2025年基数", "2025年速度", "规划目标", "年度目标", "“十四五”记录", "2025年界限值",
                                          "不采用"]
    assert [o["label"] for o in config[0]["direction"]["type_config"]["options"]] == ["—", "不低于", "不高于", "保持在"]
    assert [config[1][c]["label"] for c in ("indicator", "name", "unit", "value", "index", "reason")] == [
        "指标代码", "指标", "单位", "占位值", "指数(2025=100)", "说明"]
    assert list(check.columns) == ["指标", "类型", "目标类型", "目标年", "方向", "目标值", "预测值", "状态", "依据"]
    cells = [str(v) for col in ("类型", "目标类型", "方向", "状态", "依据") for v in check[col]]
    assert not stray_english(cells)
    # the edits still reach the draft as codes: rebuilding unchanged keeps every count
    before = {m.label: m.value for m in at.metric}
    at.button(key="draft_apply").click().run()
    assert {m.label: m.value for m in at.metric} == before
