"""A refused or doubtful entry on 情景设置 is explained in the planner's language, in words, next to
the box it was typed into (found walking the app in a browser: a slider taking storage capacity
below zero read “<app>: drivers.storage_capacity: 'storage_capacity' would reach …” in Chinese
mode, and every such message appeared at the top of the page, about 900 px above the box)."""

from __future__ import annotations

from sim import load_scenario
from sim.engine.resolve import resolve
from sim.io.errors import InputError
from ui import fmt

from .conftest import go, start, widget


def _flat(node) -> list:
    """Every element of the page in the order drawn."""
    out = []
    for child in getattr(node, "children", {}).values():
        out.append(child)
        out += _flat(child)
    return out


def _after(at, key_base: str, kind: str) -> list[str]:
    """The ``kind`` messages ("error", "warning") drawn after the widget ``key_base`` and before the
    next entry box: the ones a planner sees beside that box."""
    flat = _flat(at.main)
    start_ = next(i for i, el in enumerate(flat) if str(getattr(el, "key", "")).split("__")[0] == key_base)
    out = []
    for el in flat[start_ + 1:]:
        if type(el).__name__ in ("TextInput", "Slider"):
            break
        if type(el).__name__.lower() == kind:
            out.append(el.value)
    return out


def _storage_to(at, group: str, value: str):
    go(at, "pages/assumptions.py")
    at.segmented_control(key=f"asm_group.{group}").set_value("industry_energy").run()
    widget(at.text_input, "w_nu_storage_capacity").set_value(value).run()
    return at


def test_an_impossible_capacity_is_refused_in_chinese_words_beside_its_box(app):
    _storage_to(app, "zh", "-500")
    # 30 万千瓦 in 2025 less 500 a year: −470 in 2026, below the floor of a capacity
    expected = "数值未采用:按此设定,“储能装机规模”将在2026年达到-470万千瓦,超出其可能的取值范围[0, ∞)"
    assert [e.value for e in app.error] == [expected]
    assert _after(app, "w_nu_storage_capacity", "error") == [expected]
    assert "storage_capacity" not in app.session_state["model"].drivers


def test_the_same_refusal_reads_in_english_with_english_units(monkeypatch, tmp_path):
    monkeypatch.setenv("FYP_SCENARIOS", str(tmp_path))
    at = _storage_to(start({"lang": "en"}), "en", "-500")
    assert [e.value for e in at.error] == [
        "Value not applied: 'Installed energy-storage capacity' would reach -470 10k kW in 2026, "
        "outside its domain [0, ∞)"]


def test_text_that_is_no_number_reads_as_a_sentence_in_english_and_one_change_is_singular(monkeypatch, tmp_path):
    monkeypatch.setenv("FYP_SCENARIOS", str(tmp_path))
    at = start({"lang": "en"})
    go(at, "pages/assumptions.py")
    widget(at.text_input, "w_nu_market_entities").set_value("abc").run()
    assert _after(at, "w_nu_market_entities", "error") == ["Value not applied: “abc” is not a valid number"]
    widget(at.text_input, "w_nu_market_entities").set_value("7").run()
    assert "1 assumption changed from “Plan targets”" in [c.value for c in at.sidebar.caption]


def test_text_that_is_no_number_is_explained_beside_its_box(app):
    go(app, "pages/assumptions.py")
    widget(app.text_input, "w_nu_market_entities").set_value("abc").run()
    assert _after(app, "w_nu_market_entities", "error") == ["数值未采用:“abc” 不是有效的数字"]
    widget(app.text_input, "w_nu_market_entities").set_value("").run()
    assert _after(app, "w_nu_market_entities", "warning") == ["数值框为空,保留原值(未改为0)。"]
    # a message is shown once: the next run (another box typed) no longer carries it
    widget(app.text_input, "w_nu_foreign_trade").set_value("6.5").run()
    assert not app.error and not _after(app, "w_nu_market_entities", "warning")


def test_a_far_outside_value_is_doubted_under_its_own_row_without_the_app_source(app):
    go(app, "pages/assumptions.py")
    widget(app.text_input, "w_nu_market_entities").set_value("1e9").run()
    line = "1e+09%/年 远在规划对“市场主体”设定的范围(-10 至 30)之外,请确认是否有意如此"
    assert _after(app, "w_nu_market_entities", "warning") == [line]
    top = app.warning[0].value                    # and at the top, as on every page
    assert line in top and "<app>" not in top and "drivers." not in top
    assert app.session_state["model"].drivers["market_entities"] == (1e9,) * 5  # possible, so applied


def test_a_file_keeps_its_name_and_field_but_names_the_indicator_in_words(plan):
    try:
        resolve(plan, load_scenario("plan").with_changes(drivers={"storage_capacity": -500}, path="my.toml"),
                plan.horizon)
    except InputError as exc:
        said = fmt.input_error(exc, "zh", plan=plan)
        english = fmt.input_error(exc, "en", plan=plan)
    # the field is the key as typed in the file (to find it there); the sentence names the indicator
    assert said == "my.toml:drivers.storage_capacity:按此设定,“储能装机规模”将在2026年达到-470万千瓦,超出其可能的取值范围[0, ∞)"
    assert english == ("my.toml: drivers.storage_capacity: 'Installed energy-storage capacity' would reach -470 10k kW "
                       "in 2026, outside its domain [0, ∞)")


def test_a_bad_year_in_the_yearly_editor_is_explained_under_the_editor(app):
    go(app, "pages/assumptions.py")
    app.session_state["asm_peryear_open_economy"] = True  # the planner opens the editor
    app.run()
    app.selectbox(key="peryear_economy.zh").set_value("market_entities").run()
    widget(app.text_input, "w_yr_market_entities_2028").set_value("6.5.1").run()
    expected = "数值未采用:“6.5.1” 不是有效的数字"
    assert [e.value for e in app.error] == [expected]
    assert _after(app, "w_yr_market_entities_2030", "error") == [expected]  # after the last year's box
    assert "market_entities" not in app.session_state["model"].drivers


def test_a_bad_actual_is_explained_beside_the_enter_button(app):
    go(app, "pages/assumptions.py", section="actuals")
    app.text_input(key="act_value").set_value("abc").run()
    app.button(key="act_add").click().run()
    expected = "数值未采用:“abc” 不是有效的数字"
    assert _after(app, "act_value", "error") == [expected]
    assert not app.session_state["model"].actuals


def test_an_actual_off_its_index_is_refused_with_an_english_unit_on_an_english_page(monkeypatch, tmp_path):
    monkeypatch.setenv("FYP_SCENARIOS", str(tmp_path))
    at = start({"lang": "en"})
    go(at, "pages/assumptions.py", section="actuals")
    widget(at.selectbox, "act_pick").set_value("public_budget_revenue").run()
    at.text_input(key="act_value").set_value("5000").run()
    at.button(key="act_add").click().run()
    assert [e.value for e in at.error] == [
        "Value not applied: this indicator has no reported level and is projected as an index (base year = 100): "
        "enter the value on that index (between 50 and 200), not in 100m yuan"]
