"""Start the app with its first page already paid for: ``python -m ui.serve [streamlit options]``.

``streamlit run`` imports the app's modules, loads the plan and projects the scenarios only when
the first visitor arrives, so the first board waits for all of it (several seconds on a
two-core machine). This launcher does that work in the server's own process before the server
starts listening, so that the first board costs what any later one does: it imports the
modules the board and the assumptions page use (with plotly), loads the plan, projects the
shipped scenarios into the process-wide caches the pages read (``st.cache_resource`` in
:mod:`ui.state`), builds the link graph, and then moves all of it out of the garbage
collector's sight (:func:`settle`). Modules only other pages need (the Monte Carlo's scipy, the
Word report, the report drafter) stay unloaded until their page is opened. ``make app`` uses
this launcher.
"""

from __future__ import annotations

import gc
import logging
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
log = logging.getLogger("fyp.app")


def _warm_imports() -> None:
    """Import what the board and the assumptions page import during their first run."""
    import plotly.graph_objects  # noqa: F401 - the assumptions page's link graph
    import streamlit.material_icon_names  # noqa: F401 - the page icons of st.navigation

    from ui import assumptions, boot, display, filebox, layout, links, probability, state  # noqa: F401


def _first_element_checked() -> None:
    """Streamlit checks once per process, when any session draws its first element, whether it runs
    in an interactive interpreter, by inspecting the whole call stack and its source files (about
    0.1 s of the first visitor's board). This launcher never is one: record the check as done."""
    from streamlit import delta_generator

    if hasattr(delta_generator, "_use_warning_has_been_displayed"):
        delta_generator._use_warning_has_been_displayed = True


def _pages_directory_off() -> None:
    """The app lists its pages with ``st.navigation``; without this, a fresh server first treats
    the ``pages/`` folder in Streamlit's older way and the first visit runs twice
    (see :mod:`ui.boot`)."""
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:  # pragma: no cover - a future Streamlit without the old mode
        return
    PagesManager.uses_pages_directory = False


def warm() -> float:
    """Do the first visitor's work now; returns the time it took [s]. A failure is logged,
    not raised: warming is an optimisation, and the pages still work without it."""
    from sim.io.errors import InputError

    started = time.perf_counter()
    try:
        _warm_imports()
        _pages_directory_off()
        _first_element_checked()
        from ui import analyses, links, state

        state.warm()
        plan = state.get_plan()
        for lg in ("zh", "en"):
            analyses.plan_figure("links", lg, lambda lg=lg: links.link_figure(plan, lg))
    except InputError as exc:  # a bad --plan file: the page says so in one line; so does the log
        log.warning("not warmed: %s", exc.message)
    except Exception:  # noqa: BLE001 - see the docstring
        log.exception("warming the caches failed")
    return time.perf_counter() - started


def settle() -> int:
    """Move everything alive now (modules, the plan, the warmed caches) out of the garbage
    collector's sight; returns how many objects were frozen. Streamlit collects all garbage after
    every script run (``gc.collect(2)``), which scanned all of them each time: about 0.1 s of a
    slider move's server time on this machine, holding the interpreter while the move's page is sent."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()


def main(argv: list[str] | None = None) -> int:
    from streamlit.web import cli

    log.info("warmed the app's caches in %.1f s", warm())
    from streamlit.web import bootstrap  # noqa: F401 - the server's own modules, frozen with the rest

    settle()
    sys.argv = ["streamlit", "run", str(ROOT / "streamlit_app.py"), *(sys.argv[1:] if argv is None else argv)]
    return cli.main()


if __name__ == "__main__":
    raise SystemExit(main())
