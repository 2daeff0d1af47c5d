"""What a person does in the app, for the menu and the home page (issue 14: a home that fits).

A person keeps a diary (a patient), looks after diaries others shared with them (as a caregiver
or a clinician), or both. Someone with nothing shared with them is a patient, even before their
first entry; someone with diaries shared with them keeps a diary of their own once they write in
it or invite someone to it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import distinct, exists, func, select
from sqlalchemy.orm import Session

from lems_companion.accounts.models import User
from lems_companion.diary.models import Entry
from lems_companion.i18n import N_
from lems_companion.sharing.models import Grant

# A grantee's role as pages name it (translated where shown: the template passes it through the
# catalogue). Nouns that fit "you are their ...", "as ...".
ROLE_NAMES: dict[str, str] = {"caregiver": N_("caregiver"), "clinician": N_("clinician")}


@dataclass(frozen=True, slots=True)
class Roles:
    """What the person does: keep their own diary, and look after others' as a caregiver or
    clinician (through live grants naming their e-mail)."""

    own_diary: bool = True
    caregiver: bool = False
    clinician: bool = False
    # The one diary a caregiver without a diary of their own writes in: the header's "New
    # entry" then opens that diary's form, as it opens a patient's own.
    writes_for: int | None = None

    @property
    def looks_after(self) -> bool:
        """Return True when at least one diary is shared with this person."""
        return self.caregiver or self.clinician


def roles_of(db: Session, user: User) -> Roles:
    """Return what this person does in the app. One query."""
    to_them = Grant.grantee_email == user.email
    live = Grant.revoked_at.is_(None)
    cares_for = (
        select(
            func.count(distinct(Grant.owner_id)),
            func.min(Grant.owner_id),
            func.max(Grant.last_seen_at),
        )
        .where(to_them, live, Grant.role == "caregiver")
        .subquery()
    )
    query = select(
        cares_for.c[0],
        cares_for.c[1],
        cares_for.c[2],
        exists().where(to_them, live, Grant.role == "clinician"),
        exists().where(Entry.user_id == user.id),
        exists().where(Grant.owner_id == user.id, live),
    )
    diaries_cared_for, first_cared_for, opened, clinician, has_entries, has_invited = db.execute(
        query
    ).one()
    looks_after = bool(diaries_cared_for or clinician)
    own_diary = bool(has_entries or has_invited or not looks_after)
    # Access needs a confirmed address (sharing.service), and an invitation is accepted by
    # opening the diary: the shortcut waits for both.
    sole_diary = (
        diaries_cared_for == 1
        and not own_diary
        and user.email_verified_at is not None
        and opened is not None
    )
    return Roles(
        own_diary=own_diary,
        caregiver=bool(diaries_cared_for),
        clinician=bool(clinician),
        writes_for=first_cared_for if sole_diary else None,
    )
