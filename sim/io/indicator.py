"""One indicator of a plan: its targets, dynamic and domain, and how one ``[[indicator]]`` table of a
plan file is read (its numbers with provenance are :mod:`sim.io.sourced`, its statements about the
previous plan period :mod:`sim.io.history`).

:mod:`sim.io.plan` gathers indicators into a :class:`~sim.io.plan.Plan`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from sim.io import formats
from sim.io.attribute import Attribute, parse_attribute
from sim.io.fields import LOG_MAX, Fields
from sim.io.history import History, parse_history
from sim.io.schema import AREAS, DIRECTIONS, DYNAMICS, TARGET_KINDS
from sim.io.sourced import Sourced, parse_number

#: Units whose values are percentages, bounded to [0, 100].
PERCENT_UNITS = ("%",)
#: Unit shown for indicators whose baseline is an index standing in for an unreported level.
INDEX_UNIT = "指数(基期=100)"
DERIVED_OPS = formats.DERIVED_OPS


@dataclass(frozen=True)
class Target:
    """A 2030 target or a 2026 milestone on one indicator.

    Attributes
    ----------
    indicator : str
        Id of the indicator it applies to.
    year : int
        Year the target refers to.
    kind : str
        ``growth`` (average annual growth from the base year [%/yr]), ``level`` (value in
        ``year``) or ``cumulative`` (sum of yearly flows after the base year).
    direction : str
        ``at_least``, ``at_most`` or ``hold`` (at least ``value`` in every year up to ``year``).
    number : Sourced
        The target value with its provenance.
    milestone : bool
        True for an intermediate-year milestone (e.g. 2026), False for a plan target.
    attribute : Attribute or None
        约束性 or 预期性 with its basis, where the plan file gives one.
    """

    indicator: str
    year: int
    kind: str
    direction: str
    number: Sourced
    milestone: bool = False
    attribute: Attribute | None = None

    @property
    def value(self) -> float:
        return self.number.value

    @property
    def binding(self) -> str:
        """``binding`` (约束性), ``expected`` (预期性) or empty where the file gives none."""
        return self.attribute.value if self.attribute is not None else ""


@dataclass(frozen=True)
class Indicator:
    """One indicator of the plan.

    Attributes
    ----------
    id, name_zh, name_en, unit, area : str
        Stable id, the report's Chinese name, English name, unit as written, policy area.
    dynamic : str
        How it moves: ``compound`` [%/yr], ``additive`` [unit/yr], ``points`` [pp/yr, bounded
        to 0–100], ``flow`` [unit/yr, the yearly value itself] or ``derived`` (from others).
    baseline : Sourced or None
        Value in the base year. Optional only for derived indicators.
    trend : Sourced or None
        The pace observed in the base year, in driver units (e.g. 2025 growth [%]).
    op, inputs, scale :
        For derived indicators: ``sum`` of inputs, ``ratio`` inputs[0]/inputs[1]×scale,
        ``share`` inputs[0]/inputs[1]×100.
    targets, milestones : tuple of Target
    price_basis : str
        ``real``, ``nominal`` or empty where it does not matter.
    lead_department : str
        牵头部门, the department answerable for the indicator; empty where not given.
    note, note_zh : str
        A remark on the indicator, in English and (optionally) Chinese.
    driver_min, driver_max, driver_step : float
        Slider range of the driver, in driver units.
    """

    id: str
    name_zh: str
    name_en: str
    unit: str
    area: str
    dynamic: str
    baseline: Sourced | None
    trend: Sourced | None = None
    op: str = ""
    inputs: tuple[str, ...] = ()
    scale: float = 1.0
    targets: tuple[Target, ...] = ()
    milestones: tuple[Target, ...] = ()
    history: tuple[History, ...] = ()
    price_basis: str = ""
    note: str = ""
    lead_department: str = ""
    note_zh: str = ""
    driver_min: float = -10.0
    driver_max: float = 30.0
    driver_step: float = 0.1
    domain_min: float = 0.0
    domain_max: float = math.inf

    @property
    def domain(self) -> tuple[float, float]:
        """The values this indicator can physically take, ``(floor, ceiling)`` [indicator unit]."""
        return self.domain_min, self.domain_max

    @property
    def is_driver(self) -> bool:
        return self.dynamic != "derived"

    def note_in(self, lang: str) -> str:
        """The remark in ``lang`` (``zh``: the Chinese text, "" if the file gives none)."""
        return self.note_zh if lang == "zh" else self.note

    @property
    def value_unit(self) -> str:
        """Unit of projected values: the report's unit, or an index where the level is unknown."""
        if self.baseline is not None and self.baseline.index:
            return INDEX_UNIT
        return self.unit

    @property
    def is_percent(self) -> bool:
        return self.unit in PERCENT_UNITS

    @property
    def pace_unit(self) -> str:
        """Unit of this indicator's driver, e.g. ``%/年`` or ``万千瓦/年``."""
        return pace_unit(self.dynamic, self.value_unit)


