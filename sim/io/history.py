"""A plan's statements about the previous plan period (:class:`History`: 十四五时期 levels, growth,
totals), and how one ``[[indicator.history]]`` table is read: a statement that cannot be carried
back to a finite start is refused on load."""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass

from sim.io import formats
from sim.io.fields import LOG_MAX, Fields
from sim.io.sourced import Sourced, parse_number

HISTORY_MEASURES = formats.HISTORY_MEASURES


@dataclass(frozen=True)
class History:
    """A statement about the previous plan period (e.g. 2020→2025, 十四五时期主要成就).

    Attributes
    ----------
    indicator : str
    start_year, end_year : int
    measure : str
        ``level`` (the value in ``start_year``), ``multiple`` (end = start × value),
        ``change_pct`` (end = start × (1 + value/100)), ``change`` (end = start + value),
        ``average_growth`` [%/yr], ``average_change`` [unit/yr], ``total`` (sum of yearly
        flows over the period).
    number : Sourced
    readings : tuple of float
        Other defensible readings of an ambiguous phrase (e.g. "增长5倍": ×6 or ×5); the
        value used is ``number.value``.
    note, note_zh : str
        A remark on the statement, in English and (optionally) Chinese.
    """

    indicator: str
    start_year: int
    end_year: int
    measure: str
    number: Sourced
    readings: tuple[float, ...] = ()
    note: str = ""
    note_zh: str = ""

    @property
    def value(self) -> float:
        return self.number.value

    def note_in(self, lang: str) -> str:
        """The remark in ``lang`` (``zh``: the Chinese text, "" if the file gives none)."""
        return self.note_zh if lang == "zh" else self.note


def _carried_back_fits(measure: str, value: float, years: int) -> bool:
    """Whether a statement carried back over ``years`` stays a finite number: a growth rate
    compounded (in logs), any other value times the years (a total, an average change)."""
    if measure == "average_growth":
        return years * math.log1p(value / 100) <= LOG_MAX
    return years * abs(value) <= sys.float_info.max


def _start_factor(measure: str, value: float, compound: bool) -> float | None:
    """The start level as a multiple of the end level a ratio statement implies (``multiple``,
    ``change_pct``, and ``level`` for a compound indicator, taken against the base level), else None."""
    if measure == "multiple" and value > 0:
        return 1 / value if value > 1 / sys.float_info.max else math.inf
    if measure == "change_pct" and value > -100:
        return 100 / (100 + value)
    if measure == "level" and compound and value > 0:
        return value
    return None


def _ratio_fits(measure: str, value: float, level: float, compound: bool) -> bool:
    """Whether a growth rate can be computed between the start level a statement implies and the
    base level ``level``: their ratio must be a positive finite number (1e-320 times is not)."""
    factor = _start_factor(measure, value, compound)
    if factor is None or level <= 0:
        return True
    ratio = factor / level if measure == "level" else factor
    return 0 < ratio < math.inf and 0 < 1 / ratio < math.inf


def parse_history(f: Fields, ind_id: str, base_year: int, level: float = 1.0, compound: bool = False) -> History:
    """One ``[[indicator.history]]`` table of indicator ``ind_id``; ``level`` is its base-year level
    [unit] (1 where it has none), ``compound`` whether it grows by compounding."""
    number = parse_number(f, True, f, "value", formats.HISTORY)
    start, end = f.int("start_year"), f.int("end_year", base_year)
    if not start < end <= base_year:
        raise f.fail("start_year", "history_period", start=start, end=end, base_year=base_year)
    measure = f.str("measure", choices=HISTORY_MEASURES)
    if measure == "average_growth" and number.value <= -100:
        raise f.fail("value", "growth_impossible", value=number.value)
    if not _carried_back_fits(measure, number.value, end - start):
        raise f.fail("value", "history_not_finite", value=number.value, start=start, end=end)
    if not _ratio_fits(measure, number.value, level, compound):
        raise f.fail("value", "history_off_scale", value=number.value, measure=measure, base=level)
    readings = ()
    if f.has("readings"):
        raw = f.table["readings"]
        if not isinstance(raw, list):
            raise f.fail("readings", "not_numbers")
        readings = tuple(_finite_item(f, "readings", i, v) for i, v in enumerate(raw))
    return History(indicator=ind_id, start_year=start, end_year=end, measure=measure, number=number,
                   readings=readings, note=f.str("note", ""), note_zh=f.str("note_zh", ""))


def _finite_item(f: Fields, key: str, i: int, value) -> float:
    from sim.io.fields import finite

    return finite(value, f, f"{key}[{i}]")
