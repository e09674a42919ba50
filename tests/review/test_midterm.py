"""Mid-term review (时间过半、任务过半) with constructed actuals."""

from __future__ import annotations

import copy
import math

import pytest

from sim import Scenario
from sim.cli.main import main
from sim.io.errors import InputError
from sim.io.plan import parse_plan
from sim.review.midterm import AHEAD, BEHIND, midterm_review, scenario_actuals, verdict
from tests.conftest import tiny_plan_dict


@pytest.fixture
def tiny():
    """Tiny plan: a 100 → growth 8%; b 50 → 100; c 40% → 50%; f 10/yr, total 60 by 2030; s = a + b."""
    return parse_plan(tiny_plan_dict(), "tiny.toml")


def row(review, ind_id):
    return review.set_index("indicator").loc[ind_id]


def test_on_the_path_that_meets_the_target_progress_is_one(tiny):
    # three years at exactly the target pace for every indicator
    actuals = {"a": {2028: 100 * 1.08 ** 3}, "b": {2028: 80.0}, "c": {2028: 46.0}, "f": {2026: 12, 2027: 12, 2028: 12}}
    review = midterm_review(tiny, actuals)
    for ind_id in ("a", "b", "c", "f"):
        r = row(review, ind_id)
        assert r["elapsed_share"] == pytest.approx(0.6)
        assert r["covered_share"] == pytest.approx(0.6), ind_id
        assert r["progress"] == pytest.approx(1.0) and r["verdict"] == "on_track", ind_id
    a = row(review, "a")
    assert a["achieved_pace"] == pytest.approx(8.0) and a["required_pace"] == pytest.approx(8.0)
    assert a["goal"] == pytest.approx(100 * 1.08 ** 5) and a["pace_unit"] == "%/年"


def test_ahead_and_behind(tiny):
    review = midterm_review(tiny, {"b": {2027: 75.0}, "c": {2027: 41.0}})   # 2 of 5 years: 40% elapsed
    b, c = row(review, "b"), row(review, "c")
    assert b["covered_share"] == pytest.approx(0.5) and b["progress"] == pytest.approx(1.25) and b["verdict"] == "ahead"
    assert c["covered_share"] == pytest.approx(0.1) and c["verdict"] == "behind"
    assert b["required_pace"] == pytest.approx(25 / 3)              # (100 − 75) / 3 years
    assert c["required_pace"] == pytest.approx(3.0) and c["achieved_pace"] == pytest.approx(0.5)
    assert row(review, "a")["verdict"] == "no_data"


def test_thresholds():
    assert verdict(AHEAD, False) == "ahead" and verdict(AHEAD - 1e-9, False) == "on_track"
    assert verdict(BEHIND, False) == "on_track" and verdict(BEHIND - 1e-9, False) == "behind"
    assert verdict(0.2, True) == "achieved"                # the target level is already reached (提前实现)
    assert verdict(math.nan, False) == "behind"


def test_growth_targets_compare_on_the_log_scale(tiny):
    # half the log-distance in 60% of the time is behind; a level above the goal is ahead
    goal = 100 * 1.08 ** 5
    half = math.sqrt(goal / 100) * 100
    assert row(midterm_review(tiny, {"a": {2028: half}}), "a")["verdict"] == "behind"
    assert row(midterm_review(tiny, {"a": {2028: goal + 1}}), "a")["verdict"] == "achieved"


def test_a_cumulative_target_needs_every_year(tiny):
    review = midterm_review(tiny, {"f": {2026: 12, 2028: 12}})
    r = row(review, "f")
    assert r["verdict"] == "no_data" and "every year" in r["note"]
    r = row(midterm_review(tiny, {"f": {2026: 20, 2027: 20}}), "f")
    assert r["actual"] == 40 and r["required_pace"] == pytest.approx(20 / 3) and r["verdict"] == "ahead"


