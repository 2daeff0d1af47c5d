"""Configuration: one validated object built at start-up from the environment.

Nothing else in the app reads the environment. Every setting is an environment variable with the
``LEMS_`` prefix (``LEMS_DATABASE_URL``, ``LEMS_EMERGENCY_NUMBER``...); docs/configuration.md lists
them all and a test keeps that page complete.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import platformdirs
from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from lems_companion.logs import LogFormat

APP_NAME = "lems-companion"
# Two weeks: long enough not to annoy a patient who logs a few times a day, short enough that a
# lost phone does not stay signed in for ever.
DEFAULT_SESSION_DAYS = 14


def default_data_dir() -> Path:
    """Return the per-user data directory (created on first use by the storage layer)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


class Settings(BaseSettings):
    """Every setting of the app; read once at start-up, refused loudly when invalid."""

    model_config = SettingsConfigDict(env_prefix="LEMS_", extra="ignore", frozen=True)

    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL of the database, e.g. postgresql+psycopg://user@host/db. "
        "Default: SQLite file lems.sqlite3 in the data directory.",
    )
    data_dir: Path = Field(
        default_factory=default_data_dir,
        description="Folder for the default SQLite database and other local files.",
    )
    emergency_number: str = Field(
        default="112",
        min_length=2,
        max_length=20,
        description="The local emergency telephone number shown with every emergency alert "
        "(112 across Europe, 911 in North America, 999 in the UK, 000 in Australia).",
    )
    cookie_secure: bool = Field(
        default=True,
        description="Send the session cookie only over HTTPS. Browsers also accept it on "
        "http://localhost and http://127.0.0.1; turn off only for plain-HTTP testing elsewhere.",
    )
    session_days: int = Field(
        default=DEFAULT_SESSION_DAYS,
        ge=1,
        le=90,
        description="How many days a web session or API token stays valid.",
    )
    open_signup: bool = Field(
        default=True,
        description="Let anyone create an account from the sign-up page. The first account can "
        "always be created on an empty database.",
    )
    api_docs: bool = Field(
        default=False,
        description="Serve the interactive API documentation at /docs and /redoc (Swagger UI "
        "and ReDoc, from files shipped with the app). Off by default; /openapi.json is always "
        "served.",
    )
    log_format: LogFormat = Field(
        default="text",
        description="How the app's log (requests, security events, errors) is written: text "
        "(one line each) or json (one JSON object per line, for a log collector).",
    )

    smtp_url: str | None = Field(
        default=None,
        description="Where e-mail is sent: smtp://host:25, smtp+starttls://user:pass@host:587 "
        "or smtps://user:pass@host:465. Unset: messages are written to the log and the command "
        "line instead of being sent.",
    )
    mail_from: str = Field(
        default="LEMS Companion <lems@localhost>",
        min_length=3,
        max_length=320,
        description="The From address of every e-mail the app sends.",
    )
    base_url: str = Field(
        default="http://127.0.0.1:8000",
        description="The address people reach the app at; links in e-mails start with it.",
    )
    jobs_in_process: bool | None = Field(
        default=None,
        description="Run queued work (e-mail, reminders, notices) in a background thread of "
        "`lems serve`. Unset: yes on SQLite, no on PostgreSQL, where `lems worker` processes "
        "run it.",
    )

    @field_validator("smtp_url")
    @classmethod
    def _smtp_scheme(cls, value: str | None) -> str | None:
        if value and not value.startswith(("smtp://", "smtp+starttls://", "smtps://")):
            raise ValueError("must start with smtp://, smtp+starttls:// or smtps://")
        return value or None

    @field_validator("base_url")
    @classmethod
    def _web_address(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://, e.g. https://lems.example.org")
        return value.rstrip("/")

    @property
    def runs_jobs_in_process(self) -> bool:
        """Return True when `lems serve` should run queued work itself."""
        if self.jobs_in_process is not None:
            return self.jobs_in_process
        return self.resolved_database_url.startswith("sqlite")

    @field_validator("emergency_number")
    @classmethod
    def _digits_only(cls, value: str) -> str:
        if not value.replace(" ", "").isdigit():
            raise ValueError("must be a telephone number made of digits, e.g. 112")
        return value

    @property
    def resolved_database_url(self) -> str:
        """Return the database URL, defaulting to SQLite in the data directory."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'lems.sqlite3'}"


@cache
def get_settings() -> Settings:
    """Return the settings read from the environment; cached for the life of the process."""
    return Settings()
