"""Every view that shows a red flag shows its level, its colour and its plain name (spec section 1).

One diary with an emergency (choking) and a prompt flag (chest tightness), then every page,
print-out, share link, clinician view and export that lists flags: none may fold the emergency
into a milder summary, show it in the prompt colour, or name it by an internal id.
"""

from __future__ import annotations

import json
import subprocess

import httpx
import pytest
from bs4 import BeautifulSoup

from lems_companion.accounts.service import find_user
from lems_companion.db.engine import session_scope
from lems_companion.sharing.service import create_link, invite
from tests.conftest import Persona, api_token, make_user, web_sign_in

EMERGENCY = "Choking - get urgent care now"
PROMPT = "Chest pain or tightness - tell a doctor within days"


def _fill(http: httpx.Client, patient: Persona) -> None:
    auth = api_token(http, patient)
    notes = {
        "2026-03-01T08:30:00+00:00": "I choked on my tea twice this morning.",
        "2026-03-02T08:30:00+00:00": "A tight feeling in my chest on and off today.",
    }
    for when, note in notes.items():
        response = http.post(
            "/api/v1/entries", json={"recorded_at": when, "note": note}, headers=auth
        )
        assert response.status_code == 201, response.text


def _text(response: httpx.Response) -> BeautifulSoup:
    assert response.status_code == 200, response.text[:300]
    return BeautifulSoup(response.text, "html.parser")


def _assert_named_with_level(page: BeautifulSoup, where: str) -> None:
    text = " ".join(page.get_text(" ").split())
    assert EMERGENCY in text, where
    assert PROMPT in text, where
    # The emergency is never shown in a prompt-coloured (amber) block on its own.
    for block in page.select(".alert-prompt, .flag-prompt, .flag-line-prompt"):
        assert EMERGENCY not in block.get_text(" "), where
    assert page.select(".alert-emergency, .flag-emergency, .flag-line-emergency"), where
    # Never an internal id in the place of a name.
    assert "severe_chest_pain" not in text and "choking severity" not in text, where


@pytest.fixture
def flagged_diary(http: httpx.Client, patient: Persona, db_url: str) -> int:
    _fill(http, patient)
    with session_scope(db_url) as db:
        owner = find_user(db, patient.email)
        assert owner is not None
        return owner.id


def test_the_patients_own_views_keep_each_flags_level_and_name(
    http: httpx.Client, patient: Persona, flagged_diary: int
) -> None:
    web_sign_in(http, patient)
    for path in ("/diary", "/analysis", "/report.html", "/appointment"):
        _assert_named_with_level(_text(http.get(path)), path)
    red_flags = _text(http.get("/red-flags"))
    assert "Choking" in red_flags.get_text() and red_flags.select(".flag-emergency")


def test_the_pdf_report_names_the_flags_with_their_level(
    http: httpx.Client, patient: Persona, flagged_diary: int
) -> None:
    web_sign_in(http, patient)
    pdf = http.get("/report.pdf")
    assert pdf.status_code == 200
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=pdf.content, capture_output=True, check=True
    ).stdout.decode()
    flat = " ".join(text.split())
    assert EMERGENCY in flat and PROMPT in flat


def test_share_links_and_the_clinicians_views_keep_each_flags_level_and_name(
    http: httpx.Client, patient: Persona, flagged_diary: int, db_url: str
) -> None:
    doctor = make_user(db_url, "doctor@example.org")
    with session_scope(db_url) as db:
        owner = find_user(db, patient.email)
        assert owner is not None
        invite(db, owner=owner, email=doctor.email, role="clinician")
        report_token, _ = create_link(db, owner=owner, scope="report")
        diary_token, _ = create_link(db, owner=owner, scope="diary")
    _assert_named_with_level(_text(http.get(f"/s/{report_token}/report")), "share link report")
    timeline = _text(http.get(f"/s/{diary_token}"))
    assert EMERGENCY in timeline.get_text(" ") and timeline.select(".flag-emergency")
    web_sign_in(http, doctor)
    for path in (f"/people/{flagged_diary}/diary", f"/people/{flagged_diary}/report"):
        _assert_named_with_level(_text(http.get(path)), path)


def test_the_api_and_the_fhir_export_name_each_flag(
    http: httpx.Client, patient: Persona, flagged_diary: int
) -> None:
    auth = api_token(http, patient)
    items = http.get("/api/v1/entries", headers=auth).json()["items"]
    names = {flag["plain_name"] for item in items for flag in item["triage"]["flags"]}
    assert names == {EMERGENCY, PROMPT}
    web_sign_in(http, patient)
    bundle = http.get("/export/fhir")
    assert bundle.status_code == 200, bundle.text[:300]
    assert "Choking" in json.dumps(bundle.json())
