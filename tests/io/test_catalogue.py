"""A catalogue of bad input, tried at every door.

Doors: a scenario file on the command line (``fyp check FILE -o out.csv``), the Python API
(:meth:`Scenario.with_changes` then :func:`project`), an upload's text (:func:`scenario_from_text`
then :func:`resolve`), a plan file (``--plan``), an actuals file (``--actuals``), command-line
arguments, and a link's query (``ui.url.from_query``). Every case asserts the one line naming
file (or argument), field and reason; the exception type (API) or exit status 2 (command line);
and that nothing was written. Property tests cover the spaces too large to list.
"""

from __future__ import annotations

import inspect
import math
import re
import tomllib
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sim import ScenarioError, check_targets, load_plan, load_scenario, project, scenario_from_text
from sim.cli.main import main
from sim.engine.resolve import resolve
from sim.io.errors import InputWarning, PlanError
from sim.io.plan import parse_plan

ROOT = Path(__file__).resolve().parents[2]
GANZHOU = ROOT / "sim" / "data" / "ganzhou.toml"
HEAD = '[scenario]\nname = "bad"\ntitle_zh = "坏"\ntitle_en = "Bad"\nparent = "plan"\n'

# --------------------------------------------------------------------------- drivers and actuals
#: (drivers table as TOML lines, the same as a Python dict, field, words the reason contains)
DRIVERS = {
    "energy_capacity_negative": ("new_energy_capacity = -500.0", {"new_energy_capacity": -500.0},
                                 "drivers.new_energy_capacity", "would reach -176 万千瓦 in 2026, outside its domain [0, ∞)"),
    "pm25_negative": ("pm25 = -10.0", {"pm25": -10.0}, "drivers.pm25",
                      "would reach -9 微克/立方米 in 2028, outside its domain [0, ∞)"),
    "storage_at_slider_min": ("storage_capacity = -20.0", {"storage_capacity": -20.0}, "drivers.storage_capacity",
                              "would reach -10 万千瓦 in 2027"),
    "high_tech_firms_min": ("high_tech_firms = -20.0", {"high_tech_firms": -20.0}, "drivers.high_tech_firms",
                            "would reach -6 家 in 2029"),
    "tech_smes_min": ("provincial_tech_smes = -20.0", {"provincial_tech_smes": -20.0},
                      "drivers.provincial_tech_smes", "would reach -9 家 in 2028"),
    "organic_area_min": ("organic_area = -2.0", {"organic_area": -2.0}, "drivers.organic_area",
                         "would reach -2 万亩 in 2029"),
    "visitors_1e308": ("visitors = 1e308", {"visitors": 1e308}, "drivers.visitors",
                       "would reach inf 万人次 in 2026, not a finite number"),
    "visitors_1e300": ("visitors = 1e300", {"visitors": 1e300}, "drivers.visitors",
                       "would reach inf 万人次 in 2027, not a finite number"),
    "air_days_over_100": ("good_air_days = 5.0", {"good_air_days": 5.0}, "drivers.good_air_days",
                          "would reach 101.8 % in 2028, outside its domain [0, 100]"),
    "forest_below_0": ("forest_coverage = -5.0", {"forest_coverage": -5.0}, "drivers.forest_coverage",
                       "would reach -2.7 % in 2030, outside its domain [0, 100]"),
    "retention_over_100": ("compulsory_retention = 1.0", {"compulsory_retention": 1.0},
                           "drivers.compulsory_retention", "would reach 101 % in 2026"),
    "negative_flow": ("urban_new_jobs = -1.0", {"urban_new_jobs": -1.0}, "drivers.urban_new_jobs",
                      "would reach -1 人 in 2026"),
    "part_over_whole": ("industrial_fai = 60.0\nfixed_asset_investment = -10.0",
                        {"industrial_fai": 60.0, "fixed_asset_investment": -10.0}, "drivers.industrial_fai",
                        "would reach 116.8 亿元 in 2026, more than its whole 'fixed_asset_investment' allows (114.3 亿元)"),
    "forest_over_forest_grass": ("forest_coverage = 5.0\nforest_grass_coverage = -5.0",
                                 {"forest_coverage": 5.0, "forest_grass_coverage": -5.0}, "drivers.forest_coverage",
                                 "would reach 42.3 % in 2029, more than its whole 'forest_grass_coverage'"),
    "late_year_step": ("pm25 = { 2029 = -15.0 }", {"pm25": {2029: -15.0}}, "drivers.pm25",
                       "would reach -9 微克/立方米 in 2030"),
    "per_year_path": ("water_use = [0.0, 0.0, 0.0, 0.0, -8.0]", {"water_use": [0.0, 0.0, 0.0, 0.0, -8.0]},
                      "drivers.water_use", "in 2030, outside its domain"),
    "growth_minus_100": ("visitors = -100.0", {"visitors": -100.0}, "drivers.visitors", "is impossible"),
    "nan": ("visitors = nan", {"visitors": math.nan}, "drivers.visitors", "not a finite number"),
    "inf": ("visitors = inf", {"visitors": math.inf}, "drivers.visitors", "not a finite number"),
    "inf_in_path": ("visitors = [5.0, inf]", {"visitors": [5.0, math.inf]}, "drivers.visitors[1]",
                    "not a finite number"),
    "points_over_100": ("forest_coverage = 150.0", {"forest_coverage": 150.0}, "drivers.forest_coverage",
                        "points a year is impossible"),
    "derived_driver": ("gdp = 5.0", {"gdp": 5.0}, "drivers.gdp", "is derived"),
    "unknown_driver": ("no_such = 5.0", {"no_such": 5.0}, "drivers.no_such", "unknown indicator"),
    "year_outside": ("visitors = { 2041 = 5.0 }", {"visitors": {2041: 5.0}}, "drivers.visitors.2041",
                     "outside the horizon"),
    "empty_list": ("visitors = []", {"visitors": []}, "drivers.visitors", "empty list"),
    "text": ('visitors = "fast"', {"visitors": "fast"}, "drivers.visitors", "is not a number"),
    "boolean": ("visitors = true", {"visitors": True}, "drivers.visitors", "expected a number"),
    "too_many_years": ("visitors = [1.0, 1.0, 1.0, 1.0, 1.0, 1.0]", {"visitors": [1.0] * 6}, "drivers.visitors",
                       "6 yearly values"),
}

