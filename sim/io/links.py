"""Links between indicators, as plan data: one indicator's pace following others' growth.

A plan file may hold a ``[links]`` table::

    [links]
    deflator = "gdp_deflator"              # the price driver that turns real growth into nominal
    balance = { energy_capacity = "other_capacity" }   # which part of a sum takes the balance

    [[links.follow]]
    indicator = "public_budget_revenue"
    inputs = ["gdp"]
    elasticities = [1.0]
    basis = "assumed"                      # or "derived" with formula and quote
    reason = "..."

A *follow* link sets a compound driver's yearly growth to ``Σ eᵢ × gᵢ``, where ``gᵢ`` is the
growth of input ``i`` in the same year, first moved onto the linked indicator's price basis
(real → nominal: ``(1 + g)(1 + deflator) − 1``). Indicators without a ``price_basis`` (counts
such as visitors) are volumes and convert like real ones. Every link carries its basis like
every other number: ``derived`` (formula and the report's quotes) or ``assumed`` (a reason).
A *balance* names the part of a derived sum that the ``plan`` rule moves to meet the sum's
target, so that the other parts keep their own paces (a coal plant is not built to fill a gap).

A *within* bound says that a driver is part of another indicator and can never exceed it
(``part ≤ scale × whole`` in every year: 工业固定资产投资 within 固定资产投资, 林木覆盖率 within
林草覆盖率). Identities need none (a derived sum's parts cannot exceed it while each stays at or
above 0); a bound is for a part the plan projects on its own. The part must feed nothing else (no
derived indicator or link reads it), so holding it at its whole changes no other number.

Only the shape of the data is checked here; evaluating links is :mod:`sim.engine.links`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sim.io import formats
from sim.io.fields import Fields
from sim.io.indicator import Indicator
from sim.io.schema import BASES

#: Price bases that count as volumes when converting growth.
REAL_BASES = ("real", "")


@dataclass(frozen=True)
class Link:
    """One indicator's pace following the growth of others.

    Attributes
    ----------
    indicator : str
        The linked (compound) driver.
    inputs : tuple of str
        Indicators whose growth it follows (drivers or derived).
    elasticities : tuple of float
        Percentage points of the linked growth per point of each input's growth [pp/pp].
    basis, quote, formula, reason, note : str
        Provenance of the elasticities, as for every number of the plan.
    reason_zh, note_zh : str
        The reason and the remark in Chinese ("" where the file gives none).
    """

    indicator: str
    inputs: tuple[str, ...]
    elasticities: tuple[float, ...]
    basis: str
    quote: tuple[str, ...] = ()
    formula: str = ""
    reason: str = ""
    note: str = ""
    reason_zh: str = ""
    note_zh: str = ""

    @property
    def provenance(self) -> str:
        """The formula (derived) or the reason (assumed)."""
        return self.formula if self.basis == "derived" else self.reason

    def provenance_in(self, lang: str) -> str:
        """:attr:`provenance` for planners: the Chinese reason where the file gives one."""
        return self.reason_zh if lang == "zh" and self.basis == "assumed" and self.reason_zh else self.provenance


@dataclass(frozen=True)
class Within:
    """A driver that is part of another indicator: ``part ≤ scale × whole`` in every year.

    Attributes
    ----------
    part, whole : str
        Indicator ids.
    scale : float
        Units of the part per unit of the whole (10000 for 户 within 万户) [part unit / whole unit].
    basis, quote, formula, reason, reason_zh : str
        Why the bound holds, as for every number of the plan.
    """

    part: str
    whole: str
    scale: float = 1.0
    basis: str = "assumed"
    quote: tuple[str, ...] = ()
    formula: str = ""
    reason: str = ""
    reason_zh: str = ""


@dataclass(frozen=True)
class Links:
    """Every link of a plan.

    Attributes
    ----------
    follow : tuple of Link
    deflator : str
        The price driver (an index whose growth is the deflator [%/年]); empty if none.
    balance : dict of str to str
        For a derived sum, the part the ``plan`` rule moves to meet the sum's target.
    within : tuple of Within
        Parts that can never exceed their whole.
    """

    follow: tuple[Link, ...] = ()
    deflator: str = ""
    balance: dict[str, str] = field(default_factory=dict)
    within: tuple[Within, ...] = ()

    @property
    def by_indicator(self) -> dict[str, Link]:
        return {link.indicator: link for link in self.follow}

    def __bool__(self) -> bool:
        return bool(self.follow or self.balance)


def parse_links(f: Fields | None, indicators: tuple[Indicator, ...]) -> Links:
    """Read and check a plan's ``[links]`` table (absent: no links).

    Raises
    ------
    PlanError
        Naming the file and field: an unknown indicator, a link on something that is not a
        compound driver, elasticities not matching inputs, a missing deflator, a missing
        provenance, or a cycle.
    """
    if f is None:
        return Links()
    f.allow_only(formats.LINKS)
    by_id = {ind.id: ind for ind in indicators}
    deflator = f.str("deflator", "")
    if deflator and (deflator not in by_id or by_id[deflator].dynamic != "compound"):
        raise f.fail("deflator", "deflator_not_compound", name=deflator)
    links: list[Link] = []
    for entry in f.subs("follow"):
        link = _parse_follow(entry, by_id, deflator)
        if link.indicator in {x.indicator for x in links}:
            raise entry.fail("indicator", "linked_twice", name=link.indicator)
        if link.indicator == deflator:
            raise entry.fail("indicator", "deflator_linked")
        links.append(link)
    balance = _parse_balance(f.sub("balance", None), by_id)
    _check_cycles(f, links, by_id)
    read = {x for link in links for x in link.inputs} | {link.indicator for link in links} | {deflator}
    entries = f.subs("within")
    within = tuple(_parse_within(entry, by_id, read) for entry in entries)
    for entry, bound in zip(entries, within, strict=True):
        # a part held at its whole must not move another part's ceiling after that part was held
        if bound.part in {w.whole for w in within}:
            raise entry.fail("part", "within_part", name=bound.part)
    return Links(follow=tuple(links), deflator=deflator, balance=balance, within=within)


def _parse_follow(f: Fields, by_id: dict[str, Indicator], deflator: str) -> Link:
    f.allow_only(formats.LINK)
    name = f.str("indicator")
    ind = by_id.get(name)
    if ind is None or ind.dynamic != "compound":
        raise f.fail("indicator", "link_not_compound", name=name)
    inputs = f.strs("inputs")
    for x in inputs:
        if x not in by_id or x == name:
            raise f.fail("inputs", "link_input_unknown", name=x)
        if by_id[x].dynamic not in ("compound", "derived"):
            raise f.fail("inputs", "link_input_additive", name=x)
        if by_id[x].price_basis != ind.price_basis and (
                by_id[x].price_basis not in REAL_BASES or ind.price_basis not in REAL_BASES) and not deflator:
            raise f.fail("inputs", "link_price_basis", input=x, name=name,
                         input_basis_en=by_id[x].price_basis or "a volume", basis_en=ind.price_basis or "a volume")
    raw = f.table.get("elasticities")
    if not isinstance(raw, list) or len(raw) != len(inputs):
        raise f.fail("elasticities", "link_elasticities", n=len(inputs))
    elasticities = tuple(_finite(f, v) for v in raw)
    basis = f.str("basis", choices=BASES[1:])
    link = Link(indicator=name, inputs=inputs, elasticities=elasticities, basis=basis,
                quote=f.strs("quote", ()), formula=f.str("formula", ""), reason=f.str("reason", ""),
                reason_zh=f.str("reason_zh", ""),
                note=f.str("note", ""), note_zh=f.str("note_zh", ""))
    _check_provenance(f, link)
    return link


def _check_provenance(f: Fields, entry: Link | Within) -> None:
    """A derived link or bound needs its formula and quotes, an assumed one its reason."""
    if entry.basis == "derived" and not (entry.formula and entry.quote):
        raise f.fail("formula", "link_needs_formula")
    if entry.basis == "assumed" and not entry.reason:
        raise f.fail("reason", "link_needs_reason")


def _finite(f: Fields, value) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value or abs(value) == float("inf"):
        raise f.fail("elasticities", "not_finite_repr", value=value)
    return float(value)


def _parse_within(f: Fields, by_id: dict[str, Indicator], read: set[str]) -> Within:
    """One ``[[links.within]]`` bound; ``read``: the indicators links read or move."""
    f.allow_only(formats.WITHIN)
    part, whole = f.str("part"), f.str("whole")
    for key, name in (("part", part), ("whole", whole)):
        if name not in by_id:
            raise f.fail(key, "unknown_input", name=name)
    read = read | {x for ind in by_id.values() for x in ind.inputs}
    if not by_id[part].is_driver or part in read or part == whole:
        raise f.fail("part", "within_part", name=part)
    if part in _leaves(whole, by_id):
        raise f.fail("whole", "within_own_part", name=whole, part=part)
    for key, name in (("part", part), ("whole", whole)):
        base = by_id[name].baseline
        if base is not None and base.index:
            # an index (2025 = 100) says nothing about the level, so the two cannot be compared
            raise f.fail(key, "within_index", name=name)
    scale = f.num("scale", 1.0)
    if not 0 < scale < float("inf"):
        raise f.fail("scale", "within_scale", value=scale)
    bound = Within(part=part, whole=whole, scale=scale, basis=f.str("basis", choices=BASES[1:]),
                   quote=f.strs("quote", ()), formula=f.str("formula", ""), reason=f.str("reason", ""),
                   reason_zh=f.str("reason_zh", ""))
    _check_provenance(f, bound)
    p, w = by_id[part].baseline, by_id[whole].baseline
    if p is not None and w is not None and p.value > scale * w.value:
        raise f.fail("part", "within_baseline", name=part, value=p.value, whole=whole, limit=scale * w.value)
    return bound


def _parse_balance(f: Fields | None, by_id: dict[str, Indicator]) -> dict[str, str]:
    if f is None:
        return {}
    out = {}
    for total, part in f.table.items():
        ind = by_id.get(total)
        if ind is None or ind.op != "sum":
            raise f.fail(total, "balance_not_sum", name=total)
        if part not in ind.inputs or not by_id[part].is_driver:
            raise f.fail(total, "balance_not_part", part=part, name=total)
        out[total] = part
    return out


def _leaves(x: str, by_id: dict[str, Indicator]) -> set[str]:
    ind = by_id[x]
    if ind.is_driver:
        return {x}
    return set().union(*(_leaves(y, by_id) for y in ind.inputs))


def _check_cycles(f: Fields, links: list[Link], by_id: dict[str, Indicator]) -> None:
    follows = {link.indicator: set().union(*(_leaves(x, by_id) for x in link.inputs)) for link in links}
    state: dict[str, int] = {}

    def visit(x: str, trail: list[str]) -> None:
        if state.get(x) == 2 or x not in follows:
            return
        if state.get(x) == 1:
            raise f.fail("follow", "link_cycle", cycle=" → ".join([*trail[trail.index(x):], x]))
        state[x] = 1
        for y in sorted(follows[x]):
            visit(y, [*trail, x])
        state[x] = 2

    for x in follows:
        visit(x, [])


def link_order(links: Links, by_id: dict[str, Indicator]) -> tuple[Link, ...]:
    """Links in evaluation order: each after every link its inputs depend on."""
    pending = list(links.follow)
    done: set[str] = set()
    order: list[Link] = []
    while pending:
        for link in pending:
            needs = set().union(*(_leaves(x, by_id) for x in link.inputs)) | ({links.deflator} - {""})
            if not (needs & ({x.indicator for x in pending} - {link.indicator})):
                order.append(link)
                done.add(link.indicator)
                pending.remove(link)
                break
    return tuple(order)


__all__ = ["REAL_BASES", "Link", "Links", "Within", "link_order", "parse_links"]
