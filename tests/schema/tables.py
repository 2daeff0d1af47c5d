"""Helpers for tests that need every table: a second database, rows in every user table."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    Integer,
    String,
    Table,
    Text,
    func,
    insert,
    make_url,
    select,
)
from sqlalchemy.orm import Session

from lems_companion.db.base import Base
from lems_companion.db.engine import get_engine
from lems_companion.diary.models import Entry, EntryFlag
from tests.conftest import POSTGRES_ADMIN_URL


@pytest.fixture
def fresh_database(db_url: str, tmp_path: Path) -> Iterator[str]:
    """Yield the URL of a database with no tables, of the same kind as ``db_url``."""
    if make_url(db_url).get_backend_name() == "sqlite":
        yield f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
        return
    name = f"lems_fresh_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    yield url
    get_engine(url).dispose()
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def row_counts(db: Session) -> dict[str, int]:
    """Return the number of rows of every table of the app."""
    return {
        table.name: db.scalar(select(func.count()).select_from(table)) or 0
        for table in Base.metadata.sorted_tables
    }


def user_columns(table: Table) -> list[str]:
    """Return the columns of this table that point at users.id."""
    return [
        column.name
        for column in table.columns
        if any(key.column.table.name == "users" for key in column.foreign_keys)
    ]


# Values the app's own code expects in these columns (made-up text would not load back).
KNOWN_VALUES: dict[tuple[str, str], Any] = {
    ("investigations", "kind"): "edx",
    ("investigations", "status"): "done",
    ("calendar_reminders", "kind"): "morning_entry",
    ("calendar_reminders", "time_of_day"): "08:00",
    ("grants", "role"): "caregiver",
    ("share_links", "scope"): "diary",
    ("audit_events", "action"): "read",
    ("tool_results", "kind"): "medicine",
    ("tool_results", "result"): {"name": "paracetamol", "cautions": []},
}


def _value(column: Any, user_id: int, serial: int) -> Any:
    known = KNOWN_VALUES.get((column.table.name, column.name))
    if known is not None:
        return known
    kind = column.type
    if isinstance(kind, Boolean):
        return False
    if isinstance(kind, Integer):
        return serial
    if isinstance(kind, Float):
        return 1.5
    if isinstance(kind, Date):
        return date(2026, 3, 1)
    if isinstance(kind, DateTime) or "DateTime" in type(kind).__name__:
        return datetime(2026, 3, 1, tzinfo=UTC)
    if isinstance(kind, String | Text):
        length = getattr(kind, "length", None) or 40
        return f"u{user_id}-{serial}"[:length]
    return {}


def fill_every_user_table(db: Session, user_id: int) -> None:
    """Insert a row pointing at this user in every table that has a users.id foreign key.

    Values are made up from the column types, so tables added later are covered too; a foreign
    key to entries gets one of the user's entries, one to entry_flags one of their red flags.
    """
    entry_id = db.scalar(select(Entry.id).where(Entry.user_id == user_id).limit(1))
    flag_id = db.scalar(select(EntryFlag.id).where(EntryFlag.user_id == user_id).limit(1))
    targets = {"entries": entry_id, "entry_flags": flag_id}
    for serial, table in enumerate(Base.metadata.sorted_tables, start=1):
        columns = user_columns(table)
        if not columns or table.name in ("entries", "entry_flags", "auth_sessions"):
            continue  # those are filled through the app itself
        values: dict[str, Any] = {}
        for column in table.columns:
            if column.name in columns:
                values[column.name] = user_id
            elif column.foreign_keys:
                target = next(iter(column.foreign_keys)).column.table.name
                assert targets.get(target), f"{table.name}.{column.name}: fill by hand"
                values[column.name] = targets[target]
            elif column.primary_key and isinstance(column.type, Integer):
                continue
            elif not column.nullable or column.primary_key:
                values[column.name] = _value(column, user_id, serial)
        db.execute(insert(table).values(**values))
