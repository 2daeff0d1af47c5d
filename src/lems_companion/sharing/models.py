"""Tables for sharing a diary: grants to caregivers and clinicians, share links, the audit log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from lems_companion.db.base import Base
from lems_companion.db.types import UTCDateTime


class Grant(Base):
    """A patient's permission for another person, named by e-mail, to see (and maybe add to) the
    diary. Naming the e-mail lets a patient invite someone who has no account yet."""

    __tablename__ = "grants"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    grantee_email: Mapped[str] = mapped_column(String(320), index=True)
    role: Mapped[str] = mapped_column(String(10))  # "caregiver" or "clinician"
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # When the person invited last opened the diary: the people list counts the red flags of
    # entries written since. None until they first open it.
    last_seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The highest id among the diary's stored flags then: flags with a higher id were raised
    # (or raised again by an edit) since. Ids rather than times, so the count needs no join.
    seen_flag_id: Mapped[int | None] = mapped_column()


class ShareLink(Base):
    """A read-only link to a diary or its report; only the hash of its secret token is stored."""

    __tablename__ = "share_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    scope: Mapped[str] = mapped_column(String(10))  # "diary" or "report"
    label: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class AuditEvent(Base):
    """One read or change of a patient's data by someone other than the patient."""

    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_owner_at", "owner_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    # Who: the e-mail of the account, or None when a share link was used.
    actor_email: Mapped[str | None] = mapped_column(String(320))
    via: Mapped[str] = mapped_column(String(60))  # e.g. "caregiver grant 3", "share link 5"
    action: Mapped[str] = mapped_column(String(10))  # read, create, update, delete
    target: Mapped[str] = mapped_column(String(120))  # e.g. "entry 12", "diary", "report"
    at: Mapped[datetime] = mapped_column(UTCDateTime())
