"""Several app worker processes on one database: concurrent writes are neither lost nor doubled.

The app is served as in production (``uvicorn --workers``, one process per worker); clients on
their own connections, so spread over the workers, write entries with unique notes at the same
time, and the database then holds each entry exactly once.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import httpx
from sqlalchemy import select

from lems_companion.accounts.models import User
from lems_companion.db.engine import session_scope
from lems_companion.diary.models import Entry
from tests.conftest import Persona, api_token

WORKERS = 3
CLIENTS = 6
ENTRIES_PER_CLIENT = 15
# Three workers each import the whole app; on a busy machine that takes a while.
START_SECONDS = 120


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def children(pid: int) -> list[int]:
    """Return the ids of the processes this one started (uvicorn's workers)."""
    with open(f"/proc/{pid}/task/{pid}/children") as listing:
        return [int(child) for child in listing.read().split()]


@contextmanager
def served(db_url: str) -> Iterator[str]:
    """Yield the base URL of the app served by uvicorn with several worker processes."""
    port = _free_port()
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "uvicorn", "--factory", "lems_companion.web.app:create_app"),
            *("--host", "127.0.0.1", "--port", str(port), "--workers", str(WORKERS)),
            *("--log-level", "warning"),
        ],
        env={**os.environ, "LEMS_DATABASE_URL": db_url, "LEMS_COOKIE_SECURE": "false"},
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_SECONDS
        while True:
            try:
                if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert process.poll() is None, "uvicorn stopped"
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.2)
        assert len(children(process.pid)) >= WORKERS
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def write_entries(base: str, headers: dict[str, str], client: int) -> list[int]:
    """Return the ids of the entries this client wrote, one request after another."""
    ids = []
    with httpx.Client(base_url=base, headers=headers, timeout=60) as http:
        for number in range(ENTRIES_PER_CLIENT):
            response = http.post(
                "/api/v1/entries",
                json={
                    "recorded_at": f"2026-03-{1 + number:02d}T08:{client:02d}:00+00:00",
                    "symptoms": {"fatigue": 1},
                    "note": f"client {client} entry {number}",
                },
            )
            assert response.status_code == 201, response.text
            ids.append(response.json()["id"])
    return ids


def test_concurrent_writes_through_several_workers_are_stored_exactly_once(
    db_url: str, patient: Persona
) -> None:
    with served(db_url) as base:
        with httpx.Client(base_url=base) as http:
            headers = api_token(http, patient)
        with ThreadPoolExecutor(CLIENTS) as pool:
            answered = list(
                pool.map(lambda client: write_entries(base, headers, client), range(CLIENTS))
            )

    with session_scope(db_url) as db:
        stored = db.execute(
            select(Entry.id, Entry.note)
            .join(User, Entry.user_id == User.id)
            .where(User.email == patient.email)
        ).all()
    ids = [entry_id for client_ids in answered for entry_id in client_ids]
    expected = {f"client {c} entry {n}" for c in range(CLIENTS) for n in range(ENTRIES_PER_CLIENT)}
    assert len(stored) == CLIENTS * ENTRIES_PER_CLIENT
    assert sorted(note for _, note in stored) == sorted(expected)
    assert sorted(entry_id for entry_id, _ in stored) == sorted(ids)
    assert len(set(ids)) == len(ids)
