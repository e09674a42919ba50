"""The Monte Carlo and goal-seek API given what a careless caller passes: a scenario by name (as
``project`` takes it), a scenario of the wrong type, a bad ``sample`` or ``draws``. Each is one
:class:`~sim.io.errors.InputError` naming the argument, never an AttributeError or numpy's
"need at least one array to concatenate"."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from sim import load_scenario, scenario_from_text
from sim.io.errors import InputError
from sim.uncertainty.goalseek import requirements
from sim.uncertainty.montecarlo import run_montecarlo


def test_a_scenario_by_name_runs_as_the_loaded_scenario(plan):
    by_name = run_montecarlo(plan, "cautious", 512, 3, sample=0)
    loaded = run_montecarlo(plan, load_scenario("cautious"), 512, 3, sample=0)
    assert by_name.probabilities()["p_met"].tolist() == loaded.probabilities()["p_met"].tolist()


@pytest.mark.parametrize(("scenario", "line"), [
    (123, "arguments: scenario: expected a scenario, its name, title or path, got int"),
    (None, "arguments: scenario: expected a scenario, its name, title or path, got NoneType"),
    ("", "arguments: scenario: expected non-empty text"),
    ("nosuch", "nosuch: unknown scenario; available: ambitious, cautious, momentum, plan, uncertain"),
])
def test_a_scenario_that_is_none_is_one_line(plan, scenario, line):
    # Before: AttributeError: 'str' object has no attribute 'effective_horizon'.
    for call in (lambda: run_montecarlo(plan, scenario, 100), lambda: requirements(plan, scenario, 0.8, draws=100)):
        with pytest.raises(InputError) as err:
            call()
        assert err.value.message == line


@pytest.mark.parametrize(("sample", "shown"), [(-1, "-1"), (1.5, "1.5"), ("x", "'x'"), (True, "True")])
def test_a_bad_sample_is_one_line(plan, sample, shown):
    # -1 raised numpy's "negative dimensions are not allowed"; 1.5 was taken as 1.
    with pytest.raises(InputError) as err:
        run_montecarlo(plan, "plan", 100, sample=sample)
    assert err.value.message == f"arguments: sample: {shown} must be a whole number ≥ 0"


@pytest.mark.parametrize(("draws", "reason"), [(0, "0 must be a whole number ≥ 1"), ("x", "'x' must be a whole number ≥ 1"),
                                               (10**10, "10,000,000,000 is more than the limit of 1,000,000,000")])
def test_the_goal_seek_checks_its_draws_as_the_monte_carlo_does(plan, draws, reason):
    # 0 raised "need at least one array to concatenate"; 10**10 would have tried to hold every draw.
    with pytest.raises(InputError) as err:
        requirements(plan, "plan", 0.8, draws=draws)
    assert err.value.message.startswith(f"arguments: draws: {reason}")


def test_a_probability_given_as_text_is_one_line(plan):
    with pytest.raises(InputError, match="^arguments: probability: "):
        requirements(plan, "plan", "0.8", draws=100)


HEAD = '[scenario]\nname = "bad"\ntitle_zh = "坏"\ntitle_en = "Bad"\nparent = "plan"\n'


@pytest.mark.parametrize(("body", "field"), [
    # a spread of 1,000 log points a year: draws overflowed float32, quantiles and kept draws were inf/NaN
    ("[uncertainty]\nvisitors = { sd = 1000.0 }\n", "uncertainty.visitors"),
    ('[uncertainty]\nvisitors = { dist = "uniform", low = -1e300, high = 1e300 }\n', "uncertainty.visitors"),
    # 1e300 万千瓦 a year resolves in double precision (with a warning) but no float32 draw holds it
    ("[drivers]\nnew_energy_capacity = 1e300\n", "drivers.new_energy_capacity"),
])
def test_draws_that_could_pass_single_precision_are_refused_before_drawing(plan, body, field):
    scenario = scenario_from_text(HEAD + body, "s.toml")
    indicator = field.split(".")[1]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)       # the far-outside-range warning of 1e300
        with pytest.raises(InputError) as err:
            run_montecarlo(plan, scenario, 100)
    assert err.value.message == (f"s.toml: {field}: draws of '{indicator}' could pass 3.4e+38, the largest number "
                                 "a Monte Carlo draw holds (single precision)")


def test_a_wide_but_representable_spread_still_runs_with_finite_numbers(plan):
    scenario = scenario_from_text(HEAD + "[uncertainty]\nvisitors = { sd = 100.0 }\n", "s.toml")
    result = run_montecarlo(plan, scenario, 2048, 0, sample=512)
    for table in (result.probabilities(), result.quantiles(), result.draws_table(64)):
        numbers = table.select_dtypes("number").to_numpy(dtype=float)
        assert np.isfinite(numbers[~np.isnan(numbers)]).all()
