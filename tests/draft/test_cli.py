"""``fyp draft``: files written only when everything is good; one line and exit 2 otherwise."""

from __future__ import annotations

import pandas as pd
import pytest

from sim import load_plan
from sim.cli.main import main
from sim.draft.source import MAX_REPORT_BYTES

from .helpers import FIXTURES, REPORT

HAND_MADE = FIXTURES.parents[2] / "sim" / "data" / "ganzhou.toml"


def test_draft_writes_plan_and_review(tmp_path, capsys):
    out, review = tmp_path / "qingshan.toml", tmp_path / "review.csv"
    code = main(["draft", str(FIXTURES / "qingshan-2026.txt"), "-o", str(out), "--review", str(review)])
    assert code == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"wrote {out}: 青山县, ")
    assert lines[1] == f"wrote {review}: 41 numbers read, 36 used, 5 dropped with the reason"
    plan = load_plan(out)
    assert plan.by_id["gdp"].baseline.value == 1020.0
    assert review.read_bytes().startswith(b"\xef\xbb\xbf")
    assert len(pd.read_csv(review, encoding="utf-8-sig")) == 41
    assert sorted(p.name for p in tmp_path.iterdir()) == ["qingshan.toml", "review.csv"]


def test_district_option_names_the_plan(tmp_path):
    out = tmp_path / "d.toml"
    assert main(["draft", str(FIXTURES / "baiyang-2026-gb18030.txt"), "-o", str(out), "--district", "杨树区"]) == 0
    assert load_plan(out).district_zh == "杨树区"


def test_compare_prints_the_scores(tmp_path, capsys):
    if not REPORT.is_file():
        pytest.skip("the shared work report is absent on this machine")
    assert main(["draft", str(REPORT), "-o", str(tmp_path / "g.toml"), "--compare", str(HAND_MADE)]) == 0
    text = capsys.readouterr().out
    assert "targets        27            27       27    1.00       1.00" in text
    assert "baselines      14            14       14    1.00       1.00" in text


@pytest.mark.parametrize(("content", "reason"), [
    (None, "no such file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file (it contains NUL bytes)"),
    (b"\xff\xfe\xff\xfe\x81", "cannot decode the file as UTF-8 or GB18030 text"),
    (b"a" * (MAX_REPORT_BYTES + 1), f"file is over {MAX_REPORT_BYTES:,} bytes; the limit is {MAX_REPORT_BYTES:,}"),
])
def test_bad_report_one_line_exit_2_nothing_written(tmp_path, capsys, content, reason):
    report = tmp_path / "report.txt"
    if content is not None:
        report.write_bytes(content)
    out = tmp_path / "out" / "draft.toml"
    out.parent.mkdir()
    (out.parent / "review.csv").write_text("old", encoding="utf-8")
    code = main(["draft", str(report), "-o", str(out), "--review", str(out.parent / "review.csv")])
    err = capsys.readouterr().err
    assert code == 2
    assert err == f"error: {report}: {reason}\n"
    assert sorted(p.name for p in out.parent.iterdir()) == ["review.csv"]
    assert (out.parent / "review.csv").read_text(encoding="utf-8") == "old"


@pytest.mark.parametrize(("output", "reason"), [
    ("draft.csv", "output: must end in .toml"),
    ("missing/draft.toml", "output: folder '{tmp}/missing' does not exist"),
])
def test_bad_output_path(tmp_path, capsys, output, reason):
    code = main(["draft", str(FIXTURES / "qingshan-2026.txt"), "-o", str(tmp_path / output)])
    assert code == 2
    assert capsys.readouterr().err == f"error: {tmp_path / output}: {reason.format(tmp=tmp_path)}\n"
    assert list(tmp_path.iterdir()) == []


def test_report_with_nothing_to_draft(tmp_path, capsys):
    report = tmp_path / "notes.txt"
    report.write_text("会议纪要:大家一致同意加快发展。\n", encoding="utf-8")
    assert main(["draft", str(report), "-o", str(tmp_path / "d.toml")]) == 2
    assert capsys.readouterr().err == (f"error: {report}: no indicator with a 2025 level, a 2030 target or a "
                                       "2026 milestone was found in the report\n")
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]
