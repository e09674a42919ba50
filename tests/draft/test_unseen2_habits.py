"""Habits of a second round of reports the drafter had not seen, each on a short excerpt.

One test per failure found by drafting four more reports (a Pearl River Delta district with a
主要指标 table pasted from a word processor, a northeastern grain county with goals in words, a
Sichuan district reviewing 2021–2025, a Xinjiang county with page headers and a glossary) and
their scanned, traditional-character and very long variants: the excerpt, what must be drafted
from it (or listed in the review, and why), and that every quote is the report's own words.
"""

from __future__ import annotations

import math

from sim.draft import draft_from_text
from sim.draft.decisions import validated
from sim.draft.plain import ascii_forms, plain_copy
from sim.draft.review import review_frame
from sim.draft.sections import is_table_row
from sim.draft.tables import column_of

from .helpers import quotes_are_the_reports, report, table

DOUBLING = (2 ** (1 / 5) - 1) * 100  # 翻一番 in five years [%/年]



def _ids(d) -> set[str]:
    return {ind["id"] for ind in d.plan["indicator"]}


def _goal(ind: dict, role: str, kind: str) -> dict:
    return next(g for g in ind.get(role, []) if g["kind"] == kind)


# ---------------------------------------------------------------- tables pasted from a word processor

_TABLE_TABS = ("主要预期目标如下：\n"
               "序号\t指标名称\t单位\t2025年\t2030年目标\t年均增长\t属性\n"
               "1\t地区生产总值\t亿元\t2318.6\t3000\t5%左右\t预期性\n"
               "2\t一般公共预算收入\t亿元\t142.3\t——\t与经济增长同步\t预期性\n"
               "3\t城镇调查失业率\t%\t——\t5.5以内\t——\t预期性\n"
               "今后五年要接续奋斗。")


def test_a_table_row_is_read_by_its_header_columns_and_quotes_the_row():
    d = draft_from_text(report(goals=_TABLE_TABS))
    gdp = table(d, "gdp")
    row = "1\t地区生产总值\t亿元\t2318.6\t3000\t5%左右\t预期性"
    assert (gdp["baseline"]["value"], gdp["baseline"]["quote"]) == (2318.6, row)
    level, growth = _goal(gdp, "target", "level"), _goal(gdp, "target", "growth")
    assert (level["value"], level["direction"], level["year"]) == (3000.0, "at_least", 2030)
    assert (growth["value"], growth["direction"], growth["quote"]) == (5.0, "at_least", row)
    jobless = _goal(table(d, "surveyed_unemployment"), "target", "level")
    assert (jobless["value"], jobless["direction"]) == (5.5, "at_most")
    assert table(d, "public_budget_revenue")["baseline"]["value"] == 142.3
    quotes_are_the_reports(d, candidates=True)
    validated(d)


def test_a_goal_cell_in_words_is_listed_in_the_review_without_a_number():
    d = draft_from_text(report(goals=_TABLE_TABS))
    worded = [c for c in d.candidates if c.reading == "words"]
    assert [(c.indicator, c.status) for c in worded] == [("public_budget_revenue", "dropped")]
    assert math.isnan(worded[0].value) and "与经济增长同步" in worded[0].quote
    assert "in step with economic growth" in worded[0].reason and "与经济增长同步" in worded[0].reason_zh
    assert "growth" not in {g["kind"] for g in table(d, "public_budget_revenue").get("target", [])}


def test_a_table_separated_by_runs_of_blanks_is_read_like_one_with_tabs():
    goals = ("指标名称    单位    2025年    2030年\n"
             "研发经费投入强度    %    3.92    4.5\n"
             "PM2.5年均浓度    微克/立方米    24    22\n")
    d = draft_from_text(report(goals=goals))
    rd, pm = table(d, "rd_intensity"), table(d, "pm25")
    assert (rd["baseline"]["value"], rd["target"][0]["value"], rd["target"][0]["direction"]) == (3.92, 4.5, "at_least")
    # PM2.5 is lower-better: a 2030 level in the table is a ceiling.
    assert (pm["baseline"]["value"], pm["target"][0]["value"], pm["target"][0]["direction"]) == (24.0, 22.0, "at_most")
    quotes_are_the_reports(d, candidates=True)


