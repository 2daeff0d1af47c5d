"""pydantic's own validation words and the FHIR and Apple Health import's problems in the
reader's language on pages (issue 20); the JSON API keeps pydantic's English, which programs
match on."""

from __future__ import annotations

import json
from typing import Literal

import httpx
import pytest
from bs4 import BeautifulSoup
from pydantic import BaseModel, Field, ValidationError

from lems_companion.i18n import problem_message, said_in
from lems_companion.interop import codes
from lems_companion.investigations.schemas import MAX_RESULT_CHARS
from tests.conftest import Persona, api_token, csrf_token, web_sign_in
from tests.i18n.test_messages_with_values_in_every_language import read_in, text_of, upload

LANGUAGES = ["en", "es", "fr", "de"]
NARROW_SPACE = "\u202f"  # French groups thousands with a narrow no-break space (CLDR)


def page(response: httpx.Response) -> BeautifulSoup:
    return BeautifulSoup(response.text, "html.parser")


def problems_on(response: httpx.Response, selector: str) -> list[str]:
    return [item.get_text(" ", strip=True) for item in page(response).select(selector)]


# The test tracker: a result too long and an increment above the limit (pydantic's words with
# their limits), then an increment that is not a number.
TEST_FORM_PROBLEMS = {
    "en": (
        f"result: String should have at most {MAX_RESULT_CHARS} characters",
        "increment_percent: Input should be less than or equal to 1000",
        "increment_percent: enter a number, e.g. 120",
    ),
    "es": (
        f"result: El texto debe tener como máximo {MAX_RESULT_CHARS} caracteres",
        "increment_percent: El valor debe ser 1.000 o menos",
        "increment_percent: escriba un número, p. ej. 120",
    ),
    "fr": (
        f"result : Le texte doit comporter au plus {MAX_RESULT_CHARS} caractères",
        f"increment_percent : La valeur doit être inférieure ou égale à 1{NARROW_SPACE}000",
        "increment_percent : saisissez un nombre, par ex. 120",
    ),
    "de": (
        f"result: Der Text darf höchstens {MAX_RESULT_CHARS} Zeichen lang sein",
        "increment_percent: Der Wert darf höchstens 1.000 betragen",
        "increment_percent: geben Sie eine Zahl ein, z. B. 120",
    ),
}


def add_test(http: httpx.Client, **fields: str) -> httpx.Response:
    response = http.post("/tests", data={**fields, "csrf_token": csrf_token(http, "/tests")})
    assert response.status_code == 422, response.status_code
    return response


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_test_form_refuses_a_long_text_and_a_bad_number_in_the_readers_language(
    http: httpx.Client, patient: Persona, language: str
) -> None:
    web_sign_in(http, patient)
    read_in(http, language)
    too_long, too_large, not_a_number = TEST_FORM_PROBLEMS[language]
    form = {"kind": "edx", "status": "done", "result": "x" * (MAX_RESULT_CHARS + 1)}
    refused = add_test(http, **form, increment_percent="5000")
    assert problems_on(refused, "#error-summary li") == [too_long, too_large]
    refused = add_test(http, kind="edx", status="done", increment_percent="lots")
    assert problems_on(refused, "#error-summary li") == [not_a_number]


