"""FHIR R4 (4.0.1) export of a diary as a Bundle, and its import back.

The export is plain JSON built from dictionaries rather than ``fhir.resources`` models: that
package's current models are R5 (and its other subpackage R4B), neither of which is R4, and a
model layer for the wrong release would hide the differences instead of catching them. The tests
validate every export against the official FHIR R4 JSON schema, and with ``fhir.resources``' R4B
models as a second, independent validator (docs/interop.md).

What carries what:

- one ``QuestionnaireResponse`` per entry holds the whole entry, answer for answer, absent
  symptoms included; it is what the import reads, so a Bundle we exported comes back with
  nothing lost;
- ``Observation`` (symptoms *present*, coded with HPO; body weight, LOINC 29463-7; home tests),
  ``MedicationStatement`` (ATC-coded where the app knows the medicine) and ``Flag`` are views of
  the same entries for other systems, and ``Provenance`` says who reported them; the import
  checks their codes but takes nothing from them. Red flags are recomputed by the app when
  entries are stored, so ``Flag`` resources are never imported;
- the test tracker and saved clinician-tool results become ``Observation`` (and, for scans,
  ``DiagnosticReport``) resources; they are not imported;
- a Bundle from another system (no QuestionnaireResponse of ours) is read for body weights only.

Every id and identifier is a uuid5 in this installation's namespace (interop.identity).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any

from pydantic import ValidationError

from lems_companion import __version__, catalogue
from lems_companion.diary.flags import FlagRecord
from lems_companion.diary.schemas import (
    CONTEXT_LABELS,
    IMPROVED_LABELS,
    EntryCreate,
    EntryPublic,
    describe_errors,
)
from lems_companion.i18n import N_, Said
from lems_companion.inputs import MAX_JSON_DEPTH, TooDeep, loads_json
from lems_companion.interop import codes
from lems_companion.interop.identity import URI_SYSTEM, record_uuid, urn
from lems_companion.interop.records import (
    Clinical,
    DiaryRecord,
    ImportedEntry,
    InteropError,
    Subject,
)
from lems_companion.investigations.schemas import InvestigationPublic
from lems_companion.rules.medicines import is_amifampridine
from lems_companion.tools.records import TOOL_DISCLAIMER, ToolResultPublic

FHIR_VERSION = "4.0.1"
# Resource types an exported Bundle holds; anything else is refused on import rather than lost.
EXPORTED_TYPES = (
    "Patient",
    "RelatedPerson",
    "Practitioner",
    "Questionnaire",
    "QuestionnaireResponse",
    "Observation",
    "DiagnosticReport",
    "MedicationStatement",
    "Provenance",
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
    ctx: _EntryContext,
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
        "subject": _ref(ctx.patient_id),
        "effectiveDateTime": ctx.when,
        # Who reported it: the patient, or the caregiver or clinician who wrote the entry.
        "performer": [_ref(ctx.author_id)],
        **value,
        "derivedFrom": [_ref(ctx.response_id)],
    }


def _component(code: str, display: str, value: float, unit: str) -> dict[str, Any]:
    return {
        "code": {"coding": [_coding(codes.HOME_TEST_SYSTEM, code, display)]},
        "valueQuantity": _quantity(value, unit),
    }


def _home_test_observations(
    entry: EntryPublic, new_id: Any, ctx: _EntryContext
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
            new_id("sts"), category=exam, code=code("sit-to-stand-5"), ctx=ctx,
            component=components,
        )  # fmt: skip
    if tests.sit_to_stand_total_seconds is not None:
        yield _observation(
            new_id("sts-total"), category=exam, code=code("sit-to-stand-5-total"), ctx=ctx,
            valueQuantity=_quantity(tests.sit_to_stand_total_seconds, "s"),
        )  # fmt: skip
    if tests.tug_seconds:
        components = [
            _component(f"timed-up-and-go-trial-{n}", f"Trial {n}", value, "s")
            for n, value in enumerate(tests.tug_seconds, start=1)
        ]
        yield _observation(
            new_id("tug"), category=exam, code=code("triple-timed-up-and-go"), ctx=ctx,
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
            new_id("grip"), category=exam, code=code("grip-strength"), ctx=ctx,
            component=components,
        )  # fmt: skip


def medicine_code(name: str) -> tuple[str, str] | None:
    """Return the ATC code and name of a logged medicine the app knows; None for any other."""
    if is_amifampridine(name):
        code, display, _ = codes.ATC_MEDICINES["amifampridine"]
        return code, display
    words = set(name.casefold().replace("-", " ").split())
    for code, display, names in codes.ATC_MEDICINES.values():
        if words & set(names):
            return code, display
    return None


def _medication_concept(name: str) -> dict[str, Any]:
    found = medicine_code(name)
    concept: dict[str, Any] = {"text": name}
    if found:
        concept["coding"] = [_coding(codes.ATC_SYSTEM, *found)]
    return concept


@dataclass(frozen=True, slots=True)
class _EntryContext:
    """What every resource made from one entry refers to."""

    patient_id: str
    response_id: str
    author_id: str
    when: str


@dataclass(frozen=True, slots=True)
class _Author:
    """The resource that names who wrote an entry: the Patient, a RelatedPerson or Practitioner."""

    resource_id: str
    resource: dict[str, Any] | None  # None for the patient (the Patient resource itself)


def _author(record: DiaryRecord, subject: Subject, patient_id: str) -> _Author:
    """Return who wrote the entry; a caregiver or clinician gets a resource of their own with a
    stable identifier and their name as the app shows it (no contact details)."""
    if record.author_role not in ("caregiver", "clinician"):
        return _Author(patient_id, None)
    key = f"{subject.user_id}:{record.author_role}:{record.author_id or 'unknown'}"
    resource_id = str(record_uuid(subject.namespace, "author", key))
    identifier = [{"system": URI_SYSTEM, "value": urn(uuid.UUID(resource_id))}]
    if record.author_role == "caregiver":
        resource = {
            "resourceType": "RelatedPerson",
            "id": resource_id,
            "identifier": identifier,
            "active": True,
            "patient": _ref(patient_id),
            "relationship": [{"text": "caregiver"}],
        }
    else:
        resource = {"resourceType": "Practitioner", "id": resource_id, "identifier": identifier}
    if record.author_name:
        resource["name"] = [{"text": record.author_name}]
    return _Author(resource_id, resource)


def _entry_resources(
    record: DiaryRecord, *, subject: Subject, patient_id: str, author: _Author
) -> list[dict[str, Any]]:
    entry = record.entry
    when = entry.recorded_at.isoformat()
    identifier = subject.entry_identifier(record)

    def new_id(*parts: object) -> str:
        return str(uuid.uuid5(subject.namespace, ":".join(["entry", identifier, *map(str, parts)])))

    response_id = new_id("response")
    response: dict[str, Any] = {
        "resourceType": "QuestionnaireResponse",
        "id": response_id,
        "identifier": {"system": URI_SYSTEM, "value": identifier},
        "questionnaire": f"{codes.QUESTIONNAIRE_URL}|{__version__}",
        "status": "completed",
        "subject": _ref(patient_id),
        "authored": when,
        "author": _ref(author.resource_id),
        "source": _ref(author.resource_id),
        "item": _response_items(entry),
    }
    resources: list[dict[str, Any]] = [response]
    ctx = _EntryContext(patient_id, response_id, author.resource_id, when)
    for symptom in catalogue.symptoms():
        severity = entry.symptoms.get(symptom.id)
        # An absent symptom (severity 0) stays in the QuestionnaireResponse only: an Observation
        # coded with the symptom would read as "has diplopia" to a system that reads the code.
        if not severity:
            continue
        resources.append(
            _observation(
                new_id("symptom", symptom.id),
                category=_category("survey", "Survey"),
                code={"coding": _symptom_code(symptom), "text": symptom.label},
                valueCodeableConcept=_severity_concept(severity),
                ctx=ctx,
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
            ctx=ctx,
        )
        resources.append({**weight, "meta": {"profile": [codes.BODY_WEIGHT_PROFILE]}})
    resources.extend(_home_test_observations(entry, new_id, ctx))
    for index, medication in enumerate(entry.medications):
        statement: dict[str, Any] = {
            "resourceType": "MedicationStatement",
            "id": new_id("medication", index),
            "status": "completed",
            "medicationCodeableConcept": _medication_concept(medication.name),
            "subject": _ref(patient_id),
            "effectiveDateTime": (medication.taken_at or entry.recorded_at).isoformat(),
            "dateAsserted": when,
            "informationSource": _ref(author.resource_id),
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
    resources.append(_provenance(new_id("provenance"), resources, ctx, record))
    return resources


def _provenance(
    resource_id: str, targets: Sequence[dict[str, Any]], ctx: _EntryContext, record: DiaryRecord
) -> dict[str, Any]:
    """Return the Provenance saying who reported an entry's resources: patient-reported data,
    written by the patient or on their behalf by a caregiver or clinician."""
    agent: dict[str, Any] = {
        "type": {
            "coding": [_coding(codes.PROVENANCE_AGENT_SYSTEM, "author", "Author")],
            "text": f"written by {record.written_by}"
            if record.written_by
            else "written by the patient",
        },
        "who": _ref(ctx.author_id),
    }
    if ctx.author_id != ctx.patient_id:
        agent["onBehalfOf"] = _ref(ctx.patient_id)
    recorded = record.entry.recorded_at
    return {
        "resourceType": "Provenance",
        "id": resource_id,
        "target": [_ref(item["id"]) for item in targets],
        "recorded": recorded.isoformat(),
        "activity": {"text": "patient-reported diary entry"},
        "agent": [agent],
    }


@dataclass(frozen=True, slots=True)
class FlagEpisode:
    """A red flag raised by consecutive entries: its occurrences, oldest first, and when it ended
    (the next entry that did not raise it; None while the latest entry still raises it)."""

    occurrences: tuple[FlagRecord, ...]
    ended: datetime | None


def flag_episodes(records: Sequence[DiaryRecord]) -> list[FlagEpisode]:
    """Return each flag's episodes over the diary, by start; empty when no entry raised one."""
    ordered = sorted(records, key=lambda record: record.entry.recorded_at)
    open_: dict[str, list[FlagRecord]] = {}
    episodes: list[FlagEpisode] = []
    for record in ordered:
        raised = {flag.flag: flag for flag in record.flags}
        for flag_id in [key for key in open_ if key not in raised]:
            episodes.append(FlagEpisode(tuple(open_.pop(flag_id)), record.entry.recorded_at))
        for flag_id, flag in raised.items():
            open_.setdefault(flag_id, []).append(flag)
    episodes += [FlagEpisode(tuple(items), None) for items in open_.values()]
    return sorted(episodes, key=lambda item: item.occurrences[0].recorded_at)