#: (indicator, year, value as TOML, as Python, field, reason)
ACTUALS = {
    "percent_over_100": ("good_air_days", 2026, "120.0", 120.0, "actuals.good_air_days.2026",
                         "outside [0, 100], the domain"),
    "negative_capacity": ("new_energy_capacity", 2026, "-1.0", -1.0, "actuals.new_energy_capacity.2026",
                          "outside [0, ∞), the domain"),
    "negative_pm25": ("pm25", 2027, "-3.0", -3.0, "actuals.pm25.2027", "outside [0, ∞)"),
    "overflowing_next_year": ("visitors", 2026, "1.7e308", 1.7e308, "drivers.visitors",
                              "would reach inf 万人次 in 2027"),
    "part_over_whole": ("industrial_fai", 2026, "140.0", 140.0, "actuals.industrial_fai.2026",
                        "a part cannot exceed its whole"),
    "derived": ("gdp", 2026, "330.0", 330.0, "actuals.gdp", "is derived"),
    "outside_horizon": ("visitors", 2040, "10.0", 10.0, "actuals.visitors.2040", "outside the horizon"),
    "compound_not_positive": ("visitors", 2026, "-5.0", -5.0, "actuals.visitors.2026", "must be positive"),
    "not_on_index": ("industrial_va", 2026, "1e6", 1e6, "actuals.industrial_va.2026", "not on the index"),
    "nan": ("visitors", 2026, "nan", math.nan, "actuals.visitors.2026", "not a finite number"),
    "unknown": ("no_such", 2026, "1.0", 1.0, "actuals.no_such", "unknown indicator"),
}

