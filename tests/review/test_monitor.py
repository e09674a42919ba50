"""Annual monitoring and the mid-term review bands, with constructed actuals of known answer.

The tiny plan (tests/conftest.py), reviewed in 2028 (3 of 5 years gone):

* ``a`` compound, 100 growing 8 %/yr: 序时进度 100·1.08³, goal 100·1.08⁵;
* ``b`` additive, 50 → 100 (at least): 序时进度 80; as an at-most target 50 → 30: 序时进度 38;
* ``c`` points, 40 → 50 %: 序时进度 46; as a hold target (≥ 39 every year);
* ``f`` flow, 60 in total over five years: 序时进度 36 by 2028.
"""

from __future__ import annotations

import copy
import math

import pytest

from sim import Scenario, project
from sim.engine.rules import advance
from sim.io.attribute import BARE_ATTRIBUTE_REASON
from sim.io.plan import ReviewThresholds, parse_plan
from sim.review.midterm import midterm_review, midterm_year, scheduled
from sim.review.monitor import (
    MONITOR_COLUMNS,
    band_summary,
    counts_by_attribute,
    monitor,
    next_year,
    summary_line,
    warning,
)
from tests.conftest import tiny_plan_dict

G3 = 1.08 ** 3


def plan_with(binding: str = "expected", **changes):
    """The tiny plan with every target's 属性 set to ``binding``; ``changes`` edit target dicts
    by indicator position, e.g. ``b={"direction": "at_most", "value": 30.0}``."""
    data = copy.deepcopy(tiny_plan_dict())
    for ind in data["indicator"]:
        for t in ind.get("target", []):
            t["binding"] = {"value": binding, "basis": "assumed", "reason": "test"}
    pos = {ind["id"]: ind for ind in data["indicator"]}
    for key, edit in changes.items():
        if key == "review":
            data["review"] = edit
        else:
            pos[key]["target"][0].update(edit)
    return parse_plan(data, "tiny.toml")


def at(table, ind_id):
    return table.set_index("indicator").loc[ind_id]


# (indicator, plan changes, actuals in 2026–2028, expected progress, expected band)
CASES = [
    # at least, growth target on a compound indicator (log scale)
    ("a", {}, {2028: 150.0}, None, "achieved"),
    ("a", {}, {2028: 100 * 1.08 ** 3.6}, 1.2, "ahead"),
    ("a", {}, {2028: 100 * G3}, 1.0, "on_track"),
    ("a", {}, {2028: 100 * 1.08 ** 1.5}, 0.5, "behind"),
    # at least, level target on an additive indicator
    ("b", {}, {2028: 100.0}, None, "achieved"),
    ("b", {}, {2028: 86.0}, 1.2, "ahead"),
    ("b", {}, {2028: 80.0}, 1.0, "on_track"),
    ("b", {}, {2028: 65.0}, 0.5, "behind"),
    # at least, percentage points
    ("c", {}, {2028: 51.0}, None, "achieved"),
    ("c", {}, {2028: 47.2}, 1.2, "ahead"),
    ("c", {}, {2028: 46.0}, 1.0, "on_track"),
    ("c", {}, {2028: 43.0}, 0.5, "behind"),
    # at most: 50 down to 30
    ("b", {"b": {"direction": "at_most", "value": 30.0}}, {2028: 29.0}, None, "achieved"),
    ("b", {"b": {"direction": "at_most", "value": 30.0}}, {2028: 35.6}, 1.2, "ahead"),
    ("b", {"b": {"direction": "at_most", "value": 30.0}}, {2028: 38.0}, 1.0, "on_track"),
    ("b", {"b": {"direction": "at_most", "value": 30.0}}, {2028: 44.0}, 0.5, "behind"),
    # flow, cumulative total
    ("f", {}, {2026: 20.0, 2027: 20.0, 2028: 20.0}, None, "achieved"),
    ("f", {}, {2026: 14.4, 2027: 14.4, 2028: 14.4}, 1.2, "ahead"),
    ("f", {}, {2026: 12.0, 2027: 12.0, 2028: 12.0}, 1.0, "on_track"),
    ("f", {}, {2026: 6.0, 2027: 6.0, 2028: 6.0}, 0.5, "behind"),
    # hold (≥ 39 in every year): held is on track however high, one year below is behind
    ("c", {"c": {"direction": "hold", "value": 39.0}}, {2026: 45.0, 2027: 60.0, 2028: 70.0}, None, "on_track"),
    ("c", {"c": {"direction": "hold", "value": 39.0}}, {2026: 39.0, 2027: 39.0, 2028: 39.0}, None, "on_track"),
    ("c", {"c": {"direction": "hold", "value": 39.0}}, {2026: 41.0, 2027: 38.9, 2028: 45.0}, None, "behind"),
]
WARN = {("binding", "behind"): "red", ("expected", "behind"): "yellow"}


