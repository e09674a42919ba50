"""Where the link graph (联动关系) puts its indicators, the bends of its arrows and their labels.

A layered drawing: an indicator's column is the number of links upstream of it, so chains read
left to right; an arrow that spans columns bends through a slot of its own in every column it
crosses, so it never runs through an indicator; the rows are ordered to cut crossings and set near
the mean of their neighbours, so arrows run close to level. Each elasticity then sits at the point
along its own arrow where its text box covers no other label, no marker and no indicator's name;
among such points it prefers one that no other arrow crosses, near the middle of its arrow.

Everything is measured in pixels of the plotting area, y downwards, at the narrowest width the app
draws the graph (:data:`NARROW`). Text boxes are estimated from the characters and the font size
(a CJK character 1.1 em, any other 0.55 em, a line 1.3 em). The chart is stretched to the page; a
wider chart moves the columns apart while every box keeps its size in pixels, so what is clear at
``NARROW`` stays clear.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sim.report.terminal import text_width

#: Width of the plotting area the layout is made for [px]: the chart's width in an 1100 px window
#: with the sidebar open (630 px), less its margins.
NARROW = 610.0
NAME_SIZE = 12      #: font size of an indicator's name [px]
LABEL_SIZE = 11     #: font size of an elasticity [px]
MARKER = 14         #: diameter of an indicator's marker [px]
NAME_GAP = 4        #: space between a marker and the name above it [px]
LINE = 1.3          #: line height [em]
EM = 0.55           #: width of one terminal column of text [em] (a CJK character takes two)
PAD = 3.0           #: clearance kept around every box [px]
#: Where along a stretch of arrow a label may sit (fraction from its start).
FRACTIONS = (0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8, 0.15, 0.85)

Point = tuple[float, float]


@dataclass(frozen=True)
class Box:
    """An upright rectangle [px], y downwards."""

    x0: float
    y0: float
    x1: float
    y1: float

    def grown(self, d: float) -> Box:
        return Box(self.x0 - d, self.y0 - d, self.x1 + d, self.y1 + d)

    def overlap(self, other: Box) -> float:
        """Area shared with ``other`` [px²] (0 if they only touch or are apart)."""
        w = min(self.x1, other.x1) - max(self.x0, other.x0)
        h = min(self.y1, other.y1) - max(self.y0, other.y0)
        return w * h if w > 0 and h > 0 else 0.0

    def crossed_by(self, a: Point, b: Point) -> bool:
        """Whether the segment ``a``–``b`` passes through the box (Liang–Barsky clipping)."""
        lo, hi = 0.0, 1.0
        dx, dy = b[0] - a[0], b[1] - a[1]
        for p, q in ((-dx, a[0] - self.x0), (dx, self.x1 - a[0]), (-dy, a[1] - self.y0), (dy, self.y1 - a[1])):
            if p == 0:
                if q < 0:
                    return False
                continue
            r = q / p
            if p < 0:
                lo = max(lo, r)
            else:
                hi = min(hi, r)
            if lo > hi:
                return False
        return True


def text_extent(text: str, size: float) -> tuple[float, float]:
    """Estimated width and height [px] of ``text`` (lines split at ``<br>``) in a font of ``size`` [px]."""
    lines = text.split("<br>")
    return max(text_width(x) for x in lines) * EM * size, len(lines) * LINE * size


def centred(x: float, y: float, w: float, h: float) -> Box:
    return Box(x - w / 2, y - h / 2, x + w / 2, y + h / 2)


@dataclass(frozen=True)
class Drawing:
    """The laid-out graph: every position in pixels of a plotting area ``width`` × ``height``."""

    columns: int
    width: float
    height: float
    nodes: dict[str, Point]             #: indicator → its marker's centre
    names: dict[str, str]               #: indicator → its name, broken into lines with ``<br>``
    paths: list[list[Point]]            #: per edge: source, bends, target
    labels: list[Point]                 #: per edge: the centre of its label

    def x(self, px: float) -> float:
        """A horizontal position [px] in data units, where column ``c`` sits at ``c`` and the axis
        runs from −0.5 to ``columns`` − 0.5 (so the drawing stretches with the chart)."""
        return px / (self.width / self.columns) - 0.5

    def name_box(self, node: str) -> Box:
        x, y = self.nodes[node]
        w, h = text_extent(self.names[node], NAME_SIZE)
        bottom = y - MARKER / 2 - NAME_GAP
        return Box(x - w / 2, bottom - h, x + w / 2, bottom)


def lay_out(edges: Sequence[tuple[str, str]], names: dict[str, str], labels: Sequence[str],
            width: float = NARROW) -> Drawing:
    """Lay out the directed acyclic graph ``edges`` (source, target), each edge marked ``labels[k]``.

    Parameters
    ----------
    edges : sequence of (str, str)
        The links' terms, from the indicator that drives to the one that follows.
    names : dict
        Every indicator's name as shown (broken into lines here if wider than its column).
    labels : sequence of str
        One short text per edge (an elasticity).
    width : float
        Width of the plotting area [px] to lay out for.
    """
    nodes = list(dict.fromkeys(x for e in edges for x in e))
    col = _columns(nodes, edges)
    columns = max(col.values()) + 1
    pitch_x = width / columns
    wrapped = {x: _wrap(names[x], pitch_x - 2 * PAD - 8) for x in nodes}
    layers, chains = _layers(nodes, edges, col, columns)
    _order(layers, chains)
    name_h = max(text_extent(v, NAME_SIZE)[1] for v in wrapped.values())
    pitch_y = name_h + MARKER + NAME_GAP + LINE * LABEL_SIZE + 4 * PAD
    ys = _rows(layers, chains, pitch_y)
    pos = {s: ((c + 0.5) * pitch_x, ys[s]) for c, layer in enumerate(layers) for s in layer}
    paths = [[pos[s] for s in chain] for chain in chains]
    draft = Drawing(columns, width, 0.0, {x: pos[x] for x in nodes}, wrapped, paths, [])
    obstacles = [centred(*draft.nodes[x], MARKER, MARKER) for x in nodes] + [draft.name_box(x) for x in nodes]
    spots, boxes = _place_labels(paths, labels, obstacles)
    top = min(b.y0 for b in obstacles + boxes) - PAD
    bottom = max(b.y1 for b in obstacles + boxes) + PAD

    def down(p: Point) -> Point:
        return p[0], p[1] - top

    return Drawing(columns, width, bottom - top, {x: down(p) for x, p in draft.nodes.items()}, wrapped,
                   [[down(p) for p in path] for path in paths], [down(p) for p in spots])


# --------------------------------------------------------------------------- columns, slots, order

def _columns(nodes: list[str], edges: Sequence[tuple[str, str]]) -> dict[str, int]:
    """An indicator's column: the longest chain of links upstream of it."""
    inputs: dict[str, list[str]] = {x: [] for x in nodes}
    for a, b in edges:
        inputs[b].append(a)
    depth: dict[str, int] = {}

    def level(x: str) -> int:
        if x not in depth:
            depth[x] = 1 + max((level(y) for y in inputs[x]), default=-1)
        return depth[x]

    return {x: level(x) for x in nodes}


