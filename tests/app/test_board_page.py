"""总览 (pages/board.py) inside the app."""

from __future__ import annotations

from .conftest import (
    assert_clean,
    board_row,
    go,
    tables,
    widget,
)


def test_board_starts_in_chinese_with_every_target(app):
    assert_clean(app)
    assert app.title[0].value == "目标总览"
    assert len(tables(app)[0]) == 27
    assert "✔ 达标 27" in app.subheader[0].value
    assert [m.label for m in app.metric] == ["地区生产总值增速", "规上工业增加值增速", "综合能源装机规模",
                                           "林草覆盖率", "游客接待人次增速", "城镇新增就业(5年累计)"]


def test_board_probability_column(app):
    """The board's optional column: P(met) from a 20,000-draw run, in words and per cent."""
    app.checkbox(key="board_prob").check().run()
    assert_clean(app)
    row = board_row(app, "地区生产总值")
    label, percent = row["达成概率"].split()
    assert label in {"很可能", "可能", "有风险", "不太可能"}
    p = float(percent.rstrip("%")) / 100
    # The plan scenario sits exactly on the GDP target, so about half the draws meet it.
    assert 0.35 < p < 0.65 and label in {"可能", "有风险"}
    energy = board_row(app, "综合能源装机规模")["达成概率"]
    assert energy.split()[0] in {"可能", "有风险"}


def test_gdp_growth_down_to_5_percent_turns_the_gdp_target_missed(app):
    go(app, "pages/assumptions.py")
    widget(app.slider, "w_gdp_all").set_value(5.0).run()
    assert_clean(app)
    model = app.session_state["model"]
    assert {k: v[0] for k, v in model.drivers.items()} == {"primary_va": 5.0, "secondary_va": 5.0, "tertiary_va": 5.0}
    assert app.metric[0].value == "5.0%"  # implied GDP growth, shown live next to the sliders
    assert any("已调整" in md.value for md in app.markdown)
    go(app, "pages/board.py")
    assert_clean(app)
    assert board_row(app, "地区生产总值")["状态"] == "✖ 未达标"
    # GDP, and through their links 规上工业 (1.3235 × 5) and 农村收入 (1.05 × 1.015 − 1 = 6.6 % < 7.5 %)
    assert "✖ 未达标 3" in app.subheader[0].value
    gdp_card = app.metric[0]
    assert gdp_card.value == "5.0%" and "-1.5个百分点" in gdp_card.delta
    assert app.query_params["primary_va"] == "5"


def test_board_lists_missed_and_at_risk_targets_first_by_default():
    from .conftest import start

    at = start({"scenario": "cautious"})
    assert_clean(at)
    statuses = [s.split()[-1] for s in tables(at)[0]["状态"]]
    first_met = statuses.index("达标")
    assert set(statuses[:first_met]) <= {"未达标", "临界"} and "未达标" in statuses[:first_met]
    assert set(statuses[first_met:]) == {"达标"}
    at.selectbox(key="board_order.zh").set_value("plan").run()
    assert tables(at)[0]["指标"].iloc[0] == "地区生产总值"
    gdp = board_row(at, "地区生产总值")
    assert gdp["差距(%)"] == "—" and gdp["差距"] == "-1.0个百分点"  # growth target: points, not % of a rate


def test_the_board_says_why_a_linked_target_changed(app):
    go(app, "pages/assumptions.py")
    widget(app.slider, "w_gdp_all").set_value(5.5).run()
    go(app, "pages/board.py")
    assert_clean(app)
    why = [i.value for i in app.info if "状态改变的目标" in i.value]
    assert len(why) == 1
    # 规上工业 follows 二产 through its link; GDP changed because its own sectors did (no link named)
    assert "规上工业增加值 ✔→✖:随二产增加值(弹性1.3235)联动" in why[0]
    assert "地区生产总值 ✔→✖" in why[0] and "地区生产总值 ✔→✖:" not in why[0]
