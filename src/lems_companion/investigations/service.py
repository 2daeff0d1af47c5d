"""Test tracker queries, always on behalf of a viewer; ``load_investigation`` checks access."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from lems_companion.accounts.models import User
from lems_companion.db.types import is_row_id
from lems_companion.diary.access import NotFound, may_access
from lems_companion.investigations.models import Investigation
from lems_companion.investigations.schemas import InvestigationCreate, InvestigationPublic

if TYPE_CHECKING:
    from lems_companion.sharing.service import Action


def load_investigation(
    db: Session, investigation_id: int, *, viewer: User, action: Action = "read"
) -> Investigation:
    """Return the test when the viewer may reach it; NotFound otherwise. One query."""
    row = db.get(Investigation, investigation_id) if is_row_id(investigation_id) else None
    if row is None or not may_access(viewer, row.user_id, action):
        raise NotFound(f"no test {investigation_id}")
    return row


def add_investigation(db: Session, *, owner: User, data: InvestigationCreate) -> Investigation:
    """Return the new test for this owner (flushed so it has an id; the caller commits)."""
    now = datetime.now(UTC)
    row = Investigation(user_id=owner.id, created_at=now, updated_at=now, **data.model_dump())
    db.add(row)
    db.flush()
    return row


def delete_investigation(db: Session, row: Investigation) -> None:
    """Delete the test (flushed)."""
    db.delete(row)
    db.flush()


def list_investigations(db: Session, *, owner: User) -> list[Investigation]:
    """Return the owner's tests, pending first, then newest; empty when none. One query."""
    query = select(Investigation).where(Investigation.user_id == owner.id)
    rows = list(db.scalars(query.order_by(Investigation.id)))
    return sorted(
        rows, key=lambda r: (r.status != "pending", -(r.done_on.toordinal() if r.done_on else 0))
    )


def to_public(row: Investigation) -> InvestigationPublic:
    """Return the test as pages and reports show it."""
    return InvestigationPublic.model_validate(
        {
            "id": row.id,
            "kind": row.kind,
            "status": row.status,
            "done_on": row.done_on,
            "result": row.result,
            "increment_percent": row.increment_percent,
            "note": row.note,
        }
    )
