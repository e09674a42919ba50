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
