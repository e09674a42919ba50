"""Widgets of the assumptions page: sliders, exact numbers, yearly paths, actuals, files.

(The scenario-file box at the foot of the page is :mod:`ui.filebox`.) Every widget takes its value from the model (:mod:`ui.state`) and writes back through a
callback, so a change is applied once, before the page runs, and every other widget and
the URL follow it. Values the engine would reject are refused with a plain message.
"""

from __future__ import annotations

import numpy as np
import streamlit as st

from sim.io.errors import InputError
from sim.io.plan import Indicator
from sim.report.labels import decimals

from . import display, filebox, fmt, layout, links, state, tables
from . import model as m
from .i18n import GROUPS, label_unit, lang, listing, name, name_unit, status, t, unit

SECTORS = ("primary_va", "secondary_va", "tertiary_va")
#: Places of the page where a refused or doubtful entry is explained (:func:`ui.layout.near`), beside
#: the box it was typed into; a driver's row is its own place (its id).
PER_YEAR, ACTUALS, GDP_ALL = "per_year", "actuals", "gdp_all"


def years() -> tuple[int, ...]:
    return state.get_plan().years()[1:]


def _round(v: float, step: float) -> float:
    places = _places(step)
    return round(round(v / step) * step, places)


def _places(step: float) -> int:
    text = f"{step:.6f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def _fmt(step: float) -> str:
    return f"%.{max(_places(step), 0)}f"


# --------------------------------------------------------------------------- callbacks

def _apply(new_or_fn, keep: str | None, near: str | None = None) -> None:
    try:
        new = new_or_fn()
        # The engine refuses a scenario that leaves an indicator's domain (e.g. a negative capacity);
        # a scenario it accepts leaves its result in the cache, for the page run that follows.
        state.compute([new.build(state.load(new.base))])
    except m.AppInputError as exc:
        state.flash("error", t("asm.rejected", detail=t(exc.key, **exc.values)), near)
        state.refresh_widgets()
        return
    except InputError as exc:
        state.flash("error", t("asm.rejected", detail=fmt.input_error(exc, plan=state.get_plan())), near)
        state.refresh_widgets()
        return
    state.set_model(new, keep=keep)


def _typed(base: str, key: str, near: str | None = None) -> float | None:
    """The number in an entry box, or None (a stale event, or text that is not a number: then
    the box shows the model again and the page says why, so nothing silently becomes 0)."""
    value = state.current(base, key)
    if value is None:
        return None
    if not isinstance(value, str):
        return float(value)
    try:
        return m.parse_number(value)
    except m.AppInputError as exc:
        state.flash("warning" if exc.key == "num.empty" else "error",
                    t("asm.kept", value=value.strip()) if exc.key == "num.empty"
                    else t("asm.rejected", detail=t("asm.rejected_text", text=value.strip(), reason=t(exc.key, **exc.values))), near)
        state.refresh_widgets()
        return None


@state.callback
def _set_constant(driver_id: str, base: str, key: str) -> None:
    value = _typed(base, key, driver_id)
    if value is None:
        return
    plan = state.get_plan()
    _apply(lambda: m.set_path(state.model(), plan, state.base_paths(), driver_id,
                              [value] * len(years())), base, driver_id)


@state.callback
def _set_year(driver_id: str, year: int, base: str, key: str) -> None:
    value = _typed(base, key, PER_YEAR)
    if value is None:
        return
    plan = state.get_plan()
    d = plan.driver_index[driver_id]
    path = list(state.current_paths()[d])
    path[years().index(year)] = value
    _apply(lambda: m.set_path(state.model(), plan, state.base_paths(), driver_id, path), base, PER_YEAR)


def set_gdp_growth(value: float, keep: str | None = None, near: str | None = None) -> None:
    """Set the three sectors (and so GDP) to one growth rate."""
    plan = state.get_plan()

    def build():
        new = state.model()
        for sector in SECTORS:
            new = m.set_path(new, plan, state.base_paths(), sector, [value] * len(years()))
        return new

    _apply(build, keep, near)


@state.callback
def _on_gdp_all(key: str) -> None:
    value = state.current("w_gdp_all", key)
    if value is not None:
        set_gdp_growth(float(value), keep="w_gdp_all", near=GDP_ALL)


