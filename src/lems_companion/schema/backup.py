"""Backups of the whole database, and restoring them: SQLite natively, PostgreSQL via pg_dump.

SQLite uses the sqlite3 online backup API, which copies a consistent snapshot page by page while
the app keeps reading and writing (copying the file by hand could catch it half-written, and
would miss what still sits in the WAL). PostgreSQL is backed up with ``pg_dump --format=custom``
and restored with ``pg_restore``, the server's own tools, which must be on PATH; without them
the commands refuse with a pointer to docs/backup.md rather than writing something partial.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import make_url

from lems_companion.logs import security_event

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

# A backup needs neither the ORM nor Alembic: the tables, the engine and the migrations are
# imported by what reads them (restore), so `lems backup` starts as fast as a command can.

# Pages copied per step of the SQLite online backup; between steps other connections may write,
# so a busy app is never held up for the whole copy. -1 would copy everything in one step.
SQLITE_BACKUP_PAGES_PER_STEP = 1_024
# The first 16 bytes of every SQLite 3 database file.
SQLITE_MAGIC = b"SQLite format 3\x00"
# The first 5 bytes of a pg_dump custom-format archive.
PG_DUMP_MAGIC = b"PGDMP"
# Tables without which a database is not one of ours.
REQUIRED_TABLES = frozenset({"alembic_version", "users", "entries"})
# How long pg_dump or pg_restore may run before we give up on it (one hour covers large diaries).
PG_TOOL_TIMEOUT_SECONDS = 3_600
DOCS_HINT = "see docs/backup.md"
# The backup's SHA-256 is written beside it, as `sha256sum` writes it, so that a copy damaged in
# storage or transit is refused by restore (and can be checked by hand: sha256sum -c).
CHECKSUM_SUFFIX = ".sha256"
HASH_CHUNK_BYTES = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why and is safe to show."""


@dataclass(frozen=True, slots=True)
class Restored:
    """What a restored database holds: its number of accounts and diary entries."""

    users: int
    entries: int


def _backend(url: str) -> str:
    backend = make_url(url).get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise BackupError(f"backups support SQLite and PostgreSQL, not {backend}; {DOCS_HINT}")
    return backend


def _sqlite_path(url: str) -> Path:
    database = make_url(url).database
    if not database or database == ":memory:":
        raise BackupError("an in-memory SQLite database cannot be backed up or restored")
    return Path(database)


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    from lems_companion.db.engine import MIGRATIONS_DIR

    script = ScriptDirectory(str(MIGRATIONS_DIR))
    return {revision.revision for revision in script.walk_revisions()}


def database_is_empty(url: str) -> bool:
    """Return True when no table of the app holds a row (or there are no tables yet).

    One query per table that exists.
    """
    from sqlalchemy import func, inspect, select

    from lems_companion.db.engine import get_engine
    from lems_companion.schema.tables import Base

    engine = get_engine(url)
    existing = set(inspect(engine).get_table_names())
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            if table.name in existing and connection.scalar(
                select(func.count()).select_from(table)
            ):
                return False
    return True


def count_contents(url: str) -> Restored:
    """Return how many accounts and entries the database holds. Two queries."""
    from sqlalchemy import func, select

    from lems_companion.accounts.models import User
    from lems_companion.db.engine import get_engine
    from lems_companion.diary.models import Entry

    with get_engine(url).connect() as connection:
        users = connection.scalar(select(func.count()).select_from(User)) or 0
        entries = connection.scalar(select(func.count()).select_from(Entry)) or 0
    return Restored(users=users, entries=entries)


def _refuse_existing(destination: Path, overwrite: bool) -> None:
    if destination.exists() and not overwrite:
        raise BackupError(f"{destination} already exists; choose a new name or pass --force")


# --- SQLite ---------------------------------------------------------------------------------


def _sqlite_backup(url: str, destination: Path) -> None:
    source_path = _sqlite_path(url)
    if not source_path.is_file():
        raise BackupError(f"there is no database at {source_path}")
    # Written next to the destination and renamed, so a failed backup never leaves half a file
    # under the name the person asked for.
    handle, temporary = tempfile.mkstemp(
        dir=destination.parent, prefix=destination.name, suffix=".part"
    )
    os.close(handle)
    try:
        source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
        target = sqlite3.connect(temporary)
        try:
            source.backup(target, pages=SQLITE_BACKUP_PAGES_PER_STEP)
            # A single self-contained file: no -wal sidecar for the person to forget to copy.
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
            source.close()
        os.replace(temporary, destination)
    except sqlite3.Error as error:
        raise BackupError(f"the SQLite backup failed: {error}") from None
    finally:
        Path(temporary).unlink(missing_ok=True)


