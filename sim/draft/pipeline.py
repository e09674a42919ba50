"""From report text to a draft plan: sections → facts → candidates → indicators → TOML."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path

from sim.io.indicator import default_domain

from .assemble import build_indicator, drop, select
from .candidates import Candidate, candidates_from
from .facts import read_paragraph
from .lexicon import BY_ID, ENTRIES, PART_OF
from .plain import ascii_forms, plain_copy
from .sections import heading_kind, is_table_row, report_year, split_sections
from .source import read_report
from .tables import find_rows, sentences, unread, worded
from .tomlout import plan_toml
from .wordonly import unread_cell, word_goal, word_goals
from .words import twin

BASE_YEAR = 2025
TARGET_YEAR = 2030


@dataclass
class Draft:
    """A drafted plan and everything read on the way.

    Attributes
    ----------
    plan : dict
        The plan, shaped like a plan file (see :func:`sim.load_plan`).
    candidates : list of Candidate
        Every number read, used or dropped, with the reason.
    text : str
        The report text every quote is a substring of.
    source : str
        Name of the report file.
    encoding : str
        How the report was decoded.
    """

    plan: dict
    candidates: list[Candidate]
    text: str
    source: str
    encoding: str = "utf-8"

    def toml(self) -> str:
        """The plan file's text."""
        return plan_toml(self.plan, self.source)

    @property
    def used(self) -> list[Candidate]:
        return [c for c in self.candidates if c.status == "used"]


_HAN = "\u4e00-\u9fff"
#: Where a place name can start in a report's opening lines: the start of a line, a space or a
#: punctuation mark, or the end of a date (…1月10日, 一月十八日), optionally followed by the
#: preposition 在 (or 于 after a date). Without this a name would swallow the characters before
#: it ("日在宁远县"); a name itself may start with 于 or 日 (于都县, 日土县).
_BOUNDARY = (r"(?:(?:^|(?<=[\s\u3000,，。、:：;；—\-－(（“”\"《》|｜]))在?"
             r"|(?<=[0-9０-９〇零一二三四五六七八九十]日)[在于]?)")
#: A district or county name, after an optional province, prefecture-level city or league (a name
#: never starts with their suffix, so 永州市 is not read as 永州 + 市…), and followed by what names
#: it in a work report's heading: 人民政府, 第…届 (人民代表大会), or the report's own title.
_DISTRICT = re.compile(
    _BOUNDARY + rf"(?:[{_HAN}]{{1,7}}?(?:省|自治区))?(?:[{_HAN}]{{1,7}}?(?:市|自治州|州|地区|盟))?"
    rf"(?![省市州盟])(?P<name>[{_HAN}]{{1,8}}?(?:区|县|旗|市))"
    r"(?=人民政府|第[^\n]{1,8}?届|(?:[0-9]{4}年)?政府工作报告)", re.MULTILINE)


def detect_district(text: str) -> str:
    """The district, county or county-level city named in the report's opening lines, or ''.

    The name starts at a boundary (:data:`_BOUNDARY`), so a date or a preposition before it is
    never part of it; a city or province before it is dropped (张掖市甘州区 → 甘州区).
    """
    m = _DISTRICT.search(text[:3000])
    return m.group("name") if m else ""


def _meta(district: str, source: str) -> dict:
    name = district or "本区县"
    return {
        "id": f"draft-{source.rsplit('.', 1)[0]}"[:60] or "draft",
        "district_zh": name,
        "district_en": f"{name} (English name to be filled)",
        "title_zh": f"{name}“十五五”规划主要目标(据政府工作报告起草,待审核)",
        "title_en": f"{name} 15th Five-Year Plan (2026–2030): main targets, drafted from the work report",
        "base_year": BASE_YEAR, "target_year": TARGET_YEAR, "horizon": TARGET_YEAR,
        "source_file": source,
        "source_title_zh": f"{name}政府工作报告",
        "source_title_en": f"{name} government work report",
    }


def _order_key(ind_id: str) -> tuple[int, str]:
    ids = [e.id for e in ENTRIES]
    return (ids.index(ind_id), "") if ind_id in ids else (len(ids), ind_id)


def _with_parts(chosen: dict, tables: dict) -> None:
    """A sum whose parts are all drafted (奶肉牛 = 奶牛 + 肉牛) becomes a derived indicator."""
    for parent_id, parent in list(tables.items()):
        parts = BY_ID[parent_id].parts if parent_id in BY_ID else ()
        if not parts or not all(p in tables for p in parts):
            continue
        for key in ("baseline", "trend", "driver", "price_basis", "milestone", "history"):
            parent.pop(key, None)
        parent.update(dynamic="derived", op="sum", inputs=list(parts))
        en, zh = twin("sum_of_parts")
        parent["note"] = f"{parent.get('note', '')} {en}".strip()
        parent["note_zh"] = parent.get("note_zh", "") + zh


def _worth_writing(table: dict) -> bool:
    base = table.get("baseline", {})
    return bool(table.get("target") or table.get("milestone") or table.get("dynamic") == "derived"
                or base.get("basis") in ("reported", "derived"))


def _parent_trend(ind_id: str, chosen: dict):
    parent = PART_OF.get(ind_id)
    if parent is None or parent not in chosen:
        return None
    trends = [c for c in chosen[parent].by_role("trend") if c.reading == "growth"]
    return trends[0] if trends else None