def default_domain(unit: str) -> tuple[float, float]:
    """The domain an indicator measured in ``unit`` gets when its table sets none: [0, 100] for a
    percentage, [0, ∞) for every other unit (money, people, areas, capacities, firms, µg/m³ and
    indexes cannot be negative, and have no natural ceiling)."""
    return (0.0, 100.0) if unit in PERCENT_UNITS else (0.0, math.inf)


def domain_text(low: float, high: float) -> str:
    """``[0, 100]`` or ``[0, ∞)`` for messages."""
    return f"[{low:g}, {high:g}]" if math.isfinite(high) else f"[{low:g}, ∞)"


def pace_unit(dynamic: str, unit: str) -> str:
    """Unit of a driver (pace) for an indicator of ``dynamic`` measured in ``unit``."""
    if dynamic == "compound":
        return "%/年"
    if dynamic == "points":
        return "百分点/年"
    return f"{unit}/年"



def parse_indicator(f: Fields, base_year: int, horizon: int) -> Indicator:
    f.allow_only(formats.INDICATOR)
    ind_id = f.str("id")
    if not ind_id.replace("_", "").isalnum() or not ind_id.isascii() or ind_id[0].isdigit():
        raise f.fail("id", "bad_id", id=ind_id)
    f = Fields(f.table, f.source, f"indicator[{ind_id}]", f.error)
    dynamic = f.str("dynamic", choices=DYNAMICS)
    unit = f.str("unit")
    percent = unit in PERCENT_UNITS
    low, high = _parse_domain(f, unit)
    baseline = parse_number(f.sub("baseline", None), dynamic != "derived", f, "baseline")
    if baseline is not None and not low <= baseline.value <= high:
        raise f.fail("baseline.value", "baseline_outside_domain", value=baseline.value,
                     domain=domain_text(low, high), unit=unit)
    if baseline is not None and dynamic == "compound" and baseline.value <= 0:
        raise f.fail("baseline.value", "baseline_not_positive", value=baseline.value)
    trend = parse_number(f.sub("trend", None), False, f, "trend")
    if trend is not None and dynamic == "derived":
        raise f.fail("trend", "derived_no_trend")
    if trend is not None and dynamic == "compound" and trend.value <= -100:
        raise f.fail("trend.value", "growth_impossible", value=trend.value)
    op, inputs, scale = _parse_derivation(f, dynamic, percent)
    dmin, dmax, dstep = _parse_driver_range(f, dynamic)
    start = baseline.value if baseline is not None else 1.0
    targets = tuple(_parse_target(t, ind_id, dynamic, (low, high), base_year, horizon, False, start)
                    for t in f.subs("target"))
    milestones = tuple(_parse_target(t, ind_id, dynamic, (low, high), base_year, horizon, True, start)
                       for t in f.subs("milestone"))
    history = tuple(parse_history(h, ind_id, base_year, start, dynamic == "compound") for h in f.subs("history"))
    return Indicator(
        id=ind_id, name_zh=f.str("name_zh"), name_en=f.str("name_en"), unit=unit,
        area=f.str("area", choices=AREAS), dynamic=dynamic, baseline=baseline, trend=trend,
        op=op, inputs=inputs, scale=scale, targets=targets, milestones=milestones, history=history,
        price_basis=f.str("price_basis", "", choices=("real", "nominal")), note=f.str("note", ""),
        note_zh=f.str("note_zh", ""), lead_department=f.str("lead_department", ""),
        driver_min=dmin, driver_max=dmax, driver_step=dstep, domain_min=low, domain_max=high,
    )


