"""Probabilities of meeting a target as the app shows them: whole per cent, band word, colour.

The bands themselves (thresholds and words) are :data:`sim.report.labels.BANDS`, shared with
every other place a probability is worded; this module only adds the colours and icons the
app draws them with, so 79.6 % reads "很可能 80%" on the board and on the uncertainty page.
"""

from __future__ import annotations

import math

from sim.report.labels import band, band_legend

#: Background colour of each band (labels.BANDS codes).
COLOUR = {"likely": "#c7e9c0", "even": "#fff3b0", "risk": "#fdd0a2", "unlikely": "#f4a6a6"}
#: Marks that make a band legible without colour. "About even" is ◎: the half-filled ◐ was drawn
#: by the fonts here as its filled half alone, a dot smaller than the text beside it.
ICON = {"likely": "✔", "even": "◎", "risk": "⚠", "unlikely": "✖"}

__all__ = ["COLOUR", "ICON", "band_legend", "cell", "colour", "pct", "verdict"]


def _word(p: float, lang: str) -> str:
    _, zh, en = band(p)
    return zh if lang == "zh" else en


def cell(p: float, lang: str) -> str:
    """A probability as board text, legible without colour: "很可能 93%"."""
    return f"{_word(p, lang)} {p:.0%}"


def verdict(p: float, lang: str) -> str:
    """The band with its mark, for the uncertainty page's verdict column: "✔ 很可能"."""
    return f"{ICON[band(p)[0]]} {_word(p, lang)}"


def colour(p: float) -> str:
    """Background colour of a probability's band."""
    return COLOUR[band(p)[0]]


def pct(p) -> str:
    """A probability in per cent: whole per cent, one decimal near 0 and 1; "—" if unknown."""
    return "—" if p is None or not math.isfinite(p) else f"{p:.0%}" if 0.005 < p < 0.995 else f"{p:.1%}"
