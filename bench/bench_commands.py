"""How long the first commands take beyond importing numpy and pandas (issue 14's aim: ≤ +0.2 s).

Every figure comes from fresh processes of the interpreter running this script, started in turn (one of
each kind per round) so that all kinds see the same load on the machine. For each kind it prints the median
wall time and the median CPU time of the child process (user + system, from ``os.wait4``), and the sum of
the ``-X importtime`` self times, the import work itself (median, and least: load only adds to it). All are
noisy on a loaded machine; CPU time and the least import time the least so.

Two settings, one table each. *Bytecode cached*: what an installed ``fyp`` sees (pip compiles the package
when it installs it); the compiled files go to a temporary ``PYTHONPYCACHEPREFIX``, never into the
repository, and one warm-up round fills it. *Compiled from source*: ``PYTHONDONTWRITEBYTECODE=1`` (set on
the project's machines) with no cache for ``sim``, so that every run compiles the modules it imports.

Run: ``PYTHONPATH=. python bench/bench_commands.py [--runs 7] [--root DIR --root DIR]``; with two ``--root``
checkouts (say ``git archive main | tar -x -C /tmp/before`` and this one) the same rounds measure both.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: What is timed, by label: the argument vector after the interpreter.
KINDS = {
    "python -c pass": ["-c", "pass"],
    "import numpy, pandas": ["-c", "import numpy, pandas"],
    "fyp --help": ["-m", "sim", "--help"],
    "fyp check plan": ["-m", "sim", "check", "plan"],
}
BASE = "import numpy, pandas"


def timed(argv: list[str], root: Path, env: dict) -> tuple[float, float]:
    """Wall and CPU seconds [s] of one fresh ``python ARGV`` run in ``root`` (output discarded)."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, *argv], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**env, "PYTHONPATH": str(root)}, cwd=root)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"error: {root}: python {' '.join(argv)}: exit status {code}")
    return wall, usage.ru_utime + usage.ru_stime


def import_self_total(argv: list[str], root: Path, env: dict) -> tuple[float, int]:
    """Sum of the ``-X importtime`` self times [s] of one fresh run, and the number of modules imported."""
    err = subprocess.run([sys.executable, "-X", "importtime", *argv], capture_output=True, text=True,
                         env={**env, "PYTHONPATH": str(root)}, cwd=root, check=True).stderr
    total, count = 0, 0
    for line in err.splitlines():
        if line.startswith("import time:") and line.count("|") == 2:
            self_us = line.split(":", 1)[1].split("|")[0].strip()
            if self_us.isdigit():
                total += int(self_us)
                count += 1
    return total / 1e6, count


def measure(runs: int, roots: list[Path], env: dict) -> dict:
    """For each checkout and kind: the median wall, CPU and import self time [s], the least import self time
    [s], and the number of modules imported.

    Every round runs every kind in every checkout once, so that all of them see the same load.
    """
    samples = {(root, k): ([], [], []) for root in roots for k in KINDS}
    counts = {}
    for _ in range(runs):
        for root in roots:
            for label, argv in KINDS.items():
                wall, cpu = timed(argv, root, env)
                own, counts[root, label] = import_self_total(argv, root, env)
                for store, value in zip(samples[root, label], (wall, cpu, own), strict=True):
                    store.append(value)
    # The least import self time too: load only ever adds to it, so the minimum is the steadier figure.
    return {key: (*(statistics.median(s) for s in store), min(store[2]), counts[key])
            for key, store in samples.items()}


def table(title: str, figures: dict, root: Path) -> None:
    base = figures[root, BASE]
    print(f"\n{title}\n")
    print("| command | wall | CPU | import self time (least) | modules | wall beyond numpy+pandas "
          "(aim ≤ +0.2 s) | CPU beyond | import self beyond (least) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for label in KINDS:
        wall, cpu, own, least, count = figures[root, label]
        beyond = (f"{wall - base[0]:+.2f} s | {cpu - base[1]:+.2f} s | {own - base[2]:+.2f} s "
                  f"({least - base[3]:+.3f} s)" if label.startswith("fyp") else " | | ")
        print(f"| `{label}` | {wall:.2f} s | {cpu:.2f} s | {own:.3f} s ({least:.3f} s) | {count} | {beyond} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="fresh processes of each kind and setting (default 7)")
    parser.add_argument("--root", type=Path, action="append", metavar="DIR",
                        help="a checkout to measure (repeat to compare, e.g. an export of main against this "
                             "branch; the checkouts are measured in turn, round by round); default: this one")
    args = parser.parse_args()
    roots = [r.resolve() for r in args.root or [ROOT]]
    for root in roots:
        if not (root / "sim" / "__main__.py").is_file():
            raise SystemExit(f"error: --root {root}: no sim/__main__.py there")

    with tempfile.TemporaryDirectory(prefix="fyp-pyc-") as cache:
        cached_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        cached_env["PYTHONPYCACHEPREFIX"] = cache
        measure(1, roots, cached_env)   # fills the cache
        cached = measure(args.runs, roots, cached_env)
    source_env = {k: v for k, v in os.environ.items() if k != "PYTHONPYCACHEPREFIX"}
    source_env["PYTHONDONTWRITEBYTECODE"] = "1"
    source = measure(args.runs, roots, source_env)

    print(f"Python {sys.version.split()[0]} ({sys.executable}); medians of {args.runs} fresh processes of each "
          f"kind, setting and checkout; load average {os.getloadavg()[0]:.2f} at the end.")
    for root in roots:
        table(f"{root}, bytecode cached (an installed `fyp`):", cached, root)
        table(f"{root}, compiled from source (PYTHONDONTWRITEBYTECODE=1, no cache for `sim`):", source, root)


if __name__ == "__main__":
    main()
