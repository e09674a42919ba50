"""Uncertainty commands: ``fyp mc`` (Monte Carlo, goal seek) and ``fyp sensitivity`` (tornado)."""

from __future__ import annotations

import argparse
import math
import re
import sys
import time

import pandas as pd

from sim.cli import add_command
from sim.cli.main import emit, nonblank, plan_from_args, scenario_from_ref
from sim.cli.words import say
from sim.io.actuals import load_actuals
from sim.io.errors import InputError
from sim.uncertainty.montecarlo import BLOCK, DEFAULT_CHUNK, check_keep, run_montecarlo
from sim.uncertainty.spec import check_scale, uncertainty_for

MC_VIEW = ["name", "check", "kind", "target_year", "direction", "target", "measure_unit", "projected",
           "status", "p_met_pct", "se_pct", "ci95_low_pct", "ci95_high_pct", "p_at_risk_pct", "projected_p5", "projected_p50",
           "projected_p95"]
#: Probability columns shown in per cent in the terminal (files keep fractions).
PERCENT = {"p_met": "p_met_pct", "p_met_se": "se_pct", "p_met_low": "ci95_low_pct", "p_met_high": "ci95_high_pct",
           "p_at_risk": "p_at_risk_pct", "p_now": "p_now_pct", "p_achieved": "p_achieved_pct"}
GOAL_VIEW = ["name", "check", "kind", "target_year", "target", "p_now_pct", "drivers", "shift", "shift_unit",
             "pace_needed", "pace_unit", "p_achieved_pct", "method", "note"]
TORNADO_VIEW = ["name", "target_year", "kind", "target", "base_gap", "step", "rank", "driver_name", "size",
                "pace_unit", "change_down", "change_up", "measure_unit"]


def _english(view: list[str], lang: str) -> list[str]:
    """In English, the terminal shows the English names (files always keep ``name`` in Chinese)."""
    if lang == "zh":
        return view
    return [{"name": "name_en", "driver_name": "driver_name_en"}.get(c, c) for c in view]


def _goal_in(table, plan, lang: str):
    """The goal seek's table for ``lang``: in Chinese the moved drivers, and each one's pace, are
    named by their Chinese names (the note is already in ``lang``,
    :func:`sim.uncertainty.goalseek.requirements`)."""
    if lang != "zh":
        return table
    names = {ind.id: ind.name_zh for ind in plan.indicators}

    def chinese(items: str) -> str:   # "primary_va, secondary_va" or "primary_va 6.41, secondary_va 9.47"
        return "、".join(" ".join([names.get(x.split(" ")[0], x.split(" ")[0]), *x.split(" ")[1:]])
                        for x in items.split(", ")) if items else items

    return table.assign(drivers=table["drivers"].map(chinese), paces=table["paces"].map(chinese))


def _terminal_in(table, lang: str):
    """In Chinese, the terminal leaves out the English-name column (files keep it, headed 英文名称)."""
    return table.drop(columns=["name_en"], errors="ignore") if lang == "zh" else table


