"""Health checks for a process manager and a load balancer: alive, and ready to serve.

``/healthz`` answers without touching the database, so a slow database does not get healthy
workers restarted; ``/readyz`` answers 200 only when the database answers and its migrations are
at the code's heads, so a load balancer sends no traffic to a worker that would fail.
"""

from __future__ import annotations

from functools import cache

from alembic.script import ScriptDirectory
from fastapi import APIRouter, status
from fastapi.responses import JSONResponse
from sqlalchemy import inspect, text
from sqlalchemy.exc import SQLAlchemyError

from lems_companion.db.engine import alembic_config, get_engine
from lems_companion.web.deps import SettingsDep

router = APIRouter(tags=["health"])
# Alembic's default table of applied revisions (migrations/env.py does not rename it).
VERSION_TABLE = "alembic_version"


@cache
def code_revisions(url: str) -> tuple[frozenset[str], frozenset[str]]:
    """Return the migration heads the code ships and every revision it knows (read once)."""
    script = ScriptDirectory.from_config(alembic_config(url))
    known = frozenset(revision.revision for revision in script.walk_revisions())
    return frozenset(script.get_heads()), known


def schema_is_ready(found: frozenset[str], heads: frozenset[str], known: frozenset[str]) -> bool:
    """Return True when the database has every migration the code needs.

    A revision the code does not know was applied by a newer release during a rolling deploy:
    migrations are written to keep the previous release working, so that counts as ready.
    """
    return found == heads or bool(found - known)


def database_heads(url: str) -> frozenset[str]:
    """Return the migration revisions the database is at; empty before the first migration.

    Two queries; raises when the database is unreachable. Reads Alembic's table directly:
    Alembic's own helper logs two INFO lines each time, on every probe.
    """
    with get_engine(url).connect() as connection:
        if not inspect(connection).has_table(VERSION_TABLE):
            return frozenset()
        return frozenset(connection.scalars(text(f"SELECT version_num FROM {VERSION_TABLE}")))


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    """Answer that the process is alive (no database query)."""
    return {"status": "ok"}


@router.get("/readyz")
def readyz(settings: SettingsDep) -> JSONResponse:
    """Answer 200 when the database answers and is migrated to the code's heads; 503 if not."""
    url = settings.resolved_database_url
    try:
        found = database_heads(url)
    except SQLAlchemyError:
        return JSONResponse(
            {"status": "unavailable", "detail": "the database does not answer"},
            status_code=status.HTTP_503_SERVICE_UNAVAILABLE,
        )
    if not schema_is_ready(found, *code_revisions(url)):
        return JSONResponse(
            {"status": "unavailable", "detail": "database migrations are not at head"},
            status_code=status.HTTP_503_SERVICE_UNAVAILABLE,
        )
    return JSONResponse({"status": "ok"})
