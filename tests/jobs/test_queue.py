"""Queued work runs once, is retried with back-off, and what fails for good is shown."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from lems_companion.cli import app
from lems_companion.db.engine import get_engine, session_scope
from lems_companion.jobs import queue
from lems_companion.jobs.models import Job
from lems_companion.jobs.runner import Runner


def _jobs(db_url: str) -> list[Job]:
    with session_scope(db_url) as db:
        return list(db.scalars(select(Job).order_by(Job.id)))


def test_a_queued_job_runs_once_with_what_it_wrote_committed(db_url: str) -> None:
    seen: list[dict[str, Any]] = []

    def record(db: Session, payload: dict[str, Any]) -> None:
        seen.append(payload)
        queue.enqueue(db, "follow_up", {"after": payload["n"]})

    with session_scope(db_url) as db:
        queue.enqueue(db, "record", {"n": 1})
    handlers = {"record": record, "follow_up": lambda db, p: None}
    first = Runner(db_url, handlers)
    assert first.run_one() is True
    assert Runner(db_url, handlers).run_pending() == 1  # only the follow-up
    assert first.run_pending() == 0
    assert seen == [{"n": 1}]
    assert [(job.kind, job.status, job.attempts) for job in _jobs(db_url)] == [
        ("record", "done", 1),
        ("follow_up", "done", 1),
    ]


def test_a_failing_job_is_retried_with_back_off_then_shown_to_the_admin(db_url: str) -> None:
    def broken(db: Session, payload: dict[str, Any]) -> None:
        queue.enqueue(db, "never", {})  # rolled back with the failure
        raise ConnectionRefusedError("mail server down")

    with session_scope(db_url) as db:
        queue.enqueue(db, "send", {}, max_attempts=3)
    runner = Runner(db_url, {"send": broken}, backoff_base=60)
    before = datetime.now(UTC)
    assert runner.run_one() is True
    [job] = _jobs(db_url)
    assert (job.status, job.attempts) == ("queued", 1)
    assert before + timedelta(seconds=59) < job.run_at < before + timedelta(seconds=65)
    assert runner.run_one() is False  # not due yet: backing off
    for tries in (2, 3):
        with session_scope(db_url) as db:
            db.execute(update(Job).values(run_at=datetime.now(UTC)))
        assert runner.run_one() is True
        [job] = _jobs(db_url)
        assert job.attempts == tries
        if tries == 2:  # the second wait is twice the first
            assert job.run_at > datetime.now(UTC) + timedelta(seconds=115)
    assert job.status == "failed"
    assert job.last_error == "ConnectionRefusedError: mail server down"
    result = CliRunner().invoke(app, ["--db", db_url, "jobs", "list", "--failed"])
    assert result.exit_code == 0, result.output
    assert f"{job.id}\tsend\t3 tries" in result.output
    assert "mail server down" in result.output
    retried = CliRunner().invoke(app, ["--db", db_url, "jobs", "retry", str(job.id)])
    assert retried.exit_code == 0, retried.output
    assert _jobs(db_url)[0].status == "queued"


def test_a_job_whose_worker_died_is_taken_over_when_its_lease_ends(db_url: str) -> None:
    ran: list[str] = []
    with session_scope(db_url) as db:
        queue.enqueue(db, "send", {})
    engine = get_engine(db_url)
    dead = queue.claim(engine, worker="dead-worker", lease_seconds=60)
    assert dead is not None
    survivor = Runner(db_url, {"send": lambda db, p: ran.append("sent")}, worker="survivor")
    assert survivor.run_one() is False  # still leased to the dead worker
    with session_scope(db_url) as db:
        db.execute(update(Job).values(locked_until=datetime.now(UTC) - timedelta(seconds=1)))
    assert survivor.run_one() is True
    assert ran == ["sent"]
    [job] = _jobs(db_url)
    assert (job.status, job.attempts) == ("done", 2)
    # The dead worker, were it to wake up, cannot mark the job done a second time.
    with session_scope(db_url) as db:
        assert queue.mark_done(db, dead, worker="dead-worker") is False


def test_jobs_with_the_same_key_are_queued_once(db_url: str) -> None:
    with session_scope(db_url) as db:
        queue.enqueue(db, "digest", {"day": "2026-03-01"}, key="digest:1:2026-03-01")
        queue.enqueue(db, "digest", {"day": "2026-03-01"}, key="digest:1:2026-03-01")
        queue.enqueue(db, "digest", {"day": "2026-03-02"}, key="digest:1:2026-03-02")
    assert len(_jobs(db_url)) == 2


def test_an_unknown_kind_fails_at_once(db_url: str) -> None:
    with session_scope(db_url) as db:
        queue.enqueue(db, "vanished", {})
    Runner(db_url, {}).run_one()
    [job] = _jobs(db_url)
    assert (job.status, job.attempts) == ("failed", 1)
