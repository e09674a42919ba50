"""An actual the engine refuses for a reason the app has no key for (a value outside an indicator's
domain, which a plan may narrow) is shown with the engine's reason in the interface language."""

from __future__ import annotations

import pytest

import ui.model as m
from sim import load_plan


@pytest.mark.parametrize(("lg", "detail"), [
    ("zh", "-5 超出“urban_new_jobs”可能的取值范围 [0, ∞)(单位:人)"),
    ("en", "-5 is outside [0, ∞), the domain of 'urban_new_jobs' [人]"),
])
def test_the_fallback_reason_is_in_the_interface_language(monkeypatch, lg, detail):
    monkeypatch.setattr(m, "lang", lambda: lg)
    assert m.actual_problem(load_plan(), "urban_new_jobs", 2026, -5.0) == ("error.detail", {"detail": detail})
