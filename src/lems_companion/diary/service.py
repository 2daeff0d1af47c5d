"""Diary queries: store, load, list, change and delete entries, always on behalf of a viewer.

``load_entry`` is the one place that decides whether a viewer may reach an entry; every route and
command goes through it, so none can forget the check.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from sqlalchemy import Select, and_, or_, select
from sqlalchemy.orm import Session

from lems_companion.accounts.models import User
from lems_companion.db.types import is_row_id
from lems_companion.diary.flags import RED_FLAG_LEVELS, FlagRecord, record_of
from lems_companion.diary.models import Entry, EntryFlag
from lems_companion.diary.schemas import EntryCreate, EntryPublic, Medication
from lems_companion.rules import weight_loss
from lems_companion.rules.medicines import is_amifampridine, licence_region
from lems_companion.sharing.service import Access, Action, access_for, audit
from lems_companion.triage import triage_entry

# Who wrote an entry, as the timeline, exports and triage read it (spec section 3, who is writing).
AuthorRole = Literal["patient", "caregiver", "clinician"]

# Keyset pages: the default suits a phone screen; the ceiling bounds one response's size.
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500


class NotFound(LookupError):
    """The record does not exist or the viewer may not reach it; the two look the same."""


class BadCursor(ValueError):
    """A pagination cursor that this app did not produce."""


def may_access(viewer: User, owner_id: int, action: Action) -> bool:
    """Return True when the viewer owns the data; for owner-only records (no grants apply)."""
    del action
    return viewer.id == owner_id


def diary_access(db: Session, *, viewer: User, owner_id: int, action: Action) -> Access:
    """Return how the viewer reaches this owner's diary for the action; NotFound when refused."""
    access = access_for(db, viewer=viewer, owner_id=owner_id, action=action)
    if access is None:
        raise NotFound("no such diary")
    return access


def load_entry(db: Session, entry_id: int, *, viewer: User, action: Action = "read") -> Entry:
    """Return the entry when the viewer may perform the action on it; NotFound otherwise.

    The one place that checks access to an entry: the owner, a caregiver or clinician through a
    live grant. Use by anyone but the owner is added to the audit log (the caller commits).
    One or two queries.
    """
    entry = db.get(Entry, entry_id) if is_row_id(entry_id) else None
    access = access_for(db, viewer=viewer, owner_id=entry.user_id, action=action) if entry else None
    if entry is None or access is None:
        raise NotFound(f"no diary entry {entry_id}")
    audit(db, access, action=action, target=f"entry {entry_id}")
    return entry


