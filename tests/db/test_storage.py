"""Storage: migrations from empty, models in step with migrations, SQLite in WAL mode.

That entries survive a killed server process is tested in tests/e2e/test_restart.py.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from lems_companion.db.base import Base
from lems_companion.db.engine import alembic_config, get_engine, upgrade
from tests.conftest import POSTGRES_ADMIN_URL


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
