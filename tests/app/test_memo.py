"""The memos of ui.memo: a scenario's text is remembered by object and equals the text written
afresh; a folder's stamp moves when a file is added; outside a script run there is no run."""

from __future__ import annotations

from sim import load_scenario
from ui import memo


def _written(scn) -> str:
    return "\x1f".join(node.to_toml() + repr(sorted(node.uncertainty.items()))
                       + repr(sorted(node.correlation.items())) for node in scn.chain)


def test_a_scenario_text_is_the_text_written_afresh_and_is_remembered():
    scn = load_scenario("cautious").with_changes(drivers={"visitors": 8.0})
    first = memo.scenario_text(scn)
    assert first == _written(scn)
    assert memo.scenario_text(scn) is first                      # the same object: remembered
    twin = load_scenario("cautious").with_changes(drivers={"visitors": 8.0})
    assert memo.scenario_text(twin) == first                     # the same content: the same key
    other = load_scenario("cautious").with_changes(drivers={"visitors": 9.0})
    assert memo.scenario_text(other) != first


def test_a_folder_stamp_moves_when_a_file_is_added(tmp_path):
    before = memo.stamps([tmp_path, tmp_path / "missing"])
    assert before[1] == -1
    (tmp_path / "new.toml").write_text("x")
    after = memo.stamps([tmp_path, tmp_path / "missing"])
    assert after[0] != before[0] and after[1] == -1


def test_outside_a_script_run_there_is_no_run():
    assert memo.this_run() is None


def test_check_rows_are_cut_once_per_table_and_match_the_filter(cautious_check):
    from ui import memo

    _, check = cautious_check
    rows = memo.check_rows(check, "cautious", "milestone")
    assert memo.check_rows(check, "cautious", "milestone") is rows            # the same cut, not a new one
    expected = check[(check["scenario"] == "cautious") & (check["check"] == "milestone")]
    assert rows.equals(expected) and len(rows) > 0
    other = check.copy()                                                     # another table: its own cut
    assert memo.check_rows(other, "cautious", "milestone") is not rows