def _fill(row: Entry, data: EntryCreate) -> None:
    offset = data.recorded_at.utcoffset() or timedelta(0)
    row.recorded_at = data.recorded_at
    row.utc_offset_minutes = int(offset.total_seconds() // 60)
    row.context = data.context
    row.improved_after_moving = data.improved_after_moving
    row.symptoms = dict(data.symptoms)
    row.weight_kg = data.weight_kg
    row.medications = [item.model_dump(mode="json") for item in data.medications]
    row.home_tests = data.home_tests.model_dump(mode="json") if data.home_tests else None
    row.note = data.note
    row.updated_at = datetime.now(UTC)


def _earlier(db: Session, row: Entry) -> tuple[EntryPublic | None, list[tuple[datetime, float]]]:
    """Return what triage compares an entry with: the entry just before it and recent weights.

    Two queries. Spec section 3: a red-flag symptom is "new" when absent from the previous entry
    (triage applies the 14-day limit); weight loss counts within six months.
    """
    others = [Entry.user_id == row.user_id, Entry.recorded_at < row.recorded_at]
    if row.id is not None:
        others.append(Entry.id != row.id)
    previous = db.scalar(
        select(Entry).where(*others).order_by(Entry.recorded_at.desc(), Entry.id.desc()).limit(1)
    )
    weights = db.execute(
        select(Entry.recorded_at, Entry.weight_kg).where(
            *others,
            Entry.weight_kg.is_not(None),
            Entry.recorded_at >= row.recorded_at - weight_loss.WINDOW,
        )
    ).all()
    history = [(when, kg) for when, kg in weights if kg is not None]
    return (to_public(previous) if previous else None), history


def same_day_medicines(db: Session, row: Entry) -> list[Medication]:
    """Return the medicines logged in the owner's other entries of this entry's local day; empty
    when none.

    One query. The day is the entry's calendar day in the UTC offset it was recorded in; it feeds
    the amifampridine daily maximum (rules.medicines.check_amifampridine_day) and the
    amifampridine notices shown with the entry (tools.records.amifampridine_notices).
    """
    local = row.local_recorded_at
    start = datetime.combine(local.date(), datetime.min.time(), local.tzinfo)
    others = [Entry.user_id == row.user_id, Entry.recorded_at >= start]
    others.append(Entry.recorded_at < start + timedelta(days=1))
    if row.id is not None:
        others.append(Entry.id != row.id)
    logged = db.scalars(select(Entry.medications).where(*others))
    return [Medication.model_validate(item) for items in logged for item in items or []]


def _triage(db: Session, row: Entry, data: EntryCreate) -> None:
    """Store the entry's red flags and level, replacing any from before an edit."""
    previous, weights = _earlier(db, row)
    # The daily amifampridine total only matters for an entry that logs amifampridine itself.
    logs_amifampridine = any(is_amifampridine(item.name) for item in data.medications)
    doses = same_day_medicines(db, row) if logs_amifampridine else []
    owner = db.get(User, row.user_id)  # in the session's identity map already: no query
    weight_kg = data.weight_kg
    if weight_kg is None and weights:
        weight_kg = max(weights)[1]  # the latest reading of the six months before
    result = triage_entry(
        data,
        # Spec section 3: a caregiver's (or clinician's) third-person words are the patient's.
        author="patient" if row.author_role == "patient" else "caregiver",
        previous=previous,
        weight_history=weights,
        same_day_doses=doses,
        region=licence_region(owner.country if owner else None),
        weight_kg=weight_kg,
    )
    row.triage_level = result.level
    row.flags = [
        EntryFlag(
            user_id=row.user_id,
            flag=hit.id,
            level=hit.level,
            evidence=hit.evidence,
            start=hit.start,
            end=hit.end,
            basis=hit.basis,
        )
        for hit in result.flags
    ]


@dataclass(frozen=True, slots=True)
class Author:
    """Who writes an entry: the diary's owner, or a person the owner invited."""

    user_id: int | None
    role: AuthorRole


def author_for(viewer: User, access: Access) -> Author:
    """Return the author of an entry ``viewer`` writes through ``access``."""
    if access.role == "owner":
        return Author(viewer.id, "patient")
    return Author(viewer.id, "clinician" if access.role == "clinician" else "caregiver")


def add_entry(
    db: Session, *, owner: User, data: EntryCreate, author: Author | None = None
) -> Entry:
    """Return a new, triaged entry for this owner (flushed so it has an id; caller commits).

    ``author`` is who wrote it; None means the owner."""
    author = author or Author(owner.id, "patient")
    row = Entry(
        user_id=owner.id,
        author_id=author.user_id,
        author_role=author.role,
        created_at=datetime.now(UTC),
    )
    _fill(row, data)
    _triage(db, row, data)
    db.add(row)
    db.flush()
    return row


def add_entries(db: Session, *, owner: User, items: Sequence[EntryCreate]) -> list[Entry]:
    """Return the new entries, triaged in time order; all or nothing once the caller commits."""
    # In time order, so each entry is compared with the one before it, imported or not.
    ordered = sorted(range(len(items)), key=lambda index: items[index].recorded_at)
    rows: dict[int, Entry] = {}
    for index in ordered:
        rows[index] = add_entry(db, owner=owner, data=items[index])
    return [rows[index] for index in range(len(items))]


def replace_entry(db: Session, row: Entry, data: EntryCreate) -> Entry:
    """Return the entry with its content replaced by ``data`` and triaged again (flushed)."""
    _fill(row, data)
    _triage(db, row, data)
    db.flush()
    return row


def delete_entry(db: Session, row: Entry) -> None:
    """Delete the entry (flushed)."""
    db.delete(row)
    db.flush()


def to_public(row: Entry) -> EntryPublic:
    """Return the entry as the API shows it, with its time in the offset it was recorded in."""
    return EntryPublic.model_validate(
        {
            "id": row.id,
            "recorded_at": row.local_recorded_at,
            "context": row.context,
            "improved_after_moving": row.improved_after_moving,
            "symptoms": row.symptoms or {},
            "weight_kg": row.weight_kg,
            "medications": row.medications or [],
            "home_tests": row.home_tests,
            "note": row.note,
        }
    )


@dataclass(frozen=True)
class Page:
    """One page of entries and the cursor of the next page (None on the last page)."""

    items: list[Entry]
    next_cursor: str | None


def encode_cursor(row: Entry) -> str:
    """Return an opaque cursor pointing just past this entry."""
    raw = f"{row.recorded_at.astimezone(UTC).isoformat()}|{row.id}"
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, int]:
    """Return the (time, id) a cursor points past; BadCursor when it is not one of ours."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        when, entry_id = raw.split("|")
        moment = datetime.fromisoformat(when)
        if moment.tzinfo is None or not is_row_id(int(entry_id)):
            raise ValueError
        moment.astimezone(UTC)  # OverflowError for a moment that cannot be stored
        return moment, int(entry_id)
    except (ValueError, OverflowError, binascii.Error, UnicodeDecodeError):
        raise BadCursor("cursor: not a cursor returned by this API") from None


def _owned_between(owner: User, since: datetime | None, until: datetime | None) -> Select[Any]:
    query = select(Entry).where(Entry.user_id == owner.id)
    if since is not None:
        query = query.where(Entry.recorded_at >= since)
    if until is not None:
        query = query.where(Entry.recorded_at < until)
    return query


def list_entries(
    db: Session, *, owner: User, since: datetime | None = None, until: datetime | None = None
) -> list[Entry]:
    """Return the owner's entries in [since, until), oldest first; empty when none. One query."""
    query = _owned_between(owner, since, until).order_by(Entry.recorded_at, Entry.id)
    return list(db.scalars(query))


