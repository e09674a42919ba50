"""What the app's tables show: engine rows turned into worded, formatted text for people.

The target board, scenario comparisons and differences in assumptions: every function takes
engine tables (``check_targets`` rows, driver paths) and returns a DataFrame of formatted
text with headers in the interface language, ready for :mod:`ui.tables`. (Machine tables for
files are :mod:`sim.report.frames`; plain-text tables for the terminal :mod:`sim.report.terminal`.)
Pure pandas: no Streamlit, so the tables are tested and benchmarked directly.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd

from sim.io.plan import Plan
from sim.report.compare import compare_checks
from sim.report.labels import one_year_growth

from . import fmt, memo, probability
from .i18n import GROUPS, ICON, area, basis, lang, name, status, t, unit
from .tables import Styled

SYMBOL = {"at_least": "≥", "at_most": "≤", "hold": "≥"}
#: Light backgrounds that repeat the status (the words and marks carry it on their own).
STATUS_BG = {"met": "#e6f2ea", "at_risk": "#fff1cc", "missed": "#fbdfe0"}
STATUS_ORDER = {"missed": 0, "at_risk": 1, "met": 2}


def target_text(row, lang_: str | None = None, base_year: int | None = None) -> str:
    """``年均增长 ≥ 6.5%``, ``≥ 1,600万千瓦``, ``各年 ≥ 30.0%``, ``累计 ≥ 35,000人``; a growth target
    one year after ``base_year`` (a 2026 milestone) ``增长 ≥ 6.0%``, the year's growth, not an average."""
    lg = lang_ or lang()
    sym = SYMBOL[row["direction"]]
    if row["kind"] == "growth":
        one_year = one_year_growth(row["kind"], row.get("target_year", 0), base_year)
        return t("tgt.growth_year" if one_year else "tgt.growth", lg, dir=sym, v=fmt.percent(row["target"]))
    v = fmt.value(row["target"], row["unit"], lg)
    if row["kind"] == "cumulative":
        return t("tgt.cumulative", lg, dir=sym, v=v)
    if row["direction"] == "hold":
        return t("tgt.hold", lg, dir=sym, v=v)
    return t("tgt.level", lg, dir=sym, v=v)


#: An unseen break allowed between a number and the Chinese unit after it.
UNIT_BREAK = re.compile(r"(?<=\d)(?=[^\d,.%\s])")


def breakable(text: str) -> str:
    """``text`` with an unseen break (U+200B) before a Chinese unit: in the board's target column,
    whose text breaks only at spaces, ``≥ 1,600`` / ``万千瓦`` rather than a name squeezed to five
    characters (:func:`ui.tables.read` drops it again)."""
    return UNIT_BREAK.sub("\u200b", text, count=1)


def projected_text(row, lang_: str | None = None) -> str:
    lg = lang_ or lang()
    if row["kind"] == "growth":
        return fmt.percent(row["projected"])
    v = fmt.value(row["projected"], row["unit"], lg)
    return t("tgt.projected_hold", lg, v=v) if row["direction"] == "hold" else v


def required_text(row, lang_: str | None = None) -> str:
    lg = lang_ or lang()
    req = row["required"]
    if req is None or (isinstance(req, float) and math.isnan(req)):
        return t("word.already", lg) if row["last_actual_year"] >= row["target_year"] else t("word.unreachable", lg)
    return fmt.pace(req, row["pace_unit"], lg)


def basis_text(row, lang_: str | None = None) -> str:
    lg = lang_ or lang()
    return t("word.assumed_mark", lg) if row["assumed"] else basis(row["basis"], lg)


def styled(display: pd.DataFrame, statuses, extra: dict[str, list[str]] | None = None) -> Styled:
    """``display`` with its status column shaded by status (for :func:`ui.tables.show`); ``extra``
    maps other columns to one background colour per row. A cell shaded at risk or missed is bold."""
    first = t("col.status") if t("col.status") in display.columns else display.columns[0]
    shades = {first: [STATUS_BG.get(s, "") for s in statuses], **(extra or {})}
    return Styled(display.reset_index(drop=True),
                  {c: [_cell_style(colour) for colour in colours] for c, colours in shades.items() if c in display})


def _cell_style(colour: str) -> str:
    if not colour:
        return ""
    bold = colour in (STATUS_BG["at_risk"], STATUS_BG["missed"])
    return f"background-color: {colour}" + ("; font-weight: 600" if bold else "")