def read_candidates(text: str) -> list[Candidate]:
    """Every number of the report as a candidate, with its section, year and role.

    The rules read the report's plain copy (:mod:`sim.draft.plain`); quotes are cut from
    ``text`` itself.
    """
    year = report_year(ascii_forms(text))
    rows = find_rows(ascii_forms(text), BASE_YEAR, TARGET_YEAR)
    plain = plain_copy(text, lambda line: heading_kind(line, year) is not None or is_table_row(line))
    facts = []
    # A table's rows are read below, column by column (rows are in report order).
    starts = [row.start for row in rows]

    def in_row(at: int) -> bool:
        k = bisect.bisect_right(starts, at) - 1
        return k >= 0 and at < rows[k].end

    paragraphs = [para for para in split_sections(plain.text, year) if not in_row(plain.where[para.start])]
    for para in paragraphs:
        facts.extend((para.kind, f) for f in read_paragraph(plain.text, para.start, len(para.text)))
    out = candidates_from(facts, plain, BASE_YEAR, year)
    for row in rows:
        out.extend(_row_candidates(row, text, year))
    out.extend(word_goals(plain, paragraphs, len(out), year))
    for no, cand in enumerate(out, start=1):
        cand.no = no
    return out


def _row_candidates(row, text: str, year: int) -> list[Candidate]:
    """The numbers of one table row, each read from its cell as prose and quoting the row; a
    goal cell in words (与经济增长同步) as a review row without a number."""
    quote = text[row.start:row.end].strip()
    out = [c for c in (word_goal(clause, quote, section, year, 0) for section, clause in worded(row)) if c]
    out.extend(unread_cell(row, cell, quote, year) for cell in unread(row))
    for section, sentence, cell in sentences(row, BASE_YEAR, TARGET_YEAR):
        facts = [(section, f) for f in read_paragraph(sentence, 0, len(sentence))]
        cands = candidates_from(facts, sentence, BASE_YEAR, year)
        if not cands:  # a year the plan does not hold, a unit the rules do not know: said, not lost
            out.append(unread_cell(row, cell, quote, year))
        for cand in cands:
            cand.quote = quote
            cand.flags.add("table")
            out.append(cand)
    return out


def assemble(cands: list[Candidate], text: str, source: str = "report.txt", district: str | None = None,
             encoding: str = "utf-8") -> Draft:
    """The plan made of ``cands`` (statuses and reasons are set on them).

    Call it again on candidates the reviewer has edited (:mod:`sim.draft.decisions`).
    """
    chosen = select(cands)
    tables = {}
    for ind_id in sorted(chosen, key=_order_key):
        table = build_indicator(chosen[ind_id], BASE_YEAR, _parent_trend(ind_id, chosen))
        if _fits_domain(table, chosen[ind_id]):
            tables[ind_id] = table
    _with_parts(chosen, tables)
    for ind_id in [i for i, tab in tables.items() if not _worth_writing(tab)]:
        del tables[ind_id]
        for c in chosen[ind_id].cands:
            if c.status != "dropped":
                drop(c, "nothing_left")
    for c in cands:
        if c.status == "review" and c.reason:
            c.status = "dropped"
        elif c.status == "review":
            drop(c, "not_needed")
        if c.quote not in text:  # pragma: no cover - a bug, never the report's fault
            raise AssertionError(f"quote is not in the report: {c.quote!r}")
    plan = {"schema_version": 1, "plan": _meta(district or detect_district(text), Path(source).name),
            "check": {"growth_pp": 0.5, "percent_pp": 1.0, "level_rel": 0.02},
            "indicator": list(tables.values())}
    return Draft(plan, cands, text, Path(source).name, encoding)


def draft_from_text(text: str, source: str = "report.txt", district: str | None = None,
                    encoding: str = "utf-8") -> Draft:
    """Draft a plan from the text of a work report.

    Parameters
    ----------
    text : str
        The report.
    source : str
        Its file name, written into the plan as ``source_file``.
    district : str, optional
        District name; default: read from the report's opening lines.
    encoding : str
        How the text was decoded (kept for the record).

    Returns
    -------
    Draft
    """
    return assemble(read_candidates(text), text, source, district, encoding)


def draft_from_path(path: str | Path, district: str | None = None) -> Draft:
    """Draft a plan from a report file (UTF-8 or GB18030); bad input raises :class:`sim.InputError`."""
    text, encoding = read_report(path)
    return draft_from_text(text, Path(path).name, district, encoding)


def _fits_domain(table: dict, ind) -> bool:
    """Keep only what the unit can physically be (:func:`sim.io.indicator.default_domain`): a level
    goal outside it is dropped; an indicator whose 2025 level is outside it is not written (a
    misread number, e.g. a count read as a percentage, or a compound one's level of 0), with the
    reason on its candidates. A number
    with no indicator name before it is not written either."""
    if not str(table.get("name_zh", "")).strip():
        for c in ind.cands:
            drop(c, "no_name")
        return False
    low, high = default_domain(table["unit"])
    for role in ("target", "milestone"):
        kept = [g for g in table[role] if g["kind"] == "growth" or low <= g["value"] <= high]
        for g in table[role]:
            if g not in kept:
                for c in ind.cands:
                    if c.status == "used" and c.value == g["value"]:
                        drop(c, "goal_outside_unit", value=g["value"], unit=table["unit"])
        table[role] = kept
    value = table["baseline"]["value"]
    # A compound indicator grows from its 2025 level: a level of 0 is a misread number.
    code = ("level_outside_unit" if not low <= value <= high
            else "level_not_positive" if value <= 0 and table.get("dynamic") == "compound" else None)
    if code is None:
        return True
    for c in ind.cands:
        drop(c, code, value=value, unit=table["unit"])
    return False
