"""The 导入工作报告 page's logic: read a report into a draft (sim.draft), show every candidate
number for review, fill placeholders, and only after the review is confirmed save the plan
file or open it in the simulator for this session.

The page script (pages/draft.py) calls these in order. Work triggered by a button is done in
its callback (the app may rerun after a click, and a callback's work survives that); its
message waits in ``st.session_state[FLASH]`` for :func:`messages`.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from sim import InputError
from sim.draft import draft_from_text
from sim.draft.decisions import (
    DIRECTIONS,
    ROLES,
    apply_decisions,
    changed_values,
    decision_table,
    fill_placeholders,
    placeholders,
    validated,
    with_edits,
)
from sim.draft.review import review_bytes
from sim.draft.source import MAX_REPORT_BYTES, decode_report
from sim.draft.words import VALUE_ZH
from sim.report.export import write_atomic
from sim.report.labels import localize

from . import filebox, plans, state
from .fmt import input_error
from .i18n import direction, lang, t

DRAFT = "draft_obj"
FLASH = "draft_flash"
SHOWN = "draft_shown"
#: The draft the open button's callback asks to open; the page then moves to the board.
GO_BOARD = "draft_go_board"
#: Columns of the candidate table the planner may edit.
EDITABLE = ("keep", "role", "indicator", "year", "direction", "value")


def read_report() -> None:
    """Callback of 读取报告: an upload wins over pasted text; a bad report is one sentence."""
    ss = st.session_state
    upload, pasted = ss.get("draft_upload"), ss.get("draft_text", "")
    if upload is None and not pasted.strip():
        ss[FLASH] = ("error", t("error.input", msg=t("draft.empty")))
        return
    try:
        if upload is not None:
            text, name = decode_report(upload.getvalue(), upload.name)[0], upload.name
        else:
            text, name = decode_report(pasted.encode("utf-8"), "report.txt")[0], "report.txt"
        drafted = draft_from_text(text, name, ss.get("draft_district", "").strip() or None)
        validated(drafted)  # a report with nothing to draft is one plain sentence, not a broken page
        ss[DRAFT] = drafted
        ss["draft_confirm"] = False  # a new report needs its own review
    except InputError as exc:
        ss[FLASH] = ("error", t("error.input", msg=input_error(exc)))


def rebuild() -> None:
    """Callback of 按审核结果重新生成: the candidate table's edits become the draft."""
    ss = st.session_state
    table = with_edits(ss[SHOWN], ss.get("draft_editor", {}).get("edited_rows", {}))
    try:
        ss[DRAFT] = apply_decisions(ss[DRAFT], table)
        ss[FLASH] = ("success", t("draft.applied"))
    except InputError as exc:
        ss[FLASH] = ("error", t("error.input", msg=input_error(exc)))
    except ValueError as exc:  # a role the table's picker cannot offer: a program's mistake, not a planner's
        ss[FLASH] = ("error", t("error.input", msg=str(exc)))


def save(draft) -> None:
    """Callback of 保存: write the plan file atomically, never over a file unless asked."""
    ss = st.session_state
    path = Path(ss.get("draft_save_path", "")).expanduser()
    if path.exists() and not ss.get("draft_overwrite"):
        ss[FLASH] = ("warning", t("draft.exists"))
        return
    try:
        write_atomic(path, lambda: draft.toml().encode("utf-8"))
        ss[FLASH] = ("success", t("draft.saved", path=str(path.resolve())))
    except InputError as exc:
        ss[FLASH] = ("error", t("error.input", msg=input_error(exc)))


def ask_to_open(draft) -> None:
    """Callback of 在模拟器中打开: remember the request; :func:`open_if_asked` carries it out."""
    st.session_state[GO_BOARD] = draft


def open_if_asked() -> None:
    """Open the draft the planner asked for and move to the board. Done in the page run (after
    this run's notices were shown) so the notices of the switch appear on the board."""
    draft = st.session_state.pop(GO_BOARD, None)
    if draft is None:
        return
    key, plan = plans.drafted_plan(draft)   # loaded by the engine: a bad draft stops here
    state.open_plan((key, plan))
    state.flash("success", t("plan.opened", district=plan.district_zh if lang() == "zh" else plan.district_en))
    st.switch_page("pages/board.py")


