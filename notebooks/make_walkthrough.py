"""Write notebooks/walkthrough.ipynb (without outputs) from the cells below.

Edit the cells here, then run ``.venv/bin/python notebooks/make_walkthrough.py``. The test
suite (tests/test_notebook.py) executes the notebook from top to bottom on every run.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

CELLS: list[tuple[str, str]] = [
    ("md", """# Walkthrough: Ganzhou's 15th Five-Year Plan in the simulator

This notebook follows one analyst's afternoon with the simulator, from a fresh clone:

1. load the plan and see where every number comes from (报告数据 / 推算 / 假设);
2. run the four shipped scenarios and compare them;
3. ask what growth each target still needs (所需速度);
4. audit the plan's own numbers (规划数据核查);
5. set the 2030 targets against the 14th plan's record (“十四五”时期主要成就);
6. run a mid-term review on observed values (时间过半、任务过半);
7. put probabilities on the targets with the Monte Carlo;
8. export tables and the printable brief.

Set up once with `make test` (it installs the package and the notebook tools into `.venv`), then open
this file with the `.venv` Python as kernel. Nothing here needs the network. Files are written to a
temporary folder (or to `$FYP_NOTEBOOK_OUT`), never into the repository."""),
    ("code", """import os
import tempfile
from pathlib import Path

import pandas as pd

from sim import check_targets, list_scenarios, load_plan, load_scenario, project

pd.set_option("display.width", 160)
pd.set_option("display.max_columns", 20)
pd.set_option("display.max_colwidth", 60)
pd.set_option("display.precision", 2)

OUT = Path(os.environ.get("FYP_NOTEBOOK_OUT") or tempfile.mkdtemp(prefix="fyp-walkthrough-"))
OUT.mkdir(parents=True, exist_ok=True)
plan = load_plan()          # the embedded plan: sim/data/ganzhou.toml
print(plan.title_en)
print(f"{len(plan.indicators)} indicators, {len(plan.targets)} targets for {plan.target_year}, "
      f"{len(plan.milestones)} milestones for {plan.base_year + 1}; source: {plan.source_title_en}")"""),
    ("md", """## 1. Where the numbers come from

Every number in the plan file carries a *basis*: `reported` numbers quote the work report word for word,
`derived` ones show their arithmetic, and `assumed` ones say why they were chosen. Assumed numbers are
placeholders for statistics the report does not print (for instance the 2025 level of per-capita income,
entered as an index 2025 = 100). Verdicts that rest on them are provisional, and every table says so."""),
    ("code", """from sim.report.frames import indicator_table

sources = indicator_table(plan)
print(sources["baseline_basis"].value_counts().to_string())
sources[["indicator", "name", "unit", "baseline", "baseline_basis", "targets"]].head(12)"""),
    ("code", """# The assumed baselines and why each was chosen: the numbers to replace first.
assumed = sources[sources["baseline_basis"] == "assumed"]
for row in assumed.head(6).itertuples():
    print(f"{row.name} ({row.unit}) = {row.baseline:g}: {row.baseline_note[:150]}…")
print(f"... {len(assumed)} assumed baselines in all")"""),
    ("md", """## 2. Scenarios side by side

A scenario sets the yearly pace of every driver (growth in %/yr, additions per year, points per year).
Four ship with the tool: **plan** (规划目标: the pace the plan states or needs), **momentum** (惯性趋势: the
2025 pace continues), **cautious** (稳健情景) and **ambitious** (进取情景). Each file explains its numbers."""),
    ("code", """names = [p.stem for p in list_scenarios()]
print(names)
for name in ("plan", "momentum", "cautious", "ambitious"):
    s = load_scenario(name)
    print(f"{name:10s} {s.title_zh}: {s.title_en}")

proj = project(plan, ["plan", "momentum", "cautious", "ambitious"])
check = check_targets(proj, milestones=False)
pd.crosstab(check["scenario"], check["status"]).reindex(index=proj.names)"""),
    ("code", """from sim.report.compare import compare_checks

# Targets as rows, scenarios side by side (projected value and status); differences against "plan".
table = compare_checks(check)
table[["name", "kind", "target", "plan", "momentum", "momentum:status", "cautious", "cautious:status"]].head(15)"""),
    ("code", """import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

fig, ax = plt.subplots(figsize=(6, 3.2))
for name in proj.names:
    ax.plot(proj.years, proj.path(name, "energy_capacity"), label=name)
ax.axhline(1600, color="black", ls="--", lw=0.8, label="2030 target")
ax.set_title("Total installed energy capacity [10k kW]")
ax.legend(fontsize=8)
fig.tight_layout()
fig.savefig(OUT / "energy_capacity.png", dpi=120)
plt.close(fig)
print("chart written to", OUT / "energy_capacity.png")"""),
    ("md", """## 3. What growth does each target still need?

`required` is the constant pace that meets the target from the last observed year; `assumed_pace` is the
scenario's own average pace over the same years. Under momentum, energy capacity is the clear miss: the
plan needs roughly twice the yearly additions of 2021–2025."""),
    ("code", """momentum = check[check["scenario"] == "momentum"]
momentum[["name", "kind", "target", "projected", "status", "required", "assumed_pace", "pace_unit", "basis"]] \\
    .sort_values("status", key=lambda s: s.map({"missed": 0, "at_risk": 1, "met": 2})).head(10)"""),
    ("md", """## 4. Does the plan hang together? (规划数据核查)

The audit reads only the plan data, so it runs on any district's file. Each finding has a severity
(`error`: the printed numbers cannot all be true; `warning`: they can, but the plan strains; `info`: worth
knowing), the arithmetic and the report's words. Printed numbers are compared to their rounding (3.2 stands
for 3.15–3.25)."""),
    ("code", """from sim.review.audit import audit_plan, summary