#: Whole scenario texts: (text, field, reason)
TEXTS = {
    "malformed": ('[scenario\nname = "x"', "", "not valid TOML"),
    "unknown_key": (HEAD + 'colour = "red"\n', "scenario.colour", "unknown key"),
    "unknown_table": (HEAD + "[paint]\nx = 1\n", "paint", "unknown key"),
    "bad_rule": (HEAD + 'rule = "fast"\n', "scenario.rule", "is not one of plan, trend"),
    "horizon_zero": (HEAD + "horizon = 0\n", "scenario.horizon", "must be a year between 2030 and 2075"),
    "horizon_far": (HEAD + "horizon = 2100\n", "scenario.horizon", "must be a year between 2030 and 2075"),
    "empty_name": (HEAD.replace('name = "bad"', 'name = ""'), "scenario.name", "expected non-empty text"),
    "missing_title": (HEAD.replace('title_en = "Bad"\n', ""), "scenario.title_en", "missing (required)"),
    "year_key": (HEAD + "[actuals.visitors]\nsoon = 5.0\n", "actuals.visitors.soon", "expected a year"),
    "deep": ("x = " + "[" * 40 + "]" * 40 + "\n", "", "nested more than 16 deep"),
}


def _scenario_text(lines: str, section: str = "drivers") -> str:
    return f"{HEAD}\n[{section}]\n{lines}\n"


def _cli_file(text: str, tmp_path: Path, capsys, monkeypatch) -> tuple[int, list[str], str]:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.toml").write_text(text, encoding="utf-8")
    status = main(["check", "bad.toml", "-o", "out.csv"])
    err = capsys.readouterr().err.strip().splitlines()
    return status, err, "bad.toml"


def _assert_one_line(status, err, source, field, reason, tmp_path):
    assert status == 2
    assert len(err) == 1, err
    prefix = f"error: {source}: {field}: " if field else f"error: {source}: "
    assert err[0].startswith(prefix), err
    assert reason in err[0], err
    assert not (tmp_path / "out.csv").exists()


@pytest.mark.parametrize("case", DRIVERS)
def test_driver_from_a_file(case, tmp_path, capsys, monkeypatch):
    lines, _, field, reason = DRIVERS[case]
    status, err, source = _cli_file(_scenario_text(lines), tmp_path, capsys, monkeypatch)
    _assert_one_line(status, err, source, field, reason, tmp_path)


@pytest.mark.parametrize("case", DRIVERS)
def test_driver_from_the_api(case, plan):
    _, drivers, field, reason = DRIVERS[case]
    with pytest.raises(ScenarioError) as err:
        project(plan, load_scenario("plan").with_changes(drivers=drivers))
    assert type(err.value) is ScenarioError
    assert (err.value.source, err.value.field) == ("<app>", field)
    assert reason in err.value.reason


@pytest.mark.parametrize("case", DRIVERS)
def test_driver_from_an_upload(case, plan):
    lines, _, field, reason = DRIVERS[case]
    with pytest.raises(ScenarioError) as err:
        resolve(plan, scenario_from_text(_scenario_text(lines), "up.toml"))
    assert err.value.message.startswith(f"up.toml: {field}: ") and reason in err.value.reason


@pytest.mark.parametrize("case", ACTUALS)
def test_actual_from_a_file(case, tmp_path, capsys, monkeypatch):
    key, year, text, _, field, reason = ACTUALS[case]
    status, err, source = _cli_file(_scenario_text(f"{year} = {text}", f"actuals.{key}"), tmp_path, capsys,
                                    monkeypatch)
    _assert_one_line(status, err, source, field, reason, tmp_path)