@pytest.mark.parametrize("binding", ["binding", "expected"])
@pytest.mark.parametrize("ind_id, changes, obs, progress, band", CASES)
def test_every_band_in_every_direction(ind_id, changes, obs, progress, band, binding):
    plan = plan_with(binding, **changes)
    row = at(monitor(plan, {ind_id: obs}, 2028), ind_id)
    assert row["verdict"] == band
    if progress is not None:
        assert row["progress"] == pytest.approx(progress, rel=1e-9)
    assert row["binding"] == binding and row["binding_basis"] == "assumed"
    assert row["warning"] == WARN.get((binding, band), "green")
    assert row["year"] == 2028 and row["as_of"] == 2028


def test_the_schedule_is_the_engine_path():
    plan = plan_with()
    table = monitor(plan, {"a": {2028: 130.0}, "b": {2028: 70.0}, "c": {2028: 44.0},
                           "f": {2026: 10.0, 2027: 10.0, 2028: 10.0}}, 2028)
    assert at(table, "a")["scheduled"] == pytest.approx(100 * G3)        # compound path
    assert at(table, "b")["scheduled"] == pytest.approx(80.0)            # straight line
    assert at(table, "c")["scheduled"] == pytest.approx(46.0)
    assert at(table, "f")["scheduled"] == pytest.approx(36.0)            # cumulative share 60 × 3/5
    assert at(table, "f")["actual"] == 30 and at(table, "f")["progress"] == pytest.approx(30 / 36)
    # the pace each path asks for every year
    assert at(table, "a")["target_pace"] == pytest.approx(8.0) and at(table, "a")["target_pace_unit"] == "%/年"
    assert at(table, "b")["target_pace"] == pytest.approx(10.0) and at(table, "b")["target_pace_unit"] == "亿元/年"
    assert at(table, "c")["target_pace"] == pytest.approx(2.0) and at(table, "c")["target_pace_unit"] == "百分点/年"
    assert at(table, "f")["target_pace"] == pytest.approx(12.0) and at(table, "f")["target_pace_unit"] == "人/年"
    # progress is the mid-term's covered share over elapsed share
    b = at(midterm_review(plan, {"b": {2028: 70.0}}, 2028), "b")
    assert b["progress"] == pytest.approx(b["covered_share"] / b["elapsed_share"])
    assert list(table.columns) == MONITOR_COLUMNS


def test_scheduled_closed_forms():
    assert scheduled("compound", 100.0, 100 * 1.08 ** 5, 2, 5) == pytest.approx(100 * 1.08 ** 2)
    assert scheduled("additive", 614.0, 1600.0, 3, 5) == pytest.approx(614 + 986 * 0.6)
    assert scheduled("points", 86.8, 87.0, 5, 5) == pytest.approx(87.0)
    assert scheduled("flow", 7944.0, 35000.0, 2, 5) == pytest.approx(14000.0)
    assert math.isnan(scheduled("compound", 0.0, 10.0, 1, 5))


