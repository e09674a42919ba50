"""A picker's choice survives a language switch, on every page that has one.

Streamlit sends the *label* of a choice between browser and server, so a picker whose labels
follow the language would read the old language's label back as if it were a value (issue 10).
Every such picker takes its key from :func:`ui.state.picker` (``base.zh`` / ``base.en``) and
keeps its choice by machine name (:func:`ui.state.picked`). Each test here picks values other
than the defaults, switches to English and back to Chinese, and checks after each switch that
every choice is still there and that the widget is a fresh one of that language.

AppTest sends the value the test set rather than the label a browser kept, so the language in
the key is what these tests can see of the browser's problem; the values are what the planner
sees.
"""

from __future__ import annotations

import pytest

from .conftest import assert_clean, go, page, start, widget

#: Per page: (AppTest widget group, base name, a value other than the default), in the order
#: they are set (a later picker may appear only after an earlier choice, as 年度监测 does).
PICKS = {
    "pages/board.py": [("multiselect", "board_areas", ["energy"]), ("selectbox", "board_order", "gap")],
    "pages/assumptions.py": [("segmented_control", "asm_group", "tourism_consumption"),
                             ("segmented_control", "asm_section", "actuals"),
                             ("selectbox", "act_pick", "visitors")],
    "pages/indicator.py": [("selectbox", "ind_pick", "visitors"),
                           ("multiselect", "ind_scenarios", ["@current", "cautious", "ambitious"])],
    "pages/compare.py": [("multiselect", "cmp_pick", ["@current", "cautious", "ambitious"]),
                         ("multiselect", "cmp_charts", ["visitors", "gdp"])],
    "pages/uncertainty.py": [("selectbox", "unc_tornado_target", "visitors@2030"),
                             ("radio", "unc_tornado_step", "sd"), ("selectbox", "unc_fan", "visitors")],
    "pages/review.py": [("selectbox", "rev_year", 2027), ("multiselect", "rev_pick", ["visitors"]),
                        ("selectbox", "mon_year", 2026), ("multiselect", "mon_binding", None),
                        ("multiselect", "rev_brief_pick", ["@current", "cautious"]),
                        ("radio", "rev_brief_fmt", "html")],
    "pages/audit.py": [("pills", "audit_filter", ["error", "info"])],
    "pages/export.py": [("radio", "exp_scope", "compare")],
}


def _get(at, group: str, base: str):
    return widget(getattr(at, group), base)


def _open(page_: str):
    """The page inside the app; the uncertainty page on its own, with a run made (the fan chart's
    picker appears only then, and inside the app AppTest loses the button's click to the
    page guard's rerun)."""
    if page_ != "pages/uncertainty.py":
        return go(start(), page_)
    at = page("uncertainty.py")
    at.select_slider(key="unc_draws").set_value(2_000)
    at.button(key="unc_run").click()
    return at.run()


def _switch(at, lang: str) -> None:
    """Switch the language as the sidebar does (a page run on its own has no sidebar)."""
    if at.sidebar.radio:
        at.sidebar.radio(key="lang").set_value(lang).run()
    else:
        at.session_state["lang"] = lang
        at.run()


def _pick(at, picks) -> dict:
    chosen = {}
    for group, base, value in picks:
        box = _get(at, group, base)
        if value is None:  # 约束性: add one target to those the plan file marks binding
            value = [*box.value, "visitors"]
        assert box.value != value, f"{base}: {value!r} is already the default"
        box.set_value(value).run()
        chosen[base] = value
    return chosen


def _assert_kept(at, picks, chosen: dict, lang: str) -> None:
    assert_clean(at)
    for group, base, _ in picks:
        box = _get(at, group, base)
        assert box.key == f"{base}.{lang}", box.key          # a fresh widget in this language
        assert box.value == chosen[base], base


@pytest.mark.parametrize("page_", PICKS)
def test_choices_survive_two_language_switches(page_):
    at = _open(page_)
    picks = PICKS[page_]
    chosen = _pick(at, picks)
    _assert_kept(at, picks, chosen, "zh")
    for lang in ("en", "zh"):
        _switch(at, lang)
        _assert_kept(at, picks, chosen, lang)


def test_a_choice_made_in_english_is_kept_back_in_chinese():
    at = _open("pages/uncertainty.py")
    _switch(at, "en")
    _get(at, "selectbox", "unc_fan").set_value("new_energy_capacity").run()
    _get(at, "radio", "unc_tornado_step").set_value("sd").run()
    _switch(at, "zh")
    assert_clean(at)
    assert _get(at, "selectbox", "unc_fan").value == "new_energy_capacity"
    assert _get(at, "selectbox", "unc_fan").format_func("new_energy_capacity") == "新能源并网装机规模"
    assert _get(at, "radio", "unc_tornado_step").value == "sd"


def test_a_choice_is_kept_when_the_planner_leaves_the_page_and_comes_back():
    at = _open("pages/review.py")
    _get(at, "selectbox", "rev_year").set_value(2029).run()
    go(at, "pages/board.py")
    at.sidebar.radio(key="lang").set_value("en").run()
    go(at, "pages/review.py")
    assert_clean(at)
    assert _get(at, "selectbox", "rev_year").value == 2029