findings = audit_plan(plan)
print(summary(findings))
findings[["severity", "rule", "name", "arithmetic"]]"""),
    ("code", """# The one contradiction, in full: the 2026 trade task states a level and a growth rate that disagree.
first = findings.iloc[0]
print(first["finding_en"])
print(first["finding_zh"])
print("quotes:", first["quotes"])"""),
    ("md", """## 5. The 14th-plan record (“十四五”时期主要成就)

The report states many 2020→2025 changes: levels, multiples, point gains, five-year totals. The plan file
keeps them as `[[indicator.history]]` entries. From them the tool derives the 2020 level and the 2021–2025
pace where the report allows, and says why where it does not (an increase in 元 on an index baseline gives no
growth rate). “增长5倍” is ambiguous (six times or five times the 2020 level): both readings are carried."""),
    ("code", """from sim.review.history import backcast, history_table, pace_comparison

history_table(plan)[["name", "measure", "value", "reading", "bound", "start_level", "end_level", "pace", "pace_unit"]]"""),
    ("code", """# Past pace against the pace the 2030 target needs: ratio > 1 means faster than before.
pace_comparison(plan)[["name", "period", "past_bound", "past_pace", "needed_pace", "pace_unit", "ratio",
                       "ratio_alternatives"]]"""),
    ("code", """# The engine itself, run from 2020 at the recorded pace, gives back the reported 2025 values.
cast = backcast(plan)
print("all 2025 levels reproduced:", bool(cast.table.loc[cast.table["check"] == "2025 level", "reproduced"].all()))
cast.table[~cast.table["reproduced"]][["name", "check", "stated", "engine"]]   # statements that disagree"""),
    ("md", """## 6. Mid-term review (时间过半、任务过半)

Suppose it is early 2029 and the statistics bureau has published 2026–2028. The values below are **made up
for the illustration**; in practice they come from a CSV (`indicator,year,value`) or TOML file, passed to
`fyp midterm SCENARIO --actuals FILE` or entered in the app. For each target the review compares the share of
the distance covered with the share of time elapsed (progress 1 = exactly on the path that meets the target)
and the growth still required with the growth achieved."""),
    ("code", """from sim.review.midterm import counts, midterm_review

observed = {
    "primary_va": {2026: 69.3, 2027: 73.4, 2028: 77.6},
    "secondary_va": {2026: 52.6, 2027: 56.9, 2028: 61.2},
    "tertiary_va": {2026: 214.8, 2027: 229.0, 2028: 243.9},
    "energy_capacity": {2026: 720.0, 2027: 860.0, 2028: 1010.0},
    "visitors": {2026: 2480.0, 2027: 2700.0, 2028: 2950.0},
    "urban_new_jobs": {2026: 7450.0, 2027: 7200.0, 2028: 7010.0},
    "good_air_days": {2026: 87.4, 2027: 86.9, 2028: 88.1},
}
review = midterm_review(plan, observed)
print(counts(review))
review[review["verdict"] != "no_data"][["name", "as_of", "actual", "goal", "elapsed_share", "covered_share",
                                        "progress", "achieved_pace", "required_pace", "pace_unit", "verdict"]]"""),
    ("md", """## 7. How likely is each target? (Monte Carlo)

The next cell draws a few thousand paths around the momentum scenario and reports the probability of
meeting each target, with a 95 % interval."""),
    ("code", """from sim.uncertainty.montecarlo import run_montecarlo

mc = run_montecarlo(plan, load_scenario("momentum"), draws=4000, seed=1, workers=1)
probs = mc.probabilities(lang="en")
print(f"{mc.draws} draws in {mc.seconds:.1f} s")
display(probs[probs["check"] == "target"][["name", "target", "projected", "status", "p_met", "p_met_low",
                                           "p_met_high"]].sort_values("p_met").head(8))"""),
    ("md", """## 8. Export

Tables go to CSV (UTF-8 with a byte-order mark, so Excel shows Chinese) or to one workbook; the brief is a
short Chinese document for a meeting, as PDF (needs an installed Chinese font such as `fonts-noto-cjk`) or
HTML. The same exports are on the command line: `fyp run … -o`, `fyp audit -o`, `fyp report … -o brief.pdf`."""),
    ("code", """from sim.report.brief.content import write_brief
from sim.io.errors import ExportError
from sim.report.export import write_projection, write_table

written = [
    write_projection(proj, OUT / "projections.xlsx", check=check_targets(proj), lang="zh"),
    write_projection(proj, OUT / "projections_long.csv"),
    write_table(findings, OUT / "audit.csv"),
    write_table(review, OUT / "midterm.csv"),
    write_brief(plan, ["momentum", "plan"], OUT / "brief.html"),
]
try:
    written.append(write_brief(plan, ["momentum", "plan"], OUT / "brief.pdf"))
except ExportError as exc:   # no Chinese font on this machine: the HTML brief is still there
    print("PDF skipped:", exc)
for path in written:
    print(f"{path.name:25s} {path.stat().st_size:>9,d} bytes")"""),
    ("md", """That is the whole loop. To work on another district, write its plan file in the same format
(`sim/data/ganzhou.toml` documents every field) and pass it with `--plan FILE` or `load_plan(path)`: the
scenarios, the audit, the history and the review all run on it unchanged."""),
]


def build() -> nbformat.NotebookNode:
    nb = new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    nb.cells = [new_markdown_cell(src) if kind == "md" else new_code_cell(src) for kind, src in CELLS]
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i:02d}"
    return nb


if __name__ == "__main__":
    target = Path(__file__).with_name("walkthrough.ipynb")
    nbformat.write(build(), target)
    print(f"wrote {target}")
