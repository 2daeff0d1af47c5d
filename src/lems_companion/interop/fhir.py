"""FHIR R4 (4.0.1) export of a diary as a Bundle, and its import back.

The export is plain JSON built from dictionaries rather than ``fhir.resources`` models: that
package's default models are R5 (and its other subpackage R4B), neither of which is R4, and a
model layer for the wrong release would hide the differences instead of catching them. The tests
validate every export against the official FHIR R4 JSON schema instead (docs/interop.md).

What carries what:

- one ``QuestionnaireResponse`` per entry holds the whole entry, answer for answer; it is what
  the import reads, so a Bundle we exported comes back with nothing lost;
- ``Observation`` (symptom severities coded with HPO, body weight with LOINC 29463-7, home
  tests), ``MedicationStatement`` and ``Flag`` are views of the same entries for other systems;
  the import checks their codes but takes nothing from them. Red flags are recomputed by the app
  when entries are stored, so ``Flag`` resources are never imported.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from functools import cache
from typing import Any

from pydantic import ValidationError

from lems_companion import __version__, catalogue
from lems_companion.diary.schemas import (
    CONTEXT_LABELS,
    IMPROVED_LABELS,
    EntryCreate,
    EntryPublic,
    describe_errors,
)
from lems_companion.inputs import TooDeep, loads_json
from lems_companion.interop import codes
from lems_companion.interop.records import DiaryRecord, InteropError

FHIR_VERSION = "4.0.1"
# Deterministic resource ids: the same diary exports to the same ids, so two exports compare.
_ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, codes.APP_SYSTEM_PREFIX)
# Resource types an exported Bundle holds; anything else is refused on import rather than lost.
EXPORTED_TYPES = (
    "Patient",
    "Questionnaire",
    "QuestionnaireResponse",
    "Observation",
    "MedicationStatement",
    "Flag",
)

# Questionnaire link ids: one per entry field, documented in docs/interop.md.
LINK_RECORDED_AT = "recorded_at"
LINK_CONTEXT = "context"
LINK_IMPROVED = "improved_after_moving"
LINK_SYMPTOMS = "symptoms"
LINK_WEIGHT = "weight_kg"
LINK_MEDICATION = "medication"
LINK_MEDICATION_NAME = "medication.name"
LINK_MEDICATION_DOSE = "medication.dose_mg"
LINK_MEDICATION_TAKEN = "medication.taken_at"
LINK_HOME_TESTS = "home_tests"
LINK_STS = "sit_to_stand_seconds"
LINK_STS_TOTAL = "sit_to_stand_total_seconds"
LINK_TUG = "tug_seconds"
LINK_GRIP_REST = "grip_rest_kg"
LINK_GRIP_AFTER = "grip_after_squeeze_kg"
LINK_NOTE = "note"
SYMPTOM_LINK_PREFIX = "symptom_"

# Home-test codes in the app's own system (no LOINC code was verified for these tests).
HOME_TEST_CODES: dict[str, str] = {
    "sit-to-stand-5": "Sit-to-stand x5, seconds per repetition",
    "sit-to-stand-5-total": "Sit-to-stand x5, total seconds",
    "triple-timed-up-and-go": "Triple timed up-and-go, seconds per trial",
    "grip-strength": "Grip strength at rest and after a 10-second maximal squeeze",
}
GRIP_COMPONENTS = {"rest": "grip-rest", "after_squeeze": "grip-after-squeeze"}


# ---------------------------------------------------------------------------------------------
# Export


def _uuid(patient_key: str, *parts: object) -> str:
    return str(uuid.uuid5(_ID_NAMESPACE, ":".join([patient_key, *map(str, parts)])))


def _ref(resource_id: str) -> dict[str, str]:
    return {"reference": f"urn:uuid:{resource_id}"}


def _coding(system: str, code: str, display: str | None = None) -> dict[str, str]:
    coding = {"system": system, "code": code}
    if display:
        coding["display"] = display
    return coding


def _category(code: str, display: str) -> list[dict[str, Any]]:
    return [{"coding": [_coding(codes.OBSERVATION_CATEGORY_SYSTEM, code, display)]}]


def _quantity(value: float, unit: str) -> dict[str, Any]:
    return {"value": value, "unit": unit, "system": codes.UCUM_SYSTEM, "code": unit}


def _severity_concept(severity: int) -> dict[str, Any]:
    label = catalogue.SEVERITY_LABELS[severity]
    coding = [_coding(codes.SEVERITY_SYSTEM, str(severity), label)]
    if severity in codes.HPO_SEVERITY:
        hpo_id, hpo_label = codes.HPO_SEVERITY[severity]
        coding.append(_coding(codes.HPO_SYSTEM, hpo_id, hpo_label))
    return {"coding": coding, "text": label}


def _symptom_code(symptom: catalogue.Symptom) -> list[dict[str, str]]:
    # The main HPO term only: a CodeableConcept's codings must mean the same thing, and the
    # second term of persistent_cough (hemoptysis) is not the same thing as chronic cough.
    return [
        _coding(codes.HPO_SYSTEM, symptom.hpo_id, symptom.hpo_labels[0]),
        _coding(codes.SYMPTOM_SYSTEM, symptom.id, symptom.label),
    ]


def _severity_options() -> list[dict[str, Any]]:
    return [
        {"valueCoding": _coding(codes.SEVERITY_SYSTEM, str(level), label)}
        for level, label in catalogue.SEVERITY_LABELS.items()
    ]


def build_questionnaire() -> dict[str, Any]:
    """Return the Questionnaire every diary entry answers, derived from the catalogue."""
    symptom_items = [
        {
            "linkId": f"{SYMPTOM_LINK_PREFIX}{symptom.id}",
            "code": _symptom_code(symptom),
            "text": symptom.question,
            "type": "choice",
            "answerOption": _severity_options(),
        }
        for symptom in catalogue.symptoms()
    ]

    def decimal(link_id: str, text: str, *, repeats: bool = False) -> dict[str, Any]:
        item: dict[str, Any] = {"linkId": link_id, "text": text, "type": "decimal"}
        if repeats:
            item["repeats"] = True
        return item

    return {
        "resourceType": "Questionnaire",
        "url": codes.QUESTIONNAIRE_URL,
        "version": __version__,
        "name": "LemsCompanionDiaryEntry",
        "title": "LEMS Companion diary entry",
        "status": "active",
        "subjectType": ["Patient"],
        "item": [
            {
                "linkId": LINK_RECORDED_AT,
                "text": "When",
                "type": "dateTime",
                "required": True,
            },
            {
                "linkId": LINK_CONTEXT,
                "text": "Right now you are…",
                "type": "choice",
                "answerOption": [
                    {"valueCoding": _coding(codes.CONTEXT_SYSTEM, key, label)}
                    for key, label in CONTEXT_LABELS.items()
                ],
            },
            {
                "linkId": LINK_IMPROVED,
                "text": "Did your strength improve after moving for a few minutes?",
                "type": "choice",
                "answerOption": [
                    {"valueCoding": _coding(codes.IMPROVED_SYSTEM, key, label)}
                    for key, label in IMPROVED_LABELS.items()
                ],
            },
            {"linkId": LINK_SYMPTOMS, "text": "Symptoms", "type": "group", "item": symptom_items},
            {
                "linkId": LINK_WEIGHT,
                "code": [
                    _coding(codes.LOINC_SYSTEM, codes.BODY_WEIGHT_LOINC, codes.BODY_WEIGHT_DISPLAY)
                ],
                "text": "Body weight (kg)",
                "type": "decimal",
            },
            {
                "linkId": LINK_MEDICATION,
                "text": "Medication taken",
                "type": "group",
                "repeats": True,
                "item": [
                    {
                        "linkId": LINK_MEDICATION_NAME,
                        "text": "Name",
                        "type": "string",
                        "required": True,
                    },
                    decimal(LINK_MEDICATION_DOSE, "Dose (mg)"),
                    {"linkId": LINK_MEDICATION_TAKEN, "text": "Taken at", "type": "dateTime"},
                ],
            },
            {
                "linkId": LINK_HOME_TESTS,
                "text": "Home tests",
                "type": "group",
                "item": [
                    decimal(LINK_STS, "Sit-to-stand x5: seconds per repetition", repeats=True),
                    decimal(LINK_STS_TOTAL, "Sit-to-stand x5: total seconds"),
                    decimal(LINK_TUG, "Triple timed up-and-go: seconds per trial", repeats=True),
                    decimal(LINK_GRIP_REST, "Grip at rest (kg)"),
                    decimal(LINK_GRIP_AFTER, "Grip after a 10-second squeeze (kg)"),
                ],
            },
            {"linkId": LINK_NOTE, "text": "Anything else?", "type": "text"},
        ],
    }


def _answer(link_id: str, *values: dict[str, Any]) -> dict[str, Any]:
    return {"linkId": link_id, "answer": list(values)}


def _response_items(entry: EntryPublic) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = [
        _answer(LINK_RECORDED_AT, {"valueDateTime": entry.recorded_at.isoformat()})
    ]
    if entry.context:
        coding = _coding(codes.CONTEXT_SYSTEM, entry.context, CONTEXT_LABELS[entry.context])
        items.append(_answer(LINK_CONTEXT, {"valueCoding": coding}))
    if entry.improved_after_moving:
        key = entry.improved_after_moving
        coding = _coding(codes.IMPROVED_SYSTEM, key, IMPROVED_LABELS[key])
        items.append(_answer(LINK_IMPROVED, {"valueCoding": coding}))
    symptom_answers = [
        _answer(
            f"{SYMPTOM_LINK_PREFIX}{symptom.id}",
            {
                "valueCoding": _coding(
                    codes.SEVERITY_SYSTEM,
                    str(entry.symptoms[symptom.id]),
                    catalogue.SEVERITY_LABELS[entry.symptoms[symptom.id]],
                )
            },
        )
        for symptom in catalogue.symptoms()
        if symptom.id in entry.symptoms
    ]
    if symptom_answers:
        items.append({"linkId": LINK_SYMPTOMS, "item": symptom_answers})
    if entry.weight_kg is not None:
        items.append(_answer(LINK_WEIGHT, {"valueDecimal": entry.weight_kg}))
    for medication in entry.medications:
        parts = [_answer(LINK_MEDICATION_NAME, {"valueString": medication.name})]
        if medication.dose_mg is not None:
            parts.append(_answer(LINK_MEDICATION_DOSE, {"valueDecimal": medication.dose_mg}))
        if medication.taken_at is not None:
            taken = {"valueDateTime": medication.taken_at.isoformat()}
            parts.append(_answer(LINK_MEDICATION_TAKEN, taken))
        items.append({"linkId": LINK_MEDICATION, "item": parts})
    tests = entry.home_tests
    if tests is not None:
        test_items = []
        if tests.sit_to_stand_seconds:
            values = [{"valueDecimal": value} for value in tests.sit_to_stand_seconds]
            test_items.append(_answer(LINK_STS, *values))
        if tests.sit_to_stand_total_seconds is not None:
            value = {"valueDecimal": tests.sit_to_stand_total_seconds}
            test_items.append(_answer(LINK_STS_TOTAL, value))
        if tests.tug_seconds:
            test_items.append(
                _answer(LINK_TUG, *[{"valueDecimal": value} for value in tests.tug_seconds])
            )
        if tests.grip_kg and tests.grip_kg.rest is not None:
            test_items.append(_answer(LINK_GRIP_REST, {"valueDecimal": tests.grip_kg.rest}))
        if tests.grip_kg and tests.grip_kg.after_squeeze is not None:
            value = {"valueDecimal": tests.grip_kg.after_squeeze}
            test_items.append(_answer(LINK_GRIP_AFTER, value))
        if test_items:
            items.append({"linkId": LINK_HOME_TESTS, "item": test_items})
    if entry.note:
        items.append(_answer(LINK_NOTE, {"valueString": entry.note}))
    return items


def _observation(
    resource_id: str,
    *,
    patient_id: str,
    response_id: str,
    when: str,
    category: list[dict[str, Any]],
    code: dict[str, Any],
    **value: Any,
) -> dict[str, Any]:
    return {
        "resourceType": "Observation",
        "id": resource_id,
        "status": "final",
        "category": category,
        "code": code,
        "subject": _ref(patient_id),
        "effectiveDateTime": when,
        **value,
        "derivedFrom": [_ref(response_id)],
    }


def _component(code: str, display: str, value: float, unit: str) -> dict[str, Any]:
    return {
        "code": {"coding": [_coding(codes.HOME_TEST_SYSTEM, code, display)]},
        "valueQuantity": _quantity(value, unit),
    }


def _home_test_observations(
    entry: EntryPublic, new_id: Any, common: dict[str, Any]
) -> Iterator[dict[str, Any]]:
    tests = entry.home_tests
    if tests is None:
        return
    exam = _category("exam", "Exam")

    def code(key: str) -> dict[str, Any]:
        return {"coding": [_coding(codes.HOME_TEST_SYSTEM, key, HOME_TEST_CODES[key])]}

    if tests.sit_to_stand_seconds:
        components = [
            _component(f"sit-to-stand-repetition-{n}", f"Repetition {n}", value, "s")
            for n, value in enumerate(tests.sit_to_stand_seconds, start=1)
        ]
        yield _observation(
            new_id("sts"), category=exam, code=code("sit-to-stand-5"), **common,
            component=components,
        )  # fmt: skip
    if tests.sit_to_stand_total_seconds is not None:
        yield _observation(
            new_id("sts-total"), category=exam, code=code("sit-to-stand-5-total"), **common,
            valueQuantity=_quantity(tests.sit_to_stand_total_seconds, "s"),
        )  # fmt: skip
    if tests.tug_seconds:
        components = [
            _component(f"timed-up-and-go-trial-{n}", f"Trial {n}", value, "s")
            for n, value in enumerate(tests.tug_seconds, start=1)
        ]
        yield _observation(
            new_id("tug"), category=exam, code=code("triple-timed-up-and-go"), **common,
            component=components,
        )  # fmt: skip
    grip = tests.grip_kg
    if grip and (grip.rest is not None or grip.after_squeeze is not None):
        components = [
            _component(GRIP_COMPONENTS[name], name.replace("_", " "), value, "kg")
            for name, value in (("rest", grip.rest), ("after_squeeze", grip.after_squeeze))
            if value is not None
        ]
        yield _observation(
            new_id("grip"), category=exam, code=code("grip-strength"), **common,
            component=components,
        )  # fmt: skip


def _entry_resources(record: DiaryRecord, *, patient_key: str, patient_id: str) -> list[Any]:
    entry = record.entry
    when = entry.recorded_at.isoformat()

    def new_id(*parts: object) -> str:
        return _uuid(patient_key, "entry", entry.id, *parts)

    response_id = new_id("response")
    resources: list[dict[str, Any]] = [
        {
            "resourceType": "QuestionnaireResponse",
            "id": response_id,
            "identifier": {"system": codes.APP_SYSTEM_PREFIX + ":entry", "value": str(entry.id)},
            "questionnaire": f"{codes.QUESTIONNAIRE_URL}|{__version__}",
            "status": "completed",
            "subject": _ref(patient_id),
            "authored": when,
            "item": _response_items(entry),
        }
    ]
    common = {"patient_id": patient_id, "response_id": response_id, "when": when}
    for symptom in catalogue.symptoms():
        if symptom.id not in entry.symptoms:
            continue
        resources.append(
            _observation(
                new_id("symptom", symptom.id),
                category=_category("survey", "Survey"),
                code={"coding": _symptom_code(symptom), "text": symptom.label},
                valueCodeableConcept=_severity_concept(entry.symptoms[symptom.id]),
                **common,
            )
        )
    if entry.weight_kg is not None:
        weight = _observation(
            new_id("weight"),
            category=_category("vital-signs", "Vital Signs"),
            code={
                "coding": [
                    _coding(codes.LOINC_SYSTEM, codes.BODY_WEIGHT_LOINC, codes.BODY_WEIGHT_DISPLAY)
                ],
                "text": codes.BODY_WEIGHT_DISPLAY,
            },
            valueQuantity=_quantity(entry.weight_kg, "kg"),
            **common,
        )
        resources.append({**weight, "meta": {"profile": [codes.BODY_WEIGHT_PROFILE]}})
    resources.extend(_home_test_observations(entry, new_id, common))
    for index, medication in enumerate(entry.medications):
        statement: dict[str, Any] = {
            "resourceType": "MedicationStatement",
            "id": new_id("medication", index),
            "status": "completed",
            "medicationCodeableConcept": {"text": medication.name},
            "subject": _ref(patient_id),
            "effectiveDateTime": (medication.taken_at or entry.recorded_at).isoformat(),
            "dateAsserted": when,
            "informationSource": _ref(patient_id),
            "derivedFrom": [_ref(response_id)],
        }
        if medication.dose_mg is not None:
            statement["dosage"] = [
                {
                    "text": f"{medication.dose_mg:g} mg",
                    "doseAndRate": [{"doseQuantity": _quantity(medication.dose_mg, "mg")}],
                }
            ]
        resources.append(statement)
    for index, flag in enumerate(record.flags):
        priority_code, priority_display = codes.FLAG_PRIORITY.get(
            flag.level, codes.FLAG_PRIORITY["none"]
        )
        resources.append(
            {
                "resourceType": "Flag",
                "id": new_id("flag", index),
                "extension": [
                    {
                        "url": codes.FLAG_PRIORITY_EXTENSION,
                        "valueCodeableConcept": {
                            "coding": [
                                _coding(codes.FLAG_PRIORITY_SYSTEM, priority_code, priority_display)
                            ],
                            "text": flag.level,
                        },
                    }
                ],
                "status": "active",
                "category": [
                    {"coding": [_coding(codes.FLAG_CATEGORY_SYSTEM, "clinical", "Clinical")]}
                ],
                "code": {
                    "coding": [_coding(codes.RED_FLAG_SYSTEM, flag.flag)],
                    "text": f"{flag.flag} ({flag.level}): {flag.evidence}. Basis: {flag.basis}",
                },
                "subject": _ref(patient_id),
                "period": {"start": when},
            }
        )
    return resources


def export_bundle(
    records: Sequence[DiaryRecord], *, patient_key: str, now: datetime | None = None
) -> dict[str, Any]:
    """Return the diary as a FHIR R4 Bundle of type collection (a JSON-ready dictionary)."""
    moment = (now or datetime.now(UTC)).replace(microsecond=0)
    patient_id = _uuid(patient_key, "patient")
    questionnaire = {**build_questionnaire(), "id": _uuid(patient_key, "questionnaire")}
    resources: list[dict[str, Any]] = [
        {"resourceType": "Patient", "id": patient_id, "active": True},
        questionnaire,
    ]
    for record in records:
        resources.extend(_entry_resources(record, patient_key=patient_key, patient_id=patient_id))
    return {
        "resourceType": "Bundle",
        "id": _uuid(patient_key, "bundle", moment.isoformat()),
        "meta": {"lastUpdated": moment.isoformat()},
        "type": "collection",
        "timestamp": moment.isoformat(),
        "entry": [
            {"fullUrl": f"urn:uuid:{resource['id']}", "resource": resource}
            for resource in resources
        ],
    }


def to_fhir_json(records: Sequence[DiaryRecord], *, patient_key: str) -> str:
    """Return the diary as FHIR R4 JSON text (a Bundle)."""
    return json.dumps(export_bundle(records, patient_key=patient_key), indent=2, ensure_ascii=False)


# ---------------------------------------------------------------------------------------------
# Import


class _Problems:
    """Collects problems, each prefixed with where it was found."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.lines.append(f"{where}: {message}")