def register(sub, parents) -> None:
    p = add_command(sub, "mc", parents,
                    description="Probability of meeting every target (with a 95% Wilson interval), fan-chart "
                                "quantiles, the draws themselves, or the pace needed for a probability.")
    p.add_argument("scenario", type=nonblank, metavar="SCENARIO", help="name in scenarios/, title, or path to a .toml file")
    p.add_argument("--draws", type=_count, default=100_000, help="number of draws (default 100000)")
    p.add_argument("--seed", type=_seed, default=0, help="random seed; the same seed gives the same numbers "
                   "(default 0)")
    p.add_argument("--chunk", type=_count, default=DEFAULT_CHUNK,
                   help=f"draws per chunk of work, rounded up to a multiple of {BLOCK}; sets memory use, "
                        f"not results (default {DEFAULT_CHUNK})")
    p.add_argument("--scale", type=_scale, default=1.0, help="multiply every spread (0–10, default 1)")
    p.add_argument("--persistence", type=_unit_interval, help="year-to-year persistence of deviations, 0–1 "
                   "(default: the scenario's, else 0)")
    what = p.add_mutually_exclusive_group()
    what.add_argument("--quantiles", action="store_true", help="P5/P25/P50/P75/P95 of every indicator and year")
    what.add_argument("--keep", type=_count, metavar="K", help="the first K draws, one row per draw, "
                      "indicator and year")
    what.add_argument("--goal", type=_probability, metavar="P",
                      help="the pace each target's drivers need to meet it with probability P (e.g. 0.8 or "
                           "80%%; simulated on up to 20000 draws)")
    what.add_argument("--spreads", action="store_true", help="the uncertainty of every driver (no simulation)")
    p.add_argument("--targets-only", action="store_true", help="leave out the 2026 milestones")
    p.add_argument("--progress", action="store_true", help="show progress even when stderr is not a terminal")
    p.add_argument("--actuals", type=nonblank, metavar="FILE", help="observed values (.csv: indicator,year,value or .toml)")
    p.add_argument("-o", "--output", type=nonblank, dest="output", metavar="FILE", help="write .csv (UTF-8 with BOM) or .xlsx")
    p.set_defaults(run=cmd_mc)

    p = add_command(sub, "sensitivity", parents)
    p.add_argument("scenario", type=nonblank, metavar="SCENARIO", help="name in scenarios/, title, or path to a .toml file")
    p.add_argument("--target", type=nonblank, metavar="INDICATOR", help="only this indicator's targets")
    p.add_argument("--step", choices=("unit", "sd", "both"), default="both",
                   help="move each driver by one unit, one standard deviation, or both (default)")
    p.add_argument("--top", type=_count, metavar="N", help="only the N drivers that matter most per target")
    p.add_argument("--milestones", action="store_true", help="also the 2026 milestones")
    p.add_argument("--actuals", type=nonblank, metavar="FILE", help="observed values (.csv: indicator,year,value or .toml)")
    p.add_argument("-o", "--output", type=nonblank, dest="output", metavar="FILE", help="write .csv (UTF-8 with BOM) or .xlsx")
    p.set_defaults(run=cmd_sensitivity)


# --------------------------------------------------------------------------- argument types

#: A whole number, its digits optionally grouped by thousands with ``,`` or ``_`` (1,000,000).
_WHOLE = re.compile(r"-?(?:\d{1,3}(?:[,_]\d{3})+|\d+)")


def _whole(text: str, least: int, why: str) -> int:
    """A whole number of at least ``least``. Commas and underscores must group thousands: ``6,5``
    (a decimal comma) was read as 65 when every comma was simply dropped."""
    if not _WHOLE.fullmatch(text.strip()):
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number")
    value = int(text.strip().replace("_", "").replace(",", ""))
    if value < least:
        raise argparse.ArgumentTypeError(f"{value} {why}")
    return value


def _count(text: str) -> int:
    return _whole(text, 1, "must be at least 1")


def _seed(text: str) -> int:
    return _whole(text, 0, "must not be negative")


def _number(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"'{text}' is not a finite number")
    return value


def _scale(text: str) -> float:
    try:
        return check_scale(_number(text), "--scale", "")
    except InputError as exc:
        raise argparse.ArgumentTypeError(exc.reason) from None


def _unit_interval(text: str) -> float:
    value = _number(text)
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"{value} must be between 0 and 1")
    return value


def _probability(text: str) -> float:
    value = _number(text.rstrip("%")) / (100 if text.endswith("%") else 1)
    if not 0 < value < 1:
        raise argparse.ArgumentTypeError(f"{text} must be a probability strictly between 0 and 1 (e.g. 0.8 or 80%)")
    return value


# --------------------------------------------------------------------------- progress

class Progress:
    """One self-rewriting line on stderr: drawn only on a terminal, or when asked."""

    def __init__(self, label: str, force: bool = False, stream=None):
        self.stream = stream or sys.stderr
        self.label = label
        self.on = force or self.stream.isatty()
        self.started = time.perf_counter()
        self.drawn = False

    def __call__(self, done: int, total: int) -> None:
        if not self.on:
            return
        width = 30
        filled = int(width * done / total)
        seconds = time.perf_counter() - self.started
        print(f"\r{self.label} [{'#' * filled}{'.' * (width - filled)}] {done:,}/{total:,} draws, {seconds:.1f} s",
              end="", file=self.stream, flush=True)
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            print(file=self.stream, flush=True)
            self.drawn = False