def _flag(episode: FlagEpisode, *, subject: Subject, patient_id: str) -> dict[str, Any]:
    first, last = episode.occurrences[0], episode.occurrences[-1]
    key = f"{subject.user_id}:{first.flag}:{first.entry_id}"
    resource_id = str(record_uuid(subject.namespace, "flag", key))
    priority_code, priority_display = codes.FLAG_PRIORITY.get(
        first.level, codes.FLAG_PRIORITY["none"]
    )
    times = len(episode.occurrences)
    text = (
        f"{first.name} ({first.level}): raised by {times} "
        f"{'entry' if times == 1 else 'consecutive entries'}; latest words: {last.evidence}. "
        f"Basis: {last.basis}"
    )
    period: dict[str, str] = {"start": first.recorded_at.isoformat()}
    if episode.ended is not None:
        period["end"] = episode.ended.isoformat()
    return {
        "resourceType": "Flag",
        "id": resource_id,
        "identifier": [{"system": URI_SYSTEM, "value": urn(uuid.UUID(resource_id))}],
        "extension": [
            {
                "url": codes.FLAG_PRIORITY_EXTENSION,
                "valueCodeableConcept": {
                    "coding": [
                        _coding(codes.FLAG_PRIORITY_SYSTEM, priority_code, priority_display)
                    ],
                    "text": first.level,
                },
            }
        ],
        "status": "active" if episode.ended is None else "inactive",
        "category": [{"coding": [_coding(codes.FLAG_CATEGORY_SYSTEM, "clinical", "Clinical")]}],
        "code": {
            "coding": [_coding(codes.RED_FLAG_SYSTEM, first.flag, first.name)],
            "text": text,
        },
        "subject": _ref(patient_id),
        "period": period,
    }


