"""Diary queries: store, load, list, change and delete entries, always on behalf of a viewer.

``load_entry`` is the one place that decides whether a viewer may reach an entry; every route and
command goes through it, so none can forget the check.
"""

from __future__ import annotations

import base64
import binascii
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from functools import cache
from typing import Any, Literal, cast

from sqlalchemy import Delete, Select, Table, and_, bindparam, delete, insert, or_, select
from sqlalchemy.orm import Session, lazyload

from lems_companion.accounts.models import User
from lems_companion.db.types import is_row_id
from lems_companion.diary.access import NotFound as NotFound
from lems_companion.diary.access import may_access as may_access
from lems_companion.diary.flags import RED_FLAG_LEVELS, FlagRecord, record_of
from lems_companion.diary.models import ChartSet, DiarySignal, Entry, EntryFlag
from lems_companion.diary.schemas import EntryCreate, EntryPublic, Medication
from lems_companion.jobs.queue import enqueue
from lems_companion.rules import weight_loss
from lems_companion.rules.medicines import is_amifampridine, licence_region
from lems_companion.sharing.service import Access, Action, access_for, audit
from lems_companion.triage import TriageResult, triage_entry

# Who wrote an entry, as the timeline, exports and triage read it (spec section 3, who is writing).
AuthorRole = Literal["patient", "caregiver", "clinician"]

# Keyset pages: the default suits a phone screen; the ceiling bounds one response's size.
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
# A batch of entries is triaged against the stored entries around it, read at once: from the
# weight-loss window before its first entry, and a local day either side for same-day doses
# (offsets run from UTC-12 to UTC+14, so two days cover any local day).
DAY_MARGIN = timedelta(days=2)
# Rows of a batch inserted together, by a few multi-row statements.
BATCH_INSERT_ROWS = 2_000
# Times compared as whole microseconds since this moment (see _moment).
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MICROSECOND = timedelta(microseconds=1)


class BadCursor(ValueError):
    """A pagination cursor that this app did not produce."""


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


