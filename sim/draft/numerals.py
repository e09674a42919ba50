"""Quantities in report prose: Arabic and Chinese numerals, units, ranges, multiples.

A work report writes numbers as ``314.7亿元``, ``3.5万人``, ``一千亿元``, ``三点五万人``,
``百分之四十``, ``5-10亿元``, ``增长5倍`` or ``翻一番``. :func:`find_quantities` finds them
in a clause and returns each with its span (so the caller can read the words around it),
its value in the unit *as written* and that unit's scale relative to a base unit, so that
``3.5万人`` can later be compared with ``7400人``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import cn2an

#: Units as written, mapped to (factor, base unit): value_in_base = value × factor.
UNITS: dict[str, tuple[float, str]] = {
    "万亿元": (1e12, "元"), "亿元": (1e8, "元"), "千万元": (1e7, "元"), "百万元": (1e6, "元"),
    "万元": (1e4, "元"), "元": (1.0, "元"), "亿美元": (1e8, "美元"), "万美元": (1e4, "美元"), "美元": (1.0, "美元"),
    "%": (1.0, "%"), "％": (1.0, "%"), "个百分点": (1.0, "百分点"), "百分点": (1.0, "百分点"),
    "亿千瓦时": (1e8, "千瓦时"), "万千瓦时": (1e4, "千瓦时"), "千瓦时": (1.0, "千瓦时"),
    "万千瓦": (1e4, "千瓦"), "吉瓦": (1e6, "千瓦"), "兆瓦": (1e3, "千瓦"), "千瓦": (1.0, "千瓦"),
    # 1公顷 = 15亩: northern reports give areas in 千公顷 where the plan keeps 万亩.
    "万公顷": (15e4, "亩"), "千公顷": (15e3, "亩"), "公顷": (15.0, "亩"), "万亩": (1e4, "亩"), "亩": (1.0, "亩"),
    "平方公里": (1.0, "平方公里"), "万平方米": (1e4, "平方米"), "平方米": (1.0, "平方米"),
    "亿人次": (1e8, "人次"), "万人次": (1e4, "人次"), "人次": (1.0, "人次"), "万人": (1e4, "人"), "人": (1.0, "人"),
    "名": (1.0, "人"), "万户": (1e4, "户"), "户": (1.0, "户"),
    "万头只": (1e4, "头"), "万头（只）": (1e4, "头"), "万头(只)": (1e4, "头"), "头只": (1.0, "头"),
    "万头": (1e4, "头"), "头": (1.0, "头"), "万只": (1e4, "只"), "只": (1.0, "只"),
    "GW": (1e6, "千瓦"), "MW": (1e3, "千瓦"), "万kW": (1e4, "千瓦"), "kW": (1.0, "千瓦"), "KW": (1.0, "千瓦"),
    "亿kWh": (1e8, "千瓦时"), "万kWh": (1e4, "千瓦时"), "kWh": (1.0, "千瓦时"),
    "万吨标准煤": (1e4, "吨标准煤"), "吨标准煤": (1.0, "吨标准煤"), "亿吨": (1e8, "吨"), "万吨": (1e4, "吨"), "吨": (1.0, "吨"),
    "亿斤": (5e4, "吨"), "万斤": (5.0, "吨"),  # 1斤 = 0.5 kg: grain is often written in 斤
    "公里": (1.0, "公里"), "千米": (1.0, "公里"),
    "亿立方米": (1e8, "立方米"), "万立方米": (1e4, "立方米"), "微克/立方米": (1.0, "微克/立方米"),
    "立方米": (1.0, "立方米"),
    "万家": (1e4, "家"), "家": (1.0, "家"), "万个": (1e4, "个"), "个": (1.0, "个"), "项": (1.0, "项"),
    "所": (1.0, "所"), "座": (1.0, "座"), "处": (1.0, "处"), "件": (1.0, "件"), "院": (1.0, "院"),
    "辆": (1.0, "辆"), "万株": (1e4, "株"), "株": (1.0, "株"), "条": (1.0, "条"), "场次": (1.0, "场次"),
    "套": (1.0, "套"), "部": (1.0, "部"), "张": (1.0, "张"), "眼": (1.0, "眼"), "岁": (1.0, "岁"),
    "天": (1.0, "天"), "倍": (1.0, "倍"),
}
_UNIT_ALT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_CN_DIGITS = "零〇一二两三四五六七八九十百千万亿点"
_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"  # 12,345.6 or 314.7
#: 倍增计划, 翻番行动: the name of a programme, not a goal's number.
_PROGRAMME = "计划|行动|工程|专项|战略|工作"
_QTY = re.compile(
    rf"(?P<pct>百分之(?P<pctnum>[{_CN_DIGITS}]+|{_ARABIC}))"
    rf"|(?P<round>(?<=突破|超过|达到|迈上|跨越|跃上|迈向|跨上|站上|迈过)(?P<round_num>[十百千万])亿(?:元)?(?![\u4e00-\u9fff]*级))"
    rf"|(?P<double>(?:翻(?P<times>[一两二三四]|\d)?番|(?<![\d{_CN_DIGITS}])倍增)(?!{_PROGRAMME}))"
    rf"|(?P<num>{_ARABIC}|[{_CN_DIGITS}]+)\s*(?:%|％)?"
    rf"(?:\s*(?P<dash>[-—–~～至到])\s*(?P<num2>{_ARABIC}|[{_CN_DIGITS}]+))?(?P<approx>余|多)?\s*(?P<unit>{_UNIT_ALT})"
)
# Chinese numerals in this genre are often rhetoric ("三篇文章", "七个方面"): only
# these units, or a value of ten and more, make them a statistic.
_CN_OK_UNITS = {"倍", "%", "％", "个百分点"}
_CN_HAS_DIGIT = re.compile("[零〇一二两三四五六七八九]")


@dataclass(frozen=True)
class Quantity:
    """One number found in a clause.

    Attributes
    ----------
    start, end : int
        Span in the clause, unit included.
    value : float
        The number in the unit as written (lower end of a range).
    high : float or None
        Upper end of a range (``5-10亿元``), else None.
    approx : bool
        Written with 余 or 多 (``3400余人次``): a rounded-down count.
    unit : str
        Unit as written (``万人``, ``%``, ``倍``); ``倍`` also for 翻番 (value 2, 4 …).
    factor : float
        Size of one ``unit`` in ``base`` (万人 → 10000 人).
    base : str
        Base unit (``人``, ``元``, ``%`` …).
    text : str
        The matched text.
    """

    start: int
    end: int
    value: float
    high: float | None
    unit: str
    factor: float
    base: str
    text: str
    approx: bool = False

    @property
    def is_percent(self) -> bool:
        return self.base == "%"


def parse_number(text: str) -> float | None:
    """Value of Arabic or Chinese numerals, mixed forms included, or None.

    ``"314.7"`` → 314.7, ``"一千"`` → 1000, ``"三点五"`` → 3.5, ``"三点五万"`` → 35000,
    ``"一百二十万"`` → 1200000. cn2an reads the numerals; a trailing 万/亿 after a decimal
    point is scaled here, because cn2an rejects that mixed form.
    """
    text = text.strip()
    if not text:
        return None
    if re.fullmatch(_ARABIC, text):
        return float(text.replace(",", ""))
    scale = 1.0
    if text[-1] in "万亿" and "点" in text:
        scale, text = (1e4 if text[-1] == "万" else 1e8), text[:-1]
    try:
        value = cn2an.cn2an(text, "smart")
    except (ValueError, KeyError, IndexError):
        return None
    return float(value) * scale


def _split_unit_multiplier(num: str, unit: str) -> tuple[str, str]:
    # "十五万亩": the regex may take 万 into the numeral run; give it back to the unit when
    # that makes a known unit (万亩), which keeps "unit as written" faithful.
    if len(num) > 1 and num[-1] in "万亿" and not num[-1].isdigit() and (num[-1] + unit) in UNITS:
        return num[:-1], num[-1] + unit
    return num, unit


def find_quantities(clause: str) -> list[Quantity]:
    """Every quantity in ``clause`` that has a unit, skipping names and rhetoric.

    Skipped: numbers glued to Latin letters (PM2.5, 5G, 330KV), numbers inside “…” (names
    such as “1+10”), ordinals (第八届) and small Chinese numerals before counters.
    """
    quoted = _quoted_spans(clause)
    out: list[Quantity] = []
    for m in _QTY.finditer(clause):
        if any(a <= m.start() < b for a, b in quoted):
            continue
        q = _read_match(clause, m)
        if q is not None:
            out.append(q)
    return out


def _read_match(clause: str, m: re.Match) -> Quantity | None:
    if m.group("pct"):
        value = parse_number(m.group("pctnum"))
        return None if value is None else Quantity(m.start(), m.end(), value, None, "%", 1.0, "%", m.group())
    if m.group("round"):
        # 突破千亿: a round sum of money written without its numeral's one or its 元.
        value = {"十": 10.0, "百": 100.0, "千": 1000.0, "万": 10000.0}[m.group("round_num")]
        return Quantity(m.start(), m.end(), value, None, "亿元", 1e8, "元", m.group())
    if m.group("double"):
        # 翻番 and 倍增 say 翻一番 without the numeral: a doubling.
        times = parse_number(m.group("times") or "一")
        return None if times is None else Quantity(m.start(), m.end(), 2.0 ** times, None, "倍", 1.0, "倍",
                                                   m.group())
    before = clause[max(0, m.start() - 1):m.start()]
    after = clause[m.end():m.end() + 1]
    if re.match(r"[A-Za-z.]", before) or before == "第" or re.match(r"[A-Za-z]", after):
        return None
    if m.group("unit") == "岁" and _AGE_IN_NAME.match(clause, m.end()):
        return None  # 每千人口拥有3岁以下婴幼儿托位数: an age bound inside a name, not a value
    num, unit = _split_unit_multiplier(m.group("num"), m.group("unit"))
    chinese = not re.fullmatch(_ARABIC, num)
    if chinese and not _CN_HAS_DIGIT.search(num):
        return None  # 万, 点, 千 on their own are ordinary words here
    value = parse_number(num)
    if value is None:
        return None
    if chinese and value < 10 and unit not in _CN_OK_UNITS and unit[0] not in "万亿":
        return None
    high = parse_number(m.group("num2")) if m.group("num2") else None
    factor, base = UNITS[unit]
    start = m.start()
    if _MINUS.search(clause[:start]) and not chinese:
        # 增长-2.3%: a sign written before the number (a dash after a number is a range).
        start, value, high = start - 1, -value, None if high is None else -high
    return Quantity(start, m.end(), value, high, unit, factor, base, clause[start:m.end()], bool(m.group("approx")))


#: An age bound followed by the group it bounds (3岁以下婴幼儿, 65岁及以上老年人).
_AGE_IN_NAME = re.compile(r"及?以[上下][\u4e00-\u9fff]")
_MINUS = re.compile(r"(?<![\d%％.)）])[-−－]$")


def _quoted_spans(clause: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"“[^”]*”|\"[^\"]*\"", clause)]


#: Bases the genre uses for the same count: 接待游客500万人 / 万人次, 企业80家 / 80户.
_SAME_BASE = {"人次": "人", "家": "户"}


def convert(value: float, unit_from: str, unit_to: str) -> float | None:
    """``value`` in ``unit_from`` expressed in ``unit_to``; None if they do not convert."""
    if unit_from == unit_to:
        return value
    a, b = UNITS.get(unit_from), UNITS.get(unit_to)
    if a is None or b is None or _SAME_BASE.get(a[1], a[1]) != _SAME_BASE.get(b[1], b[1]):
        return None
    # 4.52万元 is 45200 元, not 45199.999999999993: keep the digits the report wrote.
    return float(f"{value * a[0] / b[0]:.12g}")
