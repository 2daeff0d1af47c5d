"""Who may see a diary besides its owner: grants, share links, and the audit log of their use.

Roles (issue 6): the patient owns the diary; a caregiver they invite may read it and add entries;
a clinician they invite may read the diary and its reports; an instance admin manages accounts
but reads no diary. A share link gives read-only access to a diary or its report until it expires
or is revoked. Every read or change by anyone but the owner is written to the audit log.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

from sqlalchemy import column, func, select, table
from sqlalchemy.orm import Session

from lems_companion.accounts.models import User
from lems_companion.accounts.service import AccountError, normalise_email, record_security_event
from lems_companion.i18n import N_, Said
from lems_companion.inputs import check_storable_text
from lems_companion.logs import security_event
from lems_companion.sharing.models import AuditEvent, Grant, ShareLink

Action = Literal["read", "create", "write"]
Role = Literal["owner", "caregiver", "clinician", "link"]
GrantRole = Literal["caregiver", "clinician"]
LinkScope = Literal["diary", "report"]

# What each role may do with a diary; "write" is changing or deleting an existing entry.
ROLE_ACTIONS: dict[str, frozenset[str]] = {
    "owner": frozenset({"read", "create", "write"}),
    "caregiver": frozenset({"read", "create"}),
    "clinician": frozenset({"read"}),
    "link": frozenset({"read"}),
}
# Issue 6: a share link is valid 30 days unless the patient chooses otherwise; at most a year.
DEFAULT_LINK_DAYS = 30
MAX_LINK_DAYS = 365
# 32 bytes = 256 bits of randomness; the issue asks for at least 128.
LINK_TOKEN_BYTES = 32
# Which red-flag notices a grantee is sent, from least to most (issue 15). "emergency": an
# e-mail at once for an entry at the emergency level; "prompt": that, and a morning digest of
# entries at the prompt level (spec section 3 names the levels). The patient sets what is
# allowed, the grantee what they want; the lower of the two applies.
NOTIFY_LEVELS: tuple[str, ...] = ("none", "emergency", "prompt")
NotifyLevel = Literal["none", "emergency", "prompt"]


class SharingError(ValueError):
    """A sharing request that cannot be met; the message is safe to show."""


@dataclass(frozen=True)
class Access:
    """How a viewer reaches a diary: their role, and the grant or link used (for the audit)."""

    owner_id: int
    role: Role
    actor_email: str | None
    via: str

    def allows(self, action: Action) -> bool:
        """Return True when this role may perform the action."""
        return action in ROLE_ACTIONS[self.role]


def _live_grants(db: Session, *, owner_id: int, email: str) -> list[Grant]:
    query = select(Grant).where(
        Grant.owner_id == owner_id, Grant.grantee_email == email, Grant.revoked_at.is_(None)
    )
    return list(db.scalars(query.order_by(Grant.id)))


def access_for(db: Session, *, viewer: User, owner_id: int, action: Action) -> Access | None:
    """Return the viewer's access to this owner's diary for the action; None when refused.

    One query when the viewer is not the owner.
    """
    if viewer.id == owner_id:
        return Access(owner_id=owner_id, role="owner", actor_email=viewer.email, via="owner")
    if viewer.email_verified_at is None:
        # Issue 15: an invitation names an address; only someone who proved they read mail
        # there may use it, so registering an invited address first gains nothing.
        return None
    for grant in _live_grants(db, owner_id=owner_id, email=viewer.email):
        access = Access(
            owner_id=owner_id,
            role=grant.role,  # type: ignore[arg-type]
            actor_email=viewer.email,
            via=f"{grant.role} grant {grant.id}",
        )
        if access.allows(action):
            return access
    return None


def link_access(link: ShareLink) -> Access:
    """Return the read-only access a live share link gives."""
    via = f"share link {link.id}"
    return Access(owner_id=link.owner_id, role="link", actor_email=None, via=via)


def audit(db: Session, access: Access, *, action: Action, target: str) -> None:
    """Record a read or change by anyone but the owner; nothing is recorded for the owner."""
    if access.role == "owner":
        return
    db.add(
        AuditEvent(
            owner_id=access.owner_id,
            actor_email=access.actor_email,
            via=access.via,
            action=action,
            target=target,
            at=datetime.now(UTC),
        )
    )


def audit_command_line(db: Session, *, owner_id: int, action: Action, target: str) -> None:
    """Record a change to the owner's sharing made from the command line (by the instance's
    administrator, not the patient), so the patient's audit log shows it."""
    db.add(
        AuditEvent(
            owner_id=owner_id,
            actor_email=None,
            via="command line",
            action=action,
            target=target[:120],
            at=datetime.now(UTC),
        )
    )


