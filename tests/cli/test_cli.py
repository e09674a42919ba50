"""The fyp command line: every command, terminal alignment with Chinese, outputs."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from sim.cli.main import main
from sim.report.terminal import render, text_width


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_indicators_lists_every_indicator_with_source(capsys, plan, tmp_path):
    code, out, _ = run(capsys, "indicators")
    assert code == 0 and "综合能源装机规模" in out
    path = tmp_path / "ind.csv"
    assert main(["indicators", "-o", str(path)]) == 0
    table = pd.read_csv(path, encoding="utf-8-sig")
    assert len(table) == len(plan.indicators)
    assert {"baseline_basis", "quote", "targets"} <= set(table.columns)


def test_run_formats(capsys, tmp_path):
    code, out, _ = run(capsys, "run", "plan", "--format", "wide")
    assert code == 0 and "2030" in out
    for fmt in ("long", "wide", "iamc"):
        path = tmp_path / f"{fmt}.csv"
        assert main(["run", "plan", "cautious", "--format", fmt, "-o", str(path)]) == 0
        assert path.read_bytes()[:3] == b"\xef\xbb\xbf"
    long = pd.read_csv(tmp_path / "long.csv", encoding="utf-8-sig")
    assert list(long.columns[:6]) == ["scenario", "indicator", "name", "unit", "year", "value"]
    iamc = pd.read_csv(tmp_path / "iamc.csv", encoding="utf-8-sig")
    assert list(iamc.columns[:5]) == ["model", "scenario", "region", "variable", "unit"]


def test_run_to_workbook(tmp_path):
    path = tmp_path / "p.xlsx"
    assert main(["run", "plan", "-o", str(path)]) == 0
    assert "target_check" in pd.read_excel(path, sheet_name=None)


def test_check_table_and_summary(capsys):
    code, out, _ = run(capsys, "check", "cautious", "--targets-only")
    assert code == 0
    assert "missed" in out and "cautious:" in out and "assumed" in out


def test_check_in_chinese(capsys):
    code, out, _ = run(capsys, "check", "cautious", "--lang", "zh")
    assert code == 0 and "状态" in out and "未达标" in out and "所需速度" in out


def test_check_output_has_machine_columns(tmp_path):
    path = tmp_path / "check.csv"
    assert main(["check", "plan", "momentum", "-o", str(path)]) == 0
    table = pd.read_csv(path, encoding="utf-8-sig")
    for col in ("scenario", "indicator", "name", "unit", "target_year", "target", "direction", "projected",
                "status", "gap", "gap_pct", "required", "basis"):
        assert col in table.columns


def test_compare_shows_differences(capsys):
    code, out, _ = run(capsys, "compare", "plan", "cautious")
    assert code == 0 and "cautious−plan" in out
    code, _, err = run(capsys, "compare", "plan")
    assert code == 2 and "at least two" in err


def test_required_with_actuals(capsys, tmp_path):
    actuals = tmp_path / "a.csv"
    actuals.write_text("indicator,year,value\nnew_energy_capacity,2026,400\n", encoding="utf-8-sig")
    path = tmp_path / "req.csv"
    assert main(["required", "plan", "--actuals", str(actuals), "-o", str(path)]) == 0
    table = pd.read_csv(path, encoding="utf-8-sig")
    row = table[(table.indicator == "new_energy_capacity") & (table.check == "target")].iloc[0]
    assert row.last_actual_year == 2026 and row.required == pytest.approx(600 / 4)


def test_scenario_by_chinese_title(capsys):
    code, out, _ = run(capsys, "check", "稳健情景", "--targets-only")
    assert code == 0 and "cautious" in out


def test_scenarios_command(capsys):
    code, out, _ = run(capsys, "scenarios")
    assert code == 0 and "规划目标" in out and "惯性趋势" in out


def test_wide_characters_align():
    text = render(pd.DataFrame({"name": ["地区生产总值", "PM2.5浓度"], "value": [1.0, 22.5]}))
    lines = text.splitlines()
    assert text_width("地区生产总值") == 12
    assert len({text_width(line) for line in lines}) == 1     # every line ends at the same column


def test_another_districts_plan_is_one_file_away(capsys, tmp_path):
    plan_file = str(Path(__file__).parents[1] / "data" / "other_district.toml")
    code, out, _ = run(capsys, "check", "plan", "momentum", "--plan", plan_file)
    assert code == 0 and "光伏装机" in out
    path = tmp_path / "c.csv"
    assert main(["check", "plan", "momentum", "--plan", plan_file, "-o", str(path)]) == 0
    table = pd.read_csv(path, encoding="utf-8-sig").set_index(["scenario", "indicator"])
    assert table.loc[("plan", "solar"), "status"] == "met"
    assert table.loc[("momentum", "gdp"), "projected"] == pytest.approx(5.0)   # the reported trend
    assert table.loc[("momentum", "gdp"), "status"] == "missed"
    assert table.loc[("plan", "solar"), "basis"] == "assumed"
