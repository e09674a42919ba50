"""Tornado: known changes of each target's gap, ranking, and the ``fyp sensitivity`` command."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from sim import load_scenario, project, scenario_from_text
from sim.cli.main import main
from sim.engine.check import check_targets
from sim.engine.resolve import resolve
from sim.uncertainty.sensitivity import tornado
from sim.uncertainty.spec import uncertainty_for


@pytest.fixture(scope="module")
def table(plan):
    return tornado(plan, load_scenario("uncertain"), lang="en")


def rows(table, indicator, step, year=2030):
    return table[(table.indicator == indicator) & (table.step == step) & (table.target_year == year)]


def test_a_growth_target_moves_one_for_one_with_its_own_driver(table):
    unit = rows(table, "industrial_va", "unit").set_index("driver")
    # set by hand (unlinked) +1 pp every year; through its link, +1 pp of 二产 gives 1.3235 pp
    assert list(unit.index) == ["secondary_va", "industrial_va"]
    assert unit.loc["industrial_va"].change_up == pytest.approx(1.0, abs=1e-9)
    assert unit.loc["industrial_va"].change_down == pytest.approx(-1.0, abs=1e-9)
    assert unit.loc["secondary_va"].change_up == pytest.approx(1.3235, abs=1e-9)
    sd = rows(table, "industrial_va", "sd").set_index("driver").loc["industrial_va"]
    # One sd on the log scale: (100 + 12)·e^{±0.015} − 100 every year.
    assert sd["size"] == pytest.approx(1.5)
    assert sd.change_up == pytest.approx(112 * math.exp(0.015) - 112, abs=1e-9)
    assert sd.change_down == pytest.approx(112 * math.exp(-0.015) - 112, abs=1e-9)


def test_a_level_target_moves_by_the_years_times_the_step(plan, table):
    unit = rows(table, "new_energy_capacity", "unit").iloc[0]
    assert (unit.change_down, unit.change_up) == (pytest.approx(-5.0), pytest.approx(5.0))   # ±1万千瓦 × 5 years
    sd = uncertainty_for(plan, load_scenario("uncertain")).std[plan.driver_index["new_energy_capacity"]]
    assert rows(table, "new_energy_capacity", "sd").iloc[0].change_up == pytest.approx(5 * sd)


def test_gdp_ranks_its_sectors_by_weight_and_matches_a_direct_projection(plan, table):
    unit = rows(table, "gdp", "unit")
    assert list(unit.driver) == ["tertiary_va", "primary_va", "secondary_va"]   # shares 64 %, 21 %, 15 %
    assert list(unit["rank"]) == [1, 2, 3]
    # The tertiary sector's +1 pp, checked by projecting a scenario that says so.
    parent = load_scenario("uncertain")
    tertiary = resolve(plan, parent).drivers[plan.driver_index["tertiary_va"]][0]
    up = scenario_from_text('[scenario]\nname = "up"\ntitle_zh = "u"\ntitle_en = "u"\nparent = "uncertain"\n'
                            f"[drivers]\ntertiary_va = {float(tertiary) + 1!r}\n", "up.toml", {"uncertain": parent})
    gaps = check_targets(project(plan, [parent, up]))
    gdp = gaps[(gaps.indicator == "gdp")].set_index("scenario").gap
    assert unit.iloc[0].change_up == pytest.approx(gdp["up"] - gdp["uncertain"], abs=1e-12)
    assert 0.55 < unit.iloc[0].change_up < 0.7


def upstream(plan, ind: str) -> set[str]:
    """The drivers an indicator depends on, through derived sums and links."""
    out = set()
    for leaf in plan.leaves(ind):
        out.add(leaf)
        link = plan.links.by_indicator.get(leaf)
        if link:
            out |= {plan.links.deflator}.union(*(upstream(plan, x) for x in link.inputs))
    return out


def test_only_drivers_that_move_a_target_are_listed(plan, table):
    for (ind, _), group in table.groupby(["indicator", "target_year"]):
        assert set(group.driver) <= upstream(plan, ind)
    full = tornado(plan, load_scenario("uncertain"), lang="en", keep_zero=True)
    assert len(full) == len(plan.targets) * len(plan.drivers) * 2
    assert (full.swing >= 0).all()


def test_swing_is_the_larger_move_and_ranks_are_dense_per_target(table):
    assert np.allclose(table.swing, np.maximum(table.change_down.abs(), table.change_up.abs()))
    for _, group in table.groupby(["indicator", "target_year", "step"]):
        assert sorted(group["rank"]) == list(range(1, len(group) + 1))
        assert group.sort_values("rank").swing.is_monotonic_decreasing


def test_sensitivity_command(capsys, tmp_path):
    assert main(["sensitivity", "uncertain", "--target", "gdp", "--step", "sd"]) == 0
    out = capsys.readouterr().out
    assert "tertiary" in out.lower() and "log points/yr" in out
    path = tmp_path / "tornado.csv"
    assert main(["sensitivity", "cautious", "--top", "1", "-o", str(path)]) == 0
    assert path.read_bytes()[:3] == b"\xef\xbb\xbf"
    frame = pd.read_csv(path, encoding="utf-8-sig")
    assert (frame["rank"] == 1).all() and {"change_down", "change_up", "swing"} <= set(frame.columns)


def test_sensitivity_command_rejects_an_unknown_indicator(capsys):
    assert main(["sensitivity", "plan", "--target", "tourists"]) == 2
    assert "tourists" in capsys.readouterr().err
