"""The people overview: every diary shared with a viewer, sorted by what needs attention.

Issue 14 (the clinician's patient list, and the home of a caregiver): one summary per diary
shared with the viewer through a live grant: the owner's name, the viewer's role, the last entry,
the red flags the viewer has not acknowledged, the red flags written since the viewer last looked,
and a marked change. Sorted: an unacknowledged emergency flag first, then a prompt flag, then a
marked change, then the rest by last entry, newest first.

A marked change is one of (issue 14, spec section 5): muscle weakness trending worse
(``analysis.patterns.weeks`` over the last four weeks of entries), the latest triple timed
up-and-go slower by 20% or more than the sessions before it (``analysis.patterns.tug_change``), or
a weight-loss flag stored by triage in the last six months (``rules.weight_loss``, through the
entries' stored flags, so the list never shows a loss no entry raised).

Speed: a handful of queries whatever the number of patients. The weakness and 3TUG signals are
kept per diary in ``diary_signals`` (computed once, forgotten by the diary service whenever an
entry changes), so the list does not read a month of entries per patient each time it is shown.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from functools import cache
from typing import Any, Literal

from babel.numbers import format_decimal
from pydantic import BaseModel
from sqlalchemy import Select, and_, case, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from lems_companion.accounts.models import User
from lems_companion.analysis import patterns
from lems_companion.diary.flags import RED_FLAG_LEVELS
from lems_companion.diary.models import DiarySignal, Entry, EntryFlag, FlagAcknowledgement
from lems_companion.diary.schemas import EntryPublic, HomeTests
from lems_companion.i18n import N_, translations
from lems_companion.rules import weight_loss
from lems_companion.sharing.models import Grant

# The weakness trend compares the first and last TREND_WEEKS weeks with answers: four weeks of
# entries hold both. The 3TUG change compares the latest session with the others of that window.
SIGNAL_WINDOW = timedelta(weeks=2 * patterns.TREND_WEEKS)
# A marked change counts only while it is recent: the diary's latest entry is within this.
RECENT = SIGNAL_WINDOW
# Attention, most urgent first (the sort order of the list).
Attention = Literal["emergency", "prompt", "change", "none"]
ATTENTION_ORDER: dict[str, int] = {"emergency": 0, "prompt": 1, "change": 2, "none": 3}
# When a viewer holds both roles for one diary, the one the list names (the clinician's tools
# reach further than a caregiver's entries).
ROLE_PRIORITY = ("clinician", "caregiver")


@dataclass(frozen=True, slots=True)
class OpenFlags:
    """Red flags of a diary the viewer has not acknowledged, by level."""

    emergency: int = 0
    prompt: int = 0


@dataclass(frozen=True, slots=True)
class PersonSummary:
    """One diary shared with the viewer, as the people list shows it."""

    owner_id: int
    name: str  # the owner's display name, else their e-mail
    email: str
    role: str  # the viewer's role: caregiver or clinician
    roles: tuple[str, ...]  # every live role the viewer holds (usually one)
    last_entry_at: datetime | None
    open_flags: OpenFlags
    # Red flags (acknowledged or not) of entries written since the viewer last opened the diary;
    # all of them before the first visit.
    new_flags: int
    last_seen_at: datetime | None  # None: the viewer has not opened the diary yet (pending)
    changes: tuple[Change, ...] = field(default=())  # marked changes, in words

    @property
    def pending(self) -> bool:
        """Return True while the viewer has not opened this diary since being invited."""
        return self.last_seen_at is None

    @property
    def attention(self) -> Attention:
        """Return what this diary needs first: emergency, prompt, change or none."""
        if self.open_flags.emergency:
            return "emergency"
        if self.open_flags.prompt:
            return "prompt"
        return "change" if self.changes else "none"


@dataclass(frozen=True, slots=True)
class Invitation:
    """A live grant naming the viewer that they have not opened yet."""

    grant_id: int
    owner_id: int
    name: str
    role: str
    created_at: datetime


def _sort_key(person: PersonSummary) -> tuple[int, float, str]:
    latest = person.last_entry_at.timestamp() if person.last_entry_at else float("-inf")
    return (ATTENTION_ORDER[person.attention], -latest, person.name.casefold())


def _grants(db: Session, viewer: User) -> list[Any]:
    """Return the viewer's live grants (role, last seen) with the owners (id, e-mail, display
    name) and their latest entry time. One query, of columns only."""
    latest = (
        select(func.max(Entry.recorded_at))
        .where(Entry.user_id == User.id)
        .correlate(User)
        .scalar_subquery()
    )
    query = (
        select(
            Grant.role,
            Grant.last_seen_at,
            User.id,
            User.email,
            User.display_name,
            latest.label("latest"),
        )
        .join(User, User.id == Grant.owner_id)
        .where(Grant.grantee_email == viewer.email, Grant.revoked_at.is_(None))
        .order_by(Grant.id)
    )
    return list(db.execute(query))


def _shared_with(viewer: User) -> Select[Any]:
    """Return the query of the owners whose diaries the viewer reaches through a live grant."""
    return select(Grant.owner_id).where(
        Grant.grantee_email == viewer.email, Grant.revoked_at.is_(None)
    )


def _flag_counts(db: Session, viewer: User) -> tuple[dict[int, OpenFlags], dict[int, int]]:
    """Return, per owner, the red flags the viewer has not acknowledged and those raised since
    the viewer last looked. One query, with no join to the entries: hash joins of the red flags
    with the viewer's grants and acknowledgements."""
    seen = (
        select(Grant.owner_id, func.max(Grant.seen_flag_id).label("seen_id"))
        .where(Grant.grantee_email == viewer.email, Grant.revoked_at.is_(None))
        .group_by(Grant.owner_id)
        .subquery()
    )
    mine = (
        select(FlagAcknowledgement.entry_flag_id)
        .where(FlagAcknowledgement.user_id == viewer.id)
        .subquery()
    )
    is_new = or_(seen.c.seen_id.is_(None), EntryFlag.id > seen.c.seen_id)
    query = (
        select(
            EntryFlag.user_id,
            EntryFlag.level,
            func.sum(case((mine.c.entry_flag_id.is_(None), 1), else_=0)),
            func.sum(case((is_new, 1), else_=0)),
        )
        .join(seen, seen.c.owner_id == EntryFlag.user_id)
        .outerjoin(mine, mine.c.entry_flag_id == EntryFlag.id)
        .where(EntryFlag.level.in_(RED_FLAG_LEVELS))
        .group_by(EntryFlag.user_id, EntryFlag.level)
    )
    open_counts: dict[int, dict[str, int]] = defaultdict(dict)
    new: dict[int, int] = defaultdict(int)
    for owner_id, level, unacknowledged, fresh in db.execute(query):
        open_counts[owner_id][level] = int(unacknowledged or 0)
        new[owner_id] += int(fresh or 0)
    flags = {
        owner_id: OpenFlags(emergency=levels.get("emergency", 0), prompt=levels.get("prompt", 0))
        for owner_id, levels in open_counts.items()
    }
    return flags, dict(new)


