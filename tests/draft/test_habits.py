"""The genre's habits, each on sentences written for these tests in the style of county reports."""

from __future__ import annotations

import pytest

from sim.draft import draft_from_text

from .helpers import report, table, used


def test_year_comes_from_the_section_not_the_number():
    sentence = "空气质量优良天数比例达到90%。"
    d = draft_from_text(report(past=sentence, goals=sentence, tasks=sentence))
    roles = [(c.role, c.year, c.value) for c in used(d, "good_air_days")]
    assert roles == [("baseline", 2025, 90.0), ("target", 2030, 90.0), ("milestone", 2026, 90.0)]


def test_respectively_lists_with_a_shared_head_noun():
    d = draft_from_text(report(past="一产、二产、三产增加值分别为150亿元、420亿元和450亿元,分别增长4.1%、6.2%、5.8%。"))
    for ind, level, growth in (("primary_va", 150.0, 4.1), ("secondary_va", 420.0, 6.2), ("tertiary_va", 450.0, 5.8)):
        t = table(d, ind)
        assert (t["baseline"]["value"], t["trend"]["value"]) == (level, growth)
        assert t["trend"]["quote"] in d.text


def test_growth_list_refers_back_to_the_nouns_before_it():
    d = draft_from_text(report(past="全年接待游客1200万人次、旅游花费98亿元,分别增长11%和13%。"))
    assert table(d, "visitors")["trend"]["value"] == 11.0
    assert table(d, "tourism_spending")["trend"]["value"] == 13.0
    assert table(d, "visitors")["trend"]["quote"] == "全年接待游客1200万人次、旅游花费98亿元,分别增长11%和13%"


def test_chinese_numerals_and_attached_units():
    d = draft_from_text(report(past="社会消费品零售总额达到一百二十点五亿元。城镇新增就业1.2万人。",
                               goals="林草覆盖率达到百分之四十。", tasks="旅游花费力争达到九千八百万元。"))
    assert table(d, "retail_sales")["baseline"]["value"] == 120.5
    assert table(d, "urban_new_jobs")["baseline"]["value"] == 12000.0
    assert table(d, "forest_grass_coverage")["target"][0]["value"] == 40.0
    spend = used(d, "tourism_spending", "milestone")
    assert spend == [] or spend[0].value == pytest.approx(0.98)  # no base: a one-year task, dropped
    row = next(c for c in d.candidates if c.indicator == "tourism_spending")
    assert (row.value, row.value_written, row.unit_written, row.unit) == (pytest.approx(0.98), 9800.0, "万元", "亿元")


def test_doubling_is_a_derived_growth_target():
    d = draft_from_text(report(past="社会消费品零售总额320亿元。", goals="社会消费品零售总额翻一番。"))
    target = table(d, "retail_sales")["target"][0]
    assert (target["kind"], target["direction"], target["basis"]) == ("growth", "at_least", "derived")
    assert target["value"] == pytest.approx((2 ** 0.2 - 1) * 100, abs=0.01)
    assert "^(1/5)" in target["formula"]


def test_grew_five_times_keeps_both_readings():
    d = draft_from_text(report(record="综合能源装机规模达到614万千瓦、较“十三五”末增长5倍。"))
    ind = table(d, "energy_capacity")
    assert ind["baseline"]["value"] == 614.0
    history = ind["history"][0]
    assert (history["measure"], history["value"], history["readings"]) == ("multiple", 6.0, [6.0, 5.0])


def test_ranges_estimates_and_previous_year():
    d = draft_from_text(report(past="预计全年地区生产总值完成980亿元,比上年增长5.8%。",
                               tasks="地区生产总值增长6%—6.5%。"))
    trend = used(d, "gdp", "trend")[0]
    assert (trend.value, trend.reading) == (5.8, "growth")
    assert "estimate" in trend.flags and trend.confidence < 0.9
    milestone = used(d, "gdp", "milestone")[0]
    assert (milestone.value, milestone.high, milestone.kind) == (6.0, 6.5, "growth")


