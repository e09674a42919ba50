"""Plain-text tables for the terminal that stay aligned with Chinese (wide) characters."""

from __future__ import annotations

import math
import unicodedata

import pandas as pd


def text_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: East Asian wide and full-width characters take two."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def pad(text: str, width: int, right: bool = False) -> str:
    """Pad ``text`` with spaces to ``width`` display columns."""
    fill = " " * max(0, width - text_width(text))
    return fill + text if right else text + fill


def truncate(text: str, width: int) -> str:
    """Cut ``text`` to at most ``width`` display columns, marking the cut with …."""
    if text_width(text) <= width:
        return text
    out, used = "", 0
    for ch in text:
        w = text_width(ch)
        if used + w > width - 1:
            break
        out += ch
        used += w
    return out + "…"


def format_cell(value, digits: int = 2) -> str:
    if value is None or value is pd.NA:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if abs(value) < 0.5 * 10 ** -digits:  # no "-0.00"
            value = 0.0
        return f"{value:,.{digits}f}"
    if isinstance(value, bool):
        return "yes" if value else ""
    return str(value)


def render(frame: pd.DataFrame, digits: int = 2, max_width: int = 40) -> str:
    """Render a DataFrame as an aligned text table (numbers right-aligned)."""
    headers = [str(c) for c in frame.columns]
    numeric = [pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c])
               for c in frame.columns]
    cells = [[truncate(format_cell(v, digits), max_width) for v in row]
             for row in frame.itertuples(index=False, name=None)]
    widths = [max([text_width(h)] + [text_width(r[i]) for r in cells]) for i, h in enumerate(headers)]
    lines = ["  ".join(pad(h, w, n) for h, w, n in zip(headers, widths, numeric, strict=True)),
             "  ".join("-" * w for w in widths)]
    for row in cells:
        lines.append("  ".join(pad(c, w, n) for c, w, n in zip(row, widths, numeric, strict=True)))
    return "\n".join(line.rstrip() for line in lines)