def audit_log(db: Session, *, owner: User, limit: int = 500) -> list[AuditEvent]:
    """Return the latest audit events about the owner's data, newest first. One query."""
    query = (
        select(AuditEvent)
        .where(AuditEvent.owner_id == owner.id)
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .limit(limit)
    )
    return list(db.scalars(query))


# Grants ------------------------------------------------------------------------------------


def _check_notify(notify: str) -> str:
    if notify not in NOTIFY_LEVELS:
        raise SharingError("notify: " + N_("choose emergency, prompt or none"))
    return notify


def effective_notify(grant: Grant) -> str:
    """Return the notices this grant's holder gets: the lower of what the patient allows and
    what the holder wants."""
    allowed = NOTIFY_LEVELS.index(grant.notify) if grant.notify in NOTIFY_LEVELS else 0
    wanted = (
        NOTIFY_LEVELS.index(grant.notify_grantee) if grant.notify_grantee in NOTIFY_LEVELS else 0
    )
    return NOTIFY_LEVELS[min(allowed, wanted)]


def invite(db: Session, *, owner: User, email: str, role: str, notify: str = "none") -> Grant:
    """Return a new grant for this e-mail (flushed); SharingError when it is not allowed.

    ``notify`` is which red-flag notices the patient allows to be e-mailed to this person."""
    if role not in ("caregiver", "clinician"):
        raise SharingError("role: " + N_("choose caregiver or clinician"))
    _check_notify(notify)
    try:
        email = normalise_email(email)
    except AccountError as error:
        raise SharingError(str(error)) from None
    if email == owner.email:
        raise SharingError("email: " + N_("this is your own address"))
    if any(grant.role == role for grant in _live_grants(db, owner_id=owner.id, email=email)):
        raise SharingError(
            Said(
                N_("%(email)s is already invited as %(role)s"),
                field="email",
                email=email,
                # The role's word is its catalogue message (people.roles.ROLE_NAMES, which
                # sharing cannot import: people builds on sharing).
                role=Said(role),
            )
        )
    grant = Grant(
        owner_id=owner.id,
        grantee_email=email,
        role=role,
        created_at=datetime.now(UTC),
        notify=notify,
        notify_grantee="prompt",
    )
    db.add(grant)
    db.flush()
    security_event("grant_created", account_id=owner.id, grant_id=grant.id, role=role)
    return grant


def grants_of(db: Session, *, owner: User) -> list[Grant]:
    """Return the owner's live grants, oldest first. One query."""
    query = select(Grant).where(Grant.owner_id == owner.id, Grant.revoked_at.is_(None))
    return list(db.scalars(query.order_by(Grant.id)))


def set_notify(db: Session, *, owner: User, grant_id: int, notify: str) -> Grant:
    """Set which notices the patient allows for one of their live grants; SharingError when
    there is no such grant or the choice is not one of NOTIFY_LEVELS."""
    _check_notify(notify)
    grant = db.get(Grant, grant_id)
    if grant is None or grant.owner_id != owner.id or grant.revoked_at is not None:
        raise SharingError("no such invitation")
    grant.notify = notify
    return grant


def set_notify_wanted(db: Session, *, viewer: User, grant_id: int, notify: str) -> Grant:
    """Set which notices the person a grant names wants; SharingError when the grant is not
    theirs (or not live) or the choice is not one of NOTIFY_LEVELS."""
    _check_notify(notify)
    grant = db.get(Grant, grant_id)
    if (
        grant is None
        or grant.grantee_email != viewer.email
        or grant.revoked_at is not None
        or viewer.email_verified_at is None
    ):
        raise SharingError("no such invitation")
    grant.notify_grantee = notify
    return grant


def revoke_grant(db: Session, *, owner: User, grant_id: int) -> None:
    """Revoke one of the owner's grants at once; SharingError when there is no such grant."""
    grant = db.get(Grant, grant_id)
    if grant is None or grant.owner_id != owner.id or grant.revoked_at is not None:
        raise SharingError("no such invitation")
    grant.revoked_at = datetime.now(UTC)
    record_security_event(db, kind="grant_revoked", user=owner, subject=str(grant.id))
    security_event("grant_revoked", account_id=owner.id, grant_id=grant.id)


def revoke_grants_to(db: Session, *, email: str) -> None:
    """Revoke every live grant naming this e-mail, e.g. when that account is deleted, so that
    someone signing up later with the address inherits nothing."""
    for grant in db.scalars(
        select(Grant).where(Grant.grantee_email == email, Grant.revoked_at.is_(None))
    ):
        grant.revoked_at = datetime.now(UTC)
        security_event("grant_revoked", account_id=grant.owner_id, grant_id=grant.id)


