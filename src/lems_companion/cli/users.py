"""``lems user``: manage accounts from the command line."""

from __future__ import annotations

import getpass
import sys

import typer

from lems_companion.accounts import AccountError, create_user
from lems_companion.cli.common import fail, settings_from
from lems_companion.storage.database import session_scope, upgrade

app = typer.Typer(help="Manage accounts.", no_args_is_help=True)


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Repeat password: ") != first:
        fail("the two passwords differ")
    return first


@app.command("create")
def create(
    ctx: typer.Context,
    email: str = typer.Option(..., "--email", help="The account's e-mail address (its login)."),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Read the password from the first line of standard input."
    ),
    time_zone: str = typer.Option("UTC", "--time-zone", help="IANA time zone, e.g. Europe/London."),
) -> None:
    """Create an account; the password is asked for, or read from stdin."""
    settings = settings_from(ctx)
    password = _read_password(password_stdin)
    upgrade(settings.resolved_database_url)
    try:
        with session_scope(settings.resolved_database_url) as db:
            user = create_user(db, email=email, password=password, time_zone=time_zone)
            email = user.email
    except AccountError as error:
        fail(str(error))
    print(f"created account {email}")
