"""``lems serve``, ``lems db`` and ``lems demo``: run the app and prepare its database."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import typer

from lems_companion.cli.common import command_group, fail, settings_from

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from lems_companion.accounts.models import User
    from lems_companion.settings import Settings

db_app = command_group("Database maintenance.")
# The demo account (diary.demo.DEMO_EMAIL, which a test holds equal), named here so that the
# options below can show it without importing the diary's schemas.
DEMO_EMAIL = "demo@example.org"
# Long enough to be unguessable, short enough to type from the terminal.
DEMO_PASSWORD_BYTES = 12


@db_app.command("upgrade")
def db_upgrade(ctx: typer.Context) -> None:
    """Apply every pending migration (safe to run at any time)."""
    from lems_companion.db.engine import upgrade

    settings = settings_from(ctx)
    upgrade(settings.resolved_database_url)
    print(f"database is up to date: {_display_url(settings)}")


def _display_url(settings: Settings) -> str:
    from sqlalchemy import make_url

    return make_url(settings.resolved_database_url).render_as_string(hide_password=True)


def load_demo(db: Session, *, email: str, password: str | None) -> tuple[User, int]:
    """Return the demo user (created, or its password reset when given) and entries added.

    The diary is added only to an account with no entries, so running it twice adds nothing.
    """
    from sqlalchemy import func, select

    from lems_companion.accounts.service import create_user, find_user, set_password
    from lems_companion.diary.demo import demo_entries
    from lems_companion.diary.models import Entry
    from lems_companion.diary.service import add_entries

    user = find_user(db, email)
    if user is None:
        user = create_user(
            db,
            email=email,
            password=password or secrets.token_urlsafe(16),
            time_zone="Europe/London",
            verified=True,
        )
    elif password:
        set_password(user, password)
    has_entries = db.scalar(select(func.count()).select_from(Entry).where(Entry.user_id == user.id))
    if has_entries:
        return user, 0
    items = demo_entries(today=datetime.now(UTC).date(), time_zone=user.time_zone)
    add_entries(db, owner=user, items=items)
    return user, len(items)


def demo(
    ctx: typer.Context,
    user: str = typer.Option(DEMO_EMAIL, "--user", help="E-mail of the account to fill in."),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Set the account's password from standard input."
    ),
) -> None:
    """Add a realistic eight-week demo diary to an account (created when missing)."""
    from lems_companion.accounts.service import AccountError, find_user
    from lems_companion.db.engine import session_scope, upgrade

    settings = settings_from(ctx)
    password = input() if password_stdin else None
    upgrade(settings.resolved_database_url)
    try:
        with session_scope(settings.resolved_database_url) as db:
            found = find_user(db, user)
            if found is None and password is None:
                password = secrets.token_urlsafe(DEMO_PASSWORD_BYTES)
            _, added = load_demo(db, email=user, password=password)
    except AccountError as error:
        fail(str(error))
    if added == 0:
        fail(f"{user} already has diary entries; the demo diary is only added to an empty diary")
    print(f"added {added} demo entries to {user}")
    if found is None:
        print(f"sign in as {user} with password {password}")


def serve(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    with_demo: bool = typer.Option(
        False,
        "--demo",
        help=f"Create the demo account {DEMO_EMAIL} with a diary and print its password.",
    ),
) -> None:
    """Apply migrations and start the web app."""
    import uvicorn

    from lems_companion.db.engine import session_scope, upgrade
    from lems_companion.web.app import create_app

    settings = settings_from(ctx)
    upgrade(settings.resolved_database_url)
    if with_demo:
        password = secrets.token_urlsafe(DEMO_PASSWORD_BYTES)
        with session_scope(settings.resolved_database_url) as db:
            load_demo(db, email=DEMO_EMAIL, password=password)
        print(f"Demo account ready: sign in as {DEMO_EMAIL} with password {password}", flush=True)
    shown_host = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    print(
        f"LEMS Companion on http://{shown_host}:{port}  (database: {_display_url(settings)})",
        flush=True,
    )
    # No access log: the app logs each request with its route template, where uvicorn's line
    # would carry the raw URL (record ids, share-link and calendar tokens).
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info", access_log=False)
