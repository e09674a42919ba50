"""ui.url: the scenario in the address bar and back (no Streamlit run)."""

from __future__ import annotations

from sim import load_scenario
from ui import model as m
from ui import url
from ui.i18n import t

from .conftest import (
    NAMES,
)


def _from_query(plan, params):
    return url.from_query(params, plan, NAMES, load_scenario)


def test_query_round_trip_reopens_the_same_scenario(plan, base_paths):
    state = m.AppScenario(base="cautious")
    cautious = m.paths_of(plan, load_scenario("cautious"))
    state = m.set_path(state, plan, cautious, "primary_va", [5.0] * 5)
    state = m.set_path(state, plan, cautious, "secondary_va", [10, 10, 10, 9, 9])
    state = m.set_actual(state, plan, "visitors", 2026, 2480.0)
    query = url.to_query(state, plan, "en")
    assert query == {"scenario": "cautious", "primary_va": "5", "secondary_va": "10,10,10,9,9",
                     "actual.visitors": "2026:2480", "lang": "en"}
    again, lang, notes = _from_query(plan, query)
    assert notes == [] and lang == "en"
    assert again.key() == state.key()


def test_bad_and_stale_parameters_are_ignored_with_a_reason(plan):
    params = {"scenario": "deleted-long-ago", "primary_va": "abc", "secondary_va": "-150", "gdp": "5",
              "no_such_driver": "3", "actual.visitors": "2040:10", "tertiary_va": "5.5"}
    state, _, notes = _from_query(plan, params)
    assert state.base == "plan"
    assert set(state.drivers) == {"tertiary_va"}  # the one good parameter is kept
    reasons = {n.param: n.key for n in notes}
    assert reasons == {"scenario": "url.unknown_scenario", "primary_va": "url.bad_number",
                       "secondary_va": "range.growth_min", "gdp": "url.derived",
                       "no_such_driver": "url.unknown_param", "actual.visitors": "url.bad_year"}
    for note in notes:  # every reason has words in both languages
        assert t(note.key, "zh", **note.values) != note.key
        assert t(note.key, "en", **note.values) != note.key


def test_a_value_equal_to_the_base_is_not_a_change(plan, base_paths):
    d = plan.driver_index["fixed_asset_investment"]
    state = m.set_path(m.AppScenario(), plan, base_paths, "fixed_asset_investment", base_paths[d])
    assert not state.changed
    assert url.to_query(state, plan) == {"scenario": "plan"}


def test_actuals_are_judged_by_the_engine_validator_and_worded_by_the_app(plan):
    """ui.model.actual_problem calls sim.io.actuals.validate_actual; the app words its refusals."""
    assert m.actual_problem(plan, "visitors", 2026, 2480.0) is None
    assert m.actual_problem(plan, "visitors", 2024, 1.0) == ("url.bad_year", {"first": 2026, "last": 2030})
    assert m.actual_problem(plan, "gdp", 2026, 300.0)[0] == "url.derived"
    assert m.actual_problem(plan, "new_energy_capacity", 2026, -5.0) == ("range.level", {})
    key, values = m.actual_problem(plan, "industrial_va", 2026, 5000.0)  # index, not 亿元
    assert key == "range.index" and (values["low"], values["high"]) == ("50", "200")
    assert "50–200" in t(key, "zh", **values)


def test_a_superscript_year_in_a_link_is_dropped_with_a_reason(plan):
    # "²" passed str.isdigit() and then int() raised: the link opened with a traceback.
    state, _, notes = _from_query(plan, {"actual.visitors": "²:2400", "actual.rural_income": "２０２６:108"})
    assert [(n.param, n.key) for n in notes] == [("actual.visitors", "url.bad_actual")]
    assert state.actuals == {"rural_income": {2026: 108.0}}


def test_a_derived_indicator_in_a_link_is_answered_with_the_names_of_its_parts(monkeypatch, tmp_path):
    """Walking the app: “请调整 thermal_capacity, new_energy_capacity, …” in a Chinese notice."""
    from .conftest import start

    monkeypatch.setenv("FYP_SCENARIOS", str(tmp_path))
    at = start({"actual.energy_capacity": "2026:700"})
    notice = "\n".join(w.value for w in at.warning)
    assert "请调整 火电装机规模、新能源并网装机规模、储能装机规模、其他装机规模" in notice, notice
    assert "thermal_capacity" not in notice
    at.radio(key="lang").set_value("en").run()      # the same notice follows the language switch
    notice = "\n".join(w.value for w in at.warning)
    assert "thermal_capacity" not in notice and "new-energy" in notice.lower(), notice


def test_an_actual_off_its_index_names_the_unit_not_to_use_in_the_pages_language(plan):
    _, _, notes = _from_query(plan, {"actual.public_budget_revenue": "2026:5000"})
    values = next(n.values for n in notes if n.key == "range.index")
    # kept for the page to word when shown: 亿元 in Chinese, never inside an English sentence
    assert (values["unit"].zh, values["unit"].en) == ("亿元", "100m yuan")
    assert t("range.index", "zh", **values).endswith("不要用亿元")