def page_entries(
    db: Session,
    *,
    owner: User,
    since: datetime | None = None,
    until: datetime | None = None,
    cursor: str | None = None,
    limit: int = DEFAULT_PAGE_SIZE,
) -> Page:
    """Return a page of the owner's entries, newest first, by keyset (no OFFSET). One query."""
    limit = max(1, min(limit, MAX_PAGE_SIZE))
    query = _owned_between(owner, since, until)
    if cursor:
        when, entry_id = decode_cursor(cursor)
        query = query.where(
            # The plain bound is implied by the OR below; it is there because PostgreSQL can
            # start the index scan at it, where the OR alone is a filter over every newer entry
            # (a page deep in a year of entries then cost like OFFSET; docs/performance.md).
            Entry.recorded_at <= when,
            or_(
                Entry.recorded_at < when,
                and_(Entry.recorded_at == when, Entry.id < entry_id),
            ),
        )
    rows = list(
        db.scalars(query.order_by(Entry.recorded_at.desc(), Entry.id.desc()).limit(limit + 1))
    )
    next_cursor = encode_cursor(rows[limit - 1]) if len(rows) > limit else None
    return Page(items=rows[:limit], next_cursor=next_cursor)


def red_flags(db: Session, *, owner: User) -> list[FlagRecord]:
    """Return the owner's red flags, newest entry first; empty when none. One query."""
    query = (
        select(EntryFlag, Entry)
        .join(Entry, EntryFlag.entry_id == Entry.id)
        .where(EntryFlag.user_id == owner.id, EntryFlag.level.in_(RED_FLAG_LEVELS))
        .order_by(Entry.recorded_at.desc(), Entry.id.desc(), EntryFlag.id)
    )
    return [record_of(entry, flag) for flag, entry in db.execute(query)]


def latest_weight_kg(db: Session, *, owner: User) -> float | None:
    """Return the owner's most recently logged weight in kg; None when none was logged.

    One query (the partial index on weighed entries serves it). The amifampridine checks use it:
    under 45 kg the US label's children's limits apply.
    """
    return db.scalar(
        select(Entry.weight_kg)
        .where(Entry.user_id == owner.id, Entry.weight_kg.is_not(None))
        .order_by(Entry.recorded_at.desc(), Entry.id.desc())
        .limit(1)
    )


@dataclass(frozen=True, slots=True)
class RecentMedicine:
    """A medicine logged recently: its name as last logged, its latest dose, when last logged."""

    name: str
    dose_mg: float | None
    last_logged: datetime


def _medicine_key(name: str) -> str:
    """Return a name as compared across entries: case and spacing do not make a new medicine."""
    return " ".join(name.casefold().split())


def recent_medicines(db: Session, *, owner: User, since: datetime) -> list[RecentMedicine]:
    """Return each medicine the owner logged since then with its latest dose, by name; empty
    when none. One query.

    The latest dose is that of the latest entry that gave one: an entry that logs the name
    without a dose does not hide the dose known from before.
    """
    rows = db.execute(
        select(Entry.recorded_at, Entry.medications)
        .where(Entry.user_id == owner.id, Entry.recorded_at >= since)
        .order_by(Entry.recorded_at, Entry.id)
    ).all()
    found: dict[str, RecentMedicine] = {}
    for recorded_at, items in rows:
        for item in items or []:
            medicine = Medication.model_validate(item)
            key = _medicine_key(medicine.name)
            earlier = found.get(key)
            dose = medicine.dose_mg
            if dose is None and earlier is not None:
                dose = earlier.dose_mg
            found[key] = RecentMedicine(name=medicine.name, dose_mg=dose, last_logged=recorded_at)
    return sorted(found.values(), key=lambda item: _medicine_key(item.name))
