"""Column types that behave the same on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine

# Primary keys are PostgreSQL INTEGER columns: an id beyond this cannot exist, and sending one to
# the database is an error there rather than "not found".
MAX_ROW_ID = 2**31 - 1


def is_row_id(value: int) -> bool:
    """Return True when the value can be the id of a stored row."""
    return 1 <= value <= MAX_ROW_ID


class _JSON(TypeDecorator[Any]):
    """JSONB on PostgreSQL (indexable, compact); plain JSON text elsewhere.

    What ``JSON().with_variant(JSONB(), "postgresql")`` gives, but the PostgreSQL dialect is
    imported only by a PostgreSQL connection: it is a fifth of SQLAlchemy's import, which every
    command on SQLite would otherwise pay.
    """

    impl = JSON
    cache_ok = True
    # As JSON's: None is stored as JSON null, not SQL NULL.
    should_evaluate_none = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        """Return JSONB for PostgreSQL, JSON for any other database."""
        if dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import JSONB

            return dialect.type_descriptor(JSONB())
        return dialect.type_descriptor(JSON())


JSONType = _JSON()


class UTCDateTime(TypeDecorator[datetime]):
    """An aware datetime stored in UTC; SQLite keeps no offset, so it is normalised first."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Return the value in UTC; ValueError for a naive datetime (its meaning is unknown)."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("refusing to store a datetime without a time zone")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        """Return an aware UTC datetime."""
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)
