"""Benchmark: how long whole ``lems`` commands take, beside a bare Python start in the same run.

Each command runs as a fresh process (``python -m lems_companion ...``), as a person at a
terminal runs it, against a temporary SQLite database holding one account with a year of
entries (four a day). Every figure is printed beside the baseline ``python -c pass`` measured in
the same run, as a ratio, with the CPU time the process used (which depends less on what else
the machine runs than wall-clock time) and the load average before and after. A second baseline,
``python -c "import sqlalchemy"``, is the floor of any command that opens the database: each
command's CPU time is also printed as a multiple of it.

Bytecode is written and reused (``PYTHONDONTWRITEBYTECODE`` is dropped for the commands), as for
an installed app: otherwise every run would compile the app's modules from source again.

``--before PATH`` runs every command a second time with ``PYTHONPATH=PATH`` (the ``src`` folder
of another checkout, e.g. ``git archive main src | tar -x -C /tmp/before``), interleaved with
this checkout's runs so that both see the same machine load.

    .venv/bin/python bench/cli_startup.py [--repeat 7] [--before /tmp/before/src] [--only list]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
SRC = REPO_ROOT / "src"
sys.path[:0] = [str(REPO_ROOT), str(SRC)]

EMAIL = "bench@example.org"
# Issue 19, goal 4: whole commands, start to exit.
GOALS_S = {"help": 0.3, "command": 0.6, "html": 1.0, "pdf": 2.0}
SQLALCHEMY_BASELINE = "python -c 'import sqlalchemy'"


@dataclass
class Timing:
    """Wall-clock and CPU seconds of each run of one command."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)


def run_once(argv: list[str], pythonpath: Path, timing: Timing) -> None:
    """Run the command once, adding its wall-clock and CPU time; exit if it fails."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(pythonpath)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(argv, env=env, capture_output=True, check=False)
    timing.wall.append(time.perf_counter() - start)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    timing.cpu.append(
        after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime,
    )
    if result.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed:\n{result.stderr.decode()}")


def prepare(url: str) -> None:
    """Create the bench account with a year of entries (four a day) in a new database."""
    from tests.factories import year_of_entries

    from lems_companion.accounts.service import create_user
    from lems_companion.db.engine import session_scope, upgrade
    from lems_companion.diary.service import add_entries

    upgrade(url)
    with session_scope(url) as db:
        owner = create_user(db, email=EMAIL, password="benchmark password", time_zone="UTC")
        add_entries(db, owner=owner, items=year_of_entries(per_day=4))


def main() -> None:
    """Run each command several times and print median wall-clock and CPU time per command."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="Runs per command (default 7).")
    parser.add_argument(
        "--before", type=Path, help="The src folder of another checkout to time the same way."
    )
    parser.add_argument(
        "--only",
        nargs="+",
        metavar="WORD",
        help="Time only the commands whose name holds one of these words (and the baselines).",
    )
    args = parser.parse_args()
    trees = {"after": SRC} | ({"before": args.before.resolve()} if args.before else {})
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        prepare(url)
        lems = [sys.executable, "-m", "lems_companion", "--db", url]
        report = [*lems, "report", "--user", EMAIL, "-o", str(Path(folder) / "report")]
        commands: list[tuple[str, str, list[str]]] = [
            ("python -c pass (baseline)", "", [sys.executable, "-c", "pass"]),
            ("python -c 'import typer'", "", [sys.executable, "-c", "import typer"]),
            (SQLALCHEMY_BASELINE, "", [sys.executable, "-c", "import sqlalchemy"]),
            ("lems --help", "help", [*lems, "--help"]),
            ("lems user list --help", "command", [*lems, "user", "list", "--help"]),
            ("lems diary import --help", "command", [*lems, "diary", "import", "--help"]),
            ("lems user list", "command", [*lems, "user", "list"]),
            ("lems tests list", "command", [*lems, "tests", "list", "--user", EMAIL]),
            ("lems diary list (a year)", "command", [*lems, "diary", "list", "--user", EMAIL]),
            (
                "lems backup",
                "command",
                [*lems, "backup", str(Path(folder) / "backup.sqlite3"), "--force"],
            ),
            (
                "lems score edx",
                "command",
                [*lems, "score", "edx", "--cmap-rest", "2", "--cmap-after-exercise", "5"],
            ),
            ("lems report (year, HTML)", "html", [*report, "--format", "html"]),
            ("lems report (year, PDF)", "pdf", [*report, "--format", "pdf"]),
        ]
        load_before = os.getloadavg()
        timings = {(name, tree): Timing() for name, _, _ in commands for tree in trees}
        if args.only:
            commands = [c for c in commands if not c[1] or any(w in c[0] for w in args.only)]
        for name, _, argv in commands:
            for path in trees.values():
                run_once(argv, path, Timing())  # warm the file cache and compiled bytecode
            for _ in range(args.repeat):
                for tree, path in trees.items():
                    run_once(argv, path, timings[(name, tree)])
        load_after = os.getloadavg()

    cpus = os.cpu_count()
    print(
        f"{args.repeat} runs each; {cpus} CPUs; load average {load_before[0]:.1f} before, "
        f"{load_after[0]:.1f} after"
    )
    print(
        "median wall-clock s (x python -c pass), CPU s (x the CPU of import sqlalchemy); "
        "goal = issue 19 goal 4, whole command"
    )
    baseline = statistics.median(timings[(commands[0][0], "after")].wall)
    floor = statistics.median(timings[(SQLALCHEMY_BASELINE, "after")].cpu)
    header = f"{'command':<30}"
    for tree in trees:
        header += f" {tree + ' wall':>16} {tree + ' cpu':>16}"
    print(header + "   goal")
    for name, goal, _ in commands:
        line = f"{name:<30}"
        for tree in trees:
            timing = timings[(name, tree)]
            wall = statistics.median(timing.wall)
            cpu = statistics.median(timing.cpu)
            line += f" {wall:7.3f} ({wall / baseline:5.1f}x) {cpu:7.3f} ({cpu / floor:5.2f}x)"
        print(line + (f"   < {GOALS_S[goal]:.1f} s" if goal else ""))


if __name__ == "__main__":
    main()
