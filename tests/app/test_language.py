"""Chinese means Chinese, English means English: every page, both languages, no stray words.

Every text a page shows (titles, captions, widget labels, options and help, table headers and
cells, metric labels, chart titles, trace names and axis labels) is collected from AppTest's
element tree and checked by the one rule of :mod:`tests.app.language_rules` (also used by the
real-browser walk in test_browser.py).

The engine's Chinese error sentences have their own test: every code raised at an input the
app can meet has a Chinese text (:func:`test_every_error_code_has_a_chinese_sentence`).
"""

from __future__ import annotations

import ast
import json
from collections.abc import Sequence

import pandas as pd
import pytest

from sim.io.errors import InputError
from ui.assumptions import SECTIONS
from ui.fmt import input_error
from ui.texts import TEXT

from .conftest import PAGES, ROOT, go, start
from .language_rules import CJK, PLAN, stray_chinese, stray_english

#: Proto fields that are machinery, not text a reader sees.
SKIP_FIELDS = {"id", "form_id", "url", "spec", "arrow_data", "data", "css", "icon", "placeholder_icon",
               "key", "format", "theme", "label_visibility", "type", "element_type", "tag", "language"}


def _proto_strings(message) -> list[str]:
    out = []
    for field, value in message.ListFields():
        if field.name in SKIP_FIELDS:
            continue
        values = value if isinstance(value, Sequence) and not isinstance(value, str | bytes) else [value]
        for v in values:
            if isinstance(v, str):
                out.append(v)
            elif hasattr(v, "ListFields"):
                out += _proto_strings(v)
    return out


def _figure_strings(spec: str) -> list[str]:
    fig = json.loads(spec)
    out = []
    layout = fig.get("layout", {})
    for value in layout.values():
        if isinstance(value, dict) and isinstance(value.get("title"), dict):
            out.append(value["title"].get("text", ""))
    if isinstance(layout.get("title"), dict):
        out.append(layout["title"].get("text", ""))
    out += [a.get("text", "") for a in layout.get("annotations", [])]
    for trace in fig.get("data", []):
        out.append(trace.get("name", "") or "")
        for axis in ("x", "y", "text"):
            values = trace.get(axis)
            if isinstance(values, list):
                out += [v for v in values if isinstance(v, str)]
    return out


def texts(node) -> list[str]:
    """Every string a reader can see under ``node`` of AppTest's element tree."""
    kind = getattr(node, "type", "")
    out: list[str] = []
    if kind in ("table", "dataframe"):
        frame = node.value
        frame = frame.data if hasattr(frame, "data") else frame
        out += [str(c) for c in frame.columns]
        for column in frame.columns:
            values = frame[column].tolist()
            out += [v for v in values if isinstance(v, str)]
            # a missing cell is drawn as the word "None" by st.dataframe
            out += ["None" for v in values if v is None or (isinstance(v, float) and v != v)]
    elif kind == "html" and "<table" in node.proto.body:  # a status table (ui.tables): its headers and cells
        from ui.tables import read

        frame = read(node.proto.body)
        out += [str(c) for c in frame.columns] + [v for column in frame.columns for v in frame[column].tolist()]
    elif kind == "plotly_chart":
        out += _figure_strings(node.proto.spec)
    elif kind in ("text_area", "text_input"):  # what is typed in is the user's, not ours
        out += [node.label, node.help or ""]
    elif kind not in ("html", "") and hasattr(getattr(node, "proto", None), "ListFields"):
        out += _proto_strings(node.proto)
    children = getattr(node, "children", None)
    if children:
        for child in children.values() if isinstance(children, dict) else children:
            out += texts(child)
    return [s for s in out if s]


def _visit(at, lang: str) -> dict[str, list[str]]:
    """Every page in ``lang``, with the uncertainty page's simulation run (2,000 draws)."""
    seen = {}
    for name in PAGES:
        go(at, name)
        if name == "pages/uncertainty.py":
            at.select_slider(key="unc_draws").set_value(2_000).run()
            at.button(key="unc_run").click().run()
            at.button(key="unc_goal_run").click().run()
            for expander in at.expander:
                expander.proto.expanded = True
        if name == "pages/assumptions.py":  # what is drawn only when opened or picked: each, opened
            for key in ("file_meta_open", "lnk_table_open", "asm_peryear_open_economy"):
                at.session_state[key] = True
            seen[name] = []
            for section in SECTIONS:
                at.segmented_control(key=f"asm_section.{lang}").set_value(section).run()
                seen[name] += texts(at._tree)
            continue
        seen[name] = texts(at._tree)
    return seen


@pytest.fixture(scope="module")
def pages_zh():
    return _visit(start(), "zh")


@pytest.fixture(scope="module")
def pages_en():
    at = start({"lang": "en"})
    return _visit(at, "en")


@pytest.mark.parametrize("name", PAGES)
def test_chinese_pages_show_no_english_of_our_own(pages_zh, name):
    assert pages_zh[name], "nothing collected"
    assert stray_english(pages_zh[name]) == set()


