"""The app's pure helpers (no Streamlit run): URL form, uploads, saving, numbers, tables, exports."""

from __future__ import annotations

import io
import re
import tomllib
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from sim import check_targets, load_scenario, project, scenario_from_text
from ui import display, exports, files, fmt, url
from ui import model as m
from ui.i18n import TEXT, t, unit

ROOT = Path(__file__).resolve().parents[2]
NAMES = ["plan", "momentum", "cautious", "ambitious"]
CJK = re.compile(r"[\u3400-\u9fff]")


@pytest.fixture(scope="module")
def base_paths(plan):
    return m.paths_of(plan, load_scenario("plan"))


def _from_query(plan, params):
    return url.from_query(params, plan, NAMES, load_scenario)


# --------------------------------------------------------------------------- URL

def test_query_round_trip_reopens_the_same_scenario(plan, base_paths):
    state = m.AppScenario(base="cautious")
    cautious = m.paths_of(plan, load_scenario("cautious"))
    state = m.set_path(state, plan, cautious, "primary_va", [5.0] * 5)
    state = m.set_path(state, plan, cautious, "secondary_va", [10, 10, 10, 9, 9])
    state = m.set_actual(state, plan, "visitors", 2026, 2480.0)
    query = url.to_query(state, plan, "en")
    assert query == {"scenario": "cautious", "primary_va": "5", "secondary_va": "10,10,10,9,9",
                     "actual.visitors": "2026:2480", "lang": "en"}
    again, lang, notes = _from_query(plan, query)
    assert notes == [] and lang == "en"
    assert again.key() == state.key()


def test_bad_and_stale_parameters_are_ignored_with_a_reason(plan):
    params = {"scenario": "deleted-long-ago", "primary_va": "abc", "secondary_va": "-150", "gdp": "5",
              "no_such_driver": "3", "actual.visitors": "2040:10", "tertiary_va": "5.5"}
    state, _, notes = _from_query(plan, params)
    assert state.base == "plan"
    assert set(state.drivers) == {"tertiary_va"}  # the one good parameter is kept
    reasons = {n.param: n.key for n in notes}
    assert reasons == {"scenario": "url.unknown_scenario", "primary_va": "url.bad_number",
                       "secondary_va": "range.growth_min", "gdp": "url.derived",
                       "no_such_driver": "url.unknown_param", "actual.visitors": "url.bad_year"}
    for note in notes:  # every reason has words in both languages
        assert t(note.key, "zh", **note.values) != note.key
        assert t(note.key, "en", **note.values) != note.key


def test_a_value_equal_to_the_base_is_not_a_change(plan, base_paths):
    d = plan.driver_index["fixed_asset_investment"]
    state = m.set_path(m.AppScenario(), plan, base_paths, "fixed_asset_investment", base_paths[d])
    assert not state.changed
    assert url.to_query(state, plan) == {"scenario": "plan"}


# --------------------------------------------------------------------------- uploads

def test_upload_of_a_shipped_file_keeps_its_changes(plan):
    text = (ROOT / "scenarios" / "cautious.toml").read_bytes()
    state, notes = files.from_upload(text, "cautious.toml", plan, NAMES, load_scenario)
    assert state.base == "plan" and state.name == "cautious"
    built = state.build(load_scenario("plan"))
    np.testing.assert_allclose(m.paths_of(plan, built), m.paths_of(plan, load_scenario("cautious")))


@pytest.mark.parametrize("data, name, key", [
    (b"[scenario\nname = ", "bad.toml", "error.detail"),
    (b"[scenario]\nname='x'\ntitle_zh='x'\ntitle_en='x'\n[drivers]\nprimary_va = -150\n", "x.toml", "error.detail"),
    (b"[scenario]\nname='x'\ntitle_zh='x'\ntitle_en='x'\n[drivers]\nnot_a_driver = 1\n", "x.toml", "error.detail"),
    (b"\xff\xfe\x00", "bin.toml", "error.detail"),
    (b"x" * (files.MAX_UPLOAD_BYTES + 1), "big.toml", "file.too_big"),
    (b"[scenario]\n", "notes.txt", "file.not_toml"),
])
def test_a_bad_upload_is_rejected_with_a_reason(plan, data, name, key):
    with pytest.raises(m.AppInputError) as info:
        files.from_upload(data, name, plan, NAMES, load_scenario)
    assert info.value.key == key
    message = t(info.value.key, "zh", **info.value.values)
    assert message and "Traceback" not in message


# --------------------------------------------------------------------------- saving

def test_save_never_overwrites_silently(tmp_path):
    path = files.save(tmp_path, "mine", lambda n: f"# {n}\n")
    assert path.read_text() == "# mine\n"
    with pytest.raises(m.AppInputError) as info:
        files.save(tmp_path, "mine", lambda n: "changed\n")
    assert info.value.key == "file.exists"
    assert path.read_text() == "# mine\n"
    files.save(tmp_path, "mine", lambda n: "changed\n", overwrite=True)
    assert path.read_text() == "changed\n"


@pytest.mark.parametrize("name, key", [("plan", "file.protected"), ("../x", "file.bad_name"),
                                       ("", "file.bad_name"), ("base", "file.self_parent")])
