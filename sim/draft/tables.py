"""Tables of main indicators pasted as text: telling their columns apart.

A plan's 主要指标 table pasted from a word processor arrives either as rows whose cells are
separated by tabs or runs of blanks (``地区生产总值	亿元	2318.6	3000	5%左右	预期性``), or
with every cell on its own line. Its header says what each column is: the indicator's
name (指标名称), its unit (单位), a year's value (2025年 → the base year, 2030年目标 → the
goal), the average growth over the plan (年均增长), the attribute (属性). A row is read
only when such a header stands above it; a row without one is still refused (see
:func:`sim.draft.sections.is_table_row`).

Each cell is read by the same rules as prose: the row becomes one short sentence per
cell in the section its column sets (``地区生产总值2318.6亿元`` as the review of the base
year, ``地区生产总值年均增长5%左右`` as the goals), so direction words (以上, 以内, 左右) and
units are read one way wherever they stand; every number keeps the row's own words, as
printed, for its quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .sections import PAST_YEAR, PLAN15, THIS_YEAR

#: What separates the cells of a row: a tab, a full-width blank or two blanks and more.
_GAP = re.compile(r"\t+|\u3000+| {2,}")
#: An empty cell: a dash, a slash or nothing.
_EMPTY = re.compile(r"[-—–/／\s]*")
_NUMBER_CELL = re.compile(r"[-−]?\d+(?:\.\d+)?\s*%?\s*(?:以上|以内|以下|左右|上下)?")
#: Longest cell of a row printed one cell a line [characters]; longer lines are prose.
_CELL_MAX = 30


@dataclass(frozen=True)
class Column:
    """What one column of a table holds: ``name``, ``unit``, ``level`` (with its year),
    ``growth`` (a year's growth with its year, or the average over the plan with none),
    ``total`` (five-year sum) or ``skip``."""

    what: str
    year: int | None = None


@dataclass(frozen=True)
class Row:
    """One row of a table: its cells, their columns, and where it stands in the report.

    Attributes
    ----------
    start, end : int
        Span of the row in the report (every line of a row printed one cell a line).
    cells : tuple of str
    columns : tuple of Column
    """

    start: int
    end: int
    cells: tuple[str, ...]
    columns: tuple[Column, ...]


def column_of(cell: str, base_year: int, end_year: int) -> Column | None:
    """The column a header cell names, or None if it is not a header cell."""
    cell = re.sub(r"\s", "", cell)
    year = re.search(r"(20\d\d)年?", cell)
    rules = ((r"^(指标名称|指标|项目|主要指标)$", "name"), (r"^(单位|计量单位)$", "unit"),
             (r"年均", "growth"), (r"累计", "total"), (r"^(属性|指标属性|序号|类别|备注|领域)$", "skip"))
    for pattern, what in rules:
        if re.search(pattern, cell):
            return Column(what)
    if re.search(r"增[长速幅]", cell):
        # 2026年增长, or 增长(%) beside the year's level: one year's growth (0: the table's year).
        return Column("growth", int(year.group(1)) if year else 0)
    if re.fullmatch(r"(完成值?|实绩|实际完成)(\(.*\)|（.*）)?", cell):
        return Column("level", base_year)
    if year and len(cell) <= 12:
        return Column("level", int(year.group(1)))
    if re.fullmatch(r"(基期|现状|基期值)(值)?", cell):
        return Column("level", base_year)
    if re.fullmatch(r"(目标|目标值|规划目标)", cell):
        return Column("level", end_year)
    return None


def _header(cells: list[str], base_year: int, end_year: int) -> tuple[Column, ...] | None:
    cols = [column_of(c, base_year, end_year) for c in cells]
    if None in cols or len(cols) < 3 or sum(c.what == "name" for c in cols) != 1:
        return None
    if not any(c.what in ("level", "growth", "total") for c in cols):
        return None
    years = [c.year for c in cols if c.what == "level" and c.year]
    return tuple(Column("growth", max(years) if years else None) if c.year == 0 else c for c in cols)


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        out.append((pos, line.rstrip("\r\n")))
        pos += len(line)
    return out


def _is_row(cells: list[str], columns: tuple[Column, ...]) -> bool:
    if len(cells) != len(columns):
        return False
    for cell, col in zip(cells, columns, strict=True):
        body = cell.strip()
        if col.what == "name" and not re.search(r"[\u4e00-\u9fff]", body):
            return False
        if len(body) > _CELL_MAX or re.search(r"[。；;！？]", body):
            return False
    return True


def find_rows(text: str, base_year: int, end_year: int) -> list[Row]:
    """Every row under a recognised header in ``text`` (the report with ASCII digits)."""
    lines = _lines(text)
    rows: list[Row] = []
    i = 0
    while i < len(lines):
        found = _rows_across(lines, i, base_year, end_year) or _rows_down(lines, i, base_year, end_year)
        if found:
            rows.extend(found[0])
            i = found[1]
        else:
            i += 1
    return rows


def _rows_across(lines, i, base_year, end_year):
    """Rows with their cells on one line, under a header row at line ``i``."""
    columns = _header(_GAP.split(lines[i][1].strip()), base_year, end_year)
    if columns is None:
        return None
    rows, j = [], i + 1
    while j < len(lines):
        start, body = lines[j]
        cells = _GAP.split(body.strip())
        if not _is_row(cells, columns):
            break
        rows.append(Row(start, start + len(body), tuple(cells), columns))
        j += 1
    return (rows, j) if rows else None


def _rows_down(lines, i, base_year, end_year):
    """Rows printed one cell a line, under a header printed the same way from line ``i``."""
    if column_of(lines[i][1], base_year, end_year) is None:
        return None
    cols, j = [], i
    while j < len(lines) and (col := column_of(lines[j][1], base_year, end_year)) is not None:
        cols.append(col)
        j += 1
    columns = _header([lines[k][1] for k in range(i, j)], base_year, end_year)
    if columns is None:
        return None
    n, rows = len(columns), []
    while j + n <= len(lines):
        block = lines[j:j + n]
        cells = [body.strip() for _, body in block]
        if not _is_row(cells, columns) or any(not c for c in cells):
            break
        rows.append(Row(block[0][0], block[-1][0] + len(block[-1][1]), tuple(cells), columns))
        j += n
    return (rows, j) if rows else None


def sentences(row: Row, base_year: int, end_year: int) -> list[tuple[str, str, str]]:
    """(section, sentence, cell) for each value cell of ``row``: how the row reads as prose
    (section and sentence empty for a number of another year).

    A unit cell (or a unit in brackets after the name: 能耗降低(%)) is written after a number
    that has none; an empty cell (——) says nothing; a cell in words (与经济增长同步) gives no
    sentence (see :func:`worded`). ≥ and ≤ before a number are 以上 and 以内; a number in
    〔 〕 is the five-year total the genre's tables mark so, as is a 2030 cell of a 降低 row.
    """
    name, unit = _name_unit(row)
    out = []
    for cell, col in zip(row.cells, row.columns, strict=True):
        read = _cell(cell) if col.what in ("level", "growth", "total") else None
        if read is None:
            continue
        number, pct, trail, bracketed = read
        said = _said(name, number, "%" if pct else unit, trail, bracketed, col, base_year, end_year)
        out.append((*(said or ("", "")), cell.strip()))
    return out


def _said(name, number, sign, trail, bracketed, col, base_year, end_year) -> tuple[str, str] | None:
    """(section, sentence) saying one cell's number in prose."""
    falls = _falls(name) != name
    if bracketed or col.what == "total" or (falls and col.what == "level" and col.year == end_year):
        return PLAN15, f"{_total_words(name)}{number}{sign}{trail}。"
    if col.what == "growth" and col.year is not None and base_year <= col.year < end_year:
        section = PAST_YEAR if col.year == base_year else THIS_YEAR
        return section, f"{col.year}年,{_growth_words(name, yearly=False)}{number}%{trail}。"
    if col.what == "growth":
        return PLAN15, f"{_growth_words(name)}{number}%{trail}。"
    if col.year == base_year:
        return PAST_YEAR, f"{name}为{number}{sign}。"
    if col.year is not None and base_year < col.year <= end_year:
        section = PLAN15 if col.year == end_year else THIS_YEAR
        verb = "控制在" if trail in ("以内", "以下") else "达到"
        return section, f"到{col.year}年,{name}{verb}{number}{sign}{trail}。"
    return None


def _cell(cell: str) -> tuple[str, str, str, bool] | None:
    """(number, '%' or '', direction words, in 〔 〕) of a value cell, or None if it holds no number."""
    body = cell.strip()
    bracketed = bool(re.fullmatch(r"[〔\[【(（].*[〕\]】)）]", body))
    body = body.strip("〔〕[]【】()（） ")
    sign = re.match(r"[≥>＞≧]=?|[≤<＜≦]=?|[≈约]", body)
    if sign:
        words = "以内" if sign.group()[0] in "≤<＜≦" else "左右" if sign.group() in "≈约" else "以上"
        body = body[sign.end():].strip() + words
    if not _NUMBER_CELL.fullmatch(body):
        return None
    number, pct, trail = re.match(r"([-−]?\d+(?:\.\d+)?)\s*(%?)\s*(.*)", body).groups()
    return number, pct, trail, bracketed


def worded(row: Row) -> list[tuple[str, str]]:
    """(section, name + cell) for each goal cell of ``row`` written in words (与经济增长同步)."""
    name = _name(row)
    return [(PLAN15, name + cell.strip()) for cell, col in zip(row.cells, row.columns, strict=True)
            if col.what in ("level", "growth", "total") and re.search(r"[\u4e00-\u9fff]", cell)
            and _cell(cell) is None]


def unread(row: Row) -> list[str]:
    """Value cells of ``row`` that hold something other than a number, a dash or words."""
    return [cell.strip() for cell, col in zip(row.cells, row.columns, strict=True)
            if col.what in ("level", "growth", "total") and not _EMPTY.fullmatch(cell)
            and _cell(cell) is None and not re.search(r"[\u4e00-\u9fff]", cell)]


def _name(row: Row) -> str:
    name = next(c for c, col in zip(row.cells, row.columns, strict=True) if col.what == "name")
    return re.sub(r"^\d+[.、]", "", name.strip())


def _name_unit(row: Row) -> tuple[str, str]:
    """The row's indicator name and unit: the unit column's, else one in brackets after the name."""
    name = _name(row)
    unit = next((c.strip() for c, col in zip(row.cells, row.columns, strict=True) if col.what == "unit"), "")
    unit = "" if _EMPTY.fullmatch(unit) else unit
    m = re.fullmatch(r"(.+?)[(（]([^()（）]{1,8})[)）]", name)
    if m and not unit:
        name, unit = m.group(1), m.group(2)
    return name, unit


def _falls(name: str) -> str:
    """``name`` without a closing 降低/下降 (单位地区生产总值能耗降低 → 单位地区生产总值能耗)."""
    return re.sub(r"(降低|下降)(率|幅度)?$", "", name)


def _growth_words(name: str, yearly: bool = True) -> str:
    # 单位地区生产总值能耗降低 in a growth column is a fall.
    stem, average = _falls(name), "年均" if yearly else ""
    return f"{stem}{average}下降" if stem != name else f"{name}{average}增长"


def _total_words(name: str) -> str:
    stem = _falls(name)
    return f"{stem}累计下降" if stem != name else f"{name}五年累计"
