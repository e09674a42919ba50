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
