"""Cut a work report into sections that set the year of what they say.

A county work report delivered in early 2026 has a fixed order: a review of the past year
(2025), a review of the 十四五 period (2021–2025, often in the same part), the 十五五
goals (to 2030), this year's targets and tasks (2026), then the government's own work and
a glossary. A number takes its year from where it stands, never from its size. Headings
are short lines; a heading that names both the past year and 十四五 opens a combined
review, whose paragraphs are told apart by how they begin (过去五年 / 2025年); a review of
one period may turn to the other the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Section kinds; TABLE marks a row of a table flattened into text, wherever it stands.
PAST_YEAR, PLAN14, PLAN15, THIS_YEAR, OTHER = "past_year", "plan14", "plan15", "this_year", "other"
TABLE = "table"
REVIEW = "review"  # combined past-year and 十四五 review, resolved per paragraph
KINDS = (PAST_YEAR, PLAN14, PLAN15, THIS_YEAR, OTHER)

_HEADING_MAX = 40
_Q = "[“”\"]?"
_PAT_14 = re.compile(rf"{_Q}十四五{_Q}|过去五年|五年来|五年间|这五年|第十四个五年")
_PAT_15 = re.compile(rf"{_Q}十五五{_Q}|第十五个五年|今后五年|未来五年")
_PAT_OTHER = re.compile(r"自身建设|名词解释|附件|注释")
_CN_YEAR_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
_PAT_REVIEW = re.compile(r"回顾|成就|成绩|过去一年|工作总结")
_PAT_TASKS = re.compile(r"任务|安排|工作|目标|部署|要求")
_PAT_GOALS = re.compile(r"任务|安排|工作|目标|部署|要求|蓝图|思路|展望|方向|谋划|发展|奋斗|愿景")
_PAT_START = re.compile(r"开局|开好局|起好步|首年|第一年")
_PAT_DONE = re.compile(r"工作|情况")
#: What separates the cells of a table row pasted as text.
_CELL_GAP = re.compile(r"[\t\u3000 ]+")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph (line) with the section it stands in.

    Attributes
    ----------
    start : int
        Offset of the paragraph in the report text.
    text : str
    kind : str
        One of :data:`KINDS`.
    heading : str
        The heading that set the kind.
    """

    start: int
    text: str
    kind: str
    heading: str


def report_year(text: str) -> int:
    """Year the report was given: its first full date, else its title's year, else the year
    after the one its review looks back on, else the latest year it does not look ahead to
    (到2030年 and 2035年远景目标 are goals, not the year of the report)."""
    head = _arabic_years(text[:5000])
    for pattern, within, after in ((r"(20\d\d)年[\d一二三四五六七八九十]{1,3}月", 2000, 0),
                                   (r"(20\d\d)年政府工作报告", 2000, 0), (r"(20\d\d)年[^\n。]{0,6}回顾", 5000, 1)):
        m = re.search(pattern, head[:within])
        if m:
            return int(m.group(1)) + after
    years = [int(y) for y in re.findall(r"(?<![到至])(20\d\d)年(?!远景)", head)]
    return max(years) if years else 2026


def heading_kind(line: str, year: int) -> str | None:
    """Kind of section a heading opens, or None if ``line`` is not a heading."""
    line = _arabic_years(line.strip())
    if not line or len(line) > _HEADING_MAX or line[-1] in "。；;，,":
        return None
    if _PAT_OTHER.search(line):
        return OTHER
    past = f"{year - 1}年" in line or "过去一年" in line
    this = f"{year}年" in line or "今年" in line
    plan14 = bool(_PAT_14.search(line))
    plan15 = bool(_PAT_15.search(line))
    if (past or plan14) and _PAT_REVIEW.search(line):
        return REVIEW if past and plan14 else (PAST_YEAR if past else PLAN14)
    # In this order: 2026年工作安排; 奋力实现“十五五”良好开局 (this year); “十五五”发展蓝图;
    # 2025年主要工作 (a review without the word).
    rules = ((this and _PAT_TASKS.search(line), THIS_YEAR), (plan15 and _PAT_START.search(line), THIS_YEAR),
             (plan15 and _PAT_GOALS.search(line), PLAN15), (past and not this and _PAT_DONE.search(line), PAST_YEAR))
    return next((kind for hit, kind in rules if hit), None)


def is_table_row(line: str) -> bool:
    """True for a row of a table flattened into text: no sentence punctuation, three or more
    cells separated by blanks, two or more of them numbers (地区生产总值　亿元　686.3　7.1).

    Its columns (2025, 2030, growth …) are not told apart, so its numbers are never used.
    """
    body = line.strip()
    if not body or re.search(r"[。；;，,：:！？]", body):
        return False
    cells = _CELL_GAP.split(body)
    return len(cells) >= 3 and sum(bool(re.search(r"\d", c)) for c in cells) >= 2


def _arabic_years(line: str) -> str:
    # 二〇二六年工作安排 → 2026年工作安排
    return re.sub(r"[〇零一二三四五六七八九]{4}(?=年)", lambda m: m.group().translate(_CN_YEAR_DIGITS), line)


def _cue_kind(text: str, year: int) -> str:
    """Kind of a paragraph by its own words, for reports whose headings are not recognised."""
    head = text[:40]
    for kind, pattern in ((PLAN15, _PAT_15), (PLAN14, _PAT_14)):
        if pattern.search(head):
            return kind
    if f"{year - 1}年" in head or "过去一年" in head:
        return PAST_YEAR
    if f"{year}年" in head or "今年" in head:
        return THIS_YEAR
    return OTHER


def _review_cue(text: str, year: int) -> str | None:
    """PLAN14 or PAST_YEAR if a paragraph of a combined review opens with a cue, else None."""
    head = text[:30]
    # The cue nearer the start wins: 2025年是“十四五”收官之年 opens the past year.
    found = [(m.start(), kind) for kind, m in (
        (PLAN14, _PAT_14.search(head)), (PLAN14, re.search(r"20\d\d年以来|“十三五”末", head)),
        (PAST_YEAR, re.search(rf"{year - 1}年|过去的?一年|一年来", head))) if m]
    return min(found)[1] if found else None


def split_sections(text: str, year: int | None = None) -> list[Paragraph]:
    """Paragraphs of ``text`` with their section kind; text before any heading is OTHER."""
    year = year or report_year(text)
    kind, heading, review_kind = OTHER, "", PAST_YEAR
    out: list[Paragraph] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        body = line.rstrip("\r\n")
        found = heading_kind(body, year)
        if found is not None:
            kind, heading = found, body.strip()
            review_kind = PAST_YEAR if found == REVIEW else found
            continue
        if not body.strip():
            continue
        if kind in (REVIEW, PAST_YEAR, PLAN14):
            # Any review may turn to the other period (过去五年,… under 过去一年工作回顾): a
            # paragraph without its own cue continues the part before it.
            review_kind = _review_cue(body, year) or review_kind
        if is_table_row(body):
            out.append(Paragraph(start, body, TABLE, heading))
            continue
        out.append(Paragraph(start, body, review_kind if kind in (REVIEW, PAST_YEAR, PLAN14) else kind, heading))
    if out and all(p.kind in (OTHER, TABLE) for p in out):
        # No heading was recognised: let each paragraph's opening words set its year.
        out = [p if p.kind == TABLE else Paragraph(p.start, p.text, _cue_kind(p.text, year), "") for p in out]
    return out
