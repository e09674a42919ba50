"""Write a drafted plan as a plan file, in the layout of the hand-made one.

The subset of TOML a plan file uses is small (text, numbers, booleans, lists, inline
tables for numbers, arrays of tables for indicators and their goals), so it is written
here rather than through a library, which could not keep the comments and the layout.
Strings are written as JSON strings, whose escapes are all valid in TOML basic strings.
"""

from __future__ import annotations

import json
import math

_HEADER = """\
# DRAFT plan file, made by `fyp draft` from {source}.
# Review every number before use: the review table lists every candidate read from the
# report, with its quote, what was made of it and why anything was dropped.
#
# Where each number comes from (the `basis` field of every number object):
#   reported : printed in the report; `quote` is an exact substring of the report.
#   derived  : worked out from reported numbers; `formula` shows the arithmetic.
#   assumed  : not in the report; `reason` says how the placeholder was chosen.
#              Growth-only indicators have an index baseline (2025 = 100, `index = true`).
# Indicators outside the drafting lexicon have ids starting with `x_` and a note;
# give them a proper id, English name and area.
"""


def _value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if not math.isfinite(v):
            raise ValueError(f"cannot write {v} to a plan file")
        return repr(round(v, 6))
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, list | tuple):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{k} = {_value(x)}" for k, x in v.items()) + " }"
    raise TypeError(f"cannot write {type(v).__name__} to a plan file")


def _table(lines: list[str], data: dict) -> None:
    for key, v in data.items():
        if v is None or (isinstance(v, list) and v and isinstance(v[0], dict)):
            continue
        lines.append(f"{key} = {_value(v)}")


def plan_toml(plan: dict, source: str) -> str:
    """TOML text of ``plan`` (a dict shaped like a plan file)."""
    lines = [_HEADER.format(source=source), f"schema_version = {plan.get('schema_version', 1)}", "", "[plan]"]
    _table(lines, plan["plan"])
    lines += ["", "[check]"]
    _table(lines, plan["check"])
    for ind in plan["indicator"]:
        lines += ["", "[[indicator]]"]
        _table(lines, {k: v for k, v in ind.items() if k not in ("target", "milestone", "history")})
        for sub in ("target", "milestone", "history"):
            for item in ind.get(sub, []):
                lines += ["", f"[[indicator.{sub}]]"]
                _table(lines, item)
    return "\n".join(lines) + "\n"
