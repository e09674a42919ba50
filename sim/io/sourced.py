"""One number of a plan with its provenance (:class:`Sourced`), and how its table is read: a
reported number carries the report's words, a derived one its formula, an assumed one its reason."""

from __future__ import annotations

from dataclasses import dataclass

from sim.io import formats
from sim.io.fields import Fields
from sim.io.schema import BASES


@dataclass(frozen=True)
class Sourced:
    """One number with its provenance.

    Attributes
    ----------
    value : float
        The number, in the unit of the indicator (or % per year for growth).
    basis : str
        ``reported``, ``derived`` or ``assumed``.
    quote : tuple of str
        The report's exact words (for ``reported``; context for the others).
    formula : str
        How a ``derived`` number was computed (documentation only, never evaluated).
    reason : str
        Why an ``assumed`` number was chosen.
    reason_zh : str
        The same reason in Chinese, for planners ("" if the file gives none).
    index : bool
        True when the number is an index (2025 = 100) standing in for an unreported level.
    """

    value: float
    basis: str
    quote: tuple[str, ...] = ()
    formula: str = ""
    reason: str = ""
    index: bool = False
    reason_zh: str = ""

    @property
    def assumed(self) -> bool:
        return self.basis == "assumed"

    @property
    def note(self) -> str:
        """Human-readable provenance: the quote, formula or reason."""
        if self.basis == "reported":
            return "；".join(self.quote)
        if self.basis == "derived":
            return self.formula
        return self.reason

    def reason_in(self, lang: str) -> str:
        """The reason in ``lang`` (``zh``: the Chinese text, "" if the file gives none)."""
        return self.reason_zh if lang == "zh" else self.reason


def parse_number(f: Fields | None, required: bool, parent: Fields, key: str,
                  keys: dict = formats.NUMBER) -> Sourced | None:
    if f is None:
        if required:
            raise parent.fail(key, "missing")
        return None
    f.allow_only(keys)
    basis = f.str("basis", choices=BASES)
    number = Sourced(
        value=f.num("value"), basis=basis, quote=f.strs("quote", ()),
        formula=f.str("formula", ""), reason=f.str("reason", ""), index=f.bool("index"),
        reason_zh=f.str("reason_zh", ""),
    )
    if basis == "reported" and not number.quote:
        raise f.fail("quote", "number_needs_quote")
    if basis == "derived" and not number.formula:
        raise f.fail("formula", "number_needs_formula")
    if basis == "assumed" and not number.reason:
        raise f.fail("reason", "number_needs_reason")
    if number.reason_zh and not number.reason:
        raise f.fail("reason_zh", "reason_zh_alone")
    return number
