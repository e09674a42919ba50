"""A Chinese font for PDF output that any PDF reader can display and search.

The brief is drawn with matplotlib's PDF backend with fonts embedded as TrueType (Type 42,
``pdf.fonttype = 42``), so the text is selectable and ``pdftotext`` gives it back. The CJK
fonts Linux distributions ship (Noto Sans CJK in ``fonts-noto-cjk``) hold PostScript (CFF)
outlines inside a ``.ttc`` collection; embedded as they are they make a PDF whose font
type does not match its font data (matplotlib issue #20870), which strict readers reject.
So the glyphs a document needs are subset from the collection's Simplified Chinese face
and their outlines converted to TrueType quadratic curves with fontTools (a matplotlib
dependency), giving a small, valid TrueType font. Fonts that already hold TrueType
outlines are subset only.

Nothing is downloaded: the font is found among the fonts installed on the machine
(:data:`PREFERRED`, then any font covering common Chinese characters).
"""

from __future__ import annotations

import atexit
import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sim.io.errors import ExportError

#: Families tried first, in order (Simplified Chinese faces).
PREFERRED = ("Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "Noto Sans SC",
             "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Microsoft YaHei", "SimHei", "PingFang SC",
             "Hiragino Sans GB", "Noto Sans CJK JP")
#: Characters a usable font must cover.
PROBE = "甘州区规划目标地区生产总值"


@dataclass(frozen=True)
class FontFace:
    """One installed face: file, face index in a collection, family and weight."""

    path: str
    index: int
    family: str
    bold: bool


def _faces() -> list[FontFace]:
    from matplotlib import font_manager as fm

    faces = []
    for entry in fm.fontManager.ttflist:
        if not entry.fname.lower().endswith((".ttf", ".otf", ".ttc", ".otc")):
            continue
        weight = entry.weight if isinstance(entry.weight, int) else 700 if "bold" in str(entry.weight) else 400
        faces.append(FontFace(entry.fname, 0, entry.name, weight >= 600))
    return faces


def _face_index(path: str, family: str) -> int | None:
    """Index of ``family`` inside a font file (collections hold several faces)."""
    from fontTools.ttLib import TTCollection, TTFont

    if path.lower().endswith((".ttc", ".otc")):
        fonts = TTCollection(path, lazy=True).fonts
    else:
        fonts = [TTFont(path, lazy=True)]
    for i, font in enumerate(fonts):
        names = {font["name"].getDebugName(k) for k in (1, 16)}
        if family in names:
            return i
    return None


def _covers(path: str, index: int, text: str) -> bool:
    from fontTools.ttLib import TTFont

    try:
        cmap = TTFont(path, fontNumber=index, lazy=True).getBestCmap() or {}
    except Exception:  # noqa: BLE001 - an unreadable font is simply not used
        return False
    return all(ord(ch) in cmap for ch in text)


@lru_cache(maxsize=1)
def find_cjk_fonts() -> tuple[FontFace, FontFace]:
    """The regular and bold faces to use (bold falls back to regular).

    Raises
    ------
    ExportError
        If no installed font covers Chinese text.
    """
    faces = _faces()
    candidates = [f for fam in PREFERRED for f in faces if f.family == fam]
    candidates += [f for f in faces if f not in candidates and ("CJK" in f.family or "Hei" in f.family)]
    chosen: dict[bool, FontFace] = {}
    for face in candidates:
        if face.bold in chosen:
            continue
        family = face.family.replace(" JP", " SC") if face.family.startswith("Noto Sans CJK") else face.family
        index = _face_index(face.path, family)
        if index is None:
            index, family = _face_index(face.path, face.family), face.family
        if index is not None and _covers(face.path, index, PROBE):
            chosen[face.bold] = FontFace(face.path, index, family, face.bold)
        if len(chosen) == 2:
            break
    if False not in chosen:
        raise ExportError("brief", "font", code="no_cjk_font")
    return chosen[False], chosen.get(True, chosen[False])


_DIR: list[Path] = []


