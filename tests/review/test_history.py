"""The 14th-plan record: history statements, derived 2020 levels, past vs needed pace, back-cast."""

from __future__ import annotations

import copy
import math

import numpy as np
import pytest

from sim.io.plan import HISTORY_MEASURES, parse_plan
from sim.review.history import (
    backcast,
    constant_path,
    derive_statement,
    history_table,
    measure_of,
    pace_comparison,
    rounding,
    start_and_pace,
)
from tests.conftest import tiny_plan_dict


def statements(plan):
    return [h for ind in plan.indicators for h in ind.history]


def test_every_history_quote_is_verbatim_in_the_report(plan, report_text):
    quotes = [q for h in statements(plan) for q in h.number.quote]
    assert len(quotes) >= 15
    assert [q for q in quotes if q not in report_text] == []


def test_history_numbers_state_their_basis_and_appear_in_their_quote(plan):
    for h in statements(plan):
        words = "".join(h.number.quote)
        if h.number.basis == "reported":
            assert f"{h.value:g}" in words, (h.indicator, h.value)
        else:
            assert h.number.basis == "derived" and h.number.formula, h.indicator
        for r in h.readings:
            assert f"{r:g}" in words or r == h.value + 1, (h.indicator, r)   # 增长5倍: ×6 or ×5


def test_the_statements_the_issue_names_are_recorded(plan):
    got = {(h.indicator, h.measure): h.value for h in statements(plan)}
    assert got[("gdp", "average_change")] == 20
    assert got[("energy_capacity", "multiple")] == 6
    assert got[("seed_chain", "level")] == 14.6
    assert got[("forest_coverage", "change")] == 4.2
    assert got[("urban_income", "change")] == 8858 and got[("rural_income", "change")] == 8051
    assert got[("visitors", "average_growth")] == 15 and got[("tourism_spending", "average_growth")] == 15
    assert got[("fixed_asset_investment", "total")] == 665.5
    assert got[("industrial_fai", "total")] == 255 and got[("industrial_fai", "average_growth")] == 43.6
    assert plan.by_id["industrial_fai"].baseline.value == 73
    assert all(h.start_year == 2020 and h.end_year == 2025 for h in statements(plan))


def test_derived_2020_levels(plan):
    table = history_table(plan).set_index(["indicator", "measure", "reading"])
    start = table["start_level"]
    assert start["energy_capacity", "multiple", "used"] == pytest.approx(614 / 6)
    assert start["energy_capacity", "multiple", "alternative"] == pytest.approx(614 / 5)
    assert start["forest_coverage", "change", "used"] == pytest.approx(18.1)
    assert start["seed_chain", "level", "used"] == 14.6
    assert start["gdp", "average_change", "used"] == pytest.approx(214.7)
    assert start["market_entities", "change_pct", "used"] == pytest.approx(7.4 / 1.33)
    assert start["visitors", "average_growth", "used"] == pytest.approx(2267 / 1.15 ** 5)
    assert start["high_tech_firms", "multiple", "used"] == pytest.approx(74 / 2.2)
    # bounds come from the report's words: 以上 marks a lower bound
    assert table.loc[("gdp", "average_change", "used"), "bound"] == "≥"
    assert table.loc[("forest_coverage", "change", "used"), "bound"] == "="


def test_an_increase_in_yuan_on_an_index_baseline_gives_no_level_and_no_rate(plan):
    table = history_table(plan).set_index("indicator")
    for ind in ("urban_income", "rural_income"):
        row = table.loc[ind]
        assert math.isnan(row["start_level"]) and math.isnan(row["pace"])
        assert "index" in row["why"]


