"""Entry validation: every kind of bad input is refused with a message naming its field."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError

from lems_companion.diary.schemas import EntryCreate, EntryUpdate, describe_errors

VALID = {"recorded_at": "2026-03-01T08:30:00+01:00"}


def problems(payload: dict[str, object]) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        EntryCreate.model_validate_json(json.dumps(payload))
    return describe_errors(caught.value)


def test_a_full_entry_is_accepted_and_keeps_its_offset() -> None:
    entry = EntryCreate.model_validate_json(
        json.dumps(
            {
                **VALID,
                "context": "after_rest",
                "improved_after_moving": "yes",
                "symptoms": {"proximal_leg_weakness": 3, "dry_mouth": 1},
                "weight_kg": 71.5,
                "medications": [
                    {"name": "Amifampridine", "dose_mg": 10, "taken_at": VALID["recorded_at"]}
                ],
                "home_tests": {
                    "sit_to_stand_seconds": [4.1, 3.6, 3.2, 3.0, 2.9],
                    "tug_seconds": [15.2, 14.0, 13.1],
                    "grip_kg": {"rest": 18, "after_squeeze": 24.5},
                },
                "note": "Stairs hard first thing, easier later.",
            }
        )
    )
    assert entry.recorded_at.utcoffset() == timedelta(hours=1)
    assert entry.symptoms == {"proximal_leg_weakness": 3, "dry_mouth": 1}
    assert entry.home_tests is not None and entry.home_tests.grip_kg is not None
    assert entry.home_tests.grip_kg.after_squeeze == 24.5


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ({**VALID, "symptoms": {"headache": 1}}, "symptoms.headache: unknown symptom id 'headache'"),
        ({**VALID, "symptoms": {"fatigue": 4}}, "symptoms.fatigue: Input should be less than or equal to 3"),
        ({**VALID, "symptoms": {"fatigue": -1}}, "symptoms.fatigue: Input should be greater than or equal to 0"),
        ({**VALID, "symptoms": {"fatigue": "2"}}, "symptoms.fatigue: Input should be a valid integer"),
        ({**VALID, "symptoms": {"fatigue": 1.5}}, "symptoms.fatigue: Input should be a valid integer"),
        ({**VALID, "weight_kg": 19.9}, "weight_kg: Input should be greater than or equal to 20"),
        ({**VALID, "weight_kg": 400.1}, "weight_kg: Input should be less than or equal to 400"),
        ({**VALID, "weight_kg": "70"}, "weight_kg: Input should be a valid number"),
        ({**VALID, "note": "x" * 5001}, "note: String should have at most 5000 characters"),
        ({**VALID, "context": "sleeping"}, "context: Input should be 'after_rest' or 'after_activity'"),
        ({**VALID, "improved_after_moving": True}, "improved_after_moving: Input should be 'yes', 'no' or 'unsure'"),
        ({"recorded_at": "2026-03-01T08:30:00"}, "recorded_at: Input should have timezone info"),
        ({"recorded_at": "yesterday"}, "recorded_at: Input should be a valid datetime"),
        ({"recorded_at": 1_700_000_000}, "recorded_at: must be an ISO 8601 date-time"),
        ({}, "recorded_at: Field required"),
        ({**VALID, "mood": "fine"}, "mood: Extra inputs are not permitted"),
        ({**VALID, "medications": [{"dose_mg": 10}]}, "medications.0.name: Field required"),
        ({**VALID, "medications": [{"name": "x", "dose_mg": -5}]}, "medications.0.dose_mg: Input should be greater than 0"),
        ({**VALID, "home_tests": {"tug_seconds": [12, 11]}}, "home_tests.tug_seconds: List should have at least 3 items"),
        ({**VALID, "home_tests": {"sit_to_stand_seconds": [3, 3, 3, 3, 3, 3]}}, "home_tests.sit_to_stand_seconds: List should have at most 5 items"),
        ({**VALID, "home_tests": {"grip_kg": {"rest": -1}}}, "home_tests.grip_kg.rest: Input should be greater than or equal to 0"),
        ({**VALID, "home_tests": {"sit_to_stand_seconds": [3, 3, 3, 3, 3], "sit_to_stand_total_seconds": 15}}, "home_tests: give sit-to-stand either"),
    ],
)  # fmt: skip
def test_bad_input_is_refused_naming_the_field(payload: dict[str, object], expected: str) -> None:
    assert any(line.startswith(expected) for line in problems(payload)), problems(payload)


def test_a_time_more_than_a_day_ahead_is_refused_but_tomorrow_morning_is_not() -> None:
    soon = datetime.now(UTC) + timedelta(hours=20)
    EntryCreate(recorded_at=soon)
    too_far = datetime.now(UTC) + timedelta(days=1, minutes=5)
    assert problems({"recorded_at": too_far.isoformat()}) == [
        "recorded_at: is more than a day in the future"
    ]


def test_every_problem_is_reported_not_just_the_first() -> None:
    lines = problems({**VALID, "symptoms": {"headache": 1, "fatigue": 9}, "weight_kg": 5})
    assert len(lines) == 3


def test_a_blank_note_and_empty_home_tests_are_stored_as_absent() -> None:
    entry = EntryCreate.model_validate({**VALID, "note": "   ", "home_tests": {"grip_kg": {}}})
    assert entry.note is None
    assert entry.home_tests is None


def test_an_update_is_checked_against_the_whole_entry() -> None:
    current = EntryCreate.model_validate({**VALID, "weight_kg": 70.0, "note": "ok"})
    changed = EntryUpdate.model_validate({"note": None, "symptoms": {"fatigue": 2}}).apply_to(
        current
    )
    assert changed.note is None
    assert changed.weight_kg == 70.0
    assert changed.symptoms == {"fatigue": 2}
    with pytest.raises(ValidationError, match="cannot be cleared"):
        EntryUpdate.model_validate({"recorded_at": None})
