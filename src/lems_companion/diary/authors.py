"""Who wrote an entry, as every view names it: "Written by Sam Carer (caregiver)".

An entry is the patient's own unless a caregiver or clinician they invited wrote it
(``Entry.author_role``). Views never show such an entry as the patient's: the timeline, the
entry page, the red-flag page, the analysis, the report (page, PDF, share link) and the
appointment sheet all read this map (issue 14, "who wrote what").
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from lems_companion.accounts.models import User
from lems_companion.diary.models import Entry

PATIENT = "patient"


@dataclass(frozen=True, slots=True)
class Authorship:
    """The person, other than the patient, who wrote an entry: their shown name and role.

    ``name`` is None when the entry names no account (imported from a file) or the account was
    deleted since; the role is still known.
    """

    name: str | None
    role: str

    @property
    def label(self) -> str:
        """Return the words every view shows: 'Written by Sam Carer (caregiver)'."""
        who = self.name or f"a {self.role}"
        return f"Written by {who} ({self.role})" if self.name else f"Written by {who}"


def written_by_others(
    db: Session, *, owner_id: int, entry_ids: Collection[int] | None = None
) -> dict[int, Authorship]:
    """Return, for the owner's entries not written by the owner, who wrote each, keyed by entry
    id; only among ``entry_ids`` when given. Empty when the patient wrote them all. One query."""
    if entry_ids is not None and not entry_ids:
        return {}
    query = (
        select(Entry.id, Entry.author_role, User.display_name, User.email)
        .outerjoin(User, User.id == Entry.author_id)
        .where(Entry.user_id == owner_id, Entry.author_role != PATIENT)
    )
    if entry_ids is not None:
        query = query.where(Entry.id.in_(list(entry_ids)))
    return {
        entry_id: Authorship(name=display_name or email, role=role)
        for entry_id, role, display_name, email in db.execute(query)
    }
