"""Goal seek: the pace at which a target is met with a chosen probability.

Simulated answers carry the sampling error of the seek's draws: with ``n`` draws the
probability at the returned shift is within ±4·√(p(1−p)/n) of the one asked for (a correct
engine fails this about once in 16,000 runs), so the shift lies between the closed-form
shifts for p − 4·SE and p + 4·SE.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

from sim import InputError, load_scenario, resolve, scenario_from_text
from sim.io.plan import parse_plan
from sim.uncertainty.goalseek import (
    closed_form_shift,
    moved_drivers,
    required_for_probability,
    requirements,
    variance_factor,
)
from sim.uncertainty.montecarlo import simulate
from sim.uncertainty.spec import uncertainty_for
from tests.conftest import tiny_plan_dict

SEEK = 20_000


def se(p: float, n: int) -> float:
    return math.sqrt(p * (1 - p) / n)


def target(plan, indicator: str, year: int = 2030):
    return next(t for t in (*plan.targets, *plan.milestones) if t.indicator == indicator and t.year == year)


def scenario(text: str, parent: str = "uncertain"):
    return scenario_from_text(f'[scenario]\nname = "t"\ntitle_zh = "测试"\ntitle_en = "test"\nparent = "{parent}"\n'
                              + text, "test.toml")


@pytest.mark.parametrize("indicator, year", [
    ("industrial_va", 2030),         # compound, growth target
    ("storage_capacity", 2030),      # additive, level target
    ("urban_new_jobs", 2030),        # flow, cumulative target
    ("foreign_trade", 2026),         # compound, milestone one year out
    ("water_use", 2026),             # additive, at_most
])
def test_simulated_shift_agrees_with_the_closed_form(plan, indicator, year):
    scn = load_scenario("uncertain")
    tgt = target(plan, indicator, year)
    req = required_for_probability(plan, scn, tgt, 0.8, draws=SEEK, seed=3)
    assert req.method == "closed form" and req.shift == req.closed_form
    resolved, unc = resolve(plan, scn), uncertainty_for(plan, scn)
    band = sorted(closed_form_shift(plan, resolved, unc, tgt, 0.8 + d * 4 * se(0.8, SEEK)) for d in (-1, 1))
    assert band[0] <= req.simulated <= band[1]
    assert abs(req.achieved - 0.8) <= 4 * se(0.8, SEEK)


def test_closed_form_known_answers_on_the_tiny_plan():
    tiny = parse_plan(tiny_plan_dict(), "tiny.toml")
    scn = scenario_from_text('[scenario]\nname = "t"\ntitle_zh = "t"\ntitle_en = "t"\n[drivers]\na = 9.0\nb = 9.5\n'
                             "[uncertainty]\na = { sd = 2.0 }\nb = { sd = 2.0 }\npersistence = 0.5\n", "t.toml")
    resolved, unc = resolve(tiny, scn), uncertainty_for(tiny, scn)
    z, v = stats.norm.ppf(0.9), variance_factor(5, 0.5)
    assert v == pytest.approx(5 + 2 * (4 * 0.5 + 3 * 0.25 + 2 * 0.125 + 0.0625))
    # a: 5·ln(1 + (9 + δ)/100) = 5·ln 1.08 + z·0.02·√V
    want = (math.exp(math.log(1.08) + z * 0.02 * math.sqrt(v) / 5) - 1) * 100 - 9
    assert closed_form_shift(tiny, resolved, unc, tiny.targets[0], 0.9) == pytest.approx(want, abs=1e-9)
    # b: 50 + 5·(9.5 + δ) = 100 + z·2·√V
    want = (100 + z * 2 * math.sqrt(v) - 50 - 5 * 9.5) / 5
    assert closed_form_shift(tiny, resolved, unc, tiny.targets[1], 0.9) == pytest.approx(want, abs=1e-9)
    # c is a percentage (clipped at 0 and 100): no closed form.
    assert closed_form_shift(tiny, resolved, unc, tiny.targets[2], 0.9) is None


@pytest.mark.parametrize("indicator, p", [("gdp", 0.8), ("forest_grass_coverage", 0.9), ("dairy_beef_cattle", 0.7),
                                          ("energy_capacity", 0.8)])
def test_running_at_the_required_pace_meets_the_target_with_the_probability(plan, indicator, p):
    # GDP: three correlated sectors moved together; forest cover: a bounded percentage;
    # cattle: a sum of two compound drivers; capacity: a skewed triangular marginal.
    scn = load_scenario("uncertain")
    tgt = target(plan, indicator)
    req = required_for_probability(plan, scn, tgt, p, draws=SEEK, seed=5)
    assert req.method == "simulated" and math.isfinite(req.shift)
    resolved, unc = resolve(plan, scn), uncertainty_for(plan, scn)
    paths = resolved.drivers.copy()
    for name in moved_drivers(plan, tgt):
        paths[plan.driver_index[name]] += req.shift
    fresh = simulate(plan, resolved, unc, 100_000, seed=77, paths=paths, targets=(tgt,), sample=0)
    assert abs(fresh.probability[0] - p) <= 4 * math.hypot(se(p, SEEK), se(p, 100_000))
    assert 0 <= req.achieved - p <= 3 / SEEK                # bisection stops within a draw or two of p


def test_more_confidence_needs_more_growth(plan):
    scn = load_scenario("uncertain")
    tgt = target(plan, "gdp")
    shifts = [required_for_probability(plan, scn, tgt, p, draws=SEEK, seed=1).shift for p in (0.5, 0.8, 0.95)]
    assert shifts[0] == pytest.approx(0, abs=0.05)           # the plan's pace is a coin toss
    assert shifts[0] < shifts[1] < shifts[2]


def test_a_fixed_driver_needs_exactly_the_deterministic_shift(plan):
    scn = load_scenario("uncertain")
    req = required_for_probability(plan, scn, target(plan, "vegetable_area", 2026), 0.8, draws=2000)
    assert req.shift == pytest.approx(-0.7, abs=1e-5)        # 42.7 may fall to 42 and still hold
    assert req.note == "no uncertainty reaches this target: the shift that just meets it"
    assert req.note_in("zh") == "没有不确定性影响该目标:给出的是恰好达标所需的调整"


def test_unreachable_and_already_observed(plan):
    scn = scenario("[actuals.visitors]\n2026 = 2600.0\n[actuals.tourism_spending]\n2029 = 20.0\n")
    seen = required_for_probability(plan, scn, target(plan, "visitors", 2026), 0.8, draws=2000)
    assert seen.method == "already observed" and math.isnan(seen.shift)
    # Spending collapsed to 20 in 2029: reaching 15 %/yr since 2025 would take a 1,600 % jump.
    gone = required_for_probability(plan, scn, target(plan, "tourism_spending"), 0.8, draws=2000)
    assert gone.method == "unreachable" and math.isnan(gone.shift) and "no shift" in gone.note
    assert (seen.note, seen.note_in("zh")) == ("actuals up to 2026 already decide it", "2026年及以前的实际值已决定结果")
    assert gone.note_code == "out_of_reach" and gone.note_in("zh").endswith("的调整范围内达不到80%的概率")
    low, high = gone.note_values["low"], gone.note_values["high"]
    assert low < 0 < high and gone.note == f"no shift within {low:+.4g} … {high:+.4g} reaches 80%"


def test_the_table_words_its_notes_in_the_asked_language(plan):
    scn = scenario("[actuals.visitors]\n2026 = 2600.0\n")
    tgt = (target(plan, "visitors", 2026),)
    zh = requirements(plan, scn, 0.8, draws=2000, lang="zh", targets=tgt)
    en = requirements(plan, scn, 0.8, draws=2000, lang="en", targets=tgt)
    assert zh["note"].tolist() == ["2026年及以前的实际值已决定结果"]
    assert en["note"].tolist() == ["actuals up to 2026 already decide it"]


def test_bad_probability_is_an_input_error(plan):
    with pytest.raises(InputError) as err:
        required_for_probability(plan, load_scenario("plan"), target(plan, "gdp"), 1.0)
    assert err.value.field == "probability"


def test_requirements_table_has_every_target(plan):
    table = requirements(plan, load_scenario("cautious"), 0.8, draws=4000, seed=0, lang="en")
    assert len(table) == len(plan.targets) + len(plan.milestones)
    gdp = table[table.indicator == "gdp"].iloc[0]
    assert gdp["p_now"] < 0.05 and gdp["shift"] > 0.5             # cautious GDP ~5.6 %: needs much more
    assert gdp["drivers"] == "primary_va, secondary_va, tertiary_va" and gdp["pace_unit"] == "%/年"
    methods = table["method"]
    assert set(methods) <= {"closed form", "simulated", "unreachable", "already observed", "not available"}
    assert np.isfinite(table.loc[methods != "unreachable", "shift"]).all()


def test_the_pace_needed_is_the_target_indicators_own(plan):
    # One driver: its own pace. A sum of additions (capacity): the parts' additions added up. A sum of
    # compounding sectors (GDP): the growth of the sum, computed here from the sectors' levels.
    scn = load_scenario("plan")
    resolved = resolve(plan, scn)
    one = required_for_probability(plan, scn, target(plan, "storage_capacity"), 0.8, draws=4000)
    assert one.pace == pytest.approx(one.paces[0], rel=1e-12)
    cap = required_for_probability(plan, scn, target(plan, "energy_capacity"), 0.8, draws=4000)
    assert len(cap.paces) == 4 and cap.pace == pytest.approx(sum(cap.paces), rel=1e-12)
    gdp = required_for_probability(plan, scn, target(plan, "gdp"), 0.8, draws=4000)
    end = sum(plan.by_id[s].baseline.value * np.prod(1 + (resolved.drivers[plan.driver_index[s]] + gdp.shift) / 100)
              for s in moved_drivers(plan, target(plan, "gdp")))
    assert gdp.pace == pytest.approx(((end / plan.by_id["gdp"].baseline.value) ** (1 / 5) - 1) * 100, rel=1e-12)
    # The sectors' mean pace (what the column used to show) is a different, wrong, number.
    assert abs(gdp.pace - np.mean(gdp.paces)) > 0.3


def test_the_table_gives_the_shift_in_the_drivers_unit_and_the_pace_in_the_targets(plan):
    table = requirements(plan, load_scenario("plan"), 0.8, draws=4000, milestones=False, lang="en",
                         targets=(target(plan, "energy_capacity"), target(plan, "gdp")))
    cap, gdp = table.iloc[0], table.iloc[1]
    assert (cap["shift_unit"], cap["pace_unit"], gdp["shift_unit"], gdp["pace_unit"]) == ("万千瓦/年",) * 2 + ("%/年",) * 2
    # 614 → 1600 万千瓦 in five years is 197.2 a year; an 80 % chance needs more, not the parts' mean of ~52.
    assert 197.2 < cap["pace_needed"] < 230


def test_a_driver_that_follows_a_link_is_said_to_be_set_by_hand(plan):
    # Rural income follows GDP in the plan scenario: the Monte Carlo moves it with GDP's draws, the
    # search sets it by hand with its own spread, so their probabilities differ and the note says why.
    scn = load_scenario("plan")
    assert resolve(plan, scn).linked[plan.driver_index["rural_income"]]
    linked = required_for_probability(plan, scn, target(plan, "rural_income"), 0.8, draws=4000)
    assert linked.note_code == "linked" and linked.note.startswith("follows a link in the scenario")
    assert linked.note_in("zh").startswith("该驱动因素在情景中随联动变化")
    own = required_for_probability(plan, scn, target(plan, "storage_capacity"), 0.8, draws=4000)
    assert own.note_code == ""
