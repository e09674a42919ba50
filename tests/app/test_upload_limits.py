"""The server lets through every file an uploader lets through, so that a file over the app's own
limit is refused with a sentence beside the uploader (found walking the app in a browser: with
the server's ``maxUploadSize`` at 1 MB, a 1.5 MB scenario file came back from the server as HTTP 413;
the uploader showed only a red mark whose tooltip read “AxiosError: Request failed with status
code 413”, and the sentence under it was still the one about the previous file)."""

from __future__ import annotations

import tomllib

from ui import draft, filebox
from ui import files as scenario_files
from ui import model as m
from ui.i18n import t

from .conftest import ROOT


def _server_limit_mb() -> float:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    return float(config["server"]["maxUploadSize"])


def test_the_server_accepts_what_each_uploader_accepts():
    assert _server_limit_mb() >= 10 * filebox.UPLOAD_LIMIT_MB       # the scenario box lets 10 MB through
    assert _server_limit_mb() >= draft.MAX_REPORT_BYTES / 1_000_000  # a work report up to its own limit


def test_a_scenario_file_over_the_limit_is_refused_in_megabytes(plan):
    data = b"#" * 1_516_253  # the size of the file tried in the browser
    try:
        scenario_files.from_upload(data, "huge.toml", plan, ["plan"], lambda name: None)
        said = None
    except m.AppInputError as exc:
        said = exc
    assert said is not None and said.key == "file.too_big"
    assert t(said.key, "zh", **said.values) == "文件大小 1.5 MB,超过 1 MB 的上限(情景文件通常只有几 KB)"
    assert t(said.key, "en", **said.values) == "the file is 1.5 MB; the limit is 1 MB (a scenario file is a few KB)"