@pytest.mark.parametrize("case", ACTUALS)
def test_actual_from_the_api(case, plan):
    key, year, _, value, field, reason = ACTUALS[case]
    with pytest.raises(ScenarioError) as err:
        project(plan, load_scenario("plan").with_changes(actuals={key: {year: value}}))
    assert type(err.value) is ScenarioError
    assert err.value.field == field and reason in err.value.reason


@pytest.mark.parametrize("case", ACTUALS)
def test_actual_from_an_upload(case, plan):
    key, year, text, _, field, reason = ACTUALS[case]
    with pytest.raises(ScenarioError) as err:
        resolve(plan, scenario_from_text(_scenario_text(f"{year} = {text}", f"actuals.{key}"), "up.toml"))
    assert err.value.message.startswith(f"up.toml: {field}: ") and reason in err.value.reason


@pytest.mark.parametrize("case", TEXTS)
def test_scenario_text_from_a_file(case, tmp_path, capsys, monkeypatch):
    text, field, reason = TEXTS[case]
    status, err, source = _cli_file(text, tmp_path, capsys, monkeypatch)
    _assert_one_line(status, err, source, field, reason, tmp_path)


@pytest.mark.parametrize("case", TEXTS)
def test_scenario_text_from_an_upload(case, plan):
    text, field, reason = TEXTS[case]
    with pytest.raises(ScenarioError) as err:
        resolve(plan, scenario_from_text(text, "up.toml"))
    assert err.value.field == field and reason in err.value.reason


# --------------------------------------------------------------------------- plan files

def _ganzhou() -> dict:
    return tomllib.loads(GANZHOU.read_text(encoding="utf-8"))


def _indicator(data: dict, ind_id: str) -> dict:
    return next(x for x in data["indicator"] if x["id"] == ind_id)


def _plan_case(ind_id: str, change) -> dict:
    data = _ganzhou()
    change(_indicator(data, ind_id))
    return data


def _ratio_over(den: str):
    def add(data):
        data["indicator"].append({"id": "per_unit", "name_zh": "比", "name_en": "Ratio", "unit": "元",
                                  "area": "economy", "dynamic": "derived", "op": "ratio",
                                  "inputs": ["gdp", den]})
    return add


#: (plan data, field, reason)
PLANS = {
    "negative_capacity_baseline": (lambda: _plan_case("new_energy_capacity", lambda x: x["baseline"].update(value=-1.0)),
                                   "indicator[new_energy_capacity].baseline.value", "outside [0, ∞)"),
    "percent_baseline_over_100": (lambda: _plan_case("good_air_days", lambda x: x["baseline"].update(value=140.0)),
                                  "indicator[good_air_days].baseline.value", "outside [0, 100]"),
    "baseline_outside_override": (lambda: _plan_case("pm25", lambda x: x.update(domain={"min": 0.0, "max": 10.0})),
                                  "indicator[pm25].baseline.value", "outside [0, 10]"),
    "level_target_outside": (lambda: _plan_case("new_energy_capacity", lambda x: x["target"][0].update(value=-5.0)),
                             "indicator[new_energy_capacity].target[0].value", "outside [0, ∞)"),
    "empty_domain": (lambda: _plan_case("pm25", lambda x: x.update(domain={"min": 5.0, "max": 1.0})),
                     "indicator[pm25].domain.min", "is empty"),
    "percent_domain_past_100": (lambda: _plan_case("good_air_days", lambda x: x.update(domain={"max": 120.0})),
                                "indicator[good_air_days].domain.min", "must lie within [0, 100]"),
    "domain_unknown_key": (lambda: _plan_case("pm25", lambda x: x.update(domain={"floor": 0.0})),
                           "indicator[pm25].domain.floor", "unknown key"),
    "domain_not_a_number": (lambda: _plan_case("pm25", lambda x: x.update(domain={"max": "high"})),
                            "indicator[pm25].domain.max", "expected a number"),
    "ratio_over_an_additive": (lambda: (d := _ganzhou(), _ratio_over("new_energy_capacity")(d))[0],
                               "indicator[per_unit].inputs", "the denominator 'new_energy_capacity' may be 0"),
    "ratio_over_a_flow": (lambda: (d := _ganzhou(), _ratio_over("urban_new_jobs")(d))[0],
                          "indicator[per_unit].inputs", "the denominator 'urban_new_jobs' may be 0"),
    "unknown_indicator_key": (lambda: _plan_case("pm25", lambda x: x.update(colour="red")),
                              "indicator[41].colour", "unknown key"),
    "empty_driver_range": (lambda: _plan_case("pm25", lambda x: x.update(driver={"min": 1.0, "max": 0.0})),
                           "indicator[pm25].driver.min", "is empty"),
}


