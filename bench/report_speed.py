"""Benchmark: the clinician report for a one-year diary (four entries a day).

Stores a year of made-up entries for one user in a fresh SQLite database, then times each step
of a report as the web app and the CLI run it: loading the period, the analysis, the charts,
the HTML and the PDF (WeasyPrint), and prints the figures with the PDF's page count.

``--commands`` times whole ``lems report`` commands instead (issue 19: a year's report under
1 s as HTML and 2 s as PDF), each a fresh process as at a terminal: **first** after the diary
changed (its charts must be drawn: a fresh copy of the database) and **repeated** (the charts
drawn by the run before are read back, reports.chart_cache), beside the baselines
``python -c pass`` and ``python -c "import sqlalchemy"`` (the floor of any command that opens
the database) from the same run, with the CPU time of each process and the load average.
``--before PATH`` times the ``src`` folder of another checkout the same way, interleaved
(``git archive main src | tar -x -C /tmp/before``).

    .venv/bin/python bench/report_speed.py [--repeat 3] [--per-day 4]
    .venv/bin/python bench/report_speed.py --commands [--repeat 5] [--before /tmp/before/src]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from bench.cli_startup import Timing, run_once  # noqa: E402
from tests.factories import year_of_entries  # noqa: E402

from lems_companion.accounts.models import User  # noqa: E402
from lems_companion.accounts.service import create_user  # noqa: E402
from lems_companion.analysis.patterns import analyze  # noqa: E402
from lems_companion.db.engine import session_scope, upgrade  # noqa: E402
from lems_companion.diary.service import add_entries  # noqa: E402
from lems_companion.reports.charts import charts  # noqa: E402
from lems_companion.reports.report import (  # noqa: E402
    REPORT_CSS,
    build_report,
    html_to_pdf,
    render_report_html,
    report_pages,
)
from lems_companion.reports.service import load_period  # noqa: E402

T = TypeVar("T")
EMAIL = "bench@example.org"


def timed(step: Callable[[], T], repeat: int) -> tuple[T, list[float]]:
    """Return the step's last result and its run times in seconds."""
    times = []
    result: T | None = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = step()
        times.append(time.perf_counter() - start)
    assert result is not None
    return result, times


PREPARE = """
import sys
from tests.factories import year_of_entries
from lems_companion.accounts.service import create_user
from lems_companion.db.engine import session_scope, upgrade
from lems_companion.diary.service import add_entries
url = sys.argv[1]
upgrade(url)
with session_scope(url) as db:
    owner = create_user(db, email=sys.argv[2], password="benchmark password", time_zone="UTC")
    add_entries(db, owner=owner, items=year_of_entries(per_day=int(sys.argv[3])))
"""
# Issue 19, goal 4: a year's report as a whole command.
GOALS_S = {"html": 1.0, "pdf": 2.0}