# --------------------------------------------------------------------------- commands

def _scenario(args):
    scenario = scenario_from_ref(args.scenario)
    if getattr(args, "actuals", None):
        scenario = scenario.with_changes(name=scenario.name, title_zh=scenario.title_zh,
                                         title_en=scenario.title_en, rationale=scenario.rationale,
                                         actuals=load_actuals(args.actuals), path=args.actuals)
    return scenario


def cmd_mc(args) -> int:
    from sim.uncertainty.goalseek import requirements  # with pandas-heavy tables: only for --goal

    plan = plan_from_args(args)
    scenario = _scenario(args)
    lang = getattr(args, "lang", "en")
    if args.spreads:
        unc = uncertainty_for(plan, scenario, scale=args.scale, persistence=args.persistence)
        table = unc.table(lang)
        # pandas stores the engine's labels as plain text; the words in each language need their codes
        table["origin"] = pd.Series([m.origin for m in unc.marginals], index=table.index, dtype=object)
        emit(table, args, title=say("spreads_title", lang, title=scenario.title(lang),
                                              persistence=unc.persistence, scale=unc.scale))
        return 0
    if args.goal is not None:
        unc = uncertainty_for(plan, scenario, scale=args.scale, persistence=args.persistence)
        table = requirements(plan, scenario, args.goal, draws=min(args.draws, 20_000), seed=args.seed,
                             milestones=not args.targets_only, uncertainty=unc, lang=lang)
        table = _goal_in(table, plan, lang)
        emit(table if args.output else _view(table, _english(GOAL_VIEW, lang)), args,
             title=say("goal_title", lang, title=scenario.title(lang), p=args.goal, seed=args.seed))
        return 0
    if args.keep:
        check_keep(plan, len(plan.years(scenario.effective_horizon)) - 1, min(args.keep, args.draws))
    progress = Progress(f"mc {scenario.name}", force=args.progress)
    try:
        result = run_montecarlo(plan, scenario, args.draws, args.seed, scale=args.scale,
                                persistence=args.persistence, milestones=not args.targets_only,
                                chunk=args.chunk, sample=args.keep, progress=progress)
    finally:
        progress.close()
    title = say("mc_title", lang, title=scenario.title(lang), draws=result.draws, seed=result.seed,
                seconds=result.seconds)
    if result.clipped_draws:
        print(f"note: {result.clipped_note()}", file=sys.stderr)
    if args.quantiles:
        quantiles = result.quantiles(lang)
        emit(quantiles if args.output else _terminal_in(quantiles, lang), args, title=title)
    elif args.keep:
        emit(result.draws_table(args.keep), args, title=title)
    else:
        table = result.probabilities(lang)
        emit(table if args.output else _view(table, _english(MC_VIEW, lang)), args, title=title)
    return 0


def _view(table, columns):
    """The terminal's columns, probabilities in per cent."""
    out = table.copy()
    for name, pct in PERCENT.items():
        if name in out.columns:
            out[pct] = out[name] * 100
    return out[columns]


def cmd_sensitivity(args) -> int:
    from sim.uncertainty.sensitivity import tornado

    plan = plan_from_args(args)
    scenario = _scenario(args)
    lang = getattr(args, "lang", "en")
    targets = None
    if args.target:
        plan.indicator(args.target)  # an unknown id fails with the list of known ones
        targets = tuple(t for t in plan.targets + (plan.milestones if args.milestones else ())
                        if t.indicator == args.target)
    table = tornado(plan, scenario, milestones=args.milestones, targets=targets, lang=lang)
    if not table.empty:
        if args.step != "both":
            table = table[table.step == args.step]
        if args.top:
            table = table[table["rank"] <= args.top]
    emit(table if args.output else table[[c for c in _english(TORNADO_VIEW, lang) if c in table.columns]], args,
         title=say("tornado_title", lang, title=scenario.title(lang)))
    return 0
