"""指标 (pages/indicator.py) inside the app."""

from __future__ import annotations

import json

from .conftest import (
    go,
)


def test_indicator_chart_has_title_axes_and_target_marker(app):

    go(app, "pages/indicator.py")
    spec = json.loads(app.get("plotly_chart")[0].proto.spec)
    layout = spec["layout"]
    assert layout["title"]["text"] == "地区生产总值:各情景路径与目标"
    assert layout["xaxis"]["title"]["text"] == "年份"
    assert layout["yaxis"]["title"]["text"] == "地区生产总值(亿元)"
    stars = [tr for tr in spec["data"] if tr.get("marker", {}).get("symbol") == "star"]
    assert stars and stars[0]["x"] == [2030]
    assert any("报告原文" in md.value for md in app.markdown)


def test_a_required_pace_below_zero_is_said_to_be_room_to_fall(app):
    # 蔬菜种植面积 holds at least 42万亩 in 2026 from 42.7: it may lose 0.7 and still hold.
    go(app, "pages/indicator.py")
    app.selectbox(key="ind_pick.zh").set_value("vegetable_area").run()
    lines = [md.value for md in app.markdown if "需保持" in md.value]
    assert any("**-0.7万亩/年**(负值:每年可以下降这么多而仍达标)" in line for line in lines), lines
    # a pace that must rise says nothing more, and no line says "a year" twice (每年需…/年)
    app.selectbox(key="ind_pick.zh").set_value("gdp").run()
    lines = [md.value for md in app.markdown if "需保持" in md.value]
    assert lines and not any("负值" in line or "每年需" in line for line in lines)
