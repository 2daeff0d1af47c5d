"""The people list (issue 14): diaries shared with a viewer, sorted by what needs attention, and
acknowledgements of red flags ("seen by ..."), on a real database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from lems_companion.accounts.models import User
from lems_companion.db.engine import session_scope
from lems_companion.diary.acknowledgements import (
    NothingToAcknowledge,
    acknowledge_entry_flags,
    acknowledgements_for,
    acknowledgements_of_owner,
)
from lems_companion.diary.models import DiarySignal, Entry
from lems_companion.diary.schemas import EntryCreate
from lems_companion.diary.service import NotFound, add_entry, replace_entry
from lems_companion.people.service import pending_invitations, people_for
from lems_companion.sharing.models import AuditEvent
from lems_companion.sharing.service import invite, mark_seen, revoke_grant

NOW = datetime.now(UTC).replace(microsecond=0)
EMERGENCY_NOTE = "I am short of breath and struggling to breathe."
PROMPT_NOTE = "I have new blurred speech and unsteady walking for two weeks."


def person(db: Any, email: str, name: str | None = None) -> User:
    user = User(email=email, password_hash="-", created_at=NOW, display_name=name)
    db.add(user)
    db.flush()
    return user


def write(db: Any, owner: User, days_ago: float, **fields: Any) -> Entry:
    when = (NOW - timedelta(days=days_ago)).isoformat()
    return add_entry(
        db, owner=owner, data=EntryCreate.model_validate({"recorded_at": when, **fields})
    )


def test_an_unacknowledged_emergency_comes_first_among_fifty_and_acknowledging_moves_it_down(
    db_url: str,
) -> None:
    with session_scope(db_url) as db:
        clinician = person(db, "doctor@example.org", "Dr Example")
        patients = [
            person(db, f"p{number:02d}@example.org", f"Patient {number:02d}")
            for number in range(50)
        ]
        for number, patient in enumerate(patients):
            invite(db, owner=patient, email=clinician.email, role="clinician")
            # Patient 00 wrote most recently; the emergency belongs to patient 37, written earlier.
            write(db, patient, days_ago=1 + number / 10, symptoms={"fatigue": 1})
        urgent = write(db, patients[37], days_ago=9, note=EMERGENCY_NOTE)
        write(db, patients[12], days_ago=8, note=PROMPT_NOTE)
        assert urgent.triage_level == "emergency"

        people = people_for(db, clinician)
        assert len(people) == 50
        assert [p.name for p in people[:3]] == ["Patient 37", "Patient 12", "Patient 00"]
        first = people[0]
        assert (first.role, first.open_flags.emergency, first.open_flags.prompt) == (
            "clinician",
            1,
            0,
        )
        assert first.attention == "emergency" and first.pending and first.new_flags == 1
        # The rest by last entry, newest first.
        rest = people[2:]
        assert [p.last_entry_at for p in rest] == sorted(
            [p.last_entry_at for p in rest],
            key=lambda when: -when.timestamp(),  # type: ignore[union-attr]
        )

        seen = acknowledge_entry_flags(db, urgent, clinician)
        assert [(a.flag, a.role, a.name) for a in seen] == [("dyspnea", "clinician", "Dr Example")]
        assert seen[0].text(UTC).startswith("seen by Dr Example (clinician) at ")
        # Acknowledging again adds nothing.
        assert len(acknowledge_entry_flags(db, urgent, clinician)) == 1

        people = people_for(db, clinician)
        assert people[0].name == "Patient 12"
        moved = next(p for p in people if p.name == "Patient 37")
        assert moved.open_flags.emergency == 0 and moved.attention == "none"
        # The flag itself is still there, with who saw it.
        db.refresh(urgent)
        assert [flag.flag for flag in urgent.flags] == ["dyspnea"]
        shown = acknowledgements_for(db, [urgent.id])[urgent.id]
        assert [a.text(UTC).split(" at ")[0] for a in shown] == ["seen by Dr Example (clinician)"]
        assert acknowledgements_of_owner(db, owner_id=patients[37].id) == {urgent.id: shown}
        # The patient's audit log says who acknowledged.
        audit = db.scalars(select(AuditEvent).where(AuditEvent.owner_id == patients[37].id)).all()
        assert [(e.actor_email, e.action, e.target) for e in audit] == [
            ("doctor@example.org", "create", f"acknowledgement of entry {urgent.id}")
        ] * 2


def test_acknowledgements_are_per_viewer_and_need_a_live_grant(db_url: str) -> None:
    with session_scope(db_url) as db:
        owner = person(db, "owner@example.org", "Ann")
        carer = person(db, "carer@example.org", "Sam")
        doctor = person(db, "doctor@example.org")
        stranger = person(db, "stranger@example.org")
        carer_grant = invite(db, owner=owner, email=carer.email, role="caregiver")
        invite(db, owner=owner, email=doctor.email, role="clinician")
        entry = write(db, owner, days_ago=1, note=EMERGENCY_NOTE)
        plain = write(db, owner, days_ago=2, symptoms={"fatigue": 1})

        with pytest.raises(NotFound):
            acknowledge_entry_flags(db, entry, stranger)
        with pytest.raises(NothingToAcknowledge):
            acknowledge_entry_flags(db, plain, carer)
        acknowledge_entry_flags(db, entry, carer)
        # The caregiver's acknowledgement does not close the flag for the clinician.
        [for_doctor] = people_for(db, doctor)
        assert for_doctor.open_flags.emergency == 1
        [for_carer] = people_for(db, carer)
        assert (for_carer.role, for_carer.open_flags.emergency) == ("caregiver", 0)
        # The owner may acknowledge too, as the patient.
        [mine] = acknowledge_entry_flags(db, entry, owner)
        assert (mine.role, mine.name) == ("patient", "Ann")

        revoke_grant(db, owner=owner, grant_id=carer_grant.id)
        with pytest.raises(NotFound):
            acknowledge_entry_flags(db, entry, carer)
        assert people_for(db, carer) == []


def test_new_flags_count_since_the_viewer_last_looked_and_pending_invitations(db_url: str) -> None:
    with session_scope(db_url) as db:
        owner = person(db, "owner@example.org")
        doctor = person(db, "doctor@example.org")
        invite(db, owner=owner, email=doctor.email, role="clinician")
        write(db, owner, days_ago=3, note=EMERGENCY_NOTE)
        [pending] = pending_invitations(db, doctor)
        assert (pending.owner_id, pending.role, pending.name) == (
            owner.id,
            "clinician",
            owner.email,
        )
        [summary] = people_for(db, doctor)
        assert summary.pending and summary.new_flags == 1

        mark_seen(db, viewer=doctor, owner_id=owner.id, at=datetime.now(UTC) + timedelta(seconds=1))
        assert pending_invitations(db, doctor) == []
        [summary] = people_for(db, doctor)
        assert not summary.pending and summary.new_flags == 0
        # Still open: looking is not acknowledging.
        assert summary.open_flags.emergency == 1


def tug(first: float) -> dict[str, Any]:
    return {"tug_seconds": [first, first - 0.5, first - 1.0]}


def test_a_marked_change_ranks_above_quiet_diaries_and_is_recomputed_when_the_diary_changes(
    db_url: str,
) -> None:
    with session_scope(db_url) as db:
        doctor = person(db, "doctor@example.org")
        quiet = person(db, "quiet@example.org", "Quiet")
        slower = person(db, "slower@example.org", "Slower")
        weaker = person(db, "weaker@example.org", "Weaker")
        for patient in (quiet, slower, weaker):
            invite(db, owner=patient, email=doctor.email, role="clinician")
        write(db, quiet, days_ago=0.5, symptoms={"fatigue": 1})
        # 3TUG sessions of 13.5 s on average, then one of 17 s: 25.9% slower.
        for day in (20, 13, 6):
            write(db, slower, days_ago=day, home_tests=tug(14.0))
        last = write(db, slower, days_ago=2, home_tests=tug(17.5))
        # Four weeks of leg weakness going from 0 to 3 (spec section 2 scale).
        for day in range(27, 0, -1):
            severity = 0 if day > 14 else 3
            write(db, weaker, days_ago=day, symptoms={"proximal_leg_weakness": severity})

        people = people_for(db, doctor)
        by_name = {p.name: p for p in people}
        assert by_name["Slower"].changes == ("triple timed up-and-go 25.9% slower",)
        assert by_name["Weaker"].changes == ("muscle weakness worse over the last weeks",)
        assert by_name["Quiet"].changes == ()
        assert [p.name for p in people][-1] == "Quiet"
        assert {p.attention for p in people[:2]} == {"change"}

        # The signals are kept, and forgotten when an entry changes.
        assert db.get(DiarySignal, slower.id) is not None
        replace_entry(
            db,
            last,
            EntryCreate.model_validate(
                {"recorded_at": last.recorded_at.isoformat(), "home_tests": tug(14.0)}
            ),
        )
        assert db.get(DiarySignal, slower.id) is None
        assert {p.name: p for p in people_for(db, doctor)}["Slower"].changes == ()


def test_a_weight_loss_flag_is_a_marked_change(db_url: str) -> None:
    with session_scope(db_url) as db:
        doctor = person(db, "doctor@example.org")
        owner = person(db, "owner@example.org")
        invite(db, owner=owner, email=doctor.email, role="clinician")
        write(db, owner, days_ago=60, weight_kg=80.0)
        loss = write(db, owner, days_ago=2, weight_kg=74.0)
        assert [flag.flag for flag in loss.flags] == ["weight_loss"]
        acknowledge_entry_flags(db, loss, doctor)
        [summary] = people_for(db, doctor)
        # Acknowledged, so not open; still a marked change.
        assert summary.open_flags.prompt == 0
        assert summary.changes == ("weight loss of 5% or more within 6 months",)
        assert summary.attention == "change"