def _toml(data: dict) -> str:
    """A small TOML writer for plan data (tables, arrays of tables, scalars, lists)."""
    from sim.io.scenario import toml_string

    def value(v):
        if isinstance(v, str):
            return toml_string(v)
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, list):
            return "[" + ", ".join(value(x) for x in v) + "]"
        if isinstance(v, dict):
            return "{ " + ", ".join(f"{k} = {value(x)}" for k, x in v.items()) + " }"
        return repr(v)

    lines = [f"schema_version = {data.get('schema_version', 1)}"]
    for name in ("plan", "check"):
        if name in data:
            lines += [f"[{name}]", *(f"{k} = {value(v)}" for k, v in data[name].items())]
    for ind in data["indicator"]:
        lines += ["[[indicator]]", *(f"{k} = {value(v)}" for k, v in ind.items())]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("case", PLANS)
def test_plan_data(case):
    make, field, reason = PLANS[case]
    with pytest.raises(PlanError) as err:
        parse_plan(make(), "bad-plan.toml")
    assert type(err.value) is PlanError
    assert err.value.field == field and reason in err.value.reason


@pytest.mark.parametrize("case", ["negative_capacity_baseline", "empty_domain", "ratio_over_an_additive"])
def test_plan_file_on_the_command_line(case, tmp_path, capsys, monkeypatch):
    make, field, reason = PLANS[case]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad-plan.toml").write_text(_toml(make()), encoding="utf-8")
    status = main(["check", "plan", "--plan", "bad-plan.toml", "-o", "out.csv"])
    _assert_one_line(status, capsys.readouterr().err.strip().splitlines(), "bad-plan.toml", field, reason,
                     tmp_path)


def test_a_domain_override_is_read_and_used():
    data = _plan_case("gdp", lambda x: x.update(domain={"max": 400.0}))
    plan = parse_plan(data, "capped.toml")
    assert plan.by_id["gdp"].domain == (0.0, 400.0)
    with pytest.raises(ScenarioError) as err:
        project(plan, load_scenario("plan").with_changes(drivers={"tertiary_va": 15.0}))
    # A derived indicator crossing names itself and its inputs, on the driver the scenario set.
    assert err.value.field == "drivers.tertiary_va"
    assert "'gdp' (sum of primary_va, secondary_va, tertiary_va) would reach 446.244 亿元 in 2028" in err.value.reason


# --------------------------------------------------------------------------- actuals files and arguments