def commands(args: argparse.Namespace) -> None:
    """Time whole ``lems report`` commands, first and repeated, and print them with baselines."""
    trees = {"after": REPO_ROOT / "src"} | (
        {"before": args.before.resolve()} if args.before else {}
    )
    python = sys.executable
    baselines = {
        "python -c pass": [python, "-c", "pass"],
        "python -c 'import sqlalchemy'": [python, "-c", "import sqlalchemy"],
    }
    with tempfile.TemporaryDirectory() as folder:
        pristine = {}
        for tree, path in trees.items():
            # Each tree makes its own database, at its own migrations, from the same entries.
            pristine[tree] = Path(folder) / f"{tree}.sqlite3"
            env = os.environ | {"PYTHONPATH": f"{path}{os.pathsep}{REPO_ROOT}"}
            url = f"sqlite:///{pristine[tree]}"
            argv = [python, "-c", PREPARE, url, EMAIL, str(args.per_day)]
            subprocess.run(argv, env=env, check=True)

        def report(fmt: str, database: Path) -> list[str]:
            lems = [python, "-m", "lems_companion", "--db", f"sqlite:///{database}", "report"]
            return [*lems, "--user", EMAIL, "--format", fmt, "-o", f"{folder}/report.{fmt}"]

        timings = {key: Timing() for key in baselines}
        kinds = [(fmt, when) for fmt in ("html", "pdf") for when in ("first", "repeated")]
        timings |= {(tree, fmt, when): Timing() for tree in trees for fmt, when in kinds}
        load_before = os.getloadavg()
        for argv in baselines.values():
            run_once(argv, REPO_ROOT, Timing())  # warm the file cache
        for _ in range(args.repeat):
            for name, argv in baselines.items():
                run_once(argv, REPO_ROOT, timings[name])
            for tree, path in trees.items():
                for fmt in ("html", "pdf"):
                    database = Path(folder) / f"{tree}-{fmt}.sqlite3"
                    shutil.copy(pristine[tree], database)  # a diary whose charts are not drawn
                    run_once(report(fmt, database), path, timings[(tree, fmt, "first")])
                    run_once(report(fmt, database), path, timings[(tree, fmt, "repeated")])
        load_after = os.getloadavg()

    print(
        f"whole commands, a year ({args.per_day} entries a day), {args.repeat} runs each, "
        f"interleaved; {os.cpu_count()} CPUs; load average {load_before[0]:.1f} before, "
        f"{load_after[0]:.1f} after"
    )
    print("median wall-clock s, CPU s (x the CPU of import sqlalchemy in this run)")
    floor = statistics.median(timings["python -c 'import sqlalchemy'"].cpu)
    for name in baselines:
        wall, cpu = (
            statistics.median(values) for values in (timings[name].wall, timings[name].cpu)
        )
        print(f"{name:<40} {wall:7.3f} {cpu:7.3f} ({cpu / floor:5.2f}x)")
    for fmt, when in kinds:
        for tree in trees:
            timing = timings[(tree, fmt, when)]
            wall, cpu = statistics.median(timing.wall), statistics.median(timing.cpu)
            name = f"lems report {fmt.upper()}, {when} ({tree})"
            goal = f"goal < {GOALS_S[fmt]:.0f} s"
            print(f"{name:<40} {wall:7.3f} {cpu:7.3f} ({cpu / floor:5.2f}x)   {goal}")


def main() -> None:
    """Run the benchmark and print one line per step."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="Runs per step (default 3).")
    parser.add_argument("--per-day", type=int, default=4, help="Entries a day, 1-4 (default 4).")
    parser.add_argument(
        "--commands", action="store_true", help="Time whole lems report commands instead."
    )
    parser.add_argument(
        "--before", type=Path, help="With --commands: the src folder of another checkout."
    )
    args = parser.parse_args()
    if args.commands:
        commands(args)
        return
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        upgrade(url)
        items = year_of_entries(per_day=args.per_day)
        with session_scope(url) as db:
            owner = create_user(db, email=EMAIL, password="benchmark password", time_zone="UTC")
            add_entries(db, owner=owner, items=items)

        def load() -> object:
            with session_scope(url) as db:
                user = db.query(User).filter_by(email=EMAIL).one()
                return load_period(db, owner=user)

        period, load_times = timed(load, args.repeat)
        entries = period.entries  # type: ignore[attr-defined]
        analysis, analysis_times = timed(lambda: analyze(entries), args.repeat)
        _, chart_times = timed(lambda: charts(entries, analysis), args.repeat)
        report, build_times = timed(
            lambda: build_report(
                entries, flags=[], investigations=[], patient=EMAIL, time_zone="UTC"
            ),
            args.repeat,
        )
        html, html_times = timed(lambda: render_report_html(report), args.repeat)
        linked = render_report_html(report, stylesheet=REPORT_CSS.as_uri())
        pdf, pdf_times = timed(lambda: html_to_pdf(linked), args.repeat)
        pages = len(report_pages(report))

    def line(name: str, times: list[float]) -> None:
        print(f"{name:<34} median {statistics.median(times):7.3f} s   max {max(times):7.3f} s")

    print(f"one-year diary: {len(items)} entries ({args.per_day} a day), {args.repeat} runs each")
    line("load entries (SQLite)", load_times)
    line("analysis", analysis_times)
    line("charts (4 SVGs)", chart_times)
    line("report = analysis + charts", build_times)
    line("HTML", html_times)
    line("PDF (WeasyPrint)", pdf_times)
    total = [sum(t) for t in zip(load_times, build_times, html_times, pdf_times, strict=True)]
    line("total: load + report + HTML + PDF", total)
    print(f"HTML {len(html) / 1024:.0f} KiB, PDF {len(pdf) / 1024:.0f} KiB, {pages} pages")


if __name__ == "__main__":
    main()
