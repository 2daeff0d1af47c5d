"""Why an entry's answers raised a red flag, in the reader's language (issue 20): a symptom at a
severity and a weight lost, on the entry's alert and the red-flag list, and their evidence where
the report, its PDF and the appointment preparation quote it. The stored text stays English (the
API, exports); a page says it again only when it is in the wording the triage writes today."""

from __future__ import annotations

import subprocess
from datetime import datetime

import httpx
import pytest
from bs4 import BeautifulSoup

from lems_companion.diary.alerts import basis_in, evidence_in, flag_evidence
from lems_companion.diary.flags import FlagPublic, FlagRecord
from lems_companion.diary.schemas import EntryCreate
from lems_companion.triage.structured import symptom_flags, weight_flags
from tests.conftest import Persona, api_token, web_sign_in
from tests.i18n.test_messages_with_values_in_every_language import read_in, text_of
from tests.tools.test_amifampridine_notices import add_entry

LANGUAGES = ["en", "es", "fr", "de"]

# Difficulty swallowing answered "moderate" (2): an emergency, as the alert says why.
SWALLOWING_REASONS = {
    "en": "Difficulty swallowing at severity 2 (moderate or worse); weakness of the swallowing "
    "muscles (bulbar weakness) risks aspiration",
    "es": "Dificultad para tragar con intensidad 2 (moderada o mayor); la debilidad de los "
    "músculos de la deglución (debilidad bulbar) conlleva riesgo de aspiración",
    "fr": "Difficulté à avaler : intensité 2 (modérée ou plus) ; la faiblesse des muscles de la "
    "déglutition (faiblesse bulbaire) expose à un risque d'inhalation",
    "de": "Schluckbeschwerden mit Stärke 2 (mittel oder stärker); eine Schwäche der "
    "Schluckmuskulatur (bulbäre Schwäche) birgt ein Aspirationsrisiko",
}

# 72 kg on 10 January, 68.4 kg on 1 March: 5% lost within 6 months.
WEIGHT_REASONS = {
    "en": "5% or more of body weight lost within 6 months; warning sign of small-cell lung "
    "cancer (SCLC); the 'L' item of DELTA-P",
    "es": "pérdida del 5 % o más del peso corporal en 6 meses; signo de alarma de cáncer de "
    "pulmón de células pequeñas (CPCP); el ítem «L» de DELTA-P",
    "fr": "perte d'au moins 5 % du poids corporel en 6 mois ; signe d'alerte d'un cancer "
    "bronchique à petites cellules (CBPC) ; l'item « L » du score DELTA-P",
    "de": "5 % oder mehr des Körpergewichts innerhalb von 6 Monaten verloren; Warnzeichen für "
    "kleinzelligen Lungenkrebs (SCLC); der Punkt „L“ von DELTA-P",
}

# The same two flags as the report quotes their evidence: the answer, the weights and dates.
QUOTED = {
    "en": (
        "swallowing_difficulty severity 2",
        "weight 68.4 kg on 2026-03-01, 5.0% below 72 kg on 2026-01-10",
    ),
    "es": (
        "Dificultad para tragar: intensidad 2",
        "peso de 68,4 kg el 1 mar 2026, un 5,0 % por debajo de 72 kg el 10 ene 2026",
    ),
    "fr": (
        "Difficulté à avaler : intensité 2",
        "poids de 68,4 kg le 1 mars 2026, 5,0 % en dessous de 72 kg le 10 janv. 2026",
    ),
    "de": (
        "Schluckbeschwerden: Stärke 2",
        "Gewicht 68,4 kg am 1 März 2026, 5,0 % unter 72 kg am 10 Jan. 2026",
    ),
}


def flat(text: str) -> str:
    """Return text with every run of white space as one space (the PDF wraps lines anywhere)."""
    return " ".join(text.split())


def red_flag_list(http: httpx.Client) -> str:
    return flat(BeautifulSoup(http.get("/red-flags").text, "html.parser").get_text(" "))


