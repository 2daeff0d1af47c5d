"""A second factor: an authenticator app (TOTP, RFC 6238) and one-time recovery codes.

Required for clinician and admin accounts (they reach other people's data or the whole instance)
and offered to everyone on the account page. The secret is shown once, as an ``otpauth://`` URI
and as text, and becomes active only when the person types a first code from their app, so a
mistyped secret cannot lock anyone out.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime

import pyotp
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from lems_companion.accounts.models import RecoveryCode, TotpFactor, User

ISSUER = "LEMS Companion"
# RFC 6238 §5.2: accept the code of the step before and after too, for a clock a little off.
VALID_WINDOW_STEPS = 1
RECOVERY_CODE_COUNT = 10
# 16 base32 characters = 80 bits: a stolen hash cannot be reversed by trying every code, so a
# fast hash (SHA-256) is enough, as for session tokens.
RECOVERY_CODE_CHARS = 16
RECOVERY_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"


def mfa_required(user: User) -> bool:
    """Return True when the account must use a second factor: clinicians and admins."""
    return bool(user.is_clinician or user.is_admin)


def active_factor(db: Session, user: User) -> TotpFactor | None:
    """Return the user's confirmed authenticator; None when they have none. One query."""
    factor = db.get(TotpFactor, user.id)
    return factor if factor is not None and factor.confirmed_at is not None else None


def must_enrol(db: Session, user: User) -> bool:
    """Return True when the account needs a second factor and has none yet; a query for
    clinicians and admins only."""
    return mfa_required(user) and active_factor(db, user) is None


def start_enrolment(db: Session, user: User) -> str:
    """Return a new secret for the user's authenticator, pending until confirmed (flushed).

    A confirmed factor is replaced only through ``remove`` first.
    """
    factor = db.get(TotpFactor, user.id)
    if factor is not None and factor.confirmed_at is not None:
        raise ValueError("two-step sign-in is already on")
    secret = pyotp.random_base32()
    if factor is None:
        db.add(TotpFactor(user_id=user.id, totp_secret=secret, created_at=datetime.now(UTC)))
    else:
        factor.totp_secret = secret
        factor.created_at = datetime.now(UTC)
    db.flush()
    return secret


def enrol_at_once(db: Session, user: User) -> tuple[str, list[str]]:
    """Return the otpauth:// URI and recovery codes of a new authenticator, active at once.

    For the instance admin's command line, where the person is known out of band.
    """
    remove(db, user)
    db.flush()
    secret = start_enrolment(db, user)
    factor = db.get(TotpFactor, user.id)
    assert factor is not None
    factor.confirmed_at = datetime.now(UTC)
    return provisioning_uri(user, secret), new_recovery_codes(db, user)


def pending_secret(db: Session, user: User) -> str | None:
    """Return the secret waiting for its first code; None when there is none. One query."""
    factor = db.get(TotpFactor, user.id)
    return factor.totp_secret if factor is not None and factor.confirmed_at is None else None


def provisioning_uri(user: User, secret: str) -> str:
    """Return the otpauth:// URI an authenticator app reads (as a QR code or pasted)."""
    return pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=ISSUER)


def _accepted_step(secret: str, code: str, last_step: int | None, now: datetime) -> int | None:
    """Return the time step the code belongs to; None when it is wrong or already used."""
    code = code.strip().replace(" ", "")
    if not (code.isascii() and code.isdigit() and len(code) == 6):
        return None
    totp = pyotp.TOTP(secret)
    current = totp.timecode(now)
    for step in range(current - VALID_WINDOW_STEPS, current + VALID_WINDOW_STEPS + 1):
        if secrets.compare_digest(totp.generate_otp(step), code):
            return step if last_step is None or step > last_step else None
    return None


def confirm_enrolment(db: Session, user: User, code: str) -> list[str] | None:
    """Return fresh recovery codes once a first code from the app is right; None when wrong."""
    factor = db.get(TotpFactor, user.id)
    if factor is None or factor.confirmed_at is not None:
        return None
    now = datetime.now(UTC)
    step = _accepted_step(factor.totp_secret, code, factor.last_step, now)
    if step is None:
        return None
    factor.confirmed_at = now
    factor.last_step = step
    return new_recovery_codes(db, user)


def new_recovery_codes(db: Session, user: User) -> list[str]:
    """Return new one-time recovery codes, replacing any the user had; only hashes are kept."""
    db.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    codes = [
        "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_CODE_CHARS))
        for _ in range(RECOVERY_CODE_COUNT)
    ]
    db.add_all(RecoveryCode(user_id=user.id, code_hash=_digest(code)) for code in codes)
    db.flush()
    return [f"{code[:4]}-{code[4:8]}-{code[8:12]}-{code[12:]}" for code in codes]


def _digest(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


def check_second_factor(db: Session, user: User, code: str) -> bool:
    """Return True when the code is the app's current one or an unused recovery code (then
    spent); False otherwise, and for an account without a second factor. Two queries at most."""
    factor = active_factor(db, user)
    if factor is None or not code.strip():
        return False
    now = datetime.now(UTC)
    step = _accepted_step(factor.totp_secret, code, factor.last_step, now)
    if step is not None:
        # A conditional update, so two requests racing with one code cannot both pass.
        moved = db.execute(
            update(TotpFactor)
            .where(
                TotpFactor.user_id == user.id,
                (TotpFactor.last_step.is_(None)) | (TotpFactor.last_step < step),
            )
            .values(last_step=step)
            .execution_options(synchronize_session=False)
        )
        db.refresh(factor)
        return bool(getattr(moved, "rowcount", 0))
    typed = code.strip().lower().replace("-", "").replace(" ", "")
    spent = db.execute(
        update(RecoveryCode)
        .where(
            RecoveryCode.user_id == user.id,
            RecoveryCode.code_hash == _digest(typed),
            RecoveryCode.used_at.is_(None),
        )
        .values(used_at=now)
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(spent, "rowcount", 0))


def unused_recovery_codes(db: Session, user: User) -> int:
    """Return how many recovery codes the user has left. One query."""
    rows = db.scalars(
        select(RecoveryCode.id).where(
            RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None)
        )
    )
    return len(list(rows))


def remove(db: Session, user: User) -> None:
    """Turn two-step sign-in off for the user (the caller checks it is allowed)."""
    db.execute(delete(TotpFactor).where(TotpFactor.user_id == user.id))
    db.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
