"""Single-user figures at scale: page and API latency over HTTP, the report, and query plans.

Run after ``scale_data.py`` has loaded the preset (and the ``one`` preset, the baseline):

    .venv/bin/python bench/scale_measure.py --preset full [--requests 300]

It prints, for the preset's database:
1. the latency (p50, p95, p99, max) of one user at a time over HTTP against one uvicorn worker on
   loopback: the timeline page (first page and a page deep in the year, by keyset cursor) and the
   entries API (first page, and a one-month window), each request signed in as one of a sample of
   patients spread over the table;
2. the one-year report (``owner_report`` + ``render_report_html``, in process, and ``load_period``)
   for a patient here and for the single patient of the ``one`` preset;
3. EXPLAIN (ANALYZE, BUFFERS) of the exact SQL those calls send, captured from the engine.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import psycopg
from sqlalchemy import Engine, event, select

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from scale_common import (  # noqa: E402
    BENCH_PASSWORD,
    PRESETS,
    app_server,
    cpu_seconds,
    database_name,
    database_url,
    email_for,
    libpq_url,
    percentile,
    server_pids,
)

from lems_companion.accounts.models import User  # noqa: E402
from lems_companion.accounts.service import resolve_session, start_session  # noqa: E402
from lems_companion.db.engine import get_engine, session_scope  # noqa: E402
from lems_companion.diary.models import Entry  # noqa: E402
from lems_companion.diary.schemas import EntryCreate  # noqa: E402
from lems_companion.diary.service import _earlier, page_entries, red_flags  # noqa: E402
from lems_companion.reports.report import render_report_html  # noqa: E402
from lems_companion.reports.service import load_period, owner_report  # noqa: E402

# Patients signed in for the HTTP figures, spread evenly over the ids (one request at a time).
SAMPLE_PATIENTS = 20
WARM_UP_REQUESTS = 20
# How deep the "deep page" is: this many pages of 50 into the diary (about four months back).
DEEP_PAGE = 10
REPORT_DAYS = 365
REPORT_RUNS = 5
# Plan lines are cut to this width (long IN lists of ids say nothing more past the first few).
PLAN_WIDTH = 160
# The column list of a SELECT (every column of the table; the plan is what matters here).
COLUMN_LIST = re.compile(r"^SELECT .+? FROM ")
# "IN (%(primary_keys_1)s::INTEGER, ...)" as SQLAlchemy's select-in loading sends it.
IN_LIST = re.compile(r"IN \((%\(primary_keys_1\)s::INTEGER)(, %\(primary_keys_\d+\)s::INTEGER)*\)")


def sample_numbers(patients: int) -> list[int]:
    """Return the patient numbers of the sample, spread over the whole table."""
    count = min(SAMPLE_PATIENTS, patients)
    return sorted({round(i * (patients - 1) / max(1, count - 1)) for i in range(count)})


def sign_in(client: httpx.Client, email: str) -> tuple[dict[str, str], dict[str, str]]:
    """Return (web cookies, API headers) for this patient, signed in over HTTP."""
    response = client.post("/login", data={"email": email, "password": BENCH_PASSWORD})
    if response.status_code != 303:
        raise RuntimeError(f"sign-in of {email} answered {response.status_code}")
    cookies = {"lems_session": response.cookies["lems_session"]}
    token = client.post("/api/v1/token", data={"username": email, "password": BENCH_PASSWORD})
    return cookies, {"Authorization": f"Bearer {token.json()['access_token']}"}


def deep_cursor(client: httpx.Client, headers: dict[str, str]) -> str:
    """Return the API cursor DEEP_PAGE pages into this patient's diary."""
    cursor = ""
    for _ in range(DEEP_PAGE):
        params = {"cursor": cursor} if cursor else {}
        cursor = client.get("/api/v1/entries", params=params, headers=headers).json()["next_cursor"]
    return cursor


@dataclass(frozen=True)
class Figures:
    """One request kind's latencies (seconds) and the server's CPU seconds per request."""

    latencies: list[float]
    cpu_per_request: float


