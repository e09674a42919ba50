"""Review commands: audit, history, midterm, report."""

from __future__ import annotations

import datetime as dt
import sys

import pandas as pd

from sim.cli.main import UsageError, emit, plan_from_args, scenario_from_ref
from sim.io.actuals import load_actuals

# The review modules are imported by the commands that use them, not here: `fyp --help` and
# `fyp check` should not pay for them (SEVERITIES is a constant of the audit; repeated in the
# test that checks it against sim.review.findings).
SEVERITIES = ("error", "warning", "info")

#: Chinese headers for the columns these commands add (the rest come from sim.report.labels).
HEADERS_ZH = {
    "severity": "级别", "rule": "规则", "arithmetic": "算式", "finding_zh": "发现", "finding_en": "发现(英文)",
    "quotes": "原文", "provisional": "暂定", "stated": "报告值", "computed": "计算值", "finding": "发现",
    "start_year": "起始年", "end_year": "终止年", "measure": "表述", "reading": "理解", "bound": "界限",
    "start_level": "起始水平", "end_level": "终止水平", "index": "指数", "why": "无法推算原因",
    "period": "时期", "past_pace": "过去速度", "past_bound": "过去速度界限", "needed_pace": "所需速度",
    "ratio": "所需/过去", "ratio_alternatives": "其他理解下的倍数", "engine": "模型值", "difference": "差",
    "reproduced": "一致", "used": "用于速度", "goal": "目标水平", "as_of": "观测年", "actual": "实际值",
    "elapsed_share": "时间进度", "covered_share": "任务进度", "progress": "进度比", "achieved_pace": "已实现速度",
    "required_pace": "所需速度", "verdict": "判断",
}
AUDIT_VIEW = ["severity", "rule", "name", "year", "arithmetic", "finding"]
MIDTERM_VIEW = ["name", "kind", "target", "as_of", "actual", "elapsed_share", "covered_share", "progress",
                "achieved_pace", "required_pace", "pace_unit", "verdict"]


def register(sub, parents) -> None:
    p = sub.add_parser("audit", parents=parents, help="check the plan's own numbers for consistency")
    p.add_argument("-o", "--output", metavar="FILE", help="write .csv (UTF-8 with BOM) or .xlsx")
    p.add_argument("--severity", choices=SEVERITIES, help="only findings of this severity")
    p.add_argument("--all-columns", action="store_true", help="every column, not a terminal view")
    p.set_defaults(run=cmd_audit)

    p = sub.add_parser("history", parents=parents,
                       help="the previous plan period: derived start levels, past vs needed pace, back-cast")
    p.add_argument("-o", "--output", metavar="FILE", help="write .csv (UTF-8 with BOM) or .xlsx")
    view = p.add_mutually_exclusive_group()
    view.add_argument("--pace", action="store_true", help="2021–2025 pace against the pace 2026–2030 needs")
    view.add_argument("--backcast", action="store_true",
                      help="run the engine from the start year at the recorded pace and compare")
    p.set_defaults(run=cmd_history)

    p = sub.add_parser("midterm", parents=parents, help="mid-term review: progress of each target (时间过半、任务过半)")
    p.add_argument("scenario", metavar="SCENARIO", help="scenario whose actuals are used (name, title or path)")
    p.add_argument("--actuals", metavar="FILE", help="observed values (.csv: indicator,year,value or .toml)")
    p.add_argument("--as-of", type=int, metavar="YEAR", help="review year (default: the latest actual)")
    p.add_argument("-o", "--output", metavar="FILE", help="write .csv (UTF-8 with BOM) or .xlsx")
    p.add_argument("--all-columns", action="store_true", help="every column, not a terminal view")
    p.set_defaults(run=cmd_midterm)

    p = sub.add_parser("report", parents=parents, help="printable brief in Chinese (.pdf or .html)")
    p.add_argument("scenarios", nargs="+", metavar="SCENARIO", help="the first is the subject; others are compared")
    p.add_argument("-o", "--output", metavar="FILE", required=True, help="brief.pdf or brief.html")
    p.add_argument("--actuals", metavar="FILE", help="observed values added to every scenario")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="date printed on the brief (default: today)")
    p.set_defaults(run=cmd_report)


def _zh(frame: pd.DataFrame, args) -> pd.DataFrame:
    from sim.review.audit import SEVERITY_ZH
    from sim.review.history import MEASURE_ZH
    from sim.review.midterm import VERDICT_ZH

    if getattr(args, "lang", "en") != "zh":
        return frame
    out = frame.copy()
    if "severity" in out:
        out["severity"] = out["severity"].map(SEVERITY_ZH)
    if "verdict" in out:
        out["verdict"] = out["verdict"].map(VERDICT_ZH)
    if "measure" in out:
        out["measure"] = out["measure"].map(MEASURE_ZH)
    if "reading" in out:
        out["reading"] = out["reading"].map({"used": "采用", "alternative": "另一理解"})
    return out.rename(columns=HEADERS_ZH)


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
        c = summary(findings)
        print(f"{c['error']} errors, {c['warning']} warnings, {c['info']} notes"
              f"{'; ' + str(int(findings['provisional'].sum())) + ' provisional (rest on assumed numbers)' if len(findings) else ''}")
    return 0


def cmd_history(args) -> int:
    from sim.review.history import backcast, history_table, pace_comparison

    plan = plan_from_args(args)
    if args.pace:
        table = pace_comparison(plan).drop(columns=["note"] if not args.output else [])
        sheet = "pace"
    elif args.backcast:
        table, sheet = backcast(plan).table, "backcast"
    else:
        table = history_table(plan)
        if not args.output:
            table = table.drop(columns=["note", "quote", "why"])
        sheet = "history"
    emit(_zh(table, args), args, sheet=sheet)
    return 0


def cmd_midterm(args) -> int:
    from sim.review.midterm import counts, midterm_review, scenario_actuals

    plan = plan_from_args(args)
    scenario = scenario_from_ref(args.scenario)
    actuals = scenario_actuals(scenario)
    source = scenario.path
    if args.actuals:
        for key, obs in load_actuals(args.actuals).items():
            actuals.setdefault(key, {}).update(obs)
        source = args.actuals
    if not actuals:
        raise UsageError(args.scenario, "actuals", "no observed values: give --actuals FILE or a scenario with "
                         "[actuals] tables")
    review = midterm_review(plan, actuals, args.as_of, source=source)
    table = review if (args.output or args.all_columns) else review[MIDTERM_VIEW]
    emit(_zh(table, args), args, sheet="midterm")
    if not args.output:
        c = counts(review)
        print(f"{c['ahead']} ahead, {c['on_track']} on track, {c['behind']} behind, {c['no_data']} without data")
    return 0


def cmd_report(args) -> int:
    from sim.report.brief.content import write_brief

    plan = plan_from_args(args)
    when = None
    if args.date:
        try:
            when = dt.date.fromisoformat(args.date)
        except ValueError:
            raise UsageError("--date", "date", f"'{args.date}' is not a date such as 2026-03-01") from None
    scenarios = [scenario_from_ref(r) for r in args.scenarios]
    actuals = load_actuals(args.actuals) if args.actuals else None
    path = write_brief(plan, scenarios, args.output, actuals=actuals, when=when)
    print(f"wrote {path}", file=sys.stderr)
    return 0


__all__ = ["register"]
