"""The planners' app: `streamlit run streamlit_app.py` (or `make app`); on another district's
plan file: `streamlit run streamlit_app.py -- --plan FILE` (or `FYP_PLAN=FILE make app`).

This script only sets up the session, the sidebar and the page list; each page is a
short script in pages/. Errors never reach the page as a traceback: they are logged on
the server and shown as one plain sentence.
"""

from __future__ import annotations

import logging

import streamlit as st

from sim.io.errors import InputError
from ui import layout, state
from ui.fmt import input_error
from ui.i18n import t

log = logging.getLogger("fyp.app")

try:
    state.init_session()
except InputError as exc:  # a bad --plan / $FYP_PLAN file: one line naming it, and no page
    log.warning("plan file problem: %s", exc.message)
    st.error(t("plan.bad_file", msg=exc.message))
    st.stop()
st.set_page_config(page_title=t("app.title"), page_icon=layout.FAVICON, layout="wide")

pages = [
    st.Page("pages/board.py", title=t("nav.board"), icon=":material/flag:", url_path="board", default=True),
    st.Page("pages/assumptions.py", title=t("nav.assumptions"), icon=":material/tune:", url_path="assumptions"),
    st.Page("pages/indicator.py", title=t("nav.indicator"), icon=":material/show_chart:", url_path="indicator"),
    st.Page("pages/compare.py", title=t("nav.compare"), icon=":material/compare_arrows:", url_path="compare"),
    st.Page("pages/uncertainty.py", title=t("nav.uncertainty"), icon=":material/stacked_line_chart:",
            url_path="uncertainty"),
    st.Page("pages/review.py", title=t("nav.review"), icon=":material/history:", url_path="review"),
    st.Page("pages/audit.py", title=t("nav.audit"), icon=":material/fact_check:", url_path="audit"),
    st.Page("pages/draft.py", title=t("nav.draft"), icon=":material/upload_file:", url_path="draft"),
    st.Page("pages/export.py", title=t("nav.export"), icon=":material/download:", url_path="export"),
]

page = st.navigation(pages)
try:
    state.sync_url()
    layout.page_style()
    layout.sidebar()
    layout.notices()
    page.run()
except InputError as exc:
    log.warning("input problem: %s", exc.message)
    st.error(t("error.input", msg=input_error(exc)))
except Exception as exc:  # noqa: BLE001 - the last line of defence: a sentence, never a traceback
    log.exception("page failed")
    st.error(t("error.unexpected", msg=type(exc).__name__))
