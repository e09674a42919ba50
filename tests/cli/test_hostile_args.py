"""Command-line arguments a careless script passes: empty text where a file or scenario is named,
and numbers with a decimal comma. Each is refused by argparse with status 2 and one error line
naming the argument, and nothing is written."""

from __future__ import annotations

import pytest

from sim.cli.main import main


def _refused(argv, capsys, tmp_path, monkeypatch) -> tuple[int, list[str]]:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exc:
        main(argv)
    err = [line for line in capsys.readouterr().err.splitlines() if line.startswith("fyp")]
    assert list(tmp_path.iterdir()) == []
    return exc.value.code, err


EMPTY = {
    # `--actuals "$FILE"` with FILE unset ran as if no actuals were given, without a word.
    "actuals": (["check", "plan", "--actuals", "", "-o", "out.csv"], "fyp check: error: argument --actuals"),
    "actuals_blank": (["mc", "plan", "--actuals", "  ", "--draws", "10", "-o", "out.csv"],
                      "fyp mc: error: argument --actuals"),
    # an empty --target ran the tornado of every target; an empty --date printed today's date.
    "target": (["sensitivity", "plan", "--target", "", "-o", "out.csv"], "fyp sensitivity: error: argument --target"),
    "date": (["report", "plan", "--date", "", "-o", "b.html"], "fyp report: error: argument --date"),
    # an empty -o printed to the terminal instead of writing the file asked for.
    "output": (["check", "plan", "-o", ""], "fyp check: error: argument -o/--output"),
    # --plan '' read the current folder ("cannot read file (Is a directory)").
    "plan": (["audit", "--plan", "", "-o", "out.csv"], "fyp audit: error: argument --plan"),
    # an empty scenario said "error: : unknown scenario".
    "scenario": (["check", "", "-o", "out.csv"], "fyp check: error: argument SCENARIO"),
    "draft_review": (["draft", "r.txt", "-o", "x.toml", "--review", ""], "fyp draft: error: argument --review"),
}


@pytest.mark.parametrize("case", sorted(EMPTY))
def test_an_empty_argument_is_refused_not_taken_for_the_option_left_out(case, capsys, tmp_path, monkeypatch):
    argv, start = EMPTY[case]
    code, err = _refused(argv, capsys, tmp_path, monkeypatch)
    assert code == 2 and err == [f"{start}: must not be empty"]


@pytest.mark.parametrize(("option", "text"), [("--draws", "6,5"), ("--seed", "6,5"), ("--draws", "1_0"),
                                              ("--chunk", "4,09,6"), ("--keep", "12,34")])
def test_a_comma_that_does_not_group_thousands_is_no_whole_number(option, text, capsys, tmp_path, monkeypatch):
    # "6,5" was read as 65 draws (every comma dropped), not refused.
    code, err = _refused(["mc", "plan", option, text, "-o", "out.csv"], capsys, tmp_path, monkeypatch)
    assert code == 2 and err == [f"fyp mc: error: argument {option}: '{text}' is not a whole number"]


@pytest.mark.parametrize(("text", "value"), [("1,000", 1000), ("12_288", 12288), (" 2000 ", 2000), ("4096", 4096)])
def test_digits_grouped_by_thousands_still_read(text, value):
    from sim.cli.uncertainty import _count

    assert _count(text) == value


@pytest.mark.parametrize(("argv", "line"), [
    # a billion draws ran for minutes before "unknown file type" was found; now it is the first thing checked
    (["mc", "plan", "--draws", "1000000000", "-o", "out.txt"],
     "error: out.txt: output: unknown file type '.txt'; use .csv or .xlsx"),
    (["sensitivity", "plan", "-o", "no/such/t.csv"], "error: no/such/t.csv: output: folder 'no/such' does not exist"),
    (["report", "plan", "-o", "brief.csv"], "error: brief.csv: output: unknown file type '.csv'; use .pdf or .html or .htm "
                                            "or .docx"),
])
def test_an_output_is_refused_before_the_work(argv, line, capsys, tmp_path, monkeypatch):

    from sim.uncertainty import montecarlo

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(montecarlo, "simulate", lambda *a, **k: pytest.fail("ran before checking -o"))
    assert main(argv) == 2
    assert capsys.readouterr().err.strip().splitlines() == [line]
    assert list(tmp_path.iterdir()) == []
