"""The tables. Only the storage layer imports these; the rest of the app uses entry schemas."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, MetaData, String, Text, false, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from lems_companion.storage.types import JSONType, UTCDateTime

# Stable constraint names so Alembic migrations are identical on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class User(Base):
    """A person with an account: a patient today; caregivers and clinicians later via grants."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    time_zone: Mapped[str] = mapped_column(String(64), default="UTC")
    is_admin: Mapped[bool] = mapped_column(default=False)
    # Set by the instance admin (`lems user set-clinician`) for a verified health professional:
    # such an account may record clinical reviews of articles. Seeing a patient's diary still
    # needs that patient's invitation.
    is_clinician: Mapped[bool] = mapped_column(default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())

    entries: Mapped[list[Entry]] = relationship(
        back_populates="user", cascade="all, delete-orphan", passive_deletes=True
    )


class AuthSession(Base):
    """A signed-in web session or API token. Only a hash of the secret is stored."""

    __tablename__ = "auth_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # "web" or "api"
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Entry(Base):
    """One diary entry. Nested parts (symptoms, medications, home tests) are JSON documents:
    they are always read and written with their entry, never queried on their own."""

    __tablename__ = "entries"
    # The timeline, the API listing and every analysis read one user's entries in time order.
    # Triage of each new entry reads six months of the user's weights: about one entry in 28
    # has one, so this partial index saves reading ~700 rows per entry (docs/performance.md).
    __table_args__ = (
        Index("ix_entries_user_recorded", "user_id", "recorded_at", "id"),
        Index(
            "ix_entries_user_weighed",
            "user_id",
            "recorded_at",
            "weight_kg",
            postgresql_where=text("weight_kg IS NOT NULL"),
            sqlite_where=text("weight_kg IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # The offset the person gave, so the entry is shown (and analysed) in their local time.
    utc_offset_minutes: Mapped[int] = mapped_column()
    context: Mapped[str | None] = mapped_column(String(20))
    improved_after_moving: Mapped[str | None] = mapped_column(String(10))
    symptoms: Mapped[dict[str, int]] = mapped_column(JSONType, default=dict)
    weight_kg: Mapped[float | None] = mapped_column()
    medications: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    home_tests: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    note: Mapped[str | None] = mapped_column(Text)
    # The triage level of the entry as a whole (emergency, prompt, routine or none), recomputed
    # whenever the entry changes; kept on the row so the timeline needs no second query.
    triage_level: Mapped[str] = mapped_column(String(10), default="none", server_default="none")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())

    user: Mapped[User] = relationship(back_populates="entries")
    flags: Mapped[list[EntryFlag]] = relationship(
        back_populates="entry",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="EntryFlag.id",
        lazy="selectin",
    )


class EntryFlag(Base):
    """A red flag raised by an entry: by its structured answers or by words in its note."""

    __tablename__ = "entry_flags"

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"), index=True)
    # Denormalised owner so the red-flag history of a user is one indexed query.
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    flag: Mapped[str] = mapped_column(String(40))
    level: Mapped[str] = mapped_column(String(10))
    evidence: Mapped[str] = mapped_column(Text)
    start: Mapped[int | None] = mapped_column()
    end: Mapped[int | None] = mapped_column()
    basis: Mapped[str] = mapped_column(Text)

    entry: Mapped[Entry] = relationship(back_populates="flags")


# Tables of other areas live in their own modules (storage/models_<area>.py) on the same Base;
# importing them here makes them part of Base.metadata for Alembic and the tests. One line each
# (lint exceptions for this block are in pyproject.toml).
from lems_companion.storage import models_tests
from lems_companion.storage import models_calendar
from lems_companion.storage import models_sharing
from lems_companion.storage import models_learn
from lems_companion.storage import models_tools
