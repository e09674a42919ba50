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
    tables,
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
    table = tables(app)[0]
    assert list(table.columns)[:3] == ["Status", "Indicator", "Area"]
    assert table["Status"].str.contains("met").all()
    assert app.metric[0].label == "GRP growth"
    assert app.query_params["lang"] == "en"
    go(app, "pages/assumptions.py")
    assert_clean(app)
    assert app.title[0].value == "Assumptions"
    assert app.segmented_control(key="asm_group.en").options[:2] == ["Economy", "Industry & energy"]
    go(app, "pages/compare.py")
    assert app.title[0].value == "Compare scenarios"
    assert "Target" in tables(app)[0].columns
    english = start({"lang": "en"})  # a link in English opens in English
    assert english.title[0].value == "Target board"


def test_a_shared_link_reopens_the_same_assumptions():
    at = start({"scenario": "cautious", "primary_va": "5", "actual.visitors": "2026:2480"})
    assert_clean(at)
    model = at.session_state["model"]
    assert model.base == "cautious" and model.drivers == {"primary_va": (5.0,) * 5}
    assert model.actuals == {"visitors": {2026: 2480.0}}
    go(at, "pages/assumptions.py")
    assert widget(at.text_input, "w_nu_primary_va").value == "5"


def test_a_bad_link_opens_the_base_and_says_what_was_ignored():
    at = start({"scenario": "gone", "secondary_va": "abc", "bogus": "1"})
    assert not at.exception
    assert at.session_state["model"].base == "plan"
    warning = at.warning[0].value
    assert "scenario=gone" in warning and "secondary_va=abc" in warning and "bogus=1" in warning
    at.button(key="dismiss_notes").click().run()
    assert not at.warning


def _base_box(at):
    return widget(at.sidebar.selectbox, "w_base")


def test_switching_language_keeps_the_scenario_and_the_link():
    """Issue 10: a language switch on a non-default scenario changes labels only, never the state."""
    at = start({"scenario": "momentum"})
    at.sidebar.radio(key="lang").set_value("en").run()
    assert_clean(at)
    assert _base_box(at).value == "momentum" and _base_box(at).format_func("momentum").startswith("Momentum")
    assert at.session_state["model"].base == "momentum"
    assert at.query_params["scenario"] == "momentum" and at.query_params["lang"] == "en"
    assert any("Momentum" in md.value for md in at.sidebar.markdown)
    go(at, "pages/assumptions.py")
    assert_clean(at)
    assert _base_box(at).value == "momentum" and at.query_params["scenario"] == "momentum"
    at.sidebar.radio(key="lang").set_value("zh").run()
    assert_clean(at)
    assert _base_box(at).value == "momentum" and at.query_params["scenario"] == "momentum"
    assert any("惯性趋势" in md.value for md in at.sidebar.markdown)
    go(at, "pages/compare.py")
    chips = at.multiselect[0]
    assert chips.value == ["@current", "plan"] and chips.format_func("plan") == "规划目标"
    at.sidebar.radio(key="lang").set_value("en").run()
    assert_clean(at)
    chips = at.multiselect[0]
    assert chips.value == ["@current", "plan"] and chips.format_func("plan") == "Plan targets"
    assert not at.info  # no "choose at least two"
    assert "Plan targets" in tables(at)[0].columns


def test_a_link_may_name_the_scenario_by_its_title():
    at = start({"scenario": "惯性趋势"})
    assert not at.warning
    assert at.session_state["model"].base == "momentum" and at.query_params["scenario"] == "momentum"


def test_a_short_yearly_path_in_a_link_is_completed_and_says_so():
    at = start({"new_energy_capacity": "1,2"})
    assert_clean(at)
    assert at.session_state["model"].drivers["new_energy_capacity"] == (1.0, 2.0, 2.0, 2.0, 2.0)
    assert not at.warning
    assert "new_energy_capacity=1,2" in at.info[0].value and "2028年起沿用最后一个数值 2" in at.info[0].value


def test_a_shared_link_keeps_the_rationale_or_says_it_carries_numbers_only(app):
    go(app, "pages/assumptions.py", section="file")
    assert not [w for w in app.text_area if str(w.key).startswith("w_meta_")]   # drawn only when opened
    app.session_state["file_meta_open"] = True   # the planner opens 情景名称与说明
    app.run()
    widget(app.text_area, "w_meta_rationale").input("按2025年实际增速外推,二产放缓。").run()
    assert app.query_params["rationale"] == "按2025年实际增速外推,二产放缓。"
    again = start(dict(app.query_params))
    assert again.session_state["model"].rationale == "按2025年实际增速外推,二产放缓。"
    long = "理由" * 150
    widget(app.text_area, "w_meta_rationale").input(long).run()
    assert "rationale" not in app.query_params
    assert any("只带数值" in w.value for w in app.sidebar.warning)
    assert "dl_toml_side" in [b.key for b in app.sidebar.get("download_button")]


def test_the_tab_icon_needs_no_internet():
    """A Material icon as page icon is fetched from Google's servers on every rerun; the app's flag
    is inline SVG, which Streamlit hands to the browser as a data URI."""
    from streamlit.commands.page_config import _get_favicon_string

    from ui.layout import FAVICON

    assert _get_favicon_string(FAVICON).startswith("data:image/svg+xml;base64,")
    assert "page_icon=layout.FAVICON" in (ROOT / "streamlit_app.py").read_text(encoding="utf-8")
