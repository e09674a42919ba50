"""Points are worded one way (issue 10): a difference of percentages is “个百分点” and a pace
“个百分点/年” in Chinese, “pp” and “pp/yr” in English — never “百分点” alone after a number, never
“pp” in Chinese, never “个百分点” in English.

The uncertainty page (after a run and a goal seek), the review page with the monitoring of a
growth target and a percentage (森林草原覆盖率 moves in points), and the audit page are read in
both languages with the text collector of ``test_language``.
"""

from __future__ import annotations

import re

import pytest

from ui import fmt

from .conftest import assert_clean, page, widget
from .test_language import texts

#: A number followed by 百分点 without the measure word, or pp among Chinese words.
BARE_POINTS = re.compile(r"\d\s*百分点")
PP = re.compile(r"(?<![A-Za-z])pp(?![A-Za-z])")


def _uncertainty(lang: str):
    at = page("uncertainty.py", lang)
    at.select_slider(key="unc_draws").set_value(2_000)
    at.button(key="unc_run").click()
    at.run()
    at.button(key="unc_goal_run").click()
    return at.run()


def _review(lang: str):
    at = page("review.py", lang)
    widget(at.selectbox, "rev_year").set_value(2027).run()
    widget(at.multiselect, "rev_pick").set_value(["visitors", "forest_grass_coverage"]).run()
    at.number_input(key="rev_val_visitors_2027").set_value(2600.0).run()
    at.number_input(key="rev_val_forest_grass_coverage_2027").set_value(52.0).run()
    return at


SCREENS = {"uncertainty": _uncertainty, "review": _review, "audit": lambda lang: page("audit.py", lang)}


@pytest.fixture(scope="module", params=["zh", "en"])
def shown(request):
    out = {}
    for screen, open_ in SCREENS.items():
        at = open_(request.param)
        assert_clean(at)
        out[screen] = texts(at._tree)
    return request.param, out


@pytest.mark.parametrize("screen", SCREENS)
def test_points_read_one_way(shown, screen):
    lang, seen = shown
    strings = seen[screen]
    assert strings, "nothing collected"
    if lang == "zh":
        assert [s for s in strings if BARE_POINTS.search(s)] == []
        assert [s for s in strings if PP.search(s)] == []
        if screen != "audit":  # the plan's findings name no points; the other two must show some
            assert any("个百分点" in s for s in strings)
    else:
        assert [s for s in strings if "百分点" in s] == []
        if screen != "audit":
            assert any(PP.search(s) for s in strings)


def test_a_gap_unit_follows_the_gap():
    assert fmt.gap_unit("%/年", "zh") == "个百分点" and fmt.gap_unit("%", "zh") == "个百分点"
    assert fmt.gap_unit("%/年", "en") == "pp" and fmt.gap_unit("%", "en") == "pp"
    assert fmt.gap_unit("万千瓦", "zh") == "万千瓦" and fmt.gap_unit("万千瓦", "en") == "10k kW"
    assert fmt.gap(-1.5, "%", "zh") == "-1.5个百分点"
