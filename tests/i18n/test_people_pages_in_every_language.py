"""The people, sharing, account, tools and test-tracker pages in the reader's language (issue
20): <html lang> names it, the headings are translated, and English stays the default."""

from __future__ import annotations

import httpx
import pytest
from bs4 import BeautifulSoup

from lems_companion.i18n import N_
from lems_companion.people.service import Change
from tests.conftest import Persona, csrf_token, make_user, web_sign_in
from tests.web.test_people_pages import PLAIN_NOTE, diary_of

# Each page a patient opens, with its <h1> in English, Spanish, French and German.
OWN_PAGES: dict[str, tuple[str, str, str, str]] = {
    "/sharing": (
        "Who can see your diary",
        "Quién puede ver su diario",
        "Qui peut voir votre journal",
        "Wer Ihr Tagebuch sehen kann",
    ),
    "/sharing/audit": (
        "Who looked at your diary",
        "Quién ha mirado su diario",
        "Qui a consulté votre journal",
        "Wer Ihr Tagebuch angesehen hat",
    ),
    "/shared": (
        "Diaries shared with you",
        "Diarios compartidos con usted",
        "Journaux partagés avec vous",
        "Mit Ihnen geteilte Tagebücher",
    ),
    "/account": ("Your account", "Su cuenta", "Votre compte", "Ihr Konto"),
    "/password": (
        "Change your password",
        "Cambiar su contraseña",
        "Changer votre mot de passe",
        "Ihr Passwort ändern",
    ),
    "/account/two-step": (
        "Two-step sign-in",
        "Inicio de sesión en dos pasos",
        "Connexion en deux étapes",
        "Anmeldung in zwei Schritten",
    ),
    "/tests": ("Your tests", "Sus pruebas", "Vos examens", "Ihre Untersuchungen"),
    "/tools": (
        "Clinician tools",
        "Herramientas clínicas",
        "Outils cliniques",
        "Ärztliche Werkzeuge",
    ),
    "/tools/delta-p": ("DELTA-P score", "Puntuación DELTA-P", "Score DELTA-P", "DELTA-P-Score"),
    "/tools/edx": (
        "EDX increment calculator",
        "Calculadora del incremento EDX",
        "Calculateur de l'incrément EDX",
        "Rechner für das EDX-Inkrement",
    ),
    "/tools/medicines": (
        "Medicine check",
        "Comprobación de medicamentos",
        "Vérification des médicaments",
        "Medikamentenprüfung",
    ),
    "/tools/screening": (
        "Lung screening schedule",
        "Calendario de cribado pulmonar",
        "Calendrier de dépistage pulmonaire",
        "Plan zur Lungenkrebs-Früherkennung",
    ),
}
LANGUAGES = ("en", "es", "fr", "de")


def shown(http: httpx.Client, path: str, language: str) -> BeautifulSoup:
    response = http.get(path, headers={"Accept-Language": language})
    assert response.status_code == 200, response.text[:300]
    soup = BeautifulSoup(response.text, "html.parser")
    assert soup.html is not None and soup.html["lang"] == language
    return soup


def test_a_patients_pages_follow_the_browsers_language(
    http: httpx.Client, patient: Persona
) -> None:
    web_sign_in(http, patient)
    for path, headings in OWN_PAGES.items():
        for language, heading in zip(LANGUAGES, headings, strict=True):
            h1 = shown(http, path, language).h1
            assert h1 is not None and h1.get_text(" ", strip=True) == heading, (path, language)


def test_english_stays_the_default(http: httpx.Client, patient: Persona) -> None:
    web_sign_in(http, patient)
    response = http.get("/sharing")
    assert BeautifulSoup(response.text, "html.parser").html["lang"] == "en"  # type: ignore[index]


@pytest.mark.parametrize(
    ("language", "invited", "role", "diary_of_pat"),
    [
        ("en", "invited you as their caregiver", "you are their caregiver", "Diary of Pat"),
        (
            "es",
            "le invitó como persona cuidadora",
            "usted es su persona cuidadora",
            "Diario de Pat",
        ),
        ("fr", "vous a invité comme aidant", "vous êtes son aidant", "Journal de Pat"),
        (
            "de",
            "als Betreuungsperson eingeladen",
            "Ihre Rolle: Betreuungsperson",
            "Tagebuch von Pat",
        ),
    ],
)
def test_a_caregiver_reads_the_people_pages_in_their_language(
    http: httpx.Client,
    patient: Persona,
    db_url: str,
    language: str,
    invited: str,
    role: str,
    diary_of_pat: str,
) -> None:
    carer = make_user(db_url, "carer@example.org")
    owner_id = diary_of(
        db_url,
        patient.email,
        "Pat",
        PLAIN_NOTE,
        "2026-03-01T08:30:00+00:00",
        (carer.email, "caregiver"),
    )
    web_sign_in(http, carer)
    assert invited in shown(http, "/", language).get_text(" ", strip=True)
    diary = shown(http, f"/people/{owner_id}/diary", language)
    assert diary.h1 is not None and diary.h1.get_text(strip=True) == diary_of_pat
    home = shown(http, "/", language)
    assert role in home.select_one(".people-list").get_text(" ", strip=True)


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "triple timed up-and-go 25.9% slower"),
        ("es", "triple prueba «levántate y anda» cronometrada un 25,9 % más lenta"),
        ("de", "dreifacher Timed-up-and-go-Test 25,9 % langsamer"),
    ],
)
def test_a_marked_change_is_said_in_the_readers_language_with_its_numbers(
    language: str, said: str
) -> None:
    change = Change(N_("triple timed up-and-go %(percent)s%% slower"), percent=25.9)
    assert change == "triple timed up-and-go 25.9% slower"
    assert change.said_in(language) == said


def test_a_sharing_error_is_shown_in_the_readers_language(
    http: httpx.Client, patient: Persona
) -> None:
    web_sign_in(http, patient)
    form = {"email": patient.email, "role": "caregiver", "notify": "none"}
    response = http.post(
        "/sharing/invite",
        data={**form, "csrf_token": csrf_token(http, "/sharing")},
        headers={"Accept-Language": "es"},
    )
    assert response.status_code == 422
    summary = BeautifulSoup(response.text, "html.parser").select_one("#error-summary")
    assert summary is not None and "esta es su propia dirección" in summary.get_text()
