"""The names of the export and import formats, apart from the code that reads and writes them.

The ``lems export`` and ``lems import`` options list these names; keeping them in a module of
their own lets the command line show its help without loading FHIR, CSV or phenopacket code.
"""

from __future__ import annotations

from enum import StrEnum


class ExportFormat(StrEnum):
    fhir = "fhir"
    phenopacket = "phenopacket"
    csv = "csv"
    json = "json"


class ImportFormat(StrEnum):
    fhir = "fhir"
    csv = "csv"
    json = "json"
    apple_health = "apple-health"
