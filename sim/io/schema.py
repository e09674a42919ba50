"""Names of the tidy result tables, defined once.

Projections are long: one row per scenario, indicator and year. Wide tables are
made from the long one, only for display and export.
"""

from __future__ import annotations

#: Index columns of the long projection table, in order.
LONG_INDEX = ("scenario", "indicator", "name", "unit", "year")
#: All columns of the long projection table.
LONG_COLUMNS = (*LONG_INDEX, "value", "basis")
#: IAMC columns that precede the year columns (pyam's format).
IAMC_INDEX = ("model", "scenario", "region", "variable", "unit")

#: Columns of the target-check table, in order.
CHECK_COLUMNS = (
    "scenario",
    "indicator",
    "name",
    "name_en",
    "unit",
    "area",
    "check",
    "kind",
    "target_year",
    "direction",
    "target",
    "projected",
    "status",
    "gap",
    "gap_pct",
    "measure_unit",
    "required",
    "assumed_pace",
    "pace_unit",
    "last_actual_year",
    "first_year",
    "milestone_status",
    "basis",
    "assumed",
    "assumed_note",
    "quote",
    "warning",
)

STATUSES = ("met", "at_risk", "missed")
BASES = ("reported", "derived", "assumed")
DYNAMICS = ("compound", "additive", "points", "flow", "derived")
DIRECTIONS = ("at_least", "at_most", "hold")
TARGET_KINDS = ("growth", "level", "cumulative")
AREAS = (
    "economy",
    "industry",
    "energy",
    "agriculture",
    "ecology",
    "water",
    "tourism",
    "consumption",
    "livelihood",
)

#: Rules that set the drivers no scenario sets (implemented in :mod:`sim.engine.rules`).
RULES = ("plan", "trend")
