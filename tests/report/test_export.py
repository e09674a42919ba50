"""Exports: BOM, read-back identity, workbook sheets, IAMC shape, formula safety, atomic writes."""

from __future__ import annotations

import io

import numpy as np
import openpyxl
import pandas as pd
import pytest

from sim import ExportError, check_targets, load_scenario, project
from sim.report.export import csv_bytes, iamc_frame, write_atomic, write_projection, write_table
from sim.report.labels import decimals


@pytest.fixture(scope="module")
def proj(plan):
    return project(plan, ["plan", "cautious"])


def test_csv_starts_with_a_bom_and_reads_back_identically(proj, tmp_path):
    path = write_projection(proj, tmp_path / "long.csv", "long")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(path, encoding="utf-8-sig")
    long = proj.to_long()
    assert list(back.columns) == list(long.columns)
    pd.testing.assert_frame_equal(back.drop(columns="value"), long.drop(columns="value"), check_dtype=False)
    np.testing.assert_allclose(back["value"], long["value"], rtol=1e-9)
    assert "地区生产总值" in set(back["name"])


def test_wide_csv(proj, tmp_path):
    back = pd.read_csv(write_projection(proj, tmp_path / "wide.csv", "wide"), encoding="utf-8-sig")
    assert list(back.columns[:5]) == ["scenario", "indicator", "name", "unit", "basis"]
    assert [c for c in back.columns[5:]] == [str(y) for y in range(2025, 2031)]
    gdp = back[(back.scenario == "plan") & (back.indicator == "gdp")].iloc[0]
    # The wide table is for people: rounded to the unit's decimals (亿元: one).
    assert gdp["2030"] == round(314.7 * 1.065 ** 5, 1)


def test_planner_tables_are_rounded_to_the_unit_and_the_long_table_is_not(proj, tmp_path):
    from sim import check_targets
    from sim.report.export import planner_rounded, workbook_sheets

    check = check_targets(proj)
    assert (check["gap"].abs() < 1e-9).any() and (check["gap"] != 0).any()  # the noise this removes
    rounded = planner_rounded(check)
    plan_gdp = rounded[(rounded.scenario == "plan") & (rounded.indicator == "gdp")].iloc[0]
    assert plan_gdp["gap"] == 0.0 and str(plan_gdp["gap"]) == "0.0"
    assert plan_gdp["projected"] == 6.5
    # every number has no more decimals than its unit shows
    for _, r in rounded.iterrows():
        for col, unit in (("projected", r["measure_unit"]), ("required", r["pace_unit"])):
            if pd.notna(r[col]):
                assert r[col] == round(r[col], decimals(unit))
    sheets = workbook_sheets(proj, check, "zh")
    assert sheets["目标检查"]["差距"].abs().min() == 0.0
    assert (sheets["预测(长表)"]["数值"] == proj.to_long()["value"]).all()  # full precision kept
    long = pd.read_csv(write_projection(proj, tmp_path / "long.csv", "long"), encoding="utf-8-sig")
    assert (long["value"] != long["value"].round(1)).any()


def test_iamc_has_pyam_columns(proj):
    frame = iamc_frame(proj)
    assert list(frame.columns[:5]) == ["model", "scenario", "region", "variable", "unit"]
    assert list(frame.columns[6:]) == list(range(2025, 2031))
    assert frame["variable"].str.contains(r"\|").all()
    assert not frame.duplicated(["model", "scenario", "region", "variable"]).any()
    assert (frame.loc[frame.variable == "Industry|Industrial value added above designated size", "basis"]
            .eq("assumed")).all() or frame["basis"].eq("assumed").any()


def test_workbook_sheets_and_read_back(proj, tmp_path):
    check = check_targets(proj)
    path = write_projection(proj, tmp_path / "out.xlsx", check=check)
    book = pd.read_excel(path, sheet_name=None)
    assert {"projections", "projections_long", "target_check", "assumptions", "scenarios", "sources"} <= set(book)
    back = book["target_check"]
    assert len(back) == len(check)
    assert list(back["status"]) == list(check["status"])
    assert "地区生产总值年均增长6.5%" in set(back["quote"])
    zh = pd.read_excel(write_projection(proj, tmp_path / "zh.xlsx", check=check, lang="zh"), sheet_name=None)
    assert "目标检查" in zh and "状态" in zh["目标检查"].columns
    assert set(zh["目标检查"]["状态"]) <= {"达标", "临界", "未达标"}


def test_user_text_never_becomes_a_formula(plan, tmp_path):
    evil = load_scenario("plan").with_changes(name="=HYPERLINK(\"x\")", title_zh="=1+1", title_en="@SUM(A1)",
                                               rationale="-2+3")
    p = project(plan, evil)
    raw = csv_bytes(p.to_long()).decode("utf-8-sig")
    assert "\r\n\"'=HYPERLINK" in raw and "\r\n\"=HYPERLINK" not in raw
    path = write_projection(p, tmp_path / "evil.xlsx", check=check_targets(p))
    book = openpyxl.load_workbook(path)
    cells = [c for ws in book for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert not [c for c in cells if c.data_type == "f"]
    titles = {c.value for c in cells}
    assert "=1+1" in titles and "@SUM(A1)" in titles


def test_negative_numbers_are_not_touched():
    raw = csv_bytes(pd.DataFrame({"a": [-1.5], "b": ["-x"]})).decode("utf-8-sig")
    assert "-1.5,'-x" in raw


def test_failed_export_leaves_nothing(tmp_path):
    def boom() -> bytes:
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        write_atomic(tmp_path / "x.csv", boom)
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(ExportError, match="does not exist"):
        write_atomic(tmp_path / "no" / "x.csv", lambda: b"x")
    with pytest.raises(ExportError, match="unknown file type"):
        write_table(pd.DataFrame({"a": [1]}), tmp_path / "x.txt")
    assert list(tmp_path.iterdir()) == []


def test_existing_file_survives_a_failed_rewrite(tmp_path):
    target = tmp_path / "keep.csv"
    target.write_bytes(b"old")

    def boom() -> bytes:
        raise ValueError("no")

    with pytest.raises(ValueError):
        write_atomic(target, boom)
    assert target.read_bytes() == b"old" and len(list(tmp_path.iterdir())) == 1


def test_csv_opens_as_utf8_text():
    data = csv_bytes(pd.DataFrame({"name": ["综合能源装机规模"], "value": [1600.0]}))
    assert pd.read_csv(io.BytesIO(data), encoding="utf-8-sig").iloc[0, 0] == "综合能源装机规模"