def _latest_weight_losses(db: Session, owner_ids: Sequence[int]) -> dict[int, datetime]:
    """Return, per owner, when the latest entry with a stored weight-loss flag was recorded."""
    query = (
        select(EntryFlag.user_id, func.max(Entry.recorded_at))
        .join(Entry, Entry.id == EntryFlag.entry_id)
        .where(EntryFlag.user_id.in_(owner_ids), EntryFlag.flag == "weight_loss")
        .group_by(EntryFlag.user_id)
    )
    return {owner_id: when for owner_id, when in db.execute(query)}


def compute_signals(entries: Sequence[EntryPublic]) -> tuple[str | None, float | None]:
    """Return the weakness trend and the 3TUG change (percent) of these entries (oldest first),
    by the analysis' own rules."""
    trend = patterns.weeks(entries).trend
    tug = patterns.tug_change(entries)
    return trend, (tug.change_percent if tug else None)


def _stored_entry(
    entry_id: int,
    recorded_at: datetime,
    offset_minutes: int,
    symptoms: dict[str, int] | None,
    home_tests: dict[str, Any] | None,
) -> EntryPublic:
    """Return the parts of a stored entry the signals read, without validating them again:
    they were validated when the entry was saved (diary.service), and validating a month of
    entries for every diary that changed would cost more than the rest of the list."""
    local = recorded_at.astimezone(timezone(timedelta(minutes=offset_minutes)))
    # Every field given: pydantic inspects a default factory's signature on each construct.
    tests = HomeTests.model_construct(
        **(_defaults(HomeTests) | {"tug_seconds": (home_tests or {}).get("tug_seconds")})
    )
    given = {"id": entry_id, "recorded_at": local, "symptoms": symptoms or {}, "home_tests": tests}
    return EntryPublic.model_construct(**(_defaults(EntryPublic) | given))


