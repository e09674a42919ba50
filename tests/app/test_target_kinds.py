"""A target is named as the planner reads it (issue 10), on every page and file that names its kind.

* A growth target one year after the base year (a 2026 milestone) is that year's growth:
  增长 / 增速 (比上年), never 年均 — that word is for paces over several years.
* A headline card shows the target the plan states as its headline: the growth target
  (地区生产总值年均增长6.5%) even when the same indicator also has a level target, which the
  card then names underneath.

The embedded plan has neither case, so the tests run on a copy of it with two targets added to
GDP, both marked ``assumed`` with the reason that they are a test's: a 2030 level of 430亿元 and
a 2026 growth milestone of 6%.
"""

from __future__ import annotations

import io

import pandas as pd
import pytest

from sim import check_targets, load_plan, project
from sim.report.compare import compare_checks
from sim.report.labels import kind_word, localize, one_year_growth
from ui import display

from .conftest import ROOT, assert_clean, go, start, tables

GDP_TARGET = 'quote = "地区生产总值年均增长6.5%"\n'
EXTRA = '''
[[indicator.target]]
year = 2030
kind = "level"
direction = "at_least"
value = 430.0
basis = "assumed"
reason = "Test plan only: a level target beside the stated growth target."

[[indicator.milestone]]
year = 2026
kind = "growth"
direction = "at_least"
value = 6.0
basis = "assumed"
reason = "Test plan only: a one-year growth milestone."
'''


