"""Scenario files in and out of the app: reading an upload, saving to the scenarios folder.

:func:`from_upload` turns an uploaded TOML file into an :class:`~ui.model.AppScenario`; any
problem raises :class:`~ui.model.AppInputError` and changes nothing. :func:`save` writes a
scenario file and never replaces an existing one unless asked. Pure Python (no Streamlit).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

from sim import ScenarioError, resolve, scenario_from_text
from sim.io.errors import ExportError
from sim.io.plan import Plan
from sim.report.export import write_atomic

from .fmt import input_error
from .i18n import Twin
from .model import (
    DEFAULT_BASE,
    NAME_RE,
    AppInputError,
    AppScenario,
    Loader,
    Note,
    paths_of,
    set_actual,
    set_path,
)

#: Scenarios that ship with the app: saving never replaces them.
SHIPPED = ("plan", "momentum", "cautious", "ambitious")
MAX_UPLOAD_BYTES = 1_000_000
def engine_problem(exc: ScenarioError, plan: Plan | None = None) -> tuple[str, dict]:
    """An i18n key and values for the engine's reason for refusing a file: the cases a planner
    meets most (not TOML, with the place it stopped reading; not UTF-8) in their own words, every
    other one as the engine's error in the language the page has when it is shown, indicators
    named in words with ``plan`` (:func:`ui.fmt.input_error`)."""
    if exc.code == "not_toml_at":
        return "file.bad_toml", {"line": exc.params["line"], "column": exc.params["column"]}
    if exc.code == "not_utf8":
        return "file.not_utf8", {}
    return "error.detail", {"detail": Twin(input_error(exc, "zh", plan), input_error(exc, "en", plan))}


def _read(data: bytes, filename: str, plan: Plan, notes: list[Note]):
    """The uploaded file as an engine scenario and its resolution; refused if too big,
    not ``.toml`` or rejected by the engine."""
    if len(data) > MAX_UPLOAD_BYTES:
        # in MB, as the uploader's label states the limit (a planner does not count bytes)
        raise AppInputError("file.too_big", size=len(data), limit=MAX_UPLOAD_BYTES,
                            size_mb=f"{len(data) / 1e6:.1f}", limit_mb=f"{MAX_UPLOAD_BYTES / 1e6:g}")
    if not filename.lower().endswith(".toml"):
        raise AppInputError("file.not_toml")
    try:
        scn = scenario_from_text(data, source=filename)
        if scn.effective_horizon and scn.effective_horizon != plan.horizon:
            notes.append(Note("horizon", str(scn.effective_horizon), "file.horizon",
                              {"value": scn.effective_horizon, "horizon": plan.horizon}))
        return scn, resolve(plan, scn, plan.horizon)
    except ScenarioError as exc:
        key, values = engine_problem(exc, plan)
        raise AppInputError(key, **values) from None


def _changes(state: AppScenario, plan: Plan, base_paths: np.ndarray, res) -> AppScenario:
    """``state`` with every driver path and actual of a resolved scenario."""
    for d, ind in enumerate(plan.drivers):
        state = set_path(state, plan, base_paths, ind.id, res.drivers[d])
    years = res.years[1:]
    for i, ind in enumerate(plan.indicators):
        for y, value in enumerate(res.actuals[i]):
            if not np.isnan(value):
                state = set_actual(state, plan, ind.id, years[y], float(value))
    return state


def _meta(state: AppScenario, scn, base: str, base_scn, notes: list[Note]) -> AppScenario:
    """``state`` with the file's name, titles, rationale and uncertainty where they differ from the base."""
    name = scn.name if NAME_RE.fullmatch(scn.name) and scn.name != base else ""
    if scn.name != base and not name:
        notes.append(Note("scenario.name", scn.name, "url.bad_name"))
    return replace(
        state, name=name,
        title_zh=scn.title_zh if scn.title_zh != base_scn.title_zh else "",
        title_en=scn.title_en if scn.title_en != base_scn.title_en else "",
        rationale=scn.rationale.strip() if scn.name != base else "",
        uncertainty=dict(scn.uncertainty), correlation=dict(scn.correlation),
    )


def from_upload(data: bytes, filename: str, plan: Plan, names: Sequence[str],
                load: Loader) -> tuple[AppScenario, list[Note]]:
    """Turn an uploaded scenario file into the app's scenario.

    The nearest ancestor that is available by name becomes the base (else ``plan``);
    every driver whose path differs from the base's is kept as a change, with all actuals.

    Raises
    ------
    AppInputError
        Too large, not ``.toml``, or rejected by the engine (the engine's message, naming
        the field and the reason). Nothing is changed in that case.
    """
    notes: list[Note] = []
    scn, res = _read(data, filename, plan, notes)
    base = next((n.name for n in reversed(scn.chain[:-1]) if n.name in names), DEFAULT_BASE)
    base_scn = load(base)
    state = _changes(AppScenario(base=base), plan, paths_of(plan, base_scn), res)
    state = _meta(state, scn, base, base_scn, notes)
    try:
        resolve(plan, state.build(base_scn), plan.horizon)
    except ScenarioError as exc:  # pragma: no cover - the file itself resolved above
        key, values = engine_problem(exc, plan)
        raise AppInputError(key, **values) from None
    return state, notes


def save(folder: Path, name: str, scenario_text: Callable[[str], str], overwrite: bool = False,
         taken: Sequence[str] = ()) -> Path:
    """Write ``scenario_text(name)`` to ``folder/name.toml``.

    Never replaces an existing file unless ``overwrite`` is True, and never replaces a
    shipped scenario or one of the names in ``taken`` (the scenario's own parents).

    Raises
    ------
    AppInputError
        ``file.bad_name``, ``file.protected``, ``file.self_parent``, ``file.exists`` or
        ``file.write_failed``.
    """
    if not NAME_RE.fullmatch(name or ""):
        raise AppInputError("file.bad_name")
    if name in SHIPPED:
        raise AppInputError("file.protected", name=name)
    if name in taken:
        raise AppInputError("file.self_parent", name=name)
    path = Path(folder) / f"{name}.toml"
    data = scenario_text(name).encode("utf-8")
    if overwrite:
        try:
            return write_atomic(path, lambda: data)
        except ExportError as exc:
            raise AppInputError("file.write_failed", detail=exc.reason) from None
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        raise AppInputError("file.exists", path=str(path)) from None
    except OSError as exc:
        raise AppInputError("file.write_failed", detail=exc.strerror or str(exc)) from None
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    return path
