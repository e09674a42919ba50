"""Shared fixtures: the embedded plan, the source report, shipped scenarios, a tiny plan."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sim import load_plan
from sim.io.plan import parse_plan

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT.parent / "shared" / "seeds" / "ganzhou-2026-work-report.txt"
SCENARIOS = ROOT / "scenarios"


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory):
    """Font subsets and other caches go to a folder of this test session, not the user's home."""
    folder = tmp_path_factory.mktemp("cache")
    previous = os.environ.get("FYP_CACHE_DIR")
    os.environ["FYP_CACHE_DIR"] = str(folder)
    yield folder
    if previous is None:
        os.environ.pop("FYP_CACHE_DIR", None)
    else:
        os.environ["FYP_CACHE_DIR"] = previous


@pytest.fixture(scope="session")
def plan():
    """Ganzhou's embedded plan."""
    return load_plan()


@pytest.fixture(scope="session")
def report_text() -> str:
    """Full text of the work report every quote must come from."""
    if not REPORT.is_file():
        pytest.skip(f"source report not found at {REPORT} (the shared/ folder is absent on this machine)")
    return REPORT.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def shipped_scenarios() -> list[Path]:
    return sorted(SCENARIOS.glob("*.toml"))


def tiny_plan_dict(**overrides) -> dict:
    """A minimal valid plan as a dict: one indicator of each dynamic plus a derived sum.

    Known answers: ``a`` (compound, 100 at 10%/yr), ``b`` (additive, 50 + 5/yr),
    ``c`` (points, 40% + 2 pp/yr), ``f`` (flow, 10/yr, cumulative target 60),
    ``s`` = a + b.
    """
    def num(value, basis="reported"):
        out = {"value": value, "basis": basis}
        if basis == "reported":
            out["quote"] = "test"
        elif basis == "assumed":
            out["reason"] = "test placeholder"
        return out

    data = {
        "schema_version": 1,
        "plan": {"id": "tiny", "district_zh": "测试区", "district_en": "Test", "title_zh": "测试",
                 "title_en": "Test", "base_year": 2025, "target_year": 2030, "horizon": 2030},
        "indicator": [
            {"id": "a", "name_zh": "甲", "name_en": "A", "unit": "亿元", "area": "economy",
             "dynamic": "compound", "baseline": num(100.0), "trend": num(10.0),
             "target": [{"year": 2030, "kind": "growth", "direction": "at_least", **num(8.0)}]},
            {"id": "b", "name_zh": "乙", "name_en": "B", "unit": "亿元", "area": "energy",
             "dynamic": "additive", "baseline": num(50.0, "assumed"),
             "target": [{"year": 2030, "kind": "level", "direction": "at_least", **num(100.0)}]},
            {"id": "c", "name_zh": "丙", "name_en": "C", "unit": "%", "area": "ecology",
             "dynamic": "points", "baseline": num(40.0),
             "target": [{"year": 2030, "kind": "level", "direction": "at_least", **num(50.0)}]},
            {"id": "f", "name_zh": "丁", "name_en": "F", "unit": "人", "area": "livelihood",
             "dynamic": "flow", "baseline": num(10.0),
             "target": [{"year": 2030, "kind": "cumulative", "direction": "at_least", **num(60.0)}],
             "milestone": [{"year": 2026, "kind": "level", "direction": "at_least", **num(12.0)}]},
            {"id": "s", "name_zh": "和", "name_en": "Sum", "unit": "亿元", "area": "economy",
             "dynamic": "derived", "op": "sum", "inputs": ["a", "b"]},
        ],
    }
    data.update(overrides)
    return data


@pytest.fixture
def tiny_plan():
    return parse_plan(tiny_plan_dict(), "tiny.toml")
