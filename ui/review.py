"""The record-and-review page: the 14th-plan record, the actuals a review is made from, the brief.

Tables come from :mod:`sim.review.history`, headed in the interface language (``rev.col.*``
texts); the brief from :mod:`sim.report.brief.content`. The monitoring tab (年度监测, the
mid-term review in its year) is :mod:`ui.monitor`, which reads the actuals through
:func:`entered_actuals`.
"""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from sim import list_scenarios
from sim.io.actuals import parse_actuals
from sim.io.errors import InputError
from sim.review.history import MEASURE_ZH, backcast, history_table, pace_comparison
from sim.review.midterm import scenario_actuals

from . import fmt, state
from .i18n import lang, name, t, unit

PACE_COLUMNS = ["name", "period", "past_bound", "past_pace", "needed_pace", "pace_unit", "ratio", "ratio_alternatives"]
RECORD_COLUMNS = ["name", "unit", "measure", "value", "reading", "bound", "start_year", "start_level", "end_level",
                  "pace", "pace_unit", "why"]
BACKCAST_COLUMNS = ["name", "check", "stated", "engine", "difference", "reproduced"]


def names() -> dict[str, str]:
    """Indicator id → name in the interface language."""
    lg = lang()
    return {i.id: name(i, lg) for i in state.get_plan().indicators}


#: Why a 14th-plan statement gives no pace (``sim.review.history.derive_statement``), as a
#: pattern of the engine's English and the key of the same sentence in the app's texts.
WHY = (
    (re.compile(r"the period ends in (?P<end>\d+), not the base year (?P<base>\d+)"), "rev.why.ends"),
    (re.compile(r"the (?P<base>\d+) level is not reported \(the baseline is an index\)"), "rev.why.index"),
    (re.compile(r"the (?P<base>\d+) level is not known"), "rev.why.unknown"),
    (re.compile(r"the statement does not determine a constant pace"), "rev.why.no_pace"),
)


def why_text(why, lg: str) -> str:
    """The reason a statement gives no pace, in ``lg`` ("" if there is none)."""
    if not isinstance(why, str) or not why:
        return ""
    for pattern, key in WHY:
        hit = pattern.match(why)
        if hit:
            return t(key, lg, **hit.groupdict())
    return why if lg == "en" else t("rev.why.other", lg)


def show(frame, columns: list[str], texts: str = "rev.col") -> None:
    """A table with the given columns, headed in the interface language (texts ``{texts}.{column}``),
    numbers to two decimals; a missing value reads "—" (never "None")."""
    table = frame[columns].copy()
    for c in ("unit", "pace_unit"):
        if c in table.columns:
            table[c] = table[c].map(lambda u: unit(u) if isinstance(u, str) else u)
    for c in table.columns:
        if table[c].dtype.kind == "f":  # as text, so a missing number reads "—", not "None"
            table[c] = [fmt.DASH if v != v else f"{round(v, 2) if abs(v) > 5e-3 else 0.0:,.2f}".rstrip("0").rstrip(".")
                        for v in table[c]]
        elif table[c].dtype.kind in "OUT" or pd.api.types.is_string_dtype(table[c]):
            table[c] = table[c].map(lambda v: fmt.DASH if v is None or (isinstance(v, float) and v != v) else v)
    st.dataframe(table.rename(columns={c: t(f"{texts}.{c}") for c in columns}), hide_index=True, width="stretch")


#: The statement measures in English words (the engine's codes are field names).
MEASURE_EN = {"level": "level", "multiple": "multiple", "change_pct": "growth", "change": "change",
              "average_growth": "average growth", "average_change": "average change", "total": "total"}


def check_label(text: str) -> str:
    """'2025 level' → '2025年水平', 'total 2020–2025' → '累计 2020–2025'; English words in English."""
    head, _, tail = text.partition(" ")
    if lang() != "zh":
        return f"{MEASURE_EN.get(head, head)} {tail}".strip()
    return f"{head}年水平" if tail == "level" else f"{MEASURE_ZH.get(head, head)} {tail}"


