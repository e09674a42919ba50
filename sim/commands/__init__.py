"""Subcommands of ``fyp``: each module here has ``register(sub, parents)``."""

from __future__ import annotations

import importlib

#: Command modules in the order their commands appear in ``fyp --help``.
MODULES = ("core", "uncertainty", "review")


def register_all(sub, parents) -> None:
    for name in MODULES:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"{__name__}.{name}":  # an optional command set not installed
                continue
            raise
        module.register(sub, parents)