# The profile: a name too long, a date of birth that is not a date.
PROFILE_PROBLEMS = {
    "en": (
        "String should have at most 100 characters",
        "Input should be a valid date or datetime, month value is outside expected range of 1-12",
    ),
    "es": (
        "El texto debe tener como máximo 100 caracteres",
        "Escriba una fecha válida: el mes debe estar entre 1 y 12",
    ),
    "fr": (
        "Le texte doit comporter au plus 100 caractères",
        "Saisissez une date valide : le mois doit être compris entre 1 et 12",
    ),
    "de": (
        "Der Text darf höchstens 100 Zeichen lang sein",
        "Geben Sie ein gültiges Datum ein: der Monat muss zwischen 1 und 12 liegen",
    ),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_profile_says_pydantics_problems_in_the_readers_language(
    http: httpx.Client, patient: Persona, language: str
) -> None:
    web_sign_in(http, patient)
    read_in(http, language)
    response = http.post(
        "/account/profile",
        data={
            "display_name": "n" * 101,
            "date_of_birth": "1970-13-01",
            "csrf_token": csrf_token(http, "/account"),
        },
    )
    assert response.status_code == 422
    shown = page(response)
    name, birth = PROFILE_PROBLEMS[language]
    assert text_of(shown, "#display_name-error") == name
    assert text_of(shown, "#date_of_birth-error") == birth


# Imports: a JSON diary with a weight that is not a number, a FHIR Bundle and an Apple Health
# export each with a fault. The locations (line, FHIR path, field) stay as the file names them.
IMPORT_PROBLEMS = {
    "en": (
        "line 1: weight_kg: Input should be a valid number",
        "Bundle.entry[0] (QuestionnaireResponse) item 'weight_kg': has no answer",
        "Bundle.entry[1]: holds no resource",
        "body-mass record 1 (2024-03-01 07:45:12 +0100): unknown unit 'oz'; expected kg, g, lb "
        "or st",
        "body-mass record 2 (2024-03-02 07:45:12 +0100): weight_kg: Input should be greater than or equal "
        "to 20",
    ),
    "es": (
        "línea 1: weight_kg: Escriba un número válido",
        "Bundle.entry[0] (QuestionnaireResponse) item 'weight_kg': no tiene respuesta",
        "Bundle.entry[1]: no contiene ningún recurso",
        "registro de peso 1 (2024-03-01 07:45:12 +0100): unidad desconocida 'oz'; se espera kg, "
        "g, lb o st",
        "registro de peso 2 (2024-03-02 07:45:12 +0100): weight_kg: El valor debe ser 20 o más",
    ),
    "fr": (
        "ligne 1 : weight_kg : Saisissez un nombre valide",
        "Bundle.entry[0] (QuestionnaireResponse) item 'weight_kg' : n'a pas de réponse",
        "Bundle.entry[1] : ne contient aucune ressource",
        "relevé de poids 1 (2024-03-01 07:45:12 +0100) : unité inconnue 'oz' ; attendu : kg, g, "
        "lb ou st",
        "relevé de poids 2 (2024-03-02 07:45:12 +0100) : weight_kg : La valeur doit être "
        "supérieure ou égale à 20",
    ),
    "de": (
        "Zeile 1: weight_kg: Geben Sie eine gültige Zahl ein",
        "Bundle.entry[0] (QuestionnaireResponse) item 'weight_kg': hat keine Antwort",
        "Bundle.entry[1]: enthält keine Ressource",
        "Gewichtseintrag 1 (2024-03-01 07:45:12 +0100): unbekannte Einheit 'oz'; erwartet wird "
        "kg, g, lb oder st",
        "Gewichtseintrag 2 (2024-03-02 07:45:12 +0100): weight_kg: Der Wert muss mindestens 20 "
        "betragen",
    ),
}

FHIR_BUNDLE = {
    "resourceType": "Bundle",
    "type": "collection",
    "entry": [
        {
            "resource": {
                "resourceType": "QuestionnaireResponse",
                "questionnaire": codes.QUESTIONNAIRE_URL,
                "item": [
                    {
                        "linkId": "recorded_at",
                        "answer": [{"valueDateTime": "2026-03-01T08:00:00+00:00"}],
                    },
                    {"linkId": "weight_kg", "answer": []},
                ],
            }
        },
        {"fullUrl": "urn:uuid:0"},
    ],
}

APPLE_HEALTH = """<?xml version="1.0" encoding="UTF-8"?>
<HealthData locale="en_GB">
 <Record type="HKQuantityTypeIdentifierBodyMass" sourceName="Scale" unit="oz" value="2000"
  startDate="2024-03-01 07:45:12 +0100"/>
 <Record type="HKQuantityTypeIdentifierBodyMass" sourceName="Scale" unit="kg" value="-3"
  startDate="2024-03-02 07:45:12 +0100"/>
</HealthData>
"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_import_problems_of_every_format_speak_the_readers_language(
    http: httpx.Client, patient: Persona, language: str
) -> None:
    web_sign_in(http, patient)
    read_in(http, language)
    not_a_number, no_answer, no_resource, unknown_unit, too_light = IMPORT_PROBLEMS[language]
    diary = json.dumps({"recorded_at": "2026-03-01T08:00:00+00:00", "weight_kg": "heavy"})
    assert upload(http, "diary.json", diary) == [not_a_number]
    assert upload(http, "diary.fhir.json", json.dumps(FHIR_BUNDLE)) == [no_answer, no_resource]
    assert upload(http, "export.xml", APPLE_HEALTH) == [unknown_unit, too_light]


def test_the_api_keeps_pydantics_english_whatever_the_language(
    http: httpx.Client, patient: Persona
) -> None:
    headers = {**api_token(http, patient), "Accept-Language": "de"}
    body = {"recorded_at": "2026-03-01T08:00:00+00:00", "weight_kg": "heavy"}
    refused = http.post("/api/v1/entries", json=body, headers=headers)
    assert refused.status_code == 422
    messages = json.dumps(refused.json())
    assert '"msg": "Input should be a valid number"' in messages


class Dose(BaseModel):
    route: str = Field(pattern="^(oral|iv)$")
    unit: str


def problems_of(data: dict[str, object]) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        Dose.model_validate(data)
    return [problem_message(problem) for problem in caught.value.errors()]


def test_a_problem_is_pydantics_english_text_and_a_type_not_catalogued_stays_english() -> None:
    pattern, missing = problems_of({"route": "nasal"})
    assert pattern == "String should match pattern '^(oral|iv)$'"
    assert said_in(pattern, "fr") == pattern  # no catalogue message for this type
    assert missing == "Field required"
    assert said_in(missing, "fr") == "Champ obligatoire"


class Route(BaseModel):
    route: Literal["oral", "iv", "subcutaneous"]


def test_choices_are_joined_with_the_languages_or() -> None:
    with pytest.raises(ValidationError) as caught:
        Route.model_validate({"route": "nasal"})
    (choices,) = [problem_message(problem) for problem in caught.value.errors()]
    assert choices == "Input should be 'oral', 'iv' or 'subcutaneous'"
    assert said_in(choices, "es") == "El valor debe ser 'oral', 'iv' o 'subcutaneous'"
    assert said_in(choices, "de") == "Der Wert muss 'oral', 'iv' oder 'subcutaneous' sein"
