"""Observed values (actuals) from a CSV or TOML file.

CSV: columns ``indicator, year, value`` (UTF-8, a BOM is fine). TOML: the same table a
scenario file uses, ``[actuals.<indicator>]`` with ``<year> = <value>`` lines.
Values are checked against the plan when the scenario they join is resolved.
"""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path

from sim.io.errors import InputError
from sim.io.fields import MAX_FILE_BYTES, Fields, parse_toml, read_limited

Actuals = dict[str, dict[int, float]]


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
        raise InputError(source, "", f"file is {len(data)} bytes; the limit is {MAX_FILE_BYTES}")
    if suffix == ".toml":
        root = Fields(parse_toml(data, source), source, "", InputError)
        root.allow_only({"actuals"})
        table = root.sub("actuals")
        out: Actuals = {}
        for key in table.table:
            obs = table.sub(key)
            for year in obs.table:
                if not str(year).isdigit():
                    raise obs.fail(str(year), "expected a year such as 2026")
                out.setdefault(key, {})[int(year)] = obs.num(year)
        return out
    if suffix != ".csv":
        raise InputError(source, "", f"unknown file type '{suffix or '(none)'}'; use .csv or .toml")
    return _parse_csv(data, source)


def _parse_csv(data: bytes, source: str) -> Actuals:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(source, "", "file is not UTF-8 text") from None
    reader = csv.DictReader(io.StringIO(text))
    try:
        return _read_rows(reader, source)
    except csv.Error as exc:  # e.g. a field longer than the csv module's limit
        raise InputError(source, f"line {reader.line_num + 1}", f"not readable as CSV ({exc})") from None


def _read_rows(reader: csv.DictReader, source: str) -> Actuals:
    missing = {"indicator", "year", "value"} - set(reader.fieldnames or ())
    if missing:
        raise InputError(source, "header", f"missing column(s) {', '.join(sorted(missing))}; "
                         "expected indicator, year, value")
    out: Actuals = {}
    for line, row in enumerate(reader, start=2):
        where = f"line {line}"
        try:
            year = int(row["year"])
        except (TypeError, ValueError):
            raise InputError(source, f"{where}.year", f"'{row['year']}' is not a year") from None
        try:
            value = float(row["value"])
        except (TypeError, ValueError):
            raise InputError(source, f"{where}.value", f"'{row['value']}' is not a number") from None
        if not math.isfinite(value):
            raise InputError(source, f"{where}.value", f"{value} is not a finite number")
        indicator = (row["indicator"] or "").strip()
        if year in out.get(indicator, {}):
            raise InputError(source, f"{where}", f"a second value for {indicator} in {year}")
        out.setdefault(indicator, {})[year] = value
    return out
