"""``lems worker`` and ``lems jobs``: run queued work, and show the admin what failed."""

from __future__ import annotations

import signal
from typing import Any

import typer

from lems_companion.cli.common import command_group, fail, settings_from

app = command_group("Queued work: e-mail, reminders and red-flag notices.")


def worker(
    ctx: typer.Context,
    lease: float = typer.Option(
        120.0,
        "--lease",
        min=1.0,
        help="Seconds a job stays with this worker before another "
        "may take it over (when this one died).",
    ),
    poll: float = typer.Option(1.0, "--poll", min=0.05, help="Seconds to wait when idle."),
    once: bool = typer.Option(False, "--once", help="Run what is due now, then stop."),
) -> None:
    """Run queued jobs until stopped (Ctrl-C or SIGTERM ends it after the job in hand).

    Any number of workers may run against one PostgreSQL database; each job runs once."""
    from lems_companion.db.engine import upgrade
    from lems_companion.jobs.runner import Runner
    from lems_companion.messaging.service import handlers_for

    settings = settings_from(ctx)
    upgrade(settings.resolved_database_url)
    runner = Runner(
        settings.resolved_database_url,
        handlers_for(settings),
        lease_seconds=lease,
        poll_seconds=poll,
    )
    if once:
        print(f"ran {runner.run_pending()} jobs")
        return

    def _stop(_signum: int, _frame: Any) -> None:
        runner.stop()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    print(f"worker {runner.worker} running jobs", flush=True)
    runner.run_forever()


@app.command("list")
def list_jobs(
    ctx: typer.Context,
    failed: bool = typer.Option(False, "--failed", help="Show the jobs that failed for good."),
) -> None:
    """Show how many jobs are in each state, or the failed ones with their last error."""
    from lems_companion.db.engine import session_scope, upgrade
    from lems_companion.jobs.queue import counts, failed_jobs

    settings = settings_from(ctx)
    upgrade(settings.resolved_database_url)
    with session_scope(settings.resolved_database_url) as db:
        if not failed:
            found = counts(db)
            for status in ("queued", "running", "done", "failed"):
                print(f"{status}: {found.get(status, 0)}")
            return
        rows = failed_jobs(db)
        if not rows:
            print("no failed jobs")
        for job in rows:
            when = job.finished_at.isoformat(timespec="seconds") if job.finished_at else "?"
            print(f"{job.id}\t{job.kind}\t{job.attempts} tries\t{when}\t{job.last_error or ''}")


@app.command("retry")
def retry(
    ctx: typer.Context, job_id: int = typer.Argument(..., help="The failed job's id.")
) -> None:
    """Queue a failed job again, with a fresh set of tries."""
    from lems_companion.db.engine import session_scope
    from lems_companion.jobs.queue import retry_job

    settings = settings_from(ctx)
    with session_scope(settings.resolved_database_url) as db:
        if not retry_job(db, job_id):
            fail(f"no failed job {job_id}")
    print(f"job {job_id} queued again")
