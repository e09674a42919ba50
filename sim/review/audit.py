"""Plan audit: do the plan's own numbers hang together?

Every rule reads only the plan data (baselines, trends, targets, milestones, history and the
report's words in the quotes), never an indicator's name, so it runs on any district's file.
:func:`audit_plan` returns one row per finding with the numbers, the arithmetic and the
quotes involved.

Severity
--------
``error``
    The numbers cannot all be true as printed (beyond rounding).
``warning``
    They can all be true, but the plan strains: a pace far beyond the last five years, a
    'hold' target already broken, history statements that agree only on a very uneven path,
    a milestone that leaves the later years more to do.
``info``
    Worth knowing before a meeting: a milestone below the current level, a cumulative target
    the current flow already covers, an ambiguous phrase and what each reading implies.

A finding is ``provisional`` when a number it rests on is ``assumed``.

Rounding
--------
Reported outcomes and stated rates are rounded in print: a number printed with ``d``
decimals stands for the interval ±0.5·10^−d around it (3.2 → [3.15, 3.25]; 16% → [15.5%,
16.5%]; see :func:`sim.review.history.rounding`). Arithmetic checks propagate these intervals
(monotone formulas are evaluated at every corner) and report only when the intervals do not
overlap. Thresholds of targets (保持在87%以上) are exact: only the baseline is rounded there.
Two paces are "materially" different when they differ by more than :data:`MATERIAL`
(10 %) of the larger one as well.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pandas as pd

from sim.io.plan import Plan
from sim.review.audit_levels import (
    rule_below_base,
    rule_hold_at_base,
    rule_milestone_path,
    rule_parts_targets,
    rule_parts_whole,
    rule_stated_growth,
)
from sim.review.audit_links import rule_links
from sim.review.audit_paces import rule_cumulative, rule_history_statements, rule_pace_history, rule_readings
from sim.review.findings import FINDING_COLUMNS, SEVERITIES, SEVERITY_ZH, Finding, stated_growth
from sim.review.history import (
    bound,
)

RULES: tuple[tuple[str, Callable[[Plan], Iterable[Finding]]], ...] = (
    ("stated_growth", rule_stated_growth),
    ("parts_whole", rule_parts_whole),
    ("parts_targets", rule_parts_targets),
    ("hold_at_base", rule_hold_at_base),
    ("milestone_path", rule_milestone_path),
    ("pace_history", rule_pace_history),
    ("cumulative", rule_cumulative),
    ("history_statements", rule_history_statements),
    ("below_base", rule_below_base),
    ("readings", rule_readings),
    ("links", rule_links),
)


def audit_plan(plan: Plan, rules: Iterable[str] | None = None) -> pd.DataFrame:
    """Check a plan's numbers for internal consistency.

    Parameters
    ----------
    plan : Plan
    rules : iterable of str, optional
        Names from :data:`RULES` to run (default: all).

    Returns
    -------
    DataFrame
        One row per finding, columns :data:`FINDING_COLUMNS`, errors first. ``stated`` and
        ``computed`` are the two numbers that disagree, in the unit the arithmetic shows
        (a level [unit], a pace [pace unit] or a growth rate [%]).
    """
    chosen = dict(RULES) if rules is None else {name: dict(RULES)[name] for name in rules}
    findings = [f for rule in chosen.values() for f in rule(plan)]
    rows = [{
        "severity": f.severity, "rule": f.rule, "indicator": f.indicator,
        "name": plan.by_id[f.indicator].name_zh, "year": f.year, "stated": f.stated, "computed": f.computed,
        "unit": plan.by_id[f.indicator].value_unit, "arithmetic": f.arithmetic, "finding_zh": f.zh,
        "finding_en": f.en, "quotes": " ｜ ".join(dict.fromkeys(q for n in f.numbers if n for q in n.quote)),
        "provisional": any(n is not None and n.assumed for n in f.numbers),
    } for f in findings]
    table = pd.DataFrame(rows, columns=FINDING_COLUMNS)
    if table.empty:
        return table
    order = {s: i for i, s in enumerate(SEVERITIES)}
    table["_s"] = table["severity"].map(order)
    table["_i"] = table["indicator"].map(plan.index)
    return table.sort_values(["_s", "_i"], kind="stable").drop(columns=["_s", "_i"]).reset_index(drop=True)


def summary(findings: pd.DataFrame) -> dict[str, int]:
    """Number of findings per severity."""
    counts = findings["severity"].value_counts() if len(findings) else {}
    return {s: int(counts.get(s, 0)) for s in SEVERITIES}


__all__ = ["FINDING_COLUMNS", "RULES", "SEVERITIES", "audit_plan", "bound", "stated_growth", "summary"]


__all__ = ["FINDING_COLUMNS", "RULES", "SEVERITIES", "SEVERITY_ZH", "Finding", "audit_plan", "rule_milestone_path",
           "stated_growth", "summary"]
