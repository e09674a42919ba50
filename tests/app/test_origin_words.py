"""Where a driver's spread comes from, worded in the app from the engine label's code."""

from __future__ import annotations

import string

import pytest

from sim.engine.label import LABELS, Label
from sim.report.labels import ORIGIN
from ui.uncertainty import ORIGINS, origin_text


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_spread_label_has_words_in_the_app():
    assert sorted(ORIGINS) == sorted(code for code in LABELS if code.startswith("spread_"))


@pytest.mark.parametrize("code", sorted(ORIGINS))
@pytest.mark.parametrize("lg", ["zh", "en"])
def test_both_languages_name_the_labels_parameters(code, lg):
    assert placeholders(ORIGIN[lg][code]) == placeholders(LABELS[code])


@pytest.mark.parametrize(("label", "zh", "en"), [
    (Label("spread_floor", value=1.5), "默认:最低幅度 1.5 个对数点", "default: floor of 1.5 log points"),
    (Label("spread_flow", share=0.15), "默认:年度流量的 15%", "default: 15% of the yearly flow"),
    (Label("spread_change", share=0.5), "默认:年变动量的 50%", "default: 50% of the yearly change"),
    (Label("spread_reported", trend=13.5, plan=9.0714), "默认:2025年报告速度 13.5 与规划速度 9.071 之差",
     "default: 2025's reported 13.5 against the plan's pace 9.071"),
    (Label("spread_still"), "默认:情景中保持不变,无波动", "default: held still by the scenario, no spread"),
    (Label("spread_file", file="/tmp/x/wide.toml", field="uncertainty.gdp"),
     "情景文件 wide.toml 的 uncertainty.gdp", "scenario file wide.toml, uncertainty.gdp"),
])
def test_reference_origins(label, zh, en):
    assert (origin_text(label, "zh"), origin_text(label, "en")) == (zh, en)


def test_an_origin_without_a_code_is_shown_as_set_by_the_scenario():
    assert origin_text("somewhere", "zh") == "情景设定" and origin_text("somewhere", "en") == "somewhere"