ACTUAL_FILES = {
    "percent_over_100": ("indicator,year,value\ngood_air_days,2026,120\n", "actuals.good_air_days.2026",
                         "outside [0, 100]"),
    "negative_level": ("indicator,year,value\nnew_energy_capacity,2026,-1\n", "actuals.new_energy_capacity.2026",
                       "outside [0, ∞)"),
    "overflow": ("indicator,year,value\nvisitors,2026,1.7e308\n", "drivers.visitors", "would reach inf"),
    "not_a_number": ("indicator,year,value\nvisitors,2026,many\n", "line 2.value", "is not a number"),
    "inf": ("indicator,year,value\nvisitors,2026,inf\n", "line 2.value", "not a finite number"),
    "missing_column": ("indicator,value\nvisitors,2\n", "header", "missing column(s) year"),
    "part_over_projected_whole": ("indicator,year,value\nindustrial_fai,2026,140\n", "actuals.industrial_fai.2026",
                                  "more than its whole 'fixed_asset_investment'"),
    "part_over_observed_whole": ("indicator,year,value\nfixed_asset_investment,2026,130\nindustrial_fai,2026,131\n",
                                 "actuals.industrial_fai.2026", "more than its whole 'fixed_asset_investment' observed"),
}


@pytest.mark.parametrize("case", ACTUAL_FILES)
def test_actuals_file(case, tmp_path, capsys, monkeypatch):
    text, field, reason = ACTUAL_FILES[case]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "obs.csv").write_text(text, encoding="utf-8")
    status = main(["check", "plan", "--actuals", "obs.csv", "-o", "out.csv"])
    _assert_one_line(status, capsys.readouterr().err.strip().splitlines(), "obs.csv", field, reason, tmp_path)


ARGUMENTS = {
    "horizon_zero": (["check", "plan", "--horizon", "0", "-o", "out.csv"], "error: --horizon: 0 must be a year"),
    "horizon_far": (["run", "plan", "--horizon", "2100", "-o", "out.csv"], "error: --horizon: 2100 must be a year"),
    "plan_device": (["check", "plan", "--plan", "/dev/zero", "-o", "out.csv"], "error: /dev/zero: file is over"),
    "plan_missing": (["check", "plan", "--plan", "nowhere.toml", "-o", "out.csv"],
                     "error: nowhere.toml: cannot read file"),
    "actuals_device": (["check", "plan", "--actuals", "/dev/zero", "-o", "out.csv"],
                       "error: /dev/zero: file is over"),
    "scenario_missing": (["check", "nowhere.toml", "-o", "out.csv"], "error: nowhere.toml: no such scenario file"),
    "output_in_proc": (["check", "plan", "-o", "/proc/x.csv"], "error: /proc/x.csv"),
    "schema_output_folder": (["schema", "plan", "-o", "no/such/plan.json"], "error: no/such/plan.json: output"),
}


@pytest.mark.parametrize("case", ARGUMENTS)
def test_command_line_arguments(case, tmp_path, capsys, monkeypatch):
    argv, start = ARGUMENTS[case]
    monkeypatch.chdir(tmp_path)
    status = main(argv)
    err = capsys.readouterr().err.strip().splitlines()
    assert status == 2 and len(err) == 1 and err[0].startswith(start), err
    assert list(tmp_path.iterdir()) == []


def test_only_the_limited_reader_opens_files():
    """Every user file is read through sim.io.fields.read_limited (size limit on bytes read)."""
    opening = re.compile(r"\.open\(|\bopen\(|read_text\(|read_bytes\(|read_csv\(|read_excel\(|tomllib\.load\(")
    found = [f"{p.relative_to(ROOT)}:{n}" for folder in ("sim", "ui") for p in (ROOT / folder).rglob("*.py")
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if opening.search(line) and "os.open(" not in line and "fdopen(" not in line]
    from sim.io.fields import read_limited

    lines, first = inspect.getsourcelines(read_limited)    # the one opening is inside read_limited
    assert found == [f"sim/io/fields.py:{first + next(i for i, x in enumerate(lines) if opening.search(x))}"]


# --------------------------------------------------------------------------- links

