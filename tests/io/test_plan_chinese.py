"""The embedded plan in Chinese: every English note and reason has a Chinese twin that says the
same thing (same numbers), and no free text a Chinese planner sees is left in English."""

from __future__ import annotations

import re

import pytest

from sim.io import formats

CJK = re.compile(r"[\u4e00-\u9fff]")
WORD = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
#: A number as written: not part of a word such as "14th" or "S237".
NUMBER = re.compile(r"(?<![A-Za-z0-9.])\d+(?:\.\d+)?(?![A-Za-z0-9])")
#: English ordinals the Chinese writes as words: the 14th plan is “十四五”, phase 1 is 一期.
ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)\b|phase[ -]\d")


def _texts(plan) -> list[tuple[str, str, str]]:
    """(where, English, Chinese) for every note and reason of ``plan``."""
    out = []
    for ind in plan.indicators:
        out.append((f"{ind.id}.note", ind.note, ind.note_zh))
        out += [(f"{ind.id}.history[{h.measure}].note", h.note, h.note_zh) for h in ind.history]
        numbers = {"baseline": ind.baseline, "trend": ind.trend,
                   **{f"target[{t.year}]": t.number for t in ind.targets},
                   **{f"milestone[{t.year}]": t.number for t in ind.milestones},
                   **{f"history[{h.measure}]": h.number for h in ind.history}}
        out += [(f"{ind.id}.{k}.reason", n.reason, n.reason_zh) for k, n in numbers.items() if n is not None]
        out += [(f"{ind.id}.target[{t.year}].binding.reason", t.attribute.reason, t.attribute.reason_zh)
                for t in (*ind.targets, *ind.milestones) if t.attribute is not None]
    for link in plan.links.follow:
        out += [(f"links[{link.indicator}].note", link.note, link.note_zh),
                (f"links[{link.indicator}].reason", link.reason, link.reason_zh)]
    return [t for t in out if t[1]]


def _formulas(plan) -> list[tuple[str, str]]:
    out = []
    for ind in plan.indicators:
        numbers = [ind.baseline, ind.trend, *(t.number for t in (*ind.targets, *ind.milestones)),
                   *(h.number for h in ind.history)]
        out += [(ind.id, n.formula) for n in numbers if n is not None and n.formula]
    return out + [(link.indicator, link.formula) for link in plan.links.follow if link.formula]


def _keys(table: dict) -> set[str]:
    return set(table) | {k for key in table.values() for k in _keys(key.of)}


@pytest.fixture(scope="module")
def allowed(plan, report_text) -> set[str]:
    """ASCII words a Chinese text may hold: indicator ids and plan-file keys (named, not
    translated), words of the report itself (GDP, PM2.5) and one-letter symbols (L元)."""
    return ({i.id for i in plan.indicators} | _keys(formats.PLAN) | set(WORD.findall(report_text)))


def _english_words(text: str, allowed: set[str]) -> list[str]:
    return [w for w in WORD.findall(text) if w not in allowed and len(w) > 1]


def test_the_plan_has_the_notes_and_reasons_the_test_expects(plan):
    texts = _texts(plan)
    kinds = {kind: sum(where.endswith(kind) for where, _, _ in texts)
             for kind in (".note", "binding.reason", ".reason")}
    # 48 indicator, 15 history and 1 link note; 27 属性 reasons; reasons of numbers and links
    assert kinds[".note"] == 64
    assert kinds["binding.reason"] == 27
    assert kinds[".reason"] - kinds["binding.reason"] == 34


def test_every_note_and_reason_has_a_chinese_twin(plan, allowed):
    for where, _, chinese in _texts(plan):
        assert chinese.strip(), f"{where}: no Chinese twin"
        assert CJK.search(chinese), f"{where}: the twin has no Chinese"
        assert not _english_words(chinese, allowed), f"{where}: English left in {chinese!r}"


def test_every_twin_carries_the_numbers_of_its_english_text(plan):
    for where, english, chinese in _texts(plan):
        missing = set(NUMBER.findall(ORDINAL.sub("", english))) - set(NUMBER.findall(chinese))
        assert not missing, f"{where}: {sorted(missing)} missing from {chinese!r}"


