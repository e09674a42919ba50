"""The review table: every candidate read from the report, what was made of it, and why.

One row per number: its quote, the section and year it was read for, the indicator, the
reading (level, growth, share …), direction and the words it came from, the value as
written and in the indicator's unit, a confidence, and ``used`` or ``dropped`` with the
reason, in English and in Chinese (``reason_zh``). Written as CSV in UTF-8 with a BOM, so that spreadsheet programs show the Chinese.
"""

from __future__ import annotations

import pandas as pd

from .candidates import Candidate

REVIEW_COLUMNS = (
    "no", "status", "confidence", "section", "year", "role", "indicator", "name", "known", "reading",
    "kind", "direction", "direction_word", "value", "unit", "value_written", "unit_written", "readings",
    "price_basis", "reason", "reason_zh", "quote",
)
_FORMULA_START = ("=", "+", "-", "@")


def review_frame(cands: list[Candidate]) -> pd.DataFrame:
    """The review table as a DataFrame, one row per candidate, in report order."""
    rows = []
    for c in cands:
        rows.append({
            "no": c.no, "status": c.status, "confidence": c.confidence, "section": c.section,
            "year": c.year if c.year is not None else pd.NA, "role": c.role, "indicator": c.indicator,
            "name": c.name, "known": c.known, "reading": c.reading, "kind": c.kind,
            "direction": c.direction if c.role in ("target", "milestone") else "",
            "direction_word": c.direction_word, "value": c.value, "unit": c.unit,
            "value_written": c.value_written if c.high is None else f"{c.value_written:g}–{c.high:g}",
            "unit_written": c.unit_written, "readings": " / ".join(f"{r:g}" for r in c.readings),
            "price_basis": c.price_basis, "reason": c.reason, "reason_zh": c.reason_zh, "quote": c.quote,
        })
    return pd.DataFrame(rows, columns=list(REVIEW_COLUMNS))


def _safe(cell):
    # A quote or name that starts like a formula must stay text in a spreadsheet.
    if isinstance(cell, str) and cell.startswith(_FORMULA_START):
        return "'" + cell
    return cell


def review_csv(cands: list[Candidate]) -> str:
    """The review table as CSV text (without the BOM)."""
    frame = review_frame(cands)
    for col in ("name", "direction_word", "reason", "reason_zh", "quote", "value_written"):
        frame[col] = frame[col].map(_safe).astype(object)
    return frame.to_csv(index=False, lineterminator="\n")


def review_bytes(cands: list[Candidate]) -> bytes:
    """The review table as a file's bytes: UTF-8 with a BOM."""
    return ("\ufeff" + review_csv(cands)).encode("utf-8")