@pytest.fixture(scope="module")
def both_path(tmp_path_factory):
    text = (ROOT / "sim" / "data" / "ganzhou.toml").read_text(encoding="utf-8")
    assert text.count(GDP_TARGET) == 1
    path = tmp_path_factory.mktemp("plans") / "both.toml"
    path.write_text(text.replace(GDP_TARGET, GDP_TARGET + EXTRA), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def both(both_path):
    plan = load_plan(both_path)
    return plan, check_targets(project(plan, ["cautious", "plan"]))


def _gdp(check, which: str, kind: str, scenario: str = "cautious") -> pd.Series:
    rows = check[(check["scenario"] == scenario) & (check["indicator"] == "gdp") & (check["check"] == which)
                 & (check["kind"] == kind)]
    assert len(rows) == 1
    return rows.iloc[0]


# --------------------------------------------------------------------------- the rule

def test_one_year_of_growth_is_the_years_growth_not_an_average():
    assert one_year_growth("growth", 2026, 2025) and not one_year_growth("growth", 2027, 2025)
    assert not one_year_growth("level", 2026, 2025) and not one_year_growth("growth", 2026, None)
    assert kind_word("growth", "zh", 2026, 2025) == "增速" and kind_word("growth", "zh", 2030, 2025) == "年均增速"
    assert kind_word("growth", "en", 2026, 2025) == "growth" and kind_word("growth", "en") == "average growth"
    assert kind_word("level", "zh", 2026, 2025) == "水平"


def test_the_check_table_knows_its_base_year(both):
    plan, check = both
    assert check.attrs["base_year"] == plan.base_year == 2025
    assert compare_checks(check).attrs["base_year"] == 2025


# --------------------------------------------------------------------------- tables and files

def test_board_and_compare_tables_word_each_kind(both):
    plan, check = both
    milestones = display.board_rows(check, "cautious", "milestone")
    for lg, one, avg in (("zh", "增长 ≥\u00a06.0%", "年均增长 ≥\u00a06.5%"), ("en", "growth ≥\u00a06.0%", "avg growth ≥\u00a06.5%")):
        board = display.board_table(milestones, lg)
        column = board.columns[3]
        assert board.iloc[0][column] == one           # GDP's milestone comes first in plan order
        targets = display.board_table(display.board_rows(check, "cautious", "target"), lg)
        assert targets.iloc[0][column] == avg
        table = display.compare_table(check, ["cautious", "plan"], ["a", "b"], plan, lang_=lg)
        level = "≥\u00a0430.0亿元" if lg == "zh" else "≥\u00a0430.0 (100m\u00a0yuan)"
        assert list(table.iloc[:2, 1]) == [avg, level]


def test_check_table_csv_xlsx_and_cli_compare_name_one_year_growth(both):
    from sim.report.export import workbook_sheets

    plan, check = both
    zh = localize(check[check["scenario"] == "cautious"], "zh")
    rows = list(zip(zh["指标代码"], zh["类型"], zh["目标年"], zh["目标类型"], strict=True))
    assert [r for r in rows if r[0] == "gdp"] == [("gdp", "规划目标", 2030, "年均增速"), ("gdp", "规划目标", 2030, "水平"),
                                                  ("gdp", "年度目标", 2026, "增速")]
    assert ("visitors", "年度目标", 2026, "水平") in rows and ("visitors", "规划目标", 2030, "年均增速") in rows
    compared = localize(compare_checks(check), "zh")
    assert set(compared.loc[compared["类型"] == "年度目标", "目标类型"]) == {"增速", "水平"}
    sheets = workbook_sheets(project(plan, ["cautious"]), check_targets(project(plan, ["cautious"])), "zh")
    sheet = sheets["目标检查"]
    gdp = sheet[sheet["指标代码"] == "gdp"]
    assert list(zip(gdp["类型"], gdp["目标年"], gdp["目标类型"], strict=True)) == [
        ("规划目标", 2030, "年均增速"), ("规划目标", 2030, "水平"), ("年度目标", 2026, "增速")]


def test_the_brief_words_a_one_year_milestone_as_growth(both):
    from sim.report.brief.content import brief_bytes

    plan, _ = both
    html = brief_bytes(plan, ["cautious"], "html").decode("utf-8")
    assert "2026年度目标增长6%以上" in html
    assert "2026年度目标年均增长" not in html
    assert "2030年目标年均增长6.5%以上" in html


# --------------------------------------------------------------------------- headline cards

def test_the_card_shows_the_stated_growth_and_names_the_level_beside_it(both):
    _, check = both
    rows = display.board_rows(check, "cautious", "target")
    chosen = dict((r["indicator"], (r, others)) for r, others in display.headline_targets(rows, ["gdp", "visitors"]))
    shown, others = chosen["gdp"]
    assert shown["kind"] == "growth" and shown["target"] == 6.5
    assert [(o["kind"], o["target"]) for o in others] == [("level", 430.0)]
    assert chosen["visitors"][0]["kind"] == "growth" and chosen["visitors"][1] == []


@pytest.mark.parametrize("lang, label, also", [
    ("zh", "地区生产总值增速", "另有2030年目标 ≥\u00a0430.0亿元:✔ 达标(431.2亿元)"),
    ("en", "GRP growth", "Also a 2030 target of ≥\u00a0430.0 (100m\u00a0yuan): ✔ met (431.2 (100m\u00a0yuan))"),
])
def test_board_in_the_app_on_a_plan_with_both_targets(monkeypatch, both_path, lang, label, also):
    monkeypatch.setenv("FYP_PLAN", str(both_path))
    at = start({"lang": lang} if lang == "en" else None)
    assert_clean(at)
    gdp_card = at.metric[0]
    assert gdp_card.label == label
    assert gdp_card.value == "6.5%"                                    # the growth the plan states, not 亿元
    assert also in [c.value for c in at.caption]
    milestones = tables(at)[1]               # the 2026 milestones, GDP's first
    assert list(milestones.iloc[0, 1:4]) == (["地区生产总值 ⚑", "经济", "增长 ≥\u00a06.0%"] if lang == "zh"
                                             else ["Gross regional product ⚑", "Economy", "growth ≥\u00a06.0%"])


def test_export_page_check_table_on_a_plan_with_both_targets(monkeypatch, both_path, downloads):
    from .conftest import download

    monkeypatch.setenv("FYP_PLAN", str(both_path))
    at = go(start(), "pages/export.py")
    assert_clean(at)
    data, _ = download(at, downloads, "dl_check")
    check = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    gdp = check[check["指标代码"] == "gdp"]
    assert list(zip(gdp["目标年"], gdp["目标类型"], strict=True)) == [(2030, "年均增速"), (2030, "水平"), (2026, "增速")]


def test_the_uncertainty_table_words_a_one_year_milestone_as_growth():
    from ui.uncertainty import target_label

    row = {"kind": "growth", "target_year": 2026, "direction": "at_least", "target": 6.0, "measure_unit": "%/年",
           "name": "地区生产总值", "name_en": "Gross regional product"}
    assert target_label(row, "zh", 2025) == "地区生产总值(增长≥ 6.0%)"
    assert target_label(row, "en", 2025) == "Gross regional product: growth ≥ 6.0%"
    assert target_label({**row, "target_year": 2030}, "zh", 2025) == "地区生产总值(年均≥ 6.0%)"
