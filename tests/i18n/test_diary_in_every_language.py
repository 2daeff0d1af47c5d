"""The diary in the reader's language: the entry form (its symptom questions, awaiting clinical
review), an entry, the timeline's red-flag names and the form's messages; English by default."""

from __future__ import annotations

import httpx
import pytest
from bs4 import BeautifulSoup

from lems_companion import catalogue
from lems_companion.diary.flags import plain_name
from tests.conftest import Persona, api_token, csrf_token, web_sign_in

# language, then what the pages say: the form's heading, the hip question, the review note,
# an entry's chip, a noted factor, the emergency flag's plain name, a weight and its message.
PAGES = [
    (
        "es",
        "¿Cómo se encuentra ahora?",
        "Caderas o muslos débiles",
        "pendiente de revisión",
        "Debilidad en caderas y muslos: moderado",
        "Calor",
        "Atragantamiento - busque atención médica urgente ahora",
        "71,5 kg",
        "Escriba un número de kilos",
    ),
    (
        "fr",
        "Comment allez-vous maintenant ?",
        "Hanches ou cuisses faibles",
        "en attente de relecture",
        "Faiblesse des hanches et des cuisses : modéré",
        "Chaleur",
        "Fausse route, étouffement - consultez un médecin en urgence maintenant",
        "71,5 kg",
        "Saisissez un nombre de kilogrammes",
    ),
    (
        "de",
        "Wie geht es Ihnen jetzt?",
        "Schwache Hüften oder Oberschenkel",
        "noch von einer Ärztin oder einem Arzt",
        "Schwäche in Hüften und Oberschenkeln: mittel",
        "Hitze",
        "Verschlucken, Erstickungsgefahr - holen Sie sich jetzt sofort ärztliche Hilfe",
        "71,5 kg",
        "Geben Sie eine Zahl in Kilogramm ein",
    ),
    (
        "en",
        "How are you now?",
        "Weak hips or thighs",
        None,
        "Hip and thigh weakness: moderate",
        "Heat",
        "Choking - get urgent care now",
        "71.5 kg",
        "Enter a number of kilograms",
    ),
]


def shown(response: httpx.Response) -> BeautifulSoup:
    assert response.status_code in (200, 422), response.text
    return BeautifulSoup(response.text, "html.parser")


def add_choking_entry(http: httpx.Client, patient: Persona) -> int:
    created = http.post(
        "/api/v1/entries",
        json={
            "recorded_at": "2026-11-30T08:30:00+00:00",
            "symptoms": {"proximal_leg_weakness": 2},
            "factors": ["heat"],
            "weight_kg": 71.5,
            "note": "I choked on my tea again.",
        },
        headers=api_token(http, patient),
    )
    assert created.status_code == 201, created.text
    return int(created.json()["id"])


@pytest.mark.parametrize(
    ("language", "heading", "question", "review", "chip", "factor", "flag", "weight", "message"),
    PAGES,
    ids=[row[0] for row in PAGES],
)
def test_the_diary_speaks_the_browsers_language(
    http: httpx.Client,
    patient: Persona,
    language: str,
    heading: str,
    question: str,
    review: str | None,
    chip: str,
    factor: str,
    flag: str,
    weight: str,
    message: str,
) -> None:
    entry_id = add_choking_entry(http, patient)
    web_sign_in(http, patient)
    if language != "en":
        http.headers["Accept-Language"] = f"{language}-XX, en;q=0.5"

    form = shown(http.get("/entries/new"))
    assert form.html is not None and form.html["lang"] == language
    assert form.h1 is not None and form.h1.get_text(strip=True) == heading
    legend = form.select_one("#symptom_proximal_leg_weakness legend")
    assert legend is not None and legend.get_text().startswith(question)
    note = form.select_one(".questions-review")
    assert (note is None) if review is None else (note is not None and review in note.get_text())

    entry = shown(http.get(f"/entries/{entry_id}"))
    assert entry.html is not None and entry.html["lang"] == language
    chips = [item.get_text(strip=True) for item in entry.select("ul.chips li")]
    assert chip in chips
    factors = entry.select_one("ul.factor-list")
    assert factors is not None and factors.get_text(strip=True) == factor
    # CLDR puts a narrow or non-breaking space before the unit in some languages.
    assert weight in " ".join(entry.get_text().split())

    timeline = shown(http.get("/diary"))
    badge = timeline.select_one(f"#flag-of-{entry_id}")
    assert badge is not None and flag in badge.get_text()

    invalid = shown(
        http.post(
            "/entries",
            data={
                "recorded_at": "2026-11-30T09:00",
                "tz": "Europe/London",
                "weight_unit": "kg",
                "weight_kg": "heavy",
                "csrf_token": csrf_token(http),
            },
        )
    )
    error = invalid.select_one("#weight_kg-error")
    assert error is not None and message in error.get_text()
    summary = invalid.select_one("#error-summary")
    assert summary is not None and summary.get_text(strip=True) != ""


@pytest.mark.parametrize("language", ["es", "fr", "de"])
def test_every_catalogue_text_and_level_has_its_own_words_in_every_language(
    language: str,
) -> None:
    for symptom in catalogue.symptoms():
        assert symptom.question_in(language) != symptom.question or symptom.question in {
            "Constipation"  # the same word in French
        }
    for level in ("emergency", "prompt"):
        assert plain_name("dyspnea", level, language) != plain_name("dyspnea", level)


def test_exports_and_the_api_keep_the_english_plain_name() -> None:
    assert plain_name("choking", "emergency") == "Choking - get urgent care now"
