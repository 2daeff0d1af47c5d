"""Storage: migrations from empty, models in step with migrations, and entries that persist."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import psycopg
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from lems_companion.db.base import Base
from lems_companion.db.engine import alembic_config, get_engine, upgrade
from tests.conftest import POSTGRES_ADMIN_URL, Persona, api_token


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Yield the URL of a database with no tables at all."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.sqlite3'}"
        return
    try:
        admin = psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError:
        if os.environ.get("CI"):
            raise
        pytest.skip("PostgreSQL is not reachable")
    name = f"lems_empty_{uuid.uuid4().hex[:10]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    url = POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    yield url
    get_engine(url).dispose()
    admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
    admin.close()


def test_migrations_run_from_empty_to_the_latest_revision(empty_database: str) -> None:
    upgrade(empty_database)
    upgrade(empty_database)  # a second run is a no-op, as on every `lems serve`
    engine = get_engine(empty_database)
    assert {"users", "entries", "auth_sessions"} <= set(inspect(engine).get_table_names())
    heads = set(ScriptDirectory.from_config(alembic_config(empty_database)).get_heads())
    with engine.connect() as connection:
        applied = set(connection.scalars(text("SELECT version_num FROM alembic_version")))
    assert applied == heads


def test_the_models_match_the_migrations(empty_database: str) -> None:
    upgrade(empty_database)
    with get_engine(empty_database).connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == [], "run alembic revision --autogenerate for these model changes"


def test_sqlite_runs_in_wal_mode(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'wal.sqlite3'}"
    upgrade(url)
    with get_engine(url).connect() as connection:
        assert connection.scalar(text("PRAGMA journal_mode")) == "wal"
        assert connection.scalar(text("PRAGMA foreign_keys")) == 1


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start_server(db_url: str, port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [sys.executable, "-m", "lems_companion", "serve", "--port", str(port)],
        env={**os.environ, "LEMS_DATABASE_URL": db_url},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/login", timeout=1)
            return process
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("lems serve did not start")


def test_entries_survive_a_restart_of_the_server(db_url: str, patient: Persona) -> None:
    port = _free_port()
    server = _start_server(db_url, port)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as client:
            auth = api_token(client, patient)
            entry = {"recorded_at": "2026-03-01T08:30:00+01:00", "symptoms": {"dry_mouth": 2}}
            created = client.post("/api/v1/entries", json=entry, headers=auth).json()
    finally:
        server.send_signal(signal.SIGKILL)  # no clean shutdown: only what was committed counts
        server.wait(timeout=10)
    server = _start_server(db_url, port)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as client:
            again = client.get(
                f"/api/v1/entries/{created['id']}", headers=api_token(client, patient)
            )
            assert again.status_code == 200
            assert json.dumps(again.json(), sort_keys=True) == json.dumps(created, sort_keys=True)
    finally:
        server.terminate()
        server.wait(timeout=10)
