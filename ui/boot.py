"""First lines of every page script.

The pages are run by ``streamlit_app.py`` through ``st.navigation``. On a freshly started
server Streamlit still treats a folder named ``pages/`` as its older multipage mode for
the very first run, and may run a page file on its own, without the entry script (no
session set up, no sidebar). :func:`guard` notices that, switches the old mode off and
reruns, so the page is then shown through the entry script as usual.
"""

from __future__ import annotations

import streamlit as st


def guard() -> None:
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:  # pragma: no cover - a future Streamlit without the old mode
        return
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
