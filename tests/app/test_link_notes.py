"""What a link's ignored parameters say: in the page's language, indicators and scenarios named in
words (never by id), and the parameters dropped together named as the link gave them."""

from __future__ import annotations

import pytest

from .conftest import CJK, start


def notice(at) -> str:
    return "\n".join(w.value for w in at.warning)


@pytest.mark.parametrize("lang, line", [
    ("zh", "参数 scenario=nope 已忽略:没有名为“nope”的情景(可能已删除或改名),改用“规划目标”"),
    ("en", "Parameter scenario=nope ignored: there is no scenario named “nope” (deleted or renamed?); "
           "using “Plan targets”")])
def test_an_unknown_scenario_falls_back_to_the_plan_named_by_its_title(lang, line):
    at = start({"scenario": "nope", "lang": lang})
    assert line in notice(at)


def test_a_value_out_of_its_domain_is_worded_in_english_on_an_english_page():
    """The link is read before the page knows its language: the engine's reason is kept in both and
    shown in the page's, with the indicator and its unit in words."""
    at = start({"storage_capacity": "-500", "lang": "en"})
    shown = notice(at)
    assert ("Parameter storage_capacity=-500 ignored: 'Installed energy-storage capacity' would reach -470 10k kW "
            "in 2026, outside its domain [0, ∞)") in shown
    assert not CJK.search(shown) and "…=∅" not in shown


def test_a_value_out_of_its_domain_is_worded_in_chinese_on_a_chinese_page():
    shown = notice(start({"storage_capacity": "-500"}))
    assert "参数 storage_capacity=-500 已忽略:按此设定,“储能装机规模”将在2026年达到-470万千瓦" in shown


def test_parameters_dropped_together_are_all_named_and_a_non_finite_value_reads_infinity():
    shown = notice(start({"gdp_deflator": "1e300", "primary_va": "5", "lang": "en"}))
    assert ("Parameters gdp_deflator=1e300, primary_va=5 all ignored: 'GRP deflator (price level)' would reach ∞ "
            "in 2027, not a finite number") in shown
    zh = notice(start({"gdp_deflator": "1e300", "primary_va": "5"}))
    assert "参数 gdp_deflator=1e300, primary_va=5 均已忽略:" in zh


def test_a_far_outside_value_is_doubted_without_its_id():
    assert "80%/年 远在规划对“游客接待人次”设定的范围(-20 至 40)之外" in notice(start({"visitors": "80"}))
    assert "(visitors)" not in notice(start({"visitors": "80"}))
