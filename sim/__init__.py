"""Five-year-plan scenario simulator: the engine (no user interface here).

>>> from sim import load_plan, load_scenario, project, check_targets
>>> plan = load_plan()                          # Ganzhou's 15th Five-Year Plan, embedded
>>> proj = project(plan, ["plan", "momentum"])  # names in scenarios/, paths, or Scenario objects
>>> table = check_targets(proj)                 # one row per scenario and target/milestone
>>> long = proj.to_long()                       # scenario, indicator, name, unit, year, value, basis
"""

from sim.engine.check import check_targets
from sim.engine.kernel import compile_plan, project_array
from sim.engine.projection import Projection, project
from sim.engine.resolve import resolve
from sim.engine.sweep import SweepResult, sweep
from sim.engine.targets import TargetResults, evaluate_targets
from sim.io.errors import ExportError, InputError, PlanError, ScenarioError
from sim.io.plan import Indicator, Plan, Sourced, Target, load_plan
from sim.io.scenario import Scenario, list_scenarios, load_scenario, scenario_from_text
from sim.io.schema import CHECK_COLUMNS, LONG_COLUMNS

__all__ = [
    "CHECK_COLUMNS",
    "LONG_COLUMNS",
    "ExportError",
    "Indicator",
    "InputError",
    "Plan",
    "PlanError",
    "Projection",
    "Scenario",
    "ScenarioError",
    "Sourced",
    "SweepResult",
    "Target",
    "TargetResults",
    "check_targets",
    "compile_plan",
    "evaluate_targets",
    "list_scenarios",
    "load_plan",
    "load_scenario",
    "project",
    "project_array",
    "resolve",
    "scenario_from_text",
    "sweep",
]
