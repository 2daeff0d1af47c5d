"""The catalogue stays the single source of its texts in every language: pybabel's extractor
finds every text a person reads in catalogue.toml, and each symptom reads in the language
asked, English otherwise."""

from __future__ import annotations

from pathlib import Path

from babel.messages.extract import extract

from lems_companion import catalogue
from lems_companion.catalogue.messages import extract as extract_catalogue

TOML = Path(catalogue.__file__).with_name("catalogue.toml")


def extracted() -> set[str]:
    with TOML.open("rb") as file:
        return {message for _, message, _, _ in extract(extract_catalogue, file)}


def test_the_extractor_finds_every_label_question_heading_and_severity() -> None:
    found = extracted()
    for symptom in catalogue.symptoms():
        assert {symptom.label, symptom.question} <= found
    for factor in catalogue.factors():
        assert {factor.label, factor.question} <= found
    assert set(catalogue.GROUP_TITLES.values()) <= found
    assert set(catalogue.SEVERITY_LABELS.values()) <= found


def test_codes_and_maintainers_notes_stay_out_of_the_catalogues() -> None:
    found = extracted()
    shown = {text for item in catalogue.symptoms() for text in (item.label, item.question)}
    ontology = {label for item in catalogue.symptoms() for label in item.hpo_labels}
    assert not {item.id for item in catalogue.symptoms()} & found
    # An ontology name is extracted only where it is also the label a person reads.
    assert not (ontology - shown) & found
    assert not {factor.source for factor in catalogue.factors()} & found


def test_a_symptom_reads_in_the_language_asked_and_in_english_otherwise() -> None:
    choking = catalogue.get("choking")
    assert choking.question_in("es") == "Atragantarse o toser al comer o beber"
    assert choking.label_in("de") == "Verschlucken"
    assert choking.question_in("pt") == choking.question == choking.question_in("en")
    assert catalogue.group_title("bulbar", "fr") == "Parole, mastication et déglutition"
    assert catalogue.severity_label(3, "de") == "schwer"
