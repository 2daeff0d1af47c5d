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

# SNOMED CT (FHIR R4 terminologies page: http://snomed.info/sct). Only the two qualifier values
# FHIR's own examples use for a qualitative result: 10828004 Positive, 260385009 Negative.
SNOMED_SYSTEM = "http://snomed.info/sct"
SNOMED_POSITIVE = ("10828004", "Positive")
SNOMED_NEGATIVE = ("260385009", "Negative")
# WHO ATC, as registered in HL7 Terminology (THO): http://www.whocc.no/atc.
ATC_SYSTEM = "http://www.whocc.no/atc"
# The medicines the app knows, coded with ATC (checked against the WHOCC ATC index: amifampridine
# N07XX05, pyridostigmine N07AA02, prednisolone H02AB06, azathioprine L04AX01). A name is matched
# by interop.fhir.medicine_code (amifampridine by tools.medicines.is_amifampridine, which knows
# its brand names); any other medicine is exported by name only.
ATC_MEDICINES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "amifampridine": ("N07XX05", "amifampridine", ()),
    "pyridostigmine": ("N07AA02", "pyridostigmine", ("pyridostigmine", "mestinon")),
    "prednisolone": ("H02AB06", "prednisolone", ("prednisolone",)),
    "azathioprine": ("L04AX01", "azathioprine", ("azathioprine", "imuran")),
}
# FHIR R4 Provenance.agent.type: CodeSystem provenance-participant-type ("author", "informant").
PROVENANCE_AGENT_SYSTEM = "http://terminology.hl7.org/CodeSystem/provenance-participant-type"
# A caregiver is a RelatedPerson whose relationship is given as text only ("caregiver"): no v3
# RoleCode says "caregiver" without also claiming a family relationship the app does not know.

# Codes in the app's own systems for tests and clinician tools: no LOINC or SNOMED CT code for
# these tests could be checked offline against the terminology itself, so none is claimed.
INVESTIGATION_SYSTEM = f"{APP_SYSTEM_PREFIX}:investigation"
TOOL_SYSTEM = f"{APP_SYSTEM_PREFIX}:clinician-tool"
# Observation.category per test kind (observation-category: laboratory, imaging, procedure).
INVESTIGATION_CATEGORY: dict[str, tuple[str, str]] = {
    "vgcc_antibodies": ("laboratory", "Laboratory"),
    "sox1_antibodies": ("laboratory", "Laboratory"),
    "chest_ct": ("imaging", "Imaging"),
    "fdg_pet": ("imaging", "Imaging"),
    "edx": ("procedure", "Procedure"),
    "other": ("procedure", "Procedure"),
}
# Test kinds that are imaging and also get a DiagnosticReport (its conclusion: the result text).
IMAGING_KINDS = ("chest_ct", "fdg_pet")
# DiagnosticReport.category: v2-0074 diagnostic service section ("RAD" radiology).
DIAGNOSTIC_SERVICE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v2-0074"
