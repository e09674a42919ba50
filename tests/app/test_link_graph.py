"""The link graph of the assumptions page (ui.links.link_figure, laid out by ui.link_layout): at the
widths the app draws it, no label covers another label or a node, in Chinese and in English.

The boxes are estimated here from the figure's own data, independently of the layout's estimate:
a CJK character is one font size wide, any other character 0.6 of it, a line 1.2 font sizes high;
the figure's axis ranges, margins and height turn data coordinates into pixels.
"""

from __future__ import annotations

import itertools
import unicodedata

import pytest

from ui.link_layout import Box, _spaced, lay_out
from ui.links import elasticity_text, link_figure

from .conftest import assert_clean, figures, go, start

#: The chart's width [px] with the sidebar open in an 1100, 1440 and 1920 px window (measured in
#: Chromium), and one wider still.
WIDTHS = (630, 970, 1450, 2400)


def text_size(text: str, size: float) -> tuple[float, float]:
    lines = text.split("<br>")
    wide = [sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.6 for c in line) for line in lines]
    return max(wide) * size, len(lines) * 1.2 * size


class Geometry:
    """Pixel positions (y downwards) of a figure's data at a chart ``width`` [px]."""

    def __init__(self, fig: dict, width: float):
        lay = fig["layout"]
        m = lay["margin"]
        self.w, self.h = width - m["l"] - m["r"], lay["height"] - m["t"] - m["b"]
        self.xr, self.yr = lay["xaxis"]["range"], lay["yaxis"]["range"]

    def point(self, x: float, y: float) -> tuple[float, float]:
        (x0, x1), (y0, y1) = self.xr, self.yr
        return (x - x0) / (x1 - x0) * self.w, (y1 - y) / (y1 - y0) * self.h

    def label(self, a: dict) -> Box:
        x, y = self.point(a["x"], a["y"])
        w, h = text_size(a["text"], a.get("font", {}).get("size", 12))
        pad = a.get("borderpad", 1)
        w, h = w + 2 * pad, h + 2 * pad
        y -= a.get("yshift", 0)
        left = {"left": x, "right": x - w}.get(a.get("xanchor"), x - w / 2)
        top = {"top": y, "bottom": y - h}.get(a.get("yanchor"), y - h / 2)
        return Box(left, top, left + w, top + h)

    def markers(self, fig: dict) -> list[Box]:
        out = []
        for tr in fig["data"]:
            if tr.get("mode") == "markers":
                r = tr["marker"]["size"] / 2
                out += [Box(px - r, py - r, px + r, py + r)
                        for px, py in (self.point(x, y) for x, y in zip(tr["x"], tr["y"], strict=True))]
        return out

    def lines(self, fig: dict) -> list[tuple[tuple[float, float], tuple[float, float]]]:
        tr = next(tr for tr in fig["data"] if tr.get("mode") == "lines")
        pts = [None if x is None else self.point(x, y) for x, y in zip(tr["x"], tr["y"], strict=True)]
        return [(a, b) for a, b in itertools.pairwise(pts) if a is not None and b is not None]


def texts(fig: dict) -> list[dict]:
    """The annotations that carry text: indicator names and elasticities."""
    return [a for a in fig["layout"]["annotations"] if a.get("text")]


def distance(p, a, b) -> float:
    """From point ``p`` to the segment ``a``–``b`` [px]."""
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    f = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return ((px - ax - f * dx) ** 2 + (py - ay - f * dy) ** 2) ** 0.5


@pytest.fixture(scope="module", params=["zh", "en"])
def drawn(request) -> tuple[str, dict]:
    """The figure as the assumptions page sends it to the browser."""
    at = go(start({"lang": request.param}), "pages/assumptions.py", section="links")
    assert_clean(at)
    fig = next(f for f in figures(at) if any(a.get("text", "").startswith("×") for a in f["layout"]["annotations"]))
    return request.param, fig


@pytest.mark.parametrize("width", WIDTHS)
def test_no_label_covers_another_label_or_a_node(drawn, width):
    _, fig = drawn
    g = Geometry(fig, width)
    labels = [(a["text"], g.label(a)) for a in texts(fig)]
    assert len(labels) == 8 + 7                      # eight indicators, seven link terms
    for (t1, b1), (t2, b2) in itertools.combinations(labels, 2):
        assert b1.overlap(b2) == 0, (t1, t2, b1, b2)
    for (text, box), node in itertools.product(labels, g.markers(fig)):
        assert box.overlap(node) == 0, (text, box, node)
    for text, box in labels:                          # and nothing is cut off at the chart's edge
        assert min(box.x0, box.y0) >= 0 and box.x1 <= g.w and box.y1 <= g.h, (text, box)


