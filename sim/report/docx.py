"""The 年度监测 / 中期评估 report as a Word document (.docx), in the form a 发改局 circulates.

>>> from sim import load_plan, load_scenario
>>> from sim.io.actuals import load_actuals
>>> from sim.report.docx import write_report
>>> write_report(load_plan(), load_actuals("2027.csv"), "评估.docx", scenario=load_scenario("plan"))

Contents: title and meta line, a summary in the official style (“27项主要指标中……”), the
主要指标完成情况表 (指标, 属性, 单位, 基期, 目标, 年均增长目标, 当年实际, 序时进度, 完成情况,
评估结论, with the 预警 colour on the conclusion), the warnings with what next year needs, a
next-year table (with a scenario's assumption beside it when one is given), and the list of
assumed numbers the verdicts rest on. A4 portrait; Chinese text in Noto Serif CJK SC (headings
in Noto Sans CJK SC), set as the East Asian font of every style so Word and LibreOffice agree.
The numbers come from :mod:`sim.review.monitor`; this module only lays them out.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from sim.io.actuals import Actuals
from sim.io.attribute import ATTRIBUTE_ZH
from sim.io.errors import ExportError
from sim.io.plan import Plan, Target
from sim.io.scenario import Scenario
from sim.report.brief.content import fmt, pace_text, target_text
from sim.report.export import write_atomic
from sim.review.midterm import VERDICT_ZH, midterm_year
from sim.review.monitor import WARNING_ZH, band_summary, monitor, next_year, summary_line

SERIF, SANS = "Noto Serif CJK SC", "Noto Sans CJK SC"
FLAG = "*"
#: Cell fills of the 预警 levels (light, so the text stays legible in print).
FILLS = {"green": "E2F0D9", "yellow": "FFF2CC", "red": "F4CCCC"}
HEADER_FILL = "D9E2F3"
#: Column widths of the main table [mm]; they fill A4 less 18 mm margins.
#: The unit column fits 万千瓦 and the 完成情况 header one line at 9 pt.
WIDTHS = (26, 14, 15, 14, 21, 16, 20, 15, 16, 17)
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass
class Content:
    """The report as text, before layout (what the tests and the app can read directly)."""

    title: str
    meta: list[str]
    summary: list[str]
    columns: list[str]
    rows: list[list[str]]
    tones: list[str]
    warnings: list[str]
    next_columns: list[str] = field(default_factory=list)
    next_rows: list[list[str]] = field(default_factory=list)
    assumed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- content

def _unit(plan: Plan, ind_id: str) -> tuple[str, str]:
    """The unit that sets the decimals, and the unit written after a number ('' for an index)."""
    ind = plan.by_id[ind_id]
    if ind.baseline is not None and ind.baseline.index:
        return "指数", ""
    return ind.unit, ind.unit


def _actual_cell(r, unit: str, year: int) -> str:
    if r.verdict == "no_data":
        return "—"
    text = ("累计" if r.kind == "cumulative" else "") + fmt(r.actual, unit)
    if r.kind == "growth" and math.isfinite(r.achieved_pace):
        text += f"\n年均增长{r.achieved_pace:.1f}%"
    if int(r.as_of) != year:
        text += f"\n({int(r.as_of)}年)"
    return text


def _schedule_cell(r, unit: str) -> str:
    if r.verdict == "no_data":
        return "—"
    if r.direction == "hold":
        return "≥" + fmt(r.target, unit)
    return ("累计" if r.kind == "cumulative" else "") + fmt(r.scheduled, unit)


def _completion_cell(r) -> str:
    if r.verdict == "no_data":
        return "—"
    if r.direction == "hold":
        return "保持" if r.verdict != "behind" else "未保持"
    return f"{r.progress * 100:.1f}%" if math.isfinite(r.progress) else "—"


def _main_row(plan: Plan, target: Target, r, year: int) -> list[str]:
    unit, shown = _unit(plan, target.indicator)
    name = r.name + (FLAG if r.provisional else "") + (f"\n(牵头:{r.lead_department})" if r.lead_department else "")
    attr = ATTRIBUTE_ZH.get(r.binding, "—") + (FLAG if r.binding_basis == "assumed" else "")
    pace = "保持" if r.direction == "hold" else pace_text(r.target_pace, r.target_pace_unit)
    return [name, attr, shown or "指数", fmt(r.baseline, unit), target_text(target, unit), pace,
            _actual_cell(r, unit, year), _schedule_cell(r, unit), _completion_cell(r), VERDICT_ZH[r.verdict]]


def _warning_items(plan: Plan, table: pd.DataFrame, need: pd.DataFrame, year: int) -> list[str]:
    nxt = need.set_index("indicator") if len(need) else None
    items = []
    for level in ("red", "yellow"):
        for r in table[table["warning"] == level].itertuples(index=False):
            unit, shown = _unit(plan, r.indicator)
            attr = ATTRIBUTE_ZH.get(r.binding, "未标明属性")
            text = f"【{WARNING_ZH[level]}】{r.name}({attr}):{int(r.as_of)}年"
            if r.direction == "hold":
                text += (f"实际{fmt(r.actual, unit)}{shown},要求每年保持在{fmt(r.target, unit)}{shown}以上,"
                         "已有年份未达到。")
            else:
                text += (f"{'累计' if r.kind == 'cumulative' else ''}实际{fmt(r.actual, unit)}{shown},序时进度"
                         f"{fmt(r.scheduled, unit)}{shown},完成序时进度的{r.progress * 100:.1f}%。")
            if nxt is not None and r.indicator in nxt.index and r.direction != "hold":
                text += _next_sentence(nxt.loc[r.indicator], unit, shown)
            items.append(text)
    return items or [f"{year}年无滞后于序时进度的指标。"]


def _next_sentence(n, unit: str, shown: str) -> str:
    """“2028年需达到…方可回到序时进度;此后按每年…可如期实现目标。”"""
    flow = n["kind"] == "cumulative"
    level = ("新增" if flow else "达到") + fmt(n["need_level"], unit) + shown
    return (f"{int(n['next_year'])}年需{level}({pace_text(n['need_pace'], n['pace_unit'])})方可回到序时进度;"
            f"此后按每年{pace_text(n['steady_pace'], n['pace_unit'])}可如期实现目标。")


def _next_table(plan: Plan, need: pd.DataFrame, scenario: Scenario | None) -> tuple[list[str], list[list[str]]]:
    if need.empty:
        return [], []
    y1 = int(need["next_year"].iloc[0])
    columns = ["指标", "属性", f"{y1}年需达到", "需增长(增加)", f"至{plan.target_year}年年均需"]
    if scenario is not None:
        columns.append(f"情景假设({scenario.title_zh})")
    rows = [_next_cells(plan, n, scenario is not None) for n in need.itertuples(index=False)]
    return columns, rows


def _next_cells(plan: Plan, n, with_scenario: bool) -> list[str]:
    unit, _ = _unit(plan, n.indicator)
    cells = [n.name, ATTRIBUTE_ZH.get(n.binding, "—")]
    if n.direction == "hold":
        # Holding a level asks only that it stay above it: no pace to show.
        cells += [f"保持≥{fmt(n.path_level, unit)}", "—", "—"]
    elif n.verdict == "achieved":
        cells += ["已提前实现", "—", "—"]
    else:
        cells += [("新增" if n.kind == "cumulative" else "") + fmt(n.need_level, unit),
                  pace_text(n.need_pace, n.pace_unit), pace_text(n.steady_pace, n.pace_unit)]
    if with_scenario:
        cells.append(pace_text(n.scenario_pace, n.pace_unit))
    return cells


def _assumed_items(plan: Plan) -> list[str]:
    """Every assumed number the table rests on: the 属性, and base-year levels (the 序时进度
    starts from them, so they count even where an actual has replaced them in the projection)."""
    groups: dict[str, list[str]] = {}
    for target in plan.targets:
        attr = target.attribute
        if attr is not None and attr.assumed:
            groups.setdefault(attr.value, []).append(plan.by_id[target.indicator].name_zh)
    items = [f"{ATTRIBUTE_ZH[value]}(假定,{len(names)}项):{'、'.join(names)}。" for value, names in groups.items()]
    if items:
        items.insert(0, "以下指标的属性为假定(规划数据文件中未注明出处),理由见文件中各目标的 binding.reason_zh,"
                        "待规划纲要主要指标表确认。")
    seen: set[str] = set()
    for target in plan.targets:
        if target.kind == "cumulative":
            continue                      # a running total never uses the base-year level
        for leaf in plan.leaves(target.indicator):
            base = plan.by_id[leaf].baseline
            if leaf in seen or base is None or not base.assumed:
                continue
            seen.add(leaf)
            unit, shown = _unit(plan, leaf)
            kind = "以基期为100的指数" if base.index else "假定值"
            items.append(f"{plan.by_id[leaf].name_zh}{plan.base_year}年基期{fmt(base.value, unit)}{shown}"
                         f"为{kind},报告未给出。说明:{base.reason_zh or base.reason}")
    return items


def file_name(source: str) -> str:
    """The file the actuals came from, by its name only: a report that is circulated should not
    carry a folder of the machine it was written on (``C:\\Users\\…`` or ``/home/…``)."""
    return source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or source


def report_content(plan: Plan, actuals: Actuals, year: int | None = None, scenario: Scenario | None = None,
                   attributes: Mapping[str, str] | None = None, when: dt.date | None = None,
                   source: str = "actuals") -> Content:
    """The report's text: see the module docstring. Arguments as for :func:`sim.review.monitor.monitor`;
    ``scenario`` adds its assumption for next year, ``when`` is the printed date (default today)."""
    when = when or dt.date.today()
    table = monitor(plan, actuals, year, attributes, source)
    year = int(table["year"].iloc[0])
    need = next_year(plan, actuals, year, scenario, attributes, source)
    midterm = year == midterm_year(plan)
    kind = "实施中期评估" if midterm else f"{year}年度监测"
    title = f"{plan.district_zh}“十五五”规划主要指标{kind}报告"
    meta = [f"监测年份:{year}年  基期:{plan.base_year}年  目标年:{plan.target_year}年  "
            f"日期:{when.year}年{when.month}月{when.day}日",
            f"依据:{plan.source_title_zh or plan.title_zh};实际值来源:{file_name(source)}"]
    summary = [summary_line(table), ("按评估结论分," if not midterm else "时间过半、任务过半:") + band_summary(table)]
    th = plan.review
    notes = [f"说明:序时进度为按不变速度从{plan.base_year}年基期走到{plan.target_year}年目标时当年应达到的水平"
             f"(年均增长目标按复利、增量和比率按直线、累计目标按年份平均);完成情况=实际完成的距离÷序时进度要求的距离。"
             f"完成情况≥{th.ahead * 100:.0f}%为快于预期,{th.behind * 100:.0f}%–{th.ahead * 100:.0f}%为基本符合预期,"
             f"低于{th.behind * 100:.0f}%为滞后于预期;已达到{plan.target_year}年目标为提前实现。滞后的约束性指标"
             f"{'为红色预警' if th.red >= th.behind else f'完成情况低于{th.red * 100:.0f}%为红色预警'},其余滞后指标为黄色预警。"
             f"{FLAG}表示依据假定数值(见第四部分)。"]
    rows = [_main_row(plan, t, r, year) for t, r in zip(plan.targets, table.itertuples(index=False), strict=True)]
    columns = ["指标", "属性", "单位", f"{plan.base_year}基期", f"{plan.target_year}目标", "年均增长目标", "当年实际",
               "序时进度", "完成情况", "评估结论"]
    next_columns, next_rows = _next_table(plan, need, scenario)
    return Content(title=title, meta=meta, summary=summary, columns=columns, rows=rows,
                   tones=list(table["warning"]), warnings=_warning_items(plan, table, need, year),
                   next_columns=next_columns, next_rows=next_rows, assumed=_assumed_items(plan), notes=notes)


# --------------------------------------------------------------------------- layout

def _fonts(style, face: str, size: float | None = None, bold: bool | None = None) -> None:
    """Set a style's Latin and East Asian font (and drop theme fonts that would override them)."""
    style.font.name = face
    rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    rfonts.set(qn("w:eastAsia"), face)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    if size is not None:
        style.font.size = Pt(size)
    if bold is not None:
        style.font.bold = bold
    style.font.color.rgb = RGBColor(0x1F, 0x29, 0x33)


