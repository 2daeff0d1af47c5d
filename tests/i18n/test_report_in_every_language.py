"""The report, its PDF and the patterns page are in the reader's language (issue 20): a
patient reads their own in their profile's language, a clinician a patient's in the
clinician's."""

from __future__ import annotations

import httpx
import pytest
from bs4 import BeautifulSoup

from lems_companion.accounts.service import find_user
from lems_companion.db.engine import session_scope
from lems_companion.sharing.service import invite
from tests.conftest import Persona, make_user, web_sign_in
from tests.reports.pdf_outline import document_language, outline_titles
from tests.reports.test_report_pages import fill_diary

# Per language: the report's title, a heading further on, and words of the observations
# (the time-of-day sentence of the demo diary, worst in the morning).
SHOWN = {
    "es": ("Informe del diario de síntomas", "Observaciones principales", "por la mañana"),
    "fr": ("Rapport du journal des symptômes", "Observations principales", "le matin"),
    "de": ("Bericht aus dem Symptomtagebuch", "Wichtigste Beobachtungen", "morgens"),
}


def set_language(db_url: str, persona: Persona, language: str) -> None:
    with session_scope(db_url) as db:
        user = find_user(db, persona.email)
        assert user is not None
        user.language = language


def page(response: httpx.Response) -> BeautifulSoup:
    assert response.status_code == 200, response.text[:300]
    return BeautifulSoup(response.text, "html.parser")


@pytest.mark.parametrize("language", SHOWN)
def test_a_patient_reads_their_report_and_pdf_in_their_language(
    http: httpx.Client, db_url: str, patient: Persona, language: str
) -> None:
    title, heading, morning = SHOWN[language]
    fill_diary(db_url, patient)
    set_language(db_url, patient, language)
    web_sign_in(http, patient)
    shown = page(http.get("/report"))
    assert shown.html is not None and shown.html["lang"] == language
    assert shown.h1 is not None and shown.h1.get_text(strip=True) == title
    assert shown.select_one("#observations-title").get_text() == heading
    assert morning in shown.select_one("#observations .observations").get_text()
    assert shown.select_one(".report-review")  # translated observations await review
    figure = shown.select_one("#chart-time-of-day figcaption").get_text()
    assert "Severity by time of day" not in figure
    pdf = http.get("/report.pdf").content
    assert document_language(pdf) == language
    assert {title, heading} <= set(outline_titles(pdf))


@pytest.mark.parametrize("language", SHOWN)
def test_the_patterns_page_is_in_the_readers_language(
    http: httpx.Client, db_url: str, patient: Persona, language: str
) -> None:
    fill_diary(db_url, patient)
    set_language(db_url, patient, language)
    web_sign_in(http, patient)
    shown = page(http.get("/analysis"))
    assert shown.html is not None and shown.html["lang"] == language
    assert SHOWN[language][2] in shown.select_one(".observations").get_text()
    assert shown.select_one(".report-review")


def test_english_stays_the_default(http: httpx.Client, db_url: str, patient: Persona) -> None:
    fill_diary(db_url, patient)
    web_sign_in(http, patient)
    shown = page(http.get("/report"))
    assert shown.html is not None and shown.html["lang"] == "en"
    assert shown.h1 is not None and shown.h1.get_text(strip=True) == "Symptom diary report"
    assert "in the morning" in shown.select_one("#observations .observations").get_text()
    assert shown.select_one(".report-review") is None


def test_a_clinician_reads_a_patients_report_in_the_clinicians_language(
    http: httpx.Client, db_url: str, patient: Persona
) -> None:
    fill_diary(db_url, patient)
    set_language(db_url, patient, "es")
    doctor = make_user(db_url, "doctor@example.org")
    set_language(db_url, doctor, "de")
    with session_scope(db_url) as db:
        owner = find_user(db, patient.email)
        assert owner is not None
        owner_id = owner.id
        invite(db, owner=owner, email=doctor.email, role="clinician")
    web_sign_in(http, doctor)
    shown = page(http.get(f"/people/{owner_id}/report"))
    assert shown.html is not None and shown.html["lang"] == "de"
    assert "morgens" in shown.select_one("#observations .observations").get_text()
    pdf = http.get(f"/people/{owner_id}/report.pdf").content
    assert document_language(pdf) == "de"
    assert SHOWN["de"][0] in outline_titles(pdf)
