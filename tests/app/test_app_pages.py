"""Every page of the Streamlit app, run offline with AppTest.

The app is started from its entry script, as `streamlit run` does; pages are reached with
``switch_page``. A page that failed would show the app's plain error sentence, so each
check also looks at the error elements, not only at uncaught exceptions.
"""

from __future__ import annotations

import io
import tomllib
from pathlib import Path

import pandas as pd
import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from sim import load_plan

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "streamlit_app.py"
PAGES = {
    "pages/board.py": ("目标总览", "Target board"),
    "pages/assumptions.py": ("情景设置", "Assumptions"),
    "pages/indicator.py": ("指标详情", "Indicator detail"),
    "pages/compare.py": ("情景对比", "Compare scenarios"),
    "pages/export.py": ("导出", "Export"),
}
EXTRA = ["pages/uncertainty.py", "pages/review.py", "pages/audit.py"]  # written elsewhere: rendering only


def start(query: dict | None = None, **env) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    if query:
        at.query_params.update(query)
    return at.run()


def go(at: AppTest, page: str) -> AppTest:
    return at.switch_page(page).run()


def assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def widget(group, base: str):
    """A scenario widget by its base name (its key gains a revision after each model change)."""
    return next(w for w in group if w.key == base or str(w.key).startswith(base + "__"))


def board_row(at: AppTest, name: str) -> pd.Series:
    table = at.table[0].value
    column = "指标" if "指标" in table.columns else "Indicator"
    return table[table[column].str.startswith(name)].iloc[0]


@pytest.fixture
def app(monkeypatch, tmp_path):
    """A fresh app whose saving goes to a temporary folder."""
    monkeypatch.setenv("FYP_APP_SAVE", "1")
    monkeypatch.setenv("FYP_SCENARIOS", str(tmp_path))
    return start()


@pytest.mark.parametrize("page", [*PAGES, *EXTRA])
def test_every_page_renders_without_error(app, page):
    if not (ROOT / page).is_file():
        pytest.skip(f"{page} is not in this checkout")
    go(app, page)
    assert_clean(app)
    if page in PAGES:
        assert app.title[0].value == PAGES[page][0]
    assert app.sidebar.radio(key="lang").value == "zh"


def test_board_starts_in_chinese_with_every_target(app):
    assert_clean(app)
    assert app.title[0].value == "目标总览"
    assert len(app.table[0].value) == 27
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
    assert board_row(app, "地区生产总值")["状态"] == "**✖ 未达标**"
    assert "✖ 未达标 1" in app.subheader[0].value
    gdp_card = app.metric[0]
    assert gdp_card.value == "5.0%" and "-1.5个百分点" in gdp_card.delta
    assert app.query_params["primary_va"] == "5"


def test_one_sector_slider_is_marked_and_listed_as_a_difference(app):
    go(app, "pages/assumptions.py")
    widget(app.slider, "w_sl_secondary_va").set_value(3.0).run()
    assert_clean(app)
    assert widget(app.number_input, "w_nu_secondary_va").value == 3.0
    diff = app.dataframe[0].value
    assert list(diff["指标"]) == ["二产增加值"]
    app.button(key="reset_all").click().run()
    assert not app.session_state["model"].drivers


def test_exact_number_and_yearly_path(app):
    go(app, "pages/assumptions.py")
    app.segmented_control(key="asm_group").set_value("tourism_consumption").run()
    widget(app.number_input, "w_nu_visitors").set_value(7.25).run()
    assert app.session_state["model"].drivers["visitors"] == (7.25,) * 5
    app.selectbox(key="peryear_tourism_consumption").set_value("visitors").run()
    widget(app.number_input, "w_yr_visitors_2030").set_value(4.0).run()
    assert app.session_state["model"].drivers["visitors"] == (7.25, 7.25, 7.25, 7.25, 4.0)
    assert app.query_params["visitors"] == "7.25,7.25,7.25,7.25,4"
    widget(app.number_input, "w_nu_visitors").set_value(-120.0).run()  # impossible: refused, nothing changes
    assert any("未采用" in e.value for e in app.error)
    assert app.session_state["model"].drivers["visitors"] == (7.25, 7.25, 7.25, 7.25, 4.0)