LINKS = {
    "visitors_1e300": ({"visitors": "1e300"}, "not a finite number"),
    # what a link sets names no file or field; the app names the indicator in words, units in English
    "storage_at_min": ({"storage_capacity": "-20"}, "'Installed energy-storage capacity' would reach -10"),
    "new_energy_capacity": ({"new_energy_capacity": "-500"}, "outside its domain [0, ∞)"),
    "air_days": ({"good_air_days": "5"}, "outside its domain [0, 100]"),
    "pm25": ({"pm25": "-10,-10,-10,-10,-10"}, "would reach -9 µg/m³ in 2028"),
    "actual_overflow": ({"actual.visitors": "2026:1.7e308"}, "would reach ∞ in 2027"),
}


@pytest.mark.parametrize("case", LINKS)
def test_link(case, plan, monkeypatch):
    from ui import fmt, url

    monkeypatch.setattr(fmt, "lang", lambda: "en")      # the engine's own words, as the English app shows

    params, reason = LINKS[case]
    state, _, notes = url.from_query(params, plan, ["plan"], load_scenario)
    assert not state.drivers and not state.actuals          # nothing of the link is applied
    # the link is read before the page's language is known: the reason is kept in both (ui.i18n.Twin)
    assert len(notes) == 1 and reason in notes[0].values["detail"].en, notes


# --------------------------------------------------------------------------- properties

ADDITIVE = ["new_energy_capacity", "storage_capacity", "high_tech_firms", "pm25", "organic_area", "quality_brands"]


@settings(max_examples=25, deadline=None)
@given(key=st.sampled_from(ADDITIVE), pace=st.floats(-1e3, 1e3, allow_nan=False))
def test_a_constant_addition_is_refused_exactly_when_it_crosses_zero_with_the_year(key, pace):
    plan = load_plan()
    base = plan.by_id[key].baseline.value
    scenario = load_scenario("plan").with_changes(drivers={key: pace})
    years = [y for y in range(1, 6) if base + pace * y < 0]
    if not years:
        proj = project(plan, scenario)
        assert np.isfinite(proj.values).all()
        return
    with pytest.raises(ScenarioError) as err:
        project(plan, scenario)
    assert err.value.field == f"drivers.{key}"
    assert f"in {plan.base_year + years[0]}," in err.value.reason


DRIVER_IDS = [ind.id for ind in load_plan().drivers]


@settings(max_examples=20, deadline=None)
@given(data=st.data())
def test_any_finite_drivers_project_within_the_domain_or_are_refused_with_a_year(data):
    plan = load_plan()
    chosen = data.draw(st.lists(st.sampled_from(DRIVER_IDS), min_size=1, max_size=6, unique=True))
    drivers = {}
    for key in chosen:
        ind = plan.by_id[key]
        low = max(ind.driver_min, -99.0) if ind.dynamic == "compound" else ind.driver_min
        drivers[key] = data.draw(st.floats(low, ind.driver_max, allow_nan=False))
    try:
        proj = project(plan, load_scenario("plan").with_changes(drivers=drivers))
    except ScenarioError as exc:
        assert re.search(r" in 20\d\d, ", exc.reason), exc.message
        assert exc.field.split(".")[1] in drivers
        return
    values = proj.values[0]
    low = np.array([i.domain_min for i in plan.indicators])[:, None]
    high = np.array([i.domain_max for i in plan.indicators])[:, None]
    assert np.isfinite(values).all()
    assert ((values >= low - 1e-6) & (values <= high + 1e-6)).all()
    assert proj.warnings == ()                              # within the slider hints: no warning


@settings(max_examples=10, deadline=None)
@given(pace=st.floats(51.0, 500.0))
def test_growth_far_above_the_hints_loads_with_a_warning_every_output_carries(pace):
    plan = load_plan()
    with pytest.warns(InputWarning):
        proj = project(plan, load_scenario("plan").with_changes(drivers={"secondary_va": pace}))
    (warning,) = proj.warnings
    assert (warning.source, warning.field) == ("<app>", "drivers.secondary_va")
    table = check_targets(proj)
    gdp = table[table.indicator == "gdp"].iloc[0]
    assert gdp["warning"] == warning.message
    assert table.attrs["warnings"] == [warning.message]
