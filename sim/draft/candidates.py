"""Give each value read from the report a role: baseline, trend, target, milestone or history.

The role follows from the section the value stands in (see :mod:`sim.draft.sections`)
and the wording around it, never from the size of the number:

* past year (2025): a level is the baseline, a growth rate the 2025 trend;
* 十四五 record: ``达到X`` is the 2025 level, ``较“十三五”末…`` / ``年均增长`` / ``累计`` are
  statements about 2020→2025 (history);
* 十五五 goals: levels and growth rates are 2030 targets (flows such as 城镇新增就业 are
  cumulative over 2026–2030);
* this year's tasks: levels and growth rates are 2026 milestones.

An explicit ``到2030年`` or ``2023年`` in the clause overrides the section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .facts import Fact, Item
from .lexicon import find
from .numerals import convert
from .plain import Plain
from .sections import OTHER, PAST_YEAR, PLAN14, PLAN15, TABLE, THIS_YEAR
from .words import twin

#: No reason, in either language (a number the rules keep).
NONE = ("", "")

_GROWTH = re.compile(r"(增长|增速|增幅|递增|提高|提升)(?!到|至)")
_DECLINE = re.compile(r"(下降|降低|减少|压减|降)(?!到|至)")
_TO_LEVEL = re.compile(r"(增长到|增加到|增至|提升至|提高到|提高至|提升到|下降到|降至|降低到|达到|达|为)")
_PERIOD = re.compile(r"(较|比)(“?十三五”?末|20[12]\d年)|五年|是20\d\d年的|由|从")
_HOLD = re.compile(r"保持在|稳定在|保持|稳定|维持")
_AT_MOST_PRED = re.compile(r"控制在|控制|不超过|不高于|(?<!不)低于|压减到|降至|下降到|下降至|降低到|降低至|减少到|减少至")
#: A change said per year (年均提高0.5个百分点, 每年新增2万亩): over N years it is N times as much.
_YEARLY = re.compile(r"年均|每年|平均每年")
_AT_MOST_TRAIL = ("以内", "以下", "之内", "内")
_THRESHOLD = re.compile(r"迈上|突破|超过")
_TOTAL = re.compile(r"^(全年)?(完成|累计|实施)")
#: The last year of the 15th plan: its goals are 2030 targets, a year before it a milestone.
_PLAN_END = 2030


@dataclass
class Candidate:
    """One number read from the report, with what was made of it.

    Attributes
    ----------
    no : int
        Order of appearance.
    section : str
        Section kind the number stands in.
    year : int or None
        Year it refers to (2025 for baselines and trends, 2030 for targets, 2026 for
        milestones, the end year for history).
    indicator, name : str
        Id (lexicon or generated) and Chinese name.
    known : bool
        True if the indicator is in the lexicon.
    role : str
        ``baseline``, ``trend``, ``target``, ``milestone``, ``history``, ``bound`` (a 2025
        bound, 控制在4.6%以内 in the review: not the level, but the nearest the report comes
        to it, a placeholder's source) or ``none``.
    reading : str
        What the wording says: ``level``, ``share`` (a level in %), ``growth``, ``decline``,
        ``increment`` (新增N), ``change`` (提高N, N个百分点), ``multiple`` (是…的N倍, 翻番),
        ``grew_times`` (增长N倍), ``average_change``, ``total`` (five-year sum),
        ``start_level`` (由A… / 从A…), ``threshold`` (a bound passed or kept: 突破, 以上, 控制在).
    kind, direction : str
        For targets and milestones, in the plan format's terms.
    direction_word : str
        The words the direction was read from (以上, 控制在, 左右, 力争 …).
    value : float
        In the indicator's unit (``value_written`` converted); for growth [%/年].
    value_written, unit_written : float, str
        As printed.
    unit : str
        The indicator's unit.
    readings : tuple of float
        Other defensible readings (增长5倍: 6 and 5 times).
    price_basis : str
        ``real``/``nominal`` where the wording says so, else empty.
    confidence : float
        0–1: lower for back-references, inferred subjects, ambiguous wording.
    quote : str
        Exact words of the report (a substring of it).
    status : str
        ``used``, ``dropped`` or ``review``; set when the plan is assembled.
    reason, reason_zh : str
        Why it was dropped or what needs checking, in English and in Chinese
        (:func:`sim.draft.words.twin`).
    flags : set of str
        How it was read (back-reference, pair, topic …) and what the sentence says (力争, 预计).
    entry : lexicon.Entry or None
        The lexicon indicator, if known.
    high : float or None
        Upper end of a range, as written.
    keep : bool or None
        The reviewer's decision: True keeps, False rejects, None leaves it to the rules.
    """

    no: int
    section: str
    year: int | None
    indicator: str
    name: str
    known: bool
    role: str
    reading: str
    kind: str
    direction: str
    direction_word: str
    value: float
    value_written: float
    unit_written: str
    unit: str
    quote: str
    readings: tuple[float, ...] = ()
    price_basis: str = ""
    confidence: float = 0.9
    status: str = "review"
    reason: str = ""
    reason_zh: str = ""
    flags: set[str] = field(default_factory=set)
    entry: object = None
    high: float | None = None
    keep: bool | None = None


def reading_of(fact: Fact, item: Item, section: str) -> str:
    """What the wording says about one value (see :attr:`Candidate.reading`)."""
    q, pred = item.quantity, fact.predicate
    if q.unit == "倍":
        if "翻" in q.text or "倍增" in q.text:
            return "multiple"
        return "grew_times" if re.search(r"增长|增加|提高", pred) else "multiple"
    if q.base == "百分点":
        return "average_change" if _YEARLY.search(pred) else "change"
    if re.search("[由从]", pred) and not _TO_LEVEL.search(re.split("[由从]", pred)[-1]):
        return "start_level"
    past = section in (PAST_YEAR, PLAN14)
    if q.base == "%":
        reading = _percent_reading(pred, item, fact.noun)
        return "threshold" if reading == "share" and past and _is_bound(fact) else reading
    return _amount_reading(fact, item, section)


def _amount_reading(fact: Fact, item: Item, section: str) -> str:
    pred = fact.predicate
    if _YEARLY.search(pred):
        return "average_change"
    if re.search(r"增加(?!到|至)|净增|(?<!稳定)(提高|提升)(?!到|至)", pred):
        return "change"
    if section in (PAST_YEAR, PLAN14) and (_THRESHOLD.search(pred) or _is_bound(fact)):
        return "threshold"
    if "increment" in fact.flags and (item.entry is None or item.entry.dynamic != "flow"):
        return "increment"
    totalled = _TOTAL.match(fact.clause.strip()) or re.search(r"累计|五年", pred)
    if section == PLAN14 and totalled and item.quantity.base == "元":
        return "total"
    return "level"


def _is_bound(fact: Fact) -> bool:
    # 控制在4.5%以内 / 保持在84%以上 in a review: a bound that held, not the level reached
    # (稳定在62.5% without 以上 is the level itself).
    return bool(fact.trail in ("以上", "以内", "以下", "之内") or re.search(r"控制在", fact.predicate))


def _name_ends(noun: str) -> bool:
    # True if the indicator's name is the last thing before the number (not 完成年度目标的101%).
    match = find(noun)
    return match is not None and match.ends


def _percent_reading(pred: str, item: Item, noun: str = "") -> str:
    to_level = _TO_LEVEL.search(pred)
    if _DECLINE.search(pred) and not to_level:
        return "decline"
    if _GROWTH.search(pred) and not (to_level and to_level.start() > _GROWTH.search(pred).start()):
        return "growth"
    if item.entry is not None and item.entry.unit != "%" and not to_level and not _HOLD.search(pred) \
            and _name_ends(noun):
        return "growth"  # 地区生产总值6.5%: a money indicator right before a % is its growth
    return "share"


def direction_of(fact: Fact, reading: str, lower_better: bool) -> tuple[str, str]:
    """(direction, the words it was read from)."""
    words: list[str] = []
    if "aspirational" in fact.flags:
        words.append("力争")
    pred, trail = fact.predicate, fact.trail
    if trail:
        words.append(trail)
    if reading in ("decline",):
        return "at_most", "".join(words) or "下降"
    m_hold = _HOLD.search(pred)
    if m_hold and reading in ("level", "share"):
        return "hold", m_hold.group() + "".join(words)
    m_most = _AT_MOST_PRED.search(pred)
    if m_most or trail in _AT_MOST_TRAIL:
        return "at_most", (m_most.group() if m_most else "") + "".join(words)
    if re.search(r"突破|超过|不低于", pred):
        words.insert(0, re.search(r"突破|超过|不低于", pred).group())
    if lower_better and reading in ("level", "share") and not set(words) - {"力争", "左右", "上下"}:
        # 居民消费价格涨幅3%左右: about 3 % of something lower is better is a ceiling.
        return "at_most", "".join(words) or "(lower is better)"
    return "at_least", "".join(words)


def _confidence(item: Item, fact: Fact, reading: str) -> float:
    score = 0.9 if item.entry is not None else 0.5
    penalties = {"back-reference": 0.1, "topic": 0.15, "pair": 0.1, "shared value": 0.05, "list": 0.02}
    score -= sum(penalties.get(h, 0.0) for h in item.how)
    if reading == "grew_times":
        score -= 0.2
    if "estimate" in fact.flags or fact.trail in ("左右", "上下") or item.quantity.high is not None:
        score -= 0.05
    return round(max(score, 0.05), 2)


def _price_basis(sentence: str) -> str:
    if re.search(r"现价|名义", sentence):
        return "nominal"
    if re.search(r"可比价|不变价|实际增长", sentence):
        return "real"
    return ""


def role_of(section: str, reading: str, fact: Fact, base_year: int,
            report_year: int) -> tuple[str, int | None, tuple[str, str]]:
    """(role, year, reason if dropped, in English and Chinese) for a value of ``reading`` in ``section``."""
    mark = fact.year_mark
    if section == TABLE:
        return "none", None, twin("table_row")
    if mark is not None and mark != base_year and not report_year <= mark <= _PLAN_END:
        return "none", mark, twin("refers_year", year=mark)  # 2024年…, 到2035年…
    if section == OTHER and mark != base_year:  # 名词解释: …2025年为41.8% names its own year
        return "none", None, twin("no_year_section")
    section = PAST_YEAR if section == OTHER else section
    section = _section_of_year(section, mark, base_year)
    period = bool(_PERIOD.search(fact.predicate))
    if section == PAST_YEAR and not period:
        return _past_year_role(reading, base_year)
    if section in (PAST_YEAR, PLAN14):
        return _plan14_role(reading, period, base_year)
    year = mark if mark is not None and mark < _PLAN_END else (_PLAN_END if section == PLAN15 else report_year)
    role = "target" if year == _PLAN_END else "milestone"
    since = _since(fact.predicate, base_year) if role == "target" and reading in _CHANGES else None
    if since is not None:  # 到2030年比2020年增长60%: a change from a level the plan file does not hold
        return "none", year, twin("since_other_year", year=since)
    if reading in ("level", "share", "growth", "decline", "multiple", "increment", "change", "average_change"):
        return role, year, NONE
    return "none", year, twin("goals_reading", reading=reading)


_CHANGES = ("growth", "decline", "multiple", "change")


def _since(predicate: str, base_year: int) -> int | None:
    """The year a goal's change is counted from (比2020年 / 较2020年), if not the base year."""
    m = re.search(r"[比较](20\d\d)年", predicate)
    return int(m.group(1)) if m and int(m.group(1)) != base_year else None


def _section_of_year(section: str, mark: int | None, base_year: int) -> str:
    """The section whose rules hold for a clause with an explicit year: 到2030年 reads as the
    goals wherever it stands, 2025年… in the goals or tasks as the review, 2026/2027年… in the
    goals or the review as a year's task."""
    if mark is None:
        return section
    if mark == _PLAN_END:
        return PLAN15
    if mark == base_year:
        return PAST_YEAR if section in (PLAN15, THIS_YEAR) else section
    return THIS_YEAR


def _past_year_role(reading: str, base_year: int) -> tuple[str, int | None, tuple[str, str]]:
    if reading == "threshold":
        return "bound", base_year, twin("bound")
    if reading in ("level", "share"):
        return "baseline", base_year, NONE
    if reading in ("growth", "increment", "decline", "change"):
        return "trend", base_year, NONE
    return "none", base_year, twin("past_reading", reading=reading)


def _plan14_role(reading: str, period: bool, base_year: int) -> tuple[str, int | None, tuple[str, str]]:
    if reading in ("level", "share") and not period:
        return "baseline", base_year, NONE
    if reading == "threshold":
        return "bound", base_year, twin("bound")
    if reading in ("growth", "decline", "average_change", "change", "multiple", "grew_times",
                   "total", "start_level", "level", "share"):
        return "history", base_year, NONE
    return "none", base_year, twin("plan14_reading", reading=reading)


def _unnamed(fact: Fact, section: str, quote: str, start: int) -> list[Candidate]:
    if section == TABLE:
        reason, reason_zh = twin("table_row")
    elif "no_name" in fact.flags:
        reason, reason_zh = twin("no_name")
    else:
        reason, reason_zh = twin("unpaired", noun=fact.noun, n=len(fact.values))
    return [Candidate(no=start + i + 1, section=section, year=None, indicator="", name="", known=False,
                      role="none", reading="", kind="", direction="", direction_word="", value=q.value,
                      value_written=q.value, unit_written=q.unit, unit=q.unit, quote=quote, confidence=0.0,
                      status="dropped", reason=reason, reason_zh=reason_zh, high=q.high)
            for i, q in enumerate(fact.values)]


def candidates_from(facts: list[tuple[str, Fact]], text: str | Plain, base_year: int,
                    report_year: int) -> list[Candidate]:
    """One candidate per value of every fact (dropped ones included, with the reason).

    ``text`` is what the facts were read from: the report, or its plain copy, whose quotes
    are cut from the report itself.
    """
    from .lexicon import generated_id

    out: list[Candidate] = []
    for section, fact in facts:
        quote = (text.quote(fact.quote_start, fact.quote_end) if isinstance(text, Plain)
                 else text[fact.quote_start:fact.quote_end].strip())
        if not fact.items:
            out.extend(_unnamed(fact, section, quote, len(out)))
            continue
        for item in fact.items:
            q = item.quantity
            reading = reading_of(fact, item, section)
            role, year, reason = role_of(section, reading, fact, base_year, report_year)
            entry = item.entry
            if entry is not None and entry.unit != "%" and reading == "share" and role != "none":
                role, reason = "none", twin("share_of_unit", unit=entry.unit)
            unit = q.unit if q.base in ("%", "百分点", "倍") or entry is None else entry.unit
            value = q.value
            if entry is not None and q.base not in ("%", "百分点", "倍"):
                value = convert(q.value, q.unit, entry.unit)
            if value is None:  # a back-reference to a noun measured in another unit
                value, role = q.value, "none"
                reason = twin("no_convert", unit=q.unit, to=entry.unit, name=entry.name_zh)
            if reading in ("change", "average_change") and _DECLINE.search(fact.predicate):
                value = -value  # 下降2个百分点, 减少5户
            direction, word = direction_of(fact, reading, bool(entry and entry.lower_better))
            readings = (q.value + 1.0, q.value) if reading == "grew_times" else ()
            out.append(Candidate(
                no=len(out) + 1, section=section, year=year,
                indicator=entry.id if entry else generated_id(item.name), name=item.name,
                known=entry is not None, role=role, reading=reading, kind="", direction=direction,
                direction_word=word, value=float(value), value_written=q.value, unit_written=q.unit,
                unit=unit, quote=quote, readings=readings, price_basis=_price_basis(fact.sentence),
                confidence=_confidence(item, fact, reading), status="dropped" if role == "none" else "review",
                reason=reason[0], reason_zh=reason[1], flags=set(fact.flags) | set(item.how), entry=entry, high=q.high,
            ))
    return out
