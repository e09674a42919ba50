"""规划数据核查 (pages/audit.py) on its own."""

from __future__ import annotations

import pytest

from .conftest import (
    assert_clean,
    page,
)


@pytest.mark.parametrize("lang, title, error_label", [("zh", "规划数据核查", "矛盾"), ("en", "Plan audit", "Errors")])
def test_audit_page(lang, title, error_label):
    at = page("audit.py", lang)
    assert_clean(at)
    assert at.title[0].value == title
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[f":material/error: {error_label}"] == "1"
    text = " ".join(m.value for m in at.markdown)
    assert ("外贸进出口总额" if lang == "zh" else "Foreign trade") in text
    assert any("3.2 × (1 + 16%)" in c.value for c in at.code)


def _downloaded(monkeypatch, lang: str):
    import io

    import pandas as pd
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    seen = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def record(self, data, mimetype, kind, filename=None):
        file_id = original(self, data, mimetype, kind, filename)
        seen[file_id] = data
        return file_id

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", record)
    at = page("audit.py", lang)
    button = at.get("download_button")[0]
    data = seen[button.proto.url.rsplit("/", 1)[-1].split(".")[0]]
    assert data.startswith(b"\xef\xbb\xbf")  # a BOM, for Excel
    return pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", keep_default_na=False)


def test_the_chinese_audit_file_is_chinese(monkeypatch):
    """Walking the app: the 下载核查结果 file had English headers, the English finding beside the
    Chinese one, rule codes and True/False."""
    from .language_rules import stray_english

    table = _downloaded(monkeypatch, "zh")
    assert list(table.columns) == ["级别", "规则", "指标代码", "指标", "年份", "报告值", "计算值", "单位", "算式", "发现",
                                   "原文", "暂定"]
    first = table.iloc[0]
    assert (first["级别"], first["规则"], first["指标"], first["暂定"]) == ("矛盾", "水平与增速", "外贸进出口总额", "否")
    assert first["计算值"] == 3.712                   # 3.2 × 1.16, without a float's tail
    text = [str(v) for c in ("级别", "规则", "发现", "暂定") for v in table[c]]
    assert not stray_english(text)
    assert len(table) == 16 and set(table["级别"]) <= {"矛盾", "需关注", "提示"}


def test_the_english_audit_file_has_english_names_and_units(monkeypatch):
    table = _downloaded(monkeypatch, "en")
    first = table.iloc[0]
    assert "finding_zh" not in table.columns and "finding" in table.columns
    assert (first["name"], first["unit"]) == ("Foreign trade (imports + exports)", "100m yuan")
    assert "亿元" not in first["finding"]
