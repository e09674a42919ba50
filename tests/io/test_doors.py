"""The same validation at every door: files, text uploads, the Python API and the command line.

Each case asserts the one-line message (file or argument, field, reason), the error type or exit
status, and that nothing was written.
"""

from __future__ import annotations

import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sim import ScenarioError, load_scenario, project, scenario_from_text
from sim.cli.main import main
from sim.io.fields import MAX_DEPTH, parse_toml
from sim.io.scenario import toml_string


@given(st.text(max_size=200).filter(str.strip))
@settings(max_examples=300, deadline=None)
def test_any_text_round_trips_through_a_saved_scenario(text):
    base = load_scenario("plan")
    saved = base.with_changes(name="x", title_zh=text, title_en=text[::-1], rationale=text).to_toml()
    back = scenario_from_text(saved, "saved.toml", parents={"plan": base})
    assert (back.title_zh, back.title_en, back.rationale) == (text, text[::-1], text)


@pytest.mark.parametrize("title", ["", "   "])
def test_an_empty_title_is_refused_by_the_api_as_by_the_file(title):
    with pytest.raises(ScenarioError, match="<app>: scenario.title_zh: expected non-empty text"):
        load_scenario("plan").with_changes(title_zh=title)


@pytest.mark.parametrize("text", ["\x7f", "a\x00b", "tab\there", 'quote " and \\ slash', "换行\n第二行"])
def test_control_characters_are_escaped_not_written_raw(text):
    written = toml_string(text)
    assert "\x7f" not in written and "\x00" not in written
    assert tomllib.loads(f"v = {written}")["v"] == text


BAD_CHANGES = {
    "nan": ({"visitors": float("nan")}, "drivers.visitors", "not a finite number"),
    "inf": ({"visitors": float("inf")}, "drivers.visitors", "not a finite number"),
    "text": ({"visitors": "abc"}, "drivers.visitors", "not a number"),
    "text_in_list": ({"visitors": [1, 2, "x"]}, "drivers.visitors[2]", "expected a number"),
    "empty_list": ({"visitors": []}, "drivers.visitors", "empty list"),
    "bool": ({"visitors": True}, "drivers.visitors", "expected a number"),
    "bad_year": ({"visitors": {"next": 5.0}}, "drivers.visitors.next", "expected a year"),
}


@pytest.mark.parametrize("case", sorted(BAD_CHANGES))
def test_the_python_api_validates_like_the_file_loader(case):
    drivers, field, reason = BAD_CHANGES[case]
    with pytest.raises(ScenarioError) as err:
        load_scenario("plan").with_changes(drivers=drivers)
    assert err.value.message == f"<app>: {field}: {err.value.reason}"
    assert reason in err.value.reason


def test_api_actuals_are_checked_too():
    with pytest.raises(ScenarioError, match=r"actuals.visitors.2026: nan is not a finite number"):
        load_scenario("plan").with_changes(actuals={"visitors": {2026: float("nan")}})


def test_numpy_numbers_are_numbers():
    import numpy as np

    scn = load_scenario("plan").with_changes(drivers={"visitors": np.float32(8.0), "secondary_va": np.int64(9)})
    assert scn.drivers == {"visitors": 8.0, "secondary_va": 9.0}


def test_horizon_zero_is_refused_not_ignored(plan, tmp_path):
    path = tmp_path / "h.toml"
    path.write_text('[scenario]\nname = "h"\ntitle_zh = "h"\ntitle_en = "h"\nparent = "plan"\nhorizon = 0\n')
    with pytest.raises(ScenarioError, match=r"h\.toml: scenario\.horizon: 0 must be a year between 2030 and 2075"):
        project(plan, load_scenario(str(path)))


def test_a_parent_path_is_read_from_the_childs_folder(tmp_path, monkeypatch):
    sub = tmp_path / "mine"
    sub.mkdir()
    (sub / "base.toml").write_text('[scenario]\nname = "base"\ntitle_zh = "基"\ntitle_en = "Base"\n'
                                   '[drivers]\nvisitors = 7.0\n')
    (sub / "child.toml").write_text('[scenario]\nname = "child"\ntitle_zh = "子"\ntitle_en = "Child"\n'
                                    'parent = "base.toml"\n')
    monkeypatch.chdir(tmp_path)           # not the child's folder
    child = load_scenario(str(sub / "child.toml"))
    assert child.parent.name == "base" and child.parent.drivers == {"visitors": 7.0}


