"""Configuration: one validated object built at start-up from the environment.

Nothing else in the app reads the environment. Every setting is an environment variable with the
``LEMS_`` prefix (``LEMS_DATABASE_URL``, ``LEMS_EMERGENCY_NUMBER``...); docs/configuration.md lists
them all and a test keeps that page complete.

A plain pydantic model that reads its ``LEMS_`` variables itself, as pydantic-settings would
(any case; values given to the constructor win): every setting is a single value, so that is all
pydantic-settings did here, and importing it cost every ``lems`` command about 0.06 s.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from lems_companion.logs import LogFormat

APP_NAME = "lems-companion"
ENV_PREFIX = "LEMS_"
# Two weeks: long enough not to annoy a patient who logs a few times a day, short enough that a
# lost phone does not stay signed in for ever.
DEFAULT_SESSION_DAYS = 14


def default_data_dir() -> Path:
    """Return the per-user data directory (created on first use by the storage layer)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


class Settings(BaseModel):
    """Every setting of the app; read once at start-up, refused loudly when invalid."""

    model_config = ConfigDict(extra="ignore", frozen=True)

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

    @model_validator(mode="before")
    @classmethod
    def _read_environment(cls, data: Any) -> Any:
        """Add each setting's ``LEMS_`` variable (any case) that the constructor was not given."""
        if not isinstance(data, dict):
            return data
        prefix = len(ENV_PREFIX)
        found = {
            key[prefix:].lower(): value
            for key, value in os.environ.items()
            if key.upper().startswith(ENV_PREFIX) and key[prefix:].lower() in cls.model_fields
        }
        return {**found, **data}

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
