"""Five-year-plan scenario simulator: the engine (no user interface here).

>>> from sim import load_plan, load_scenario, project, check_targets
>>> plan = load_plan()                          # Ganzhou's 15th Five-Year Plan, embedded
>>> proj = project(plan, ["plan", "momentum"])  # names in scenarios/, paths, or Scenario objects
>>> table = check_targets(proj)                 # one row per scenario and target/milestone
>>> long = proj.to_long()                       # scenario, indicator, name, unit, year, value, basis
"""

from .errors import ExportError, InputError, PlanError, ScenarioError
from .plan import Indicator, Plan, Sourced, Target, load_plan
from .projection import Projection, compile_plan, project, project_array
from .scenario import Scenario, list_scenarios, load_scenario, resolve, scenario_from_text
from .schema import CHECK_COLUMNS, LONG_COLUMNS
from .targets import TargetResults, check_targets, evaluate_targets

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
]
