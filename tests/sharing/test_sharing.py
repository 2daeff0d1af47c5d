"""Caregivers, clinicians and share links: who may see and do what, revocation, the audit log."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import httpx
from bs4 import BeautifulSoup
from sqlalchemy import select, update

from lems_companion.accounts.service import find_user
from lems_companion.db.engine import session_scope
from lems_companion.diary.models import Entry
from lems_companion.sharing.models import ShareLink
from lems_companion.sharing.service import create_link, invite
from tests.conftest import (
    Persona,
    api_token,
    csrf_token,
    enrol_second_factor,
    make_user,
    sign_in_form,
    totp_now,
    web_sign_in,
)

ENTRY = {
    "recorded_at": "2026-03-01T08:30:00+00:00",
    "symptoms": {"dry_mouth": 1},
    "note": "Dry mouth at night.",
}


def page(response: httpx.Response) -> BeautifulSoup:
    return BeautifulSoup(response.text, "html.parser")


def grant(db_url: str, owner: Persona, email: str, role: str) -> int:
    with session_scope(db_url) as db:
        user = find_user(db, owner.email)
        assert user is not None
        return invite(db, owner=user, email=email, role=role).id


def new_link(db_url: str, owner: Persona, scope: str = "diary") -> str:
    with session_scope(db_url) as db:
        user = find_user(db, owner.email)
        assert user is not None
        token, _ = create_link(db, owner=user, scope=scope)
    return token


def owners_entry(http: httpx.Client, patient: Persona) -> int:
    return int(
        http.post("/api/v1/entries", json=ENTRY, headers=api_token(http, patient)).json()["id"]
    )


def test_a_caregiver_reads_and_adds_entries_but_cannot_change_them(
    http: httpx.Client, patient: Persona, db_url: str
) -> None:
    entry_id = owners_entry(http, patient)
    carer = make_user(db_url, "carer@example.org")
    grant(db_url, patient, carer.email, "caregiver")
    auth = api_token(http, carer)
    assert http.get(f"/api/v1/entries/{entry_id}", headers=auth).json()["note"] == ENTRY["note"]
    assert (
        http.patch(f"/api/v1/entries/{entry_id}", json={"note": "x"}, headers=auth).status_code
        == 404
    )
    assert http.delete(f"/api/v1/entries/{entry_id}", headers=auth).status_code == 404

    web_sign_in(http, carer)
    with session_scope(db_url) as db:
        owner_id = find_user(db, patient.email).id  # type: ignore[union-attr]
    timeline = page(http.get(f"/people/{owner_id}/diary"))
    assert "Dry mouth at night." in timeline.select_one(".timeline").get_text()
    form = {
        "recorded_at": "2026-03-02T09:00",
        "tz": "Europe/London",
        "symptom_fatigue": "2",
        "note": "Added by carer",
    }
    added = http.post(
        f"/people/{owner_id}/entries",
        data={**form, "csrf_token": csrf_token(http, f"/people/{owner_id}/entries/new")},
    )
    assert added.status_code == 303
    assert "Added by carer" in page(http.get(f"/people/{owner_id}/diary")).get_text()
    # The entry belongs to the patient: it is in their own diary.
    assert any(
        item["note"] == "Added by carer"
        for item in http.get("/api/v1/entries", headers=api_token(http, patient)).json()["items"]
    )
    # It knows who wrote it: the carer, as a caregiver; the patient's own entry is theirs.
    with session_scope(db_url) as db:
        authors = {
            row.note: (row.author_id, row.author_role) for row in db.scalars(select(Entry)).all()
        }
        carer_id = find_user(db, carer.email).id  # type: ignore[union-attr]
    assert authors["Added by carer"] == (carer_id, "caregiver")
    assert authors[ENTRY["note"]] == (owner_id, "patient")


def test_a_clinician_reads_but_cannot_add(
    http: httpx.Client, patient: Persona, db_url: str
) -> None:
    entry_id = owners_entry(http, patient)
    doctor = make_user(db_url, "doctor@example.org")
    grant(db_url, patient, doctor.email, "clinician")
    web_sign_in(http, doctor)
    assert http.get(f"/entries/{entry_id}").status_code == 200
    assert page(http.get(f"/entries/{entry_id}")).select("a[href$='/edit']") == []
    with session_scope(db_url) as db:
        owner_id = find_user(db, patient.email).id  # type: ignore[union-attr]
    assert http.get(f"/people/{owner_id}/entries/new").status_code == 404


def test_revoking_a_grant_takes_effect_at_once(
    http: httpx.Client, patient: Persona, db_url: str
) -> None:
    entry_id = owners_entry(http, patient)
    carer = make_user(db_url, "carer@example.org")
    grant_id = grant(db_url, patient, carer.email, "caregiver")
    carer_auth = api_token(http, carer)
    assert http.get(f"/api/v1/entries/{entry_id}", headers=carer_auth).status_code == 200
    web_sign_in(http, patient)
    revoked = http.post(
        f"/sharing/grants/{grant_id}/revoke", data={"csrf_token": csrf_token(http, "/sharing")}
    )
    assert revoked.status_code == 303
    assert http.get(f"/api/v1/entries/{entry_id}", headers=carer_auth).status_code == 404


def test_an_invitation_works_for_someone_who_signs_up_later(
    http: httpx.Client, patient: Persona, db_url: str
) -> None:
    entry_id = owners_entry(http, patient)
    grant(db_url, patient, "Later@Example.org", "clinician")
    later = make_user(db_url, "later@example.org")
    assert (
        http.get(f"/api/v1/entries/{entry_id}", headers=api_token(http, later)).status_code == 200
    )


def test_a_share_link_is_random_stored_hashed_and_read_only(
    http: httpx.Client, patient: Persona, db_url: str
) -> None:
    entry_id = owners_entry(http, patient)
    web_sign_in(http, patient)
    created = page(
        http.post(
            "/sharing/links",
            data={
                "scope": "diary",
                "days": "30",
                "label": "Dr Jones",
                "csrf_token": csrf_token(http, "/sharing"),
            },
        )
    )
    address = created.select_one("input.copy-field")["value"]
    token = address.rsplit("/", 1)[1]
    assert len(token) >= 22  # 128 bits in URL-safe base64 is 22 characters
    with session_scope(db_url) as db:
        stored = db.scalar(select(ShareLink))
        assert stored is not None and token not in stored.token_hash
    http.cookies.clear()
    shared = http.get(f"/s/{token}")
    assert shared.status_code == 200
    assert "Dry mouth at night." in shared.text
    assert http.get(f"/s/{token}/entries/{entry_id}").status_code == 200
    # Nothing on it writes to the diary; the language switch only sets the reader's cookie.
    forms = page(http.get(f"/s/{token}/entries/{entry_id}")).select("form")
    assert [form["action"] for form in forms] == ["/language"]


def test_expired_revoked_and_forged_links_are_not_found(
    http: httpx.Client, patient: Persona, db_url: str
) -> None:
    owners_entry(http, patient)
    expired, revoked = new_link(db_url, patient), new_link(db_url, patient)
    with session_scope(db_url) as db:
        links = list(db.scalars(select(ShareLink).order_by(ShareLink.id)))
        links[0].expires_at = datetime.now(UTC) - timedelta(minutes=1)
        links[1].revoked_at = datetime.now(UTC)
    for token in (expired, revoked, "forged-token"):
        assert http.get(f"/s/{token}").status_code == 404


def test_the_patient_sees_who_read_their_diary(
    http: httpx.Client, patient: Persona, db_url: str
) -> None:
    entry_id = owners_entry(http, patient)
    doctor = make_user(db_url, "doctor@example.org")
    grant(db_url, patient, doctor.email, "clinician")
    http.get(f"/api/v1/entries/{entry_id}", headers=api_token(http, doctor))
    token = new_link(db_url, patient)
    http.get(f"/s/{token}")
    http.get(
        f"/api/v1/entries/{entry_id}", headers=api_token(http, patient)
    )  # the owner: not audited
    web_sign_in(http, patient)
    rows = [
        row.get_text(" ", strip=True)
        for row in page(http.get("/sharing/audit")).select(".audit-row")
    ]
    assert len(rows) == 2
    assert "someone with a link" in rows[0] and "read diary" in rows[0]
    assert (
        "doctor@example.org" in rows[1]
        and "clinician grant" in rows[1]
        and f"read entry {entry_id}" in rows[1]
    )


def test_an_admin_cannot_read_diaries(http: httpx.Client, patient: Persona, db_url: str) -> None:
    entry_id = owners_entry(http, patient)
    admin = make_user(db_url, "admin@example.org")
    from lems_companion.accounts.models import User

    with session_scope(db_url) as db:
        db.execute(update(User).where(User.email == admin.email).values(is_admin=True))
    secret = enrol_second_factor(db_url, admin.email)
    headers = api_token(http, admin, totp=totp_now(secret))
    assert http.get(f"/api/v1/entries/{entry_id}", headers=headers).status_code == 404


def test_sign_in_is_throttled_after_repeated_failures(http: httpx.Client, patient: Persona) -> None:
    for _ in range(10):
        wrong = sign_in_form(http, email=patient.email, password="wrong guess")
        assert wrong.status_code == 401
    blocked = sign_in_form(http, email=patient.email, password=patient.password)
    assert blocked.status_code == 429
    assert "Wait 15 minutes" in blocked.text
    token = http.post(
        "/api/v1/token", data={"username": patient.email, "password": patient.password}
    )
    assert token.status_code == 429


def test_changing_the_password_signs_out_other_sessions(
    http: httpx.Client, patient: Persona
) -> None:
    other_device = api_token(http, patient)
    web_sign_in(http, patient)
    changed = http.post(
        "/password",
        data={
            "current_password": patient.password,
            "new_password": "a brand new pw",
            "new_password_again": "a brand new pw",
            "csrf_token": csrf_token(http, "/password"),
        },
    )
    assert changed.status_code == 200 and "was changed" in changed.text
    assert http.get("/diary").status_code == 200  # this session stays
    assert http.get("/api/v1/entries", headers=other_device).status_code == 401
    wrong = http.post(
        "/password",
        data={
            "current_password": "nope",
            "new_password": "another pw 1",
            "new_password_again": "another pw 1",
            "csrf_token": csrf_token(http, "/password"),
        },
    )
    assert wrong.status_code == 422 and "not your current password" in wrong.text


def test_invitation_mistakes_are_explained(http: httpx.Client, patient: Persona) -> None:
    web_sign_in(http, patient)
    for data, message in (
        ({"email": "not-an-address", "role": "caregiver"}, "email"),
        ({"email": patient.email, "role": "caregiver"}, "your own address"),
        ({"email": "x@example.org", "role": "boss"}, "caregiver or clinician"),
    ):
        response = http.post(
            "/sharing/invite", data={**data, "csrf_token": csrf_token(http, "/sharing")}
        )
        assert response.status_code == 422
        assert re.search(message, page(response).select_one(".error-summary").get_text())


def test_a_report_link_opens_the_report_only(
    http: httpx.Client, patient: Persona, db_url: str
) -> None:
    owners_entry(http, patient)
    token = new_link(db_url, patient, scope="report")
    opened = http.get(f"/s/{token}")
    assert opened.status_code == 303 and opened.headers["location"] == f"/s/{token}/report"
    report = http.get(f"/s/{token}/report")
    assert report.status_code == 200 and patient.email in report.text
    assert http.get(f"/s/{token}/entries/1").status_code == 404
    pdf = http.get(f"/s/{token}/report.pdf")
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_a_clinician_reads_the_report_of_a_shared_diary(
    http: httpx.Client, patient: Persona, db_url: str
) -> None:
    owners_entry(http, patient)
    doctor = make_user(db_url, "doctor@example.org")
    grant(db_url, patient, doctor.email, "clinician")
    web_sign_in(http, doctor)
    with session_scope(db_url) as db:
        owner_id = find_user(db, patient.email).id  # type: ignore[union-attr]
    report = http.get(f"/people/{owner_id}/report")
    assert report.status_code == 200 and patient.email in report.text
    assert 'rel="stylesheet"' in report.text and "<style>" not in report.text


def test_deleting_an_account_revokes_invitations_to_it(
    http: httpx.Client, patient: Persona, db_url: str
) -> None:
    entry_id = owners_entry(http, patient)
    carer = make_user(db_url, "carer@example.org")
    grant(db_url, patient, carer.email, "caregiver")
    from lems_companion.data_rights.service import delete_account

    with session_scope(db_url) as db:
        user = find_user(db, carer.email)
        assert user is not None
        delete_account(db, user=user)
    newcomer = make_user(db_url, "carer@example.org")  # the same address, a new person
    assert (
        http.get(f"/api/v1/entries/{entry_id}", headers=api_token(http, newcomer)).status_code
        == 404
    )