def _one_value(answer_item: dict[str, Any], key: str, where: str, problems: _Problems) -> Any:
    values = _values(answer_item, key, where, problems)
    if len(values) > 1:
        problems.add(where, "expects one answer, found several")
    return values[0] if values else None


def _values(answer_item: dict[str, Any], key: str, where: str, problems: _Problems) -> list[Any]:
    answers = answer_item.get("answer")
    if not isinstance(answers, list) or not answers:
        problems.add(where, "has no answer")
        return []
    values = []
    for answer in answers:
        if not isinstance(answer, dict) or key not in answer:
            found = sorted(answer) if isinstance(answer, dict) else type(answer).__name__
            problems.add(where, f"expects an answer of type {key}, found {found}")
            continue
        values.append(answer[key])
    return values


def _code_from(
    answer_item: dict[str, Any],
    system: str,
    allowed: Sequence[str],
    where: str,
    problems: _Problems,
) -> str | None:
    coding = _one_value(answer_item, "valueCoding", where, problems)
    if coding is None:
        return None
    if not isinstance(coding, dict) or coding.get("system") != system:
        got = coding.get("system") if isinstance(coding, dict) else coding
        problems.add(where, f"unknown code system {got!r}; expected {system}")
        return None
    code = coding.get("code")
    if code not in allowed:
        problems.add(where, f"unknown code {code!r}; expected one of {', '.join(allowed)}")
        return None
    return str(code)


