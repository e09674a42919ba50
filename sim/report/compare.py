"""Side-by-side comparison of scenarios: projected values, statuses and differences."""

from __future__ import annotations

import pandas as pd


def compare_checks(check: pd.DataFrame, base: str | None = None) -> pd.DataFrame:
    """Targets as rows, scenarios side by side.

    Parameters
    ----------
    check : DataFrame
        Output of :func:`sim.engine.targets.check_targets` for two or more scenarios.
    base : str, optional
        Scenario the differences are taken against (default: the first).

    Returns
    -------
    DataFrame
        ``indicator, name, measure_unit, target_year, target`` and, per scenario,
        ``<scenario>`` (projected), ``<scenario>:status`` and, for all but the base,
        ``<scenario>−<base>`` (difference of projected values).
    """
    names = list(dict.fromkeys(check["scenario"]))
    base = base or names[0]
    keys = ["indicator", "check", "target_year", "kind"]
    first = check[check["scenario"] == base]
    out = first[["indicator", "name", "check", "kind", "measure_unit", "target_year", "target"]].reset_index(drop=True)
    for name in names:
        rows = check[check["scenario"] == name].set_index(keys).reindex(first.set_index(keys).index)
        out[name] = rows["projected"].to_numpy()
        out[f"{name}:status"] = rows["status"].to_numpy()
    for name in names:
        if name != base:
            out[f"{name}−{base}"] = out[name] - out[base]
    out.attrs["base_year"] = check.attrs.get("base_year")
    return out


def compare_values(long: pd.DataFrame, year: int, base: str | None = None) -> pd.DataFrame:
    """Every indicator's value in ``year``, scenarios side by side, with differences."""
    names = list(dict.fromkeys(long["scenario"]))
    base = base or names[0]
    sel = long[long["year"] == year]
    wide = sel.pivot_table(index=["indicator", "name", "unit"], columns="scenario", values="value",
                           aggfunc="first", sort=False)[names].reset_index()
    for name in names:
        if name != base:
            wide[f"{name}−{base}"] = wide[name] - wide[base]
    wide.columns.name = None
    return wide
