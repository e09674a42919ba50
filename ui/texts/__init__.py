"""Every text the app shows, one module per page (``common`` for the frame and shared words).

Each module holds ``TEXT``: key → (Chinese, English). Keys start with their page's prefix;
:data:`TEXT` is their union, read by :func:`ui.i18n.t` (the one lookup function). A key
defined twice is an error at import, so no text can silently shadow another.
"""

from __future__ import annotations

from . import (
    assumptions,
    audit,
    board,
    common,
    compare,
    draft,
    export,
    indicator,
    monitor,
    review,
    uncertainty,
)

MODULES = (common, board, assumptions, indicator, compare, export, uncertainty, review, monitor, audit, draft)


def _union() -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for module in MODULES:
        twice = out.keys() & module.TEXT.keys()
        if twice:
            raise RuntimeError(f"texts defined twice: {sorted(twice)}")
        out.update(module.TEXT)
    return out


TEXT: dict[str, tuple[str, str]] = _union()
