"""Layer ``cli``: the ``fyp`` command, and the one table of its commands (:data:`COMMANDS`).

:mod:`sim.cli.main` parses arguments and turns every :class:`~sim.io.errors.InputError` into one line
and exit status 2; each other module registers one group of subcommands with ``register(sub, parents)``.
A group's module is imported only when one of its commands runs (or its own ``--help`` is asked for):
``fyp --help`` lists every command from :data:`COMMANDS` alone, so it imports neither numpy nor pandas.

May import every layer below it (report, review, uncertainty, draft, engine, io); nothing imports it.
"""

from __future__ import annotations

import importlib

#: Every command, in the order of ``fyp --help``: the module of ``sim.cli`` that registers it, and the
#: one line ``fyp --help`` shows for it (the same line the module's ``register`` uses, via :func:`add_command`).
COMMANDS = {
    "indicators": ("core", "every indicator with unit, baseline, targets and source"),
    "scenarios": ("core", "list the scenarios available by name"),
    "run": ("core", "project one or more scenarios"),
    "check": ("core", "check scenarios against every target and milestone"),
    "compare": ("core", "scenarios side by side: target year values and statuses"),
    "required": ("core", "the pace each target still needs from the last actual year"),
    "mc": ("uncertainty", "Monte Carlo: how likely each target is under the scenario's uncertainty"),
    "sensitivity": ("uncertainty", "tornado: how each target's 2030 gap moves with each driver (±1 unit, ±1 sd)"),
    "audit": ("review", "check the plan's own numbers for consistency"),
    "history": ("review", "the previous plan period: derived start levels, past vs needed pace, back-cast"),
    "midterm": ("review", "mid-term review: progress of each target (时间过半、任务过半)"),
    "monitor": ("review", "年度监测: each target against its 序时进度, with 预警 and next year's requirement"),
    "report": ("review", "printable brief in Chinese (.pdf or .html), or the monitoring report (.docx)"),
    "draft": ("draft", "draft a plan file from a government work report (UTF-8 or GB18030 text)"),
    "schema": ("schema", "JSON Schema of the plan or scenario file format (for editors and checks)"),
}

#: Command modules in the order their commands appear in ``fyp --help``.
MODULES = tuple(dict.fromkeys(group for group, _ in COMMANDS.values()))


def add_command(sub, name: str, parents=(), **kwargs):
    """The subparser of command ``name``, with its help line from :data:`COMMANDS`."""
    return sub.add_parser(name, parents=list(parents), help=COMMANDS[name][1], **kwargs)


def register_all(sub, parents, command: str | None = None) -> None:
    """Add the commands to ``sub``: every group in full when ``command`` is None; else the group of
    ``command`` in full (none for a name that is no command) and every other command as its name and
    help line, its module not imported."""
    wanted = MODULES if command is None else tuple(COMMANDS[c][0] for c in (command,) if c in COMMANDS)
    done: set[str] = set()
    for name, (group, help_line) in COMMANDS.items():
        if group in wanted:
            if group not in done:
                importlib.import_module(f"{__name__}.{group}").register(sub, parents)
                done.add(group)
        else:
            sub.add_parser(name, help=help_line, add_help=False)
