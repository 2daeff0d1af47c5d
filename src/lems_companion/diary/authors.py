"""Who wrote an entry, as every view and export names it (issue 14: who wrote what).

An entry stores its author's account and role (``Entry.author_id``, ``Entry.author_role``).
Readers ask ``authors_of`` for the names in one query, and show ``written_by`` beside entries not
written by the patient, so no view passes off a caregiver's entry as the patient's own.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from pydantic import BaseModel, ConfigDict
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from lems_companion.accounts.models import User
from lems_companion.diary.models import Entry

# Shown when the account that wrote the entry has since been deleted.
DELETED_ACCOUNT = "a deleted account"


class AuthorPublic(BaseModel):
    """The author of an entry: their account id (None once deleted), name and role."""

    model_config = ConfigDict(frozen=True)

    id: int | None
    name: str
    role: str  # patient, caregiver or clinician


def written_by(author: AuthorPublic) -> str | None:
    """Return "written by NAME (caregiver)" for an entry not written by the patient; else None."""
    if author.role == "patient":
        return None
    return f"written by {author.name} ({author.role})"


def _patient_wrote(row: Entry) -> bool:
    # A caregiver's entry stays theirs when their account is deleted (author_id then None) or
    # when it was imported naming no account.
    return row.author_role == "patient" or row.author_id == row.user_id


def authors_of(db: Session, rows: Sequence[Entry]) -> dict[int, AuthorPublic]:
    """Return each entry's author by entry id. At most one query (for the authors' names)."""
    wanted = {row.user_id for row in rows} | {row.author_id for row in rows if row.author_id}
    names: dict[int, str] = {}
    if wanted:
        for user_id, email, display_name in db.execute(
            select(User.id, User.email, User.display_name).where(User.id.in_(wanted))
        ):
            names[user_id] = display_name or email
    return {row.id: _author(row, names) for row in rows}


def _author(row: Entry, names: dict[int, str]) -> AuthorPublic:
    """Return the entry's author, named from ``names`` (account id to shown name)."""
    if _patient_wrote(row):
        return AuthorPublic(
            id=row.user_id, name=names.get(row.user_id, DELETED_ACCOUNT), role="patient"
        )
    author_id = row.author_id
    name = names.get(author_id, DELETED_ACCOUNT) if author_id else DELETED_ACCOUNT
    return AuthorPublic(id=author_id, name=name, role=row.author_role)


def author_of_new(row: Entry, *, owner: User, writer: User) -> AuthorPublic:
    """Return the author of an entry ``writer`` has just added to ``owner``'s diary, as
    ``authors_of`` would name it. No query: both accounts are at hand."""
    return _author(row, {owner.id: owner.shown_name, writer.id: writer.shown_name})


def author_of(db: Session, row: Entry) -> AuthorPublic:
    """Return one entry's author (one query)."""
    return authors_of(db, [row])[row.id]


def shown_written_by(author: AuthorPublic) -> str:
    """Return the words pages put beside an entry not written by the patient, as a sentence:
    "Written by Sam Carer (caregiver)"; empty for the patient's own entries."""
    words = written_by(author)
    return words[0].upper() + words[1:] if words else ""


def written_by_others(
    db: Session, *, owner_id: int, entry_ids: Collection[int] | None = None
) -> dict[int, AuthorPublic]:
    """Return the authors of the owner's entries not written by the owner, by entry id; only
    among ``entry_ids`` when given. Empty when the patient wrote them all. One query (none for
    an empty ``entry_ids``): the timeline, the red-flag page and the report ask for the few
    entries they show without loading the rows again."""
    if entry_ids is not None and not entry_ids:
        return {}
    query = (
        select(Entry.id, Entry.author_id, Entry.author_role, User.display_name, User.email)
        .outerjoin(User, User.id == Entry.author_id)
        .where(
            Entry.user_id == owner_id,
            Entry.author_role != "patient",
            or_(Entry.author_id.is_(None), Entry.author_id != owner_id),
        )
    )
    if entry_ids is not None:
        query = query.where(Entry.id.in_(list(entry_ids)))
    return {
        entry_id: AuthorPublic(
            id=author_id, name=display_name or email or DELETED_ACCOUNT, role=role
        )
        for entry_id, author_id, role, display_name, email in db.execute(query)
    }
