"""Pieces every page shares: the sidebar, one-off messages, notices about the link, cards."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from sim.io.errors import InputError

from . import choices, fmt, plans, state, url
from . import model as m
from .display import headline_targets, projected_text, target_text
from .i18n import LANGS, TEXT, lang, name, status, t

#: Headline cards of the board: indicator ids in display order.
HEADLINE = ("gdp", "industrial_va", "energy_capacity", "forest_grass_coverage", "visitors", "urban_new_jobs")

#: The tab's icon, a flag drawn inline: a Material icon name would make every browser fetch it from
#: Google's font servers on every rerun, which fails on an office network without internet access.
FAVICON = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
           '<path d="M5 22V3h10.2l.5 2H21v11h-7.2l-.5-2H7v8z" fill="#B2182B"/></svg>')


#: The main column's side margins: Streamlit's 5 rem each side left a target table of ten columns 50 px
#: short of room at 1280 px in English (its basis column behind a scroll bar); 3 rem gives it back.
PAGE_CSS = "<style>[data-testid='stMainBlockContainer'] { padding-left: 3rem; padding-right: 3rem; }</style>"


def page_style() -> None:
    """The app's page-wide CSS (a style-only element: Streamlit draws no box for it)."""
    st.html(PAGE_CSS)


@state.callback
def _on_base(key: str) -> None:
    new = state.current("w_base", key)
    if new is None or new not in state.available():
        return
    old = state.model()
    state.set_model(m.AppScenario(base=new, actuals=old.actuals), keep="w_base")
    if old.drivers:
        state.flash("info", t("side.switched", base=choices.option_label(new), n=len(old.drivers)))


@state.callback
def _back_to_app_plan() -> None:
    state.open_plan(None)
    state.flash("info", t("plan.back_done", district=_district(plans.app_plan())))


def _district(plan) -> str:
    return plan.district_zh if lang() == "zh" else plan.district_en


def plan_in_use() -> None:
    """The district whose plan the session runs on; after a draft was opened, the way back."""
    plan = state.get_plan()
    st.markdown(f"**{t('plan.in_use')}:** {_district(plan)}")
    st.caption(plan.title_zh if lang() == "zh" else plan.title_en)
    if plans.opened():
        st.caption(t("plan.draft_note"))
        st.button(t("plan.back", district=_district(plans.app_plan())), key="plan_back",
                  on_click=_back_to_app_plan, icon=":material/undo:")


def sidebar() -> None:
    """Language switch, the plan in use, starting scenario and a summary of the current one."""
    with st.sidebar:
        st.radio(t("side.lang"), LANGS, key="lang", horizontal=True, persist_state="session",
                 format_func=lambda x: "中文" if x == "zh" else "English")
        plan_in_use()
        names = list(state.available())
        current = state.model()
        key = state.bind("w_base", current.base if current.base in names else m.DEFAULT_BASE)
        st.selectbox(t("side.base"), names, key=key, on_change=_on_base, args=(key,), help=t("side.base_help"),
                     format_func=choices.labeller())
        scn = state.current_scenario()
        base = state.base_scenario()
        st.markdown(f"**{t('side.current')}:** {scn.title(lang())}")
        n = len(current.drivers)
        base_title = base.title(lang())
        changed = "side.changes_one" if n == 1 else "side.changes"  # English counts one assumption, not "1 assumptions"
        st.caption(t(changed, base=base_title, n=n) if n else t("side.no_changes", base=base_title))
        if current.n_actuals:
            st.caption(t("side.actuals", n=current.n_actuals))
        if url.fits_link(current):
            st.caption(t("side.link"))
        else:  # the link would be too long: say what it leaves out and offer the whole scenario
            st.warning(t("side.link_numbers_only", n=m.MAX_TEXT))
            st.download_button(t("file.download"), scn.to_toml().encode("utf-8"), file_name=f"{scn.name}.toml",
                               mime="application/toml", key="dl_toml_side", on_click="ignore",
                               icon=":material/description:")


@state.callback
def _dismiss_notes() -> None:
    st.session_state[state.NOTES] = []


