"""Typed errors for bad input.

Every problem with a user-supplied file or value is raised as :class:`InputError`,
which carries the file, the field and the reason, so that the command line can print
one line and exit with status 2, and the app can show a plain message.
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
        Why the value is rejected, in plain words.
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