def test_a_table_printed_one_cell_a_line_is_read_and_an_age_in_a_name_is_no_value():
    goals = "指标名称\n单位\n2025年\n2030年\n常住人口城镇化率\n%\n95.6\n96.5\n每千人口拥有3岁以下婴幼儿托位数\n个\n4.1\n4.5\n"
    d = draft_from_text(report(goals=goals))
    urban, care = table(d, "urbanisation"), table(d, "childcare_places")
    assert (urban["baseline"]["value"], urban["target"][0]["value"]) == (95.6, 96.5)
    assert (care["baseline"]["value"], care["target"][0]["value"], care["unit"]) == (4.1, 4.5, "个")
    assert care["baseline"]["quote"] == "每千人口拥有3岁以下婴幼儿托位数\n个\n4.1\n4.5"
    assert not any(c.value == 3.0 for c in d.candidates)


def test_header_cells_name_their_columns():
    assert column_of("2030年目标", 2025, 2030).year == 2030
    assert column_of("“十五五”年均增长", 2025, 2030).what == "growth"
    assert column_of("指标名称", 2025, 2030).what == "name"
    assert column_of("地区生产总值", 2025, 2030) is None


def test_an_age_bound_inside_a_name_in_prose_is_not_a_target():
    d = draft_from_text(report(goals="每千人口拥有3岁以下婴幼儿托位数达到4.5个。"))
    care = table(d, "childcare_places")
    assert (care["target"][0]["value"], care["target"][0]["direction"]) == (4.5, "at_least")
    assert [c.value for c in d.candidates if c.indicator == "childcare_places"] == [4.5]


# ---------------------------------------------------------------- goals in words

def test_doubling_without_a_numeral_is_the_growth_that_doubles_in_five_years():
    d = draft_from_text(report(past="一般公共预算收入完成7.46亿元。",
                               goals="县域一般公共预算收入实现倍增，规模以上工业增加值实现翻番。"))
    for ind_id, quote in (("public_budget_revenue", "县域一般公共预算收入实现倍增"),
                          ("industrial_va", "规模以上工业增加值实现翻番")):
        goal = _goal(table(d, ind_id), "target", "growth")
        assert math.isclose(goal["value"], DOUBLING, abs_tol=0.005) and goal["direction"] == "at_least"
        assert (goal["basis"], goal["quote"]) == ("derived", quote)
    quotes_are_the_reports(d, candidates=True)
    validated(d)


def test_a_round_sum_written_without_its_unit_is_a_level_in_yi_yuan():
    d = draft_from_text(report(past="地区生产总值完成856.2亿元。", goals="到2030年，地区生产总值突破千亿，打造千亿级产业集群。"))
    level = _goal(table(d, "gdp"), "target", "level")
    assert (level["value"], level["direction"], level["quote"]) == (1000.0, "at_least", "地区生产总值突破千亿")
    assert not any(c.value == 1000.0 and "级" in c.quote for c in d.candidates)