def board_table(rows: pd.DataFrame, lang_: str | None = None,
                probabilities: dict | None = None) -> pd.DataFrame:
    """Target-board rows (one per target) as text, legible without colour.

    With ``probabilities`` ((indicator, check, target year) → P(met)), a column of
    probabilities in words and per cent follows the status.
    """
    lg = lang_ or lang()
    records = rows.to_dict("records")
    base = rows.attrs.get("base_year")   # set by the target check
    out = pd.DataFrame({
        t("col.status", lg): [status(r["status"], lg) for r in records],
        t("col.indicator", lg): [name(r, lg) + (" ⚑" if r["assumed"] else "") for r in records],
        t("col.area", lg): [area(r["area"], lg) for r in records],
        t("col.target", lg): [breakable(target_text(r, lg, base)) if lg == "zh" else target_text(r, lg, base)
                              for r in records],
        t("col.projected", lg): [projected_text(r, lg) for r in records],
        t("col.gap", lg): [fmt.gap(r["gap"], r["measure_unit"], lg) for r in records],
        # A percentage of a growth rate (游客 +80%) misleads: for growth targets the gap in points says it.
        t("col.gap_pct", lg): [fmt.DASH if r["kind"] == "growth" else fmt.percent(r["gap_pct"], signed=True)
                               for r in records],
        t("col.assumed_pace", lg): [fmt.pace(r["assumed_pace"], r["pace_unit"], lg) for r in records],
        t("col.required", lg): [required_text(r, lg) for r in records],
        t("col.basis", lg): [basis_text(r, lg) for r in records],
    })
    if probabilities is not None:
        keys = [(r["indicator"], r["check"], int(r["target_year"])) for r in records]
        out.insert(1, t("col.probability", lg),
                   [probability.cell(probabilities[k], lg) if k in probabilities else "" for k in keys])
    return out


def probability_colours(rows: pd.DataFrame, probabilities: dict) -> list[str]:
    """Background colour of each row's probability cell."""
    keys = [(r["indicator"], r["check"], int(r["target_year"])) for r in rows.to_dict("records")]
    return [probability.colour(probabilities[k]) if k in probabilities else "" for k in keys]


#: Orders of the board: problems first (the default), the plan's own order, furthest behind first.
ORDERS = ("status", "plan", "gap")


def board_rows(check: pd.DataFrame, scenario: str, which: str = "target", areas=None,
               only_problems: bool = False, by_gap: bool = False, order: str = "plan") -> pd.DataFrame:
    """The check rows the board shows: one scenario, targets or milestones, filtered and sorted.

    ``order``: ``"status"`` puts missed, then at-risk targets first (the plan's order within
    each); ``"gap"`` (or ``by_gap``) sorts by the relative gap (furthest behind first), so targets
    in different units can be ranked together; ``"plan"`` keeps the plan's order.
    """
    rows = memo.check_rows(check, scenario, which)
    if areas:
        rows = rows[rows["area"].isin(list(areas))]
    if only_problems:
        rows = rows[rows["status"] != "met"]
    if by_gap or order == "gap":
        rows = rows.sort_values("gap_pct", kind="stable")
    elif order == "status":
        rows = rows.sort_values("status", key=lambda s: s.map(STATUS_ORDER), kind="stable")
    return rows


def flips(before: pd.DataFrame, after: pd.DataFrame, lang_: str | None = None,
          with_ids: bool = False) -> list:
    """Targets whose status differs between two check tables of one scenario each
    (``综合能源装机规模 ✔→✖``), in plan order; with ``with_ids``, (indicator id, text) pairs."""
    lg = lang_ or lang()
    keys = ["indicator", "check", "target_year"]
    if len(before) == len(after) and all(np.array_equal(before[k].to_numpy(), after[k].to_numpy()) for k in keys):
        # Two checks of one plan list the same targets in the same order (the slider's case, on every
        # move): compare the statuses side by side; a join took a fifth of a slider move's script.
        now = after["status"].to_numpy()
        rows = np.flatnonzero(before["status"].to_numpy() != now)
        columns = {c: before[c].to_numpy()[rows] for c in (*keys, "name", "name_en", "status")}
        changed = [dict(zip(columns, values, strict=True), status_now=now[i])
                   for i, values in zip(rows, zip(*columns.values(), strict=True), strict=True)]
    else:
        joined = before[[*keys, "name", "name_en", "status"]].merge(after[[*keys, "status"]], on=keys,
                                                                      suffixes=("", "_now"))
        changed = joined[joined["status"] != joined["status_now"]].to_dict("records")
    texts = [(r["indicator"], f"{name(r, lg)}{'' if r['check'] == 'target' else ' ' + str(r['target_year'])} "
              f"{ICON[r['status']]}→{ICON[r['status_now']]}") for r in changed]
    return texts if with_ids else [text for _, text in texts]


#: Which of an indicator's targets a headline card shows: the one the plan states as growth
#: (地区生产总值年均增长6.5%) before a level or a total of the same indicator.
HEADLINE_KIND_ORDER = {"growth": 0, "level": 1, "cumulative": 2}