def test_band_thresholds_come_from_the_plan_file():
    plan = plan_with(review={"ahead": 1.3, "behind": 0.6})
    assert plan.review == ReviewThresholds(1.3, 0.6, 0.6)
    assert at(monitor(plan, {"b": {2028: 86.0}}, 2028), "b")["verdict"] == "on_track"   # 1.2 < 1.3
    assert at(monitor(plan, {"b": {2028: 65.0}}, 2028), "b")["verdict"] == "behind"     # 0.5 < 0.6
    assert at(monitor(plan, {"b": {2028: 71.0}}, 2028), "b")["verdict"] == "on_track"   # 0.7
    # exactly on a threshold falls in the better band
    plain = plan_with()
    assert at(monitor(plain, {"b": {2028: 83.0}}, 2028), "b")["verdict"] == "ahead"     # 33/30 = 1.1
    assert at(monitor(plain, {"b": {2028: 77.0}}, 2028), "b")["verdict"] == "on_track"  # 27/30 = 0.9


def test_a_lower_red_threshold_leaves_binding_targets_just_behind_yellow():
    plan = plan_with("binding", review={"behind": 0.9, "red": 0.6})
    assert at(monitor(plan, {"b": {2028: 71.0}}, 2028), "b")["warning"] == "yellow"     # 0.7
    assert at(monitor(plan, {"b": {2028: 65.0}}, 2028), "b")["warning"] == "red"        # 0.5
    assert warning("behind", "binding", math.nan, 0.6) == "red"                          # a broken hold
    assert warning("behind", "", 0.1, 0.9) == "yellow"                                   # unmarked: expected
    assert warning("no_data", "binding", math.nan, 0.9) == ""


def test_a_bare_attribute_and_a_lead_department_load():
    data = tiny_plan_dict()
    data["indicator"][0]["target"][0]["binding"] = "binding"
    data["indicator"][0]["lead_department"] = "区发展改革局"
    data["indicator"][1]["target"][0]["binding"] = {"value": "expected", "basis": "reported", "quote": "预期性"}
    plan = parse_plan(data, "tiny.toml")
    a, b = plan.targets[0].attribute, plan.targets[1].attribute
    assert (a.value, a.basis, a.reason) == ("binding", "assumed", BARE_ATTRIBUTE_REASON)
    assert (b.value, b.basis, b.note) == ("expected", "reported", "预期性")
    assert plan.by_id["a"].lead_department == "区发展改革局" and plan.targets[2].attribute is None
    table = monitor(plan, {"a": {2026: 108.0}})
    assert at(table, "a")["lead_department"] == "区发展改革局" and at(table, "c")["binding"] == ""


def test_attributes_edited_in_the_app_override_the_file():
    plan = plan_with("expected")
    row = at(monitor(plan, {"b": {2028: 65.0}}, 2028, attributes={"b": "binding"}), "b")
    assert (row["binding"], row["binding_basis"], row["warning"]) == ("binding", "edited", "red")


def test_summary_lines_in_the_official_style():
    plan = plan_with("expected")
    obs = {"a": {2028: 150.0}, "b": {2028: 65.0}, "c": {2028: 43.0}}       # achieved, behind, behind
    table = monitor(plan, obs, 2028, attributes={"b": "binding"})
    assert summary_line(table) == ("4项主要指标中,1项进度符合或快于序时进度,2项滞后,其中约束性指标1项;"
                                   "1项暂无数据。红色预警1项、黄色预警1项。")
    assert band_summary(table) == ("4项主要指标中,提前实现1项、滞后于预期2项、暂无数据1项。"
                                   "其中约束性指标1项中,滞后于预期1项;预期性指标3项中,提前实现1项、滞后于预期1项、暂无数据1项。")
    counts = counts_by_attribute(table)
    assert counts.loc["binding", "behind"] == 1 and counts.loc["total", "total"] == 4
    on_path = monitor(plan, {"b": {2028: 80.0}}, 2028)
    assert summary_line(on_path) == "4项主要指标中,1项进度符合或快于序时进度,0项滞后;3项暂无数据。"


