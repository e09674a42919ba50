"""How long the first commands take beyond importing numpy and pandas (issue 14's aim: ≤ +0.2 s).

Every figure comes from fresh processes of the interpreter running this script, started in turn (one of
each kind per round) so that all kinds see the same load on the machine. For each kind it prints the median
wall time and the median CPU time of the child process (user + system, from ``os.wait4``), and the sum of
the ``-X importtime`` self times, the import work itself, which a loaded machine inflates less than wall time.

Two settings, one table each. *Bytecode cached*: what an installed ``fyp`` sees (pip compiles the package
when it installs it); the compiled files go to a temporary ``PYTHONPYCACHEPREFIX``, never into the
repository, and one warm-up round fills it. *Compiled from source*: ``PYTHONDONTWRITEBYTECODE=1`` (set on
the project's machines) with no cache for ``sim``, so that every run compiles the modules it imports.

Run: ``PYTHONPATH=. python bench/bench_commands.py [--runs 7]``.
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
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}

#: What is timed, by label: the argument vector after the interpreter.
KINDS = {
    "python -c pass": ["-c", "pass"],
    "import numpy, pandas": ["-c", "import numpy, pandas"],
    "fyp --help": ["-m", "sim", "--help"],
    "fyp check plan": ["-m", "sim", "check", "plan"],
}
BASE = "import numpy, pandas"


def timed(argv: list[str], env: dict) -> tuple[float, float]:
    """Wall and CPU seconds [s] of one fresh ``python ARGV`` (output discarded)."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, *argv], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env=env, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"error: {' '.join(argv)}: exit status {proc.returncode}")
    return wall, usage.ru_utime + usage.ru_stime


def import_self_total(argv: list[str], env: dict) -> tuple[float, int]:
    """Sum of the ``-X importtime`` self times [s] of one fresh run, and the number of modules imported."""
    err = subprocess.run([sys.executable, "-X", "importtime", *argv], capture_output=True, text=True,
                         env=env, cwd=ROOT, check=True).stderr
    total, count = 0, 0
    for line in err.splitlines():
        if line.startswith("import time:") and "|" in line:
            self_us = line.split(":", 1)[1].split("|")[0].strip()
            if self_us.isdigit():
                total += int(self_us)
                count += 1
    return total / 1e6, count


def measure(runs: int, env: dict) -> tuple[dict, dict]:
    """Median wall, CPU and import self time [s] of each kind over ``runs`` rounds, and its module count."""
    walls, cpus, selfs = ({k: [] for k in KINDS} for _ in range(3))
    counts = {}
    for _ in range(runs):
        for label, argv in KINDS.items():   # one of each per round: every kind sees the same load
            wall, cpu = timed(argv, env)
            walls[label].append(wall)
            cpus[label].append(cpu)
            total, counts[label] = import_self_total(argv, env)
            selfs[label].append(total)
    med = {k: (statistics.median(walls[k]), statistics.median(cpus[k]), statistics.median(selfs[k]))
           for k in KINDS}
    return med, counts


def table(title: str, med: dict, counts: dict) -> None:
    base = med[BASE]
    print(f"\n{title}\n")
    print("| command | wall | CPU | import self time | modules | wall beyond numpy+pandas (aim ≤ +0.2 s) | "
          "CPU beyond | import self beyond |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for label in KINDS:
        wall, cpu, own = med[label]
        beyond = (f"{wall - base[0]:+.2f} s | {cpu - base[1]:+.2f} s | {own - base[2]:+.2f} s"
                  if label.startswith("fyp") else " | | ")
        print(f"| `{label}` | {wall:.2f} s | {cpu:.2f} s | {own:.3f} s | {counts[label]} | {beyond} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="fresh processes of each kind and setting (default 7)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="fyp-pyc-") as cache:
        cached_env = {k: v for k, v in ENV.items() if k != "PYTHONDONTWRITEBYTECODE"}
        cached_env["PYTHONPYCACHEPREFIX"] = cache
        measure(1, cached_env)   # fills the cache
        cached = measure(args.runs, cached_env)
    source_env = {k: v for k, v in ENV.items() if k != "PYTHONPYCACHEPREFIX"}
    source_env["PYTHONDONTWRITEBYTECODE"] = "1"
    source = measure(args.runs, source_env)

    print(f"Python {sys.version.split()[0]} ({sys.executable}); medians of {args.runs} fresh processes of each "
          f"kind and setting; load average {os.getloadavg()[0]:.2f} at the end.")
    table("Bytecode cached (an installed `fyp`):", *cached)
    table("Compiled from source (PYTHONDONTWRITEBYTECODE=1, no cache for `sim`):", *source)


if __name__ == "__main__":
    main()
