"""``fyp draft``: a plan file drafted from a government work report, with its review table."""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

from sim.cli import add_command
from sim.cli.main import UsageError, nonblank
from sim.draft import draft_from_path
from sim.draft.decisions import validated
from sim.draft.lexicon import BY_ID
from sim.draft.review import review_bytes
from sim.draft.score import score_all
from sim.io.errors import InputError
from sim.io.plan import load_plan
from sim.report.export import write_atomic
from sim.report.terminal import render


def register(sub, parents) -> None:
    # The common --plan/--lang options do not apply: the plan is what this command makes.
    p = add_command(sub, "draft")
    p.add_argument("report", type=nonblank, metavar="REPORT", help="the work report as a text file")
    p.add_argument("-o", "--output", type=nonblank, metavar="FILE.toml", required=True, help="the plan file to write")
    p.add_argument("--district", type=nonblank, metavar="NAME", help="district name (default: read from the report)")
    p.add_argument("--review", type=nonblank, metavar="FILE.csv",
                   help="every number read, with its quote, reading, confidence and why it was dropped")
    p.add_argument("--compare", type=nonblank, metavar="PLAN.toml",
                   help="score the draft against a hand-made plan file (recall and precision)")
    p.set_defaults(run=cmd_draft)


def _outputs(args: argparse.Namespace) -> list[tuple[Path, str]]:
    report = Path(args.report).resolve()
    out = [(Path(args.output), ".toml")] + ([(Path(args.review), ".csv")] if args.review else [])
    for path, suffix in out:
        if path.suffix.lower() != suffix:
            raise UsageError(str(path), "output", code="must_end_in", params={"suffix": suffix})
        if path.resolve() == report:
            raise UsageError(str(path), "output", code="would_overwrite_report")
        folder = path.parent if str(path.parent) else Path(".")
        if not folder.is_dir():
            raise UsageError(str(path), "output", code="no_folder", params={"folder": folder})
    return out


def _scores(draft_plan, reference) -> str:
    rows = [{"numbers": name, "found": s.found, "in_reference": s.reference, "drafted": s.drafted,
             "recall": s.recall, "precision": s.precision}
            for name, s in score_all(draft_plan, reference).items()]
    return render(pd.DataFrame(rows), digits=2)


def cmd_draft(args: argparse.Namespace) -> int:
    outputs = _outputs(args)
    reference = load_plan(args.compare) if args.compare else None
    draft = draft_from_path(args.report, args.district)
    try:
        plan = validated(draft)  # never write a file the plan loader would refuse
    except InputError as exc:
        raise InputError(args.report, exc.field, code=exc.code, params=exc.params) from None
    write_atomic(outputs[0][0], lambda: draft.toml().encode("utf-8"))
    if args.review:
        write_atomic(Path(args.review), lambda: review_bytes(draft.candidates))
    assumed = sum(1 for ind in plan.indicators if ind.baseline is not None and ind.baseline.assumed)
    unknown = sum(1 for ind in plan.indicators if ind.id not in BY_ID)
    used = len(draft.used)
    print(f"wrote {args.output}: {plan.district_zh}, {len(plan.indicators)} indicators, {len(plan.targets)} "
          f"targets, {len(plan.milestones)} milestones; {assumed} baselines are placeholders to replace, "
          f"{unknown} indicators are outside the lexicon")
    if args.review:
        print(f"wrote {args.review}: {len(draft.candidates)} numbers read, {used} used, "
              f"{len(draft.candidates) - used} dropped with the reason")
    if reference is not None:
        print(_scores(plan, reference))
    return 0
