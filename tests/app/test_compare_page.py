"""对比 (pages/compare.py) inside the app."""

from __future__ import annotations

from .conftest import (
    assert_clean,
    go,
)


def test_compare_page_shows_scenarios_side_by_side(app):
    go(app, "pages/compare.py")
    assert_clean(app)
    app.multiselect(key="cmp_pick.zh").set_value(["@current", "cautious", "ambitious"]).run()
    assert_clean(app)
    table = app.table[0].value
    assert {"规划目标", "稳健情景", "进取情景", "稳健情景 减 规划目标"} <= set(table.columns)
    assert "二产增加值" in set(app.dataframe[0].value["指标"])
