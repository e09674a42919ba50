"""Parts within their whole (``[[links.within]]``): refused for a scenario, held for a rule's path,
a Monte Carlo draw and a sweep, with reference values worked out by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest

from sim import load_plan, load_scenario, project
from sim.cli.main import main
from sim.engine.dynamics import hold_part
from sim.engine.kernel import compile_plan, project_array
from sim.engine.resolve import resolve
from sim.engine.sweep import sweep
from sim.io.errors import InputError, ScenarioError
from sim.io.plan import default_plan_path


@pytest.fixture(scope="module")
def ganzhou():
    return load_plan()


def _level(plan, proj, ind_id: str, year: int) -> float:
    long = proj.to_long()
    return float(long[(long.indicator == ind_id) & (long.year == year)].value.iloc[0])


def test_a_part_set_above_its_whole_is_refused_in_the_first_year_it_passes(ganzhou):
    # 73 × 1.6 = 116.8 against 127 × 0.9 = 114.3 in 2026
    mine = load_scenario("plan").with_changes(drivers={"industrial_fai": 60.0, "fixed_asset_investment": -10.0})
    with pytest.raises(ScenarioError) as exc:
        resolve(ganzhou, mine)
    err = exc.value
    assert (err.code, err.field, err.params["year"]) == ("part_over_whole", "drivers.industrial_fai", 2026)
    assert err.params["value"] == pytest.approx(116.8) and err.params["limit"] == pytest.approx(114.3)
    assert "a part cannot exceed its whole" in str(err) and "\n" not in str(err)
    assert "部分不能大于总量" in err.message_in("zh")


def test_a_whole_set_below_a_rule_part_holds_the_part_and_a_whole_set_below_a_set_part_names_the_whole(ganzhou):
    # 林草覆盖率 falling 5 points a year meets 林木覆盖率 (22.3 + 0.84 a year, the plan's trend) in
    # 2031: 52.6 − 5 × 6 = 22.6 against 22.3 + 0.84 × 6 = 27.34; the rule's path stops at the whole
    # and then falls with it (17.6 in 2032).
    held = project(ganzhou, load_scenario("plan").with_changes(drivers={"forest_grass_coverage": -5.0}, horizon=2035))
    for year in range(2026, 2036):
        assert _level(ganzhou, held, "forest_coverage", year) <= _level(ganzhou, held, "forest_grass_coverage", year) + 1e-9
    assert _level(ganzhou, held, "forest_coverage", 2030) == pytest.approx(22.3 + 5 * 0.84)
    assert _level(ganzhou, held, "forest_coverage", 2031) == pytest.approx(22.6)
    assert _level(ganzhou, held, "forest_coverage", 2032) == pytest.approx(17.6)
    # the same paths, the part set by the scenario: refused in 2031, naming the part
    mine = load_scenario("plan").with_changes(drivers={"forest_coverage": 0.84, "forest_grass_coverage": -5.0},
                                              horizon=2035)
    with pytest.raises(ScenarioError) as exc:
        resolve(ganzhou, mine)
    assert exc.value.field == "drivers.forest_coverage" and exc.value.params["year"] == 2031


def test_an_actual_of_a_part_above_its_projected_whole_is_refused_naming_the_actual(ganzhou):
    mine = load_scenario("plan").with_changes(actuals={"industrial_fai": {2026: 140.0}})
    with pytest.raises(ScenarioError) as exc:
        resolve(ganzhou, mine)
    assert exc.value.field == "actuals.industrial_fai.2026"
    assert exc.value.params["limit"] == pytest.approx(127 * 1.06 ** 1, rel=0.01)


def test_observed_parts_above_their_observed_whole_are_refused_in_an_actuals_file(tmp_path, capsys):
    path = tmp_path / "actuals.csv"
    path.write_text("indicator,year,value\ngdp,2026,300\nsecondary_va,2026,310\n", encoding="utf-8")
    assert main(["monitor", "plan", "--actuals", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "secondary_va.2026" in err and "'gdp'" in err


def test_hold_part_steps_on_from_the_held_level():
    # 10 %/年 from 100 under a cap of 105 then 200: held at 105, then 105 × 1.1 = 115.5
    levels, held = hold_part(np.array([100.0]), np.array([[10.0], [10.0]]), "compound",
                             np.array([[105.0], [200.0]]), (0.0, math.inf))
    assert levels[:, 0].tolist() == pytest.approx([105.0, 115.5]) and held.tolist() == [True]


def test_draws_and_sweeps_hold_a_part_at_its_whole_and_count_it(ganzhou):
    compiled = compile_plan(ganzhou, 2030)
    paths = resolve(ganzhou, "plan").kernel_drivers
    stack = np.repeat(paths[None], 2, axis=0)
    d, w = ganzhou.driver_index["industrial_fai"], ganzhou.driver_index["fixed_asset_investment"]
    stack[1, d], stack[1, w] = 60.0, -10.0
    clipped = np.zeros((2, compiled.n_indicators), dtype=bool)
    values = project_array(compiled, stack, clip=True, clipped=clipped)
    part, whole = ganzhou.index["industrial_fai"], ganzhou.index["fixed_asset_investment"]
    # 73 × 1.6 = 116.8 passes 127 × 0.9 = 114.3 in 2026: held at the whole in every year from then
    assert values[1, part].tolist() == pytest.approx([73.0] + [127 * 0.9 ** k for k in range(1, 6)])
    assert (values[1, part] <= values[1, whole] + 1e-9).all()
    assert clipped[:, part].tolist() == [False, True] and values[0, part].tolist() == [73.0] * 6
    result = sweep(compiled, stack)
    assert result.clipped[part] == 1


def test_a_within_bound_is_checked_when_the_plan_loads(tmp_path):
    text = default_plan_path().read_text(encoding="utf-8")
    bad = text.replace('part = "forest_coverage"\nwhole = "forest_grass_coverage"',
                       'part = "forest_grass_coverage"\nwhole = "forest_coverage"')
    path = tmp_path / "plan.toml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_plan(path)
    assert exc.value.code == "within_baseline" and exc.value.params["limit"] == pytest.approx(22.3)
    for old, new, code in (('part = "industrial_fai"', 'part = "gdp"', "within_part"),
                           ('part = "industrial_fai"', 'part = "secondary_va"', "within_part"),
                           ('whole = "fixed_asset_investment"', 'whole = "public_budget_revenue"', "within_index")):
        path.write_text(text.replace(old, new), encoding="utf-8")
        with pytest.raises(InputError) as exc:
            load_plan(path)
        assert exc.value.code == code
    # a whole that is itself a part: holding it would move a ceiling already used
    path.write_text(text + '\n[[links.within]]\npart = "market_entities"\nwhole = "visitors"\nbasis = "assumed"\n'
                    'reason = "a chain of bounds"\n', encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_plan(path)
    assert (exc.value.code, exc.value.field) == ("within_part", "links.within[5].part")
