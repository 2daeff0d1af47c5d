"""``lems account``: export everything of one account, or delete it with all its data."""

from __future__ import annotations

from pathlib import Path

import typer

from lems_companion.cli.common import command_group, fail, require_user, settings_from

app = command_group("Data rights: export or delete an account with all its data.")

USER_OPTION = typer.Option(..., "--user", help="E-mail address of the account.")


@app.command("export")
def export(
    ctx: typer.Context,
    user: str = USER_OPTION,
    output: Path = typer.Option(..., "-o", "--output", help="The zip archive to write."),
) -> None:
    """Write everything stored for the account to one zip archive (see docs/data-rights.md)."""
    from lems_companion.data_rights.service import export_account
    from lems_companion.db.engine import session_scope, upgrade

    settings = settings_from(ctx)
    upgrade(settings.resolved_database_url)
    with session_scope(settings.resolved_database_url) as db:
        archive = export_account(db, user=require_user(db, user))
    try:
        output.write_bytes(archive)
    except OSError as error:
        fail(f"cannot write {output}: {error}")
    print(f"wrote everything stored for {user} to {output} ({len(archive):,} bytes)")


@app.command("delete")
def delete(
    ctx: typer.Context,
    user: str = USER_OPTION,
    yes: bool = typer.Option(
        False, "--yes", help="Confirm: delete the account and all its data, for good."
    ),
) -> None:
    """Delete the account and everything stored for it; there is no undo (but backups)."""
    if not yes:
        fail(f"this deletes {user} and all its data for good; add --yes to confirm", code=2)
    from lems_companion.data_rights.service import delete_account
    from lems_companion.db.engine import session_scope, upgrade

    settings = settings_from(ctx)
    upgrade(settings.resolved_database_url)
    with session_scope(settings.resolved_database_url) as db:
        removed = delete_account(db, user=require_user(db, user))
    summary = ", ".join(f"{count} {table}" for table, count in sorted(removed.items()))
    print(f"deleted {user} and all its data ({summary})")