def test_the_review_year_defaults():
    plan = plan_with()
    assert midterm_year(plan) == 2028
    assert at(midterm_review(plan, {"b": {2027: 70.0, 2029: 95.0}}), "b")["as_of"] == 2028 - 1
    table = monitor(plan, {"b": {2026: 60.0, 2027: 70.0}})                  # latest actual year
    assert at(table, "b")["year"] == 2027 and at(table, "a")["verdict"] == "no_data"


def test_ganzhou_monitoring_table_covers_every_target(plan):
    obs = {"energy_capacity": {2026: 720.0, 2027: 860.0}, "good_air_days": {2026: 87.4, 2027: 86.9},
           "primary_va": {2027: 73.0}, "secondary_va": {2027: 56.0}, "tertiary_va": {2027: 225.0}}
    table = monitor(plan, obs, 2027)
    assert len(table) == 27
    energy = at(table, "energy_capacity")
    assert energy["scheduled"] == pytest.approx(614 + (1600 - 614) * 2 / 5)            # 1008.4 万千瓦
    assert energy["progress"] == pytest.approx((860 - 614) / (1008.4 - 614))
    assert energy["verdict"] == "behind" and energy["warning"] == "red"                 # binding, behind
    air = at(table, "good_air_days")
    assert air["scheduled"] == 87.0 and air["verdict"] == "behind" and air["warning"] == "red"
    gdp = at(table, "gdp")
    assert gdp["actual"] == pytest.approx(354.0) and gdp["scheduled"] == pytest.approx(314.7 * 1.065 ** 2)
    assert gdp["verdict"] == "on_track" and gdp["warning"] == "green"
    assert summary_line(table).startswith("27项主要指标中,1项进度符合或快于序时进度,2项滞后,其中约束性指标2项;24项暂无数据")


# --------------------------------------------------------------------------- next year

OFF_PATH = {"a": {2027: 110.0}, "b": {2027: 55.0}, "c": {2027: 43.0}, "f": {2026: 9.0, 2027: 8.0}}


def test_next_year_requirement_round_trips_through_the_engine():
    plan = plan_with()
    need = next_year(plan, OFF_PATH, 2027).set_index("indicator")
    assert list(need.index) == ["a", "b", "c", "f"]
    assert (need["from_year"] == 2027).all() and (need["next_year"] == 2028).all()
    assert need.loc["a", "path_level"] == pytest.approx(100 * G3)
    assert need.loc["a", "need_pace"] == pytest.approx((100 * G3 / 110 - 1) * 100)
    assert need.loc["b", "need_pace"] == pytest.approx(25.0) and need.loc["c", "need_pace"] == pytest.approx(3.0)
    assert need.loc["f", "path_level"] == pytest.approx(36.0) and need.loc["f", "need_level"] == pytest.approx(19.0)
    # project one year at the requirement with the engine: every indicator lands on its path
    drivers = {k: {2028: float(need.loc[k, "need_pace"])} for k in "abcf"}
    scenario = Scenario(name="t", title_zh="测试", title_en="t", drivers=drivers, actuals=OFF_PATH)
    proj = project(plan, scenario)
    for k in "abc":
        assert proj.value("t", k, 2028) == pytest.approx(need.loc[k, "path_level"], rel=1e-12)
    assert 9 + 8 + proj.value("t", "f", 2028) == pytest.approx(36.0)
    # ... and the monitoring of that year says exactly on the path
    landed = {k: {**OFF_PATH[k], 2028: proj.value("t", k, 2028)} for k in "abcf"}
    table = monitor(plan, landed, 2028)
    assert table.set_index("indicator").loc[list("abcf"), "progress"].to_numpy() == pytest.approx(1.0)
    # the rules' own step gives the same level
    assert advance("compound", 110.0, need.loc["a", "need_pace"], 1) == pytest.approx(100 * G3)