@state.callback
def _reset(ids: list[str] | None) -> None:
    state.set_model(m.reset(state.model(), ids))


# --------------------------------------------------------------------------- sliders

def driver_row(ind: Indicator, cur: np.ndarray, base: np.ndarray) -> None:
    """One driver: name and marks, a slider, and an exact-number box."""
    lg = lang()
    changed = ind.id in state.model().drivers
    constant = not fmt.varies(cur, ind.pace_unit)
    mean = float(np.mean(cur))
    lo, hi = float(ind.driver_min), float(ind.driver_max)
    # The slider moves in steps no coarser than the digits shown, so it never reads 195 beside a box of 197.
    step = min(float(ind.driver_step), 10.0 ** -decimals(ind.pace_unit))
    sl_base, nu_base = f"w_sl_{ind.id}", f"w_nu_{ind.id}"
    sl_key = state.bind(sl_base, min(max(_round(mean, step), lo), hi))
    # One digit more than the slider shows (197.2 beside 197; 20.51 beside 20.5), never a float's tail.
    nu_key = state.bind(nu_base, m.number_text(round(mean, decimals(ind.pace_unit) + 1)))
    left, mid, right = st.columns([3, 5, 2], vertical_alignment="center")
    with left:
        mark = f" {t('asm.changed')}" if changed else ""
        # One element for the name and its starting pace: every element costs the browser work on each move.
        st.markdown(f"**{name(ind, lg)}**{mark}  \n:small[:gray[{t('asm.base_value', v=fmt.path(base, ind.pace_unit, lg))}]]")
        links.link_caption(ind)
    with mid:
        st.slider(f"{name(ind, lg)} ({unit(ind.pace_unit, lg)})", lo, hi, key=sl_key, step=step,
                  format=_fmt(step), label_visibility="collapsed", on_change=_set_constant,
                  args=(ind.id, sl_base, sl_key))
        if not constant:
            st.caption(t("asm.path_note", path=fmt.path(cur, ind.pace_unit, lg)))
        elif not lo <= mean <= hi:
            st.caption(t("asm.out_of_slider", v=fmt.pace(mean, ind.pace_unit, lg)))
    with right:
        # The box's unit as its label, not a caption under it: one element fewer to redraw on each move.
        st.text_input(t("asm.pace", unit=unit(ind.pace_unit, lg)), key=nu_key,
                      on_change=_set_constant, args=(ind.id, nu_base, nu_key))
    layout.near(ind.id)
    row_warnings(ind.id)


def row_warnings(driver_id: str) -> None:
    """A doubtful value of this driver (far outside the plan's range), said under its own row as
    well as at the top of every page: the planner typing at the foot of the page sees it."""
    found = [w for w in state.current_result().projection.warnings if w.field == f"drivers.{driver_id}"]
    for w in found:
        st.warning(fmt.input_error(w, plan=state.get_plan()))


def gdp_block(check) -> None:
    """Live GDP growth implied by the three sector sliders, and one control that sets all three."""
    lg = lang()
    row = check[(check["indicator"] == "gdp") & (check["check"] == "target")].iloc[0]
    key = state.bind("w_gdp_all", min(max(round(float(row["projected"]), 1), -10.0), 30.0))
    with st.container(border=True):
        left, right = st.columns([2, 3], vertical_alignment="center")
        left.metric(t("asm.gdp_implied"), fmt.percent(row["projected"]),
                    delta=fmt.gap(row["gap"], "%/年", lg), delta_arrow="off" if abs(row["gap"]) < 0.05 else "auto",
                    help=t("asm.gdp_implied_help"))
        left.markdown(t("asm.gdp_target", status=f"**{status(row['status'], lg)}**",
                        target=fmt.percent(row["target"])))
        right.slider(t("asm.gdp_all"), -10.0, 30.0, key=key, step=0.1, format="%.1f",
                     on_change=_on_gdp_all, args=(key,), help=t("asm.gdp_all_help"))
        plan = state.get_plan()
        paths = state.current_paths()[[plan.driver_index[s] for s in SECTORS]]
        if not np.allclose(paths, paths[0, 0], rtol=0, atol=1e-9):  # the one rate the slider shows is not theirs
            right.caption(t("asm.gdp_mixed", v=fmt.percent(row["projected"])))
        layout.near(GDP_ALL)


