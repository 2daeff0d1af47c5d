"""`lems worker` processes on PostgreSQL: every queued mail is sent exactly once, even when a
worker is killed in the middle of a send (its lease ends and another worker sends the mail).

Real processes, a real SMTP server (aiosmtpd) in the test process. Prints the throughput that
docs/deployment.md quotes.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import func, select

from lems_companion.db.engine import session_scope
from lems_companion.jobs.models import Job
from lems_companion.jobs.queue import enqueue
from tests.conftest import REPO_ROOT
from tests.messaging.conftest import Inbox, smtp_server  # noqa: F401 - the fixture

WORKERS = 3
MAILS = 1_000
# Three workers each import the app; on a busy machine that takes a while.
DEADLINE_SECONDS = 300


def queue_mails(db_url: str, count: int) -> None:
    with session_scope(db_url) as db:
        for number in range(count):
            payload = {
                "to": f"person{number}@example.org",
                "subject": f"mail {number}",
                "text": "Hello.",
                "html": "<p>Hello.</p>",
                "kind": "test",
            }
            enqueue(db, "mail", payload)


@contextmanager
def workers(db_url: str, port: int, *, lease: float) -> Iterator[list[subprocess.Popen[bytes]]]:
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO_ROOT / "src"),
        "LEMS_SMTP_URL": f"smtp://127.0.0.1:{port}",
        "LEMS_MAIL_FROM": "LEMS Companion <lems@lems.example.org>",
    }
    command = [sys.executable, "-m", "lems_companion", "--db", db_url, "worker"]
    processes = [
        subprocess.Popen(
            [*command, "--poll", "0.2", "--lease", str(lease)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(WORKERS)
    ]
    try:
        yield processes
    finally:
        for process in processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in processes:
            process.wait(timeout=60)


def wait_for(condition: Any, what: str) -> None:
    deadline = time.monotonic() + DEADLINE_SECONDS
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)


def statuses(db_url: str) -> dict[str, int]:
    with session_scope(db_url) as db:
        return dict(db.execute(select(Job.status, func.count()).group_by(Job.status)).all())


@pytest.fixture
def pg_url(db_url: str) -> str:
    if not db_url.startswith("postgresql"):
        pytest.skip("several `lems worker` processes are for PostgreSQL (SQLite: `lems serve`)")
    return db_url


def test_three_workers_send_a_thousand_mails_each_exactly_once(
    pg_url: str,
    smtp_server: tuple[Inbox, int],  # noqa: F811
) -> None:
    inbox, port = smtp_server
    inbox.clear()
    queue_mails(pg_url, MAILS)
    with workers(pg_url, port, lease=120):
        wait_for(lambda: len(inbox.messages) >= 1, "the first mail")
        started = time.monotonic()
        wait_for(lambda: statuses(pg_url).get("done", 0) == MAILS, "every job done")
        elapsed = time.monotonic() - started
    subjects = Counter(str(message["Subject"]) for message in inbox.messages)
    assert len(subjects) == MAILS
    assert set(subjects.values()) == {1}
    assert statuses(pg_url) == {"done": MAILS}
    print(f"\n{WORKERS} workers sent {MAILS} mails in {elapsed:.1f} s: {MAILS / elapsed:.0f}/s")


class StallingInbox(Inbox):
    """Holds the first copy of one message without answering, as a slow server would."""

    def __init__(self, subject: str) -> None:
        super().__init__()
        self.subject = subject
        self.stalled = False

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if f"Subject: {self.subject}\r\n".encode() in envelope.content and not self.stalled:
            self.stalled = True
            await asyncio.sleep(30)  # the sender is killed meanwhile: nothing is delivered
            return "451 try again later"
        return await super().handle_DATA(server, session, envelope)


def test_a_worker_killed_mid_send_loses_no_mail(pg_url: str) -> None:
    from aiosmtpd.controller import Controller

    from tests.messaging.conftest import _free_port

    inbox = StallingInbox("mail 7")
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        queue_mails(pg_url, 50)
        with workers(pg_url, port, lease=3) as processes:
            wait_for(lambda: inbox.stalled, "the stalled send")
            with session_scope(pg_url) as db:
                holder = db.scalar(
                    select(Job.locked_by).where(Job.payload["subject"].as_string() == "mail 7")
                )
            assert holder is not None
            pid = int(holder.split(":")[1])
            assert pid in {process.pid for process in processes}
            os.kill(pid, signal.SIGKILL)
            wait_for(lambda: statuses(pg_url).get("done", 0) == 50, "every job done")
    finally:
        controller.stop()
    subjects = Counter(str(message["Subject"]) for message in inbox.messages)
    assert len(subjects) == 50
    assert set(subjects.values()) == {1}
    with session_scope(pg_url) as db:
        retried = db.scalar(
            select(Job.attempts).where(Job.payload["subject"].as_string() == "mail 7")
        )
    assert retried == 2  # taken over once its lease ended