def _qualitative(text: str | None) -> tuple[str, str] | None:
    """Return the SNOMED CT code of a result whose first word is positive or negative."""
    words = (text or "").strip().lower().split()
    first = words[0].strip(".,;:") if words else ""
    return {"positive": codes.SNOMED_POSITIVE, "negative": codes.SNOMED_NEGATIVE}.get(first)


def _investigation_resources(
    item: InvestigationPublic, *, subject: Subject, patient_id: str
) -> list[dict[str, Any]]:
    """Return a recorded test as an Observation (status registered while it is pending), with a
    DiagnosticReport for a scan that was done."""
    resource_id = str(record_uuid(subject.namespace, "investigation", item.id))
    category_code, category_display = codes.INVESTIGATION_CATEGORY[item.kind]
    code = {
        "coding": [_coding(codes.INVESTIGATION_SYSTEM, item.kind, item.label)],
        "text": item.label,
    }
    observation: dict[str, Any] = {
        "resourceType": "Observation",
        "id": resource_id,
        "identifier": [{"system": URI_SYSTEM, "value": urn(uuid.UUID(resource_id))}],
        "status": "final" if item.status == "done" else "registered",
        "category": _category(category_code, category_display),
        "code": code,
        "subject": _ref(patient_id),
    }
    if item.done_on is not None:
        observation["effectiveDateTime"] = item.done_on.isoformat()
    if item.status == "done":
        qualitative = _qualitative(item.result)
        if item.increment_percent is not None:
            observation["valueQuantity"] = _quantity(item.increment_percent, "%")
        elif qualitative is not None:
            observation["valueCodeableConcept"] = {
                "coding": [_coding(codes.SNOMED_SYSTEM, *qualitative)],
                "text": item.result,
            }
        elif item.result:
            observation["valueString"] = item.result
    notes = [
        text
        for text in (
            f"Result as recorded: {item.result}" if item.result else None,
            item.note,
            "Recorded by the patient in the test tracker; pending: to discuss"
            if item.status == "pending"
            else "Recorded by the patient in the test tracker",
        )
        if text
    ]
    observation["note"] = [{"text": text} for text in notes]
    resources = [observation]
    if item.status == "done" and item.kind in codes.IMAGING_KINDS:
        report_id = str(record_uuid(subject.namespace, "investigation-report", item.id))
        report: dict[str, Any] = {
            "resourceType": "DiagnosticReport",
            "id": report_id,
            "identifier": [{"system": URI_SYSTEM, "value": urn(uuid.UUID(report_id))}],
            "status": "final",
            "category": [
                {"coding": [_coding(codes.DIAGNOSTIC_SERVICE_SYSTEM, "RAD", "Radiology")]}
            ],
            "code": code,
            "subject": _ref(patient_id),
            "result": [_ref(resource_id)],
        }
        if item.done_on is not None:
            report["effectiveDateTime"] = item.done_on.isoformat()
        if item.result:
            report["conclusion"] = item.result
        resources.append(report)
    return resources


