"""Code systems and codes used by the exports, each with where it was checked.

FHIR wants every ``Coding.system`` to be the code system's canonical URI; a wrong URI makes a
correct code meaningless to the receiver, so each one names its source.
"""

from __future__ import annotations

# HL7 Terminology (THO) registers HPO as http://human-phenotype-ontology.org (CodeSystem "HPO",
# OID 2.16.840.1.113883.6.339); the OBO PURL http://purl.obolibrary.org/obo/hp.owl is the OWL
# file, not the FHIR system, so it is not used here.
HPO_SYSTEM = "http://human-phenotype-ontology.org"
# FHIR R4 terminologies page: LOINC is http://loinc.org, UCUM http://unitsofmeasure.org.
LOINC_SYSTEM = "http://loinc.org"
UCUM_SYSTEM = "http://unitsofmeasure.org"
# FHIR R4 (4.0.1) Observation.category: CodeSystem observation-category (survey, vital-signs, exam).
OBSERVATION_CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/observation-category"
# FHIR R4 (4.0.1) Flag.category: CodeSystem flag-category ("clinical").
FLAG_CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/flag-category"
# FHIR R4 (4.0.1) core extension "flag-priority" with the example code system flag-priority-code
# (PN no alarm, PL low, PM medium, PH high).
FLAG_PRIORITY_EXTENSION = "http://hl7.org/fhir/StructureDefinition/flag-priority"
FLAG_PRIORITY_SYSTEM = "http://hl7.org/fhir/flag-priority-code"
# FHIR R4 vital-signs profile for body weight (LOINC 29463-7, UCUM kg).
BODY_WEIGHT_PROFILE = "http://hl7.org/fhir/StructureDefinition/bodyweight"
BODY_WEIGHT_LOINC = "29463-7"
BODY_WEIGHT_DISPLAY = "Body weight"

# The app's own code systems (symptom ids, severities, home tests, red flags). The app has no
# canonical web address of its own, so these are URNs under one prefix rather than made-up
# http URLs on a domain nobody owns; docs/interop.md lists them.
APP_SYSTEM_PREFIX = "urn:lems-companion"
SYMPTOM_SYSTEM = f"{APP_SYSTEM_PREFIX}:symptom"
SEVERITY_SYSTEM = f"{APP_SYSTEM_PREFIX}:severity"
CONTEXT_SYSTEM = f"{APP_SYSTEM_PREFIX}:context"
IMPROVED_SYSTEM = f"{APP_SYSTEM_PREFIX}:improved-after-moving"
HOME_TEST_SYSTEM = f"{APP_SYSTEM_PREFIX}:home-test"
RED_FLAG_SYSTEM = f"{APP_SYSTEM_PREFIX}:red-flag"
QUESTIONNAIRE_URL = f"{APP_SYSTEM_PREFIX}:questionnaire:diary-entry"

# HPO clinical modifiers for severity (subclasses of HP:0012824 Severity), checked against the
# ontology shipped in hpo3 by tests/interop. Severity 0 ("none") has no HPO modifier: the symptom
# is absent, which a phenopacket says with ``excluded``.
HPO_SEVERITY: dict[int, tuple[str, str]] = {
    1: ("HP:0012825", "Mild"),
    2: ("HP:0012826", "Moderate"),
    3: ("HP:0012828", "Severe"),
}

# Triage level to FHIR flag priority: an emergency is high, a prompt flag medium, routine low.
FLAG_PRIORITY: dict[str, tuple[str, str]] = {
    "emergency": ("PH", "High priority"),
    "prompt": ("PM", "Medium priority"),
    "routine": ("PL", "Low priority"),
    "none": ("PN", "No alarm"),
}
