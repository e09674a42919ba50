"""Plan audit: planted inconsistencies are found, a consistent plan yields none, rules are generic."""

from __future__ import annotations

import copy
import tomllib

import pytest

from sim.io.plan import Sourced, default_plan_path, parse_plan
from sim.review.audit import FINDING_COLUMNS, audit_plan, stated_growth, summary
from tests.conftest import tiny_plan_dict


def num(value, basis="reported", quote="test"):
    out = {"value": value, "basis": basis}
    if basis == "reported":
        out["quote"] = quote
    elif basis == "assumed":
        out["reason"] = "test placeholder"
    else:
        out["formula"] = "test"
    return out


def hist(measure, value, **extra):
    return {"start_year": 2020, "measure": measure, **num(value), **extra}


def ind(data, ind_id):
    return next(i for i in data["indicator"] if i["id"] == ind_id)


def consistent() -> dict:
    """The tiny plan plus numbers that all hang together (to the report's rounding)."""
    data = copy.deepcopy(tiny_plan_dict())
    a = ind(data, "a")
    a["milestone"] = [{"year": 2026, "kind": "level", "direction": "at_least", **num(108.0, quote="完成甲108亿元、增长8%")}]
    a["history"] = [hist("multiple", 1.5)]
    ind(data, "c")["history"] = [hist("change", 10.0)]
    ind(data, "s")["baseline"] = num(150.0)
    data["indicator"].append({"id": "h", "name_zh": "戊", "name_en": "H", "unit": "%", "area": "ecology",
                              "dynamic": "points", "baseline": num(31.0),
                              "target": [{"year": 2030, "kind": "level", "direction": "hold", **num(30.0)}]})
    return data


def audit(data, rule=None):
    table = audit_plan(parse_plan(data, "test.toml"))
    return table if rule is None else table[table["rule"] == rule]


def test_the_tiny_and_the_consistent_plan_yield_no_finding():
    assert audit(tiny_plan_dict()).empty
    table = audit(consistent())
    assert table.empty, table[["rule", "indicator", "arithmetic"]].to_string()
    assert list(table.columns) == FINDING_COLUMNS


def test_a_level_against_the_growth_stated_with_it():
    data = consistent()
    ind(data, "a")["milestone"][0].update(value=105.0, quote="完成甲105亿元、增长10%")
    found = audit(data, "stated_growth")
    assert len(found) == 1
    row = found.iloc[0]
    assert row.severity == "error" and row.year == 2026
    assert row.stated == 105 and row.computed == pytest.approx(110)
    assert "100 × (1 + 10%) = 110" in row.arithmetic and "增长10%" in row.quotes


def test_a_stated_growth_within_rounding_is_consistent():
    data = consistent()   # 156 × 1.20 = 187.2 against 188: the rounding of 156, 20% and 188 covers it
    a = ind(data, "a")
    a["baseline"] = num(156.0)
    a["milestone"][0].update(value=188.0, quote="力争落实甲188亿元、增长20%")
    a["target"] = []
    assert audit(data, "stated_growth").empty


def test_parts_against_the_whole():
    data = consistent()
    ind(data, "s")["baseline"] = num(160.0)
    found = audit(data, "parts_whole")
    assert found.iloc[0].severity == "error" and found.iloc[0].computed == pytest.approx(150)
    assert found.iloc[0].provisional          # b's baseline is assumed


def test_a_share_against_its_levels():
    data = consistent()
    data["indicator"].append({"id": "sh", "name_zh": "比重", "name_en": "Share", "unit": "%", "area": "economy",
                              "dynamic": "derived", "op": "share", "inputs": ["a", "s"], "baseline": num(66.7)})
    assert audit(data, "parts_whole").empty                  # 100 / 150 = 66.67 ≈ 66.7
    ind(data, "sh")["baseline"] = num(70.0)
    assert audit(data, "parts_whole").iloc[0].computed == pytest.approx(100 / 150 * 100)


