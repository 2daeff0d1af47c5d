"""Shared helpers of the scale benches: bench databases, presets, a server on loopback, figures.

The scale benches (``scale_data.py``, ``scale_measure.py``, ``load_test.py``) work on databases
made for them, named ``lems_scale_<preset>``, on the local PostgreSQL server
(``LEMS_TEST_POSTGRES_URL``, default ``postgresql://postgres@127.0.0.1:5432/postgres``); they
never touch the test suite's databases.
"""

from __future__ import annotations

import math
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import httpx

POSTGRES_ADMIN_URL = os.environ.get(
    "LEMS_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
# Patients per preset: one patient (the baseline the report is compared with), a quick run, and
# the target of 10,000 patients.
PRESETS = {"one": 1, "small": 200, "full": 10_000}
# Every bench patient has this password; their one shared argon2 hash is made once per load.
# Bench data only: real accounts each have their own salt and hash.
BENCH_PASSWORD = "scale bench password"
BENCH_TIME_ZONE = "Europe/London"
# How long a bench server may take to start (migrations are already applied).
SERVER_START_SECONDS = 60


def database_name(preset: str) -> str:
    """Return the name of the bench database of this preset."""
    return f"lems_scale_{preset}"


def database_url(preset: str) -> str:
    """Return the SQLAlchemy URL of the bench database of this preset."""
    base = POSTGRES_ADMIN_URL.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://")
    return f"{base}/{database_name(preset)}"


def libpq_url(url: str) -> str:
    """Return a SQLAlchemy PostgreSQL URL in the form psycopg.connect accepts."""
    return url.replace("postgresql+psycopg://", "postgresql://")


def email_for(number: int) -> str:
    """Return the e-mail address of bench patient ``number`` (counted from 0)."""
    return f"patient{number:05d}@scale.example.org"


def percentile(values: Sequence[float], share: float) -> float:
    """Return the nearest-rank percentile (``share`` from 0 to 1) of the values; nan when none."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


def free_port() -> int:
    """Return a free TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class RunningServer:
    """A bench server: its base URL and the id of uvicorn's main process."""

    url: str
    pid: int


@contextmanager
def app_server(
    url: str,
    *,
    workers: int,
    extra_env: dict[str, str] | None = None,
    factory: str = "lems_companion.web.app:create_app",
) -> Iterator[RunningServer]:
    """Yield the app (``factory``) served by uvicorn on loopback with this many workers.

    Loopback only; the process group is stopped on exit.
    """
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "--factory",
        factory,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--log-level",
        "warning",
        "--no-access-log",
    ]
    env = {**os.environ, "LEMS_DATABASE_URL": url, **(extra_env or {})}
    process = subprocess.Popen(command, env=env, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while True:
            try:
                if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("the bench server did not start")
            time.sleep(0.2)
        yield RunningServer(url=base, pid=process.pid)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def server_pids(parent: int) -> list[int]:
    """Return the ids of the child processes of ``parent`` (uvicorn's workers); empty if none."""
    try:
        with open(f"/proc/{parent}/task/{parent}/children") as handle:
            return [int(pid) for pid in handle.read().split()]
    except OSError:
        return []


def cpu_seconds(pid: int) -> float:
    """Return the CPU time (user + system, seconds) a process has used; 0 when it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    # Fields 14 and 15 of /proc/<pid>/stat (utime, stime), counted after the command name.
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# A worker counts as warmed up once it spends less than this share of a core for a second.
QUIET_SHARE = 0.1


def wait_until_warm(parent: int, *, timeout: float = SERVER_START_SECONDS) -> float:
    """Return the seconds waited until every worker of ``parent`` is quiet (see QUIET_SHARE).

    /readyz answers as soon as one worker is serving, while the others may still be building
    the triage pipeline: a level started then sends its first users' connections, which keep
    alive for the whole level, to the first worker only.
    """
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        workers = server_pids(parent) or [parent]
        before = [cpu_seconds(pid) for pid in workers]
        time.sleep(1.0)
        used = [cpu_seconds(pid) - was for pid, was in zip(workers, before, strict=True)]
        if max(used) < QUIET_SHARE:
            break
    return time.monotonic() - started
