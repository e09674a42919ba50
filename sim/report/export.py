"""Exports that open cleanly in Excel: CSV with BOM, workbooks, IAMC tables; atomic writes.

* CSV is UTF-8 with a byte-order mark: Excel on Windows reads Chinese correctly only then.
* Text that begins with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage return) would be
  taken for a formula by a spreadsheet. In CSV such a cell gets a leading apostrophe, the
  usual defence; in ``.xlsx`` the cell is stored as a plain string, so the text is kept exactly.
* Every file is written to a temporary file beside the target and renamed into place, so a
  failed export leaves no partial file.
* Precision: tables for people (the wide table, the target check, the workbook's sheets other
  than the long projection) are rounded to the decimals of each row's unit
  (:func:`planner_rounded`, decimals from :mod:`sim.report.labels`); the long table and the
  IAMC table keep full precision for analysts (only binary noise beyond ten significant digits
  is dropped).
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from sim.engine.projection import Projection
from sim.io.errors import ExportError
from sim.io.reasons_zh import field_zh
from sim.io.schema import IAMC_INDEX
from sim.report.frames import assumptions_table, indicator_table, notes_in, scenario_table
from sim.report.labels import localize, round_to_units

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FORMATS = ("long", "wide", "iamc")
MODEL_NAME = "fyp-sim"


def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    """Copy of ``frame`` in which text cells that a spreadsheet would run as a formula start
    with an apostrophe. Numbers are left alone."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(
                lambda v: "'" + v if isinstance(v, str) and v.startswith(FORMULA_START) else v)
    return out


#: Number columns of planner-facing tables and the column that holds each one's unit.
UNIT_OF = {"target": "measure_unit", "projected": "measure_unit", "gap": "measure_unit",
           "required": "pace_unit", "assumed_pace": "pace_unit"}