def http_figures(url: str, patients: int, requests: int) -> dict[str, Figures]:
    """Return the figures of each measured request kind, sent one request at a time."""
    month_ago = (datetime.now(UTC) - timedelta(days=30)).isoformat()
    with app_server(url, workers=1) as server, httpx.Client(base_url=server.url) as client:
        people = []
        for number in sample_numbers(patients):
            cookies, headers = sign_in(client, email_for(number))
            people.append((cookies, headers, deep_cursor(client, headers)))
        kinds: dict[str, Callable[[int], httpx.Response]] = {
            "GET /diary": lambda i: client.get("/diary", cookies=people[i][0]),
            f"GET /diary?cursor= (page {DEEP_PAGE + 1})": lambda i: client.get(
                "/diary", params={"cursor": people[i][2]}, cookies=people[i][0]
            ),
            "GET /api/v1/entries": lambda i: client.get("/api/v1/entries", headers=people[i][1]),
            "GET /api/v1/entries?since= (30 days)": lambda i: client.get(
                "/api/v1/entries", params={"since": month_ago}, headers=people[i][1]
            ),
        }
        figures: dict[str, Figures] = {}
        pids = [server.pid, *server_pids(server.pid)]
        for name, send in kinds.items():
            for i in range(WARM_UP_REQUESTS):
                send(i % len(people))
            cpu_before = sum(cpu_seconds(pid) for pid in pids)
            latencies = []
            for i in range(requests):
                started = time.perf_counter()
                response = send(i % len(people))
                latencies.append(time.perf_counter() - started)
                if response.status_code != 200:
                    raise RuntimeError(f"{name} answered {response.status_code}")
            cpu = sum(cpu_seconds(pid) for pid in pids) - cpu_before
            figures[name] = Figures(latencies=latencies, cpu_per_request=cpu / requests)
    return figures


def report_seconds(url: str, number: int) -> tuple[float, float, int]:
    """Return the seconds of load_period, of the whole report to HTML, and the entries in it.

    The whole report is ``owner_report`` (what the web page, the CLI and share links call)
    rendered by ``render_report_html``; load_period is timed on its own as well.
    """
    until = datetime.now(UTC) + timedelta(days=1)
    since = until - timedelta(days=REPORT_DAYS)
    with session_scope(url) as db:
        user = db.scalars(select(User).where(User.email == email_for(number))).one()
        started = time.perf_counter()
        period = load_period(db, owner=user, since=since, until=until)
        loaded = time.perf_counter() - started
        started = time.perf_counter()
        render_report_html(owner_report(db, owner=user, since=since, until=until))
        return loaded, time.perf_counter() - started, len(period.entries)


@contextmanager
def captured(engine: Engine) -> Iterator[list[tuple[str, Any]]]:
    """Yield a list that fills with each (SQL, parameters) the engine sends meanwhile."""
    statements: list[tuple[str, Any]] = []

    def remember(*args: Any) -> None:
        statements.append((args[2], args[3]))

    event.listen(engine, "before_cursor_execute", remember)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", remember)


def plans(url: str, number: int) -> dict[str, list[tuple[str, str]]]:
    """Return, per app call, each SQL statement it sends and its EXPLAIN ANALYZE output."""
    engine = get_engine(url)
    until = datetime.now(UTC) + timedelta(days=1)
    calls: dict[str, list[tuple[str, Any]]] = {}
    with session_scope(url) as db:
        user = db.scalars(select(User).where(User.email == email_for(number))).one()
        token, _ = start_session(db, user=user, kind="web", days=1)
        db.flush()
        first = page_entries(db, owner=user)
        cursor = first.next_cursor
        for _ in range(DEEP_PAGE - 1):
            cursor = page_entries(db, owner=user, cursor=cursor).next_cursor
        db.expunge_all()
        probes: dict[str, Callable[[], object]] = {
            "session lookup (every signed-in request)": lambda: resolve_session(
                db, token, kind="web"
            ),
            "timeline / API first page (page_entries)": lambda: page_entries(db, owner=user),
            f"timeline / API page {DEEP_PAGE + 1} by keyset cursor": lambda: page_entries(
                db, owner=user, cursor=cursor
            ),
            "one-year period for analysis and report (load_period)": lambda: load_period(
                db, owner=user, since=until - timedelta(days=REPORT_DAYS), until=until
            ),
            "new entry: triage's look back (previous entry, six months of weights)": lambda: (
                _earlier(db, _new_row(user))
            ),
            "red-flag history (red_flags)": lambda: red_flags(db, owner=user),
        }
        for name, probe in probes.items():
            db.expunge_all()
            with captured(engine) as statements:
                probe()
            calls[name] = statements
        db.rollback()
    explained: dict[str, list[tuple[str, str]]] = {}
    with psycopg.connect(libpq_url(url)) as connection:
        for name, statements in calls.items():
            explained[name] = []
            for sql, parameters in statements:
                rows = connection.execute(
                    f"EXPLAIN (ANALYZE, BUFFERS) {sql}",
                    parameters,
                ).fetchall()
                explained[name].append((sql, "\n".join(row[0] for row in rows)))
        connection.rollback()
    return explained