def group_tab(code: str, areas: tuple[str, ...], cur: np.ndarray, base: np.ndarray, check) -> None:
    plan = state.get_plan()
    drivers = [ind for ind in plan.drivers if ind.area in areas]
    if code == "economy":
        gdp_block(check)
    for ind in drivers:
        d = plan.driver_index[ind.id]
        driver_row(ind, cur[d], base[d])
    ids = [ind.id for ind in drivers]
    base_title = state.base_scenario().title(lang())
    # Keyed and tracked, so the editor stays open while the planner types one year after another.
    with st.expander(t("asm.per_year"), key=f"asm_peryear_open_{code}", on_change="rerun") as box:
        if box.open:
            per_year(code, drivers, cur)
    st.button(t("asm.reset_group", base=base_title), key=f"reset_{code}", on_click=_reset, args=(ids,),
              disabled=not any(i in state.model().drivers for i in ids))


def per_year(code: str, drivers: list[Indicator], cur: np.ndarray) -> None:
    """A 2026–2030 path for one driver of the group."""
    lg = lang()
    plan = state.get_plan()
    st.caption(t("asm.per_year_intro"))
    ids = [d.id for d in drivers]
    pick = state.picked(f"peryear_{code}", st.selectbox(
        t("asm.per_year_pick"), ids, key=state.picker(f"peryear_{code}", ids, ids[0]),
        format_func=lambda x: name_unit(plan.by_id[x], lg, pace=True)))
    ind = plan.by_id[pick]
    d = plan.driver_index[pick]
    cols = st.columns(len(years()))
    for col, (y, year) in zip(cols, enumerate(years()), strict=True):
        base = f"w_yr_{pick}_{year}"
        key = state.bind(base, m.number_text(round(float(cur[d][y]), decimals(ind.pace_unit) + 1)))
        col.text_input(label_unit(str(year), ind.pace_unit, lg), key=key, on_change=_set_year,
                       args=(pick, year, base, key))
    layout.near(PER_YEAR)
    row_warnings(pick)


def groups() -> None:
    """One group of sliders at a time (the page reruns on every move, so it draws only what is shown)."""
    plan = state.get_plan()
    lg = lang()
    cur, base = state.current_paths(), state.base_paths()
    check = state.current_result().check
    changed = {display.group_of(plan.by_id[d].area) for d in state.model().drivers}
    codes = [code for code, areas in GROUPS if any(ind.area in areas for ind in plan.drivers)]
    code = state.picked("asm_group", st.segmented_control(
        t("asm.group_pick"), codes, key=state.picker("asm_group", codes, codes[0]), required=True,
        format_func=lambda c: t(f"asm.group.{c}", lg)))
    # Always one element here: a caption appearing on the first change must not shift what follows.
    shown = listing([t(f"asm.group.{c}", lg) for c in codes if c in changed], lg)
    st.caption(t("asm.groups_changed", groups=shown) if changed else "\u00a0")
    code = code or codes[0]
    flipped(check)
    group_tab(code, dict(GROUPS)[code], cur, base, check)


def flipped(check) -> None:
    """Targets whose status the planner's changes turned, right beside the sliders that did it."""
    lg = lang()
    changes = display.flips(state.base_result().check, check, lg)
    base_title = state.base_scenario().title(lg)
    if changes:
        st.info(t("asm.flips", base=base_title, n=len(changes), items=listing(changes, lg)), icon=":material/swap_horiz:")
    else:  # always one element here, so nothing below moves when the first status turns
        st.caption(t("asm.flips_none", base=base_title))


# --------------------------------------------------------------------------- under the sliders

#: What the page shows under the sliders, one at a time: the page reruns on every move, and every
#: element drawn costs the browser work on each move (all four together made a move 60–80 ms slower).
SECTIONS = ("differences", "links", "actuals", "file")


