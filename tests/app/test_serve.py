"""``python -m ui.serve`` (``make app``) does the first visitor's work before the server listens:
after :func:`ui.serve.warm`, the shipped scenarios' projections and the link graph are in the
process-wide caches, and Streamlit's old ``pages/`` mode is off."""

from __future__ import annotations

import sys

from streamlit.runtime.pages_manager import PagesManager

from ui import serve, state


def test_warming_fills_the_caches_the_first_page_reads(monkeypatch):
    from streamlit import delta_generator

    monkeypatch.setattr(PagesManager, "uses_pages_directory", None)
    monkeypatch.setattr(delta_generator, "_use_warning_has_been_displayed", False)
    seconds = serve.warm()
    assert seconds > 0
    assert PagesManager.uses_pages_directory is False
    assert delta_generator._use_warning_has_been_displayed   # the first element's stack inspection is done
    assert {"plan", "momentum", "cautious", "ambitious"} <= set(state.available())
    for name, scn in state.available().items():
        result = state.compute([scn])
        assert result.check["scenario"].iloc[0] == scn.name, name
    assert "plotly.graph_objects" in sys.modules


def test_the_board_needs_neither_the_drafter_nor_scipy():
    """(plotly is not in the list: ``import streamlit`` itself imports it.)"""
    import subprocess

    code = ("import sys, streamlit\n"
            "from ui import boot, display, layout, links, probability, state\n"
            "print(sorted(m for m in ('scipy', 'sim.draft', 'cn2an', 'docx') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=serve.ROOT, env={"PYTHONPATH": str(serve.ROOT), "PATH": "/usr/bin:/bin"})
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_settling_hides_the_warmed_objects_from_the_collector():
    """After :func:`ui.serve.settle` a full collection scans only what is made later: the plan
    loaded before it is frozen, and a cycle made after it is still collected."""
    import gc

    from ui import plans

    plan = plans.app_plan()   # loaded before: frozen, so no collection looks at it again
    try:
        frozen = serve.settle()
        assert frozen == gc.get_freeze_count() > 10_000
        assert gc.is_tracked(plan.indicators) and id(plan.indicators) not in {id(o) for o in gc.get_objects()}
        cycle = []
        cycle.append(cycle)
        ref = id(cycle)
        del cycle
        assert gc.collect(2) >= 1 and ref not in map(id, gc.get_objects())
    finally:
        gc.unfreeze()
