"""Review commands: audit, history, midterm, monitor, report."""

from __future__ import annotations

import datetime as dt
import sys

import pandas as pd

from sim.cli import add_command
from sim.cli.main import UsageError, emit, nonblank, plan_from_args, scenario_from_ref
from sim.cli.words import say
from sim.io.actuals import load_actuals
from sim.io.attribute import ATTRIBUTE_ZH
from sim.report.labels import REVIEW_COLUMNS_ZH, flag_words

# The review modules are imported by the commands that use them, not here: `fyp --help` and
# `fyp check` should not pay for them (SEVERITIES is the audit's constant, repeated here; a test
# checks the two agree).
SEVERITIES = ("error", "warning", "info")

#: Values of the review tables' own codes in Chinese: the basis of a target's 属性 (an override is
#: ``edited``), a yes/no column.
BINDING_BASIS_ZH = {"reported": "报告数据", "assumed": "假设", "edited": "用户修改", "": "—"}
AUDIT_VIEW = ["severity", "rule", "name", "year", "arithmetic", "finding"]
MIDTERM_VIEW = ["name", "kind", "target", "as_of", "actual", "scheduled", "elapsed_share", "covered_share",
                "progress", "achieved_pace", "required_pace", "pace_unit", "verdict"]
MONITOR_VIEW = ["name", "binding", "unit", "as_of", "actual", "scheduled", "completion_pct", "verdict", "warning"]
NEXT_VIEW = ["name", "binding", "from_year", "actual", "next_year", "need_level", "need_pace", "steady_pace",
             "scenario_pace", "pace_unit"]


def register(sub, parents) -> None:
    p = add_command(sub, "audit", parents)
    p.add_argument("-o", "--output", type=nonblank, metavar="FILE", help="write .csv (UTF-8 with BOM) or .xlsx")
    p.add_argument("--severity", choices=SEVERITIES, help="only findings of this severity")
    p.add_argument("--all-columns", action="store_true", help="every column, not a terminal view")
    p.set_defaults(run=cmd_audit)

    p = add_command(sub, "history", parents)
    p.add_argument("-o", "--output", type=nonblank, metavar="FILE", help="write .csv (UTF-8 with BOM) or .xlsx")
    view = p.add_mutually_exclusive_group()
    view.add_argument("--pace", action="store_true", help="2021–2025 pace against the pace 2026–2030 needs")
    view.add_argument("--backcast", action="store_true",
                      help="run the engine from the start year at the recorded pace and compare")
    p.set_defaults(run=cmd_history)

    p = add_command(sub, "midterm", parents)
    p.add_argument("scenario", type=nonblank, metavar="SCENARIO", help="scenario whose actuals are used (name, title or path)")
    p.add_argument("--actuals", type=nonblank, metavar="FILE", help="observed values (.csv: indicator,year,value or .toml)")
    p.add_argument("--as-of", type=int, metavar="YEAR", help="review year (default: the mid-term year, 2028)")
    p.add_argument("-o", "--output", type=nonblank, metavar="FILE", help="write .csv (UTF-8 with BOM) or .xlsx")
    p.add_argument("--all-columns", action="store_true", help="every column, not a terminal view")
    p.set_defaults(run=cmd_midterm)

    p = add_command(sub, "monitor", parents)
    p.add_argument("scenario", type=nonblank, metavar="SCENARIO", help="scenario whose actuals (and next-year pace) are used")
    p.add_argument("--actuals", type=nonblank, metavar="FILE", help="observed values (.csv: indicator,year,value or .toml)")
    p.add_argument("--year", type=int, metavar="YEAR", help="monitoring year (default: the latest actual)")
    p.add_argument("--next", action="store_true",
                   help="next year's requirement to get back on the path, beside the scenario's pace")
    p.add_argument("-o", "--output", type=nonblank, metavar="FILE", help="write .csv (UTF-8 with BOM) or .xlsx")
    p.add_argument("--all-columns", action="store_true", help="every column, not a terminal view")
    p.set_defaults(run=cmd_monitor)

    p = add_command(sub, "report", parents)
    p.add_argument("scenarios", type=nonblank, nargs="+", metavar="SCENARIO", help="the first is the subject; others are compared")
    p.add_argument("-o", "--output", type=nonblank, metavar="FILE", required=True,
                   help="brief.pdf or brief.html; 评估.docx for the 年度监测/中期评估 report (needs --actuals)")
    p.add_argument("--actuals", type=nonblank, metavar="FILE", help="observed values added to every scenario")
    p.add_argument("--year", type=int, metavar="YEAR", help="monitoring year of a .docx report (default: latest actual)")
    p.add_argument("--date", type=nonblank, metavar="YYYY-MM-DD", help="date printed on the brief (default: today)")
    p.set_defaults(run=cmd_report)


