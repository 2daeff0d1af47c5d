"""Tables of the calendar feed: its secret URL (hashed), the reminders chosen, the schedule."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from lems_companion.db.base import Base
from lems_companion.db.types import UTCDateTime


class CalendarFeed(Base):
    """A secret calendar URL. Only a hash of its token is stored; revoking keeps the row."""

    __tablename__ = "calendar_feeds"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class CalendarReminder(Base):
    """A diary reminder the person chose to have in their calendar."""

    __tablename__ = "calendar_reminders"
    __table_args__ = (UniqueConstraint("user_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    # Local wall-clock time "HH:MM" in the person's time zone.
    time_of_day: Mapped[str] = mapped_column(String(5))
    # Also send an e-mail at that time (jobs queued by messaging.reminders).
    by_email: Mapped[bool] = mapped_column(default=False, server_default=false())


class Installation(Base):
    """This installation's identity: the namespace of every identifier its exports carry.

    One row (id 1), made the first time an export needs it and kept in backups, so identifiers
    stay the same after a restore and differ between installations (docs/interop.md).
    """

    __tablename__ = "installation"

    id: Mapped[int] = mapped_column(primary_key=True)
    namespace: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
