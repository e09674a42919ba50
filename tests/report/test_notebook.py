"""The analyst walkthrough runs from top to bottom (as CI does on every run)."""

from __future__ import annotations

from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "walkthrough.ipynb"


def test_walkthrough_executes_top_to_bottom(tmp_path, monkeypatch):
    nbformat = pytest.importorskip("nbformat", reason="nbformat is not installed (pip install -e '.[dev]')")
    nbclient = pytest.importorskip("nbclient", reason="nbclient is not installed (pip install -e '.[dev]')")
    pytest.importorskip("ipykernel", reason="ipykernel is not installed, so no Python kernel can run the notebook")
    out = tmp_path / "out"
    monkeypatch.setenv("FYP_NOTEBOOK_OUT", str(out))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert not any(c.get("outputs") for c in nb.cells if c.cell_type == "code"), "commit the notebook without outputs"
    client = nbclient.NotebookClient(nb, timeout=120, kernel_name="python3",
                                     resources={"metadata": {"path": str(tmp_path)}})
    client.execute()          # raises CellExecutionError, naming the cell, if any cell fails
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count for c in code)
    errors = [o for c in code for o in c.outputs if o.output_type == "error"]
    assert errors == []
    text = "".join(o.get("text", "") for c in code for o in c.outputs if o.output_type == "stream")
    assert "all 2025 levels reproduced: True" in text
    written = {p.name for p in out.iterdir()}
    assert {"projections.xlsx", "audit.csv", "midterm.csv", "brief.html"} <= written
    markdown = " ".join(c.source for c in nb.cells if c.cell_type == "markdown")
    for words in ("规划数据核查", "时间过半、任务过半", "“十四五”时期主要成就", "Monte Carlo"):
        assert words in markdown