def _zh(frame: pd.DataFrame, args) -> pd.DataFrame:
    from sim.review.findings import RULE_ZH, SEVERITY_ZH
    from sim.review.history import MEASURE_ZH
    from sim.review.midterm import VERDICT_ZH
    from sim.review.monitor import WARNING_ZH

    if getattr(args, "lang", "en") != "zh":
        return frame
    out = frame.copy()
    for column, words in (("severity", SEVERITY_ZH), ("verdict", VERDICT_ZH), ("warning", WARNING_ZH),
                          ("measure", MEASURE_ZH), ("reading", {"used": "采用", "alternative": "另一理解"}),
                          ("rule", RULE_ZH), ("binding_basis", BINDING_BASIS_ZH)):
        if column in out:
            out[column] = out[column].map(lambda v, w=words: w.get(v, v))
    if "binding" in out:
        out["binding"] = out["binding"].map(lambda v: ATTRIBUTE_ZH.get(v, "—"))
    flag_words(out, "zh")  # the terminal would print "yes"
    return out.rename(columns=REVIEW_COLUMNS_ZH)


def cmd_audit(args) -> int:
    from sim.review.audit import audit_plan, summary

    plan = plan_from_args(args)
    findings = audit_plan(plan)
    if args.severity:
        findings = findings[findings["severity"] == args.severity]
    table = findings
    if not (args.output or args.all_columns):
        table = findings.assign(finding=findings["finding_zh" if args.lang == "zh" else "finding_en"])[AUDIT_VIEW]
    emit(_zh(table, args), args, sheet="audit")
    if not args.output:
        provisional = say("audit_provisional", args.lang, n=int(findings["provisional"].sum())) if len(findings) else ""
        print(say("audit_summary", args.lang, **summary(findings)) + provisional)
    return 0


def cmd_history(args) -> int:
    from sim.review.history import backcast, history_table, pace_comparison

    plan = plan_from_args(args)
    if args.pace:
        table = pace_comparison(plan, args.lang).drop(columns=["note"] if not args.output else [])
        sheet = "pace"
    elif args.backcast:
        table, sheet = backcast(plan, lang=args.lang).table, "backcast"
    else:
        table = history_table(plan, args.lang)
        if not args.output:
            table = table.drop(columns=["note", "quote", "why"])
        sheet = "history"
    emit(_zh(table, args), args, sheet=sheet)
    return 0


def _observed(args, ref: str, file: str | None):
    """The scenario, its actuals with those of ``file`` on top, and where they came from."""
    from sim.review.midterm import scenario_actuals

    scenario = scenario_from_ref(ref)
    actuals = scenario_actuals(scenario)
    source = scenario.path
    if file:
        for key, obs in load_actuals(file).items():
            actuals.setdefault(key, {}).update(obs)
        source = file
    if not actuals:
        raise UsageError(ref, "actuals", code="no_actuals")
    return scenario, actuals, source


def cmd_midterm(args) -> int:
    from sim.review.midterm import counts, midterm_review, midterm_year

    plan = plan_from_args(args)
    _, actuals, source = _observed(args, args.scenario, args.actuals)
    review = midterm_review(plan, actuals, args.as_of, source=source, lang=args.lang)
    table = review if (args.output or args.all_columns) else review[MIDTERM_VIEW]
    emit(_zh(table, args), args, sheet="midterm")
    if not args.output:
        print(say("midterm_summary", args.lang, year=args.as_of or midterm_year(plan), **counts(review)))
    return 0


def cmd_monitor(args) -> int:
    from sim.review.monitor import band_summary, monitor, next_year, summary_line

    plan = plan_from_args(args)
    scenario, actuals, source = _observed(args, args.scenario, args.actuals)
    table = monitor(plan, actuals, args.year, source=source, lang=args.lang)
    if args.next:
        need = next_year(plan, actuals, args.year, scenario, source=source, lang=args.lang)
        emit(_zh(need if (args.output or args.all_columns) else need[NEXT_VIEW], args), args, sheet="next_year")
        return 0
    view = table if (args.output or args.all_columns) else table.assign(completion_pct=table["progress"] * 100)[
        MONITOR_VIEW]
    emit(_zh(view, args), args, sheet="monitor")
    if not args.output:
        print(summary_line(table, args.lang))
        print(band_summary(table, args.lang))
    return 0


def cmd_report(args) -> int:
    from sim.report.brief.content import write_brief

    plan = plan_from_args(args)
    when = None
    if args.date:
        try:
            when = dt.date.fromisoformat(args.date)
        except ValueError:
            raise UsageError("--date", "date", code="not_date", params={"value": args.date}) from None
    if args.output.lower().endswith(".docx"):
        return _report_docx(args, plan, when)
    scenarios = [scenario_from_ref(r) for r in args.scenarios]
    actuals = load_actuals(args.actuals) if args.actuals else None
    path = write_brief(plan, scenarios, args.output, actuals=actuals, when=when)
    print(f"wrote {path}", file=sys.stderr)
    return 0


def _report_docx(args, plan, when) -> int:
    from sim.report.docx import write_report

    if len(args.scenarios) > 1:
        raise UsageError("report", "scenarios", code="one_scenario_docx")
    scenario, actuals, source = _observed(args, args.scenarios[0], args.actuals)
    path = write_report(plan, actuals, args.output, args.year, scenario, when=when, source=source)
    print(f"wrote {path}", file=sys.stderr)
    return 0


__all__ = ["register"]
