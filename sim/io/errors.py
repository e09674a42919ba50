"""Typed errors for bad input.

Every problem with a user-supplied file or value is raised as :class:`InputError`,
which carries the file, the field and the reason, so that the command line can print
one line and exit with status 2, and the app can show a plain message.

The reason is English, for the command line. A raise site gives a machine-readable ``code``
(``"missing"``, ``"not_number"`` …) and the ``params`` its sentence needs, and no reason: the
English reason is then rendered from the code's template in :mod:`sim.io.reasons`, and
:meth:`~_Worded.reason_in` / :meth:`~_Worded.message_in` word the same code and params in Chinese
from :mod:`sim.io.reasons_zh` (for the app and the Chinese exports). A reason given explicitly (and
no code) is still accepted, for code outside the engine; every raise in ``sim/`` is coded
(``tests/io/test_error_codes.py``).
"""

from __future__ import annotations

import re

from sim.io.reasons import render
from sim.io.reasons_zh import message_zh, render_zh

#: What would break the one line or act on a terminal if a file's text were printed as it is:
#: control characters (a newline, ESC starting a colour or cursor sequence, NUL), Unicode line and
#: paragraph separators, and the bidirectional controls that can make a line read in another order.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def one_line(text: str) -> str:
    """``text`` with every :data:`_UNSAFE` character written as its escape (``\\n`` as ``\\x0a``)."""
    return _UNSAFE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                       else f"\\u{ord(m.group()):04x}", text)


class _Worded:
    """What an input error and an input warning share: where (source, field) and why (a code with
    params, worded in English by :func:`sim.io.reasons.render`, or an explicit reason)."""

    def __init__(self, source: str, field: str, reason: str | None = None, *, code: str = "",
                 params: dict | None = None):
        self.source = str(source)
        self.field = field
        self.code = code
        self.params = dict(params or {})
        self.reason = render(code, self.params) if reason is None else reason
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """One line: ``source: field: reason`` (what a file wrote there escaped, :func:`one_line`)."""
        where = f"{self.source}: {self.field}" if self.field else self.source
        return one_line(f"{where}: {self.reason}")

    def reason_in(self, lang: str) -> str:
        """The reason in ``lang``: English as raised; Chinese from the code (a plain general
        sentence for an uncoded one, never the English)."""
        return render_zh(self.code, self.params) if lang == "zh" else self.reason

    def message_in(self, lang: str) -> str:
        """The one line in ``lang``: :attr:`message`, or ``文件:字段:原因`` in Chinese."""
        return one_line(message_zh(self.source, self.field, self.code, self.params)) if lang == "zh" else self.message

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.message


class InputError(_Worded, ValueError):
    """A plan file, scenario file, actuals file or value that cannot be used.

    Parameters
    ----------
    source : str
        The file (or other origin, such as ``"app"``) the bad input came from.
    field : str
        Dotted path of the offending field, e.g. ``"drivers.gdp"``.
    reason : str, optional
        Why the value is rejected, in plain words (English); by default rendered from ``code``
        and ``params`` (:func:`sim.io.reasons.render`).
    code : str, optional
        Machine-readable kind of problem, a key of :data:`sim.io.reasons.REASONS`, e.g.
        ``"not_number"``; ``""`` if none was given.
    params : dict, optional
        Values the worded reason needs (``{"value": "abc"}``), for every language.
    """


class PlanError(InputError):
    """The plan data file is malformed or inconsistent."""


class ScenarioError(InputError):
    """A scenario file (or its parent chain) is malformed."""


class ExportError(InputError):
    """An export could not be written."""


class InputWarning(_Worded, UserWarning):
    """An input that is possible but implausible (e.g. a growth rate far outside the plan's slider
    hints): it loads, and every output carries the warning.

    Parameters
    ----------
    source, field, reason, code, params
        As for :class:`InputError`: a coded warning is worded in any language from its code.
    """

    def __eq__(self, other) -> bool:
        return isinstance(other, InputWarning) and self.message == other.message

    def __hash__(self) -> int:
        return hash(self.message)
