"""How long the app's server takes to recompute after a slider moves.

A slider move builds the planner's scenario from the base plus the changed driver, projects
the whole plan, checks every target and milestone, and formats the target board. This
script times that on its own (no Streamlit, no caching), as the median of many runs with a
different slider value each time, so nothing is served from a cache.

    .venv/bin/python bench/bench_app.py            # prints the figures
    .venv/bin/python bench/bench_app.py --runs 500
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sim import check_targets, load_plan, load_scenario, project  # noqa: E402
from ui import display  # noqa: E402
from ui import model as m  # noqa: E402

BUDGET_MS = 100.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args(argv)

    plan = load_plan()
    base = load_scenario("plan")
    base_paths = m.paths_of(plan, base)
    state = m.AppScenario()
    engine, total = [], []
    for k in range(args.runs + 5):
        value = 4.0 + (k % 40) * 0.1  # a new slider position every run
        t0 = time.perf_counter()
        new = m.set_path(state, plan, base_paths, "secondary_va", [value] * 5)
        scenario = new.build(base)
        t1 = time.perf_counter()
        check = check_targets(project(plan, [scenario]))
        t2 = time.perf_counter()
        display.board_table(display.board_rows(check, scenario.name, "target"), "zh")
        t3 = time.perf_counter()
        if k >= 5:  # the first runs warm up imports and the plan's compiled arrays
            engine.append((t2 - t1) * 1000)
            total.append((t3 - t0) * 1000)
    med_engine, med_total = statistics.median(engine), statistics.median(total)
    p95 = sorted(total)[int(0.95 * len(total)) - 1]
    print(f"indicators: {len(plan.indicators)}, targets and milestones: {len(check)}, runs: {args.runs}")
    print(f"project + check_targets, one scenario: median {med_engine:.1f} ms")
    print(f"slider move end to end (scenario + project + check + board table): median {med_total:.1f} ms, "
          f"95th percentile {p95:.1f} ms (budget {BUDGET_MS:.0f} ms)")
    return 0 if med_total < BUDGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
