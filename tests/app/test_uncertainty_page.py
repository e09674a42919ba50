"""不确定性 (pages/uncertainty.py) on its own, with small draw counts."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from sim import load_scenario, scenario_from_text

from .conftest import (
    assert_clean,
    figures,
    page,
    tables,
)


def simulate(at: AppTest, draws: int = 2000) -> AppTest:
    at.select_slider(key="unc_draws").set_value(draws)
    at.button(key="unc_run").click()
    return at.run()


def test_page_opens_in_chinese_with_settings_and_a_tornado():
    at = page("uncertainty.py")
    assert_clean(at)
    assert at.title[0].value.startswith("不确定性")
    assert any("点击“运行模拟”" in i.value for i in at.info)
    tornado = figures(at)[0]
    names = {bar["name"] for bar in tornado["data"]}
    assert names == {"下调", "上调"}
    # GDP's tornado lists its three sectors, the tertiary sector (the largest) on top.
    assert tornado["data"][0]["y"][-1] == "三产增加值"


def test_run_shows_probabilities_with_colour_and_text_and_a_fan_chart():
    at = simulate(page("uncertainty.py"))
    assert_clean(at)
    table = tables(at)[1]
    assert list(table.columns[:4]) == ["目标", "年份", "情景预测", "达成概率"]
    gdp = table[table["目标"].str.startswith("地区生产总值")].iloc[0]
    assert gdp["年份"] == "2030" and gdp["判断"] in ("◎ 可能", "⚠ 有风险")
    assert 40 <= float(gdp["达成概率"].rstrip("%")) <= 60           # the plan scenario: a coin toss
    fan = figures(at)[0]
    traces = {tr["name"] for tr in fan["data"]}
    assert {"90%区间(P5–P95)", "50%区间(P25–P75)", "中位数", "情景路径", "2030年目标"} <= traces
    star = next(tr for tr in fan["data"] if tr["name"] == "2030年目标")
    assert star["y"][0] == pytest.approx(314.7 * 1.065**5, rel=1e-9)      # GDP growth 6.5 %/yr as a level
    assert any("2,000 次模拟" in c.value for c in at.caption)


def test_same_settings_same_numbers_and_english_labels():
    a = simulate(page("uncertainty.py", "en"))
    b = simulate(page("uncertainty.py", "en"))
    assert_clean(a)
    assert tables(a)[1].equals(tables(b)[1])
    assert "P(met)" in tables(a)[1].columns
    assert a.title[0].value.startswith("Uncertainty")
    # the fan chart's unit in English, as every other unit on the page
    assert figures(a)[0]["layout"]["title"]["text"] == "Gross regional product (100m yuan)"
    # the target as the board writes it (the plan's 6.5, not 6.50); 1,600 万千瓦 has no decimals
    assert tables(a)[1].iloc[0, 0] == "Gross regional product: avg ≥ 6.5%"
    assert "Total installed energy (generating) capacity: ≥ 1,600 (10k\u00a0kW)" in set(tables(a)[1].iloc[:, 0])


def test_a_wider_spread_lowers_a_near_certain_target():
    at = simulate(page("uncertainty.py", "en"))
    at.checkbox(key="unc_milestones").check()
    at = at.run()
    before = tables(at)[1]
    at.slider(key="unc_scale").set_value(3.0)
    at = simulate(at)
    after = tables(at)[1]
    row = before.columns[0]
    pick = lambda t: float(t[t[row].str.startswith("Labour")]["P(met)"].iloc[0].rstrip("%"))  # noqa: E731
    # Labour income starts 0.8 above its 2026 floor: almost sure at spread 1, less so at 3.
    assert pick(after) < pick(before)


def test_goal_seek_table():
    at = page("uncertainty.py", "en")
    at.button(key="unc_goal_run").click()
    at = at.run()
    assert_clean(at)
    table = tables(at)[-1]
    gdp = table[table["Target"] == "Gross regional product 2030"].iloc[0]
    assert gdp["Method"] == "simulated" and gdp["Pace needed"].endswith("%/yr")  # the unit in English
    # GDP's own growth with the sectors shifted (the sectors' mean growth, 7.43, was shown before)
    assert 6.6 < float(gdp["Pace needed"].removesuffix("%/yr")) < 7.2
    assert gdp["Shift of each driver"].startswith("+") and gdp["Shift of each driver"].endswith("\u00a0pp")


def test_the_wanted_probability_reads_as_a_per_cent():
    at = page("uncertainty.py")
    chooser = at.select_slider(key="unc_goal_p")
    assert chooser.value == 0.8 and chooser.options[0] == "50%" and "80%" in chooser.options
    assert chooser.options[-1] == "95%"


def test_goal_seek_numbers_and_units_are_written_one_way_in_chinese():
    at = page("uncertainty.py")
    at.button(key="unc_goal_run").click()
    at = at.run()
    table = tables(at)[-1]
    paces = [p for p in table["所需速度"] if p != "—"]
    shifts = [s for s in table["各驱动因素需调整"] if s != "—"]
    # no space between a number and its unit, in either column (was "7.43 %/年" beside "+0.41个百分点")
    assert paces and all(" " not in p for p in paces) and all(" " not in s for s in shifts)
    assert any(p.endswith("%/年") for p in paces) and any(s.endswith("个百分点") for s in shifts)


def test_bad_uncertainty_settings_show_one_sentence_not_a_traceback():
    bad = scenario_from_text('[scenario]\nname = "bad"\ntitle_zh = "坏"\ntitle_en = "bad"\n'
                             '[correlation]\npairs = [["visitors", "tourism_spending", 0.9], ["tourism_spending", '
                             '"retail_sales", 0.9], ["visitors", "retail_sales", -0.9]]\n', "bad.toml")
    at = page("uncertainty.py", scenario=bad)
    assert not at.exception
    assert len(at.error) == 1 and "不能同时成立" in at.error[0].value and "bad.toml" in at.error[0].value
    english = page("uncertainty.py", lang="en", scenario=bad)
    assert len(english.error) == 1 and "positive semi-definite" in english.error[0].value


def test_a_scenario_put_in_the_session_is_used():
    at = simulate(page("uncertainty.py", scenario=load_scenario("cautious")))
    assert_clean(at)
    assert "稳健情景" in at.caption[0].value
    table = tables(at)[1]
    gdp = table[table["目标"].str.startswith("地区生产总值")].iloc[0]
    assert gdp["判断"] == "✖ 不太可能"


def test_the_driver_spreads_table_is_worded_in_the_page_language(plan):
    from sim.uncertainty.spec import uncertainty_for
    from ui import uncertainty as unc

    spec = uncertainty_for(plan, load_scenario("plan"))
    zh = unc.spreads_table(spec, "zh")
    # every spread of the plan scenario is normal: no columns of bounds that would all read "—"
    assert list(zh.columns) == ["驱动因素", "变化方式", "幅度单位", "分布", "标准差", "幅度依据"]
    first = zh.iloc[0]
    assert (first["变化方式"], first["幅度单位"], first["分布"]) == ("按增速复合增长", "对数点/年", "正态")
    assert "None" not in zh.to_string()
    assert "默认:最低幅度 1.5 个对数点" in set(zh["幅度依据"])
    assert any(v.startswith("默认:2025年报告速度 18 与规划速度 10.06") for v in zh["幅度依据"])
    en = unc.spreads_table(spec, "en")
    assert en.iloc[0]["Spread unit"] == "log points/yr" and "default: floor of 1.5 log points" in set(en.iloc[:, -1])


def test_a_triangular_spread_brings_its_bounds_and_mode(plan):
    from sim.uncertainty.spec import uncertainty_for
    from ui import uncertainty as unc

    text = ('[scenario]\nname = "tri"\ntitle_zh = "三角"\ntitle_en = "tri"\nparent = "plan"\n'
            '[uncertainty.visitors]\ndist = "triangular"\nlow = -2\npeak = 0\nhigh = 3\n')
    table = unc.spreads_table(uncertainty_for(plan, scenario_from_text(text, "tri.toml")), "zh")
    assert list(table.columns[5:8]) == ["下限", "众数", "上限"]
    visitors = table[table["驱动因素"] == "游客接待人次"].iloc[0]
    assert (visitors["分布"], visitors["下限"], visitors["众数"], visitors["上限"]) == ("三角", "-2", "0", "3")
    assert table[table["驱动因素"] == "一产增加值"].iloc[0]["下限"] == "—"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_tornado_leaves_room_for_the_longest_driver_name(lang):
    import pandas as pd

    from ui.charts import label_width, tornado_figure

    names = {"zh": ["三产增加值", "规上工业增加值"], "en": ["Value added, tertiary sector", "Value added of industry"]}
    rows = pd.DataFrame({"driver_name": names["zh"], "driver_name_en": names["en"], "change_down": [-0.6, -0.2],
                         "change_up": [0.6, 0.2], "swing": [0.6, 0.2], "measure_unit": ["%/年", "%/年"]})
    fig = tornado_figure(rows, lang)
    assert fig.layout.margin.l >= max(label_width(n, 13) for n in names[lang])
    assert fig.layout.yaxis.automargin is True
    # a change of a growth gap is in points: 个百分点 / pp, as the board words every gap
    assert fig.layout.xaxis.title.text == {"zh": "目标差距的变化(个百分点)", "en": "Change of the target's gap (pp)"}[lang]


@pytest.mark.parametrize("lang, words", [("zh", ("的模拟在某一年触及指标的取值界限", "林草覆盖率")),
                                         ("en", ("of draws were held at an indicator's bound", "Forest and grass cover rate"))])
def test_draws_held_at_a_bound_are_said_in_the_page_language(lang, words):
    # 林草覆盖率 is a share: a spread of 15 points a year pushes many draws past 100 % or below 0.
    wide = scenario_from_text('[scenario]\nname = "wide"\ntitle_zh = "宽"\ntitle_en = "wide"\nparent = "plan"\n'
                              '[uncertainty]\nforest_grass_coverage = { sd = 15.0 }\n', "wide.toml")
    at = simulate(page("uncertainty.py", lang, scenario=wide))
    assert_clean(at)
    line = next(c.value for c in at.caption if words[0] in c.value)
    assert words[1] in line and "%" in line
    assert ("domain bound" in line) is False and (lang == "en" or "forest_grass_coverage" not in line)


@pytest.mark.parametrize(("lg", "header", "method", "note"), [
    ("zh", "说明", "已由实际值确定", "2026年及以前的实际值已决定结果"),
    ("en", "Note", "already observed", "actuals up to 2026 already decide it"),
])
def test_goal_table_says_why_in_the_page_language(lg, header, method, note):
    from sim import load_plan
    from sim.engine.targets import all_targets
    from sim.uncertainty.goalseek import requirements
    from ui.uncertainty import goal_table

    plan = load_plan()
    scn = scenario_from_text('[scenario]\nname = "seen"\ntitle_zh = "已观测"\ntitle_en = "seen"\nparent = "uncertain"\n'
                             '[actuals.visitors]\n2026 = 2600.0\n', "seen.toml")
    tgt = tuple(x for x in all_targets(plan) if x.indicator == "visitors" and x.year == 2026)
    shown = goal_table(requirements(plan, scn, 0.8, draws=2000, lang=lg, targets=tgt), lg)
    assert shown.iloc[0][header] == note
    assert method in shown.iloc[0].tolist()


@pytest.mark.parametrize(("v", "u", "lg", "text"), [
    (0.4149, "%/年", "zh", "+0.41个百分点"),          # a growth rate's shift: percentage points
    (0.4149, "%/年", "en", "+0.41\u00a0pp"),
    (2.784, "万千瓦/年", "zh", "+2.8万千瓦/年"),        # an addition's: its own unit (one decimal more than 万千瓦's)
    (2.784, "万千瓦/年", "en", "+2.8 (10k\u00a0kW/yr)"),   # as the pace needed beside it writes it
    (-1.5, "百分点/年", "zh", "-1.50个百分点/年"),
    (float("nan"), "%/年", "zh", "—"),
])
def test_a_goal_seek_shift_carries_its_unit(v, u, lg, text):
    """Walking the app, the 需调整 column read a bare “+0.41” beside “+2.78”: points or 万千瓦?"""
    from ui.uncertainty import shift_text

    assert shift_text(v, u, lg) == text


def test_the_goal_table_shows_each_shift_with_the_unit_of_its_pace(plan):
    from sim import load_scenario
    from sim.engine.targets import all_targets
    from sim.uncertainty.goalseek import requirements
    from ui.uncertainty import goal_table

    tgt = tuple(x for x in all_targets(plan) if x.indicator in ("gdp", "energy_capacity") and x.year == 2030)
    raw = requirements(plan, load_scenario("plan"), 0.8, draws=2000, lang="zh", targets=tgt)
    shown = goal_table(raw, "zh").set_index("目标")
    assert shown.loc["地区生产总值 2030", "各驱动因素需调整"].endswith("个百分点")
    assert shown.loc["综合能源装机规模 2030", "各驱动因素需调整"].endswith("万千瓦/年")
    energy = raw[raw["indicator"] == "energy_capacity"].iloc[0]
    assert shown.loc["综合能源装机规模 2030", "各驱动因素需调整"] == f"{energy['shift']:+.1f}万千瓦/年"
    # the whole capacity's yearly addition (more than the 197.2 that just reaches 1,600), not its parts' mean
    assert shown.loc["综合能源装机规模 2030", "所需速度"] == f"{energy['pace_needed']:.0f}万千瓦/年"
    assert energy["pace_needed"] > 197.2
