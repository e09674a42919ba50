"""``fyp schema plan|scenario``: the JSON Schema of a file format, generated from the declarations
the readers use (:mod:`sim.io.formats`)."""

from __future__ import annotations

import sys

from sim.cli import add_command
from sim.cli.main import nonblank
from sim.io.formats import FORMATS, schema_text
from sim.report.export import write_atomic


def register(sub, parents) -> None:
    p = add_command(sub, "schema", parents)
    p.add_argument("format", choices=tuple(FORMATS), help="which file format")
    p.add_argument("-o", "--output", type=nonblank, metavar="FILE", help="write the schema to FILE instead of printing it")
    p.set_defaults(run=cmd_schema)


def cmd_schema(args) -> int:
    text = schema_text(args.format)
    if args.output:
        path = write_atomic(args.output, lambda: text.encode("utf-8"))
        print(f"wrote the {args.format} schema to {path}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0
