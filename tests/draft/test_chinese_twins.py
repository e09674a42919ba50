"""A drafted plan has no English of the drafter's making in Chinese: every note and reason the
drafter writes has its Chinese twin (``note_zh``, ``reason_zh``), saying the same with the same
numbers, and formulas are arithmetic in no language.

Checked twice: on the table of templates itself (:data:`sim.draft.words.TEXTS`, every code), and
end to end on the fixture reports under ``tests/draft/fixtures`` and the 甘州区 report — the plan
file read back by the plan loader, every candidate's reason, and the Chinese tables a planner sees
(the indicator sheet, the target check under ``plan``, the draft page's candidate and placeholder
tables), with the app's language rule (:func:`tests.app.language_rules.stray_english`).
"""

from __future__ import annotations

import re
import string

import pytest

from sim import check_targets, project
from sim.draft import draft_from_text
from sim.draft.decisions import decision_table, fill_placeholders, placeholders, validated
from sim.draft.source import decode_report
from sim.draft.words import TEXTS, VALUE_ZH, twin
from sim.io import formats
from sim.report.export import check_in
from sim.report.frames import indicator_table
from sim.report.labels import localize
from tests.app.language_rules import ALLOWED_ZH, stray_english
from tests.draft.helpers import FIXTURES, REPORT
from tests.io.test_plan_chinese import CJK, NUMBER, ORDINAL, WORD, _formulas, _keys, _texts

REPORTS = sorted(FIXTURES.glob("*.txt")) + ([REPORT] if REPORT.exists() else [])


def _numbers(text: str) -> set[str]:
    return set(NUMBER.findall(ORDINAL.sub("", text)))


def _english(text: str, allowed: set[str]) -> list[str]:
    return [w for w in WORD.findall(text) if w not in allowed and len(w) > 1]


# --------------------------------------------------------------------------- the templates

#: Values a template shows as text: a code the Chinese words itself, or words from the report.
TEXT_SAMPLE = {"reading": "growth", "role": "target", "unit": "万元", "to": "亿元", "unit_written": "万元",
               "name": "地区生产总值", "noun": "粮食、油料", "source": "统计年鉴", "how": "(50 / 10)^(1/4)"}


def _sample(template: str) -> dict:
    """Values for ``template``: a number for every placeholder that is not text."""
    return {name: TEXT_SAMPLE.get(name, 1234.5) for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", sorted(TEXTS))
def test_both_languages_take_the_same_values_and_the_chinese_is_chinese(code):
    en, zh = TEXTS[code]
    names = [{n for _, n, _, _ in string.Formatter().parse(t) if n} for t in (en, zh)]
    assert names[0] == names[1], f"{code}: the two templates take different values"
    english, chinese = twin(code, **_sample(en))
    assert CJK.search(chinese), chinese
    assert not _english(chinese, set()), f"{code}: English left in {chinese!r}"
    assert _numbers(english) <= _numbers(chinese), f"{code}: {english!r} → {chinese!r}"


def test_coded_values_are_worded_in_chinese():
    assert twin("goals_reading", reading="threshold")[1] == "在规划目标部分读作“界限值”,既不是水平值也不是增速"
    assert twin("duplicate_goal", no=3, role="milestone", year=2026, reading="growth") == (
        "candidate 3 gives this milestone for 2026 (growth)", "候选3已给出2026年的这一年度目标(增速)")
    assert set(VALUE_ZH["reading"]) >= {"level", "share", "growth", "decline", "increment", "change", "multiple",
                                        "grew_times", "average_change", "total", "start_level", "threshold"}


# --------------------------------------------------------------------------- drafted plans

@pytest.fixture(scope="module", params=REPORTS, ids=lambda p: p.name)
def drafted(request):
    text, _ = decode_report(request.param.read_bytes(), request.param.name)
    draft = draft_from_text(text, request.param.name)
    plan = validated(draft)
    allowed = {i.id for i in plan.indicators} | _keys(formats.PLAN) | set(WORD.findall(text)) | ALLOWED_ZH
    return draft, plan, allowed


def test_every_note_and_reason_of_the_plan_file_has_its_chinese_twin(drafted):
    _, plan, allowed = drafted
    texts = _texts(plan)
    assert texts, "the report gave the drafter nothing to explain"
    for where, english, chinese in texts:
        assert CJK.search(chinese), f"{where}: no Chinese twin of {english!r}"
        assert not _english(chinese, allowed), f"{where}: English left in {chinese!r}"
        assert _numbers(english) <= _numbers(chinese), f"{where}: {english!r} → {chinese!r}"
    for where, formula in _formulas(plan):
        assert not _english(formula, allowed), f"{where}: {formula!r}"


def test_every_candidates_reason_has_its_chinese_twin(drafted):
    draft, _, allowed = drafted
    reasons = [(c.no, c.reason, c.reason_zh) for c in draft.candidates if c.reason]
    for no, english, chinese in reasons:
        assert CJK.search(chinese), f"candidate {no}: no Chinese twin of {english!r}"
        assert not _english(chinese, allowed), f"candidate {no}: English left in {chinese!r}"
        assert _numbers(english) <= _numbers(chinese), f"candidate {no}: {english!r} → {chinese!r}"


def _cells(frame, ids: set[str]) -> list[str]:
    """Text cells of ``frame`` (less its English-name column) with the plan's ids taken out."""
    words = re.compile("|".join(sorted(map(re.escape, ids), key=len, reverse=True)))
    columns = [c for c in frame.columns if c not in ("name_en", "英文名称")]
    return [words.sub("", v) for c in columns for v in frame[c].tolist() if isinstance(v, str)]


def test_the_chinese_tables_of_a_drafted_plan_are_chinese(drafted):
    draft, plan, _ = drafted
    ids = {i.id for i in plan.indicators}
    proj = project(plan, ["plan"])
    tables = {"indicators": localize(indicator_table(plan, "zh"), "zh"),
              "check": localize(check_in(check_targets(proj), proj, "zh"), "zh"),
              "candidates": decision_table(draft, "zh")[["reason"]], "placeholders": placeholders(draft, "zh")}
    found = {name: stray_english(_cells(frame, ids)) for name, frame in tables.items()}
    assert not any(found.values()), found


def test_a_placeholder_the_reviewer_fills_keeps_both_languages(drafted):
    draft, _, _ = drafted
    ph = placeholders(draft)
    if ph.empty:
        pytest.skip("this report leaves no baseline to fill")
    filled = fill_placeholders(draft, {ph["indicator"].iloc[0]: 1.0}, "统计年鉴")
    plan = validated(filled)
    base = plan.by_id[ph["indicator"].iloc[0]].baseline
    assert (base.reason_zh, base.reason_in("en")) == (
        "审核时录入(来源:统计年鉴):报告未列出的2025年数据。",
        "Entered at review from 统计年鉴: the 2025 figure the report does not print.")


def test_the_reports_give_reasons_to_check():
    """The fixtures drop numbers and fill placeholders for many reasons: the checks above bite."""
    drafts = [draft_from_text(decode_report(p.read_bytes(), p.name)[0], p.name) for p in REPORTS]
    reasons = {c.reason for d in drafts for c in d.candidates if c.reason}
    placeholders_ = {i["baseline"]["reason"] for d in drafts for i in d.plan["indicator"] if "baseline" in i
                     and i["baseline"].get("basis") == "assumed"}
    assert len(reasons) > 15 and len(placeholders_) > 15, (len(reasons), len(placeholders_))


def test_the_rule_sees_english_left_in_a_chinese_twin():
    english, _ = twin("no_name")
    assert _english(english, set()) and stray_english([english])
