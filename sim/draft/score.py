"""Score a drafted plan against a hand-made one: recall and precision by indicator id.

A draft target (or milestone) counts as found when the hand-made plan has one on the same
indicator id, for the same year, with the same kind, direction, value (to 1e-6, relative)
and the indicator in the same unit. Baselines: the reported 2025 levels of the hand-made
indicators that have a target or milestone, matched by id, value and unit.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Score:
    """Recall and precision of one kind of number.

    Attributes
    ----------
    found : int
        Reference numbers the draft has exactly.
    reference : int
        Numbers in the reference.
    drafted : int
        Numbers in the draft (of the same kind).
    missed, extra : tuple of str
        Reference numbers not found; draft numbers not in the reference.
    """

    found: int
    reference: int
    drafted: int
    missed: tuple[str, ...]
    extra: tuple[str, ...]

    @property
    def recall(self) -> float:
        return self.found / self.reference if self.reference else 1.0

    @property
    def precision(self) -> float:
        correct = self.drafted - len(self.extra)
        return correct / self.drafted if self.drafted else 1.0


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _goal_keys(plan, milestones: bool) -> dict[tuple, float]:
    out = {}
    for ind in plan.indicators:
        for t in (ind.milestones if milestones else ind.targets):
            out[(ind.id, t.year, t.kind, t.direction, ind.unit)] = t.value
    return out


def _compare(ref: dict[tuple, float], draft: dict[tuple, float]) -> Score:
    found = [k for k, v in ref.items() if k in draft and _same(draft[k], v)]
    missed = tuple(f"{k} = {v:g}" + (f" (draft {draft[k]:g})" if k in draft else "")
                   for k, v in ref.items() if k not in found)
    extra = tuple(f"{k} = {v:g}" for k, v in draft.items() if not (k in ref and _same(ref[k], v)))
    return Score(len(found), len(ref), len(draft), missed, extra)


def score_goals(draft, reference, milestones: bool = False) -> Score:
    """2030 targets (or, with ``milestones``, every milestone) of ``draft`` against ``reference``."""
    return _compare(_goal_keys(reference, milestones), _goal_keys(draft, milestones))


def score_baselines(draft, reference) -> Score:
    """Reported 2025 levels of every reference indicator with a target or milestone."""
    def keys(plan, only: set[str] | None) -> dict[tuple, float]:
        return {(ind.id, ind.unit): ind.baseline.value for ind in plan.indicators
                if ind.baseline is not None and ind.baseline.basis == "reported"
                and (only is None or ind.id in only)}
    wanted = {ind.id for ind in reference.indicators if ind.targets or ind.milestones}
    ref = keys(reference, wanted)
    draft_keys = keys(draft, wanted)
    return _compare(ref, draft_keys)


def score_all(draft, reference) -> dict[str, Score]:
    """``targets``, ``milestones`` and ``baselines`` scores."""
    return {"targets": score_goals(draft, reference), "milestones": score_goals(draft, reference, True),
            "baselines": score_baselines(draft, reference)}
