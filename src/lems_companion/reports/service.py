"""What a report reads from storage: a period's entries, the red flags stored with them, tests.

Red flags are read from the rows (triage stores them); nothing here computes triage, and the
analysis keeps the red ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from lems_companion.accounts.models import User
from lems_companion.diary.authors import AuthorPublic, shown_written_by, written_by_others
from lems_companion.diary.flags import FlagRecord, records_of
from lems_companion.diary.schemas import EntryPublic
from lems_companion.diary.service import list_entries, to_public
from lems_companion.investigations.schemas import InvestigationPublic
from lems_companion.investigations.service import list_investigations
from lems_companion.investigations.service import to_public as investigation_public
from lems_companion.reports.report import Report, build_report
from lems_companion.tools.service import report_section


@dataclass(frozen=True, slots=True)
class PeriodData:
    """One owner's entries (oldest first), their red flags and tests, ready for a report."""

    entries: list[EntryPublic]
    flags: list[FlagRecord]
    investigations: list[InvestigationPublic]
    # Entries of the period someone other than the patient wrote: entry id -> who.
    authors: dict[int, AuthorPublic]


def load_period(
    db: Session, *, owner: User, since: datetime | None = None, until: datetime | None = None
) -> PeriodData:
    """Return the owner's entries in [since, until), their red flags and all their tests.

    Four queries: entries, their flags (loaded together by select-in), their authors and tests.
    """
    rows = list_entries(db, owner=owner, since=since, until=until)
    others = written_by_others(db, owner_id=owner.id)
    in_period = {row.id for row in rows}
    return PeriodData(
        authors={entry_id: who for entry_id, who in others.items() if entry_id in in_period},
        entries=[to_public(row) for row in rows],
        flags=[flag for row in rows for flag in records_of(row)],
        investigations=[investigation_public(r) for r in list_investigations(db, owner=owner)],
    )


def owner_report(
    db: Session, *, owner: User, since: datetime | None = None, until: datetime | None = None
) -> Report:
    """Return the clinician report of the owner's diary in [since, until), with their tests and
    saved tool results; the whole diary when no bounds are given. A few queries.

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
        authors={entry_id: shown_written_by(who) for entry_id, who in period.authors.items()},
    )
