"""Read a work report from disk: size limit, UTF-8 or GB18030, text only.

Every refusal is one :class:`sim.InputError` naming the file and the reason, so the
command line prints one line and exits with status 2.
"""

from __future__ import annotations

from pathlib import Path

from sim import InputError
from sim.io.fields import decode_text, read_limited

#: Largest report accepted [bytes]. A county work report is 30–100 kB of text.
MAX_REPORT_BYTES = 5_000_000


def decode_report(data: bytes, source: str) -> tuple[str, str]:
    """(text, encoding) of report bytes: UTF-8 (with or without BOM), else GB18030.

    Raises
    ------
    InputError
        Empty, binary (NUL bytes or control characters) or undecodable input.
    """
    if len(data) > MAX_REPORT_BYTES:
        raise InputError(source, "", code="too_big", params={"size": len(data), "limit": MAX_REPORT_BYTES})
    if not data.strip():
        raise InputError(source, "", code="empty_file")
    return decode_text(data, source)


def read_report(path: str | Path) -> tuple[str, str]:
    """(text, encoding) of the report at ``path``; see :func:`decode_report`."""
    path = Path(path)
    if not path.exists():
        raise InputError(str(path), "", code="no_such_file")
    if path.is_dir():
        raise InputError(str(path), "", code="not_regular_file")
    return decode_report(read_limited(path, InputError, limit=MAX_REPORT_BYTES), str(path))
