"""What an export reads and an import yields: entries with their flags, authors and identifiers,
the person they belong to, and their tests and clinician-tool results."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from lems_companion.diary.flags import FlagRecord
from lems_companion.diary.schemas import EntryCreate, EntryPublic
from lems_companion.interop.identity import record_uuid, urn
from lems_companion.investigations.schemas import InvestigationPublic
from lems_companion.tools.records import ToolResultPublic


class InteropError(ValueError):
    """A file that cannot be imported; ``problems`` says where and what, one line each."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True, slots=True)
class DiaryRecord:
    """One diary entry as exported: its content, the flags triage stored (empty when none), who
    wrote it and its identifier (empty: derived from the entry id by the export)."""

    entry: EntryPublic
    flags: tuple[FlagRecord, ...] = field(default=())
    identifier: str = ""
    # patient, caregiver or clinician (diary.models.Entry.author_role); author_id their account.
    author_role: str = "patient"
    author_id: int | None = None
    # The author's name (display name, else e-mail) when it is not the patient; None otherwise.
    author_name: str | None = None

    @property
    def written_by(self) -> str | None:
        """Return "NAME (caregiver)" for an entry not written by the patient; None otherwise."""
        if self.author_role == "patient":
            return None
        return f"{self.author_name or 'a deleted account'} ({self.author_role})"


@dataclass(frozen=True, slots=True)
class Subject:
    """The person a diary belongs to, as exports name them: the installation's namespace, the
    account id, and the profile's display name and date of birth (None when not given)."""

    namespace: uuid.UUID
    user_id: int
    name: str | None = None
    birth_date: date | None = None

    def record_urn(self, kind: str, key: object) -> str:
        """Return the stable URN of one record of this installation (``kind`` names its table)."""
        return urn(record_uuid(self.namespace, kind, key))

    @property
    def patient_uuid(self) -> uuid.UUID:
        """Return the UUID of the person themself: the FHIR Patient and the phenopacket subject."""
        return record_uuid(self.namespace, "patient", self.user_id)

    def entry_identifier(self, record: DiaryRecord) -> str:
        """Return the entry's identifier: the one it was imported with, else derived from its id."""
        return record.identifier or self.record_urn("entry", record.entry.id)


@dataclass(frozen=True, slots=True)
class Clinical:
    """A person's recorded tests and saved clinician-tool results; empty when none."""

    investigations: Sequence[InvestigationPublic] = ()
    tool_results: Sequence[ToolResultPublic] = ()


@dataclass(frozen=True, slots=True)
class ImportedEntry:
    """An entry read from a file, with the identifier it carries there (None when it has none)."""

    entry: EntryCreate
    identifier: str | None = None
