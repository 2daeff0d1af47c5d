"""Spanish, French and German notes get every flag and context rule; other languages are never
passed silently (spec section 3, "Languages")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lems_companion.triage import FLAGS, advice, language, triage_text

# Our own notes, written apart from the dev set: one table, every language and class.
CASES = [
    json.loads(line)
    for line in Path(__file__).with_name("multilingual_cases.jsonl").read_text("utf-8").splitlines()
    if line.strip()
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: f"{case['language']}:{case['text'][:50]}")
def test_note_gets_its_level_and_flags_in_its_language(case: dict) -> None:
    result = triage_text(case["text"], author=case["author"])
    assert (result.level, sorted(result.flag_ids)) == (case["level"], sorted(case["flags"]))
    assert (result.language, result.checked) == (case["language"], True)


@pytest.mark.parametrize(
    ("note", "code"),
    [
        ("Me cuesta tragar desde ayer.", "es"),
        ("J'ai du mal à avaler depuis hier.", "fr"),
        ("Ich kann seit gestern schlecht schlucken.", "de"),
        ("Trouble swallowing since yesterday.", "en"),
        ("SOB x3/7", "en"),
        ("Oggi non riesco a deglutire bene e ho molta tosse.", "it"),
        ("Hoje não consigo engolir e estou com muita tosse.", "pt"),
        ("Сегодня трудно глотать.", "und"),
    ],
)
def test_the_language_of_a_note_is_recognised(note: str, code: str) -> None:
    assert language.detect(note) == code


@pytest.mark.parametrize(
    "note",
    ["Oggi non riesco a deglutire e respiro male.", "Сегодня трудно глотать и дышать."],
)
def test_a_note_in_another_language_is_not_checked_and_lists_the_emergency_signs(note: str) -> None:
    result = triage_text(note, emergency_number="999")
    assert result.checked is False
    assert result.as_public()["checked"] is False
    (text,) = result.advice
    for sign in ("swallowing", "choking", "breathless", "one side", "chest pain", "seizure"):
        assert sign in text
    assert "999" in text


@pytest.mark.parametrize(
    ("note", "code", "words"),
    [
        ("Me atraganté con el agua.", "es", "atención médica urgente"),
        ("Je me suis étouffée avec de l'eau.", "fr", "médecin en urgence"),
        ("Hab mich am Wasser verschluckt.", "de", "sofort ärztliche Hilfe"),
    ],
)
def test_advice_is_in_the_language_of_the_note(note: str, code: str, words: str) -> None:
    result = triage_text(note)
    assert (result.language, result.flag_ids) == (code, ["choking"])
    assert words in result.advice[0]
    assert "112" in result.advice[0]


@pytest.mark.parametrize("code", ["es", "fr", "de"])
def test_every_level_and_flag_has_advice_in_every_language(code: str) -> None:
    assert set(advice.LEVEL_ADVICE[code]) == {"emergency", "prompt", "routine", "none"}
    assert set(advice.FLAG_ADVICE[code]) == {flag.id for flag in FLAGS}


@pytest.mark.parametrize(
    "note",
    [
        "Se me durmió de repente la mitad de la cara.",
        "Brusquement la moitié de mon visage s'est affaissée.",
        "Plötzlich hängt mein Mundwinkel links.",
    ],
)
def test_emergency_advice_in_another_language_names_the_emergency_number(note: str) -> None:
    result = triage_text(note, emergency_number="911")
    assert result.level == "emergency"
    assert "911" in result.advice[0]


@pytest.mark.parametrize(
    ("note", "code"),
    [
        ("Hormigueo en los labios después de la amifampridina.", "es"),
        ("Fourmillements autour des lèvres après la prise d'amifampridine.", "fr"),
        ("Kribbeln um die Lippen nach der Amifampridin-Tablette.", "de"),
        ("Tingling lips after my amifampridine dose.", "en"),
    ],
)
def test_amifampridine_tingling_is_routine_in_every_language(note: str, code: str) -> None:
    result = triage_text(note)
    assert (result.language, result.level, result.flag_ids) == (code, "routine", [])


def test_a_caller_may_name_the_language() -> None:
    result = triage_text("Tos desde hace cinco semanas.", language="ES")
    assert (result.language, result.flag_ids) == ("es", ["persistent_cough"])
    assert triage_text("Tos desde hace cinco semanas.", language="it").checked is False