def test_the_growth_of_a_whole_against_the_growth_of_its_parts():
    data = copy.deepcopy(tiny_plan_dict())
    data["indicator"] = [
        {"id": "p", "name_zh": "一", "name_en": "P", "unit": "亿元", "area": "economy", "dynamic": "compound",
         "baseline": num(60.0), "trend": num(5.0)},
        {"id": "q", "name_zh": "二", "name_en": "Q", "unit": "亿元", "area": "economy", "dynamic": "compound",
         "baseline": num(40.0), "trend": num(10.0)},
        {"id": "w", "name_zh": "总", "name_en": "W", "unit": "亿元", "area": "economy", "dynamic": "derived",
         "op": "sum", "inputs": ["p", "q"], "baseline": num(100.0, quote="完成总量100亿元、增长9%")},
    ]
    found = audit(data, "parts_whole")
    assert found.iloc[0].severity == "warning"
    assert found.iloc[0].computed == pytest.approx((100 / (60 / 1.05 + 40 / 1.1) - 1) * 100)
    ind(data, "w")["baseline"]["quote"] = "完成总量100亿元、增长7%"
    assert audit(data, "parts_whole").empty


def test_parts_targets_that_do_not_add_up_to_the_whole():
    data = consistent()
    ind(data, "a")["target"] = [{"year": 2030, "kind": "level", "direction": "at_least", **num(120.0)}]
    ind(data, "s")["target"] = [{"year": 2030, "kind": "level", "direction": "at_least", **num(250.0)}]
    found = audit(data, "parts_targets")
    assert found.iloc[0].computed == 220 and found.iloc[0].stated == 250
    ind(data, "s")["target"][0]["value"] = 200.0
    assert audit(data, "parts_targets").empty


def test_a_hold_target_the_baseline_already_misses():
    data = consistent()
    ind(data, "h")["baseline"] = num(29.8)
    found = audit(data, "hold_at_base")
    assert found.iloc[0].severity == "warning" and found.iloc[0].computed == 29.8
    ind(data, "h")["baseline"] = num(30.0)
    assert audit(data, "hold_at_base").empty


def test_levels_set_below_the_base_year():
    data = consistent()
    ind(data, "b")["milestone"] = [{"year": 2026, "kind": "level", "direction": "at_least", **num(45.0)}]
    ind(data, "c")["target"][0]["value"] = 35.0
    found = audit(data, "below_base").set_index("indicator")
    assert found.loc["b", "severity"] == "info" and found.loc["b", "provisional"]
    assert found.loc["c", "severity"] == "warning"


@pytest.mark.parametrize("milestone, severity", [(101.0, "warning"), (120.0, "info")])
def test_a_milestone_off_the_path_to_the_target(milestone, severity):
    data = consistent()
    ind(data, "a")["milestone"][0].update(value=milestone, quote="test")
    found = audit(data, "milestone_path")
    assert len(found) == 1 and found.iloc[0].severity == severity
    need_after = ((100 * 1.08 ** 5 / milestone) ** 0.25 - 1) * 100
    assert found.iloc[0].stated == pytest.approx(need_after)


def test_milestones_of_the_parts_against_the_target_of_the_whole():
    data = copy.deepcopy(tiny_plan_dict())
    ind(data, "b")["baseline"] = num(50.0)
    ind(data, "b").pop("target")
    ind(data, "a").pop("target")
    ind(data, "a")["milestone"] = [{"year": 2026, "kind": "level", "direction": "at_least", **num(110.0)}]
    ind(data, "b")["milestone"] = [{"year": 2026, "kind": "level", "direction": "at_least", **num(55.0)}]
    ind(data, "s")["target"] = [{"year": 2030, "kind": "level", "direction": "at_least", **num(175.0)}]
    found = audit(data, "milestone_path")   # 150 → 165 in 2026 is 10%; 165 → 175 needs 1.5% a year
    assert found.iloc[0].indicator == "s" and found.iloc[0].severity == "info"


@pytest.mark.parametrize("change, severity", [(25.0, "warning"), (50.0, None), (-10.0, "warning"), (200.0, "info")])
def test_the_pace_a_target_needs_against_the_previous_period(change, severity):
    data = consistent()
    ind(data, "b")["history"] = [hist("change", change)]     # b must add 10 a year to reach 100
    found = audit(data, "pace_history")
    if severity is None:
        assert found.empty
    else:
        assert found.iloc[0].severity == severity and found.iloc[0].stated == pytest.approx(10)


def test_a_cumulative_target_the_current_flow_already_covers():
    data = consistent()
    ind(data, "f")["target"][0]["value"] = 40.0
    ind(data, "f")["milestone"][0]["value"] = 8.0
    found = audit(data, "cumulative")
    assert found.iloc[0].severity == "info" and "5 × 10 = 50" in found.iloc[0].arithmetic


