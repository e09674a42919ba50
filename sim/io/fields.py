"""Strict reading of TOML tables: typed fields, unknown keys rejected.

A :class:`Fields` wraps one TOML table together with the file it came from and its
dotted location, so every error names the file, the field and the reason.
"""

from __future__ import annotations

import math
import numbers
import re
import sys
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

from sim.io.errors import InputError

#: Natural logarithm of the largest finite float: a level start × e^x overflows once x passes it.
LOG_MAX = math.log(sys.float_info.max)
#: Largest TOML file read from disk or upload [bytes]. Plan and scenario files are a
#: few kilobytes; anything far larger is a mistake or an attack.
MAX_FILE_BYTES = 1_000_000


#: Deepest nesting of tables and arrays accepted. Plan and scenario files need four levels;
#: deeper input is refused before the recursive parts of the reader see it.
MAX_DEPTH = 16


def read_limited(path: str | Path, error: type[InputError] = InputError,
                 limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of ``path``, refusing more than ``limit``.

    The limit holds on the bytes actually read, not on what ``stat`` reports, so a device
    such as ``/dev/zero`` or a file growing while it is read cannot exhaust memory.
    """
    path = Path(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        raise error(str(path), "", code="unreadable",
                    params={"detail_en": getattr(exc, "strerror", None) or exc}) from None
    if len(data) > limit:
        raise error(str(path), "", code="too_big_read", params={"limit": limit})
    return data


#: Share of control characters (other than line breaks, tabs and form feeds) above which input is not
#: text; two are always let through (a stray escape in a short file is a typo, named where it stands).
MAX_CONTROL_SHARE = 0.001


def decode_text(data: bytes, source: str) -> tuple[str, str]:
    """(text, encoding) of a text file a planner saved: UTF-8 (with or without a BOM), else GB18030
    (what Excel and Notepad on a Chinese Windows write as "ANSI", a superset of GBK).

    Raises
    ------
    InputError
        Binary input (NUL bytes or many control characters), or bytes that neither decodes.
    """
    if b"\x00" in data:
        raise InputError(source, "", code="binary_nul")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        control = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
        if control > max(2, MAX_CONTROL_SHARE * len(text)):
            raise InputError(source, "", code="binary_control")
        return text, "utf-8" if encoding == "utf-8-sig" else encoding
    raise InputError(source, "", code="not_decodable")


def read_toml(path: str | Path, error: type[InputError] = InputError) -> dict[str, Any]:
    """Read a TOML file, turning every failure into one ``error`` line."""
    return parse_toml(read_limited(path, error), str(path), error)


def parse_toml(data: bytes | str, source: str, error: type[InputError] = InputError) -> dict:
    """Parse TOML text or bytes; malformed input raises ``error`` naming ``source``."""
    if isinstance(data, bytes):
        if len(data) > MAX_FILE_BYTES:
            raise error(source, "", code="too_big", params={"size": len(data), "limit": MAX_FILE_BYTES})
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise error(source, "", code="not_utf8") from None
    elif len(data) > MAX_FILE_BYTES:
        raise error(source, "", code="too_long", params={"size": len(data), "limit": MAX_FILE_BYTES})
    if _nesting(data) > MAX_DEPTH:
        raise error(source, "", code="too_deep", params={"depth": MAX_DEPTH})
    try:
        return tomllib.loads(data)
    except tomllib.TOMLDecodeError as exc:
        detail, line, column, at_end = _toml_position(str(exc))
        raise error(source, "", code="not_toml_at" if line else "not_toml_end" if at_end else "not_toml",
                    params={"detail_en": detail, "line": line, "column": column}) from None
    except RecursionError:  # a nesting the bracket count below could not see
        raise error(source, "", code="too_deep", params={"depth": MAX_DEPTH}) from None


#: Where tomllib stopped reading, as the end of its message says it (Python 3.11 has no
#: ``lineno``/``colno`` on the error): ``(at line 3, column 9)`` or ``(at end of document)``.
_TOML_AT = re.compile(r" \(at (?:line (\d+), column (\d+)|(end of document))\)$")


def _toml_position(message: str) -> tuple[str, int | None, int | None, bool]:
    """(the library's message without its position, line, column, at the end of the document):
    line and column as numbers any language can show, None where the message gives none."""
    m = _TOML_AT.search(message)
    if m is None:
        return message, None, None, False
    if m.group(3):
        return message[:m.start()], None, None, True
    return message[:m.start()], int(m.group(1)), int(m.group(2)), False


def _nesting(text: str) -> int:
    """An upper bound on the nesting depth of TOML text: the deepest run of open ``[``/``{``.

    Brackets inside strings are counted too, so the bound may overestimate, never under; quoted
    brackets open and close in pairs, so real files stay far below :data:`MAX_DEPTH`.
    """
    depth = deepest = 0
    for match in _BRACKETS.finditer(text):
        if match.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth = max(depth - 1, 0)
    return deepest


_BRACKETS = re.compile(r"[\[\]{}]")


class Fields:
    """Typed, strict access to one TOML table.

    Parameters
    ----------
    table : dict
        The parsed table.
    source : str
        File it came from (for messages).
    where : str
        Dotted location of the table inside the file (for messages).
    error : type
        Exception class to raise.
    """

    def __init__(self, table: Any, source: str, where: str, error: type[InputError]):
        if not isinstance(table, dict):
            raise error(source, where, code="not_table", params={"type_en": type(table).__name__})
        self.table = table
        self.source = source
        self.where = where
        self.error = error

    def path(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def fail(self, key: str, code: str, **params) -> InputError:
        """Build (not raise) an error about ``key``: its ``code`` and ``params`` (see :class:`InputError`;
        the reason is the code's template, :mod:`sim.io.reasons`)."""
        return self.error(self.source, self.path(key), code=code, params=params)

    def allow_only(self, keys: Iterable[str]) -> None:
        """Reject keys outside ``keys`` (typos must not pass silently)."""
        allowed = set(keys)
        for key in self.table:
            if key not in allowed:
                raise self.fail(key, "unknown_key", allowed=", ".join(sorted(allowed)))

    def has(self, key: str) -> bool:
        return key in self.table

    def str(self, key: str, default: Any = ..., choices: Iterable[str] | None = None) -> Any:
        if key not in self.table:
            if default is ...:
                raise self.fail(key, "missing")
            return default
        value = self.table[key]
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, "not_text")
        if choices is not None:
            choices = tuple(choices)
            if value not in choices:
                raise self.fail(key, "not_choice", value=value, choices=", ".join(choices))
        return value

    def int(self, key: str, default: Any = ...) -> Any:
        if key not in self.table:
            if default is ...:
                raise self.fail(key, "missing")
            return default
        value = self.table[key]
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(key, "not_integer")
        return value

    def num(self, key: str, default: Any = ...) -> Any:
        if key not in self.table:
            if default is ...:
                raise self.fail(key, "missing")
            return default
        return finite(self.table[key], self, key)

    def bool(self, key: str, default: bool = False) -> bool:
        value = self.table.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(key, "not_bool")
        return value

    def sub(self, key: str, default: Any = ...) -> Fields | None:
        if key not in self.table:
            if default is ...:
                raise self.fail(key, "missing")
            return default
        return Fields(self.table[key], self.source, self.path(key), self.error)

    def subs(self, key: str) -> list[Fields]:
        """An array of tables (``[[key]]``); absent means empty."""
        value = self.table.get(key, [])
        if not isinstance(value, list):
            raise self.fail(key, "not_tables")
        return [
            Fields(item, self.source, f"{self.path(key)}[{i}]", self.error)
            for i, item in enumerate(value)
        ]

    def strs(self, key: str, default: Any = ...) -> tuple[str, ...]:
        """Text or a list of texts, returned as a tuple."""
        if key not in self.table:
            if default is ...:
                raise self.fail(key, "missing")
            return default
        value = self.table[key]
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise self.fail(key, "not_texts")
        return tuple(value)


def check_whole(value: Any, name: str, least: int) -> None:
    """Refuse a function argument ``name`` that is not a whole number of at least ``least`` (a
    bool, a float such as 1.5, or text is none): ``arguments: name: reason``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < least:
        raise InputError("arguments", name, code="whole_at_least", params={"value": value, "least": least})


def year_of(key: Any) -> int | None:
    """The year a table key or a link names (``"2026"``), or None if it names none.

    Only decimal digits make a year: ``str.isdigit`` also passes superscripts such as ``"²"``,
    which ``int`` then refuses, so a key that passed that test could still end in a traceback.
    Full-width digits (``"２０２６"``, as a Chinese keyboard may type them) are decimal and read.
    """
    text = str(key)
    return int(text) if text.isdecimal() else None


def finite(value: Any, fields: Fields, key: str) -> float:
    """Return ``value`` as a float, rejecting booleans, text, NaN and infinities."""
    if isinstance(value, bool | np.bool_) or not isinstance(value, numbers.Real):
        raise fields.fail(key, "wrong_type", type_en=type(value).__name__)
    value = float(value)
    if not math.isfinite(value):
        raise fields.fail(key, "not_finite", value=value)
    return value
