"""The reviewer's decisions: keep, reject or correct candidates, fill placeholders, validate.

The app shows :func:`decision_table`; the reviewer ticks ``keep``, changes a role, an
indicator id, a year, a direction or a value; :func:`apply_decisions` assembles the plan
again from the edited candidates. :func:`fill_placeholders` puts the reviewer's figures in
place of assumed baselines, and :func:`validated` loads the result with the plan loader
before anything is saved.
"""

from __future__ import annotations

import copy

import pandas as pd

from sim import check_targets, project
from sim.io.fields import parse_toml
from sim.io.plan import Plan, parse_plan

from .candidates import Candidate
from .lexicon import BY_ID
from .pipeline import Draft, assemble
from .words import twin

ROLES = ("baseline", "trend", "target", "milestone", "history", "bound", "none")
DIRECTIONS = ("at_least", "at_most", "hold")
#: Columns of the decision table; the first six may be edited.
DECISION_COLUMNS = ("keep", "role", "indicator", "year", "direction", "value", "no", "name", "reading", "unit",
                    "value_written", "unit_written", "confidence", "reason", "quote")


def decision_table(draft: Draft, lang: str = "en") -> pd.DataFrame:
    """One row per candidate, ``keep`` ticked where the rules used it; ``reason`` in ``lang``."""
    rows = [{"keep": c.status == "used", "role": c.role, "indicator": c.indicator,
             "year": c.year if c.year is not None else 0, "direction": c.direction, "value": c.value,
             "no": c.no, "name": c.name, "reading": c.reading, "unit": c.unit,
             "value_written": c.value_written, "unit_written": c.unit_written, "confidence": c.confidence,
             "reason": (c.reason_zh or c.reason) if lang == "zh" else c.reason, "quote": c.quote}
            for c in draft.candidates]
    return pd.DataFrame(rows, columns=list(DECISION_COLUMNS))


def _edited(c: Candidate, row) -> Candidate:
    default = c.status == "used"
    c = copy.copy(c)
    c.flags = set(c.flags)
    # Only a change of the tick is a decision; an untouched row is decided by the rules again.
    c.keep = None if bool(row["keep"]) == default else bool(row["keep"])
    role, ind_id = str(row["role"]), str(row["indicator"]).strip()
    if role not in ROLES:
        raise ValueError(f"candidate {c.no}: role '{role}' is not one of {', '.join(ROLES)}")
    if str(row["direction"]) in DIRECTIONS:
        c.direction = str(row["direction"])
    if ind_id and ind_id != c.indicator:
        entry = BY_ID.get(ind_id)
        c.indicator, c.entry, c.known = ind_id, entry, entry is not None
        if entry is not None:
            c.name, c.unit = entry.name_zh, (c.unit if c.unit in ("%", "个百分点", "倍") else entry.unit)
    c.role, c.value = role, float(row["value"])
    c.year = int(row["year"]) or c.year
    if c.role != "none":
        c.status, c.reason, c.reason_zh = "review", "", ""
    else:
        c.status = "dropped"
    return c


def with_edits(table: pd.DataFrame, edited_rows: dict) -> pd.DataFrame:
    """``table`` with a data editor's ``edited_rows`` ({row position: {column: value}}) applied."""
    table = table.copy()
    for row, changes in edited_rows.items():
        for column, value in changes.items():
            table.iloc[int(row), table.columns.get_loc(column)] = value
    return table


def changed_values(before: pd.DataFrame, after: pd.DataFrame) -> dict[str, float]:
    """Placeholder values the reviewer changed: indicator id → new value."""
    return {new.indicator: float(new.value) for new, old in zip(after.itertuples(), before.itertuples(), strict=True)
            if new.value != old.value}


def plan_check(plan: Plan) -> pd.DataFrame:
    """The draft's targets and milestones checked under the ``plan`` scenario (the app's board, in brief)."""
    check = check_targets(project(plan, ["plan"]))
    return check[["name", "check", "kind", "target_year", "direction", "target", "projected", "status", "basis"]]


def _reset(c: Candidate) -> Candidate:
    # Rows the reviewer did not see are decided by the rules again.
    c = copy.copy(c)
    c.flags = set(c.flags)
    if c.role != "none" and c.keep is not False:
        c.status, c.reason, c.reason_zh = "review", "", ""
    return c


def apply_decisions(draft: Draft, table: pd.DataFrame) -> Draft:
    """The plan assembled again from ``table`` (a :func:`decision_table`, edited).

    Raises
    ------
    ValueError
        If a row names an unknown role.
    """
    by_no = {int(row["no"]): row for _, row in table.iterrows()}
    cands = [_edited(c, by_no[c.no]) if c.no in by_no else _reset(c) for c in draft.candidates]
    return assemble(cands, draft.text, draft.source, draft.plan["plan"]["district_zh"], draft.encoding)


def placeholders(draft: Draft, lang: str = "en") -> pd.DataFrame:
    """Indicators whose 2025 baseline is assumed: id, name, unit, placeholder value, reason (in ``lang``)."""
    key = "reason_zh" if lang == "zh" else "reason"
    rows = [{"indicator": ind["id"], "name": ind["name_zh"], "unit": ind["unit"],
             "value": ind["baseline"]["value"], "index": bool(ind["baseline"].get("index", False)),
             "reason": ind["baseline"].get(key) or ind["baseline"]["reason"]}
            for ind in draft.plan["indicator"] if ind.get("baseline", {}).get("basis") == "assumed"]
    return pd.DataFrame(rows, columns=["indicator", "name", "unit", "value", "index", "reason"])


def fill_placeholders(draft: Draft, values: dict[str, float], source: str = "") -> Draft:
    """A copy of ``draft`` with the reviewer's 2025 figures in place of assumed baselines.

    The number stays ``assumed`` (the report does not print it), and its reason now says who
    entered it and from where, so every output still marks the verdicts that rest on it.
    """
    plan = copy.deepcopy(draft.plan)
    reason, reason_zh = twin("entered_from", source=source) if source else twin("entered")
    for ind in plan["indicator"]:
        if ind["id"] in values and ind.get("baseline", {}).get("basis") == "assumed":
            value = float(values[ind["id"]])
            ind["baseline"] = {"value": value, "basis": "assumed", "reason": reason, "reason_zh": reason_zh}
    return Draft(plan, draft.candidates, draft.text, draft.source, draft.encoding)


def validated(draft: Draft) -> Plan:
    """The draft read back with the plan loader: raises :class:`sim.PlanError` if it would not load."""
    from sim.io.errors import PlanError

    if not draft.plan["indicator"]:
        raise PlanError(draft.source, "", code="draft_empty")
    text = draft.toml()
    return parse_plan(parse_toml(text, "draft", PlanError), "draft")
