"""ui.probability: one band table (sim.report.labels) for the board and the uncertainty page."""

from __future__ import annotations

import pandas as pd
import pytest

from ui import display, probability
from ui import uncertainty as unc


def _uncertainty_row(p: float) -> pd.DataFrame:
    return pd.DataFrame([{
        "indicator": "gdp", "check": "target", "name": "地区生产总值", "name_en": "Gross regional product",
        "kind": "growth", "direction": "at_least", "target": 6.5, "measure_unit": "%/年", "target_year": 2030,
        "projected": 6.5, "p_met": p, "p_met_low": p - 0.01, "p_met_high": p + 0.01,
        "projected_p5": 5.0, "projected_p95": 8.0,
    }])


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("p", [0.796, 0.795, 0.7949, 0.5, 0.495, 0.2, 0.1949, 0.01])
def test_a_probability_reads_the_same_word_on_the_board_and_the_uncertainty_page(cautious_check, p, lang):
    _, check = cautious_check
    rows = display.board_rows(check, "cautious", "target").iloc[:1]
    key = (rows["indicator"].iloc[0], "target", int(rows["target_year"].iloc[0]))
    board = display.board_table(rows, lang, probabilities={key: p})
    board_word, board_pct = board.iloc[0, 1].rsplit(" ", 1)
    page = unc.probability_table(_uncertainty_row(p), False, lang).frame.iloc[0]
    page_word = page.iloc[5].split(" ", 1)[1]
    assert board_word == page_word
    assert board_pct == page.iloc[3]
    assert display.probability_colours(rows, {key: p}) == [probability.colour(p)]


def test_79_6_percent_is_likely_everywhere():
    assert probability.cell(0.796, "zh") == "很可能 80%"
    assert probability.verdict(0.796, "zh") == "✔ 很可能"
    assert probability.cell(0.796, "en") == "likely 80%"
    assert probability.verdict(0.794, "en") == "◎ possible"
