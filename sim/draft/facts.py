"""Read report sentences into facts: who (the indicator), what (the values), how (the predicate).

The genre's clauses follow a few shapes, which this module reads without knowing any one
report: ``完成地区生产总值314.7亿元、增长7.3%`` (a level, then a growth rate of the same
noun), ``A、B、C分别达到x、y、z以上`` (lists, with a direction word after the last value that
holds for all), ``游客2267万人次、旅游花费174亿元,分别增长18%和22%`` (a clause that refers
back to the nouns before it), ``城乡居民人均可支配收入年均增长6%和7.5%`` (a compressed
pair, 城乡 = 城镇 + 农村), ``新材料、先进制造、医药化工产业链产值`` (a shared head noun) and
``医药化工产业……力争全产业链产值达10亿元`` (a generic noun whose subject opens the sentence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import GENERIC, PAIRS, Entry, exact, find, has_combined, names_in, normalise
from .numerals import Quantity, convert, find_quantities

_SENTENCE_END = re.compile(r"[。；;！!？?]")
_CLAUSE_SEP = re.compile(r"[，：:]|,(?!\d)|(?<!\d),")
_TRAIL = re.compile(r"^(以上|以内|以下|左右|上下|之内|内|台阶|大关)")
_LIST_SEP = re.compile(r"、|以及|及|和|与")
_PROTECT = ("增加值", "比重", "比例", "比率", "达标", "占比", "占地", "控制箱", "为民", "作为", "以上", "以下",
            "以内", "以来")
_PRED_TOKENS = ("分别", "年均", "每年", "平均", "同比", "比上年", "较", "比", "由", "从", "是", "达到", "达", "为", "增长",
                "增速", "增幅", "下降", "降低", "减少", "提高", "提升", "保持在", "保持", "稳定在", "稳定",
                "控制在", "控制", "突破", "超过", "不低于", "不超过", "不高于", "低于", "增加", "净增", "增至",
                "迈上", "五年", "累计", "占", "翻", "以")
_PRED_RE = re.compile("|".join(sorted(_PRED_TOKENS, key=len, reverse=True)))
_LEAD_MODIFIERS = re.compile(r"^(累计|全年|当年|年均|其中|共|全区|全县|全市|全旗|全镇|年末|预计)+")
#: Price-basis phrases between a noun and its growth (按可比价计算增长5.8%): not part of a name.
_PRICE_WORDS = re.compile(r"按?(可比价格?|现价|不变价格?|同口径)(计算)?")
#: 到2030年 is a year mark; in 增加到2025年的… the 到 belongs to the verb before it.
_YEAR_MARK = re.compile(r"(?<![较比是于由从])((?<![加长高升降大少])[到至]|在)?(20\d\d)年(底|末)?")
#: The mark of an item in a list (1. / (3) / 一、 / ① / 一是 / ——): not part of a name.
_ITEM_MARK = re.compile(r"^\s*(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}(?:、|是)|\d{1,2}[.．、]"
                        r"|[①-⑳]|—+)")
#: A predicate saying what level its subject reaches.
_REACHES = re.compile(r"达到|达|突破|超过|迈上|增至|增长到|增加到|提高到|提升至|提升到")
#: 到“十五五”末 names the plan's last year as plainly as 到2030年 does.
_PLAN15_END = re.compile(r"(?:到|至)?[“\"]?十五五[”\"]?(?:时期)?期?末")
#: 占地区生产总值比重 after a noun is part of the indicator's name, not a predicate.
_SHARE_OF = re.compile(r"占[^，,、；;。\d]{1,15}?(?:比重|比例)")
_INCREMENT = re.compile(r"^(力争|确保|全年|累计)?(新增|新建|新改建|新认证|认证|新培育|培育|引进|新创建)")
_INCREMENT_AFTER = re.compile(r"(新增|净增)$")  # 规上工业企业新增21家
#: Nouns that only say "the total of the same thing": 新增21家、总数达到186家.
_SAME_THING = {"总数", "总量", "总计", "共计", "合计", "数量", "累计", "总数量"}
_TOPIC_STOP = re.compile(r"重点|加快|加速|持续|全力|大力|积极|深入|着力|推进|推动|实施|围绕|坚持|力争|较|比|"
                         r"实现|完成|达到|达|由|在|以|稳定|保持|增长|提高|提升|下降|控制")
_MEASURE_SUFFIX = re.compile(r"(播种面积|种植面积|面积|规模|产量|饲养量|存栏|数量|总量)$")


@dataclass
class Item:
    """One value read with the name it belongs to."""

    name: str
    entry: Entry | None
    quantity: Quantity
    how: tuple[str, ...] = ()  # how the name was found: list, pair, shared-head, back-reference, topic


@dataclass
class Fact:
    """A group of values with one lead (noun + predicate) in one clause.

    Offsets are in the report text. ``quote_start``/``quote_end`` cover the clause, or the
    clauses from a referred-back noun to here.
    """

    items: list[Item]
    predicate: str
    noun: str
    trail: str
    sentence: str
    clause: str
    quote_start: int
    quote_end: int
    year_mark: int | None = None
    flags: set[str] = field(default_factory=set)
    values: list[Quantity] = field(default_factory=list)


def _spans(text: str, sep: re.Pattern) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in sep.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return [(a, b) for a, b in out if text[a:b].strip()]


def _mask(text: str) -> str:
    # Indicator names may contain predicate words (PM2.5平均浓度, 城镇新增就业): hide them first.
    text = _SHARE_OF.sub(lambda m: "■" * len(m.group()), text)
    for word in (*names_in(text), *_PROTECT):
        text = text.replace(word, "■" * len(word))
    return text


def split_lead(lead: str) -> tuple[str, str, int | None]:
    """(noun part, predicate, explicit year) of the words before a value."""
    year = 2030 if _PLAN15_END.search(lead) else None
    for m in _YEAR_MARK.finditer(lead):
        year = int(m.group(2))
    lead = normalise(_PRICE_WORDS.sub("", _YEAR_MARK.sub("", _PLAN15_END.sub("", lead))))
    body = _LEAD_MODIFIERS.sub("", _ITEM_MARK.sub("", lead))  # 二是每千人口托位数…: 是 is the list's, not a verb
    m = _PRED_RE.search(_mask(body))
    if m is None:
        return body.strip(), "", year
    return body[: m.start()].strip(), body[m.start():].strip(), year


def _clean_name(noun: str) -> str:
    noun = _ITEM_MARK.sub("", noun)
    noun = re.sub(r"^[、，,和及与的]+", "", noun)
    noun = _INCREMENT_AFTER.sub("", _INCREMENT.sub("", noun))
    noun = re.sub(r"^(力争|确保|全年|完成|实现|落实|争取|推动|推进|接待|开展|打造|发放|达成|签订|谋划|申报|"
                  r"建成|改造|治理|修复|新增|全区|全县|全市|全旗|今年|其中|要|将|努力|继续)+", "", noun)
    return noun.strip(" 、")


def _shared_head(items: list[str]) -> list[str]:
    """``新材料、先进制造、医药化工产业链产值`` → every item with the last item's head noun."""
    last = items[-1]
    best, best_key = items, None
    mean = sum(len(i) for i in items[:-1]) / max(1, len(items) - 1)
    for cut in range(0, len(last)):
        head = last[cut:]
        names = [i + head if cut else i for i in items[:-1]] + [last]
        n_exact = sum(exact(n) is not None for n in names)
        n_loose = sum(_lex_entry(n) is not None for n in names)
        key = (n_exact, n_loose, -abs(cut - mean) if cut else -abs(len(last) - mean))
        if best_key is None or key > best_key:
            best, best_key = names, key
    return best


