"""Loading a diary for export and storing an import: the bridge between files and storage."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from lems_companion.accounts.models import User
from lems_companion.diary.flags import records_of
from lems_companion.diary.models import Entry
from lems_companion.diary.schemas import EntryCreate
from lems_companion.diary.service import add_entries, list_entries, to_public
from lems_companion.interop.formats import ExportFormat, export_text
from lems_companion.interop.records import DiaryRecord
from lems_companion.logs import security_event


def record_of(row: Entry) -> DiaryRecord:
    """Return the entry with the red flags stored for it (empty until triage has run)."""
    return DiaryRecord(entry=to_public(row), flags=tuple(records_of(row)))


def load_records(db: Session, *, owner: User) -> list[DiaryRecord]:
    """Return every entry of the owner's diary with its flags, oldest first. Two queries."""
    return [record_of(row) for row in list_entries(db, owner=owner)]


def export_diary(db: Session, *, owner: User, format_: ExportFormat) -> str:
    """Return the owner's whole diary in the chosen format, logged as an export. Two queries."""
    text = export_text(load_records(db, owner=owner), format_=format_, patient_key=str(owner.id))
    security_event("diary_exported", account_id=owner.id, format=format_.value)
    return text


def store_entries(db: Session, *, owner: User, items: Sequence[EntryCreate]) -> int:
    """Return how many entries were added for the owner, in one flush; the caller commits.

    The one way in: ``add_entries`` stores (and triages) them, so red flags are recomputed by
    the app and never taken from the file.
    """
    return len(add_entries(db, owner=owner, items=items))
