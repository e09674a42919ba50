"""Every input error of the engine has a code, and both languages word every code.

The English reason of a code is its template in :mod:`sim.io.reasons`; the Chinese one is its
twin in :mod:`sim.io.reasons_zh` (``ui/texts/errors.py`` pairs them for the app). These tests read the source of ``sim/`` for every code it raises, check
that each has both templates with the same parameters, that no raise site words its own
reason, and give :func:`assert_worded_in_chinese`, which ``tests/io/conftest.py`` applies to
every error the catalogue of bad input raises.
"""

from __future__ import annotations

import ast
import functools
import re
import string
from pathlib import Path

import pytest

from sim.io.errors import InputError, PlanError, ScenarioError
from sim.io.reasons import REASONS, render
from sim.io.reasons_zh import GENERIC, ZH, render_zh
from ui.texts.errors import TEXT

ROOT = Path(__file__).resolve().parents[2]

#: Classes (and the ``error`` parameter holding one) whose calls build an input error.
BUILDERS = {"InputError", "PlanError", "ScenarioError", "ExportError", "UsageError", "error"}

#: ASCII words a Chinese sentence may keep: file formats, the plan file's own keys a planner
#: types, units, and command-line words.
TECHNICAL = {
    "UTF", "TOML", "CSV", "GB", "indicator", "year", "value", "true", "false", "reported", "quote",
    "derived", "formula", "assumed", "reason", "reason_zh", "hold", "links", "deflator", "domain", "min",
    "behind", "sd", "low", "high", "peak", "drivers", "GiB", "actuals", "FILE", "Word", "PDF", "pdf",
    "html", "Debian", "Ubuntu", "apt", "get", "install", "fonts", "noto", "cjk",
}


def placeholders(template: str) -> set[str]:
    """The parameter names a ``str.format`` template uses."""
    return {re.split(r"[.\[]", name)[0] for _, name, _, _ in string.Formatter().parse(template) if name}


