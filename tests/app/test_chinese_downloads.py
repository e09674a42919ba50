"""The export page's downloads in Chinese carry no English of the project's own making, with a
plausibility warning and assumed numbers in the run (the same case and rule as
``tests/report/test_chinese_outputs.py``)."""

from __future__ import annotations

import io

import pandas as pd

from sim import load_scenario
from sim.engine.check import check_targets
from tests.app.language_rules import stray_english
from tests.report import test_chinese_outputs as case
from ui import exports

# The same case as the exports' own tests: their fixtures, shared rather than written twice.
cells, scenario_file, projection = case.cells, case.scenario_file, case.projection


def test_the_export_pages_files_are_chinese(projection, scenario_file):
    """The app's downloads (ui.exports) in Chinese: the CSVs and every sheet of the workbook."""
    result = type("R", (), {"projection": projection, "check": check_targets(projection)})()
    files = {f.kind: f for f in exports.files(result, load_scenario(scenario_file), "zh")}
    for kind in ("long", "wide", "check"):
        frame = pd.read_csv(io.BytesIO(files[kind].data), encoding="utf-8-sig")
        assert not stray_english(cells(frame)), kind
    assert pd.read_csv(io.BytesIO(files["check"].data), encoding="utf-8-sig")["警告"].notna().any()
    sheets = pd.read_excel(io.BytesIO(files["xlsx"].data), sheet_name=None)
    assert "警告" in sheets
    found = {name: stray_english([name, *cells(frame)]) for name, frame in sheets.items()}
    assert not any(found.values()), found


def test_a_scenario_adjusted_in_the_app_is_described_in_one_language(plan):
    """Walking the app: after one slider move, the Chinese workbook's 情景说明 read
    “在应用中以“规划目标”为起点调整。 Adjusted in the app, starting from “Plan targets”.” with the file “<app>”."""
    from sim import project
    from ui import model as m

    base = load_scenario("plan")
    adjusted = m.AppScenario(base="plan", drivers={"visitors": (8.0,) * 5}).build(base)
    proj = project(plan, [adjusted])
    result = type("R", (), {"projection": proj, "check": check_targets(proj)})()
    for lang, words, file_words in (
            ("zh", "在应用中以“规划目标”为起点调整。", "在应用中设定,未保存为文件"),
            ("en", "Adjusted in the app, starting from “Plan targets”.", "set in the app, not saved to a file")):
        xlsx = next(f for f in exports.files(result, adjusted, lang) if f.kind == "xlsx")
        sheet = pd.read_excel(io.BytesIO(xlsx.data), sheet_name="情景说明" if lang == "zh" else "scenarios")
        row = sheet.iloc[0]
        assert row["情景依据" if lang == "zh" else "rationale"] == words
        assert row["文件" if lang == "zh" else "file"] == file_words
    zh = pd.read_excel(io.BytesIO(next(f for f in exports.files(result, adjusted, "zh") if f.kind == "xlsx").data),
                       sheet_name="情景说明")
    assert not stray_english(cells(zh))  # the scenario by its title, 规划目标(调整), not its id plan-custom
