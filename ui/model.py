"""The app's scenario: a base scenario from ``scenarios/`` plus the planner's changes.

Pure Python (no Streamlit), so it is tested on its own.

* :class:`AppScenario` holds the base scenario's name, the driver paths the planner changed
  (always a full 2026–2030 path; a path equal to the base is dropped), entered actuals and
  optional name/titles. :meth:`AppScenario.build` turns it into an engine
  :class:`~sim.Scenario` (a child of the base), which is what gets projected and exported.
* :func:`set_path`, :func:`set_actual` and :func:`reset` are the only ways it changes; each
  refuses an impossible value with :class:`AppInputError`.

Its URL form is :mod:`ui.url`; uploads and saving are :mod:`ui.files`. Messages are i18n keys (see :mod:`ui.i18n`) with their placeholder values, so the caller
shows them in the planner's language.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from sim import Scenario, resolve
from sim.io.actuals import validate_actual
from sim.io.errors import InputError
from sim.io.plan import Indicator, Plan

from .i18n import Names, Twin, lang, unit
from .texts import TEXT

DEFAULT_BASE = "plan"
#: A scenario name: letters, digits, - and _, at most 40 characters.
NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,39}")
#: Longest title or rationale accepted.
MAX_TEXT = 200

Loader = Callable[[str], Scenario]


class AppInputError(ValueError):
    """A value, file or name the app cannot use; ``key`` and ``values`` form the message."""

    def __init__(self, key: str, **values):
        self.key = key
        self.values = values
        super().__init__(f"{key}: {values}")


@dataclass(frozen=True)
class Note:
    """A query parameter (or file field) that was ignored: the reason is ``t(key, **values)``.
    ``applied``: it was used, completed as the reason says (a short yearly path)."""

    param: str
    value: str
    key: str
    values: dict = field(default_factory=dict)
    applied: bool = False


@dataclass(frozen=True, eq=False)
class AppScenario:
    """The planner's scenario as the app keeps it.

    Attributes
    ----------
    base : str
        Name of the starting scenario (a file in ``scenarios/``).
    drivers : dict
        Driver id → pace in each projected year (2026–2030) [driver unit], only where it
        differs from the base.
    actuals : dict
        Indicator id → {year: observed value} [indicator unit].
    name, title_zh, title_en, rationale : str
        Empty means "derived from the base" (``plan-custom``, ``规划目标(调整)``).
    uncertainty, correlation : dict
        Kept from an uploaded file for the uncertainty page; not part of the URL.
    """

    base: str = DEFAULT_BASE
    drivers: dict[str, tuple[float, ...]] = field(default_factory=dict)
    actuals: dict[str, dict[int, float]] = field(default_factory=dict)
    name: str = ""
    title_zh: str = ""
    title_en: str = ""
    rationale: str = ""
    uncertainty: dict = field(default_factory=dict)
    correlation: dict = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        """True if this is more than the base scenario itself."""
        return bool(self.drivers or self.actuals or self.name or self.title_zh or self.title_en
                    or self.rationale or self.uncertainty)

    @property
    def n_actuals(self) -> int:
        return sum(len(v) for v in self.actuals.values())

    def key(self) -> str:
        """A stable text identity (for caches and comparisons)."""
        return json.dumps({
            "base": self.base, "drivers": self.drivers,
            "actuals": {k: {str(y): v for y, v in sorted(o.items())} for k, o in self.actuals.items()},
            "meta": [self.name, self.title_zh, self.title_en, self.rationale],
            "unc": [self.uncertainty, self.correlation],
        }, sort_keys=True, ensure_ascii=False, default=str)

    def build(self, base: Scenario, child: bool = False) -> Scenario:
        """The engine scenario: ``base`` itself if nothing changed (and ``child`` is False),
        else a child of ``base`` carrying the changes."""
        if not self.changed and not child:
            return base
        drivers = {k: (v[0] if constant(v) else tuple(v)) for k, v in self.drivers.items()}
        scn = base.with_changes(
            name=self.name or f"{base.name}-custom",
            drivers=drivers,
            actuals=self.actuals,
            title_zh=self.title_zh or f"{base.title_zh}(调整)",
            title_en=self.title_en or f"{base.title_en} (adjusted)",
            # one line per language, so each language's file and sheet shows its own line
            # (sim.report.frames.rationale_in), not both run together
            rationale=self.rationale or f"在应用中以“{base.title_zh}”为起点调整。\n"
                                        f"Adjusted in the app, starting from “{base.title_en}”.",
        )
        if self.uncertainty or self.correlation:
            scn = replace(scn, uncertainty=dict(self.uncertainty), correlation=dict(self.correlation))
        return scn


def constant(path: Sequence[float]) -> bool:
    return all(abs(x - path[0]) < 1e-12 for x in path)


# --------------------------------------------------------------------------- typed numbers

#: ``1,600`` or ``12,500.5``: commas that group thousands.
_GROUPED = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d*)?")


def parse_number(text: str) -> float:
    """A number as a planner types it: ``6.5``, ``6,5`` (decimal comma), ``1,600`` (thousands),
    full-width digits, a trailing ``%``.

    Raises
    ------
    AppInputError
        ``num.empty`` for an empty box (the caller keeps the old value), ``url.bad_number``
        for anything else that is not a finite number.
    """
    raw = unicodedata.normalize("NFKC", str(text)).replace(" ", "").replace("\u00a0", "").removesuffix("%")
    if not raw:
        raise AppInputError("num.empty")
    if "," in raw:
        if _GROUPED.fullmatch(raw):
            raw = raw.replace(",", "")
        elif raw.count(",") == 1 and "." not in raw:
            raw = raw.replace(",", ".")
        else:
            raise AppInputError("url.bad_number")
    try:
        value = float(raw)
    except ValueError:
        raise AppInputError("url.bad_number") from None
    if not math.isfinite(value):
        raise AppInputError("url.bad_number")
    return value


def number_text(value: float) -> str:
    """A value for an entry box: as precise as stored, no grouping (``197.2``, ``-0.05``)."""
    return f"{round(float(value), 6):.6f}".rstrip("0").rstrip(".") or "0"


# --------------------------------------------------------------------------- changes

def paths_of(plan: Plan, scenario: Scenario) -> np.ndarray:
    """Driver paths (D, Y) of a scenario [driver unit], validated by the engine."""
    return resolve(plan, scenario, plan.horizon).drivers


def pace_problem(ind: Indicator, values: Sequence[float]) -> tuple[str, dict] | None:
    """Why a driver pace is impossible (an i18n key and values), or None if it is fine."""
    for v in values:
        if not math.isfinite(v):
            return "url.bad_number", {}
        if ind.dynamic == "compound" and v <= -100:
            return "range.growth_min", {}
        if ind.dynamic == "points" and abs(v) > 100:
            return "range.points_max", {}
    return None


def actual_problem(plan: Plan, ind_id: str, year: int, value: float) -> tuple[str, dict] | None:
    """Why an observed value cannot be used (an i18n key and values), or None.

    ACTUALS VALIDATION: the app's one call site. Every actual the app accepts (typed on the
    assumptions page, read from a link or an uploaded file) passes through here, and the
    decision is the engine's one validator, :func:`sim.io.actuals.validate_actual` (drivers
    only, years after the base year). Its reason is worded in the interface language: by the
    error's ``code`` where the engine gives one, else by the app's key for the cases it knows,
    else the engine's own reason in the interface language (:meth:`~sim.io.errors.InputError.reason_in`).
    """
    years = plan.years()[1:]
    try:
        validate_actual(plan, ind_id, year, value, source="app", field=f"actual.{ind_id}", years=years,
                        derived=False)
    except InputError as exc:
        code = getattr(exc, "code", None)
        if code and f"actual.{code}" in TEXT:
            return f"actual.{code}", {"field": exc.field, "detail": exc.reason}
        # the engine's own reason, worded from its code in the interface language (an actual
        # outside a plan's own narrower range has no app key), never its English in Chinese
        return _known_problem(plan, ind_id, year, value) or ("error.detail", {"detail": exc.reason_in(lang())})
    return None


def _known_problem(plan: Plan, ind_id: str, year: int, value: float) -> tuple[str, dict] | None:
    """The app's words for the refusals of :func:`validate_actual` it knows (checked in its order)."""
    years = plan.years()[1:]
    ind = plan.by_id.get(ind_id)
    if ind is None:
        return "url.unknown_param", {}
    if not ind.is_driver:
        return "url.derived", {"inputs": Names.of(plan, plan.leaves(ind_id))}
    if year not in years:
        return "url.bad_year", {"first": years[0], "last": years[-1]}
    if not math.isfinite(value):
        return "url.bad_number", {}
    if ind.is_percent and not 0 <= value <= 100:
        return "range.percent", {}
    if ind.dynamic == "compound" and value <= 0:
        return "range.positive", {}
    if ind.dynamic == "additive" and value < 0:
        return "range.level", {}
    if ind.baseline is not None and ind.baseline.index:
        k = year - plan.base_year
        return "range.index", {"base": f"{ind.baseline.value:g}", "low": f"{ind.baseline.value * 0.5 ** k:.3g}",
                               "high": f"{ind.baseline.value * 2.0 ** k:.3g}",
                               "unit": Twin(unit(ind.unit, "zh"), unit(ind.unit, "en"))}  # worded when shown
    return None


