"""The interface language and the one lookup of every text the app shows.

``t("board.title")`` returns the text in the language chosen in the sidebar
(``st.session_state["lang"]``: ``"zh"`` or ``"en"``); keyword arguments fill ``{...}``
placeholders. The texts themselves live in :mod:`ui.texts` (one module per page); an
unknown key comes back as the key itself, so a missing label is visible but never breaks a
page. Units, statuses, areas and bases are worded here from :mod:`sim.report.labels`.
"""

from __future__ import annotations

from dataclasses import dataclass

from sim.report.labels import AREA, BASIS, DIRECTION, STATUS, kind_word

from .texts import TEXT

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"

#: Status marks that render with the fonts of a bare Linux desktop as well as Windows and macOS
#: (the engine's emoji need a colour-emoji font, which many machines lack).
ICON = {"met": "✔", "at_risk": "⚠", "missed": "✖"}

__all__ = ["TEXT", "GROUPS", "ICON", "LANGS", "UNITS_EN", "area", "basis", "direction", "group", "kind",
           "label_unit", "lang", "listing", "name", "name_unit", "status", "t", "unit"]

#: The slider groups of the assumptions page and the plan areas each one holds.
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("economy", ("economy",)),
    ("industry_energy", ("industry", "energy")),
    ("agriculture", ("agriculture",)),
    ("ecology_water", ("ecology", "water")),
    ("tourism_consumption", ("tourism", "consumption")),
    ("livelihood", ("livelihood",)),
)

#: English names of the units the plan uses (values are never converted).
UNITS_EN = {
    "亿元": "100m yuan", "万千瓦": "10k kW", "万亩": "10k mu", "万头": "10k head", "万人次": "10k visits",
    "万人": "10k people", "亿立方米": "100m m³", "微克/立方米": "µg/m³", "元/人次": "yuan/visit",
    "元": "yuan", "人": "people", "户": "firms", "家": "firms", "万户": "10k entities",
    "指数(基期=100)": "index, base year = 100", "个": "products", "%": "%", "%/年": "%/yr",
    "百分点/年": "pp/yr", "百分点": "pp", "个百分点": "pp", "年": "yr",
}

#: Chinese units the app words differently from the plan file.
UNITS_ZH = {"百分点/年": "个百分点/年", "百分点": "个百分点"}


def lang() -> str:
    """The interface language: ``"zh"`` (default) or ``"en"``."""
    import streamlit as st
    from streamlit import runtime

    if not runtime.exists():  # outside a Streamlit run (plain tests, bench)
        return DEFAULT_LANG
    value = st.session_state.get("lang", DEFAULT_LANG)
    return value if value in LANGS else DEFAULT_LANG


def t(key: str, lang_: str | None = None, **values) -> str:
    """The label ``key`` in the current language, with ``{placeholders}`` filled."""
    pair = TEXT.get(key)
    if pair is None:
        return key
    text = pair[0] if (lang_ or lang()) == "zh" else pair[1]
    return text.format(**values) if values else text



def unit(u: str, lang_: str | None = None) -> str:
    """A unit in the interface language (``万千瓦/年`` → ``10k kW/yr``)."""
    if (lang_ or lang()) == "zh" or not u:
        # One wording of points in Chinese, as in every gap (-1.5个百分点) and in the engine's sentences.
        return UNITS_ZH.get(u, u)
    if u in UNITS_EN:
        return UNITS_EN[u]
    if u.endswith("/年"):
        return f"{unit(u[:-2], 'en')}/yr"
    return u


def status(code: str, lang_: str | None = None, icon: bool = True) -> str:
    """``"missed"`` → ``"✖ 未达标"``: legible without colour."""
    word = STATUS[lang_ or lang()].get(code, code)
    return f"{ICON.get(code, '')} {word}" if icon else word


def area(code: str, lang_: str | None = None) -> str:
    return AREA[lang_ or lang()].get(code, code)


def basis(code: str, lang_: str | None = None) -> str:
    return BASIS[lang_ or lang()].get(code, code)


def direction(code: str, lang_: str | None = None) -> str:
    return DIRECTION[lang_ or lang()].get(code, code)


def kind(code: str, lang_: str | None = None, target_year=None, base_year=None) -> str:
    """A target's kind in words; growth over one year is 增速, not 年均增速 (sim.report.labels)."""
    return kind_word(code, lang_ or lang(), target_year, base_year)


def group(code: str, lang_: str | None = None) -> str:
    return t(f"asm.group.{code}", lang_)


def name(ind, lang_: str | None = None) -> str:
    """An indicator's (or a check row's) name in the interface language."""
    zh = (lang_ or lang()) == "zh"
    if not hasattr(ind, "name_zh"):  # a check-table row (dict or Series)
        return ind["name"] if zh else ind["name_en"]
    return ind.name_zh if zh else ind.name_en


def label_unit(label: str, u: str, lang_: str | None = None) -> str:
    """A label with its unit in brackets: ``地区生产总值(亿元)`` / ``Gross regional product (100m yuan)``.
    (A number with its unit is :func:`ui.fmt.with_unit`.)"""
    lg = lang_ or lang()
    # a unit with brackets of its own is not bracketed twice: 收入(指数,基期=100), not 收入(指数(基期=100))
    shown = unit(u, lg).replace("(", ",").replace(")", "") if lg == "zh" else unit(u, lg)
    return f"{label}({shown})" if lg == "zh" else f"{label} ({shown})"


def name_unit(ind, lang_: str | None = None, pace: bool = False) -> str:
    """An indicator's name with its unit (or its pace unit)."""
    lg = lang_ or lang()
    return label_unit(name(ind, lg), ind.pace_unit if pace else ind.value_unit, lg)


def listing(items, lang_: str | None = None) -> str:
    """Items joined as a reader of the language expects (``、`` in Chinese)."""
    return ("、" if (lang_ or lang()) == "zh" else ", ").join(items)


@dataclass(frozen=True)
class Names:
    """Indicators named in a message kept for later (a link's ignored parameter): formatted in the
    language the page has when it is shown (``{inputs}`` → ``火电装机规模、新能源并网装机规模`` or
    ``Coal-fired (thermal) capacity, …``), never by id."""

    zh: tuple[str, ...]
    en: tuple[str, ...]

    @classmethod
    def of(cls, plan, ids) -> Names:
        known = [plan.by_id[i] for i in ids if i in plan.by_id]
        return cls(tuple(i.name_zh for i in known), tuple(i.name_en for i in known))

    def __format__(self, spec: str) -> str:
        lg = lang()
        return listing(self.zh if lg == "zh" else self.en, lg)


@dataclass(frozen=True)
class Twin:
    """One sentence kept for later in both languages (an engine error met while a link is read,
    before the page knows its language): formatted in the language the page has when shown."""

    zh: str
    en: str

    def __format__(self, spec: str) -> str:
        return self.zh if lang() == "zh" else self.en