def _tool_observation(
    item: ToolResultPublic, *, subject: Subject, patient_id: str
) -> dict[str, Any] | None:
    """Return a saved DELTA-P or EDX result as an Observation; None for a medicine check (a
    lookup about a medicine, not a finding about the patient)."""
    if item.kind == "medicine":
        return None
    resource_id = str(record_uuid(subject.namespace, "tool-result", item.id))
    observation: dict[str, Any] = {
        "resourceType": "Observation",
        "id": resource_id,
        "identifier": [{"system": URI_SYSTEM, "value": urn(uuid.UUID(resource_id))}],
        "status": "final",
        "category": _category("exam", "Exam"),
        "subject": _ref(patient_id),
        "effectiveDateTime": item.saved_at.isoformat(),
        "note": [{"text": f"{item.summary} Saved by {item.saved_by}. {TOOL_DISCLAIMER}"}],
    }
    if item.kind == "delta_p":
        observation["code"] = {
            "coding": [_coding(codes.TOOL_SYSTEM, "delta-p", "DELTA-P score")],
            "text": "DELTA-P score (Titulaer et al., J Clin Oncol 2011)",
        }
        observation["valueInteger"] = int(item.result["score"])
        observation["component"] = [
            {
                "code": {"coding": [_coding(codes.TOOL_SYSTEM, f"delta-p-{name}", name)]},
                "valueBoolean": bool(scored),
            }
            for name, scored in item.result.get("items", {}).items()
        ]
        return observation
    observation["code"] = {
        "coding": [_coding(codes.TOOL_SYSTEM, "edx-increment", "CMAP increment after exercise")],
        "text": "CMAP increment after 10 s of maximal exercise",
    }
    observation["valueQuantity"] = _quantity(float(item.result["increment_percent"]), "%")
    components = [
        ("cmap-rest", "CMAP at rest", item.inputs.get("cmap_rest_mv"), "mV"),
        (
            "cmap-after-exercise",
            "CMAP after exercise",
            item.inputs.get("cmap_after_exercise_mv"),
            "mV",
        ),
        ("decrement", "Decrement at 2-5 Hz", item.inputs.get("decrement_percent"), "%"),
    ]
    observation["component"] = [
        {
            "code": {"coding": [_coding(codes.TOOL_SYSTEM, key, display)]},
            "valueQuantity": _quantity(float(value), unit),
        }
        for key, display, value, unit in components
        if value is not None
    ]
    return observation


