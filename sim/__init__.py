"""Five-year-plan scenario simulator: the engine (no user interface here).

>>> from sim import load_plan, load_scenario, project, check_targets
>>> plan = load_plan()                          # Ganzhou's 15th Five-Year Plan, embedded
>>> proj = project(plan, ["plan", "momentum"])  # names in scenarios/, paths, or Scenario objects
>>> table = check_targets(proj)                 # one row per scenario and target/milestone
>>> long = proj.to_long()                       # scenario, indicator, name, unit, year, value, basis

Each public name is imported from its home in ``io`` or ``engine`` when first used, so ``import sim`` (and
``fyp --help``) costs neither numpy nor pandas.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

#: Where each public name lives. They are imported on first use (PEP 562), so that ``python -m sim``
#: (which imports this package first) pays for none of them before it knows which command runs.
_HOMES = {
    "check_targets": "sim.engine.check",
    "compile_plan": "sim.engine.kernel",
    "project_array": "sim.engine.kernel",
    "Projection": "sim.engine.projection",
    "project": "sim.engine.projection",
    "resolve": "sim.engine.resolve",
    "SweepResult": "sim.engine.sweep",
    "sweep": "sim.engine.sweep",
    "TargetResults": "sim.engine.targets",
    "evaluate_targets": "sim.engine.targets",
    "ExportError": "sim.io.errors",
    "InputError": "sim.io.errors",
    "PlanError": "sim.io.errors",
    "ScenarioError": "sim.io.errors",
    "Indicator": "sim.io.plan",
    "Plan": "sim.io.plan",
    "Sourced": "sim.io.plan",
    "Target": "sim.io.plan",
    "load_plan": "sim.io.plan",
    "Scenario": "sim.io.scenario",
    "list_scenarios": "sim.io.scenario",
    "load_scenario": "sim.io.scenario",
    "scenario_from_text": "sim.io.scenario",
    "CHECK_COLUMNS": "sim.io.schema",
    "LONG_COLUMNS": "sim.io.schema",
}

if TYPE_CHECKING:  # the same names, eagerly, for type checkers and editors
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


def __getattr__(name: str):
    """Import a public name from its home on first use and keep it here."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'sim' has no attribute '{name}'")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


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