def _parse_domain(f: Fields, unit: str) -> tuple[float, float]:
    """The indicator's ``domain = { min, max }``, each bound defaulting to its unit's
    (:func:`default_domain`); a percentage's domain stays inside [0, 100]."""
    low, high = default_domain(unit)
    table = f.sub("domain", None)
    if table is None:
        return low, high
    table.allow_only(formats.DOMAIN)
    low, high = table.num("min", low), table.num("max", high)
    if not low < high:
        raise table.fail("min", "domain_empty", low=low, high=high)
    if unit in PERCENT_UNITS and not 0 <= low < high <= 100:
        raise table.fail("min", "domain_percent", low=low, high=high)
    return low, high


def _parse_derivation(f: Fields, dynamic: str, percent: bool) -> tuple[str, tuple[str, ...], float]:
    if dynamic != "derived":
        for key in ("op", "inputs", "scale"):
            if f.has(key):
                raise f.fail(key, "derived_only", name=key)
        return "", (), 1.0
    op = f.str("op", choices=DERIVED_OPS)
    inputs = f.strs("inputs")
    if not inputs:
        raise f.fail("inputs", "no_inputs")
    if op in ("ratio", "share") and len(inputs) != 2:
        raise f.fail("inputs", "two_inputs", op=op, n=len(inputs))
    if op == "share" and not percent:
        raise f.fail("unit", "share_unit")
    return op, inputs, f.num("scale", 1.0)


def _parse_driver_range(f: Fields, dynamic: str) -> tuple[float, float, float]:
    dmin, dmax, dstep = _default_range(dynamic)
    drv = f.sub("driver", None)
    if drv is None:
        return dmin, dmax, dstep
    if dynamic == "derived":
        raise f.fail("driver", "derived_no_driver")
    drv.allow_only(formats.DRIVER)
    dmin, dmax, dstep = drv.num("min", dmin), drv.num("max", dmax), drv.num("step", dstep)
    if not dmin < dmax or dstep <= 0:
        raise drv.fail("min", "driver_range_empty", low=dmin, high=dmax, step=dstep)
    if dynamic == "compound" and dmin <= -100:
        raise drv.fail("min", "growth_impossible", value=dmin)
    return dmin, dmax, dstep


def _default_range(dynamic: str) -> tuple[float, float, float]:
    return {"compound": (-10.0, 30.0, 0.1), "points": (-5.0, 5.0, 0.1)}.get(dynamic, (-100.0, 100.0, 1.0))




def _parse_target(f: Fields, ind_id: str, dynamic: str, domain: tuple[float, float], base_year: int,
                  horizon: int, milestone: bool, start: float = 1.0) -> Target:
    year = f.int("year")
    if not base_year < year <= horizon:
        raise f.fail("year", "target_year_outside", year=year, first=base_year + 1, last=horizon)
    kind = f.str("kind", choices=TARGET_KINDS)
    direction = f.str("direction", choices=DIRECTIONS)
    if kind == "cumulative" and dynamic != "flow":
        raise f.fail("kind", "cumulative_not_flow")
    if kind == "growth" and dynamic not in ("compound", "derived"):
        raise f.fail("kind", "growth_kind", dynamic=dynamic)
    if kind == "growth" and direction == "hold":
        raise f.fail("direction", "hold_growth")
    number = parse_number(f, True, f, "value", formats.TARGET)
    assert number is not None
    if kind == "growth" and number.value <= -100:
        raise f.fail("value", "growth_impossible", value=number.value)
    # The level a growth target asks for, start × (1 + g)^years, in logs: it must be a finite number.
    if kind == "growth" and math.log(max(start, 1.0)) + (year - base_year) * math.log1p(number.value / 100) > LOG_MAX:
        raise f.fail("value", "growth_target_overflow", value=number.value, year=year)
    if kind == "level" and not domain[0] <= number.value <= domain[1]:
        raise f.fail("value", "target_outside_domain", value=number.value, domain=domain_text(*domain))
    return Target(indicator=ind_id, year=year, kind=kind, direction=direction, number=number,
                  milestone=milestone, attribute=parse_attribute(f))
