"""The engine's input errors and warnings among the app's texts: ``err.<code>`` → (Chinese, English).

Both templates of every code live in the engine, one table per language: the English in
:data:`sim.io.reasons.REASONS`, the Chinese in :data:`sim.io.reasons_zh.ZH` (there, not here, so
that the Chinese exports can word a warning too). This module only pairs them for
:func:`ui.i18n.t`; :func:`ui.fmt.input_error` words a whole error with
:meth:`sim.io.errors.InputError.message_in`.
"""

from sim.io.reasons import REASONS
from sim.io.reasons_zh import GENERIC, ZH

TEXT = {
    "err.generic": (GENERIC, "the value cannot be used"),
    **{f"err.{code}": (ZH[code], REASONS[code]) for code in ZH},
}