def test_next_year_steady_pace_and_the_scenario():
    plan = plan_with()
    scenario = Scenario(name="s", title_zh="情景", title_en="s", drivers={"a": 5.0, "b": 4.0, "c": 1.0, "f": 10.0})
    need = next_year(plan, OFF_PATH, 2027, scenario=scenario).set_index("indicator")
    goal_a = 100 * 1.08 ** 5
    assert need.loc["a", "steady_pace"] == pytest.approx(((goal_a / 110) ** (1 / 3) - 1) * 100)
    assert need.loc["b", "steady_pace"] == pytest.approx(15.0)                        # (100 − 55) / 3
    assert need.loc["f", "steady_pace"] == pytest.approx((60 - 17) / 3)
    assert need.loc["a", "scenario_pace"] == pytest.approx(5.0)
    assert need.loc["a", "scenario_level"] == pytest.approx(115.5)                   # from the actual
    assert need.loc["b", "scenario_pace"] == pytest.approx(4.0) and need.loc["f", "scenario_level"] == 10.0
    assert need.loc["a", "pace_unit"] == "%/年" and need.loc["f", "pace_unit"] == "人/年"


def test_next_year_skips_targets_without_data_and_past_the_target_year():
    plan = plan_with()
    need = next_year(plan, {"b": {2030: 90.0}, "f": {2026: 9.0, 2028: 8.0}}, 2030)
    assert need.empty                  # b is at its target year; f has a gap, so no running total


# --------------------------------------------------------------------------- command line

def _obs_file(tmp_path):
    path = tmp_path / "obs.csv"
    path.write_text("indicator,year,value\nenergy_capacity,2026,720\nenergy_capacity,2027,860\n"
                    "visitors,2027,2690\nstorage_capacity,2027,160\n", encoding="utf-8")
    return path


def test_cli_monitor(tmp_path, capsys):
    from sim.cli.main import main

    obs = _obs_file(tmp_path)
    assert main(["monitor", "plan", "--actuals", str(obs), "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert "序时进度" in out and "红色预警" in out and "黄色预警" in out and "快于预期" in out
    assert "27项主要指标中,1项进度符合或快于序时进度,2项滞后,其中约束性指标1项;24项暂无数据。" in out
    assert "其中约束性指标8项中,快于预期1项、滞后于预期1项、暂无数据6项" in out
    assert main(["monitor", "plan", "--actuals", str(obs), "--next"]) == 0
    out = capsys.readouterr().out
    energy = next(line for line in out.splitlines() if line.startswith("综合能源装机规模"))
    assert "1,205.60" in energy and "345.60" in energy and "246.67" in energy and "197.20" in energy
    out_file = tmp_path / "monitor.csv"
    assert main(["monitor", "plan", "--actuals", str(obs), "--year", "2026", "-o", str(out_file)]) == 0
    data = out_file.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"scheduled" in data and b"warning" in data
    assert main(["monitor", "plan", "--actuals", str(obs), "--year", "2031"]) == 2
    assert "--year: 2031 is outside the plan period 2026–2030" in capsys.readouterr().err
    assert main(["monitor", "plan"]) == 2                                  # no actuals anywhere
    bad = tmp_path / "bad.csv"
    bad.write_text("indicator,year,value\nenergy_capacity,2031,1\n", encoding="utf-8")
    assert main(["monitor", "plan", "--actuals", str(bad)]) == 2
    assert "2031" in capsys.readouterr().err


def test_cli_midterm_defaults_to_the_mid_term_year(tmp_path, capsys):
    from sim.cli.main import main

    assert main(["midterm", "plan", "--actuals", str(_obs_file(tmp_path))]) == 0
    assert "2028: 0 achieved, 1 ahead, 0 on track, 2 behind, 24 without data" in capsys.readouterr().out
