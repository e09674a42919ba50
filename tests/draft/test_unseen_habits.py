"""Habits of reports the drafter had not seen, each on a short excerpt written for these tests.

One test per failure found by drafting four new reports (an eastern manufacturing district, a
western farming county, an Inner Mongolian mining banner, a Yunnan tourism county): the excerpt,
what must be drafted from it, and that the quote is the report's own words.
"""

from __future__ import annotations

import pytest

from sim.draft import draft_from_text
from sim.draft.decisions import validated
from sim.draft.numerals import convert
from sim.draft.plain import plain_copy
from sim.draft.sections import heading_kind, report_year

from .helpers import quotes_are_the_reports, report, table, used


def test_full_width_digits_and_signs_are_read_and_quoted_as_printed():
    d = draft_from_text(report(past="全县地区生产总值完成８６．４亿元，增长６．２％。",
                               tasks="地区生产总值增长６．５％左右。"))
    gdp = table(d, "gdp")
    assert (gdp["baseline"]["value"], gdp["trend"]["value"]) == (86.4, 6.2)
    assert gdp["baseline"]["quote"] == "全县地区生产总值完成８６．４亿元"
    assert (gdp["milestone"][0]["kind"], gdp["milestone"][0]["value"]) == ("growth", 6.5)
    quotes_are_the_reports(d)


def test_a_number_broken_across_lines_is_joined_and_the_quote_keeps_the_break():
    past = "面对多重困难挑战，全县上下攻坚克难，一般公共预算收入完成32\n680万元，同比增长8.5%。"
    d = draft_from_text(report(past=past))
    revenue = table(d, "public_budget_revenue")
    assert (revenue["baseline"]["value"], revenue["trend"]["value"]) == (3.268, 8.5)
    assert revenue["baseline"]["quote"] == "一般公共预算收入完成32\n680万元"
    quotes_are_the_reports(d)
    validated(d)


def test_headings_and_short_lines_are_never_joined():
    text = "某县政府工作报告\n一、2025年工作回顾\n全县地区生产总值完成86.4亿元，同比增长6.2个\n百分点以上的目标\n"
    plain = plain_copy(text, lambda line: line.startswith("一、"))
    assert plain.text.splitlines()[:2] == ["某县政府工作报告", "一、2025年工作回顾"]
    assert "6.2个百分点" in plain.text
    start = plain.text.index("6.2个")
    assert plain.quote(start, start + 7) == "6.2个\n百分点"


def test_the_report_year_is_not_a_goal_year():
    assert report_year("某县2026年政府工作报告\n到2030年，地区生产总值突破百亿元。\n") == 2026
    assert report_year("政府工作报告\n一、2025年工作回顾\n到2030年，……\n") == 2026
    assert report_year("政府工作报告\n锚定2035年远景目标，2026年要……到2030年……\n") == 2026
    assert report_year("川源县２０２６年政府工作报告\n——２０２６年１月１５日\n".translate(
        str.maketrans("０１２３４５６７８９", "0123456789"))) == 2026


def test_a_five_year_paragraph_inside_the_past_year_review_is_the_record():
    past = ("过去五年，全县地区生产总值年均增长6.1%，一般公共预算收入累计完成46亿元。\n"
            "2025年是“十四五”收官之年，全县地区生产总值完成120亿元，增长6%。一般公共预算收入完成9.8亿元。")
    d = draft_from_text(report(past=past))
    gdp, revenue = table(d, "gdp"), table(d, "public_budget_revenue")
    assert (gdp["baseline"]["value"], gdp["trend"]["value"]) == (120.0, 6.0)
    assert [(h["measure"], h["value"]) for h in gdp["history"]] == [("average_growth", 6.1)]
    assert revenue["baseline"]["value"] == 9.8
    assert [(h["measure"], h["value"]) for h in revenue["history"]] == [("total", 46.0)]


def test_a_share_of_grp_keeps_its_whole_name():
    d = draft_from_text(report(goals="服务业增加值占地区生产总值比重达到55%，文旅产业增加值占GDP比重达到20%。"))
    assert table(d, "tertiary_share")["target"][0]["value"] == 55.0
    [other] = [i for i in d.plan["indicator"] if i["id"].startswith("x_")]
    assert (other["name_zh"], other["unit"], other["target"][0]["value"]) == ("文旅产业增加值占GDP比重", "%", 20.0)
    assert not [i for i in d.plan["indicator"] if i["id"] in ("gdp", "tertiary_va")]


