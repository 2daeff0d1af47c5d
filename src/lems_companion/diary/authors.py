"""Who wrote an entry, as every view and export names it (issue 14: who wrote what).

An entry stores its author's account and role (``Entry.author_id``, ``Entry.author_role``).
Readers ask ``authors_of`` for the names in one query, and show ``written_by`` beside entries not
written by the patient, so no view passes off a caregiver's entry as the patient's own.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict
from sqlalchemy import select
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
    return row.author_role == "patient" or row.author_id in (None, row.user_id)


def authors_of(db: Session, rows: Sequence[Entry]) -> dict[int, AuthorPublic]:
    """Return each entry's author by entry id. At most one query (for the authors' names)."""
    wanted = {row.user_id for row in rows} | {row.author_id for row in rows if row.author_id}
    names: dict[int, str] = {}
    if wanted:
        for user_id, email, display_name in db.execute(
            select(User.id, User.email, User.display_name).where(User.id.in_(wanted))
        ):
            names[user_id] = display_name or email
    found: dict[int, AuthorPublic] = {}
    for row in rows:
        if _patient_wrote(row):
            found[row.id] = AuthorPublic(
                id=row.user_id, name=names.get(row.user_id, DELETED_ACCOUNT), role="patient"
            )
        else:
            author_id = row.author_id
            name = names.get(author_id, DELETED_ACCOUNT) if author_id else DELETED_ACCOUNT
            found[row.id] = AuthorPublic(id=author_id, name=name, role=row.author_role)
    return found


def author_of(db: Session, row: Entry) -> AuthorPublic:
    """Return one entry's author (one query)."""
    return authors_of(db, [row])[row.id]