def _columns(data: EntryCreate) -> dict[str, Any]:
    """Return the entry's stored columns (all but owner, triage and creation time)."""
    offset = data.recorded_at.utcoffset() or timedelta(0)
    return {
        "recorded_at": data.recorded_at,
        "utc_offset_minutes": int(offset.total_seconds() // 60),
        "context": data.context,
        "improved_after_moving": data.improved_after_moving,
        "symptoms": dict(data.symptoms),
        "weight_kg": data.weight_kg,
        "medications": [item.model_dump(mode="json") for item in data.medications],
        "home_tests": data.home_tests.model_dump(mode="json") if data.home_tests else None,
        "factors": list(data.factors),
        "note": data.note,
        "updated_at": datetime.now(UTC),
    }


def _fill(row: Entry, data: EntryCreate) -> None:
    for name, value in _columns(data).items():
        setattr(row, name, value)


# The statements an entry's triage runs are built once per shape (new entry or edit) and run
# with parameters: building and keying a statement cost more than running it (a profile of
# entry creation, docs/performance.md). An edited entry is left out of its own comparisons.
@cache
def _previous_statement(*, edit: bool) -> Select[Entry]:
    """Return the query of the owner's entry just before a moment (without its flags: triage
    compares entries, not their flags, and loading them cost a query per new entry)."""
    query = (
        select(Entry)
        .where(Entry.user_id == bindparam("owner"), Entry.recorded_at < bindparam("at"))
        .options(lazyload(Entry.flags))
    )
    if edit:
        query = query.where(Entry.id != bindparam("entry"))
    return query.order_by(Entry.recorded_at.desc(), Entry.id.desc()).limit(1)


@cache
def _weights_statement(*, edit: bool) -> Select[datetime, float | None]:
    """Return the query of the owner's weights in [since, at)."""
    query = select(Entry.recorded_at, Entry.weight_kg).where(
        Entry.user_id == bindparam("owner"),
        Entry.recorded_at < bindparam("at"),
        Entry.weight_kg.is_not(None),
        Entry.recorded_at >= bindparam("since"),
    )
    # Only for an edit: the id is not in the partial index that answers this for a new entry.
    return query.where(Entry.id != bindparam("entry")) if edit else query


@cache
def _logged_statement(*, edit: bool) -> Select[list[dict[str, Any]]]:
    """Return the query of the medicines logged in the owner's entries in [start, end)."""
    query = select(Entry.medications).where(
        Entry.user_id == bindparam("owner"),
        Entry.recorded_at >= bindparam("start"),
        Entry.recorded_at < bindparam("end"),
    )
    return query.where(Entry.id != bindparam("entry")) if edit else query


def _earlier(db: Session, row: Entry) -> tuple[EntryPublic | None, list[tuple[datetime, float]]]:
    """Return what triage compares an entry with: the entry just before it and recent weights.

    Two queries. Spec section 3: a red-flag symptom is "new" when absent from the previous entry
    (triage applies the 14-day limit); weight loss counts within six months.
    """
    edit = row.id is not None
    at = {"owner": row.user_id, "at": row.recorded_at} | ({"entry": row.id} if edit else {})
    previous = db.scalar(_previous_statement(edit=edit), at)
    since = row.recorded_at - weight_loss.WINDOW
    weights = db.execute(_weights_statement(edit=edit), at | {"since": since}).all()
    history = [(when, kg) for when, kg in weights if kg is not None]
    return (to_public(previous) if previous else None), history


def same_day_medicines(db: Session, row: Entry) -> list[Medication]:
    """Return the medicines logged in the owner's other entries of this entry's local day; empty
    when none.

    One query. The day is the entry's calendar day in the UTC offset it was recorded in; it feeds
    the amifampridine daily maximum (rules.medicines.check_amifampridine_day) and the
    amifampridine notices shown with the entry (tools.records.amifampridine_notices).
    """
    start, end = _day_of(row.recorded_at, row.utc_offset_minutes)
    edit = row.id is not None
    day = {"owner": row.user_id, "start": start, "end": end} | ({"entry": row.id} if edit else {})
    logged = db.scalars(_logged_statement(edit=edit), day)
    return [Medication.model_validate(item) for items in logged for item in items or []]


def _logs_amifampridine(data: EntryCreate) -> bool:
    """Return True when the entry logs amifampridine (only then do same-day doses matter)."""
    return any(is_amifampridine(item.name) for item in data.medications)


def _triage(db: Session, row: Entry, data: EntryCreate) -> None:
    """Store the entry's red flags and level, replacing any from before an edit."""
    previous, weights = _earlier(db, row)
    doses = same_day_medicines(db, row) if _logs_amifampridine(data) else []
    owner = db.get(User, row.user_id)  # in the session's identity map already: no query
    _store_triage(row, data, previous=previous, weights=weights, doses=doses, owner=owner)


def _store_triage(
    row: Entry,
    data: EntryCreate,
    *,
    previous: EntryCreate | None,
    weights: list[tuple[datetime, float]],
    doses: Sequence[Medication],
    owner: User | None,
) -> None:
    """Set the entry's triage level and red flags from what it is compared with."""
    result = _triage_of(
        data,
        author_role=row.author_role,
        previous=previous,
        weights=weights,
        doses=doses,
        owner=owner,
    )
    row.triage_level = result.level
    row.flags = [EntryFlag(user_id=row.user_id, **flag) for flag in _flag_columns(result)]


def _triage_of(
    data: EntryCreate,
    *,
    author_role: str,
    previous: EntryCreate | None,
    weights: list[tuple[datetime, float]],
    doses: Sequence[Medication],
    owner: User | None,
) -> TriageResult:
    """Return the triage of one entry with all it is compared with: the one call to triage for
    an entry added alone and for each entry of an import."""
    weight_kg = data.weight_kg
    if weight_kg is None and weights:
        weight_kg = max(weights)[1]  # the latest reading of the six months before
    return triage_entry(
        data,
        # Spec section 3: a caregiver's (or clinician's) third-person words are the patient's.
        author="patient" if author_role == "patient" else "caregiver",
        previous=previous,
        weight_history=weights,
        same_day_doses=doses,
        # Spec section 6: the amifampridine maximum follows the licence of the patient's country.
        region=licence_region(owner.country if owner else None),
        weight_kg=weight_kg,
    )


def _flag_columns(result: TriageResult) -> list[dict[str, Any]]:
    """Return the stored columns of each red flag of a triage (all but entry and owner)."""
    return [
        {
            "flag": hit.id,
            "level": hit.level,
            "evidence": hit.evidence,
            "start": hit.start,
            "end": hit.end,
            "basis": hit.basis,
        }
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


@cache
def _forget_signals_statement() -> Delete:
    """Return the statement deleting an owner's people-list signals, built once.

    A plain table statement, not the ORM's bulk delete, which also looks for signal objects in
    the session to remove, at six times the cost (docs/performance.md, entry creation). There
    are none to remove: the people list keeps none past its call, and the session holds loaded
    rows only while someone does (tests/sharing/test_people.py changes an entry after listing).
    """
    signals = cast(Table, DiarySignal.__table__)
    return delete(signals).where(signals.c.owner_id == bindparam("owner"))


def diary_changed(db: Session, *, owner_id: int) -> None:
    """Forget what was computed from the owner's entries (the people list's signals), so the
    next reader computes it again. Every change of an entry calls this. One statement."""
    db.execute(_forget_signals_statement(), {"owner": owner_id})


def entries_rewritten(db: Session, *, owner_id: int) -> None:
    """Forget, besides what ``diary_changed`` forgets, the report charts kept for the owner: they
    may show an entry's old content. A new entry leaves them true to the entries they were drawn
    from (a new report has a new digest), so adding one costs no further statement."""
    diary_changed(db, owner_id=owner_id)
    db.execute(delete(ChartSet).where(ChartSet.owner_id == owner_id))


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
    diary_changed(db, owner_id=owner.id)
    if row.triage_level in RED_FLAG_LEVELS:
        # Who is told is decided when the job runs, from the grants as they are then (issue 15;
        # messaging.service). In this transaction: no entry, no notice; no notice lost.
        enqueue(db, "red_flag_notice", {"entry_id": row.id}, key=f"notice:{row.id}")
    return row


def _moment(when: datetime) -> int:
    """Return an aware time as microseconds since the epoch: exact, and quick to compare (two
    datetimes in different offsets are compared through their offsets, ten times slower)."""
    return (when - EPOCH) // MICROSECOND


@dataclass(slots=True)
class _Timeline:
    """Entries in time order, as triage compares a new entry with them: each entry's time, and
    apart the weighed ones (time, kg), so a window is found by bisection."""

    moments: list[int] = field(default_factory=list)
    entries: list[EntryCreate | Entry] = field(default_factory=list)
    weight_moments: list[int] = field(default_factory=list)
    weights: list[tuple[datetime, float]] = field(default_factory=list)

    def add(self, when: datetime, entry: EntryCreate | Entry, weight_kg: float | None) -> None:
        """Add an entry later than (or as late as) every entry already in the timeline."""
        moment = _moment(when)
        self.moments.append(moment)
        self.entries.append(entry)
        if weight_kg is not None:
            self.weight_moments.append(moment)
            self.weights.append((when, weight_kg))

    def last_before(self, when: datetime) -> EntryCreate | Entry | None:
        """Return the last entry strictly before this time; None when there is none."""
        index = bisect_left(self.moments, _moment(when))
        return self.entries[index - 1] if index else None

    def between(self, start: datetime, end: datetime) -> list[EntryCreate | Entry]:
        """Return the entries in [start, end), oldest first."""
        moments = self.moments
        return self.entries[
            bisect_left(moments, _moment(start)) : bisect_left(moments, _moment(end))
        ]

    def weights_between(self, start: datetime, end: datetime) -> list[tuple[datetime, float]]:
        """Return the (time, kg) readings in [start, end), oldest first."""
        moments = self.weight_moments
        return self.weights[
            bisect_left(moments, _moment(start)) : bisect_left(moments, _moment(end))
        ]


def _stored_around(
    db: Session, *, owner: User, start: datetime, end: datetime
) -> tuple[Entry | None, list[Entry]]:
    """Return the owner's last stored entry before ``start`` and the stored entries in
    [start, end], oldest first (ties by id). Two queries, whatever the size of the batch."""
    before = db.scalar(
        select(Entry)
        .where(Entry.user_id == owner.id, Entry.recorded_at < start)
        .order_by(Entry.recorded_at.desc(), Entry.id.desc())
        .limit(1)
    )
    within = db.scalars(
        select(Entry)
        .where(Entry.user_id == owner.id, Entry.recorded_at >= start, Entry.recorded_at <= end)
        .order_by(Entry.recorded_at, Entry.id)
    )
    return before, list(within)


def _as_compared(entry: EntryCreate | Entry) -> EntryCreate:
    """Return an entry as triage compares with it: a new one as given, a stored one public."""
    return to_public(entry) if isinstance(entry, Entry) else entry


def _day_of(recorded_at: datetime, utc_offset_minutes: int) -> tuple[datetime, datetime]:
    """Return the start and end of an entry's local day, in the offset it was recorded in."""
    offset = timezone(timedelta(minutes=utc_offset_minutes))
    start = datetime.combine(recorded_at.astimezone(offset).date(), datetime.min.time(), offset)
    return start, start + timedelta(days=1)


def _insert(
    db: Session, *, owner: User, pending: list[tuple[dict[str, Any], list[dict[str, Any]]]]
) -> list[Entry]:
    """Return the new entries, inserted with their red flags by multi-row statements.

    Plain table inserts: the ORM's unit of work cost ~0.5 ms an entry. Then one query loads the
    entries, so the caller gets the rows as any query returns them.
    """
    entries, flags = cast(Table, Entry.__table__), cast(Table, EntryFlag.__table__)
    # Each id must be matched with its row. SQLite gives rowids in the order of the rows of a
    # multi-row INSERT, so sorting the returned ids is enough there; asking SQLAlchemy to sort
    # them would make it send one INSERT per row (five times slower). PostgreSQL is asked.
    on_sqlite = db.get_bind().dialect.name == "sqlite"
    statement = insert(entries).returning(entries.c.id, sort_by_parameter_order=not on_sqlite)
    ids = db.execute(statement, [columns for columns, _ in pending]).scalars().all()
    if on_sqlite:
        ids = sorted(ids)
    flag_columns = [
        {"entry_id": entry_id, "user_id": owner.id, **flag}
        for entry_id, (_, row_flags) in zip(ids, pending, strict=True)
        for flag in row_flags
    ]
    if flag_columns:
        db.execute(insert(flags), flag_columns)
    # Flags load when asked for: an import's caller counts the rows and seldom reads them.
    query = select(Entry).where(Entry.id.in_(ids)).options(lazyload(Entry.flags))
    loaded = {row.id: row for row in db.scalars(query)}
    return [loaded[entry_id] for entry_id in ids]


def add_entries(db: Session, *, owner: User, items: Sequence[EntryCreate]) -> list[Entry]:
    """Return the new entries, triaged in time order; all or nothing once the caller commits.

    Each entry gets the flags ``add_entry`` would give it had the entries been added one by one
    in time order: it is compared with the entry before it and the weights and doses around it,
    stored or new. The stored ones are read with two queries for the whole batch (not three
    per entry), and rows are inserted a few thousand at a time.
    """
    if not items:
        return []
    # In time order, so each entry is compared with the one before it, imported or not.
    ordered = sorted(range(len(items)), key=lambda index: items[index].recorded_at)
    first, last = items[ordered[0]].recorded_at, items[ordered[-1]].recorded_at
    start = first - max(weight_loss.WINDOW, DAY_MARGIN)
    before, stored = _stored_around(db, owner=owner, start=start, end=last + DAY_MARGIN)
    stored_days = _Timeline()
    for row in stored:
        stored_days.add(row.recorded_at, row, None)
    # Stored and new entries together, in the order add_entry would have found them: by time,
    # then by id (a new entry's id is higher than any stored one's, and in insertion order).
    seen = _Timeline()
    new_days = _Timeline()
    if before is not None:
        seen.add(before.recorded_at, before, before.weight_kg)
    next_stored = 0
    created_at = datetime.now(UTC)
    pending: list[tuple[dict[str, Any], list[dict[str, Any]]]] = []
    inserted: list[Entry] = []
    for index in ordered:
        data = items[index]
        # An import is the owner's own diary: its entries are the patient's.
        columns = _columns(data) | {
            "user_id": owner.id,
            "author_id": owner.id,
            "author_role": "patient",
            "created_at": created_at,
        }
        when = columns["recorded_at"]
        while next_stored < len(stored) and stored[next_stored].recorded_at < when:
            earlier = stored[next_stored]
            seen.add(earlier.recorded_at, earlier, earlier.weight_kg)
            next_stored += 1
        # The entry just before: strictly earlier, the latest id among those at the same time.
        before_this = seen.last_before(when)
        previous = _as_compared(before_this) if before_this is not None else None
        weights = seen.weights_between(when - weight_loss.WINDOW, when)
        doses: list[Medication] = []
        if _logs_amifampridine(data):
            day_start, day_end = _day_of(when, columns["utc_offset_minutes"])
            around = stored_days.between(day_start, day_end) + new_days.between(day_start, day_end)
            for other in around:
                if isinstance(other, EntryCreate):
                    doses += other.medications
                else:
                    doses += [Medication.model_validate(item) for item in other.medications or []]
        result = _triage_of(
            data,
            author_role="patient",
            previous=previous,
            weights=weights,
            doses=doses,
            owner=owner,
        )
        columns["triage_level"] = result.level
        pending.append((columns, _flag_columns(result)))
        # Stored entries at the same time have lower ids: they go before this one.
        while next_stored < len(stored) and stored[next_stored].recorded_at <= when:
            earlier = stored[next_stored]
            seen.add(earlier.recorded_at, earlier, earlier.weight_kg)
            next_stored += 1
        seen.add(when, data, data.weight_kg)
        new_days.add(when, data, None)
    # Written only once every entry is triaged: on SQLite the first insert takes the database's
    # write lock until the caller commits, so other writers wait for the inserts alone.
    diary_changed(db, owner_id=owner.id)
    for chunk in range(0, len(pending), BATCH_INSERT_ROWS):
        inserted += _insert(db, owner=owner, pending=pending[chunk : chunk + BATCH_INSERT_ROWS])
    rows = dict(zip(ordered, inserted, strict=True))
    return [rows[index] for index in range(len(items))]


def replace_entry(db: Session, row: Entry, data: EntryCreate) -> Entry:
    """Return the entry with its content replaced by ``data`` and triaged again (flushed)."""
    _fill(row, data)
    _triage(db, row, data)
    entries_rewritten(db, owner_id=row.user_id)
    db.flush()
    return row


def delete_entry(db: Session, row: Entry) -> None:
    """Delete the entry (flushed)."""
    entries_rewritten(db, owner_id=row.user_id)
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
            "factors": row.factors or [],
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
    db: Session,
    *,
    owner: User,
    since: datetime | None = None,
    until: datetime | None = None,
    with_flags: bool = True,
) -> list[Entry]:
    """Return the owner's entries in [since, until), oldest first; empty when none. One query,
    and the flags of the entries by select-in unless ``with_flags`` is False (then they are
    loaded only if asked for, entry by entry)."""
    query = _owned_between(owner, since, until).order_by(Entry.recorded_at, Entry.id)
    if not with_flags:
        query = query.options(lazyload(Entry.flags))
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
