"""Messages built with values in the reader's language (issue 20), numbers as the language writes
them: the amifampridine dose messages, form errors that name a value, and the diary import's
problems with their line numbers. English stays as it was."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from bs4 import BeautifulSoup

from lems_companion.diary.io import csv_columns
from lems_companion.diary.schemas import Medication
from lems_companion.rules.medicines import check_amifampridine_day, dose_evidence, dose_evidence_in
from tests.conftest import Persona, api_token, csrf_token, web_sign_in
from tests.tools.test_amifampridine_notices import add_entry, set_country
from tests.tools.test_tool_pages import page, post

LANGUAGES = ["en", "es", "fr", "de"]


def read_in(http: httpx.Client, language: str) -> None:
    if language != "en":
        http.headers["Accept-Language"] = f"{language}-XX, en;q=0.5"


def text_of(shown: BeautifulSoup, selector: str) -> str:
    found = shown.select_one(selector)
    assert found is not None, selector
    return found.get_text(" ", strip=True)


# Amifampridine doses -------------------------------------------------------------------------

# The medicine check for a patient in Switzerland: the licence's limits, then the ECG note.
SWISS_LIMITS = {
    "en": ("Swiss licence: 60 mg a day, 20 mg at a time.", "Up to 80 mg a day is allowed"),
    "es": ("Autorización suiza: 60 mg al día, 20 mg por toma.", "Hasta 80 mg al día"),
    "fr": ("Autorisation suisse : 60 mg par jour, 20 mg par prise.", "Jusqu'à 80 mg par jour"),
    "de": ("Schweizer Zulassung: 60 mg am Tag, 20 mg auf einmal.", "Bis zu 80 mg am Tag"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_medicine_check_names_the_licence_in_the_readers_language(
    http: httpx.Client, patient: Persona, db_url: str, language: str
) -> None:
    set_country(db_url, patient, "CH")
    web_sign_in(http, patient)
    read_in(http, language)
    shown = page(post(http, "/tools/medicines", name="Firdapse", action="calculate"))
    limit, note = SWISS_LIMITS[language]
    assert text_of(shown, "#amifampridine-limit") == limit
    assert note in text_of(shown, "#amifampridine-note")


# Why an entry with 30 mg in one dose raises the dose flag, as its alert says it.
DOSE_REASONS = {
    "en": "amifampridine above the label maximum; a dose above the label's maximum raises",
    "es": "amifampridina por encima de la dosis máxima de la ficha técnica; una dosis por",
    "fr": "amifampridine au-dessus de la dose maximale de la notice ; une dose au-dessus",
    "de": "Amifampridin über der Höchstdosis der Fachinformation; eine Dosis über der",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_dose_alert_says_why_in_the_readers_language(
    http: httpx.Client, patient: Persona, language: str
) -> None:
    web_sign_in(http, patient)
    read_in(http, language)
    entry = add_entry(http, med_name="Firdapse", med_dose="30")
    reasons = text_of(entry, ".alert-reasons")
    assert DOSE_REASONS[language] in reasons
    assert "FIRDAPSE (amifampridine) US prescribing information" in reasons  # cited as is
    flags = BeautifulSoup(http.get("/red-flags").text, "html.parser")
    assert DOSE_REASONS[language] in flags.get_text(" ", strip=True)


# Nine doses of 7.5 mg in a day, as the analysis quotes the flag: the amount in the language.
DAILY_EVIDENCE = {
    "en": "amifampridine 67.5 mg logged that day, above the EU/UK licence's maximum of 60 mg",
    "es": "amifampridina: 67,5 mg anotados ese día, por encima de la dosis máxima de la "
    "autorización de la UE y el Reino Unido (60 mg)",
    "fr": "amifampridine : 67,5 mg notés ce jour-là, au-dessus de la dose maximale de "
    "l'autorisation UE/Royaume-Uni (60 mg)",
    "de": "Amifampridin: 67,5 mg an diesem Tag eingetragen, mehr als die Höchstdosis laut "
    "Zulassung in EU und Vereinigtem Königreich (60 mg)",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_analysis_quotes_a_dose_with_the_languages_numbers(
    http: httpx.Client, patient: Persona, language: str
) -> None:
    body = {
        "recorded_at": "2026-03-01T20:00:00+00:00",
        "medications": [{"name": "amifampridine", "dose_mg": 7.5}] * 9,
    }
    created = http.post("/api/v1/entries", json=body, headers=api_token(http, patient))
    assert created.status_code == 201, created.text
    assert DAILY_EVIDENCE["en"] in created.json()["triage"]["flags"][0]["evidence"]  # API: English
    web_sign_in(http, patient)
    read_in(http, language)
    analysis = BeautifulSoup(http.get("/analysis").text, "html.parser")
    assert DAILY_EVIDENCE[language] in analysis.get_text(" ", strip=True)


# Form errors with values -------------------------------------------------------------------

# A country code and an emergency number the profile refuses, each naming what was typed or the
# limits.
PROFILE_ERRORS = {
    "en": (
        "'xx' is not a two-letter ISO 3166 country code such as GB, DE or US",
        "give 2 to 15 characters, e.g. 112",
    ),
    "es": (
        "«xx» no es un código de país ISO 3166 de dos letras, como GB, DE o US",
        "escriba de 2 a 15 caracteres, p. ej. 112",
    ),
    "fr": (
        "« xx » n'est pas un code de pays ISO 3166 à deux lettres, comme GB, DE ou US",
        "saisissez de 2 à 15 caractères, par ex. 112",
    ),
    "de": (
        "„xx“ ist kein zweistelliger Ländercode nach ISO 3166 wie GB, DE oder US",
        "geben Sie 2 bis 15 Zeichen ein, z. B. 112",
    ),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_profile_errors_with_values_speak_the_readers_language(
    http: httpx.Client, patient: Persona, language: str
) -> None:
    web_sign_in(http, patient)
    read_in(http, language)
    response = http.post(
        "/account/profile",
        data={"country": "xx", "emergency_number": "1", "csrf_token": csrf_token(http, "/account")},
    )
    assert response.status_code == 422
    shown = page(response)
    country, number = PROFILE_ERRORS[language]
    assert text_of(shown, "#country-error") == country
    assert text_of(shown, "#emergency_number-error") == number


SHORT_PASSWORD = {
    "en": "use at least 12 characters",
    "es": "use al menos 12 caracteres",
    "fr": "utilisez au moins 12 caractères",
    "de": "verwenden Sie mindestens 12 Zeichen",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_short_new_password_is_refused_in_the_readers_language(
    http: httpx.Client, patient: Persona, language: str
) -> None:
    web_sign_in(http, patient)
    read_in(http, language)
    form = {"current_password": patient.password, "new_password": "short"}
    response = http.post(
        "/password",
        data={**form, "new_password_again": "short", "csrf_token": csrf_token(http, "/password")},
    )
    assert response.status_code == 422
    assert (
        text_of(page(response), '#error-summary a[href="#new_password"]')
        == (SHORT_PASSWORD[language])
    )


# The diary import --------------------------------------------------------------------------


def upload(http: httpx.Client, name: str, text: str) -> list[str]:
    response = http.post(
        "/import",
        data={"csrf_token": csrf_token(http, "/interop")},
        files={"file": (name, text, "text/plain")},
    )
    assert response.status_code == 422, response.text
    return [item.get_text(" ", strip=True) for item in page(response).select("#import-problems li")]


def csv_file(*rows: dict[str, Any]) -> str:
    columns = csv_columns()
    lines = [",".join(columns)]
    lines += [",".join(str(row.get(column, "")) for column in columns) for row in rows]
    return "\n".join(lines) + "\n"


IMPORT_PROBLEMS = {
    "en": (
        "line 3, column weight_kg: 'heavy' is not a number",
        "line 2: an entry must be a JSON object",
    ),
    "es": (
        "línea 3, columna weight_kg: «heavy» no es un número",
        "línea 2: cada anotación debe ser un objeto JSON",
    ),
    "fr": (
        "ligne 3, colonne weight_kg : « heavy » n'est pas un nombre",
        "ligne 2 : chaque entrée doit être un objet JSON",
    ),
    "de": (
        "Zeile 3, Spalte weight_kg: „heavy“ ist keine Zahl",
        "Zeile 2: ein Eintrag muss ein JSON-Objekt sein",
    ),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_import_problems_name_the_line_in_the_readers_language(
    http: httpx.Client, patient: Persona, language: str
) -> None:
    web_sign_in(http, patient)
    read_in(http, language)
    good = {"recorded_at": "2026-03-01T08:00:00+00:00"}
    bad_number, not_an_object = IMPORT_PROBLEMS[language]
    assert upload(http, "diary.csv", csv_file(good, {**good, "weight_kg": "heavy"})) == [bad_number]
    lines = "\n".join([json.dumps(good), "42"])
    assert upload(http, "diary.json", lines) == [not_an_object]


def test_a_stored_dose_evidence_reads_back_in_every_language_or_stays_as_stored() -> None:
    findings = check_amifampridine_day(
        [Medication(name="Firdapse", dose_mg=12.5)] * 5, region="us", weight_kg=40
    )
    stored = dose_evidence(findings)
    assert stored == (
        "amifampridine 62.5 mg logged that day, above the US label's maximum for children under "
        "45 kg of 50 mg; amifampridine 12.5 mg in one dose, above the US label's maximum for "
        "children under 45 kg of 10 mg"
    )
    assert dose_evidence_in(stored, "de") == (
        "Amifampridin: 62,5 mg an diesem Tag eingetragen, mehr als die Höchstdosis laut "
        "US-Fachinformation für Kinder unter 45 kg (50 mg); Amifampridin: 12,5 mg auf einmal, "
        "mehr als die Höchstdosis laut US-Fachinformation für Kinder unter 45 kg (10 mg)"
    )
    assert dose_evidence_in(stored, "en") == stored
    # A wording from before (or a licence no longer named so) is never half translated.
    older = "amifampridine 120 mg logged that day, above the label maximum of 100 mg"
    assert dose_evidence_in(older, "fr") == older
    assert dose_evidence_in(f"{stored}; {older}", "es") == f"{stored}; {older}"
