"""The kernel's contiguous runs: a stack of draws projected at once equals each draw projected
alone and a plain per-indicator loop over the step functions, bit for bit; runs split where
they must; rows the links recompute are left alone by the first pass without changing a bit."""

from __future__ import annotations

import numpy as np
import pytest

from sim import load_scenario
from sim.engine.dynamics import STEPS, dynamic_runs, project_paths
from sim.engine.kernel import compile_plan, project_array
from sim.engine.links import linked_growth
from sim.engine.resolve import resolve


def test_runs_join_neighbours_of_one_dynamic_with_neighbouring_rows():
    groups = (("compound", np.array([0, 1, 2, 5])), ("additive", np.array([3, 4])), ("flow", np.array([6])))
    rows = np.array([0, 1, 3, 4, 5, 6, 7])       # row 2 (a derived indicator) splits 0–1 from 2
    assert dynamic_runs(groups, rows) == (("compound", 0, 2, 0), ("compound", 2, 3, 3), ("additive", 3, 5, 4),
                                          ("compound", 5, 6, 6), ("flow", 6, 7, 7))
    # left out: indicator 1 ends the first run early, indicator 4 shortens the additive run
    assert dynamic_runs(groups, rows, skip={1, 4}) == (("compound", 0, 1, 0), ("compound", 2, 3, 3),
                                                       ("additive", 3, 4, 4), ("compound", 5, 6, 6),
                                                       ("flow", 6, 7, 7))


def _draws(plan, n: int, dtype, seed: int = 0) -> tuple:
    """The paces of ``plan`` moved by large random amounts, (n, D, Y), some leaving the domain."""
    res = resolve(plan, load_scenario("plan"))
    compiled = compile_plan(plan, res.years[-1])
    rng = np.random.default_rng(seed)
    paths = np.nan_to_num(res.kernel_drivers, nan=7.0)
    spread = np.where([d.dynamic == "compound" for d in plan.drivers], 8.0, np.abs(paths).max(axis=1) + 1)[:, None]
    drivers = (paths + rng.normal(size=(n, *paths.shape)) * spread).astype(dtype)
    return compiled, drivers


def _plain(compiled, drivers: np.ndarray, clipped: np.ndarray) -> np.ndarray:
    """Each driver alone, year by year, through the step functions and a clip: the reference."""
    S, D, Y = drivers.shape
    out = np.empty((S, D, Y + 1), dtype=drivers.dtype)
    dynamic = {int(d): dyn for dyn, idx in compiled.groups for d in idx}
    for d in range(D):
        row = compiled.driver_rows[d]
        low, high = (np.asarray(b[row], dtype=drivers.dtype) for b in (compiled.low, compiled.high))
        level = np.full(S, compiled.base[d], dtype=drivers.dtype)
        out[:, d, 0] = level
        for t in range(Y):
            level = STEPS[dynamic[d]](level, drivers[:, d, t].copy())
            clipped[:, row] |= (level < low) | (level > high) | np.isnan(level)
            level = np.where(np.isnan(level), low, np.clip(level, low, high))
            out[:, d, t + 1] = level
    return out


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_stacked_runs_equal_a_plain_loop_bit_for_bit(plan, dtype):
    compiled, drivers = _draws(plan, 300, dtype)
    S, D, Y = drivers.shape
    clipped = np.zeros((S, compiled.n_indicators), dtype=bool)
    out = np.empty((Y + 1, compiled.n_indicators, S), dtype=dtype)
    bounds = (compiled.low[compiled.driver_rows], compiled.high[compiled.driver_rows])
    got = project_paths(compiled.base.astype(dtype), drivers, compiled.groups, None, bounds, clipped, out,
                        compiled.driver_rows)[:, compiled.driver_rows]
    want_clipped = np.zeros_like(clipped)
    want = _plain(compiled, drivers, want_clipped)
    assert np.array_equal(got, want)
    assert np.array_equal(clipped, want_clipped) and clipped.any() and not clipped.all()


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_a_stack_equals_each_draw_alone_with_links_followed_or_set_by_hand(plan, dtype):
    compiled, drivers = _draws(plan, 40, dtype, seed=1)
    linked = [link.d for link in compiled.links]
    drivers[::2, linked] = np.nan                          # even draws follow the links, odd set them
    drivers[1::4, linked[0]] = np.nan                      # and some follow only the first
    clipped = np.zeros((len(drivers), compiled.n_indicators), dtype=bool)
    stack = project_array(compiled, drivers, clip=True, clipped=clipped)
    for s in range(len(drivers)):
        alone_clipped = np.zeros((1, compiled.n_indicators), dtype=bool)
        alone = project_array(compiled, drivers[s:s + 1], clip=True, clipped=alone_clipped)
        assert np.array_equal(stack[s], alone[0], equal_nan=True)
        assert np.array_equal(clipped[s], alone_clipped[0])


def test_links_sharing_an_input_give_the_same_growth_as_computed_alone(plan):
    compiled, drivers = _draws(plan, 50, np.float32, seed=2)
    drivers[:, [link.d for link in compiled.links]] = np.nan
    values = np.ascontiguousarray(project_array(compiled, drivers, clip=True).transpose(2, 1, 0))
    memo: dict = {}
    shared = [linked_growth(link, values, memo) for link in compiled.links]
    assert len(memo) < sum(len(link.terms) for link in compiled.links)   # some factor was reused
    for link, growth in zip(compiled.links, shared, strict=True):
        assert np.array_equal(growth, linked_growth(link, values))
