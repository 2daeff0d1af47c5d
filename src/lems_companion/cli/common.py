"""What every ``lems`` command shares: the settings (with ``--db``) and clear failures."""

from __future__ import annotations

import sys
from typing import NoReturn

import typer
from pydantic import ValidationError
from sqlalchemy.orm import Session

from lems_companion.accounts.models import User
from lems_companion.accounts.service import find_user
from lems_companion.settings import Settings


def settings_from(ctx: typer.Context) -> Settings:
    """Return the settings chosen by the top-level options (``--db``) and the environment."""
    settings = ctx.find_root().obj
    if not isinstance(settings, Settings):
        raise RuntimeError("the lems command callback did not run")
    return settings


def build_settings(database_url: str | None) -> Settings:
    """Return validated settings, overriding the database when ``--db`` was given; exit 2 if bad."""
    try:
        return Settings(database_url=database_url) if database_url else Settings()
    except ValidationError as error:
        lines = [
            f"LEMS_{'_'.join(str(p) for p in e['loc']).upper()}: {e['msg']}" for e in error.errors()
        ]
        fail("invalid configuration:\n  " + "\n  ".join(lines), code=2)


def fail(message: str, *, code: int = 1) -> NoReturn:
    """Print the message on stderr and exit with this status."""
    print(f"error: {message}", file=sys.stderr)
    raise typer.Exit(code)


def require_user(db: Session, email: str) -> User:
    """Return the user with this e-mail; exit 1 with a clear message when there is none."""
    user = find_user(db, email)
    if user is None:
        fail(f"no account with e-mail {email!r}; create it with `lems user create --email {email}`")
    return user
