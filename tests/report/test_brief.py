"""The printable brief: Chinese that survives PDF (rendered and extracted), HTML, layout, errors."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess

import pytest

from sim import load_plan
from sim.cli.main import main
from sim.io.errors import ExportError
from sim.io.plan import parse_plan
from sim.report.brief import fonts as cjkfont
from sim.report.brief.content import brief_bytes, build_brief, write_brief
from sim.report.brief.document import Table, wrap
from tests.conftest import tiny_plan_dict

WHEN = dt.date(2026, 3, 2)
NAMES = ("地区生产总值", "综合能源装机规模", "优良天数比例", "城镇新增就业")


def poppler(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        if os.environ.get("FYP_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{tool} (poppler-utils) is required here (FYP_REQUIRE_BROWSER=1) but not installed")
        pytest.skip(f"{tool} from poppler-utils is not installed: cannot render or read the PDF back")
    return path


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    try:
        cjkfont.find_cjk_fonts()
    except ExportError as exc:
        if os.environ.get("FYP_REQUIRE_BROWSER") == "1":
            pytest.fail(str(exc))
        pytest.skip(f"no Chinese font installed: {exc}")
    path = tmp_path_factory.mktemp("brief") / "brief.pdf"
    write_brief(load_plan(), ["momentum", "plan"], path, when=WHEN)
    return path


def test_pdf_first_page_renders_and_gives_back_the_chinese_names(pdf, tmp_path):
    assert pdf.read_bytes().startswith(b"%PDF")
    subprocess.run([poppler("pdftoppm"), "-f", "1", "-l", "1", "-r", "60", "-png", str(pdf), str(tmp_path / "p")],
                   check=True, capture_output=True)
    png = next(tmp_path.glob("p*.png"))
    assert png.stat().st_size > 20_000          # a page with a full table, not a blank one
    text = subprocess.run([poppler("pdftotext"), "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    first = text.split("\f")[0]
    assert "甘州区“十五五”规划主要目标情景简报" in first and "主要指标表" in first
    for name in NAMES:
        assert name in first, name
    assert "年均增长6.5%以上" in first and "2026年3月2日" in first
    for part in ("未达标和临界目标", "情景对比", "“十四五”时期速度对比", "规划数据核查", "外贸进出口总额"):
        assert part in text, part


def test_pdf_fonts_are_embedded_truetype(pdf):
    out = subprocess.run([poppler("pdffonts"), str(pdf)], check=True, capture_output=True, text=True)
    rows = out.stdout.splitlines()[2:]
    assert rows and all("CID TrueType" in r and " yes yes yes " in r for r in rows), out.stdout
    assert "Mismatch" not in out.stderr and "LastResort" not in out.stdout


def test_html_brief_is_self_contained(tmp_path):
    path = write_brief(load_plan(), ["cautious"], tmp_path / "brief.html", when=WHEN)
    html = path.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and 'lang="zh-CN"' in html
    for name in NAMES:
        assert name in html
    assert html.count("<svg") == 2 and "http://www.w3.org" in html      # charts inline, text kept as text
    assert "<script" not in html and "src=" not in html and "<link" not in html
    assert "未达标" in html and "规划数据核查" in html


def test_the_main_table_has_the_customary_columns_and_binding_only_when_recorded():
    blocks, _, _ = build_brief(load_plan(), ["plan"], when=WHEN)
    table = next(b for b in blocks if isinstance(b, Table))
    assert table.columns == ["指标", "单位", "2025年", "2030年目标", "2030年预测", "年均增速(增量)", "状态", "依据",
                             "属性"]
    assert len(table.rows) == len(load_plan().targets)
    assert table.rows[0][-1] == "预期性" and sum(r[-1] == "约束性" for r in table.rows) == 8
    data = tiny_plan_dict()
    blocks, _, _ = build_brief(parse_plan(data, "tiny.toml"), ["plan"], when=WHEN)
    assert next(b for b in blocks if isinstance(b, Table)).columns[-1] == "依据"
    data["indicator"][0]["target"][0]["binding"] = "binding"
    blocks, _, _ = build_brief(parse_plan(data, "tiny.toml"), ["plan"], when=WHEN)
    table = next(b for b in blocks if isinstance(b, Table))
    assert table.columns[-1] == "属性" and table.rows[0][-1] == "约束性" and table.rows[1][-1] == ""


def test_misses_say_the_growth_each_needs():
    blocks, _, _ = build_brief(load_plan(), ["cautious"], when=WHEN)
    items = [i for b in blocks if hasattr(b, "items") for i in b.items]
    energy = next(i for i in items if i.startswith("综合能源装机规模"))
    assert "未达标" in energy and "每年增加197.2万千瓦" in energy and "本情景为每年增加150万千瓦" in energy


def test_a_missing_chinese_font_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(cjkfont, "_faces", lambda: [])
    cjkfont.find_cjk_fonts.cache_clear()
    try:
        with pytest.raises(ExportError, match="fonts-noto-cjk"):
            brief_bytes(load_plan(), ["plan"], "pdf", when=WHEN)
        assert brief_bytes(load_plan(), ["plan"], "html", when=WHEN).startswith(b"<!DOCTYPE")
    finally:
        cjkfont.find_cjk_fonts.cache_clear()


def test_cli_report(tmp_path, capsys):
    out = tmp_path / "b.html"
    assert main(["report", "momentum", "plan", "-o", str(out), "--date", "2026-03-02"]) == 0
    assert "2026年3月2日" in out.read_text(encoding="utf-8")
    assert main(["report", "momentum", "-o", str(tmp_path / "b.docx")]) == 2
    assert main(["report", "momentum", "-o", str(tmp_path / "c.html"), "--date", "March"]) == 2
    assert main(["report", "nosuch", "-o", str(tmp_path / "d.html")]) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.html"]     # nothing else written
    assert "error:" in capsys.readouterr().err


def test_wrapping_keeps_lines_within_the_width_and_punctuation_attached():
    def measure(s):
        return sum(2 if ord(c) > 0x2E80 else 1 for c in s)

    text = "综合能源装机规模达到614万千瓦、较“十三五”末增长5倍,新材料与现代制造全产业链产值达到58亿元。"
    lines = wrap(text, 20, measure)
    assert "".join(lines) == text
    assert all(measure(line) <= 20 for line in lines)
    assert not any(line[0] in "、。,)" for line in lines)
