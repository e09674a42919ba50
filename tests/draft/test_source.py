"""Bad input gives one line naming the file and the reason; GB18030 reports are read."""

from __future__ import annotations

import pytest

from sim import InputError, load_plan
from sim.draft import draft_from_path
from sim.draft.source import MAX_REPORT_BYTES, read_report

from .helpers import FIXTURES


def test_gb18030_report_is_read_and_drafted(tmp_path):
    text, encoding = read_report(FIXTURES / "baiyang-2026-gb18030.txt")
    assert encoding == "gb18030" and "白杨区" in text
    draft = draft_from_path(FIXTURES / "baiyang-2026-gb18030.txt")
    assert draft.plan["plan"]["district_zh"] == "白杨区"
    path = tmp_path / "baiyang.toml"
    path.write_text(draft.toml(), encoding="utf-8")
    plan = load_plan(path)
    assert plan.by_id["gdp"].baseline.value == 1000.0
    assert plan.by_id["visitors"].baseline.value == 3.5 and plan.by_id["visitors"].unit == "万人次"
    assert plan.by_id["good_air_days"].targets[0].direction == "hold"
    assert plan.by_id["tourism_spending"].milestones[0].value == 4.8


def test_utf8_with_bom(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeff政府工作报告".encode())
    assert read_report(path) == ("政府工作报告", "utf-8")


@pytest.mark.parametrize(("content", "reason"), [
    (None, "no such file"),
    (b"", "file is empty"),
    (b"PK\x03\x04\x00\x00binary", "not a text file (it contains NUL bytes)"),
    (b"abc\xff\xfe\xff", "cannot decode the file as UTF-8 or GB18030 text"),
    ("报告\x01\x02\x03\x04".encode(), "not a text file (too many control characters)"),
])
def test_bad_input_names_the_file_and_the_reason(tmp_path, content, reason):
    path = tmp_path / "report.txt"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError) as err:
        read_report(path)
    assert str(err.value) == f"{path}: {reason}"


def test_oversized_file_is_refused(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * (MAX_REPORT_BYTES + 1))
    with pytest.raises(InputError, match=f"big.txt: file is over {MAX_REPORT_BYTES:,} bytes; the limit is"):
        read_report(path)


def test_a_folder_is_not_a_report(tmp_path):
    with pytest.raises(InputError, match="not a regular file"):
        read_report(tmp_path)
