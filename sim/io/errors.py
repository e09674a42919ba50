"""Typed errors for bad input.

Every problem with a user-supplied file or value is raised as :class:`InputError`,
which carries the file, the field and the reason, so that the command line can print
one line and exit with status 2, and the app can show a plain message.

The reason is English, for the command line. Where the app can meet an error, the raise
site also gives a machine-readable ``code`` (``"missing"``, ``"not_number"`` …) and the
``params`` its sentence needs, so the app can word it in the planner's language (the
Chinese sentences live in ``ui/texts/errors.py``). Both are optional keywords: an error
without a code is still a complete English error.
"""

from __future__ import annotations


class InputError(ValueError):
    """A plan file, scenario file, actuals file or value that cannot be used.

    Parameters
    ----------
    source : str
        The file (or other origin, such as ``"app"``) the bad input came from.
    field : str
        Dotted path of the offending field, e.g. ``"drivers.gdp"``.
    reason : str
        Why the value is rejected, in plain words (English).
    code : str, optional
        Machine-readable kind of problem, e.g. ``"not_number"``; ``""`` if none was given.
    params : dict, optional
        Values the worded reason needs (``{"value": "abc"}``), for translations.
    """

    def __init__(self, source: str, field: str, reason: str, *, code: str = "", params: dict | None = None):
        self.source = str(source)
        self.field = field
        self.reason = reason
        self.code = code
        self.params = dict(params or {})
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """One line: ``source: field: reason``."""
        where = f"{self.source}: {self.field}" if self.field else self.source
        return f"{where}: {self.reason}"

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.message


class PlanError(InputError):
    """The plan data file is malformed or inconsistent."""


class ScenarioError(InputError):
    """A scenario file (or its parent chain) is malformed."""


class ExportError(InputError):
    """An export could not be written."""


class InputWarning(UserWarning):
    """An input that is possible but implausible (e.g. a growth rate far outside the plan's slider
    hints): it loads, and every output carries the warning.

    Parameters
    ----------
    source, field, reason : str
        As for :class:`InputError`.
    """

    def __init__(self, source: str, field: str, reason: str):
        self.source = str(source)
        self.field = field
        self.reason = reason
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """One line: ``source: field: reason``."""
        where = f"{self.source}: {self.field}" if self.field else self.source
        return f"{where}: {self.reason}"

    def __str__(self) -> str:
        return self.message

    def __eq__(self, other) -> bool:
        return isinstance(other, InputWarning) and self.message == other.message

    def __hash__(self) -> int:
        return hash(self.message)
