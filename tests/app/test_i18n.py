"""ui.i18n and ui.texts: every label and unit in both languages."""

from __future__ import annotations

from ui.i18n import TEXT, unit

from .conftest import (
    CJK,
)


def test_every_unit_of_the_plan_has_an_english_name(plan):
    for ind in plan.indicators:
        for u in (ind.unit, ind.pace_unit):
            assert not CJK.search(unit(u, "en")), u


def test_every_label_exists_in_both_languages():
    for key, (zh, en) in TEXT.items():
        assert zh and en, key
