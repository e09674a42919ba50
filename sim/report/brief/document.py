"""A short printable document as a list of blocks, and its PDF rendering (HTML:
:mod:`sim.report.brief.html_page`).

The PDF is laid out here and drawn with matplotlib's PDF backend on A4 pages: text is
wrapped by measuring it with the embedded font itself, tables break across pages with
their header repeated, charts are vector drawings on the page. Fonts are embedded as
TrueType (Type 42) subsets made by :mod:`sim.report.brief.fonts`, so the Chinese text shows on any
reader and can be searched and copied. The HTML is self-contained (inline CSS and SVG
charts whose text stays text) and prints on A4 from any browser.
"""

from __future__ import annotations

import io
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

#: A4 in points, and the page margins [pt].
PAGE_W, PAGE_H = 595.28, 841.89
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 46.0, 48.0, 52.0
BODY = 9.0
TONES = {"good": "#1a7f37", "warn": "#b45309", "bad": "#c0262d", "muted": "#5f6b7a"}
#: Marks a verdict or number that rests on an assumed value.
FLAG = "*"
INK, RULE, SHADE, ACCENT = "#1f2933", "#9aa5b1", "#eef2f6", "#1d4e89"
#: matplotlib's settings and font list are process-wide: one document is drawn at a time
#: (the app may serve several sessions at once).
DRAW_LOCK = threading.Lock()


@dataclass
class Title:
    text: str
    subtitle: str = ""
    meta: list[str] = field(default_factory=list)


@dataclass
class Heading:
    text: str


@dataclass
class Para:
    text: str
    size: float = BODY
    tone: str | None = None


@dataclass
class Bullets:
    """Bulleted items; ``details`` (same length, may hold empty strings) go under each item
    in smaller, muted type (e.g. the arithmetic behind a finding)."""

    items: list[str]
    size: float = BODY
    details: list[str] | None = None


@dataclass
class Table:
    """Columns, rows of text, relative column widths, alignments (l/r/c) and cell tones."""

    columns: list[str]
    rows: list[list[str]]
    widths: list[float]
    align: list[str]
    tones: list[list[str | None]] | None = None
    size: float = 7.6


@dataclass
class Chart:
    """``draw(fig, rect)`` adds axes inside ``rect`` = [left, bottom, width, height] (figure
    fractions); ``text`` lists every string the chart shows (for the font subset)."""

    draw: Callable
    height: float
    caption: str = ""
    text: str = ""


Block = Title | Heading | Para | Bullets | Table | Chart


def document_text(blocks: list[Block], extra: str = "") -> str:
    """Every character the document shows (to build the font subset)."""
    parts = [extra]
    for b in blocks:
        if isinstance(b, Title):
            parts += [b.text, b.subtitle, *b.meta]
        elif isinstance(b, Heading | Para):
            parts.append(b.text)
        elif isinstance(b, Bullets):
            parts += b.items + (b.details or [])
        elif isinstance(b, Table):
            parts += b.columns + [c for r in b.rows for c in r]
        elif isinstance(b, Chart):
            parts += [b.caption, b.text]
    return "".join(parts)


def bold_text(blocks: list[Block]) -> str:
    """Characters shown in bold: titles, headings, table headers and flagged cells."""
    parts = []
    for b in blocks:
        if isinstance(b, Title | Heading):
            parts.append(b.text)
        elif isinstance(b, Table):
            parts += b.columns
            for row, tones in zip(b.rows, b.tones or [[None] * len(b.columns)] * len(b.rows), strict=True):
                parts += [c for c, t in zip(row, tones, strict=True) if t in ("bad", "warn")]
    return "".join(parts)


# --------------------------------------------------------------------------- wrapping

_NO_LINE_START = set(",。、;:!?)》”’%…")


def _tokens(text: str) -> list[str]:
    """Break opportunities: every CJK character alone, Latin words and numbers whole."""
    out: list[str] = []
    word = ""
    for ch in text:
        wide = unicodedata.east_asian_width(ch) in ("W", "F")
        if ch == " " or wide:
            if word:
                out.append(word)
                word = ""
            if ch in _NO_LINE_START and out:
                out[-1] += ch
            else:
                out.append(ch)
        else:
            word += ch
    if word:
        out.append(word)
    return out


