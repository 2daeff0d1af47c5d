"""Database engines, sessions and migrations, for SQLite (default) and PostgreSQL alike."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, make_url, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
VERSIONS_DIR = MIGRATIONS_DIR / "versions"
# How long a SQLite writer waits for another writer before giving up; WAL lets readers carry on.
SQLITE_BUSY_TIMEOUT_MS = 10_000
# Connections a process may hold at once, all of them kept open once made (no overflow). With
# SQLAlchemy's default (5 kept, 10 more closed again after use), each connection past the fifth
# was opened for one request and closed after it: under 8 entries at once, about one request in
# eight paid for a new PostgreSQL connection, a server process started and authenticated
# (docs/performance.md, entry creation). web/inflight.py lets this many requests run at once.
POOL_SIZE = 15


def _tune_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets the web app read while another process (the CLI, a second worker) writes;
    # NORMAL synchronous is durable in WAL mode except for the last commits on power loss.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.close()


_POOL_SIZES: dict[str, Any] = {"pool_size": POOL_SIZE, "max_overflow": 0}


@cache
def get_engine(url: str) -> Engine:
    """Return the engine for this URL, creating the SQLite folder when needed; one per process."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        # An in-memory database has one connection per thread, with no size to set.
        sizes = {} if parsed.database in (None, "", ":memory:") else _POOL_SIZES
        engine = create_engine(url, connect_args={"check_same_thread": False}, **sizes)
        event.listen(engine, "connect", _tune_sqlite)
        return engine
    if parsed.get_backend_name() == "postgresql" and parsed.get_driver_name() in ("", "psycopg2"):
        # psycopg 3 is the driver we ship; accept the plain postgresql:// spelling people use.
        url = parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    return create_engine(url, pool_pre_ping=True, **_POOL_SIZES)


@cache
def _session_factory(url: str) -> sessionmaker[Session]:
    return sessionmaker(get_engine(url), expire_on_commit=False)


@contextmanager
def session_scope(url: str) -> Iterator[Session]:
    """Yield a session that commits on success and rolls everything back on any error."""
    session = _session_factory(url)()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def new_session(url: str) -> Session:
    """Return a new session for this URL; the caller closes it."""
    return _session_factory(url)()


def alembic_config(url: str) -> Config:
    """Return an Alembic configuration pointing at the packaged migrations and this database."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    config.attributes["engine"] = get_engine(url)
    return config


def _assigned(module: ast.Module, name: str) -> Any:
    """Return the literal value assigned to ``name`` at the top of a migration; None if absent."""
    for node in module.body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            target, value = node.target.id, node.value
        elif isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            target, value = node.targets[0].id, node.value
        else:
            continue
        if target == name and value is not None:
            return ast.literal_eval(value)
    return None


@cache
def script_heads() -> frozenset[str]:
    """Return the head revisions of the packaged migrations. Reads the migration files.

    The same answer as Alembic's ``ScriptDirectory.get_heads()`` (a test holds them together),
    read from the files' ``revision`` and ``down_revision`` without importing Alembic, which
    costs more than half a second of every command's start.
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in VERSIONS_DIR.glob("*.py"):
        module = ast.parse(path.read_text(encoding="utf-8"))
        revision = _assigned(module, "revision")
        if revision is None:
            continue
        revisions.add(revision)
        down = _assigned(module, "down_revision")
        parents.update([down] if isinstance(down, str) else down or ())
    return frozenset(revisions - parents)


def is_at_head(url: str) -> bool:
    """Return True when the database records exactly the packaged heads. One query."""
    try:
        with get_engine(url).connect() as connection:
            stamped = connection.execute(text("SELECT version_num FROM alembic_version")).scalars()
            return frozenset(stamped) == script_heads()
    except SQLAlchemyError:
        return False  # no version table yet: a new database


def upgrade(url: str) -> None:
    """Apply every pending migration to the database at this URL (the history has one head).

    One query when there is nothing to apply; Alembic is imported only when there is.
    """
    if is_at_head(url):
        return
    from alembic import command

    command.upgrade(alembic_config(url), "head")
