"""Accounts: people, their signed-in sessions and API tokens, and recent failed sign-ins."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String, false
from sqlalchemy.orm import Mapped, mapped_column

from lems_companion.db.base import Base
from lems_companion.db.types import UTCDateTime


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
    # The profile (accounts/profile.py validates it). Every field is optional: the app works
    # without it, and each one only sharpens what it shows (the name on the report and card, the
    # amifampridine licence that applies, the number an emergency alert says to call).
    display_name: Mapped[str | None] = mapped_column(String(100), default=None)
    date_of_birth: Mapped[date | None] = mapped_column(Date(), default=None)
    country: Mapped[str | None] = mapped_column(String(2), default=None)  # ISO 3166-1 alpha-2
    language: Mapped[str | None] = mapped_column(String(2), default=None)  # en, es, fr or de
    emergency_number: Mapped[str | None] = mapped_column(String(15), default=None)

    @property
    def shown_name(self) -> str:
        """Return the name pages show for this person: the display name, else the e-mail."""
        return self.display_name or self.email


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


class LoginFailure(Base):
    """A failed sign-in, kept for a short while to slow down password guessing."""

    __tablename__ = "login_failures"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
