"""情景设置 (pages/assumptions.py) inside the app: sliders, actuals, files."""

from __future__ import annotations

import pytest

from ui import model as m

from .conftest import (
    ROOT,
    assert_clean,
    go,
    tables,
    widget,
)


def test_one_sector_slider_is_marked_and_listed_as_a_difference(app):
    go(app, "pages/assumptions.py")
    widget(app.slider, "w_sl_secondary_va").set_value(3.0).run()
    assert_clean(app)
    assert widget(app.text_input, "w_nu_secondary_va").value == "3"
    diff = tables(app)[0]
    # GDP moved, so what follows it moved too, and the table says why
    why = dict(zip(diff["指标"], diff["联动"], strict=True))
    assert list(diff["指标"])[0] == "二产增加值" and why["二产增加值"] == ""
    assert why["规上工业增加值"] == "随二产增加值(弹性1.3235)联动"
    assert why["一般公共预算收入"] == "随地区生产总值(弹性1)联动"
    assert set(why) == {"二产增加值", "规上工业增加值", "一般公共预算收入", "社会消费品零售总额",
                        "城镇居民人均可支配收入", "农村居民人均可支配收入"}
    app.button(key="reset_all").click().run()
    assert not app.session_state["model"].drivers


def test_exact_number_and_yearly_path(app):
    go(app, "pages/assumptions.py")
    app.segmented_control(key="asm_group.zh").set_value("tourism_consumption").run()
    widget(app.text_input, "w_nu_visitors").input("7.25").run()
    assert app.session_state["model"].drivers["visitors"] == (7.25,) * 5
    app.session_state["asm_peryear_open_tourism_consumption"] = True  # the planner opens the editor
    app.run()
    app.selectbox(key="peryear_tourism_consumption.zh").set_value("visitors").run()
    widget(app.text_input, "w_yr_visitors_2030").input("4").run()
    assert app.session_state["asm_peryear_open_tourism_consumption"]  # still open after an edit
    widget(app.text_input, "w_yr_visitors_2029").input("5,0").run()
    assert app.session_state["model"].drivers["visitors"] == (7.25, 7.25, 7.25, 5.0, 4.0)
    widget(app.text_input, "w_yr_visitors_2029").input("7.25").run()
    assert app.session_state["model"].drivers["visitors"] == (7.25, 7.25, 7.25, 7.25, 4.0)
    assert app.query_params["visitors"] == "7.25,7.25,7.25,7.25,4"
    widget(app.text_input, "w_nu_visitors").input("-120").run()  # impossible: refused, nothing changes
    assert any("未采用" in e.value for e in app.error)
    assert app.session_state["model"].drivers["visitors"] == (7.25, 7.25, 7.25, 7.25, 4.0)


def test_actuals_entered_move_the_start_of_the_projection(app):
    go(app, "pages/assumptions.py", section="actuals")
    app.selectbox(key="act_pick.zh").set_value("visitors").run()
    app.text_input(key="act_value").input("2,300").run()
    app.button(key="act_add").click().run()
    assert_clean(app)
    assert app.session_state["model"].actuals == {"visitors": {2026: 2300.0}}
    assert app.query_params["actual.visitors"] == "2026:2300"
    go(app, "pages/indicator.py")
    app.selectbox(key="ind_pick.zh").set_value("visitors").run()
    assert_clean(app)
    assert any("从 2026 年起" in md.value for md in app.markdown)


def _after_uploader(at):
    """Messages shown after the uploader on the page (in document order)."""
    kinds = ("file_uploader", "alert", "error", "success", "warning")
    order = [node for node in at.main if getattr(node, "type", "") in kinds]
    start = next(i for i, node in enumerate(order) if node.type == "file_uploader")
    return [node.value for node in order[start + 1:]]


def test_a_malformed_upload_is_rejected_beside_the_uploader_in_the_interface_language(app):
    go(app, "pages/assumptions.py", section="file")
    before = app.session_state["model"].key()
    app.file_uploader[0].set_value(("broken.toml", b"[scenario\nname = ", "application/toml")).run()
    assert not app.exception
    assert app.session_state["model"].key() == before
    beside = _after_uploader(app)
    assert len(beside) == 1 and "broken.toml" in beside[0] and "未载入" in beside[0]
    assert "不是有效的 TOML 文件(第 1 行" in beside[0]
    app.sidebar.radio(key="lang").set_value("en").run()
    assert "not a valid TOML file" in _after_uploader(app)[0]
    app.sidebar.radio(key="lang").set_value("zh").run()
    # Too big: a sentence beside the uploader, replacing the previous one.
    app.file_uploader[0].set_value(("big.toml", b"#" * 1_200_000, "application/toml")).run()
    beside = _after_uploader(app)
    assert len(beside) == 1 and "big.toml" in beside[0] and "文件大小 1.2 MB,超过 1 MB 的上限" in beside[0]
    # A good file resolves it: the error goes, the news of the loaded file takes its place.
    data = (ROOT / "scenarios" / "cautious.toml").read_bytes()
    app.file_uploader[0].set_value(("cautious.toml", data, "application/toml")).run()
    beside = _after_uploader(app)
    assert len(beside) == 1 and "已载入" in beside[0] and not app.error


