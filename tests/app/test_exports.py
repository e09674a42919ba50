"""ui.exports: the export page's files, built without a Streamlit run."""

from __future__ import annotations

import io
import tomllib

import pandas as pd

from sim import load_scenario
from ui import exports


def test_export_files_have_bom_columns_and_rows(plan, cautious_check):
    proj, check = cautious_check
    result = type("R", (), {"projection": proj, "check": check})()
    files = {f.kind: f for f in exports.files(result, load_scenario("cautious"), "zh")}
    assert set(files) == {"long", "wide", "xlsx", "iamc", "check", "toml"}
    long = files["long"].data
    assert long.startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(io.BytesIO(long), encoding="utf-8-sig")
    assert list(frame.columns[:5]) == ["情景", "指标代码", "指标", "单位", "年份"]
    assert len(frame) == 2 * len(plan.indicators) * len(proj.years)
    assert files["xlsx"].data[:2] == b"PK"
    assert tomllib.loads(files["toml"].data.decode())["scenario"]["name"] == "cautious"
    assert files["long"].file_name == "fyp_compare_cautious_plan_long.csv"


def _files(plan, names, lang):
    from sim import check_targets, project

    proj = project(plan, names)
    result = type("R", (), {"projection": proj, "check": check_targets(proj)})()
    return {f.kind: f for f in exports.files(result, load_scenario(names[0]), lang)}


def test_a_chinese_file_names_each_scenario_by_its_title_in_every_table(plan):
    files = _files(plan, ["momentum", "cautious"], "zh")
    titles = {"惯性趋势", "稳健情景"}
    for kind in ("long", "wide", "check"):
        frame = pd.read_csv(io.BytesIO(files[kind].data), encoding="utf-8-sig")
        assert set(frame["情景"]) == titles, kind
    book = pd.read_excel(io.BytesIO(files["xlsx"].data), sheet_name=None)
    for sheet in ("预测(宽表)", "预测(长表)", "目标检查", "情景假设", "情景说明"):
        assert set(book[sheet]["情景"]) == titles, sheet
    # the parents are named as planners know them too (cautious starts from plan)
    parents = dict(zip(book["情景说明"]["情景"], book["情景说明"]["上级情景"], strict=True))
    assert parents["稳健情景"] == "规划目标"


def test_an_english_file_keeps_the_scenario_names_for_programs(plan):
    files = _files(plan, ["momentum", "cautious"], "en")
    for kind in ("long", "wide", "check"):
        assert set(pd.read_csv(io.BytesIO(files[kind].data), encoding="utf-8-sig")["scenario"]) == {"momentum", "cautious"}
    sheet = pd.read_excel(io.BytesIO(files["xlsx"].data), sheet_name="scenarios")
    assert dict(zip(sheet["scenario"], sheet["parents"], strict=True))["cautious"] == "plan"


def test_two_scenarios_with_one_title_stay_apart_by_name(plan):
    from sim import project
    from sim.report.export import scenario_titles

    twin = load_scenario("plan").with_changes(name="plan-b", drivers={"primary_va": 5.0}, title_zh="规划目标")
    assert scenario_titles(project(plan, ["plan", twin]), "zh") == {"plan": "规划目标(plan)", "plan-b": "规划目标(plan-b)"}


def test_the_target_file_leaves_the_per_cent_gap_of_a_growth_target_empty(plan):
    """18 %/年 against a 10 %/年 target is 8 points over, not "80%": as on the board, the per cent gap is
    only for levels."""
    frame = pd.read_csv(io.BytesIO(_files(plan, ["momentum"], "zh")["check"].data), encoding="utf-8-sig")
    visitors = frame[frame["指标代码"] == "visitors"].set_index("目标类型")
    assert visitors.loc["年均增速", "差距"] == 8.0 and pd.isna(visitors.loc["年均增速", "差距(%)"])
    assert visitors.loc["水平", "差距(%)"] == 7.0  # the 2026 milestone of 2500万人次: 2675 is 7% over


def test_an_english_note_on_an_assumed_baseline_names_the_indicator_in_words(plan):
    frame = pd.read_csv(io.BytesIO(_files(plan, ["plan"], "en")["check"].data), encoding="utf-8-sig")
    notes = " ".join(frame["assumed_note"].dropna())
    assert "General public budget revenue baseline: The report gives no 2025 level" in notes
    assert "public_budget_revenue baseline" not in notes
