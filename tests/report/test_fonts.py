"""The CJK font subset cache: reused between runs, safe when two processes write it at once."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from sim.io.errors import ExportError
from sim.report.brief import fonts

TEXT = "甘州区十五五规划主要目标"


@pytest.fixture
def face():
    try:
        return fonts.find_cjk_fonts()[0]
    except ExportError as exc:
        if os.environ.get("FYP_REQUIRE_BROWSER") == "1":
            pytest.fail(str(exc))
        pytest.skip(f"no Chinese font installed: {exc}")


def test_a_subset_made_once_is_reused(face, monkeypatch):
    path, family = fonts.truetype_subset(face, TEXT)
    built = []
    monkeypatch.setattr(fonts, "_build", lambda *a: built.append(a))
    assert fonts.truetype_subset(face, TEXT) == (path, family)
    assert built == []
    # other text is another glyph set, so another key and another file
    other, _ = fonts.truetype_subset(face, TEXT + "张掖")
    assert other != path and len(built) == 1


SCRIPT = """
import sys
from sim.report.brief import fonts
face = fonts.find_cjk_fonts()[0]
print(fonts.truetype_subset(face, sys.argv[1])[0])
"""


def test_two_processes_writing_the_same_subset_both_end_with_a_whole_font(face, tmp_path):
    from fontTools.ttLib import TTFont

    env = {**os.environ, "FYP_CACHE_DIR": str(tmp_path)}
    procs = [subprocess.Popen([sys.executable, "-c", SCRIPT, TEXT], env=env, stdout=subprocess.PIPE, text=True)
             for _ in range(2)]
    paths = {p.communicate(timeout=120)[0].strip() for p in procs}
    assert [p.returncode for p in procs] == [0, 0]
    assert len(paths) == 1
    (path,) = paths
    assert path.startswith(str(tmp_path / "fonts"))
    cmap = TTFont(path).getBestCmap()
    assert all(ord(ch) in cmap for ch in TEXT)
    assert not [p.name for p in (tmp_path / "fonts").iterdir() if p.name.endswith(".part")]
