"""The report, its PDF, the patterns page, the appointment preparation, the alert card and the
calendar feed are in the reader's language (issue 20): a patient reads their own in their
profile's language, a clinician a patient's in the clinician's."""

from __future__ import annotations

from datetime import date

import httpx
import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar

from lems_companion.accounts.service import find_user
from lems_companion.db.engine import session_scope
from lems_companion.diary.demo import demo_entries
from lems_companion.interop.calendar import build_feed
from lems_companion.reports.report import build_report, report_pages
from lems_companion.sharing.service import create_link, invite
from tests.conftest import Persona, make_user, web_sign_in
from tests.factories import as_public
from tests.reports.pdf_outline import document_language, outline_titles
from tests.reports.test_report_pages import TODAY, fill_diary

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


# Per language: the appointment page's heading and the card's title and diagnosis.
APPOINTMENT = {
    "es": "Prepare su cita",
    "fr": "Préparez votre rendez-vous",
    "de": "Bereiten Sie Ihren Arzttermin vor",
}
# Per language: a test to ask about and what it looks for, as the appointment page names them.
ASK_ABOUT = {
    "es": ("TAC de tórax", "Cribado del cáncer de pulmón de células pequeñas"),
    "fr": ("Scanner du thorax", "Dépistage du cancer du poumon à petites cellules"),
    "de": ("CT des Brustkorbs", "Früherkennung eines kleinzelligen Lungenkrebses"),
}
CARD = {
    "es": ("Tarjeta de alerta médica", "Síndrome miasténico de Lambert-Eaton (LEMS)"),
    "fr": ("Carte d'alerte médicale", "Syndrome myasthénique de Lambert-Eaton (LEMS)"),
    "de": ("Notfallausweis", "Lambert-Eaton-Myasthenie-Syndrom (LEMS)"),
}


@pytest.mark.parametrize("language", SHOWN)
def test_the_appointment_and_the_card_are_in_the_patients_language(
    http: httpx.Client, db_url: str, patient: Persona, language: str
) -> None:
    fill_diary(db_url, patient)
    set_language(db_url, patient, language)
    web_sign_in(http, patient)
    appointment = page(http.get("/appointment"))
    assert appointment.html is not None and appointment.html["lang"] == language
    assert appointment.h1 is not None and appointment.h1.get_text() == APPOINTMENT[language]
    summary = appointment.select_one("#summary-text").get_text()
    assert SHOWN[language][2] in summary  # the weakness is worst in the morning
    test_name, looks_for = ASK_ABOUT[language]
    asked = appointment.get_text()
    assert test_name in asked and looks_for in asked
    printout = page(http.get("/appointment/print"))
    assert printout.html is not None and printout.html["lang"] == language
    card = page(http.get("/card"))
    title, diagnosis = CARD[language]
    assert card.h1 is not None and card.h1.get_text() == title
    assert card.select_one("#card-diagnosis").get_text() == diagnosis
    assert card.select_one(".card-review")  # awaiting clinical review in this language


@pytest.mark.parametrize(
    ("language", "evening"),
    [
        ("en", "Diary: evening entry"),
        ("es", "Diario: anotación de la tarde"),
        ("de", "Tagebuch: Abendeintrag"),
    ],
)
def test_the_calendar_feed_speaks_the_owners_language(language: str, evening: str) -> None:
    feed = Calendar.from_ical(
        build_feed(
            reminders={"evening_entry": "20:00"},
            time_zone="Europe/Madrid",
            plan=None,
            today=date(2026, 3, 1),
            user_key="k",
            language=language,
        )
    )
    [event] = feed.walk("VEVENT")
    assert str(event["SUMMARY"]) == evening
    [alarm] = event.walk("VALARM")
    assert str(alarm["DESCRIPTION"]) == evening


@pytest.mark.parametrize(
    ("language", "numbered"), [("es", "Página 1 de"), ("fr", "Page 1 sur"), ("de", "Seite 1 von")]
)
def test_the_pdfs_pages_are_numbered_in_the_readers_language(language: str, numbered: str) -> None:
    entries = as_public(demo_entries(today=TODAY))
    report = build_report(
        entries, flags=[], investigations=[], patient="Ada", time_zone="UTC", language=language
    )
    first = report_pages(report)[0]
    texts = [box.text for box in first._page_box.descendants() if hasattr(box, "text")]
    assert any(text.startswith(numbered) for text in texts)


def test_a_report_link_follows_the_readers_browser(
    http: httpx.Client, db_url: str, patient: Persona
) -> None:
    fill_diary(db_url, patient)
    set_language(db_url, patient, "es")  # the patient's language is not the reader's
    with session_scope(db_url) as db:
        owner = find_user(db, patient.email)
        assert owner is not None
        token, _ = create_link(db, owner=owner, scope="report")
    shown = page(http.get(f"/s/{token}/report", headers={"Accept-Language": "fr-FR"}))
    assert shown.html is not None and shown.html["lang"] == "fr"
    assert shown.h1 is not None and shown.h1.get_text(strip=True) == SHOWN["fr"][0]
