"""The brief as one self-contained HTML page: inline CSS, SVG charts whose text stays text,
A4 when printed from any browser (the blocks are those of :mod:`sim.report.brief.document`)."""

from __future__ import annotations

import html
import io

from sim.report.brief.document import (
    DRAW_LOCK,
    MARGIN_X,
    PAGE_W,
    Block,
    Bullets,
    Chart,
    Heading,
    Para,
    Table,
    Title,
)

CSS = """
@page { size: A4; margin: 16mm 16mm 18mm 16mm; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
       "WenQuanYi Zen Hei", sans-serif; color: #1f2933; font-size: 10pt; line-height: 1.5;
       max-width: 180mm; margin: 0 auto; padding: 8mm 0; }
h1 { color: #1d4e89; font-size: 18pt; margin: 0 0 4pt; }
.subtitle { font-size: 11pt; margin: 0 0 4pt; }
.meta { color: #5f6b7a; font-size: 8.5pt; margin: 0; }
hr { border: 0; border-top: 1.5pt solid #1d4e89; margin: 8pt 0 10pt; }
h2 { color: #1d4e89; font-size: 12.5pt; margin: 14pt 0 6pt; break-after: avoid; }
table { border-collapse: collapse; width: 100%; font-size: 8pt; margin: 4pt 0 10pt;
        border-top: 1pt solid #1f2933; border-bottom: 1pt solid #1f2933; }
th { background: #eef2f6; border-bottom: 0.6pt solid #1f2933; padding: 3pt; text-align: left; }
td { padding: 3pt; vertical-align: top; }
tr:nth-child(even) td { background: #f7f9fb; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.r { text-align: right; } .c { text-align: center; }
.good { color: #1a7f37; } .warn { color: #b45309; font-weight: bold; } .bad { color: #c0262d; font-weight: bold; }
.muted { color: #5f6b7a; } .small { font-size: 8.5pt; }
ul { padding-left: 14pt; } li { margin-bottom: 3pt; }
figure { margin: 6pt 0 10pt; break-inside: avoid; } figure svg { width: 100%; height: auto; }
figcaption { color: #5f6b7a; font-size: 8pt; }
footer { color: #5f6b7a; font-size: 8pt; border-top: 0.5pt solid #9aa5b1; margin-top: 14pt; padding-top: 4pt; }
"""

_FONT_STACK = ["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Zen Hei",
               "DejaVu Sans"]


def _svg(c: Chart) -> str:
    import matplotlib
    from matplotlib.figure import Figure

    rc = {"svg.fonttype": "none", "font.family": ["sans-serif"], "font.sans-serif": _FONT_STACK,
          "axes.unicode_minus": False, "font.size": 7.5}
    with DRAW_LOCK, matplotlib.rc_context(rc):
        fig = Figure(figsize=((PAGE_W - 2 * MARGIN_X) / 72, c.height / 72))
        c.draw(fig, [0.0, 0.0, 1.0, 1.0])
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg")
    svg = buffer.getvalue()
    return svg[svg.index("<svg"):]


def render_html(blocks: list[Block], footer: str, title: str) -> str:
    """The document as one self-contained HTML page (no network needed to view or print it)."""
    e = html.escape
    out = [f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{e(title)}</title>'
           f"<style>{CSS}</style></head><body>"]
    for b in blocks:
        if isinstance(b, Title):
            out.append(f"<h1>{e(b.text)}</h1>")
            if b.subtitle:
                out.append(f'<p class="subtitle">{e(b.subtitle)}</p>')
            out += [f'<p class="meta">{e(m)}</p>' for m in b.meta]
            out.append("<hr>")
        elif isinstance(b, Heading):
            out.append(f"<h2>{e(b.text)}</h2>")
        elif isinstance(b, Para):
            cls = f' class="{b.tone}"' if b.tone else ""
            out.append(f"<p{cls}>{e(b.text)}</p>")
        elif isinstance(b, Bullets):
            details = b.details or [""] * len(b.items)
            out.append("<ul>" + "".join(
                f"<li>{e(i)}" + (f'<br><span class="muted small">{e(d)}</span>' if d else "") + "</li>"
                for i, d in zip(b.items, details, strict=True)) + "</ul>")
        elif isinstance(b, Table):
            out.append(_html_table(b))
        elif isinstance(b, Chart):
            cap = f"<figcaption>{e(b.caption)}</figcaption>" if b.caption else ""
            out.append(f"<figure>{_svg(b)}{cap}</figure>")
    out.append(f"<footer>{e(footer)}</footer></body></html>")
    return "\n".join(out)


def _html_table(t: Table) -> str:
    e = html.escape
    cls = {"r": ' class="r"', "c": ' class="c"', "l": ""}
    head = "".join(f"<th{cls[a]}>{e(c)}</th>" for c, a in zip(t.columns, t.align, strict=True))
    rows = []
    for r, row in enumerate(t.rows):
        tones = t.tones[r] if t.tones else [None] * len(row)
        cells = []
        for c, a, tone in zip(row, t.align, tones, strict=True):
            names = " ".join(x for x in ({"r": "r", "c": "c"}.get(a, ""), tone or "") if x)
            cells.append(f'<td class="{names}">{e(c)}</td>' if names else f"<td>{e(c)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