def _lex_entry(name: str) -> Entry | None:
    m = find(name)
    return m.entry if m else None


def _expand_pair(name: str, n_values: int) -> list[str] | None:
    for key, parts in PAIRS.items():
        if key not in name:
            continue
        variants = [name.replace(key, p, 1) for p in parts]
        entries = [_lex_entry(v) for v in variants]
        if None in entries:
            # Outside the lexicon, 城乡X覆盖率分别达83%和68% still pairs up by count.
            if n_values == len(variants) and all(e is None for e in entries):
                return variants
            continue
        if len({e.id for e in entries}) != len(entries):
            continue
        if n_values == len(variants) or (n_values == 1 and not has_combined(key)):
            return variants
    return None


def _shared_value_names(noun: str) -> list[str] | None:
    # 游客接待和旅游花费年均增长15%以上: one value, said of two lexicon indicators.
    parts = [p for p in _LIST_SEP.split(noun) if p.strip()]
    if len(parts) < 2:
        return None
    entries = [_lex_entry(p) for p in parts]
    if None in entries or len({e.id for e in entries}) != len(entries):
        return None
    return parts


def _names_for(noun: str, n_values: int) -> tuple[list[str], tuple[str, ...]] | None:
    """Names for ``n_values`` values from a noun phrase, or None if they do not pair up."""
    if n_values == 1:
        shared = _shared_value_names(noun)
        if shared is not None:
            return shared, ("list", "shared value")
    parts = [p for p in _LIST_SEP.split(noun) if p.strip()] if n_values > 1 or "、" in noun else [noun]
    how: tuple[str, ...] = ()
    if len(parts) > 1 and exact(noun) is None and _lex_entry(noun) and len(parts) != n_values:
        parts = [noun]  # a name with 与/和 in it (新材料与现代制造)
    if len(parts) > 1:
        parts, how = _shared_head([_clean_name(p) for p in parts]), ("list",)
    if len(parts) == 1:
        pair = _expand_pair(parts[0], n_values)
        if pair is not None:
            parts, how = pair, ("pair",)
    if len(parts) == n_values:
        return parts, how
    if n_values == 1:
        return parts, (*how, "shared value")
    return None


