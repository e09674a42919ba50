"""What the charts' legends explain: every kind of mark drawn has one entry, and a band is a band
(found walking the app in a browser: the compare page's diamonds had no legend entry, and the
fan chart dotted its bands' corners in plotly's default blue and red)."""

from __future__ import annotations

import pandas as pd

from sim import load_scenario, project
from ui import charts
from ui.i18n import t


def _legend(fig) -> list[str]:
    return [tr.name for tr in fig.data if tr.showlegend is True]


def test_compare_charts_explain_a_milestone_drawn_only_by_a_later_chart(plan):
    proj = project(plan, [load_scenario("plan"), load_scenario("momentum")])
    # GDP (first) has no 2026 milestone; tourist arrivals (second) has one, drawn as a diamond.
    assert not plan.by_id["gdp"].milestones and plan.by_id["visitors"].milestones
    fig = charts.compare_figure(plan, proj, ["gdp", "visitors"], ["规划目标", "惯性趋势"], "zh")
    legend = _legend(fig)
    assert legend == ["规划目标", "惯性趋势", "2030年目标", "2026年度目标"]
    diamonds = [tr for tr in fig.data if tr.marker.symbol == "diamond"]
    assert len(diamonds) == 1 and diamonds[0].name == t("ind.milestone_marker", "zh", year=2026, target="").strip()


def test_compare_charts_name_each_scenario_and_target_once_however_many_charts(plan):
    proj = project(plan, [load_scenario("plan"), load_scenario("cautious")])
    ids = ["gdp", "industrial_va", "energy_capacity", "visitors", "urban_new_jobs"]
    legend = _legend(charts.compare_figure(plan, proj, ids, ["Plan targets", "Cautious"], "en"))
    assert len(legend) == len(set(legend))
    assert legend[:3] == ["Plan targets", "Cautious", "2030 target"]
    assert "2026 milestone" in legend


def test_fan_bands_are_filled_areas_without_dots(plan):
    years = list(range(2025, 2031))
    base = [314.7 * 1.065**k for k in range(6)]
    fan = pd.DataFrame({"indicator": "gdp", "year": years, "value": base,
                        "p5": [v * 0.95 for v in base], "p25": [v * 0.98 for v in base], "p50": base,
                        "p75": [v * 1.02 for v in base], "p95": [v * 1.05 for v in base]})
    fig, _ = charts.fan_figure(plan, fan, "gdp", "zh")
    bands = [tr for tr in fig.data if tr.fill == "toself"]
    assert [tr.name for tr in bands] == ["90%区间(P5–P95)", "50%区间(P25–P75)"]
    assert all(tr.mode == "lines" for tr in bands)
    # the band's outline runs P95 forward and P5 back: 2 × 6 corners, closing on itself
    assert list(bands[0].y[:6]) == [v * 1.05 for v in base] and list(bands[0].y[6:]) == [v * 0.95 for v in base][::-1]


def test_small_compare_charts_state_their_unit_once_in_their_title_not_on_a_crowded_y_axis(plan):
    """At 1280 px the y-axis titles of the small charts were cut ("n yuan") or ran into the
    neighbouring chart's ticks; the unit is in each chart's title."""
    proj = project(plan, [load_scenario("plan"), load_scenario("cautious")])
    fig = charts.compare_figure(plan, proj, ["gdp", "energy_capacity", "visitors"], ["Plan targets", "Cautious"], "en")
    y_titles = [fig.layout[k].title.text for k in fig.layout if k.startswith("yaxis")]
    assert y_titles and all(not text for text in y_titles)
    titles = [a.text.replace("<br>", " ") for a in fig.layout.annotations]
    assert any("100m yuan" in x for x in titles) and any("10k kW" in x for x in titles)
    assert any("10k visits" in x for x in titles)
