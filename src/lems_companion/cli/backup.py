"""``lems backup`` and ``lems restore``: the whole database to a file and back."""

from __future__ import annotations

from pathlib import Path

import typer

from lems_companion.cli.common import fail, settings_from


def backup(
    ctx: typer.Context,
    file: Path = typer.Argument(
        ..., help="Where to write the backup (SQLite: a database file; PostgreSQL: pg_dump -Fc)."
    ),
    force: bool = typer.Option(False, "--force", help="Overwrite FILE when it already exists."),
) -> None:
    """Write a consistent backup of the whole database; safe while the app runs."""
    from lems_companion.schema.backup import BackupError, backup_database

    settings = settings_from(ctx)
    try:
        backup_database(settings.resolved_database_url, file, overwrite=force)
    except BackupError as error:
        fail(str(error))
    print(f"backup written to {file} ({file.stat().st_size:,} bytes)")


def restore(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="A backup made by `lems backup`."),
    force: bool = typer.Option(
        False, "--force", help="Replace the content of a database that is not empty."
    ),
) -> None:
    """Replace the database's content with a backup (checked first), then apply migrations."""
    from lems_companion.schema.backup import BackupError, restore_database

    settings = settings_from(ctx)
    try:
        restored = restore_database(settings.resolved_database_url, file, force=force)
    except BackupError as error:
        fail(str(error))
    print(f"restored {file}: {restored.users} accounts, {restored.entries} diary entries")