def test_herding_areas_income_is_rural_income():
    d = draft_from_text(report(past="农村牧区常住居民人均可支配收入达到2.68万元，增长7%。",
                               goals="农牧民人均可支配收入年均增长7.5%。"))
    rural = table(d, "rural_income")
    assert (rural["baseline"]["value"], rural["target"][0]["value"]) == (26800.0, 7.5)
    assert "resident_income" not in {i["id"] for i in d.plan["indicator"]}


def test_coal_in_hundred_million_tonnes():
    d = draft_from_text(report(past="原煤产量达到1.05亿吨，增长3.2%。", goals="原煤产量稳定在1亿吨左右。",
                               tasks="全年煤炭产能核增500万吨。"))
    coal = table(d, "coal_output")
    assert (coal["unit"], coal["baseline"]["value"]) == ("万吨", 10500.0)
    assert [(t["direction"], t["value"]) for t in coal["target"]] == [("hold", 10000.0)]
    assert coal["milestone"] == []  # capacity (产能) is not output
    assert convert(1.05, "亿吨", "万吨") == 10500.0


def test_ten_thousand_yuan_converts_to_the_digits_written():
    assert convert(4.52, "万元", "元") == 45200.0
    d = draft_from_text(report(past="城镇常住居民人均可支配收入4.52万元。", goals="城镇居民人均可支配收入年均增长6%。"))
    assert table(d, "urban_income")["baseline"]["value"] == 45200.0


def test_from_a_to_b_is_a_start_level_and_a_level_not_a_change():
    d = draft_from_text(report(record="全县接待游客人数从2020年的812万人次增加到2025年的2386万人次。"))
    visitors = table(d, "visitors")
    assert visitors["baseline"]["value"] == 2386.0
    assert [(h["measure"], h["start_year"], h["value"]) for h in visitors["history"]] == [("level", 2020, 812.0)]


def test_a_cumulative_total_refers_back_to_the_thing_just_named():
    d = draft_from_text(report(past="新建高标准农田6.2万亩，累计建成46.8万亩。", tasks="全年新建高标准农田3万亩。"))
    farmland = table(d, "farmland_high_standard")
    assert farmland["baseline"]["value"] == 46.8
    [m] = farmland["milestone"]
    assert (m["value"], m["basis"], m["formula"]) == (49.8, "derived", "46.8 + 3 = 49.8")


def test_a_bound_kept_in_2025_is_the_placeholder_not_next_years_cap():
    d = draft_from_text(report(past="城镇调查失业率控制在4.6%以内。", goals="城镇调查失业率控制在5%以内。",
                               tasks="城镇调查失业率控制在5.5%以内。"))
    base = table(d, "surveyed_unemployment")["baseline"]
    assert (base["value"], base["basis"], base["quote"]) == (4.6, "assumed", "城镇调查失业率控制在4.6%以内")
    assert "only a bound it kept in 2025" in base["reason"] and "界限" in base["reason_zh"]


@pytest.mark.parametrize(("tasks", "direction"), [("居民消费价格涨幅3%左右。", "at_most"),
                                                   ("城镇调查失业率5.5%左右。", "at_most"),
                                                   ("森林覆盖率达到30%左右。", "at_least")])
def test_about_on_a_lower_is_better_rate_is_a_ceiling(tasks, direction):
    d = draft_from_text(report(tasks=tasks))
    [c] = [c for c in d.candidates if c.role == "milestone"]
    assert (c.direction, c.direction_word) == (direction, "左右")


def test_odd_text_gives_no_traceback():
    odd = ("（区政府办公室，电话：0571-86012345）东政发〔2026〕3号\n第1季度\n表1\n指标名称　单位　完成值　增速(%)\n"
           "地区生产总值　亿元　686.3　7.1\n一般公共预算收入　亿元　62.4　-2.3\n６．５％\n百分之\n")
    d = draft_from_text(report(past=odd, goals=odd, tasks=odd))
    assert all(c.quote in d.text for c in d.candidates)
    # A flattened table under its header is read column by column (sim.draft.tables), quoting its row.
    gdp = table(d, "gdp")
    assert (gdp["baseline"]["value"], gdp["baseline"]["quote"]) == (686.3, "地区生产总值　亿元　686.3　7.1")
    assert table(d, "public_budget_revenue")["trend"]["value"] == -2.3


def test_the_end_of_the_fifteenth_plan_is_2030_wherever_it_is_said():
    d = draft_from_text(report(past="地区生产总值完成1286亿元。", tasks="到“十五五”末，地区生产总值突破1700亿元。"))
    [target] = table(d, "gdp")["target"]
    assert (target["year"], target["kind"], target["value"]) == (2030, "level", 1700.0)


