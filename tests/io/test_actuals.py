"""One actuals validator, :func:`sim.io.actuals.validate_actual`: scenario resolution and the
mid-term review accept and reject the same values (before, only resolution checked that a level
is not negative and that an index-based indicator's actual is on the index)."""

from __future__ import annotations

import pytest

from sim import Scenario, resolve
from sim.io.actuals import validate_actual
from sim.io.errors import InputError, ScenarioError
from sim.review.midterm import midterm_review

BAD = [
    ("visitors", 2026, -5.0, "must be positive"),
    ("no_such", 2026, 1.0, "unknown indicator"),
    ("visitors", 2040, 1.0, "outside the"),
    ("visitors", 2026, float("nan"), "not a finite number"),
]


def test_validator_names_source_field_and_reason(plan):
    with pytest.raises(InputError) as err:
        validate_actual(plan, "visitors", 2026, -5.0, source="my.csv", field="visitors")
    assert (err.value.source, err.value.field) == ("my.csv", "visitors.2026")
    assert "must be positive" in err.value.reason
    validate_actual(plan, "visitors", 2026, 2500.0, source="my.csv", field="visitors")


def additive_and_index(plan):
    additive = next(i.id for i in plan.drivers if i.dynamic == "additive")
    index = next(i.id for i in plan.drivers if i.baseline.index)
    return additive, index


def test_resolve_and_midterm_reject_the_same_values(plan):
    additive, index = additive_and_index(plan)
    cases = [*BAD, (additive, 2026, -1.0, "outside \\[0, ∞\\)"), (index, 2026, 1e6, "not on the index")]
    for key, year, value, reason in cases:
        scenario = Scenario(name="x", title_zh="x", title_en="x", rule="plan", actuals={key: {year: value}},
                            path="x.toml")
        with pytest.raises(ScenarioError, match=reason):
            resolve(plan, scenario)
        with pytest.raises(InputError, match=reason):
            midterm_review(plan, {key: {year: value}}, source="a.csv")


def test_midterm_still_accepts_a_derived_indicator_that_resolution_refuses(plan):
    midterm_review(plan, {"gdp": {2026: 330.0}})
    scenario = Scenario(name="x", title_zh="x", title_en="x", rule="plan", actuals={"gdp": {2026: 330.0}})
    with pytest.raises(ScenarioError, match="derived"):
        resolve(plan, scenario)


CSV = "indicator,名称,year,value\nvisitors,游客接待人次,2026,2500\nforest_grass_coverage,林草覆盖率,2026,52.9\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_a_csv_excel_saved_in_chinese_reads_the_same(encoding):
    from sim.io.actuals import parse_actuals

    # Excel on a Chinese Windows writes "CSV (逗号分隔)" in GBK; a BOM-less or BOM UTF-8 file reads alike.
    assert parse_actuals(CSV.encode(encoding), "实际值.csv", ".csv") == {
        "visitors": {2026: 2500.0}, "forest_grass_coverage": {2026: 52.9}}


@pytest.mark.parametrize(("data", "code"), [
    (b"indicator,year,value\nvisitors,2026,2\x00500\n", "binary_nul"),
    (b"\x01\x02\x03\x04" * 40, "binary_control"),
])
def test_a_binary_csv_is_refused_as_not_text(data, code):
    from sim.io.actuals import parse_actuals

    with pytest.raises(InputError) as err:
        parse_actuals(data, "x.csv", ".csv")
    assert err.value.code == code and err.value.source == "x.csv"
