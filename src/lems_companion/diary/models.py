"""Diary tables: entries, the red flags triage stored with them, and what is computed from them."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lems_companion.db.base import Base
from lems_companion.db.types import JSONType, UTCDateTime

if TYPE_CHECKING:
    from lems_companion.accounts.models import User


class Entry(Base):
    """One diary entry. Nested parts (symptoms, medications, home tests) are JSON documents:
    they are always read and written with their entry, never queried on their own."""

    __tablename__ = "entries"
    # The timeline, the API listing and every analysis read one user's entries in time order.
    # Triage of each new entry reads six months of the user's weights: about one entry in 28
    # has one, so this partial index saves reading ~700 rows per entry (docs/performance.md).
    __table_args__ = (
        Index("ix_entries_user_recorded", "user_id", "recorded_at", "id"),
        Index("ix_entries_user_source_identifier", "user_id", "source_identifier"),
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
    # Catalogue factor ids the person noted (heat, an infection, ...); None on older entries.
    factors: Mapped[list[str] | None] = mapped_column(JSONType, default=list)
    note: Mapped[str | None] = mapped_column(Text)
    # Who wrote it: the patient (author_id None or the owner) or a caregiver or clinician the
    # patient invited. Kept when the grant ends, so the entry still says who wrote it; triage
    # reads third-person words in a caregiver's note as the patient's (spec section 3).
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    author_role: Mapped[str] = mapped_column(
        String(10), default="patient", server_default="patient"
    )
    # The identifier the entry came with when it was imported from a file (FHIR, JSON, Apple
    # Health, ...): importing the same file again updates the entry instead of adding a copy.
    # None for entries written in the app, whose identifier is derived (interop.identity).
    source_identifier: Mapped[str | None] = mapped_column(String(300))
    # The triage level of the entry as a whole (emergency, prompt, routine or none), recomputed
    # whenever the entry changes; kept on the row so the timeline needs no second query.
    triage_level: Mapped[str] = mapped_column(String(10), default="none", server_default="none")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())

    user: Mapped[User] = relationship(foreign_keys=[user_id])
    flags: Mapped[list[EntryFlag]] = relationship(
        back_populates="entry",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="EntryFlag.id",
        lazy="selectin",
    )

    @property
    def local_recorded_at(self) -> datetime:
        """Return when the entry was recorded, in the offset the person gave."""
        return self.recorded_at.astimezone(timezone(timedelta(minutes=self.utc_offset_minutes)))


class EntryFlag(Base):
    """A red flag raised by an entry: by its structured answers or by words in its note."""

    __tablename__ = "entry_flags"
    # The people list counts each owner's red flags by level in one query (sharing people).
    __table_args__ = (Index("ix_entry_flags_user_level", "user_id", "level"),)

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


class FlagAcknowledgement(Base):
    """One account saying it has seen one stored red flag: who, in which role, when.

    An acknowledgement never hides or softens the flag: every view still shows the flag, with
    "seen by ..." beside it. Re-triaging an edited entry replaces its flags, and with them their
    acknowledgements: the new flags have not been seen yet.
    """

    __tablename__ = "flag_acknowledgements"
    __table_args__ = (
        UniqueConstraint("entry_flag_id", "user_id"),
        # The people list counts, per owner, the red flags a viewer has not acknowledged.
        Index("ix_flag_acknowledgements_user_owner", "user_id", "owner_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_flag_id: Mapped[int] = mapped_column(
        ForeignKey("entry_flags.id", ondelete="CASCADE"), index=True
    )
    # Denormalised owner of the diary, so one owner's acknowledgements are one indexed query.
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    # Who saw it; None once that account is deleted (the acknowledgement and its role stay).
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    role: Mapped[str] = mapped_column(String(10))  # patient, caregiver or clinician
    at: Mapped[datetime] = mapped_column(UTCDateTime())


class DiarySignal(Base):
    """What the people list shows as a marked change for one diary, computed from its recent
    entries and kept until the diary changes: the diary service deletes the row whenever an entry
    of the owner is added, changed or deleted, and the people list computes it again."""

    __tablename__ = "diary_signals"

    owner_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # The latest entry the signals were computed up to; None for an empty diary.
    latest_entry_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # analysis.patterns.weeks over the recent entries: better, worse, steady; None: too little.
    weakness_trend: Mapped[str | None] = mapped_column(String(10))
    # analysis.patterns.tug_change: percent slower (+) or faster (-) of the latest 3TUG session.
    tug_change_percent: Mapped[float | None] = mapped_column()
    # When the latest entry with a stored weight-loss flag was recorded (rules.weight_loss via
    # triage); None when no entry raised one.
    weight_loss_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class ChartSet(Base):
    """A report's charts as drawn for some of one owner's entries, found again by the digest of
    those entries and of the code that draws them (``reports.chart_cache``). Derived data: it
    goes with the account, a few of the latest per owner are kept, and the diary service forgets
    them all when an entry is changed or deleted, so no chart keeps what was taken out."""

    __tablename__ = "report_charts"

    owner_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    # SHA-256 in hex of the entries charted and of the chart code (chart_cache.charts_digest).
    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    drawn_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # The charts in report order: [{"id", "title", "svg", "alt"}, ...].
    charts: Mapped[list[dict[str, Any]]] = mapped_column(JSONType)


class IdempotencyKey(Base):
    """The first answer to a request sent with an ``Idempotency-Key``, so that a retry of it gets
    the same answer and stores nothing new. Kept per user for a day (diary/idempotency.py)."""

    __tablename__ = "idempotency_keys"
    __table_args__ = (UniqueConstraint("user_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(255))
    # SHA-256 of the request body: the same key with a different request is a client error.
    request_hash: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int] = mapped_column()
    entry_id: Mapped[int | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