def notices() -> None:
    """Messages queued by callbacks, and parameters of the link that were ignored."""
    placed: dict[str, list[tuple[str, str]]] = {}
    for kind, text, *where in st.session_state.get(state.FLASH, []):
        if where and where[0]:
            placed.setdefault(where[0], []).append((kind, text))
        else:
            getattr(st, kind)(text)
    st.session_state[state.FLASH] = []
    st.session_state[state.FLASH_NEAR] = placed  # this run's only: an older one never resurfaces
    try:  # implausible but possible assumptions: shown on every page, as every output carries them
        found = state.current_result().projection.warnings
    except InputError:
        found = ()
    if found:
        st.warning(t("input.warnings") + "\n\n" + "\n".join(f"- {fmt.input_error(w, plan=state.get_plan())}" for w in found))
    notes = st.session_state.get(state.NOTES) or []
    ignored = [_ignored_line(n) for n in notes if not n.applied]
    applied = [t("url.applied_line", param=n.param, value=n.value, reason=t(n.key, **n.values))
               for n in notes if n.applied]
    if ignored:
        st.warning(t("url.notice") + "\n\n" + "\n".join(f"- {x}" for x in ignored))
    if applied:
        st.info(t("url.applied") + "\n\n" + "\n".join(f"- {x}" for x in applied))
    if notes:
        st.button(t("url.dismiss"), key="dismiss_notes", on_click=_dismiss_notes)


def _ignored_line(note) -> str:
    """One ignored parameter (``参数 x=abc 已忽略:…``); parameters dropped together because they
    fail as a whole are named as the link gave them (``a=1, b=2``), once."""
    reason = t(note.key, **note.values)
    if note.key != "url.invalid":
        return t("url.line", param=note.param, value=note.value or "∅", reason=reason)
    return t("url.line_all" if ", " in note.param else "url.line_given", param=note.param, reason=reason)


def near(place: str) -> None:
    """The messages queued for ``place`` (:func:`ui.state.flash` with ``near``), shown here."""
    for kind, text in st.session_state.get(state.FLASH_NEAR, {}).pop(place, []):
        getattr(st, kind)(text)


def board_nowrap(n_columns: int, probability: bool = False) -> tuple[int, ...]:
    """Columns of a target table kept on one line (1 = first): in Chinese all but the name and
    the target; English names and units are longer, so there only the status (a probability,
    ``possible 50%``, may break at its spaces: kept whole it pushed the table 50 px past the page
    at 1280 px)."""
    s = int(probability)
    if lang() == "zh":
        return tuple(n for n in range(1, n_columns + 1) if n not in (2 + s, 4 + s))
    return (1,)


def board_keep(probability: bool = False) -> tuple[int, ...]:
    """The target column of a Chinese target table, broken only at its space: ``年均增长`` /
    ``≥ 6.5%``, never ``年均增长 ≥`` / ``6.5%`` nor ``≥ 1,600万千`` / ``瓦`` (seen at 1280 px)."""
    return (4 + int(probability),) if lang() == "zh" else ()


def board_name_width(probability: bool = False) -> dict[int, float]:
    """The name column of a Chinese target table six characters wide [em] (地区生产总值 whole):
    the automatic layout gave it five at 1280 px (地区生产总 / 值)."""
    return {2 + int(probability): 6.5} if lang() == "zh" else {}


def card_label(row, base_year: int, lang_: str | None = None) -> str:
    """A card's title: the indicator's short name and what its target measures (``地区生产总值增速``,
    ``城镇新增就业(5年累计)``); an indicator without a short name in the texts uses its plan name."""
    lg = lang_ or lang()
    key = f"card.{row['indicator']}"
    short = t(key, lg) if key in TEXT else name(row, lg)
    return t(f"card.kind.{row['kind']}", lg, name=short, years=int(row["target_year"]) - base_year)


def card(row, others: list, base_year: int) -> None:
    """One headline card: projected value, gap to target, and the status in words; the
    indicator's other targets (a level beside the stated growth) named under it."""
    lg = lang()
    gap = fmt.gap(row["gap"], row["measure_unit"], lg)
    with st.container(border=True):
        st.metric(
            label=card_label(row, base_year, lg),
            value=projected_text(row, lg),
            delta=t("card.delta", gap=gap),
            delta_color="normal",
            delta_arrow="off" if gap.startswith("±") else "auto",
            help=t("help.status"),
        )
        st.markdown(t("card.target", status=f"**{status(row['status'], lg)}**",
                      target=target_text(row, lg, base_year)))
        for other in others:
            st.caption(t("card.also", year=other["target_year"], target=target_text(other, lg, base_year),
                         status=f"{status(other['status'], lg)}({projected_text(other, lg)})" if lg == "zh"
                         else f"{status(other['status'], lg)} ({projected_text(other, lg)})"))


def headline_cards(rows: pd.DataFrame) -> None:
    """The key targets as cards, three to a row (:func:`ui.display.headline_targets` picks each
    card's target)."""
    chosen = headline_targets(rows, HEADLINE)
    base_year = state.get_plan().base_year
    for start in range(0, len(chosen), 3):
        cols = st.columns(3)
        for col, (row, others) in zip(cols, chosen[start:start + 3], strict=False):
            with col:
                card(row, others, base_year)