def _strings(node: ast.AST) -> list[str]:
    """The codes an expression can take: a constant, or either branch of ``a if c else b``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _strings(node.body) + _strings(node.orelse)
    return []


def _name(call: ast.Call) -> str:
    f = call.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""


def raise_sites() -> tuple[dict[str, list[str]], list[str]]:
    """(code → where raised, calls that word their own reason) over every module of ``sim/``."""
    return _raise_sites(ROOT)


@functools.cache
def _raise_sites(root: Path) -> tuple[dict[str, list[str]], list[str]]:
    codes: dict[str, list[str]] = {}
    worded: list[str] = []
    for path in sorted((root / "sim").rglob("*.py")):
        where = str(path.relative_to(root))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            found = [s for k in node.keywords if k.arg == "code" for s in _strings(k.value)]
            if _name(node) == "fail":
                found += _strings(node.args[1]) if len(node.args) > 1 else []
                if len(node.args) != 2:
                    worded.append(f"{where}:{node.lineno}")
            elif _name(node) in BUILDERS and (len(node.args) > 2 or not any(k.arg == "code" for k in node.keywords)):
                worded.append(f"{where}:{node.lineno}")
            for code in found:
                codes.setdefault(code, []).append(f"{where}:{node.lineno}")
    return codes, worded


def sample(*templates: str) -> dict:
    """Parameters that fill ``templates``: a number where any template formats one, else text."""
    out: dict = {}
    for template in templates:
        for _, name, spec, _ in string.Formatter().parse(template):
            if name:
                out[name] = 1234.5 if spec or out.get(name) == 1234.5 else "x"
    return out


def english_words(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z][A-Za-z_]+", text))


def assert_worded_in_chinese(exc: InputError) -> None:
    """``exc`` has a code, its English reason is the code's template, and the app words it in
    Chinese from the code with no English words besides its values and :data:`TECHNICAL`."""
    from ui.fmt import APP_SOURCE, input_error

    assert exc.code, f"uncoded error: {exc.message}"
    assert exc.reason == render(exc.code, exc.params), exc.message
    shown = input_error(exc, "zh")
    assert GENERIC not in shown, shown
    # what the planner set on a page names no file or field there: the reason alone (ui.fmt.input_error)
    alike = exc.reason_in("zh") if exc.source == APP_SOURCE else exc.message_in("zh")
    assert shown == alike, "the app and the Chinese exports word an error alike"
    reason = render_zh(exc.code, exc.params)
    assert reason != GENERIC, f"{exc.code}: its parameters do not fill the Chinese template"
    values = {w for k, v in exc.params.items() if not k.endswith("_en") for w in english_words(str(v))}
    stray = english_words(reason) - values - TECHNICAL
    assert not stray, f"{exc.code}: {reason!r} has English words {sorted(stray)}"


# --------------------------------------------------------------------------- the source

def test_every_raise_in_the_engine_is_coded():
    _, worded = raise_sites()
    assert not worded, "input errors worded at the raise site (give a code and params instead):\n" + "\n".join(worded)


def test_every_code_raised_has_an_english_template_and_every_template_is_raised():
    codes, _ = raise_sites()
    assert set(codes) - set(REASONS) == set(), "codes without an English template"
    assert set(REASONS) - set(codes) == set(), "templates no raise site uses"
    assert len(REASONS) > 150


def test_the_source_reader_sees_a_planted_uncoded_raise(tmp_path, monkeypatch):
    """The walker can fail: a worded raise and a coded one in a scratch package are told apart."""
    (tmp_path / "sim").mkdir()
    (tmp_path / "sim" / "m.py").write_text('def f(f):\n    raise InputError("a", "b", "a reason")\n'
                                           'def g(f):\n    raise f.fail("k", "missing")\n')
    monkeypatch.setattr(__import__(__name__, fromlist=["ROOT"]), "ROOT", tmp_path)
    codes, worded = raise_sites()
    assert worded == ["sim/m.py:2"] and codes == {"missing": ["sim/m.py:4"]}


# --------------------------------------------------------------------------- the two languages

@pytest.mark.parametrize("code", sorted(REASONS))
def test_both_languages_word_the_code_from_the_same_parameters(code):
    en, zh = placeholders(REASONS[code]), placeholders(ZH[code])
    english_only = {p for p in en if p.endswith("_en")}
    neutral = {p.removesuffix("_en") for p in english_only}
    assert not zh & english_only, f"the Chinese shows English words: {zh & english_only}"
    assert en - english_only <= zh, f"the Chinese leaves out {en - english_only - zh}"
    assert zh - en <= neutral, f"the Chinese uses parameters the English lacks: {zh - en - neutral}"
    params = sample(REASONS[code], ZH[code])
    assert REASONS[code].format(**params) and ZH[code].format(**params)
    assert TEXT[f"err.{code}"] == (ZH[code], REASONS[code])


def test_no_chinese_sentence_without_an_english_one():
    assert set(ZH) == set(REASONS)


@pytest.mark.parametrize("code", sorted(ZH))
def test_the_chinese_templates_keep_only_technical_english_words(code):
    text = re.sub(r"\{[^}]*\}", "", ZH[code])
    assert english_words(text) <= TECHNICAL, sorted(english_words(text) - TECHNICAL)


# --------------------------------------------------------------------------- rendering

def test_an_error_rendered_from_its_code_reads_as_before():
    exc = ScenarioError("my.toml", "drivers.visitors", code="growth_impossible", params={"value": "-100"})
    assert exc.message == "my.toml: drivers.visitors: growth of -100% is impossible (must exceed −100%)"
    exc = PlanError("p.toml", "indicator[gdp].baseline.value", code="baseline_outside_domain",
                    params={"value": 120.0, "domain": "[0, 100]", "unit": "%"})
    assert exc.reason == "120 is outside [0, 100], the domain of the indicator [%]"


def test_the_app_words_a_coded_error_in_chinese_and_keeps_the_english_line():
    from ui.fmt import input_error

    exc = InputError("a.csv", "line 3.value", code="not_number", params={"value": "abc"})
    assert input_error(exc, "zh") == "a.csv:第3行.value:“abc”不是数字"
    assert input_error(exc, "en") == "a.csv: line 3.value: 'abc' is not a number"


def test_an_unknown_code_is_a_mistake_at_the_raise_site():
    with pytest.raises(KeyError):
        InputError("a", "b", code="no_such_code")


def test_a_library_message_stays_out_of_the_chinese():
    exc = InputError("f.toml", "", code="not_toml", params={"detail_en": "Expected '=' (at line 1, column 3)"})
    assert exc.reason == "not valid TOML (Expected '=' (at line 1, column 3))"
    assert_worded_in_chinese(exc)