@cache
def _defaults(model: type[BaseModel]) -> dict[str, Any]:
    """Return the model's fields with their defaults (read only: never changed by the signals)."""
    return {
        name: field.get_default(call_default_factory=True)
        for name, field in model.model_fields.items()
        if not field.is_required()
    }


def _signals(
    db: Session, viewer: User, latest: dict[int, datetime | None], now: datetime
) -> dict[int, _Signal]:
    """Return each owner's stored signals, computing (and storing) those missing or stale."""
    owner_ids = list(latest)
    stored = {
        row.owner_id: row
        for row in db.scalars(
            select(DiarySignal).where(DiarySignal.owner_id.in_(_shared_with(viewer)))
        )
    }
    stale = [
        owner_id
        for owner_id in owner_ids
        if owner_id not in stored or stored[owner_id].latest_entry_at != latest[owner_id]
    ]
    if not stale:
        return {owner_id: _Signal.of(row) for owner_id, row in stored.items()}
    starts: dict[int, datetime] = {}
    for owner_id in stale:
        when = latest[owner_id]
        if when is not None:
            starts[owner_id] = when - SIGNAL_WINDOW
    by_owner: dict[int, list[EntryPublic]] = defaultdict(list)
    if starts:
        query = (
            select(
                Entry.user_id,
                Entry.id,
                Entry.recorded_at,
                Entry.utc_offset_minutes,
                Entry.symptoms,
                Entry.home_tests,
            )
            .where(
                or_(
                    *(
                        and_(Entry.user_id == owner_id, Entry.recorded_at >= start)
                        for owner_id, start in starts.items()
                    )
                )
            )
            .order_by(Entry.user_id, Entry.recorded_at, Entry.id)
        )
        for owner_id, *columns in db.execute(query):
            by_owner[owner_id].append(_stored_entry(*columns))
    losses = _latest_weight_losses(db, stale)
    found = {owner_id: _Signal.of(row) for owner_id, row in stored.items()}
    added = []
    for owner_id in stale:
        trend, tug = compute_signals(by_owner.get(owner_id, []))
        found[owner_id] = _Signal(trend, tug, losses.get(owner_id))
        row = stored.get(owner_id)
        if row is None:
            row = DiarySignal(owner_id=owner_id)
            added.append(row)
        row.computed_at = now
        row.latest_entry_at = latest[owner_id]
        row.weakness_trend = trend
        row.tug_change_percent = tug
        row.weight_loss_at = losses.get(owner_id)
    try:
        with db.begin_nested():  # one savepoint for them all
            db.add_all(added)
    except IntegrityError:
        pass  # another request stored some first: the next list computes any still missing
    return found


class Change(str):
    """A marked change in words: the English text (as the API and the CLI give it) that also
    knows its catalogue message and values, so a page can say it in the reader's language."""

    message: str
    values: dict[str, float | Decimal]

    def __new__(cls, message: str, **values: float | Decimal) -> Change:
        text = super().__new__(cls, _said(message, values, "en"))
        text.message = message
        text.values = values
        return text

    def said_in(self, language: str) -> str:
        """Return the change in the language, its numbers written as the language writes them."""
        return _said(self.message, self.values, language)


def _said(message: str, values: dict[str, float | Decimal], language: str) -> str:
    shown = {name: format_decimal(value, locale=language) for name, value in values.items()}
    return translations(language).gettext(message) % shown


