"""The whole app (AppTest from streamlit_app.py): every page opens; language and links."""

from __future__ import annotations

import re

import pytest

from .conftest import (
    PAGES,
    ROOT,
    assert_clean,
    go,
    start,
    widget,
)


@pytest.mark.parametrize("name", PAGES)
def test_every_page_renders_without_error(app, name):
    go(app, name)
    assert_clean(app)
    assert app.title[0].value == PAGES[name][0]
    assert app.sidebar.radio(key="lang").value == "zh"


def test_every_page_file_is_in_the_app():
    listed = set(re.findall(r'"(pages/\w+\.py)"', (ROOT / "streamlit_app.py").read_text(encoding="utf-8")))
    assert listed == set(PAGES) == {f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py")}


def test_english_switch_changes_every_label(app):
    app.sidebar.radio(key="lang").set_value("en").run()
    assert_clean(app)
    assert app.title[0].value == "Target board"
    table = app.table[0].value
    assert list(table.columns)[:3] == ["Status", "Indicator", "Area"]
    assert table["Status"].str.contains("met").all()
    assert app.metric[0].label == "GRP growth"
    assert app.query_params["lang"] == "en"
    go(app, "pages/assumptions.py")
    assert_clean(app)
    assert app.title[0].value == "Assumptions"
    assert app.segmented_control(key="asm_group").options[:2] == ["Economy", "Industry & energy"]
    go(app, "pages/compare.py")
    assert app.title[0].value == "Compare scenarios"
    assert "Target" in app.table[0].value.columns
    english = start({"lang": "en"})  # a link in English opens in English
    assert english.title[0].value == "Target board"


def test_a_shared_link_reopens_the_same_assumptions():
    at = start({"scenario": "cautious", "primary_va": "5", "actual.visitors": "2026:2480"})
    assert_clean(at)
    model = at.session_state["model"]
    assert model.base == "cautious" and model.drivers == {"primary_va": (5.0,) * 5}
    assert model.actuals == {"visitors": {2026: 2480.0}}
    go(at, "pages/assumptions.py")
    assert widget(at.number_input, "w_nu_primary_va").value == 5.0


def test_a_bad_link_opens_the_base_and_says_what_was_ignored():
    at = start({"scenario": "gone", "secondary_va": "abc", "bogus": "1"})
    assert not at.exception
    assert at.session_state["model"].base == "plan"
    warning = at.warning[0].value
    assert "scenario=gone" in warning and "secondary_va=abc" in warning and "bogus=1" in warning
    at.button(key="dismiss_notes").click().run()
    assert not at.warning