def lose_weight(http: httpx.Client) -> BeautifulSoup:
    """Record 72 kg, then 68.4 kg seven weeks later; return the second entry's page."""
    add_entry(http, recorded_at="2026-01-10T08:30", weight_kg="72")
    return add_entry(http, weight_kg="68.4")


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_emergency_answer_says_why_in_the_readers_language(
    http: httpx.Client, patient: Persona, language: str
) -> None:
    web_sign_in(http, patient)
    read_in(http, language)
    entry = add_entry(http, symptom_swallowing_difficulty="2")
    reasons = flat(text_of(entry, ".alert-reasons"))
    assert SWALLOWING_REASONS[language] in reasons
    assert "(clinical-spec.md section 3)" in reasons  # the source is cited as published
    assert SWALLOWING_REASONS[language] in red_flag_list(http)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_weight_loss_says_why_in_the_readers_language(
    http: httpx.Client, patient: Persona, language: str
) -> None:
    web_sign_in(http, patient)
    read_in(http, language)
    entry = lose_weight(http)
    reasons = flat(text_of(entry, ".alert-reasons"))
    assert WEIGHT_REASONS[language] in reasons
    assert "Titulaer et al., J Clin Oncol 2011 (DELTA-P)" in reasons
    assert WEIGHT_REASONS[language] in red_flag_list(http)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_report_and_appointment_quote_the_answers_in_the_readers_language(
    http: httpx.Client, patient: Persona, language: str
) -> None:
    web_sign_in(http, patient)
    lose_weight(http)
    add_entry(http, recorded_at="2026-03-02T08:30", symptom_swallowing_difficulty="2")
    stored = http.get("/api/v1/entries", headers=api_token(http, patient)).text
    assert QUOTED["en"][0] in stored and QUOTED["en"][1] in stored  # the API: English
    read_in(http, language)
    answer, weight = QUOTED[language]
    report = flat(BeautifulSoup(http.get("/report").text, "html.parser").get_text(" "))
    assert answer in report and weight in report
    pdf = http.get("/report.pdf")
    assert pdf.status_code == 200
    text = flat(
        subprocess.run(
            ["pdftotext", "-", "-"], input=pdf.content, capture_output=True, check=True
        ).stdout.decode()
    )
    assert answer in text and weight in text
    appointment = flat(BeautifulSoup(http.get("/appointment").text, "html.parser").get_text(" "))
    assert answer in appointment and weight in appointment


def flag_of(hit_basis: str, flag: str, evidence: str = "", start: int | None = None) -> FlagRecord:
    return FlagRecord(
        entry_id=1,
        recorded_at=datetime.fromisoformat("2026-03-01T08:30:00+00:00"),
        flag=flag,
        level="emergency",
        evidence=evidence,
        start=start,
        end=None if start is None else start + len(evidence),
        basis=hit_basis,
    )


def test_a_reason_in_an_older_wording_stays_as_stored() -> None:
    entry = EntryCreate.model_validate(
        {"recorded_at": "2026-03-01T08:30:00+00:00", "symptoms": {"choking": 3}}
    )
    (hit,) = symptom_flags(entry, previous=None)
    assert basis_in(flag_of(hit.basis, "choking"), "es").startswith(
        "Atragantamiento con intensidad 3 (moderada o mayor); riesgo de aspiración"
    )
    # Worded before the reasons were catalogued, or naming a symptom since renamed: English,
    # never half translated.
    for older in (
        hit.basis.replace("(moderate or worse)", "(2 or more)"),
        hit.basis.replace("Choking", "Coughing on food"),
        hit.basis.replace("(clinical-spec.md section 3)", "(spec)"),
    ):
        shown = basis_in(flag_of(older, "choking"), "fr")
        assert shown == older.removeprefix("structured entry: ")


def test_a_notes_words_are_quoted_as_written_even_when_they_read_like_an_answer() -> None:
    written = "choking severity 2"
    from_note = FlagPublic.of(flag_of("note mentions choking", "choking", written, start=0))
    assert flag_evidence(from_note, "de") == written
    answered = FlagPublic.of(flag_of("", "choking", written))
    assert flag_evidence(answered, "de") == "Verschlucken: Stärke 2"


def test_an_intended_loss_of_ten_percent_is_said_in_the_language() -> None:
    entry = EntryCreate.model_validate(
        {"recorded_at": "2026-03-01T08:30:00+00:00", "weight_kg": 64.8}
    )
    history = [(datetime.fromisoformat("2026-01-10T08:30:00+00:00"), 72.0)]
    (hit,) = weight_flags(entry, weight_history=history, intended=True)
    assert hit.basis.startswith(
        "structured entry: 10% or more of body weight lost within 6 months, though the note says "
        "it is intended; "
    )
    assert basis_in(flag_of(hit.basis, "weight_loss"), "es").startswith(
        "pérdida del 10 % o más del peso corporal en 6 meses, aunque la nota dice que es "
        "intencionada; "
    )
    assert evidence_in(hit.evidence, "weight_loss", "fr") == (
        "poids de 64,8 kg le 1 mars 2026, 10,0 % en dessous de 72 kg le 10 janv. 2026"
    )