def test_actuals_entered_move_the_start_of_the_projection(app):
    go(app, "pages/assumptions.py")
    app.selectbox(key="act_pick").set_value("visitors").run()
    app.number_input(key="act_value").set_value(2300.0).run()
    app.button(key="act_add").click().run()
    assert_clean(app)
    assert app.session_state["model"].actuals == {"visitors": {2026: 2300.0}}
    assert app.query_params["actual.visitors"] == "2026:2300"
    go(app, "pages/indicator.py")
    app.selectbox(key="ind_pick").set_value("visitors").run()
    assert_clean(app)
    assert any("从 2026 年起" in md.value for md in app.markdown)


def test_english_switch_changes_every_label(app):
    app.sidebar.radio(key="lang").set_value("en").run()
    assert_clean(app)
    assert app.title[0].value == "Target board"
    table = app.table[0].value
    assert list(table.columns)[:3] == ["Status", "Indicator", "Area"]
    assert table["Status"].str.contains("met").all()
    assert app.metric[0].label == "GRP growth"
    assert app.query_params["lang"] == "en"
    go(app, "pages/assumptions.py")
    assert_clean(app)
    assert app.title[0].value == "Assumptions"
    assert app.segmented_control(key="asm_group").options[:2] == ["Economy", "Industry & energy"]
    go(app, "pages/compare.py")
    assert app.title[0].value == "Compare scenarios"
    assert "Target" in app.table[0].value.columns
    english = start({"lang": "en"})  # a link in English opens in English
    assert english.title[0].value == "Target board"


def test_a_malformed_upload_is_rejected_and_changes_nothing(app):
    go(app, "pages/assumptions.py")
    before = app.session_state["model"].key()
    app.file_uploader[0].set_value(("broken.toml", b"[scenario\nname = ", "application/toml")).run()
    assert not app.exception
    assert any("broken.toml" in e.value and "未载入" in e.value for e in app.error)
    assert app.session_state["model"].key() == before


def test_a_good_upload_replaces_the_scenario(app):
    go(app, "pages/assumptions.py")
    data = (ROOT / "scenarios" / "cautious.toml").read_bytes()
    app.file_uploader[0].set_value(("cautious.toml", data, "application/toml")).run()
    assert_clean(app)
    assert any("已载入" in s.value for s in app.success)
    model = app.session_state["model"]
    assert model.name == "cautious" and model.drivers["primary_va"] == (4.5,) * 5


def test_save_to_scenarios_never_overwrites_silently(app, tmp_path):
    go(app, "pages/assumptions.py")
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


def test_a_shared_link_reopens_the_same_assumptions():
    at = start({"scenario": "cautious", "primary_va": "5", "actual.visitors": "2026:2480"})
    assert_clean(at)
    model = at.session_state["model"]
    assert model.base == "cautious" and model.drivers == {"primary_va": (5.0,) * 5}
    assert model.actuals == {"visitors": {2026: 2480.0}}
    go(at, "pages/assumptions.py")
    assert widget(at.number_input, "w_nu_primary_va").value == 5.0


def test_a_bad_link_opens_the_base_and_says_what_was_ignored():
    at = start({"scenario": "gone", "secondary_va": "abc", "bogus": "1"})
    assert not at.exception
    assert at.session_state["model"].base == "plan"
    warning = at.warning[0].value
    assert "scenario=gone" in warning and "secondary_va=abc" in warning and "bogus=1" in warning
    at.button(key="dismiss_notes").click().run()
    assert not at.warning