def test_goals_in_words_are_listed_with_the_reason_and_never_drafted():
    goals = ("经济实力迈上新台阶；城乡居民收入增长与经济增长同步，农村居民人均可支配收入增速快于城镇居民；"
             "旅游收入实现双位数增长；单位地区生产总值能耗下降完成省下达目标。")
    d = draft_from_text(report(past="农村居民人均可支配收入22460元。", goals=goals))
    worded = {c.quote: c for c in d.candidates if c.reading == "words"}
    assert set(worded) == {"经济实力迈上新台阶", "城乡居民收入增长与经济增长同步", "农村居民人均可支配收入增速快于城镇居民",
                           "旅游收入实现双位数增长", "单位地区生产总值能耗下降完成省下达目标"}
    assert worded["旅游收入实现双位数增长"].indicator == "tourism_spending"
    assert worded["单位地区生产总值能耗下降完成省下达目标"].indicator == "energy_intensity"
    assert all(c.status == "dropped" and c.reason and c.reason_zh and math.isnan(c.value) for c in worded.values())
    assert not {"tourism_spending", "energy_intensity"} & _ids(d)
    assert not table(d, "rural_income").get("target")
    frame = review_frame(d.candidates)
    assert set(frame.loc[frame["reading"] == "words", "quote"]) == set(worded)


# ---------------------------------------------------------------- text as printed or scanned

def test_a_running_header_beside_a_page_number_is_page_furniture():
    past = ("农牧业稳中提质。粮食总产量达到31.2万吨；牲畜存栏\n— 2 —\n松林县人民政府工作报告\n"
            "86.5万头（只），其中牛存栏12.3万头。")
    d = draft_from_text(report(past=past, goals="牲畜存栏达到100万头（只）。"))
    stock = next(ind for ind in d.plan["indicator"] if ind["name_zh"] == "牲畜存栏")
    assert stock["baseline"]["value"] == 86.5
    assert stock["baseline"]["quote"] == "牲畜存栏\n— 2 —\n松林县人民政府工作报告\n86.5万头（只）"
    quotes_are_the_reports(d, candidates=True)


def test_a_scanned_number_with_blanks_and_letters_is_read_and_quoted_as_printed():
    past = "地区生产总值由2020年的8l2.4亿元增加到11 20.6亿元；农村居民人均可支配收入达到3327O元，城镇居民人均可支配收入达到5 6 4 8 0元。"
    d = draft_from_text(report(past=past, tasks="地区生产总值增长6 %左右。"))
    assert table(d, "gdp")["baseline"]["value"] == 1120.6
    assert table(d, "rural_income")["baseline"]["value"] == 33270.0
    assert table(d, "urban_income")["baseline"]["value"] == 56480.0
    assert _goal(table(d, "gdp"), "milestone", "growth")["value"] == 6.0
    assert "11 20.6亿元" in table(d, "gdp")["baseline"]["quote"]
    quotes_are_the_reports(d, candidates=True)
    validated(d)


def test_blanks_between_the_cells_of_a_table_row_are_kept():
    row = "地区生产总值 亿元 686.3 7.1"
    assert is_table_row(row)
    assert plain_copy(f"表1\n{row}\n").text == f"表1\n{row}\n"
    assert ascii_forms("CO2排放、PM2.5、5G基站") == "CO2排放、PM2.5、5G基站"


def test_a_level_of_zero_stops_its_indicator_not_the_draft():
    # A compound indicator grows from its 2025 level: 0 is a misread number, said in the review.
    d = draft_from_text(report(past="地区生产总值完成86.4亿元；城镇居民人均可支配收入0元。",
                               goals="城镇居民人均可支配收入年均增长6%。"))
    assert "urban_income" not in _ids(d) and "gdp" in _ids(d)
    assert all("cannot be grown from" in c.reason and "无法作为增长的基数" in c.reason_zh
               for c in d.candidates if c.indicator == "urban_income")
    validated(d)


def test_a_report_in_traditional_characters_is_read_and_quoted_as_written():
    d = draft_from_text(report(past="全區地區生產總值達到2318.6億元，同比增長5.4%。",
                               goals="規模以上工業增加值年均增長6%以上。"))
    gdp = table(d, "gdp")
    assert (gdp["baseline"]["value"], gdp["baseline"]["quote"]) == (2318.6, "全區地區生產總值達到2318.6億元")
    industry = _goal(table(d, "industrial_va"), "target", "growth")
    assert (industry["value"], industry["quote"]) == (6.0, "規模以上工業增加值年均增長6%以上")


