"""The plan file and the review table as written: loadable, verbatim, atomic."""

from __future__ import annotations

import tomllib

import pandas as pd
import pytest

from sim import load_plan
from sim.draft import draft_from_path, draft_from_text
from sim.draft.review import REVIEW_COLUMNS, review_bytes, review_csv
from sim.draft.tomlout import plan_toml

from .helpers import FIXTURES, report


@pytest.fixture(scope="module")
def qingshan():
    return draft_from_path(FIXTURES / "qingshan-2026.txt")


def test_fixture_draft_loads_and_runs(qingshan, tmp_path):
    path = tmp_path / "qingshan.toml"
    path.write_text(qingshan.toml(), encoding="utf-8")
    plan = load_plan(path)
    ind = plan.by_id
    assert plan.district_zh == "青山县"
    assert ind["gdp"].baseline.value == 1020.0
    assert [(t.kind, t.value) for t in ind["gdp"].targets] == [("growth", 5.5), ("level", 1300.0)]
    assert ind["energy_intensity"].targets[0].value == pytest.approx(((1 - 0.135) ** 0.2 - 1) * 100, abs=0.01)
    assert ind["energy_intensity"].targets[0].direction == "at_most"
    assert ind["energy_intensity"].trend.value == -3.1
    assert ind["grain_output"].targets[0].direction == "hold" and ind["grain_output"].baseline.value == 60.0
    assert ind["urban_income"].baseline.value == 42000.0 and ind["rural_income"].baseline.value == 19800.0
    assert ind["retail_sales"].milestones[0].value == 5.0
    assert ind["pm25"].milestones[0].direction == "at_most"


def test_toml_strings_round_trip():
    plan = {"plan": {"id": "x", "title_zh": 'a "quoted" \\ back\tslash'}, "check": {}, "indicator": []}
    parsed = tomllib.loads(plan_toml(plan, "r.txt"))
    assert parsed["plan"]["title_zh"] == 'a "quoted" \\ back\tslash'


def test_review_table_has_every_candidate_with_bom(qingshan, tmp_path):
    path = tmp_path / "review.csv"
    path.write_bytes(review_bytes(qingshan.candidates))
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(path, encoding="utf-8-sig")
    assert tuple(frame.columns) == REVIEW_COLUMNS
    assert len(frame) == len(qingshan.candidates) == 41
    assert set(frame["status"]) == {"used", "dropped"}
    assert frame.loc[frame["status"] == "dropped", "reason"].notna().all()
    assert frame["quote"].map(lambda q: q in qingshan.text).all()


def test_review_cells_never_become_formulas():
    draft = draft_from_text(report(past="-地区生产总值达到100亿元。"))
    assert ",'-地区生产总值达到100亿元\n" in review_csv(draft.candidates)
