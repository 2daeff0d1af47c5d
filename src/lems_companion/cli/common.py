"""What every ``lems`` command shares: the settings (with ``--db``) and clear failures.

Every module of this package imports only Typer and the standard library at its top, so that
``lems --help`` and each command start quickly; what a command needs (the ORM, Alembic,
WeasyPrint, spaCy) is imported in its body, when it runs. A test holds this.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, NoReturn

import typer

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from lems_companion.accounts.models import User
    from lems_companion.settings import Settings


def command_group(help_text: str, **options: Any) -> typer.Typer:
    """Return a Typer app for a group of commands, with this help, as every group is made.

    Help and usage errors are plain Click text: Rich formatting would import Rich and a
    Markdown parser, about 0.2 s, twice what the rest of ``lems --help`` costs.
    """
    return typer.Typer(help=help_text, no_args_is_help=True, rich_markup_mode=None, **options)


def settings_from(ctx: typer.Context) -> Settings:
    """Return the settings chosen by the top-level options (``--db``) and the environment."""
    from lems_companion.settings import Settings

    settings = ctx.find_root().obj
    if not isinstance(settings, Settings):
        raise RuntimeError("the lems command callback did not run")
    return settings


def build_settings(database_url: str | None) -> Settings:
    """Return validated settings, overriding the database when ``--db`` was given; exit 2 if bad."""
    from pydantic import ValidationError

    from lems_companion.settings import Settings

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
    from lems_companion.accounts.service import find_user

    user = find_user(db, email)
    if user is None:
        fail(f"no account with e-mail {email!r}; create it with `lems user create --email {email}`")
    return user
