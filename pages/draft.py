"""导入工作报告: draft a plan file from a work report, review every number, save (sim.draft)."""

from pathlib import Path

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
    plan_check,
    validated,
    with_edits,
)
from sim.draft.review import review_bytes
from sim.draft.source import MAX_REPORT_BYTES, decode_report
from sim.report.export import write_atomic
from ui import filebox
from ui.boot import guard
from ui.i18n import t

guard()
ss = st.session_state
st.title(t("draft.title"))
st.caption(t("draft.intro"))


def read_report() -> None:
    # A callback: the app may rerun after a click, and a callback's work survives that.
    upload, pasted = ss.get("draft_upload"), ss.get("draft_text", "")
    try:
        if upload is not None:
            text, name = decode_report(upload.getvalue(), upload.name)[0], upload.name
        elif pasted.strip():
            text, name = decode_report(pasted.encode("utf-8"), "report.txt")[0], "report.txt"
        else:
            raise InputError("app", "", t("draft.empty"))
        drafted = draft_from_text(text, name, ss.get("draft_district", "").strip() or None)
        validated(drafted)  # a report with nothing to draft is one plain sentence, not a broken page
        ss["draft_obj"] = drafted
    except InputError as exc:
        ss["draft_flash"] = ("error", t("error.input", msg=exc.message))


def rebuild() -> None:
    table = with_edits(ss["draft_shown"], ss.get("draft_editor", {}).get("edited_rows", {}))
    try:
        ss["draft_obj"] = apply_decisions(ss["draft_obj"], table)
        ss["draft_flash"] = ("success", t("draft.applied"))
    except (ValueError, InputError) as exc:
        ss["draft_flash"] = ("error", t("error.input", msg=str(exc)))


def save(draft) -> None:
    path = Path(ss.get("draft_save_path", "")).expanduser()
    if path.exists() and not ss.get("draft_overwrite"):
        ss["draft_flash"] = ("warning", t("draft.exists"))
        return
    try:
        write_atomic(path, lambda: draft.toml().encode("utf-8"))
        ss["draft_flash"] = ("success", t("draft.saved", path=str(path.resolve())))
    except InputError as exc:
        ss["draft_flash"] = ("error", t("error.input", msg=exc.message))


st.file_uploader(t("draft.upload"), type=["txt"], key="draft_upload", max_upload_size=MAX_REPORT_BYTES // 1_000_000)
st.text_area(t("draft.paste"), key="draft_text", height=150)
st.text_input(t("draft.district"), key="draft_district")
st.button(t("draft.read"), key="draft_read", type="primary", on_click=read_report)
if "draft_flash" in ss:
    kind, message = ss.pop("draft_flash")
    getattr(st, kind)(message)

draft = ss.get("draft_obj")
if draft is None:
    st.stop()

plan = validated(draft)
ph = placeholders(draft)
for col, label, n in zip(st.columns(4), ("indicators", "targets", "milestones", "placeholders"),
                         (len(plan.indicators), len(plan.targets), len(plan.milestones), len(ph)), strict=True):
    col.metric(t(f"draft.{label}"), n)

table = decision_table(draft)
st.subheader(t("draft.candidates", n=len(table), used=int(table["keep"].sum())))
st.caption(t("draft.cand_help"))
shown = table[table["keep"]] if st.toggle(t("draft.only_used"), key="draft_only_used") else table
ss["draft_shown"] = shown.reset_index(drop=True)
st.data_editor(
    ss["draft_shown"], key="draft_editor", hide_index=True, width="stretch",
    disabled=[c for c in table.columns if c not in ("keep", "role", "indicator", "year", "direction", "value")],
    column_config={
        **{c: t(f"draft.col.{c}") for c in ("indicator", "year", "value", "no", "name", "reading", "unit",
                                            "value_written", "unit_written", "reason")},
        "keep": st.column_config.CheckboxColumn(t("draft.col.keep")),
        "role": st.column_config.SelectboxColumn(t("draft.col.role"), options=list(ROLES)),
        "direction": st.column_config.SelectboxColumn(t("draft.col.direction"), options=["", *DIRECTIONS]),
        "quote": st.column_config.TextColumn(t("draft.col.quote"), width="large"),
        "confidence": st.column_config.ProgressColumn(t("draft.col.confidence"), min_value=0.0, max_value=1.0)})
st.button(t("draft.apply"), key="draft_apply", on_click=rebuild)

st.subheader(t("draft.ph_title"))
if ph.empty:
    st.caption(t("draft.ph_none"))
else:
    st.caption(t("draft.ph_help"))
    filled = st.data_editor(ph, key="draft_ph", hide_index=True, width="stretch",
                            disabled=["indicator", "name", "unit", "index", "reason"])
    source = st.text_input(t("draft.ph_source"), key="draft_ph_source")
    changed = changed_values(ph, filled)
    draft = fill_placeholders(draft, changed, source.strip()) if changed else draft

plan = validated(draft)
reviewed = st.checkbox(t("draft.confirm"), key="draft_confirm")
if not reviewed:
    st.info(t("draft.need_review"))
stem = Path(draft.source).stem
st.download_button(t("draft.download"), draft.toml().encode("utf-8"), file_name=f"{stem}-plan.toml",
                   mime="application/toml", disabled=not reviewed, key="draft_download", on_click="ignore")
st.download_button(t("draft.download_review"), review_bytes(draft.candidates), file_name=f"{stem}-review.csv",
                   mime="text/csv", key="draft_download_review", on_click="ignore")
if reviewed and filebox.can_save():
    st.text_input(t("draft.save_path"), value=f"{stem}-plan.toml", key="draft_save_path")
    st.checkbox(t("draft.overwrite"), key="draft_overwrite")
    st.button(t("draft.save"), key="draft_save", on_click=save, args=(draft,))

st.subheader(t("draft.preview"))
st.dataframe(plan_check(plan), hide_index=True, width="stretch")