def revoke_grants_to_email(db: Session, *, owner: User, email: str) -> list[Grant]:
    """Revoke the owner's live grants naming this e-mail (any role) and return them;
    SharingError when there is none."""
    try:
        email = normalise_email(email)
    except AccountError as error:
        raise SharingError(str(error)) from None
    grants = _live_grants(db, owner_id=owner.id, email=email)
    if not grants:
        raise SharingError(Said(N_("%(email)s has no live invitation to this diary"), email=email))
    for grant in grants:
        revoke_grant(db, owner=owner, grant_id=grant.id)
    return grants


# The diary's stored flags, read here by name only: the diary package imports this one, so this
# one cannot import the diary's models (tests/docs/test_architecture.py).
_ENTRY_FLAGS = table("entry_flags", column("id"), column("user_id"))


def mark_seen(db: Session, *, viewer: User, owner_id: int, at: datetime | None = None) -> None:
    """Note that the viewer has just opened this owner's diary (their live grants' last_seen_at,
    and the highest flag id then), so the people list counts only red flags raised since.
    Nothing for the owner. One or two queries."""
    if viewer.id == owner_id:
        return
    grants = _live_grants(db, owner_id=owner_id, email=viewer.email)
    if not grants:
        return
    moment = at or datetime.now(UTC)
    highest = db.scalar(
        select(func.max(_ENTRY_FLAGS.c.id)).where(_ENTRY_FLAGS.c.user_id == owner_id)
    )
    for grant in grants:
        grant.last_seen_at = moment
        grant.seen_flag_id = highest or 0


def diaries_shared_with(db: Session, *, viewer: User) -> list[tuple[Grant, User]]:
    """Return the live grants naming the viewer with the diaries' owners; none until the
    viewer's address is confirmed. One query."""
    if viewer.email_verified_at is None:
        return []
    query = (
        select(Grant, User)
        .join(User, User.id == Grant.owner_id)
        .where(Grant.grantee_email == viewer.email, Grant.revoked_at.is_(None))
        .order_by(User.email, Grant.role)
    )
    return [(grant, owner) for grant, owner in db.execute(query)]


# Share links -------------------------------------------------------------------------------


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_link(
    db: Session, *, owner: User, scope: str, days: int = DEFAULT_LINK_DAYS, label: str = ""
) -> tuple[str, ShareLink]:
    """Return a new link's secret token (shown once) and its row; only the hash is stored."""
    if scope not in ("diary", "report"):
        raise SharingError("scope: " + N_("choose diary or report"))
    if not 1 <= days <= MAX_LINK_DAYS:
        raise SharingError(
            Said(N_("choose from 1 to %(number)s days"), field="days", number=MAX_LINK_DAYS)
        )
    try:
        check_storable_text(label)
    except ValueError as error:
        raise SharingError(f"label: {error}") from None
    token = secrets.token_urlsafe(LINK_TOKEN_BYTES)
    now = datetime.now(UTC)
    link = ShareLink(
        owner_id=owner.id,
        token_hash=_digest(token),
        scope=scope,
        label=label.strip()[:200] or f"{scope} link",
        created_at=now,
        expires_at=now + timedelta(days=days),
    )
    db.add(link)
    db.flush()
    security_event("share_link_created", account_id=owner.id, link_id=link.id, scope=scope)
    return token, link


def live_link(db: Session, token: str, *, scope: LinkScope) -> ShareLink | None:
    """Return the link behind this token when it is for this scope, unexpired and unrevoked."""
    link = db.scalar(select(ShareLink).where(ShareLink.token_hash == _digest(token)))
    if link is None or link.revoked_at is not None or link.expires_at <= datetime.now(UTC):
        return None
    # A diary link also opens the report: the report is drawn from the same diary.
    return link if scope == link.scope or link.scope == "diary" else None


def links_of(db: Session, *, owner: User) -> list[ShareLink]:
    """Return the owner's links that are neither revoked nor expired, newest first."""
    query = select(ShareLink).where(
        ShareLink.owner_id == owner.id,
        ShareLink.revoked_at.is_(None),
        ShareLink.expires_at > datetime.now(UTC),
    )
    return list(db.scalars(query.order_by(ShareLink.id.desc())))


def revoke_link(db: Session, *, owner: User, link_id: int) -> None:
    """Revoke one of the owner's links at once; SharingError when there is no such link."""
    link = db.get(ShareLink, link_id)
    if link is None or link.owner_id != owner.id or link.revoked_at is not None:
        raise SharingError("no such link")
    link.revoked_at = datetime.now(UTC)
    record_security_event(db, kind="link_revoked", user=owner, subject=link.token_hash)
    security_event("share_link_revoked", account_id=owner.id, link_id=link.id)
