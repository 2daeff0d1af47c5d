"""Data rights: everything of one account in one archive, and erasing an account completely.

The archive follows the tables rather than a fixed list: every row of every table that points at
the account (a foreign key to ``users.id``) is exported, so a table added later is covered
without anyone remembering to come here. Secrets are left out: password hashes, session and feed
token hashes, CSRF tokens. Deletion relies on those same foreign keys cascading (``ON DELETE
CASCADE``), so removing the account row removes everything that belongs to it in one statement.
docs/data-rights.md lists what the archive contains.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Table, delete, func, or_, select
from sqlalchemy.orm import Session

from lems_companion import __version__
from lems_companion.accounts.models import User
from lems_companion.accounts.profile import profile_of
from lems_companion.db.base import Base
from lems_companion.diary.authors import authors_of
from lems_companion.diary.io import to_json
from lems_companion.diary.models import Entry, EntryFlag
from lems_companion.diary.service import list_entries, to_public
from lems_companion.logs import security_event
from lems_companion.sharing.service import revoke_grants_to

# Columns that are secrets or credentials, never exported even to their owner: a hash of a
# token is as good as the token for guessing attacks, and a CSRF token protects a live session.
SECRET_COLUMN_SUFFIXES = ("_hash", "csrf_token", "_secret")
# Tables exported under their own names in the archive rather than under tables/.
OWN_FILES = frozenset({"users", "entries", "entry_flags"})
ARCHIVE_README = "README.txt"


def _is_secret(column_name: str) -> bool:
    return column_name == "password" or column_name.endswith(SECRET_COLUMN_SUFFIXES)


def _plain(value: Any) -> Any:
    """Return the value as JSON can hold it."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bytes):
        return value.hex()
    return value


def tables_of_users() -> list[tuple[Table, list[str]]]:
    """Return every table with a foreign key to users.id, and the names of those columns."""
    found = []
    for table in Base.metadata.sorted_tables:
        columns = [
            column.name
            for column in table.columns
            if any(key.column.table.name == "users" for key in column.foreign_keys)
        ]
        if columns:
            found.append((table, columns))
    return found


def rows_of(db: Session, user: User) -> dict[str, list[dict[str, Any]]]:
    """Return, per table, the rows that point at the user, secrets left out; one query a table."""
    found: dict[str, list[dict[str, Any]]] = {}
    for table, columns in tables_of_users():
        query = (
            select(table)
            .where(or_(*(table.c[name] == user.id for name in columns)))
            .order_by(*table.primary_key.columns)
        )
        found[table.name] = [
            {key: _plain(value) for key, value in row._mapping.items() if not _is_secret(key)}
            for row in db.execute(query)
        ]
    return found


def account_details(user: User) -> dict[str, Any]:
    """Return the account as its owner may see it, without the password hash."""
    return {
        "id": user.id,
        "email": user.email,
        "time_zone": user.time_zone,
        "is_admin": user.is_admin,
        "created_at": user.created_at.isoformat(),
        "profile": profile_of(user).model_dump(mode="json"),
        # The symptoms the person chose for the entry form (diary/quick.py); empty when none.
        "own_symptoms": list(user.own_symptoms or []),
    }


def red_flag_rows(db: Session, user: User) -> list[dict[str, Any]]:
    """Return every red flag the account's entries raised, oldest entry first; one query."""
    query = (
        select(EntryFlag, Entry.recorded_at)
        .join(Entry, EntryFlag.entry_id == Entry.id)
        .where(EntryFlag.user_id == user.id)
        .order_by(Entry.recorded_at, Entry.id, EntryFlag.id)
    )
    return [
        {
            "entry_id": flag.entry_id,
            "entry_recorded_at": recorded_at.isoformat(),
            "flag": flag.flag,
            "level": flag.level,
            "evidence": flag.evidence,
            "start": flag.start,
            "end": flag.end,
            "basis": flag.basis,
        }
        for flag, recorded_at in db.execute(query)
    ]


def _fhir_export() -> Callable[[Session, User], str] | None:
    """Return a function writing the diary as FHIR JSON; None when the app has no FHIR export."""
    try:
        from lems_companion.interop.fhir import to_fhir_json
        from lems_companion.interop.service import load_clinical, load_records, subject_of
    except ImportError:
        return None

    def render(db: Session, user: User) -> str:
        return to_fhir_json(
            load_records(db, owner=user),
            subject=subject_of(db, owner=user),
            clinical=load_clinical(db, owner=user),
        )

    return render


