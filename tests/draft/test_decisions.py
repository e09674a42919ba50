"""The reviewer's decisions re-assemble the plan: keep, reject, correct, fill placeholders."""

from __future__ import annotations

import pytest

from sim import PlanError
from sim.draft import draft_from_path
from sim.draft.decisions import (
    apply_decisions,
    changed_values,
    decision_table,
    fill_placeholders,
    placeholders,
    plan_check,
    validated,
    with_edits,
)

from .helpers import FIXTURES


@pytest.fixture(scope="module")
def qingshan():
    return draft_from_path(FIXTURES / "qingshan-2026.txt")


def _row(table, indicator, role):
    return table.index[(table["indicator"] == indicator) & (table["role"] == role) & table["keep"]][0]


def test_unchanged_table_gives_the_same_plan(qingshan):
    again = apply_decisions(qingshan, decision_table(qingshan))
    assert again.toml() == qingshan.toml()


def test_rejecting_a_target_removes_it(qingshan):
    table = decision_table(qingshan)
    table.loc[_row(table, "urbanisation", "target"), "keep"] = False
    plan = validated(apply_decisions(qingshan, table))
    assert plan.by_id["urbanisation"].targets == ()
    rejected = next(c for c in apply_decisions(qingshan, table).candidates if c.indicator == "urbanisation"
                    and c.role == "target")
    assert (rejected.status, rejected.reason) == ("dropped", "rejected at review")


def test_correcting_a_value_and_keeping_a_dropped_number(qingshan):
    table = decision_table(qingshan)
    table.loc[_row(table, "gdp", "target"), "value"] = 6.0
    bound = table.index[table["quote"].str.startswith("粮食产量连续五年稳定在")][0]
    assert (table.loc[bound, "keep"], table.loc[bound, "role"]) == (True, "bound")  # the placeholder's source
    table.loc[bound, ["keep", "role", "year"]] = [True, "baseline", 2025]
    plan = validated(apply_decisions(qingshan, table))
    assert [t.value for t in plan.by_id["gdp"].targets if t.kind == "growth"] == [6.0]
    grain = plan.by_id["grain_output"].baseline
    assert (grain.value, grain.basis, grain.quote) == (60.0, "reported", ("粮食产量连续五年稳定在60万吨以上",))


def test_placeholders_filled_by_the_reviewer(qingshan):
    table = placeholders(qingshan)
    assert "public_budget_revenue" in set(table["indicator"])
    filled = fill_placeholders(qingshan, {"public_budget_revenue": 61.3}, "区财政局2025年决算")
    base = next(i for i in filled.plan["indicator"] if i["id"] == "public_budget_revenue")["baseline"]
    assert base == {"value": 61.3, "basis": "assumed",
                    "reason": "Entered at review from 区财政局2025年决算: the 2025 figure the report does not print.",
                    "reason_zh": "审核时录入(来源:区财政局2025年决算):报告未列出的2025年数据。"}
    assert validated(filled).by_id["public_budget_revenue"].baseline.index is False


def test_a_percentage_over_100_is_dropped_with_the_reason(qingshan):
    table = decision_table(qingshan)
    table.loc[_row(table, "urbanisation", "target"), "value"] = 162.0
    draft = apply_decisions(qingshan, table)
    assert validated(draft).by_id["urbanisation"].targets == ()
    row = next(c for c in draft.candidates if c.indicator == "urbanisation" and c.role == "target")
    assert row.reason == "162.0 is not a percentage between 0 and 100"


def test_a_plan_that_would_not_load_is_refused(qingshan):
    draft = apply_decisions(qingshan, decision_table(qingshan))
    draft.plan["indicator"][0]["dynamic"] = "sideways"
    with pytest.raises(PlanError, match="dynamic"):
        validated(draft)


def test_editor_changes_and_the_check_preview(qingshan):
    table = decision_table(qingshan)
    edited = with_edits(table, {0: {"keep": False}, 2: {"value": 99.0}})
    assert (edited.loc[0, "keep"], edited.loc[2, "value"]) == (False, 99.0)
    assert table.loc[0, "keep"]                                   # the original is untouched
    before = placeholders(qingshan)
    after = before.copy()
    after.loc[0, "value"] = 61.3
    assert changed_values(before, after) == {before.loc[0, "indicator"]: 61.3}
    check = plan_check(validated(qingshan))
    assert set(check.loc[check["check"] == "target", "status"]) == {"met"}
