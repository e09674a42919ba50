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
