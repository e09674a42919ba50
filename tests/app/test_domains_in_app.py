"""The app refuses what the engine refuses: a link or a slider that would take an indicator out
of its domain shows the reason, and no verdict is drawn from the impossible numbers."""

from __future__ import annotations

from .conftest import go, start, tables, widget


def _tables(at) -> str:
    return "\n".join(frame.to_string() for frame in [*tables(at), *(f.value for f in at.dataframe)])


def test_a_link_overflowing_visitors_is_refused_with_the_reason(monkeypatch, tmp_path):
    monkeypatch.setenv("FYP_SCENARIOS", str(tmp_path))
    at = start({"visitors": "1e300"})
    assert not at.exception
    notice = "\n".join(w.value for w in at.warning)
    # named in words, as the planner knows it, not by the link's parameter id
    assert "“游客接待人次”将在2027年变为无穷大" in notice
    # The parameter is dropped: the board is the starting scenario's, never one drawn from inf.
    assert "visitors" not in at.session_state["model"].drivers
    assert "inf" not in _tables(at) and "inf" not in "\n".join(m.value for m in at.markdown)


def test_a_slider_at_storage_capacity_minimum_is_refused_and_nothing_changes(app):
    go(app, "pages/assumptions.py")
    app.segmented_control(key="asm_group.zh").set_value("industry_energy").run()
    slider = widget(app.slider, "w_sl_storage_capacity")
    slider.set_value(slider.min).run()
    errors = "\n".join(e.value for e in app.error)
    # in the planner's language and words (it read "<app>: drivers.storage_capacity: 'storage_capacity' would reach …")
    assert "“储能装机规模”将在2027年达到-10万千瓦,超出其可能的取值范围[0, ∞)" in errors
    assert "<app>" not in errors and "outside its domain" not in errors
    assert "storage_capacity" not in app.session_state["model"].drivers
    assert "✔" not in errors


def test_an_implausible_link_loads_with_the_warning_shown(monkeypatch, tmp_path):
    monkeypatch.setenv("FYP_SCENARIOS", str(tmp_path))
    at = start({"secondary_va": "9999"})
    assert not at.exception and not at.error
    shown = "\n".join(w.value for w in at.warning)
    # in the planner's language: Chinese by default, the engine's own line in English
    assert "9999%/年 远在规划对“二产增加值”设定的范围(-10 至 30)之外" in shown
    assert "<app>" not in shown  # what the planner set is no file: the sentence names none
    assert "far outside" not in shown
    english = start({"secondary_va": "9999", "lang": "en"})
    shown = "\n".join(w.value for w in english.warning)
    assert ("9999 %/yr is far outside the plan's range for Value added, secondary sector "
            "(-10 to 30)") in shown
