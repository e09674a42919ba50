"""Regressions from a hostile-input audit of the doors that are not the app: the command line, the
Python API and the readers. Each case was a traceback, a silent misreading or a non-finite number
before; each now asserts the exact line, the exit status, the value, and that nothing was written.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pytest

from sim import ScenarioError, check_targets, load_scenario, project, scenario_from_text
from sim.cli.main import main
from sim.io.actuals import parse_actuals
from sim.io.errors import InputWarning

HEAD = '[scenario]\nname = "bad"\ntitle_zh = "坏"\ntitle_en = "Bad"\nparent = "plan"\n'


def _fyp(argv, capsys, tmp_path, monkeypatch, files=None):
    """Run ``fyp argv`` in ``tmp_path`` with ``files`` in it: (status, stderr lines, files left beside)."""
    monkeypatch.chdir(tmp_path)
    for name, text in (files or {}).items():
        (tmp_path / name).write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    status = main(argv)
    err = capsys.readouterr().err.strip().splitlines()
    new = sorted(p.name for p in tmp_path.iterdir() if p.name not in (files or {}))
    return status, err, new


# --------------------------------------------------------------------------- year keys

@pytest.mark.parametrize("key", ["²", "2026²", "½"])
def test_a_superscript_is_no_year_in_a_scenario_file(key, capsys, tmp_path, monkeypatch):
    # str.isdigit() passed "²" and int() then raised: a traceback instead of a line.
    text = HEAD + f'[drivers]\nvisitors = {{ "{key}" = 5.0 }}\n'
    status, err, new = _fyp(["check", "s.toml", "-o", "out.csv"], capsys, tmp_path, monkeypatch, {"s.toml": text})
    assert (status, err, new) == (2, [f"error: s.toml: drivers.visitors.{key}: expected a year such as 2026"], [])


def test_a_superscript_is_no_year_in_scenario_actuals_or_an_actuals_file():
    with pytest.raises(ScenarioError) as err:
        scenario_from_text(HEAD + '[actuals.visitors]\n"²" = 2400.0\n', "up.toml")
    assert err.value.message == "up.toml: actuals.visitors.²: expected a year such as 2026"
    with pytest.raises(ScenarioError) as err:
        load_scenario("plan").with_changes(actuals={"visitors": {"²": 2400.0}})
    assert err.value.message == "<app>: actuals.visitors.²: expected a year such as 2026"
    with pytest.raises(Exception) as err:
        parse_actuals(b'[actuals.visitors]\n"\xc2\xb2" = 2400.0\n', "a.toml", ".toml")
    assert err.value.message == "a.toml: actuals.visitors.²: expected a year such as 2026"


def test_full_width_digits_are_a_year():
    assert parse_actuals('[actuals.visitors]\n"２０２６" = 2400.0\n'.encode(), "a.toml", ".toml") == {
        "visitors": {2026: 2400.0}}
    scn = scenario_from_text(HEAD + '[drivers]\nvisitors = { "２０２８" = 5.0 }\n', "up.toml")
    assert scn.drivers == {"visitors": {2028: 5.0}}


# --------------------------------------------------------------------------- paths

@pytest.mark.parametrize(("option", "suffix"), [("--plan", "toml"), ("--actuals", "csv")])
def test_a_nul_in_a_file_name_is_one_line(option, suffix, capsys, tmp_path, monkeypatch):
    argv = ["check", "plan", option, f"a\x00b.{suffix}", "-o", "out.csv"]
    status, err, new = _fyp(argv, capsys, tmp_path, monkeypatch)
    assert (status, err, new) == (2, [f"error: a\\x00b.{suffix}: cannot read file (embedded null byte)"], [])


def test_a_nul_in_an_output_name_is_one_line(capsys, tmp_path, monkeypatch):
    status, err, new = _fyp(["schema", "plan", "-o", "a\x00b.json"], capsys, tmp_path, monkeypatch)
    assert (status, err, new) == (2, ["error: a\\x00b.json: output: cannot write (embedded null byte)"], [])


def test_an_output_never_replaces_a_device_or_a_folder(capsys, tmp_path, monkeypatch):
    # Renaming the finished file over its target replaced whatever was there: as root,
    # `fyp schema plan -o /dev/null` turned /dev/null into a regular file.
    fifo = tmp_path / "pipe.json"
    import os

    os.mkfifo(fifo)
    (tmp_path / "folder.csv").mkdir()
    for argv, target in ((["schema", "plan", "-o", "pipe.json"], "pipe.json"),
                         (["check", "plan", "-o", "folder.csv"], "folder.csv")):
        status, err, _ = _fyp(argv, capsys, tmp_path, monkeypatch)
        assert (status, err) == (2, [f"error: {target}: output: not a regular file"])
    assert fifo.is_fifo() and (tmp_path / "folder.csv").is_dir()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder.csv", "pipe.json"]


def test_an_existing_regular_file_is_replaced_whole(capsys, tmp_path, monkeypatch):
    (tmp_path / "old.json").write_text("x" * 100_000)
    status, _, _ = _fyp(["schema", "scenario", "-o", "old.json"], capsys, tmp_path, monkeypatch)
    assert status == 0 and Path(tmp_path / "old.json").read_text(encoding="utf-8").startswith("{")


# --------------------------------------------------------------------------- one line

def test_a_newline_or_terminal_escape_in_a_file_stays_on_one_escaped_line(capsys, tmp_path, monkeypatch):
    # A quoted CSV cell may hold a newline and ESC: printed raw, the error took two lines and
    # could recolour or clear the planner's terminal.
    text = 'indicator,year,value\n"a\nb\x1b[2J\u202e",2026,5\n'
    status, err, new = _fyp(["check", "plan", "--actuals", "a.csv", "-o", "out.csv"], capsys, tmp_path, monkeypatch,
                            {"a.csv": text})
    assert status == 2 and new == [] and len(err) == 1
    assert err[0].startswith("error: a.csv: actuals.a\\x0ab\\x1b[2J\\u202e: unknown indicator 'a\\x0ab\\x1b[2J\\u202e'")


def test_the_chinese_line_is_escaped_too(plan):
    with pytest.raises(ScenarioError) as err:
        project(plan, load_scenario("plan").with_changes(drivers={"a\nb": 5.0}))
    assert err.value.message == "<app>: drivers.a\\x0ab: unknown indicator 'a\\x0ab'"
    assert err.value.message_in("zh") == "<app>:drivers.a\\x0ab:没有代码为“a\\x0ab”的指标"


# --------------------------------------------------------------------------- non-finite numbers

def test_a_flow_whose_total_overflows_is_refused_not_printed_as_inf(plan, capsys, tmp_path, monkeypatch):
    # 1e308 new jobs a year is finite each year; the cumulative target (35,000 over 2026–2030)
    # added them up to inf and the check printed projected = gap = assumed_pace = inf.
    with pytest.raises(ScenarioError) as err:
        project(plan, load_scenario("plan").with_changes(drivers={"urban_new_jobs": 1e308}))
    assert err.value.message == ("<app>: drivers.urban_new_jobs: 'urban_new_jobs' added up from 2026 would pass "
                                 "any finite number by 2027")
    text = HEAD + "[drivers]\nurban_new_jobs = 1e308\n"
    status, err, new = _fyp(["check", "s.toml", "-o", "out.csv"], capsys, tmp_path, monkeypatch, {"s.toml": text})
    assert (status, new) == (2, [])
    assert err == ["error: s.toml: drivers.urban_new_jobs: 'urban_new_jobs' added up from 2026 would pass any "
                   "finite number by 2027"]


def test_a_large_flow_that_fits_is_still_accepted_and_finite(plan):
    with pytest.warns(InputWarning, match="far outside the plan's range"):
        proj = project(plan, load_scenario("plan").with_changes(drivers={"urban_new_jobs": 1e300}))
    check = check_targets(proj)
    row = check[(check.indicator == "urban_new_jobs") & (check.check == "target")].iloc[0]
    assert row.projected == pytest.approx(5e300) and row.status == "met"


@pytest.mark.parametrize(("driver", "value"), [("visitors", 1e300), ("pm25", 1e308), ("secondary_va", 1e300)])
def test_a_refused_overflow_is_one_line_without_numpy_warnings(driver, value, plan, capsys, tmp_path, monkeypatch):
    # The links' pass ran the kernel without numpy's error state set: "RuntimeWarning: overflow
    # encountered in multiply" and the source line it came from were printed above the error.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(ScenarioError, match="not a finite number"):
            project(plan, load_scenario("plan").with_changes(drivers={driver: value}))
    assert [w for w in caught if issubclass(w.category, RuntimeWarning)] == []
    text = HEAD + f"[drivers]\n{driver} = {value!r}\n"
    status, err, _ = _fyp(["check", "s.toml", "-o", "out.csv"], capsys, tmp_path, monkeypatch, {"s.toml": text})
    assert status == 2 and len(err) == 1 and err[0].startswith(f"error: s.toml: drivers.{driver}: "), err


# --------------------------------------------------------------------------- actuals CSV

CSV_ROWS = {
    # visitors,2026,6,5 read as 6: the fourth field was dropped without a word.
    "decimal_comma": ("indicator,year,value\nvisitors,2026,6,5\n",
                      "line 2: 4 fields where the header has 3 (a decimal comma? write 6.5, not 6,5)"),
    # a short row said "'None' is not a number".
    "short_row": ("indicator,year,value\nvisitors,2026\n", "line 2: 2 fields where the header has 3"),
    # the last of two "value" columns was used.
    "twice": ("indicator,year,value,value\nvisitors,2026,1,2\n", "header: column 'value' appears twice"),
    # a blank line is skipped, and the line named is the file's own
    "after_blank": ("indicator,year,value\n\nvisitors,2026,6,5\n",
                    "line 3: 4 fields where the header has 3 (a decimal comma? write 6.5, not 6,5)"),
}


@pytest.mark.parametrize("case", sorted(CSV_ROWS))
def test_an_actuals_row_of_the_wrong_width_is_refused(case, capsys, tmp_path, monkeypatch):
    text, words = CSV_ROWS[case]
    status, err, new = _fyp(["check", "plan", "--actuals", "a.csv", "-o", "out.csv"], capsys, tmp_path, monkeypatch,
                            {"a.csv": text})
    assert (status, err, new) == (2, [f"error: a.csv: {words}"], [])


def test_a_named_extra_column_is_still_fine():
    assert parse_actuals(b"indicator,year,value,note\nvisitors,2026,2400,from the bureau\n", "a.csv", ".csv") == {
        "visitors": {2026: 2400.0}}


def test_an_empty_driver_table_is_refused_like_an_empty_list(capsys, tmp_path, monkeypatch):
    # `visitors = {}` loaded as "no change" while `visitors = []` was refused.
    status, err, new = _fyp(["check", "s.toml", "-o", "out.csv"], capsys, tmp_path, monkeypatch,
                            {"s.toml": HEAD + "[drivers]\nvisitors = {}\n"})
    assert (status, err, new) == (2, ["error: s.toml: drivers.visitors: an empty table sets no year"], [])
    with pytest.raises(ScenarioError, match=r"^<app>: drivers.visitors: an empty table sets no year$"):
        load_scenario("plan").with_changes(drivers={"visitors": {}})


@pytest.mark.parametrize("command", [["check", "plan"], ["monitor", "plan"], ["midterm", "plan"]])
def test_a_positive_actual_too_small_for_a_growth_rate_is_refused_at_every_door(command, capsys, tmp_path,
                                                                               monkeypatch):
    # 5e-324 is positive, so monitor and midterm took it and then raised "math domain error"
    # (log of visitors / base, which is 0); check refused it only through a ratio reaching inf.
    status, err, new = _fyp([*command, "--actuals", "a.csv", "-o", "out.csv"], capsys, tmp_path, monkeypatch,
                            {"a.csv": "indicator,year,value\nvisitors,2026,5e-324\n"})
    field = "actuals.visitors.2026" if command[0] == "check" else "visitors.2026"
    assert (status, new) == (2, [])
    assert err == [f"error: a.csv: {field}: 4.94066e-324 is too far from the base-year level 2267 万人次 for a "
                   "growth rate of 'visitors' to be computed"]


def test_a_tiny_but_representable_actual_still_loads():
    from sim import load_plan
    from sim.io.actuals import validate_actual

    validate_actual(load_plan(), "visitors", 2026, 1e-300, source="a.csv", field="visitors")


# --------------------------------------------------------------------------- plan files

GANZHOU = Path(__file__).resolve().parents[2] / "sim" / "data" / "ganzhou.toml"


def test_a_growth_target_whose_level_overflows_is_refused_on_load(capsys, tmp_path, monkeypatch):
    # GDP "年均增长 1e308%" loaded; the check then printed numpy's overflow warnings (and its
    # goal level was inf) on every command.
    text = GANZHOU.read_text(encoding="utf-8").replace("value = 6.5", "value = 1e308", 1)
    status, err, new = _fyp(["check", "plan", "--plan", "p.toml", "-o", "out.csv"], capsys, tmp_path, monkeypatch,
                            {"p.toml": text})
    assert (status, new) == (2, [])
    assert err == ["error: p.toml: indicator[gdp].target[0].value: growth of 1e+308% a year to 2030 would pass any "
                   "finite number"]


def test_a_large_but_finite_growth_target_still_loads():
    import tomllib

    from sim.io.plan import parse_plan

    text = GANZHOU.read_text(encoding="utf-8").replace("value = 6.5", "value = 1e4", 1)
    plan = parse_plan(tomllib.loads(text), "p.toml")
    assert [t.value for t in plan.targets if t.indicator == "gdp" and t.kind == "growth"] == [1e4]


def _plan_with(old: str, new: str, nth: int = 1) -> str:
    """Ganzhou's plan with the ``nth`` line equal to ``old`` replaced by ``new``."""
    lines = GANZHOU.read_text(encoding="utf-8").splitlines()
    at = [i for i, line in enumerate(lines) if line == old][nth - 1]
    return "\n".join(lines[:at] + [new] + lines[at + 1:]) + "\n"