def test_sub_headings_and_dash_items_are_not_joined_to_their_neighbours():
    past = ("（一）聚焦产业转型升级，经济发展质效稳步提升，综合实力再上台阶\n全年实现地区生产总值386亿元，增长5.8%。\n"
            "——全年规上工业增加值增长9%\n——全年固定资产投资增长6%")
    d = draft_from_text(report(past=past))
    assert table(d, "gdp")["baseline"]["quote"] == "全年实现地区生产总值386亿元"
    assert [c.quote for c in d.candidates if c.indicator == "fixed_asset_investment"] == ["——全年固定资产投资增长6%"]


def test_a_page_number_between_two_halves_of_a_number_is_skipped_and_quoted():
    d = draft_from_text(report(past="全县上下攻坚克难，经济平稳运行，一般公共预算收入完成32\n— 3 —\n680万元，同比增长8.5%。"))
    base = table(d, "public_budget_revenue")["baseline"]
    assert (base["value"], base["quote"]) == (3.268, "一般公共预算收入完成32\n— 3 —\n680万元")


def test_an_addition_without_a_noun_is_to_the_thing_just_named():
    d = draft_from_text(report(past="新能源装机规模达到520万千瓦，当年新增180万千瓦。",
                               goals="新能源装机规模达到1500万千瓦。"))
    energy = table(d, "new_energy_capacity")
    assert (energy["baseline"]["value"], energy["trend"]["value"]) == (520.0, 180.0)
    assert energy["trend"]["quote"] == "新能源装机规模达到520万千瓦，当年新增180万千瓦"


def test_tertiary_value_added_share_and_a_level_reached_by_the_subject_before():
    d = draft_from_text(report(past="第三产业增加值占比提升至52.3%。",
                               goals="第三产业增加值占比提高到56%；地区生产总值年均增长6%左右，力争2030年达到850亿元。"))
    share = table(d, "tertiary_share")
    assert (share["baseline"]["value"], share["target"][0]["value"]) == (52.3, 56.0)
    gdp = {(t["kind"], t["value"]): t for t in table(d, "gdp")["target"]}
    assert set(gdp) == {("growth", 6.0), ("level", 850.0)}
    assert gdp[("level", 850.0)]["quote"] == "地区生产总值年均增长6%左右，力争2030年达到850亿元"


def test_a_verb_with_a_new_object_does_not_refer_back():
    d = draft_from_text(report(goals="地区生产总值年均增长6%，打造3个百亿级产业集群。"))
    assert [t["value"] for t in table(d, "gdp")["target"]] == [6.0]


def test_a_flow_milestone_without_a_2025_value_is_kept_with_an_assumed_baseline():
    d = draft_from_text(report(tasks="城镇新增就业2200人，城镇登记失业率控制在4.5%以内。"))
    jobs = table(d, "urban_new_jobs")
    assert [(m["kind"], m["value"], m["quote"]) for m in jobs["milestone"]] == [("level", 2200.0, "城镇新增就业2200人")]
    assert (jobs["baseline"]["basis"], jobs["baseline"]["value"]) == ("assumed", 2156.0)  # 2 % below: the band's edge
    assert "2 % below the goal of 2200" in jobs["baseline"]["reason"]


def test_a_table_pasted_as_text_gives_no_goal_and_says_why():
    goals = ("表2　“十五五”时期主要指标\n指标　2025年　2030年　属性\n"
             "城镇居民人均可支配收入　4.52万元　6.2万元　6.5%　预期性\n森林覆盖率　72.6%　72%以上　约束性\n"
             "地区生产总值年均增长6%左右。")
    d = draft_from_text(report(goals=goals))
    assert {i["id"] for i in d.plan["indicator"]} == {"gdp"}
    rows = [c for c in d.candidates if c.section == "table"]
    assert [c.value_written for c in rows] == [4.52, 6.2, 6.5, 72.6, 72.0]
    assert {(c.status, c.reason_zh) for c in rows} == {("dropped", "位于转成文字的表格行中,未区分各列(年份、增速)")}


def test_registered_and_resident_urbanisation_are_two_indicators():
    d = draft_from_text(report(past="户籍人口城镇化率达到45.2%，常住人口城镇化率达到58.3%。"))
    assert table(d, "urbanisation")["baseline"]["value"] == 58.3
    assert table(d, "registered_urbanisation")["baseline"]["value"] == 45.2


def test_urban_and_rural_incomes_by_their_short_name():
    d = draft_from_text(report(past="城镇居民人均可支配收入45680元、农村居民人均可支配收入23140元。",
                               goals="城乡居民收入年均分别增长6%和7%。"))
    assert [t["value"] for t in table(d, "urban_income")["target"]] == [6.0]
    assert [t["value"] for t in table(d, "rural_income")["target"]] == [7.0]


