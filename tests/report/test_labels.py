"""sim.report.labels: the one table of decimals per unit and the one table of probability bands."""

from __future__ import annotations

import pytest

from sim.report.labels import BANDS, DECIMALS, band, band_legend, band_word, decimals, shown_percent


@pytest.mark.parametrize("p, code", [
    (0.796, "likely"), (0.795, "likely"), (0.8, "likely"), (1.0, "likely"),
    (0.794, "even"), (0.5, "even"), (0.4951, "even"),
    (0.494, "risk"), (0.2, "risk"), (0.1951, "risk"),
    (0.194, "unlikely"), (0.0, "unlikely"),
])
def test_bands_are_decided_on_the_shown_whole_per_cent(p, code):
    assert band(p)[0] == code
    assert shown_percent(p) == int(f"{p:.0%}"[:-1])


def test_band_words_and_legend_come_from_one_table():
    assert band_word(0.796, "zh") == "很可能" and band_word(0.796, "en") == "likely"
    assert band_legend("zh") == "很可能 ≥ 80%;可能 50–80%;有风险 20–50%;不太可能 < 20%"
    assert [b[0] for b in BANDS] == sorted((b[0] for b in BANDS), reverse=True)


def test_decimals_per_unit_and_per_pace_unit(plan):
    assert decimals("万人次") == 0 and decimals("亿元") == 1 and decimals("万千瓦/年") == 0
    assert decimals("百分点/年") == 2 and decimals("unknown") == 1
    for ind in plan.indicators:
        assert ind.unit in DECIMALS, ind.unit   # every unit of the plan is decided, none by default
