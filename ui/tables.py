"""The app's status tables (board, milestones, comparison, an indicator's checks, what differs),
each drawn as one HTML table.

``st.table`` draws every cell as its own Markdown element in the browser: the board's two tables
were about 500 of them, the largest part of the browser's work on the first page. These tables
hold plain text (formatted by :mod:`ui.display`) and a background per cell, so one HTML table
shows the same thing as a single element. Text is escaped, so a name from a user's plan file can
never become markup; a status that is not met is bold, as before.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from html import escape

import pandas as pd

#: The look of Streamlit's horizontal-border table, for every table drawn here.
CSS = """
.fyp-table { overflow-x: auto; margin-bottom: 1rem; }
.fyp-table table { border-collapse: collapse; width: 100%; font-size: 0.875rem; line-height: 1.5; }
.fyp-table th { font-weight: 600; color: rgba(49, 51, 63, 0.6); text-align: left; vertical-align: bottom;
  word-break: keep-all; }
.fyp-table th, .fyp-table td { padding: 0.25rem 0.25rem;
  border-bottom: 1px solid rgba(49, 51, 63, 0.1); }
.fyp-table td { vertical-align: top; }
"""


@dataclass(frozen=True)
class Styled:
    """A table of text and the CSS of some of its cells: ``css`` maps a column to one declaration
    per row (``"background-color: #e6f2ea"``; ``""`` for none)."""

    frame: pd.DataFrame
    css: Mapping[str, Sequence[str]] = field(default_factory=dict)


def _cell(value) -> str:
    return "" if value is None or (isinstance(value, float) and value != value) else escape(str(value))


def html(table: Styled | pd.DataFrame, key: str, nowrap: tuple[int, ...] = (), keep: tuple[int, ...] = (),
         min_em: Mapping[int, float] | None = None) -> str:
    """The HTML of one table: every header and cell escaped, each cell's CSS inline, the columns
    numbered in ``nowrap`` (1 = first) kept on one line, and those in ``keep`` broken only at
    spaces (Chinese text may otherwise break between any two characters: ``≥ 1,600万千`` / ``瓦``),
    and a column in ``min_em`` given that width [em] where the table has room for it. The same table gives the same text, so an
    unchanged table is not redrawn. (Written here rather than by pandas' Styler, which took about
    25 ms for the board's table against well under 1 ms.)"""
    table = table if isinstance(table, Styled) else Styled(table)
    frame, columns = table.frame, list(table.frame.columns)
    styles = [table.css.get(c) for c in columns]
    head = "".join(f"<th>{escape(str(c))}</th>" for c in columns)
    rows = []
    for i, values in enumerate(frame.itertuples(index=False, name=None)):
        cells = []
        for value, css in zip(values, styles, strict=True):
            style = f' style="{escape(css[i])}"' if css is not None and css[i] else ""
            cells.append(f"<td{style}>{_cell(value)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    rules = "".join(f".st-key-{key} td:nth-child({n}) {{ white-space: nowrap; }}" for n in nowrap)
    rules += "".join(f".st-key-{key} td:nth-child({n}) {{ word-break: keep-all; }}" for n in keep)
    # An empty block that wide under the header: a table column is never narrower than its widest
    # unbreakable content, whereas min-width and width on a cell give way when the table is full.
    rules += "".join(f'.st-key-{key} th:nth-child({n})::after {{ content: ""; display: block; width: {em:g}em; }}'
                     for n, em in (min_em or {}).items())
    return (f"<style>{CSS}{rules}</style><div class='fyp-table'><table><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></div>")


def show(table: Styled | pd.DataFrame, key: str, nowrap: tuple[int, ...] = (), keep: tuple[int, ...] = (),
         min_em: Mapping[int, float] | None = None) -> None:
    """Draw ``table`` as one HTML table in a container keyed ``key`` (see :func:`html`)."""
    import streamlit as st

    with st.container(key=key):
        st.html(html(table, key, nowrap, keep, min_em))


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
                self.rows[-1].append("".join(self.cell).replace("\u200b", "").strip())  # unseen breaks
                self.cell = None

        def handle_data(self, data):
            if self.cell is not None:
                self.cell.append(data)

    parser = Cells()
    parser.feed(body)
    header, *rows = [r for r in parser.rows if r]
    return pd.DataFrame(rows, columns=header)
