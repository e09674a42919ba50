"""Observed values (actuals): reading them from a CSV or TOML file, and the one rule that says
whether an observed value fits the plan (:func:`validate_actual`).

CSV: columns ``indicator, year, value`` (UTF-8, a BOM is fine, or GB18030 as Excel saves it in Chinese). TOML: the same table a
scenario file uses, ``[actuals.<indicator>]`` with ``<year> = <value>`` lines.
:func:`validate_actual` is called by scenario resolution (:mod:`sim.engine.resolve`), the
mid-term review (:mod:`sim.review.midterm`) and the app, so all three accept the same values.
"""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path

from sim.io.errors import InputError
from sim.io.fields import MAX_FILE_BYTES, Fields, decode_text, parse_toml, read_limited, year_of
from sim.io.indicator import domain_text
from sim.io.plan import Plan, pace_dynamic

Actuals = dict[str, dict[int, float]]


def validate_actual(plan: Plan, key: str, year: int, value: float, *, source: str, field: str,
                    years: tuple[int, ...] | None = None, derived: bool = True,
                    error: type[InputError] = InputError) -> None:
    """Raise ``error(source, field, reason)`` unless ``value`` can be an observation of ``key`` in ``year``.

    Parameters
    ----------
    plan : Plan
    key : str
        Indicator id.
    year : int
    value : float
        The observed value [indicator unit].
    source : str
        File (or other origin) named in the error.
    field : str
        Field naming the indicator (e.g. ``actuals.visitors``); a value's field is
        ``{field}.{year}``.
    years : tuple of int, optional
        Years an actual may fall in (a projection's horizon); default: the plan period,
        base year excluded.
    derived : bool
        Whether a derived indicator (GDP, a share) may be observed: yes for the mid-term
        review, no for a scenario (whose actuals replace driver values).
    error : subclass of InputError
        :class:`~sim.io.errors.ScenarioError` for scenario files.

    Rules: a known indicator (a driver unless ``derived``); a year in range; a finite number; a
    value within the indicator's domain (:attr:`~sim.io.indicator.Indicator.domain`: a percentage
    within [0, 100], other units at least 0 unless the plan says otherwise); a positive value
    where the indicator compounds, whose ratio to the base-year level is a positive finite number; and for an indicator whose baseline is an index, a value
    on that index (within ×0.5…×2 a year of it), not in the report's unit.
    """
    ind = plan.by_id.get(key)
    if ind is None:
        raise error(source, field, code="unknown_actual", params={"key": key, "known": ", ".join(plan.by_id)})
    if not derived and not ind.is_driver:
        raise error(source, field, code="derived_actual", params={"key": key, "inputs": ", ".join(ind.inputs)})
    where = f"{field}.{year}"
    horizon = years is not None
    years = years if years is not None else tuple(range(plan.base_year + 1, plan.target_year + 1))
    if year not in years:
        raise error(source, where, code="year_outside" if horizon else "year_outside_period",
                    params={"year": year, "first": years[0], "last": years[-1]})
    if not math.isfinite(value):
        raise error(source, where, code="not_finite", params={"value": value})
    dynamic = pace_dynamic(plan, key)
    if dynamic == "compound" and value <= 0:
        raise error(source, where, code="not_positive", params={"value": value, "key": key})
    if dynamic == "compound" and ind.baseline is not None and not 0 < value / ind.baseline.value < math.inf:
        # 5e-324 is positive, but its ratio to the base year is 0: growth from it is log(0).
        raise error(source, where, code="ratio_off_scale",
                    params={"value": value, "key": key, "base": ind.baseline.value, "unit": ind.value_unit})
    if not ind.domain_min <= value <= ind.domain_max:
        raise error(source, where, code="outside_domain",
                    params={"value": value, "domain": domain_text(*ind.domain), "key": key, "unit": ind.value_unit})
    if ind.baseline is not None and ind.baseline.index:
        k = year - plan.base_year
        low, high = ind.baseline.value * 0.5 ** k, ind.baseline.value * 2.0 ** k
        if not low <= value <= high:
            raise error(source, where, code="off_index", params={"value": value, "key": key, "low": low, "high": high,
                                                             "base": ind.baseline.value, "unit": ind.unit})


def validate_actuals(plan: Plan, actuals: Actuals, *, source: str, prefix: str = "", **options) -> None:
    """:func:`validate_actual` for every value of ``actuals`` (fields ``{prefix}{indicator}.{year}``),
    then :func:`check_parts` across them."""
    for key, obs in actuals.items():
        for year, value in obs.items():
            validate_actual(plan, key, year, value, source=source, field=f"{prefix}{key}", **options)
    check_parts(plan, actuals, source=source, prefix=prefix, error=options.get("error", InputError))


