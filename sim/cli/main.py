"""The ``fyp`` command line (also ``python -m sim``).

Every subcommand lives in a module of :mod:`sim.cli` with a ``register(sub, parents)``
function. Bad input ends with one line on stderr naming the file, the field and the reason,
and exit status 2; an implausible one (:class:`~sim.io.errors.InputWarning`) is printed as one
``warning: file: field: reason`` line on stderr and the command goes on; Ctrl-C ends with status 130. Neither prints a traceback.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sim.cli import COMMANDS, register_all
from sim.io.errors import InputError, InputWarning

if TYPE_CHECKING:  # names for annotations only: `fyp --help` imports neither pandas nor the readers
    import pandas as pd

    from sim.io.plan import Plan
    from sim.io.scenario import Scenario


class UsageError(InputError):
    """A command-line argument that cannot be used."""


def plan_from_args(args: argparse.Namespace) -> Plan:
    """The plan named by ``--plan`` (default: the embedded Ganzhou plan)."""
    from sim.io.plan import load_plan

    return load_plan(getattr(args, "plan", None))


def scenario_from_ref(ref: str) -> Scenario:
    """A scenario by name (in ``scenarios/``), title or path."""
    from sim.io.scenario import load_scenario

    return load_scenario(ref)


def emit(frame: pd.DataFrame, args: argparse.Namespace, title: str | None = None,
         digits: int = 2, sheet: str = "data") -> None:
    """Show ``frame`` in the terminal, or write it to ``args.output`` (.csv with BOM / .xlsx)."""
    from sim.report.labels import localize
    from sim.report.terminal import render

    lang = getattr(args, "lang", "en")
    output = getattr(args, "output", None)
    if output:
        from sim.report.export import write_table  # openpyxl and the writers: only when a file is asked for

        path = write_table(frame, output, lang=lang, sheet=sheet)
        print(f"wrote {len(frame)} rows to {path}", file=sys.stderr)
        return
    if title:
        print(title)
    print(render(localize(frame, lang), digits=digits))


def report_warnings(caught: list) -> None:
    """Print each plausibility warning once, as ``warning: file: field: reason`` on stderr;
    pass any other warning on unchanged."""
    seen: set[str] = set()
    for item in caught:
        if isinstance(item.message, InputWarning):
            if item.message.message not in seen:
                seen.add(item.message.message)
                print(f"warning: {item.message.message}", file=sys.stderr)
        else:
            warnings.showwarning(item.message, item.category, item.filename, item.lineno)


def nonblank(text: str) -> str:
    """An argument naming a file, a scenario or a value: empty or blank text (an unset shell
    variable, ``--actuals "$FILE"``) is refused, not taken for the option left out."""
    if not text.strip():
        raise argparse.ArgumentTypeError("must not be empty")
    return text


def common_parser() -> argparse.ArgumentParser:
    """Options every subcommand takes."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--plan", type=nonblank, metavar="FILE", help="plan TOML file (default: embedded Ganzhou plan)")
    common.add_argument("--lang", choices=("en", "zh"), default="en",
                        help="language of table headers and labels (zh for planners)")
    return common


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The ``fyp`` parser: with ``command``, only that command's group in full (the others as their help
    line); without it, every command in full."""
    parser = argparse.ArgumentParser(
        prog="fyp", description="Five-year-plan scenario simulator (default plan: 甘州区“十五五”规划).")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    register_all(sub, [common_parser()], command)
    return parser


#: What ``-o`` may end in, by command: a table (.csv/.xlsx) unless listed; None: any name.
OUTPUT_SUFFIXES = {"report": (".pdf", ".html", ".htm", ".docx"), "schema": None, "draft": None}


def _check_output(args: argparse.Namespace) -> None:
    """Refuse ``-o`` before the command runs (a Monte Carlo of minutes would end in the same
    error): its folder, what stands in its place, its suffix."""
    if getattr(args, "output", None):
        from sim.report.export import check_output  # pandas: only when a file is asked for

        check_output(args.output, OUTPUT_SUFFIXES.get(args.command, (".csv", ".xlsx")))


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``fyp``; returns the exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    # The top-level parser has no option but --help, so a command is the first argument or absent.
    parser = build_parser(argv[0] if argv and argv[0] in COMMANDS else "")
    args = parser.parse_args(argv)
    caught: list = []
    try:
        _check_output(args)
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", InputWarning)
                status = int(args.run(args) or 0)
        finally:
            # Outside the recording context: passing a warning on must not append to ``caught``.
            report_warnings(list(caught))
        return status
    except InputError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted; nothing was written", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `fyp run plan | head`
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
