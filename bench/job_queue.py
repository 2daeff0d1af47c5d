"""Benchmark: queued mails per second through `lems worker` processes on PostgreSQL, with 1 and
3 workers, beside the baseline of the same mails sent straight from one process (no queue).

A real SMTP server (aiosmtpd) runs in this process; each worker is a fresh `python -m
lems_companion worker`. Needs PostgreSQL (LEMS_TEST_POSTGRES_URL, default the local server).

    .venv/bin/python bench/job_queue.py [--mails 300]
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO_ROOT), str(REPO_ROOT / "src")]

import psycopg  # noqa: E402
from aiosmtpd.controller import Controller  # noqa: E402
from sqlalchemy import func, select  # noqa: E402
from tests.conftest import POSTGRES_ADMIN_URL  # noqa: E402
from tests.messaging.conftest import Inbox, _free_port  # noqa: E402

from lems_companion.db.engine import get_engine, session_scope, upgrade  # noqa: E402
from lems_companion.jobs.models import Job  # noqa: E402
from lems_companion.jobs.queue import enqueue  # noqa: E402
from lems_companion.messaging import outbox  # noqa: E402
from lems_companion.settings import Settings  # noqa: E402


def queue(url: str, count: int) -> None:
    with session_scope(url) as db:
        for number in range(count):
            payload = {
                "to": f"p{number}@example.org",
                "subject": f"mail {number}",
                "text": "Hello.",
                "html": "<p>Hello.</p>",
                "kind": "bench",
            }
            enqueue(db, "mail", payload)


def done(url: str) -> int:
    with session_scope(url) as db:
        return db.scalar(select(func.count()).select_from(Job).where(Job.status == "done")) or 0


def with_workers(url: str, port: int, workers: int, count: int) -> float:
    queue(url, count)
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO_ROOT / "src"),
        "LEMS_SMTP_URL": f"smtp://127.0.0.1:{port}",
    }
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "lems_companion", "--db", url, "worker", "--poll", "0.05"],
            env=env,
            stdout=subprocess.DEVNULL,
        )
        for _ in range(workers)
    ]
    before = done(url)
    while done(url) == before:  # started: the first job is through
        time.sleep(0.05)
    started, first = time.perf_counter(), done(url)
    while done(url) < before + count:
        time.sleep(0.05)
    elapsed = time.perf_counter() - started
    for process in processes:
        process.send_signal(signal.SIGTERM)
        process.wait()
    return (before + count - first) / elapsed


def direct(port: int, count: int) -> float:
    settings = Settings(smtp_url=f"smtp://127.0.0.1:{port}")
    started = time.perf_counter()
    for number in range(count):
        message = outbox.compose(
            settings,
            to=f"p{number}@example.org",
            subject=f"direct {number}",
            text="Hello.",
            html="<p>Hello.</p>",
        )
        outbox.send(settings, message, kind="bench")
    return count / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mails", type=int, default=300)
    args = parser.parse_args()
    name = f"lems_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    port = _free_port()
    controller = Controller(Inbox(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        upgrade(url)
        print(f"load average {os.getloadavg()[0]:.1f}; {args.mails} mails each")
        print(f"baseline, sent directly from one process: {direct(port, args.mails):6.1f} mails/s")
        for workers in (1, 3):
            rate = with_workers(url, port, workers, args.mails)
            print(f"{workers} lems worker process(es), queued in PostgreSQL: {rate:6.1f} mails/s")
    finally:
        controller.stop()
        get_engine(url).dispose()
        with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
