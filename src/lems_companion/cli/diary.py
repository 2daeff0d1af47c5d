"""``lems diary``: add, list, import and export diary entries."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from lems_companion.cli.common import command_group, fail, require_user, settings_from
from lems_companion.dates import parse_bound, zone

if TYPE_CHECKING:
    from lems_companion.diary.models import Entry

app = command_group("Add, list, import and export diary entries.")

USER_OPTION = typer.Option(..., "--user", help="E-mail address of the diary's owner.")
SINCE_OPTION = typer.Option(
    None, "--since", help="First day to include (2026-03-01), in the owner's time zone."
)
UNTIL_OPTION = typer.Option(
    None, "--until", help="Last day to include (2026-03-31), in the owner's time zone."
)


class ExportFormat(StrEnum):
    json = "json"
    csv = "csv"


def _bounds(
    since: str | None, until: str | None, time_zone: str
) -> tuple[datetime | None, datetime | None]:
    tz = zone(time_zone)
    try:
        return (
            parse_bound(since, tz=tz, end=False) if since else None,
            parse_bound(until, tz=tz, end=True) if until else None,
        )
    except ValueError:
        fail("--since and --until take a date (2026-03-01) or an ISO 8601 date-time")


@app.command("add")
def add(ctx: typer.Context, user: str = USER_OPTION) -> None:
    """Read one entry as JSON on stdin, store it and print it with its id."""
    from pydantic import ValidationError

    from lems_companion.db.engine import session_scope, upgrade
    from lems_companion.diary.alerts import alert_for
    from lems_companion.diary.flags import records_of
    from lems_companion.diary.schemas import EntryCreate, describe_errors
    from lems_companion.diary.service import add_entry

    settings = settings_from(ctx)
    try:
        data = EntryCreate.model_validate_json(sys.stdin.read())
    except ValidationError as error:
        fail("the entry was not stored:\n  " + "\n  ".join(describe_errors(error)))
    upgrade(settings.resolved_database_url)
    with session_scope(settings.resolved_database_url) as db:
        owner = require_user(db, user)
        row = add_entry(db, owner=owner, data=data)
        stored = _with_triage(row)
        alert = alert_for(records_of(row), emergency_number=settings.emergency_number)
    print(json.dumps(stored, indent=2, ensure_ascii=False))
    if alert:
        # Spec section 1: a red flag is never hidden, whichever way the entry came in.
        lines = [f"RED FLAG ({alert.level}): {alert.headline}", *alert.advice]
        print("\n".join(lines), file=sys.stderr)


def _with_triage(row: Entry) -> dict[str, object]:
    """Return the stored entry as the documented JSON, with its triage level and red flags."""
    from lems_companion.diary.flags import FlagPublic, records_of
    from lems_companion.diary.io import entry_json
    from lems_companion.diary.service import to_public

    flags = [FlagPublic.of(record).model_dump(mode="json") for record in records_of(row)]
    return {**entry_json(to_public(row)), "triage_level": row.triage_level, "flags": flags}


@app.command("list")
def list_(
    ctx: typer.Context,
    user: str = USER_OPTION,
    since: str | None = SINCE_OPTION,
    until: str | None = UNTIL_OPTION,
    as_json: bool = typer.Option(
        False, "--json", help="Print a JSON array, oldest first, with each entry's triage."
    ),
) -> None:
    """List the diary's entries, oldest first."""
    from lems_companion.db.engine import session_scope, upgrade
    from lems_companion.diary.service import list_entries, to_public

    settings = settings_from(ctx)
    upgrade(settings.resolved_database_url)
    with session_scope(settings.resolved_database_url) as db:
        owner = require_user(db, user)
        start, end = _bounds(since, until, owner.time_zone)
        rows = list_entries(db, owner=owner, since=start, until=end, with_flags=as_json)
        if as_json:
            triaged = [_with_triage(row) for row in rows]
        else:
            entries = [to_public(row) for row in rows]
    if as_json:
        print(json.dumps(triaged, indent=2, ensure_ascii=False))
        return
    for entry in entries:
        symptoms = ", ".join(f"{key} {value}" for key, value in entry.symptoms.items() if value)
        print(f"{entry.id:>6}  {entry.recorded_at:%Y-%m-%d %H:%M %z}  {symptoms or '-'}")
    print(f"{len(entries)} entries")


@app.command("import")
def import_(
    ctx: typer.Context,
    file: Path = typer.Argument(
        ..., help="A JSON array or JSON-lines file of entries; - for stdin."
    ),
    user: str = USER_OPTION,
) -> None:
    """Import entries from a file: all of them, or none when any line is wrong."""
    from lems_companion.db.engine import session_scope, upgrade

    settings = settings_from(ctx)
    try:
        text = sys.stdin.read() if str(file) == "-" else file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        fail(f"cannot read {file}: {error}")
    # The interop import: an entry whose identifier (or content) the diary already holds is
    # updated or skipped, so importing the same export twice leaves one copy.
    from lems_companion.interop.formats import ImportFormat, parse_import
    from lems_companion.interop.records import InteropError
    from lems_companion.interop.service import store_entries

    try:
        items = parse_import(text, format_=ImportFormat.json)
    except InteropError as problem:
        fail(f"nothing was imported from {file}:\n  " + "\n  ".join(problem.problems))
    upgrade(settings.resolved_database_url)
    with session_scope(settings.resolved_database_url) as db:
        owner = require_user(db, user)
        store_entries(db, owner=owner, items=items)
    print(f"imported {len(items)} entries for {user}")


@app.command("export")
def export(
    ctx: typer.Context,
    user: str = USER_OPTION,
    format_: ExportFormat = typer.Option(ExportFormat.json, "--format", help="json or csv."),
    output: Path | None = typer.Option(None, "-o", "--output", help="Write here, not to stdout."),
) -> None:
    """Export every entry of the diary as JSON or CSV, oldest first."""
    from lems_companion.db.engine import session_scope, upgrade

    settings = settings_from(ctx)
    upgrade(settings.resolved_database_url)
    with session_scope(settings.resolved_database_url) as db:
        owner = require_user(db, user)
        # Through the interop export, so each JSON entry carries its global identifier.
        from lems_companion.interop import formats
        from lems_companion.interop.service import load_records, subject_of

        records = load_records(db, owner=owner)
        subject = subject_of(db, owner=owner)
    entries = [record.entry for record in records]
    chosen = formats.ExportFormat.json if format_ is ExportFormat.json else formats.ExportFormat.csv
    text = formats.export_text(records, format_=chosen, subject=subject)
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        print(f"wrote {len(entries)} entries to {output}", file=sys.stderr)