def test_past_pace_against_needed_pace(plan):
    pace = pace_comparison(plan).set_index("indicator")
    energy = pace.loc["energy_capacity"]
    assert energy["needed_pace"] == pytest.approx((1600 - 614) / 5)
    assert energy["past_pace"] == pytest.approx((614 - 614 / 6) / 5)
    assert energy["ratio"] == pytest.approx(197.2 / (614 * 5 / 6 / 5))
    assert energy["ratio_alternatives"] == f"{197.2 / ((614 - 614 / 5) / 5):.2f}"
    assert pace.loc["gdp", "past_pace"] == pytest.approx(((314.7 / 214.7) ** 0.2 - 1) * 100)
    assert pace.loc["visitors", "ratio"] == pytest.approx(10 / 15)
    fai = pace.loc["fixed_asset_investment"]
    assert fai["past_pace"] < 0 and math.isnan(fai["ratio"])     # investment fell on average
    assert math.isnan(pace.loc["urban_income", "past_pace"])


@pytest.mark.parametrize("dyn", ["compound", "additive", "points", "flow"])
@pytest.mark.parametrize("measure", HISTORY_MEASURES)
def test_start_and_pace_round_trip(dyn, measure):
    """A constant path with a known start and pace, described by each measure, gives both back."""
    start, pace, n = 40.0, 6.0 if dyn != "additive" else 3.0, 5
    path = constant_path(dyn, start, pace if dyn != "flow" else 6.0, n)
    value = measure_of(measure, path)
    got_start, got_pace = start_and_pace(dyn, measure, value, path[-1], n)
    assert got_start == pytest.approx(start, rel=1e-9)
    expected = float(np.mean(path[1:])) if dyn == "flow" else pace
    assert got_pace == pytest.approx(expected, rel=1e-9)


def test_the_engine_run_from_2020_reproduces_the_reported_2025_values(plan):
    cast = backcast(plan)
    assert cast.plan.base_year == 2020 and cast.plan.target_year == plan.base_year
    assert cast.values.shape[2] == 6
    ends = cast.table[cast.table["check"] == "2025 level"]
    assert len(ends) >= 12
    for row in ends.itertuples():
        assert row.engine == pytest.approx(plan.by_id[row.indicator].baseline.value, rel=1e-9), row.indicator
    # every statement that set a pace is reproduced, including the five-year investment total
    assert cast.table[cast.table["used"]]["reproduced"].all()
    fai = cast.table[(cast.table.indicator == "fixed_asset_investment") & cast.table.check.str.startswith("total")]
    assert fai["engine"].iloc[0] == pytest.approx(665.5)
    # the one that is not: 255亿元 does not follow from 73亿元 at a constant 43.6% (about 201)
    miss = cast.table[~cast.table["reproduced"]]
    assert list(miss["indicator"]) == ["industrial_fai"]
    assert miss["engine"].iloc[0] == pytest.approx(sum(73 / 1.436 ** k for k in range(5)))


def test_backcast_uses_the_engine_with_per_year_flows():
    data = copy.deepcopy(tiny_plan_dict())
    flow = next(i for i in data["indicator"] if i["id"] == "f")
    flow["history"] = [{"start_year": 2020, "measure": "total", "value": 40.0, "basis": "reported", "quote": "t"}]
    comp = next(i for i in data["indicator"] if i["id"] == "a")
    comp["history"] = [{"start_year": 2020, "measure": "multiple", "value": 2.0, "basis": "reported", "quote": "t"}]
    plan = parse_plan(data, "tiny.toml")
    cast = backcast(plan)
    assert cast.table["reproduced"].all()
    f_row = cast.plan.index["f"]
    assert cast.values[0, f_row, 1:].sum() == pytest.approx(40.0)
    assert cast.values[0, f_row, -1] == pytest.approx(10.0)


def test_a_period_not_ending_in_the_base_year_is_said_so():
    data = copy.deepcopy(tiny_plan_dict())
    data["indicator"][0]["history"] = [{"start_year": 2018, "end_year": 2023, "measure": "change", "value": 5.0,
                                        "basis": "reported", "quote": "t"}]
    plan = parse_plan(data, "tiny.toml")
    d = derive_statement(plan, plan.indicators[0].history[0])
    assert math.isnan(d.start) and "2023" in d.why


def test_rounding_follows_the_printed_decimals():
    assert rounding(3.2) == pytest.approx(0.05)
    assert rounding(16.0) == pytest.approx(0.5)
    assert rounding(0.84) == pytest.approx(0.005)
    assert rounding(7944.0) == pytest.approx(0.5)
