"""Finding entries in the timeline: by words in the note, a symptom, red flags and dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from lems_companion.accounts.models import User
from lems_companion.dates import zone
from lems_companion.diary.flags import RED_FLAG_LEVELS
from lems_companion.diary.models import Entry

# A search shows the newest matches only: enough to find an episode, few enough for one page.
MAX_MATCHES = 100
# A symptom filter reads the severities of up to this many recent entries (they are JSON, not
# columns): about a year and a half of four entries a day.
SYMPTOM_SCAN = 2000


@dataclass(frozen=True)
class TimelineFilter:
    """What the person is looking for; every part is optional."""

    text: str = ""
    symptom: str | None = None
    red_flags: bool = False
    since: date | None = None
    until: date | None = None

    def active(self) -> bool:
        """Return True when any part of the filter is set."""
        return bool(self.text or self.symptom or self.red_flags or self.since or self.until)


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_entries(
    db: Session, *, owner: User, criteria: TimelineFilter, time_zone: str
) -> list[Entry]:
    """Return up to 100 of the owner's entries that match, newest first; empty when none.
    Dates are the person's local days, both ends included. One query."""
    query = select(Entry).where(Entry.user_id == owner.id)
    if criteria.text:
        query = query.where(Entry.note.ilike(_like(criteria.text), escape="\\"))
    if criteria.red_flags:
        query = query.where(Entry.triage_level.in_(RED_FLAG_LEVELS))
    local = zone(time_zone)
    if criteria.since:
        query = query.where(Entry.recorded_at >= datetime.combine(criteria.since, time(), local))
    if criteria.until:
        end = datetime.combine(criteria.until + timedelta(days=1), time(), local)
        query = query.where(Entry.recorded_at < end)
    limit = SYMPTOM_SCAN if criteria.symptom else MAX_MATCHES
    rows = db.scalars(query.order_by(Entry.recorded_at.desc(), Entry.id.desc()).limit(limit))
    if criteria.symptom:
        symptom = criteria.symptom
        rows = (row for row in rows if (row.symptoms or {}).get(symptom, 0) > 0)  # type: ignore[assignment]
    return list(rows)[:MAX_MATCHES]
