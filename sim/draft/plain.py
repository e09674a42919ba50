"""The report as the drafter reads it: full-width forms made ASCII, broken lines joined.

Reports pasted from PDFs or typeset documents write ``８６．４亿元`` and ``６．２％``, and break
lines in the middle of a sentence, even of a number (``完成32`` / ``680万元``). The rules read a
plain copy in which full-width digits, letters and the signs of numbers (．％＋－／) are ASCII
and a line break inside a sentence (with any page number a PDF left there) is gone; :class:`Plain` keeps, for every character of the
copy, where it stands in the report, so that every quote is cut from the report itself and
stays an exact substring of it (a quote across a joined break keeps the break).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .hant import TO_SIMPLIFIED

#: Full-width forms the rules read as ASCII: digits, Latin letters and the signs of numbers.
_FULL = "０１２３４５６７８９．％＋－／" + "".join(chr(c) for c in range(0xFF21, 0xFF3B)) + \
    "".join(chr(c) for c in range(0xFF41, 0xFF5B))
_ASCII = str.maketrans(_FULL, "".join(chr(ord(ch) - 0xFEE0) for ch in _FULL))
_CN_YEAR = re.compile(r"[〇零一二三四五六七八九]{4}(?=年)")
_CN_YEAR_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
#: A line that ends here has ended its sentence or is a heading, a date line or a title.
_ENDS = "。；;！!？?：:”》)）"
#: Shortest line that can be the first part of a broken one [characters]: shorter lines are
#: headings, titles, signatures or table rows, which end where they end.
_MIN_BROKEN = 20
#: Longest sub-heading [characters]: a line opening with a list mark ((一), 1., ——) and no
#: longer than this is a sub-heading, and a line opening with one starts a new item.
_SUBHEADING_MAX = 40
#: A line holding only a page number (— 3 —, - 12 -, 7, 第3页 共12页, 3/12).
_PAGE_NUMBER = re.compile(r"[ \t\u3000]*(?:[-—–]*[ \t\u3000]*\d{1,3}[ \t\u3000]*[-—–]*"
                          r"|第[ \t\u3000]*\d{1,3}[ \t\u3000]*页(?:[ \t\u3000，,]*共[ \t\u3000]*\d{1,3}[ \t\u3000]*页)?"
                          r"|\d{1,3}[ \t\u3000]*/[ \t\u3000]*\d{1,3})[ \t\u3000]*\r?\n?$")
_LIST_MARK = re.compile(r"[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、](?!\d)|——")


#: A letter that a scan made of a digit: l, I, O or o beside a digit, with no other Latin
#: letter next to it (CO2, PM2.5 and 5G keep their letters).
_OCR_LETTER = re.compile(r"(?<![A-Za-z])[lIOo](?=\.?\d)|(?<=\d)[lIOo](?![A-Za-z])|(?<=\d\.)[lIOo](?![A-Za-z])")
_OCR_DIGIT = {"l": "1", "I": "1", "O": "0", "o": "0"}
#: A blank a scan put inside a number (3 1 4 .7, 6 %, 2万 人), in a line of prose.
_OCR_GAP = re.compile(r"(?<=[\d.]) (?=[\d.%])|(?<=\d[万亿]) (?=[人元吨亩户头只千])")
_PROSE = re.compile(r"[，。；,;]")


@dataclass(frozen=True)
class Plain:
    """A report's plain copy and the map back to the report.

    Attributes
    ----------
    text : str
        What the rules read.
    where : list of int
        ``where[i]`` is the offset in the report of ``text[i]``; one more entry gives the
        report's length.
    report : str
        The report, as decoded.
    """

    text: str
    where: list[int]
    report: str

    def quote(self, start: int, end: int) -> str:
        """The report's own words for ``text[start:end]``, stripped of surrounding blanks."""
        if end <= start:
            return ""
        return self.report[self.where[start]:self.where[end - 1] + 1].strip()


def _joins(line: str, following: str, is_heading) -> bool:
    body, nxt = line.strip(), following.strip()
    if len(body) < _MIN_BROKEN or not nxt or body[-1] in _ENDS or _LIST_MARK.match(nxt):
        return False
    if _LIST_MARK.match(body) and len(body) <= _SUBHEADING_MAX:
        return False
    return is_heading(body) is False and is_heading(nxt) is False


def _page_furniture(lines: list[str]) -> list[bool]:
    # A page number, and a running header or footer beside one: a short line the report
    # repeats (its title on every page), which a PDF leaves inside a sentence.
    page = [bool(_PAGE_NUMBER.match(line)) for line in lines]
    counts = Counter(line.strip() for line in lines)
    for i in [k for k, is_page in enumerate(page) if is_page]:
        for k in (i - 1, i + 1):
            body = lines[k].strip() if 0 <= k < len(lines) else ""
            if body and counts[body] > 1 and len(body) <= _SUBHEADING_MAX and body[-1] not in _ENDS:
                page[k] = True
    return page


def ascii_forms(text: str) -> str:
    """``text`` with full-width digits, letters and signs of numbers in ASCII, years written
    in Chinese numerals (二〇二五年) in Arabic ones, traditional characters in simplified
    ones (:mod:`sim.draft.hant`), and the letters a scan mistakes for digits
    (8l2.4, 3327O) read as digits, character for character (same length)."""
    text = _CN_YEAR.sub(lambda m: m.group().translate(_CN_YEAR_DIGITS), text.translate(_ASCII))
    text = text.translate(TO_SIMPLIFIED)
    return _OCR_LETTER.sub(lambda m: _OCR_DIGIT[m.group()], text)


def plain_copy(report: str, is_heading=lambda line: False) -> Plain:
    """The plain copy of ``report``.

    Parameters
    ----------
    report : str
        The report text.
    is_heading : callable
        ``is_heading(line)`` is True for a line that stands alone: a heading that opens a
        section, a table row (never joined to its neighbours).
    """
    text = ascii_forms(report)
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    page = _page_furniture(lines)
    keep = [True] * len(text)
    for i, line in enumerate(lines):
        if page[i]:  # a page number a PDF left between two halves of a sentence
            keep[starts[i]:starts[i + 1]] = [False] * len(line)
            continue
        j = next((k for k in range(i + 1, len(lines)) if not page[k]), None)
        if j is not None and _joins(line, lines[j], is_heading):
            # The break is inside a sentence: drop it, and the blanks around it.
            brk = re.search(r"[ \t\u3000]*\r?\n[ \t\u3000]*$", line)
            lead = len(lines[j]) - len(lines[j].lstrip(" \t\u3000"))
            cut = range(starts[i] + brk.start(), starts[j] + lead)
            keep[cut.start:cut.stop] = [False] * len(cut)
    for i, line in enumerate(lines):
        if _PROSE.search(line):  # never in a table row, whose cells a blank may separate
            for m in _OCR_GAP.finditer(line):
                keep[starts[i] + m.start()] = False
    where = [k for k, kept in enumerate(keep) if kept]
    return Plain("".join(text[k] for k in where), [*where, len(report)], report)
