"""对比 (pages/compare.py) inside the app."""

from __future__ import annotations

from ui import display
from ui import tables as html_tables

from .conftest import (
    assert_clean,
    go,
    tables,
)


def test_compare_page_shows_scenarios_side_by_side(app):
    go(app, "pages/compare.py")
    assert_clean(app)
    app.multiselect(key="cmp_pick.zh").set_value(["@current", "cautious", "ambitious"]).run()
    assert_clean(app)
    table = tables(app)[0]
    assert {"规划目标", "稳健情景", "进取情景", "稳健情景 减 规划目标"} <= set(table.columns)
    assert "二产增加值" in set(tables(app)[1]["指标"])


def test_compare_four_scenarios_only_rows_that_differ_coloured_by_status(app):
    go(app, "pages/compare.py")
    app.multiselect(key="cmp_pick.zh").set_value(["plan", "momentum", "cautious", "ambitious"]).run()
    assert_clean(app)
    table = tables(app)[0]
    assert list(table.columns) == ["指标", "目标", "规划目标", "惯性趋势", "稳健情景", "进取情景"]  # no delta columns
    full = len(table)
    app.checkbox(key="cmp_only_different").check().run()
    table = tables(app)[0]
    assert 0 < len(table) < full
    cells = table[["规划目标", "惯性趋势", "稳健情景", "进取情景"]]
    assert (cells.nunique(axis=1) > 1).all()
    app.checkbox(key="cmp_deltas_4").check().run()
    assert "惯性趋势 减 规划目标" in tables(app)[0].columns


def test_compare_cells_are_shaded_like_the_board(plan, cautious_check):
    _, check = cautious_check
    table = display.compare_table(check, ["cautious", "plan"], ["稳健", "规划"], plan, lang_="zh")
    styled = display.compare_styled(table)
    html = html_tables.html(styled, "cmp")
    assert display.STATUS_BG["missed"] in html and display.STATUS_BG["met"] in html
    missed = [i for i, css in enumerate(styled.css["稳健"]) if display.STATUS_BG["missed"] in css]
    assert missed and all(table["稳健"][i].startswith("✖") for i in missed)


def test_the_unchanged_current_scenario_beside_its_base_is_said_to_be_one(app):
    go(app, "pages/compare.py")
    app.multiselect(key="cmp_pick.zh").set_value(["@current", "plan"]).run()
    assert_clean(app)
    assert [c.value for c in app.caption if "同一情景" in c.value] == [
        "“当前:规划目标”与“规划目标”是同一情景(当前情景尚未调整),只显示一次。"]
    assert any(i.value == "请至少选择两个情景。" for i in app.info)
    app.multiselect(key="cmp_pick.zh").set_value(["@current", "plan", "cautious"]).run()
    assert len(tables(app)[0].columns) > 3 and any("同一情景" in c.value for c in app.caption)
    app.radio(key="lang").set_value("en").run()
    assert [c.value for c in app.caption if "same scenario" in c.value] == [
        "“Current: Plan targets” and “Plan targets” are the same scenario (the current one has no changes yet), "
        "so it is shown once."]
    # once the current scenario differs from its base, both are shown and nothing is said
    go(app, "pages/assumptions.py")
    slider = next(s for s in app.slider if str(s.key).startswith("w_sl_secondary_va"))
    slider.set_value(9.0).run()
    go(app, "pages/compare.py")
    assert not [c for c in app.caption if "same scenario" in c.value]
    assert {"Plan targets (adjusted)", "Plan targets"} <= set(tables(app)[0].columns)
