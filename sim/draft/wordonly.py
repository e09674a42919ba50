"""Goals stated in words only (and table cells not read): listed in the review, never given a number.

Reports set many goals without a figure: 城乡居民收入增长与经济增长同步, 经济实力迈上新台阶,
旅游收入实现双位数增长, 能耗下降完成省下达目标, 农村居民收入增速快于城镇居民. None of them
can be checked as written (a doubling can: 翻番 and 倍增 are read as numbers by
:mod:`sim.draft.numerals`), yet a planner must see that the report set them. Each clause of
the goals and of this year's tasks that states such a goal, and has no number of its own,
becomes a review row without a value, with the indicator it names, its quote and why it was
not drafted (:data:`sim.draft.words.TEXTS`, codes ``words_*``).
"""

from __future__ import annotations

import math
import re

from .candidates import Candidate
from .lexicon import find, generated_id
from .numerals import find_quantities
from .sections import PLAN15, THIS_YEAR
from .words import twin

#: Wording → the code of why it gives no number (in the order they are tried).
_WORDING = (
    (re.compile(r"[与和同][^，,。；;]{0,12}?(?:增长|提高|发展)(?:基本)?同步(?![推建实规发])|同步增长"), "words_in_step"),
    (re.compile(r"[双两]位数增长"), "words_double_digit"),
    (re.compile(r"(?:(?:完成|落实|达到)(?:国家|省|市|州|地区|上级)*|(?:国家|省|市|州|地区|上级)+)(?:下达|分解|考核)的?"
                r"[\u4e00-\u9fff]{0,6}?(?:任务|目标|指标|要求)"),
     "words_set_above"),
    (re.compile(r"(?:快于|高于|不低于|超过)(?:城镇居民|经济增长|全[省市]|地区生产总值)"), "words_relative"),
    (re.compile(r"[迈再跃]上新台阶|新的台阶"), "words_new_level"),
    (re.compile(r"显著提升|明显提升|稳中有升|保持稳定|持续(?:改善|提高|提升)"),
     "words_direction"),
)
_CLAUSE = re.compile(r"[^，,。；;：:！？\n]+")


def word_goals(plain, paragraphs, start_no: int, year: int) -> list[Candidate]:
    """A review row for every clause of the goals and tasks that states a goal in words only.

    Parameters
    ----------
    plain : Plain
        The report's plain copy, which ``paragraphs`` index; quotes are cut from the report.
    paragraphs : iterable of Paragraph
        The report's paragraphs with their section kinds.
    start_no : int
        Number of the candidates before these.
    year : int
        Year of the report (this year's tasks are for it).
    """
    out: list[Candidate] = []
    for para in paragraphs:
        if para.kind not in (PLAN15, THIS_YEAR):
            continue
        for m in _CLAUSE.finditer(para.text):
            quote = plain.quote(para.start + m.start(), para.start + m.end())
            cand = word_goal(m.group().strip(), quote, para.kind, year, start_no + len(out) + 1)
            if cand is not None:
                out.append(cand)
    return out


def word_goal(clause: str, quote: str, section: str, year: int, no: int) -> Candidate | None:
    """The review row of ``clause`` if it states a goal in words only, else None.

    ``quote`` is the report's own words for it (a clause, or the table row it stands in).
    """
    found = next(((code, m) for pattern, code in _WORDING if (m := pattern.search(clause))), None)
    if found is None or find_quantities(clause):
        return None
    code, m = found
    match = find(clause)
    if match is None and code == "words_direction":
        return None  # 保持稳定 and the like are goals only when they name an indicator
    name = match.entry.name_zh if match else re.sub(r"^(?:实现|力争|确保|推动|全[区县市旗])+", "", clause[:m.start()])
    reason, reason_zh = twin(code)
    return Candidate(no=no, section=section, year=2030 if section == PLAN15 else year,
                     indicator=match.entry.id if match else (generated_id(name) if name else ""), name=name,
                     known=match is not None, role="none", reading="words", kind="", direction="",
                     direction_word=m.group(), value=math.nan, value_written=math.nan, unit_written="",
                     unit=match.entry.unit if match else "", quote=quote, confidence=0.0, status="dropped",
                     reason=reason, reason_zh=reason_zh, entry=match.entry if match else None)


def unread_cell(row, cell: str, quote: str, year: int) -> Candidate:
    """The review row of a table cell that is neither a number, a dash nor words (≈5, 5/6)."""
    name = row.cells[[c.what for c in row.columns].index("name")].strip()
    match = find(name)
    reason, reason_zh = twin("table_cell", cell=cell)
    return Candidate(no=0, section=PLAN15, year=None, indicator=match.entry.id if match else generated_id(name),
                     name=match.entry.name_zh if match else name, known=match is not None, role="none",
                     reading="", kind="", direction="", direction_word="", value=math.nan,
                     value_written=math.nan, unit_written="", unit=match.entry.unit if match else "",
                     quote=quote, confidence=0.0, status="dropped", reason=reason, reason_zh=reason_zh)