def check_sqlite_backup(path: Path) -> None:
    """Return nothing when the file is an intact LEMS SQLite backup; BackupError saying why not.

    Reads the file.
    """
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
            raise BackupError(f"{path} is not a SQLite database, so not a LEMS backup")
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            if connection.execute("PRAGMA quick_check").fetchone() != ("ok",):
                raise BackupError(f"{path} is damaged (SQLite quick_check failed)")
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            missing = REQUIRED_TABLES - tables
            if missing:
                raise BackupError(
                    f"{path} is a SQLite database but not a LEMS backup "
                    f"(no {', '.join(sorted(missing))} table)"
                )
            revisions = {
                row[0] for row in connection.execute("SELECT version_num FROM alembic_version")
            }
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} cannot be read as a SQLite database: {error}") from None
    unknown = revisions - _known_revisions()
    if unknown:
        raise BackupError(
            f"{path} was made by a newer version of LEMS Companion (migration "
            f"{', '.join(sorted(unknown))}); upgrade the app before restoring it"
        )


def _sqlite_restore(url: str, source_path: Path) -> None:
    """Replace the database's content with this backup, already checked by the caller."""
    target_path = _sqlite_path(url)
    target_path.parent.mkdir(parents=True, exist_ok=True)
    # The backup API in reverse: it takes the target's locks, so a running app waits (its busy
    # timeout) rather than reading a half-restored file, and the WAL is handled correctly.
    from lems_companion.db.engine import get_engine

    get_engine(url).dispose()
    try:
        source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
        target = sqlite3.connect(target_path)
        try:
            source.backup(target, pages=SQLITE_BACKUP_PAGES_PER_STEP)
            # The backup copied the file's journal mode too; the app wants WAL.
            target.execute("PRAGMA journal_mode=WAL")
        finally:
            target.close()
            source.close()
    except sqlite3.Error as error:
        raise BackupError(f"the SQLite restore failed: {error}") from None


# --- PostgreSQL -----------------------------------------------------------------------------


def _pg_tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(
            f"{name} is not on PATH; install the PostgreSQL client tools (same major version as "
            f"the server or newer), or back up with your own tooling: {DOCS_HINT}"
        )
    return found


def _pg_connection(url: str) -> tuple[list[str], dict[str, str]]:
    """Return libpq command-line options and environment for this URL.

    The password goes in PGPASSWORD, never on the command line, where other users could see it.
    """
    parsed: URL = make_url(url)
    options = [f"--dbname={parsed.database}"]
    if parsed.host:
        options.append(f"--host={parsed.host}")
    if parsed.port:
        options.append(f"--port={parsed.port}")
    if parsed.username:
        options.append(f"--username={parsed.username}")
    environment = {**os.environ}
    if parsed.password:
        environment["PGPASSWORD"] = str(parsed.password)
    for key, value in parsed.query.items():
        # libpq options such as sslmode travel as environment variables (PGSSLMODE, ...).
        if isinstance(value, str) and key.isidentifier():
            environment[f"PG{key.upper()}"] = value
    return options, environment


