"""Small report texts in the genre's layout, for the draft tests."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
REPORT = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "ganzhou-2026-work-report.txt"


def report(past: str = "", record: str = "", goals: str = "", tasks: str = "") -> str:
    """A work report of 2026 with the four sections that set years, each holding the given text."""
    return "\n".join([
        "松林县人民政府工作报告",
        "——2026年1月10日在松林县第十届人民代表大会第四次会议上",
        "一、2025年工作回顾", past or "全县上下团结奋进。",
        "二、“十四五”时期主要成就", record or "五年来发展取得新成效。",
        "三、“十五五”时期主要目标", goals or "今后五年要接续奋斗。",
        "四、2026年重点工作", tasks or "今年要稳中求进。",
        "五、加强政府自身建设", "全年一般性支出压减5%。",
    ]) + "\n"


def used(draft, indicator: str, role: str | None = None):
    """Used candidates of ``indicator`` (and ``role``), in report order."""
    return [c for c in draft.candidates if c.indicator == indicator and c.status == "used"
            and (role is None or c.role == role)]


def table(draft, indicator: str) -> dict:
    """The plan-file table of ``indicator``."""
    return next(ind for ind in draft.plan["indicator"] if ind["id"] == indicator)


def quotes_are_the_reports(d, candidates: bool = False) -> None:
    """Every quote of the drafted plan (and, if asked, of every candidate) stands in the report as printed."""
    for ind in d.plan["indicator"]:
        for number in [ind["baseline"], *ind.get("target", []), *ind.get("milestone", [])]:
            quotes = number.get("quote", [])
            for q in [quotes] if isinstance(quotes, str) else quotes:
                assert q in d.text, q
    if candidates:
        for c in d.candidates:
            assert c.quote in d.text, c.quote
