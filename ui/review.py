"""The record-and-review page: the 14th-plan record, the actuals a review is made from, the brief.

Tables come from :mod:`sim.review.history`, headed in the interface language (``rev.col.*``
texts); the brief from :mod:`sim.report.brief.content`. The monitoring tab (年度监测, the
mid-term review in its year) is :mod:`ui.monitor`, which reads the actuals through
:func:`entered_actuals`.
"""

from __future__ import annotations

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
#: The record's columns as shown: a statement in words, its levels and the pace they give (with its
#: unit). Why a statement gives no pace is told under the table, not in a column: it is long and
#: rare, and as a column it pushed the table past the page in English.
RECORD_COLUMNS = ["name", "statement", "unit", "start_level", "end_level", "pace"]
#: Fixed widths [px] of the record's level columns, their numbers to the right: at 1440 px with
#: the sidebar open the grid is 958 px wide, and the English record then fits without scrolling.
RECORD_CONFIG = {"start_level": {"width": 80, "alignment": "right"}, "end_level": {"width": 80, "alignment": "right"}}
BACKCAST_COLUMNS = ["name", "check", "stated", "engine", "difference", "reproduced"]


def names() -> dict[str, str]:
    """Indicator id → name in the interface language."""
    lg = lang()
    return {i.id: name(i, lg) for i in state.get_plan().indicators}


def number_text(v) -> str:
    """A number of the review tables: at most two decimals, trailing zeros dropped, thousands
    separated; a missing one "—"."""
    return fmt.DASH if v != v else f"{round(v, 2) if abs(v) > 5e-3 else 0.0:,.2f}".rstrip("0").rstrip(".")


def show(frame, columns: list[str], texts: str = "rev.col", headers: dict[str, str] | None = None,
         config: dict[str, dict] | None = None, height: str = "auto") -> None:
    """A table with the given columns, headed in the interface language (texts ``{texts}.{column}``,
    or ``headers[column]``), numbers to two decimals; a missing value reads "—" (never "None").
    ``config`` gives some columns a width [px] or an alignment (``st.column_config.Column``);
    ``height="content"`` shows every row without a scroll bar."""
    table = frame[columns].copy()
    for c in ("unit", "pace_unit"):
        if c in table.columns:
            table[c] = table[c].map(lambda u: unit(u) if isinstance(u, str) else u)
    for c in table.columns:
        if table[c].dtype.kind == "f":  # as text, so a missing number reads "—", not "None"
            table[c] = [number_text(v) for v in table[c]]
        elif table[c].dtype.kind in "OUT" or pd.api.types.is_string_dtype(table[c]):
            table[c] = table[c].map(lambda v: fmt.DASH if v is None or (isinstance(v, float) and v != v) else v)
    heads = {c: (headers or {}).get(c) or t(f"{texts}.{c}") for c in columns}
    columns_config = {heads[c]: st.column_config.Column(**kw) for c, kw in (config or {}).items()}
    st.dataframe(table.rename(columns=heads), hide_index=True, width="stretch", height=height,
                 column_config=columns_config or None)


#: The statement measures in English words (the engine's codes are field names).
MEASURE_EN = {"level": "level", "multiple": "multiple", "change_pct": "growth", "change": "change",
              "average_growth": "average growth", "average_change": "average change", "total": "total"}


def check_label(text: str) -> str:
    """'2025 level' → '2025年水平', 'total 2020–2025' → '累计 2020–2025'; English words in English."""
    head, _, tail = text.partition(" ")
    if lang() != "zh":
        return f"{MEASURE_EN.get(head, head)} {tail}".strip()
    return f"{head}年水平" if tail == "level" else f"{MEASURE_ZH.get(head, head)} {tail}"


def statement_text(measure: str, value: float, bound: str, reading: str, lg: str) -> str:
    """One statement of the record in words: ``累计 665.5``, ``average change ≥20``,
    ``multiple 5 (other reading)``."""
    words = (MEASURE_ZH if lg == "zh" else MEASURE_EN).get(measure, measure)
    text = t("rev.statement", lg, measure=words, bound="" if bound == "=" else bound, value=number_text(value))
    return text if reading == "used" else t("rev.statement_alt", lg, text=text, reading=t(f"rev.reading.{reading}", lg))


def record_view(plan, lg: str) -> tuple[pd.DataFrame, list[str], dict[str, str]]:
    """The 14th-plan record as the page shows it: its frame, its columns and their headers.

    Where every statement spans the same years the level columns are headed by them
    (``2020年水平``, ``2025年水平``); otherwise a period column says each row's years.
    """
    label = {i.id: name(i, lg) for i in plan.indicators}
    record = history_table(plan, lang=lg)   # its reasons already in ``lg`` (sim.review.history.WHY)
    view = record.assign(
        name=record["indicator"].map(label),
        statement=[statement_text(*row, lg) for row in record[["measure", "value", "bound", "reading"]].itertuples(
            index=False)],
        pace=[fmt.with_unit(number_text(v), u, lg) for v, u in zip(record["pace"], record["pace_unit"], strict=True)],
        why=record["why"].fillna(""))
    spans = record[["start_year", "end_year"]].drop_duplicates()
    if len(spans) == 1:
        start, end = (int(v) for v in spans.iloc[0])
        return view, RECORD_COLUMNS, {"start_level": t("rev.col.level_in", lg, year=start),
                                      "end_level": t("rev.col.level_in", lg, year=end)}
    view = view.assign(period=[f"{a}–{b}" for a, b in zip(record["start_year"], record["end_year"], strict=True)])
    return view, [*RECORD_COLUMNS[:2], "period", *RECORD_COLUMNS[2:]], {}


def no_pace_notes(view: pd.DataFrame, lg: str) -> list[str]:
    """Under the record: each statement that gives no pace, and why."""
    return [t("rev.no_pace_item", lg, name=r.name, statement=r.statement, why=r.why)
            for r in view.itertuples(index=False) if r.why]


def history_tab() -> None:
    """Past pace against the pace needed, the 14th-plan statements, and the engine's back-cast."""
    plan, label = state.get_plan(), names()
    st.subheader(t("rev.pace"))
    pace = pace_comparison(plan)
    show(pace.assign(name=pace["indicator"].map(label)), PACE_COLUMNS)
    st.caption(t("rev.pace_help"))
    st.subheader(t("rev.record"))
    view, columns, headers = record_view(plan, lang())
    show(view, columns, headers=headers, config=RECORD_CONFIG, height="content")
    notes = no_pace_notes(view, lang())
    if notes:
        st.caption("\n".join([t("rev.no_pace"), *(f"- {n}" for n in notes)]))
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
    fmt = state.picked("rev_brief_fmt", st.radio(t("rev.format"), kinds, horizontal=True, format_func=str.upper,
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
