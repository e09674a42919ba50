"""Atomic text writes for the draft command: a temporary file renamed into place.

A failed write leaves neither a partial file nor the temporary one behind.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from sim import ExportError


def write_text_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` through a temporary file in the same folder.

    Raises
    ------
    sim.ExportError
        Naming the file and the reason, if it cannot be written.
    """
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    except OSError as exc:
        raise ExportError(str(path), "", f"cannot write file ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ExportError(str(path), "", f"cannot write file ({exc.strerror or exc})") from None