@pytest.mark.parametrize("parent", ["/etc/passwd", "../../../../etc/hostname", "/no/such/file.toml",
                                    "pyproject.toml", "scenarios/plan.toml"])
def test_an_upload_never_opens_a_path_and_cannot_probe_files(parent):
    text = f'[scenario]\nname = "u"\ntitle_zh = "u"\ntitle_en = "u"\nparent = "{parent}"\n'
    with pytest.raises(ScenarioError) as err:
        scenario_from_text(text, "upload.toml")
    assert err.value.field == "scenario.parent"
    # the same words whatever exists on the server
    assert err.value.reason == (f"parent '{parent}' is not a shipped scenario (ambitious, cautious, momentum, "
                                "plan, uncertain) or one uploaded in this session")


def test_an_upload_may_inherit_from_a_shipped_scenario_by_name_or_title_or_a_session_upload():
    text = '[scenario]\nname = "u"\ntitle_zh = "u"\ntitle_en = "u"\nparent = "{}"\n'
    assert scenario_from_text(text.format("cautious"), "u.toml").parent.name == "cautious"
    assert scenario_from_text(text.format("稳健情景"), "u.toml").parent.name == "cautious"
    mine = scenario_from_text(text.format("plan").replace('"u"', '"mine"', 1), "mine.toml")
    assert scenario_from_text(text.format("mine"), "u.toml", parents={"mine": mine}).parent is mine


def test_deep_nesting_is_one_line():
    text = "a = " + "[" * 3000 + "]" * 3000
    with pytest.raises(ScenarioError, match=f"upload: tables or arrays are nested more than {MAX_DEPTH} deep"):
        parse_toml(text, "upload", ScenarioError)


CLI_CASES = {
    "horizon_past": (["run", "plan", "--horizon", "1990"], "error: --horizon: 1990 must be a year between"),
    "horizon_far": (["check", "plan", "--horizon", "2300"], "error: --horizon: 2300 must be a year between"),
    "plan_device": (["check", "plan", "--plan", "/dev/zero"], "error: /dev/zero: file is over 1,000,000 bytes"),
    "actuals_device": (["required", "plan", "--actuals", "/dev/zero"], "error: /dev/zero: file is over"),
    "output_in_proc": (["run", "plan", "-o", "/proc/x.csv"], "error: /proc/x.csv: output: cannot write"),
    "scale_inf": (["mc", "plan", "--scale", "inf", "--draws", "10"], "argument --scale: 'inf' is not a finite"),
    "scale_huge": (["mc", "plan", "--scale", "1e308", "--draws", "10"], "argument --scale: 1e+308 is more than"),
}


@pytest.mark.parametrize("case", sorted(CLI_CASES))
def test_command_line_names_the_argument_typed(case, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    argv, start = CLI_CASES[case]
    try:
        status = main(argv)
    except SystemExit as exc:     # argparse's own refusal of a bad argument value
        status = exc.code
    err = capsys.readouterr().err.strip().splitlines()
    assert status == 2
    assert start in err[-1], err
    assert "Traceback" not in "\n".join(err)
    assert list(tmp_path.iterdir()) == []


def test_midterm_refuses_a_review_year_outside_the_plan(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.csv").write_text("indicator,year,value\nvisitors,2026,2400\n")
    assert main(["midterm", "plan", "--actuals", "a.csv", "--as-of", "1990"]) == 2
    assert capsys.readouterr().err.strip() == "error: --as-of: 1990 is outside the plan period 2026–2030"


def test_an_overlong_csv_field_is_one_line(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.csv").write_text("indicator,year,value\nvisitors,2026," + "9" * 200_000 + "\n")
    assert main(["required", "plan", "--actuals", "a.csv"]) == 2
    assert capsys.readouterr().err.startswith("error: a.csv: line 2: not readable as CSV")
