"""Reference tables made from a plan or a projection: indicators with sources, assumptions."""

from __future__ import annotations

import pandas as pd

from sim.engine.projection import Projection
from sim.io.plan import Plan


def _describe(targets) -> str:
    return "; ".join(f"{t.year} {t.kind} {t.direction} {t.value:g}" for t in targets)


def indicator_table(plan: Plan) -> pd.DataFrame:
    """Every indicator with unit, baseline, targets, basis and the report's words.

    Returns
    -------
    DataFrame
        One row per indicator: ``indicator, name, name_en, unit, area, dynamic, price_basis,
        baseline_year, baseline, baseline_basis, baseline_note, trend, targets, milestones, quote``.
    """
    rows = []
    for ind in plan.indicators:
        base = ind.baseline
        quotes = [q for q in (base.quote if base else ())]
        for t in (*ind.targets, *ind.milestones):
            quotes += [q for q in t.number.quote if q not in quotes]
        rows.append({
            "indicator": ind.id, "name": ind.name_zh, "name_en": ind.name_en, "unit": ind.value_unit, "report_unit": ind.unit,
            "area": ind.area, "dynamic": ind.dynamic if ind.is_driver else f"derived: {ind.op}({', '.join(ind.inputs)})",
            "price_basis": ind.price_basis, "baseline_year": plan.base_year,
            "baseline": base.value if base else None,
            "baseline_basis": base.basis if base else "derived",
            "baseline_note": base.note if base else "computed from inputs",
            "trend": ind.trend.value if ind.trend else None,
            "targets": _describe(ind.targets), "milestones": _describe(ind.milestones),
            "quote": " ｜ ".join(quotes),
        })
    return pd.DataFrame(rows)


def assumptions_table(projection: Projection) -> pd.DataFrame:
    """The driver paths behind a projection, long: one row per scenario, driver and year.

    Columns ``scenario, indicator, name, pace_unit, year, value, source``; ``source`` says
    whether the value came from the scenario file or from the plan/trend rule (and why).
    """
    plan = projection.plan
    years = projection.years[1:]
    rows = []
    for res in projection.scenarios:
        for d, ind in enumerate(plan.drivers):
            for y, year in enumerate(years):
                rows.append({"scenario": res.name, "indicator": ind.id, "name": ind.name_zh,
                             "pace_unit": ind.pace_unit, "year": year,
                             "value": float(res.drivers[d, y]), "source": res.sources[d]})
    return pd.DataFrame(rows)


def scenario_table(projection: Projection) -> pd.DataFrame:
    """One row per scenario: name, titles, parent chain and rationale."""
    return pd.DataFrame([{
        "scenario": r.name, "title_zh": r.scenario.title_zh, "title_en": r.scenario.title_en,
        "parents": " → ".join(n.name for n in r.scenario.chain[:-1]),
        "rule": r.scenario.effective_rule, "rationale": r.scenario.rationale.strip(),
        "file": r.scenario.path,
    } for r in projection.scenarios])