def test_each_elasticity_sits_on_an_arrow_and_no_arrows_cross(drawn):
    _, fig = drawn
    g = Geometry(fig, 970)
    lines = g.lines(fig)
    for a in texts(fig):
        if a["text"].startswith("×"):
            p = g.point(a["x"], a["y"])
            assert min(distance(p, s, e) for s, e in lines) < 0.5, a["text"]
    # the embedded plan's links can be drawn without a crossing: two segments meet only at a node
    for (a, b), (c, d) in itertools.combinations(lines, 2):
        if {a, b} & {c, d}:
            continue
        assert not _cross(a, b, c, d), (a, b, c, d)


def _cross(a, b, c, d) -> bool:
    def side(p, q, r):
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
    return side(a, b, c) * side(a, b, d) < 0 and side(c, d, a) * side(c, d, b) < 0


def test_weights_read_short_and_exact_on_hover(drawn):
    lang, fig = drawn
    marks = {a["text"]: a.get("hovertext", "") for a in texts(fig) if a["text"].startswith("×")}
    assert set(marks) == {"×1.32", "×1", "×0.5", "×0.3", "×0.2"}
    assert marks["×1.32"].endswith("1.3235")          # 13.5 / 10.2, the report's 2025 growth of both
    words = ("二产增加值 → 规上工业增加值:弹性1.3235" if lang == "zh" else
             "Value added, secondary sector → Value added of industry above designated size: elasticity 1.3235")
    assert marks["×1.32"] == words
    legend = [tr["name"] for tr in fig["data"] if tr.get("mode") == "markers"]
    assert legend == (["驱动指标", "跟随指标"] if lang == "zh" else ["Driving indicator", "Follower"])


def test_elasticity_text_keeps_three_significant_digits():
    assert [elasticity_text(e) for e in (1.3235, 1.0, 0.5, 0.25, 12.345)] == ["×1.32", "×1", "×0.5", "×0.25", "×12.3"]


def test_the_figure_is_the_same_outside_the_page(plan):
    fig = link_figure(plan, "en").to_plotly_json()
    assert [a["text"] for a in fig["layout"]["annotations"] if a.get("text", "").startswith("×")] == \
        ["×1.32", "×1", "×1", "×1", "×0.5", "×0.3", "×0.2"]


def test_a_dense_graph_keeps_its_labels_apart():
    """Every one of three inputs drives each of three followers (crossings cannot be avoided), and a
    fourth follows a follower: labels still clear each other, the markers and the names."""
    edges = [(a, b) for a in "abc" for b in "xyz"] + [("x", "w")]
    names = {k: f"Indicator {k.upper()} with a long name" for k in "abcxyzw"}
    d = lay_out(edges, names, [f"×0.{k + 11}" for k in range(len(edges))])
    from ui.link_layout import LABEL_SIZE, MARKER, NAME_SIZE, centred, text_extent

    marks = [centred(x, y, MARKER, MARKER) for x, y in d.nodes.values()]
    names_ = [d.name_box(k) for k in d.nodes]
    labels = [centred(x, y, *text_extent(f"×0.{k + 11}", LABEL_SIZE)) for k, (x, y) in enumerate(d.labels)]
    for b1, b2 in itertools.combinations(labels + names_, 2):
        assert b1.overlap(b2) == 0
    for b1, b2 in itertools.product(labels, marks):
        assert b1.overlap(b2) == 0
    assert all(text_extent(v, NAME_SIZE)[0] <= d.width / d.columns for v in d.names.values())


def test_spaced_is_the_least_squares_fit_with_gaps():
    # wanted 0, 0, 0 with gaps of 10: the closest spacing keeps their mean, −10, 0, 10
    assert _spaced([0.0, 0.0, 0.0], 10.0) == [-10.0, 0.0, 10.0]
    # far enough apart already: unchanged
    assert _spaced([0.0, 25.0, 50.0], 10.0) == [0.0, 25.0, 50.0]
    # the first two clash (mean 5 → 0 and 10), the third is free
    assert _spaced([5.0, 5.0, 40.0], 10.0) == [0.0, 10.0, 40.0]


def test_a_segment_through_a_box_and_one_beside_it():
    box = Box(0, 0, 10, 10)
    assert box.crossed_by((-5, 5), (15, 5)) and box.crossed_by((-5, -5), (15, 15))
    assert not box.crossed_by((-5, 12), (15, 12)) and not box.crossed_by((11, -5), (30, 20))
