"""Layer ``cli``: the ``fyp`` command. :mod:`sim.cli.main` parses arguments and turns every
:class:`~sim.io.errors.InputError` into one line and exit status 2; each other module registers
one group of subcommands with ``register(sub, parents)``.

May import every layer below it (report, review, uncertainty, draft, engine, io); nothing imports it.
"""

from __future__ import annotations

import importlib

#: Command modules in the order their commands appear in ``fyp --help``.
MODULES = ("core", "uncertainty", "review", "draft", "schema")


def register_all(sub, parents) -> None:
    """Add every command group's subcommands to ``sub``."""
    for name in MODULES:
        importlib.import_module(f"{__name__}.{name}").register(sub, parents)
