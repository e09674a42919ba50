"""The Word report: opened again with python-docx, its headers, values, fonts and page checked."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm

from sim import ExportError, Scenario, load_scenario
from sim.io.plan import parse_plan
from sim.report.docx import SERIF, report_bytes, report_content, write_report
from tests.conftest import tiny_plan_dict

WHEN = dt.date(2028, 2, 15)
OBS = {
    "energy_capacity": {2026: 720.0, 2027: 860.0},                       # binding, behind: red
    "good_air_days": {2026: 87.4, 2027: 86.5},                           # binding hold, broken: red
    "visitors": {2026: 2480.0, 2027: 2690.0},                            # expected, behind: yellow
    "storage_capacity": {2026: 110.0, 2027: 160.0},                      # ahead
    "primary_va": {2027: 73.0}, "secondary_va": {2027: 56.0}, "tertiary_va": {2027: 225.0},
}
HEADERS = ["指标", "属性", "单位", "2025基期", "2030目标", "年均增长目标", "当年实际", "序时进度", "完成情况", "评估结论"]


@pytest.fixture(scope="module")
def doc(plan):
    return Document(io.BytesIO(report_bytes(plan, OBS, 2027, scenario=load_scenario("plan"), when=WHEN,
                                            source="obs.csv")))


def rows_by_name(table) -> dict[str, list[str]]:
    return {row.cells[0].text.rstrip("*"): [c.text for c in row.cells] for row in table.rows[1:]}


def fill(cell) -> str | None:
    shd = cell._tc.tcPr.find(qn("w:shd"))
    return None if shd is None else shd.get(qn("w:fill"))


def test_title_summary_and_sections(doc):
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "甘州区“十五五”规划主要指标2027年度监测报告"
    assert doc.core_properties.title == texts[0]
    summary = next(t for t in texts if t.startswith("27项主要指标中"))
    assert summary == ("27项主要指标中,2项进度符合或快于序时进度,3项滞后,其中约束性指标2项;22项暂无数据。"
                       "红色预警2项、黄色预警1项。")
    for heading in ("一、总体情况", "二、主要指标完成情况表", "三、预警指标及下一年度要求", "四、假定数值清单"):
        assert heading in texts
    warnings = [t for t in texts if t.startswith("【")]
    assert warnings[0].startswith("【红色预警】综合能源装机规模(约束性):2027年实际860万千瓦,序时进度1,008万千瓦")
    assert "完成序时进度的62.4%" in warnings[0] and "2028年需达到1,206万千瓦" in warnings[0]
    assert warnings[1].startswith("【红色预警】优良天数比例") and "每年保持在87.0%以上" in warnings[1]
    assert warnings[2].startswith("【黄色预警】游客接待人次(预期性)")
    start = texts.index("四、假定数值清单") + 1
    assert texts[start].startswith("以下指标的属性为假定")
    assert texts[start + 1].startswith("预期性(假定,19项):地区生产总值、固定资产投资")
    assert texts[start + 2] == ("约束性(假定,8项):综合能源装机规模、新能源并网装机规模、储能装机规模、林草覆盖率、"
                                "草原综合植被盖度、优良天数比例、生活垃圾资源化利用率、再生水利用率。")
    assert any(t.startswith("储能装机规模2025年基期30万千瓦为假定值,报告未给出。说明:报告未给出2025年储能装机") for t in texts)


def test_the_main_table(doc, plan):
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells] == HEADERS
    assert len(table.rows) == 1 + len(plan.targets)
    rows = rows_by_name(table)
    energy = rows["综合能源装机规模"]
    assert energy[1:] == ["约束性*", "万千瓦", "614", "≥1,600", "+197.2万千瓦", "860", "1,008", "62.4%", "滞后于预期"]
    progress = (860 - 614) / (614 + (1600 - 614) * 0.4 - 614)
    assert energy[8] == f"{progress * 100:.1f}%"
    assert rows["储能装机规模"][-2:] == ["120.4%", "快于预期"]        # (160 − 30) / (138 − 30)
    assert rows["优良天数比例"][5:] == ["保持", "86.5", "≥87.0", "未保持", "滞后于预期"]
    gdp = rows["地区生产总值"]
    assert gdp[3:6] == ["314.7", "年均增长6.5%以上", "6.5%"] and gdp[6] == "354.0\n年均增长6.1%"
    assert rows["高中阶段毛入学率"][-4:] == ["—", "—", "—", "暂无数据"]
    assert rows["一般公共预算收入"][2] == "指数"
    by_name = {row.cells[0].text.rstrip("*"): row for row in table.rows[1:]}
    assert fill(by_name["综合能源装机规模"].cells[-1]) == "F4CCCC"        # red
    assert fill(by_name["游客接待人次"].cells[-1]) == "FFF2CC"            # yellow
    assert fill(by_name["储能装机规模"].cells[-1]) == "E2F0D9"            # green
    assert fill(by_name["高中阶段毛入学率"].cells[-1]) is None             # no data, no colour
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None    # header repeats


def test_the_next_year_table(doc):
    table = doc.tables[1]
    assert [c.text for c in table.rows[0].cells] == ["指标", "属性", "2028年需达到", "需增长(增加)", "至2030年年均需",
                                                     "情景假设(规划目标)"]
    rows = rows_by_name(table)
    assert rows["综合能源装机规模"][2:] == ["1,206", "+345.6万千瓦", "+246.7万千瓦", "+197.2万千瓦"]
    assert rows["优良天数比例"][2:5] == ["保持≥87.0", "—", "—"]
    assert rows["游客接待人次"][3] == f"{(2267 * 1.1 ** 3 / 2690 - 1) * 100:.1f}%"


def test_a4_and_chinese_fonts(doc):
    section = doc.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.1) and abs(section.page_height - Mm(297)) < Mm(0.1)
    for name in ("Normal", "Title", "Heading 1", "List Bullet"):
        rfonts = doc.styles[name].element.rPr.rFonts
        assert rfonts.get(qn("w:eastAsia")).startswith("Noto ") and rfonts.get(qn("w:asciiTheme")) is None
    assert doc.styles["Normal"].element.rPr.rFonts.get(qn("w:eastAsia")) == SERIF


def test_the_mid_term_year_is_a_mid_term_review(plan):
    content = report_content(plan, {"energy_capacity": {2028: 1300.0}}, when=WHEN)
    assert content.title == "甘州区“十五五”规划主要指标实施中期评估报告"
    assert content.summary[1].startswith("时间过半、任务过半:27项主要指标中,快于预期1项、暂无数据26项。")
    assert content.tones[9] == "green"


def test_a_lead_department_and_an_unmarked_attribute_show():
    data = tiny_plan_dict()
    data["indicator"][1]["lead_department"] = "区能源局"
    plan = parse_plan(data, "tiny.toml")
    content = report_content(plan, {"b": {2027: 55.0}}, when=WHEN)
    row = next(r for r in content.rows if r[0].startswith("乙"))
    assert row[0] == "乙*\n(牵头:区能源局)" and row[1] == "—" and row[-1] == "滞后于预期"
    assert content.warnings[0].startswith("【黄色预警】乙(未标明属性)")


def test_written_atomically_and_only_as_docx(plan, tmp_path):
    path = write_report(plan, OBS, tmp_path / "评估.docx", scenario=Scenario("x", "x", "x"), when=WHEN)
    assert Document(str(path)).paragraphs[0].text.endswith("年度监测报告")
    with pytest.raises(ExportError):
        write_report(plan, OBS, tmp_path / "评估.pdf")
    with pytest.raises(ExportError):
        write_report(plan, OBS, tmp_path / "missing" / "评估.docx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["评估.docx"]


def test_cli_report_docx(tmp_path, capsys):
    from sim.cli.main import main

    obs = tmp_path / "obs.csv"
    obs.write_text("indicator,year,value\nenergy_capacity,2026,720\nenergy_capacity,2027,860\n", encoding="utf-8")
    out = tmp_path / "评估.docx"
    assert main(["report", "plan", "--actuals", str(obs), "-o", str(out), "--date", "2028-02-15"]) == 0
    doc = Document(str(out))
    assert doc.paragraphs[0].text == "甘州区“十五五”规划主要指标2027年度监测报告"
    assert "日期:2028年2月15日" in doc.paragraphs[1].text and "obs.csv" in doc.paragraphs[2].text
    assert [c.text for c in doc.tables[0].rows[0].cells] == HEADERS
    assert main(["report", "plan", "cautious", "--actuals", str(obs), "-o", str(tmp_path / "b.docx")]) == 2
    assert main(["report", "plan", "-o", str(tmp_path / "c.docx")]) == 2      # no actuals
    assert "actuals" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["obs.csv", "评估.docx"]


@pytest.mark.parametrize(("source", "shown"), [
    ("/home/planner/数据/实际值2027.csv", "实际值2027.csv"),
    ("C:\\Users\\规划科\\实际值2027.xlsx", "实际值2027.xlsx"),
    ("scenarios/plan.toml", "plan.toml"),
    ("actuals", "actuals"),
])
def test_the_actuals_file_is_named_without_its_folder(plan, source, shown):
    content = report_content(plan, {"energy_capacity": {2027: 860.0}}, when=WHEN, source=source)
    assert content.meta[1].endswith(f";实际值来源:{shown}")