def _children(item: dict[str, Any], where: str, problems: _Problems) -> list[dict[str, Any]]:
    children = item.get("item")
    if not isinstance(children, list) or not all(isinstance(child, dict) for child in children):
        problems.add(where, "a group must hold a list of items")
        return []
    return children


def _symptoms(item: dict[str, Any], where: str, problems: _Problems) -> dict[str, Any]:
    severities = [str(level) for level in catalogue.SEVERITY_LABELS]
    symptoms: dict[str, Any] = {}
    for child in _children(item, where, problems):
        link_id = str(child.get("linkId", ""))
        here = f"{where} item {link_id!r}"
        symptom_id = link_id.removeprefix(SYMPTOM_LINK_PREFIX)
        if not link_id.startswith(SYMPTOM_LINK_PREFIX) or symptom_id not in catalogue.by_id():
            problems.add(here, "unknown symptom; the catalogue ids are listed in docs/entries.md")
            continue
        code = _code_from(child, codes.SEVERITY_SYSTEM, severities, here, problems)
        if code is not None:
            symptoms[symptom_id] = int(code)
    return symptoms


def _medication(item: dict[str, Any], where: str, problems: _Problems) -> dict[str, Any]:
    medication: dict[str, Any] = {}
    fields = {
        LINK_MEDICATION_NAME: ("name", "valueString"),
        LINK_MEDICATION_DOSE: ("dose_mg", "valueDecimal"),
        LINK_MEDICATION_TAKEN: ("taken_at", "valueDateTime"),
    }
    for child in _children(item, where, problems):
        link_id = str(child.get("linkId", ""))
        here = f"{where} item {link_id!r}"
        if link_id not in fields:
            problems.add(here, "unknown question")
            continue
        key, value_type = fields[link_id]
        medication[key] = _one_value(child, value_type, here, problems)
    return medication


