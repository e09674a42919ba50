"""Numbers as planners write them, with the decimals of :data:`sim.report.labels.DECIMALS`.

Every function takes the value in the indicator's own unit and returns text; NaN becomes
"—". Thousands are separated with commas in both languages (1,600万千瓦).
"""

from __future__ import annotations

import math
import re

from sim.io.errors import one_line
from sim.io.reasons import render
from sim.io.reasons_zh import message_zh, render_zh
from sim.io.scenario import APP_SOURCE
from sim.report.labels import decimals

from .i18n import UNITS_EN, lang, listing, name, unit

DASH = "—"
NBSP = "\u00a0"


def number(value, places: int = 1, signed: bool = False) -> str:
    """``1600.04`` → ``"1,600.0"``; NaN/None → ``"—"``; ``-0.0`` never shows a minus."""
    if value is None:
        return DASH
    try:
        value = float(value)
    except (TypeError, ValueError):
        return DASH
    if not math.isfinite(value):
        return DASH
    if round(value, places) == 0:
        value = 0.0
    text = f"{value:{'+' if signed else ''},.{places}f}"
    return "±" + text[1:] if signed and value == 0 else text


def with_unit(text: str, u: str, lang_: str | None = None) -> str:
    """Attach a unit: ``314.7亿元`` in Chinese, ``314.7 (100m yuan)`` or ``6.5%`` in English."""
    if text == DASH or not u:
        return text
    lg = lang_ or lang()
    shown = unit(u, lg)
    if shown.startswith("%"):
        return f"{text}{shown}"
    if lg == "zh":
        return f"{text}{shown}"
    shown = shown.replace(" ", NBSP)  # "100m yuan" never parts at a line end
    if shown[0].isdigit():
        return f"{text} ({shown})"
    return f"{text}{NBSP}{shown}"


def value(v, u: str, lang_: str | None = None, signed: bool = False) -> str:
    """A level in its unit: ``value(314.66, "亿元")`` → ``"314.7亿元"``."""
    return with_unit(number(v, decimals(u), signed), u, lang_)


def pace(v, pace_unit: str, lang_: str | None = None) -> str:
    """A yearly pace: ``6.5%/年``, ``0.20百分点/年``, ``197万千瓦/年``."""
    return with_unit(number(v, decimals(pace_unit)), pace_unit, lang_)


def points(v, lang_: str | None = None, signed: bool = True) -> str:
    """A difference of percentages: ``-1.5个百分点`` / ``-1.5 pp``."""
    text = number(v, 1, signed)
    if text == DASH:
        return text
    return f"{text}个百分点" if (lang_ or lang()) == "zh" else f"{text}{NBSP}pp"


def percent(v, lang_: str | None = None, signed: bool = False) -> str:
    text = number(v, 1, signed)
    return text if text == DASH else f"{text}%"


#: Compared units whose differences are percentage points, not per cent.
POINT_UNITS = ("%/年", "%")


def gap(v, measure_unit: str, lang_: str | None = None) -> str:
    """A signed gap: percentage points for growth and percentages, else the unit."""
    if measure_unit in POINT_UNITS:
        return points(v, lang_)
    return value(v, measure_unit, lang_, signed=True)


def gap_unit(measure_unit: str, lang_: str | None = None) -> str:
    """The unit of a gap or of a change of one, for a header or an axis: ``个百分点`` / ``pp`` for
    growth and percentages (as :func:`gap` words the numbers), else the unit in ``lang_``."""
    return unit("百分点" if measure_unit in POINT_UNITS else measure_unit, lang_)


def measure(v, measure_unit: str, lang_: str | None = None) -> str:
    """A compared value: a growth rate (``%/年`` shown as ``6.5%``) or a level."""
    if measure_unit == "%/年":
        return percent(v, lang_)
    return value(v, measure_unit, lang_)


def path(values, u: str, lang_: str | None = None) -> str:
    """A yearly path, ``10.0 → 10.0 → 9.0`` (unit once at the end); one number if all
    years read the same at the shown precision."""
    places = decimals(u)
    parts = [number(x, places) for x in values]
    return with_unit(parts[0] if len(set(parts)) == 1 else " → ".join(parts), u, lang_)


def varies(values, u: str) -> bool:
    """True if a path shows different numbers at the unit's precision."""
    places = decimals(u)
    return len({number(x, places) for x in values}) > 1