def wrap(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """Greedy line breaking of ``text`` into lines no wider than ``width`` [pt]."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for tok in _tokens(paragraph):
            trial = line + tok
            if line and measure(trial) > width:
                lines.append(line.rstrip())
                line = tok.lstrip()
            else:
                line = trial
        lines.append(line.rstrip())
    return lines


# --------------------------------------------------------------------------- PDF

class _Pdf:
    """Lays blocks out on A4 pages as lists of drawing operations."""

    def __init__(self, regular: str, bold: str, footer: str):
        from matplotlib.font_manager import FontProperties
        from matplotlib.textpath import TextToPath

        self.fonts = {False: regular, True: bold}
        self._props = {b: FontProperties(family=f, weight="bold" if b else "normal") for b, f in self.fonts.items()}
        self._ttp = TextToPath()
        self._cache: dict[tuple, float] = {}
        self.footer = footer
        self.pages: list[list[Callable]] = [[]]
        self.y = MARGIN_TOP
        self.width = PAGE_W - 2 * MARGIN_X

    # measuring
    def measure(self, text: str, size: float, bold: bool = False) -> float:
        key = (text, size, bold)
        if key not in self._cache:
            prop = self._props[bold].copy()
            prop.set_size(size)
            self._cache[key] = self._ttp.get_text_width_height_descent(text, prop, ismath=False)[0]
        return self._cache[key]

    def lines(self, text: str, width: float, size: float, bold: bool = False) -> list[str]:
        return wrap(text, width, lambda s: self.measure(s, size, bold))

    # page flow
    def room(self) -> float:
        return PAGE_H - MARGIN_BOTTOM - self.y

    def need(self, height: float) -> None:
        if height > self.room() and self.y > MARGIN_TOP + 1:
            self.pages.append([])
            self.y = MARGIN_TOP

    def op(self, fn: Callable) -> None:
        self.pages[-1].append(fn)

    def text(self, x: float, y: float, s: str, size: float, bold: bool = False, color: str = INK,
             ha: str = "left") -> None:
        family, weight = self.fonts[bold], "bold" if bold else "normal"
        self.op(lambda fig: fig.text(x / PAGE_W, 1 - y / PAGE_H, s, fontsize=size, family=family,
                                     weight=weight, color=color, ha=ha, va="baseline"))

    def rule(self, y: float, x0: float, x1: float, width: float = 0.6, color: str = RULE) -> None:
        from matplotlib.lines import Line2D

        self.op(lambda fig: fig.add_artist(Line2D([x0 / PAGE_W, x1 / PAGE_W], [1 - y / PAGE_H] * 2,
                                                  transform=fig.transFigure, lw=width, color=color)))

    def box(self, x: float, y: float, w: float, h: float, color: str) -> None:
        from matplotlib.patches import Rectangle

        self.op(lambda fig: fig.add_artist(Rectangle((x / PAGE_W, 1 - (y + h) / PAGE_H), w / PAGE_W, h / PAGE_H,
                                                     transform=fig.transFigure, color=color, lw=0)))

    # blocks
    def paragraph(self, text: str, size: float, x: float | None = None, width: float | None = None,
                  bold: bool = False, color: str = INK, gap: float = 4.0) -> None:
        x = MARGIN_X if x is None else x
        width = self.width if width is None else width
        lead = size * 1.5
        for line in self.lines(text, width, size, bold):
            self.need(lead)
            self.text(x, self.y + size, line, size, bold, color)
            self.y += lead
        self.y += gap

    def title(self, b: Title) -> None:
        self.text(MARGIN_X, self.y + 17, b.text, 17, bold=True, color=ACCENT)
        self.y += 26
        if b.subtitle:
            self.paragraph(b.subtitle, 10.5, color=INK, gap=2)
        for line in b.meta:
            self.paragraph(line, 8.5, color=TONES["muted"], gap=0)
        self.y += 6
        self.rule(self.y, MARGIN_X, PAGE_W - MARGIN_X, 1.2, ACCENT)
        self.y += 12

    def heading(self, b: Heading, follow: float = 30.0) -> None:
        self.need(27 + follow)   # keep a heading with the start of what follows
        self.y += 6
        self.text(MARGIN_X, self.y + 12, b.text, 12, bold=True, color=ACCENT)
        self.y += 21

    def bullets(self, b: Bullets) -> None:
        indent, small = 11, b.size - 1.5
        details = b.details or [""] * len(b.items)
        for item, detail in zip(b.items, details, strict=True):
            lines = self.lines(item, self.width - indent, b.size)
            extra = self.lines(detail, self.width - indent, small) if detail else []
            self.need(len(lines) * b.size * 1.5 + len(extra) * small * 1.5)   # keep an item together
            for k, line in enumerate(lines):
                self.need(b.size * 1.5)
                if k == 0:
                    self.text(MARGIN_X + 2, self.y + b.size, "•", b.size, color=ACCENT)
                self.text(MARGIN_X + indent, self.y + b.size, line, b.size)
                self.y += b.size * 1.5
            for line in extra:
                self.need(small * 1.5)
                self.text(MARGIN_X + indent, self.y + small, line, small, color=TONES["muted"])
                self.y += small * 1.5
            self.y += 3
        self.y += 3

    def table(self, t: Table) -> None:
        total = sum(t.widths)
        widths = [w / total * self.width for w in t.widths]
        pad, lead = 3.0, t.size * 1.35
        head = [self.lines(c, w - 2 * pad, t.size, True) for c, w in zip(t.columns, widths, strict=True)]
        head_h = max(len(c) for c in head) * lead + 2 * pad
        self.need(head_h + 3 * lead)
        self._table_head(head, widths, head_h, lead, t)
        for r, row in enumerate(t.rows):
            cells = [self.lines(c, w - 2 * pad, t.size) for c, w in zip(row, widths, strict=True)]
            h = max(len(c) for c in cells) * lead + 2 * pad
            if h > self.room():
                self.rule(self.y, MARGIN_X, PAGE_W - MARGIN_X, 1.0, INK)
                self.pages.append([])
                self.y = MARGIN_TOP
                self._table_head(head, widths, head_h, lead, t)
            if r % 2 == 1:
                self.box(MARGIN_X, self.y, self.width, h, "#f7f9fb")
            tones = t.tones[r] if t.tones else [None] * len(row)
            self._row(cells, widths, t.align, tones, pad, lead, t.size, False)
            self.y += h
        self.rule(self.y, MARGIN_X, PAGE_W - MARGIN_X, 1.0, INK)
        self.y += 10

    def _table_head(self, head, widths, head_h, lead, t: Table) -> None:
        self.rule(self.y, MARGIN_X, PAGE_W - MARGIN_X, 1.0, INK)
        self.box(MARGIN_X, self.y, self.width, head_h, SHADE)
        self._row(head, widths, t.align, [None] * len(head), 3.0, lead, t.size, True)
        self.y += head_h
        self.rule(self.y, MARGIN_X, PAGE_W - MARGIN_X, 0.6, INK)

    def _row(self, cells, widths, align, tones, pad, lead, size, bold) -> None:
        x = MARGIN_X
        for lines, w, a, tone in zip(cells, widths, align, tones, strict=True):
            color = TONES.get(tone, INK) if tone else INK
            for k, line in enumerate(lines):
                y = self.y + pad + k * lead + size
                if a == "r":
                    self.text(x + w - pad, y, line, size, bold or tone in ("bad", "warn"), color, "right")
                elif a == "c":
                    self.text(x + w / 2, y, line, size, bold or tone in ("bad", "warn"), color, "center")
                else:
                    self.text(x + pad, y, line, size, bold, color)
            x += w

    def chart(self, c: Chart) -> None:
        cap = 14 if c.caption else 0
        self.need(c.height + cap)
        top, height = self.y, c.height
        rect = [MARGIN_X / PAGE_W, 1 - (top + height) / PAGE_H, self.width / PAGE_W, height / PAGE_H]
        self.op(lambda fig: c.draw(fig, rect))
        self.y += height + 2
        if c.caption:
            self.paragraph(c.caption, 7.5, color=TONES["muted"])

    def render(self, meta: dict) -> bytes:
        from matplotlib.backends.backend_pdf import PdfPages
        from matplotlib.figure import Figure

        buffer = io.BytesIO()
        n = len(self.pages)
        with PdfPages(buffer, metadata=meta) as pdf:
            for i, ops in enumerate(self.pages, start=1):
                fig = Figure(figsize=(PAGE_W / 72, PAGE_H / 72))
                for fn in ops:
                    fn(fig)
                foot = PAGE_H - MARGIN_BOTTOM / 2
                fig.text(MARGIN_X / PAGE_W, 1 - foot / PAGE_H, self.footer, fontsize=7, family=self.fonts[False],
                         color=TONES["muted"], va="baseline")
                fig.text(1 - MARGIN_X / PAGE_W, 1 - foot / PAGE_H, f"第 {i} 页 / 共 {n} 页", fontsize=7,
                         family=self.fonts[False], color=TONES["muted"], ha="right", va="baseline")
                pdf.savefig(fig)
        return buffer.getvalue()


def render_pdf(blocks: list[Block], footer: str, meta: dict | None = None) -> bytes:
    """The document as PDF bytes (A4).

    Raises
    ------
    sim.errors.ExportError
        If no Chinese font is installed (see :func:`sim.report.brief.fonts.find_cjk_fonts`).
    """

    from sim.report.brief.fonts import register

    with DRAW_LOCK:
        regular, bold = register(document_text(blocks, footer + "第页共0123456789 /•"), bold_text(blocks))
        rc = {"pdf.fonttype": 42, "font.family": [regular], "axes.unicode_minus": False, "font.size": 7.5,
              "svg.fonttype": "none"}
        return _draw(blocks, footer, meta, regular, bold, rc)


def _draw(blocks: list[Block], footer: str, meta: dict | None, regular: str, bold: str, rc: dict) -> bytes:
    import matplotlib

    with matplotlib.rc_context(rc):
        doc = _Pdf(regular, bold, footer)
        for i, b in enumerate(blocks):
            if isinstance(b, Heading):
                doc.heading(b, _opening(blocks[i + 1]) if i + 1 < len(blocks) else 30.0)
                continue
            {Title: doc.title, Para: lambda p: doc.paragraph(
                p.text, p.size, color=TONES.get(p.tone, INK) if p.tone else INK),
             Bullets: doc.bullets, Table: doc.table, Chart: doc.chart}[type(b)](b)
        return doc.render(meta or {})


def _opening(b: Block) -> float:
    """Height of the part of a block that must share a page with the heading above it [pt]."""
    if isinstance(b, Chart):
        return b.height + (14 if b.caption else 0)
    if isinstance(b, Table):
        return 4 * b.size * 1.35 + 20
    return 30.0
