"""Chinese outputs are Chinese: every cell, header and sheet name of a Chinese export.

A scenario with a growth rate far outside the plan's range (a plausibility warning) run on the
embedded plan (whose verdicts rest on assumed numbers) is exported in Chinese every way a planner
gets it — the projection CSVs, the target check CSV from ``fyp check``, every sheet of the
workbook from ``fyp run -o .xlsx``, and the Word monitoring report's text — and no English word of
the project's own making may appear. The rule is the app's (:func:`tests.app.language_rules.stray_english`):
units, file formats, ids, keys a planner types, file names and the report's own words are allowed.
Columns whose header says they hold English (英文名称, 英文标题) are data for programs and are left out.
"""

from __future__ import annotations

import io
import warnings

import docx
import pandas as pd
import pytest

from sim import load_plan, load_scenario
from sim.cli.main import main
from sim.engine.check import check_targets
from sim.engine.projection import project
from sim.io.actuals import load_actuals
from sim.report.docx import report_bytes
from sim.report.export import check_in, warnings_table, workbook_sheets
from tests.app.conftest import ROOT
from tests.app.language_rules import stray_english

SCENARIO = """\
[scenario]
name = "far_growth"
title_zh = "游客高增长"
title_en = "Visitors far above the range"
rationale = "测试:游客人次年均增长80%,远超规划给出的范围。"
parent = "plan"

[drivers]
visitors = 80.0
"""


@pytest.fixture(scope="module")
def scenario_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("zh") / "far_growth.toml"
    path.write_text(SCENARIO, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def projection(scenario_file):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return project(load_plan(), [load_scenario(scenario_file)])


def cells(frame: pd.DataFrame) -> list[str]:
    """Headers and text cells of ``frame``, less the columns that hold English by design."""
    shown = [c for c in frame.columns if "英文" not in str(c)]
    return [str(c) for c in frame.columns] + [v for c in shown for v in frame[c].tolist() if isinstance(v, str)]


def test_the_case_has_a_warning_and_an_assumed_number(projection):
    """The exports below are worth checking: the run warns, and some verdicts rest on assumptions."""
    assert [w.code for w in projection.warnings] == ["far_outside_range"]
    check = check_targets(projection)
    assert check["assumed"].any() and check["warning"].str.len().gt(0).any()


def test_the_warnings_sheet_is_chinese_in_name_headers_and_values(projection, scenario_file):
    sheets = workbook_sheets(projection, check_targets(projection), "zh")
    table = sheets["警告"]
    assert list(table.columns) == ["来源", "字段", "原因"]
    assert table.iloc[0].tolist() == [
        str(scenario_file), "drivers.visitors", "80%/年 远在规划对“游客接待人次”设定的范围(-20 至 40)之外,请确认是否有意如此"]
    assert warnings_table(projection)["reason"].iloc[0].startswith("80 %/年 is far outside")  # English as before


def test_the_target_check_carries_the_warning_in_chinese(projection, scenario_file):
    check = check_in(check_targets(projection), projection, "zh")
    carried = {w for w in check["warning"] if w}
    assert carried == {f"{scenario_file}:drivers.visitors:80%/年 远在规划对“游客接待人次”设定的范围(-20 至 40)之外,"
                       "请确认是否有意如此"}
    assert check.attrs["warnings"] == sorted(carried)


def test_every_sheet_of_the_chinese_workbook_is_chinese(scenario_file, tmp_path):
    out = tmp_path / "run.xlsx"
    assert main(["run", str(scenario_file), "-o", str(out), "--lang", "zh"]) == 0
    sheets = pd.read_excel(out, sheet_name=None)
    assert {"警告", "目标检查", "情景假设", "数据来源"} <= set(sheets)
    found = {name: stray_english([name, *cells(frame)]) for name, frame in sheets.items()}
    assert not any(found.values()), found


#: Each command's one-table file, as CSV and as a one-sheet workbook (``run -o .xlsx`` is the whole
#: workbook, checked above; its CSVs are the long and wide tables).
TABLE_FILES = [(["run", "--format", "long"], ".csv"), (["run", "--format", "wide"], ".csv")] + [
    (command, suffix) for command in (["check"], ["required"], ["run", "--sources"], ["indicators"])
    for suffix in (".csv", ".xlsx")]


@pytest.mark.parametrize(("command", "suffix"), TABLE_FILES)
def test_every_chinese_table_file_is_chinese(scenario_file, tmp_path, command, suffix):
    """The file in Chinese, sheet name included."""
    out = tmp_path / f"out{suffix}"
    ref = [] if command[0] == "indicators" else [str(scenario_file)]
    assert main([command[0], *ref, *command[1:], "-o", str(out), "--lang", "zh"]) == 0
    if suffix == ".csv":
        sheets = {"": pd.read_csv(out, encoding="utf-8-sig")}
    else:
        sheets = pd.read_excel(out, sheet_name=None)
    found = {name: stray_english([name, *cells(frame)] if name else cells(frame)) for name, frame in sheets.items()}
    assert not any(found.values()), found


def test_the_chinese_check_csv_names_the_warning(scenario_file, tmp_path):
    out = tmp_path / "check.csv"
    assert main(["check", str(scenario_file), "-o", str(out), "--lang", "zh"]) == 0
    frame = pd.read_csv(out, encoding="utf-8-sig")
    assert frame["警告"].dropna().str.contains("远在规划对").all() and frame["警告"].notna().any()
    assert frame["假设说明"].dropna().str.contains("基期值").any()


def test_the_word_report_is_chinese(scenario_file):
    actuals = load_actuals(ROOT / "docs" / "examples" / "actuals-2027-illustrative.csv")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        doc = docx.Document(io.BytesIO(report_bytes(load_plan(), actuals, scenario=load_scenario(scenario_file))))
    text = [p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells]
    assert any("游客高增长" in line for line in text)
    assert not stray_english(text)


def test_the_rule_sees_the_english_it_forbids(projection):
    """The same sheets in English fail the rule: it can tell."""
    sheets = workbook_sheets(projection, check_targets(projection), "en")
    assert stray_english(cells(sheets["warnings"]))
    assert stray_english(cells(sheets["target_check"]))



def test_yes_no_columns_read_shi_fou_in_chinese_and_stay_booleans_in_english(scenario_file, tmp_path):
    from sim.report.labels import localize

    frame = pd.DataFrame({"assumed": [True, False]})
    assert localize(frame, "zh")["含假设"].tolist() == ["是", "否"]
    assert localize(frame, "en")["assumed"].tolist() == [True, False]
    out = tmp_path / "check.csv"
    assert main(["check", str(scenario_file), "-o", str(out), "--lang", "zh"]) == 0
    flags = pd.read_csv(out, encoding="utf-8-sig")["含假设"]
    assert set(flags) == {"是", "否"}