def test_a_cumulative_target_back_loaded_after_its_milestone():
    data = consistent()
    ind(data, "f")["milestone"][0]["value"] = 5.0
    found = audit(data, "cumulative")
    assert found.iloc[0].severity == "warning" and found.iloc[0].computed == pytest.approx(55 / 4)


def test_history_statements_that_need_an_uneven_path():
    data = consistent()
    ind(data, "a")["history"] = [hist("average_growth", 10.0), hist("total", 400.0)]
    found = audit(data, "history_statements")
    expected = sum(100 / 1.1 ** k for k in range(5))
    assert found.iloc[0].computed == pytest.approx(expected) and found.iloc[0].stated == 400
    ind(data, "a")["history"][1]["value"] = 417.0
    assert audit(data, "history_statements").empty


def test_ambiguous_readings_are_shown():
    data = consistent()
    ind(data, "a")["history"] = [hist("multiple", 6.0, readings=[6.0, 5.0])]
    found = audit(data, "readings")
    assert found.iloc[0].severity == "info"
    assert "×6: 2020 = 16.7" in found.iloc[0].arithmetic and "×5: 2020 = 20" in found.iloc[0].arithmetic


def test_stated_growth_reads_the_report_words():
    q = Sourced(3.4, "reported", ("完成外贸进出口总额3.4亿元、增长16%",))
    assert stated_growth(q, 3.4) == 16
    assert stated_growth(q, 3.2) is None
    assert stated_growth(Sourced(9.0, "reported", ("用水量9亿立方米、下降5.5%",)), 9.0) == -5.5
    assert stated_growth(Sourced(13.4, "reported", ("完成13.4亿元",)), 3.4) is None   # not part of 13.4


def test_ganzhou_findings(plan):
    table = audit_plan(plan)
    got = {(r.rule, r.indicator): r for r in table.itertuples()}
    trade = got[("stated_growth", "foreign_trade")]
    assert trade.severity == "error" and trade.computed == pytest.approx(3.2 * 1.16)
    assert got[("hold_at_base", "good_air_days")].severity == "warning"
    assert got[("pace_history", "energy_capacity")].severity == "warning"
    assert got[("pace_history", "fixed_asset_investment")].severity == "warning"
    assert got[("history_statements", "industrial_fai")].computed == pytest.approx(201.06, abs=0.01)
    jobs = got[("cumulative", "urban_new_jobs")]
    assert "35,000 ÷ 5 = 7,000" in jobs.arithmetic and "(35,000 − 7,400) ÷ 4 = 6,900" in jobs.arithmetic
    assert got[("milestone_path", "dairy_beef_cattle")].provisional
    assert got[("readings", "energy_capacity")].severity == "info"
    # consistent statements are not reported: 156 × 1.2 ≈ 188, 2267 × 1.1 ≈ 2500, 48.4 / 314.7 ≈ 15.4%
    assert not {("stated_growth", "out_of_province_funds"), ("stated_growth", "visitors"),
                ("parts_whole", "secondary_share"), ("parts_whole", "gdp")} & set(got)
    assert list(table["severity"]) == sorted(table["severity"], key=["error", "warning", "info"].index)
    assert summary(table)["error"] == 1


def test_rules_never_depend_on_indicator_names():
    """Renaming every indicator (ids and names) changes no finding."""
    data = tomllib.loads(default_plan_path().read_text(encoding="utf-8"))
    rename = {i["id"]: f"x{k}" for k, i in enumerate(data["indicator"])}
    for i in data["indicator"]:
        i["id"] = rename[i["id"]]
        i["name_zh"], i["name_en"] = f"指标{i['id']}", f"Indicator {i['id']}"
        if "inputs" in i:
            i["inputs"] = [rename[x] for x in i["inputs"]]
    links = data["links"]
    links["deflator"] = rename[links["deflator"]]
    links["balance"] = {rename[k]: rename[v] for k, v in links["balance"].items()}
    for link in links["follow"]:
        link["indicator"], link["inputs"] = rename[link["indicator"]], [rename[x] for x in link["inputs"]]
    for bound in links.get("within", []):
        bound["part"], bound["whole"] = rename[bound["part"]], rename[bound["whole"]]
    original = audit_plan(parse_plan(tomllib.loads(default_plan_path().read_text(encoding="utf-8")), "a"))
    renamed = audit_plan(parse_plan(data, "b"))
    assert list(renamed["indicator"]) == [rename[x] for x in original["indicator"]]
    assert list(renamed["arithmetic"]) == list(original["arithmetic"])