def _patient(subject: Subject) -> dict[str, Any]:
    patient: dict[str, Any] = {
        "resourceType": "Patient",
        "id": str(subject.patient_uuid),
        "identifier": [{"system": URI_SYSTEM, "value": urn(subject.patient_uuid)}],
        "active": True,
    }
    if subject.name:
        patient["name"] = [{"text": subject.name}]
    if subject.birth_date:
        patient["birthDate"] = subject.birth_date.isoformat()
    return patient


def export_bundle(
    records: Sequence[DiaryRecord],
    *,
    subject: Subject,
    clinical: Clinical | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """Return the diary, tests and tool results as a FHIR R4 Bundle of type collection."""
    moment = (now or datetime.now(UTC)).replace(microsecond=0)
    patient = _patient(subject)
    patient_id = patient["id"]
    questionnaire_id = record_uuid(subject.namespace, "questionnaire", __version__)
    resources: list[dict[str, Any]] = [
        patient,
        {**build_questionnaire(), "id": str(questionnaire_id)},
    ]
    authors: dict[str, dict[str, Any]] = {}
    entry_resources: list[dict[str, Any]] = []
    for record in records:
        author = _author(record, subject, patient_id)
        if author.resource is not None:
            authors.setdefault(author.resource_id, author.resource)
        entry_resources += _entry_resources(
            record, subject=subject, patient_id=patient_id, author=author
        )
    resources += list(authors.values()) + entry_resources
    resources += [
        _flag(episode, subject=subject, patient_id=patient_id) for episode in flag_episodes(records)
    ]
    clinical = clinical or Clinical()
    for item in clinical.investigations:
        resources += _investigation_resources(item, subject=subject, patient_id=patient_id)
    for result in clinical.tool_results:
        found = _tool_observation(result, subject=subject, patient_id=patient_id)
        if found is not None:
            resources.append(found)
    bundle_id = record_uuid(subject.namespace, "bundle", f"{subject.user_id}:{moment.isoformat()}")
    return {
        "resourceType": "Bundle",
        "id": str(bundle_id),
        "meta": {"lastUpdated": moment.isoformat()},
        "identifier": {"system": URI_SYSTEM, "value": urn(bundle_id)},
        "type": "collection",
        "timestamp": moment.isoformat(),
        "entry": [
            {"fullUrl": f"urn:uuid:{resource['id']}", "resource": resource}
            for resource in resources
        ],
    }


def to_fhir_json(
    records: Sequence[DiaryRecord], *, subject: Subject, clinical: Clinical | None = None
) -> str:
    """Return the diary (and tests and tool results) as FHIR R4 JSON text (a Bundle)."""
    bundle = export_bundle(records, subject=subject, clinical=clinical)
    return json.dumps(bundle, indent=2, ensure_ascii=False)


# ---------------------------------------------------------------------------------------------
# Import


class _Problems:
    """Collects problems, each prefixed with where it was found: an ``i18n.Said`` that the import
    page says in the reader's language (where stays as FHIR names it, "Bundle.entry[2] item
    'weight'") and the command line prints in English."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, where: str, message: str, /, **values: Any) -> None:
        """Add the marked message, filled with its values, found at where."""
        problem = Said(message, **values)
        self.lines.append(Said(N_("%(location)s: %(problem)s"), location=where, problem=problem))


def _one_value(answer_item: dict[str, Any], key: str, where: str, problems: _Problems) -> Any:
    values = _values(answer_item, key, where, problems)
    if len(values) > 1:
        problems.add(where, N_("expects one answer, found several"))
    return values[0] if values else None


def _values(answer_item: dict[str, Any], key: str, where: str, problems: _Problems) -> list[Any]:
    answers = answer_item.get("answer")
    if not isinstance(answers, list) or not answers:
        problems.add(where, N_("has no answer"))
        return []
    values = []
    for answer in answers:
        if not isinstance(answer, dict) or key not in answer:
            found = sorted(answer) if isinstance(answer, dict) else type(answer).__name__
            problems.add(
                where,
                N_("expects an answer of type %(expected)s, found %(found)s"),
                expected=key,
                found=str(found),
            )
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
        problems.add(
            where,
            N_("unknown code system %(found)s; expected %(expected)s"),
            found=repr(got),
            expected=system,
        )
        return None
    code = coding.get("code")
    if code not in allowed:
        problems.add(
            where,
            N_("unknown code %(code)s; expected one of %(expected)s"),
            code=repr(code),
            expected=", ".join(allowed),
        )
        return None
    return str(code)


def _children(item: dict[str, Any], where: str, problems: _Problems) -> list[dict[str, Any]]:
    children = item.get("item")
    if not isinstance(children, list) or not all(isinstance(child, dict) for child in children):
        problems.add(where, N_("a group must hold a list of items"))
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
            problems.add(
                here, N_("unknown symptom; the catalogue ids are listed in docs/entries.md")
            )
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
            problems.add(here, N_("unknown question"))
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
            problems.add(here, N_("unknown question"))
    if grip:
        tests["grip_kg"] = grip
    return tests


def entry_from_response(
    response: dict[str, Any], *, where: str, problems: _Problems
) -> dict[str, Any]:
    """Return the entry data a QuestionnaireResponse holds; problems are added, not raised."""
    questionnaire = str(response.get("questionnaire", ""))
    if questionnaire.split("|", 1)[0] != codes.QUESTIONNAIRE_URL:
        problems.add(
            where,
            N_("answers %(found)s, not %(expected)s"),
            found=repr(questionnaire),
            expected=codes.QUESTIONNAIRE_URL,
        )
        return {}
    data: dict[str, Any] = {}
    items = response.get("item")
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        problems.add(where, N_("has no items"))
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
            problems.add(here, N_("unknown question"))
    if "recorded_at" not in data:
        problems.add(
            where,
            N_("has no answer to %(question)s; every entry needs a time"),
            question=repr(LINK_RECORDED_AT),
        )
    return data


@cache
def _known_codings() -> frozenset[tuple[str, str]]:
    """Return the (system, code) pairs an exported Observation may carry as its code."""
    known = {(codes.LOINC_SYSTEM, codes.BODY_WEIGHT_LOINC)}
    known |= {(codes.HOME_TEST_SYSTEM, key) for key in HOME_TEST_CODES}
    known |= {(codes.INVESTIGATION_SYSTEM, key) for key in codes.INVESTIGATION_CATEGORY}
    known |= {(codes.TOOL_SYSTEM, key) for key in ("delta-p", "edx-increment")}
    for symptom in catalogue.symptoms():
        known.add((codes.SYMPTOM_SYSTEM, symptom.id))
        known.add((codes.HPO_SYSTEM, symptom.hpo_id))
    return frozenset(known)


def _check_observation(resource: dict[str, Any], where: str, problems: _Problems) -> None:
    code = resource.get("code")
    codings = code.get("coding") if isinstance(code, dict) else None
    if not isinstance(codings, list) or not codings:
        problems.add(where, N_("Observation has no coded code"))
        return
    known = _known_codings()
    for coding in codings:
        system, value = (
            (coding.get("system"), coding.get("code")) if isinstance(coding, dict) else (None, None)
        )
        # Strings only: a list or object here is not a code (and cannot be looked up in a set).
        if not (isinstance(system, str) and isinstance(value, str)) or (system, value) not in known:
            problems.add(
                where,
                N_("unknown Observation code %(code)s in system %(system)s"),
                code=repr(value),
                system=repr(system),
            )


def _load_fhir(text: str) -> dict[str, Any]:
    if not text.strip():
        raise InteropError([Said(N_("the file is empty"))])
    try:
        data = loads_json(text)
    except json.JSONDecodeError as error:
        raise InteropError(
            [
                Said(
                    N_("line %(line)s, column %(column)s: not valid JSON (%(reason)s)"),
                    line=error.lineno,
                    column=error.colno,
                    reason=error.msg,
                )
            ]
        ) from None
    except TooDeep:
        deep = N_("the JSON is nested more than %(number)s levels deep")
        raise InteropError([Said(deep, number=MAX_JSON_DEPTH)]) from None
    kind = data.get("resourceType") if isinstance(data, dict) else None
    if kind == "Observation":  # one Observation on its own, e.g. a weight from another system
        return {"resourceType": "Bundle", "entry": [{"resource": data}]}
    if kind != "Bundle":
        raise InteropError(
            [Said(N_("not a FHIR Bundle: resourceType must be 'Bundle' (or 'Observation')"))]
        )
    if not isinstance(data.get("entry"), list):
        raise InteropError([Said(N_("Bundle.entry: the Bundle holds no entries"))])
    return data


def _is_ours(bundle: dict[str, Any]) -> bool:
    """Return True when the Bundle holds a diary entry of ours (a QuestionnaireResponse)."""
    for item in bundle["entry"]:
        resource = item.get("resource") if isinstance(item, dict) else None
        if isinstance(resource, dict) and resource.get("resourceType") == "QuestionnaireResponse":
            return True
    return False


def _response_identifier(resource: dict[str, Any]) -> str | None:
    identifier = resource.get("identifier")
    if isinstance(identifier, dict) and isinstance(identifier.get("value"), str):
        system = identifier.get("system")
        value = str(identifier["value"])
        # Older exports (before identifiers were global) carried the bare database id; it means
        # nothing outside the installation that wrote it, so it is not used to match entries.
        if system == URI_SYSTEM or value.startswith("urn:"):
            return value
    return None


# Units a weight from another system may come in, to kilograms (UCUM codes and plain units).
KG_PER_UNIT: dict[str, float] = {
    "kg": 1.0,
    "g": 0.001,
    "[lb_av]": 0.45359237,
    "lb": 0.45359237,
    "lbs": 0.45359237,
}
# Observation statuses whose value stands (FHIR R4 observation-status).
USABLE_STATUSES = ("final", "amended", "corrected", "preliminary")
# A date without a time of day is read as noon UTC: the diary needs a moment, and noon keeps the
# date the same in every time zone from UTC-11 to UTC+11.
DATE_ONLY_TIME = "T12:00:00+00:00"


def _is_weight(resource: dict[str, Any]) -> bool:
    code = resource.get("code")
    codings = code.get("coding") if isinstance(code, dict) else None
    return isinstance(codings, list) and any(
        isinstance(coding, dict)
        and coding.get("system") == codes.LOINC_SYSTEM
        and coding.get("code") == codes.BODY_WEIGHT_LOINC
        for coding in codings
    )


def _observation_identifier(resource: dict[str, Any], full_url: object) -> str | None:
    identifiers = resource.get("identifier")
    if isinstance(identifiers, list):
        for identifier in identifiers:
            if isinstance(identifier, dict) and identifier.get("value"):
                return f"{identifier.get('system', '')}|{identifier['value']}"[:300]
    if isinstance(full_url, str) and full_url:
        return full_url[:300]
    if resource.get("id"):
        return f"Observation/{resource['id']}"
    return None


def weight_from_observation(
    resource: dict[str, Any], *, full_url: object, where: str, problems: _Problems
) -> dict[str, Any] | None:
    """Return the entry data of a body-weight Observation (LOINC 29463-7) from any system; None
    (with a problem added) when its value or time cannot be read, or when it was withdrawn."""
    if resource.get("status") not in USABLE_STATUSES:
        return None  # entered-in-error, cancelled, registered: no weight to record
    when = resource.get("effectiveDateTime") or resource.get("effectiveInstant")
    period = resource.get("effectivePeriod")
    if when is None and isinstance(period, dict):
        when = period.get("start")
    if not isinstance(when, str):
        problems.add(where, N_("the weight Observation has no effectiveDateTime"))
        return None
    if "T" not in when:
        when += DATE_ONLY_TIME
    quantity = resource.get("valueQuantity")
    if not isinstance(quantity, dict) or not isinstance(quantity.get("value"), (int, float)):
        problems.add(where, N_("the weight Observation has no valueQuantity"))
        return None
    unit = str(quantity.get("code") or quantity.get("unit") or "")
    if unit not in KG_PER_UNIT:
        problems.add(
            where, N_("unknown weight unit %(unit)s; expected kg, g or [lb_av]"), unit=repr(unit)
        )
        return None
    kilograms = round(float(quantity["value"]) * KG_PER_UNIT[unit], 2)
    return {"recorded_at": when, "weight_kg": kilograms}


def parse_bundle(text: str) -> list[ImportedEntry]:
    """Return the diary entries in a FHIR R4 Bundle: every entry of a Bundle we exported, or the
    body weights (LOINC 29463-7) of one from another system; InteropError naming each fault."""
    bundle = _load_fhir(text)
    ours = _is_ours(bundle)
    problems = _Problems()
    # (where, entry data, identifier, whether its structure was sound): only sound ones are
    # validated, so a broken answer is reported once rather than again as a validation error.
    found: list[tuple[str, dict[str, Any], str | None, bool]] = []
    for index, item in enumerate(bundle["entry"]):
        where = f"Bundle.entry[{index}]"
        resource = item.get("resource") if isinstance(item, dict) else None
        kind = resource.get("resourceType") if isinstance(resource, dict) else None
        if not isinstance(resource, dict):
            problems.add(where, N_("holds no resource"))
            continue
        where = f"{where} ({kind})"
        if not ours:
            # Another system's Bundle: only body weights are read; everything else is left alone.
            if kind == "Observation" and _is_weight(resource):
                before = len(problems.lines)
                full_url = item.get("fullUrl")
                data = weight_from_observation(
                    resource, full_url=full_url, where=where, problems=problems
                )
                if data is not None:
                    identifier = _observation_identifier(resource, full_url)
                    found.append((where, data, identifier, len(problems.lines) == before))
            continue
        if kind not in EXPORTED_TYPES:
            problems.add(
                where,
                N_("unsupported resource %(kind)s; expected one of %(expected)s"),
                kind=repr(kind),
                expected=", ".join(EXPORTED_TYPES),
            )
            continue
        if kind == "QuestionnaireResponse":
            before = len(problems.lines)
            data = entry_from_response(resource, where=where, problems=problems)
            identifier = _response_identifier(resource)
            found.append((where, data, identifier, len(problems.lines) == before))
        elif kind == "Observation":
            _check_observation(resource, where, problems)
    entries: list[ImportedEntry] = []
    for where, data, identifier, sound in found:
        if not sound:
            continue
        try:
            entry = EntryCreate.model_validate_json(json.dumps(data))
        except ValidationError as error:
            problems.lines.extend(describe_errors(error, where=where))
            continue
        entries.append(ImportedEntry(entry=entry, identifier=identifier, carries_factors=False))
    if problems.lines:
        raise InteropError(problems.lines)
    if not entries:
        raise InteropError(
            [
                Said(
                    N_(
                        "the Bundle holds no diary entries (no QuestionnaireResponse) and no body "
                        "weight (Observation coded LOINC %(code)s)"
                    ),
                    code=codes.BODY_WEIGHT_LOINC,
                )
            ]
        )
    return entries
