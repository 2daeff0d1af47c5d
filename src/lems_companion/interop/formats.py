"""Export and import formats: which one a file is, and turning a diary into each."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence

from lems_companion.diary.io import (
    ImportProblem,
    csv_columns,
    parse_csv,
    parse_identified_entries,
    to_csv,
    to_json,
)
from lems_companion.i18n import N_, Said
from lems_companion.interop.apple_health import parse_apple_health
from lems_companion.interop.fhir import parse_bundle, to_fhir_json
from lems_companion.interop.format_names import ExportFormat, ImportFormat
from lems_companion.interop.phenopacket import to_phenopacket_json
from lems_companion.interop.records import (
    Clinical,
    DiaryRecord,
    ImportedEntry,
    InteropError,
    Subject,
)

# How much of a file is looked at to tell its format; every format shows itself well before.
SNIFF_CHARS = 4_096


# File name suffix and media type of each export.
EXPORT_FILES: dict[ExportFormat, tuple[str, str]] = {
    ExportFormat.fhir: ("fhir.json", "application/fhir+json"),
    ExportFormat.phenopacket: ("phenopacket.json", "application/json"),
    ExportFormat.csv: ("csv", "text/csv"),
    ExportFormat.json: ("json", "application/json"),
}


def export_text(
    records: Sequence[DiaryRecord],
    *,
    format_: ExportFormat,
    subject: Subject,
    clinical: Clinical | None = None,
) -> str:
    """Return the diary in the chosen format as text (FHIR and the phenopacket with the tests
    and tool results in ``clinical``)."""
    if format_ is ExportFormat.fhir:
        return to_fhir_json(records, subject=subject, clinical=clinical) + "\n"
    if format_ is ExportFormat.phenopacket:
        return to_phenopacket_json(records, subject=subject, clinical=clinical) + "\n"
    entries = [record.entry for record in records]
    written_by = {r.entry.id: text for r in records if (text := r.written_by) is not None}
    if format_ is ExportFormat.json:
        identifiers = {record.entry.id: subject.entry_identifier(record) for record in records}
        # Only entries someone else wrote carry an author: the rest are the patient's own.
        authors = {
            record.entry.id: {
                "id": record.author_id,
                "name": record.author_name,
                "role": record.author_role,
            }
            for record in records
            if record.written_by is not None
        }
        return to_json(entries, identifiers=identifiers, authors=authors) + "\n"
    return to_csv(entries, written_by=written_by)


def detect_format(text: str) -> ImportFormat:
    """Return the format of an import file; InteropError saying what was expected when unknown."""
    head = text.lstrip("\ufeff \t\r\n")[:SNIFF_CHARS]
    if head.startswith("<") and "<HealthData" in head:
        return ImportFormat.apple_health
    if head.startswith("{") and '"resourceType"' in head:
        return ImportFormat.fhir
    if head.startswith("{") and ('"phenotypicFeatures"' in head or '"metaData"' in head):
        raise InteropError(
            [
                N_(
                    "this looks like a phenopacket: phenopackets are a summary for sharing and "
                    "cannot be imported; import the FHIR, CSV or JSON export instead"
                )
            ]
        )
    if head.startswith(("[", "{")):
        return ImportFormat.json
    first_line = head.split("\n", 1)[0].strip()
    if first_line.startswith(",".join(csv_columns()[:2])):
        return ImportFormat.csv
    raise InteropError(
        [
            N_(
                "unknown file format: expected a FHIR Bundle (JSON), a CSV export with the header "
                "documented in docs/interop.md, a JSON diary export or an Apple Health export.xml"
            )
        ]
    )


def parse_import(text: str, *, format_: ImportFormat | None = None) -> list[ImportedEntry]:
    """Return the entries in an import file (format detected unless given), each with the
    identifier it carries; InteropError naming every fault, so that nothing is imported from a
    file with any fault."""
    chosen = format_ or detect_format(text)
    try:
        if chosen is ImportFormat.fhir:
            return parse_bundle(text)
        if chosen is ImportFormat.csv:
            return [ImportedEntry(entry) for entry in parse_csv(text)]
        if chosen is ImportFormat.apple_health:
            return parse_apple_health(io.BytesIO(text.encode("utf-8")))
        return [
            ImportedEntry(entry, identifier) for entry, identifier in parse_identified_entries(text)
        ]
    except ImportProblem as problem:
        raise InteropError(problem.problems) from None
    except (ValueError, json.JSONDecodeError) as error:
        if isinstance(error, InteropError):
            raise
        raise InteropError(
            [
                Said(
                    N_("the file is not a valid %(format)s file: %(reason)s"),
                    format=chosen.value,
                    reason=str(error),
                )
            ]
        ) from None