#: A glossary entry: an optional number, the term, a colon (4.草原综合植被盖度：…).
_GLOSSARY = re.compile(r"\s*(?:\d{1,2}[.、]\s*)?(?P<term>[^：:，,。；\s]{2,20})[：:]")


def sentence_topic(sentence: str) -> str:
    """The subject a sentence opens with (医药化工产业重点推进… → 医药化工产业), or ''."""
    m = _TOPIC_STOP.search(sentence)
    topic = sentence[: m.start()] if m else ""
    topic = re.sub(r"^[一二三四五六七八九十]+、|^—+", "", topic).strip()
    return topic if 2 <= len(topic) <= 12 else ""


def _with_topic(name: str, sentence: str, previous: list[Fact]) -> tuple[str, bool]:
    if find(name) is not None:
        return name, False
    name = _clean_name(name)
    if normalise(name) not in GENERIC:
        return name, False
    # The subject is the sentence's opening noun (医药化工产业……全产业链产值) or the noun just
    # before (粮食播种面积……,总产量): take the one that names a known indicator, else the first.
    topics = [sentence_topic(sentence)]
    if previous and previous[-1].items:
        topics.append(_MEASURE_SUFFIX.sub("", previous[-1].items[-1].name))
    names = [t + name for t in topics if t]
    if not names:
        return name, False
    return next((n for n in names if _names_whole(n)), names[0]), True


def _names_whole(name: str) -> bool:
    # 粮食总产量 names grain output; 粮食播种面积总产量 only contains the name of another indicator.
    match = find(name)
    return match is not None and match.ends


def _resolve(name: str, q: Quantity, how: tuple[str, ...]) -> Item:
    match = find(name)
    entry = match.entry if match else None
    if entry is not None and q.base not in ("%", "百分点", "倍") and convert(1.0, q.unit, entry.unit) is None:
        entry = None  # 占地区生产总值比重: the name is there, but the number is not its level
    elif entry is not None and q.base == "%" and entry.unit != "%" and _SHARE_OF.search(name):
        entry = None  # 数字经济核心产业增加值占地区生产总值比重: a share, not the growth of GDP
    return Item(entry.name_zh if entry else _clean_name(name), entry, q, how)


def _groups(clause: str) -> list[tuple[str, list[Quantity], str]]:
    groups: list[tuple[str, list[Quantity], str]] = []
    pos = 0
    for q in find_quantities(clause):
        if q.start < pos:
            continue
        lead = clause[pos:q.start]
        trail_m = _TRAIL.match(clause[q.end:])
        trail = trail_m.group() if trail_m else ""
        pos = q.end + len(trail)
        if groups and not lead.strip(" 、和及与,"):
            lead0, qs, trail0 = groups[-1]
            groups[-1] = (lead0, [*qs, q], trail or trail0)
        else:
            groups.append((lead, [q], trail))
    return groups


def read_sentence(text: str, start: int, end: int) -> list[Fact]:
    """Facts of the sentence ``text[start:end]`` (offsets in the report)."""
    sentence = text[start:end]
    facts: list[Fact] = []
    for c0, c1 in _spans(sentence, _CLAUSE_SEP):
        clause = sentence[c0:c1]
        for lead, qs, trail in _groups(clause):
            before = sentence[: c0 + clause.find(lead) + len(lead)] if lead else sentence[:c0]
            facts.append(_fact(lead, qs, trail, sentence, clause, (start + c0, start + c1), before, facts))
    return facts


def _flags(noun: str, before: str, sentence: str) -> set[str]:
    flags: set[str] = set()
    if _INCREMENT.match(noun.strip()) or _INCREMENT_AFTER.search(noun.strip()):
        flags.add("increment")
    if re.search(r"力争|争取", before):
        flags.add("aspirational")
    if "预计" in sentence:
        flags.add("estimate")
    return flags


