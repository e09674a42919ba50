"""The 属性 of a plan target, 约束性 (binding) or 预期性 (expected), with where it comes from, and how
a target table's ``binding`` entry is read.

The attribute decides the colour of a monitoring warning (only a binding target turns red), so it
carries provenance like a number: ``reported`` with the plan's words or ``assumed`` with a reason.
"""

from __future__ import annotations

from dataclasses import dataclass

from sim.io import formats
from sim.io.fields import Fields

#: 属性 of a plan indicator: 约束性 (binding) or 预期性 (expected).
ATTRIBUTES = ("binding", "expected")
ATTRIBUTE_ZH = {"binding": "约束性", "expected": "预期性"}

#: Reason given to the shorthand ``binding = "binding"`` (a bare word, no provenance).
BARE_ATTRIBUTE_REASON = "given in the plan file without a source"


@dataclass(frozen=True)
class Attribute:
    """The 属性 of a target, 约束性 or 预期性, with where it comes from.

    Attributes
    ----------
    value : str
        ``binding`` (约束性) or ``expected`` (预期性).
    basis : str
        ``reported`` (the plan document says so; ``quote`` holds its words) or ``assumed``
        (``reason`` says how it was chosen).
    quote : tuple of str
    reason, reason_zh : str
        Why it was assumed, in English and (optionally) Chinese.
    """

    value: str
    basis: str
    quote: tuple[str, ...] = ()
    reason: str = ""
    reason_zh: str = ""

    @property
    def assumed(self) -> bool:
        return self.basis == "assumed"

    @property
    def zh(self) -> str:
        return ATTRIBUTE_ZH[self.value]

    @property
    def note(self) -> str:
        return "；".join(self.quote) if self.basis == "reported" else self.reason


def parse_attribute(f: Fields) -> Attribute | None:
    """Read a target's ``binding = { value = "binding" | "expected", basis, quote | reason }``,
    or the bare word; None where the target has none."""
    if not f.has("binding"):
        return None
    if isinstance(f.table["binding"], str):
        # The bare word predates provenance on attributes; it still loads, marked as unsourced.
        return Attribute(f.str("binding", choices=ATTRIBUTES), "assumed", reason=BARE_ATTRIBUTE_REASON)
    a = f.sub("binding")
    a.allow_only(formats.ATTRIBUTE)
    attr = Attribute(value=a.str("value", choices=ATTRIBUTES), basis=a.str("basis", choices=("reported", "assumed")),
                     quote=a.strs("quote", ()), reason=a.str("reason", ""),
                     reason_zh=a.str("reason_zh", ""))
    if attr.basis == "reported" and not attr.quote:
        raise a.fail("quote", "attribute_needs_quote")
    if attr.assumed and not attr.reason:
        raise a.fail("reason", "attribute_needs_reason")
    return attr
