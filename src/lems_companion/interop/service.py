"""Loading a diary for export and storing an import: the bridge between files and storage."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC

from sqlalchemy.orm import Session

from lems_companion.accounts.models import User
from lems_companion.diary.authors import AuthorPublic, authors_of
from lems_companion.diary.flags import records_of
from lems_companion.diary.models import Entry
from lems_companion.diary.schemas import EntryCreate
from lems_companion.diary.service import add_entries, list_entries, replace_entry, to_public
from lems_companion.interop.formats import ExportFormat, export_text
from lems_companion.interop.identity import installation_namespace
from lems_companion.interop.records import Clinical, DiaryRecord, ImportedEntry, Subject
from lems_companion.investigations.service import list_investigations
from lems_companion.investigations.service import to_public as investigation_public
from lems_companion.logs import security_event
from lems_companion.tools.service import list_results

# Every saved tool result goes into an export (the report shows the latest few only).
EXPORTED_TOOL_RESULTS = 10_000


def subject_of(db: Session, *, owner: User) -> Subject:
    """Return the owner as exports name them, from the profile. One query (the first time, two)."""
    return Subject(
        namespace=installation_namespace(db),
        user_id=owner.id,
        name=owner.display_name,
        birth_date=owner.date_of_birth,
    )


def record_of(
    row: Entry, subject: Subject | None = None, author: AuthorPublic | None = None
) -> DiaryRecord:
    """Return the entry with the red flags stored for it (empty until triage has run), its author
    (named when ``author`` is given) and its identifier (the imported one; else derived when
    ``subject`` is given)."""
    record = DiaryRecord(
        entry=to_public(row),
        flags=tuple(records_of(row)),
        identifier=row.source_identifier or "",
        author_role=row.author_role or "patient",
        author_id=row.author_id,
        author_name=author.name if author is not None and author.role != "patient" else None,
    )
    if subject is not None and not record.identifier:
        return replace(record, identifier=subject.entry_identifier(record))
    return record


def load_records(db: Session, *, owner: User) -> list[DiaryRecord]:
    """Return every entry of the owner's diary with its flags, author and identifier, oldest
    first.

    Four queries: the installation's namespace, the entries, their flags and the authors."""
    subject = subject_of(db, owner=owner)
    rows = list_entries(db, owner=owner)
    authors = authors_of(db, rows)
    return [record_of(row, subject, authors[row.id]) for row in rows]


def load_clinical(db: Session, *, owner: User) -> Clinical:
    """Return the owner's recorded tests and saved tool results. Two queries."""
    return Clinical(
        investigations=[investigation_public(r) for r in list_investigations(db, owner=owner)],
        tool_results=list_results(db, owner=owner, limit=EXPORTED_TOOL_RESULTS),
    )


def export_diary(db: Session, *, owner: User, format_: ExportFormat) -> str:
    """Return the owner's whole diary in the chosen format, logged as an export. A few queries."""
    text = export_text(
        load_records(db, owner=owner),
        format_=format_,
        subject=subject_of(db, owner=owner),
        clinical=load_clinical(db, owner=owner),
    )
    security_event("diary_exported", account_id=owner.id, format=format_.value)
    return text


def _content_key(entry: EntryCreate) -> str:
    """Return what makes two entries the same: the moment and every answer."""
    answers = entry.model_dump(mode="json", exclude={"recorded_at"})
    moment = entry.recorded_at.astimezone(UTC).isoformat()
    return moment + json.dumps(answers, sort_keys=True)


def store_entries(db: Session, *, owner: User, items: Sequence[ImportedEntry | EntryCreate]) -> int:
    """Return how many of the file's entries the owner's diary now holds, in one flush; the
    caller commits. Idempotent: an entry whose identifier the diary knows is updated, and one
    identical to an entry already there (same moment, same answers) is not added again.

    Stored through ``add_entries`` and ``replace_entry``, which triage them, so red flags are
    recomputed by the app and never taken from the file. Two queries, plus those of storing.
    """
    incoming = [item if isinstance(item, ImportedEntry) else ImportedEntry(item) for item in items]
    subject = subject_of(db, owner=owner)
    rows = list_entries(db, owner=owner)
    seen: set[str] = set()
    by_identifier = {subject.entry_identifier(record_of(row)): row for row in rows}
    known = {_content_key(to_public(row).as_create()) for row in rows}
    new: list[ImportedEntry] = []
    for item in incoming:
        row = by_identifier.get(item.identifier) if item.identifier else None
        if row is not None:
            if _content_key(to_public(row).as_create()) != _content_key(item.entry):
                replace_entry(db, row, item.entry)
            continue
        key = _content_key(item.entry)
        if key in known or (item.identifier and item.identifier in seen):
            continue  # already in the diary, or twice in the file: stored once
        known.add(key)
        if item.identifier:
            seen.add(item.identifier)
        new.append(item)
    added = add_entries(db, owner=owner, items=[item.entry for item in new])
    for row, item in zip(added, new, strict=True):
        row.source_identifier = item.identifier
    db.flush()
    return len(incoming)