@dataclass(frozen=True, slots=True)
class _Signal:
    """A diary's signals as the list reads them (a copy of the stored row's values)."""

    weakness_trend: str | None
    tug_change_percent: float | None
    weight_loss_at: datetime | None

    @classmethod
    def of(cls, row: DiarySignal) -> _Signal:
        return cls(row.weakness_trend, row.tug_change_percent, row.weight_loss_at)


def _changes(signal: _Signal | None, latest: datetime | None, now: datetime) -> tuple[Change, ...]:
    found: list[Change] = []
    recent = latest is not None and latest >= now - RECENT
    if signal is not None and recent:
        if signal.weakness_trend == "worse":
            found.append(Change(N_("muscle weakness worse over the last weeks")))
        percent = signal.tug_change_percent
        if percent is not None and percent >= patterns.TUG_MARKED_CHANGE_PERCENT:
            found.append(Change(N_("triple timed up-and-go %(percent)s%% slower"), percent=percent))
    lost_at = signal.weight_loss_at if signal is not None else None
    if lost_at is not None and lost_at >= now - weight_loss.WINDOW:
        found.append(
            Change(
                N_("weight loss of %(percent)s%% or more within 6 months"),
                percent=weight_loss.THRESHOLD_PERCENT,
            )
        )
    return tuple(found)


def people_for(db: Session, viewer: User, *, now: datetime | None = None) -> list[PersonSummary]:
    """Return the diaries shared with the viewer through live grants, most in need of attention
    first; empty when none. Three queries, whatever the number of diaries (plus the computing
    of signals not yet known); the caller commits the signals it stored."""
    if viewer.email_verified_at is None:
        return []  # issue 15: invitations open only to a confirmed address (sharing.access_for)
    now = now or datetime.now(UTC)
    rows = _grants(db, viewer)
    if not rows:
        return []
    owners: dict[int, tuple[str, str]] = {}  # id -> (name, e-mail)
    roles: dict[int, set[str]] = defaultdict(set)
    last_seen: dict[int, datetime | None] = {}
    latest: dict[int, datetime | None] = {}
    for role, seen, owner_id, email, display_name, when in rows:
        owners[owner_id] = (display_name or email, email)
        roles[owner_id].add(role)
        latest[owner_id] = when
        earlier = last_seen.get(owner_id)
        last_seen[owner_id] = max(earlier, seen) if earlier and seen else earlier or seen
    flags, new = _flag_counts(db, viewer)
    signals = _signals(db, viewer, latest, now)
    people = []
    for owner_id, (name, email) in owners.items():
        held = tuple(role for role in ROLE_PRIORITY if role in roles[owner_id])
        people.append(
            PersonSummary(
                owner_id=owner_id,
                name=name,
                email=email,
                role=held[0],
                roles=held,
                last_entry_at=latest[owner_id],
                open_flags=flags.get(owner_id, OpenFlags()),
                new_flags=new.get(owner_id, 0),
                last_seen_at=last_seen[owner_id],
                changes=_changes(signals.get(owner_id), latest[owner_id], now),
            )
        )
    return sorted(people, key=_sort_key)


def pending_invitations(db: Session, viewer: User) -> list[Invitation]:
    """Return the live grants naming the viewer whose diary they have not opened yet, oldest
    first (the home page shows them); none until the viewer's address is confirmed. One query."""
    if viewer.email_verified_at is None:
        return []
    query = (
        select(Grant, User)
        .join(User, User.id == Grant.owner_id)
        .where(
            Grant.grantee_email == viewer.email,
            Grant.revoked_at.is_(None),
            Grant.last_seen_at.is_(None),
        )
        .order_by(Grant.created_at, Grant.id)
    )
    return [
        Invitation(
            grant_id=grant.id,
            owner_id=owner.id,
            name=owner.shown_name,
            role=grant.role,
            created_at=grant.created_at,
        )
        for grant, owner in db.execute(query)
    ]


def summary_for(db: Session, viewer: User, owner_id: int) -> PersonSummary | None:
    """Return the viewer's summary of one shared diary; None when it is not shared with them."""
    return next((p for p in people_for(db, viewer) if p.owner_id == owner_id), None)
