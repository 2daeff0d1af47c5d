"""The people API (issue 14) over real HTTP: the list of diaries shared with the caller, their
entries with authors, entries written for the patient, and acknowledging red flags."""

from __future__ import annotations

import httpx
from sqlalchemy import select

from lems_companion.accounts.service import find_user
from lems_companion.db.engine import session_scope
from lems_companion.sharing.models import AuditEvent
from lems_companion.sharing.service import invite, revoke_grants_to_email
from tests.conftest import Persona, api_token, make_user

BREATHING = {
    "recorded_at": "2026-03-02T08:30:00+00:00",
    "note": "She is struggling to breathe.",
}
PLAIN = {"recorded_at": "2026-03-01T08:30:00+00:00", "symptoms": {"fatigue": 1}}


def share(db_url: str, owner: Persona, email: str, role: str) -> None:
    with session_scope(db_url) as db:
        user = find_user(db, owner.email)
        assert user is not None
        invite(db, owner=user, email=email, role=role)


def owner_id(db_url: str, persona: Persona) -> int:
    with session_scope(db_url) as db:
        user = find_user(db, persona.email)
        assert user is not None
        return user.id


def test_a_caregiver_writes_for_the_patient_and_a_clinician_acknowledges(
    http: httpx.Client, db_url: str, patient: Persona
) -> None:
    carer = make_user(db_url, "carer@example.org")
    doctor = make_user(db_url, "doctor@example.org")
    share(db_url, patient, carer.email, "caregiver")
    share(db_url, patient, doctor.email, "clinician")
    mine, theirs, clinic = (api_token(http, who) for who in (patient, carer, doctor))
    http.put("/api/v1/profile", json={"display_name": "Sam Carer"}, headers=theirs)
    http.put("/api/v1/profile", json={"display_name": "Ann Patient"}, headers=mine)
    pid = owner_id(db_url, patient)

    own = http.post("/api/v1/entries", json=PLAIN, headers=mine).json()
    assert own["author"] == {"id": pid, "name": "Ann Patient", "role": "patient"}

    # The caregiver writes in the third person; triage reads it as the patient's (the author).
    written = http.post(f"/api/v1/people/{pid}/entries", json=BREATHING, headers=theirs)
    assert written.status_code == 201, written.text
    entry = written.json()
    assert entry["author"]["name"] == "Sam Carer" and entry["author"]["role"] == "caregiver"
    assert entry["triage"]["level"] == "emergency"
    assert [flag["id"] for flag in entry["triage"]["flags"]] == ["dyspnea"]
    # The answer to the write is the entry as it is read back.
    assert http.get(f"/api/v1/entries/{entry['id']}", headers=theirs).json() == entry
    # The patient's own listing names the caregiver as its author.
    listed = http.get("/api/v1/entries", headers=mine).json()["items"]
    assert [item["author"]["role"] for item in listed] == ["caregiver", "patient"]

    # A clinician reads only: no entry written, nothing stored.
    refused = http.post(f"/api/v1/people/{pid}/entries", json=PLAIN, headers=clinic)
    assert refused.status_code == 404
    assert len(http.get("/api/v1/entries", headers=mine).json()["items"]) == 2

    [person] = http.get("/api/v1/people", headers=clinic).json()
    assert person["owner_id"] == pid and person["name"] == "Ann Patient"
    assert person["role"] == "clinician" and person["pending"] is True
    assert person["open_flags"] == {"emergency": 1, "prompt": 0}
    assert person["last_entry_at"].startswith("2026-03-02T08:30:00")

    page = http.get(f"/api/v1/people/{pid}/entries", headers=clinic).json()
    assert [item["author"]["role"] for item in page["items"]] == ["caregiver", "patient"]
    [person] = http.get("/api/v1/people", headers=clinic).json()
    assert person["pending"] is False and person["new_flags"] == 0

    seen = http.post(f"/api/v1/people/{pid}/entries/{entry['id']}/acknowledge", headers=clinic)
    assert seen.status_code == 200, seen.text
    body = seen.json()
    # The flag is still there, with who saw it.
    assert [flag["id"] for flag in body["triage"]["flags"]] == ["dyspnea"]
    [ack] = body["acknowledgements"]
    assert ack["by"]["role"] == "clinician" and ack["flag"] == "dyspnea"
    assert ack["text"].startswith("seen by doctor@example.org (clinician) at ")
    [person] = http.get("/api/v1/people", headers=clinic).json()
    assert person["open_flags"] == {"emergency": 0, "prompt": 0}
    # The patient sees the acknowledgement on the entry, and the caregiver's list is its own.
    again = http.get(f"/api/v1/entries/{entry['id']}", headers=mine).json()
    assert again["acknowledgements"] == body["acknowledgements"]
    [for_carer] = http.get("/api/v1/people", headers=theirs).json()
    assert for_carer["open_flags"] == {"emergency": 1, "prompt": 0}

    # Nothing to acknowledge on an entry without red flags; an entry of another diary is 404.
    plain = http.post(f"/api/v1/people/{pid}/entries/{own['id']}/acknowledge", headers=clinic)
    assert plain.status_code == 409
    wrong = http.post(
        f"/api/v1/people/{pid + 99}/entries/{entry['id']}/acknowledge", headers=clinic
    )
    assert wrong.status_code == 404

    with session_scope(db_url) as db:
        events = db.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
        trail = [(e.actor_email, e.action, e.target) for e in events]
    assert ("carer@example.org", "create", f"entry {entry['id']}") in trail
    assert ("doctor@example.org", "read", "diary") in trail
    assert ("doctor@example.org", "create", f"acknowledgement of entry {entry['id']}") in trail


def test_a_revoked_grant_loses_the_people_routes(
    http: httpx.Client, db_url: str, patient: Persona, stranger: Persona
) -> None:
    carer = make_user(db_url, "carer@example.org")
    share(db_url, patient, carer.email, "caregiver")
    mine, theirs, other = (api_token(http, who) for who in (patient, carer, stranger))
    pid = owner_id(db_url, patient)
    entry = http.post(
        "/api/v1/entries", json=BREATHING | {"note": "I cannot breathe."}, headers=mine
    ).json()
    assert len(http.get("/api/v1/people", headers=theirs).json()) == 1
    assert http.get(f"/api/v1/people/{pid}/entries", headers=theirs).status_code == 200

    with session_scope(db_url) as db:
        owner = find_user(db, patient.email)
        assert owner is not None
        revoke_grants_to_email(db, owner=owner, email=carer.email)
    for headers in (theirs, other):
        assert http.get("/api/v1/people", headers=headers).json() == []
        assert http.get(f"/api/v1/people/{pid}/entries", headers=headers).status_code == 404
        made = http.post(f"/api/v1/people/{pid}/entries", json=PLAIN, headers=headers)
        assert made.status_code == 404
        ack = http.post(f"/api/v1/people/{pid}/entries/{entry['id']}/acknowledge", headers=headers)
        assert ack.status_code == 404
    assert len(http.get("/api/v1/entries", headers=mine).json()["items"]) == 1
