"""Red flags found as word classes matched by their Snowball stems (triage/concepts.py): every
inflection and order in a clause, German compounds by their parts, never across a negation."""

from __future__ import annotations

import pytest

from lems_companion.triage import concepts, language, triage_text


def labels(text: str, code: str) -> set[str]:
    return {label for label, _, _ in concepts.find(language.fold(text), code)}


@pytest.mark.parametrize(
    ("text", "code", "label"),
    [
        # Inflections the lexicons' phrases do not list, in either order.
        ("Me cuesta muchísimo tragar.", "es", "DYSPHAGIA"),
        ("Tragar se me hace difícil.", "es", "DYSPHAGIA"),
        ("J'ai du mal à reprendre ma respiration.", "fr", "DYSPNEA"),
        ("Avaler devient pénible.", "fr", "DYSPHAGIA"),
        # German compounds read by their parts.
        ("Seit gestern Schluckbeschwerden.", "de", "DYSPHAGIA"),
        ("Starke Brustschmerzen heute.", "de", "CHEST_PAIN"),
        ("Atembeschwerden schon im Sitzen.", "de", "DYSPNEA"),
        # A negated verb of being able is "cannot", its negation part of the mention.
        ("Je n'arrive plus à avaler.", "fr", "DYSPHAGIA"),
        ("No puedo respirar bien.", "es", "DYSPNEA"),
        ("Den rechten Arm konnte er nicht mehr bewegen.", "de", "LIMB_ONE_SIDE"),
        # A cough too weak to clear phlegm (spec section 3 table, dyspnea).
        ("No tengo fuerza para toser.", "es", "DYSPNEA"),
        ("Keine Kraft mehr zum Abhusten.", "de", "DYSPNEA"),
    ],
)
def test_a_concept_is_found_in_any_inflection_and_order(text: str, code: str, label: str) -> None:
    assert label in labels(text, code)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # A negation between the words denies the concept.
        ("Respiro sin dificultad.", "es"),
        ("Avaler sans difficulté.", "fr"),
        ("Schlucken nicht schwer.", "de"),
        # German "-los" and "-frei" deny what the compound names.
        ("Schlucken problemlos.", "de"),
        # A clause break keeps unrelated words apart.
        ("J'ai du mal à dormir, mais je respire bien.", "fr"),
        # "Sin" is a lack of air only right before it.
        ("Me quedé sin ganas de salir, respiro bien.", "es"),
    ],
)
def test_a_concept_is_not_found_across_a_negation_or_a_clause(text: str, code: str) -> None:
    assert not labels(text, code)


def test_a_concept_flag_keeps_the_patients_words_and_its_rule() -> None:
    result = triage_text("Desde ayer tragar se me hace difícil.")
    assert result.level == "emergency"
    (flag,) = result.flags
    assert flag.id == "dysphagia"
    assert flag.evidence == "tragar se me hace difícil"
    assert "clinical-spec.md" in flag.basis


def test_the_context_rules_still_govern_a_concept() -> None:
    # Another person's symptom, and a negation before the mention, are not flagged.
    assert triage_text("Mi vecino dice que le cuesta tragar.").level != "emergency"
    assert triage_text("Kein Problem beim Schlucken, nur müde.").level != "emergency"