def test_average_and_cumulative():
    d = draft_from_text(report(past="城镇新增就业8000人。", goals="一般公共预算收入年均增长5%,城镇新增就业累计5万人以上。"))
    assert table(d, "public_budget_revenue")["target"][0] | {} == {
        "year": 2030, "kind": "growth", "direction": "at_least", "value": 5.0, "basis": "reported",
        "quote": "一般公共预算收入年均增长5%"}
    jobs = table(d, "urban_new_jobs")
    assert (jobs["dynamic"], jobs["target"][0]["kind"], jobs["target"][0]["value"]) == ("flow", "cumulative", 50000.0)


@pytest.mark.parametrize(("goal", "indicator", "direction", "word"), [
    ("森林覆盖率达到45%以上。", "forest_cover", "at_least", "以上"),
    ("用水总量控制在3.2亿立方米以内。", "water_use", "at_most", "控制在以内"),
    ("地区生产总值年均增长6%左右。", "gdp", "at_least", "左右"),
    ("优良天数比例保持在90%以上。", "good_air_days", "hold", "保持在以上"),
    ("草原综合植被盖度稳定在50%。", "grassland_vegetation", "hold", "稳定在"),
    ("有机农业面积突破8万亩。", "organic_area", "at_least", "突破"),
    ("力争高标准农田达到60万亩。", "farmland_high_standard", "at_least", "力争"),
])
def test_direction_from_the_wording(goal, indicator, direction, word):
    d = draft_from_text(report(goals=goal))
    target = used(d, indicator, "target")[0]
    assert (target.direction, target.direction_word) == (direction, word)


def test_real_or_nominal_where_the_wording_says():
    d = draft_from_text(report(past="按可比价格计算,地区生产总值增长6.1%。一般公共预算收入按现价计算增长4%。"))
    [gdp] = [c for c in d.candidates if c.indicator == "gdp"]
    [revenue] = [c for c in d.candidates if c.indicator == "public_budget_revenue"]
    assert (gdp.role, gdp.price_basis, revenue.role, revenue.price_basis) == ("trend", "real", "trend", "nominal")


def test_compressed_pairs_split_in_the_order_written():
    d = draft_from_text(report(goals="城乡居民人均可支配收入年均增长6%和7%。"))
    assert table(d, "urban_income")["target"][0]["value"] == 6.0
    assert table(d, "rural_income")["target"][0]["value"] == 7.0
    assert table(d, "urban_income")["baseline"]["index"] is True


def test_generic_noun_takes_the_subject_of_the_sentence():
    d = draft_from_text(report(goals="新材料、医药化工产业链产值分别达到80亿元、40亿元。",
                               tasks="医药化工产业重点推进原料药项目建设,力争全产业链产值达12亿元。"))
    assert table(d, "new_materials_chain")["target"][0]["value"] == 80.0
    pharma = table(d, "pharma_chem_chain")
    assert pharma["milestone"][0]["value"] == 12.0
    assert pharma["baseline"]["basis"] == "assumed"
    assert pharma["baseline"]["value"] == pytest.approx(12 / (40 / 12) ** 0.25, abs=1e-3)


def test_explicit_years_override_the_section():
    d = draft_from_text(report(past="2024年建成的物流园实现营业收入12亿元。", tasks="到2030年,森林覆盖率达到46%。"))
    assert used(d, "forest_cover", "target")[0].year == 2030
    old = next(c for c in d.candidates if c.value == 12.0)
    assert (old.status, old.reason) == ("dropped", "refers to 2024, not a year the plan file holds")


def test_unknown_indicators_keep_a_generated_id_and_are_marked():
    d = draft_from_text(report(goals="数字经济核心产业增加值占地区生产总值比重达到12%。"))
    [ind] = [i for i in d.plan["indicator"] if i["id"].startswith("x_")]
    assert ind["name_zh"] == "数字经济核心产业增加值占地区生产总值比重"  # a share, named in full
    assert ind["unit"] == "%"
    assert "Not in the lexicon" in ind["note"]
    assert ind["target"][0]["value"] == 12.0
    again = draft_from_text(report(goals="数字经济核心产业增加值占地区生产总值比重达到15%。"))
    assert [i["id"] for i in again.plan["indicator"]] == [ind["id"]]


