"""Benchmark: importing a diary file, in entries per second, beside ``json.loads`` of its lines.

Makes N entries from the made-up years of ``tests.factories.year_of_entries`` (four a day, home
tests, weekly weights, amifampridine, a note on 5% of them), writes them as JSON lines and as a
JSON array, and times, each in a fresh process:

- the baseline: ``json.loads`` of every line of the same file;
- parsing and validating (``diary.io.parse_entries``), for JSON lines and for a JSON array;
- the whole command ``lems diary import FILE --user ...`` (parse, triage, store, commit) into a
  new SQLite database holding only the account.

``--before PATH`` times the same steps with ``PYTHONPATH=PATH`` (the ``src`` folder of another
checkout) up to ``--before-max`` entries, in the same run, so both see the same machine load.

    .venv/bin/python bench/import_speed.py [--sizes 2000 8000 100000] [--before /tmp/b/src]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
SRC = REPO_ROOT / "src"
sys.path[:0] = [str(REPO_ROOT), str(SRC)]

EMAIL = "bench@example.org"
# Issue 19, goal 5: 100,000 entries from JSON lines in under a minute.
GOAL_ENTRIES, GOAL_SECONDS = 100_000, 60.0
LAST_DAY = date(2026, 10, 31)
DAYS_A_YEAR = 365

# Each timed step runs in its own process and prints its seconds; imports are not timed.
PARSE = """
import sys, time
from lems_companion.diary.io import parse_entries
text = open(sys.argv[1], encoding="utf-8").read()
start = time.perf_counter()
parse_entries(text)
print(time.perf_counter() - start)
"""
LOADS = """
import json, sys, time
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
start = time.perf_counter()
[json.loads(line) for line in lines]
print(time.perf_counter() - start)
"""


def diary_lines(count: int) -> list[str]:
    """Return ``count`` made-up entries as JSON lines, oldest first."""
    from tests.factories import year_of_entries

    years = []
    total = 0
    while total < count:
        end = LAST_DAY - timedelta(days=DAYS_A_YEAR * len(years))
        year = year_of_entries(end=end, seed=len(years))
        years.append(year)
        total += len(year)
    items = [item for year in reversed(years) for item in year][-count:]
    return [item.model_dump_json(exclude_none=True) for item in items]


def seconds_of(code: str, path: Path, pythonpath: Path) -> float:
    """Return the seconds a snippet printed, run in a fresh process on this file."""
    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    result = subprocess.run(
        [sys.executable, "-c", code, str(path)], env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        sys.exit(result.stderr)
    return float(result.stdout.split()[-1])


def command_seconds(path: Path, pythonpath: Path, folder: Path, name: str) -> tuple[float, float]:
    """Return the wall-clock and CPU seconds of ``lems diary import`` into a new database."""
    from lems_companion.accounts.service import create_user
    from lems_companion.db.engine import session_scope, upgrade

    url = f"sqlite:///{folder / name}.sqlite3"
    upgrade(url)
    with session_scope(url) as db:
        create_user(db, email=EMAIL, password="benchmark password", time_zone="UTC")
    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    argv = [sys.executable, "-m", "lems_companion", "--db", url, "diary", "import"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run([*argv, str(path), "--user", EMAIL], env=env, capture_output=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(result.stderr.decode())
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return elapsed, cpu


def main() -> None:
    """Run the steps for each size and print entries per second beside the baseline."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2_000, 8_000, 100_000])
    parser.add_argument("--before", type=Path, help="The src folder of another checkout.")
    parser.add_argument(
        "--before-max", type=int, default=8_000, help="Largest size to time with --before."
    )
    args = parser.parse_args()
    print(f"{os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f} at the start")
    print(
        f"{'entries':>8} {'code':<7} {'step':<34} {'seconds':>8} {'entries/s':>10} {'x loads':>8}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for count in args.sizes:
            lines = diary_lines(count)
            jsonl = folder / f"{count}.jsonl"
            jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
            array = folder / f"{count}.json"
            array.write_text("[\n" + ",\n".join(lines) + "\n]\n", encoding="utf-8")
            loads = seconds_of(LOADS, jsonl, SRC)
            trees = {"after": SRC}
            if args.before and count <= args.before_max:
                trees["before"] = args.before.resolve()

            def show(
                tree: str, step: str, seconds: float, count: int = count, loads: float = loads
            ) -> None:
                print(
                    f"{count:>8} {tree:<7} {step:<34} {seconds:8.3f} {count / seconds:10,.0f} "
                    f"{seconds / loads:8.1f}"
                )

            show("", "baseline: json.loads of each line", loads)
            for tree, path in trees.items():
                show(tree, "parse + validate, JSON lines", seconds_of(PARSE, jsonl, path))
                show(tree, "parse + validate, JSON array", seconds_of(PARSE, array, path))
                whole, cpu = command_seconds(jsonl, path, folder, f"{tree}-{count}")
                show(tree, "lems diary import (JSON lines)", whole)
                show(tree, "  its CPU time (user + system)", cpu)
                if count == GOAL_ENTRIES and tree == "after":
                    for kind, seconds in (("wall-clock", whole), ("CPU", cpu)):
                        verdict = "met" if seconds < GOAL_SECONDS else "NOT met"
                        print(f"goal: {GOAL_ENTRIES:,} entries, {kind} < 60 s: {verdict}")
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
