"""Shared helpers and fixtures of the app's tests.

Two ways to run a page with Streamlit's AppTest:

* :func:`start` runs the whole app from ``streamlit_app.py`` (as ``streamlit run`` does);
  :func:`go` then switches to a page. Use it for anything that crosses pages, the sidebar or
  the URL. The :func:`app` fixture is a fresh app whose saving goes to a temporary folder.
* :func:`page` runs one page script on its own (faster), with the language and an optional
  scenario put in the session first.

A page that failed shows the app's plain error sentence, so :func:`assert_clean` looks at the
error elements as well as at uncaught exceptions. Where a new test goes: one module per page
(``test_<page>_page.py``), ``test_pages.py`` for the whole app, and one module per pure ui
module (``test_url.py``, ``test_display.py`` …).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from sim import check_targets, load_scenario, project
from ui import model as m

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "streamlit_app.py"
#: Shipped scenario names (the ``names`` argument of ui.url and ui.files).
NAMES = ["plan", "momentum", "cautious", "ambitious"]
CJK = re.compile(r"[\u3400-\u9fff]")
#: Every page of the app and its title (Chinese, English).
PAGES = {
    "pages/board.py": ("目标总览", "Target board"),
    "pages/assumptions.py": ("情景设置", "Assumptions"),
    "pages/indicator.py": ("指标详情", "Indicator detail"),
    "pages/compare.py": ("情景对比", "Compare scenarios"),
    "pages/uncertainty.py": ("不确定性:目标有多大把握", "Uncertainty: how likely is each target"),
    "pages/review.py": ("回顾与评估", "Record and review"),
    "pages/audit.py": ("规划数据核查", "Plan audit"),
    "pages/draft.py": ("导入工作报告", "Import a work report"),
    "pages/export.py": ("导出", "Export"),
}


def start(query: dict | None = None) -> AppTest:
    """The whole app, opened (optionally) from a link with ``query`` parameters."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    if query:
        at.query_params.update(query)
    return at.run()


def go(at: AppTest, page_: str, section: str | None = None) -> AppTest:
    """Switch the running app to ``page_`` (``"pages/board.py"``); on the assumptions page,
    ``section`` picks what is shown under the sliders (``"actuals"``, ``"file"``, ``"links"``)."""
    at.switch_page(page_).run()
    if section is not None:
        lang = at.session_state.get("lang", "zh")
        at.segmented_control(key=f"asm_section.{lang}").set_value(section).run()
    return at


def page(name: str, lang: str = "zh", scenario=None) -> AppTest:
    """One page script (``"review.py"``) run on its own; ``scenario`` is put in the session
    as the scenario the analysis pages read."""
    at = AppTest.from_file(str(ROOT / "pages" / name), default_timeout=60)
    at.session_state["lang"] = lang
    if scenario is not None:
        at.session_state["scenario"] = scenario
    return at.run()


def assert_clean(at: AppTest) -> None:
    """No uncaught exception and no error sentence on the page."""
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def widget(group, base: str):
    """A scenario widget by its base name (its key gains a revision after each model change, and
    the language for pickers whose labels follow it)."""
    return next(w for w in group if str(w.key).split(".")[0].split("__")[0] == base)


def tables(at: AppTest) -> list[pd.DataFrame]:
    """The status tables on the page (drawn by :func:`ui.tables.show` as HTML), in order, as text."""
    from ui.tables import read

    return [read(h.proto.body) for h in at.get("html") if "<table" in h.proto.body]


def board_row(at: AppTest, name: str) -> pd.Series:
    """The board table's row of the indicator whose name starts with ``name``."""
    table = tables(at)[0]
    column = "指标" if "指标" in table.columns else "Indicator"
    return table[table[column].str.startswith(name)].iloc[0]


def figures(at: AppTest) -> list[dict]:
    """Every Plotly figure on the page, as its JSON spec."""
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def download(at: AppTest, seen: dict, key: str) -> tuple[bytes, str]:
    """The bytes and file name behind the download button ``key`` (``seen``: :func:`downloads`)."""
    url = at.get("download_button")[[b.key for b in at.get("download_button")].index(key)].proto.url
    file_id = url.rsplit("/", 1)[-1].split(".")[0]
    return seen[file_id]


@pytest.fixture
def app(monkeypatch, tmp_path):
    """A fresh app whose saving goes to a temporary folder."""
    monkeypatch.setenv("FYP_APP_SAVE", "1")
    monkeypatch.setenv("FYP_SCENARIOS", str(tmp_path))
    return start()


@pytest.fixture
def downloads(monkeypatch):
    """Bytes handed to Streamlit's media storage, by file id."""
    seen: dict[str, tuple[bytes, str | None]] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def record(self, path_or_data, mimetype, kind, filename=None):
        file_id = original(self, path_or_data, mimetype, kind, filename)
        seen[file_id] = (path_or_data, filename)
        return file_id

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", record)
    return seen


@pytest.fixture(scope="module")
def base_paths(plan):
    """Driver paths (D, Y) of the shipped plan scenario."""
    return m.paths_of(plan, load_scenario("plan"))


@pytest.fixture(scope="module")
def cautious_check(plan):
    """The cautious and plan scenarios projected and checked: (projection, check table)."""
    proj = project(plan, [load_scenario("cautious"), load_scenario("plan")])
    return proj, check_targets(proj)