def test_placeholders_for_what_the_report_does_not_give():
    d = draft_from_text(report(
        goals="规模以上工业增加值年均增长8%,学前三年毛入园率达到95%,义务教育巩固率保持在99%,再生水利用率达到70%。",
        tasks="再生水利用率达到50%。"))
    assert table(d, "industrial_va")["baseline"] | {} == table(d, "industrial_va")["baseline"]
    assert (table(d, "industrial_va")["baseline"]["value"], table(d, "industrial_va")["baseline"]["index"]) == (100.0, True)
    assert table(d, "preschool_enrolment")["baseline"]["value"] == 94.0
    assert table(d, "compulsory_retention")["baseline"]["value"] == 99.0
    assert table(d, "reclaimed_water")["baseline"]["value"] == 45.0  # 50 − (70 − 50) / 4
    for ind in ("industrial_va", "preschool_enrolment", "compulsory_retention", "reclaimed_water"):
        assert table(d, ind)["baseline"]["basis"] == "assumed"
        assert "replace it with the official 2025 figure" in table(d, ind)["baseline"]["reason"]


def test_addition_on_a_level_becomes_a_derived_milestone():
    d = draft_from_text(report(past="规上工业企业达到88户。", tasks="新增规上工业企业12户。"))
    milestone = table(d, "industrial_enterprises")["milestone"][0]
    assert (milestone["value"], milestone["basis"], milestone["formula"]) == (100.0, "derived", "88 + 12 = 100")


def test_points_added_last_year_are_the_trend_of_a_rate():
    d = draft_from_text(report(past="常住人口城镇化率达到58.2%、比上年提高1.1个百分点。", goals="常住人口城镇化率达到63%。"))
    urban = table(d, "urbanisation")
    assert (urban["baseline"]["value"], urban["trend"]["value"], urban["dynamic"]) == (58.2, 1.1, "points")


def test_goal_given_as_points_on_a_known_level_is_derived():
    d = draft_from_text(report(past="常住人口城镇化率达到58.2%。", goals="常住人口城镇化率五年提高5个百分点。"))
    target = table(d, "urbanisation")["target"][0]
    assert (target["value"], target["basis"], target["formula"]) == (63.2, "derived", "58.2 + 5 = 63.2")


def test_generic_noun_takes_the_noun_just_before():
    d = draft_from_text(report(past="粮食播种面积稳定在85万亩以上,总产量达到38.2万吨。", goals="粮食总产量稳定在38万吨以上。"))
    grain = table(d, "grain_output")
    assert (grain["baseline"]["value"], grain["baseline"]["quote"]) == (38.2, "总产量达到38.2万吨")
    assert grain["target"][0]["direction"] == "hold"


def test_price_basis_words_between_noun_and_growth():
    d = draft_from_text(report(past="全县实现地区生产总值245.6亿元,按可比价计算增长5.8%。粮食总产量达到13.5亿斤。",
                               goals="地区生产总值年均增长6%。粮食总产量稳定在13.5亿斤以上。"))
    gdp = table(d, "gdp")
    assert (gdp["baseline"]["value"], gdp["trend"]["value"], gdp["price_basis"]) == (245.6, 5.8, "real")
    assert table(d, "grain_output")["baseline"]["value"] == 67.5   # 13.5亿斤 = 67.5万吨


def test_a_verb_with_a_new_object_does_not_borrow_the_noun_before():
    d = draft_from_text(report(goals="地区生产总值年均增长6%,打造3个百亿元产业集群。"))
    row = next(c for c in d.candidates if c.value_written == 3.0)
    assert (row.indicator, row.status, row.reason) == ("", "dropped", "no indicator is named before the number")
