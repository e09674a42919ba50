"""The words around the command line's tables, in both languages, from codes: reference cases.

Each table of twin templates names the same params in both languages; each coded reason, note,
label and summary reads as written here in Chinese and in English (the English exactly as before,
so files read by programs are unchanged).
"""

from __future__ import annotations

import string

import pandas as pd
import pytest

from sim import load_plan, load_scenario
from sim.cli.words import SENTENCES, say
from sim.engine.label import LABELS, Label
from sim.io.actuals import load_actuals
from sim.report.export import iamc_frame
from sim.report.frames import rationale_in
from sim.report.labels import DIST, METHOD, ORIGIN, STEP, localize
from sim.review.audit import RULES
from sim.review.findings import RULE_ZH
from sim.review.history import WHY, backcast, history_table, pace_comparison
from sim.review.midterm import NOTES, midterm_review
from sim.review.monitor import band_summary, monitor, summary_line
from tests.app.conftest import ROOT

PLAN = load_plan()
ACTUALS = load_actuals(ROOT / "docs" / "examples" / "actuals-2027-illustrative.csv")


def names(template: str) -> set[str]:
    return {n for _, n, _, _ in string.Formatter().parse(template) if n}


@pytest.mark.parametrize("table", [SENTENCES, NOTES, WHY], ids=["sentences", "notes", "why"])
def test_twin_templates_name_the_same_params(table):
    for code, (en, zh) in table.items():
        # the Chinese may show a measure by its Chinese word (measure_zh) where the English names the code
        assert names(zh) - {"measure_zh"} <= names(en) | {"measure"}, code
        assert names(en) - {"measure"} <= names(zh), code


def test_every_spread_origin_and_audit_rule_has_its_words():
    spreads = {c for c in LABELS if c.startswith("spread_")}
    assert set(ORIGIN["zh"]) == set(ORIGIN["en"]) == spreads | {"other"}
    for code in spreads:
        assert names(ORIGIN["zh"][code]) == names(ORIGIN["en"][code]) == names(LABELS[code])
    assert set(RULE_ZH) == {name for name, _ in RULES}
    for table in (DIST, METHOD, STEP):
        assert set(table["zh"]) == set(table["en"])


def test_the_uncertainty_tables_localize_their_codes():
    origin = pd.Series([Label("spread_file", file="/tmp/x/wide.toml", field="uncertainty.gdp")], dtype=object)
    frame = localize(pd.DataFrame({"dist": ["triangular"], "step": ["sd"], "method": ["closed form"],
                                   "dynamic": ["compound"], "spread_unit": ["log points/yr"], "origin": origin}), "zh")
    assert frame.iloc[0].tolist() == ["三角", "一个标准差", "解析解", "按增速复合增长", "对数点/年",
                                      "情景文件 wide.toml 的 uncertainty.gdp"]
    assert list(frame.columns) == ["分布", "变动方式", "算法", "变化方式", "幅度单位", "来源"]


def test_history_reasons_in_both_languages():
    table = history_table(PLAN, "zh").set_index("indicator")
    en = history_table(PLAN, "en").set_index("indicator")
    assert table.loc["rural_income", "why"] == "报告未给出2025年总量(基期为指数),无法由“增加量”推出水平或速度"
    assert en.loc["rural_income", "why"] == ("the 2025 level is not reported (the baseline is an index), so a "
                                             "'change' in the unit cannot give a level or a rate")
    pace = pace_comparison(PLAN, "zh").set_index("indicator")
    assert pace.loc["fixed_asset_investment", "why"] == "无法计算倍数:有速度为零、负数或过于接近零"
    assert pace_comparison(PLAN).set_index("indicator").loc["fixed_asset_investment", "why"] == \
        "no ratio: a pace is zero, negative or too close to zero"


def test_backcast_checks_in_both_languages():
    zh = backcast(PLAN, lang="zh").table.set_index(["indicator", "check"])
    en = backcast(PLAN).table.set_index(["indicator", "check"])
    assert ("energy_capacity", "2025年水平") in zh.index and ("energy_capacity", "2020–2025年倍数") in zh.index
    assert ("energy_capacity", "2025 level") in en.index and ("energy_capacity", "multiple 2020–2025") in en.index
    assert zh["engine"].tolist() == en["engine"].tolist()


def test_review_notes_in_both_languages():
    zh = midterm_review(PLAN, ACTUALS, lang="zh").set_index("indicator")["note"]
    en = midterm_review(PLAN, ACTUALS).set_index("indicator")["note"]
    assert zh["rural_income"] == "2025年基期值为指数(=100):实际值请按同一指数填报"
    assert en["rural_income"] == "the 2025 baseline is an index (= 100): enter actuals on the same index"
    assert monitor(PLAN, ACTUALS, lang="zh").set_index("indicator")["note"].to_dict() == zh.to_dict()


def test_monitoring_summaries_in_both_languages():
    table = monitor(PLAN, ACTUALS)
    assert summary_line(table) == "27项主要指标中,16项进度符合或快于序时进度,5项滞后,其中约束性指标2项;6项暂无数据。红色预警2项、黄色预警3项。"
    assert summary_line(table, "en") == ("Of 27 main indicators, 16 are on or ahead of schedule, 5 behind, 2 of them "
                                         "binding; 6 without data. Red warnings 2, yellow 3.")
    assert band_summary(table, "en").startswith("Of 27 main indicators: 2 ahead of schedule, 14 broadly on schedule, "
                                                "5 behind schedule, 6 no data. By attribute: binding, 8: ")


def test_sentences_reference():
    assert say("check_summary", "zh", name="plan", met=45, at_risk=0, missed=0, assumed=28) == \
        "plan:达标45项,临界0项,未达标0项;28项结论依赖假设数值"
    assert say("check_summary", "en", name="plan", met=45, at_risk=0, missed=0, assumed=28) == \
        "plan: 45 met, 0 at risk, 0 missed; 28 verdicts rest on an assumed number"
    assert say("goal_title", "zh", title="规划目标", p=0.8, seed=0) == "规划目标:各目标达成概率达到80%所需的速度(随机种子0)"


def test_a_bilingual_rationale_keeps_the_lines_of_the_language():
    text = load_scenario("cautious").rationale
    zh, en = rationale_in(text, "zh"), rationale_in(text, "en")
    assert zh.startswith("考虑外部需求走弱") and zh.endswith("用来看哪些目标在承压时最先失守。")
    assert en.startswith("Weaker external demand") and "35万千瓦 a year" in en
    assert len(zh.splitlines()) + len(en.splitlines()) == len(text.strip().splitlines())
    assert rationale_in("只有中文。", "en") == "只有中文。"  # one language only: nothing is lost


def test_iamc_in_chinese_keeps_the_iamc_headers():
    from sim import project

    zh, en = iamc_frame(project(PLAN, ["plan"]), "zh"), iamc_frame(project(PLAN, ["plan"]))
    assert list(zh.columns) == list(en.columns)
    gdp = zh[zh["variable"] == "经济|地区生产总值"]
    assert len(gdp) == 1 and gdp["region"].iloc[0] == "甘州区"
    assert (en["variable"] == "Economy|" + PLAN.by_id["gdp"].name_en).sum() == 1
    assert gdp[2030].iloc[0] == en.loc[gdp.index[0], 2030]
