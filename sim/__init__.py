"""Five-year-plan scenario simulator (engine).

>>> from sim import load_plan, load_scenario, project, check_targets
>>> plan = load_plan()                      # Ganzhou's 15th Five-Year Plan
>>> proj = project(plan, ["plan", "momentum"])
>>> table = check_targets(proj)             # one row per scenario and target
"""