def _run(command: list[str], environment: dict[str, str], what: str) -> str:
    try:
        done = subprocess.run(
            command,
            env=environment,
            capture_output=True,
            text=True,
            timeout=PG_TOOL_TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise BackupError(f"{what} took longer than {PG_TOOL_TIMEOUT_SECONDS} s") from None
    if done.returncode != 0:
        raise BackupError(f"{what} failed: {done.stderr.strip() or done.returncode}")
    return done.stdout


def _postgres_backup(url: str, destination: Path) -> None:
    pg_dump = _pg_tool("pg_dump")
    options, environment = _pg_connection(url)
    handle, temporary = tempfile.mkstemp(
        dir=destination.parent, prefix=destination.name, suffix=".part"
    )
    os.close(handle)
    try:
        _run(
            [
                pg_dump,
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                *options,
                "-f",
                temporary,
            ],
            environment,
            "pg_dump",
        )
        os.replace(temporary, destination)
    finally:
        Path(temporary).unlink(missing_ok=True)


def check_postgres_backup(path: Path) -> None:
    """Return nothing when the file is a pg_dump archive of a LEMS database; BackupError if not.

    Reads the file and runs ``pg_restore --list``.
    """
    with path.open("rb") as handle:
        if handle.read(len(PG_DUMP_MAGIC)) != PG_DUMP_MAGIC:
            raise BackupError(
                f"{path} is not a pg_dump custom-format archive, so not a LEMS PostgreSQL backup"
            )
    listing = _run([_pg_tool("pg_restore"), "--list", str(path)], dict(os.environ), "pg_restore")
    tables = {
        parts[-2]
        for line in listing.splitlines()
        if not line.startswith(";") and " TABLE " in line and " TABLE DATA " not in line
        for parts in [line.split()]
        if len(parts) >= 2
    }
    missing = REQUIRED_TABLES - tables
    if missing:
        raise BackupError(
            f"{path} is a pg_dump archive but not of a LEMS database "
            f"(no {', '.join(sorted(missing))} table)"
        )


def _postgres_restore(url: str, source_path: Path) -> None:
    """Replace the database's content with this backup, already checked by the caller."""
    pg_restore = _pg_tool("pg_restore")
    options, environment = _pg_connection(url)
    # The app's pooled connections would hold locks on the tables pg_restore drops.
    from lems_companion.db.engine import get_engine

    get_engine(url).dispose()
    # --clean --if-exists replaces the app's tables; --single-transaction makes it all or nothing.
    _run(
        [
            pg_restore,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            *options,
            str(source_path),
        ],
        environment,
        "pg_restore",
    )


# --- Both -----------------------------------------------------------------------------------


def checksum_path(backup: Path) -> Path:
    """Return where the checksum of this backup file is kept."""
    return backup.with_name(backup.name + CHECKSUM_SUFFIX)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(HASH_CHUNK_BYTES):
            digest.update(chunk)
    return digest.hexdigest()


def write_checksum(backup: Path) -> None:
    """Write the backup's SHA-256 beside it, in sha256sum's format. Reads the file."""
    checksum_path(backup).write_text(f"{_sha256(backup)}  {backup.name}\n", encoding="ascii")


def verify_checksum(backup: Path) -> None:
    """Return nothing when the backup matches the checksum beside it (or has none, as backups
    made before checksums); BackupError when it does not. Reads the file."""
    sidecar = checksum_path(backup)
    if not sidecar.is_file():
        return
    expected = sidecar.read_text(encoding="ascii", errors="replace").split(" ", 1)[0].strip()
    if _sha256(backup) != expected.lower():
        raise BackupError(
            f"{backup} does not match its checksum in {sidecar.name}: the file was damaged or "
            "changed after the backup was made; restore another backup"
        )


def backup_database(url: str, destination: Path, *, overwrite: bool = False) -> None:
    """Write a consistent backup of the database at this URL to ``destination``.

    Safe while the app runs. BackupError when it cannot be done; nothing is left behind then.
    """
    backend = _backend(url)
    _refuse_existing(destination, overwrite)
    destination.parent.mkdir(parents=True, exist_ok=True)
    if backend == "sqlite":
        _sqlite_backup(url, destination)
    else:
        _postgres_backup(url, destination)
    write_checksum(destination)
    security_event("backup_written", account_id=None, backend=backend)


def restore_database(url: str, source: Path, *, force: bool = False) -> Restored:
    """Return what the database holds after replacing its content with the backup ``source``.

    The file is checked first (its checksum, then its contents); a database that holds any row
    is only overwritten with ``force``. Pending migrations are applied afterwards, so an older
    backup is brought up to date. Revocations and password changes made since the backup are
    applied again and everyone is signed out (schema/ledger.py). Jobs the backup left queued
    are held as failed, never run twice unasked (jobs/queue.py). BackupError when refused or
    failed.
    """
    backend = _backend(url)
    if not source.is_file():
        raise BackupError(f"there is no backup file at {source}")
    verify_checksum(source)
    if backend == "sqlite":
        check_sqlite_backup(source)
    else:
        check_postgres_backup(source)
    if not force and not database_is_empty(url):
        raise BackupError(
            "the database is not empty; restoring would replace everything in it. "
            "Pass --force to do that (perhaps after `lems backup` of what is there now)"
        )
    from lems_companion.db.engine import get_engine, upgrade
    from lems_companion.jobs.queue import hold_restored_jobs
    from lems_companion.schema import ledger

    with get_engine(url).connect() as connection:
        kept = ledger.read_events(connection)
    if backend == "sqlite":
        _sqlite_restore(url, source)
    else:
        _postgres_restore(url, source)
    upgrade(url)
    with get_engine(url).begin() as connection:
        ledger.reapply(connection, kept)
        hold_restored_jobs(connection)
    restored = count_contents(url)
    security_event("database_restored", account_id=None, backend=backend, forced=force)
    return restored