def _home_tests(item: dict[str, Any], where: str, problems: _Problems) -> dict[str, Any]:
    tests: dict[str, Any] = {}
    grip: dict[str, Any] = {}
    for child in _children(item, where, problems):
        link_id = str(child.get("linkId", ""))
        here = f"{where} item {link_id!r}"
        if link_id in (LINK_STS, LINK_TUG):
            tests[link_id] = _values(child, "valueDecimal", here, problems)
        elif link_id == LINK_STS_TOTAL:
            tests[link_id] = _one_value(child, "valueDecimal", here, problems)
        elif link_id == LINK_GRIP_REST:
            grip["rest"] = _one_value(child, "valueDecimal", here, problems)
        elif link_id == LINK_GRIP_AFTER:
            grip["after_squeeze"] = _one_value(child, "valueDecimal", here, problems)
        else:
            problems.add(here, "unknown question")
    if grip:
        tests["grip_kg"] = grip
    return tests


def entry_from_response(
    response: dict[str, Any], *, where: str, problems: _Problems
) -> dict[str, Any]:
    """Return the entry data a QuestionnaireResponse holds; problems are added, not raised."""
    questionnaire = str(response.get("questionnaire", ""))
    if questionnaire.split("|", 1)[0] != codes.QUESTIONNAIRE_URL:
        problems.add(where, f"answers {questionnaire!r}, not {codes.QUESTIONNAIRE_URL}")
        return {}
    data: dict[str, Any] = {}
    items = response.get("item")
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        problems.add(where, "has no items")
        return {}
    contexts, improved = list(CONTEXT_LABELS), list(IMPROVED_LABELS)
    for item in items:
        link_id = str(item.get("linkId", ""))
        here = f"{where} item {link_id!r}"
        if link_id == LINK_RECORDED_AT:
            data["recorded_at"] = _one_value(item, "valueDateTime", here, problems)
        elif link_id == LINK_CONTEXT:
            data["context"] = _code_from(item, codes.CONTEXT_SYSTEM, contexts, here, problems)
        elif link_id == LINK_IMPROVED:
            data["improved_after_moving"] = _code_from(
                item, codes.IMPROVED_SYSTEM, improved, here, problems
            )
        elif link_id == LINK_SYMPTOMS:
            data["symptoms"] = _symptoms(item, here, problems)
        elif link_id == LINK_WEIGHT:
            data["weight_kg"] = _one_value(item, "valueDecimal", here, problems)
        elif link_id == LINK_MEDICATION:
            data.setdefault("medications", []).append(_medication(item, here, problems))
        elif link_id == LINK_HOME_TESTS:
            data["home_tests"] = _home_tests(item, here, problems)
        elif link_id == LINK_NOTE:
            data["note"] = _one_value(item, "valueString", here, problems)
        else:
            problems.add(here, "unknown question")
    if "recorded_at" not in data:
        problems.add(where, f"has no answer to {LINK_RECORDED_AT!r}; every entry needs a time")
    return data


