"""The app's status tables (board, milestones, comparison, one indicator's checks) drawn as one HTML table each.

``st.table`` draws every cell as its own Markdown element in the browser: the board's two
tables were about 500 of them, the largest part of the browser's work on the first page. These
tables hold plain text (formatted by :mod:`ui.display`) and a background per cell, so one HTML
table from pandas' Styler shows the same thing as a single element. Text is escaped, so a name
from a user's plan file can never become markup; the status word is bold unless met, as before.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

#: The look of Streamlit's horizontal-border table, for every table drawn here.
CSS = """
.fyp-table { overflow-x: auto; margin-bottom: 1rem; }
.fyp-table table { border-collapse: collapse; width: 100%; font-size: 0.875rem; line-height: 1.5; }
.fyp-table th { font-weight: 600; color: rgba(49, 51, 63, 0.6); text-align: left; vertical-align: bottom; }
.fyp-table th, .fyp-table td { padding: 0.25rem 0.375rem;
  border-bottom: 1px solid rgba(49, 51, 63, 0.1); }
.fyp-table td { vertical-align: top; }
"""


def html(styler: pd.io.formats.style.Styler, key: str, nowrap: tuple[int, ...] = ()) -> str:
    """The HTML of one table: ``styler``'s cells escaped, its element ids fixed by ``key`` (so an
    unchanged table is unchanged HTML), and the columns numbered in ``nowrap`` (1 = first) kept
    on one line."""
    rules = "".join(f".st-key-{key} td:nth-child({n}) {{ white-space: nowrap; }}" for n in nowrap)
    body = styler.format(escape="html").set_uuid(key).to_html()
    return f"<style>{CSS}{rules}</style><div class='fyp-table'>{body}</div>"


def show(styler: pd.io.formats.style.Styler, key: str, nowrap: tuple[int, ...] = ()) -> None:
    """Draw ``styler`` as one HTML table in a container keyed ``key`` (see :func:`html`)."""
    with st.container(key=key):
        st.html(html(styler, key, nowrap))


def read(body: str) -> pd.DataFrame:
    """The text of the first table in ``body`` (HTML drawn by :func:`show`) as a DataFrame of
    strings: headers as columns. For tests and anything else that reads a page back."""
    from html.parser import HTMLParser

    class Cells(HTMLParser):
        def __init__(self):
            super().__init__()
            self.rows: list[list[str]] = []
            self.cell: list[str] | None = None

        def handle_starttag(self, tag, attrs):
            if tag == "tr":
                self.rows.append([])
            elif tag in ("td", "th"):
                self.cell = []

        def handle_endtag(self, tag):
            if tag in ("td", "th") and self.cell is not None:
                self.rows[-1].append("".join(self.cell).strip())
                self.cell = None

        def handle_data(self, data):
            if self.cell is not None:
                self.cell.append(data)

    parser = Cells()
    parser.feed(body)
    header, *rows = [r for r in parser.rows if r]
    return pd.DataFrame(rows, columns=header)
