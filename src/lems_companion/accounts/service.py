"""Accounts: users, password hashing, and the sessions behind web cookies and API tokens.

Sessions live in the database rather than in signed cookies so that any number of app processes
can serve one database without sharing a secret, and so that logging out revokes at once.
"""

from __future__ import annotations

import contextlib
import hashlib
import secrets
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from email_validator import EmailNotValidError, validate_email
from sqlalchemy import Select, bindparam, delete, func, select, update
from sqlalchemy.orm import Session

from lems_companion.accounts import mfa, throttle
from lems_companion.accounts.models import AuthSession, EmailToken, SecurityEvent, User
from lems_companion.dates import is_known_zone
from lems_companion.i18n import N_, Said
from lems_companion.logs import security_event

# OWASP ASVS 4.0 V2.1.1 (level 2): at least 12 characters; no composition rules (NIST SP
# 800-63B). The ceiling keeps hashing cheap.
MIN_PASSWORD_CHARS = 12
MAX_PASSWORD_CHARS = 1_000
# 32 bytes = 256 bits of randomness for session and API tokens.
TOKEN_BYTES = 32
# The one answer for an unknown address, a wrong password and a wrong code alike.
WRONG_CREDENTIALS = "That e-mail and password do not match an account."

# argon2id with the library's defaults (RFC 9106 low-memory profile).
_hasher = PasswordHasher()
# Verified against when the e-mail is unknown, so a missing account costs as much time as a
# wrong password and the two cannot be told apart by timing. Written out rather than hashed at
# import, which cost every command 0.3 s of CPU; a test holds it to the hasher's parameters.
DUMMY_HASH = (
    "$argon2id$v=19$m=65536,t=3,p=4$B4DQ/RX+6f+uC7zzBRWo2g"
    "$tVdBeYeUx/nn8eh1BfJpg/+pjp42I3hN2lWfr3s2gL4"
)

SessionKind = Literal["web", "api"]
TokenPurpose = Literal["verify", "reset"]
# A verification link may wait in an inbox for a weekend; a reset link is a key to the account,
# so it lives an hour (OWASP Forgot Password Cheat Sheet: short-lived, single use, hashed).
TOKEN_LIFETIMES: dict[str, timedelta] = {
    "verify": timedelta(hours=48),
    "reset": timedelta(hours=1),
}


class AccountError(ValueError):
    """A request about an account that cannot be met; the message is safe to show."""


class TooManyAttempts(AccountError):
    """A password check refused for a while after repeated attempts from the same client."""


class AddressTaken(AccountError):
    """Sign-up with an address that already has an account (never told to the visitor)."""