def headline_targets(rows: pd.DataFrame, ids) -> list[tuple[dict, list[dict]]]:
    """Per headline indicator in ``ids`` that has a target in ``rows``: the target row its card
    shows and the indicator's other target rows (named under the card), in plan order."""
    out = []
    wanted = set(ids)
    records = rows[rows["indicator"].isin(wanted)].to_dict("records")   # once: a dozen rows, not every target
    for ind_id in ids:
        own = [r for r in records if r["indicator"] == ind_id]
        if own:
            shown = min(own, key=lambda r: HEADLINE_KIND_ORDER.get(r["kind"], 9))   # min keeps plan order on ties
            out.append((shown, [r for r in own if r is not shown]))
    return out


def status_counts(rows: pd.DataFrame) -> dict[str, int]:
    counts = rows["status"].value_counts()
    return {s: int(counts.get(s, 0)) for s in ("met", "at_risk", "missed")}


# --------------------------------------------------------------------------- comparisons

def scenario_labels(titles: list[str], names: list[str]) -> list[str]:
    """Column labels: titles, with the name added where two titles are the same."""
    return [f"{ti} ({n})" if titles.count(ti) > 1 else ti for ti, n in zip(titles, names, strict=True)]


def compare_table(check: pd.DataFrame, names: list[str], labels: list[str], plan: Plan,
                  which: str = "target", lang_: str | None = None, only_different: bool = False,
                  deltas: bool = True) -> pd.DataFrame:
    """Targets as rows; per scenario the projected value with its status; differences to the first.

    ``only_different`` keeps the rows where the scenarios' statuses or shown values differ;
    ``deltas=False`` leaves out the difference columns (four scenarios side by side). The
    statuses behind each scenario column are in ``table.attrs["statuses"]`` (label → codes).
    """
    lg = lang_ or lang()
    rows = check[check["check"] == which]
    wide = compare_checks(rows, base=names[0])
    first = rows[rows["scenario"] == names[0]].reset_index(drop=True)
    out = pd.DataFrame({
        t("col.indicator", lg): [name(r, lg) + (" ⚑" if r["assumed"] else "") for _, r in first.iterrows()],
        t("col.target", lg): [target_text(r, lg, plan.base_year) for _, r in first.iterrows()],
    })
    statuses = {}
    for n, label in zip(names, labels, strict=True):
        values = []
        for i, r in first.iterrows():
            row = dict(r)
            row["projected"] = wide.loc[i, n]
            values.append(f"{status(wide.loc[i, f'{n}:status'], lg)} {projected_text(row, lg)}")
        out[label] = values
        statuses[label] = list(wide[f"{n}:status"])
    if deltas:
        for n, label in zip(names[1:], labels[1:], strict=True):
            col = f"{n}−{names[0]}"
            out[t("cmp.delta", lg, a=label, b=labels[0])] = [
                fmt.gap(wide.loc[i, col], first.loc[i, "measure_unit"], lg) for i in range(len(first))]
    if only_different:
        keep = out[labels].nunique(axis=1) > 1
        out = out[keep].reset_index(drop=True)
        statuses = {k: [s for s, kept in zip(v, keep, strict=True) if kept] for k, v in statuses.items()}
    out.attrs["statuses"] = statuses
    return out


def compare_styled(table: pd.DataFrame) -> Styled:
    """A comparison table with each scenario's cells shaded by status, as on the board."""
    extra = {label: [STATUS_BG.get(s, "") for s in codes] for label, codes in table.attrs["statuses"].items()}
    return styled(table, [""] * len(table), extra)


def driver_differences(plan: Plan, paths: list[np.ndarray], labels: list[str],
                       lang_: str | None = None) -> pd.DataFrame:
    """Drivers whose 2026–2030 paths differ between scenarios, one column per scenario."""
    lg = lang_ or lang()
    rows = []
    for d, ind in enumerate(plan.drivers):
        if all(np.array_equal(p[d], paths[0][d]) for p in paths[1:]):  # most drivers: no need to word them
            continue
        texts = [path_text(p[d], ind.pace_unit) for p in paths]
        if len(set(texts)) == 1:  # equal, or different only beyond the precision shown
            continue
        row = {
            t("col.indicator", lg): name(ind, lg),
            t("col.area", lg): area(ind.area, lg),
            t("col.unit", lg): unit(ind.pace_unit, lg),
        }
        for text, label in zip(texts, labels, strict=True):
            row[label] = text
        rows.append(row)
    return pd.DataFrame(rows)


#: Columns of a :func:`driver_differences` table kept on one line: the area and the unit (``%/`` over
#: ``年``, ``水资`` over ``源`` in a narrow column at 1280 px).
DRIVER_TABLE_NOWRAP = (2, 3)


def path_text(path, pace_unit: str) -> str:
    """A constant path as one number, a changing one as ``10.0 → 10.0 → 9.0 → 9.0 → 9.0``."""
    places = fmt.decimals(pace_unit)
    parts = [fmt.number(x, places) for x in path]
    return parts[0] if len(set(parts)) == 1 else " → ".join(parts)


def group_of(area_code: str) -> str:
    """The assumptions-page group of a plan area."""
    for code, areas in GROUPS:
        if area_code in areas:
            return code
    return GROUPS[0][0]