def planner_rounded(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` rounded for people: check-table numbers to their measure or pace unit's
    decimals, year columns of a wide table and an assumptions table's ``value`` to their unit's.
    (``gap_pct`` keeps one decimal, and is left empty for a growth target, as on the board: a
    per cent of a growth rate, 游客 +80% for 18 against 10 %/年, reads as if visitors were 80% over.)"""
    columns = dict(UNIT_OF)
    if "unit" in frame.columns:
        columns |= {c: "unit" for c in frame.columns if isinstance(c, int)}
    elif "pace_unit" in frame.columns and "value" in frame.columns:
        columns["value"] = "pace_unit"
    out = round_to_units(frame, columns)
    if "gap_pct" in out.columns:
        out["gap_pct"] = pd.to_numeric(out["gap_pct"], errors="coerce").round(1) + 0.0
        if "kind" in out.columns:
            out.loc[out["kind"] == "growth", "gap_pct"] = float("nan")
    return out


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV in UTF-8 with BOM, formula-like text neutralised."""
    # %.10g drops binary noise such as 314.70000000000005 and keeps ten significant digits.
    return neutralise(frame).to_csv(index=False, lineterminator="\r\n", float_format="%.10g").encode("utf-8-sig")


def iamc_frame(projection: Projection, lang: str = "en") -> pd.DataFrame:
    """Projection in IAMC format: ``model, scenario, region, variable, unit, basis, <years>``.

    ``variable`` is ``Area|English name`` (``领域|中文名称`` with ``lang="zh"``, the region then
    the district's Chinese name); ``basis`` (an extra column pyam keeps as ``extra_cols``) is
    ``assumed`` wherever the path rests on an assumed number. The headers are IAMC's in both
    languages, so pyam reads either file.
    """
    from sim.report.labels import AREA, BASIS

    plan = projection.plan
    wide = projection.to_wide()
    inds = plan.by_id
    frame = pd.DataFrame({
        "model": MODEL_NAME,
        "scenario": wide["scenario"],
        "region": plan.district_zh if lang == "zh" else plan.district_en,
        "variable": [f"{AREA[lang][inds[i].area]}|{inds[i].name_zh if lang == 'zh' else inds[i].name_en}"
                     for i in wide["indicator"]],
        "unit": wide["unit"],
        "basis": wide["basis"].map(lambda b: BASIS[lang].get(b, b)),
    })
    years = [c for c in wide.columns if isinstance(c, int)]
    return pd.concat([frame, wide[years]], axis=1)[[*IAMC_INDEX, "basis", *years]]


def projection_frame(projection: Projection, fmt: str = "long", lang: str = "en") -> pd.DataFrame:
    """The projection as a table in ``fmt`` (``long``, ``wide`` or ``iamc``; ``lang`` words the
    IAMC variables, the other formats are worded by :func:`~sim.report.labels.localize`)."""
    if fmt == "long":
        return projection.to_long()
    if fmt == "wide":
        return planner_rounded(projection.to_wide())
    if fmt == "iamc":
        return iamc_frame(projection, lang)
    raise ExportError("--format", "format", code="not_choice", params={"value": fmt, "choices": ", ".join(FORMATS)})


def xlsx_bytes(sheets: dict[str, pd.DataFrame]) -> bytes:
    """A workbook with one sheet per table; text is never stored as a formula."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for title, frame in sheets.items():
            frame.to_excel(writer, sheet_name=title[:31], index=False)
            sheet = writer.sheets[title[:31]]
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.data_type == "f":  # openpyxl reads a leading "=" as a formula
                        cell.data_type = "s"
            for column in sheet.columns:
                width = max((_display_width(c.value) for c in column[:200]), default=8)
                sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 8), 60)
            sheet.freeze_panes = "A2"
    return buffer.getvalue()


def _display_width(value) -> int:
    from sim.report.terminal import text_width

    return text_width("" if value is None else str(value))


def workbook_sheets(projection: Projection, check: pd.DataFrame | None = None,
                    lang: str = "en") -> dict[str, pd.DataFrame]:
    """Sheets of the standard workbook: projections (wide and long), target check,
    assumptions, scenarios and sources; in Chinese, scenarios are named by title (:func:`titled`)."""
    sheets = {
        "projections": planner_rounded(projection.to_wide()),
        "projections_long": projection.to_long(),
    }
    if check is not None:
        sheets["target_check"] = planner_rounded(check_in(check, projection, lang))
    if projection.warnings:
        sheets["warnings"] = warnings_table(projection, lang)
    sheets["assumptions"] = planner_rounded(assumptions_table(projection, lang))
    sheets["scenarios"] = scenario_table(projection, lang)
    sheets["sources"] = indicator_table(projection.plan, lang)
    return {sheet_name(k, lang): localize(titled(v, projection, lang), lang) for k, v in sheets.items()}


#: Sheet names of the workbooks in Chinese, by their English (machine) name: the standard
#: workbook's and each command's one-sheet file (``fyp audit -o x.xlsx`` …).
SHEET_ZH = {
    "projections": "预测(宽表)", "projections_long": "预测(长表)", "target_check": "目标检查", "warnings": "警告",
    "assumptions": "情景假设", "scenarios": "情景说明", "sources": "数据来源", "data": "数据", "indicators": "指标",
    "compare": "情景对比", "required": "所需速度", "audit": "规划数据核查", "history": "十四五记录",
    "pace": "速度对比", "backcast": "回推检验", "monitor": "年度监测", "next_year": "下一年目标", "midterm": "中期评估",
}


def sheet_name(name: str, lang: str) -> str:
    """A sheet's name in ``lang`` (a name without a Chinese one is kept)."""
    return SHEET_ZH.get(name, name) if lang == "zh" else name


def warnings_table(projection: Projection, lang: str = "en") -> pd.DataFrame:
    """One row per plausibility warning of the run: the file, the field and the reason
    (the workbook's ``warnings`` sheet, present only when there is one).

    In Chinese the reason is worded from the warning's code (:mod:`sim.io.reasons_zh`), never
    the English sentence; a field such as ``line 3`` reads ``第3行``, keys stay as typed.
    """
    return pd.DataFrame([{"source": w.source, "field": field_zh(w.field) if lang == "zh" else w.field,
                          "reason": w.reason_in(lang)} for w in projection.warnings],
                        columns=["source", "field", "reason"])


def warnings_in(check: pd.DataFrame, warnings, lang: str) -> pd.DataFrame:
    """``check`` with its ``warning`` column (and ``attrs["warnings"]``) in ``lang``.

    The engine writes each warning's English line (``file: field: reason``), one per line of a
    cell; in Chinese each becomes the same warning's Chinese line
    (:meth:`~sim.io.errors.InputWarning.message_in`), looked up among ``warnings``, the run's
    :class:`~sim.io.errors.InputWarning` objects.
    """
    if lang != "zh" or "warning" not in check.columns:
        return check
    zh = {w.message: w.message_in("zh") for w in warnings}

    def cell(text):
        return "\n".join(zh.get(line, line) for line in text.split("\n")) if isinstance(text, str) and text else text

    out = check.copy()
    out["warning"] = [cell(v) for v in out["warning"]]
    if "warnings" in out.attrs:
        out.attrs["warnings"] = [cell(v) for v in out.attrs["warnings"]]
    return out


def scenario_titles(projection: Projection, lang: str) -> dict[str, str]:
    """Each scenario of ``projection`` by name → its title in ``lang`` (``cautious`` → ``稳健情景``).

    A title that two scenarios share is followed by the name in brackets, so that their rows stay
    apart (``规划目标(plan)``); a scenario without a title keeps its name.
    """
    titles = {r.name: r.scenario.title(lang) or r.name for r in projection.scenarios}
    counts = pd.Series(list(titles.values())).value_counts()
    return {n: f"{t}({n})" if counts[t] > 1 else t for n, t in titles.items()}


def titled(frame: pd.DataFrame, projection: Projection, lang: str) -> pd.DataFrame:
    """``frame`` with its ``scenario`` column naming each scenario by its title, in Chinese.

    A Chinese file is read by planners, who know a scenario as 稳健情景, not as the file name
    ``cautious``; nothing reads a Chinese file back (its headers are Chinese too), so the name is
    not kept beside it. English files keep the names, as they keep every other code, for programs.
    """
    if lang != "zh" or "scenario" not in frame.columns:
        return frame
    names = scenario_titles(projection, lang)
    out = frame.copy()
    out["scenario"] = out["scenario"].map(lambda n: names.get(n, n))
    return out


def check_in(check: pd.DataFrame, projection: Projection, lang: str) -> pd.DataFrame:
    """The target check of ``projection`` with every sentence in ``lang``: the notes on assumed
    numbers (:func:`~sim.report.frames.notes_in`) and the plausibility warnings
    (:func:`warnings_in`). Headers and codes are left to :func:`~sim.report.labels.localize`."""
    return warnings_in(notes_in(check, projection.plan, lang), projection.warnings, lang)


def check_output(path: str | Path, suffixes: tuple[str, ...] | None = None) -> Path:
    """``path`` as an output file, refused before any work is done (:func:`write_atomic` checks
    it again, just before writing): its folder must exist, nothing but a regular file may stand in
    its place, and with ``suffixes`` it must end in one of them.

    Raises
    ------
    ExportError
        ``path: output: reason``.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(str(path), "output", code="no_folder", params={"folder": folder})
    if path.exists() and not path.is_file():
        # Renaming over a device, a pipe or a folder would replace it (as root, /dev/null itself).
        raise ExportError(str(path), "output", code="not_regular_file")
    if suffixes and path.suffix.lower() not in suffixes:
        raise ExportError(str(path), "output", code="file_type", params={
            "suffix": path.suffix or "(none)", "allowed_en": " or ".join(suffixes), "allowed": "/".join(suffixes)})
    return path


def write_atomic(path: str | Path, produce: Callable[[], bytes]) -> Path:
    """Write the bytes ``produce()`` returns to ``path`` atomically.

    The bytes are made first, then written to a temporary file in the same folder and
    renamed over ``path``; on any failure nothing is left behind.

    Raises
    ------
    ExportError
        If the folder does not exist or the file cannot be written.
    """
    path = check_output(path)
    folder = path.parent if str(path.parent) else Path(".")
    data = produce()
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except (OSError, ValueError) as exc:  # a folder such as /proc that takes no new files; a NUL in the name
        raise ExportError(str(path), "output", code="unwritable",
                          params={"detail_en": getattr(exc, "strerror", None) or exc}) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ExportError(str(path), "output", code="unwritable", params={"detail_en": exc.strerror or exc}) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_table(frame: pd.DataFrame, path: str | Path, lang: str = "en",
                sheet: str = "data") -> Path:
    """Write one table as ``.csv`` (UTF-8 with BOM) or ``.xlsx``, chosen by the suffix."""
    suffix = Path(path).suffix.lower()
    frame = localize(planner_rounded(frame) if "measure_unit" in frame.columns else frame, lang)
    if suffix == ".csv":
        return write_atomic(path, lambda: csv_bytes(frame))
    if suffix == ".xlsx":
        return write_atomic(path, lambda: xlsx_bytes({sheet_name(sheet, lang): frame}))
    raise ExportError(str(path), "output", code="file_type", params={
        "suffix": suffix or "(none)", "allowed_en": ".csv or .xlsx", "allowed": ".csv/.xlsx"})


def write_projection(projection: Projection, path: str | Path, fmt: str = "long",
                     check: pd.DataFrame | None = None, lang: str = "en") -> Path:
    """Write a projection: CSV in ``fmt``, or the full workbook for ``.xlsx``."""
    suffix = Path(path).suffix.lower()
    if suffix == ".xlsx":
        return write_atomic(path, lambda: xlsx_bytes(workbook_sheets(projection, check, lang)))
    if suffix == ".csv":
        frame = projection_frame(projection, fmt, lang)
        if fmt != "iamc":
            frame = localize(titled(frame, projection, lang), lang)
        return write_atomic(path, lambda: csv_bytes(frame))
    raise ExportError(str(path), "output", code="file_type", params={
        "suffix": suffix or "(none)", "allowed_en": ".csv or .xlsx", "allowed": ".csv/.xlsx"})