def test_a_good_upload_replaces_the_scenario(app):
    go(app, "pages/assumptions.py", section="file")
    data = (ROOT / "scenarios" / "cautious.toml").read_bytes()
    app.file_uploader[0].set_value(("cautious.toml", data, "application/toml")).run()
    assert_clean(app)
    assert any("已载入" in s.value for s in app.success)
    model = app.session_state["model"]
    assert model.name == "cautious" and model.drivers["primary_va"] == (4.5,) * 5


def test_save_to_scenarios_never_overwrites_silently(app, tmp_path):
    go(app, "pages/assumptions.py", section="file")
    widget(app.slider, "w_gdp_all").set_value(5.5).run()
    app.text_input(key="save_name").set_value("slow-growth").run()
    app.button(key="save_button").click().run()
    assert (tmp_path / "slow-growth.toml").is_file()
    first = (tmp_path / "slow-growth.toml").read_text()
    assert 'parent = "plan"' in first
    widget(app.slider, "w_gdp_all").set_value(4.0).run()
    app.button(key="save_button").click().run()
    assert any("已存在" in e.value for e in app.error)
    assert (tmp_path / "slow-growth.toml").read_text() == first
    app.checkbox(key="save_overwrite").check().run()
    app.button(key="save_button").click().run()
    assert (tmp_path / "slow-growth.toml").read_text() != first


def test_a_linked_slider_follows_gdp_and_can_be_set_by_hand(app):
    go(app, "pages/assumptions.py")
    revenue = float(widget(app.text_input, "w_nu_public_budget_revenue").value)
    assert any("随地区生产总值(弹性1)联动" in c.value for c in app.caption)
    widget(app.slider, "w_gdp_all").set_value(5.5).run()
    assert_clean(app)
    moved = float(widget(app.text_input, "w_nu_public_budget_revenue").value)
    assert moved == pytest.approx(revenue - 1.015, abs=0.05)        # one real point = 1.015 nominal points
    widget(app.text_input, "w_nu_public_budget_revenue").input("4").run()
    assert app.session_state["model"].drivers["public_budget_revenue"] == (4.0,) * 5
    app.button(key="relink_public_budget_revenue").click().run()     # the switch back to the link
    assert "public_budget_revenue" not in app.session_state["model"].drivers
    assert any(c.value.startswith(":material/link:") for c in app.caption)


def test_number_boxes_read_numbers_as_planners_type_them(app):
    go(app, "pages/assumptions.py")
    box = lambda: widget(app.text_input, "w_nu_secondary_va")  # noqa: E731 - its key changes with each edit
    box().input("7,5").run()  # a decimal comma is a decimal point, not 75
    assert app.session_state["model"].drivers["secondary_va"] == (7.5,) * 5
    box().input("").run()  # an emptied box keeps the value and says so; GDP does not flip to missed
    assert app.session_state["model"].drivers["secondary_va"] == (7.5,) * 5
    assert box().value == "7.5" and any("保留原值" in w.value for w in app.warning)
    box().input("abc").run()
    assert app.session_state["model"].drivers["secondary_va"] == (7.5,) * 5 and any("abc" in e.value for e in app.error)
    app.segmented_control(key="asm_group.zh").set_value("industry_energy").run()
    slider, number = widget(app.slider, "w_sl_new_energy_capacity"), widget(app.text_input, "w_nu_new_energy_capacity")
    assert number.value == "135.2" and slider.value == 135  # one reading, at the digits shown


def test_the_one_rate_slider_says_when_the_sectors_differ(app):
    go(app, "pages/assumptions.py")
    # the plan gives 二产 the pace 规上工业 needs through its link, the other two another one
    assert any("三次产业增速不同" in c.value for c in app.caption)
    for sector in ("primary_va", "secondary_va", "tertiary_va"):
        widget(app.text_input, f"w_nu_{sector}").input("7").run()
    assert not any("三次产业增速不同" in c.value for c in app.caption)
    widget(app.text_input, "w_nu_secondary_va").input("40").run()
    assert any("三次产业增速不同" in c.value for c in app.caption)


def test_parse_number():
    assert [m.parse_number(x) for x in ("6.5", "6,5", "1,600", "１９７.２", " 7 % ", "-0,05", "12,500.5")] == [
        6.5, 6.5, 1600.0, 197.2, 7.0, -0.05, 12500.5]
    for bad, key in (("", "num.empty"), ("1,2,3", "url.bad_number"), ("inf", "url.bad_number"), ("x", "url.bad_number")):
        with pytest.raises(m.AppInputError) as info:
            m.parse_number(bad)
        assert info.value.key == key


def test_what_flips_is_listed_beside_the_sliders(app):
    go(app, "pages/assumptions.py")
    assert any("各项目标状态与“规划目标”相同" in c.value for c in app.caption)
    app.segmented_control(key="asm_group.zh").set_value("industry_energy").run()
    widget(app.slider, "w_sl_new_energy_capacity").set_value(100.0).run()
    assert_clean(app)
    flips = [i.value for i in app.info if "状态改变" in i.value]
    assert len(flips) == 1 and "综合能源装机规模 ✔→✖" in flips[0]
