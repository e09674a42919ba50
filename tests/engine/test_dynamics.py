"""Closed-form answers and properties of each dynamic."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sim.engine.dynamics import average_growth, derive, project_paths, required_pace

GROUPS = (("compound", np.array([0])), ("additive", np.array([1])), ("points", np.array([2])),
          ("flow", np.array([3])))
BASE = np.array([314.7, 614.0, 52.6, 7944.0])


def run(pace_rows, actuals=None, dtype=np.float64):
    drivers = np.asarray(pace_rows, dtype=dtype)[None]          # (1, 4, Y)
    return project_paths(BASE.astype(dtype), drivers, GROUPS, actuals)[0]


def test_compound_closed_form_gdp():
    out = run([[6.5] * 5, [0] * 5, [0] * 5, [0] * 5])
    assert out[0, -1] == pytest.approx(314.7 * 1.065 ** 5, rel=1e-13)
    assert out[0, 1] == pytest.approx(335.1555, rel=1e-13)


def test_additive_and_flow_and_points_closed_form():
    out = run([[0] * 5, [197.2] * 5, [0.2] * 5, [7000] * 5])
    assert out[1, -1] == pytest.approx(614 + 5 * 197.2)
    assert out[2, -1] == pytest.approx(53.6)
    np.testing.assert_array_equal(out[3], [7944, 7000, 7000, 7000, 7000, 7000])


LOW = np.array([0.0, 0.0, 0.0, 0.0])
HIGH = np.array([np.inf, np.inf, 100.0, np.inf])


def test_points_are_not_bounded_silently():
    # A deterministic run leaves the level as computed, so that resolution can refuse it.
    out = run([[0] * 5, [0] * 5, [30] * 5, [0] * 5])
    np.testing.assert_allclose(out[2], [52.6, 82.6, 112.6, 142.6, 172.6, 202.6])


def test_draws_are_held_at_the_domain_and_counted():
    drivers = np.array([[[0] * 5, [0] * 5, [30] * 5, [0] * 5],
                        [[0] * 5, [-200] * 5, [-30] * 5, [0] * 5],
                        [[0] * 5, [0] * 5, [1] * 5, [0] * 5]], dtype=float)
    clipped = np.zeros((3, 4), dtype=bool)
    out = project_paths(BASE, drivers, GROUPS, None, (LOW, HIGH), clipped)
    np.testing.assert_allclose(out[0, 2], [52.6, 82.6, 100, 100, 100, 100])
    np.testing.assert_allclose(out[1, 2], [52.6, 22.6, 0, 0, 0, 0])
    np.testing.assert_allclose(out[1, 1], [614, 414, 214, 14, 0, 0])
    np.testing.assert_allclose(out[2, 2], [52.6, 53.6, 54.6, 55.6, 56.6, 57.6])
    assert clipped.tolist() == [[False, False, True, False], [False, True, True, False], [False] * 4]


def test_actual_replaces_the_year_and_the_path_continues_from_it():
    actuals = np.full((1, 4, 5), np.nan)
    actuals[0, 0, 0] = 330.0  # 2026 GDP observed
    out = run([[6.5] * 5, [0] * 5, [0] * 5, [0] * 5], actuals)
    assert out[0, 1] == 330.0
    assert out[0, -1] == pytest.approx(330.0 * 1.065 ** 4)


def test_float32_runs_the_same_code():
    out = run([[6.5] * 5, [197.2] * 5, [0.2] * 5, [7000] * 5], dtype=np.float32)
    assert out.dtype == np.float32
    assert out[0, -1] == pytest.approx(314.7 * 1.065 ** 5, rel=1e-6)


def test_derive_ops():
    a, b = np.array([[1.0, 2.0]]), np.array([[4.0, 8.0]])
    np.testing.assert_allclose(derive([a, b], "sum"), [[5, 10]])
    np.testing.assert_allclose(derive([a, b], "share"), [[25, 25]])
    np.testing.assert_allclose(derive([a, b], "ratio", 10_000), [[2500, 2500]])


def test_required_pace_round_trips():
    g = required_pace("compound", np.array(614.0), np.array(1600.0), np.array(5))
    assert 614 * (1 + g / 100) ** 5 == pytest.approx(1600)
    assert required_pace("additive", np.array(614.0), np.array(1600.0), np.array(5)) == pytest.approx(197.2)
    # hold from below: the first year binds
    assert required_pace("points", np.array(86.8), np.array(87.0), np.array(5), every_year=True) \
        == pytest.approx(0.2)
    assert average_growth(np.array(100.0), np.array(100 * 1.12 ** 5), 5) == pytest.approx(12)


paces = st.floats(min_value=-20, max_value=40, allow_nan=False)


@settings(max_examples=60, deadline=None)
@given(g=st.lists(paces, min_size=5, max_size=5), extra=st.floats(min_value=0.01, max_value=10))
def test_higher_growth_never_lowers_a_level(g, extra):
    low = run([g, g, g, [100] * 5])
    high = run([[x + extra for x in g]] * 3 + [[100 + extra] * 5])
    assert (high[:3] >= low[:3] - 1e-9).all()


@settings(max_examples=60, deadline=None)
@given(p=st.lists(st.floats(min_value=-100, max_value=100), min_size=5, max_size=5))
def test_draws_of_points_stay_within_bounds(p):
    clipped = np.zeros((1, 4), dtype=bool)
    out = project_paths(BASE, np.array([[0] * 5, [0] * 5, p, [0] * 5], dtype=float)[None], GROUPS, None,
                        (LOW, HIGH), clipped)[0]
    assert (out[2] >= 0).all() and (out[2] <= 100).all()
    free = run([[0] * 5, [0] * 5, p, [0] * 5])[2]
    assert clipped[0, 2] == bool(((free < 0) | (free > 100)).any())


@settings(max_examples=60, deadline=None)
@given(c=paces)
def test_per_year_path_equal_to_a_constant_gives_the_same_result(c):
    drivers = np.array([[c] * 5] * 4)
    by_year = run(drivers)
    constant = project_paths(BASE, np.broadcast_to(np.full((4, 1), c), (4, 5))[None].copy(), GROUPS)[0]
    np.testing.assert_array_equal(by_year, constant)


def test_horizon_2035_runs():
    out = project_paths(BASE, np.full((2, 4, 10), 1.0), GROUPS)
    assert out.shape == (2, 4, 11)
    assert out[0, 0, -1] == pytest.approx(314.7 * 1.01 ** 10)


@pytest.mark.parametrize(("dyn", "expected"), [("compound", 12.0), ("additive", (100 * 1.12 ** 5 - 100) / 5),
                                               ("points", (100 * 1.12 ** 5 - 100) / 5), ("flow", 100 * 1.12 ** 5)])
def test_pace_of_each_dynamic(dyn, expected):
    """The one pace formula: growth, average change, and for a flow its yearly value."""
    from sim.engine.dynamics import pace

    assert pace(dyn, 100.0, 100 * 1.12 ** 5, 5) == pytest.approx(expected)


def test_pace_is_vectorised_over_dynamics_and_guards_impossible_growth():
    from sim.engine.dynamics import pace

    out = pace(np.array(["compound", "additive", "flow", "compound"]), np.array([100.0, 10, 3, 0]),
               np.array([121.0, 20, 7, 5]), np.array([2, 2, 2, 2]))
    assert out[:3] == pytest.approx([10.0, 5.0, 7.0])
    assert np.isnan(out[3])
    assert np.isnan(pace("additive", 1.0, 2.0, 0))


def test_path_pace_round_trips_through_the_steps():
    from sim.engine.dynamics import path_pace, step_compound

    path = np.array([5.0, 7.0, 9.0])
    level = 100.0
    for g in path:
        level = step_compound(level, g)
    assert path_pace("compound", path) == pytest.approx(((level / 100) ** (1 / 3) - 1) * 100)
    assert path_pace("additive", path) == pytest.approx(7.0)


def test_levels_are_written_into_the_rows_given_and_nothing_else_is_touched():
    drivers = np.array([[[6.5] * 5, [197.2] * 5, [0.2] * 5, [7000] * 5]])
    out = np.full((6, 7, 1), -1.0)
    rows = np.array([5, 0, 3, 6])
    project_paths(BASE, drivers, GROUPS, out=out, rows=rows)
    alone = project_paths(BASE, drivers, GROUPS)[0]
    for i, r in enumerate(rows):
        np.testing.assert_array_equal(out[:, r, 0], alone[i])
    assert (out[:, [1, 2, 4], 0] == -1).all()


def test_a_draw_held_before_an_actual_replaces_it_is_counted_and_the_actual_wins():
    drivers = np.array([[[0] * 5, [0] * 5, [60] * 5, [0] * 5]], dtype=float)
    actuals = np.full((1, 4, 5), np.nan)
    actuals[0, 2, 0] = 55.0                                      # 2026 observed: the draw's 112.6 never shows
    clipped = np.zeros((1, 4), dtype=bool)
    out = project_paths(BASE, drivers, GROUPS, actuals, (LOW, HIGH), clipped)[0]
    np.testing.assert_allclose(out[2], [52.6, 55.0, 100, 100, 100, 100])
    assert clipped.tolist() == [[False, False, True, False]]   # held from 2027 on
