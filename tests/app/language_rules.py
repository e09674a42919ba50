"""The language rule of the app's tests, in one place: which words of the other language a page
may show. Used by the AppTest walk (test_language.py) and the real-browser walk (test_browser.py).

* Chinese mode: no ASCII word of two or more letters of the project's own making. Allowed:
  numbers, units and technical names (:data:`ALLOWED_ZH`), identifiers (words joined by ``_``,
  ``.`` or digits: ``drivers.gdp``, ``PM2.5``, ``uncertain.toml``), the plan's indicator ids and
  scenario names, and Streamlit's own widget strings (:data:`STREAMLIT`).
* English mode: no CJK character outside the report's own words (a quote in “…” that is a
  substring of the report, or a table cell that is one), the plan's Chinese names shown next
  to the English ones, and the language switch "语言 / Language".
"""

from __future__ import annotations

import re

from sim import load_plan

from .conftest import ROOT

PLAN = load_plan()
REPORT = (ROOT.parent / "shared" / "seeds" / "ganzhou-2026-work-report.txt")
REPORT_TEXT = REPORT.read_text(encoding="utf-8") if REPORT.exists() else ""
#: Words allowed in Chinese mode: file formats, statistics and units planners use as is.
ALLOWED_ZH = {"CSV", "TOML", "xlsx", "IAMC", "UTF", "BOM", "PDF", "HTML", "pdf", "html", "csv", "toml", "GDP",
              "PM", "Wilson", "Excel", "Word", "P5", "P25", "P50", "P75", "P95", "kW", "MB", "KB", "pyam", "CJK", "true", "false", "URL",
              "sum", "indicator", "year", "value"}
#: Streamlit's own strings (its widgets' built-in words), out of the project's hands.
STREAMLIT = {"Select all", "Choose an option", "Upload", "Browse files", "Drag and drop file here",
             "Press Enter to apply", "No options to select.",
             "English", "中文", "语言 / Language"}  # the language switch names each language in its own words
#: Lines Streamlit composes itself, as a browser shows them: the file uploader's size limit and
#: accepted types ("Limit 5MB per file • TXT, MD").
STREAMLIT_LINE = re.compile(r"(Limit )?\d+(\.\d+)?[KMG]B per file( • [A-Z0-9, .]+)?")
IDS = {i.id for i in PLAN.indicators} | {"plan", "momentum", "cautious", "ambitious", "uncertain"}
#: Keys a user types in a scenario or actuals file (named in error sentences).
FILE_KEYS = {"name", "parent", "rationale", "rule", "horizon", "drivers", "actuals", "scenario", "uncertainty",
             "correlation", "persistence", "trend"}
CJK = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]")
WORD = re.compile(r"[A-Za-z0-9_.\-/]*[A-Za-z]{2,}[A-Za-z0-9_.\-/]*")
REPORT_RUN = re.compile(r"[\u3400-\u9fff0-9.%、,“”]+")
MATERIAL = re.compile(r":material/\w+:|:[a-z]+\[[^\]]*\]|https?://\S+")


def _quoted_from_report(text: str) -> str:
    """``text`` without quotes that are the report's own words (or, in a Chinese sentence, what
    the user typed: an ASCII quote such as “abc”)."""
    for quote in re.findall(r"“([^”]*)”", text):
        if quote and (quote in REPORT_TEXT or (quote.isascii() and CJK.search(text))):
            text = text.replace(f"“{quote}”", "")
    return text


def stray_english(strings) -> set[str]:
    bad = set()
    for s in strings:
        if s in STREAMLIT or STREAMLIT_LINE.fullmatch(s):
            continue
        # a plotly title's line break is markup the planner never sees
        s = MATERIAL.sub("", _quoted_from_report(s)).replace("<br>", " ")
        for word in WORD.findall(s):
            if word.endswith("/"):  # a folder name (scenarios/)
                continue
            core = word.strip(".-/")
            if core in ALLOWED_ZH or core in IDS or core in FILE_KEYS or re.search(r"[_.\d]", core):
                continue
            bad.add(f"{core!r} in {s[:80]!r}")
    return bad


def stray_chinese(strings) -> set[str]:
    names = sorted((i.name_zh for i in PLAN.indicators), key=len, reverse=True)
    bad = set()
    for s in strings:
        if s in STREAMLIT:
            continue
        # a cell of quotes joined by "｜" or "；" (the quote column, an audit's quotes)
        rest = " ".join(p for p in re.split(r" ?[｜；] ?", s) if p not in REPORT_TEXT)
        # the report's own words: a run of four or more characters found verbatim in it
        # (a quote, or several joined by "｜")
        for run in sorted(set(REPORT_RUN.findall(rest)), key=len, reverse=True):
            if len(run) >= 4 and CJK.search(run) and run in REPORT_TEXT:
                rest = rest.replace(run, "")
        rest = _quoted_from_report(rest)
        rest = re.sub(r"(?<=[A-Za-z)]) ?\([^()]*\)", lambda m: "" if CJK.search(m.group(0)) else m.group(0), rest)
        for n in names:
            rest = rest.replace(n, "")
        rest = re.sub(r"[“”()、,:;。｜]", " ", rest)  # punctuation left where a quote or name stood
        if CJK.search(rest):
            bad.add(repr(s[:100]))
    return bad
