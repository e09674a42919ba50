"""The plan and scenario file formats, declared once: every table's keys with their type, choices
and meaning.

The readers (:mod:`sim.io.plan`, :mod:`sim.io.indicator`, :mod:`sim.io.scenario`) take the keys
each table allows from here, so a key added here is accepted there and a key missing here is
refused there. :func:`json_schema` turns the same declarations into a JSON Schema (draft 2020-12),
shipped as ``sim/data/schema/plan.schema.json`` and ``scenario.schema.json`` (``fyp schema plan``
prints it; a test regenerates and compares). The schema checks shape and types, as an editor
can; the rules that need the whole plan (a derived indicator's inputs exist, an actual fits its
indicator's domain) stay in the readers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sim.io.schema import AREAS, BASES, DIRECTIONS, DYNAMICS, RULES, TARGET_KINDS

DERIVED_OPS = ("sum", "ratio", "share")
HISTORY_MEASURES = ("level", "multiple", "change_pct", "change", "average_growth", "average_change", "total")


@dataclass(frozen=True)
class Key:
    """One key of a table.

    Attributes
    ----------
    kind : str
        ``text``, ``integer``, ``number``, ``boolean``, ``texts`` (a text or a list of texts),
        ``numbers``, ``table`` (``of`` holds its keys), ``tables`` (an array of such tables,
        ``[[key]]``), ``open`` (a table checked elsewhere), or one of the scenario shapes
        ``drivers`` and ``actuals``.
    doc : str
        What the key means (the schema's ``description``).
    required : bool
    choices : tuple of str
        Allowed texts, if limited.
    of : dict, optional
        Keys of a ``table`` or ``tables``.
    """

    kind: str
    doc: str
    required: bool = False
    choices: tuple[str, ...] = ()
    of: dict[str, Key] = field(default_factory=dict)


def _text(doc: str, required: bool = False, choices=()) -> Key:
    return Key("text", doc, required, tuple(choices))


_TITLES = {
    "title_zh": _text("Chinese title.", True),
    "title_en": _text("English title.", True),
}

#: A number with its provenance (``baseline``, ``trend``; the base of targets and statements).
NUMBER: dict[str, Key] = {
    "value": Key("number", "The number, in the indicator's unit (growth: %/year).", True),
    "basis": _text("reported (printed in the report), derived (computed from reported numbers) or assumed.",
                   True, BASES),
    "quote": Key("texts", "The report's exact words (required for reported numbers)."),
    "formula": _text("How a derived number was computed (documentation, never evaluated)."),
    "reason": _text("Why an assumed number was chosen (required for assumed numbers)."),
    "reason_zh": _text("The same reason in Chinese (optional; needs the English one)."),
    "index": Key("boolean", "True when the baseline is an index (base year = 100) standing in for a level."),
}

TARGET: dict[str, Key] = {
    **NUMBER,
    "year": Key("integer", "Year the target refers to (after the base year, within the horizon).", True),
    "kind": _text("growth (average yearly growth from the base year), level, or cumulative (sum of a flow).",
                  True, TARGET_KINDS),
    "direction": _text("at_least, at_most, or hold (at least the value in every year).", True, DIRECTIONS),
    "binding": Key("attribute", "属性: binding (约束性) or expected (预期性), as a bare word or a table with its "
                   "basis (reported with quote, or assumed with reason)."),
}

#: 属性 of a target with its provenance (:mod:`sim.io.attribute`).
ATTRIBUTE: dict[str, Key] = {
    "value": _text("binding (约束性) or expected (预期性).", True, ("binding", "expected")),
    "basis": _text("reported (the plan says so) or assumed.", True, ("reported", "assumed")),
    "quote": Key("texts", "The report's words (for reported)."),
    "reason": _text("Why it was assumed (for assumed)."),
    "reason_zh": _text("The same reason in Chinese."),
}

HISTORY: dict[str, Key] = {
    **NUMBER,
    "start_year": Key("integer", "First year of the statement's period.", True),
    "end_year": Key("integer", "Last year of the period (default: the base year)."),
    "measure": _text("What the number measures over the period.", True, HISTORY_MEASURES),
    "readings": Key("numbers", "Other defensible readings of an ambiguous phrase."),
    "note": _text("A remark shown with the statement."),
    "note_zh": _text("The same remark in Chinese."),
}

DRIVER: dict[str, Key] = {
    "min": Key("number", "Lowest slider value of the driver [driver unit]; far below it loads with a warning."),
    "max": Key("number", "Highest slider value of the driver [driver unit]; far above it loads with a warning."),
    "step": Key("number", "Slider step [driver unit]."),
}

DOMAIN: dict[str, Key] = {
    "min": Key("number", "Physical floor of the indicator [unit] (default 0)."),
    "max": Key("number", "Physical ceiling [unit] (default 100 for %, none otherwise)."),
}

INDICATOR: dict[str, Key] = {
    "id": _text("Stable id: ASCII letters, digits and underscores, not starting with a digit.", True),
    "name_zh": _text("The report's Chinese name.", True),
    "name_en": _text("English name.", True),
    "unit": _text("Unit as written in the report (%, 亿元, 万千瓦 …).", True),
    "area": _text("Policy area.", True, AREAS),
    "dynamic": _text("How it moves: compound [%/yr], additive [unit/yr], points [pp/yr], flow (the yearly "
                     "value) or derived (from other indicators).", True, DYNAMICS),
    "price_basis": _text("real or nominal, where it matters.", choices=("real", "nominal")),
    "op": _text("Derived only: sum of inputs, ratio inputs[0]/inputs[1]×scale, share ×100.", choices=DERIVED_OPS),
    "inputs": Key("texts", "Derived only: ids of the input indicators."),
    "scale": Key("number", "Derived ratio only: multiplier (default 1)."),
    "note": _text("A remark shown with the indicator."),
    "note_zh": _text("The same remark in Chinese."),
    "lead_department": _text("牵头部门: the department answerable for the indicator."),
    "baseline": Key("table", "Value in the base year (required unless derived).", of=NUMBER),
    "trend": Key("table", "Pace observed in the base year, in driver units.", of=NUMBER),
    "driver": Key("table", "Slider hints of the driver.", of=DRIVER),
    "domain": Key("table", "Values the indicator can physically take; baselines, level targets, actuals and "
                  "every projected year are checked against it.", of=DOMAIN),
    "target": Key("tables", "Plan targets.", of=TARGET),
    "milestone": Key("tables", "Intermediate-year milestones.", of=TARGET),
    "history": Key("tables", "Statements about the previous plan period.", of=HISTORY),
}

PLAN_META: dict[str, Key] = {
    "id": _text("Short id of the plan.", True),
    "district_zh": _text("District, in Chinese.", True),
    "district_en": _text("District, in English.", True),
    **_TITLES,
    "base_year": Key("integer", "Last year with outcomes: the start of every projection.", True),
    "target_year": Key("integer", "Year of the plan's targets.", True),
    "horizon": Key("integer", "Default last projected year (target_year to base_year + 50)."),
    "source_file": _text("The document every quote comes from."),
    "source_title_zh": _text("Its Chinese title."),
    "source_title_en": _text("Its English title."),
}

CHECK: dict[str, Key] = {
    "growth_pp": Key("number", "At risk rather than missed within this many points of average growth."),
    "percent_pp": Key("number", "Same for level targets on percentages [points]."),
    "level_rel": Key("number", "Same for other level targets [fraction of the target]."),
}

REVIEW: dict[str, Key] = {
    "ahead": Key("number", "快于预期 from this share of the scheduled distance on (default 1.1)."),
    "behind": Key("number", "滞后于预期 below this share (default 0.9)."),
    "red": Key("number", "Red warning for a binding indicator below this share (default: behind)."),
}

#: One link: an indicator whose growth follows others' (:mod:`sim.io.links`).
LINK: dict[str, Key] = {
    "indicator": _text("The linked indicator (a growth driver).", True),
    "inputs": Key("texts", "Indicators whose growth it follows.", True),
    "elasticities": Key("numbers", "One elasticity per input.", True),
    "basis": _text("derived (from the report, with formula and quote) or assumed (with reason).", True,
                   BASES[1:]),
    "quote": Key("texts", "The report's words the elasticity is derived from."),
    "formula": _text("How a derived elasticity was computed."),
    "reason": _text("Why an assumed elasticity was chosen."),
    "reason_zh": _text("The same reason in Chinese."),
    "note": _text("A remark shown with the link."),
    "note_zh": _text("The same remark in Chinese."),
}

#: One part-of-a-whole bound: a driver that can never exceed another indicator (:mod:`sim.io.links`).
WITHIN: dict[str, Key] = {
    "part": _text("The part (a driver that no derived indicator or link reads).", True),
    "whole": _text("The indicator it is part of.", True),
    "scale": Key("number", "Units of the part per unit of the whole (10000 for 户 within 万户; default 1)."),
    "basis": _text("derived (from the report, with formula and quote) or assumed (with reason).", True,
                   BASES[1:]),
    "quote": Key("texts", "The report's words the bound rests on."),
    "formula": _text("How a derived bound follows from the report."),
    "reason": _text("Why the part cannot exceed the whole."),
    "reason_zh": _text("The same reason in Chinese."),
}

LINKS: dict[str, Key] = {
    "deflator": _text("Driver id of the price index that turns real growth into nominal."),
    "balance": Key("open", "{ <derived sum> = <part> }: the part the plan rule moves to meet the sum's target."),
    "follow": Key("tables", "The links.", of=LINK),
    "within": Key("tables", "Parts that can never exceed their whole.", of=WITHIN),
}

PLAN: dict[str, Key] = {
    "schema_version": Key("integer", "Format version (1)."),
    "plan": Key("table", "The plan's identity and years.", True, of=PLAN_META),
    "check": Key("table", "Tolerances of the target check.", of=CHECK),
    "review": Key("table", "Bands of the annual monitoring and the mid-term review.", of=REVIEW),
    "indicator": Key("tables", "The plan's indicators.", True, of=INDICATOR),
    "links": Key("table", "Indicators whose pace follows others', and identities' balancing parts.", of=LINKS),
}

SCENARIO_META: dict[str, Key] = {
    "name": _text("Short id (the file stem by convention).", True),
    **_TITLES,
    "rationale": _text("Why these assumptions."),
    "parent": _text("Scenario this one starts from: a name, a title, or a path relative to this file."),
    "rule": _text("How drivers no scenario sets are chosen.", choices=RULES),
    "horizon": Key("integer", "Last projected year."),
}

SCENARIO: dict[str, Key] = {
    "scenario": Key("table", "The scenario's identity.", True, of=SCENARIO_META),
    "drivers": Key("drivers", "Per driver: a constant pace, a list of yearly paces (the last holds), "
                   "{ <year> = pace } from a year on, or a rule name."),
    "actuals": Key("actuals", "[actuals.<indicator>] tables of <year> = observed value."),
    "uncertainty": Key("open", "Spreads of the Monte Carlo (checked against the plan by sim.uncertainty)."),
    "correlation": Key("open", "Correlations between drivers (checked by sim.uncertainty)."),
}

_YEAR = "^[0-9]{4}$"


def _schema(key: Key) -> dict:
    """The JSON Schema of one key."""
    number = {"type": "number"}
    shapes = {
        "integer": {"type": "integer"},
        "number": number,
        "boolean": {"type": "boolean"},
        "texts": {"anyOf": [{"type": "string", "minLength": 1},
                            {"type": "array", "items": {"type": "string", "minLength": 1}}]},
        "numbers": {"type": "array", "items": number},
        "open": {"type": "object"},
        "drivers": {"type": "object", "additionalProperties": {"anyOf": [
            number, {"type": "array", "items": number, "minItems": 1},
            {"type": "object", "patternProperties": {_YEAR: number}, "additionalProperties": False},
            {"enum": list(RULES)}]}},
        "actuals": {"type": "object", "additionalProperties": {
            "type": "object", "patternProperties": {_YEAR: number}, "additionalProperties": False}},
    }
    if key.kind == "text":
        out = {"enum": list(key.choices)} if key.choices else {"type": "string", "minLength": 1}
    elif key.kind == "table":
        out = table_schema(key.of)
    elif key.kind == "attribute":
        out = {"anyOf": [{"enum": ["binding", "expected"]}, table_schema(ATTRIBUTE)]}
    elif key.kind == "tables":
        out = {"type": "array", "items": table_schema(key.of)}
    else:
        out = dict(shapes[key.kind])
    return {"description": key.doc, **out}


def table_schema(keys: dict[str, Key]) -> dict:
    """JSON Schema of a table declared by ``keys``: its properties, required keys, nothing else."""
    out = {"type": "object", "properties": {name: _schema(key) for name, key in keys.items()},
           "additionalProperties": False}
    required = [name for name, key in keys.items() if key.required]
    if required:
        out["required"] = required
    return out


FORMATS = {"plan": (PLAN, "Five-year plan", "A district's five-year plan: indicators, baselines, targets."),
           "scenario": (SCENARIO, "Scenario", "Driver assumptions and observed values for a plan.")}


def json_schema(name: str) -> dict:
    """The JSON Schema (draft 2020-12) of the ``plan`` or ``scenario`` file format."""
    keys, title, doc = FORMATS[name]
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"https://fyp-sim.local/schema/{name}.schema.json",
            "title": title, "description": doc, **table_schema(keys)}


def schema_text(name: str) -> str:
    """:func:`json_schema` as the text of the shipped file."""
    return json.dumps(json_schema(name), ensure_ascii=False, indent=2) + "\n"