def normalise_email(email: str) -> str:
    """Return the e-mail address in its canonical form; AccountError when it is not valid."""
    try:
        return validate_email(email.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError as error:
        raise AccountError(f"email: {error}") from None


def check_password_rules(password: str) -> None:
    """Return nothing when the password is acceptable; AccountError saying why when not."""
    if len(password) < MIN_PASSWORD_CHARS:
        raise AccountError(
            Said(
                N_("use at least %(number)s characters"),
                field="password",
                number=MIN_PASSWORD_CHARS,
            )
        )
    if len(password) > MAX_PASSWORD_CHARS:
        raise AccountError(
            Said(
                N_("use at most %(number)s characters"), field="password", number=MAX_PASSWORD_CHARS
            )
        )


def _about_new(error: AccountError) -> AccountError:
    """Return a password rule's error about the form's new-password field ("new_password")."""
    said = error.args[0] if error.args else ""
    if isinstance(said, Said) and said.field:
        return AccountError(Said(said.message, field=f"new_{said.field}", **said.values))
    return AccountError(f"new_{error}")


def count_users(db: Session) -> int:
    """Return how many accounts exist. One query."""
    return db.scalar(select(func.count()).select_from(User)) or 0


def find_user(db: Session, email: str) -> User | None:
    """Return the user with this e-mail address; None when there is none. One query."""
    try:
        email = normalise_email(email)
    except AccountError:
        return None
    return db.scalar(select(User).where(User.email == email))


def create_user(
    db: Session, *, email: str, password: str, time_zone: str = "UTC", verified: bool = False
) -> User:
    """Return a new user (flushed, not committed); AccountError for a bad or taken address.

    ``verified`` is for accounts an admin makes (`lems user create`): their address counts as
    confirmed. Anyone signing up confirms theirs through a link sent to it."""
    email = normalise_email(email)
    check_password_rules(password)
    if not is_known_zone(time_zone):
        raise AccountError(
            f"time_zone: {time_zone!r} is not an IANA time zone such as Europe/London"
        )
    # Hashed first, so a taken address costs the same time as a free one.
    password_hash = _hasher.hash(password)
    if db.scalar(select(User.id).where(User.email == email)) is not None:
        raise AddressTaken("email: an account with this address already exists")
    user = User(
        email=email,
        password_hash=password_hash,
        time_zone=time_zone,
        created_at=datetime.now(UTC),
        email_verified_at=datetime.now(UTC) if verified else None,
    )
    db.add(user)
    db.flush()
    return user


def set_password(user: User, password: str) -> None:
    """Replace the user's password (the caller commits); AccountError when it breaks the rules."""
    check_password_rules(password)
    user.password_hash = _hasher.hash(password)
    security_event("password_changed", account_id=user.id)


class WrongCredentials(AccountError):
    """The e-mail and password (or the second factor's code) do not match an account."""


class SecondFactorRequired(AccountError):
    """The password was right; the account's second factor must be given too."""


def authenticate(
    db: Session, *, email: str, password: str, client: str | None, code: str = ""
) -> User:
    """Return the user when the password (and second factor, when on) match.

    WrongCredentials when they do not, SecondFactorRequired when the code is missing or wrong,
    TooManyAttempts when this client has tried too often (accounts/throttle.py). The attempt is
    counted before the password is checked, in its own committed transaction, so concurrent
    guesses cannot slip past the count. A few queries and one hash.
    """
    try:
        key = normalise_email(email)
    except AccountError:
        # Not an address at all (it may even hold characters a database refuses): no account
        # can match, but the check costs as much time as a real one.
        with contextlib.suppress(VerificationError, InvalidHashError):
            _hasher.verify(DUMMY_HASH, password)
        security_event("sign_in_failed", account_id=None)
        raise WrongCredentials(WRONG_CREDENTIALS) from None
    engine = throttle.engine_of(db)
    try:
        attempt = throttle.begin_attempt(engine, account=key, client=client)
    except throttle.Throttled as error:
        security_event("sign_in_throttled", account_id=None)
        raise TooManyAttempts(str(error)) from None
    throttle.wait_if_slowed(attempt)
    user = db.scalar(select(User).where(User.email == key))
    try:
        _hasher.verify(user.password_hash if user else DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        # The account, if the address has one; None for an unknown address (never the address).
        security_event("sign_in_failed", account_id=user.id if user else None)
        raise WrongCredentials(WRONG_CREDENTIALS) from None
    assert user is not None
    if mfa.active_factor(db, user) is not None and not mfa.check_second_factor(db, user, code):
        # The attempt stays counted: guessing codes is throttled like guessing passwords.
        db.commit()  # a spent recovery code or step stays spent
        security_event("second_factor_failed", account_id=user.id)
        raise SecondFactorRequired(
            "mfa_required: enter the 6-digit code from your authenticator app, or a recovery code"
        )
    throttle.succeeded(db, attempt)
    security_event("signed_in", account_id=user.id)
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    return user


def change_password(
    db: Session, *, user: User, current: str, new: str, keep: str | None, client: str | None
) -> None:
    """Replace the password after checking the current one; other sessions are signed out.

    AccountError when the current password is wrong or the new one breaks the rules;
    TooManyAttempts when the current password was guessed too often (counted as sign-ins are).
    ``keep`` is the token of the session making the change, which stays signed in.
    """
    engine = throttle.engine_of(db)
    try:
        attempt = throttle.begin_attempt(engine, account=user.email, client=client)
    except throttle.Throttled as error:
        raise TooManyAttempts(f"current_password: {error}") from None
    throttle.wait_if_slowed(attempt)
    try:
        _hasher.verify(user.password_hash, current)
    except (VerificationError, InvalidHashError):
        raise AccountError("current_password: " + N_("that is not your current password")) from None
    throttle.succeeded(db, attempt)
    try:
        set_password(user, new)
    except AccountError as error:
        raise _about_new(error) from None
    end_other_sessions(db, user=user, keep=keep)
    record_security_event(db, kind="password_changed", user=user, password_hash=user.password_hash)


def check_password(db: Session, *, user: User, password: str, client: str | None) -> bool:
    """Return True when this is the user's password; throttled like sign-in (TooManyAttempts).

    For confirming a dangerous action (deleting the account) in a signed-in session.
    """
    engine = throttle.engine_of(db)
    try:
        attempt = throttle.begin_attempt(engine, account=user.email, client=client)
    except throttle.Throttled as error:
        raise TooManyAttempts(str(error)) from None
    throttle.wait_if_slowed(attempt)
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return False
    throttle.succeeded(db, attempt)
    return True


def email_digest(email: str) -> str:
    """Return the SHA-256 of an address, as security events name an account."""
    return hashlib.sha256(email.encode()).hexdigest()


def record_security_event(
    db: Session, *, kind: str, user: User, subject: str = "", password_hash: str | None = None
) -> None:
    """Add an event that a restore of an older backup must not undo (the caller commits)."""
    db.add(
        SecurityEvent(
            at=datetime.now(UTC),
            kind=kind,
            user_id=user.id,
            email_digest=email_digest(user.email),
            subject=subject,
            password_hash=password_hash,
        )
    )


def end_other_sessions(db: Session, *, user: User, keep: str | None = None) -> None:
    """Delete every session and API token of the user except the one with token ``keep``."""
    query = delete(AuthSession).where(AuthSession.user_id == user.id)
    if keep is not None:
        query = query.where(AuthSession.token_hash != _digest(keep))
    db.execute(query)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(
    db: Session, *, user: User, kind: SessionKind, days: int
) -> tuple[str, AuthSession]:
    """Return a new secret token and its stored session row; only the token's hash is kept."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    now = datetime.now(UTC)
    # Expired sessions are useless; sweep the user's away whenever they start a new one.
    db.execute(
        delete(AuthSession).where(AuthSession.user_id == user.id, AuthSession.expires_at <= now)
    )
    row = AuthSession(
        token_hash=_digest(token),
        user_id=user.id,
        kind=kind,
        csrf_token=secrets.token_urlsafe(TOKEN_BYTES),
        created_at=now,
        expires_at=now + timedelta(days=days),
    )
    db.add(row)
    db.flush()
    return token, row


@cache
def _session_statement() -> Select[User, AuthSession]:
    """Return the query of a session and its user by token hash and kind, built once: building
    it cost a fifth of every signed-in request's look-up."""
    return (
        select(User, AuthSession)
        .join(AuthSession, AuthSession.user_id == User.id)
        .where(
            AuthSession.token_hash == bindparam("token_hash"), AuthSession.kind == bindparam("kind")
        )
    )


def resolve_session(
    db: Session, token: str, *, kind: SessionKind
) -> tuple[User, AuthSession] | None:
    """Return the user and session for a live token of this kind; None when unknown or expired."""
    found = db.execute(_session_statement(), {"token_hash": _digest(token), "kind": kind}).first()
    if found is None or found.AuthSession.expires_at <= datetime.now(UTC):
        return None
    return found.User, found.AuthSession


def end_session(db: Session, token: str) -> None:
    """Delete the session behind this token; nothing happens when there is none."""
    db.execute(delete(AuthSession).where(AuthSession.token_hash == _digest(token)))


# E-mail tokens: verify an address, reset a password ------------------------------------------


def mark_verified(user: User) -> None:
    """Record that the person reads mail at the account's address (the caller commits)."""
    if user.email_verified_at is None:
        user.email_verified_at = datetime.now(UTC)
        security_event("email_verified", account_id=user.id)


def issue_email_token(db: Session, *, user: User, purpose: TokenPurpose) -> str:
    """Return a new one-time token for this account (flushed); only its hash is stored. Earlier
    unused tokens of the same purpose stop working, so only the latest e-mail's link works."""
    now = datetime.now(UTC)
    db.execute(
        update(EmailToken)
        .where(
            EmailToken.user_id == user.id,
            EmailToken.purpose == purpose,
            EmailToken.used_at.is_(None),
        )
        .values(used_at=now)
    )
    token = secrets.token_urlsafe(TOKEN_BYTES)
    db.add(
        EmailToken(
            user_id=user.id,
            purpose=purpose,
            token_hash=_digest(token),
            email_digest=email_digest(user.email),
            created_at=now,
            expires_at=now + TOKEN_LIFETIMES[purpose],
        )
    )
    db.flush()
    return token


def _spend_token(db: Session, token: str, purpose: TokenPurpose) -> User | None:
    """Spend a live token in one statement (two requests cannot both use it) and return its
    account; None when unknown, spent, expired, or sent to an address the account no longer has."""
    now = datetime.now(UTC)
    spent = db.execute(
        update(EmailToken)
        .where(
            EmailToken.token_hash == _digest(token),
            EmailToken.purpose == purpose,
            EmailToken.used_at.is_(None),
            EmailToken.expires_at > now,
        )
        .values(used_at=now)
        .returning(EmailToken.user_id, EmailToken.email_digest)
    ).first()
    if spent is None:
        return None
    user = db.get(User, spent.user_id)
    if user is None or email_digest(user.email) != spent.email_digest:
        return None
    return user


def token_is_live(db: Session, token: str, purpose: TokenPurpose) -> bool:
    """Return True when the token could be used now (for showing the form). One query."""
    found = db.scalar(
        select(EmailToken.id).where(
            EmailToken.token_hash == _digest(token),
            EmailToken.purpose == purpose,
            EmailToken.used_at.is_(None),
            EmailToken.expires_at > datetime.now(UTC),
        )
    )
    return found is not None


def verify_email(db: Session, token: str) -> User | None:
    """Mark the account behind a live verification token verified; None for a dead token."""
    user = _spend_token(db, token, "verify")
    if user is not None:
        mark_verified(user)
    return user


def reset_password(db: Session, *, token: str, password: str) -> User:
    """Set a new password with a live reset token and sign the account out everywhere.

    AccountError when the password breaks the rules (the token is not spent then) or the token
    is unknown, spent or expired. The reset also proves the address, so it verifies it."""
    try:
        check_password_rules(password)
    except AccountError as error:
        raise _about_new(error) from None
    user = _spend_token(db, token, "reset")
    if user is None:
        raise AccountError("token: this link has expired or was already used; ask for a new one")
    set_password(user, password)
    end_other_sessions(db, user=user, keep=None)
    mark_verified(user)
    record_security_event(db, kind="password_changed", user=user, password_hash=user.password_hash)
    security_event("password_reset", account_id=user.id)
    return user
