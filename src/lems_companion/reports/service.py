"""What a report reads from storage: a period's entries, the red flags stored with them, tests.

Red flags are read from the rows (triage stores them); nothing here computes triage, and the
analysis keeps the red ones.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial

from sqlalchemy.orm import Session

from lems_companion.accounts.models import User
from lems_companion.dates import zone
from lems_companion.diary.acknowledgements import acknowledgements_for
from lems_companion.diary.authors import authors_of, written_by
from lems_companion.diary.flags import FlagRecord, records_of
from lems_companion.diary.schemas import EntryPublic
from lems_companion.diary.service import list_entries, to_public
from lems_companion.i18n import DEFAULT_LANGUAGE
from lems_companion.investigations.schemas import InvestigationPublic
from lems_companion.investigations.service import list_investigations
from lems_companion.investigations.service import to_public as investigation_public
from lems_companion.reports.chart_cache import cached_charts
from lems_companion.reports.report import Report, build_report
from lems_companion.tools.service import report_section


@dataclass(frozen=True, slots=True)
class PeriodData:
    """One owner's entries (oldest first), their red flags and tests, ready for a report; who
    wrote the entries not written by the patient, and who has seen which red flag."""

    entries: list[EntryPublic]
    flags: list[FlagRecord]
    investigations: list[InvestigationPublic]
    written_by: dict[int, str] = field(default_factory=dict)
    seen_by: dict[tuple[int, str], list[str]] = field(default_factory=dict)


def load_period(
    db: Session, *, owner: User, since: datetime | None = None, until: datetime | None = None
) -> PeriodData:
    """Return the owner's entries in [since, until), their red flags and all their tests.

    Five queries: entries, their flags (loaded together by select-in), tests, the authors'
    names and the acknowledgements of the flags.
    """
    rows = list_entries(db, owner=owner, since=since, until=until)
    authors = authors_of(db, rows)
    written = {key: text for key, author in authors.items() if (text := written_by(author))}
    tz = zone(owner.time_zone)
    seen: dict[tuple[int, str], list[str]] = defaultdict(list)
    for entry_id, items in acknowledgements_for(db, [row.id for row in rows]).items():
        for item in items:
            seen[(entry_id, item.flag)].append(item.text(tz))
    return PeriodData(
        entries=[to_public(row) for row in rows],
        flags=[flag for row in rows for flag in records_of(row)],
        investigations=[investigation_public(r) for r in list_investigations(db, owner=owner)],
        written_by=written,
        seen_by=dict(seen),
    )


def owner_report(
    db: Session,
    *,
    owner: User,
    since: datetime | None = None,
    until: datetime | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> Report:
    """Return the clinician report of the owner's diary in [since, until), with their tests and
    saved tool results, for a reader of this language; the whole diary when no bounds are
    given. A few queries; charts are drawn only when the diary changed since
    they were last drawn for this language (kept in a savepoint of ``db``: the caller commits to
    keep them).

    The one assembly of the report: the web pages, the CLI, share links, a clinician's view and
    the data-rights archive all call this, so they cannot show different documents.
    """
    period = load_period(db, owner=owner, since=since, until=until)
    return build_report(
        period.entries,
        flags=period.flags,
        investigations=period.investigations,
        patient=owner.shown_name,
        date_of_birth=owner.date_of_birth,
        time_zone=owner.time_zone,
        since=since,
        until=until,
        tools=report_section(db, owner=owner),
        written_by=period.written_by,
        seen_by=period.seen_by,
        language=language,
        charts=partial(cached_charts, db, owner.id),
    )
