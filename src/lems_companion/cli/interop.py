"""``lems export`` and ``lems import``: the diary as FHIR R4, a phenopacket or CSV, and back."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from lems_companion.cli.common import fail, require_user, settings_from
from lems_companion.interop.format_names import ExportFormat, ImportFormat

USER_OPTION = typer.Option(..., "--user", help="E-mail address of the diary's owner.")


def export_diary(database_url: str, *, email: str, format_: ExportFormat) -> str:
    """Return the owner's whole diary in the chosen format; exits 1 for an unknown owner."""
    from lems_companion.db.engine import session_scope, upgrade
    from lems_companion.interop import service

    upgrade(database_url)
    with session_scope(database_url) as db:
        owner = require_user(db, email)
        return service.export_diary(db, owner=owner, format_=format_)


def import_diary(
    database_url: str, *, email: str, text: str, format_: ImportFormat | None = None
) -> int:
    """Return how many entries were imported: all of the file's, in one transaction, or none
    (InteropError naming every problem)."""
    from lems_companion.db.engine import session_scope, upgrade
    from lems_companion.interop.formats import parse_import
    from lems_companion.interop.service import store_entries

    items = parse_import(text, format_=format_)
    upgrade(database_url)
    with session_scope(database_url) as db:
        owner = require_user(db, email)
        return store_entries(db, owner=owner, items=items)


def export(
    ctx: typer.Context,
    user: str = USER_OPTION,
    format_: ExportFormat = typer.Option(
        ..., "--format", help="fhir (FHIR R4 Bundle), phenopacket (GA4GH v2) or csv."
    ),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="Write to this file instead of stdout."
    ),
) -> None:
    """Export the whole diary as FHIR R4, a GA4GH phenopacket or CSV (docs/interop.md)."""
    settings = settings_from(ctx)
    text = export_diary(settings.resolved_database_url, email=user, format_=format_)
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        fail(f"cannot write {output}: {error}")
    print(f"wrote the {format_.value} export to {output}", file=sys.stderr)


def import_(
    ctx: typer.Context,
    file: Path = typer.Argument(
        ..., help="A FHIR Bundle, CSV or JSON diary file exported by LEMS Companion; - for stdin."
    ),
    user: str = USER_OPTION,
    format_: ImportFormat | None = typer.Option(
        None, "--format", help="fhir, csv or json; detected from the file when left out."
    ),
) -> None:
    """Import a diary file: every entry, or none when anything in it is wrong."""
    from lems_companion.interop.records import InteropError

    settings = settings_from(ctx)
    try:
        text = sys.stdin.read() if str(file) == "-" else file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        fail(f"cannot read {file}: {error}")
    try:
        count = import_diary(settings.resolved_database_url, email=user, text=text, format_=format_)
    except InteropError as problem:
        fail(f"nothing was imported from {file}:\n  " + "\n  ".join(problem.problems))
    print(f"imported {count} entries for {user}")
