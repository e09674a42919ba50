"""Bad input: one clear line naming file, field and reason; exit 2; no traceback; nothing written."""

from __future__ import annotations

import copy
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from sim import PlanError, ScenarioError, load_plan, load_scenario, project
from sim.cli.main import main
from sim.io.plan import default_plan_path, parse_plan
from tests.conftest import tiny_plan_dict

GOOD = '[scenario]\nname = "x"\ntitle_zh = "x"\ntitle_en = "x"\nparent = "plan"\n'

SCENARIO_CASES = {
    "malformed": ('[scenario\nname = "x"', "", "not valid TOML"),
    "unknown_indicator": (GOOD + "[drivers]\nno_such_thing = 5.0\n", "drivers.no_such_thing", "unknown indicator"),
    "unknown_key": (GOOD.replace('name = "x"', 'name = "x"\ncolour = "red"'), "scenario.colour", "unknown key"),
    "growth_minus_100": (GOOD + "[drivers]\nvisitors = -100.0\n", "drivers.visitors", "impossible"),
    "nan": (GOOD + "[drivers]\nvisitors = nan\n", "drivers.visitors", "not a finite number"),
    "inf_in_path": (GOOD + "[drivers]\nvisitors = [5.0, inf]\n", "drivers.visitors[1]", "not a finite number"),
    "percent_out_of_range": (GOOD + "[actuals.good_air_days]\n2026 = 120.0\n", "actuals.good_air_days.2026",
                             "outside [0, 100]"),
    "year_outside_horizon": (GOOD + "[drivers]\nvisitors = { 2041 = 5.0 }\n", "drivers.visitors.2041",
                             "outside the horizon"),
    "actual_outside_horizon": (GOOD + "[actuals.visitors]\n2024 = 5.0\n", "actuals.visitors.2024",
                               "outside the horizon"),
    "missing_parent": (GOOD.replace('parent = "plan"', 'parent = "no_such_parent"'), "scenario.parent",
                       "not found"),
    "derived_driver": (GOOD + "[drivers]\ngdp = 5.0\n", "drivers.gdp", "derived"),
    "text_value": (GOOD + '[drivers]\nvisitors = "fast"\n', "drivers.visitors", "not a number"),
}


@pytest.mark.parametrize("case", sorted(SCENARIO_CASES))
def test_bad_scenario_files(case, tmp_path, plan):
    text, field, reason = SCENARIO_CASES[case]
    path = tmp_path / f"{case}.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError) as err:
        project(plan, load_scenario(str(path)))
    message = str(err.value)
    assert message.startswith(str(path)), message
    assert field in message and reason in message, message
    assert "\n" not in message


def mutate(fn):
    data = copy.deepcopy(tiny_plan_dict())
    fn(data)
    return data


PLAN_CASES = {
    "missing_unit": (mutate(lambda d: d["indicator"][0].pop("unit")), "indicator[a].unit", "missing"),
    "cycle": (mutate(lambda d: d["indicator"].append(
        {"id": "x", "name_zh": "x", "name_en": "x", "unit": "亿元", "area": "economy", "dynamic": "derived",
         "op": "sum", "inputs": ["y"]}) or d["indicator"].append(
        {"id": "y", "name_zh": "y", "name_en": "y", "unit": "亿元", "area": "economy", "dynamic": "derived",
         "op": "sum", "inputs": ["x"]})), "inputs", "cycle"),
    "percent_baseline": (mutate(lambda d: d["indicator"][2]["baseline"].update(value=140.0)),
                         "indicator[c].baseline.value", "outside [0, 100]"),
    "target_year": (mutate(lambda d: d["indicator"][0]["target"][0].update(year=2040)),
                    "indicator[a].target[0].year", "outside the horizon"),
    "unknown_input": (mutate(lambda d: d["indicator"][4].update(inputs=["a", "zzz"])),
                      "indicator[s].inputs", "unknown indicator 'zzz'"),
    "reported_without_quote": (mutate(lambda d: d["indicator"][0]["baseline"].pop("quote")),
                               "indicator[a].baseline.quote", "exact words"),
    "unknown_dynamic": (mutate(lambda d: d["indicator"][0].update(dynamic="exponential")),
                        "indicator[a].dynamic", "not one of"),
    "growth_target": (mutate(lambda d: d["indicator"][0]["target"][0].update(value=-150.0)),
                      "indicator[a].target[0].value", "impossible"),
}


