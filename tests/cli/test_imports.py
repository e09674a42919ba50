"""What the first commands import: ``fyp --help`` and ``fyp check plan`` load only what they use (issue 14).

No timing here (speed is measured by ``bench/bench_commands.py``): each test runs the real command in a
fresh interpreter under ``-X importtime`` and reads the modules it imported from that report, so that a
heavy import slipping back in fails a test instead of slowing every command unnoticed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sim.cli import COMMANDS, MODULES, register_all
from sim.cli.main import build_parser

ROOT = Path(__file__).resolve().parents[2]

#: Never needed to list the commands.
NOT_FOR_HELP = ("numpy", "pandas", "scipy", "plotly", "docx", "matplotlib", "fontTools", "openpyxl", "cn2an",
                "tomllib", "sim.io.formats", "sim.io.plan", "sim.engine", "sim.draft", "sim.uncertainty",
                "sim.review", "sim.report")
#: Never needed to check a scenario against the plan's targets.
NOT_FOR_CHECK = ("scipy", "plotly", "docx", "matplotlib", "fontTools", "openpyxl", "cn2an", "sim.draft",
                 "sim.uncertainty", "sim.review", "sim.report.brief", "sim.report.docx")


def imported(*argv: str) -> tuple[set[str], subprocess.CompletedProcess]:
    """The modules a fresh ``python -m sim ARGV`` imports (from its ``-X importtime`` report), and the run."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "sim", *argv], capture_output=True,
                          text=True, cwd=ROOT, env=env)
    modules = {line.rsplit("|", 1)[1].strip() for line in proc.stderr.splitlines()
               if line.startswith("import time:") and line.count("|") == 2}
    modules.discard("package")   # the report's header line
    return modules, proc


def offending(modules: set[str], banned: tuple[str, ...]) -> list[str]:
    """The imported modules that are, or lie inside, a banned package."""
    return sorted(m for m in modules if any(m == b or m.startswith(b + ".") for b in banned))


def test_the_import_report_is_read():
    # The reader must see the modules the command does import, or the bans below prove nothing.
    modules, proc = imported("--help")
    assert proc.returncode == 0
    assert {"argparse", "sim", "sim.cli", "sim.cli.main", "sim.io.errors"} <= modules


def test_help_imports_neither_numpy_nor_any_command_module():
    modules, proc = imported("--help")
    assert proc.returncode == 0, proc.stderr[-500:]
    assert offending(modules, NOT_FOR_HELP) == []
    assert offending(modules, tuple(f"sim.cli.{m}" for m in MODULES)) == []
    listed = proc.stdout
    assert all(f"    {name}" in listed for name in COMMANDS)
    assert all(help_line.split()[0] in listed for _, help_line in COMMANDS.values())


def test_check_imports_only_the_core_commands():
    modules, proc = imported("check", "plan")
    assert proc.returncode == 0, proc.stderr[-500:]
    assert "plan: 45 met, 0 at risk, 0 missed" in proc.stdout   # it did run the check
    assert offending(modules, NOT_FOR_CHECK) == []
    assert offending(modules, tuple(f"sim.cli.{m}" for m in MODULES if m != "core")) == []


def test_a_bad_scenario_still_fails_in_one_line_without_the_other_commands():
    modules, proc = imported("check", "no-such-scenario")
    assert proc.returncode == 2 and proc.stderr.splitlines()[-1].startswith("error: ")
    assert "Traceback" not in proc.stderr
    assert offending(modules, NOT_FOR_CHECK) == []


def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def helps(parser: argparse.ArgumentParser) -> dict[str, str]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {a.dest: a.help for a in action._choices_actions}


def test_every_module_registers_exactly_its_commands_with_their_help_line():
    # The table that `fyp --help` reads alone must agree with what the modules register.
    full = build_parser()
    assert list(subcommands(full)) == list(COMMANDS)
    assert helps(full) == {name: line for name, (_, line) in COMMANDS.items()}
    for group in MODULES:
        sub = argparse.ArgumentParser().add_subparsers()
        register_all(sub, [], group_command(group))
        full_ones = {n for n, p in sub.choices.items() if p.add_help}
        assert full_ones == {n for n, (g, _) in COMMANDS.items() if g == group}


def group_command(group: str) -> str:
    return next(name for name, (g, _) in COMMANDS.items() if g == group)


def test_the_listing_is_the_same_whichever_command_runs():
    listing = build_parser("").format_help()
    assert build_parser().format_help() == listing
    assert all(build_parser(name).format_help() == listing for name in ("check", "mc", "draft", "schema"))


@pytest.mark.parametrize("name", ["check", "mc", "audit", "draft", "schema"])
def test_a_command_parses_its_own_options_and_help(name, capsys):
    parser = build_parser(name)
    with pytest.raises(SystemExit) as stop:
        parser.parse_args([name, "--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: fyp {name}") and "-h, --help" in out


def test_an_unknown_command_is_refused_with_the_list():
    with pytest.raises(SystemExit) as stop:
        build_parser("").parse_args(["chekc", "plan"])
    assert stop.value.code == 2


def test_the_public_api_is_imported_on_first_use():
    code = ("import sys, sim; before = 'numpy' in sys.modules; "
            "from sim import load_plan, project, check_targets, CHECK_COLUMNS; "
            "print(before, 'numpy' in sys.modules, callable(load_plan), len(CHECK_COLUMNS) > 0)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}).stdout.split()
    assert out == ["False", "True", "True", "True"]


def test_every_public_name_resolves_to_its_home():
    import sim
    from sim.engine.check import check_targets
    from sim.io.plan import load_plan

    assert sim.load_plan is load_plan and sim.check_targets is check_targets
    assert all(getattr(sim, name) is not None for name in sim.__all__)
    assert set(sim.__all__) <= set(dir(sim))
    with pytest.raises(AttributeError, match="no_such_name"):
        sim.no_such_name  # noqa: B018