#: A number with a Chinese unit, not inside a Chinese quote (no Chinese character or opening quote
#: just before it): ``197万千瓦 a year`` in an English sentence, where the app writes ``197 (10k kW)``.
CHINESE_UNIT_AFTER_NUMBER = re.compile(
    r"(?<![\u4e00-\u9fff“‘「\d.,])\d[\d,.]*\s?(?:万千瓦|亿元|万亩|万人次|万头|万人|万户|亿立方米|元|人|家|个|户)(?![\u4e00-\u9fff/])")


def test_english_texts_write_units_in_english_and_chinese_ones_name_indicators_in_chinese(plan):
    ids = {i.id for i in plan.indicators}
    for where, english, chinese in _texts(plan):
        assert not CHINESE_UNIT_AFTER_NUMBER.findall(english), f"{where}: {english!r}"
        assert not ids & set(WORD.findall(chinese)), f"{where}: an indicator id in {chinese!r}"
    # the rules see what they forbid, and leave a quote of the report alone
    assert CHINESE_UNIT_AFTER_NUMBER.findall("needs about 197万千瓦 a year") == ["197万千瓦"]
    assert not CHINESE_UNIT_AFTER_NUMBER.findall("the report (综合能源装机规模达到614万千瓦)")


def test_formulas_are_arithmetic_in_no_language(plan, allowed):
    for where, formula in _formulas(plan):
        assert not _english_words(formula, allowed), f"{where}: {formula!r}"


def test_the_checks_would_catch_an_untranslated_text(plan, allowed):
    english = plan.by_id["gdp"].note
    assert not CJK.search(english) and len(_english_words(english, allowed)) > 10
    assert set(NUMBER.findall("增长7.3%和14th")) == {"7.3"}


# --------------------------------------------------------------------------- the twins in outputs

def _read_csv(path):
    import pandas as pd

    return pd.read_csv(path, encoding="utf-8-sig")


def test_indicators_csv_in_chinese_has_the_chinese_notes(plan, tmp_path):
    from sim.cli.main import main

    out = tmp_path / "指标.csv"
    assert main(["indicators", "--lang", "zh", "-o", str(out)]) == 0
    table = _read_csv(out).set_index("指标代码")
    assert table.loc["gdp", "说明"] == plan.by_id["gdp"].note_zh
    assert table.loc["industrial_va", "基期来源"] == plan.by_id["industrial_va"].baseline.reason_zh


def test_history_csv_in_chinese_has_the_statements_chinese_notes(plan, tmp_path):
    from sim.cli.main import main

    out = tmp_path / "history.csv"
    assert main(["history", "--lang", "zh", "-o", str(out)]) == 0
    notes = set(_read_csv(out)["说明"].dropna())
    assert notes == {h.note_zh for ind in plan.indicators for h in ind.history if h.note}
    out = tmp_path / "history_en.csv"
    assert main(["history", "-o", str(out)]) == 0
    assert plan.by_id["gdp"].history[0].note in set(_read_csv(out)["note"])


def test_chinese_assumptions_give_the_plans_chinese_reasons_for_trends_and_links(plan):
    from sim import project
    from sim.report.frames import assumptions_table

    table = assumptions_table(project(plan, ["momentum"]), "zh")
    sources = dict(zip(table["indicator"], table["source"], strict=False))
    assert plan.by_id["gdp_deflator"].trend.reason_zh in sources["gdp_deflator"]
    assert plan.by_id["storage_capacity"].trend.reason_zh in sources["storage_capacity"]
    revenue = next(k for k in plan.links.follow if k.indicator == "public_budget_revenue")
    assert revenue.reason_zh in sources["public_budget_revenue"]
    english = assumptions_table(project(plan, ["momentum"]), "en")
    assert plan.by_id["gdp_deflator"].trend.reason in set(english["source"].str.extract(r"\((.*)\)$")[0])