def _pdf_report() -> Callable[[Session, User], bytes] | None:
    """Return a function rendering the clinician report as PDF; None when the app has none."""
    try:
        from lems_companion.reports.report import render_report_pdf
        from lems_companion.reports.service import owner_report
    except ImportError:
        return None

    def render(db: Session, user: User) -> bytes:
        # The same report as the web, the CLI and share links give: the whole diary, its tests
        # and the clinician-tools section.
        # In the owner's profile language: the archive is theirs to read.
        return render_report_pdf(owner_report(db, owner=user, language=user.language or "en"))

    return render


def _readme(files: dict[str, str], notes: list[str], now: datetime, user: User) -> str:
    lines = [
        "LEMS Companion: everything stored for one account",
        "",
        f"Account: {user.shown_name} ({user.email})",
        f"Exported: {now.isoformat(timespec='seconds')} (LEMS Companion {__version__})",
        "",
        "Files:",
        *(f"  {name}: {what}" for name, what in files.items()),
    ]
    if notes:
        lines += ["", "Notes:", *(f"  {note}" for note in notes)]
    lines += [
        "",
        "Left out on purpose: the password hash and the hashes of sign-in and calendar tokens.",
        "The entry format is described in docs/entries.md of LEMS Companion.",
        "",
    ]
    return "\n".join(lines)


def export_account(db: Session, *, user: User, now: datetime | None = None) -> bytes:
    """Return a zip archive of everything stored for this account (see docs/data-rights.md).

    One query per table that points at the account, plus the FHIR export and the PDF report
    when this version of the app has them (rendering the PDF takes a few seconds).
    """
    now = now or datetime.now(UTC)
    files: dict[str, str] = {}
    notes: list[str] = []
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:

        def write(name: str, data: str | bytes, what: str) -> None:
            archive.writestr(name, data)
            files[name] = what

        stored = list_entries(db, owner=user)
        entries = [to_public(row) for row in stored]
        authors = {key: value.model_dump() for key, value in authors_of(db, stored).items()}
        write("account.json", _dumps(account_details(user)), "the account (no password hash)")
        write(
            "entries.json",
            to_json(entries, authors=authors) + "\n",
            "every diary entry, oldest first, each with who wrote it",
        )
        write(
            "red_flags.json",
            _dumps(red_flag_rows(db, user)),
            "every red flag (and routine finding) the entries raised",
        )
        for table, rows in rows_of(db, user).items():
            if table not in OWN_FILES:
                write(f"tables/{table}.json", _dumps(rows), f"rows of the {table} table")
        fhir = _fhir_export()
        if fhir is not None:
            write("diary.fhir.json", fhir(db, user) + "\n", "the diary as a FHIR R4 Bundle")
        pdf = _pdf_report()
        if pdf is not None:
            try:
                write("report.pdf", pdf(db, user), "the clinician report over the whole diary")
            except OSError as error:
                # WeasyPrint needs Pango at run time; the data matter more than the printout.
                notes.append(f"report.pdf could not be made on this server ({error}).")
        archive.writestr(ARCHIVE_README, _readme(files, notes, now, user))
    security_event("account_exported", account_id=user.id, files=len(files))
    return buffer.getvalue()


def _dumps(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def _cascades(table: Table, columns: list[str]) -> bool:
    """Return True when deleting a user deletes the rows of this table that point at them."""
    return any(
        (key.ondelete or "").upper() == "CASCADE"
        for name in columns
        for key in table.c[name].foreign_keys
    )


def count_rows_of(db: Session, user: User) -> dict[str, int]:
    """Return, per table, how many rows go with the user when the account is deleted.

    The account row included; rows that only lose their link (ON DELETE SET NULL, such as the
    reviews a clinician recorded) are not counted. One query per table.
    """
    counts = {"users": db.scalar(select(func.count()).select_from(User).where(User.id == user.id))}
    for table, columns in tables_of_users():
        if not _cascades(table, columns):
            continue
        condition = or_(*(table.c[name] == user.id for name in columns))
        counts[table.name] = db.scalar(select(func.count()).select_from(table).where(condition))
    return {name: count or 0 for name, count in counts.items()}


def delete_account(db: Session, *, user: User) -> dict[str, int]:
    """Return the rows removed per table after deleting the account and all its data (flushed).

    One statement: the tables that hold the account's data point at it with ON DELETE CASCADE,
    so entries, red flags, sessions, tokens and the rest go with it; records that outlive the
    account by design (ON DELETE SET NULL) lose the link to it. The caller commits.
    """
    removed = count_rows_of(db, user)
    # Invitations to this person are keyed by e-mail and would pass to a new account with it.
    revoke_grants_to(db, email=user.email)
    user_id = user.id
    db.expunge(user)
    db.execute(delete(User).where(User.id == user_id))
    db.flush()
    security_event("account_deleted", account_id=user_id)
    return {name: count for name, count in removed.items() if count}
