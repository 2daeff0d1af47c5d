"""Who is writing (spec section 3): a caregiver's third person is the patient; a patient's family
member is another person; an unknown author's family red flag is flagged with a caveat."""

from __future__ import annotations

import pytest

from lems_companion.triage import triage_text

FAMILY_NOTES = [
    "Dad choked on his dinner again tonight.",
    "Mi padre se atraganta con todo lo que come.",
    "Mon père s'étouffe à chaque repas.",
    "Papa verschluckt sich bei jeder Mahlzeit.",
]


@pytest.mark.parametrize("note", FAMILY_NOTES)
def test_a_family_members_choking_depends_on_who_writes(note: str) -> None:
    assert triage_text(note, author="patient").flag_ids == []
    assert triage_text(note, author="caregiver").flag_ids == ["choking"]
    unknown = triage_text(note, author="unknown")
    assert unknown.flag_ids == ["choking"]
    assert (
        "diary" in unknown.advice[-1]
        or "diario" in unknown.advice[-1]
        or ("journal" in unknown.advice[-1] or "Tagebuch" in unknown.advice[-1])
    )


@pytest.mark.parametrize(
    "note",
    [
        "Carer writing: his lips went a greyish blue colour in his chair.",
        "Son writing for Mum - she couldn't get her tablets down.",
        "(written by her partner) She coughs on every cup of tea.",
        "I look after my dad. He chokes on every cup of tea.",
        "Escribe su hija: mi madre se atraganta con el agua.",
        "C'est sa fille qui écrit : maman s'étouffe avec l'eau.",
        "Ich schreibe für meinen Vater: er verschluckt sich ständig beim Trinken.",
    ],
)
def test_a_caregiver_header_in_the_note_makes_the_third_person_the_patient(note: str) -> None:
    result = triage_text(note, author="patient")
    assert result.level == "emergency"


@pytest.mark.parametrize(
    "note",
    [
        "My friend's husband went into hospital with chest pains and breathlessness.",
        "Our neighbour's dog had a seizure.",
        "Jean choked on a biscuit at the coffee morning, she was fine after a slap on the back.",
    ],
)
def test_friends_pets_and_named_others_are_another_person_for_any_author(note: str) -> None:
    assert triage_text(note, author="patient").flag_ids == []


def test_a_caregivers_own_cold_is_not_the_patients_red_flag() -> None:
    note = "Carer writing: I've had a cold for a few days. Mum had a quiet, good day."
    assert triage_text(note, author="caregiver").level in ("none", "routine")


def test_an_unknown_author_is_refused() -> None:
    with pytest.raises(ValueError, match="author"):
        triage_text("fine", author="doctor")