def sections() -> None:
    """A picker for the part shown under the sliders, and that part."""
    plan = state.get_plan()
    lg = lang()
    codes = [c for c in SECTIONS if c != "links" or plan.links.follow]
    table = _differences_table()
    counts = {"differences": len(table), "actuals": sum(len(v) for v in state.model().actuals.values())}
    code = state.picked("asm_section", st.segmented_control(
        t("asm.section_pick"), codes, key=state.picker("asm_section", codes, codes[0]), required=True,
        format_func=lambda c: t(f"asm.section.{c}", lg) + (f" · {counts[c]}" if counts.get(c) else "")))
    code = code or codes[0]
    if code == "differences":
        differences(table)
    elif code == "links":
        links.graph()
    elif code == "actuals":
        actuals()
    else:
        filebox.files()


def _differences_table():
    plan = state.get_plan()
    lg = lang()
    table = display.driver_differences(plan, [state.base_paths(), state.current_paths()],
                                       [t("col.base"), t("col.now")], lg)
    return links.annotate(table, plan, lg)


def differences(table=None) -> None:
    """Each driver the planner's scenario sets differently from its starting scenario."""
    lg = lang()
    base = state.base_scenario()
    st.subheader(t("asm.diff_title", base=base.title(lg)))
    table = _differences_table() if table is None else table
    if table.empty:
        st.caption(t("asm.diff_none"))
    else:
        tables.show(table, "asm_diff", display.DRIVER_TABLE_NOWRAP)
        st.button(t("asm.reset_all", base=base.title(lg)), key="reset_all", on_click=_reset, args=(None,))


# --------------------------------------------------------------------------- actuals

@state.callback
def _pick_changed() -> None:
    st.session_state.pop("act_value", None)


@state.callback
def _add_actual(pick_key: str) -> None:
    ss = st.session_state
    plan = state.get_plan()
    text = ss.get("act_value", "")
    try:
        value = m.parse_number(text)
    except m.AppInputError as exc:
        state.flash("error", t("asm.rejected", detail=t("asm.rejected_text", text=str(text).strip(), reason=t(exc.key, **exc.values))), ACTUALS)
        return
    _apply(lambda: m.set_actual(state.model(), plan, ss[pick_key], int(ss["act_year"]), value), None, ACTUALS)


@state.callback
def _remove_actual(ind_id: str, year: int) -> None:
    _apply(lambda: m.set_actual(state.model(), state.get_plan(), ind_id, year, None), None, ACTUALS)


def actuals() -> None:
    plan = state.get_plan()
    lg = lang()
    st.subheader(t("asm.actuals_title"))
    st.caption(t("asm.actuals_intro"))
    left, mid, right, button = st.columns([4, 2, 3, 1], vertical_alignment="bottom")
    ids = [d.id for d in plan.drivers]
    pick_key = state.picker("act_pick", ids, ids[0])
    pick = state.picked("act_pick", left.selectbox(t("asm.act_indicator"), ids, key=pick_key,
                                                   on_change=_pick_changed,
                                                   format_func=lambda x: name_unit(plan.by_id[x], lg)))
    year = mid.selectbox(t("asm.act_year"), list(years()), key="act_year", on_change=_pick_changed)
    proj = state.current_result().projection
    state.ensure("act_value", m.number_text(round(proj.value(proj.names[0], pick, int(year)), 2)))
    right.text_input(label_unit(t("asm.act_value"), plan.by_id[pick].value_unit, lg), key="act_value")
    button.button(t("asm.act_add"), key="act_add", on_click=_add_actual, args=(pick_key,), type="primary")
    layout.near(ACTUALS)
    entered = state.model().actuals
    if not entered:
        st.caption(t("asm.act_none"))
        return
    st.markdown(f"**{t('asm.act_list')}**")
    for ind_id, obs in entered.items():
        ind = plan.by_id[ind_id]
        for y, v in obs.items():
            a, b = st.columns([8, 1], vertical_alignment="center")
            a.markdown(f"{name(ind, lg)} · {y}: **{fmt.value(v, ind.value_unit, lg)}**")
            b.button(t("asm.act_remove"), key=f"act_rm_{ind_id}_{y}", on_click=_remove_actual, args=(ind_id, y))
