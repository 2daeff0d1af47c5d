"""The job queue: add work, claim it for one worker, and record how it ended.

A claim is one statement that moves a row from ``queued`` to ``running`` with this worker's name
and a lease (``locked_until``). On PostgreSQL the row is picked with ``FOR UPDATE SKIP LOCKED``,
so any number of workers claim different rows without waiting on each other; SQLite has a single
writer, so the same ``UPDATE ... WHERE status = 'queued'`` is atomic there. A worker that dies
leaves its row ``running`` until the lease ends, when another worker may claim it again
(docs/deployment.md, "Queued work").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from lems_companion.jobs.models import Job

DEFAULT_MAX_ATTEMPTS = 6
# First retry after 30 s, then 1, 2, 4 and 8 minutes: about a quarter of an hour in all, long
# enough to ride out a mail server restart, short enough that an emergency notice is not stale.
BACKOFF_BASE_SECONDS = 30.0
BACKOFF_CAP_SECONDS = 3_600.0
# How long a claimed job stays with its worker; an SMTP send times out well before.
DEFAULT_LEASE_SECONDS = 120.0
MAX_ERROR_CHARS = 2_000


@dataclass(frozen=True, slots=True)
class Claimed:
    """A job one worker holds until its lease ends."""

    id: int
    kind: str
    payload: dict[str, Any]
    attempts: int
    max_attempts: int


def enqueue(
    db: Session,
    kind: str,
    payload: dict[str, Any],
    *,
    run_at: datetime | None = None,
    key: str | None = None,
    max_attempts: int = DEFAULT_MAX_ATTEMPTS,
) -> None:
    """Queue a job in the caller's transaction; a job whose ``key`` is already queued is not
    added again. The payload must be JSON (ids and dates, never health details or secrets)."""
    json.dumps(payload)  # refuse anything JSON cannot hold before it reaches the database
    values = {
        "kind": kind,
        "payload": payload,
        "key": key,
        "run_at": run_at or datetime.now(UTC),
        "attempts": 0,
        "max_attempts": max_attempts,
        "status": "queued",
        "created_at": datetime.now(UTC),
    }
    if key is None:
        db.add(Job(**values))
        db.flush()
        return
    dialect = db.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    db.execute(insert(Job).values(**values).on_conflict_do_nothing(index_elements=["key"]))


def _claimable(now: datetime) -> Any:
    return or_(
        (Job.status == "queued") & (Job.run_at <= now),
        (Job.status == "running") & (Job.locked_until < now),
    )


def claim(engine: Engine, *, worker: str, lease_seconds: float) -> Claimed | None:
    """Return the next due job, now held by this worker, in its own committed transaction;
    None when nothing is due. A job whose lease ran out (its worker died) is due again."""
    now = datetime.now(UTC)
    pick = select(Job.id).where(_claimable(now)).order_by(Job.run_at, Job.id).limit(1)
    if engine.dialect.name == "postgresql":
        pick = pick.with_for_update(skip_locked=True)
    else:
        # SQLite: look before taking the database's one write lock, so an idle runner polling
        # every second never holds up a patient saving an entry.
        with engine.connect() as connection:
            if connection.execute(pick).first() is None:
                return None
    statement = (
        update(Job)
        .where(Job.id == pick.scalar_subquery(), _claimable(now))
        .values(
            status="running",
            locked_by=worker,
            locked_until=now + timedelta(seconds=lease_seconds),
            attempts=Job.attempts + 1,
        )
        .returning(Job.id, Job.kind, Job.payload, Job.attempts, Job.max_attempts)
        .execution_options(synchronize_session=False)
    )
    with engine.begin() as connection:
        row = connection.execute(statement).first()
    if row is None:
        return None
    return Claimed(
        id=row.id,
        kind=row.kind,
        payload=dict(row.payload or {}),
        attempts=row.attempts,
        max_attempts=row.max_attempts,
    )


def mark_done(db: Session, job: Claimed, *, worker: str) -> bool:
    """Mark the job done in the caller's transaction (with whatever the handler wrote); False
    when this worker no longer holds it (its lease ran out and another worker claimed it)."""
    result = db.execute(
        update(Job)
        .where(Job.id == job.id, Job.locked_by == worker, Job.status == "running")
        .values(
            status="done",
            locked_by=None,
            locked_until=None,
            last_error=None,
            finished_at=datetime.now(UTC),
        )
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0) == 1)


def backoff_seconds(attempts: int) -> float:
    """Return how long to wait before the next try after this many tries (exponential)."""
    return float(min(BACKOFF_BASE_SECONDS * 2 ** max(attempts - 1, 0), BACKOFF_CAP_SECONDS))


def mark_failed(
    engine: Engine, job: Claimed, *, worker: str, error: str, backoff_base: float | None = None
) -> str:
    """Record a failed try in its own transaction: queued again after a back-off, or failed for
    good after the last try. Returns the new status ("queued" or "failed")."""
    now = datetime.now(UTC)
    base = BACKOFF_BASE_SECONDS if backoff_base is None else backoff_base
    delay = min(base * 2 ** max(job.attempts - 1, 0), BACKOFF_CAP_SECONDS)
    final = job.attempts >= job.max_attempts
    values: dict[str, Any] = {
        "status": "failed" if final else "queued",
        "locked_by": None,
        "locked_until": None,
        "last_error": error[:MAX_ERROR_CHARS],
    }
    if final:
        values["finished_at"] = now
    else:
        values["run_at"] = now + timedelta(seconds=delay)
    with engine.begin() as connection:
        connection.execute(
            update(Job)
            .where(Job.id == job.id, Job.locked_by == worker, Job.status == "running")
            .values(**values)
        )
    return str(values["status"])


def failed_jobs(db: Session, *, limit: int = 200) -> list[Job]:
    """Return the jobs that failed for good, newest first. One query."""
    query = select(Job).where(Job.status == "failed").order_by(Job.finished_at.desc(), Job.id)
    return list(db.scalars(query.limit(limit)))


def retry_job(db: Session, job_id: int) -> bool:
    """Queue a failed job again for a fresh set of tries; False when no failed job has this id."""
    result = db.execute(
        update(Job)
        .where(Job.id == job_id, Job.status == "failed")
        .values(status="queued", attempts=0, run_at=datetime.now(UTC), finished_at=None)
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0) == 1)


# Why a restored job is held: it may already have run after the backup was taken (an e-mail sent
# twice, an old emergency notice arriving days late); an admin decides with `lems jobs retry`.
RESTORED_JOB_ERROR = (
    "held back after a restore from a backup: it may have run before the backup was restored; "
    "`lems jobs retry ID` runs it again"
)


def hold_restored_jobs(connection: Connection) -> int:
    """Mark every job a restored backup left queued or running as failed; return how many.

    Nothing is silently dropped (``lems jobs list --failed`` shows them with the reason) and
    nothing runs twice unasked."""
    result = connection.execute(
        update(Job)
        .where(Job.status.in_(("queued", "running")))
        .values(
            status="failed",
            locked_by=None,
            locked_until=None,
            last_error=RESTORED_JOB_ERROR,
            finished_at=datetime.now(UTC),
        )
    )
    return int(getattr(result, "rowcount", 0) or 0)


def counts(db: Session) -> dict[str, int]:
    """Return how many jobs are in each status. One query."""
    rows = db.execute(select(Job.status, func.count()).group_by(Job.status))
    return {status: count for status, count in rows}
