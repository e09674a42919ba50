"""Every ``fyp`` command that takes ``--lang`` speaks only that language, on the terminal and in its files.

Each command runs in-process on the shipped plan and scenarios, with ``--lang zh`` and ``--lang en``,
printing to the terminal and writing ``-o`` CSV and xlsx where it offers them. Its stdout and every
written header, cell and sheet name go through the app's language rule
(:mod:`tests.app.language_rules`), so a new English string anywhere in a Chinese output (or a Chinese
one of our making in an English output) fails here.

What each language may still show of the other, and why:

* Chinese: a column whose header says it holds English (英文名称) is data for programs;
  the IAMC file keeps IAMC's own headers (and the model's id) so that pyam reads it.
* English: the plan's own words — indicator names, units, scenario titles and the district's name
  (each has its English column beside it in the files), the report's quotes, and the plan file's
  notes and reasons (data, which quote the report's terms); a column named ``…_zh`` is the
  Chinese twin of an English one.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from sim import load_plan, load_scenario
from sim.cli.main import main
from sim.io.scenario import list_scenarios
from sim.io.schema import IAMC_INDEX
from sim.report.export import MODEL_NAME
from tests.app.conftest import ROOT
from tests.app.language_rules import stray_chinese, stray_english

ACTUALS = str(ROOT / "docs" / "examples" / "actuals-2027-illustrative.csv")
PLAN = load_plan()
SCENARIOS = [load_scenario(p) for p in list_scenarios()]

#: Every command with ``--lang``, as run (``fyp schema`` prints a JSON Schema for editors, not a
#: table, and ``fyp report`` is Chinese by design; both are left out). ``required`` gets its own
#: actuals: the illustrative file gives a derived indicator directly, which only the reviews accept.
COMMANDS = [
    ["indicators"], ["scenarios"], ["run", "plan", "cautious"], ["run", "plan", "--format", "wide"],
    ["run", "plan", "--format", "iamc"], ["run", "plan", "--sources"], ["check", "plan", "cautious"],
    ["compare", "plan", "cautious"], ["compare", "plan", "cautious", "--values"], ["required", "plan", "--actuals", "ONE"],
    ["mc", "uncertain", "--draws", "2000"], ["mc", "uncertain", "--draws", "2000", "--quantiles"],
    ["mc", "uncertain", "--draws", "2000", "--keep", "2"], ["mc", "uncertain", "--draws", "2000", "--goal", "0.8"],
    ["mc", "uncertain", "--spreads"], ["sensitivity", "uncertain"], ["audit"], ["history"], ["history", "--pace"],
    ["history", "--backcast"], ["midterm", "plan", "--actuals", ACTUALS], ["monitor", "plan", "--actuals", ACTUALS],
    ["monitor", "plan", "--actuals", ACTUALS, "--next"],
]
#: Commands that print only (no ``-o``).
PRINT_ONLY = {"scenarios"}
CASES = [(cmd, lang, out) for cmd in COMMANDS for lang in ("zh", "en")
         for out in ((None,) if cmd[0] in PRINT_ONLY else (None, ".csv", ".xlsx"))]

#: The plan's own words an English output may show (see the module notes), longest first.
PLAN_WORDS = sorted({i.name_zh for i in PLAN.indicators} | {s.title_zh for s in SCENARIOS} | {PLAN.district_zh}
                    | {u for i in PLAN.indicators for u in (i.unit, i.value_unit, i.pace_unit)} | {"%/年", "/年"},
                    key=len, reverse=True)


def _plan_texts() -> set[str]:
    """Every note, reason and formula the plan file carries (data, in the plan author's words)."""
    texts = set()
    for ind in PLAN.indicators:
        numbers = [ind.baseline, ind.trend, *(t.number for t in (*ind.targets, *ind.milestones)),
                   *(h.number for h in ind.history)]
        texts |= {ind.note, *(h.note for h in ind.history)}
        texts |= {x for n in numbers if n is not None for x in (n.reason, n.note, n.formula)}
    return {t.strip() for t in texts if t}


PLAN_TEXTS = _plan_texts()


def stray_chinese_in_english(strings) -> set[str]:
    """Chinese of our making in an English output: the app's rule, less the plan's own words."""
    bad = set()
    for s in strings:
        if s.strip() in PLAN_TEXTS or not stray_chinese([s]):
            continue
        for word in PLAN_WORDS:
            s = s.replace(word, " ")
        bad |= stray_chinese([s])
    return bad


def stray(strings, lang: str) -> set[str]:
    if lang == "zh":
        return stray_english([s.replace(MODEL_NAME, "") for s in strings])
    return stray_chinese_in_english(strings)


def cells(frame: pd.DataFrame, lang: str, iamc: bool = False) -> list[str]:
    """Headers and text cells of ``frame``, less the columns that hold the other language by design."""
    other = (lambda c: "英文" in c) if lang == "zh" else (lambda c: c.endswith("_zh"))
    shown = [c for c in frame.columns if not other(str(c))]
    headers = [str(c) for c in frame.columns if not (iamc and c in (*IAMC_INDEX, "basis"))]
    return headers + [v for c in shown for v in frame[c].tolist() if isinstance(v, str)]


@pytest.fixture(scope="module")
def one_actual(tmp_path_factory):
    path = tmp_path_factory.mktemp("lang") / "one.csv"
    path.write_text("indicator,year,value\nnew_energy_capacity,2026,400\n", encoding="utf-8-sig")
    return str(path)


def _run(argv, capsys) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # plausibility warnings go to stderr, not to the output checked here
        assert main(argv) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize(("command", "lang", "suffix"), CASES,
                         ids=[f"{'-'.join(c)}-{lg}-{s or 'stdout'}".replace(ACTUALS, "actuals") for c, lg, s in CASES])
def test_every_output_is_in_its_language(command, lang, suffix, capsys, tmp_path, one_actual):
    argv = [one_actual if a == "ONE" else a for a in command] + ["--lang", lang]
    if suffix is None:
        out = _run(argv, capsys)
        assert out.strip()
        found = stray(out.splitlines(), lang)
    else:
        path = tmp_path / f"out{suffix}"
        _run(argv + ["-o", str(path)], capsys)
        sheets = ({"": pd.read_csv(path, encoding="utf-8-sig")} if suffix == ".csv"
                  else pd.read_excel(path, sheet_name=None))
        iamc = "iamc" in command
        found = {name: stray(([name] if name else []) + cells(frame, lang, iamc), lang)
                 for name, frame in sheets.items()}
        found = {k: v for k, v in found.items() if v}
    assert not found, found


def test_the_rules_see_what_they_forbid():
    """The English sentences fail the Chinese rule and the Chinese ones the English rule."""
    from sim.cli.words import SENTENCES

    english, chinese = zip(*SENTENCES.values(), strict=True)
    assert all(stray([e], "zh") for e in english)
    assert all(stray([z], "en") for z in chinese)
    assert not stray(["规划目标:模拟2,000次", "地区生产总值 亿元"], "zh")
    assert not stray(["plan: 45 met", "地区生产总值 亿元 规划目标"], "en")


def test_a_chinese_goal_table_names_each_drivers_pace_in_chinese(tmp_path, capsys):
    path = tmp_path / "goal.csv"
    _run(["mc", "plan", "--draws", "2000", "--goal", "0.8", "--targets-only", "--lang", "zh", "-o", str(path)], capsys)
    gdp = pd.read_csv(path, encoding="utf-8-sig").set_index("指标代码").loc["gdp"]
    assert gdp["调整的驱动因素"] == "一产增加值、二产增加值、三产增加值"
    parts = gdp["各驱动因素速度"].split("、")
    assert [p.split(" ")[0] for p in parts] == ["一产增加值", "二产增加值", "三产增加值"]
    assert all(float(p.split(" ")[1]) > 6 for p in parts)     # each sector's pace with the shift [%/年]