@pytest.mark.parametrize(("old", "nth", "new", "line"), [
    # 1e-320 times: the start level (end ÷ 1e-320) was inf in the history table and the audit
    ("value = 6.0", 4, "value = 1e-320",
     "value: 9.99989e-321 (multiple) puts the start level too far from the base-year level"),
    # a start level of 1e-320 for a compound indicator: its growth to 2025 is log(∞)
    ("value = 14.6", 1, "value = 1e-320",
     "indicator[seed_chain].history[0].value: 9.99989e-321 (level) puts the start level too far from the "
     "base-year level"),
])
def test_a_history_statement_too_far_from_the_base_level_is_refused(old, nth, new, line, capsys, tmp_path,
                                                                     monkeypatch):
    status, err, new_files = _fyp(["audit", "--plan", "p.toml", "-o", "out.csv"], capsys, tmp_path, monkeypatch,
                                  {"p.toml": _plan_with(old, new, nth)})
    assert status == 2 and new_files == [] and len(err) == 1 and line in err[0], err


def test_a_past_pace_of_almost_zero_gives_no_ratio(tmp_path):
    # An average growth of 1e-320 %/yr is a valid statement, but needed ÷ past was inf in the pace table.
    from sim import load_plan
    from sim.review.history import pace_comparison

    (tmp_path / "p.toml").write_text(_plan_with("value = 15.0", "value = 1e-320"), encoding="utf-8")
    table = pace_comparison(load_plan(tmp_path / "p.toml"), "en")
    assert np.isfinite(table.select_dtypes("number").to_numpy(dtype=float)[~table.select_dtypes("number").isna()
                                                                               .to_numpy()]).all()
    row = table[table["ratio"].isna() & table["why"].str.contains("too close to zero")]
    assert len(row) >= 1


