"""Clinician-tool queries: who may use the tools on a record, saved results, the screening plan.

``open_record`` is the one place that decides whether a viewer may use the tools on a patient's
record, and it writes the audit entry; every tool route goes through it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from lems_companion.accounts.models import User
from lems_companion.dates import in_diagnosis_window, zone
from lems_companion.diary.service import NotFound
from lems_companion.investigations.models import Investigation
from lems_companion.investigations.schemas import InvestigationCreate
from lems_companion.investigations.service import add_investigation
from lems_companion.rules.screening import ScanResult
from lems_companion.sharing.service import Access, access_for, audit
from lems_companion.tools.models import CalendarSchedule, ToolResult
from lems_companion.tools.records import (
    SCAN_KINDS,
    ScreeningOverview,
    ToolKind,
    ToolResultPublic,
    ToolsSection,
    TrackedScan,
    screening_overview,
)

# Who may use the tools on a patient's record. The patient, and a clinician they invited: the
# tools are decision aids for clinicians, and saving a result is part of using them (so a
# clinician may save although ROLE_ACTIONS gives clinicians "read" only on the diary). A caregiver
# may read and add diary entries but not record clinical scores or scan results.
TOOL_ROLES = frozenset({"owner", "clinician"})
ToolAction = Literal["read", "create"]
# Saved results shown on a tool page and in the report, newest first.
RESULTS_SHOWN = 20


@dataclass(frozen=True)
class Record:
    """A patient's record opened for the tools: its owner and how the viewer reaches it."""

    owner: User
    access: Access

    @property
    def by_owner(self) -> bool:
        """Return True when the patient is working on their own record."""
        return self.access.role == "owner"


def open_record(
    db: Session, *, viewer: User, owner_id: int, action: ToolAction, target: str
) -> Record:
    """Return the record when the viewer may use the tools on it; NotFound otherwise.

    Reading and saving by anyone but the owner goes to the audit log with ``target`` (the caller
    commits). One or two queries.
    """
    access = access_for(db, viewer=viewer, owner_id=owner_id, action="read")
    owner = db.get(User, owner_id) if access else None
    if access is None or owner is None or access.role not in TOOL_ROLES:
        raise NotFound("no such record")
    audit(db, access, action=action, target=target)
    return Record(owner=owner, access=access)


def save_result(
    db: Session,
    *,
    record: Record,
    kind: ToolKind,
    inputs: dict[str, Any],
    result: dict[str, Any],
) -> ToolResult:
    """Return a new saved result on the record (flushed and audited; the caller commits)."""
    row = ToolResult(
        owner_id=record.owner.id,
        kind=kind,
        inputs=inputs,
        result=result,
        saved_by=record.access.actor_email or record.owner.email,
        saved_at=datetime.now(UTC),
    )
    db.add(row)
    db.flush()
    audit(db, record.access, action="create", target=f"{kind} result {row.id}")
    return row


def list_results(
    db: Session, *, owner: User, kind: ToolKind | None = None, limit: int = RESULTS_SHOWN
) -> list[ToolResultPublic]:
    """Return the owner's saved results, newest first; empty when none. One query."""
    query = select(ToolResult).where(ToolResult.owner_id == owner.id)
    if kind is not None:
        query = query.where(ToolResult.kind == kind)
    rows = db.scalars(query.order_by(ToolResult.saved_at.desc(), ToolResult.id.desc()).limit(limit))
    return [to_public(row) for row in rows]


def to_public(row: ToolResult) -> ToolResultPublic:
    """Return a saved result as pages and the report show it."""
    return ToolResultPublic.model_validate(
        {
            "id": row.id,
            "kind": row.kind,
            "inputs": row.inputs,
            "result": row.result,
            "saved_by": row.saved_by,
            "saved_at": row.saved_at,
        }
    )


def screening_for(db: Session, *, owner: User, today: date) -> ScreeningOverview | None:
    """Return the owner's screening plan and progress on today; None without a diagnosis date.

    Two queries: the schedule (shared with the calendar feed) and the tracker's CT and PET scans.
    """
    stored = plan_inputs(db, owner=owner)
    if stored is None:
        return None
    rows = db.scalars(
        select(Investigation).where(
            Investigation.user_id == owner.id,
            Investigation.kind.in_(tuple(SCAN_KINDS)),
            Investigation.status == "done",
        )
    )
    scans = [TrackedScan(kind=row.kind, done_on=row.done_on, result=row.result) for row in rows]
    return screening_overview(
        diagnosed_on=stored[0],
        delta_p_score=stored[1],
        scans=scans,
        today=today,
    )


def set_diagnosis(db: Session, *, owner: User, diagnosed_on: date, delta_p_score: int) -> None:
    """Store the diagnosis date and DELTA-P score the schedule (and calendar feed) use."""
    set_schedule(db, owner=owner, diagnosed_on=diagnosed_on, delta_p_score=delta_p_score)


def record_scan(
    db: Session,
    *,
    owner: User,
    kind: str,
    performed_on: date,
    result: ScanResult,
    note: str = "",
) -> Investigation:
    """Return a CT or PET result added to the owner's test tracker (flushed).

    The result's first word is "negative", "abnormal" or "unclear", so the schedule can read it
    back (``tools.scan_result``); the tracker and the report show the whole text.
    """
    text = result + (f": {note}" if note else "")
    data = InvestigationCreate.model_validate(
        {"kind": kind, "status": "done", "done_on": performed_on, "result": text}
    )
    return add_investigation(db, owner=owner, data=data)


def local_today(owner: User) -> date:
    """Return today's date in the owner's time zone (reads the clock)."""
    return datetime.now(zone(owner.time_zone)).date()


def report_section(db: Session, *, owner: User, today: date | None = None) -> ToolsSection:
    """Return the tools part of the clinician report: saved results and the schedule.

    Three queries. ``today`` defaults to the owner's local date.
    """
    return ToolsSection(
        results=list_results(db, owner=owner),
        screening=screening_for(db, owner=owner, today=today or local_today(owner)),
    )


def schedule(db: Session, *, owner: User) -> CalendarSchedule | None:
    """Return the owner's diagnosis date and DELTA-P score; None when never set. One query."""
    return db.get(CalendarSchedule, owner.id)


def plan_inputs(db: Session, *, owner: User) -> tuple[date, int] | None:
    """Return the diagnosis date and DELTA-P score a screening plan can be built from; None
    when either is missing or the stored date is outside the window a form would accept now
    (saved before that was checked): pages then behave as if none was given. One query."""
    row = schedule(db, owner=owner)
    if row is None or row.diagnosed_on is None or row.delta_p_score is None:
        return None
    if not in_diagnosis_window(row.diagnosed_on, datetime.now(UTC).date()):
        return None
    return row.diagnosed_on, row.delta_p_score


def set_schedule(
    db: Session, *, owner: User, diagnosed_on: date | None, delta_p_score: int | None
) -> None:
    """Store the diagnosis date and DELTA-P score the screening dates come from (flushed)."""
    row = db.get(CalendarSchedule, owner.id) or CalendarSchedule(user_id=owner.id)
    row.diagnosed_on = diagnosed_on
    row.delta_p_score = delta_p_score
    row.updated_at = datetime.now(UTC)
    db.add(row)
    db.flush()
