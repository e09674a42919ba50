"""The embedded Ganzhou plan: provenance of every number, and the targets the issue names."""

from __future__ import annotations

import re

import pytest

from sim.io.plan import Sourced


def all_numbers(plan):
    for ind in plan.indicators:
        if ind.baseline is not None:
            yield f"{ind.id}.baseline", ind.baseline
        if ind.trend is not None:
            yield f"{ind.id}.trend", ind.trend
        for t in (*ind.targets, *ind.milestones):
            yield f"{ind.id}.{'milestone' if t.milestone else 'target'}.{t.year}", t.number


def test_every_quote_is_verbatim_in_the_report(plan, report_text):
    quotes = [(where, q) for where, n in all_numbers(plan) for q in n.quote]
    assert len(quotes) > 60
    missing = [(where, q) for where, q in quotes if q not in report_text]
    assert missing == []


def test_every_number_states_its_basis(plan):
    for where, number in all_numbers(plan):
        assert isinstance(number, Sourced)
        if number.basis == "reported":
            assert number.quote, where
        elif number.basis == "derived":
            assert number.formula and number.quote, where
        else:
            assert number.basis == "assumed" and len(number.reason) > 30, where


def _digits(value: float) -> set[str]:
    text = f"{value:g}"
    return {text, text.rstrip("0").rstrip(".")}


def test_reported_numbers_appear_in_their_quote(plan):
    """A reported value must be written in its own quote (35000 人 is written 3.5万人)."""
    for where, number in all_numbers(plan):
        if number.basis != "reported":
            continue
        joined = "".join(number.quote)
        scaled = {number.value, number.value / 10_000}
        assert any(d in joined for v in scaled for d in _digits(v)), (where, number.value, joined)


def test_2025_outcomes_from_the_report(plan):
    base = {i.id: i.baseline.value for i in plan.indicators if i.baseline}
    assert base["gdp"] == 314.7
    assert base["primary_va"] == 65.4 and base["tertiary_va"] == 200.9
    assert base["energy_capacity"] == 614
    assert base["visitors"] == 2267 and base["tourism_spending"] == 174
    assert base["retail_sales"] == 161.6 and base["fixed_asset_investment"] == 127
    assert base["urban_new_jobs"] == 7944


def test_secondary_sector_is_the_residual(plan):
    sec = plan.by_id["secondary_va"]
    assert sec.baseline.basis == "derived"
    assert sec.baseline.value == pytest.approx(314.7 - 65.4 - 200.9)
    assert sec.trend.value == 10.2
    # the report's 15.4% share is reproduced by the residual, to the report's rounding
    assert round(sec.baseline.value / 314.7 * 100, 1) == plan.by_id["secondary_share"].baseline.value


GROWTH_TARGETS = {
    "gdp": 6.5, "industrial_va": 12, "fixed_asset_investment": 6, "retail_sales": 6,
    "public_budget_revenue": 6, "urban_income": 6, "rural_income": 7.5, "visitors": 10,
    "tourism_spending": 15,
}
LEVEL_TARGETS = {
    "forest_grass_coverage": 53.6, "grassland_vegetation": 30, "good_air_days": 87, "reclaimed_water": 80,
    "waste_recycling": 68, "organic_area": 10, "dairy_beef_cattle": 60, "energy_capacity": 1600,
    "new_energy_capacity": 1000, "storage_capacity": 300, "agri_processing_rate": 76,
    "new_materials_chain": 100, "advanced_mfg_chain": 30, "pharma_chem_chain": 50,
    "preschool_enrolment": 99.5, "compulsory_retention": 100, "high_school_enrolment": 96.5,
}


def test_all_named_2030_targets_are_present(plan):
    got = {(t.indicator, t.kind): t.value for t in plan.targets if t.year == 2030}
    for ind, value in GROWTH_TARGETS.items():
        assert got[(ind, "growth")] == value, ind
    for ind, value in LEVEL_TARGETS.items():
        assert got[(ind, "level")] == value, ind
    assert got[("urban_new_jobs", "cumulative")] == 35000


def test_growth_targets_say_real_or_nominal(plan):
    for ind_id in GROWTH_TARGETS:
        ind = plan.by_id[ind_id]
        if ind.unit in ("亿元", "元"):
            assert ind.price_basis in ("real", "nominal"), ind_id
    assert plan.by_id["gdp"].price_basis == "real"
    assert plan.by_id["retail_sales"].price_basis == "nominal"


def test_2026_milestones(plan):
    got = {t.indicator: (t.direction, t.value) for t in plan.milestones}
    assert got["visitors"] == ("at_least", 2500)
    assert got["tourism_spending"] == ("at_least", 200)
    assert got["reclaimed_water"] == ("at_least", 60)
    assert got["water_use"] == ("at_most", 6.94)
    assert got["pm25"] == ("at_most", 21)
    assert got["foreign_trade"] == ("at_least", 3.4)
    assert got["urban_new_jobs"] == ("at_least", 7400)
    assert got["seed_area"] == ("hold", 70)
    assert got["vegetable_area"] == ("hold", 42)
    assert got["dairy_cattle"][1] == 5.8 and got["beef_cattle"][1] == 48


def test_unreported_levels_are_assumed_never_reported(plan):
    for ind_id in ("industrial_va", "public_budget_revenue", "urban_income", "rural_income",
                   "forest_grass_coverage", "new_energy_capacity", "storage_capacity"):
        assert plan.by_id[ind_id].baseline.basis == "assumed", ind_id
    for ind_id in ("industrial_va", "public_budget_revenue", "urban_income", "rural_income"):
        base = plan.by_id[ind_id].baseline
        assert base.index and base.value == 100


def test_names_are_chinese_and_units_as_written(plan):
    units = {i.unit for i in plan.indicators}
    assert {"亿元", "万千瓦", "%", "万亩", "万人次", "万头", "人"} <= units
    for ind in plan.indicators:
        assert re.search(r"[\u4e00-\u9fff]", ind.name_zh), ind.id
        assert ind.name_en and ind.unit
