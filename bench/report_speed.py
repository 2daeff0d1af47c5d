"""Benchmark: the clinician report for a one-year diary (four entries a day).

Stores a year of made-up entries for one user in a fresh SQLite database, then times each step
of a report as the web app and the CLI run it: loading the period, the analysis, the charts,
the HTML and the PDF (WeasyPrint), and prints the figures with the PDF's page count.

    .venv/bin/python bench/report_speed.py [--repeat 3] [--per-day 4]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

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


def main() -> None:
    """Run the benchmark and print one line per step."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="Runs per step (default 3).")
    parser.add_argument("--per-day", type=int, default=4, help="Entries a day, 1-4 (default 4).")
    args = parser.parse_args()
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