def test_a_glossary_entry_gives_the_level_of_the_term_it_defines():
    text = report(goals="草原综合植被盖度稳定在42%以上。") + (
        "名词解释\n4.草原综合植被盖度：草原上植物垂直投影面积占草原面积的百分比，2025年为41.8%。\n")
    grass = table(draft_from_text(text), "grassland_vegetation")
    assert grass["baseline"]["value"] == 41.8
    assert grass["baseline"]["quote"].startswith("4.草原综合植被盖度：")


def test_a_national_style_table_marks_five_year_totals_and_bounds_and_lists_what_it_cannot_read():
    goals = ("指标\t2020年\t2025年（基期）\t2030年（目标）\t属性\n"
             "单位地区生产总值能耗降低（%）\t——\t——\t〔13.5〕\t约束性\n"
             "城镇新增就业（万人）\t——\t——\t〔10〕\t预期性\n"
             "森林覆盖率（%）\t34.1\t35.2\t≥36\t约束性\n"
             "劳动年龄人口平均受教育年限（年）\t10.9\t11.2\t≈11.5\t预期性\n")
    d = draft_from_text(report(goals=goals))
    energy = _goal(table(d, "energy_intensity"), "target", "growth")
    assert math.isclose(energy["value"], (0.865 ** (1 / 5) - 1) * 100, abs_tol=0.005)
    assert (energy["direction"], energy["basis"]) == ("at_most", "derived")
    jobs = _goal(table(d, "urban_new_jobs"), "target", "cumulative")
    assert (jobs["value"], jobs["direction"]) == (100000.0, "at_least")
    forest = table(d, "forest_cover")
    assert (forest["baseline"]["value"], forest["target"][0]["value"], forest["target"][0]["direction"]) == (
        35.2, 36.0, "at_least")
    unread = sorted(c.reason for c in d.candidates if c.reason.startswith("a table cell not read"))
    assert [r.rsplit(": ", 1)[1] for r in unread] == ["10.9", "11.2", "34.1", "≈11.5"]
    quotes_are_the_reports(d, candidates=True)
    validated(d)


def test_a_five_year_total_whose_verb_comes_first_keeps_its_indicator():
    d = draft_from_text(report(record="五年累计完成固定资产投资3150亿元，五年累计新增城镇就业10.2万人。",
                               past="固定资产投资增长5%。"))
    total = next(c for c in d.candidates if c.value == 3150.0)
    jobs = next(c for c in d.candidates if c.value == 102000.0)
    assert (total.indicator, total.role, total.reading) == ("fixed_asset_investment", "history", "total")
    assert jobs.indicator == "urban_new_jobs" and "no indicator is named" not in jobs.reason


def test_in_step_and_set_above_goals_are_recognised_in_their_other_wordings():
    goals = "居民收入增长和经济增长同步、劳动报酬提高和劳动生产率提高同步；PM2.5浓度控制在省下达目标以内。"
    tasks = "推动产业升级与城市更新同步推进。"
    d = draft_from_text(report(past="PM2.5年均浓度27微克/立方米。", goals=goals, tasks=tasks))
    worded = {c.quote: c.reason for c in d.candidates if c.reading == "words"}
    assert set(worded) == {"居民收入增长和经济增长同步、劳动报酬提高和劳动生产率提高同步", "PM2.5浓度控制在省下达目标以内"}
    assert "higher level" in worded["PM2.5浓度控制在省下达目标以内"]
    assert not table(d, "pm25").get("target")


