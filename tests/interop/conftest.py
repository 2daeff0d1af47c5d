"""Shared helpers for the interoperability tests: a diary with every kind of field."""

from __future__ import annotations

from typing import Any

import pytest

from lems_companion.accounts.service import find_user
from lems_companion.db.engine import session_scope
from lems_companion.diary.schemas import EntryCreate
from lems_companion.interop.fhir import export_bundle
from lems_companion.interop.records import Clinical, DiaryRecord, Subject
from lems_companion.interop.service import load_clinical, load_records, store_entries, subject_of
from tests.conftest import Persona

DIARY: list[dict[str, Any]] = [
    {
        "recorded_at": "2026-03-01T08:30:00+01:00",
        "context": "after_rest",
        "improved_after_moving": "yes",
        "symptoms": {"proximal_leg_weakness": 2, "dry_mouth": 1, "double_vision": 0},
        "weight_kg": 71.5,
        "medications": [
            {"name": "Amifampridine", "dose_mg": 10, "taken_at": "2026-03-01T08:00:00+01:00"},
            {"name": "Pyridostigmine"},
        ],
        "home_tests": {
            "sit_to_stand_seconds": [4.1, 3.6, 3.2, 3.0, 2.9],
            "tug_seconds": [15.2, 14.0, 13.1],
            "grip_kg": {"rest": 18.0, "after_squeeze": 24.5},
        },
        "note": "Stairs hard first thing, easier after walking around.",
    },
    {
        "recorded_at": "2026-03-02T19:00:00-05:00",
        "context": "after_activity",
        "improved_after_moving": "unsure",
        "symptoms": {"proximal_leg_weakness": 1, "double_vision": 0, "choking": 2},
        "home_tests": {"sit_to_stand_total_seconds": 17.5, "grip_kg": {"rest": 17.0}},
        "note": 'Choked on water at dinner; "quotes", commas, and\na second line.',
    },
    {
        "recorded_at": "2026-03-03T07:15:00+00:00",
        "symptoms": {"proximal_leg_weakness": 3, "double_vision": 0, "persistent_cough": 1},
        "weight_kg": 70.2,
    },
    {"recorded_at": "2026-03-04T12:00:00+00:00"},
]


def seed(db_url: str, persona: Persona, items: list[dict[str, Any]] | None = None) -> None:
    """Store the diary for this persona through the app's one way in."""
    with session_scope(db_url) as db:
        owner = find_user(db, persona.email)
        assert owner is not None
        entries = [EntryCreate.model_validate(item) for item in (items or DIARY)]
        store_entries(db, owner=owner, items=entries)


def records_of(db_url: str, persona: Persona) -> list[DiaryRecord]:
    """Return the persona's diary as the exports read it."""
    with session_scope(db_url) as db:
        owner = find_user(db, persona.email)
        assert owner is not None
        return load_records(db, owner=owner)


def subject(db_url: str, persona: Persona) -> Subject:
    """Return the persona as the exports name them (this installation's namespace, profile)."""
    with session_scope(db_url) as db:
        owner = find_user(db, persona.email)
        assert owner is not None
        return subject_of(db, owner=owner)


def clinical(db_url: str, persona: Persona) -> Clinical:
    """Return the persona's tests and saved tool results as the exports read them."""
    with session_scope(db_url) as db:
        owner = find_user(db, persona.email)
        assert owner is not None
        return load_clinical(db, owner=owner)


def bundle_of(db_url: str, persona: Persona) -> dict[str, Any]:
    """Return the persona's whole FHIR export as a dictionary."""
    return export_bundle(
        records_of(db_url, persona),
        subject=subject(db_url, persona),
        clinical=clinical(db_url, persona),
    )


def contents(db_url: str, persona: Persona) -> list[EntryCreate]:
    """Return the persona's entries without their ids, oldest first."""
    return [record.entry.as_create() for record in records_of(db_url, persona)]


@pytest.fixture
def diary(db_url: str, patient: Persona) -> Persona:
    """Return the patient after filling their diary."""
    seed(db_url, patient)
    return patient
