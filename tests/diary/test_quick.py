"""The quick entry: usual symptoms and medicines learned from recent entries."""

from __future__ import annotations

from lems_companion.diary.quick import (
    STARTER_SYMPTOMS,
    always_asked,
    previous_answers,
    usual_medicines,
    usual_symptoms,
)
from tests.factories import entry


def test_usual_symptoms_are_the_most_often_recorded_first() -> None:
    entries = [
        entry("2026-03-03T08:00+01:00", symptoms={"tingling": 1, "fatigue": 0}),
        entry("2026-03-02T08:00+01:00", symptoms={"tingling": 2, "double_vision": 1}),
        entry("2026-03-01T08:00+01:00", symptoms={"double_vision": 1, "tingling": 1}),
    ]
    assert usual_symptoms(entries) == ["tingling", "double_vision"]


def test_a_person_without_entries_is_asked_the_starter_symptoms() -> None:
    assert usual_symptoms([]) == list(STARTER_SYMPTOMS)


def test_a_usual_medicine_comes_with_its_most_often_logged_dose() -> None:
    entries = [
        entry("2026-03-03T08:00+01:00", medications=[{"name": "amifampridine", "dose_mg": 15}]),
        entry("2026-03-02T08:00+01:00", medications=[{"name": "Amifampridine", "dose_mg": 10}]),
        entry("2026-03-01T08:00+01:00", medications=[{"name": "Amifampridine", "dose_mg": 10}]),
    ]
    [medicine] = usual_medicines(entries)
    assert (medicine.name, medicine.dose_mg, medicine.label) == (
        "amifampridine",
        10,
        "amifampridine 10 mg",
    )


def test_same_as_last_time_copies_answers_but_not_the_note_or_the_time() -> None:
    last = entry(
        "2026-03-03T08:00+01:00",
        context="after_rest",
        symptoms={"fatigue": 2},
        medications=[{"name": "Amifampridine", "dose_mg": 10}],
        note="Bad night.",
    )
    assert previous_answers(last) == {
        "context": "after_rest",
        "improved_after_moving": "",
        "symptoms": {"symptom_fatigue": "2"},
        "medicines": ["Amifampridine|10"],
    }


def test_the_emergency_questions_are_always_asked_first() -> None:
    assert always_asked() == ["swallowing_difficulty", "choking", "shortness_of_breath"]