def inputs() -> None:
    """Upload, paste, district name and the read button."""
    st.file_uploader(t("draft.upload"), type=["txt"], key="draft_upload",
                     max_upload_size=MAX_REPORT_BYTES // 1_000_000)
    st.text_area(t("draft.paste"), key="draft_text", height=150)
    st.text_input(t("draft.district"), key="draft_district")
    st.button(t("draft.read"), key="draft_read", type="primary", on_click=read_report)


def messages() -> None:
    """The message a callback left, shown once."""
    if FLASH in st.session_state:
        kind, message = st.session_state.pop(FLASH)
        getattr(st, kind)(message)


def summary(draft) -> None:
    """Counts of what the draft holds."""
    plan = validated(draft)
    counts = (len(plan.indicators), len(plan.targets), len(plan.milestones), len(placeholders(draft)))
    for col, label, n in zip(st.columns(4), ("indicators", "targets", "milestones", "placeholders"), counts,
                             strict=True):
        col.metric(t(f"draft.{label}"), n)


def candidates(draft) -> None:
    """Every candidate number with its quote, editable where a planner decides."""
    table = decision_table(draft, lang())
    st.subheader(t("draft.candidates", n=len(table), used=int(table["keep"].sum())))
    st.caption(t("draft.cand_help"))
    shown = table[table["keep"]] if st.toggle(t("draft.only_used"), key="draft_only_used") else table
    st.session_state[SHOWN] = shown.reset_index(drop=True)
    # Edits come back by row position, so the shown copy may word what nobody edits (the reading);
    # the pickers keep their codes as values and only show words.
    st.data_editor(worded(st.session_state[SHOWN], lang()), key="draft_editor", hide_index=True, width="stretch",
                   disabled=[c for c in table.columns if c not in EDITABLE], column_config=_columns())
    st.button(t("draft.apply"), key="draft_apply", on_click=rebuild)


def worded(table: pd.DataFrame, lg: str) -> pd.DataFrame:
    """The candidate table as shown: a candidate's reading (``growth``, ``level`` …) in words of
    ``lg`` (Chinese from :data:`sim.draft.words.VALUE_ZH`; English keeps the drafter's word)."""
    if lg != "zh":
        return table
    out = table.copy()
    out["reading"] = out["reading"].map(lambda r: VALUE_ZH["reading"].get(r, r))
    return out


def role_word(code: str) -> str:
    return t(f"draft.role.{code}")


def direction_word(code: str) -> str:
    return direction(code) if code else "—"


def _columns() -> dict:
    plain = ("indicator", "year", "value", "no", "name", "reading", "unit", "value_written", "unit_written", "reason")
    return {
        **{c: t(f"draft.col.{c}") for c in plain},
        "keep": st.column_config.CheckboxColumn(t("draft.col.keep")),
        # sized for the words, not the codes the grid would measure (2025年基数 was cut to 2025年基)
        "role": st.column_config.SelectboxColumn(t("draft.col.role"), options=list(ROLES), format_func=role_word,
                                                 width=110),
        "direction": st.column_config.SelectboxColumn(t("draft.col.direction"), options=["", *DIRECTIONS],
                                                      format_func=direction_word),
        "quote": st.column_config.TextColumn(t("draft.col.quote"), width="large"),
        "confidence": st.column_config.ProgressColumn(t("draft.col.confidence"), min_value=0.0, max_value=1.0),
    }


def placeholder_values(draft):
    """The placeholders, with any official figures the planner entered: the draft to use."""
    st.subheader(t("draft.ph_title"))
    ph = placeholders(draft, lang())
    if ph.empty:
        st.caption(t("draft.ph_none"))
        return draft
    st.caption(t("draft.ph_help"))
    filled = st.data_editor(ph, key="draft_ph", hide_index=True, width="stretch",
                            disabled=["indicator", "name", "unit", "index", "reason"], column_config={
                                "indicator": t("draft.col.indicator"), "name": t("draft.col.name"),
                                "unit": t("draft.col.unit"), "value": t("draft.col.placeholder"),
                                "index": t("draft.col.index"), "reason": t("draft.col.reason")})
    source = st.text_input(t("draft.ph_source"), key="draft_ph_source")
    changed = changed_values(ph, filled)
    return fill_placeholders(draft, changed, source.strip()) if changed else draft


def review_and_keep(draft) -> None:
    """The review box, then downloads, saving (on this computer) and opening in the simulator."""
    reviewed = st.checkbox(t("draft.confirm"), key="draft_confirm")
    if not reviewed:
        st.info(t("draft.need_review"))
    stem = Path(draft.source).stem
    st.download_button(t("draft.download"), draft.toml().encode("utf-8"), file_name=f"{stem}-plan.toml",
                       mime="application/toml", disabled=not reviewed, key="draft_download", on_click="ignore")
    st.download_button(t("draft.download_review"), review_bytes(draft.candidates), file_name=f"{stem}-review.csv",
                       mime="text/csv", key="draft_download_review", on_click="ignore")
    st.button(t("draft.open"), key="draft_open", type="primary", disabled=not reviewed, on_click=ask_to_open,
              args=(draft,), help=t("draft.open_help") if reviewed else t("draft.open_needs_review"),
              icon=":material/open_in_new:")
    if reviewed and filebox.can_save():
        st.text_input(t("draft.save_path"), value=f"{stem}-plan.toml", key="draft_save_path")
        st.checkbox(t("draft.overwrite"), key="draft_overwrite")
        st.button(t("draft.save"), key="draft_save", on_click=save, args=(draft,))


def preview(draft) -> pd.DataFrame:
    """The draft checked under the ``plan`` scenario (cached per draft text)."""
    key, plan = plans.drafted_plan(draft)
    # headers and codes (met, at_least, growth …) in the page's language, as every export words them
    return localize(plans.draft_check(key, plan), lang())