def wholes(plan: Plan) -> list[tuple[str, str, float]]:
    """Every ``(part, whole, scale)`` the plan implies, ``part ≤ scale × whole`` in every year: the
    inputs of a derived sum whose inputs cannot be negative, and the ``[[links.within]]`` bounds."""
    out = [(x, ind.id, 1.0) for ind in plan.indicators if ind.op == "sum"
           and all(plan.by_id[y].domain_min >= 0 for y in ind.inputs) for x in ind.inputs]
    return out + [(w.part, w.whole, w.scale) for w in plan.links.within]


def check_parts(plan: Plan, actuals: Actuals, *, source: str, prefix: str = "",
                error: type[InputError] = InputError) -> None:
    """Refuse an observed part above its whole observed the same year (a sector's value added above
    GDP, 工业投资 above 固定资产投资): each value can fit its domain while the two cannot both be
    true. Rounding in published statistics cannot make a part exceed its total, so no slack
    beyond the last bit is given."""
    for part, whole, scale in wholes(plan):
        for year, value in sorted(actuals.get(part, {}).items()):
            total = actuals.get(whole, {}).get(year)
            if total is not None and value > scale * total * (1 + 1e-12):
                raise error(source, f"{prefix}{part}.{year}", code="actual_over_whole",
                            params={"value": value, "unit": plan.by_id[part].value_unit, "key": part,
                                    "year": year, "whole": whole, "limit": scale * total})


def load_actuals(path: str | Path) -> Actuals:
    """Read actuals from ``path`` (``.csv`` or ``.toml``).

    Raises
    ------
    InputError
        Naming the file, the row or field, and the reason.
    """
    path = Path(path)
    return parse_actuals(read_limited(path), str(path), path.suffix.lower())


def parse_actuals(data: bytes, source: str, suffix: str) -> Actuals:
    """Parse actuals from file bytes; ``suffix`` is ``.csv`` or ``.toml``."""
    if len(data) > MAX_FILE_BYTES:
        raise InputError(source, "", code="too_big", params={"size": len(data), "limit": MAX_FILE_BYTES})
    if suffix == ".toml":
        root = Fields(parse_toml(data, source), source, "", InputError)
        root.allow_only({"actuals"})
        table = root.sub("actuals")
        out: Actuals = {}
        for key in table.table:
            obs = table.sub(key)
            for key_year in obs.table:
                year = year_of(key_year)
                if year is None:
                    raise obs.fail(str(key_year), "not_year_key", value=key_year)
                out.setdefault(key, {})[year] = obs.num(key_year)
        return out
    if suffix != ".csv":
        raise InputError(source, "", code="file_type", params={"suffix": suffix or "(none)", "allowed_en": ".csv or .toml",
                                                            "allowed": ".csv/.toml"})
    return _parse_csv(data, source)


def _parse_csv(data: bytes, source: str) -> Actuals:
    # Excel on a Chinese Windows saves "CSV (逗号分隔)" in GB18030 (GBK), not UTF-8.
    text, _ = decode_text(data, source)
    reader = csv.DictReader(io.StringIO(text))
    try:
        return _read_rows(reader, source)
    except csv.Error as exc:  # e.g. a field longer than the csv module's limit
        raise InputError(source, f"line {reader.line_num + 1}", code="not_csv", params={"detail_en": str(exc)}) from None


def _read_rows(reader: csv.DictReader, source: str) -> Actuals:
    header = list(reader.fieldnames or ())
    missing = {"indicator", "year", "value"} - set(header)
    if missing:
        raise InputError(source, "header", code="missing_columns", params={"columns": ", ".join(sorted(missing))})
    twice = next((c for i, c in enumerate(header) if c in header[:i]), None)
    if twice is not None:  # csv.DictReader would keep the last column of that name, silently
        raise InputError(source, "header", code="duplicate_column", params={"column": twice})
    out: Actuals = {}
    for row in reader:
        where = f"line {reader.line_num}"  # the file's own line, blank lines counted
        _check_width(row, len(header), source, where)
        try:
            year = int(row["year"])
        except (TypeError, ValueError):
            raise InputError(source, f"{where}.year", code="not_year", params={"value": row["year"]}) from None
        try:
            value = float(row["value"])
        except (TypeError, ValueError):
            raise InputError(source, f"{where}.value", code="not_number", params={"value": row["value"]}) from None
        if not math.isfinite(value):
            raise InputError(source, f"{where}.value", code="not_finite", params={"value": value})
        indicator = (row["indicator"] or "").strip()
        if year in out.get(indicator, {}):
            raise InputError(source, f"{where}", code="duplicate_value", params={"key": indicator, "year": year})
        out.setdefault(indicator, {})[year] = value
    return out


def _check_width(row: dict, width: int, source: str, where: str) -> None:
    """Refuse a row with more or fewer fields than the header: ``visitors,2026,6,5`` (a decimal
    comma) would otherwise read as 6, its last field dropped without a word."""
    extra = row.get(None) or []
    short = sum(1 for k, v in row.items() if k is not None and v is None)
    if extra or short:
        raise InputError(source, where, code="extra_fields" if extra else "missing_fields",
                         params={"n": width + len(extra) - short, "width": width})