@cache
def _known_codings() -> frozenset[tuple[str, str]]:
    """Return the (system, code) pairs an exported Observation may carry as its code."""
    known = {(codes.LOINC_SYSTEM, codes.BODY_WEIGHT_LOINC)}
    known |= {(codes.HOME_TEST_SYSTEM, key) for key in HOME_TEST_CODES}
    for symptom in catalogue.symptoms():
        known.add((codes.SYMPTOM_SYSTEM, symptom.id))
        known.add((codes.HPO_SYSTEM, symptom.hpo_id))
    return frozenset(known)


def _check_observation(resource: dict[str, Any], where: str, problems: _Problems) -> None:
    code = resource.get("code")
    codings = code.get("coding") if isinstance(code, dict) else None
    if not isinstance(codings, list) or not codings:
        problems.add(where, "Observation has no coded code")
        return
    known = _known_codings()
    for coding in codings:
        system, value = (
            (coding.get("system"), coding.get("code")) if isinstance(coding, dict) else (None, None)
        )
        # Strings only: a list or object here is not a code (and cannot be looked up in a set).
        if not (isinstance(system, str) and isinstance(value, str)) or (system, value) not in known:
            problems.add(where, f"unknown Observation code {value!r} in system {system!r}")


def _load_bundle(text: str) -> dict[str, Any]:
    if not text.strip():
        raise InteropError(["the file is empty"])
    try:
        bundle = loads_json(text)
    except json.JSONDecodeError as error:
        raise InteropError(
            [f"line {error.lineno}, column {error.colno}: not valid JSON ({error.msg})"]
        ) from None
    except TooDeep as error:
        raise InteropError([str(error)]) from None
    if not isinstance(bundle, dict) or bundle.get("resourceType") != "Bundle":
        raise InteropError(["not a FHIR Bundle: resourceType must be 'Bundle'"])
    if not isinstance(bundle.get("entry"), list):
        raise InteropError(["Bundle.entry: the Bundle holds no entries"])
    return bundle