def test_an_explicit_year_in_the_goals_sets_the_role():
    goals = ("2025年全区地区生产总值为612亿元，到2030年达到850亿元。2026年，地区生产总值增长6%。"
             "到2035年，地区生产总值突破1500亿元。")
    d = draft_from_text(report(goals=goals))
    gdp = table(d, "gdp")
    assert gdp["baseline"]["value"] == 612.0
    assert [(t["year"], t["kind"], t["value"]) for t in gdp["target"]] == [(2030, "level", 850.0)]
    assert [(m["year"], m["kind"], m["value"]) for m in gdp["milestone"]] == [(2026, "growth", 6.0)]
    far = next(c for c in d.candidates if c.value == 1500.0)
    assert (far.status, far.year) == ("dropped", 2035)


def test_this_year_in_a_clause_beats_the_year_that_opens_the_sentence():
    d = draft_from_text(report(tasks="2025年全区森林覆盖率达到41%，今年要提高到41.5%。"))
    forest = table(d, "forest_cover")
    assert forest["baseline"]["value"] == 41.0
    assert [(m["year"], m["value"]) for m in forest["milestone"]] == [(2026, 41.5)]


def test_a_yearly_change_to_2030_adds_up_over_the_five_years():
    d = draft_from_text(report(past="非化石能源消费比重达到20%，高标准农田累计建成40万亩。",
                               goals="非化石能源消费比重每年提高1个百分点，高标准农田年均新增2万亩。"))
    [share] = table(d, "nonfossil_share")["target"]
    assert (share["value"], share["basis"], share["formula"]) == (25.0, "derived", "20 + 1 × 5 = 25")
    [farmland] = table(d, "farmland_high_standard")["target"]
    assert (farmland["value"], farmland["formula"]) == (50.0, "40 + 2 × 5 = 50")


def test_falling_to_a_level_is_a_ceiling():
    d = draft_from_text(report(goals="农村低收入人口返贫率下降到1%，万元地区生产总值用水量降低至35立方米。"))
    directions = {c.name: (c.direction, c.direction_word) for c in d.candidates if c.role == "target"}
    assert directions == {"农村低收入人口返贫率": ("at_most", "下降到"), "万元GDP用水量": ("at_most", "降低至")}


def test_a_county_level_city_and_years_in_chinese_numerals():
    text = ("敦川市人民政府工作报告\n——二〇二六年一月十二日在敦川市第十八届人民代表大会第五次会议上\n"
            "一、二〇二五年工作回顾\n二〇二五年，全市地区生产总值完成210.5亿元，增长5.6%。\n"
            "二、“十五五”时期主要目标\n到二〇三〇年，全市地区生产总值突破300亿元。\n")
    d = draft_from_text(text)
    assert d.plan["plan"]["district_zh"] == "敦川市"
    gdp = table(d, "gdp")
    assert (gdp["baseline"]["value"], gdp["trend"]["value"]) == (210.5, 5.6)
    assert [(t["year"], t["value"], t["quote"]) for t in gdp["target"]] == [(2030, 300.0, "全市地区生产总值突破300亿元")]


@pytest.mark.parametrize("mark", ["二是", "2.", "（2）", "②", "二、", "——"])
def test_a_list_items_mark_is_not_part_of_the_name(mark):
    d = draft_from_text(report(goals=f"一是地区生产总值年均增长6%；{mark}每千人口托位数达到4.5个；{mark}每万人口发明专利拥有量达到8件。"))
    assert table(d, "childcare_places")["target"][0]["value"] == 4.5
    [other] = [i for i in d.plan["indicator"] if i["id"].startswith("x_")]
    assert other["name_zh"] == "每万人口发明专利拥有量"


def test_a_minus_sign_before_a_growth_rate_is_a_fall_and_a_dash_after_a_number_a_range():
    d = draft_from_text(report(past="一般公共预算收入完成62.4亿元，同比增长-2.3%。", tasks="固定资产投资增长6%-7%。"))
    assert table(d, "public_budget_revenue")["trend"]["value"] == -2.3
    [m] = used(d, "fixed_asset_investment", "milestone")
    assert (m.value, m.high) == (6.0, 7.0)


@pytest.mark.parametrize(("heading", "kind"), [
    ("一、2025年主要工作", "past_year"), ("（一）2025年主要经济指标完成情况", "past_year"),
    ("二、“十五五”时期发展蓝图", "plan15"), ("二、展望“十五五”", "plan15"), ("二、今后五年的奋斗方向", "plan15"),
    ("三、奋力实现“十五五”良好开局", "this_year"), ("三、2026年工作思路", "this_year")])
def test_headings_worded_without_the_usual_words(heading, kind):
    assert heading_kind(heading, 2026) == kind
