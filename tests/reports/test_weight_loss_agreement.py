"""An entry's weight-loss flag and the report agree: both come from the one rule (spec section 3)."""

from __future__ import annotations

from sqlalchemy import select

from lems_companion.accounts.models import User
from lems_companion.db.engine import session_scope
from lems_companion.diary.schemas import EntryCreate
from lems_companion.diary.service import add_entry
from lems_companion.reports.service import owner_report
from tests.conftest import Persona


def _weigh(db_url: str, email: str, when: str, kg: float, note: str | None = None) -> list[str]:
    with session_scope(db_url) as db:
        owner = db.scalars(select(User).where(User.email == email)).one()
        data = EntryCreate.model_validate({"recorded_at": when, "weight_kg": kg, "note": note})
        return [flag.flag for flag in add_entry(db, owner=owner, data=data).flags]


def _report_flags(db_url: str, email: str) -> list[str]:
    with session_scope(db_url) as db:
        owner = db.scalars(select(User).where(User.email == email)).one()
        return [flag.flag for flag in owner_report(db, owner=owner).analysis.red_flags]


def test_a_diary_crossing_five_percent_flags_the_entry_and_the_report_alike(
    db_url: str, patient: Persona
) -> None:
    assert _weigh(db_url, patient.email, "2026-03-01T08:00:00+00:00", 72.0) == []
    # 72.0 -> 68.4 kg is exactly 5%: once the entry said no and the report said yes.
    assert _weigh(db_url, patient.email, "2026-04-01T08:00:00+00:00", 68.4) == ["weight_loss"]
    assert _report_flags(db_url, patient.email) == ["weight_loss"]


def test_a_loss_just_under_five_percent_is_flagged_nowhere(db_url: str, patient: Persona) -> None:
    assert _weigh(db_url, patient.email, "2026-03-01T08:00:00+00:00", 72.0) == []
    assert _weigh(db_url, patient.email, "2026-04-01T08:00:00+00:00", 68.5) == []
    assert _report_flags(db_url, patient.email) == []
