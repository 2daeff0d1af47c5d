"""Acknowledging red flags: "seen by NAME (role) at TIME", stored per flag and per account.

Issue 14: a caregiver or clinician the patient invited (and the patient too) can say they have
seen an entry's red flags. An acknowledgement is a note beside the flag: the flag keeps its level
and plain name and stays on every view (spec section 1: never hide or soften a red flag). Use by
anyone but the owner goes to the audit log, as every access to the diary does.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from lems_companion.accounts.models import User
from lems_companion.diary.flags import is_red_flag, plain_name
from lems_companion.diary.models import Entry, EntryFlag, FlagAcknowledgement
from lems_companion.diary.service import NotFound
from lems_companion.sharing.service import access_for, audit

# Shown when the account that acknowledged has since been deleted.
DELETED_ACCOUNT = "a deleted account"


class NothingToAcknowledge(ValueError):
    """The entry raised no red flag, so there is nothing to acknowledge."""


@dataclass(frozen=True, slots=True)
class Acknowledgement:
    """One stored red flag seen by one account: which flag, who, in which role, when."""

    entry_flag_id: int
    entry_id: int
    flag: str
    level: str
    user_id: int | None
    name: str
    role: str  # patient, caregiver or clinician
    at: datetime  # UTC

    @property
    def flag_name(self) -> str:
        """Return the flag's plain name with what its level asks, as every view shows it."""
        return plain_name(self.flag, self.level)

    def text(self, tz: tzinfo = UTC) -> str:
        """Return "seen by NAME (role) at 1 Mar 2026 09:30" in this time zone."""
        local = self.at.astimezone(tz)
        return f"seen by {self.name} ({self.role}) at {local:%-d %b %Y %H:%M}"


def _role_of(viewer: User, owner_id: int, access_role: str) -> str:
    return "patient" if viewer.id == owner_id else access_role


def acknowledge_entry_flags(db: Session, entry: Entry, viewer: User) -> list[Acknowledgement]:
    """Acknowledge every red flag of the entry for the viewer; return the viewer's
    acknowledgements of them (flushed; the caller commits).

    The viewer needs read access to the diary: its owner, or a caregiver or clinician with a live
    grant (a revoked grant gets NotFound, as for a missing entry). Acknowledging again changes
    nothing. NothingToAcknowledge when the entry has no red flag.
    """
    access = access_for(db, viewer=viewer, owner_id=entry.user_id, action="read")
    if access is None:
        raise NotFound(f"no diary entry {entry.id}")
    red = [item for item in entry.flags if is_red_flag(item.level)]
    if not red:
        raise NothingToAcknowledge("this entry raised no red flag to acknowledge")
    done = set(
        db.scalars(
            select(FlagAcknowledgement.entry_flag_id).where(
                FlagAcknowledgement.entry_flag_id.in_([item.id for item in red]),
                FlagAcknowledgement.user_id == viewer.id,
            )
        )
    )
    now = datetime.now(UTC)
    role = _role_of(viewer, entry.user_id, access.role)
    for item in red:
        if item.id not in done:
            db.add(
                FlagAcknowledgement(
                    entry_flag_id=item.id,
                    owner_id=entry.user_id,
                    user_id=viewer.id,
                    role=role,
                    at=now,
                )
            )
    audit(db, access, action="create", target=f"acknowledgement of entry {entry.id}")
    db.flush()
    return [
        ack
        for ack in acknowledgements_for(db, [entry.id]).get(entry.id, [])
        if ack.user_id == viewer.id
    ]


def _grouped(rows: Iterable[Any]) -> dict[int, list[Acknowledgement]]:
    found: dict[int, list[Acknowledgement]] = defaultdict(list)
    for ack, flag, user in rows:
        found[flag.entry_id].append(
            Acknowledgement(
                entry_flag_id=flag.id,
                entry_id=flag.entry_id,
                flag=flag.flag,
                level=flag.level,
                user_id=ack.user_id,
                name=user.shown_name if user is not None else DELETED_ACCOUNT,
                role=ack.role,
                at=ack.at,
            )
        )
    return dict(found)


def acknowledgements_for(
    db: Session, entry_ids: Collection[int]
) -> dict[int, list[Acknowledgement]]:
    """Return the acknowledgements of these entries' flags by entry id, each list by flag then
    time; entries with none are left out. One query."""
    if not entry_ids:
        return {}
    query = (
        select(FlagAcknowledgement, EntryFlag, User)
        .join(EntryFlag, EntryFlag.id == FlagAcknowledgement.entry_flag_id)
        .outerjoin(User, User.id == FlagAcknowledgement.user_id)
        .where(EntryFlag.entry_id.in_(list(entry_ids)))
        .order_by(EntryFlag.entry_id, EntryFlag.id, FlagAcknowledgement.at, FlagAcknowledgement.id)
    )
    return _grouped(db.execute(query))


def acknowledgements_of_owner(db: Session, *, owner_id: int) -> dict[int, list[Acknowledgement]]:
    """Return every acknowledgement of the owner's flags by entry id (the red-flag page, the
    report and the archive). One query."""
    query = (
        select(FlagAcknowledgement, EntryFlag, User)
        .join(EntryFlag, EntryFlag.id == FlagAcknowledgement.entry_flag_id)
        .outerjoin(User, User.id == FlagAcknowledgement.user_id)
        .where(FlagAcknowledgement.owner_id == owner_id)
        .order_by(EntryFlag.entry_id, EntryFlag.id, FlagAcknowledgement.at, FlagAcknowledgement.id)
    )
    return _grouped(db.execute(query))