def history_tab() -> None:
    """Past pace against the pace needed, the 14th-plan statements, and the engine's back-cast."""
    plan, label, zh = state.get_plan(), names(), lang() == "zh"
    st.subheader(t("rev.pace"))
    pace = pace_comparison(plan)
    show(pace.assign(name=pace["indicator"].map(label)), PACE_COLUMNS)
    st.caption(t("rev.pace_help"))
    st.subheader(t("rev.record"))
    record = history_table(plan)
    record = record.assign(name=record["indicator"].map(label),
                           measure=record["measure"].map(MEASURE_ZH if zh else MEASURE_EN),
                           reading=record["reading"].map(lambda r: t(f"rev.reading.{r}")),
                           why=record["why"].map(lambda w: why_text(w, lang())))
    show(record, RECORD_COLUMNS)
    st.subheader(t("rev.backcast"))
    cast = backcast(plan).table
    show(cast.assign(name=cast["indicator"].map(label), check=cast["check"].map(check_label)), BACKCAST_COLUMNS)
    st.caption(t("rev.backcast_help"))


def entered_actuals() -> tuple[dict, str]:
    """Actuals for the review: the scenario's own (if ticked), typed values and an upload."""
    plan, label = state.get_plan(), names()
    use_app = st.checkbox(t("rev.use_app"), value=True, key="rev_use_app")
    actuals = scenario_actuals(state.analysed_scenario()) if use_app else {}
    left, right = st.columns([1, 3])
    years = list(range(plan.base_year + 1, plan.target_year + 1))
    year = state.picked("rev_year", left.selectbox(t("rev.year"), years, key=state.picker("rev_year", years, years[0])))
    targeted = list(dict.fromkeys(x for tg in plan.targets for x in plan.leaves(tg.indicator)))
    picked = state.picked("rev_pick", right.multiselect(
        t("rev.pick"), targeted, format_func=label.__getitem__, key=state.picker("rev_pick", targeted, []),
        placeholder=t("rev.pick_hint")))
    cols = st.columns(3)
    for k, ind_id in enumerate(picked):
        ind = plan.by_id[ind_id]
        value = cols[k % 3].number_input(f"{label[ind_id]}({ind.value_unit})", value=float(ind.baseline.value),
                                         key=f"rev_val_{ind_id}_{year}", format="%.2f")
        actuals.setdefault(ind_id, {})[year] = value
    upload = st.file_uploader(t("rev.upload"), type=["csv", "toml"], key="rev_upload")
    if upload is not None:
        suffix = "." + upload.name.rsplit(".", 1)[-1]
        for key, obs in parse_actuals(upload.getvalue(), upload.name, suffix).items():
            actuals.setdefault(key, {}).update(obs)
    return actuals, upload.name if upload is not None else "app"


@state.callback
def _make_brief(kind: str, refs: list) -> None:
    from sim.report.brief.content import brief_bytes  # heavy (matplotlib, fonts): only when a brief is made

    try:
        st.session_state["rev_brief"] = (kind, brief_bytes(state.get_plan(), refs, kind))
        st.session_state.pop("rev_brief_error", None)
    except InputError as exc:
        st.session_state["rev_brief_error"] = fmt.input_error(exc)


def brief_tab() -> None:
    """Pick scenarios and a format, make the brief, download it."""
    st.caption(t("rev.brief_help"))
    current = state.analysed_scenario()
    options = ["@current", *(p.stem for p in list_scenarios())]
    # A planner knows a scenario by its title (进取情景), not by its file name (ambitious).
    shown = {x: state.load(x).title(lang()) for x in options[1:]} | \
        {"@current": t("rev.current", title=current.title(lang()))}
    chosen = state.picked("rev_brief_pick", st.multiselect(
        t("rev.brief_pick"), options, key=state.picker("rev_brief_pick", options, ["@current"]),
        format_func=shown.__getitem__))
    kinds = ["pdf", "html"]
    fmt = state.picked("rev_brief_fmt", st.radio(t("rev.format"), kinds, horizontal=True,
                                                 key=state.picker("rev_brief_fmt", kinds, kinds[0])))
    st.button(t("rev.make"), key="rev_make", disabled=not chosen, on_click=_make_brief,
              args=(fmt, [current if x == "@current" else x for x in chosen]))
    if st.session_state.get("rev_brief_error"):
        st.error(st.session_state["rev_brief_error"])
    made = st.session_state.get("rev_brief")
    if made:
        kind, data = made
        st.download_button(t("rev.download"), data, file_name=f"brief.{kind}",
                           mime="application/pdf" if kind == "pdf" else "text/html", on_click="ignore",
                           icon=":material/download:", key="rev_download")