def test_a_growth_column_beside_one_year_is_that_year_s_growth_not_the_plan_s():
    past = ("2025年主要经济指标完成情况\n指标名称\t单位\t完成值\t增长（%）\n"
            "地区生产总值\t亿元\t2318.6\t5.4\n")
    tasks = ("指标名称\t单位\t2026年目标\t增长（%）\n"
             "地区生产总值\t亿元\t——\t5左右\n"
             "城镇调查失业率\t%\t≤5.5\t——\n")
    d = draft_from_text(report(past=past, tasks=tasks))
    gdp = table(d, "gdp")
    assert (gdp["baseline"]["value"], gdp["trend"]["value"]) == (2318.6, 5.4)
    assert "target" not in gdp or not gdp["target"]
    milestone = _goal(gdp, "milestone", "growth")
    assert (milestone["year"], milestone["value"], milestone["quote"]) == (2026, 5.0, "地区生产总值\t亿元\t——\t5左右")
    jobless = _goal(table(d, "surveyed_unemployment"), "milestone", "level")
    assert (jobless["value"], jobless["direction"]) == (5.5, "at_most")


def test_a_2030_growth_counted_from_2025_is_spread_over_the_five_years():
    d = draft_from_text(report(past="地区生产总值152.8亿元。", goals="到2030年，地区生产总值比2025年增长30%以上。"))
    goal = _goal(table(d, "gdp"), "target", "growth")
    assert math.isclose(goal["value"], (1.3 ** (1 / 5) - 1) * 100, abs_tol=0.005)
    assert (goal["basis"], goal["direction"]) == ("derived", "at_least")


def test_a_2030_change_counted_from_another_year_is_listed_not_drafted():
    d = draft_from_text(report(past="地区生产总值152.8亿元。", goals="地区生产总值较2020年翻一番，一般公共预算收入比2020年增长60%。"))
    assert not table(d, "gdp").get("target")
    dropped = [c for c in d.candidates if c.value in (2.0, 60.0)]
    assert len(dropped) == 2 and all(c.status == "dropped" and "from 2020" in c.reason for c in dropped)


def test_a_doubling_programme_is_a_name_not_a_goal():
    d = draft_from_text(report(past="地区生产总值152.8亿元。", goals="实施中等收入群体倍增计划，推动科技型企业数量倍增行动。"))
    assert _ids(d) == {"gdp"}
    assert not any(c.value == 2.0 for c in d.candidates)


def test_units_of_northern_and_energy_reports_convert_to_the_lexicon_s():
    past = "畜禽饲养量达到1200万头只；粮食播种面积稳定在190千公顷；新能源装机达到6.12GW；建成10kV线路30公里。"
    d = draft_from_text(report(past=past, goals="到2030年，畜禽饲养量达到1500万头只。"))
    assert table(d, "livestock_stock")["baseline"]["value"] == 1200.0
    assert table(d, "grain_area")["baseline"]["value"] == 285.0  # 190千公顷 × 15亩/公顷
    assert table(d, "new_energy_capacity")["baseline"]["value"] == 612.0
    assert not any(c.value_written == 10.0 for c in d.candidates)


def test_the_level_after_a_round_threshold_belongs_to_the_same_indicator():
    d = draft_from_text(report(past="地区生产总值迈上千亿台阶、达到1120.6亿元，增长5.7%。"))
    gdp = table(d, "gdp")
    assert (gdp["baseline"]["value"], gdp["baseline"]["quote"]) == (1120.6, "地区生产总值迈上千亿台阶、达到1120.6亿元")
    assert [c.role for c in d.candidates if c.value == 1000.0] == ["bound"]


def test_page_footers_in_other_forms_are_page_furniture_too():
    text = "全县上下攻坚克难，经济平稳运行，一般公共预算收入完成32\n第 3 页 共 12 页\n松林县人民政府工作报告\n680万元，同比增长8.5%。"
    base = table(draft_from_text(report(past=text)), "public_budget_revenue")["baseline"]
    assert (base["value"], base["quote"]) == (3.268, "一般公共预算收入完成32\n第 3 页 共 12 页\n松林县人民政府工作报告\n680万元")
    assert ascii_forms("增长O.5个百分点，CO2，IO1") == "增长0.5个百分点，CO2，IO1"