@pytest.mark.parametrize(("old", "new", "line"), [
    # a five-year total of 1e308 made the history's root finder raise "f(a) and f(b) must have different signs"
    ("value = 665.5", "value = 1e308",
     "indicator[fixed_asset_investment].history[0].value: 1e+308 over 2020–2025 would pass any finite number when "
     "carried back"),
    ("value = 43.6", "value = 1e308",
     "indicator[industrial_fai].history[1].value: 1e+308 over 2020–2025 would pass any finite number when carried "
     "back"),
    ("value = 43.6", "value = -100.0",
     "indicator[industrial_fai].history[1].value: growth of -100.0% is impossible (must exceed −100%)"),
])
def test_a_history_statement_that_cannot_be_carried_back_is_refused_on_load(old, new, line, capsys, tmp_path,
                                                                            monkeypatch):
    status, err, new_files = _fyp(["audit", "--plan", "p.toml", "-o", "out.csv"], capsys, tmp_path, monkeypatch,
                                  {"p.toml": _plan_with(old, new)})
    assert (status, err, new_files) == (2, [f"error: p.toml: {line}"], [])


@pytest.mark.parametrize(("old", "new"), [("value = 1600.0", "value = 1e308"), ("value = 42.0", "value = 1e308")])
def test_a_huge_level_target_checks_without_numpy_warnings(old, new, tmp_path):
    # A level target's value was also raised to the years as if it were a growth rate: "overflow
    # encountered in power" (or "in multiply") was printed above every table.
    from sim import load_plan

    (tmp_path / "p.toml").write_text(_plan_with(old, new), encoding="utf-8")
    plan = load_plan(tmp_path / "p.toml")
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        check = check_targets(project(plan, "plan"))
    numbers = check.select_dtypes("number").to_numpy(dtype=float)
    assert not np.isinf(numbers).any()


def test_a_target_of_almost_zero_has_no_infinite_gap_per_cent(tmp_path):
    # gap / 1e-320 × 100 overflowed to inf in the check's gap_pct (a target of 0 already gave NaN).
    from sim import load_plan

    (tmp_path / "p.toml").write_text(_plan_with("value = 6.5", "value = 1e-320"), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        check = check_targets(project(load_plan(tmp_path / "p.toml"), "cautious"))
    row = check[(check.indicator == "gdp") & (check.check == "target")].iloc[0]
    assert np.isnan(row.gap_pct) and np.isfinite(row.gap)
