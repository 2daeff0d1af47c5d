"""Accounts: people, their signed-in sessions and API tokens, and recent failed sign-ins."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Date, ForeignKey, String, false
from sqlalchemy.orm import Mapped, mapped_column

from lems_companion.db.base import Base
from lems_companion.db.types import JSONType, UTCDateTime


class User(Base):
    """A person with an account: a patient today; caregivers and clinicians later via grants."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    time_zone: Mapped[str] = mapped_column(String(64), default="UTC")
    is_admin: Mapped[bool] = mapped_column(default=False)
    # Set by the instance admin (`lems user set-clinician`) for a verified health professional:
    # such an account may record clinical reviews of articles. Seeing a patient's diary still
    # needs that patient's invitation.
    is_clinician: Mapped[bool] = mapped_column(default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # When the person proved they read mail at this address (a link sent to it, or an account an
    # admin made). Until then no invitation to the address gives access and no notice is sent.
    email_verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    # The profile (accounts/profile.py validates it). Every field is optional: the app works
    # without it, and each one only sharpens what it shows (the name on the report and card, the
    # amifampridine licence that applies, the number an emergency alert says to call).
    display_name: Mapped[str | None] = mapped_column(String(100), default=None)
    date_of_birth: Mapped[date | None] = mapped_column(Date(), default=None)
    country: Mapped[str | None] = mapped_column(String(2), default=None)  # ISO 3166-1 alpha-2
    language: Mapped[str | None] = mapped_column(String(2), default=None)  # en, es, fr or de
    emergency_number: Mapped[str | None] = mapped_column(String(15), default=None)
    # The symptoms the person chose to see first on the quick entry form (catalogue ids, in
    # their order); None until they choose, when the form learns them from the entries.
    own_symptoms: Mapped[list[str] | None] = mapped_column(JSONType, default=None)
    # The unit the person weighs in: "kg", "st_lb" (stones and pounds) or "lb"; None is
    # kilograms. Chosen on the entry form; weights are stored in kilograms (diary/weights.py).
    weight_unit: Mapped[str | None] = mapped_column(String(5), default=None)

    @property
    def shown_name(self) -> str:
        """Return the name pages show for this person: the display name, else the e-mail."""
        return self.display_name or self.email


class EmailToken(Base):
    """A one-time secret sent by e-mail (verify the address, reset the password); only its hash
    is stored, it expires, and it is spent on first use."""

    __tablename__ = "email_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    purpose: Mapped[str] = mapped_column(String(10))  # "verify" or "reset"
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # The address the token was sent to: a verification proves this address, not a later one.
    email_digest: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class AuthSession(Base):
    """A signed-in web session or API token. Only a hash of the secret is stored."""

    __tablename__ = "auth_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # "web" or "api"
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())


class SignInThrottle(Base):
    """How many sign-in attempts one key (an account, a client address, or both) made in the
    current window. One row per key, bumped in a single statement, so concurrent attempts are
    counted exactly (see accounts/throttle.py)."""

    __tablename__ = "sign_in_throttles"

    key: Mapped[str] = mapped_column(String(400), primary_key=True)
    attempts: Mapped[int] = mapped_column()
    window_started_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


class TotpFactor(Base):
    """A person's authenticator app (TOTP, RFC 6238): its shared secret, usable once confirmed."""

    __tablename__ = "totp_factors"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    # The secret must be readable to check codes (a hash would not do); it ends in "_secret" so
    # that the data export leaves it out.
    totp_secret: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # None until the person has typed a first code from the app: only then does sign-in ask.
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The last 30-second step whose code was accepted: a code is never accepted twice.
    last_step: Mapped[int | None] = mapped_column(BigInteger())


class RecoveryCode(Base):
    """A one-time code that stands in for the authenticator app; only its hash is kept."""

    __tablename__ = "recovery_codes"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class SecurityEvent(Base):
    """A revocation or password change, kept so that restoring an older backup cannot undo it.

    ``lems restore`` keeps this table as it was and applies its events again (docs/backup.md).
    No foreign key: an event about a deleted account must outlive the account.
    """

    __tablename__ = "security_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    # password_changed, grant_revoked, link_revoked, feed_revoked, account_deleted
    kind: Mapped[str] = mapped_column(String(30))
    user_id: Mapped[int] = mapped_column(index=True)
    # SHA-256 of the account's address: enough to recognise the account, not to read it.
    email_digest: Mapped[str] = mapped_column(String(64))
    # The grant id, or the token hash of a link or feed; empty for the account's own events.
    subject: Mapped[str] = mapped_column(String(64), default="")
    # The new password's argon2 hash, for password_changed only.
    password_hash: Mapped[str | None] = mapped_column(String(200))
