"""回顾与评估 (pages/review.py) on its own and inside the app."""

from __future__ import annotations

import pytest

from .conftest import (
    assert_clean,
    go,
    page,
    start,
)


@pytest.mark.parametrize("lang, title", [("zh", "回顾与评估"), ("en", "Record and review")])
def test_review_page_renders(lang, title):
    at = page("review.py", lang)
    assert_clean(at)
    assert at.title[0].value == title
    assert len(at.tabs) == 3
    pace = at.dataframe[0].value
    name, ratio = ("指标", "所需/过去") if lang == "zh" else ("Indicator", "Needed/past")
    energy = pace[pace[name] == ("综合能源装机规模" if lang == "zh" else "Total installed energy (generating) capacity")]
    assert energy[ratio].iloc[0] == "1.93"          # shown to two decimals
    # a ratio that cannot be computed reads "—", never "None"
    assert "—" in set(pace[ratio]) and not pace.isna().any().any()


def test_the_brief_picker_lists_scenario_titles_not_file_names():
    at = page("review.py")
    shown = at.multiselect(key="rev_brief_pick").options
    assert "进取情景" in shown and "稳健情景" in shown and "ambitious" not in shown
    assert shown[0] == "当前情景:规划目标"
    english = page("review.py", "en").multiselect(key="rev_brief_pick").options
    assert english[0] == "Current scenario: Plan targets" and "ambitious" not in english


def test_midterm_entry_gives_verdicts():
    at = page("review.py")
    at.selectbox(key="rev_year").set_value(2028).run()
    at.multiselect(key="rev_pick").set_value(["energy_capacity", "urban_new_jobs"]).run()
    at.number_input(key="rev_val_energy_capacity_2028").set_value(1300.0).run()
    assert_clean(at)
    review = at.dataframe[-1].value
    energy = review[review["指标"] == "综合能源装机规模"].iloc[0]
    assert float(energy["进度比"]) == pytest.approx((1300 - 614) / (1600 - 614) / 0.6, abs=0.005)
    assert float(energy["时间进度(%)"]) == pytest.approx(60)
    assert "超前" in energy["判断"]
    # one year of new jobs is not enough for a cumulative target: not listed
    assert "城镇新增就业" not in set(review["指标"])


def test_brief_download_html():
    at = page("review.py", "en")
    at.radio(key="rev_brief_fmt").set_value("html").run()
    at.button(key="rev_make").click().run()
    assert_clean(at)
    kind, data = at.session_state["rev_brief"]
    assert kind == "html" and "主要指标表" in data.decode("utf-8")


def test_both_pages_inside_the_app():
    at = start()
    for name in ("pages/audit.py", "pages/review.py"):
        go(at, name)
        assert_clean(at)
    at.radio(key="rev_brief_fmt").set_value("html").run()
    at.button(key="rev_make").click().run()
    assert_clean(at)
    assert [b.key for b in at.get("download_button")] == ["rev_download"]
