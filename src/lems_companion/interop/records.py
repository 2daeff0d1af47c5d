"""What an export reads: each entry with the red flags the app raised for it."""

from __future__ import annotations

from dataclasses import dataclass, field

from lems_companion.diary.flags import FlagRecord
from lems_companion.diary.schemas import EntryPublic


class InteropError(ValueError):
    """A file that cannot be imported; ``problems`` says where and what, one line each."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True, slots=True)
class DiaryRecord:
    """One diary entry as exported: its content and the flags triage stored (empty when none)."""

    entry: EntryPublic
    flags: tuple[FlagRecord, ...] = field(default=())