def test_save_refuses_dangerous_names(tmp_path, name, key):
    with pytest.raises(m.AppInputError) as info:
        files.save(tmp_path, name, lambda n: "", taken=["base"])
    assert info.value.key == key
    assert list(tmp_path.iterdir()) == []


def test_saved_scenario_loads_back_with_the_same_paths(plan, tmp_path, base_paths):
    state = m.set_path(m.AppScenario(), plan, base_paths, "visitors", [8.0] * 5)
    base = load_scenario("plan")
    path = files.save(tmp_path, "mine", lambda n: m.AppScenario(**{**state.__dict__, "name": n}).build(base).to_toml())
    loaded = scenario_from_text(path.read_bytes(), source=str(path))
    assert loaded.name == "mine" and loaded.parent.name == "plan"
    np.testing.assert_allclose(m.paths_of(plan, loaded), m.paths_of(plan, state.build(base)))


# --------------------------------------------------------------------------- numbers and tables

@pytest.mark.parametrize("value, u, lang, text", [
    (314.66, "亿元", "zh", "314.7亿元"),
    (314.66, "亿元", "en", "314.7 (100m yuan)"),
    (53.64, "%", "zh", "53.6%"),
    (1600.4, "万千瓦", "zh", "1,600万千瓦"),
    (35000, "人", "en", "35,000 people"),
    (2730.55, "万人次", "zh", "2,731万人次"),            # as the report prints 2267万人次
    (float("nan"), "亿元", "zh", "—"),
])
def test_numbers_are_written_as_planners_write_them(value, u, lang, text):
    assert fmt.value(value, u, lang).replace(fmt.NBSP, " ") == text


def test_gaps_and_paces():
    assert fmt.gap(-1.5, "%/年", "zh") == "-1.5个百分点"
    assert fmt.gap(-1.5, "%/年", "en") == f"-1.5{fmt.NBSP}pp"
    assert fmt.gap(-4e-15, "%/年", "zh") == "±0.0个百分点"
    assert fmt.pace(0.2, "百分点/年", "zh") == "0.20百分点/年"
    assert fmt.pace(197.2, "万千瓦/年", "en").replace(fmt.NBSP, " ") == "197 (10k kW/yr)"


def test_every_unit_of_the_plan_has_an_english_name(plan):
    for ind in plan.indicators:
        for u in (ind.unit, ind.pace_unit):
            assert not CJK.search(unit(u, "en")), u


def test_every_label_exists_in_both_languages():
    for key, (zh, en) in TEXT.items():
        assert zh and en, key


@pytest.fixture(scope="module")
def cautious_check(plan):
    proj = project(plan, [load_scenario("cautious"), load_scenario("plan")])
    return proj, check_targets(proj)


def test_board_table_is_legible_without_colour(cautious_check):
    _, check = cautious_check
    rows = display.board_rows(check, "cautious", "target", by_gap=True)
    table = display.board_table(rows, "zh")
    assert len(table) == len(rows) == 27
    assert list(table.columns) == ["状态", "指标", "领域", "目标", "预测值", "差距", "差距(%)", "情景速度", "所需速度", "依据"]
    gdp = table[table["指标"] == "地区生产总值"].iloc[0]
    assert gdp["状态"] == "**✖ 未达标**" and gdp["目标"] == "年均增长 ≥ 6.5%"
    assert rows["gap_pct"].is_monotonic_increasing
    assumed = table[table["依据"].str.contains("⚑")]
    assert assumed["指标"].str.endswith("⚑").all() and len(assumed) > 0
    english = display.board_table(rows, "en")
    assert "✖ missed" in english["Status"].iloc[0]


def test_compare_and_difference_tables(plan, cautious_check):
    proj, check = cautious_check
    table = display.compare_table(check, ["cautious", "plan"], ["稳健", "规划"], plan, lang_="zh")
    assert list(table.columns) == ["指标", "目标", "稳健", "规划", "规划 减 稳健"]
    assert table.loc[0, "规划 减 稳健"] == "+1.0个百分点"
    diff = display.driver_differences(plan, [r.drivers for r in proj.scenarios], ["稳健", "规划"], "zh")
    assert "一产增加值" in set(diff["指标"])


def test_export_files_have_bom_columns_and_rows(plan, cautious_check):
    proj, check = cautious_check
    result = type("R", (), {"projection": proj, "check": check})()
    files = {f.kind: f for f in exports.files(result, load_scenario("cautious"), "zh")}
    assert set(files) == {"long", "wide", "xlsx", "iamc", "check", "toml"}
    long = files["long"].data
    assert long.startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(io.BytesIO(long), encoding="utf-8-sig")
    assert list(frame.columns[:5]) == ["情景", "指标代码", "指标", "单位", "年份"]
    assert len(frame) == 2 * len(plan.indicators) * len(proj.years)
    assert files["xlsx"].data[:2] == b"PK"
    assert tomllib.loads(files["toml"].data.decode())["scenario"]["name"] == "cautious"
    assert files["long"].file_name == "fyp_compare_cautious_plan_long.csv"
