"""Start the app with its first page already paid for: ``python -m ui.serve [streamlit options]``.

``streamlit run`` imports the app's modules and loads the plan only when the first visitor
arrives, so the first board waits for them. This launcher does that work in a background
thread while the server starts: it imports the engine and the first page's modules, loads the
plan and projects the shipped scenarios into the same process-wide caches
(``st.cache_resource`` in :mod:`ui.state`) that the pages read. ``make app`` uses it.
"""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
log = logging.getLogger("fyp.app")


def warm() -> None:
    """Import what the board needs, load the plan and project every shipped scenario."""
    try:
        from ui import display, layout, probability, state  # noqa: F401 - imported to be ready

        state.warm()
    except Exception:  # noqa: BLE001 - warming is an optimisation; the pages still work without it
        log.exception("warming the caches failed")


def main(argv: list[str] | None = None) -> int:
    from streamlit.web import cli

    threading.Thread(target=warm, name="fyp-warm", daemon=True).start()
    sys.argv = ["streamlit", "run", str(ROOT / "streamlit_app.py"), *(sys.argv[1:] if argv is None else argv)]
    return cli.main()


if __name__ == "__main__":
    raise SystemExit(main())