def test_indicator_chart_has_title_axes_and_target_marker(app):
    import json

    go(app, "pages/indicator.py")
    spec = json.loads(app.get("plotly_chart")[0].proto.spec)
    layout = spec["layout"]
    assert layout["title"]["text"] == "地区生产总值:各情景路径与目标"
    assert layout["xaxis"]["title"]["text"] == "年份"
    assert layout["yaxis"]["title"]["text"] == "地区生产总值(亿元)"
    stars = [tr for tr in spec["data"] if tr.get("marker", {}).get("symbol") == "star"]
    assert stars and stars[0]["x"] == [2030]
    assert any("报告原文" in md.value for md in app.markdown)


def test_compare_page_shows_scenarios_side_by_side(app):
    go(app, "pages/compare.py")
    assert_clean(app)
    app.multiselect(key="cmp_pick").set_value(["@current", "cautious", "ambitious"]).run()
    assert_clean(app)
    table = app.table[0].value
    assert {"规划目标", "稳健情景", "进取情景", "稳健情景 减 规划目标"} <= set(table.columns)
    assert "二产增加值" in set(app.dataframe[0].value["指标"])


@pytest.fixture
def downloads(monkeypatch):
    """Bytes handed to Streamlit's media storage, by file id."""
    seen: dict[str, tuple[bytes, str | None]] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def record(self, path_or_data, mimetype, kind, filename=None):
        file_id = original(self, path_or_data, mimetype, kind, filename)
        seen[file_id] = (path_or_data, filename)
        return file_id

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", record)
    return seen


def _download(at: AppTest, seen: dict, key: str) -> tuple[bytes, str]:
    url = at.get("download_button")[[b.key for b in at.get("download_button")].index(key)].proto.url
    file_id = url.rsplit("/", 1)[-1].split(".")[0]
    return seen[file_id]


def test_download_buttons_give_the_expected_bytes(app, downloads):
    import openpyxl

    plan = load_plan()
    go(app, "pages/export.py")
    assert_clean(app)
    n = len(plan.indicators)
    data, name = _download(app, downloads, "dl_long")
    assert data.startswith(b"\xef\xbb\xbf") and name == "fyp_plan_long.csv"
    long = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert list(long.columns) == ["情景", "指标代码", "指标", "单位", "年份", "数值", "依据"]
    assert len(long) == n * 6 and set(long["年份"]) == set(range(2025, 2031))
    wide = pd.read_csv(io.BytesIO(_download(app, downloads, "dl_wide")[0]), encoding="utf-8-sig")
    assert len(wide) == n and [str(y) for y in range(2025, 2031)] == list(wide.columns[-6:])
    iamc = pd.read_csv(io.BytesIO(_download(app, downloads, "dl_iamc")[0]), encoding="utf-8-sig")
    assert list(iamc.columns[:5]) == ["model", "scenario", "region", "variable", "unit"]
    check = pd.read_csv(io.BytesIO(_download(app, downloads, "dl_check")[0]), encoding="utf-8-sig")
    assert len(check) == len(plan.targets) + len(plan.milestones) and "状态" in check.columns
    book = openpyxl.load_workbook(io.BytesIO(_download(app, downloads, "dl_xlsx")[0]))
    assert "目标检查" in book.sheetnames
    toml = tomllib.loads(_download(app, downloads, "dl_toml")[0].decode())
    assert toml["scenario"]["name"] == "plan"


def test_export_of_the_compared_set(app, downloads):
    go(app, "pages/assumptions.py")
    widget(app.slider, "w_gdp_all").set_value(5.0).run()
    go(app, "pages/export.py")
    app.radio(key="exp_scope").set_value("compare").run()
    assert_clean(app)
    data, name = _download(app, downloads, "dl_check")
    check = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert set(check["情景"]) == {"plan-custom", "plan"}
    gdp = check[(check["情景"] == "plan-custom") & (check["指标代码"] == "gdp")].iloc[0]
    assert gdp["状态"] == "未达标"
    toml = tomllib.loads(_download(app, downloads, "dl_toml")[0].decode())
    assert toml["scenario"]["parent"] == "plan" and toml["drivers"]["primary_va"] == 5.0