@pytest.mark.parametrize("name", PAGES)
def test_english_pages_show_no_chinese_outside_quotes_and_names(pages_en, name):
    assert pages_en[name], "nothing collected"
    assert stray_chinese(pages_en[name]) == set()


def test_the_checks_catch_what_they_are_for():
    assert stray_english(["驱动因素 compound", "log points/yr"]) == {
        "'compound' in '驱动因素 compound'", "'log' in 'log points/yr'", "'points/yr' in 'log points/yr'"}
    assert stray_english(["drivers.gdp 不是数字", "PM2.5 浓度", "CSV 文件", "gdp"]) == set()
    assert stray_english(["Limit 5MB per file • TXT", "5MB per file • TOML, CSV"]) == set()  # Streamlit's own
    assert stray_chinese(["Income 3.4 亿元"]) == {"'Income 3.4 亿元'"}
    assert stray_chinese(["Gross regional product (地区生产总值)", "语言 / Language"]) == set()


# --------------------------------------------------------------------------- error messages

def _codes_in_source() -> set[str]:
    """Every error code the engine can raise: ``code="…"`` keywords and the second argument of
    ``Fields.fail(key, code)``, read from the source with :mod:`ast`."""
    found = set()
    for path in (ROOT / "sim").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            found |= {k.value.value for k in node.keywords
                      if k.arg == "code" and isinstance(k.value, ast.Constant) and k.value.value}
            if isinstance(node.func, ast.Attribute) and node.func.attr == "fail" and len(node.args) >= 2 \
                    and isinstance(node.args[1], ast.Constant):
                found.add(node.args[1].value)
    return found


def test_every_error_code_has_a_chinese_sentence():
    codes = _codes_in_source()
    assert {"missing", "not_number", "unknown_key", "too_big", "growth_impossible", "not_year"} <= codes
    missing = sorted(c for c in codes if f"err.{c}" not in TEXT)
    assert missing == []


BAD_INPUTS = [
    b"[scenario]\nname = 'x'\ntitle_zh = 'x'\ntitle_en = 'x'\n[drivers]\ngdp_typo = 5\n",
    b"[scenario]\nname = 'x'\ntitle_zh = 'x'\ntitle_en = 'x'\n[drivers]\nvisitors = -120\n",
    b"[scenario]\nname = 'x'\ntitle_zh = 'x'\n",
    b"[scenario]\nname = 'x'\ntitle_zh = 'x'\ntitle_en = 'x'\nbogus = 1\n",
    b"not = [toml",
    b"\xff\xfe",
]


@pytest.mark.parametrize("data", BAD_INPUTS)
def test_a_bad_scenario_upload_reads_in_chinese(data):
    from sim import resolve, scenario_from_text

    with pytest.raises(InputError) as caught:
        resolve(PLAN, scenario_from_text(data, "upload.toml"))
    exc = caught.value
    assert exc.code, exc.message
    zh = input_error(exc, "zh")
    assert zh.startswith("upload.toml") and CJK.search(zh)
    assert stray_english([zh]) == set(), zh
    assert input_error(exc, "en") == exc.message


@pytest.mark.parametrize("text, code", [
    ("indicator,year,value\nvisitors,20x6,1\n", "not_year"),
    ("indicator,year,value\nvisitors,2026,abc\n", "not_number"),
    ("indicator,year\nvisitors,2026\n", "missing_columns"),
    ("indicator,year,value\nvisitors,2026,1\nvisitors,2026,2\n", "duplicate_value"),
])
def test_a_bad_actuals_upload_reads_in_chinese(text, code):
    from sim.io.actuals import parse_actuals

    with pytest.raises(InputError) as caught:
        parse_actuals(text.encode(), "actuals.csv", ".csv")
    assert caught.value.code == code
    assert stray_english([input_error(caught.value, "zh")]) == set()


def test_an_error_without_a_chinese_text_gets_a_chinese_lead_in():
    exc = InputError("my.toml", "drivers.gdp", "something new went wrong", code="brand_new_code")
    assert input_error(exc, "zh") == "my.toml:drivers.gdp:该值无法使用,请检查后重试"
    legacy = InputError("my.toml", "drivers.gdp", "an old raise site without a code")
    assert legacy.code == "" and legacy.params == {}
    assert "old raise" not in input_error(legacy, "zh")


def test_frames_are_strings_everywhere():
    # the collector reads a Styler's data too
    assert texts(type("N", (), {"type": "table", "value": pd.DataFrame({"列": ["值"]}).style})()) == ["列", "值"]


def test_the_walk_reads_what_is_drawn_only_when_opened(pages_zh, pages_en):
    from ui.i18n import t

    for lang, pages in (("zh", pages_zh), ("en", pages_en)):
        shown = pages["pages/assumptions.py"]
        assert t("file.rationale", lang) in shown and t("lnk.col.to", lang) in shown, lang
        assert t("asm.act_add", lang) in shown and t("asm.actuals_title", lang) in shown, lang