@pytest.mark.parametrize("case", sorted(PLAN_CASES))
def test_bad_plan_files(case):
    data, field, reason = PLAN_CASES[case]
    with pytest.raises(PlanError) as err:
        parse_plan(data, "bad_plan.toml")
    message = str(err.value)
    assert message.startswith("bad_plan.toml: ") and field in message and reason in message, message


def test_the_embedded_plan_round_trips_through_its_validator():
    data = tomllib.loads(default_plan_path().read_text(encoding="utf-8"))
    assert len(parse_plan(data, "x").indicators) == len(load_plan().indicators)


def test_cli_bad_scenario_exits_2_with_one_line_and_writes_nothing(tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text(SCENARIO_CASES["growth_minus_100"][0], encoding="utf-8")
    out = tmp_path / "out.csv"
    assert main(["run", str(bad), "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: ") and "drivers.visitors" in err[0]
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [bad]


def test_cli_bad_plan_file(tmp_path, capsys):
    bad = tmp_path / "plan.toml"
    bad.write_text("[plan]\nid = 1\n", encoding="utf-8")
    assert main(["check", "plan", "--plan", str(bad)]) == 2
    err = capsys.readouterr().err
    assert str(bad) in err and err.count("\n") == 1


def test_cli_bad_actuals_csv(tmp_path, capsys):
    bad = tmp_path / "actuals.csv"
    bad.write_text("indicator,year,value\nvisitors,2026,lots\n", encoding="utf-8")
    assert main(["required", "plan", "--actuals", str(bad)]) == 2
    assert "line 2.value" in capsys.readouterr().err


def test_cli_unknown_indicator_in_actuals(tmp_path, capsys):
    bad = tmp_path / "actuals.csv"
    bad.write_text("indicator,year,value\nvisitorz,2026,2400\n", encoding="utf-8")
    assert main(["required", "plan", "--actuals", str(bad)]) == 2
    assert "unknown indicator 'visitorz'" in capsys.readouterr().err


def test_no_traceback_from_the_installed_command(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[scenario\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "sim", "check", str(bad)], capture_output=True, text=True,
                          cwd=Path(__file__).parents[2])
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1
    assert "not valid TOML" in proc.stderr


def test_oversized_file_is_refused(tmp_path, plan):
    big = tmp_path / "big.toml"
    big.write_text(GOOD + "# " + "x" * 1_100_000 + "\n", encoding="utf-8")
    with pytest.raises(ScenarioError, match="limit is"):
        load_scenario(str(big))


def test_actuals_for_an_index_must_be_on_the_index(plan, tmp_path):
    path = tmp_path / "idx.toml"
    path.write_text(GOOD + "[actuals.urban_income]\n2026 = 45000.0\n", encoding="utf-8")
    with pytest.raises(ScenarioError, match="not on the index") as err:
        project(plan, load_scenario(str(path)))
    assert "actuals.urban_income.2026" in str(err.value)
    path.write_text(GOOD + "[actuals.urban_income]\n2026 = 105.8\n", encoding="utf-8")
    assert project(plan, load_scenario(str(path))).value("x", "urban_income", 2026) == 105.8


def test_more_plan_mistakes():
    no_inputs = mutate(lambda d: d["indicator"][4].update(inputs=[]))
    with pytest.raises(PlanError, match="at least one input"):
        parse_plan(no_inputs, "p.toml")
    mixed = mutate(lambda d: d["indicator"][1].update(unit="万千瓦"))
    with pytest.raises(PlanError, match="a sum needs inputs in its own unit"):
        parse_plan(mixed, "p.toml")


def test_cli_other_mistakes(tmp_path, capsys):
    assert main(["compare", "plan", "cautious", "--values", "--year", "2040"]) == 2
    assert "outside the projection" in capsys.readouterr().err
    assert main(["indicators", "--area", "space"]) == 2
    assert "not one of" in capsys.readouterr().err
    dup = tmp_path / "dup.csv"
    dup.write_text("indicator,year,value\nvisitors,2026,2400\nvisitors,2026,2500\n", encoding="utf-8")
    assert main(["required", "plan", "--actuals", str(dup)]) == 2
    assert "a second value for visitors in 2026" in capsys.readouterr().err
