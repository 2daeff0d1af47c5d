"""Idempotency keys: a retried request to add an entry gets the first answer and adds nothing.

A client that lost the connection after sending an entry cannot know whether it was stored; it
sends the same request again with the same ``Idempotency-Key`` (IETF draft
"The Idempotency-Key HTTP Header Field"). The key is remembered per user, with the entry it made,
for a day; the same key with a different request is refused rather than guessed at.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from lems_companion.accounts.models import User
from lems_companion.diary.models import IdempotencyKey

# Long enough for any retry (an offline phone syncing the next morning), short enough that the
# table stays small.
KEY_LIFETIME = timedelta(hours=24)
MAX_KEY_CHARS = 255


class KeyReused(ValueError):
    """The key was already used for a different request; the message is safe to show."""


def fingerprint(payload: str) -> str:
    """Return the SHA-256 of a request's meaningful content."""
    return hashlib.sha256(payload.encode()).hexdigest()


def check_key(key: str) -> str:
    """Return the key when usable; ValueError when too long or not printable ASCII."""
    if not key or len(key) > MAX_KEY_CHARS or not (key.isascii() and key.isprintable()):
        raise ValueError(
            f"Idempotency-Key: use 1 to {MAX_KEY_CHARS} printable ASCII characters, e.g. a UUID"
        )
    return key


def earlier_answer(
    db: Session, *, user: User, key: str, request_hash: str
) -> IdempotencyKey | None:
    """Return the first answer given to this key; None when the key is new (or expired).

    KeyReused when the key came with a different request. Two statements: expired keys of the
    user are swept first.
    """
    now = datetime.now(UTC)
    db.execute(
        delete(IdempotencyKey).where(
            IdempotencyKey.user_id == user.id, IdempotencyKey.created_at < now - KEY_LIFETIME
        )
    )
    row = db.scalar(
        select(IdempotencyKey).where(IdempotencyKey.user_id == user.id, IdempotencyKey.key == key)
    )
    if row is not None and row.request_hash != request_hash:
        raise KeyReused(
            "Idempotency-Key: this key was already used for a different request; use a new key"
        )
    return row


def remember(
    db: Session, *, user: User, key: str, request_hash: str, status_code: int, entry_id: int
) -> None:
    """Keep the answer given to this key (flushed with the entry; the caller commits both)."""
    db.add(
        IdempotencyKey(
            user_id=user.id,
            key=key,
            request_hash=request_hash,
            status_code=status_code,
            entry_id=entry_id,
            created_at=datetime.now(UTC),
        )
    )
    db.flush()