def _new_row(user: User) -> Entry:
    """Return an unsaved entry of now, as ``add_entry`` builds it before triage."""
    data = EntryCreate.model_validate({"recorded_at": datetime.now(UTC).isoformat()})
    return Entry(user_id=user.id, recorded_at=data.recorded_at, weight_kg=None)


def shorten(line: str) -> str:
    """Return a plan line cut to PLAN_WIDTH characters."""
    return line if len(line) <= PLAN_WIDTH else line[: PLAN_WIDTH - 3] + "..."


def ms(values: list[float], share: float) -> str:
    """Return a percentile of these seconds in milliseconds, formatted."""
    return f"{percentile(values, share) * 1000:8.1f}"


def main() -> None:
    """Measure and print the figures and the plans."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--preset", choices=sorted(PRESETS), default="small", help="Database.")
    parser.add_argument("--baseline", choices=sorted(PRESETS), default="one", help="Compare.")
    parser.add_argument("--requests", type=int, default=300, help="Requests per kind.")
    parser.add_argument("--no-plans", action="store_true", help="Skip EXPLAIN ANALYZE.")
    options = parser.parse_args()
    url = database_url(options.preset)
    patients = PRESETS[options.preset]
    with psycopg.connect(libpq_url(url)) as connection:
        counted = connection.execute("SELECT count(*) FROM users").fetchone()
        total = connection.execute(
            "SELECT reltuples::bigint FROM pg_class WHERE relname = 'entries'"
        ).fetchone()
    assert counted is not None and total is not None
    print(f"{database_name(options.preset)}: {counted[0]:,} patients, ~{total[0]:,} entries\n")

    figures = http_figures(url, patients, options.requests)
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(
        f"Single user over HTTP (one uvicorn worker, loopback, {options.requests} requests each; "
        f"{os.cpu_count()} cores, load average {load})"
    )
    header = (
        f"{'request':<40} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8} {'CPU ms':>8}"
    )
    print(header + "\n" + "-" * len(header))
    for name, found in figures.items():
        values = found.latencies
        print(
            f"{name:<40} {ms(values, 0.5)} {ms(values, 0.95)} {ms(values, 0.99)} "
            f"{max(values) * 1000:8.1f} {found.cpu_per_request * 1000:8.1f}"
        )
    print("(CPU ms: the server process's CPU time per request, whatever else the machine runs)")

    middle = patients // 2
    print(f"\nOne-year report, in process (median of {REPORT_RUNS} runs, taken in turns)")
    header = f"{'database':<20} {'entries':>8} {'load_period ms':>15} {'report to HTML ms':>18}"
    print(header + "\n" + "-" * len(header))
    targets = ((options.preset, middle), (options.baseline, 0))
    runs: dict[str, list[tuple[float, float, int]]] = {preset: [] for preset, _ in targets}
    for _ in range(REPORT_RUNS + 1):  # the first turn warms caches and is not counted
        for preset, number in targets:
            runs[preset].append(report_seconds(database_url(preset), number))
    for preset, taken in runs.items():
        kept = taken[1:]
        print(
            f"{database_name(preset):<20} {kept[0][2]:>8} "
            f"{statistics.median(run[0] for run in kept) * 1000:>15.1f} "
            f"{statistics.median(run[1] for run in kept) * 1000:>18.1f}"
        )

    if options.no_plans:
        return
    print(f"\nQuery plans for patient {email_for(middle)} (EXPLAIN (ANALYZE, BUFFERS), warm)")
    for name, statements in plans(url, middle).items():
        print(f"\n### {name}\n")
        for sql, plan in statements:
            shown = COLUMN_LIST.sub("SELECT ... FROM ", " ".join(sql.split()))
            print("    " + IN_LIST.sub(r"IN (\1, ...)", shown))
            print("\n".join("    " + shorten(line) for line in plan.splitlines()))
            print()


if __name__ == "__main__":
    main()