def _back_reference(qs: list[Quantity], predicate: str, previous: list[Fact]) -> tuple[list[Item], int] | None:
    """Items for values with no noun of their own (、增长7.3% / 分别增长18%和22%)."""
    back = [it for f in previous for it in f.items]
    names = list(dict.fromkeys(it.name for it in back))
    if not names:
        return None
    if "分别" in predicate or len(qs) > 1:
        chosen = names[-len(qs):] if len(names) >= len(qs) else []
    else:
        chosen = names[-1:]
    if len(chosen) != len(qs):
        return None
    source = next(f for f in previous if any(it.name in chosen for it in f.items))
    by_name = {it.name: it for it in back}
    items = [Item(name, by_name[name].entry, q, ("back-reference",)) for name, q in zip(chosen, qs, strict=True)]
    return items, source.quote_start


def _glossary_items(qs: list[Quantity], sentence: str, clause: str, c_start: int,
                    previous: list[Fact]) -> tuple[list[Item], int] | None:
    """Items of a glossary entry's number (草原综合植被盖度：…的百分比，2025年为41.8%): the term it defines."""
    m = _GLOSSARY.match(sentence)
    if m is None or previous:
        return None
    items = _named_items(m.group("term"), qs, sentence, previous)
    if not items:
        return None
    return [Item(it.name, it.entry, it.quantity, (*it.how, "topic")) for it in items], c_start - sentence.find(clause)


def _named_items(noun: str, qs: list[Quantity], sentence: str, previous: list[Fact]) -> list[Item] | None:
    named = _names_for(noun, len(qs))
    if named is None:
        return None
    names, how = named
    if len(names) == 1 and len(qs) > 1:
        names = names * len(qs)
    if len(qs) == 1 and len(names) > 1:
        qs = qs * len(names)  # 游客接待和旅游花费年均增长15%: one value for both
    items = []
    for name, q in zip(names, qs, strict=True):
        full, topical = _with_topic(name, sentence, previous)
        items.append(_resolve(full, q, (*how, "topic") if topical else how))
    return items


def _fact(lead, qs, trail, sentence, clause, span, before, previous: list[Fact]) -> Fact:
    fact = _read_fact(lead, qs, trail, sentence, clause, span, before, previous)
    fact.values = list(qs)
    return fact


def _read_fact(lead, qs, trail, sentence, clause, span, before, previous: list[Fact]) -> Fact:
    noun, predicate, year = split_lead(lead)
    named = find(predicate) if not _clean_name(noun) else None
    if named is not None and named.ends:
        # 五年累计完成固定资产投资3150亿元: the verb comes first and names its object last.
        noun, predicate = named.synonym, predicate[:named.start]
    if year is None and not re.search(r"今年|本年", lead):
        # 到2030年,林草覆盖率达到…: a year that opens the sentence holds for its clauses
        # (not for one that names its own: 2025年…达到41%,今年要提高到41.5%).
        marks = [(m.start(), int(m.group(2))) for m in _YEAR_MARK.finditer(before)]
        marks += [(m.start(), 2030) for m in _PLAN15_END.finditer(before)]
        year = max(marks)[1] if marks else None
    flags = _flags(noun, before, sentence)
    c_start, c_end = span
    # 累计建成46.8万亩 after 新建高标准农田6.2万亩, 当年新增180万千瓦 after 装机规模达到520万千瓦:
    # the total of, or the addition to, the thing just named.
    # 地区生产总值年均增长6%左右，力争2030年达到850亿元: a level reached by the thing just named.
    totalled = not _clean_name(noun) and (re.match(r"\s*(当年|全年)?(累计|总计|共计|合计|新增|净增)", lead) is not None
                                          or _REACHES.match(predicate) is not None)
    if _clean_name(noun) in _SAME_THING or not noun.strip(" 、，,和及与") or totalled:
        found = _back_reference(qs, predicate, previous) or _glossary_items(qs, sentence, clause, c_start, previous)
        if found is None:
            return Fact([], predicate, "", trail, sentence, clause, c_start, c_end, year, flags | {"no_name"})
        items, quote_start = found
        return Fact(items, predicate, "", trail, sentence, clause, min(c_start, quote_start), c_end, year, flags)
    if not _clean_name(noun):  # 打造3个…: a verb with a new, unnamed object, not the noun before
        return Fact([], predicate, noun, trail, sentence, clause, c_start, c_end, year, flags | {"no_name"})
    items = _named_items(noun, qs, sentence, previous)
    if items is None:
        return Fact([], predicate, noun, trail, sentence, clause, c_start, c_end, year, flags | {"unpaired"})
    return Fact(items, predicate, noun, trail, sentence, clause, c_start, c_end, year, flags)


def read_paragraph(text: str, start: int, length: int) -> list[Fact]:
    """Facts of the paragraph ``text[start:start+length]``, sentence by sentence."""
    body = text[start:start + length]
    out: list[Fact] = []
    for s0, s1 in _spans(body, _SENTENCE_END):
        out.extend(read_sentence(text, start + s0, start + s1))
    return out
