"""The export page's files, made by the engine's exporters (``sim.report.export``).

CSV files are UTF-8 with a BOM and formula-safe; headers and coded values follow the
interface language (IAMC stays in English, as the format expects). The wide table, the target
check and the workbook are rounded to each unit's decimals; the long table keeps full precision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from sim import Scenario
from sim.io.scenario import APP_SOURCE
from sim.report.export import (
    check_in,
    csv_bytes,
    iamc_frame,
    planner_rounded,
    sheet_name,
    titled,
    workbook_sheets,
    xlsx_bytes,
)
from sim.report.labels import localize

from .i18n import t

CSV = "text/csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TOML = "application/toml"


@dataclass(frozen=True)
class ExportFile:
    kind: str
    label: str
    help: str
    file_name: str
    mime: str
    data: bytes


def slug(names) -> str:
    """A file-name stem for one or more scenario names (ASCII letters, digits, - and _)."""
    clean = [re.sub(r"[^A-Za-z0-9_-]+", "-", n).strip("-") or "scenario" for n in names]
    return clean[0] if len(clean) == 1 else "compare_" + "_".join(clean)


def check_frame(result, lang: str) -> pd.DataFrame:
    """The target check as a planner reads it: numbers rounded to their unit, words in ``lang``."""
    check = check_in(result.check, result.projection, lang)
    return localize(titled(planner_rounded(check), result.projection, lang), lang)


def preview_frame(result, lang: str) -> pd.DataFrame:
    """The target table as the export page previews it: the file's columns, less the English
    names in a Chinese preview (the file keeps them for programs); in English, units and the
    notes on assumed numbers in English words (the file keeps the plan's units as data)."""
    frame = check_frame(result, lang)
    frame = frame.astype(object).where(frame.notna(), "—")  # an empty cell reads "—", not "None"
    if lang == "zh":
        return frame.drop(columns=["英文名称"], errors="ignore")
    from .fmt import english
    from .i18n import unit

    for column in ("unit", "measure_unit", "pace_unit"):
        frame[column] = frame[column].map(lambda u: unit(u, "en") if isinstance(u, str) else u)
    frame["assumed_note"] = frame["assumed_note"].map(lambda n: english(n) if isinstance(n, str) else n)
    return frame


def workbook(proj, check, lang: str) -> dict[str, pd.DataFrame]:
    """The workbook's sheets; a scenario set on the page has no file: its ``file`` cell says so in
    words of ``lang``, not the engine's placeholder ``<app>``."""
    sheets = workbook_sheets(proj, check, lang)
    scenarios = sheets[sheet_name("scenarios", lang)]
    column = "文件" if lang == "zh" else "file"
    scenarios[column] = scenarios[column].map(lambda f: t("exp.app_file", lang) if f == APP_SOURCE else f)
    return sheets


def files(result, current: Scenario, lang: str) -> list[ExportFile]:
    """Every download of the export page for ``result`` (a projection and its check)."""
    proj = result.projection
    stem = f"fyp_{slug(proj.names)}"
    return [
        ExportFile("long", t("exp.long", lang), t("exp.long_help", lang), f"{stem}_long.csv", CSV,
                   csv_bytes(localize(titled(proj.to_long(), proj, lang), lang))),
        ExportFile("wide", t("exp.wide", lang), t("exp.wide_help", lang), f"{stem}_wide.csv", CSV,
                   csv_bytes(localize(titled(planner_rounded(proj.to_wide()), proj, lang), lang))),
        ExportFile("xlsx", t("exp.xlsx", lang), t("exp.xlsx_help", lang), f"{stem}.xlsx", XLSX,
                   xlsx_bytes(workbook(proj, result.check, lang))),
        ExportFile("iamc", t("exp.iamc", lang), t("exp.iamc_help", lang), f"{stem}_iamc.csv", CSV,
                   csv_bytes(iamc_frame(proj))),
        ExportFile("check", t("exp.check", lang), t("exp.check_help", lang), f"{stem}_targets.csv", CSV,
                   csv_bytes(check_frame(result, lang))),
        ExportFile("toml", t("exp.toml", lang), t("exp.toml_help", lang), f"{current.name}.toml", TOML,
                   current.to_toml().encode("utf-8")),
    ]
