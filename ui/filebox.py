"""The assumptions page's scenario-file box: name and titles, download, upload, save.

An upload's outcome is shown beside the uploader, in the interface language (it is kept as
i18n keys), and replaced by the next upload. Reading and writing the files is :mod:`ui.files`.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import streamlit as st

from . import files as scenario_files
from . import model as m
from . import state
from .i18n import lang, t

UPLOAD_LIMIT_MB = 1
ROOT = Path(__file__).resolve().parent.parent

UPLOAD_NOTE = "upload_note"


def handle_upload(data: bytes, filename: str) -> bool:
    """Apply an uploaded scenario file, or leave everything as it was and say why.

    The outcome is kept (as i18n keys, so it follows a language switch) and shown right under
    the uploader by :func:`upload_note`, replacing whatever the previous upload said."""
    ss = st.session_state
    try:
        new, notes = scenario_files.from_upload(data, filename, state.get_plan(), list(state.available()), state.load)
    except m.AppInputError as exc:
        ss[UPLOAD_NOTE] = {"kind": "error", "file": filename, "key": exc.key, "values": exc.values}
        return False
    state.set_model(new)
    ss[UPLOAD_NOTE] = {"kind": "success", "file": filename, "n": len(new.drivers), "a": new.n_actuals,
                       "model": new.key(),
                       "notes": [(n.param, n.value, n.key, n.values) for n in notes]}
    return True


def upload_note() -> None:
    """What the last upload gave, in the interface language, beside the uploader."""
    note = st.session_state.get(UPLOAD_NOTE)
    if not note:
        return
    if note["kind"] == "error":
        st.error(t("file.rejected", file=note["file"], detail=t(note["key"], **note["values"])), icon="✖")
        return
    model = state.model()
    if model.key() != note["model"]:  # changed since: the news is stale
        return
    st.success(t("file.loaded", name=state.current_scenario().title(lang()), base=state.option_label(model.base),
                 n=note["n"], a=note["a"]), icon="✔")
    for param, value, key, values in note["notes"]:
        st.warning(t("url.line", param=param, value=value, reason=t(key, **values)))


@state.callback
def _on_upload(key: str) -> None:
    ss = st.session_state
    uploaded = ss.get(key)
    if uploaded is None:
        return
    ss[state.UPLOAD_REV] = ss.get(state.UPLOAD_REV, 0) + 1
    handle_upload(uploaded.getvalue(), uploaded.name)


@state.callback
def _set_meta(field: str, base: str, key: str) -> None:
    value = state.current(base, key)
    if value is None:
        return
    value = str(value).strip()
    if field == "name" and value and not m.NAME_RE.fullmatch(value):
        state.flash("error", t("file.bad_name"))
        state.refresh_widgets()
        return
    state.set_model(replace(state.model(), **{field: value}), keep=base)


@state.callback
def _on_save() -> None:
    ss = st.session_state
    base = state.base_scenario()
    current = state.model()

    def text(file_name: str) -> str:
        return replace(current, name=file_name).build(base, child=True).to_toml()

    try:
        path = scenario_files.save(save_folder(), str(ss.get("save_name", "")).strip(), text,
                      bool(ss.get("save_overwrite")), [n.name for n in base.chain])
    except m.AppInputError as exc:
        state.flash("error", t(exc.key, **exc.values))
        return
    state.flash("success", t("file.saved", path=path))


def files() -> None:
    scn = state.current_scenario()
    current = state.model()
    st.subheader(t("file.title"))
    with st.expander(t("file.meta")):
        for field, label in (("name", "file.name"), ("title_zh", "file.title_zh"), ("title_en", "file.title_en")):
            base = f"w_meta_{field}"
            key = state.bind(base, getattr(current, field) or getattr(scn, field))
            st.text_input(t(label), key=key, max_chars=40 if field == "name" else m.MAX_TEXT,
                          on_change=_set_meta, args=(field, base, key))
        key = state.bind("w_meta_rationale", current.rationale or scn.rationale.strip())
        st.text_area(t("file.rationale"), key=key, on_change=_set_meta, args=("rationale", "w_meta_rationale", key))
    left, right = st.columns(2)
    with left:
        st.download_button(t("file.download"), scn.to_toml().encode("utf-8"), file_name=f"{scn.name}.toml",
                           mime="application/toml", key="dl_toml_asm", on_click="ignore", icon=":material/description:")
        key = f"upload_{st.session_state.get(state.UPLOAD_REV, 0)}"
        # The browser's own size check shows only a red mark, in English: let files up to ten times the
        # limit through, so that ui.files refuses them with a sentence beside the uploader.
        with st.container(key="asm_upload"):
            # The widget would print the browser's 10 MB in English; the label states the real limit.
            st.html("<style>.st-key-asm_upload [data-testid='stFileUploaderDropzoneInstructions'] "
                    "{ display: none; }</style>")
            st.file_uploader(t("file.upload"), type=["toml"], key=key, max_upload_size=10 * UPLOAD_LIMIT_MB,
                             on_change=_on_upload, args=(key,), help=t("file.upload_help"))
            upload_note()
    with right:
        if can_save():
            st.markdown(f"**{t('file.save')}**")
            state.ensure("save_name", scn.name if scn.name not in scenario_files.SHIPPED else f"{scn.name}-custom")
            st.text_input(t("file.save_name"), key="save_name", max_chars=40)
            st.checkbox(t("file.overwrite"), key="save_overwrite")
            st.button(t("file.save_button"), key="save_button", on_click=_on_save, icon=":material/save:")
        else:
            st.caption(t("file.local_only"))


# --------------------------------------------------------------------------- saving

def save_folder() -> Path:
    """Where scenarios are saved: ``$FYP_SCENARIOS`` if set, else the project's ``scenarios/``."""
    return Path(os.environ.get("FYP_SCENARIOS") or ROOT / "scenarios")


def can_save() -> bool:
    """Saving to disk is offered only when the app runs on the planner's own machine.

    ``FYP_APP_SAVE=1``/``0`` forces it on or off; otherwise the browser must be talking to
    localhost.
    """
    forced = os.environ.get("FYP_APP_SAVE")
    if forced in ("0", "1"):
        return forced == "1"
    try:
        url = st.context.url or ""
    except Exception:  # pragma: no cover - very old Streamlit
        url = ""
    host = url.split("://", 1)[-1].split("/", 1)[0].rsplit(":", 1)[0].strip("[]")
    return host in ("localhost", "127.0.0.1", "::1")
