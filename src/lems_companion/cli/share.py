"""``lems share``: invite a caregiver or clinician to a diary, list and revoke, from the command
line (issue 14). The same sharing service as the web pages; each change goes to the patient's
audit log as made from the command line."""

from __future__ import annotations

import json

import typer

from lems_companion.cli.common import command_group, fail, require_user, settings_from

app = command_group("Share a diary with a caregiver or clinician, list and revoke shares.")


@app.command("grant")
def grant(
    ctx: typer.Context,
    user: str = typer.Option(..., "--user", help="The e-mail of the patient whose diary to share."),
    to: str = typer.Option(..., "--to", help="The e-mail of the person to share it with."),
    role: str = typer.Option(
        ..., "--role", help="caregiver (reads and adds entries) or clinician (reads, tools)."
    ),
) -> None:
    """Share a diary: the person sees it as soon as they sign in with this e-mail."""
    from lems_companion.accounts.service import find_user
    from lems_companion.db.engine import session_scope, upgrade
    from lems_companion.sharing.service import SharingError, audit_command_line, invite

    settings = settings_from(ctx)
    upgrade(settings.resolved_database_url)
    try:
        with session_scope(settings.resolved_database_url) as db:
            owner = require_user(db, user)
            made = invite(db, owner=owner, email=to, role=role.strip().lower())
            audit_command_line(
                db,
                owner_id=owner.id,
                action="create",
                target=f"{made.role} grant {made.id} to {made.grantee_email}",
            )
            has_account = find_user(db, made.grantee_email) is not None
            line = f"shared the diary of {owner.email} with {made.grantee_email} as {made.role}"
    except SharingError as error:
        fail(str(error))
    print(line)
    if not has_account:
        print(f"{to.strip().lower()} has no account yet: it sees the diary once it signs up.")


@app.command("revoke")
def revoke(
    ctx: typer.Context,
    user: str = typer.Option(..., "--user", help="The e-mail of the patient whose diary it is."),
    to: str = typer.Option(..., "--to", help="The e-mail of the person to stop sharing with."),
) -> None:
    """Stop sharing a diary with a person, at once (every role they had)."""
    from lems_companion.db.engine import session_scope, upgrade
    from lems_companion.sharing.service import (
        SharingError,
        audit_command_line,
        revoke_grants_to_email,
    )

    settings = settings_from(ctx)
    upgrade(settings.resolved_database_url)
    try:
        with session_scope(settings.resolved_database_url) as db:
            owner = require_user(db, user)
            revoked = revoke_grants_to_email(db, owner=owner, email=to)
            for item in revoked:
                audit_command_line(
                    db,
                    owner_id=owner.id,
                    action="write",
                    target=f"{item.role} grant {item.id} to {item.grantee_email} revoked",
                )
            roles = " and ".join(item.role for item in revoked)
            line = f"stopped sharing the diary of {owner.email} with {revoked[0].grantee_email}"
    except SharingError as error:
        fail(str(error))
    print(f"{line} ({roles})")


@app.command("list")
def list_(
    ctx: typer.Context,
    user: str = typer.Option(..., "--user", help="The account's e-mail."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of lines of text."),
) -> None:
    """List whom this account shares its diary with, and the diaries shared with it."""
    from lems_companion.db.engine import session_scope, upgrade
    from lems_companion.sharing.service import diaries_shared_with, grants_of

    settings = settings_from(ctx)
    upgrade(settings.resolved_database_url)
    with session_scope(settings.resolved_database_url) as db:
        account = require_user(db, user)
        given = [
            {
                "to": item.grantee_email,
                "role": item.role,
                "since": item.created_at.isoformat(),
            }
            for item in grants_of(db, owner=account)
        ]
        received = [
            {
                "owner": owner.email,
                "name": owner.shown_name,
                "role": item.role,
                "since": item.created_at.isoformat(),
            }
            for item, owner in diaries_shared_with(db, viewer=account)
        ]
    if as_json:
        print(json.dumps({"shared_by_you": given, "shared_with_you": received}, indent=2))
        return
    print(
        f"{user} shares their diary with:" if given else f"{user} shares their diary with nobody."
    )
    for row in given:
        print(f"  {row['to']}  {row['role']}  since {row['since'][:10]}")
    print("Diaries shared with them:" if received else "No diary is shared with them.")
    for row in received:
        print(f"  {row['name']} <{row['owner']}>  {row['role']}  since {row['since'][:10]}")
