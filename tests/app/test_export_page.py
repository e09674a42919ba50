"""导出 (pages/export.py) inside the app: the bytes behind every download button."""

from __future__ import annotations

import io
import tomllib

import pandas as pd

from sim import load_plan

from .conftest import (
    assert_clean,
    download,
    go,
    widget,
)


def test_download_buttons_give_the_expected_bytes(app, downloads):
    import openpyxl

    plan = load_plan()
    go(app, "pages/export.py")
    assert_clean(app)
    n = len(plan.indicators)
    data, name = download(app, downloads, "dl_long")
    assert data.startswith(b"\xef\xbb\xbf") and name == "fyp_plan_long.csv"
    long = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert list(long.columns) == ["情景", "指标代码", "指标", "单位", "年份", "数值", "依据"]
    assert len(long) == n * 6 and set(long["年份"]) == set(range(2025, 2031))
    wide = pd.read_csv(io.BytesIO(download(app, downloads, "dl_wide")[0]), encoding="utf-8-sig")
    assert len(wide) == n and [str(y) for y in range(2025, 2031)] == list(wide.columns[-6:])
    iamc = pd.read_csv(io.BytesIO(download(app, downloads, "dl_iamc")[0]), encoding="utf-8-sig")
    assert list(iamc.columns[:5]) == ["model", "scenario", "region", "variable", "unit"]
    check = pd.read_csv(io.BytesIO(download(app, downloads, "dl_check")[0]), encoding="utf-8-sig")
    assert len(check) == len(plan.targets) + len(plan.milestones) and "状态" in check.columns
    book = openpyxl.load_workbook(io.BytesIO(download(app, downloads, "dl_xlsx")[0]))
    assert "目标检查" in book.sheetnames
    toml = tomllib.loads(download(app, downloads, "dl_toml")[0].decode())
    assert toml["scenario"]["name"] == "plan"


def test_export_of_the_compared_set(app, downloads):
    go(app, "pages/assumptions.py")
    widget(app.slider, "w_gdp_all").set_value(5.0).run()
    go(app, "pages/export.py")
    widget(app.radio, "exp_scope").set_value("compare").run()
    assert_clean(app)
    data, name = download(app, downloads, "dl_check")
    check = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert set(check["情景"]) == {"规划目标(调整)", "规划目标"}  # a Chinese file names scenarios by title
    gdp = check[(check["情景"] == "规划目标(调整)") & (check["指标代码"] == "gdp")].iloc[0]
    assert gdp["状态"] == "未达标"
    toml = tomllib.loads(download(app, downloads, "dl_toml")[0].decode())
    assert toml["scenario"]["parent"] == "plan" and toml["drivers"]["primary_va"] == 5.0