def _document() -> Document:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(18)
    section.top_margin, section.bottom_margin = Mm(20), Mm(18)
    _fonts(doc.styles["Normal"], SERIF, 10.5)
    doc.styles["Normal"].paragraph_format.space_after = Pt(4)
    _fonts(doc.styles["Title"], SANS, 16, True)
    for name, size in (("Heading 1", 13), ("Heading 2", 11)):
        _fonts(doc.styles[name], SANS, size, True)
    _fonts(doc.styles["List Bullet"], SERIF, 10)
    return doc


def _shade(cell, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def _cell(cell, text: str, size: float, bold: bool = False, left: bool = False) -> None:
    cell.text = ""
    para = cell.paragraphs[0]
    para.alignment = WD_ALIGN_PARAGRAPH.LEFT if left else WD_ALIGN_PARAGRAPH.CENTER
    para.paragraph_format.space_after = Pt(0)
    for i, line in enumerate(text.split("\n")):
        run = para.add_run(line)
        run.font.size = Pt(size)
        run.bold = bold
        if i < len(text.split("\n")) - 1:
            run.add_break()


def _table(doc, columns: list[str], rows: list[list[str]], widths, tones: list[str] | None = None,
           size: float = 8.0) -> None:
    table = doc.add_table(rows=1, cols=len(columns))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    header = table.rows[0]
    flag = OxmlElement("w:tblHeader")          # the header row repeats on every page
    flag.set(qn("w:val"), "true")
    header._tr.get_or_add_trPr().append(flag)
    for k, text in enumerate(columns):
        _cell(header.cells[k], text, size, bold=True)
        _shade(header.cells[k], HEADER_FILL)
    for i, values in enumerate(rows):
        cells = table.add_row().cells
        for k, text in enumerate(values):
            _cell(cells[k], text, size, left=k == 0)
        if tones and tones[i] in FILLS:
            _shade(cells[-1], FILLS[tones[i]])
    # Word reads the cell widths, LibreOffice the grid: set both.
    for k, width in enumerate(widths):
        table.columns[k].width = Mm(width)
        for cell in table.columns[k].cells:
            cell.width = Mm(width)


def render_docx(content: Content) -> bytes:
    """Lay ``content`` out on A4 and return the .docx bytes."""
    doc = _document()
    doc.core_properties.title = content.title
    doc.core_properties.author = "fyp-sim"
    doc.add_paragraph(content.title, style="Title").alignment = WD_ALIGN_PARAGRAPH.CENTER
    for line in content.meta:
        para = doc.add_paragraph(line)
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        para.runs[0].font.size = Pt(9)
    doc.add_heading("一、总体情况", level=1)
    for text in content.summary:
        doc.add_paragraph(text).paragraph_format.first_line_indent = Pt(21)
    doc.add_heading("二、主要指标完成情况表", level=1)
    _table(doc, content.columns, content.rows, WIDTHS, content.tones)
    for text in content.notes:
        doc.add_paragraph(text).runs[0].font.size = Pt(8)
    doc.add_heading("三、预警指标及下一年度要求", level=1)
    for text in content.warnings:
        doc.add_paragraph(text, style="List Bullet")
    if content.next_rows:
        doc.add_paragraph("各指标下一年度回到序时进度所需水平:").runs[0].bold = True
        width = 178 / (len(content.next_columns) + 1)
        _table(doc, content.next_columns, content.next_rows,
               [width * 2] + [width] * (len(content.next_columns) - 1), size=8.5)
    doc.add_heading("四、假定数值清单", level=1)
    for text in content.assumed or ["本报告未使用假定数值。"]:
        para = doc.add_paragraph(text, style="List Bullet")
        para.runs[0].font.size = Pt(8.5)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def report_bytes(plan: Plan, actuals: Actuals, year: int | None = None, scenario: Scenario | None = None,
                 attributes: Mapping[str, str] | None = None, when: dt.date | None = None,
                 source: str = "actuals") -> bytes:
    """The report as .docx bytes (for a download button)."""
    return render_docx(report_content(plan, actuals, year, scenario, attributes, when, source))


def write_report(plan: Plan, actuals: Actuals, path: str | Path, year: int | None = None,
                 scenario: Scenario | None = None, attributes: Mapping[str, str] | None = None,
                 when: dt.date | None = None, source: str = "actuals") -> Path:
    """Write the report to ``path`` (.docx), atomically: a failure leaves nothing behind."""
    if Path(path).suffix.lower() != ".docx":
        raise ExportError(str(path), "output", code="file_type", params={
            "suffix": Path(path).suffix or "(none)", "allowed_en": ".docx", "allowed": ".docx"})
    return write_atomic(path, lambda: report_bytes(plan, actuals, year, scenario, attributes, when, source))


__all__ = ["DOCX_MIME", "Content", "render_docx", "report_bytes", "report_content", "write_report"]