def _layers(nodes, edges, col, columns) -> tuple[list[list], list[list]]:
    """The slots of each column (indicators, then one bend per arrow crossing the column) and each
    edge's chain of slots from source to target."""
    layers: list[list] = [[] for _ in range(columns)]
    for x in nodes:
        layers[col[x]].append(x)
    chains = []
    for k, (a, b) in enumerate(edges):
        bends = [("bend", k, c) for c in range(col[a] + 1, col[b])]
        for s in bends:
            layers[s[2]].append(s)
        chains.append([a, *bends, b])
    return layers, chains


def _neighbours(chains: list[list]) -> tuple[dict, dict]:
    up: dict = {}
    down: dict = {}
    for chain in chains:
        for a, b in zip(chain, chain[1:], strict=False):
            down.setdefault(a, []).append(b)
            up.setdefault(b, []).append(a)
    return up, down


def _crossings(layers: list[list], down: dict) -> int:
    total = 0
    for left, right in zip(layers, layers[1:], strict=False):
        at = {s: i for i, s in enumerate(right)}
        ends = [(i, at[b]) for i, a in enumerate(left) for b in down.get(a, [])]
        total += sum(1 for m, (a1, b1) in enumerate(ends) for a2, b2 in ends[m + 1:] if (a1 - a2) * (b1 - b2) < 0)
    return total


def _order(layers: list[list], chains: list[list], sweeps: int = 6) -> None:
    """Reorder each column's slots in place by the mean position of their neighbours (barycentre
    sweeps, down and up), keeping the order with the fewest crossings."""
    up, down = _neighbours(chains)
    best = (_crossings(layers, down), [list(v) for v in layers])
    for _ in range(sweeps):
        for side, seq in ((up, range(1, len(layers))), (down, range(len(layers) - 2, -1, -1))):
            for c in seq:
                ref = {s: i for i, s in enumerate(layers[c - 1 if side is up else c + 1])}

                def centre(item, side=side, ref=ref):
                    i, s = item
                    near = [ref[n] for n in side.get(s, [])]
                    return (sum(near) / len(near) if near else i, i)

                layers[c] = [s for _, s in sorted(enumerate(layers[c]), key=centre)]
            count = _crossings(layers, down)
            if count < best[0]:
                best = (count, [list(v) for v in layers])
    layers[:] = best[1]


