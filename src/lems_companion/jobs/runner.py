"""Running queued jobs: in a thread of ``lems serve`` (SQLite) or in ``lems worker`` processes.

Each job runs in its own transaction, which also marks it done: what the handler writes (for
instance the next reminder, or one mail job per recipient) and "done" are committed together or
not at all. A handler that raises is retried with back-off (jobs.queue.mark_failed).
"""

from __future__ import annotations

import dataclasses
import logging
import os
import socket
import threading
import uuid
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy.orm import Session

from lems_companion.db.engine import get_engine, new_session
from lems_companion.jobs import queue
from lems_companion.logs import error_summary, errors_log, log_event

Handler = Callable[[Session, dict[str, Any]], None]
jobs_log = logging.getLogger("lems_companion.jobs")
# How long an idle worker waits before looking for due work again.
DEFAULT_POLL_SECONDS = 1.0


class PermanentError(Exception):
    """A job that can never succeed (e.g. its account is gone): failed at once, not retried."""


def worker_name() -> str:
    """Return a name unique to this worker: host, process and a random part."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


class Runner:
    """Claims due jobs one at a time and runs each with the handler of its kind."""

    def __init__(
        self,
        url: str,
        handlers: Mapping[str, Handler],
        *,
        worker: str | None = None,
        lease_seconds: float = queue.DEFAULT_LEASE_SECONDS,
        poll_seconds: float = DEFAULT_POLL_SECONDS,
        backoff_base: float | None = None,
    ) -> None:
        self.url = url
        self.handlers = dict(handlers)
        self.worker = worker or worker_name()
        self.lease_seconds = lease_seconds
        self.poll_seconds = poll_seconds
        self.backoff_base = backoff_base
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def run_one(self) -> bool:
        """Claim and run one due job; False when none was due."""
        engine = get_engine(self.url)
        job = queue.claim(engine, worker=self.worker, lease_seconds=self.lease_seconds)
        if job is None:
            return False
        if job.attempts > job.max_attempts:
            # Claimed again after its worker died too often: stop trying, show it to the admin.
            queue.mark_failed(engine, job, worker=self.worker, error="the worker stopped mid-job")
            return True
        handler = self.handlers.get(job.kind)
        db = new_session(self.url)
        try:
            if handler is None:
                raise PermanentError(f"no handler for jobs of kind {job.kind!r}")
            handler(db, job.payload)
            if queue.mark_done(db, job, worker=self.worker):
                db.commit()
            else:
                db.rollback()
                log_event(jobs_log, "job_lease_lost", job_id=job.id, kind=job.kind)
        except Exception as error:
            db.rollback()
            if isinstance(error, PermanentError):
                job = dataclasses.replace(job, attempts=job.max_attempts)
            status = queue.mark_failed(
                engine,
                job,
                worker=self.worker,
                error=f"{type(error).__name__}: {error}",
                backoff_base=self.backoff_base,
            )
            # The type only: a message can quote an address (docs/deployment.md lists events).
            log_event(
                jobs_log,
                "job_failed",
                job_id=job.id,
                kind=job.kind,
                error=type(error).__name__,
                status=status,
            )
        finally:
            db.close()
        return True

    def run_pending(self, *, limit: int = 10_000) -> int:
        """Run due jobs until none is left (or ``limit`` ran); return how many ran."""
        ran = 0
        while ran < limit and self.run_one():
            ran += 1
        return ran

    def run_forever(self) -> None:
        """Run due jobs until stopped, waiting ``poll_seconds`` whenever none is due."""
        while not self._stop.is_set():
            try:
                if self.run_one():
                    continue
            except Exception as error:  # e.g. the database restarting: wait, then go on
                errors_log.error("job runner error\n%s", error_summary(error))
            self._stop.wait(self.poll_seconds)

    def stop(self) -> None:
        """Ask the loop to stop after the job in hand; joins the thread when there is one."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=self.lease_seconds)
            self._thread = None

    def start_thread(self) -> None:
        """Run the loop in a daemon thread (``lems serve`` on SQLite)."""
        self._stop.clear()
        self._thread = threading.Thread(target=self.run_forever, name="lems-jobs", daemon=True)
        self._thread.start()