def parse_bundle(text: str) -> list[EntryCreate]:
    """Return the diary entries in a FHIR R4 Bundle we exported; InteropError naming each fault."""
    bundle = _load_bundle(text)
    problems = _Problems()
    # (where, entry data, whether its structure was sound): only sound ones are validated, so a
    # broken answer is reported once rather than again as a confusing validation error.
    found: list[tuple[str, dict[str, Any], bool]] = []
    for index, item in enumerate(bundle["entry"]):
        where = f"Bundle.entry[{index}]"
        resource = item.get("resource") if isinstance(item, dict) else None
        kind = resource.get("resourceType") if isinstance(resource, dict) else None
        if not isinstance(resource, dict) or kind not in EXPORTED_TYPES:
            problems.add(
                where, f"unsupported resource {kind!r}; expected one of {', '.join(EXPORTED_TYPES)}"
            )
            continue
        where = f"{where} ({kind})"
        if kind == "QuestionnaireResponse":
            before = len(problems.lines)
            data = entry_from_response(resource, where=where, problems=problems)
            found.append((where, data, len(problems.lines) == before))
        elif kind == "Observation":
            _check_observation(resource, where, problems)
    entries: list[EntryCreate] = []
    for where, data, sound in found:
        if not sound:
            continue
        try:
            entries.append(EntryCreate.model_validate_json(json.dumps(data)))
        except ValidationError as error:
            problems.lines.extend(describe_errors(error, prefix=f"{where}: "))
    if problems.lines:
        raise InteropError(problems.lines)
    if not entries:
        raise InteropError(["the Bundle holds no diary entries (no QuestionnaireResponse)"])
    return entries