def _rows(layers: list[list], chains: list[list], pitch: float, rounds: int = 12) -> dict:
    """Each slot's height [px]: as near the mean of its neighbours' as its column's order and a
    distance of at least ``pitch`` from the slot above allow."""
    up, down = _neighbours(chains)
    y = {s: i * pitch for layer in layers for i, s in enumerate(layer)}
    for r in range(rounds):
        for layer in (layers if r % 2 == 0 else layers[::-1]):
            want = []
            for s in layer:
                near = up.get(s, []) + down.get(s, [])
                want.append(sum(y[n] for n in near) / len(near) if near else y[s])
            y.update(zip(layer, _spaced(want, pitch), strict=True))
    return _closed_up(y, pitch)


def _closed_up(y: dict, pitch: float) -> dict:
    """``y`` with every empty band taller than ``pitch`` closed to ``pitch`` (parts of the graph
    not linked to each other drift apart otherwise); the order of the slots is kept."""
    lift = {}
    gone, last = 0.0, None
    for s, v in sorted(y.items(), key=lambda kv: kv[1]):
        if last is not None and v - last > pitch:
            gone += v - last - pitch
        lift[s], last = v - gone, v
    return lift


def _spaced(want: list[float], pitch: float) -> list[float]:
    """The heights nearest ``want`` (least squares) that keep their order at least ``pitch`` apart:
    with ``q[i] = y[i] − i·pitch`` the gaps become ``q`` non-decreasing, an isotonic regression
    solved by pooling adjacent violators."""
    blocks: list[list[float]] = []            # [sum, count] of pooled values of q
    for i, w in enumerate(want):
        blocks.append([w - i * pitch, 1])
        while len(blocks) > 1 and blocks[-2][0] * blocks[-1][1] > blocks[-1][0] * blocks[-2][1]:
            total, count = blocks.pop()
            blocks[-1][0] += total
            blocks[-1][1] += count
    q = [total / count for total, count in blocks for _ in range(int(count))]
    return [v + i * pitch for i, v in enumerate(q)]


# --------------------------------------------------------------------------- labels and names

def _wrap(text: str, room: float) -> str:
    """``text`` broken into lines no wider than ``room`` [px] where it can be."""
    from .charts import wrap_title

    w, _ = text_extent(text, NAME_SIZE)
    if w <= room:
        return text
    per_char = EM * NAME_SIZE * (2 if text_width(text) > 1.5 * len(text) else 1)
    return wrap_title(text, max(4, int(room / per_char)))


def _candidates(path: list[Point]) -> list[Point]:
    """Points along ``path`` where a label may sit, those nearest its middle first."""
    lengths = [((b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2) ** 0.5 for a, b in zip(path, path[1:], strict=False)]
    total = sum(lengths) or 1.0
    out = []
    start = 0.0
    for (a, b), length in zip(zip(path, path[1:], strict=False), lengths, strict=True):
        for f in FRACTIONS:
            along = (start + f * length) / total
            out.append((abs(along - 0.5), (a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1]))))
        start += length
    return [p for _, p in sorted(out, key=lambda c: c[0])]


def _place_labels(paths: list[list[Point]], labels: Sequence[str],
                  obstacles: list[Box]) -> tuple[list[Point], list[Box]]:
    """Each label's centre on its own arrow: first no overlap with a marker, a name or a label
    placed before it, then as few other arrows through it as can be, then nearest the middle."""
    segments = [[(a, b) for a, b in zip(p, p[1:], strict=False)] for p in paths]
    spots: list[Point] = []
    boxes: list[Box] = []
    for k, (path, text) in enumerate(zip(paths, labels, strict=True)):
        w, h = text_extent(text, LABEL_SIZE)
        best = None
        for rank, (x, y) in enumerate(_candidates(path)):
            box = centred(x, y, w + 2, h + 2)      # the label's white ground has 1 px padding
            hard = sum(box.grown(PAD).overlap(o) for o in obstacles + boxes)
            soft = sum(box.crossed_by(a, b) for m, segs in enumerate(segments) if m != k for a, b in segs)
            key = (hard, soft, rank)
            if best is None or key < best[0]:
                best = (key, (x, y), box)
        spots.append(best[1])
        boxes.append(best[2])
    return spots, boxes


__all__ = ["LABEL_SIZE", "MARKER", "NAME_GAP", "NAME_SIZE", "NARROW", "Box", "Drawing", "lay_out",
           "text_extent"]
