"""Labels the engine writes beside its numbers: a code with params, English by its template.

Where a driver's path comes from (``plan: 2030 target``, ``linked: follows gdp × 1 (…)``) and
where a spread comes from (``default: floor 1.5 log points``) are :class:`Label` objects. A
label *is* its English text (a ``str``), so the command line, exports and tests read it as
before; its :attr:`Label.code` and :attr:`Label.params` let an output word it in another
language from a table of templates by code (:meth:`Label.words`) instead of parsing the
English. The English templates live here, in :data:`LABELS`; the Chinese ones beside the
output that shows them (``sim/report/frames.py`` for sources, ``sim/report/labels.py`` (``ORIGIN``) for
spreads).

Conventions for a template, as for input errors (:mod:`sim.io.reasons`): a parameter may be
another label (worded in the same language in turn); one ending in ``_en`` holds English words
(a plan file's reason), one ending in ``_zh`` their Chinese counterpart.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

#: code → English text (``str.format`` template over the label's params).
LABELS: dict[str, str] = {
    # where a driver's path comes from (sim.engine.rules)
    "plan": "plan: {steps}",
    "milestone": "{year} milestone",
    "target": "{year} target",
    "then": "{first} then {second}",
    "then_held": "plan: {step}, then held",
    "pace_continues": "plan: {step} pace continues",
    "shared": "pace shared to meet {goal}",
    "goal_milestone": "the {indicator} {year} milestone",
    "goal_target": "the {indicator} target",
    "link_needs": "the pace its link to {indicator} needs ({value:g} ÷ elasticity {elasticity:g})",
    "no_figure_trend": "no plan figure: 2025 trend",
    "no_figure_assumed": "no plan figure: assumed pace",
    "no_figure_held": "no plan figure: held at 2025 level",
    "trend_reported": "trend: 2025 pace, reported",
    "trend_other": "trend: {basis} ({note_en})",
    "trend_missing": "trend not reported; {rule}",
    "linked": "linked: follows {terms} ({basis}: {provenance_en})",
    "unlinked": "{scenario} (set by hand; unlinked from {inputs})",
    # where a driver's spread comes from (sim.uncertainty.spec)
    "spread_floor": "default: floor {value:g} log points",
    "spread_flow": "default: {share:.0%} of the yearly flow",
    "spread_change": "default: {share:.0%} of the yearly change",
    "spread_reported": "default: 2025 reported {trend:g} vs plan pace {plan:.4g}",
    "spread_still": "default: held still by the scenario, no spread",
    "spread_file": "{file}: {field}",
}


class Label(str):
    """An engine label: its English text, with the code and params that word it in any language.

    Parameters
    ----------
    code : str
        A key of :data:`LABELS`.
    **params
        Values the template needs; a value may be another :class:`Label`.
    """

    code: str
    params: dict

    def __new__(cls, code: str, **params) -> Label:
        self = super().__new__(cls, LABELS[code].format_map(params))
        self.code = code
        self.params = params
        return self

    def __reduce__(self):
        # A str subclass pickles through its text by default; a label must keep its code (caches pickle it).
        return (_rebuild, (self.code, self.params))

    def words(self, templates: Mapping[str, str], convert: Mapping[str, Callable] | None = None) -> str:
        """This label worded with ``templates`` (code → template), nested labels likewise.

        ``convert`` maps a parameter's name to a function giving its shown value (an indicator
        id to its name). A code without a template keeps its English text.
        """
        template = templates.get(self.code)
        if template is None:
            return str(self)
        convert = convert or {}
        values = {k: v.words(templates, convert) if isinstance(v, Label)
                  else convert[k](v) if k in convert else v for k, v in self.params.items()}
        return template.format_map(values)


def _rebuild(code: str, params: dict) -> Label:
    return Label(code, **params)


__all__ = ["LABELS", "Label"]