def test_hold_targets_must_hold_in_every_observed_year():
    data = copy.deepcopy(tiny_plan_dict())
    data["indicator"][2]["target"][0]["direction"] = "hold"
    data["indicator"][2]["target"][0]["value"] = 39.0
    plan = parse_plan(data, "tiny.toml")
    assert row(midterm_review(plan, {"c": {2026: 39.5, 2027: 39.2}}), "c")["verdict"] == "on_track"
    r = row(midterm_review(plan, {"c": {2026: 38.0, 2027: 40.0}}), "c")
    assert r["verdict"] == "behind" and "38" in r["note"]


def test_a_derived_indicator_from_its_inputs_or_given_directly(plan):
    parts = {"primary_va": {2027: 73.0}, "secondary_va": {2027: 56.0}, "tertiary_va": {2027: 225.0}}
    r = row(midterm_review(plan, parts), "gdp")
    assert r["actual"] == pytest.approx(354.0) and r["as_of"] == 2027
    assert r["achieved_pace"] == pytest.approx(((354 / 314.7) ** 0.5 - 1) * 100)
    assert row(midterm_review(plan, {"gdp": {2027: 354.0}}), "gdp")["actual"] == 354


def test_the_review_year_limits_what_is_used(tiny):
    review = midterm_review(tiny, {"b": {2026: 60.0, 2029: 95.0}}, as_of=2027)
    assert row(review, "b")["as_of"] == 2026 and row(review, "b")["actual"] == 60


def test_at_most_targets():
    data = copy.deepcopy(tiny_plan_dict())
    data["indicator"][1]["target"][0].update(direction="at_most", value=30.0)   # b from 50 down to 30
    plan = parse_plan(data, "tiny.toml")
    r = row(midterm_review(plan, {"b": {2028: 38.0}}), "b")
    assert r["covered_share"] == pytest.approx(0.6) and r["verdict"] == "on_track"
    assert row(midterm_review(plan, {"b": {2028: 29.0}}), "b")["verdict"] == "achieved"


def test_index_baselines_are_flagged(plan):
    r = row(midterm_review(plan, {"urban_income": {2027: 112.0}}), "urban_income")
    assert r["provisional"] and "index" in r["note"]
    assert r["achieved_pace"] == pytest.approx((1.12 ** 0.5 - 1) * 100)


@pytest.mark.parametrize("actuals, field", [
    ({"nope": {2027: 1.0}}, "nope"),
    ({"b": {2025: 1.0}}, "b.2025"),
    ({"b": {2031: 1.0}}, "b.2031"),
    ({"a": {2027: -5.0}}, "a.2027"),
    ({"c": {2027: 120.0}}, "c.2027"),
])
def test_bad_actuals_name_the_field(tiny, actuals, field):
    with pytest.raises(InputError) as err:
        midterm_review(tiny, actuals, source="obs.csv")
    assert err.value.source == "obs.csv" and err.value.field == field


def test_scenario_actuals_merge_the_chain():
    parent = Scenario(name="p", title_zh="父", title_en="P", actuals={"a": {2026: 1.0, 2027: 2.0}})
    child = Scenario(name="c", title_zh="子", title_en="C", parent=parent, actuals={"a": {2027: 3.0}, "b": {2026: 4.0}})
    assert scenario_actuals(child) == {"a": {2026: 1.0, 2027: 3.0}, "b": {2026: 4.0}}


def test_cli_midterm(tmp_path, capsys):
    path = tmp_path / "obs.csv"
    path.write_text("indicator,year,value\nenergy_capacity,2026,720\nenergy_capacity,2027,860\n"
                    "energy_capacity,2028,1010\nvisitors,2028,3000\n", encoding="utf-8")
    assert main(["midterm", "plan", "--actuals", str(path), "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert "综合能源装机规模" in out and "滞后" in out and "滞后于预期1项" in out
    out_file = tmp_path / "review.csv"
    assert main(["midterm", "plan", "--actuals", str(path), "-o", str(out_file)]) == 0
    assert out_file.read_bytes().startswith(b"\xef\xbb\xbf")
    bad = tmp_path / "bad.csv"
    bad.write_text("indicator,year,value\nenergy_capacity,2040,1\n", encoding="utf-8")
    assert main(["midterm", "plan", "--actuals", str(bad)]) == 2
    assert "2040" in capsys.readouterr().err
    assert main(["midterm", "plan"]) == 2     # the plan scenario has no actuals of its own