def cache_dir() -> Path:
    """Where font subsets are kept between runs, outside the repository.

    ``$FYP_CACHE_DIR/fonts`` if set, else ``$XDG_CACHE_HOME/fyp-sim/fonts`` (default
    ``~/.cache/fyp-sim/fonts``); a private temporary folder, removed at exit, where none of these
    can be written.
    """
    if not _DIR:
        root = os.environ.get("FYP_CACHE_DIR")
        base = Path(root) if root else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "fyp-sim"
        folder = base / "fonts"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=folder, prefix=".probe-"):
                pass
        except OSError:
            folder = Path(tempfile.mkdtemp(prefix="fyp-fonts-"))
            atexit.register(shutil.rmtree, folder, True)
        _DIR.append(folder)
    return _DIR[0]


def truetype_subset(face: FontFace, text: str) -> tuple[str, str]:
    """A TrueType font holding the glyphs of ``text`` from ``face``: (file path, family name).

    The family name is unique to the face and character set, so matplotlib's font cache can
    never hand back a subset made for other text.

    The subset is cached (:func:`cache_dir`) under a key made of the font file (path, size and
    modification time), the face and the character set, so a brief made again reuses it; a new
    file is written to a temporary name and renamed into place, so two processes making the same
    subset at once both end with a complete file.
    """
    chars = "".join(sorted(set(text) | {chr(c) for c in range(0x20, 0x7F)} | set("“”‘’、,。:;()—–·…≥≤×−％")))
    stat = Path(face.path).stat()
    identity = f"{face.path}|{stat.st_size}|{stat.st_mtime_ns}|{face.index}|{face.bold}|{chars}"
    key = hashlib.sha1(identity.encode()).hexdigest()[:16]
    family = f"FypCJK{'Bold' if face.bold else 'Regular'}{key}"
    path = cache_dir() / f"{family}.ttf"
    if not path.is_file():
        fd, tmp = tempfile.mkstemp(prefix=f".{family}.", suffix=".part", dir=path.parent)
        os.close(fd)
        try:
            _build(face, chars, family, Path(tmp))
            os.replace(tmp, path)
        finally:
            Path(tmp).unlink(missing_ok=True)
    return str(path), family


def _build(face: FontFace, chars: str, family: str, path: Path) -> None:
    from fontTools import subset
    from fontTools.ttLib import newTable

    opts = subset.Options()
    opts.font_number = face.index
    opts.layout_features = []
    opts.hinting = False
    opts.notdef_outline = True
    opts.name_IDs = [0, 1, 2, 3, 4, 5, 6]
    opts.drop_tables += ["GSUB", "GPOS", "VORG", "vhea", "vmtx", "DSIG", "BASE", "JSTF"]
    font = subset.load_font(face.path, opts)
    sub = subset.Subsetter(opts)
    sub.populate(text=chars)
    sub.subset(font)
    if "CFF " in font:
        _cff_to_glyf(font, newTable)
    for record in font["name"].names:
        if record.nameID in (1, 4, 6, 16):
            record.string = family
        elif record.nameID in (2, 17):
            record.string = "Bold" if face.bold else "Regular"
    font.save(str(path))


def _cff_to_glyf(font, new_table) -> None:
    """Replace PostScript (CFF) outlines by TrueType ones (quadratic curves, 1 unit tolerance)."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = new_table("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    for glyph in glyf.glyphs.values():
        glyph.recalcBounds(glyf)
    font["glyf"] = glyf
    font["loca"] = new_table("loca")
    del font["CFF "]
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements", "maxPoints",
                 "maxContours", "maxCompositePoints", "maxCompositeContours", "maxComponentDepth"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    font["head"].indexToLocFormat = 0
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    font.sfntVersion = "\x00\x01\x00\x00"


def register(text: str, bold_text: str | None = None) -> tuple[str, str]:
    """Regular and bold families covering ``text`` (bold: ``bold_text``, default the same),
    registered with matplotlib."""
    from matplotlib import font_manager as fm

    regular, bold = find_cjk_fonts()
    families = []
    for face, chars in ((regular, text), (bold, text if bold_text is None else bold_text)):
        path, family = truetype_subset(face, chars)
        if family not in {f.name for f in fm.fontManager.ttflist}:
            fm.fontManager.addfont(path)
        families.append(family)
    return families[0], families[1]
