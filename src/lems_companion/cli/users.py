"""``lems user``: manage accounts from the command line."""

from __future__ import annotations

import getpass
import sys

import typer

from lems_companion.cli.common import command_group, fail, require_user, settings_from

app = command_group("Manage accounts.")
totp_app = command_group("Two-step sign-in (an authenticator app) of an account.")
app.add_typer(totp_app, name="totp")


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
    from lems_companion.accounts.service import AccountError, create_user
    from lems_companion.db.engine import session_scope, upgrade

    settings = settings_from(ctx)
    password = _read_password(password_stdin)
    upgrade(settings.resolved_database_url)
    try:
        with session_scope(settings.resolved_database_url) as db:
            # Made by the admin: the address counts as confirmed (docs/security.md).
            user = create_user(
                db, email=email, password=password, time_zone=time_zone, verified=True
            )
            email = user.email
    except AccountError as error:
        fail(str(error))
    print(f"created account {email}")


@app.command("password")
def password(
    ctx: typer.Context,
    email: str = typer.Option(..., "--email", help="The account whose password to reset."),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Read the new password from the first line of stdin."
    ),
) -> None:
    """Reset an account's password (for the instance admin); signs out all its sessions."""
    from lems_companion.accounts.service import (
        AccountError,
        end_other_sessions,
        record_security_event,
        set_password,
    )
    from lems_companion.db.engine import session_scope, upgrade

    settings = settings_from(ctx)
    new = _read_password(password_stdin)
    upgrade(settings.resolved_database_url)
    try:
        with session_scope(settings.resolved_database_url) as db:
            user = require_user(db, email)
            set_password(user, new)
            end_other_sessions(db, user=user)
            record_security_event(
                db, kind="password_changed", user=user, password_hash=user.password_hash
            )
    except AccountError as error:
        fail(str(error))
    print(f"password reset for {email}; every session of that account was signed out")


@app.command("list")
def list_accounts(ctx: typer.Context) -> None:
    """List accounts (e-mail, creation date, admin) without any diary data."""
    from sqlalchemy import select

    from lems_companion.accounts.models import User
    from lems_companion.db.engine import session_scope, upgrade

    settings = settings_from(ctx)
    upgrade(settings.resolved_database_url)
    with session_scope(settings.resolved_database_url) as db:
        for user in db.scalars(select(User).order_by(User.id)):
            admin = "  admin" if user.is_admin else ""
            print(f"{user.email}  created {user.created_at:%Y-%m-%d}{admin}")


def _set_role(ctx: typer.Context, email: str, attribute: str, value: bool, name: str) -> None:
    """Set one of the account's role flags and say what it now is."""
    from lems_companion.db.engine import session_scope, upgrade

    settings = settings_from(ctx)
    upgrade(settings.resolved_database_url)
    with session_scope(settings.resolved_database_url) as db:
        setattr(require_user(db, email), attribute, value)
    print(f"{email} is {'now' if value else 'no longer'} {name}")


@app.command("set-admin")
def set_admin(
    ctx: typer.Context,
    email: str = typer.Option(..., "--email", help="The account to change."),
    admin: bool = typer.Option(True, "--admin/--no-admin", help="Grant or remove admin."),
) -> None:
    """Make an account an instance admin (manages accounts; reads no diaries), or undo it."""
    _set_role(ctx, email, "is_admin", admin, "an admin")


@app.command("set-clinician")
def set_clinician(
    ctx: typer.Context,
    email: str = typer.Option(..., "--email", help="The account to change."),
    clinician: bool = typer.Option(
        True, "--clinician/--no-clinician", help="Mark or unmark as a clinician account."
    ),
) -> None:
    """Mark an account as a verified clinician (may record article reviews), or undo it."""
    _set_role(ctx, email, "is_clinician", clinician, "a clinician account")


@app.command("profile")
def profile(
    ctx: typer.Context,
    email: str = typer.Option(..., "--email", help="The account whose profile to change."),
    name: str | None = typer.Option(
        None, "--name", help="Display name on the report, card and shared pages; '' clears it."
    ),
    birth_date: str | None = typer.Option(
        None, "--birth-date", help="Date of birth as YYYY-MM-DD; '' clears it."
    ),
    country: str | None = typer.Option(
        None,
        "--country",
        help="ISO 3166-1 two-letter code (GB, DE, US...): chooses the amifampridine licence "
        "whose maximum applies; '' clears it.",
    ),
    language: str | None = typer.Option(
        None, "--language", help="Language: en, es, fr or de; '' clears it."
    ),
    emergency_number: str | None = typer.Option(
        None,
        "--emergency-number",
        help="The number to call in an emergency (digits, spaces, +); '' falls back to "
        "LEMS_EMERGENCY_NUMBER.",
    ),
) -> None:
    """Change an account's profile (only the options given) and print it; nothing is saved when
    a value is refused."""
    from lems_companion.accounts.profile import ProfileError, change_profile
    from lems_companion.db.engine import session_scope, upgrade

    settings = settings_from(ctx)
    given = {
        "display_name": name,
        "date_of_birth": birth_date,
        "country": country,
        "language": language,
        "emergency_number": emergency_number,
    }
    changes: dict[str, object] = {key: value for key, value in given.items() if value is not None}
    upgrade(settings.resolved_database_url)
    try:
        with session_scope(settings.resolved_database_url) as db:
            user = require_user(db, email)
            saved = change_profile(user, changes)
            lines = [f"{key}: {value or '-'}" for key, value in saved.model_dump().items()]
    except ProfileError as error:
        fail(str(error))
    print(f"profile of {email}\n  " + "\n  ".join(lines))


@totp_app.command("enroll")
def totp_enroll(
    ctx: typer.Context,
    email: str = typer.Option(..., "--email", help="The account to set up two-step sign-in for."),
) -> None:
    """Turn on two-step sign-in at once; print the otpauth:// URI and the recovery codes.

    For an admin setting up an account out of band: the URI goes into the authenticator app
    (most read it pasted or as a QR code). Replaces any authenticator the account had.
    """
    from lems_companion.accounts import mfa
    from lems_companion.db.engine import session_scope, upgrade

    settings = settings_from(ctx)
    upgrade(settings.resolved_database_url)
    with session_scope(settings.resolved_database_url) as db:
        user = require_user(db, email)
        uri, codes = mfa.enrol_at_once(db, user)
    print(uri)
    print("recovery codes (each works once; keep them somewhere safe):")
    for code in codes:
        print(f"  {code}")


@totp_app.command("remove")
def totp_remove(
    ctx: typer.Context,
    email: str = typer.Option(..., "--email", help="The account whose authenticator was lost."),
) -> None:
    """Turn off two-step sign-in (a lost phone); signs out every session of the account.

    A clinician or admin is asked to set it up again at their next sign-in.
    """
    from lems_companion.accounts import mfa
    from lems_companion.accounts.service import end_other_sessions
    from lems_companion.db.engine import session_scope, upgrade

    settings = settings_from(ctx)
    upgrade(settings.resolved_database_url)
    with session_scope(settings.resolved_database_url) as db:
        user = require_user(db, email)
        mfa.remove(db, user)
        end_other_sessions(db, user=user)
    print(f"two-step sign-in turned off for {email}; every session was signed out")
