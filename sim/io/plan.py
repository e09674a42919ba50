"""The plan: a district's indicators gathered, with its years, check tolerances and dependency
graph, and how a plan file is loaded (one indicator's data and table: :mod:`sim.io.indicator`).

A plan file (TOML) describes one district's five-year plan. Every number carries its
basis: ``reported`` (with the report's exact words), ``derived`` (with the formula) or
``assumed`` (with the reason). The embedded default is Ganzhou's 15th plan,
``sim/data/ganzhou.toml``; any other district's file of the same format loads the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path

from sim.io import formats
from sim.io.errors import InputError, PlanError
from sim.io.fields import Fields, read_toml
from sim.io.history import HISTORY_MEASURES, History
from sim.io.indicator import (
    DERIVED_OPS,
    INDEX_UNIT,
    PERCENT_UNITS,
    Indicator,
    Target,
    pace_unit,
    parse_indicator,
)
from sim.io.links import Links, parse_links
from sim.io.sourced import Sourced


@dataclass(frozen=True)
class CheckTolerances:
    """How far short of a target still counts as ``at_risk`` rather than ``missed``.

    Attributes
    ----------
    growth_pp : float
        Growth targets [percentage points of average annual growth].
    percent_pp : float
        Level targets on percentages [percentage points].
    level_rel : float
        Other level and cumulative targets [fraction of the target value].
    """

    growth_pp: float = 0.5
    percent_pp: float = 1.0
    level_rel: float = 0.02


@dataclass(frozen=True)
class ReviewThresholds:
    """Bands of the annual monitoring and the mid-term review (the plan's ``[review]`` table).

    Progress is the distance covered over the distance scheduled for the year (序时进度), so
    1 is exactly on the constant-pace path to the target.

    Attributes
    ----------
    ahead : float
        Progress at or above which a target is 快于预期 (ahead) [ratio, ≥ 1].
    behind : float
        Progress below which a target is 滞后于预期 (behind) and gets a warning [ratio, ≤ 1].
    red : float
        Progress below which a 约束性 (binding) target's warning is red rather than yellow
        [ratio, ≤ ``behind``]. Expected (预期性) targets are never red.
    """

    ahead: float = 1.10
    behind: float = 0.90
    red: float = 0.90


@dataclass(frozen=True, eq=False)
class Plan:
    """A district's five-year plan as data.

    Attributes
    ----------
    id, district_zh, district_en, title_zh, title_en : str
    base_year : int
        Last year with outcomes (2025): the start of every projection.
    target_year : int
        Year of the plan's targets (2030).
    horizon : int
        Default last projected year (may exceed ``target_year``, e.g. 2035).
    indicators : tuple of Indicator
        In file order.
    tolerances : CheckTolerances
    review : ReviewThresholds
    source_file, source_title_zh, source_title_en : str
        The document every quote comes from.
    path : str
        Where the plan was loaded from.
    links : Links
        Paces that follow other indicators' growth (:mod:`sim.io.links`).

    Plans compare and hash by identity, so compiled arrays can be cached per plan.
    """

    id: str
    district_zh: str
    district_en: str
    title_zh: str
    title_en: str
    base_year: int
    target_year: int
    horizon: int
    indicators: tuple[Indicator, ...]
    tolerances: CheckTolerances = field(default_factory=CheckTolerances)
    review: ReviewThresholds = field(default_factory=ReviewThresholds)
    source_file: str = ""
    source_title_zh: str = ""
    source_title_en: str = ""
    path: str = ""
    links: Links = field(default_factory=Links)

    @cached_property
    def by_id(self) -> dict[str, Indicator]:
        return {ind.id: ind for ind in self.indicators}

    @cached_property
    def index(self) -> dict[str, int]:
        """Position of each indicator id in :attr:`indicators`."""
        return {ind.id: i for i, ind in enumerate(self.indicators)}

    @cached_property
    def drivers(self) -> tuple[Indicator, ...]:
        """Indicators that have a driver (all but derived), in file order."""
        return tuple(ind for ind in self.indicators if ind.is_driver)

    @cached_property
    def driver_index(self) -> dict[str, int]:
        return {ind.id: i for i, ind in enumerate(self.drivers)}

    @cached_property
    def derived_order(self) -> tuple[Indicator, ...]:
        """Derived indicators in dependency order (inputs first)."""
        return tuple(ind for ind in topological_order(self.indicators, self.path) if not ind.is_driver)

    @property
    def targets(self) -> tuple[Target, ...]:
        return tuple(t for ind in self.indicators for t in ind.targets)

    @property
    def milestones(self) -> tuple[Target, ...]:
        return tuple(t for ind in self.indicators for t in ind.milestones)

    def indicator(self, ind_id: str) -> Indicator:
        """Look an indicator up by id; an unknown id raises :class:`PlanError` listing valid ones."""
        try:
            return self.by_id[ind_id]
        except KeyError:
            raise PlanError(self.path, "indicator", code="unknown_indicator_known",
                            params={"name": ind_id, "known": ", ".join(self.by_id)}) from None

    def leaves(self, ind_id: str) -> tuple[str, ...]:
        """Driver indicators that ``ind_id`` depends on (itself if it is a driver)."""
        ind = self.by_id[ind_id]
        if ind.is_driver:
            return (ind.id,)
        out: list[str] = []
        for name in ind.inputs:
            for leaf in self.leaves(name):
                if leaf not in out:
                    out.append(leaf)
        return tuple(out)

    def years(self, horizon: int | None = None) -> tuple[int, ...]:
        """Projection years, base year included."""
        return tuple(range(self.base_year, (self.horizon if horizon is None else horizon) + 1))

    #: How far past the base year a projection may run [years].
    MAX_HORIZON_YEARS = 50

    def check_horizon(self, horizon: int, source: str, field: str,
                      error: type[InputError] = InputError) -> int:
        """``horizon`` if a projection may end there (the target year to 50 years past the base
        year), else an :class:`InputError` naming ``source`` and ``field`` (a file's field, or the
        command-line option the user typed)."""
        last = self.base_year + self.MAX_HORIZON_YEARS
        if isinstance(horizon, bool) or not isinstance(horizon, int) or not self.target_year <= horizon <= last:
            raise error(source, field, code="horizon_year",
                        params={"horizon": horizon, "first": self.target_year, "last": last})
        return horizon


def pace_dynamic(plan: Plan, ind_id: str) -> str:
    """The dynamic in whose units an indicator's pace is expressed: its own for a driver,
    ``points`` for a share, ``compound`` for a ratio, and for a sum the common dynamic of its
    inputs (``additive`` when they differ)."""
    ind = plan.by_id[ind_id]
    if ind.is_driver:
        return ind.dynamic
    if ind.op == "share":
        return "points"
    if ind.op == "ratio":
        return "compound"
    kinds = {plan.by_id[x].dynamic for x in plan.leaves(ind_id)}
    return kinds.pop() if len(kinds) == 1 else "additive"


def topological_order(indicators: tuple[Indicator, ...], source: str = "") -> list[Indicator]:
    """Order indicators so that every derived one follows its inputs; reject cycles."""
    by_id = {ind.id: ind for ind in indicators}
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    order: list[Indicator] = []

    def visit(ind: Indicator, trail: list[str]) -> None:
        if state.get(ind.id) == 2:
            return
        if state.get(ind.id) == 1:
            cycle = " → ".join([*trail[trail.index(ind.id):], ind.id])
            raise PlanError(source, f"indicator[{ind.id}].inputs", code="derived_cycle", params={"cycle": cycle})
        state[ind.id] = 1
        for name in ind.inputs:
            visit(by_id[name], [*trail, ind.id])
        state[ind.id] = 2
        order.append(ind)

    for ind in indicators:
        visit(ind, [])
    return order


# --------------------------------------------------------------------------- loading

def default_plan_path() -> Path:
    """Path of the embedded Ganzhou plan."""
    return Path(str(resources.files("sim") / "data" / "ganzhou.toml"))


def load_plan(path: str | Path | None = None) -> Plan:
    """Load and validate a plan file.

    Parameters
    ----------
    path : str or Path, optional
        A plan TOML file. Default: the embedded Ganzhou plan.

    Returns
    -------
    Plan

    Raises
    ------
    PlanError
        Naming the file, the field and the reason, for any malformed or inconsistent input.
    """
    path = Path(path) if path is not None else default_plan_path()
    return parse_plan(read_toml(path, PlanError), str(path))


def parse_plan(data: dict, source: str) -> Plan:
    """Build a :class:`Plan` from parsed TOML; see :func:`load_plan`."""
    root = Fields(data, source, "", PlanError)
    root.allow_only(formats.PLAN)
    if root.int("schema_version", 1) != 1:
        raise root.fail("schema_version", "schema_version")
    meta = root.sub("plan")
    meta.allow_only(formats.PLAN_META)
    base_year = meta.int("base_year")
    target_year = meta.int("target_year")
    if target_year <= base_year:
        raise meta.fail("target_year", "target_year_order", target_year=target_year, base_year=base_year)
    horizon = meta.int("horizon", target_year)
    if not target_year <= horizon <= base_year + 50:
        raise meta.fail("horizon", "horizon_range", horizon=horizon, target_year=target_year, last=base_year + 50)
    tol = root.sub("check", None)
    tolerances = CheckTolerances()
    if tol is not None:
        tol.allow_only(formats.CHECK)
        tolerances = CheckTolerances(*(_non_negative(tol, k, getattr(tolerances, k))
                                       for k in ("growth_pp", "percent_pp", "level_rel")))
    review = _parse_review(root.sub("review", None))
    entries = root.subs("indicator")
    if not entries:
        raise root.fail("indicator", "no_indicators")
    indicators = []
    seen: set[str] = set()
    for entry in entries:
        ind = parse_indicator(entry, base_year, horizon)
        if ind.id in seen:
            raise entry.fail("id", "duplicate_id", id=ind.id)
        seen.add(ind.id)
        indicators.append(ind)
    indicators = tuple(indicators)
    _check_graph(indicators, entries)
    topological_order(indicators, source)
    links = parse_links(root.sub("links", None), indicators)
    _check_denominators(indicators, entries)
    return Plan(
        id=meta.str("id"), district_zh=meta.str("district_zh"), district_en=meta.str("district_en"),
        title_zh=meta.str("title_zh"), title_en=meta.str("title_en"), base_year=base_year,
        target_year=target_year, horizon=horizon, indicators=indicators, tolerances=tolerances,
        review=review, source_file=meta.str("source_file", ""), source_title_zh=meta.str("source_title_zh", ""),
        source_title_en=meta.str("source_title_en", ""), path=source, links=links,
    )


def _parse_review(f: Fields | None) -> ReviewThresholds:
    if f is None:
        return ReviewThresholds()
    f.allow_only(formats.REVIEW)
    d = ReviewThresholds()
    ahead, behind = f.num("ahead", d.ahead), f.num("behind", d.behind)
    red = f.num("red", min(d.red, behind))
    if ahead < 1:
        raise f.fail("ahead", "review_ahead", value=ahead)
    if not 0 < behind <= 1:
        raise f.fail("behind", "review_behind", value=behind)
    if not 0 < red <= behind:
        raise f.fail("red", "review_red", value=red, behind=behind)
    return ReviewThresholds(ahead, behind, red)


def _non_negative(f: Fields, key: str, default: float) -> float:
    value = f.num(key, default)
    if value < 0:
        raise f.fail(key, "negative", value=value)
    return value


def never_zero(by_id: dict[str, Indicator], ind_id: str) -> bool:
    """Whether ``ind_id`` stays above 0 in every year of every projection: a compound indicator
    (growth must exceed −100 % and its actuals must be positive), one whose domain starts above 0,
    a sum of non-negative inputs one of which never reaches 0, and a ratio or share whose
    numerator never reaches 0."""
    ind = by_id[ind_id]
    if ind.dynamic == "compound" or ind.domain_min > 0:
        return True
    if ind.op == "sum":
        return (all(by_id[x].domain_min >= 0 for x in ind.inputs)
                and any(never_zero(by_id, x) for x in ind.inputs))
    if ind.op in ("ratio", "share"):
        return never_zero(by_id, ind.inputs[0]) and never_zero(by_id, ind.inputs[1])
    return False


def _check_denominators(indicators: tuple[Indicator, ...], entries: list[Fields]) -> None:
    """A ratio or share whose denominator may be 0 would show an infinite number: refused here,
    in the plan file, rather than as ``inf`` in some year of some scenario."""
    by_id = {ind.id: ind for ind in indicators}
    for ind, entry in zip(indicators, entries, strict=True):
        if ind.op in ("ratio", "share") and not never_zero(by_id, ind.inputs[1]):
            den = by_id[ind.inputs[1]]
            raise entry.error(entry.source, f"indicator[{ind.id}].inputs", code="zero_denominator",
                              params={"denominator": den.id, "dynamic": den.dynamic, "low": den.domain_min,
                                      "name": ind.id})


def _check_graph(indicators: tuple[Indicator, ...], entries: list[Fields]) -> None:
    known = {ind.id for ind in indicators}
    for ind, entry in zip(indicators, entries, strict=True):
        for name in ind.inputs:
            if name not in known:
                raise entry.error(entry.source, f"indicator[{ind.id}].inputs", code="unknown_input",
                                  params={"name": name})
            if name == ind.id:
                raise entry.error(entry.source, f"indicator[{ind.id}].inputs", code="own_input")
        if ind.op == "sum":
            by_id = {x.id: x for x in indicators}
            units = {by_id[name].value_unit for name in ind.inputs if name in by_id}
            if units - {ind.unit}:
                raise entry.error(entry.source, f"indicator[{ind.id}].inputs", code="sum_units",
                                  params={"unit": ind.unit, "units": ", ".join(sorted(units))})


__all__ = ["DERIVED_OPS", "HISTORY_MEASURES", "INDEX_UNIT", "PERCENT_UNITS", "CheckTolerances", "History",
           "Indicator", "Plan", "Sourced", "Target", "default_plan_path", "load_plan", "pace_dynamic",
           "pace_unit", "parse_plan", "topological_order"]
