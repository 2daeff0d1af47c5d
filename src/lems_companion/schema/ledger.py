"""Keeping revocations through a restore: the security events a backup must not undo.

A backup holds the database as it was. Restoring it would bring back a share link or caregiver
grant revoked since, a password changed since (and with it a thief's access) and an account
deleted since. So ``lems restore`` (db/backup.py) reads this instance's ``security_events``
before it restores, puts them back afterwards, and applies every one of them again; it also
signs everyone out, so no session or API token of the backup's time works (docs/backup.md).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, delete, insert, inspect, select, update

from lems_companion.accounts.models import AuthSession, SecurityEvent, User
from lems_companion.interop.models import CalendarFeed
from lems_companion.sharing.models import Grant, ShareLink

EVENT_TABLE = SecurityEvent.__tablename__


def read_events(connection: Connection) -> list[dict[str, Any]]:
    """Return every security event of the database, oldest first; empty when it has none yet
    (or no table for them). One query."""
    if EVENT_TABLE not in inspect(connection).get_table_names():
        return []
    rows = connection.execute(select(SecurityEvent.__table__).order_by(SecurityEvent.id))
    return [dict(row._mapping) for row in rows]


def _digest(email: str) -> str:
    return hashlib.sha256(email.encode()).hexdigest()


def reapply(connection: Connection, kept: Sequence[dict[str, Any]]) -> None:
    """Put the kept events back (when there are any) and apply all events again; then end
    every session and API token. The caller commits."""
    table = SecurityEvent.__table__
    if kept:
        # The kept list is this instance's whole history; the backup's copy is an older part.
        connection.execute(delete(SecurityEvent))
        connection.execute(insert(SecurityEvent), list(kept))
    emails = {row.id: row.email for row in connection.execute(select(User.id, User.email))}
    for event in connection.execute(select(table).order_by(table.c.at, table.c.id)):
        same_account = (
            emails.get(event.user_id) is not None
            and _digest(emails[event.user_id]) == event.email_digest
        )
        if event.kind == "password_changed" and same_account and event.password_hash:
            connection.execute(
                update(User)
                .where(User.id == event.user_id)
                .values(password_hash=event.password_hash)
            )
        elif event.kind == "grant_revoked" and event.subject.isdigit():
            connection.execute(
                update(Grant)
                .where(
                    Grant.id == int(event.subject),
                    Grant.owner_id == event.user_id,
                    Grant.revoked_at.is_(None),
                )
                .values(revoked_at=event.at)
            )
        elif event.kind == "link_revoked":
            connection.execute(
                update(ShareLink)
                .where(ShareLink.token_hash == event.subject, ShareLink.revoked_at.is_(None))
                .values(revoked_at=event.at)
            )
        elif event.kind == "feed_revoked":
            connection.execute(
                update(CalendarFeed)
                .where(CalendarFeed.token_hash == event.subject, CalendarFeed.revoked_at.is_(None))
                .values(revoked_at=event.at)
            )
        elif event.kind == "account_deleted":
            _delete_again(connection, event.user_id, event.email_digest, same_account)
    connection.execute(delete(AuthSession))


def _delete_again(connection: Connection, user_id: int, digest: str, same_account: bool) -> None:
    """Delete an account the backup brought back, and revoke grants naming its address."""
    if same_account:
        connection.execute(delete(User).where(User.id == user_id))
    live = select(Grant.id, Grant.grantee_email).where(Grant.revoked_at.is_(None))
    for grant_id, email in connection.execute(live).all():
        if _digest(email) == digest:
            connection.execute(
                update(Grant).where(Grant.id == grant_id).values(revoked_at=Grant.created_at)
            )