def set_path(state: AppScenario, plan: Plan, base_paths: np.ndarray, driver_id: str,
             path: Sequence[float]) -> AppScenario:
    """``state`` with one driver's 2026–2030 path replaced (dropped if equal to the base).

    Raises
    ------
    AppInputError
        For an impossible pace (growth of −100% or less, more than 100 points a year).
    """
    ind = plan.drivers[plan.driver_index[driver_id]]
    path = tuple(float(x) for x in path)
    problem = pace_problem(ind, path)
    if problem:
        raise AppInputError(problem[0], **problem[1])
    d = plan.driver_index[driver_id]
    drivers = dict(state.drivers)
    if np.allclose(path, base_paths[d], rtol=0, atol=1e-9):
        drivers.pop(driver_id, None)
    else:
        drivers[driver_id] = path
    order = {ind.id: i for i, ind in enumerate(plan.drivers)}
    return replace(state, drivers=dict(sorted(drivers.items(), key=lambda kv: order[kv[0]])))


def set_actual(state: AppScenario, plan: Plan, ind_id: str, year: int, value: float | None) -> AppScenario:
    """``state`` with one observed value added, replaced or (``value=None``) removed."""
    actuals = {k: dict(v) for k, v in state.actuals.items()}
    if value is None:
        actuals.get(ind_id, {}).pop(year, None)
    else:
        problem = actual_problem(plan, ind_id, int(year), float(value))
        if problem:
            raise AppInputError(problem[0], **problem[1])
        actuals.setdefault(ind_id, {})[int(year)] = float(value)
    actuals = {k: dict(sorted(v.items())) for k, v in actuals.items() if v}
    return replace(state, actuals=actuals)


def reset(state: AppScenario, driver_ids: Sequence[str] | None = None) -> AppScenario:
    """Drop the changes of the given drivers (all if None): back to the base."""
    if driver_ids is None:
        return replace(state, drivers={})
    keep = {k: v for k, v in state.drivers.items() if k not in set(driver_ids)}
    return replace(state, drivers=keep)
