"""Calendar feed queries: the secret feed URL, the reminders chosen and the screening schedule.

A feed token is shown once when it is made; only its SHA-256 hash is stored (as for sessions in
``accounts``), so a database leak does not leak working calendar URLs.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Mapping
from datetime import UTC, datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from lems_companion.accounts.models import User
from lems_companion.accounts.service import record_security_event
from lems_companion.interop.models import CalendarFeed, CalendarReminder

# 32 bytes = 256 bits of randomness, as for session tokens.
FEED_TOKEN_BYTES = 32


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def active_feed(db: Session, *, owner: User) -> CalendarFeed | None:
    """Return the owner's live (unrevoked) feed; None when there is none. One query."""
    return db.scalar(
        select(CalendarFeed)
        .where(CalendarFeed.user_id == owner.id, CalendarFeed.revoked_at.is_(None))
        .order_by(CalendarFeed.id.desc())
        .limit(1)
    )


def revoke_feeds(db: Session, *, owner: User) -> None:
    """Revoke every live feed of the owner (flushed); their URLs answer 404 from now on."""
    live = select(CalendarFeed.token_hash).where(
        CalendarFeed.user_id == owner.id, CalendarFeed.revoked_at.is_(None)
    )
    for token_hash in db.scalars(live):
        record_security_event(db, kind="feed_revoked", user=owner, subject=token_hash)
    db.execute(
        update(CalendarFeed)
        .where(CalendarFeed.user_id == owner.id, CalendarFeed.revoked_at.is_(None))
        .values(revoked_at=datetime.now(UTC))
    )
    db.flush()


def create_feed(db: Session, *, owner: User) -> str:
    """Return the token of a new feed for the owner, revoking any earlier one (flushed)."""
    revoke_feeds(db, owner=owner)
    token = secrets.token_urlsafe(FEED_TOKEN_BYTES)
    db.add(CalendarFeed(user_id=owner.id, token_hash=_digest(token), created_at=datetime.now(UTC)))
    db.flush()
    return token


def resolve_feed(db: Session, token: str) -> User | None:
    """Return the owner of a live feed token; None when unknown or revoked. One query."""
    found = live_feed(db, token)
    return found[0] if found else None


def live_feed(db: Session, token: str) -> tuple[User, CalendarFeed] | None:
    """Return the owner and the row of a live feed token; None when unknown or revoked."""
    row = db.execute(
        select(User, CalendarFeed)
        .join(CalendarFeed, CalendarFeed.user_id == User.id)
        .where(CalendarFeed.token_hash == _digest(token), CalendarFeed.revoked_at.is_(None))
    ).first()
    return (row[0], row[1]) if row else None


def email_reminders(db: Session, *, owner: User) -> bool:
    """Return True when the owner's reminders are also sent by e-mail. One query."""
    rows = db.scalars(select(CalendarReminder.by_email).where(CalendarReminder.user_id == owner.id))
    return any(rows)


def reminders(db: Session, *, owner: User) -> dict[str, str]:
    """Return the owner's chosen reminders as kind -> local time "HH:MM"; empty when none."""
    rows = db.scalars(select(CalendarReminder).where(CalendarReminder.user_id == owner.id))
    return {row.kind: row.time_of_day for row in rows}


def set_reminders(
    db: Session, *, owner: User, chosen: Mapping[str, str], by_email: bool = False
) -> None:
    """Replace the owner's reminders with these (kind -> "HH:MM"), flushed; ``by_email`` also
    sends each one by e-mail at its time (messaging.service.schedule_reminders queues them)."""
    db.execute(delete(CalendarReminder).where(CalendarReminder.user_id == owner.id))
    db.add_all(
        CalendarReminder(user_id=owner.id, kind=kind, time_of_day=when, by_email=by_email)
        for kind, when in chosen.items()
    )
    db.flush()
