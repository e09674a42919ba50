"""Core commands: indicators, scenarios, run, check, compare, required."""

from __future__ import annotations

import argparse
import sys

from sim.cli import add_command
from sim.cli.main import UsageError, emit, nonblank, plan_from_args, scenario_from_ref
from sim.cli.words import say
from sim.engine.check import check_targets
from sim.engine.projection import project
from sim.io.actuals import load_actuals
from sim.io.scenario import list_scenarios, load_scenario
from sim.io.schema import AREAS
from sim.report.compare import compare_checks, compare_values
from sim.report.export import FORMATS, check_in, projection_frame, write_projection
from sim.report.frames import assumptions_table, indicator_table
from sim.report.labels import localize
from sim.report.terminal import render

CHECK_VIEW = ["scenario", "name", "check", "kind", "target_year", "direction", "target", "projected",
              "status", "gap", "measure_unit", "required", "assumed_pace", "pace_unit", "basis"]


def register(sub, parents) -> None:
    p = add_command(sub, "indicators", parents)
    p.add_argument("-o", "--output", type=nonblank, metavar="FILE", help="write .csv (UTF-8 with BOM) or .xlsx")
    p.add_argument("--area", help="only this area (economy, energy, …)")
    p.set_defaults(run=cmd_indicators)

    p = add_command(sub, "scenarios", parents)
    p.set_defaults(run=cmd_scenarios)

    p = add_command(sub, "run", parents)
    _scenario_args(p, many=True)
    p.add_argument("--format", choices=FORMATS, default="long", help="table shape (default long)")
    p.add_argument("--sources", action="store_true", help="show each driver's path and where it comes from")
    p.set_defaults(run=cmd_run)

    p = add_command(sub, "check", parents)
    _scenario_args(p, many=True)
    p.add_argument("--targets-only", action="store_true", help="leave out the 2026 milestones")
    p.add_argument("--all-columns", action="store_true", help="show every column, not a terminal view")
    p.set_defaults(run=cmd_check)

    p = add_command(sub, "compare", parents)
    _scenario_args(p, many=True)
    p.add_argument("--values", action="store_true", help="compare every indicator's value instead of targets")
    p.add_argument("--year", type=int, help="year for --values (default: the plan's target year)")
    p.set_defaults(run=cmd_compare)

    p = add_command(sub, "required", parents)
    p.add_argument("scenario", type=nonblank, nargs="?", default="plan", help="scenario (default: plan)")
    _io_args(p)
    p.set_defaults(run=cmd_required)


def _scenario_args(p: argparse.ArgumentParser, many: bool) -> None:
    p.add_argument("scenarios", type=nonblank, nargs="+" if many else 1, metavar="SCENARIO",
                   help="name in scenarios/, Chinese/English title, or path to a .toml file")
    _io_args(p)


def _io_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", type=nonblank, metavar="FILE", help="write .csv (UTF-8 with BOM) or .xlsx")
    p.add_argument("--actuals", type=nonblank, metavar="FILE", help="observed values (.csv: indicator,year,value or .toml)")
    p.add_argument("--horizon", type=int, metavar="YEAR", help="last projected year (default: the plan's)")


def _projection(args, refs):
    plan = plan_from_args(args)
    scenarios = [scenario_from_ref(r) for r in refs]
    if getattr(args, "actuals", None):
        observed = load_actuals(args.actuals)
        scenarios = [s.with_changes(name=s.name, title_zh=s.title_zh, title_en=s.title_en,
                                    rationale=s.rationale, actuals=observed, path=args.actuals)
                     for s in scenarios]
    if args.horizon is not None:
        plan.check_horizon(args.horizon, "--horizon", "")
    return project(plan, scenarios, horizon=args.horizon)


def cmd_indicators(args) -> int:
    table = indicator_table(plan_from_args(args), args.lang)
    if args.area and args.area not in AREAS:
        raise UsageError("--area", "area", code="not_choice", params={"value": args.area, "choices": ", ".join(AREAS)})
    if args.area:
        table = table[table["area"] == args.area]
    if not args.output:
        table = table[["indicator", "name", "unit", "area", "baseline", "baseline_basis", "targets", "milestones"]]
    emit(table, args, sheet="indicators")
    return 0


def cmd_scenarios(args) -> int:
    rows = []
    for path in list_scenarios():
        s = load_scenario(path)
        rows.append({"scenario": s.name, "title_zh": s.title_zh, "title_en": s.title_en,
                     "parent": s.parent.name if s.parent else "", "file": str(path)})
    import pandas as pd

    table = pd.DataFrame(rows)
    if args.lang == "zh":  # the English title is for English readers (who see both, as before)
        table = table.drop(columns=["title_en"])
    print(render(localize(table, args.lang)))
    return 0


def cmd_run(args) -> int:
    proj = _projection(args, args.scenarios)
    if args.sources:
        emit(assumptions_table(proj, args.lang), args, sheet="assumptions")
        return 0
    if args.output:
        check = check_targets(proj) if args.output.lower().endswith(".xlsx") else None
        path = write_projection(proj, args.output, args.format, check=check, lang=args.lang)
        print(f"wrote {path}", file=sys.stderr)
        return 0
    frame = projection_frame(proj, args.format, args.lang)
    if args.format == "long":
        frame = frame.drop(columns=["indicator"])
    emit(frame, args)
    return 0


def cmd_check(args) -> int:
    proj = _projection(args, args.scenarios)
    table = check_in(check_targets(proj, milestones=not args.targets_only), proj, args.lang)
    if not (args.output or args.all_columns):
        table = table[CHECK_VIEW]
    emit(table, args, sheet="target_check")
    if not args.output:
        _summary(table, args.lang)
    return 0


def _summary(table, lang: str = "en") -> None:
    for name, rows in table.groupby("scenario", sort=False):
        counts = rows["status"].value_counts()
        assumed = int(rows["assumed"].sum()) if "assumed" in rows else int((rows["basis"] == "assumed").sum())
        print(say("check_summary", lang, name=name, met=counts.get("met", 0), at_risk=counts.get("at_risk", 0),
                  missed=counts.get("missed", 0), assumed=assumed))


def cmd_compare(args) -> int:
    if len(args.scenarios) < 2:
        print("error: compare needs at least two scenarios", file=sys.stderr)
        return 2
    proj = _projection(args, args.scenarios)
    if args.values:
        year = args.year or proj.plan.target_year
        if year not in proj.years:
            raise UsageError("--year", "year", code="year_outside_projection",
                             params={"year": year, "first": proj.years[0], "last": proj.years[-1]})
        table = compare_values(proj.to_long(), year)
    else:
        table = compare_checks(check_targets(proj, milestones=False))
    emit(table, args, sheet="compare")
    return 0


def cmd_required(args) -> int:
    proj = _projection(args, [args.scenario])
    table = check_in(check_targets(proj), proj, args.lang)
    # direction tells how to read `required`: at least this pace (at_least, hold) or at most it (at_most)
    view = table[["name", "check", "kind", "target_year", "direction", "target", "measure_unit", "last_actual_year",
                  "required", "assumed_pace", "pace_unit", "status", "basis"]]
    emit(table if args.output else view, args, sheet="required")
    return 0