def simulated_places(u: str) -> int:
    """Decimals of a simulated value or a goal seek's answer in unit ``u``: one more than the board
    shows (a median of 6.52 beside a target of 6.5) up to two, none where the board shows none
    (people, firms, 万千瓦: never 35,000.0人)."""
    places = decimals(u)
    return min(places + 1, 2) if places else 0


def simulated(v, u: str = "", lang_: str | None = None) -> str:
    """A simulated value with :func:`simulated_places` decimals and its unit (code ``u``) attached
    as every value's is (:func:`with_unit`: ``6.52%/年``, ``1,402万千瓦``, ``94.55 (100m yuan)``):
    the uncertainty page's tables and notes."""
    return with_unit(number(v, simulated_places(u)), u, lang_)


def simulated_range(low, high, u: str, lang_: str | None = None) -> str:
    """``94.55 – 105.70亿元``: two simulated values in one unit, written once."""
    return f"{number(low, simulated_places(u))} – {simulated(high, u, lang_)}"


def input_error(exc, lang_: str | None = None, plan=None) -> str:
    """An :class:`~sim.io.errors.InputError` (or warning) as one sentence in the interface language.

    English is the engine's own line (``file: field: reason``); Chinese words the error's ``code``
    from :mod:`sim.io.reasons_zh` (:meth:`~sim.io.errors.InputError.message_in`), and an error
    without a Chinese sentence (or no code) gets a plain general one, never the English reason.
    What the planner set on a page (source :data:`APP_SOURCE`) is worded as its reason alone,
    without ``<app>: drivers.x:``. With ``plan`` given, the indicators the reason names by id are
    named in words (储能装机规模, not storage_capacity), whatever the source, and the plan's units
    follow the language; a file's field stays as it is typed there (``drivers.energy_capacity``),
    so the planner can find it.
    """
    lg = lang_ or lang()
    if not exc.code or (exc.source != APP_SOURCE and plan is None):
        return exc.message_in(lg)
    params = _worded_params(exc.params, lg, plan)
    reason = render_zh(exc.code, params) if lg == "zh" else render(exc.code, params)
    if exc.source == APP_SOURCE:
        return reason
    if lg == "zh":
        return one_line(message_zh(exc.source, exc.field, exc.code, params))
    return one_line(f"{exc.source}: {exc.field}: {reason}" if exc.field else f"{exc.source}: {reason}")


#: Parameters of the engine's reasons that hold one indicator's id.
ID_PARAMS = ("indicator", "key")


def _worded_params(given, lg: str, plan) -> dict:
    """The params of an error with ids turned into names in ``lg`` and units in ``lg``."""
    params = dict(given)
    if plan is not None and "name" not in params:  # a template that already names it keeps the id
        known = plan.by_id
        for key in ID_PARAMS:
            if params.get(key) in known:
                params[key] = name(known[params[key]], lg)
        if isinstance(params.get("inputs"), str):
            params["inputs"] = listing([name(known[x], lg) if x in known else x
                                        for x in params["inputs"].split(", ")], lg)
    if lg == "en" and isinstance(params.get("unit"), str):
        params["unit"] = unit(params["unit"], "en")
        if isinstance(params.get("value"), float) and "value_en" in params:  # the engine's words carry the plan's unit
            v = params["value"]
            params["value_en"] = f"{'−' if v < 0 else ''}∞" if math.isinf(v) else f"{v:,.6g} {params['unit']}"
    return params


#: A unit of the plan (longest first, so 万千瓦/年 wins over 万千瓦), with an optional "/年".
UNIT_RE = re.compile("|".join(re.escape(u) + "(?:/年)?" for u in sorted(UNITS_EN, key=len, reverse=True)
                              if not u.isascii()))
#: Field names of the plan file that the engine's English sentences mention.
FIELD_WORDS = {"average_growth": "stated average growth", "growth_multiple": "stated multiple"}


def _english_unit(match) -> str:
    shown = unit(match.group(0), "en")
    # as with_unit writes it: a unit that starts with a number is bracketed, never "3.4 100m yuan"
    return f"({shown.replace(' ', NBSP)})" if shown[0].isdigit() else shown


def english(text: str) -> str:
    """An audit sentence or its arithmetic for an English reader: the plan's Chinese units in
    English (``197.2 万千瓦/年`` → ``197.2 (10k kW/yr)``, as :func:`with_unit` writes them), file
    field names in words."""
    out = UNIT_RE.sub(_english_unit, text)
    for word, words in FIELD_WORDS.items():
        out = out.replace(word, words)
    return out
